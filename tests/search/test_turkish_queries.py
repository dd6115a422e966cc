"""The queries users type find what a Turkish reader would expect, on either database.

Each test states the exact meetings a query finds; the suite runs on SQLite (FTS5) and on
PostgreSQL (tsvector + GIN), so passing on both proves the two engines agree.
"""

import datetime as dt

import pytest

from meetings.models import DatePrecision
from meetings.search import (
    parse_query,
    reindex_agreements,
    reindex_meetings,
    reindex_people,
    search_meetings,
    search_statements,
)
from tests.factories import (
    AgreementAliasFactory,
    AgreementFactory,
    AgreementMentionFactory,
    PersonAliasFactory,
    PersonFactory,
    PersonMentionFactory,
    StatementFactory,
    reported_meeting,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    """Six meetings whose texts exercise Turkish case, suffixes, aliases and phrases."""
    day = DatePrecision.DAY
    meetings = {
        "aliyev": reported_meeting(
            "Cumhurbaşkanı Aliyev'in açıklaması bekleniyor. Lavrov da katıldı.",
            date=dt.date(2021, 3, 4),
            date_precision=day,
        ),
        "caps": reported_meeting(
            "AZERBAYCAN CUMHURBAŞKANI İLHAM ALİYEV BAKÜ'DE KONUŞTU.",
            date=dt.date(2021, 2, 1),
            date_precision=DatePrecision.MONTH,
        ),
        "soygu": reported_meeting(
            "Rusya Savunma Bakanı Sergey Şoygu'nun ardından heyet geldi.",
            date=dt.date(2020, 11, 1),
            date_precision=DatePrecision.MONTH,
        ),
        "istanbul": reported_meeting(
            "Görüşme İstanbul'da yapıldı ve anlaşmaların uygulanması ele alındı.",
            date=dt.date(2019, 5, 6),
            date_precision=day,
        ),
        "phrase": reported_meeting(
            "Taraflar barış anlaşması üzerinde çalışmaya başladı.",
            date=dt.date(2018, 1, 1),
            date_precision=DatePrecision.YEAR,
        ),
        "scattered": reported_meeting(
            "Barış için yeni bir anlaşması gerektiğini söyledi.",
            date=None,
            date_precision=DatePrecision.UNKNOWN,
        ),
    }
    soygu = PersonFactory(name="Sergey Şoygu")
    PersonAliasFactory(person=soygu, name="Sergei Shoigu")
    PersonMentionFactory(person=soygu, article=meetings["soygu"].articles.get())
    reindex_meetings(m.pk for m in meetings.values())
    return meetings


def found(query, corpus, **kwargs):
    """The corpus keys of the meetings a query finds, newest first."""
    names = {m.pk: name for name, m in corpus.items()}
    return [names[pk] for pk in search_meetings(query, order="date", **kwargs).ids]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("aliyev", ["aliyev", "caps"]),
        ("ALİYEV", ["aliyev", "caps"]),
        ("Aliyev'in", ["aliyev", "caps"]),
        ("soygu", ["soygu"]),
        ("Şoygu", ["soygu"]),
        ("ŞOYGU'NUN", ["soygu"]),
        ("Shoigu", ["soygu"]),
        ("istanbul", ["istanbul"]),
        ("İstanbul", ["istanbul"]),
        ("ISTANBUL", ["istanbul"]),
        ("anlaşma", ["istanbul", "phrase", "scattered"]),
        ("anlasmalarin", ["istanbul"]),
        ('"barış anlaşması"', ["phrase"]),
        ("barış anlaşması", ["phrase", "scattered"]),
        ("aliyev -lavrov", ["caps"]),
        ('anlaşma -"barış anlaşması"', ["istanbul", "scattered"]),
        ("-lavrov", ["caps", "soygu", "istanbul", "phrase", "scattered"]),
        ("konuştu", ["caps"]),
        ("KONUSTU", ["caps"]),
        ("nothing-here-at-all", []),
    ],
)
def test_query_finds_exactly(corpus, query, expected):
    assert found(query, corpus) == expected


