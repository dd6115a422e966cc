"""The admin meeting page fits the screen: an inline row says where it came from in a few
characters instead of repeating the article's first sentence, and carries no icon row."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    MeetingReportFactory,
    ParticipationFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

FIRST_SENTENCE = (
    "Azerbaycan Cumhurbaşkanı İlham Aliyev, Rusya Savunma Bakanı Sergey Şoygu'nun ardından "
    "Rusya Dışişleri Bakanı Sergey Lavrov'u Azerbaycan'ın başkenti Bakü'de kabul etti."
)


@pytest.fixture
def change_page(admin_client):
    article = ArticleFactory(title=FIRST_SENTENCE)
    meeting = MeetingFactory()
    MeetingReportFactory(meeting=meeting, article=article)
    for i in range(4):
        ParticipationFactory(meeting=meeting, article=article, spans=[[10 * i, 10 * i + 6]])
        StatementFactory(meeting=meeting, article=article, span_start=i, span_end=i + 5)
    response = admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    assert response.status_code == 200
    return article, response.content.decode()


def test_rows_name_their_source_article_by_number_not_by_its_first_sentence(change_page):
    article, html = change_page
    rows = html.split('id="participations-group"')[1].split('id="agreement_mentions-group"')[0]
    assert escape(FIRST_SENTENCE) not in rows
    assert escape(FIRST_SENTENCE) in html  # in the list of source articles
    assert f"#{article.pk} · 10–16" in html


def test_inline_selects_carry_no_row_of_add_change_and_delete_icons(change_page):
    _article, html = change_page
    assert 'id="add_id_participations-0-person"' not in html
    assert 'id="change_id_statements-0-speaker"' not in html


def test_statements_are_one_line_rows(change_page):
    _article, html = change_page
    assert 'id="statements-0"' in html and "tabular" in html.split('id="statements-group"')[1][:300]
