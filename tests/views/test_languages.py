"""A Turkish and an English interface, each at its own address; the data stays as written.

Turkish pages keep the addresses they always had; English ones are the same under /en/. The
health check, the admin, the language switch and the JSON endpoints have one address.
"""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def english(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def test_turkish_is_at_todays_addresses(client, world):
    assert reverse("meetings:meeting-list") == "/meetings/"
    body = client.get("/meetings/").content.decode()
    assert '<html lang="tr">' in body
    assert "Görüşmeler" in body and "tarih bilinmiyor" in body


def test_the_address_decides_the_language_not_the_browser(client, world):
    body = client.get("/meetings/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="tr">' in body


def test_english_is_under_en(client, world):
    assert english("meetings:meeting-list") == "/en/meetings/"
    body = client.get("/en/meetings/").content.decode()
    assert '<html lang="en">' in body
    assert "Meetings" in body and "date unknown" in body and "November 2020" in body
    assert "Görüşmeler" not in body  # no Turkish UI string leaks through
    assert "İlham Aliyev – Sergey Lavrov (Bakü)" in body  # the data stays as written
    assert "Bakü, Azerbaijan" in body  # countries have an English name
    # Links on an English page stay in English.
    assert 'href="/en/people/"' in body and 'href="/people/"' not in body


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("meetings:home", ()),
        ("meetings:person-list", ()),
        ("meetings:agreement-list", ()),
        ("meetings:statement-list", ()),
    ],
)
def test_every_page_is_in_english_under_en(client, world, name, args):
    response = client.get(english(name, *args))
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_record_pages_are_in_english_under_en(client, world):
    for url in (
        "/en" + world.baku.get_absolute_url(),
        "/en" + world.lavrov.get_absolute_url(),
    ):
        body = client.get(url).content.decode()
        assert '<html lang="en">' in body


def test_hreflang_links_name_the_page_in_each_language(client, world):
    body = client.get("/meetings/", {"q": "lavrov"}).content.decode()
    links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', body))
    assert links == {
        "tr": "http://testserver/meetings/?q=lavrov",
        "en": "http://testserver/en/meetings/?q=lavrov",
        "x-default": "http://testserver/meetings/?q=lavrov",
    }


@pytest.mark.parametrize(
    ("start", "language", "lands"),
    [
        ("/people/?q=lav", "en", "/en/people/?q=lav"),
        ("/en/people/?q=lav", "tr", "/people/?q=lav"),
    ],
)
def test_the_language_switch_keeps_the_page(client, world, start, language, lands):
    body = client.get(start).content.decode()
    form = re.search(r'name="next" value="([^"]+)"', body).group(1).replace("&amp;", "&")
    response = client.post(reverse("set_language"), {"language": language, "next": form})
    assert response.status_code == 302 and response["Location"] == lands
    title = "People" if language == "en" else "Kişiler"
    assert title in client.get(lands).content.decode()


def test_machine_endpoints_health_and_admin_are_outside_the_language_prefix(client, world):
    assert client.get("/people/autocomplete/", {"q": "lav"}).json()["results"]
    assert client.get("/en/people/autocomplete/", {"q": "lav"}).status_code == 404
    assert client.get("/healthz").status_code == 200
    assert client.get("/en/healthz").status_code == 404
    assert client.get("/admin/").status_code == 302  # to the login page
    assert client.get("/en/admin/").status_code == 404


def test_compiled_translations_are_committed():
    from django.conf import settings

    for language in ("tr", "en"):
        assert (settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.mo").exists()


def test_a_known_agreements_description_is_in_the_readers_language(client, known_entities):
    from meetings.models import Agreement

    agreement = Agreement.objects.get(slug="10-kasim-2020-uclu-bildirisi")
    url = agreement.get_absolute_url()
    turkish = html.unescape(client.get(url).content.decode())
    assert "İkinci Karabağ Savaşı'nı sona erdiren üçlü bildiri" in turkish
    assert "Second Karabakh War" not in turkish
    assert "Second Karabakh War" in client.get("/en" + url).content.decode()


def test_the_admin_outside_the_prefix_speaks_the_visitors_language(client, db):
    login = "/admin/login/"
    english = client.get(login, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en"' in english
    turkish = client.get(login, HTTP_ACCEPT_LANGUAGE="tr").content.decode()
    assert '<html lang="tr"' in turkish
    # The site's own pages follow their address, whatever the browser says.
    assert '<html lang="tr">' in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
