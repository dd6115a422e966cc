"""Two records of one meeting are merged into one in the admin: the meeting kept has both
sources and everything read from them, each person once, editors' fixes kept; a re-import of
either source updates it and never brings the merged one back; only editors who may change
and delete meetings can merge, and every merge is logged."""

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from meetings.models import (
    DeletedImport,
    FormerSlug,
    Meeting,
    MeetingReport,
    Participation,
    Statement,
)
from meetings.search import search_meetings
from meetings.search.generation import current_generation
from tests.admin.helpers import staff_client
from tests.factories import (
    AgreementMentionFactory,
    MeetingFactory,
    MeetingReportFactory,
    ParticipationFactory,
    PersonFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:meetings_meeting_changelist"
QUEUE = "admin:meetings_meeting_review_queue"
ACTION = "merge_selected_meetings"
MERGE_FORM = "admin/meetings/meeting/merge.html"

# Two outlets' reports of one reception, written for these tests: the first dated, the
# second with no date (so the importer cannot tell it is the same meeting, and flags it).
DATED = """Demirkol, Macar mevkidaşını Ankara'da ağırladı

Ankara, 12 Mart 2024 - Dışişleri Bakanı Ayla Demirkol, Macaristan Dışişleri Bakanı Lajos \
Varga'yı Ankara'da kabul etti.

Görüşmede iki ülke arasındaki ticaret ele alındı. Demirkol, "Ekonomik işbirliğimizi \
büyütmekte kararlıyız" dedi.
"""
UNDATED = """Varga Ankara'da temaslarda bulundu

Dışişleri Bakanı Ayla Demirkol, Macaristan Dışişleri Bakanı Lajos Varga'yı Ankara'da kabul \
etti.

Varga, "Türkiye ile enerji alanında yeni adımlar atacağız" dedi.
"""
MORE = """
Varga, "Doğalgaz hattı projesini birlikte ilerleteceğiz" diye konuştu.
"""


def _import(folder: Path, *options: str) -> None:
    call_command("import_articles", str(folder), *options, verbosity=0)


@pytest.fixture
def sources(known_entities, tmp_path):
    """The two reports, imported from files: two meetings of one event."""
    (tmp_path / "ajans_a.txt").write_text(DATED, encoding="utf-8")
    (tmp_path / "ajans_b.txt").write_text(UNDATED, encoding="utf-8")
    _import(tmp_path)
    dated = Meeting.objects.get(date__isnull=False)
    undated = Meeting.objects.get(date__isnull=True)
    assert "possible_duplicate" in undated.review_reasons
    return tmp_path, dated, undated


def _merge(client, meetings, survivor, apply=True):
    data = {"action": ACTION, "_selected_action": [m.pk for m in meetings]}
    if apply:
        data.update({"apply": "1", "survivor": survivor.pk})
    return client.post(reverse(CHANGELIST), data)


def _offered_actions(client):
    response = client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    form = response.context["action_form"]
    return {value for value, _label in form.fields["action"].choices} if form else set()


def _one_meeting_from_both_sources(survivor):
    assert list(Meeting.objects.values_list("pk", flat=True)) == [survivor.pk]
    assert MeetingReport.objects.filter(meeting=survivor).count() == 2
    people = list(Participation.objects.values_list("raw_name", flat=True))
    assert sorted(people) == ["Ayla Demirkol", "Lajos Varga"]  # each once
    assert not DeletedImport.objects.filter(model="meeting").exists()


# The merge --------------------------------------------------------------------------------


def test_the_meeting_kept_has_both_sources_and_everything_read_from_them(admin_client, sources):
    folder, dated, undated = sources
    page = _merge(admin_client, [dated, undated], dated, apply=False)
    assert page.templates[0].name == MERGE_FORM
    text = page.content.decode()
    assert "12 Mart 2024" in text and "tarih bilinmiyor" in text  # the two told apart
    assert _merge(admin_client, [dated, undated], dated).status_code == 302

    _one_meeting_from_both_sources(dated)
    dated.refresh_from_db()
    assert dated.date == dt.date(2024, 3, 12)
    # The merge answered the doubt: the undated record's reasons do not carry over.
    assert not dated.needs_review
    assert "possible_duplicate" not in dated.review_reasons
    quotes = [s.text for s in dated.statements.all()]
    assert quotes == [
        "Ekonomik işbirliğimizi büyütmekte kararlıyız",
        "Türkiye ile enerji alanında yeni adımlar atacağız",
    ]
    # The merged meeting's address leads to the one kept.
    assert FormerSlug.objects.get(model="meeting", slug=undated.slug).target_id == dated.pk


def test_the_merge_is_logged_and_in_the_history_of_the_meeting_kept(
    admin_client, admin_user, sources
):
    _folder, dated, undated = sources
    _merge(admin_client, [dated, undated], dated)
    change = LogEntry.objects.get(user=admin_user, action_flag=CHANGE)
    assert change.object_id == str(dated.pk)
    assert f"#{undated.pk}" in change.get_change_message()
    assert undated.slug in change.get_change_message()
    deletion = LogEntry.objects.get(user=admin_user, action_flag=DELETION)
    assert (deletion.object_id, deletion.object_repr) == (str(undated.pk), undated.title)
    history = admin_client.get(reverse("admin:meetings_meeting_history", args=[dated.pk]))
    assert f"#{undated.pk}" in history.content.decode()


def test_search_and_cached_pages_follow_the_merge(admin_client, sources):
    _folder, dated, undated = sources
    assert search_meetings("adımlar").ids == [undated.pk]
    before = current_generation()
    _merge(admin_client, [dated, undated], dated)
    assert search_meetings("adımlar").ids == [dated.pk]  # the merged source's words
    assert search_meetings("kararlıyız").ids == [dated.pk]
    assert current_generation() != before


# Re-imports --------------------------------------------------------------------------------


def test_a_reimport_of_both_sources_updates_the_meeting_kept_and_never_remakes_the_other(
    admin_client, sources
):
    folder, dated, undated = sources
    _merge(admin_client, [dated, undated], dated)
    _import(folder, "--reextract")
    _one_meeting_from_both_sources(dated)
    dated.refresh_from_db()
    assert dated.date == dt.date(2024, 3, 12)  # not the undated source's reading
    assert not dated.needs_review
    assert Statement.objects.count() == 2

    # A changed file of the merged source updates the meeting kept, too.
    (folder / "ajans_b.txt").write_text(UNDATED + MORE, encoding="utf-8")
    _import(folder)
    _one_meeting_from_both_sources(dated)
    assert Statement.objects.filter(meeting=dated).count() == 3
    assert search_meetings("doğalgaz").ids == [dated.pk]


def test_an_editors_fix_on_the_merged_meeting_survives_the_merge_and_a_reimport(
    admin_client, sources
):
    folder, dated, undated = sources
    varga = undated.participations.get(raw_name="Lajos Varga")
    varga.title = "Macaristan Dışişleri ve Dış Ticaret Bakanı"
    varga.lock("title")
    varga.save()
    _merge(admin_client, [dated, undated], dated)
    # The locked row wins over the kept meeting's own row for the same person.
    kept = Participation.objects.get(person=varga.person)
    assert (kept.pk, kept.meeting_id) == (varga.pk, dated.pk)
    _import(folder, "--reextract")
    _one_meeting_from_both_sources(dated)
    assert Participation.objects.get(person=varga.person).title == varga.title


def test_the_kept_meetings_locked_fields_win_and_a_merged_ones_fill_what_it_lacks(admin_client):
    keep = MeetingFactory(title="Düzeltilmiş başlık", location="", locked_fields=["title"])
    other = MeetingFactory(title="Ajansın başlığı", location="Budapeşte")
    other.date, other.date_precision = dt.date(2020, 11, 9), "day"
    other.lock("date", "date_precision")
    other.save()
    _merge(admin_client, [keep, other], keep)
    keep.refresh_from_db()
    assert keep.title == "Düzeltilmiş başlık"
    assert keep.location == "Budapeşte"  # it had none
    assert keep.date == dt.date(2020, 11, 9)  # an editor's date, over an imported one
    assert {"title", "date", "location", "needs_review"} <= set(keep.locked_fields)


def test_each_person_once_unresolved_names_once_and_dropped_rows_stay_away(admin_client):
    lavrov = PersonFactory(name="Sergey Lavrov")
    keep, other = MeetingFactory(), MeetingFactory()
    ParticipationFactory(meeting=keep, person=lavrov, import_key="1:0:p:a")
    ParticipationFactory(meeting=keep, person=None, raw_name="Bir Yetkili", import_key="1:0:p:b")
    ParticipationFactory(meeting=other, person=lavrov, import_key="2:0:p:a")
    ParticipationFactory(meeting=other, person=None, raw_name="Lavrov", import_key="2:0:p:b")
    ParticipationFactory(meeting=other, person=None, raw_name="bir yetkili", import_key="2:0:p:c")
    guest = ParticipationFactory(meeting=other, import_key="2:0:p:d")
    mention = AgreementMentionFactory(meeting=other)
    StatementFactory(meeting=keep, order=0)
    moved = StatementFactory(meeting=other, order=0)
    MeetingReportFactory(meeting=other)
    _merge(admin_client, [keep, other], keep)

    rows = {(p.person_id, p.raw_name) for p in Participation.objects.filter(meeting=keep)}
    assert rows == {
        (lavrov.pk, "Sergey Lavrov"),
        (None, "Bir Yetkili"),
        (guest.person_id, guest.raw_name),
    }
    # Rows the merge dropped are remembered, so no re-import adds them again.
    dropped = set(DeletedImport.objects.values_list("import_key", flat=True))
    assert dropped == {"2:0:p:a", "2:0:p:b", "2:0:p:c"}
    mention.refresh_from_db()
    moved.refresh_from_db()
    assert (mention.meeting_id, moved.meeting_id, moved.order) == (keep.pk, keep.pk, 1)
    assert MeetingReport.objects.get().meeting_id == keep.pk


def test_fewer_than_two_meetings_are_not_merged(admin_client):
    only = MeetingFactory()
    response = _merge(admin_client, [only], only, apply=False)
    assert response.status_code == 302
    assert Meeting.objects.count() == 1


def test_a_survivor_that_is_not_among_the_selected_is_refused(admin_client):
    a, b, outsider = MeetingFactory(), MeetingFactory(), MeetingFactory()
    response = _merge(admin_client, [a, b], outsider)
    assert response.templates[0].name == MERGE_FORM  # asked again, with the error
    assert Meeting.objects.count() == 3


# Permissions -------------------------------------------------------------------------------

MEETING_RIGHTS = ("view_meeting", "change_meeting", "delete_meeting")


@pytest.fixture
def pair():
    return MeetingFactory(title="Kayıt bir"), MeetingFactory(title="Kayıt iki")


def test_an_editor_with_change_and_delete_rights_merges_meetings(pair):
    client = staff_client(Client(), "editor", *MEETING_RIGHTS)
    assert ACTION in _offered_actions(client)
    assert _merge(client, pair, pair[0]).status_code == 302
    assert list(Meeting.objects.all()) == [pair[0]]
    editor = User.objects.get(username="editor")
    assert LogEntry.objects.filter(user=editor, action_flag=DELETION).count() == 1


@pytest.mark.parametrize(
    "codenames",
    [("view_meeting",), ("view_meeting", "change_meeting")],
    ids=["viewer", "changer"],
)
def test_staff_without_change_and_delete_rights_cannot_merge_meetings(pair, codenames):
    client = staff_client(Client(), "staff", *codenames)
    assert ACTION not in _offered_actions(client)
    response = _merge(client, pair, pair[0])
    assert MERGE_FORM not in [t.name for t in response.templates]
    assert Meeting.objects.count() == 2
    assert not LogEntry.objects.exists()


def test_the_action_checks_the_rights_again_before_it_shows_or_merges(pair, rf):
    from django.contrib import admin
    from django.core.exceptions import PermissionDenied

    from meetings.admin.meetings import merge_selected_meetings

    request = rf.post("/", {"apply": "1", "survivor": pair[0].pk})
    request.user = User.objects.create_user("changer", is_staff=True)
    modeladmin = admin.site._registry[Meeting]
    with pytest.raises(PermissionDenied):
        merge_selected_meetings(modeladmin, request, Meeting.objects.all())
    assert Meeting.objects.count() == 2


def test_an_anonymous_visitor_is_sent_to_log_in(client, pair):
    response = _merge(client, pair, pair[0])
    assert response.url.startswith(reverse("admin:login"))
    assert Meeting.objects.count() == 2


# From the review queue ---------------------------------------------------------------------


def _queue_merge(client, *meetings):
    return client.post(
        reverse(QUEUE), {"action": "merge_meetings", "meetings": [m.pk for m in meetings]}
    )


def test_an_editor_merges_a_flagged_duplicate_from_the_review_queue(sources):
    _folder, dated, undated = sources
    client = staff_client(Client(), "editor", *MEETING_RIGHTS)
    queue = client.get(reverse(QUEUE)).content.decode()
    assert 'value="merge_meetings"' in queue
    page = _queue_merge(client, undated)  # one ticked: nothing to merge
    assert page.status_code == 302 and Meeting.objects.count() == 2
    Meeting.objects.filter(pk=dated.pk).update(needs_review=True)  # both on the queue
    page = _queue_merge(client, dated, undated)
    assert page.templates[0].name == MERGE_FORM
    answer = client.post(
        reverse(QUEUE),
        {
            "action": ACTION,
            "_selected_action": [dated.pk, undated.pk],
            "apply": "1",
            "survivor": dated.pk,
        },
    )
    assert answer.status_code == 302 and answer.url == reverse(QUEUE)
    _one_meeting_from_both_sources(dated)


@pytest.mark.parametrize(
    "codenames", [("view_meeting",), ("view_meeting", "change_meeting")], ids=["viewer", "changer"]
)
def test_the_queue_neither_offers_nor_runs_the_merge_without_the_rights(sources, codenames):
    _folder, dated, undated = sources
    Meeting.objects.update(needs_review=True)
    client = staff_client(Client(), "staff", *codenames)
    assert 'value="merge_meetings"' not in client.get(reverse(QUEUE)).content.decode()
    assert _queue_merge(client, dated, undated).status_code == 403
    answer = client.post(
        reverse(QUEUE),
        {
            "action": ACTION,
            "_selected_action": [dated.pk, undated.pk],
            "apply": "1",
            "survivor": dated.pk,
        },
    )
    assert answer.status_code == 403
    assert Meeting.objects.count() == 2


def test_a_bad_answer_to_the_queues_merge_page_is_refused_politely(admin_client, pair):
    response = admin_client.post(
        reverse(QUEUE), {"action": ACTION, "_selected_action": ["x", "999999"], "apply": "1"}
    )
    assert response.status_code == 302
    assert Meeting.objects.count() == 2
    assert not LogEntry.objects.exists()
