"""The synthetic corpus: deterministic, varied, the right size, and good Turkish."""

import hashlib
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from meetings.corpus import build_world, generate, generate_article
from meetings.corpus import tables as t
from meetings.corpus.generator import (
    AGREEMENT_STATUSES,
    DATE_STYLES,
    KINDS,
    MAX_BYTES,
    MIN_BYTES,
    QUOTE_STYLES,
)
from meetings.corpus.turkish import case_ending

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def corpus():
    return list(generate(seed=1, count=200))


def _digest(seed: int, count: int) -> str:
    h = hashlib.sha256()
    for article in generate(seed, count):
        h.update(article.name.encode() + article.text.encode())
    return h.hexdigest()


def test_same_seed_same_articles():
    assert generate_article(5, 17).text == generate_article(5, 17).text
    assert _digest(3, 20) == _digest(3, 20)


def test_same_seed_same_articles_in_another_process():
    # String hashing is randomised per process; the corpus must not depend on it.
    code = (
        "import hashlib; from meetings.corpus import generate; h = hashlib.sha256()\n"
        "for a in generate(3, 20): h.update(a.name.encode() + a.text.encode())\n"
        "print(h.hexdigest())"
    )
    env = {"PYTHONHASHSEED": "12345", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == _digest(3, 20)


def test_different_seeds_differ():
    assert generate_article(1, 1).text != generate_article(2, 1).text


def test_article_i_does_not_depend_on_the_corpus_size():
    small = [a.text for a in generate(4, 5)]
    large = [a.text for a in generate(4, 12)]
    assert large[:5] == small


def test_names():
    assert [a.name for a in generate(1, 3)] == [
        "gen_000001.txt",
        "gen_000002.txt",
        "gen_000003.txt",
    ]
    assert generate_article(1, 123456).name == "gen_123456.txt"


def test_variety(corpus):
    countries = {c for a in corpus for c in a.countries}
    people = {p for a in corpus for p in a.people}
    assert len(countries) >= 50
    assert len(people) >= 400
    assert {k for a in corpus for k in a.kinds} == {k for k, _ in KINDS}
    assert {s for a in corpus for s in a.quote_styles} == set(QUOTE_STYLES)
    assert {a.date_style for a in corpus} == {s for s, _ in DATE_STYLES}
    assert {s for a in corpus for _, s in a.agreements} == set(AGREEMENT_STATUSES)
    texts = "\n".join(a.text for a in corpus)
    for verb in ("kabul etti", "ile görüştü", "bir araya geldi", "ağırladı", "telefonda görüştü"):
        assert verb in texts
    for phrase in ('" dedi.', "diye konuştu", "ifadelerini kullandı", "şöyle devam etti:"):
        assert phrase in texts
    for kind in ("Mutabakat Zaptı", "Protokolü", "Ortak Açıklaması", "Deklarasyonu"):
        assert kind in texts
    titles = ("Cumhurbaşkanı", "Başbakan", "Dışişleri Bakanı", "Savunma Bakanı", "Büyükelçi")
    for title in titles + ("Başbakan Yardımcısı", "Ekonomi Bakanı"):
        assert title in texts
    assert sum(len(a.kinds) > 1 for a in corpus) >= 10  # two meetings in one article
    # No article repeats another.
    assert len({a.text for a in corpus}) == len(corpus)


def test_size_and_paragraphs(corpus):
    for article in corpus:
        size = len(article.text.encode("utf-8"))
        assert MIN_BYTES <= size <= MAX_BYTES, (article.name, size)
        assert article.text.count("\n\n") >= 3


def test_dates(corpus):
    for a in corpus:
        year, month, day = a.date
        first_line = a.text.lstrip().split("\n", 1)[0]
        if a.date_style in ("header_month", "header_month_body_day", "header_inline"):
            assert first_line.startswith(f"date {year}-{month:02d}"), a.name
            assert not re.match(r"date \d{4}-\d\d-\d", first_line)
        elif a.date_style == "header_day":
            assert first_line == f"date {year}-{month:02d}-{day:02d}"
        else:
            assert not first_line.startswith("date")
        month_name = t.MONTHS[month - 1]
        if a.date_style in ("body_day", "header_month_body_day"):
            assert f"{day} {month_name}'" in a.text
        if a.date_style == "body_full":
            assert f"{day} {month_name} {year}" in a.text


def test_every_apostrophe_ending_is_a_harmonious_case_ending(corpus):
    allowed_derivations = {"li", "lı", "lu", "lü"}  # "BAE'li"
    bad = Counter()
    for a in corpus:
        for base, ending in re.findall(r"([\w-]+)'(\w+)", a.text):
            cases = ("acc", "gen", "dat", "loc", "abl")
            forms = {case_ending(base, c) for c in cases}
            forms |= {case_ending(base, c, possessive=True) for c in cases}
            if ending not in forms | allowed_derivations:
                bad[f"{base}'{ending}"] += 1
    assert not bad, bad.most_common(10)


def test_people_are_invented_and_named_consistently():
    world = build_world(1)
    people = list(world.everyone())
    assert len({p.full for p in people}) == len(people)
    seed_names = {"Aliyev", "Lavrov", "Şoygu", "Putin", "Erdoğan", "Novak", "Popova"}
    for person in people:
        assert not set(person.full.split()) & seed_names
        assert person.full.startswith(person.short) or person.full.endswith(person.short)
    # Each country has a foreign minister and, where the office exists, a prime minister.
    for country in t.COUNTRIES:
        assert world.holders(country, "foreign")
        assert bool(world.holders(country, "pm")) == country.has_pm


def test_seed_articles_people_do_not_appear(corpus):
    texts = "\n".join(a.text for a in corpus)
    for name in ("Aliyev", "Lavrov", "Şoygu", "Erdoğan"):
        assert name not in texts
