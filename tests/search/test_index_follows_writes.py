"""The search index follows every write: imports, editors' corrections and merges."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from meetings.models import Meeting, Person, Statement
from meetings.search import search_meetings, search_statements
from tests.admin.helpers import change_form_data
from tests.conftest import SEEDS
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def found(query):
    return set(search_meetings(query).ids)


@pytest.fixture
def imported(known_entities):
    call_command("import_articles", str(SEEDS), verbosity=0)
    return Meeting.objects.get(date__isnull=False)


def test_an_imported_article_is_searchable_at_once(imported):
    assert imported.pk in found("soygu")
    assert imported.pk in found("Belozyorov")


def test_an_import_run_heals_meetings_a_killed_run_left_unindexed(imported):
    from meetings.models import SearchDocument

    SearchDocument.objects.filter(meeting=imported).delete()
    assert imported.pk not in found("soygu")
    call_command("import_articles", str(SEEDS), verbosity=0)  # every file unchanged
    assert imported.pk in found("soygu")


def test_the_ingest_layer_alone_indexes_each_article(known_entities):
    from meetings.extraction import extract
    from meetings.ingest import Ingestor

    raw = (SEEDS / "000_c0a32fc8072f6d9b.txt").read_bytes()
    Ingestor().ingest(extract(raw, "000.txt"), raw.decode())
    assert found("soygu") == {Meeting.objects.get().pk}


def test_a_person_renamed_by_an_editor_is_found_by_the_new_name(imported, admin_client):
    person = Person.objects.get(name="Oleg Belozyorov")
    url = reverse("admin:meetings_person_change", args=[person.pk])
    data = change_form_data(admin_client.get(url))
    data["name"] = "Oleg Valentinoviç Belozyorov"
    assert admin_client.post(url, data).status_code == 302
    assert imported.pk in found("Valentinoviç")


def test_a_statement_deleted_by_an_editor_leaves_the_index(imported, admin_client):
    statement = Statement.objects.get(text__startswith="Buraya geniş bir heyetle geldik")
    quote = '"meslektaşlarımızla etkileşimimizin"'
    assert set(search_statements(quote).ids) == {statement.pk}
    url = reverse("admin:meetings_statement_delete", args=[statement.pk])
    admin_client.post(url, {"post": "yes"})
    assert set(search_statements(quote).ids) == set()
    assert imported.pk in found(quote), "the article text still says it"


def test_a_merged_person_is_found_by_the_merged_spelling(imported, admin_client):
    duplicate = PersonFactory(name="Oleg Belozerov-Tester")
    lavrov = Person.objects.get(name="Oleg Belozyorov")
    admin_client.post(
        reverse("admin:meetings_person_changelist"),
        {
            "action": "merge_selected_people",
            "_selected_action": [lavrov.pk, duplicate.pk],
            "apply": "1",
            "survivor": lavrov.pk,
        },
    )
    assert imported.pk in found("Tester")


def test_a_meeting_deleted_by_an_editor_is_no_longer_found(imported, admin_client):
    assert imported.pk in found("soygu")
    url = reverse("admin:meetings_meeting_delete", args=[imported.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert imported.pk not in found("soygu")
    assert imported.pk not in set(search_meetings("-zzzqxw").ids)  # nor by exclusion


def facet_names(meeting_ids) -> set[str]:
    from meetings.search.facets import hit_facets

    return {row["person__name"] for row in hit_facets(meeting_ids)["people"]}


def test_each_imported_meeting_has_the_facet_row_of_its_records(imported):
    from meetings.models import MeetingFacets

    for meeting in Meeting.objects.all():
        recorded = set(meeting.participations.exclude(person=None).values_list("person", flat=True))
        row = MeetingFacets.objects.get(meeting=meeting)
        assert (set(row.person_ids()), row.country_id) == (recorded, meeting.country_id)


def test_a_merged_participant_is_counted_as_the_person_it_was_merged_into(imported, admin_client):
    participant = imported.participations.exclude(person=None).first().person
    survivor = PersonFactory(name="Zeynep Birleşik")
    admin_client.post(
        reverse("admin:meetings_person_changelist"),
        {
            "action": "merge_selected_people",
            "_selected_action": [participant.pk, survivor.pk],
            "apply": "1",
            "survivor": survivor.pk,
        },
    )
    names = facet_names([imported.pk])
    assert "Zeynep Birleşik" in names
    assert participant.name not in names
