"""`manage.py export FOLDER`: a CSV per table, Popolo JSON, clear errors and a summary."""

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from meetings.export import dump
from meetings.models import Participation

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
TABLES = [
    "meetings",
    "participations",
    "statements",
    "people",
    "aliases",
    "agreements",
    "agreement_parties",
    "agreement_mentions",
    "person_mentions",
    "meeting_articles",
    "countries",
    "articles",
]
PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def run_export(folder: Path, *args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("export", str(folder), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def table(folder: Path, name: str) -> list[dict]:
    with (folder / f"{name}.csv").open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture
def exported(world, tmp_path):
    folder = tmp_path / "dump"
    out, _ = run_export(folder, "--base-url", "https://diplomasi.example.org")
    return folder, out


def test_every_table_is_written_with_a_summary(exported):
    folder, out = exported
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"{t}.csv" for t in TABLES] + ["popolo.json"]
    )
    assert "meetings.csv: 3 rows" in out
    assert "statements.csv: 3 rows" in out
    assert "Exported 13 files" in out


def test_the_tables_join_by_id_and_keep_turkish_intact(exported, world):
    folder, _ = exported
    meetings = {int(r["id"]): r for r in table(folder, "meetings")}
    people = {int(r["id"]): r for r in table(folder, "people")}
    baku = meetings[world.baku.pk]
    assert (baku["place"], baku["date"], baku["date_precision"]) == ("Bakü", "2020-11", "month")
    assert baku["country_iso"] == "AZ"
    assert baku["url"] == f"https://diplomasi.example.org/meetings/{world.baku.slug}/"
    hosts = [p for p in table(folder, "participations") if int(p["meeting_id"]) == world.baku.pk]
    names = {people[int(p["person_id"])]["name"] for p in hosts}
    assert names == {"İlham Aliyev", "Sergey Lavrov"}
    quotes = [s for s in table(folder, "statements") if int(s["meeting_id"]) == world.baku.pk]
    assert "Barış anlaşması için çalışıyoruz" in {s["text"] for s in quotes}
    aliases = {(a["record"], a["alias"]) for a in table(folder, "aliases")}
    assert ("person", "Sergei Shoigu") in aliases
    assert ("agreement", "Kasım 2020 Bildirgesi") in aliases
    mentions = table(folder, "agreement_mentions")
    assert {m["text"] for m in mentions} == {"Üçlü anlaşma", "Kasım 2020 Bildirgesi"}
    parties = {p["country_iso"] for p in table(folder, "agreement_parties")}
    assert parties == {"AZ", "RU"}
    assert {c["iso_code"] for c in table(folder, "countries")} == {"AZ", "RU"}


def test_articles_are_metadata_without_their_text(exported, world):
    folder, _ = exported
    articles = table(folder, "articles")
    assert "000_baku.txt" in {a["filename"] for a in articles}
    assert "text" not in articles[0] and "raw_text" not in articles[0]
    assert "kabul etti" not in (folder / "articles.csv").read_text(encoding="utf-8-sig")


def test_an_editors_correction_is_exported_and_marked(world, tmp_path):
    world.baku.location = "Bakü (Zagulba)"
    world.baku.lock("location")
    world.baku.save()
    run_export(tmp_path)
    row = next(r for r in table(tmp_path, "meetings") if int(r["id"]) == world.baku.pk)
    assert row["place"] == "Bakü (Zagulba)"
    assert row["corrected_fields"] == "location"
    assert row["url"] == f"/meetings/{world.baku.slug}/"  # no --base-url: the site's paths


def popolo(folder: Path) -> dict:
    return json.loads((folder / "popolo.json").read_text(encoding="utf-8"))


