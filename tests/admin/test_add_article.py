"""Adding an article from the browser, and re-extracting a stored one, in the admin.

An editor pastes or uploads an article, sees a preview of exactly what the import writes
(meetings, participants, statements, agreements, each name said to be new or linked to the
record it resolves to), and imports it through the import's own writers. Adding needs
"add article", re-extracting "change article"; every import is logged; bad input is a form
error, never a 500; the preview writes nothing and runs a bounded number of queries.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import clear_url_caches, reverse

from meetings.models import (
    Agreement,
    Article,
    Meeting,
    Participation,
    Person,
    Role,
    Statement,
)
from tests.admin.helpers import staff_client
from tests.factories import ArticleFactory, MeetingFactory, MeetingReportFactory, PersonFactory

pytestmark = pytest.mark.django_db

ADD = "admin:meetings_article_add_text"
TEXT = (
    "Moldova Dışişleri Bakanı Ana Ceban, Gürcistan Dışişleri Bakanı Levan Abaşidze'yi "
    "Kişinev'de kabul etti.\n\n"
    'Ceban, "Karadeniz ticaretinde yeni bir dönem açıyoruz" dedi. Görüşmede iki bakan, '
    "Karadeniz Ticaret Mutabakat Zaptı'nı imzaladı.\n"
)
NO_MEETING_TEXT = "Kişinev'de bugün hava güneşliydi. Şehir merkezinde trafik yoğundu.\n"


@pytest.fixture(autouse=True)
def english(settings):
    """The admin in English. The URL resolver keeps each language's reversed prefixes, and a
    404 page reverses the Turkish ones while English is the default: forget them afterwards,
    or later tests would get /tr/ addresses."""
    settings.LANGUAGE_CODE = "en"
    yield
    clear_url_caches()


@pytest.fixture
def adder():
    """An editor who may add articles (and look at them), nothing more."""
    return staff_client(Client(), "adder", "add_article", "view_article")


@pytest.fixture
def changer():
    """An editor who may change articles, so re-extract them."""
    return staff_client(Client(), "changer", "change_article", "view_article")


@pytest.fixture
def viewer():
    """Staff who may only look at articles."""
    return staff_client(Client(), "viewer", "view_article")


def _post(client, action="_preview", **data):
    data.setdefault("text", TEXT)
    data[action] = "1"
    return client.post(reverse(ADD), data)


def _previewed(client, **data):
    """Preview, then import what was previewed, as the browser would."""
    response = _post(client, **data)
    assert response.status_code == 200
    digest = re.search(r'name="previewed" value="([0-9a-f]{64})"', response.content.decode())
    assert digest, "the preview offers no import"
    carried = {
        name: value
        for name, value in re.findall(
            r'<input type="hidden" name="(file_data|file_name)" value="([^"]*)"',
            response.content.decode(),
        )
    }
    payload = {k: v for k, v in data.items() if k != "file"}
    return _post(client, "_import", previewed=digest.group(1), **carried, **payload)


def _errors(response) -> str:
    form = response.context["form"]
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


# --- the preview ---------------------------------------------------------------------------


def test_the_preview_shows_what_the_import_writes_and_writes_nothing(admin_client):
    people = Person.objects.count()
    response = _post(admin_client)
    assert response.status_code == 200
    html = response.content.decode()
    preview = response.context["preview"]
    assert preview.outcome == "new"
    [item] = preview.meetings
    assert item.new
    assert [(p.raw_name, p.role) for p in item.participations] == [
        ("Ana Ceban", Role.HOST),
        ("Levan Abaşidze", Role.GUEST),
    ]
    assert "Moldova Dışişleri Bakanı" in html
    assert [s.text for s in item.statements] == ["Karadeniz ticaretinde yeni bir dönem açıyoruz"]
    assert item.statements[0].speaker_name == "Ana Ceban"
    assert [a.name for a, _new, _mentions in item.agreements]
    # the spans, highlighted in the text and leading to the line that says what they are
    participant = item.participations[0]
    assert f'<a class="src src-person" href="#preview-participant-{participant.pk}"' in html
    assert f'id="preview-participant-{participant.pk}"' in html
    assert 'class="src src-statement"' in html and 'class="src src-agreement"' in html
    # nothing of it stays
    assert not Article.objects.exists() and not Meeting.objects.exists()
    assert Person.objects.count() == people and not Agreement.objects.exists()


def test_the_preview_says_which_names_resolve_to_stored_records(admin_client):
    ceban = PersonFactory(name="Ana Ceban")
    response = _post(admin_client)
    html = response.content.decode()
    [item] = response.context["preview"].meetings
    host, guest = item.participations
    assert host.person.pk == ceban.pk and not response.context["preview"].is_new(host.person)
    assert response.context["preview"].is_new(guest.person)
    row = re.search(rf'id="preview-participant-{host.pk}".*?</tr>', html, re.S).group()
    assert f'href="{ceban.get_absolute_url()}"' in row and "recorded already" in row
    row = re.search(rf'id="preview-participant-{guest.pk}".*?</tr>', html, re.S).group()
    assert "preview-new" in row and "href" not in row


def test_a_meeting_reported_before_is_said_to_be_recorded_already(admin_client):
    _previewed(admin_client, date="2024-11-05")
    meeting = Meeting.objects.get()
    # The same meeting told in other words: it joins the stored meeting.
    other = TEXT.replace("yeni bir dönem", "yeni bir sayfa")
    response = _post(admin_client, text=other, date="2024-11-05")
    [item] = response.context["preview"].meetings
    assert not item.new and item.meeting.pk == meeting.pk
    assert f'href="{meeting.get_absolute_url()}"' in response.content.decode()


def test_what_the_preview_shows_is_what_the_import_writes(admin_client):
    ceban = PersonFactory(name="Ana Ceban")
    shown = _post(admin_client).context["preview"]
    [item] = shown.meetings
    response = _previewed(admin_client)
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    rows = list(Participation.objects.filter(meeting=meeting).order_by("-role", "id"))
    assert [(p.raw_name, p.role, p.title) for p in rows] == [
        (p.raw_name, p.role, p.title) for p in item.participations
    ]
    assert rows[0].person_id == ceban.pk
    assert rows[1].person.name == item.participations[1].person.name
    assert list(Statement.objects.values_list("speaker_name", "text", "direct")) == [
        (s.speaker_name, s.text, s.direct) for s in item.statements
    ]
    assert sorted(Agreement.objects.values_list("name", flat=True)) == sorted(
        a.name for a, _new, _m in item.agreements
    )
    assert meeting.title == item.meeting.title


# --- the import ----------------------------------------------------------------------------


def test_the_import_writes_logs_and_goes_to_the_meeting(admin_client, admin_user):
    response = _previewed(admin_client)
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response.url == meeting.get_absolute_url()
    article = Article.objects.get()
    assert article.source == f"pasted:{article.sha256}"
    assert article.raw_text == TEXT
    entry = LogEntry.objects.get(user=admin_user)
    assert (entry.action_flag, entry.object_id) == (ADDITION, str(article.pk))
    assert "Imported from the browser" in entry.get_change_message()


def test_the_form_gives_outlet_url_date_and_title_and_the_stored_text_keeps_them(admin_client):
    _previewed(
        admin_client,
        url="https://haber.example.org/ceban",
        outlet="Karadeniz Haber Ajansı",
        title="Ceban, Abaşidze'yi ağırladı",
        date="2024-11",
    )
    article = Article.objects.get()
    assert article.url == "https://haber.example.org/ceban"
    assert article.source == "https://haber.example.org/ceban"
    assert article.outlet == "Karadeniz Haber Ajansı"
    assert article.title == "Ceban, Abaşidze'yi ağırladı"
    assert (article.date.isoformat(), article.date_precision) == ("2024-11-01", "month")
    assert article.raw_text.startswith("---\noutlet: Karadeniz Haber Ajansı\n")
    assert Meeting.objects.get().date.isoformat() == "2024-11-01"  # dated by its publication


def test_an_uploaded_file_is_carried_from_the_preview_to_the_import(admin_client):
    upload = SimpleUploadedFile("ceban.txt", TEXT.encode("cp1254"), "text/plain")
    response = _previewed(admin_client, text="", file=upload)
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.filename == "ceban.txt"
    assert "Abaşidze" in article.text  # cp1254 read as Turkish


def test_text_changed_after_the_preview_is_previewed_again_not_imported(admin_client):
    response = _post(admin_client)
    digest = re.search(r'name="previewed" value="(\w+)"', response.content.decode()).group(1)
    changed = TEXT.replace("Kişinev'de", "Tiraspol'de")
    response = _post(admin_client, "_import", text=changed, previewed=digest)
    assert response.status_code == 200 and response.context["preview"]
    assert not Article.objects.exists()


def test_an_article_stored_already_offers_no_import(admin_client):
    _previewed(admin_client)
    response = _post(admin_client)
    assert response.context["preview"].outcome == "unchanged"
    assert 'name="_import"' not in response.content.decode()


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"text": "   \n  "}, "Paste the article's text or choose a file."),
        ({"text": NO_MEETING_TEXT}, "No meeting was found in this text"),
        ({"url": "ftp://haber.example.org/a"}, "This is not an http or https address."),
        ({"url": "javascript:alert(1)"}, "This is not an http or https address."),
        ({"date": "2024-02-30"}, "Write the date as YYYY-MM-DD"),
        ({"date": "dün"}, "Write the date as YYYY-MM-DD"),
        ({"outlet": "A" * 201}, "at most 200 characters"),
        ({"text": "Ceban " * 200_000}, "larger than the 1 MB limit"),
        ({"file_data": "not base64!", "text": ""}, "damaged"),
    ],
)
def test_bad_input_is_a_form_error_and_nothing_is_written(admin_client, data, error):
    response = _post(admin_client, "_import", **data)
    assert response.status_code == 200
    assert error in _errors(response)
    assert response.context["preview"] is None
    assert not Article.objects.exists() and not LogEntry.objects.exists()


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (bytes(range(256)) * 40, "binary input"),
        (b"x" * 1_000_001, "larger than the 1 MB limit"),
        (b"", "The submitted file is empty."),
    ],
)
def test_a_bad_file_is_a_form_error(admin_client, content, error):
    upload = SimpleUploadedFile("bozuk.txt", content, "text/plain")
    response = _post(admin_client, text="", file=upload)
    assert response.status_code == 200
    assert error in _errors(response)
    assert not Article.objects.exists()


# --- permissions ---------------------------------------------------------------------------


def test_an_editor_who_may_add_articles_adds_one_and_it_is_logged(adder):
    assert adder.get(reverse(ADD)).status_code == 200
    response = _previewed(adder)
    assert response.status_code == 302
    entry = LogEntry.objects.get()
    assert entry.user == User.objects.get(username="adder") and entry.action_flag == ADDITION


def test_a_view_only_user_can_neither_see_the_page_nor_import(viewer):
    assert viewer.get(reverse(ADD)).status_code == 403
    assert _post(viewer).status_code == 403
    assert _post(viewer, "_import").status_code == 403
    assert not Article.objects.exists() and not LogEntry.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login(client):
    response = _post(client, "_import")
    assert response.status_code == 302 and "/admin/login/" in response.url
    assert not Article.objects.exists()


def test_the_article_list_offers_adding_from_text_only_to_those_who_may_add(adder, viewer):
    link = reverse(ADD)
    assert link in adder.get(reverse("admin:meetings_article_changelist")).content.decode()
    assert link not in viewer.get(reverse("admin:meetings_article_changelist")).content.decode()
    response = adder.get(reverse("admin:meetings_article_add"))
    assert response.status_code == 302 and response.url == link


# --- re-extraction -------------------------------------------------------------------------


@pytest.fixture
def stored(admin_client):
    """An article imported from the browser, whose host an editor then renamed (locked)."""
    _previewed(admin_client, outlet="Kuzey Ajansı")
    host = Participation.objects.get(role=Role.HOST)
    host.title = "Moldova Dışişleri ve Avrupa Entegrasyonu Bakanı"
    host.locked_fields = ["title"]
    host.save()
    LogEntry.objects.all().delete()
    return Article.objects.get()


def _reextract_url(article):
    return reverse("admin:meetings_article_reextract", args=[article.pk])


def test_reextracting_previews_then_rewrites_through_the_writers_keeping_edits(changer, stored):
    response = changer.get(_reextract_url(stored))
    assert response.status_code == 200
    preview = response.context["preview"]
    assert preview.outcome == "updated"
    names = [p.raw_name for p in preview.meetings[0].participations]
    assert names == ["Ana Ceban", "Levan Abaşidze"]
    assert Article.objects.get().pk == stored.pk and not LogEntry.objects.exists()
    meeting = Meeting.objects.get()
    response = changer.post(_reextract_url(stored), {"_import": "1"})
    assert response.status_code == 302
    assert Meeting.objects.get().pk == meeting.pk
    host = Participation.objects.get(role=Role.HOST)
    assert host.title == "Moldova Dışişleri ve Avrupa Entegrasyonu Bakanı"  # the editor's
    stored.refresh_from_db()
    assert stored.outlet == "Kuzey Ajansı"  # kept in the stored text's header
    entry = LogEntry.objects.get()
    assert entry.action_flag == CHANGE and entry.user.username == "changer"
    assert "Re-extracted from the browser" in entry.get_change_message()


def test_the_article_page_links_to_reextraction_only_for_those_who_may_change_it(
    changer, viewer, stored
):
    page = reverse("admin:meetings_article_change", args=[stored.pk])
    assert _reextract_url(stored) in changer.get(page).content.decode()
    assert _reextract_url(stored) not in viewer.get(page).content.decode()


def test_a_view_only_user_cannot_reextract(viewer, adder, stored):
    for client in (viewer, adder):
        assert client.get(_reextract_url(stored)).status_code == 403
        assert client.post(_reextract_url(stored), {"_import": "1"}).status_code == 403
    assert not LogEntry.objects.exists()


def test_an_anonymous_visitor_cannot_reextract(client, stored):
    response = client.post(_reextract_url(stored), {"_import": "1"})
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_an_article_kept_from_reextraction_offers_no_import(admin_client, stored):
    Article.objects.update(skip_reextract=True)
    response = admin_client.get(_reextract_url(stored))
    assert response.status_code == 200 and response.context["preview"] is None
    assert 'name="_import"' not in response.content.decode()


def test_reextracting_a_missing_article_is_a_404_and_a_bad_one_a_message(admin_client):
    missing = admin_client.get(reverse("admin:meetings_article_reextract", args=[999]))
    assert missing.status_code == 404
    broken = ArticleFactory(raw_text=" \n ")  # nothing an extractor can read
    response = admin_client.get(_reextract_url(broken))
    assert response.status_code == 200 and "cannot be read again" in response.content.decode()


# --- cost ----------------------------------------------------------------------------------


def _preview_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = _post(client)
    assert response.status_code == 200 and response.context["preview"].meetings
    return len(queries)


def test_the_preview_runs_a_bounded_number_of_queries_however_full_the_database(admin_client):
    few = _preview_queries(admin_client)
    for n in range(40):
        meeting = MeetingFactory()
        MeetingReportFactory(meeting=meeting, article=ArticleFactory())
        PersonFactory(name=f"Kişi {n}")
    many = _preview_queries(admin_client)
    print(f"preview queries: {few} with an empty database, {many} with 40 more meetings")
    assert many == few
    assert few <= 80
