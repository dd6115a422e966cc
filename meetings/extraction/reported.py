"""Reported speech: a nominalised clause ("…olduklarını", "…duyduğunu") before a reporting verb.

Four shapes: "…duyduğunu belirten Fidan," (participle, speaker after), "X, …beklediklerini
belirterek," (converb, the subject speaks), "X, …olduklarını söyledi." (finite verb) and relayed
speech, where the speaker stands in the genitive before a nominalised reporting verb:
"Bakanlık, X'in …-ceğini vurguladığını bildirdi", "Açıklamada, X'in … söylediği aktarıldı".
A few quoted words inside the clause ("… \"yeni bir boyuta taşınacağını\" söyledi") stay in it.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .document import Doc, Sentence, Token
from .lexicon import Phrases, lexicon
from .meetings import subject_of
from .people import Mention, People, Person
from .quotes import COMPLEMENT, StatementDraft, quoted_statement
from .speakers import Institutions, participle_speaker, subject_speaker
from .turkish import fold

_REPORTED_JSON = Path(__file__).resolve().parent / "lexicon" / "reported.json"
_AFTER_SUBJECT = {",", "ise", "de", "da", "ayrica"}
# The same verb as the subject of a passive: "söylediği aktarıldı".
_NOMINAL = re.compile(r"(?:[dt][iu]g|[dt][iu]kl[ae]r|[ae]c[ae]g|[ae]c[ae]kl[ae]r)[iu]$")
_GENITIVE = frozenset({"in", "un", "nin", "nun"})
_SETTING_REACH = 10  # "görüşmenin ardından yaptığı yazılı açıklamada,": where a setting may end
_LOCATIVE = re.compile(r"(?:[dt][ae]|n[dt][ae])$")
_SENTENCE_END = {"", ".", "!", "…"}
_SUBJECT_REACH = 12  # a sentence's subject stands among its first words
_ADVERBIAL_WORDS = 3
_RAW_REACH = 5  # "belirten el-Mansuri,": the name and its comma after a participle
# Locative, ablative and equative endings: "görüşmede", "öte yandan", "ayrıca".
_ADVERB_END = re.compile(r"(?:[dt][ae]|[dt][ae]n|[cç][ae])$")


@dataclass(frozen=True)
class ReportedWords:
    """The reported-speech lexicon, folded for matching."""

    relayed: Phrases
    reporting_stems: tuple[str, ...]
    setting_stems: tuple[str, ...]
    unnamed_sources: frozenset[str]


@cache
def reported_words() -> ReportedWords:
    """The reported-speech lexicon, loaded and folded once per process."""
    with open(_REPORTED_JSON, encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return ReportedWords(
        relayed=Phrases.of(data["relayed_passives"]),
        # "ifade et" is written apart: its last word carries the ending.
        reporting_stems=tuple(sorted({fold(s).split()[-1] for s in data["reporting_stems"]})),
        setting_stems=tuple(sorted({fold(s).replace(" ", "") for s in data["setting_stems"]})),
        unnamed_sources=frozenset(fold(w) for w in data["unnamed_sources"]),
    )


def reported_statements(
    doc: Doc, people: People, institutions: Institutions | None = None
) -> list[StatementDraft]:
    """Every piece of reported speech outside quotations, with its speaker."""
    lex = lexicon()
    words = reported_words()
    institutions = institutions or Institutions(doc, people)
    starts = [s.start for s in doc.sentences]
    stated = {i for i, q in enumerate(doc.quotes) if quoted_statement(doc, q, starts)}
    shapes = (
        ("participle", lex.reporting_participle),
        ("converb", lex.reporting_converb),
        ("finite", lex.reporting_finite),
        ("relayed", words.relayed),
    )
    # (verb token, complement token or -1, verb end, shape) for every reporting verb
    found: list[tuple[int, int, int, str]] = []
    for shape, pattern in shapes:
        for match in doc.find(pattern):
            if doc.quote_at(match.start()) >= 0:
                continue
            sent = doc.sentences[bisect.bisect_right(starts, match.start()) - 1]
            verb_tok = _token_from(doc, sent, match.start())
            comp = _complement_before(doc, sent, verb_tok, shape, stated)
            found.append((verb_tok, -1 if comp is None else comp, match.end(), shape))
    found.sort()
    out: list[StatementDraft] = []
    floor_of: dict[int, int] = {}  # sentence -> the token after its last reporting verb
    for verb_tok, comp, verb_end, shape in found:
        sent = doc.sentences[doc.tokens[verb_tok].sent]
        floor = max(sent.first, floor_of.get(sent.index, sent.first))
        # The next clause in this sentence starts after this verb.
        floor_of[sent.index] = _token_from(doc, sent, verb_end)
        if comp < floor:
            continue
        draft = _read(doc, people, institutions, stated, sent, comp, verb_end, shape, floor, out)
        if draft is not None:
            out.append(draft)
    return out


def _complement_before(
    doc: Doc, sent: Sentence, verb_tok: int, shape: str, stated: set[int]
) -> int | None:
    """The token that ends the reported clause before a reporting verb, if there is one."""
    tokens = doc.tokens
    comp = verb_tok - 1
    # "…taşınacağını" söyledi: a closing mark stands between the clause and its verb.
    closing = comp >= sent.first and not tokens[comp].is_word and tokens[comp].quote >= 0
    if closing and tokens[comp].quote not in stated:
        comp -= 1
    if comp > sent.first and tokens[comp].fbase in ("da", "de"):
        comp -= 1  # "…planlandığını da kaydetti"
    if comp < sent.first:
        return None
    token = tokens[comp]
    if not token.is_word or token.suffix:
        return None
    if token.quote in stated:
        return None
    pattern = _NOMINAL if shape == "relayed" else COMPLEMENT
    if not pattern.search(token.fbase):
        return None
    return comp


def _read(
    doc: Doc,
    people: People,
    institutions: Institutions,
    stated: set[int],
    sent: Sentence,
    comp: int,
    verb_end: int,
    shape: str,
    floor: int,
    out: list[StatementDraft],
) -> StatementDraft | None:
    tokens = doc.tokens
    if shape in ("finite", "relayed") and not _clause_ends(doc, sent, verb_end):
        return None
    relay = _relayed(doc, people, floor, comp, shape)
    if shape == "relayed" and relay is None:
        return None  # an impersonal passive ("… belirtildi") names no speaker
    speaker: Person | None = None
    institution: str | None = None
    subject_end: int | None = None
    if relay is not None:
        mention, comp = relay
        speaker = mention.person
        subject_end = mention.last + 1
    elif shape == "participle":
        after_tok = _token_from(doc, sent, verb_end)
        after = [
            m
            for m in people.mentions_in(after_tok, min(sent.last, after_tok + 6))
            if not m.suffix and tokens[m.first].quote < 0
        ]
        speaker = after[0].person if after else None
        if speaker is None:
            # "…duyduğunu belirten el-Mansuri,": a name nobody titled after the participle.
            verb_tok = max(sent.first, after_tok - 1)
            reach = min(sent.last, after_tok + _RAW_REACH)
            named = participle_speaker(doc, people, institutions, verb_tok, reach)
            if named is not None:
                speaker, institution = named.person, named.raw
    else:
        found = _subject_in(doc, people, institutions, floor, comp)
        earlier = None
        if found is None and floor > sent.first:
            # "Fidan da …-e dikkat çekerek, …-dığını vurguladı": the sentence's subject.
            reach = min(floor, sent.first + _SUBJECT_REACH)
            earlier = _subject_in(doc, people, institutions, sent.first, reach)
        if found is not None:
            speaker, institution, subject_end = found
        elif earlier is not None:
            speaker, institution = earlier[0], earlier[1]
        elif out and floor > sent.first and out[-1].start >= sent.start:
            # "… belirterek, …-dığını söyledi": the second clause has the first's speaker.
            speaker, institution = out[-1].speaker, out[-1].speaker_text
        elif _unnamed_source(doc, floor, comp):
            return None  # "Diplomatik kaynaklar, …": nobody named says it
        elif out and out[-1].para == sent.para and _no_subject(doc, sent, floor, comp):
            # "Şerif ile görüşmesinde ise …" after a sentence by Erdoğan: still Erdoğan.
            speaker, institution = out[-1].speaker, out[-1].speaker_text
    if speaker is None and institution is None and _unnamed_source(doc, floor, comp):
        return None  # "Diplomatik kaynaklar, …": nobody named says it
    start = _clause_start(doc, sent, comp, floor, subject_end, stated)
    end = _clause_end(doc, comp)
    if start >= end:
        return None
    draft = StatementDraft(speaker, False, start, end, sent.para)
    draft.speaker_text = institution
    return draft


def _subject_in(
    doc: Doc, people: People, institutions: Institutions, first: int, last: int
) -> tuple[Person | None, str | None, int | None] | None:
    """Who speaks in tokens [first, last): the subject, an institution, a role noun or a name
    said once; with the token after the words naming them."""
    tokens = doc.tokens
    before = [
        m
        for m in people.mentions_in(first, last)
        if tokens[m.first].quote < 0 and _next_word(doc, m.last) != "ile"
    ]
    subject = subject_of(doc, before)
    if subject is not None:
        return subject.person, None, subject.last + 1
    opening = subject_speaker(doc, people, institutions, first, last)
    if opening is not None:
        return opening.person, opening.institution or opening.raw, opening.end
    return None


def _relayed(
    doc: Doc, people: People, floor: int, comp: int, shape: str
) -> tuple[Mention, int] | None:
    """For "X'in …-ceğini vurguladığını": X and the inner clause's last token."""
    tokens = doc.tokens
    word = tokens[comp].fbase
    if not word.startswith(reported_words().reporting_stems):
        return None
    inner = comp - 1
    if inner >= floor and tokens[inner].fbase in ("ifade", "dile", "dikkat"):
        inner -= 1  # "ifade ettiğini", "dile getirdiğini", "dikkat çektiğini"
    if inner < floor or not COMPLEMENT.search(tokens[inner].fbase):
        return None
    for m in people.mentions_in(floor, inner):
        if tokens[m.first].quote < 0 and m.suffix in _GENITIVE:
            return m, inner
    return None