def test_popolo_ids_are_unique_and_every_membership_points_at_a_person_and_a_country(exported):
    data = popolo(exported[0])
    assert set(data) == {"persons", "organizations", "memberships"}
    persons = {p["id"] for p in data["persons"]}
    organizations = {o["id"] for o in data["organizations"]}
    assert len(persons) == len(data["persons"]) and len(organizations) == len(data["organizations"])
    assert len({m["id"] for m in data["memberships"]}) == len(data["memberships"])
    assert data["memberships"]
    for membership in data["memberships"]:
        assert membership["person_id"] in persons
        assert membership["organization_id"] in organizations
        assert membership["role"]
        for end in ("start_date", "end_date"):
            if end in membership:
                assert PARTIAL_DATE.match(membership[end]), membership
        if "start_date" in membership:
            assert membership["start_date"] <= membership["end_date"]
    for person in data["persons"]:
        assert person["name"] and person["links"][0]["url"].startswith("https://")
    for organization in data["organizations"]:
        assert organization["classification"] == "country"


def test_a_membership_runs_from_the_first_to_the_last_meeting_with_that_title(exported, world):
    data = popolo(exported[0])
    lavrov = [m for m in data["memberships"] if m["person_id"] == f"person/{world.lavrov.pk}"]
    # "Rusya Dışişleri Bakanı" (Baku, November 2020) and "Dışişleri Bakanı" (Moscow, 6 May
    # 2019, a Russian minister) are one title held for Russia.
    (minister,) = [m for m in lavrov if m["role"] == "Dışişleri Bakanı"]
    assert minister["organization_id"] == f"country/{world.ru.pk}"
    assert (minister["start_date"], minister["end_date"]) == ("2019-05-06", "2020-11")
    aliyev = [m for m in data["memberships"] if m["person_id"] == f"person/{world.aliyev.pk}"]
    president = next(m for m in aliyev if m["role"] == "Cumhurbaşkanı")
    assert president["organization_id"] == f"country/{world.az.pk}"
    assert president["label"] == "Azerbaycan Cumhurbaşkanı"
    assert (president["start_date"], president["end_date"]) == ("2020-11", "2020-11")


def test_a_title_naming_another_country_is_held_for_that_country(world, tmp_path):
    Participation.objects.filter(meeting=world.moscow, person=world.novak).update(
        title="Azerbaycan Başbakan Yardımcısı"
    )
    run_export(tmp_path)
    (novak,) = [
        m for m in popolo(tmp_path)["memberships"] if m["person_id"] == f"person/{world.novak.pk}"
    ]
    assert novak["organization_id"] == f"country/{world.az.pk}"
    assert novak["role"] == "Başbakan Yardımcısı"


def test_a_long_run_reports_its_progress(world, tmp_path, monkeypatch):
    monkeypatch.setattr(dump, "PROGRESS_EVERY", 2)
    _, err = run_export(tmp_path)
    assert "participations.csv: 2 rows" in err
    assert "participations.csv: 4 rows" in err


def test_a_folder_that_is_a_file_is_one_clear_error(world, tmp_path):
    taken = tmp_path / "dump"
    taken.write_text("not a folder")
    with pytest.raises(CommandError, match=r"dump: exists and is not a folder"):
        run_export(taken)
    with pytest.raises(CommandError, match=r"inside: cannot create the folder"):
        run_export(taken / "inside")


def test_an_unwritable_folder_exits_non_zero_with_one_line(tmp_path):
    # /proc refuses new folders even to root, who may write anywhere else.
    result = subprocess.run(
        [sys.executable, "manage.py", "export", "/proc/diplomacy-export"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"},
        timeout=120,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("CommandError: /proc/diplomacy-export: cannot create the folder")
    assert result.stdout == ""


def test_an_earlier_dump_is_replaced_whole(world, tmp_path):
    run_export(tmp_path)
    world.moscow.delete()
    run_export(tmp_path)
    assert [int(r["id"]) for r in table(tmp_path, "meetings")] == [world.baku.pk, world.undated.pk]
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_export_reads_one_snapshot_and_leaves_no_transaction(
    world, tmp_path
):
    """As from the shell: on PostgreSQL every table is read in one read-only snapshot."""
    from django.db import connection

    out, _ = run_export(tmp_path)
    assert "meetings.csv: 3 rows" in out
    assert not connection.in_atomic_block
    world.moscow.delete()  # the connection writes again once the export is done
    assert len(table(tmp_path, "meetings")) == 3
