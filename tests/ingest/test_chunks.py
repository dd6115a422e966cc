"""New files are written many to a transaction: the same records as one file at a time."""

import pytest
from django.db import connection, transaction

from meetings.corpus import write_corpus
from meetings.ingest import Ingestor
from meetings.ingest.articles import POSSIBLE_DUPLICATE
from meetings.ingest.files import MAX_BYTES, chunks, import_files, import_one
from meetings.models import (
    Agreement,
    AgreementMention,
    Article,
    Meeting,
    Participation,
    Person,
    PersonMention,
    SearchDocument,
    Statement,
)
from tests.conftest import SEEDS
from tests.ingest.builders import ArticleBuilder, aliyev_receives_lavrov

pytestmark = pytest.mark.django_db(transaction=True)


class Rollback(Exception):
    """Raised to undo an import once its records have been read."""


def in_order(rows) -> list:
    """Rows in a stable order, whatever None they hold."""
    return sorted(rows, key=repr)


def records() -> dict:
    """Everything an import wrote, by content rather than by id."""
    return {
        "articles": in_order(Article.objects.values_list("filename", "title", "needs_review")),
        "meetings": in_order(
            (m.slug, m.title, str(m.date), m.date_precision, m.location, m.kind, m.needs_review)
            + (tuple(m.review_reasons), tuple(sorted(r.article.filename for r in m.reports.all())))
            for m in Meeting.objects.prefetch_related("reports__article")
        ),
        "participations": in_order(
            Participation.objects.values_list(
                "meeting__slug",
                "article__filename",
                "raw_name",
                "role",
                "title",
                "person__name",
                "span_start",
                "span_end",
            )
        ),
        "statements": in_order(
            Statement.objects.values_list(
                "meeting__slug",
                "article__filename",
                "speaker_name",
                "speaker__name",
                "text",
                "direct",
                "order",
                "span_start",
                "span_end",
            )
        ),
        "agreements": in_order(
            (a.slug, a.name, a.status, tuple(sorted(c.name_tr for c in a.parties.all())))
            for a in Agreement.objects.prefetch_related("parties")
        ),
        "agreement mentions": in_order(
            AgreementMention.objects.values_list(
                "agreement__slug", "meeting__slug", "statement__text", "text", "span_start"
            )
        ),
        "people": in_order(Person.objects.values_list("name", "slug", "country__name_tr")),
        "person mentions": in_order(
            PersonMention.objects.values_list("article__filename", "raw_name", "person__name")
        ),
        "search documents": SearchDocument.objects.count(),
    }


def imported(import_all) -> dict:
    """The records import_all() writes, then undone so the next import starts afresh."""
    found = {}
    with pytest.raises(Rollback), transaction.atomic():
        import_all()
        found.update(records())
        raise Rollback
    return found


@pytest.fixture
def articles(tmp_path):
    """The seeds and 60 generated articles, some of them reporting the same meetings."""
    write_corpus(tmp_path, 60, seed=7)
    for seed in SEEDS.iterdir():
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    return sorted(tmp_path.iterdir())


def test_chunks_write_the_same_records_as_one_file_at_a_time(known_entities, articles):
    def one_at_a_time():
        ingestor = Ingestor()
        assert all(import_one(ingestor, f, MAX_BYTES) == ("new", None) for f in articles)

    def in_chunks():
        ingestor = Ingestor()
        for chunk in chunks(articles, 25):
            assert {r[1:] for r in import_files(ingestor, chunk, MAX_BYTES)} == {("new", None)}

    alone, together = imported(one_at_a_time), imported(in_chunks)
    assert len(alone["meetings"]) > 50 and len(alone["statements"]) > 300
    for what in alone:
        assert together[what] == alone[what], what


def test_a_chunk_is_searchable_as_soon_as_it_is_stored(known_entities):
    article = aliyev_receives_lavrov("a.txt")
    Ingestor(reindex_every=200).ingest_new([(article, article.text)])
    assert SearchDocument.objects.filter(meeting=Meeting.objects.get()).exists()


