"""Requests and errors are logged to stdout; a failure shows visitors a plain page, no details."""

import os
import re
import subprocess
import sys

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from diplomacy.urls import urlpatterns as site_urlpatterns
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db


def boom(request):
    """A view that fails, as a bug would."""
    raise RuntimeError("deliberate failure for the logging test")


def fine(request):
    """A view that answers."""
    return HttpResponse("fine")


# This module doubles as a test-only URLconf: the site plus two views of its own.
urlpatterns = [
    path("boom/", boom),
    path("fine/", fine),
    # The site's patterns themselves: its language prefix may only sit at the root URLconf.
    *site_urlpatterns,
]

REQUEST_LINE = re.compile(r"^(GET|POST) (\S+) (\d{3}) (\d+\.\d)ms$")


@pytest.fixture
def test_urls(settings):
    settings.ROOT_URLCONF = __name__


def _request_lines(caplog):
    return [
        REQUEST_LINE.match(r.getMessage()).groups()
        for r in caplog.records
        if r.name == "diplomacy.requests"
    ]


def test_each_request_is_one_line_with_method_path_status_and_duration(client, caplog, test_urls):
    caplog.set_level("INFO", logger="diplomacy.requests")
    client.get("/fine/?q=lavrov")
    client.get("/no-such-page/")
    client.post("/fine/")
    lines = _request_lines(caplog)
    assert [line[:3] for line in lines] == [
        ("GET", "/fine/?q=lavrov", "200"),
        ("GET", "/no-such-page/", "404"),
        ("POST", "/fine/", "200"),
    ]
    assert all(float(line[3]) >= 0 for line in lines)


def test_a_newline_in_a_path_cannot_forge_a_second_log_line(client, caplog, test_urls):
    caplog.set_level("INFO", logger="diplomacy.requests")
    client.get("/fine%0AGET /admin/ 200 1.0ms")
    (record,) = [r for r in caplog.records if r.name == "diplomacy.requests"]
    assert "\n" not in record.getMessage()
    assert record.getMessage().startswith("GET /fine%0AGET%20/admin/%20200%201.0ms 404 ")


def test_a_failing_view_shows_the_plain_500_page_without_debug_details(settings, test_urls):
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    # The site's look, from nothing that could fail again: no database, no manifest lookup.
    assert re.search(r"<h1>[^<]+</h1>", page)
    assert 'class="site-header"' in page and 'href="/static/css/site.css"' in page
    for leak in ("Traceback", "RuntimeError", "deliberate failure", "SECRET_KEY", "settings"):
        assert leak not in page, leak
    assert settings.SECRET_KEY not in page


def test_a_missing_page_shows_the_site_404_page(client):
    response = client.get("/meetings/no-such-meeting-at-all/")
    assert response.status_code == 404
    page = response.content.decode()
    assert 'class="site-header"' in page and 'href="/meetings/"' in page
    assert "Traceback" not in page


_FAIL_ONCE = """
import django
django.setup()
from django.test.utils import setup_test_environment, override_settings
setup_test_environment()
from django.test import Client
with override_settings(ROOT_URLCONF="tests.production.test_logging"):
    Client(raise_request_exception=False).get("/boom/")
"""


def test_an_error_goes_to_stdout_with_its_traceback(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'unused.sqlite3'}"
    env["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    result = subprocess.run(
        [sys.executable, "-c", _FAIL_ONCE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "ERROR django.request Internal Server Error: /boom/" in out
    assert "Traceback (most recent call last):" in out
    assert "RuntimeError: deliberate failure for the logging test" in out
    assert re.search(r"INFO diplomacy\.requests GET /boom/ 500 \d+\.\dms", out)
    assert "Traceback" not in result.stderr
