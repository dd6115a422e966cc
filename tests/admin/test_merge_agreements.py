"""Agreements are merged like people: only by editors who may change and delete them, with
every mention and name kept on the agreement kept, and the merge logged."""

import pytest
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from meetings.extraction.turkish import name_key
from meetings.models import Agreement, AgreementAlias, AgreementMention, AgreementStatus
from tests.admin.helpers import staff_client
from tests.factories import (
    AgreementAliasFactory,
    AgreementFactory,
    AgreementMentionFactory,
    CountryFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:meetings_agreement_changelist"
ACTION = "merge_selected_agreements"
MERGE_FORM = "admin/meetings/agreement/merge.html"


@pytest.fixture
def pair():
    """One declaration recorded twice, as two articles named it."""
    keep = AgreementFactory(name="10 Kasım 2020 Üçlü Bildirisi", status=AgreementStatus.REFERRED)
    dup = AgreementFactory(name="Karabağ ateşkes bildirisi", status=AgreementStatus.SIGNED)
    dup.parties.add(CountryFactory(name_tr="Ermenistan"))
    AgreementAliasFactory(agreement=dup, name="ateşkes bildirgesi")
    AgreementMentionFactory(agreement=dup)
    AgreementMentionFactory(agreement=keep)
    return keep, dup


def _merge(client, agreements, survivor, apply=True):
    data = {"action": ACTION, "_selected_action": [a.pk for a in agreements]}
    if apply:
        data.update({"apply": "1", "survivor": survivor.pk})
    return client.post(reverse(CHANGELIST), data)


def _offered_actions(client):
    form = client.get(reverse(CHANGELIST)).context["action_form"]
    return {value for value, _label in form.fields["action"].choices} if form else set()


def _assert_merged_and_logged(pair, user):
    keep, dup = pair
    assert list(Agreement.objects.values_list("pk", flat=True)) == [keep.pk]
    assert set(AgreementMention.objects.values_list("agreement_id", flat=True)) == {keep.pk}
    keep.refresh_from_db()
    assert keep.status == AgreementStatus.SIGNED  # the furthest along of the two
    assert [c.name_tr for c in keep.parties.all()] == ["Ermenistan"]
    # Both the merged name and its alias now name the kept agreement, for the next import.
    for name in ("Karabağ ateşkes bildirisi", "ateşkes bildirgesi"):
        assert AgreementAlias.objects.get(key=name_key(name)).agreement_id == keep.pk
    change = LogEntry.objects.get(user=user, action_flag=CHANGE)
    assert change.object_id == str(keep.pk)
    assert "Karabağ ateşkes bildirisi" in change.get_change_message()
    deletion = LogEntry.objects.get(user=user, action_flag=DELETION)
    assert deletion.object_id == str(dup.pk)


def test_a_superuser_merges_agreements_and_it_is_logged(admin_client, admin_user, pair):
    assert _merge(admin_client, pair, pair[0], apply=False).templates[0].name == MERGE_FORM
    assert _merge(admin_client, pair, pair[0]).status_code == 302
    _assert_merged_and_logged(pair, admin_user)


def test_an_editor_with_change_and_delete_rights_merges_agreements(pair):
    client = staff_client(
        Client(), "editor", "view_agreement", "change_agreement", "delete_agreement"
    )
    assert ACTION in _offered_actions(client)
    assert _merge(client, pair, pair[0]).status_code == 302
    _assert_merged_and_logged(pair, User.objects.get(username="editor"))


def test_the_merge_is_in_the_history_of_the_moved_mention(admin_client, pair):
    keep, dup = pair
    moved = AgreementMention.objects.get(agreement=dup)
    _merge(admin_client, pair, keep)
    record = moved.history.latest()
    assert (record.prev_record.agreement_id, record.agreement_id) == (dup.pk, keep.pk)
    assert record.history_user.is_superuser


@pytest.mark.parametrize(
    "codenames",
    [("view_agreement",), ("view_agreement", "change_agreement")],
    ids=["viewer", "changer"],
)
def test_staff_without_change_and_delete_rights_cannot_merge(pair, codenames):
    client = staff_client(Client(), "staff", *codenames)
    assert ACTION not in _offered_actions(client)
    response = _merge(client, pair, pair[0])
    assert MERGE_FORM not in [t.name for t in response.templates]
    assert Agreement.objects.count() == 2
    assert not LogEntry.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client, pair):
    response = _merge(client, pair, pair[0])
    assert response.url.startswith(reverse("admin:login"))
    assert Agreement.objects.count() == 2
