"""The known-entities fixture loads, stays consistent, and never undoes an editor's fix."""

import json

import pytest
from django.core.management import CommandError, call_command

from meetings.extraction.turkish import name_key
from meetings.models import Agreement, Country, Person, PersonAlias
from tests.conftest import ROOT

FIXTURE = ROOT / "fixtures" / "known_entities.json"


def test_fixture_keys_match_their_names():
    for entry in json.loads(FIXTURE.read_text(encoding="utf-8")):
        fields = entry["fields"]
        if "name_key" in fields:
            assert fields["name_key"] == name_key(fields["name"]), fields["name"]
        if "key" in fields:
            assert fields["key"] == name_key(fields["name"]), fields["name"]


@pytest.mark.django_db
def test_countries_people_and_agreements_load_with_their_forms(known_entities):
    russia = Country.objects.get(iso_code="RU")
    assert (russia.name_tr, russia.adjective, russia.demonym) == ("Rusya", "Rus", "Rus")
    assert Country.objects.get(iso_code="AZ").demonym == "Azerbaycanlı"
    shoigu = Person.objects.get(name="Sergey Şoygu")
    assert shoigu.country == russia
    assert PersonAlias.objects.get(key=name_key("Sergei Shoigu")).person == shoigu
    trilateral = Agreement.objects.get(slug="10-kasim-2020-uclu-bildirisi")
    forms = set(trilateral.aliases.values_list("name", flat=True))
    assert {"Kasım 2020 Bildirgesi", "üçlü anlaşma", "9 Kasım'da varılan anlaşmalar"} <= forms
    assert set(trilateral.parties.values_list("iso_code", flat=True)) == {"AZ", "AM", "RU"}


@pytest.mark.django_db
def test_loading_twice_changes_nothing(known_entities, capsys):
    counts = (Country.objects.count(), Person.objects.count(), PersonAlias.objects.count())
    call_command("load_known_entities")
    assert "0 created, 0 updated" in capsys.readouterr().out
    assert counts == (Country.objects.count(), Person.objects.count(), PersonAlias.objects.count())


@pytest.mark.django_db
def test_reloading_keeps_an_editors_locked_fix(known_entities):
    lavrov = Person.objects.get(name="Sergey Lavrov")
    lavrov.name = "Sergey Viktorovich Lavrov"
    lavrov.country = None
    lavrov.lock("name")
    lavrov.save()
    PersonAlias.objects.create(person=lavrov, name="Sergey Lavrov")  # as the admin does
    call_command("load_known_entities", verbosity=0)
    lavrov.refresh_from_db()
    assert lavrov.name == "Sergey Viktorovich Lavrov"
    assert lavrov.country.iso_code == "RU", "unlocked fields are restored from the fixture"


@pytest.mark.django_db
def test_a_missing_fixture_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such fixture file"):
        call_command("load_known_entities", str(tmp_path / "missing.json"))
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    with pytest.raises(CommandError, match="broken.json: not a valid entity fixture"):
        call_command("load_known_entities", str(broken))
