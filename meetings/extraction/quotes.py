"""Direct quotes and their speakers.

Attribution patterns: a verb after the quote ("…" dedi, diye konuştu, ifadelerini kullandı),
the speaker named before it ("X, "…" dedi", "…belirten X, "…""), a postposed speaker
("…" diyen X), and a sentence ending in a colon ("X, şöyle devam etti:") before the quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .document import Doc, Sentence
from .lexicon import Lexicon, lexicon
from .meetings import subject_of
from .people import Mention, People, Person, name_like
from .quotemarks import QuoteRegion

_MIN_WORDS_UNATTRIBUTED = 5
_LEAD = re.compile(r"[\s,.;:!?\-–—]*")


@dataclass(eq=False)
class StatementDraft:
    """A statement while it is being read: speaker, direct or reported, where its words are."""

    speaker: Person | None
    direct: bool
    start: int
    end: int
    para: int


def direct_statements(doc: Doc, people: People) -> tuple[list[StatementDraft], list[str]]:
    """Every quotation that is someone's statement, with its speaker or None and a warning."""
    lex = lexicon()
    starts = [s.start for s in doc.sentences]
    out: list[StatementDraft] = []
    warnings: list[str] = []
    previous: QuoteRegion | None = None
    for quote in doc.quotes:
        if quote.inner_start >= quote.inner_end:
            continue
        if previous is not None and out and out[-1].start != previous.inner_start:
            previous = None  # the last quotation was not a statement
        sent_i = bisect.bisect_right(starts, quote.start) - 1
        if sent_i < 0:
            continue
        sent = doc.sentences[sent_i]
        after = doc.folded[quote.end : sent.end]
        lead = _LEAD.match(after)
        tail_at = quote.end + (lead.end() if lead else 0)
        attributed = lex.attribution_after_re.match(doc.folded, tail_at) is not None
        postposed = lex.attribution_postposed_re.match(doc.folded, tail_at)
        before = doc.text[sent.start : quote.start].strip()
        colon_inline = before.endswith(":")
        colon_prev = not before and _previous_ends_with_colon(doc, sent)
        words = len(doc.text[quote.inner_start : quote.inner_end].split())
        unattributed = not (attributed or postposed or colon_inline or colon_prev)
        if unattributed and words < _MIN_WORDS_UNATTRIBUTED:
            continue  # a quoted name or term, not a statement
        speaker = _speaker(doc, people, sent, quote, postposed, colon_prev, lex)
        if speaker is None and _continues(doc, quote, previous):
            # A quote running over paragraphs reopens its mark in each one and closes once.
            speaker = out[-1].speaker if out else None
        out.append(StatementDraft(speaker, True, quote.inner_start, quote.inner_end, sent.para))
        previous = quote
        if speaker is None:
            first_words = " ".join(doc.text[quote.inner_start : quote.inner_end].split()[:6])
            warnings.append(f"a quote with an unknown speaker: “{first_words}…”")
    return out, warnings


def _continues(doc: Doc, quote: QuoteRegion, previous: QuoteRegion | None) -> bool:
    if previous is None or previous.closed:
        return False
    para_starts = {start for start, _ in doc.paragraphs}
    return quote.start in para_starts and doc.text[previous.end : quote.start].strip() == ""


def _previous_ends_with_colon(doc: Doc, sent: Sentence) -> bool:
    if sent.index == 0:
        return False
    prev = doc.sentences[sent.index - 1]
    return doc.text[prev.start : prev.end].rstrip().endswith(":")


def _speaker(
    doc: Doc,
    people: People,
    sent: Sentence,
    quote: QuoteRegion,
    postposed: re.Match[str] | None,
    colon_prev: bool,
    lex: Lexicon,
) -> Person | None:
    tokens = doc.tokens
    quote_tok = _first_token_from(doc, sent, quote.start)
    if postposed is not None:
        after_tok = _first_token_from(doc, sent, postposed.end())
        for m in _outside(doc, people, after_tok, min(sent.last, after_tok + 6)):
            return m.person
    speaker = speaker_before(doc, people, sent.first, quote_tok)
    if speaker is not None:
        return speaker
    if colon_prev:
        prev = doc.sentences[sent.index - 1]
        speaker = speaker_before(doc, people, prev.first, prev.last)
        if speaker is not None:
            return speaker
    # "…" dedi Fidan: the speaker right after the attribution verb.
    end_tok = _first_token_from(doc, sent, quote.end)
    for m in _outside(doc, people, end_tok, min(sent.last, end_tok + 6)):
        if not m.suffix:
            return m.person
    # A speaker nobody titled: "Fidan, "…" dedi" with the name right before the quote.
    k = quote_tok - 1
    if k - 1 >= sent.first and tokens[k].text == ",":
        last = k - 1
        first = last
        while first - 1 >= sent.first and name_like(tokens[first - 1], lex) and last - first < 2:
            first -= 1
        token = tokens[last]
        alone = first == sent.first or not tokens[first - 1].cap
        if name_like(token, lex) and not token.suffix and token.quote < 0 and alone:
            mention = people.add_untitled(first, last)
            if mention is not None:
                return mention.person
    return None


def speaker_before(doc: Doc, people: People, first: int, last: int) -> Person | None:
    """The speaker named in tokens [first, last): the one after a participle, else the subject."""
    mentions = _outside(doc, people, first, last)
    for m in mentions:
        prev = m.first - 1 if m.title_first is None else m.title_first - 1
        if m.suffix or prev < first:
            continue
        word = doc.tokens[prev]
        after = doc.tokens[m.last + 1].text if m.last + 1 < len(doc.tokens) else ""
        if word.is_word and not word.cap and word.fbase.endswith(("an", "en")) and after == ",":
            return m.person
    subject = subject_of(doc, mentions)
    return subject.person if subject is not None else None


def _outside(doc: Doc, people: People, first: int, last: int) -> list[Mention]:
    return [m for m in people.mentions_in(first, last) if doc.tokens[m.first].quote < 0]


def _first_token_from(doc: Doc, sent: Sentence, pos: int) -> int:
    for token in doc.sentence_tokens(sent):
        if token.start >= pos:
            return token.index
    return sent.last
