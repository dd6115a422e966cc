"""/healthz tells a load balancer whether this instance can serve: 200 or 503, never 500."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.django_db


def test_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


def test_a_trailing_slash_and_head_requests_work_too(client):
    assert client.get("/healthz/").status_code == 200
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_a_probe_by_ip_over_plain_http_is_answered_not_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["diplomacy.example.org"]
    probe = client.get("/healthz", HTTP_HOST="10.0.0.5:8000")
    assert probe.status_code == 200
    # Only the health check skips the host check and the redirect; the site does not.
    assert client.get("/", HTTP_HOST="10.0.0.5:8000").status_code == 400
    assert client.get("/healthz-not", HTTP_HOST="10.0.0.5:8000").status_code == 400
    assert client.get("/", HTTP_HOST="diplomacy.example.org").status_code == 301


_PROBE = """
import django
django.setup()
from django.test.utils import setup_test_environment
setup_test_environment()
from django.test import Client
response = Client().get("/healthz")
print("RESPONSE", response.status_code, response.content.decode())
"""


def test_answers_503_and_logs_why_when_the_database_is_unreachable():
    # Nothing listens on port 1: the connection is refused, as when PostgreSQL is down.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["DATABASE_URL"] = "postgres://postgres@127.0.0.1:1/diplomacy"
    env["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.split("RESPONSE ", 1)[1].split(" ", 1)
    assert status == "503"
    assert json.loads(body) == {"status": "unavailable", "database": "down"}
    assert "WARNING diplomacy.health health check: the database does not answer" in result.stdout
    assert "GET /healthz 503" in result.stdout
