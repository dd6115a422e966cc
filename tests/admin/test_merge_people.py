"""Editors merge duplicate people; everything attached to them moves and stays merged."""

import pytest
from django.urls import reverse

from meetings.models import Participation, Person, PersonAlias, Statement
from tests.factories import ParticipationFactory, PersonFactory, StatementFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:meetings_person_changelist"


def _merge(admin_client, people, survivor, apply=True):
    data = {"action": "merge_selected_people", "_selected_action": [p.pk for p in people]}
    if apply:
        data.update({"apply": "1", "survivor": survivor.pk})
    return admin_client.post(reverse(CHANGELIST), data)


def test_the_action_first_asks_which_person_to_keep(admin_client):
    a, b = PersonFactory(name="Sergey Şoygu"), PersonFactory(name="Sergei Shoigu")
    response = _merge(admin_client, [a, b], a, apply=False)
    assert response.status_code == 200
    assert "Sergei Shoigu" in response.content.decode()
    assert Person.objects.count() == 2


def test_merging_moves_participations_statements_and_keeps_names_as_aliases(admin_client):
    keep, dup = PersonFactory(name="Sergey Şoygu"), PersonFactory(name="Sergei Shoigu")
    PersonAlias.objects.create(person=dup, name="Shoygu")
    ParticipationFactory(person=keep)
    moved_part = ParticipationFactory(person=dup)
    moved_statement = StatementFactory(speaker=dup)

    response = _merge(admin_client, [keep, dup], keep)

    assert response.status_code == 302
    assert list(Person.objects.values_list("name", flat=True)) == ["Sergey Şoygu"]
    assert Participation.objects.get(pk=moved_part.pk).person == keep
    assert Statement.objects.get(pk=moved_statement.pk).speaker == keep
    aliases = set(keep.aliases.values_list("name", flat=True))
    assert aliases == {"Sergei Shoigu", "Shoygu"}


def test_merging_needs_two_people(admin_client):
    only = PersonFactory()
    response = _merge(admin_client, [only], only)
    assert response.status_code == 302
    assert Person.objects.filter(pk=only.pk).exists()


def test_a_merged_name_resolves_to_the_survivor_afterwards(admin_client):
    from meetings.extraction.turkish import name_key

    keep, dup = PersonFactory(name="Sergey Şoygu"), PersonFactory(name="Sergei Shoigu")
    _merge(admin_client, [keep, dup], keep)
    alias = PersonAlias.objects.get(key=name_key("SERGEI SHOIGU"))
    assert alias.person == keep
