"""A list item's snippet comes from its article's opening, which the database keeps: a list
page never reads whole articles (on PostgreSQL, every one of them decompressed)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Article
from meetings.models.sources import OPENING_CHARS
from meetings.search import reindex_all
from tests.factories import ArticleFactory, reported_meeting

pytestmark = pytest.mark.django_db

URL = reverse("meetings:meeting-list")
# An article's text column read in a query, qualified as the ORM or raw SQL writes it.
WHOLE_TEXT = re.compile(r'(?:\b\w+|"meetings_article")\."?text\b')


def long_text(head: str, tail: str) -> str:
    """An article whose head and tail lie either side of the opening's end."""
    filler = " ".join(["Görüşmede bölgesel konular ele alındı."] * 80)
    text = f"{head} {filler}"[: OPENING_CHARS - 10] + " " + filler + f" {tail}"
    assert len(text) > OPENING_CHARS + 100
    return text


def test_the_opening_is_the_texts_beginning_and_follows_every_change_of_it():
    text = long_text("Ankara'da görüşme yapıldı.", "Son söz.")
    article = ArticleFactory(raw_text=text)
    article.refresh_from_db()
    assert article.opening == text[:OPENING_CHARS]

    article.text = "Kısa bir metin: Bakü'de görüşme."
    article.save()
    article.refresh_from_db()
    assert article.opening == "Kısa bir metin: Bakü'de görüşme."

    Article.objects.filter(pk=article.pk).update(text="")
    article.refresh_from_db()
    assert article.opening == ""


def test_the_opening_counts_characters_not_bytes():
    text = "ğüşıöç" * OPENING_CHARS  # two bytes each in UTF-8
    article = ArticleFactory(raw_text=text)
    article.refresh_from_db()
    assert article.opening == text[:OPENING_CHARS]


@pytest.mark.parametrize("q", ["", "Tiflis"])
def test_list_pages_show_snippets_without_reading_any_whole_article(client, q):
    reported_meeting(long_text("Heyetler Tiflis'te bir araya geldi.", "Kapanış cümlesi."))
    reindex_all()
    with CaptureQueriesContext(connection) as queries:
        body = client.get(URL, {"q": q} if q else {}).content.decode()
    assert "Heyetler" in body  # the snippet is there, read from the opening
    if q:
        assert "<mark>Tiflis</mark>" in body
    assert "Kapanış cümlesi" not in body
    readers = [
        query["sql"]
        for query in queries.captured_queries
        if "meetings_article" in query["sql"] and WHOLE_TEXT.search(query["sql"])
    ]
    assert not readers, readers


def test_a_match_beyond_the_opening_shows_the_opening(client):
    """The snippet is a pointer: a match past the opening finds the meeting, and its item shows
    how the article begins (the meeting page has the whole text)."""
    meeting = reported_meeting(
        long_text("Heyetler Tiflis'te bir araya geldi.", "Sonunda Erivan anıldı.")
    )
    reindex_all()
    response = client.get(URL, {"q": "Erivan"})
    assert response.context["meetings"] == [meeting]
    assert "Heyetler Tiflis" in response.content.decode()
