"""Chromium for the browser tests of this package, one launch per test module.

Per module, not per package as in tests/browser: each browser test module here starts and
stops its own Playwright, and two running at once in one thread refuse to start.
"""

import pytest

from tests.browser.conftest import CHROMIUM, launched_chromium, seeds, site  # noqa: F401


@pytest.fixture(scope="module")
def browser():
    """Chromium, closed at the end of the module (see tests/browser/conftest.py for why the
    ORM is told it is safe meanwhile)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    with launched_chromium() as chromium:
        yield chromium


@pytest.fixture
def page(browser):
    """A desktop page in a Turkish browser, with the site's CSP in force."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="tr-TR")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
