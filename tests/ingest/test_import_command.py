"""`manage.py import_articles`: safe to run again and again, on good files and bad ones.

The bad files live in tests/ingest/bad_articles/; the 5 MB file and the unreadable file are
made here, so the repository stays small.
"""

import os
import shutil
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from meetings.ingest.records import RecordWriter
from meetings.models import Agreement, Article, Meeting, Participation, Person, Statement
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.django_db
BAD = ROOT / "tests" / "ingest" / "bad_articles"


def run(*args, **kwargs):
    """Run the command, returning (stdout, stderr, error or None)."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", *map(str, args), stdout=out, stderr=err, **kwargs)
        error = None
    except CommandError as exc:
        error = exc
    return out.getvalue(), err.getvalue(), error


def counts():
    return {m.__name__: m.objects.count() for m in (Article, Meeting, Person, Statement, Agreement)}


def test_the_seeds_import_with_a_summary(known_entities):
    out, err, error = run()
    assert error is None and err == ""
    assert "2 files: 2 new, 0 unchanged, 0 updated, 0 failed." in out
    assert Article.objects.count() == 2
    reception = Meeting.objects.get(date__isnull=False)
    assert reception.participations.get(role="host").person.name == "İlham Aliyev"
    assert reception.participations.get(role="guest").person.name == "Sergey Lavrov"
    # Seed 000's "üçlü anlaşma" and seed 001's "Kasım 2020 Bildirgesi" are one agreement.
    trilateral = Agreement.objects.get(slug="10-kasim-2020-uclu-bildirisi")
    assert trilateral.mentions.values("meeting").distinct().count() == 2


def test_importing_again_changes_nothing(known_entities):
    run()
    before = counts(), sorted(Statement.objects.values_list("pk", flat=True))
    out, _, error = run()
    assert error is None
    assert "2 files: 0 new, 2 unchanged, 0 updated, 0 failed." in out
    assert (counts(), sorted(Statement.objects.values_list("pk", flat=True))) == before


def test_each_bad_file_gets_one_clear_line_and_the_rest_import(known_entities, tmp_path):
    big = tmp_path / "huge.txt"
    big.write_bytes(b"Bakan gorustu. " * 333_334)  # 5.0 MB of plain text
    out, err, error = run(BAD, big, tmp_path / "missing.txt")
    lines = err.strip().splitlines()
    assert f"{tmp_path / 'missing.txt'}: no such file or directory" in lines
    assert f"{big}: 5.0 MB is larger than the 1 MB limit for one article (--max-bytes)" in lines
    assert any(line.startswith(f"{BAD / 'empty.txt'}: empty input") for line in lines)
    assert any(line.startswith(f"{BAD / 'binary.txt'}: binary input") for line in lines)
    assert len(lines) == 4
    assert error is not None and "4 of 9 files failed" in str(error)
    assert "5 new" in out
    imported = set(Article.objects.values_list("filename", flat=True))
    assert imported == {
        "cp1254_turkish.txt",
        "utf16_bom.txt",
        "markup.html",
        "no_meeting.txt",
        "unbalanced_quotes.txt",
    }


def test_cp1254_turkish_imports_correctly(known_entities):
    run(BAD / "cp1254_turkish.txt")
    article = Article.objects.get()
    assert "Gürcistan Başbakanı" in article.text and "Tiflis'te" in article.text
    meeting = Meeting.objects.get()
    assert meeting.location == "Tiflis"
    assert meeting.participations.get(role="guest").raw_name == "Ararat Mirzoyan"


def test_an_article_with_no_meeting_is_stored_and_flagged(known_entities):
    run(BAD / "no_meeting.txt")
    article = Article.objects.get()
    assert article.needs_review
    assert "no meeting found" in article.warnings


def test_an_html_page_imports_as_its_text(known_entities):
    run(BAD / "markup.html")
    article = Article.objects.get()
    assert "<" in article.raw_text and "<" not in article.text
    assert "the file is an HTML page: its markup was removed" in article.warnings
    assert Meeting.objects.get().participations.get(role="host").person.name == "İlham Aliyev"


def test_an_unclosed_quote_is_kept(known_entities):
    run(BAD / "unbalanced_quotes.txt")
    texts = list(Statement.objects.values_list("text", flat=True))
    assert any(t.startswith("İki ülke arasındaki ticaret hacmini") for t in texts)


def test_a_failing_file_leaves_nothing_behind(known_entities, monkeypatch):
    """A fault injected after the meetings are written rolls the whole file back."""
    original = RecordWriter._sync_agreements

    def explode(self, article, index, meeting, found, statements):
        if article.filename.startswith("001"):
            raise RuntimeError("disk full")
        return original(self, article, index, meeting, found, statements)

    monkeypatch.setattr(RecordWriter, "_sync_agreements", explode)
    _, err, error = run()
    assert "001_1281da8a27769593.txt: could not be imported (RuntimeError: disk full)" in err
    assert error is not None
    assert list(Article.objects.values_list("filename", flat=True)) == ["000_c0a32fc8072f6d9b.txt"]
    assert Meeting.objects.count() == 1
    assert not Statement.objects.exclude(meeting__in=Meeting.objects.all()).exists()


def test_a_person_created_by_a_failed_file_is_not_reused(known_entities, tmp_path, monkeypatch):
    """A later file naming the same new person must not point at the rolled-back row."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(
            f"date 2023-0{len(name)} Gürcistan Başbakanı İrakli Garibaşvili, Tiflis'te Ermenistan "
            "Dışişleri Bakanı Ararat Mirzoyan'ı kabul etti.",
            encoding="utf-8",
        )
    original = RecordWriter._sync_agreements

    def explode(self, article, *args):
        if article.filename == "a.txt":
            raise RuntimeError("disk full")
        return original(self, article, *args)

    monkeypatch.setattr(RecordWriter, "_sync_agreements", explode)
    _, err, _ = run(tmp_path)
    assert "b.txt" not in err
    assert Participation.objects.get(role="guest").person.name == "Ararat Mirzoyan"


