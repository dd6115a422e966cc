"""Anonymous clients are throttled per address, with a clear 429, and the counts are kept in
the database, which every gunicorn worker shares, each request counted even when several
arrive at once."""

import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from rest_framework.settings import api_settings

from meetings.api import throttling
from meetings.api.throttling import AnonymousThrottle
from meetings.models import ThrottleCount

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
    # Up to a minute and a third: this minute's three requests are weighed as if spread over
    # it, so the next minute takes a third of itself to leave room for one more.
    assert 1 <= body["retry_after"] <= 80
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
    assert ThrottleCount.objects.get().requests == 3


def test_the_site_pages_are_not_throttled_by_the_api(client, world, three_a_minute):
    for _ in range(4):
        client.get("/api/countries/")
    assert client.get("/meetings/").status_code == 200


@pytest.fixture
def five_a_day(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "5/day"},
    }
    yield
    api_settings.reload()


@pytest.mark.django_db(transaction=True)
def test_requests_sent_at_the_same_moment_are_each_counted(five_a_day):
    """gunicorn answers one client's requests in several threads and processes at once: each
    thread here has its own database connection, as each worker has."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "concurrent requests are tested on PostgreSQL: SQLite's test database is shared "
            "memory, where a second writer fails at once ('table is locked') instead of "
            "waiting its turn as writers to a database file do"
        )
    threads, each = 8, 5
    start = threading.Barrier(threads)
    statuses = []

    def send():
        client = Client()
        try:
            start.wait()
            for _ in range(each):
                response = client.get("/api/countries/", REMOTE_ADDR="203.0.113.9")
                statuses.append(response.status_code)
        finally:
            connection.close()

    workers = [threading.Thread(target=send) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert sorted(statuses) == [200] * 5 + [429] * (threads * each - 5)


T0 = 1_800_000_000  # a minute's start (2027-01-15 08:00 UTC)


@pytest.fixture
def clock(monkeypatch, three_a_minute):
    """The throttle's time, set by the test; and a process that has deleted no counts yet."""

    class Clock:
        now = T0

    monkeypatch.setattr(AnonymousThrottle, "timer", staticmethod(lambda: Clock.now))
    monkeypatch.setattr(throttling, "_swept_through", {})
    return Clock


def status_at(client, clock, seconds, address="192.0.2.1"):
    clock.now = T0 + seconds
    return client.get("/api/countries/", REMOTE_ADDR=address).status_code


def test_retry_after_is_when_a_request_fits_again_in_the_next_window(client, clock):
    assert [status_at(client, clock, 10) for _ in range(3)] == [200, 200, 200]
    clock.now = T0 + 10
    wait = client.get("/api/countries/", REMOTE_ADDR="192.0.2.1").json()["retry_after"]
    # Next minute, this minute's three count for the share of it still inside the last 60
    # seconds: 3 x 40/60 + 1 fits in 3 from second 80, 70 seconds after the refusal.
    assert wait == 70
    assert status_at(client, clock, 10 + wait - 1) == 429
    assert status_at(client, clock, 10 + wait) == 200


def test_retry_after_is_when_a_request_fits_again_later_in_the_same_window(client, clock):
    assert [status_at(client, clock, 50) for _ in range(3)] == [200, 200, 200]
    clock.now = T0 + 65
    wait = client.get("/api/countries/", REMOTE_ADDR="192.0.2.1").json()["retry_after"]
    assert wait == 15  # from second 80, a third of the last minute's three has left it
    assert status_at(client, clock, 65 + wait - 1) == 429
    assert status_at(client, clock, 65 + wait) == 200


def test_the_rate_holds_across_the_end_of_a_window(client, clock):
    """A count that started afresh each minute would let 3 through at 0:59 and 3 at 1:01."""
    assert [status_at(client, clock, 59) for _ in range(3)] == [200, 200, 200]
    assert [status_at(client, clock, 61) for _ in range(3)] == [429, 429, 429]


def test_refused_requests_are_not_counted(client, clock):
    """A client that keeps asking while refused still gets the rate once time has passed."""
    assert [status_at(client, clock, 0) for _ in range(3)] == [200, 200, 200]
    assert all(status_at(client, clock, second) == 429 for second in range(1, 80, 2))
    assert status_at(client, clock, 80) == 200


def test_counts_of_windows_before_the_previous_one_are_deleted(client, clock):
    status_at(client, clock, 5, "192.0.2.1")
    status_at(client, clock, 65, "192.0.2.2")
    assert ThrottleCount.objects.count() == 2  # the previous minute still counts
    status_at(client, clock, 125, "192.0.2.3")
    assert sorted(ThrottleCount.objects.values_list("window_start", "key")) == [
        (T0 + 60, "throttle_anon_192.0.2.2"),
        (T0 + 120, "throttle_anon_192.0.2.3"),
    ]


def test_a_request_is_counted_in_one_statement(rf, clock, django_assert_num_queries):
    request = rf.get("/api/countries/", REMOTE_ADDR="192.0.2.1")
    request.user = AnonymousUser()
    clock.now = T0 + 5
    with django_assert_num_queries(2):  # the first in this window also deletes old counts
        assert AnonymousThrottle().allow_request(request, None)
    with django_assert_num_queries(1):
        assert AnonymousThrottle().allow_request(request, None)


def test_an_address_too_long_for_the_key_column_is_still_counted(client, settings, clock):
    """With more trusted proxies configured than there are, the client writes the address."""
    settings.TRUSTED_PROXY_COUNT = 1
    forged = "203.0.113." + "9" * 300
    statuses = [client.get("/api/countries/", HTTP_X_FORWARDED_FOR=forged) for _ in range(4)]
    assert [response.status_code for response in statuses] == [200, 200, 200, 429]


@pytest.mark.django_db(transaction=True)
def test_migrating_back_gives_the_database_cache_its_table_again():
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([("meetings", "0014_api_throttle_cache_table")])
        tables_then = connection.introspection.table_names()
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
    tables_now = connection.introspection.table_names()
    assert "api_throttle_cache" in tables_then
    assert "meetings_throttlecount" not in tables_then
    assert "api_throttle_cache" not in tables_now
    assert "meetings_throttlecount" in tables_now


@pytest.mark.django_db(transaction=True)
def test_migrating_back_before_the_cache_leaves_no_cache_table():
    """Migration 0014 names its table itself: settings no longer list the cache it was for."""
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([("meetings", "0013_meeting_doubt_reason_flags")])
        tables_then = connection.introspection.table_names()
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert "api_throttle_cache" not in tables_then
    assert "meetings_throttlecount" in connection.introspection.table_names()
