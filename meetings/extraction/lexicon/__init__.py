"""Language knowledge as data: the JSON files beside this module, folded once for matching.

Extending the extractor to a new country, title or verb means adding a row to a JSON file;
nothing here names a person or an article.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..turkish import fold, tr_lower

_HERE = Path(__file__).resolve().parent


def _load(name: str) -> dict[str, Any]:
    with open(_HERE / name, encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _folds(words: list[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


def phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    """A regex over folded text matching any phrase as whole words, longest first."""
    ordered = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"\b(?:{alternatives})\b")


@dataclass(frozen=True)
class Phrases:
    """Phrases to find in folded text; only words in ``first_words`` can start one.

    Scanning a text with a long alternation is slow; trying the regex only where a token
    is one of the phrases' first words is what keeps extraction fast.
    """

    regex: re.Pattern[str]
    first_words: frozenset[str]

    @classmethod
    def of(cls, phrases: list[str]) -> Phrases:
        """Phrases from their written forms."""
        return cls(phrase_regex(phrases), frozenset(fold(p).split()[0] for p in phrases))


@dataclass(frozen=True)
class MeetingVerb:
    """A meeting verb phrase: what kind of meeting it reports and how its arguments are framed."""

    phrase: str
    kind: str
    frame: str
    needs: frozenset[str] = frozenset()  # words one of which must come before the verb


@dataclass(frozen=True)
class AgreementHead:
    """A noun that names an agreement, optionally after a fixed first word."""

    stem: str
    family: str
    after: str | None = None


@dataclass(frozen=True)
class Lexicon:
    """All tables the extractor uses, folded (Turkish lower case, ASCII letters) for matching."""

    # countries: folded form -> canonical Turkish country name
    country_names: dict[str, str]
    country_adjectives: dict[str, str]
    cities: dict[str, str]
    country_words_lower: frozenset[str]
    # multi-word country or city names, as folded word tuples, longest first
    multiword_places: list[tuple[tuple[str, ...], str, str]]
    # the same, indexed by their first and by their last word
    multiword_by_first: dict[str, list[tuple[tuple[str, ...], str, str]]]
    multiword_by_last: dict[str, list[tuple[tuple[str, ...], str, str]]]
    title_heads: frozenset[str]
    title_stems: tuple[str, ...]
    head_words: frozenset[str]
    plural_heads: dict[str, str]
    counterpart_heads: frozenset[str]
    honorifics: frozenset[str]
    # a role noun's head word -> the folded office words it can stand for ("*": any)
    role_heads: dict[str, frozenset[str]]
    guest_words: frozenset[str]
    home_offices: frozenset[str]
    foreign_offices: frozenset[str]
    name_particles: frozenset[str]
    not_names: frozenset[str]
    sentence_openers: frozenset[str]
    meeting_verbs: dict[str, MeetingVerb]
    meeting: Phrases
    summit_words: frozenset[str]
    separately: Phrases
    invitation_words: frozenset[str]
    home_country: str
    delegation_marker: Phrases
    delegation_verb: Phrases
    delegation_present: Phrases
    present_particles: frozenset[str]
    attribution_after_re: re.Pattern[str]
    attribution_postposed_re: re.Pattern[str]
    reporting_participle: Phrases
    reporting_converb: Phrases
    reporting_finite: Phrases
    agreement_heads: tuple[AgreementHead, ...]
    agreement_not_specific: frozenset[str]
    agreement_adjectives: frozenset[str]
    relative_participle_re: re.Pattern[str]
    signed: Phrases
    proposed_words: tuple[str, ...]
    months: dict[str, int]
    abbreviations: frozenset[str]
    capital_words: frozenset[str]
    arrival_words: frozenset[str]
    suffixes: dict[str, frozenset[str]] = field(default_factory=dict)
    # endings that make a word a place: locative, dative, ablative
    place_suffixes: frozenset[str] = frozenset()

    def country_of_word(self, folded: str) -> str | None:
        """The country a single folded word names, as a country, short name or adjective."""
        return self.country_names.get(folded) or self.country_adjectives.get(folded)


@cache
def lexicon() -> Lexicon:
    """The lexicon, loaded and folded once per process."""
    countries = _load("countries.json")
    titles = _load("titles.json")
    verbs = _load("verbs.json")
    agreements = _load("agreements.json")
    words = _load("words.json")

    names: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    cities: dict[str, str] = {}
    multi: list[tuple[tuple[str, ...], str, str]] = []
    for country, row in countries.items():
        if country.startswith("_"):
            continue
        for form in [country, *row.get("short", [])]:
            _place(names, multi, form, country, "country")
        for form in [*row.get("adj", []), *row.get("demonym", [])]:
            _place(adjectives, multi, form, country, "adjective")
        for form in row.get("cities", []):
            _place(cities, multi, form, country, "city")
    multi.sort(key=lambda item: len(item[0]), reverse=True)

    meeting = {
        fold(v["phrase"]): MeetingVerb(
            fold(v["phrase"]), v["kind"], v["frame"], _folds(v.get("needs", []))
        )
        for v in verbs["meeting"]
    }
    heads = tuple(
        AgreementHead(fold(h["stem"]), h["family"], fold(h["after"]) if h.get("after") else None)
        for h in agreements["heads"]
    )
    return Lexicon(
        country_names=names,
        country_adjectives=adjectives,
        cities=cities,
        country_words_lower=frozenset(
            tr_lower(form)
            for country, row in countries.items()
            if not country.startswith("_")
            for form in [
                country,
                *row.get("short", []),
                *row.get("adj", []),
                *row.get("demonym", []),
            ]
        ),
        multiword_places=multi,
        multiword_by_first=_index(multi, 0),
        multiword_by_last=_index(multi, -1),
        title_heads=_folds(titles["heads"]) | _folds(list(titles["plural_heads"])),
        title_stems=_stems(titles["heads"]),
        head_words=_folds(titles["heads"])
        | _folds(list(titles["plural_heads"]))
        | _folds(titles["counterpart_heads"]),
        plural_heads={fold(k): v for k, v in titles["plural_heads"].items()},
        counterpart_heads=_folds(titles["counterpart_heads"]),
        honorifics=_folds(titles["honorifics"]),
        role_heads={fold(k): _folds(v) for k, v in titles["role_nouns"].items()},
        guest_words=_folds(titles["guest_words"]),
        home_offices=_folds(titles["home_offices"]),
        foreign_offices=_folds(titles["foreign_offices"]),
        name_particles=_folds(titles["name_particles"]),
        not_names=_folds(titles["not_names"]),
        sentence_openers=_folds(titles["sentence_openers"]),
        meeting_verbs=meeting,
        meeting=Phrases.of([v["phrase"] for v in verbs["meeting"]]),
        summit_words=_folds(verbs["summit_words"]),
        separately=Phrases.of(verbs["separately"]),
        invitation_words=_folds(verbs["invitation_words"]),
        home_country=countries["_home"],
        delegation_marker=Phrases.of(verbs["delegation_markers"]),
        delegation_verb=Phrases.of(verbs["delegation_verbs"]),
        delegation_present=Phrases.of(verbs["delegation_present"]),
        present_particles=_folds(verbs["present_particles"]),
        attribution_after_re=phrase_regex(verbs["attribution_after"]),
        attribution_postposed_re=phrase_regex(verbs["attribution_postposed"]),
        reporting_participle=Phrases.of(verbs["reporting_participles"]),
        reporting_converb=Phrases.of(verbs["reporting_converbs"]),
        reporting_finite=Phrases.of(verbs["reporting_finite"]),
        agreement_heads=heads,
        agreement_not_specific=_folds(agreements["not_specific"]),
        agreement_adjectives=_folds(agreements["adjectives"]),
        relative_participle_re=phrase_regex(agreements["relative_participles"]),
        signed=Phrases.of(agreements["signed_verbs"]),
        proposed_words=tuple(sorted(_folds(agreements["proposed_words"]))),
        months={fold(m): i for i, m in enumerate(words["months"], start=1)},
        abbreviations=_folds(words["abbreviations"]),
        capital_words=_folds(words["capital_word"]),
        arrival_words=_folds(words["arrival_participles"]),
        suffixes={
            kind: _folds(words[f"{kind}_suffixes"])
            for kind in ("with", "accusative", "genitive", "locative", "dative")
        },
        place_suffixes=_folds(
            words["locative_suffixes"] + words["dative_suffixes"] + words["ablative_suffixes"]
        ),
    )


def _place(
    table: dict[str, str],
    multi: list[tuple[tuple[str, ...], str, str]],
    form: str,
    country: str,
    kind: str,
) -> None:
    # Words as the tokenizer sees them: hyphens stay inside a word, full stops are dropped.
    folded_words = tuple(w.strip(".") for w in fold(form).split() if w.strip("."))
    if not folded_words:
        return
    if len(folded_words) == 1:
        table.setdefault(folded_words[0], country)
    else:
        multi.append((folded_words, country, kind))


def _stems(heads: list[str]) -> tuple[str, ...]:
    # "Yardımcılarının" is a title word with endings, never a name: match by the title's stem.
    stems = set()
    for head in heads:
        stem = re.sub(r"(s?[iu])$", "", fold(head))
        if len(stem) >= 5:
            stems.add(stem)
    return tuple(sorted(stems))


def _index(
    multi: list[tuple[tuple[str, ...], str, str]], position: int
) -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for entry in multi:
        index.setdefault(entry[0][position], []).append(entry)
    return index
