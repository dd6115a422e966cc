"""On PostgreSQL the importer keeps the planner's statistics in step with the tables it fills."""

import pytest
from django.core.management import call_command
from django.db import connection

from meetings.corpus import write_corpus
from meetings.ingest.statistics import refresh_statistics
from meetings.models import Statement
from tests.factories import MeetingFactory

# Committed rows: ANALYZE writes its figures in place, outside any transaction a test rolls
# back, so each test starts from an emptied table the planner knows nothing about.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _fresh_statement_table():
    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's; SQLite needs none for these queries")
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE meetings_statement CASCADE")


def analysed_rows(table: str) -> float:
    """How many rows the planner believes the table has (-1: never analysed)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0]


def test_a_grown_table_is_analysed_once_and_then_left_alone_until_it_doubles():
    meeting = MeetingFactory()
    Statement.objects.bulk_create(
        Statement(meeting=meeting, speaker_name="Lavrov", text="Söz " * 40, direct=True)
        for _ in range(1500)
    )
    assert "meetings_statement" in refresh_statistics()
    assert analysed_rows("meetings_statement") == pytest.approx(1500, rel=0.1)
    assert "meetings_statement" not in refresh_statistics()

    Statement.objects.bulk_create(
        Statement(meeting=meeting, speaker_name="Lavrov", text="Söz " * 40, direct=True)
        for _ in range(1700)
    )
    assert "meetings_statement" in refresh_statistics()
    assert analysed_rows("meetings_statement") == pytest.approx(3200, rel=0.1)


def test_an_import_leaves_the_planner_knowing_how_big_the_tables_are(tmp_path, monkeypatch):
    monkeypatch.setattr("meetings.ingest.statistics.MIN_PAGES", 1)
    write_corpus(tmp_path, 30, seed=3)
    call_command("import_articles", str(tmp_path), verbosity=0)
    assert analysed_rows("meetings_statement") == Statement.objects.count()
