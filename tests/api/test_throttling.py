"""Anonymous clients are throttled per address, with a clear 429, and the counts are kept in
the database, which every gunicorn worker shares."""

import pytest
from django.core.cache import caches
from django.db import connection
from rest_framework.settings import api_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_a_minute(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min"},
    }
    yield
    api_settings.reload()


def test_the_request_over_the_rate_gets_a_429_saying_when_to_come_back(
    client, world, three_a_minute
):
    for _ in range(3):
        assert client.get("/api/countries/").status_code == 200
    response = client.get("/api/meetings/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    body = response.json()
    assert 1 <= body["retry_after"] <= 60
    assert int(response["Retry-After"]) == body["retry_after"]
    assert f"{body['retry_after']} seconds" in body["detail"]


def test_the_message_is_in_the_visitors_language(client, world, three_a_minute):
    for _ in range(3):
        client.get("/api/countries/")
    body = client.get("/api/countries/", HTTP_ACCEPT_LANGUAGE="tr").json()
    assert "Çok fazla istek" in body["detail"]


def test_each_address_has_its_own_count(client, world, three_a_minute):
    for _ in range(4):
        client.get("/api/countries/", REMOTE_ADDR="192.0.2.1")
    assert client.get("/api/countries/", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/countries/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_behind_a_proxy_the_client_is_the_address_the_proxy_saw(
    client, world, settings, three_a_minute
):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(3):
        client.get("/api/countries/", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert client.get("/api/countries/", HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429
    assert client.get("/api/countries/", HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 200


def test_the_counts_live_in_the_database_not_in_a_process(client, world, three_a_minute):
    """Another worker starts with an empty memory: the count must survive that."""
    for _ in range(3):
        client.get("/api/countries/")
    caches["default"].clear()  # what a fresh process's own cache holds
    assert client.get("/api/countries/").status_code == 429
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM api_throttle_cache")
        (rows,) = cursor.fetchone()
    assert rows >= 1


def test_the_site_pages_are_not_throttled_by_the_api(client, world, three_a_minute):
    for _ in range(4):
        client.get("/api/countries/")
    assert client.get("/meetings/").status_code == 200
