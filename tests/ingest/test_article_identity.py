"""An article is known by its source (the path it was imported from, or what it was pasted
as), beside its content's hash: two files never overwrite each other, whatever their names."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from meetings.corpus.generator import generate_article
from meetings.ingest import Ingestor
from meetings.models import Article, Meeting, MeetingReport
from meetings.models.sources import file_source, pasted_source
from tests.conftest import SEEDS
from tests.ingest.builders import aliyev_receives_lavrov

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = []

    class Out:
        def write(self, text):
            out.append(text)

        def flush(self):
            pass

    call_command("import_articles", *map(str, args), stdout=Out(), stderr=Out())
    return "".join(out)


def _news(folder, index: int, seed: int = 3) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "news.txt").write_text(generate_article(seed, index).text, encoding="utf-8")


def test_two_files_of_one_name_in_two_folders_are_two_articles(known_entities, tmp_path):
    _news(tmp_path / "a", 1)
    _news(tmp_path / "b", 2)
    out = _run(tmp_path / "a", tmp_path / "b")
    assert "2 files: 2 new, 0 unchanged, 0 updated, 0 failed." in out
    sources = set(Article.objects.values_list("source", flat=True))
    assert sources == {f"file:{tmp_path}/a/news.txt", f"file:{tmp_path}/b/news.txt"}
    # Each article keeps its own meeting.
    assert MeetingReport.objects.values("article").distinct().count() == 2
    assert Meeting.objects.count() >= 2


def test_one_at_a_time_two_files_of_one_name_are_two_articles(known_entities, tmp_path):
    _news(tmp_path / "a", 1)
    _news(tmp_path / "b", 2)
    assert "1 new" in _run(tmp_path / "a" / "news.txt")
    assert "1 new, 0 unchanged, 0 updated" in _run(tmp_path / "b" / "news.txt")
    assert Article.objects.count() == 2
    assert MeetingReport.objects.values("article").distinct().count() == 2


def test_a_changed_file_updates_its_article_and_no_other(known_entities, tmp_path):
    _news(tmp_path / "a", 1)
    _news(tmp_path / "b", 2)
    _run(tmp_path / "a", tmp_path / "b")
    b = Article.objects.get(source__endswith="/b/news.txt")
    _news(tmp_path / "a", 5)  # new content under the same path
    assert "0 new, 1 unchanged, 1 updated" in _run(tmp_path / "a", tmp_path / "b")
    assert Article.objects.count() == 2
    a = Article.objects.get(source__endswith="/a/news.txt")
    assert generate_article(3, 5).text.strip()[:40] in a.raw_text
    assert Article.objects.get(pk=b.pk).sha256 == b.sha256


def test_the_same_content_under_two_paths_is_one_article(known_entities, tmp_path):
    _news(tmp_path / "a", 1)
    _news(tmp_path / "b", 1)
    assert "1 new, 1 unchanged" in _run(tmp_path / "a", tmp_path / "b")
    assert Article.objects.count() == 1


def test_a_relative_path_and_its_absolute_form_are_one_source(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    assert file_source("a/news.txt") == file_source(tmp_path / "a" / "news.txt")
    assert file_source("./a/../a/news.txt") == f"file:{tmp_path}/a/news.txt"


def test_a_file_of_the_project_is_known_by_its_path_in_it(settings):
    assert file_source(SEEDS / "000.txt") == "file:fixtures/articles/000.txt"


def test_a_pasted_article_is_known_by_its_content(known_entities):
    extracted = aliyev_receives_lavrov(file=None)
    assert Ingestor().ingest(extracted, extracted.text) == "new"
    article = Article.objects.get()
    assert article.source == pasted_source(article.sha256)
    assert Ingestor().ingest(extracted, extracted.text) == "unchanged"


def test_articles_of_other_sources_never_replace_each_other(known_entities):
    first = aliyev_receives_lavrov("news.txt")
    second = aliyev_receives_lavrov("news.txt", quote="Başka bir alıntı.")
    assert Ingestor().ingest(first, first.text, source="https://example.org/1") == "new"
    assert Ingestor().ingest(second, second.text, source="https://example.org/2") == "new"
    assert Article.objects.count() == 2
    third = aliyev_receives_lavrov("news.txt", quote="Üçüncü bir alıntı.")
    assert Ingestor().ingest(third, third.text, source="https://example.org/1") == "updated"
    by_source = dict(Article.objects.values_list("source", "sha256"))
    assert by_source == {
        "https://example.org/1": third.source.sha256,
        "https://example.org/2": second.source.sha256,
    }


def test_reimporting_the_seeds_changes_nothing(known_entities):
    _run(SEEDS)
    before = list(Article.objects.order_by("pk").values_list("pk", "source", "last_imported_at"))
    out = _run(SEEDS)
    assert " 0 new, " in out and " 0 updated, " in out
    after = list(Article.objects.order_by("pk").values_list("pk", "source", "last_imported_at"))
    assert after == before
    assert all(source.startswith("file:fixtures/articles/") for _, source, _ in after)


# Articles imported before sources existed -----------------------------------------------
def _migrate(targets=None):
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_articles_stored_before_sources_get_one_and_the_seeds_are_still_the_seeds(tmp_path):
    seed = sorted(SEEDS.iterdir())[0]
    old = _migrate([("meetings", "0008_countries_iso")])
    try:
        OldArticle = old.get_model("meetings", "Article")
        fields = {"raw_text": "x", "text": "x", "date_precision": "unknown"}
        OldArticle.objects.create(filename=seed.name, sha256="1" * 64, **fields)
        OldArticle.objects.create(filename="news.txt", sha256="2" * 64, **fields)
        OldArticle.objects.create(filename="news.txt", sha256="3" * 64, **fields)
        OldArticle.objects.create(filename="", sha256="4" * 64, **fields)
        new = _migrate([("meetings", "0009_article_sources_and_set_null")])
        sources = dict(new.get_model("meetings", "Article").objects.values_list("sha256", "source"))
    finally:
        _migrate()
    assert sources == {
        "1" * 64: f"file:fixtures/articles/{seed.name}",
        "2" * 64: "legacy:news.txt",
        "3" * 64: f"legacy:news.txt#{'3' * 12}",
        "4" * 64: f"pasted:{'4' * 64}",
    }


def test_a_legacy_article_found_by_its_content_takes_its_path(known_entities, tmp_path):
    _news(tmp_path / "a", 1)
    _run(tmp_path / "a")
    Article.objects.update(source="legacy:news.txt")  # as migration 0009 leaves it
    assert "1 unchanged" in _run(tmp_path / "a")
    assert Article.objects.get().source == f"file:{tmp_path}/a/news.txt"
    _news(tmp_path / "a", 2)
    assert "1 updated" in _run(tmp_path / "a")
    assert Article.objects.count() == 1
