"""The database restarts under load: gunicorn fails cleanly while it is down, recovers by
itself within 5 seconds of its return, and no data is lost."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import psycopg
import pytest

from tests.soak.cluster import Cluster, missing_binaries
from tests.soak.server import ROOT, free_port, get, gunicorn, manage, production_env

pytestmark = pytest.mark.soak

DOWN_SECONDS = 3
RECOVERY_SECONDS = 5
TABLES = ["meetings_meeting", "meetings_person", "meetings_statement"]


@dataclass
class Answer:
    """One request as a client saw it: when it was sent and answered, and what came back."""

    path: str
    sent: float
    answered: float
    status: int | None  # None: the connection failed or timed out
    body: bytes = b""


def counts(url: str) -> dict[str, int]:
    """Rows of the records a reader sees."""
    with psycopg.connect(url) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def keep_requesting(port: int, paths: list[str], stop: threading.Event, answers: list[Answer]):
    """A client that asks for each page in turn until told to stop."""
    while not stop.is_set():
        for path in paths:
            sent = time.monotonic()
            try:
                status, body = get(port, path, timeout=10)
            except OSError:
                status, body = None, b""
            answers.append(Answer(path, sent, time.monotonic(), status, body))
            time.sleep(0.02)  # errors come back at once; do not spin on them


def settled_log(log, first_boots: int, seconds: float = 10) -> str:
    """The server's log once every worker that announced a recycle has its replacement booted.

    A worker logs "Autorestarting worker" before it exits; its replacement logs "Booting worker"
    a moment later, so a log read in between counts one recycle without its boot.
    """
    deadline = time.monotonic() + seconds
    while True:
        text = log.read_text()
        unreplaced = text.count("Autorestarting worker") - (
            text.count("Booting worker") - first_boots
        )
        if unreplaced <= 0 or time.monotonic() > deadline:
            return text
        time.sleep(0.1)


@pytest.fixture
def cluster():
    """A PostgreSQL cluster of the test's own, started."""
    if reason := missing_binaries():
        pytest.skip(reason)
    cluster = Cluster(free_port())
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


def test_pages_fail_cleanly_while_the_database_is_down_and_recover_without_a_restart(
    cluster, tmp_path
):
    with psycopg.connect(f"{cluster.url}/postgres", autocommit=True) as connection:
        connection.execute("CREATE DATABASE diplomacy")
    url = f"{cluster.url}/diplomacy"
    env = production_env(url, tmp_path)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_known_entities", "-v0")
    manage(env, "import_articles", str(ROOT / "fixtures" / "articles"), "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    before = counts(url)
    assert before["meetings_meeting"] > 0
    with psycopg.connect(url) as connection:
        slug, title = connection.execute(
            "SELECT slug, title FROM meetings_meeting ORDER BY id LIMIT 1"
        ).fetchone()
    # What a right answer holds: the list pages link the meeting, its page shows its title.
    # No page may answer 200 while the database is down, the front page included: every page
    # asks the database on every request (a page kept in the page cache is looked up by the
    # data generation, read from the database), so a 200 then would be an error hidden.
    proof = {
        "/": f"/meetings/{slug}/".encode(),
        "/meetings/": f"/meetings/{slug}/".encode(),
        f"/meetings/{slug}/": title.encode(),
        "/healthz": b"",
    }
    paths = list(proof)

    log = tmp_path / "gunicorn.log"
    answers: list[Answer] = []
    stop = threading.Event()
    port = free_port()
    with gunicorn(env, port, log, workers=2) as server:
        booted = log.read_text().count("Booting worker")
        clients = [
            threading.Thread(target=keep_requesting, args=(port, paths, stop, answers))
            for _ in range(4)
        ]
        for client in clients:
            client.start()
        try:
            time.sleep(2)
            stopping = time.monotonic()
            cluster.stop()
            down = time.monotonic()
            time.sleep(DOWN_SECONDS)
            starting = time.monotonic()
            cluster.start()
            up = time.monotonic()
            time.sleep(RECOVERY_SECONDS + 3)
        finally:
            stop.set()
            for client in clients:
                client.join(timeout=30)
        # A quiet site: the database restarts while no one asks for anything, so every
        # worker thread still holds a connection to the old server. Django's health check
        # before reuse must replace it: the very first visitors after the return get 200s.
        cluster.stop()
        cluster.start()
        quiet = [(path, get(port, path)[0]) for _ in range(4) for path in paths]
        assert server.poll() is None, "gunicorn is still the same running process"
        served_log = settled_log(log, booted)
    # Workers are recycled after max_requests (fast 500s get there quickly); any other new
    # worker would mean one died or hung, and recovery came from a restart, not reconnection.
    rebooted = served_log.count("Booting worker") - booted
    assert "WORKER TIMEOUT" not in served_log
    assert rebooted == served_log.count("Autorestarting worker"), "workers replaced, not recycled"

    def during(start, end):
        return [a for a in answers if a.sent >= start and a.answered <= end]

    def described(group):
        return [(a.path, a.status, round(a.sent - stopping, 1)) for a in group]

    wrong = [a for a in answers if a.status == 200 and proof[a.path] not in a.body]
    assert not wrong, f"200s without the page's content: {described(wrong)}"

    healthy = during(0, stopping)
    assert {a.path for a in healthy} == set(paths)
    assert all(a.status == 200 for a in healthy), described(healthy)

    outage = during(down, starting)
    assert {a.path for a in outage} == set(paths), "every page was asked for while down"
    served = [a for a in outage if a.status is not None and a.status < 500]
    assert not served, f"answered as if the database were there: {described(served)}"
    probes = [a.status for a in outage if a.path == "/healthz"]
    assert set(probes) == {503}, f"/healthz while the database is down: {probes}"

    recovered = during(up + RECOVERY_SECONDS, float("inf"))
    assert {a.path for a in recovered} == set(paths)
    assert all(a.status == 200 for a in recovered), described(recovered)
    first_ok = {
        path: min(
            a.answered for a in answers if a.path == path and a.sent >= up and a.status == 200
        )
        for path in paths
    }
    slow = {path: round(t - up, 1) for path, t in first_ok.items() if t - up > RECOVERY_SECONDS}
    assert not slow, f"seconds after the database's return before a 200: {slow}"

    assert all(status == 200 for _, status in quiet), f"after a quiet restart: {quiet}"

    assert counts(url) == before, "no row was lost"
