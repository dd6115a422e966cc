"""Countries: one row per ISO country, with both names and the Turkish forms, merged on
migration, and named in the reader's language."""

import importlib.util
import json

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation

from meetings.models import Country
from meetings.models.places import country_key
from tests.conftest import ROOT
from tests.models.test_migrations import migrate

TABLE = ROOT / "fixtures" / "countries.json"


def table() -> list[dict]:
    return [entry["fields"] for entry in json.loads(TABLE.read_text(encoding="utf-8"))]


def test_the_committed_table_is_what_the_build_script_writes():
    spec = importlib.util.spec_from_file_location("build", ROOT / "scripts" / "build_countries.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert TABLE.read_text(encoding="utf-8") == build.render(build.build())


def test_every_country_in_the_table_has_a_code_both_names_and_a_slug():
    rows = table()
    assert len(rows) >= 249  # every ISO 3166-1 country, and Kosovo and the KKTC
    for row in rows:
        assert len(row["iso_code"]) == 2 and row["iso_code"].isupper(), row
        assert row["name_tr"] and row["name_en"] and row["slug"], row
    codes = [row["iso_code"] for row in rows]
    assert len(set(codes)) == len(codes)
    english = {row["iso_code"]: row["name_en"] for row in rows}
    assert (english["US"], english["GB"], english["CL"]) == (
        "United States",
        "United Kingdom",
        "Chile",
    )


def test_no_name_or_form_stands_for_two_countries():
    owner = {}
    for row in table():
        forms = [row["name_tr"], row["name_en"], row["adjective"], row["demonym"], *row["aliases"]]
        for form in filter(None, forms):
            assert owner.setdefault(country_key(form), row["iso_code"]) == row["iso_code"], form


@pytest.mark.django_db
def test_loaded_countries_all_have_their_code_and_english_name(known_entities):
    assert Country.objects.count() == len(table())
    assert not Country.objects.filter(iso_code=None).exists()
    assert not Country.objects.filter(name_en="").exists()
    us = Country.objects.get(iso_code="US")
    assert (us.name_tr, us.name_en, us.demonym) == ("ABD", "United States", "Amerikalı")
    assert "Amerika Birleşik Devletleri" in us.aliases


@pytest.mark.django_db
def test_loading_the_table_adopts_a_row_an_editor_made_without_a_code():
    chile = Country.objects.create(name_tr="Şili", name_en="Şili", slug="sili")
    call_command("load_known_entities", verbosity=0)
    chile.refresh_from_db()
    assert (chile.iso_code, chile.name_en, chile.slug) == ("CL", "Chile", "sili")
    assert not Country.objects.filter(iso_code=None).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "form, code",
    [
        ("Rus", "RU"),
        ("Rusya", "RU"),
        ("Rusyalı", "RU"),
        ("Azerbaycanlı", "AZ"),
        ("Azeri", "AZ"),
        ("ABD", "US"),
        ("Amerika Birleşik Devletleri", "US"),
        ("Amerikan", "US"),
        ("BAE", "AE"),
        ("Birleşik Arap Emirlikleri", "AE"),
        ("Birleşik Krallık", "GB"),
        ("İngiltere", "GB"),
        ("İngiliz", "GB"),
        ("Bosna Hersek", "BA"),
        ("KKTC", "XN"),
        ("Kenyalı", "KE"),
    ],
)
def test_every_turkish_form_names_one_row(known_entities, form, code):
    assert Country.objects.by_form()[country_key(form)].iso_code == code


@pytest.mark.django_db
def test_a_country_is_named_in_the_interfaces_language(known_entities):
    us = Country.objects.get(iso_code="US")
    template = Template("{% load meeting_tags %}{{ country|country_name }}")
    with translation.override("en"):
        assert (us.name, str(us)) == ("United States", "United States")
        assert template.render(Context({"country": us})) == "United States"
    with translation.override("tr"):
        assert (us.name, str(us)) == ("ABD", "ABD")
        assert template.render(Context({"country": us})) == "ABD"


@pytest.mark.django_db
def test_a_country_saved_without_a_slug_gets_one_from_its_english_name():
    country = Country.objects.create(iso_code="XX", name_tr="Deneme", name_en="Test Land")
    assert country.slug == "test-land"


@pytest.mark.django_db(transaction=True)
def test_migration_merges_duplicate_and_codeless_countries_into_their_iso_rows():
    old = migrate([("meetings", "0007_review_reason_codes")])
    try:
        Country = old.get_model("meetings", "Country")
        # The known "ABD" (an editor changed its English name), and what imports added.
        abd = Country.objects.create(
            iso_code="US",
            name_tr="ABD",
            name_en="United States of America",
            slug="united-states",
            locked_fields=["name_en"],
        )
        usa = Country.objects.create(
            name_tr="Amerika Birleşik Devletleri",
            name_en="Amerika Birleşik Devletleri",
            slug="amerika-birlesik-devletleri",
        )
        chile = Country.objects.create(name_tr="Şili", name_en="Şili", slug="sili")
        atlantis = Country.objects.create(name_tr="Atlantis", name_en="Atlantis", slug="atlantis")
        person = old.get_model("meetings", "Person").objects.create(
            name="Joe Biden",
            name_key="joe biden",
            surname_key="biden",
            slug="joe-biden",
            country=usa,
        )
        meeting = old.get_model("meetings", "Meeting").objects.create(
            title="Washington", slug="washington", country=usa
        )
        Agreement = old.get_model("meetings", "Agreement")
        both = Agreement.objects.create(name="A", name_key="a", slug="a")
        both.parties.set([abd, usa])
        pair = Agreement.objects.create(name="B", name_key="b", slug="b")
        pair.parties.set([usa, chile])

        new = migrate([("meetings", "0008_countries_iso")])
        Country = new.get_model("meetings", "Country")
        countries = {c.pk: (c.iso_code, c.name_tr, c.name_en) for c in Country.objects.all()}
        us = Country.objects.get(pk=abd.pk)
        person_country = new.get_model("meetings", "Person").objects.get(pk=person.pk).country_id
        meeting_country = new.get_model("meetings", "Meeting").objects.get(pk=meeting.pk).country_id
        Agreement = new.get_model("meetings", "Agreement")
        parties = {
            a.name: sorted(str(code) for code in a.parties.values_list("iso_code", flat=True))
            for a in Agreement.objects.all()
        }
    finally:
        migrate()  # the schema every other test expects
    assert countries == {
        abd.pk: ("US", "ABD", "United States of America"),  # the editor's name stays
        chile.pk: ("CL", "Şili", "Chile"),
        atlantis.pk: (None, "Atlantis", "Atlantis"),  # no country of the table: left alone
    }
    assert us.demonym == "Amerikalı" and "Amerika Birleşik Devletleri" in us.aliases
    assert person_country == meeting_country == abd.pk
    assert parties == {"A": ["US"], "B": ["CL", "US"]}
