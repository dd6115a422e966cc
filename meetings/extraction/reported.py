"""Reported speech: a nominalised clause ("…olduklarını", "…duyduğunu") before a reporting verb.

Three shapes: "…duyduğunu belirten Fidan," (participle, speaker after), "X, …beklediklerini
belirterek," (converb, the subject speaks) and "X, …olduklarını söyledi." (finite verb).
"""

from __future__ import annotations

import bisect
import re

from .document import Doc, Sentence
from .lexicon import lexicon
from .meetings import subject_of
from .people import Mention, People
from .quotes import StatementDraft

# -DIğInI / -DIklArInI / -AcAğInI / -AcAklArInI, after folding (ı→i, ü→u, ğ→g).
_AFTER_SUBJECT = {",", "ise", "de", "da", "ayrica"}
_COMPLEMENT = re.compile(r"(?:[dt][iu]g|[dt][iu]kl[ae]r|[ae]c[ae]g|[ae]c[ae]kl[ae]r)[iu]n[iu]$")


def reported_statements(doc: Doc, people: People) -> list[StatementDraft]:
    """Every piece of reported speech outside quotations, with its speaker."""
    lex = lexicon()
    starts = [s.start for s in doc.sentences]
    out: list[StatementDraft] = []
    shapes = (
        ("participle", lex.reporting_participle),
        ("converb", lex.reporting_converb),
        ("finite", lex.reporting_finite),
    )
    for shape, pattern in shapes:
        for match in doc.find(pattern):
            if doc.quote_at(match.start()) >= 0:
                continue
            sent = doc.sentences[bisect.bisect_right(starts, match.start()) - 1]
            verb_tok = _token_from(doc, sent, match.start())
            comp = verb_tok - 1
            if comp < sent.first:
                continue
            token = doc.tokens[comp]
            if not token.is_word or token.suffix or token.quote >= 0:
                continue
            if not _COMPLEMENT.search(token.fbase):
                continue
            draft = _read(doc, people, sent, comp, match.end(), shape)
            if draft is not None:
                out.append(draft)
    return out


def _read(
    doc: Doc, people: People, sent: Sentence, comp: int, verb_end: int, shape: str
) -> StatementDraft | None:
    before = [m for m in people.mentions_in(sent.first, comp) if doc.tokens[m.first].quote < 0]
    if shape == "participle":
        after_tok = _token_from(doc, sent, verb_end)
        after = [
            m
            for m in people.mentions_in(after_tok, min(sent.last, after_tok + 6))
            if not m.suffix and doc.tokens[m.first].quote < 0
        ]
        speaker = after[0].person if after else None
        subject = None
    else:
        subject = subject_of(doc, before)
        speaker = subject.person if subject is not None else None
        if shape == "finite" and not _ends_sentence(doc, sent, verb_end):
            return None
    start = _clause_start(doc, sent, comp, subject)
    end = doc.tokens[comp].end
    if start >= end:
        return None
    return StatementDraft(speaker, False, start, end, sent.para)


def _ends_sentence(doc: Doc, sent: Sentence, verb_end: int) -> bool:
    rest = doc.text[verb_end : sent.end].strip()
    return rest in {"", ".", "!", "…"}


def _clause_start(doc: Doc, sent: Sentence, comp: int, subject: Mention | None) -> int:
    tokens = doc.tokens
    first = sent.first
    # Skip a quotation and its attribution that came earlier in the sentence.
    for k in range(first, comp):
        if tokens[k].quote >= 0:
            first = k + 1
    if subject is not None:
        subject_first = subject.title_first if subject.title_first is not None else subject.first
        k = subject.last + 1
        while k < comp and tokens[k].fbase in _AFTER_SUBJECT:
            k += 1
        # "X, …", "X ise …", "diyen X, …": what was said starts after the subject.
        if k > subject.last + 1 and first <= subject_first <= first + 3:
            first = k
    # A one-word adverbial with its comma ("Görüşmede,") is not what was said.
    if first + 1 < comp and tokens[first + 1].text == "," and tokens[first].is_word:
        first += 2
    while first < comp and not tokens[first].is_word:
        first += 1
    return tokens[first].start


def _token_from(doc: Doc, sent: Sentence, pos: int) -> int:
    for token in doc.sentence_tokens(sent):
        if token.start >= pos:
            return token.index
    return sent.last