def test_undated_meetings_come_last_in_date_order(corpus):
    assert found("barış", corpus) == ["phrase", "scattered"]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 1000,
        "!!! ??? ... ''' \"\"\" ---",
        "'; DROP TABLE meetings_meeting; --",
        "1' OR '1'='1",
        'a" OR "b',
        "NEAR(a b) AND * OR NOT ^",
        "foo:* & !bar | (baz <-> qux)",
        "\x00\x01 control",
        "-",
        '"unterminated phrase',
        " ".join(f"w{i}" for i in range(200)),
    ],
)
def test_absurd_queries_return_normally(corpus, query):
    hits = search_meetings(query)
    assert isinstance(hits.ids, list)
    search_statements(query)


def test_people_only_mentioned_are_found_through_their_aliases(corpus):
    assert found("sergei shoigu", corpus) == ["soygu"]


def test_agreement_names_and_aliases_are_searchable():
    meeting = reported_meeting("Taraflar bir araya geldi.")
    agreement = AgreementFactory(name="Müttefik Etkileşim Bildirgesi")
    AgreementAliasFactory(agreement=agreement, name="Allied Interaction Declaration")
    AgreementMentionFactory(agreement=agreement, meeting=meeting, text="bu kilit belge")
    reindex_meetings([meeting.pk])
    assert search_meetings("müttefik").ids == [meeting.pk]
    assert search_meetings("allied interaction").ids == [meeting.pk]
    assert search_meetings('"kilit belge"').ids == [meeting.pk]


def test_statements_are_found_with_their_speaker():
    lavrov = PersonFactory(name="Sergey Lavrov")
    PersonAliasFactory(person=lavrov, name="Sergei Lavrov")
    statement = StatementFactory(speaker=lavrov, text="Barış gücü bölgede kalacak.")
    StatementFactory(meeting=statement.meeting, text="Başka bir konu.")
    reindex_meetings([statement.meeting_id])
    assert search_statements("barış").ids == [statement.pk]
    assert search_statements("sergei -konu").ids == [statement.pk]
    assert search_meetings("barış gücü").ids == [statement.meeting_id]


def test_a_broad_query_gives_the_newest_matches_unranked():
    meetings = [
        reported_meeting(f"ortak açıklama {i}", date=dt.date(2000 + i, 1, 1)) for i in range(5)
    ]
    reindex_meetings(m.pk for m in meetings)
    newest_three = [m.pk for m in reversed(meetings[2:])]
    for order in ("relevance", "date"):
        hits = search_meetings("açıklama", limit=3, order=order)
        assert hits.capped
        assert hits.ids == newest_three
        assert hits.ranks == {}
    few = search_meetings("açıklama", limit=5)
    assert not few.capped and set(few.ranks) == {m.pk for m in meetings}


def test_an_exclusion_only_query_looks_among_the_newest_documents(monkeypatch):
    from meetings.search import backends

    meetings = [
        reported_meeting(f"metin {i} {'lavrov' if i % 2 else ''}", date=dt.date(2000 + i, 1, 1))
        for i in range(6)
    ]
    reindex_meetings(m.pk for m in meetings)
    assert search_meetings("-lavrov", order="date").ids == [meetings[i].pk for i in (4, 2, 0)]
    monkeypatch.setattr(backends, "EXCLUSION_WINDOW", 3)
    assert search_meetings("-lavrov", order="date").ids == [meetings[4].pk]