def test_two_reports_of_one_meeting_in_one_chunk_become_one_meeting(known_entities):
    first = aliyev_receives_lavrov("first.txt", date="2020-11")
    second = aliyev_receives_lavrov("second.txt", date="2020-11-21", quote="Başka bir alıntı.")
    Ingestor().ingest_new([(first, first.text), (second, second.text)])
    meeting = Meeting.objects.get()
    assert sorted(r.article.filename for r in meeting.reports.all()) == [
        "first.txt",
        "second.txt",
    ]
    assert Person.objects.filter(name="Sergey Lavrov").count() == 1
    assert meeting.statements.count() == 2


def test_an_undated_report_in_a_chunk_is_not_merged_but_flagged(known_entities):
    dated = aliyev_receives_lavrov("dated.txt", date="2020-11")
    undated = aliyev_receives_lavrov("undated.txt", date=None, quote="Başka.")
    Ingestor().ingest_new([(dated, dated.text), (undated, undated.text)])
    assert Meeting.objects.count() == 2
    flagged = Meeting.objects.get(date__isnull=True)
    assert flagged.needs_review and POSSIBLE_DUPLICATE in flagged.review_reasons


def test_an_agreement_new_in_a_chunk_is_one_row_with_its_parties(known_entities):
    texts = []
    for name in ("one.txt", "two.txt"):
        b = ArticleBuilder(name)
        b.write(f"Haber {name}: ")  # two articles, two texts
        meeting = b.meeting(
            ("Recep Tayyip Erdoğan", "Türkiye Cumhurbaşkanı", "Türkiye"),
            ("Kassym-Jomart Tokayev", "Kazakistan Cumhurbaşkanı", "Kazakistan"),
            place="Ankara",
            country="Türkiye",
        )
        b.agreement(meeting, "Ankara Enerji Protokolü", ["Türkiye", "Kazakistan"], "signed")
        texts.append(b.build())
    Ingestor().ingest_new([(t, t.text) for t in texts])
    protocol = Agreement.objects.get(name="Ankara Enerji Protokolü")
    assert sorted(c.name_tr for c in protocol.parties.all()) == ["Kazakistan", "Türkiye"]
    assert protocol.status == "signed"
    assert protocol.mentions.count() == 2
    assert Person.objects.filter(name="Kassym-Jomart Tokayev").count() == 1


def refuse_statements_containing(marker: str) -> None:
    """A database trigger that refuses to store a statement whose text has the marker."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "CREATE TRIGGER refuse BEFORE INSERT ON meetings_statement "
                f"WHEN NEW.text LIKE '%{marker}%' "
                "BEGIN SELECT RAISE(ABORT, 'statement refused'); END"
            )
        else:
            cursor.execute(
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                f"IF NEW.text LIKE '%{marker}%' THEN RAISE EXCEPTION 'statement refused'; "
                "END IF; RETURN NEW; END $$"
            )
            cursor.execute(
                "CREATE TRIGGER refuse BEFORE INSERT ON meetings_statement "
                "FOR EACH ROW EXECUTE FUNCTION refuse()"
            )


def test_a_file_the_database_refuses_fails_alone_and_the_rest_of_its_chunk_imports(
    known_entities, tmp_path
):
    for seed in SEEDS.iterdir():
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    seed = sorted(SEEDS.iterdir())[0].read_text(encoding="utf-8")
    refused = seed.replace("Azerbaycan", "Azerbaycan REDDET", 1).replace(
        '" dedi', ' REDDET" dedi', 1
    )
    (tmp_path / "refused.txt").write_text(refused, encoding="utf-8")
    refuse_statements_containing("REDDET")

    results = import_files(Ingestor(), sorted(tmp_path.iterdir()), MAX_BYTES)

    outcomes = {name.rsplit("/", 1)[-1]: (outcome, error) for name, outcome, error in results}
    outcome, error = outcomes.pop("refused.txt")
    assert outcome == "failed" and error.startswith(f"{tmp_path / 'refused.txt'}: ")
    assert "statement refused" in error
    assert set(outcomes.values()) == {("new", None)}
    assert sorted(Article.objects.values_list("filename", flat=True)) == sorted(outcomes)
    # Nothing of the refused file was written: no article, no meeting reported only by it.
    assert not Meeting.objects.filter(reports__isnull=True).exists()
    assert not Statement.objects.filter(text__contains="REDDET").exists()
