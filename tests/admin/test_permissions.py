"""Admin actions and views do only what the user's permissions allow, and leave a log entry.

Every action and custom admin view in meetings/admin/ is tried as a superuser, an editor with
the rights it needs, a staff user who may only view, and an anonymous visitor.
"""

import pytest
from django.contrib import admin
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.auth.models import User
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.urls import reverse

from meetings.admin.people import PersonAdmin, merge_selected_people
from meetings.models import Participation, Person
from tests.admin.helpers import staff_client, staff_user
from tests.factories import MeetingFactory, ParticipationFactory, PersonFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:meetings_person_changelist"
ACTION = "merge_selected_people"
MERGE_FORM = "admin/meetings/person/merge.html"


@pytest.fixture
def editor_client():
    """An editor who may change and delete people: everything a merge does."""
    return staff_client(Client(), "editor", "view_person", "change_person", "delete_person")


@pytest.fixture
def changer_client():
    """An editor who may change people but not delete them."""
    return staff_client(Client(), "changer", "view_person", "change_person")


@pytest.fixture
def viewer_client():
    """Staff who may only look at people."""
    return staff_client(Client(), "viewer", "view_person")


@pytest.fixture
def pair():
    """Two records of one person, as the importer left them."""
    keep = PersonFactory(name="Sergey Şoygu")
    dup = PersonFactory(name="Sergei Shoigu")
    ParticipationFactory(person=dup)
    return keep, dup


def _merge(client, people, survivor, apply=True):
    data = {"action": ACTION, "_selected_action": [p.pk for p in people]}
    if apply:
        data.update({"apply": "1", "survivor": survivor.pk})
    return client.post(reverse(CHANGELIST), data)


def _offered_actions(client):
    response = client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    form = response.context["action_form"]  # None when no action is offered at all
    return {value for value, _label in form.fields["action"].choices} if form else set()


def _assert_merged_and_logged(pair, user):
    keep, dup = pair
    assert list(Person.objects.values_list("pk", flat=True)) == [keep.pk]
    assert Participation.objects.get().person_id == keep.pk
    change = LogEntry.objects.get(user=user, action_flag=CHANGE)
    assert change.object_id == str(keep.pk)
    assert "Sergei Shoigu" in change.get_change_message()
    deletion = LogEntry.objects.get(user=user, action_flag=DELETION)
    assert (deletion.object_id, deletion.object_repr) == (str(dup.pk), "Sergei Shoigu")


# Merging people: needs change and delete permission on people.


def test_a_superuser_merges_and_the_merge_is_logged(admin_client, admin_user, pair):
    response = _merge(admin_client, pair, pair[0])
    assert response.status_code == 302
    _assert_merged_and_logged(pair, admin_user)


def test_an_editor_with_change_and_delete_rights_merges_and_the_merge_is_logged(
    editor_client, pair
):
    assert ACTION in _offered_actions(editor_client)
    response = _merge(editor_client, pair, pair[0])
    assert response.status_code == 302
    _assert_merged_and_logged(pair, User.objects.get(username="editor"))


def test_the_survivors_history_page_says_who_was_merged_in(editor_client, pair):
    keep, _dup = pair
    _merge(editor_client, pair, keep)
    history = editor_client.get(reverse("admin:meetings_person_history", args=[keep.pk]))
    assert "Sergei Shoigu" in history.content.decode()


def test_a_view_only_user_is_not_offered_the_merge(viewer_client, pair):
    assert ACTION not in _offered_actions(viewer_client)


def test_a_view_only_user_cannot_merge_with_a_crafted_post(viewer_client, pair):
    response = _merge(viewer_client, pair, pair[0])
    assert response.status_code == 200  # the list again, with no merge form and nothing done
    assert MERGE_FORM not in [t.name for t in response.templates]
    assert Person.objects.count() == 2
    assert not LogEntry.objects.exists()


def test_a_view_only_user_does_not_even_get_the_merge_form(viewer_client, pair):
    response = _merge(viewer_client, pair, pair[0], apply=False)
    assert MERGE_FORM not in [t.name for t in response.templates]
    assert Person.objects.count() == 2


def test_an_editor_who_may_not_delete_people_cannot_merge_them(changer_client, pair):
    assert ACTION not in _offered_actions(changer_client)
    _merge(changer_client, pair, pair[0])
    assert Person.objects.count() == 2