@pytest.mark.parametrize("excluded_newest", [2, 12, 30])
def test_an_exclusion_finds_the_newest_others_however_many_newer_ones_it_rules_out(
    excluded_newest,
):
    """The newest documents are looked at first, and more only when they hold too few: the
    answer is the newest that do not match, wherever they lie in the window."""
    meetings = [
        reported_meeting(
            f"metin {i} {'lavrov' if i >= 40 - excluded_newest else ''}",
            date=dt.date(1990, 1, 1) + dt.timedelta(days=i),
        )
        for i in range(40)
    ]
    reindex_meetings(m.pk for m in meetings)
    others = [m.pk for m in reversed(meetings[: 40 - excluded_newest])]
    for limit in (1, 3, 7):
        hits = search_meetings("-lavrov", order="date", limit=limit)
        assert hits.ids == others[:limit]
        assert hits.capped
    people = search_meetings("metin -lavrov", order="date", limit=3)
    assert people.ids == others[:3]


def test_search_stays_within_the_given_queryset(corpus):
    from meetings.models import Meeting

    dated_2021 = Meeting.objects.filter(date__year=2021)
    assert found("aliyev", corpus, queryset=dated_2021) == ["aliyev", "caps"]
    assert found("aliyev", corpus, queryset=dated_2021.filter(date__month=3)) == ["aliyev"]


def test_relevance_puts_the_denser_match_first():
    once = reported_meeting("Lavrov geldi. Hava güzeldi ve uzun bir gün oldu.")
    often = reported_meeting("Lavrov, Lavrov'un heyeti ve Lavrov'a sorular.")
    reindex_meetings([once.pk, often.pk])
    assert search_meetings("lavrov").ids == [often.pk, once.pk]


def test_reindexing_replaces_and_deleting_removes():
    meeting = reported_meeting("Eski metin.")
    reindex_meetings([meeting.pk])
    article = meeting.articles.get()
    article.text = "Yeni metin."
    article.save()
    reindex_meetings([meeting.pk])
    assert search_meetings("eski").ids == []
    assert search_meetings("yeni").ids == [meeting.pk]
    meeting.delete()
    assert search_meetings("yeni").ids == []
    reindex_meetings([meeting.pk])  # a deleted meeting is not an error


def test_search_never_scans_with_like(corpus, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        search_meetings("aliyev")
        search_meetings("-lavrov")
        search_statements('"barış anlaşması"')
    assert ctx.captured_queries
    assert not any(" LIKE " in q["sql"].upper() for q in ctx.captured_queries)


def test_parse_query_folds_and_splits():
    q = parse_query('ALİYEV "Barış Anlaşması" -Lavrov\'un anlaşma anlaşma')
    assert [t.tokens for t in q.include] == [("aliyev",), ("baris", "anlasmasi"), ("anlasma",)]
    assert [t.tokens for t in q.exclude] == [("lavrov",)]
    assert not parse_query("  ...  --- ")


def test_a_new_alias_is_found_after_reindexing_its_person(corpus):
    soygu = corpus["soygu"].articles.get().reports.get().meeting
    person = PersonFactory._meta.model.objects.get(name="Sergey Şoygu")
    PersonAliasFactory(person=person, name="Sergej Schoigu")
    assert search_meetings("schoigu").ids == []
    reindex_people([person.pk])
    assert search_meetings("schoigu").ids == [soygu.pk]


def test_a_renamed_agreement_is_found_after_reindexing_it():
    meeting = reported_meeting("Taraflar belgeyi andı.")
    agreement = AgreementFactory(name="Eski Ad Protokolü")
    AgreementMentionFactory(agreement=agreement, meeting=meeting, text="belge")
    reindex_meetings([meeting.pk])
    agreement.name = "Yeni Ad Protokolü"
    agreement.save()
    reindex_agreements([agreement.pk])
    assert search_meetings("yeni ad").ids == [meeting.pk]
    assert search_meetings('"eski ad"').ids == []


def test_short_words_match_only_themselves():
    ab = reported_meeting("AB ile görüşme yapıldı.")
    reported_meeting("Abhazya heyeti geldi.")
    reindex_meetings(m.pk for m in ab.__class__.objects.all())
    assert search_meetings("ab").ids == [ab.pk]
    assert len(search_meetings("abh").ids) == 1
