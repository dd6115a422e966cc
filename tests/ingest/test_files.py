"""Which files are read as articles, and what happens to everything else in a folder.

Only article files are imported (.txt, .html and .htm unless --glob says otherwise); the rest
is skipped and counted. A FIFO, a device, a socket, a symlink loop or an unreadable folder
each get one line naming the path and the problem, never a traceback or a hang, in
import_articles and in extract, and the other files still go through.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from meetings.models import Article, Person
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Gürcistan Dışişleri Bakanı İlia Darçiaşvili, Azerbaycan Dışişleri Bakanı Ceyhun "
    "Bayramov'u Tiflis'te kabul etti.\n\n"
    'Darçiaşvili, "Şimdi ortak projelerimizi hızlandırma zamanı" dedi. ({n})\n'
)
HANG_SECONDS = 20


def article(n: int) -> bytes:
    """A small good article; each n gives different bytes, so each is its own article."""
    return ARTICLE.format(n=n).encode()


class Hung(BaseException):
    """Raised by the alarm in a command that blocks; not an Exception, so no handler hides it."""


def run(command: str, *args, **options) -> tuple[str, str, CommandError | None]:
    """Run a command: (stdout, stderr, error). A FIFO must never make it hang: an alarm
    interrupts a blocked read and fails the test."""
    out, err = StringIO(), StringIO()

    def hang(signum, frame):
        raise Hung

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(HANG_SECONDS)
    try:
        call_command(command, *map(str, args), stdout=out, stderr=err, **options)
        error = None
    except CommandError as exc:
        error = exc
    except Hung:
        pytest.fail(f"{command} hung (a FIFO read as an article?)")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return out.getvalue(), err.getvalue(), error


def lines(text: str) -> list[str]:
    return text.strip().splitlines()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with three articles and a few files that are not articles."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_bytes(article(1))
    (news / "b.html").write_bytes(b"<html><body><p>" + article(2) + b"</p></body></html>")
    (news / "c.htm").write_bytes(b"<html><body><p>" + article(3) + b"</p></body></html>")
    (news / "notes.md").write_bytes(article(4))
    (news / "data.json").write_bytes(b'{"title": "' + article(5)[:20] + b'"}')
    (news / "table.csv").write_bytes(b"name,role\n" + article(6)[:30])
    (news / "feed.xml").write_bytes(b"<rss>" + article(7) + b"</rss>")
    (news / ".hidden.txt").write_bytes(article(8))
    return news


# Which files are articles --------------------------------------------------------------------


def test_only_article_files_are_imported_and_the_rest_counted(folder: Path) -> None:
    out, err, error = run("import_articles", folder)
    assert error is None and err == ""
    assert "3 files: 3 new, 0 unchanged, 0 updated, 0 failed." in out
    assert "4 skipped (not *.txt, *.html or *.htm; see --glob)" in out
    assert sorted(Article.objects.values_list("filename", flat=True)) == [
        "a.txt",
        "b.html",
        "c.htm",
    ]


def test_verbosity_two_names_each_skipped_file(folder: Path) -> None:
    out, _, _ = run("import_articles", folder, verbosity=2)
    assert f"{folder / 'notes.md'}: skipped (not an article file)" in lines(out)


def test_a_file_named_on_the_command_line_is_read_whatever_its_name(folder: Path) -> None:
    out, _, error = run("import_articles", folder / "notes.md")
    assert error is None
    assert "1 files: 1 new" in out
    assert Article.objects.get().filename == "notes.md"


@pytest.mark.parametrize(
    ("globs", "expected"),
    [
        (["*.md"], ["notes.md"]),
        (["*.md,*.xml"], ["feed.xml", "notes.md"]),
        (["*.md", "*.XML"], ["feed.xml", "notes.md"]),  # repeated; letter case does not matter
    ],
    ids=["one", "comma-separated", "repeated"],
)
def test_glob_chooses_the_article_files(folder: Path, globs: list[str], expected) -> None:
    options = [arg for pattern in globs for arg in ("--glob", pattern)]
    out, _, error = run("import_articles", folder, *options)
    assert error is None
    assert sorted(Article.objects.values_list("filename", flat=True)) == expected
    assert f"{7 - len(expected)} skipped" in out


def test_a_subfolder_is_not_read_and_is_counted_as_skipped(folder: Path) -> None:
    (folder / "older").mkdir()
    (folder / "older" / "d.txt").write_bytes(article(9))
    out, _, error = run("import_articles", folder)
    assert error is None
    assert "3 new" in out and "5 skipped" in out
    assert "d.txt" not in Article.objects.values_list("filename", flat=True)


# Things that are not regular files -----------------------------------------------------------


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _loop(path: Path) -> Path:
    os.symlink(path.name, path)  # a link to itself
    return path


def _socket(path: Path) -> Path:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    sock.close()  # the socket file stays
    return path


def _device(path: Path) -> Path:
    os.symlink("/dev/null", path)
    return path


ODD_FILES = [
    (_fifo, "not a regular file (a FIFO)"),
    (_loop, "symlink loop (too many levels of symbolic links)"),
    (_socket, "not a regular file (a socket)"),
    (_device, "not a regular file (a character device)"),
]
ODD_IDS = ["fifo", "symlink-loop", "socket", "device"]


@pytest.mark.parametrize(("make", "problem"), ODD_FILES, ids=ODD_IDS)
def test_an_odd_file_in_a_folder_gets_one_line_and_the_rest_import(
    folder: Path, make, problem: str
) -> None:
    odd = make(folder / "odd.txt")
    out, err, error = run("import_articles", folder)
    assert lines(err) == [f"{odd}: {problem}"]
    assert "4 files: 3 new, 0 unchanged, 0 updated, 1 failed." in out
    assert error is not None and "1 of 4 files failed" in str(error)
    assert Article.objects.count() == 3


@pytest.mark.parametrize(("make", "problem"), ODD_FILES, ids=ODD_IDS)
def test_an_odd_file_named_directly_gets_one_line(folder: Path, make, problem: str) -> None:
    odd = make(folder / "odd.txt")
    out, err, error = run("import_articles", odd, folder / "a.txt")
    assert lines(err) == [f"{odd}: {problem}"]
    assert error is not None and "1 of 2 files failed" in str(error)
    assert Article.objects.get().filename == "a.txt"


def test_a_loop_of_two_links_to_folders_is_one_line(tmp_path: Path, folder: Path) -> None:
    os.symlink(tmp_path / "there", tmp_path / "here")
    os.symlink(tmp_path / "here", tmp_path / "there")
    out, err, error = run("import_articles", tmp_path / "here", folder)
    assert lines(err) == [f"{tmp_path / 'here'}: symlink loop (too many levels of symbolic links)"]
    assert error is not None and Article.objects.count() == 3


def test_a_broken_link_says_so(folder: Path) -> None:
    os.symlink(folder / "gone.txt", folder / "link.txt")
    _, err, error = run("import_articles", folder)
    assert lines(err) == [f"{folder / 'link.txt'}: broken symbolic link (its target is missing)"]
    assert error is not None and Article.objects.count() == 3


@pytest.mark.parametrize(("make", "problem"), ODD_FILES, ids=ODD_IDS)
def test_extract_reports_an_odd_file_and_reads_the_rest(folder: Path, make, problem) -> None:
    odd = make(folder / "odd.txt")
    out, err, error = run("extract", odd, folder / "a.txt")
    assert lines(err) == [f"{odd}: {problem}"]
    assert error is not None and "1 of 2 files could not be read" in str(error)
    assert "İlia Darçiaşvili" in out


def test_extract_reads_the_article_files_of_a_folder(folder: Path) -> None:
    _fifo(folder / "pipe.txt")
    out, err, error = run("extract", folder, "--glob", "*.txt,*.md")
    assert lines(err) == [f"{folder / 'pipe.txt'}: not a regular file (a FIFO)"]
    assert error is not None and "1 of 3 files could not be read" in str(error)
    assert "a.txt:" in out and "notes.md:" in out and "b.html" not in out


# Folders and files that cannot be read -------------------------------------------------------


def _locked(path: Path) -> Path:
    path.chmod(0)
    if os.access(path, os.R_OK):
        path.chmod(0o700)
        pytest.skip("this user can read a folder with no permissions (root): see the setpriv test")
    return path


@pytest.fixture
def locked_folder(folder: Path):
    locked = folder.parent / "locked"
    locked.mkdir()
    (locked / "x.txt").write_bytes(article(10))
    yield _locked(locked)
    locked.chmod(0o700)


def test_an_unreadable_folder_is_one_line_and_the_rest_import(folder, locked_folder) -> None:
    out, err, error = run("import_articles", locked_folder, folder)
    assert lines(err) == [f"{locked_folder}: cannot be read (permission denied)"]
    assert error is not None and Article.objects.count() == 3


def test_extract_reports_an_unreadable_folder(folder, locked_folder) -> None:
    out, err, error = run("extract", locked_folder, folder / "a.txt")
    assert lines(err) == [f"{locked_folder}: cannot be read (permission denied)"]
    assert error is not None and "İlia Darçiaşvili" in out


@pytest.mark.skipif(not shutil.which("setpriv") and os.geteuid() == 0, reason="needs setpriv")
def test_an_unreadable_folder_as_a_user_who_cannot_read_it(tmp_path: Path, folder: Path) -> None:
    """As a real process without the power to read others' files (root has it)."""
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_bytes(article(10))
    (folder / "secret.txt").write_bytes(article(11))
    (folder / "secret.txt").chmod(0)
    locked.chmod(0)
    env = {**os.environ, "DJANGO_DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'db'}"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    prefix = prefix if os.geteuid() == 0 else []
    try:
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        for command in ("import_articles", "extract"):
            result = subprocess.run(
                [*prefix, *manage, command, str(locked), str(folder)],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert "Traceback" not in result.stderr
            assert result.returncode == 1, result.stderr
            assert sorted(lines(result.stderr)[:2]) == sorted(
                [
                    f"{folder / 'secret.txt'}: cannot be read (permission denied)",
                    f"{locked}: cannot be read (permission denied)",
                ]
            )
            assert "İlia Darçiaşvili" in result.stdout or "3 new" in result.stdout
    finally:
        locked.chmod(0o700)


# Values too long for the database ------------------------------------------------------------


def test_an_over_long_name_fails_its_file_the_same_way_on_every_database(folder: Path) -> None:
    name = "L" + "a" * 39_997 + "rov"
    (folder / "long.txt").write_text(
        f"Azerbaycan Cumhurbaşkanı İlham Aliyev, Rusya Dışişleri Bakanı Sergey {name}'u "
        "Bakü'de kabul etti.",
        encoding="utf-8",
    )
    out, err, error = run("import_articles", folder)
    [line] = lines(err)
    assert line.startswith(f"{folder / 'long.txt'}: ")
    assert "person name" in line and "200" in line
    assert error is not None and "1 of 4 files failed" in str(error)
    assert Article.objects.count() == 3
    assert not Person.objects.filter(name__contains="aaaaaaaaaa").exists()
    assert not Article.objects.filter(filename="long.txt").exists()


# Text the databases would disagree on --------------------------------------------------------


def test_nul_bytes_are_removed_with_a_warning_on_every_database(folder: Path) -> None:
    (folder / "nul.txt").write_bytes(article(12).replace(b"Tiflis", b"Tif\x00lis\x00"))
    out, err, error = run("import_articles", folder / "nul.txt")
    assert error is None, err
    stored = Article.objects.get()
    assert "\x00" not in stored.raw_text and "\x00" not in stored.text
    assert "Tiflis'te" in stored.text
    warning = "decoding: 2 NUL bytes were removed"
    assert warning in stored.warnings
    assert f"{folder / 'nul.txt'}: warning: {warning}" in lines(out)


def test_a_decoding_warning_is_printed_unless_quiet(folder: Path) -> None:
    (folder / "mixed.txt").write_bytes(article(13) + "Görüşme Bakü'de sürdü.\n".encode("cp1254"))
    out, _, error = run("import_articles", folder / "mixed.txt")
    assert error is None
    assert any(
        line.startswith(f"{folder / 'mixed.txt'}: warning: decoding:") for line in lines(out)
    )
    assert "Bakü'de" in Article.objects.get().text
    Article.objects.all().delete()
    out, _, _ = run("import_articles", folder / "mixed.txt", verbosity=0)
    assert out == ""
