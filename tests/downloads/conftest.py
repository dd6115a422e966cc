"""The views' small world (Baku, Moscow, an undated meeting), and helpers to read downloads."""

import csv
import io
import json

import pytest

from tests.views.conftest import _turkish_between_requests, world  # noqa: F401


def body(response) -> bytes:
    """The whole body of a streamed download."""
    assert response.streaming, "a download is streamed"
    return b"".join(response.streaming_content)


def csv_rows(response) -> list[dict]:
    """A CSV download read the way a user's script reads it: utf-8-sig, then the csv module."""
    text = body(response).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def jsonl_records(response) -> list[dict]:
    """A JSON Lines download, parsed line by line."""
    lines = body(response).decode("utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture
def read_csv():
    return csv_rows


@pytest.fixture
def read_jsonl():
    return jsonl_records
