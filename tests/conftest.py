"""Shared fixtures."""

from pathlib import Path

import pytest
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import clear_url_caches

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "articles"


@pytest.fixture(autouse=True)
def _cold_cache():
    """Each test starts with an empty cache: cached pages and people suggestions are keyed on
    the data generation, and two tests' databases may share one."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Turkish, the default: a request to an /en/ page leaves English
    active in the test's thread, and reverse() would give the next test English addresses."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@receiver(setting_changed)
def _forget_language_urls(setting, **kwargs):
    """The URL resolver keeps its reverse map per language, with the prefix the default
    language had when it was built: a test that changes LANGUAGE_CODE must not leave /tr/
    addresses behind for the next one."""
    if setting == "LANGUAGE_CODE":
        clear_url_caches()


@pytest.fixture
def known_entities(db):
    """The known-entities fixture, loaded the way `make run` loads it."""
    from django.core.management import call_command

    call_command("load_known_entities", verbosity=0)
