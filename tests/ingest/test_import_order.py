"""The records an import writes do not depend on the order of its files, nor on --jobs."""

import json
import os
import random
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from meetings.corpus import write_corpus

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "tests" / "extraction" / "devset" / "articles"
SHARED_NAME = ROOT / "tests" / "ingest" / "order_articles"
MANAGE = [sys.executable, str(ROOT / "manage.py")]


def _manage(url: str, *args: str) -> str:
    env = {**os.environ, "DJANGO_DEBUG": "1", "DATABASE_URL": url}
    done = subprocess.run(
        [*MANAGE, *args], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class SQLiteRuns:
    """Fresh SQLite files, each a copy of one migrated with the known entities."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.base = folder / "base.sqlite3"
        url = f"sqlite:///{self.base}"
        _manage(url, "migrate", "-v0")
        _manage(url, "load_known_entities", "-v0")

    def fresh(self, name: str) -> str:
        path = self.folder / f"{name}.sqlite3"
        shutil.copy(self.base, path)
        return f"sqlite:///{path}"

    def close(self) -> None:
        pass


class PostgresRuns:
    """Fresh PostgreSQL databases, each a copy (TEMPLATE) of one migrated with the known
    entities, dropped at the end."""

    def __init__(self) -> None:
        db = settings.DATABASES["default"]
        self.server = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}"
        self.prefix = f"order_{uuid.uuid4().hex[:8]}"
        self.names: list[str] = []
        base = self._create("base")
        _manage(f"{self.server}/{base}", "migrate", "-v0")
        _manage(f"{self.server}/{base}", "load_known_entities", "-v0")
        self.base = base

    def _admin(self, sql: str) -> None:
        with psycopg.connect(f"{self.server}/postgres", autocommit=True) as admin:
            admin.execute(sql)

    def _create(self, name: str, template: str | None = None) -> str:
        full = f"{self.prefix}_{name}"
        self._admin(f"CREATE DATABASE {full}" + (f" TEMPLATE {template}" if template else ""))
        self.names.append(full)
        return full

    def fresh(self, name: str) -> str:
        return f"{self.server}/{self._create(name, self.base)}"

    def close(self) -> None:
        for name in reversed(self.names):
            self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def runs(tmp_path):
    made = PostgresRuns() if connection.vendor == "postgresql" else SQLiteRuns(tmp_path)
    yield made
    made.close()


@pytest.fixture
def articles(tmp_path) -> list[str]:
    """The dev set and 40 generated articles, some of them reporting the same meetings, and
    two agreements that share a proper name between different parties (order_articles)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    write_corpus(folder, 40, seed=11)
    for article in [*DEVSET.iterdir(), *SHARED_NAME.glob("*.txt")]:
        shutil.copy(article, folder / article.name)
    return sorted(str(p) for p in folder.iterdir())


def _import(url: str, files: list[str], jobs: int) -> dict:
    _manage(url, "import_articles", *files, "--jobs", str(jobs), "--chunk-size", "10", "-v0")
    dump = _manage(
        url, "shell", "-v0", "-c", "from tests.ingest.dumps import print_records; print_records()"
    )
    return json.loads(dump)


def test_two_shuffles_and_two_workers_write_identical_records(runs, articles):
    first, second = articles[:], articles[:]
    random.Random(1).shuffle(first)
    random.Random(2).shuffle(second)
    dumps = {
        "shuffle 1": _import(runs.fresh("one"), first, 1),
        "shuffle 2": _import(runs.fresh("two"), second, 1),
        "--jobs 2": _import(runs.fresh("jobs"), articles, 2),
    }
    reference = dumps["shuffle 1"]
    assert len(reference["meetings"]) > 50 and len(reference["statements"]) > 100
    differences = {
        f"{name}: {what}": _difference(reference[what], dump[what])
        for name, dump in dumps.items()
        for what in reference
        if dump[what] != reference[what]
    }
    assert not differences, json.dumps(differences, ensure_ascii=False, indent=1)[:6000]


def _difference(expected: list, found: list) -> dict:
    """The rows only one of two dumps has."""
    a, b = {repr(r) for r in expected}, {repr(r) for r in found}
    return {"only in shuffle 1": sorted(a - b), "only here": sorted(b - a)}
