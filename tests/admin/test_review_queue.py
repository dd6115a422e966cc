"""The review queue: every meeting that needs review, most doubtful first, filterable, counted
per reason, with bulk actions that check permissions and leave log entries."""

import datetime as dt

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.test import Client
from django.urls import reverse

from meetings.extraction.reasons import ALL_CODES
from meetings.models import DatePrecision, Meeting
from meetings.models.meetings import REASON_BITS
from tests.admin.helpers import staff_client
from tests.factories import MeetingFactory, ParticipationFactory, PersonFactory, StatementFactory

pytestmark = pytest.mark.django_db

QUEUE = "admin:meetings_meeting_review_queue"


def flagged(*reasons, **kwargs):
    """A meeting flagged for review with these reason codes."""
    return MeetingFactory(needs_review=True, review_reasons=list(reasons), **kwargs)


@pytest.fixture
def editor_client():
    """An editor who may view and change meetings."""
    return staff_client(Client(), "editor", "view_meeting", "change_meeting")


@pytest.fixture
def viewer_client():
    """Staff who may only look at meetings."""
    return staff_client(Client(), "viewer", "view_meeting")


def _titles(response):
    return [m.title for m in response.context["meetings"]]


def test_the_queue_lists_only_meetings_that_need_review(admin_client):
    flagged("date_unknown", title="Şüpheli")
    MeetingFactory(title="Temiz")
    response = admin_client.get(reverse(QUEUE))
    assert response.status_code == 200
    assert _titles(response) == ["Şüpheli"]


def test_the_most_doubtful_meeting_comes_first(admin_client):
    flagged("place_from_dateline", title="Yer belirsiz")
    flagged("no_meeting", title="Görüşme yok")
    flagged("place_from_dateline", "date_relative", title="İki küçük neden")
    flagged("ambiguous_name", "no_host", title="Kim olduğu belirsiz")
    response = admin_client.get(reverse(QUEUE))
    assert _titles(response) == [
        "Kim olduğu belirsiz",  # 2 reasons + 3 + 2
        "Görüşme yok",  # 1 + 4
        "İki küçük neden",  # 2
        "Yer belirsiz",  # 1
    ]


def test_the_order_follows_reasons_however_they_are_written(admin_client):
    """The doubt is kept by the database: an import's bulk insert, a save and an update all
    leave the queue in the right order, with the right counts, and no writer computes it."""
    first, second = Meeting.objects.bulk_create(
        [
            Meeting(title="Toplu A", slug="toplu-a", needs_review=True, review_reasons=["no_host"]),
            Meeting(title="Toplu B", slug="toplu-b", needs_review=True, review_reasons=["other"]),
        ]
    )
    response = admin_client.get(reverse(QUEUE))
    assert _titles(response) == ["Toplu A", "Toplu B"]  # 1 + 2, then 1
    second.flag("no_meeting")
    second.save()
    response = admin_client.get(reverse(QUEUE))
    assert _titles(response) == ["Toplu B", "Toplu A"]  # 2 + 4 now
    Meeting.objects.filter(pk=second.pk).update(needs_review=False)
    response = admin_client.get(reverse(QUEUE))
    assert _titles(response) == ["Toplu A"]
    counts = {code: n for code, _label, n, _q in response.context["reason_links"]}
    assert counts == {"no_host": 1}
    assert Meeting.objects.get(pk=second.pk).doubt == 0  # off the queue, no doubt


def test_a_later_page_continues_the_order(admin_client):
    for i in range(55):
        flagged("date_unknown" if i % 2 else "other", title=f"G{i:02d}")
    first = _titles(admin_client.get(reverse(QUEUE)))
    second = _titles(admin_client.get(reverse(QUEUE), {"page": 2}))
    assert len(first) == 50 and len(second) == 5
    assert not set(first) & set(second)
    doubt = dict(Meeting.objects.values_list("title", "doubt"))
    assert [doubt[t] for t in first + second] == sorted(doubt.values(), reverse=True)


def test_every_reason_code_has_a_bit_for_the_queues_index():
    """A new code works without one (its filter and count read the JSON), but slowly: give it
    the next bit in REASON_BITS and a migration that adds Meeting.reason_flags again."""
    assert set(ALL_CODES) <= set(REASON_BITS)
    assert len(set(REASON_BITS.values())) == len(REASON_BITS)