def test_dry_run_reports_but_writes_nothing(known_entities):
    before = counts()
    out, _, error = run(dry_run=True)
    assert error is None
    assert "Dry run, nothing written. 2 files: 2 new" in out
    assert counts() == before


def test_reextract_rereads_stored_articles_and_keeps_ids_and_locks(known_entities, monkeypatch):
    run()
    monkeypatch.setattr("meetings.ingest.files.CHUNK", 1)  # articles are read a chunk at a time
    meeting = Meeting.objects.get(date__isnull=False)
    meeting.location = "Bakü şehri"
    meeting.lock("location")
    meeting.save()
    ids = sorted(Statement.objects.values_list("pk", flat=True))
    out, _, error = run(reextract=True)
    assert error is None
    assert "2 updated" in out
    meeting.refresh_from_db()
    assert meeting.location == "Bakü şehri"
    assert sorted(Statement.objects.values_list("pk", flat=True)) == ids


def test_a_changed_file_under_the_same_name_replaces_its_records(known_entities, tmp_path):
    path = tmp_path / "article.txt"
    shutil.copy(SEEDS / "000_c0a32fc8072f6d9b.txt", path)
    run(path)
    text = path.read_text(encoding="utf-8").replace("Buraya geniş bir heyetle geldik.", "Geldik.")
    path.write_text(text, encoding="utf-8")
    out, _, _ = run(path)
    assert "1 updated" in out
    assert Article.objects.count() == 1
    lavrov = Statement.objects.get(speaker__name="Sergey Lavrov")
    assert lavrov.text.startswith("Geldik.")


def test_verbosity_two_lists_each_file(known_entities):
    out, _, _ = run(verbosity=2)
    assert f"{SEEDS / '000_c0a32fc8072f6d9b.txt'}: new" in out


def test_parallel_workers_import_the_same_as_one_process(tmp_path):
    """The real command, twice on fresh SQLite files: --jobs 2 and one process agree."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("000_c0a32fc8072f6d9b.txt", "001_1281da8a27769593.txt"):
        shutil.copy(SEEDS / name, articles / name)
    shutil.copy(BAD / "cp1254_turkish.txt", articles / "cp1254.txt")
    (articles / "empty.txt").write_bytes(b"")
    results = {}
    for jobs in ("1", "2"):
        env = {**os.environ, "DJANGO_DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path}/{jobs}"}
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        subprocess.run([*manage, "load_known_entities", "-v0"], env=env, check=True, cwd=ROOT)
        run_ = subprocess.run(
            [*manage, "import_articles", str(articles), "--jobs", jobs],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        dump = subprocess.run(
            [
                *manage,
                "shell",
                "-v0",
                "-c",
                "from meetings.models import *; print(["
                "m.objects.count() for m in (Article, Meeting, Person, Statement, Agreement)])",
            ],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        results[jobs] = (run_.returncode, run_.stdout.splitlines()[0], dump.stdout.strip())
        assert f"{articles / 'empty.txt'}: empty input" in run_.stderr
    assert results["1"] == results["2"]
    assert results["2"][:2] == (1, "4 files: 3 new, 0 unchanged, 0 updated, 1 failed.")


def test_quiet_when_verbosity_is_zero(known_entities):
    out, err, _ = run(verbosity=0)
    assert out == "" and err == ""


@pytest.mark.skipif(not shutil.which("setpriv") and os.geteuid() == 0, reason="needs setpriv")
def test_an_unreadable_file_is_reported_by_name(tmp_path):
    """Run as a real process without the power to read others' files (root has it)."""
    locked = tmp_path / "locked.txt"
    shutil.copy(SEEDS / "000_c0a32fc8072f6d9b.txt", locked)
    locked.chmod(0)
    env = {**os.environ, "DJANGO_DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'db'}"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    result = subprocess.run(
        [*(prefix if os.geteuid() == 0 else []), *manage, "import_articles", str(locked)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert f"{locked}: cannot be read (permission denied)" in result.stderr
