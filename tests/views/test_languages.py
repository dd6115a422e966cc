"""A Turkish and an English interface; the data stays as written."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_turkish_is_the_default(client, world):
    body = client.get(reverse("meetings:meeting-list")).content.decode()
    assert '<html lang="tr">' in body
    assert "Görüşmeler" in body and "tarih bilinmiyor" in body


def test_english_from_the_browser(client, world):
    body = client.get(reverse("meetings:meeting-list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in body
    assert "Meetings" in body and "date unknown" in body and "November 2020" in body
    assert "Görüşmeler" not in body  # no Turkish UI string leaks through
    assert "İlham Aliyev – Sergey Lavrov (Bakü)" in body  # the data stays as written
    assert "Bakü, Azerbaijan" in body  # countries have an English name


def test_the_language_switch(client, world):
    page = reverse("meetings:person-list")
    response = client.post(reverse("set_language"), {"language": "en", "next": page})
    assert response.status_code == 302 and response["Location"] == page
    assert "People" in client.get(page).content.decode()
    client.post(reverse("set_language"), {"language": "tr", "next": page})
    assert "Kişiler" in client.get(page).content.decode()


def test_compiled_translations_are_committed():
    from django.conf import settings

    for language in ("tr", "en"):
        assert (settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.mo").exists()
