"""The page cache: anonymous pages are kept, and never outlive the data, a language or a user.

Each write below goes through a real write path (the ingest layer, the import command, the
admin), the ones a deployed site has; none of these tests clears the cache by hand.
"""

import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from meetings.models import Meeting
from tests.admin.helpers import change_form_data
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db

LIST = reverse("meetings:meeting-list")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def page(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response


def test_an_anonymous_page_is_served_from_the_cache_the_second_time(client, world):
    first = page(client, LIST)
    second = page(client, LIST)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    strip = lambda r: TOKEN.sub("", r.content.decode())  # noqa: E731 - the one difference
    assert strip(first) == strip(second)


def test_each_query_string_is_its_own_page(client, world):
    link = world.baku.get_absolute_url()
    assert link in page(client, LIST, data={"q": "aliyev"}).content.decode()
    other = page(client, LIST, data={"q": "novak"})
    assert other["X-Page-Cache"] == "miss"
    assert link not in other.content.decode()


def titles():
    return [m.title for m in Meeting.objects.all()]


def test_an_article_imported_by_the_ingest_layer_shows_at_once(client, known_entities):
    from meetings.extraction import extract
    from meetings.ingest import Ingestor

    page(client, LIST)
    assert page(client, LIST)["X-Page-Cache"] == "hit"
    raw = (SEEDS / "000_c0a32fc8072f6d9b.txt").read_bytes()
    Ingestor().ingest(extract(raw, "000.txt"), raw.decode())
    [title] = titles()
    assert title in page(client, LIST).content.decode()
    assert title in page(client, LIST, data={"q": "soygu"}).content.decode()


def test_an_import_run_shows_at_once(client, known_entities):
    home = reverse("meetings:home")
    page(client, home)
    assert page(client, home)["X-Page-Cache"] == "hit"
    call_command("import_articles", str(SEEDS), verbosity=0)
    body = page(client, home).content.decode()
    assert titles() and all(title in body for title in titles())


def test_an_editors_correction_shows_at_once(client, admin_client, world):
    url = world.baku.get_absolute_url()
    assert "Bakü Summit" not in page(client, url).content.decode()
    change = reverse("admin:meetings_meeting_change", args=[world.baku.pk])
    data = change_form_data(admin_client.get(change))
    data["title"] = "Bakü Summit"
    assert admin_client.post(change, data).status_code == 302
    assert "Bakü Summit" in page(client, url).content.decode()
    assert "Bakü Summit" in page(client, LIST).content.decode()


def test_a_meeting_deleted_by_an_editor_leaves_the_cached_list(client, admin_client, world):
    link = world.baku.get_absolute_url()
    assert link in page(client, LIST).content.decode()
    assert client.get(link).status_code == 200
    delete = reverse("admin:meetings_meeting_delete", args=[world.baku.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Meeting.objects.filter(pk=world.baku.pk).exists()
    assert link not in page(client, LIST).content.decode()
    assert client.get(link).status_code == 404


def test_english_and_turkish_never_mix(client, world):
    turkish = page(client, LIST, HTTP_ACCEPT_LANGUAGE="tr").content.decode()
    english = page(client, "/en" + LIST).content.decode()
    again = page(client, LIST, HTTP_ACCEPT_LANGUAGE="tr")
    assert again["X-Page-Cache"] == "hit"
    assert '<html lang="tr">' in turkish and "Görüşmeler" in turkish
    assert '<html lang="en">' in english and "Görüşmeler" not in english
    assert '<html lang="tr">' in again.content.decode()


def test_the_language_switch_changes_a_cached_page(client, world):
    page(client, LIST)  # cached in Turkish
    response = client.post(reverse("set_language"), {"language": "en", "next": LIST})
    assert response["Location"] == "/en" + LIST
    assert '<html lang="en">' in page(client, response["Location"]).content.decode()


def test_staff_never_get_an_anonymous_page_nor_leave_theirs(client, admin_client, world):
    url = world.baku.get_absolute_url()
    edit = reverse("admin:meetings_meeting_change", args=[world.baku.pk])
    assert edit not in page(client, url).content.decode()
    staff = page(admin_client, url)
    assert edit in staff.content.decode() and "X-Page-Cache" not in staff
    anonymous = page(client, url)
    assert edit not in anonymous.content.decode() and anonymous["X-Page-Cache"] == "hit"


def test_each_visitor_gets_their_own_csrf_token_and_it_works(world):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    tokens = [TOKEN.search(page(c, LIST).content.decode()).group(1) for c in (first, second)]
    assert tokens[0] != tokens[1]
    for c, token in zip((first, second), tokens, strict=True):
        response = c.post(
            reverse("set_language"),
            {"language": "en", "next": LIST, "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 302, "the token on a cached page must be the visitor's"
        assert '<html lang="en">' in page(c, response["Location"]).content.decode()


def test_a_token_from_someone_elses_page_is_refused(world):
    owner, other = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    token = TOKEN.search(page(owner, LIST).content.decode()).group(1)
    page(other, LIST)  # other has a CSRF cookie of their own
    response = other.post(
        reverse("set_language"), {"language": "en", "next": LIST, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 403


def test_an_alias_added_in_the_admin_finds_the_meeting_at_once(client, admin_client, world):
    search = {"q": "lavrovski"}
    assert world.baku.get_absolute_url() not in page(client, LIST, data=search).content.decode()
    add = reverse("admin:meetings_personalias_add")
    response = admin_client.post(add, {"name": "Lavrovski", "person": world.lavrov.pk})
    assert response.status_code == 302
    assert world.baku.get_absolute_url() in page(client, LIST, data=search).content.decode()


def test_a_country_renamed_in_the_admin_shows_at_once(client, admin_client, world):
    url = world.baku.get_absolute_url()
    assert (
        "Azerbaijan Republic" not in page(client, url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )
    change = reverse("admin:meetings_country_change", args=[world.az.pk])
    data = change_form_data(admin_client.get(change))
    data["name_tr"] = "Azerbaijan Republic"
    assert admin_client.post(change, data).status_code == 302
    assert "Azerbaijan Republic" in page(client, url).content.decode()
    assert url in page(client, LIST, data={"q": "republic"}).content.decode()


def test_known_entities_loaded_again_show_at_once(client, world):
    search = {"q": "sergej"}  # only the fixture's alias "Sergej Lavrov" has it
    assert world.baku.get_absolute_url() not in page(client, LIST, data=search).content.decode()
    call_command("load_known_entities", verbosity=0)
    assert world.baku.get_absolute_url() in page(client, LIST, data=search).content.decode()