def test_reasons_show_as_labels_in_the_admins_language(admin_client, settings):
    flagged("date_unknown")
    settings.LANGUAGE_CODE = "en"
    english = admin_client.get(reverse(QUEUE)).content.decode()
    assert "date unknown" in english
    settings.LANGUAGE_CODE = "tr"
    turkish = admin_client.get(reverse(QUEUE)).content.decode()
    assert "tarih bilinmiyor" in turkish
    assert "date_unknown</span>" not in turkish


def test_the_queue_counts_meetings_per_reason(admin_client):
    flagged("date_unknown", "no_host")
    flagged("date_unknown")
    flagged("speaker_unknown")
    response = admin_client.get(reverse(QUEUE))
    counts = {code: n for code, _label, n, _q in response.context["reason_links"]}
    assert counts == {"date_unknown": 2, "no_host": 1, "speaker_unknown": 1}
    assert response.context["total"] == 3


def test_the_queue_filters_by_reason_and_keeps_the_counts_of_the_others(admin_client):
    flagged("date_unknown", title="A")
    flagged("no_host", title="B")
    response = admin_client.get(reverse(QUEUE), {"reason": "no_host"})
    assert _titles(response) == ["B"]
    assert response.context["total"] == 1
    counts = {code: n for code, _label, n, _q in response.context["reason_links"]}
    assert counts == {"date_unknown": 1, "no_host": 1}


def test_the_queue_filters_by_date(admin_client):
    flagged("date_relative", title="Kasım", date=dt.date(2020, 11, 1))
    flagged("date_relative", title="Mart", date=dt.date(2021, 3, 1))
    flagged("date_unknown", title="Tarihsiz", date=None, date_precision=DatePrecision.UNKNOWN)
    response = admin_client.get(
        reverse(QUEUE), {"date_after": "2021-01-01", "date_before": "2021-12-31"}
    )
    assert _titles(response) == ["Mart"]


def test_the_queue_filters_by_person_by_name_as_written_or_resolved(admin_client):
    with_lavrov = flagged("surname_only", title="Lavrov'la")
    ParticipationFactory(meeting=with_lavrov, person=PersonFactory(name="Sergey Lavrov"))
    unresolved = flagged("ambiguous_name", title="Çözülmemiş")
    ParticipationFactory(meeting=unresolved, person=None, raw_name="Lavrov")
    flagged("no_host", title="Başka")
    response = admin_client.get(reverse(QUEUE), {"person": "lavrov"})
    assert sorted(_titles(response)) == ["Lavrov'la", "Çözülmemiş"]


def test_the_queue_runs_the_same_queries_for_a_few_meetings_as_for_a_full_page(
    admin_client, django_assert_num_queries
):
    def add(n):
        for i in range(n):
            m = flagged("date_unknown", "no_host")
            ParticipationFactory(meeting=m)
            ParticipationFactory(meeting=m, person=None, raw_name=f"Biri {i}")

    add(2)
    admin_client.get(reverse(QUEUE))  # warm the session
    # session, user, counts per reason, the page of meetings, their participants
    with django_assert_num_queries(5):
        admin_client.get(reverse(QUEUE))
    add(48)
    with django_assert_num_queries(5):
        response = admin_client.get(reverse(QUEUE), {"person": "biri", "reason": "no_host"})
    assert len(response.context["meetings"]) == 50


# Permissions ---------------------------------------------------------------------------------


def test_an_editor_sees_the_queue_with_its_bulk_actions(editor_client):
    flagged("date_unknown")
    response = editor_client.get(reverse(QUEUE))
    assert response.status_code == 200
    assert 'name="meetings"' in response.content.decode()


def test_a_view_only_user_sees_the_queue_without_bulk_actions(viewer_client):
    flagged("date_unknown")
    response = viewer_client.get(reverse(QUEUE))
    assert response.status_code == 200
    assert 'name="meetings"' not in response.content.decode()


