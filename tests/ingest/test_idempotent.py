"""Importing is repeatable: the same content twice leaves the database exactly as it was."""

import pytest

from meetings.ingest import Ingestor
from meetings.models import (
    AgreementMention,
    Article,
    Meeting,
    Participation,
    Person,
    Statement,
)
from tests.ingest.builders import aliyev_receives_lavrov

pytestmark = pytest.mark.django_db

MODELS = [Article, Meeting, Person, Participation, Statement, AgreementMention]


def snapshot():
    return {m.__name__: sorted(m.objects.values_list("pk", flat=True)) for m in MODELS}


def test_the_same_article_twice_changes_nothing(known_entities):
    extracted = aliyev_receives_lavrov()
    assert Ingestor().ingest(extracted, extracted.text) == "new"
    before = snapshot()
    assert Ingestor().ingest(extracted, extracted.text) == "unchanged"
    assert snapshot() == before


def test_forced_reimport_keeps_every_id(known_entities):
    extracted = aliyev_receives_lavrov()
    Ingestor().ingest(extracted, extracted.text)
    before = snapshot()
    assert Ingestor().ingest(extracted, extracted.text, force=True) == "updated"
    assert snapshot() == before


def test_rows_keep_their_source_and_span(known_entities):
    extracted = aliyev_receives_lavrov()
    Ingestor().ingest(extracted, extracted.text)
    statement = Statement.objects.get()
    assert statement.source_excerpt() == statement.text == "Bölgede barış kalıcı olacak."
    for row in [*Participation.objects.all(), *AgreementMention.objects.all()]:
        assert row.article.text[row.span_start : row.span_end] in (
            getattr(row, "raw_name", None),
            getattr(row, "text", None),
        )


def test_a_changed_file_replaces_its_records(known_entities):
    Ingestor().ingest(aliyev_receives_lavrov(quote="Eski alıntı."), "old")
    changed = aliyev_receives_lavrov(quote="Yeni alıntı.")
    assert Ingestor().ingest(changed, "new") == "updated"
    assert Article.objects.count() == 1
    assert Article.objects.get().sha256 == changed.source.sha256
    assert list(Statement.objects.values_list("text", flat=True)) == ["Yeni alıntı."]
    assert Meeting.objects.count() == 1
