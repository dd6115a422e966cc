"""The extract command: what users run to check a file before importing it. No database."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from meetings.extraction import extract

from .helpers import ARTICLES, SEEDS, claimed_spans

SEED = SEEDS / "000_c0a32fc8072f6d9b.txt"
OTHER = ARTICLES / "04_telefon.txt"


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("extract", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_for_one_file_is_one_object_following_the_contract() -> None:
    out, _ = _run(str(SEED), "--json")
    data = json.loads(out)
    assert set(data) == {"source", "text", "meetings", "mentioned_persons", "warnings"}
    assert data["source"]["file"] == SEED.name
    assert data["meetings"][0]["participants"][0]["name"] == "İlham Aliyev"
    assert "İlham" in out  # not \u-escaped
    for start, end, claimed in claimed_spans(data):
        assert data["text"][start:end] == claimed


def test_json_for_several_files_is_an_array() -> None:
    out, _ = _run(str(SEED), str(OTHER), "--json")
    data = json.loads(out)
    assert [d["source"]["file"] for d in data] == [SEED.name, OTHER.name]


def test_summary_names_meeting_people_statements_and_agreements() -> None:
    out, _ = _run(str(SEED))
    assert "meeting 1: reception in Bakü (Azerbaycan), 2020-11" in out
    assert "host: İlham Aliyev, Azerbaycan Cumhurbaşkanı (Azerbaycan)" in out
    assert "delegation: Oleg Belozyorov, Rus Demiryolları Direktörü (Rusya)" in out
    assert "statements: 3 (2 direct, 1 reported)" in out
    assert "agreement: üçlü anlaşma [referred]" in out
    assert "mentioned: Sergey Şoygu, Rusya Savunma Bakanı" in out


def test_a_bad_file_is_named_the_rest_still_read_and_the_run_fails(tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="2 of 3 files could not be read"):
        call_command("extract", str(binary), str(SEED), str(missing), stdout=out, stderr=err)
    assert "photo.jpg: binary input" in err.getvalue()
    assert "missing.txt: No such file or directory" in err.getvalue()
    assert "İlham Aliyev" in out.getvalue()


def test_json_output_skips_bad_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("extract", str(empty), str(OTHER), "--json", stdout=out, stderr=err)
    assert [d["source"]["file"] for d in json.loads(out.getvalue())] == [OTHER.name]
    assert "empty.txt: empty input" in err.getvalue()


def test_a_file_over_the_size_limit_is_named_and_the_others_are_still_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(SEED.read_bytes() * (1_000_000 // SEED.stat().st_size + 1))
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 of 2 files could not be read"):
        call_command("extract", str(big), str(SEED), "--json", stdout=out, stderr=err)
    size = big.stat().st_size / 1e6
    assert err.getvalue().splitlines() == [
        f"{big}: {size:.1f} MB is larger than the 1 MB limit for one article (--max-bytes)"
    ]
    assert [d["source"]["file"] for d in json.loads(out.getvalue())] == [SEED.name]


def test_max_bytes_sets_the_limit(tmp_path: Path) -> None:
    small = tmp_path / "small.txt"
    small.write_bytes(SEED.read_bytes())
    with pytest.raises(CommandError):
        _run(str(small), "--max-bytes", "1000")
    out, _ = _run(str(small), "--max-bytes", str(small.stat().st_size))
    assert "İlham Aliyev" in out


def test_summary_lists_a_meetings_review_codes(monkeypatch) -> None:
    def flagged(raw, name):
        article = extract(raw, name)
        article.meetings[0].review = ["surname_only", "date_relative"]
        return article

    monkeypatch.setattr("meetings.management.commands.extract.extract", flagged)
    out, _ = _run(str(SEED))
    assert "    review: surname_only, date_relative" in out