@pytest.mark.parametrize(
    ("who", "columns"), [("editor_client", 5), ("viewer_client", 4)], ids=["editor", "viewer"]
)
def test_an_empty_queue_says_so_across_every_column_the_user_sees(request, who, columns):
    html = request.getfixturevalue(who).get(reverse(QUEUE)).content.decode()
    assert html.count('<th scope="col">') == columns
    assert f'<td colspan="{columns}">' in html


def test_staff_without_view_permission_on_meetings_is_refused():
    client = staff_client(Client(), "nobody", "view_person")
    assert client.get(reverse(QUEUE)).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(reverse(QUEUE))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


# Bulk: mark reviewed -------------------------------------------------------------------------


def _mark(client, *meetings):
    return client.post(
        reverse(QUEUE), {"action": "mark_reviewed", "meetings": [m.pk for m in meetings]}
    )


@pytest.mark.parametrize("who", ["superuser", "editor"])
def test_marking_reviewed_takes_meetings_off_the_queue_locks_them_and_logs_it(
    who, admin_client, editor_client
):
    client = admin_client if who == "superuser" else editor_client
    a, b, rest = flagged("date_unknown"), flagged("no_host"), flagged("no_guest")
    ParticipationFactory(meeting=a)
    StatementFactory(meeting=a)
    assert _mark(client, a, b).status_code == 302
    assert list(Meeting.objects.filter(needs_review=True)) == [rest]
    a.refresh_from_db()
    assert {"needs_review", "review_reasons", "date", "location"} <= set(a.locked_fields)
    # Rows stay as the editor left them: a lock there means a real correction.
    assert not a.participations.get().locked_fields
    assert not a.statements.get().locked_fields
    logged = LogEntry.objects.filter(action_flag=CHANGE).values_list("object_id", flat=True)
    assert sorted(logged) == sorted([str(a.pk), str(b.pk)])
    assert _titles(client.get(reverse(QUEUE))) == [rest.title]


def test_a_view_only_user_cannot_mark_reviewed(viewer_client):
    m = flagged("date_unknown")
    assert _mark(viewer_client, m).status_code == 403
    m.refresh_from_db()
    assert m.needs_review and not m.locked_fields
    assert not LogEntry.objects.exists()


def test_an_anonymous_visitor_cannot_mark_reviewed(client):
    m = flagged("date_unknown")
    response = _mark(client, m)
    assert response.url.startswith(reverse("admin:login"))
    m.refresh_from_db()
    assert m.needs_review


# Bulk: merge duplicate people ----------------------------------------------------------------


def _merge_people(client, *meetings):
    return client.post(
        reverse(QUEUE), {"action": "merge_people", "meetings": [m.pk for m in meetings]}
    )


def test_merging_people_opens_the_people_list_narrowed_to_the_meetings_people(admin_client):
    m = flagged("possible_duplicate")
    a, b = ParticipationFactory(meeting=m).person, ParticipationFactory(meeting=m).person
    PersonFactory(name="Başkası")
    response = _merge_people(admin_client, m)
    assert response.status_code == 302
    people = admin_client.get(response.url)
    assert {p.pk for p in people.context["cl"].result_list} == {a.pk, b.pk}


def test_merging_people_needs_change_and_delete_rights_on_people(editor_client):
    m = flagged("possible_duplicate")
    ParticipationFactory(meeting=m)
    assert _merge_people(editor_client, m).status_code == 403
    merger = staff_client(
        Client(), "merger", "view_meeting", "view_person", "change_person", "delete_person"
    )
    assert _merge_people(merger, m).status_code == 302


def test_a_reason_with_no_bit_yet_is_still_counted_and_filtered(admin_client, monkeypatch):
    """A new code, before its bit in REASON_BITS and the migration: it is read from the JSON,
    in the same queries."""
    without = {code: bit for code, bit in REASON_BITS.items() if code != "date_unknown"}
    monkeypatch.setattr("meetings.admin.review_queue.REASON_BITS", without)
    flagged("date_unknown", "no_host", title="A")
    flagged("date_unknown", title="B")
    flagged("no_host", title="C")
    response = admin_client.get(reverse(QUEUE), {"reason": "date_unknown"})
    assert sorted(_titles(response)) == ["A", "B"]
    counts = {code: n for code, _label, n, _q in response.context["reason_links"]}
    assert counts == {"date_unknown": 2, "no_host": 2}
    assert response.context["total"] == 2
