"""An extracted country name resolves to its one ISO row, and never creates a country."""

import json
from pathlib import Path

import pytest

from meetings.extraction import lexicon as lexicon_package
from meetings.ingest import Ingestor
from meetings.ingest.resolve import Resolver
from meetings.models import Country, Meeting, Person
from tests.ingest.builders import ALIYEV, ArticleBuilder

pytestmark = pytest.mark.django_db

EXTRACTOR_COUNTRIES = Path(lexicon_package.__file__).with_name("countries.json")


def extractor_country_names() -> list[str]:
    """Every country name the extractor emits: the keys of its lexicon's countries.json."""
    names = json.loads(EXTRACTOR_COUNTRIES.read_text(encoding="utf-8"))
    return [name for name in names if not name.startswith("_")]


def test_every_country_the_extractor_names_resolves_to_a_row_with_an_iso_code(known_entities):
    before = Country.objects.count()
    resolver = Resolver()
    unresolved = {}
    for name in extractor_country_names():
        country = resolver.country(name)
        if country is None or not country.iso_code:
            unresolved[name] = country
    assert unresolved == {}
    assert Country.objects.count() == before, "resolving never creates a country"


def test_the_full_name_and_the_known_abbreviation_are_one_country(known_entities):
    resolver = Resolver()
    forms = ["ABD", "Amerika Birleşik Devletleri", "Amerikalı", "ABD'li", "ABD'nin", "US"]
    found = {form: resolver.country(form) for form in forms}
    assert {c.iso_code for c in found.values()} == {"US"}
    assert Country.objects.filter(iso_code="US").count() == 1
    assert Country.objects.filter(name_tr__in=forms).count() == 1


@pytest.mark.parametrize(
    "forms, code",
    [
        (["BAE", "Birleşik Arap Emirlikleri", "BAE'li"], "AE"),
        (["Birleşik Krallık", "İngiltere", "İngiliz", "Britanya"], "GB"),
        (["Rus", "Rusya", "Rusya Federasyonu", "Russia"], "RU"),
        (["Azerbaycan", "Azerbaycanlı", "Azeri"], "AZ"),
        (["Çekya", "Çek Cumhuriyeti"], "CZ"),
        (["Kuzey Kıbrıs Türk Cumhuriyeti", "KKTC"], "XN"),
    ],
)
def test_aliases_demonyms_and_short_forms_resolve_to_one_row(known_entities, forms, code):
    resolver = Resolver()
    assert {resolver.country(form).pk for form in forms} == {Country.objects.get(iso_code=code).pk}


def test_a_name_no_country_has_resolves_to_nothing_and_creates_nothing(known_entities):
    before = Country.objects.count()
    resolver = Resolver()
    assert resolver.country("Atlantis") is None
    assert resolver.country("Kongo") is None  # two countries: neither is guessed
    assert resolver.country("bm") is None  # a lower-case word is no ISO code
    assert Country.objects.count() == before


def test_an_imported_meeting_and_its_people_get_the_iso_rows(known_entities):
    before = Country.objects.count()
    b = ArticleBuilder("santiago.txt")
    b.meeting(
        ALIYEV,
        ("Gabriel Boric", "Şili Devlet Başkanı", "Şili"),
        place="Washington",
        country="Amerika Birleşik Devletleri",
    )
    extracted = b.build()
    Ingestor().ingest(extracted, extracted.text)
    meeting = Meeting.objects.get()
    assert (meeting.country.iso_code, meeting.country.name_en) == ("US", "United States")
    boric = Person.objects.get(name="Gabriel Boric")
    assert (boric.country.iso_code, boric.country.name_en) == ("CL", "Chile")
    assert Country.objects.count() == before
    assert not Country.objects.filter(iso_code=None).exists()


def test_an_unknown_country_in_an_article_leaves_the_meeting_without_one(known_entities):
    b = ArticleBuilder("atlantis.txt")
    b.meeting(
        ALIYEV, ("Poseidon Atlas", "Kral", "Atlantis"), place="Poseidonia", country="Atlantis"
    )
    extracted = b.build()
    Ingestor().ingest(extracted, extracted.text)
    assert Meeting.objects.get().country is None
    assert Person.objects.get(name="Poseidon Atlas").country is None
    assert not Country.objects.filter(name_tr="Atlantis").exists()