def test_an_anonymous_visitor_is_sent_to_log_in(client, pair):
    response = _merge(client, pair, pair[0])
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    assert Person.objects.count() == 2


@pytest.mark.parametrize(
    "codenames", [("view_person",), ("view_person", "change_person")], ids=["viewer", "changer"]
)
def test_the_action_itself_refuses_a_user_without_the_rights(pair, codenames):
    """Defence in depth: were the action ever offered, it still checks before it merges."""
    keep, dup = pair
    data = {"action": ACTION, "_selected_action": [keep.pk, dup.pk], "apply": "1"}
    post = RequestFactory().post(reverse(CHANGELIST), {**data, "survivor": keep.pk})
    post.user = staff_user("staff", *codenames)
    post._messages = CookieStorage(post)
    with pytest.raises(PermissionDenied):
        merge_selected_people(PersonAdmin(Person, admin.site), post, Person.objects.all())
    assert Person.objects.count() == 2


# Deleting the selected rows (Django's own action, on every admin): needs delete permission.
# The editor lock mixin overrides how the rows are deleted; the checks and the log must hold.

DELETABLE = [(PersonFactory, "person"), (MeetingFactory, "meeting")]


def _delete_selected(client, obj):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    data = {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"}
    return client.post(url, data)


@pytest.mark.parametrize(("factory", "model"), DELETABLE)
def test_an_editor_with_delete_rights_deletes_selected_rows_and_it_is_logged(factory, model):
    client = staff_client(Client(), "deleter", f"view_{model}", f"delete_{model}")
    obj = factory()
    assert _delete_selected(client, obj).status_code == 302
    assert not type(obj).objects.filter(pk=obj.pk).exists()
    entry = LogEntry.objects.get(action_flag=DELETION)
    assert (entry.user.username, entry.object_id) == ("deleter", str(obj.pk))


@pytest.mark.parametrize(("factory", "model"), DELETABLE)
def test_a_superuser_deletes_selected_rows(admin_client, factory, model):
    obj = factory()
    _delete_selected(admin_client, obj)
    assert not type(obj).objects.filter(pk=obj.pk).exists()
    assert LogEntry.objects.filter(action_flag=DELETION, object_id=str(obj.pk)).exists()


@pytest.mark.parametrize(("factory", "model"), DELETABLE)
@pytest.mark.parametrize("rights", ["view", "change"])
def test_staff_without_delete_rights_cannot_delete_selected_rows(factory, model, rights):
    client = staff_client(Client(), "staff", *{f"view_{model}", f"{rights}_{model}"})
    obj = factory()
    _delete_selected(client, obj)
    assert type(obj).objects.filter(pk=obj.pk).exists()
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize(("factory", "model"), DELETABLE)
def test_an_anonymous_visitor_cannot_delete_selected_rows(client, factory, model):
    obj = factory()
    response = _delete_selected(client, obj)
    assert response.url.startswith(reverse("admin:login"))
    assert type(obj).objects.filter(pk=obj.pk).exists()


# Every action and custom view in meetings/admin/ is covered above.


def _meetings_admins():
    return [ma for model, ma in admin.site._registry.items() if model._meta.app_label == "meetings"]


def test_every_custom_action_names_the_permissions_it_needs():
    for model_admin in _meetings_admins():
        for func, name, _desc in model_admin._get_base_actions():
            assert getattr(func, "allowed_permissions", ()), f"{model_admin}: {name}"


# Custom views tested with all four users in their own modules.
COVERED_ELSEWHERE = {
    "review_queue",  # tests/admin/test_review_queue.py
    "review",  # tests/admin/test_review_page.py
    "simple_history",  # one old version, tests/admin/test_history.py
    "add_text",  # adding an article from the browser, tests/admin/test_add_article.py
    "reextract",  # re-extracting an article, tests/admin/test_add_article.py
}


def test_no_admin_has_custom_views_these_tests_do_not_cover():
    standard = {"changelist", "add", "history", "delete", "change", None} | COVERED_ELSEWHERE
    for model_admin in _meetings_admins():
        opts = model_admin.model._meta
        prefix = f"{opts.app_label}_{opts.model_name}_"
        names = {p.name and p.name.removeprefix(prefix) for p in model_admin.get_urls()}
        assert names <= standard, f"{model_admin}: {names - standard}"
