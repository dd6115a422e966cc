"""The API documentation page works in a browser under the site's Content-Security-Policy:
Swagger UI loads from /static/, lists every resource, and the console shows no error."""

import pytest

from tests.browser.conftest import launched_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_docs_page_lists_every_resource_with_no_console_error(live_server):
    with launched_chromium() as chromium:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{live_server.url}/api/docs/", wait_until="networkidle")
        page.wait_for_selector(".opblock", timeout=30_000)
        shown = page.locator(".opblock-summary-path").all_inner_texts()
        page.click("#operations-meetings-meetings_list .opblock-summary")
        page.wait_for_selector("text=Meetings where every person given took part.")
    for resource in ("meetings", "people", "agreements", "statements", "countries", "articles"):
        assert f"/api/{resource}/" in shown
    assert errors == []
