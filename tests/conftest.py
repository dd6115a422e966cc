"""Shared fixtures."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "articles"


@pytest.fixture(autouse=True)
def _cold_cache():
    """Each test starts with an empty cache: cached pages and people suggestions are keyed on
    the data generation, and two tests' databases may share one."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def known_entities(db):
    """The known-entities fixture, loaded the way `make run` loads it."""
    from django.core.management import call_command

    call_command("load_known_entities", verbosity=0)
