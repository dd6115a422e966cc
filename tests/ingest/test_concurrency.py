"""Two importers running at once on the same files create no duplicate rows (PostgreSQL)."""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection

from meetings.models import (
    Agreement,
    AgreementMention,
    Article,
    Country,
    Meeting,
    MeetingReport,
    Participation,
    Person,
    Statement,
)
from tests.conftest import ROOT, SEEDS

MODELS = [
    Article,
    Meeting,
    MeetingReport,
    Person,
    Participation,
    Statement,
    Agreement,
    AgreementMention,
    Country,
]


def corpus(directory):
    """Seed variants that share people, places and agreements, so the importers collide."""
    reception = (SEEDS / "000_c0a32fc8072f6d9b.txt").read_text(encoding="utf-8")
    statement = (SEEDS / "001_1281da8a27769593.txt").read_text(encoding="utf-8")
    for month in range(1, 13):
        text = reception.replace("date 2020-11", f"date 2021-{month:02d}")
        (directory / f"reception_{month:02d}.txt").write_text(text, encoding="utf-8")
        # The same meeting reported again by a second article: must merge, not duplicate.
        (directory / f"again_{month:02d}.txt").write_text(text + "\nKaynak: ajans.\n", "utf-8")
        (directory / f"statement_{month:02d}.txt").write_text(
            f"date 2022-{month:02d} {statement}", encoding="utf-8"
        )


def snapshot():
    return {m.__name__: m.objects.count() for m in MODELS}


@pytest.mark.django_db(transaction=True)
def test_two_importers_at_once_create_no_duplicates(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers are tested on PostgreSQL; SQLite serialises them")
    call_command("load_known_entities", verbosity=0)
    corpus(tmp_path)
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DJANGO_DEBUG": "1", "DATABASE_URL": url}
    command = [sys.executable, str(ROOT / "manage.py"), "import_articles", "-v0"]
    # Each worker takes a different report of the same meetings at the same moment, and
    # both take the same statement files: the two races an importer must survive.
    first = sorted(tmp_path.glob("reception_*")) + sorted(tmp_path.glob("statement_*"))
    second = sorted(tmp_path.glob("again_*")) + sorted(tmp_path.glob("statement_*"))
    workers = [
        subprocess.Popen(
            [*command, *map(str, files)], env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True
        )
        for files in (first, second)
    ]
    results = [(w.communicate(timeout=300)[1], w.returncode) for w in workers]
    assert results == [("", 0), ("", 0)]
    together = snapshot()

    call_command("flush", interactive=False, verbosity=0)
    call_command("load_known_entities", verbosity=0)
    call_command("import_articles", str(tmp_path), verbosity=0)
    alone = snapshot()

    assert together == alone
    assert together["Article"] == 36
    assert together["Meeting"] == 24  # each reception reported twice is one meeting