def _next_word(doc: Doc, index: int) -> str:
    return doc.tokens[index + 1].fbase if index + 1 < len(doc.tokens) else ""


def _no_subject(doc: Doc, sent: Sentence, floor: int, comp: int) -> bool:
    """Whether the clause goes on from the last sentence with no subject of its own."""
    if floor != sent.first:
        return False
    after = _adverbial_end(doc, floor, comp)
    return not any(t.text == "," for t in doc.tokens[after:comp])


def _adverbial_end(doc: Doc, first: int, comp: int) -> int:
    """Past an adverbial with its comma ("Görüşmede,", "Öte yandan,"), else ``first``."""
    tokens = doc.tokens
    openers = lexicon().sentence_openers
    for n in range(1, _ADVERBIAL_WORDS + 1):
        k = first + n
        if k >= comp or not tokens[k - 1].is_word:
            return first
        word = tokens[k - 1]
        if word.cap and word.fbase not in openers and k - 1 > first:
            return first
        if tokens[k].text == ",":
            last = tokens[k - 1].fbase
            adverb = n == 1 or last in openers or _ADVERB_END.search(last) is not None
            return k + 1 if adverb else first
    return first


def _unnamed_source(doc: Doc, floor: int, comp: int) -> bool:
    unnamed = reported_words().unnamed_sources
    for token in doc.tokens[floor:comp]:
        if token.text == ",":
            return False
        if token.fbase in unnamed:
            return True
    return False


