"""An importer killed mid-run leaves no partial article, and the next run completes the rest.

On SQLite always; on PostgreSQL too when DATABASE_URL points at one, in a database of its own.
"""

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from urllib.parse import urlsplit

import psycopg
import pytest

from tests.conftest import ROOT

CHECK = """
import json
from meetings.extraction import extract
from meetings.models import Article, MeetingReport, Statement
rows = {}
for article in Article.objects.all():
    found = extract(article.raw_text, article.filename)
    # Statements and meeting reports are one row per extracted item (participations and
    # agreement mentions are not: a person takes part once, a plural names no record).
    wanted = [len(found.meetings), sum(len(m.statements) for m in found.meetings)]
    stored = [
        MeetingReport.objects.filter(article=article).count(),
        Statement.objects.filter(article=article).count(),
    ]
    rows[article.filename] = wanted == stored
print(json.dumps(rows))
"""


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    """A new, empty database: an SQLite file, or a PostgreSQL database created and dropped."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/db"
        return
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("DATABASE_URL does not point at PostgreSQL")
    name = f"diplomacy_killed_{secrets.token_hex(4)}"
    server = urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlsplit(url)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_killed_importer_leaves_whole_articles_and_the_next_run_finishes(tmp_path, database_url):
    env = {**os.environ, "DJANGO_DEBUG": "1", "DATABASE_URL": database_url}
    manage = [sys.executable, str(ROOT / "manage.py")]
    articles = tmp_path / "articles"
    subprocess.run(
        [*manage, "generate_corpus", "--articles", "150", "--out", str(articles)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    importer = subprocess.Popen(
        [*manage, "import_articles", str(articles), "-v2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    done = 0
    deadline = time.monotonic() + 120
    while done < 15 and time.monotonic() < deadline:  # let it get well into the run
        if importer.stdout.readline().rstrip().endswith(": new"):
            done += 1
    importer.send_signal(signal.SIGKILL)
    importer.wait()
    assert importer.returncode == -signal.SIGKILL

    def check():
        out = subprocess.run(
            [*manage, "shell", "-v0", "-c", CHECK],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return json.loads(out)

    after_kill = check()
    assert 15 <= len(after_kill) < 150, "killed mid-run"
    assert all(after_kill.values()), "every stored article has all its rows"

    rerun = subprocess.run(
        [*manage, "import_articles", str(articles)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert rerun.returncode == 0, rerun.stderr
    first_line = rerun.stdout.splitlines()[0]
    assert first_line == (
        f"150 files: {150 - len(after_kill)} new, {len(after_kill)} unchanged, 0 updated, 0 failed."
    )
    finished = check()
    assert len(finished) == 150 and all(finished.values())
