"""Old addresses keep working: a renamed or merged record's former page redirects (301) to
its page now, in both languages, with its feed and citation addresses."""

import pytest
from django.urls import reverse
from django.utils import translation

from meetings.merging import merge_people
from meetings.merging_agreements import merge_agreements
from meetings.models import Agreement, FormerSlug, Meeting, Person
from tests.discovery.records import build_records
from tests.factories import MeetingFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(db):
    return build_records()


def rename(model, pk, slug):
    """Change a record's slug the way the admin does: load it, set the field, save."""
    record = model.objects.get(pk=pk)
    record.slug = slug
    record.save()
    return record


def assert_moved(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, f"{old} answered {response.status_code}"
    assert response["Location"] == new


@pytest.mark.parametrize(
    "model, name, route",
    [
        (Meeting, "summer", "meeting-detail"),
        (Person, "envoy", "person-detail"),
        (Agreement, "pact", "agreement-detail"),
    ],
)
def test_a_renamed_record_redirects_from_its_old_address(client, records, model, name, route):
    old = getattr(records, name)
    old_url = old.get_absolute_url()
    renamed = rename(model, old.pk, "yeni-adres")
    assert_moved(client, old_url, renamed.get_absolute_url())
    assert client.get(renamed.get_absolute_url()).status_code == 200
    assert reverse(f"meetings:{route}", args=["yeni-adres"]) == renamed.get_absolute_url()


def test_the_english_address_redirects_to_the_english_page(client, records):
    rename(Person, records.envoy.pk, "deniz-y")
    with translation.override("en"):
        old = reverse("meetings:person-detail", args=[records.envoy.slug])
        new = reverse("meetings:person-detail", args=["deniz-y"])
    assert old.startswith("/en/")
    assert_moved(client, old, new)


def test_feed_and_citation_addresses_follow(client, records):
    rename(Person, records.envoy.pk, "deniz-y")
    rename(Agreement, records.pact.pk, "su-protokolu")
    rename(Meeting, records.spring.pk, "astana-2021")
    moves = [
        ("person-feed", records.envoy.slug, "deniz-y"),
        ("person-cite", records.envoy.slug, "deniz-y"),
        ("agreement-feed", records.pact.slug, "su-protokolu"),
        ("agreement-cite", records.pact.slug, "su-protokolu"),
        ("meeting-cite", records.spring.slug, "astana-2021"),
    ]
    for route, old, new in moves:
        assert_moved(
            client,
            reverse(f"meetings:{route}", args=[old]),
            reverse(f"meetings:{route}", args=[new]),
        )


def test_the_query_string_is_kept(client, records):
    rename(Person, records.envoy.pk, "deniz-y")
    old = records.envoy.get_absolute_url() + "?meetings_page=2"
    assert_moved(
        client, old, reverse("meetings:person-detail", args=["deniz-y"]) + "?meetings_page=2"
    )


def test_a_merged_person_redirects_to_the_survivor(client, records):
    twin = PersonFactory(name="Deniz Yılmazer Bey")
    twin_url = twin.get_absolute_url()
    merge_people(records.envoy, [twin])
    assert_moved(client, twin_url, records.envoy.get_absolute_url())


def test_a_merged_agreement_redirects_to_the_survivor(client, records):
    from tests.factories import AgreementFactory

    twin = AgreementFactory(name="Bozkır Su Protokolü")
    twin_url = twin.get_absolute_url()
    merge_agreements(records.pact, [twin])
    assert_moved(client, twin_url, records.pact.get_absolute_url())


def test_a_chain_of_rename_then_merge_ends_at_the_live_record(client, records):
    twin = PersonFactory(name="D. Yılmazer")
    first_url = twin.get_absolute_url()
    twin = rename(Person, twin.pk, "d-yilmazer-2")
    second_url = twin.get_absolute_url()
    merge_people(records.envoy, [twin])
    target = records.envoy.get_absolute_url()
    assert_moved(client, first_url, target)
    assert_moved(client, second_url, target)
    # and when the survivor is renamed later, all its old addresses follow it
    renamed = rename(Person, records.envoy.pk, "deniz-yilmazer-elci")
    for url in (first_url, second_url, target):
        assert_moved(client, url, renamed.get_absolute_url())


def test_two_renames_both_lead_to_the_current_page(client, records):
    first = records.summer.get_absolute_url()
    second = rename(Meeting, records.summer.pk, "ikinci").get_absolute_url()
    third = rename(Meeting, records.summer.pk, "ucuncu").get_absolute_url()
    assert_moved(client, first, third)
    assert_moved(client, second, third)


def test_a_former_slug_taken_by_a_live_record_is_served_live(client, records):
    old_url = records.summer.get_absolute_url()
    rename(Meeting, records.summer.pk, "yaz-2022")
    newcomer = MeetingFactory(title="Başka bir yaz görüşmesi", slug=records.summer.slug)
    response = client.get(old_url)
    assert response.status_code == 200
    assert newcomer.title in response.content.decode()


def test_an_unknown_slug_is_still_404(client, records):
    assert client.get(reverse("meetings:meeting-detail", args=["hic-olmadi"])).status_code == 404
    assert client.get(reverse("meetings:person-feed", args=["hic-kimse"])).status_code == 404


def test_a_former_slug_of_a_deleted_record_is_404(client, records):
    url = records.other.get_absolute_url()
    rename(Meeting, records.other.pk, "silinecek")
    Meeting.objects.filter(pk=records.other.pk).delete()
    assert client.get(url).status_code == 404


def test_saving_without_changing_the_slug_records_nothing(records):
    meeting = Meeting.objects.get(pk=records.spring.pk)
    meeting.title = "Yeni başlık"
    meeting.save()
    Person.objects.get(pk=records.envoy.pk).save(update_fields=["name"])
    assert not FormerSlug.objects.exists()


def test_a_slug_changed_in_the_admin_redirects(client, records, admin_user):
    client.force_login(admin_user)
    change = reverse("admin:meetings_agreement_change", args=[records.pact.pk])
    page = client.get(change)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {name: form[name].value() for name in form.fields if form[name].value() is not None}
    )
    data["slug"] = "su-paylasimi"
    data["parties"] = [c.pk for c in records.pact.parties.all()]
    for formset in page.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
    response = client.post(change, {k: v for k, v in data.items() if v != []})
    assert response.status_code == 302, response.context["adminform"].form.errors
    client.logout()
    assert_moved(
        client,
        reverse("meetings:agreement-detail", args=[records.pact.slug]),
        reverse("meetings:agreement-detail", args=["su-paylasimi"]),
    )