def _clause_ends(doc: Doc, sent: Sentence, verb_end: int) -> bool:
    # Only the next few characters: a sentence can be very long.
    rest = doc.text[verb_end : min(sent.end, verb_end + 8)].strip()
    if verb_end + 8 < sent.end and not rest.startswith(("ve ", ",")):
        return False
    # "… söyledi ve …-dığını belirtti": two clauses, each with its own verb.
    return rest in _SENTENCE_END or rest.startswith(("ve ", ", "))


def _clause_end(doc: Doc, comp: int) -> int:
    token = doc.tokens[comp]
    if token.quote >= 0:
        region = doc.quotes[token.quote]
        if region.inner_end <= token.end:
            return region.end  # the clause ends with the quoted words' closing mark
    return token.end


def _clause_start(
    doc: Doc, sent: Sentence, comp: int, floor: int, subject_end: int | None, stated: set[int]
) -> int:
    tokens = doc.tokens
    first = floor
    while first < comp and tokens[first].fbase in {",", "ve"}:
        first += 1
    # Skip a quotation with its attribution that came earlier in the sentence.
    for k in range(first, comp):
        if tokens[k].quote in stated:
            first = k + 1
    if subject_end is not None and first <= subject_end < comp:
        k = subject_end
        while k < comp and tokens[k].fbase in _AFTER_SUBJECT:
            k += 1
        # "X, …", "X ise …", "diyen X, …": what was said starts after the subject.
        if k > subject_end or subject_end - first <= 3:
            first = k
    first = _after_setting(doc, first, comp)
    # An adverbial with its comma ("Görüşmede,", "Öte yandan,") is not what was said.
    first = _adverbial_end(doc, first, comp)
    while first < comp and not tokens[first].is_word and tokens[first].quote < 0:
        first += 1
    return tokens[first].start


def _after_setting(doc: Doc, first: int, comp: int) -> int:
    """Past "… yaptığı açıklamada," or "X ile görüşmesinde": where it was said, not what."""
    tokens = doc.tokens
    stems = reported_words().setting_stems
    found = -1
    for k in range(first, min(comp, first + _SETTING_REACH)):
        token = tokens[k]
        plain = token.is_word and token.quote < 0 and not token.suffix
        if plain and token.fbase.startswith(stems) and _LOCATIVE.search(token.fbase):
            found = k
    if found < 0:
        return first
    k = found + 1
    while k < comp and tokens[k].fbase in _AFTER_SUBJECT:
        k += 1
    return k if k < comp else first


def _token_from(doc: Doc, sent: Sentence, pos: int) -> int:
    # The first token of the sentence at or after pos, by bisection: sentences can be long.
    return bisect.bisect_left(doc.tokens, pos, sent.first, sent.last, key=_start)


def _start(token: Token) -> int:
    return token.start
