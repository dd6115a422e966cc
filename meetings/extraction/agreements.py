"""Agreements: noun phrases ending in an agreement noun, their parties, status and clusters.

A mention is a proper name ("Paris Anlaşması"), a compound ("barış anlaşması") or a
plain noun with what describes it ("9 Kasım'da varılan anlaşmalar"). Proper names and
compounds cluster by their words; a plain noun, or a bare "Bildirge", means the agreement of
its kind named last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .document import Doc, Token
from .lexicon import AgreementHead, Lexicon, lexicon
from .people import People

# After the noun: plural, then possessive (kept in a compound), then a case ending (dropped).
_SUFFIXES = (
    r"(l[ae]r)?(s?[iu]|l[ae]ri)?"
    r"(n?[iu]n|n?d[ae]n|n?t[ae]n|n?d[ae]|n?t[ae]|y?[iu]|y?[ae]|yl[ae]|n[ae]|n[iu])?"
)
_ADJECTIVE_ENDING = re.compile(r"(?:l[iu]|s[ae]l|[iu]k|c[iu])$")
_RELATIVE_CONNECTORS = {"tarafindan", "arasinda", "ile", "arasindaki"}
_CLAUSE_WORDS = {"ve", "ile", ",", "iki", "uc", "ulke", "ulkenin", "taraf", "taraflar"}
_WINDOW_BEFORE, _WINDOW_AFTER = 3, 4


@dataclass(eq=False)
class MentionDraft:
    """One agreement mention: its words, what kind of name it is, and what the context says."""

    start: int
    end: int
    head: int
    family: str
    key: tuple[str, ...]
    core_start: int
    status: str
    parties: list[str]
    uses_ile: bool
    needs_meeting_countries: bool


@dataclass(eq=False)
class Cluster:
    """Mentions that name one agreement."""

    key: tuple[str, ...]
    family: str
    mentions: list[MentionDraft] = field(default_factory=list)


@cache
def _head_patterns() -> tuple[tuple[AgreementHead, re.Pattern[str]], ...]:
    return tuple(
        (head, re.compile(rf"{re.escape(head.stem)}{_SUFFIXES}\Z"))
        for head in lexicon().agreement_heads
    )


def find_mentions(doc: Doc, people: People) -> list[MentionDraft]:
    """Every agreement mention in text order."""
    lex = lexicon()
    tokens = doc.tokens
    found: list[MentionDraft] = []
    stems = tuple({h.stem[:5] for h, _ in _head_patterns()})
    places = sorted(
        i for word, where in doc.word_index.items() if word.startswith(stems) for i in where
    )
    for i in places:
        token = tokens[i]
        # Two-word heads ("ortak açıklama") come first in the table, so they win.
        for head, pattern in _head_patterns():
            match = pattern.match(token.fbase)
            if match is None:
                continue
            first = token.index
            if head.after is not None:
                if first == 0 or tokens[first - 1].fbase != head.after or tokens[first - 1].suffix:
                    continue
                first -= 1
            draft = _mention(doc, people, token, first, head, match, lex)
            if draft is not None:
                found.append(draft)
            break
    return found


def _mention(
    doc: Doc,
    people: People,
    token: Token,
    first: int,
    head: AgreementHead,
    match: re.Match[str],
    lex: Lexicon,
) -> MentionDraft | None:
    tokens = doc.tokens
    possessive = bool(match.group(2))
    prev = tokens[first - 1] if first > 0 and tokens[first - 1].sent == token.sent else None
    if prev is not None and prev.fbase in lex.agreement_not_specific:
        return None
    named_first = _named_start(doc, people, first, lex) if token.cap else first
    compound = named_first == first and possessive and prev is not None and _is_modifier(prev, lex)
    if named_first < first:
        kind, core = "named", named_first
    elif compound and prev is not None:
        kind, core = "compound", prev.index
    else:
        kind, core = "generic", first
    keep = len(head.stem) + len(match.group(1) or "")
    if kind != "generic" and possessive:
        keep += len(match.group(2))
    # An apostrophe ending is dropped as written; otherwise keep the noun, plural, possessive.
    end = token.base_end if token.suffix else token.start + keep
    key: tuple[str, ...]
    if kind == "named":
        key = ("named", *(t.fbase for t in tokens[core:first]), head.family)
    elif kind == "compound":
        key = ("compound", head.family, tokens[core].fbase)
    else:
        key = ("generic", head.family)
    start = core
    if kind == "generic":
        while (
            start - 1 >= 0
            and _adjective(tokens[start - 1], lex)
            and tokens[start - 1].sent == token.sent
        ):
            start -= 1
    clause_first, parties, uses_ile, two = _relative_clause(doc, people, start, lex)
    text_first = clause_first if kind != "named" else core
    status = _status(doc, token, first, clause_first, lex)
    return MentionDraft(
        start=tokens[text_first].start,
        end=max(end, tokens[text_first].start + 1),
        head=token.index,
        family=head.family,
        key=key,
        core_start=tokens[start if kind == "generic" else core].start,
        status=status,
        parties=parties,
        uses_ile=uses_ile,
        needs_meeting_countries=two,
    )


def _named_start(doc: Doc, people: People, head: int, lex: Lexicon) -> int:
    tokens = doc.tokens
    k = head - 1
    first = head
    while k >= 0 and tokens[k].sent == tokens[head].sent and tokens[k].quote == tokens[head].quote:
        t = tokens[k]
        if not t.is_word or t.suffix or people.mention_at(k) is not None:
            break
        if t.fbase in lex.sentence_openers or t.fbase in lex.country_names:
            break
        if not (t.cap or t.fbase.isdigit()):
            break
        first = k
        k -= 1
    return first


def _is_modifier(token: Token, lex: Lexicon) -> bool:
    f = token.fbase
    return (
        token.is_word
        and not token.suffix
        and not f.isdigit()
        and f not in lex.agreement_adjectives
        and f not in lex.agreement_not_specific
        and not f.endswith(("an", "en"))
        and not _ADJECTIVE_ENDING.search(f)
        and lex.country_of_word(f) is None
    )


def _adjective(token: Token, lex: Lexicon) -> bool:
    f = token.fbase
    return (
        token.is_word
        and not token.suffix
        and f in lex.agreement_adjectives
        and f not in {"bu", "su", "o", "bir", "imzalanan", "varilan"}
    )


def _relative_clause(
    doc: Doc, people: People, start: int, lex: Lexicon
) -> tuple[int, list[str], bool, bool]:
    """The relative clause before a mention ("… tarafından imzalanan"): its first token, parties."""
    tokens = doc.tokens
    sent = tokens[start].sent
    k = start - 1
    if k < 0 or tokens[k].sent != sent:
        return start, [], False, False
    line = doc.folded[max(0, tokens[k].start - 40) : tokens[k].end]
    match = None
    for m in lex.relative_participle_re.finditer(line):
        if m.end() == len(line):
            match = m
    if match is None:
        return start, [], False, False
    participle_start = tokens[k].end - (len(line) - match.start())
    while k >= 0 and tokens[k].start > participle_start:
        k -= 1
    participle_first = k if tokens[k].start == participle_start else k + 1
    k = participle_first - 1
    first = participle_first
    while k >= 0 and tokens[k].sent == sent:
        t = tokens[k]
        in_clause = (
            t.fbase in _RELATIVE_CONNECTORS
            or t.fbase in _CLAUSE_WORDS
            or t.fbase.isdigit()
            or t.fbase in lex.months
            or (t.cap and t.is_word and t.fbase not in lex.sentence_openers)
        )
        if in_clause:
            first = k
        else:
            break
        k -= 1
    while first < participle_first and (
        tokens[first].text in {",", "ve", "ile"} or not tokens[first].is_word
    ):
        first += 1
    clause = tokens[first:participle_first]
    parties: list[str] = []
    for t in clause:
        mention = people.mention_at(t.index)
        country = mention.person.country if mention and mention.person else None
        country = country or (lex.country_of_word(t.fbase) if t.cap else None)
        if country and country not in parties:
            parties.append(country)
    folded = {t.fbase for t in clause}
    uses_ile = "ile" in folded and not folded & {"arasinda", "arasindaki", "tarafindan"}
    two = "iki" in folded and bool(folded & {"ulke", "ulkenin", "taraf"})
    return first, parties, uses_ile, two


def _status(doc: Doc, token: Token, first: int, clause_first: int, lex: Lexicon) -> str:
    tokens = doc.tokens
    sent = doc.sentences[token.sent]
    lo = max(sent.first, min(first, clause_first) - _WINDOW_BEFORE)
    hi = min(sent.last, token.index + 1 + _WINDOW_AFTER)
    window = [t for t in tokens[lo:hi] if t.quote == token.quote]
    if any(t.fbase.startswith(lex.proposed_words) for t in window if t.index != token.index):
        return "proposed"
    rest = doc.folded[token.end : sent.end]
    if lex.signed.regex.search(rest):
        return "signed"
    return "referred"


def cluster(mentions: list[MentionDraft]) -> list[Cluster]:
    """Group mentions naming the same agreement; a plain noun joins the last one of its kind."""
    clusters: list[Cluster] = []
    by_key: dict[tuple[str, ...], Cluster] = {}
    last_of_family: dict[str, Cluster] = {}
    for mention in mentions:
        if mention.key[0] == "generic":
            target = last_of_family.get(mention.family)
        else:
            target = by_key.get(mention.key)
        if target is None:
            target = Cluster(mention.key, mention.family)
            clusters.append(target)
            if mention.key[0] != "generic":
                by_key[mention.key] = target
        target.mentions.append(mention)
        last_of_family[mention.family] = target
    return clusters


def status_of(c: Cluster) -> str:
    """Signed if any mention says so, else proposed, else referred."""
    statuses = {m.status for m in c.mentions}
    for status in ("signed", "proposed"):
        if status in statuses:
            return status
    return "referred"


def name_of(c: Cluster, text: str) -> str:
    """The agreement's name: a proper name if any mention has one, else the first mention's core."""
    best = next((m for m in c.mentions if m.key[0] == "named"), None)
    best = best or next((m for m in c.mentions if m.key[0] == "compound"), None) or c.mentions[0]
    return text[best.core_start : best.end]
