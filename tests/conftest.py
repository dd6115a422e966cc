"""Shared fixtures."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "articles"


@pytest.fixture
def known_entities(db):
    """The known-entities fixture, loaded the way `make run` loads it."""
    from django.core.management import call_command

    call_command("load_known_entities", verbosity=0)
