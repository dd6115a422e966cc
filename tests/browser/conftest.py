"""Headless Chromium (Debian's, driven by Playwright) against a live server with the seeds."""

from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: apt-get install -y chromium")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@contextmanager
def launched_chromium():
    """Chromium through Playwright's sync API. That API keeps an event loop in this thread,
    so Django is told the ORM calls made meanwhile are safe; leave the block to end it."""
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="package")
def browser():
    """Chromium, for the tests of this package only: the event loop ends before the other
    packages' tests run."""
    with launched_chromium() as chromium:
        yield chromium


@pytest.fixture
def seeds(transactional_db):
    """The known entities and the seed articles, imported the way `make run` does."""
    from django.core.management import call_command

    from meetings.search import reindex_all

    call_command("load_known_entities", verbosity=0)
    call_command(
        "import_articles",
        str(Path(__file__).resolve().parents[2] / "fixtures" / "articles"),
        verbosity=0,
    )
    reindex_all()


@pytest.fixture
def site(live_server, seeds):
    """The live server's base URL, with the seeds in its database."""
    return live_server.url


def _page(browser, width, height, locale, javascript=True):
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale=locale,
        java_script_enabled=javascript,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


@pytest.fixture
def page(browser):
    """A desktop page in a Turkish browser."""
    context, page = _page(browser, 1280, 900, "tr-TR")
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    """A 375 px wide page, the width of a small phone."""
    context, page = _page(browser, 375, 800, "tr-TR")
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser):
    """A desktop page with JavaScript switched off."""
    context, page = _page(browser, 1280, 900, "tr-TR", javascript=False)
    yield page
    context.close()


@pytest.fixture
def axe():
    """The axe-core script to inject into a page."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` in the project root")
    return AXE.read_text()
