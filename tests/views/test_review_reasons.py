"""A meeting's review reasons read in the reader's language, never as stored codes."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def page(client, meeting, language):
    with translation.override(language):
        url = meeting.get_absolute_url()  # under /en/ in English
    return client.get(url).content.decode()


def test_reasons_are_turkish_on_the_turkish_page(client, world):
    body = page(client, world.undated, "tr")
    assert "İnceleme gerekiyor" in body
    assert "<li>tarih bilinmiyor</li>" in body
    assert "olası mükerrer kayıt: başka bir görüşmeyle aynı kişiler ve yer" in body
    assert "possible_duplicate" not in body and "date_unknown" not in body


def test_reasons_are_english_on_the_english_page(client, world):
    body = page(client, world.undated, "en")
    assert "<li>date unknown</li>" in body
    assert "possible duplicate: same people and place as another meeting" in body
    assert "possible_duplicate" not in body and "mükerrer" not in body


def test_a_reason_that_is_no_code_is_shown_as_it_is(client, world):
    world.undated.review_reasons = ["date_unknown", "elle yazılmış not"]
    world.undated.save()
    assert "<li>elle yazılmış not</li>" in page(client, world.undated, "tr")
