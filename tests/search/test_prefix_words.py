"""A word typed as a prefix finds the same meetings when it is expanded to the indexed words
that begin with it (``meetings.search.vocabulary``) as when the engine reads the prefix
(FTS5's ``"bakan"*``, PostgreSQL's ``bakan:*``).

Expansion is only a faster way to the same matches: each test compares the two, so a word
missing from the list (a writer that forgot to list it) shows as a lost match.
"""

import datetime as dt
import importlib
from types import SimpleNamespace
from unittest import mock

import pytest
from django.db import connection

from meetings.search import backends, reindex_all, reindex_meetings, search_meetings
from meetings.search import search_statements as search_quotes
from meetings.search.query import parse_query, to_fts5, to_tsquery
from meetings.search.vocabulary import MAX_WORDS, TABLE, words_beginning
from tests.factories import StatementFactory, reported_meeting

pytestmark = pytest.mark.django_db

TEXTS = [
    "Bakan Yıldız, bakanlığın heyetini kabul etti; bakanlar kurulu toplandı.",
    "Dışişleri Bakanı ile işbirliği anlaşması imzalandı. İşbirliğimizin önemi vurgulandı.",
    "Ortak açıklamada enerji işbirliğine değinildi; Türkiye ve Azerbaycan anlaştı.",
    "Министр Лавров и бакан встретились в Баку; Αθήνα и Ankara обсуждались.",
    "Kabil'de görüşme: afet yönetimi ve gıda güvenliği ele alındı, Türk heyeti katıldı.",
    "Crème brûlée diplomasisi: Şanlıurfa'dan Çanakkale'ye, çağrı yapıldı.",
]
# Each query, and how many of the meetings it finds (texts 1 to 6 above).
QUERIES = {
    "bak": 6,  # bakan, bakanlığın, bakanlar, Bakanı; and Bakü, where every meeting was held
    "bakan": 2,  # not "бакан": Cyrillic is not folded to Latin
    "işbirl": 2,
    "ortak açık": 1,
    "türk -bakan": 2,
    "-bakan": 4,
    "-türk": 4,
    "мин": 1,
    "αθή": 1,
    "crè": 1,
    "çağ": 1,
    '"dışişleri bakanı" işbirl': 1,
    "afet -bakan": 1,
}


@pytest.fixture
def corpus():
    """Meetings whose texts hold many forms of a few Turkish words, and other scripts."""
    meetings = []
    for i, text in enumerate(TEXTS):
        meeting = reported_meeting(text, date=dt.date(2020, 1, 1 + i))
        StatementFactory(meeting=meeting, text=text.split(".")[0])
        meetings.append(meeting)
    reindex_meetings(m.pk for m in meetings)
    return meetings


def _as_prefixes(search, query):
    """The search as the engine answers it with no word list: each prefix read as a prefix."""
    with mock.patch.object(backends, "words_beginning", lambda prefixes: {}):
        return search(query)


@pytest.mark.parametrize("query", QUERIES)
def test_a_prefix_read_as_its_words_finds_what_the_prefix_finds(corpus, query):
    expanded = search_meetings(query)
    assert set(expanded.ids) == set(_as_prefixes(search_meetings, query).ids)
    assert len(expanded.ids) == QUERIES[query]


@pytest.mark.parametrize("query", QUERIES)
def test_quotes_too(corpus, query):
    assert set(search_quotes(query).ids) == set(_as_prefixes(search_quotes, query).ids)


def test_the_words_of_a_prefix_are_the_indexed_words_that_begin_with_it(corpus):
    assert words_beginning(["bakan"]) == {"bakan": ["bakan", "bakani", "bakanlar", "bakanligin"]}
    assert words_beginning(["zzz"]) == {"zzz": []}


def test_a_word_written_by_a_later_edit_is_found_by_its_prefix_at_once(corpus):
    meeting = corpus[0]
    meeting.title = "Zeytindalı görüşmesi"
    meeting.save()
    reindex_meetings([meeting.pk])
    assert search_meetings("zeytin").ids == [meeting.pk]


def test_a_prefix_of_too_many_words_is_left_to_the_engine(corpus):
    many = " ".join(f"yazışma{n:03d}" for n in range(MAX_WORDS + 5))
    meeting = reported_meeting(many, date=dt.date(2021, 1, 1))
    reindex_meetings([meeting.pk])
    assert words_beginning(["yazis"]) == {"yazis": None}
    query = parse_query("yazış")
    assert to_fts5(query, words_beginning(["yazis"])) == '"yazis"*'
    assert to_tsquery(query, words_beginning(["yazis"])) == "yazis:*"
    assert search_meetings("yazış").ids == [meeting.pk]


def test_a_full_reindex_lists_exactly_the_words_the_index_holds(corpus):
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE} (word) VALUES ('kaybolmuskelime')")
    reindex_all()
    assert words_beginning(["kaybolmus"]) == {"kaybolmus": []}
    assert words_beginning(["bakan"])["bakan"]  # the words still indexed are still listed


def test_the_migration_lists_the_words_of_an_index_built_before_it(corpus):
    name = "0016_search_words" if connection.vendor == "sqlite" else "0019_search_words_postgres"
    migration = importlib.import_module(f"meetings.migrations.{name}")
    # Inside the test's transaction SQLite's schema editor cannot start, so the migration's
    # functions are given the two things they use of one.
    editor = SimpleNamespace(connection=connection, execute=connection.cursor().execute)
    migration.drop_word_list(None, editor)
    migration.create_word_list(None, editor)
    assert words_beginning(["işbirl".replace("ş", "s")])["isbirl"] == [
        "isbirligi",
        "isbirligimizin",
        "isbirligine",
    ]


def test_a_prefix_is_written_as_an_or_of_its_words():
    query = parse_query("bakan -türk")
    words = {"bakan": ["bakan", "bakani"], "turk": ["turk", "turkiye"]}
    expected = '(("bakan" OR "bakani")) NOT (("turk" OR "turkiye"))'
    assert to_fts5(query, words) == expected
    assert to_fts5(query) == '("bakan"*) NOT ("turk"*)'
    assert to_tsquery(query, words) == "('bakan' | 'bakani') & !('turk' | 'turkiye')"
    assert to_tsquery(query) == "bakan:* & !turk:*"


def test_a_word_is_written_as_a_quoted_lexeme_whatever_it_holds():
    query = parse_query("bak")
    assert to_tsquery(query, {"bak": ["bak'", "b\\k"]}) == r"('bak''' | 'b\\k')"
