"""Direct quotes and their speakers.

Attribution patterns: a verb after the quote ("…" dedi, diye konuştu, ifadelerini kullandı),
the speaker named before it ("X, "…" dedi", "…belirten X, "…""), a postposed speaker
("…" diyen X), and a sentence ending in a colon ("X, şöyle devam etti:") before the quote.
Speakers that are no titled name come from speakers.py: institutions, role nouns, names said
once. A paragraph that is only a quotation goes on with the last speaker. Not statements:
quoted names and terms, a few quoted words inside reported speech, capitals subheadings, and
headlines or subheadings that repeat the body.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .document import Doc, Sentence, Token
from .lexicon import lexicon
from .meetings import subject_of
from .people import Mention, People, Person, name_like
from .quotemarks import QuoteRegion
from .speakers import (
    Institutions,
    Speaker,
    genitive_speaker,
    participle_speaker,
    subject_speaker,
)

_MIN_WORDS_UNATTRIBUTED = 5
_SPEAKER_REACH = 60  # tokens before a quotation where its speaker is looked for
# Endings of a finite verb, folded: -Iz, -Im, -yor, -DIr, -DI, -AcAk, -mAlI, -mIş, -sIn.
_FINITE = re.compile(r"(?:[iu]z|[iu]m|yor|[dt][iu]r|[dt][iu]|[ae]c[ae]k|m[ae]l[iu]|m[iu]s|s[iu]n)$")
_WORDS = re.compile(r"[^\W_]+")
_HEADING_CHARS = 250  # a headline or subheading is one short line
_REPEAT_SHARE = 0.6  # this share of a heading's words said in the body makes it a repeat
# The verb of a reported clause, folded: -DIğI / -DIklArI / -AcAğI / -AcAklArI with the
# accusative, dative or genitive ("olduğunu", "büyüdüğüne", "olduğunun altını çizdi").
COMPLEMENT = re.compile(
    r"(?:[dt][iu]g|[dt][iu]kl[ae]r|[ae]c[ae]g|[ae]c[ae]kl[ae]r)[iu]n(?:[iuae]|[iu]n)$"
)
_LEAD = re.compile(r"[\s,.;:!?\-–—]*")


@dataclass(eq=False)
class StatementDraft:
    """A statement while it is being read: speaker, direct or reported, where its words are."""

    speaker: Person | None
    direct: bool
    start: int
    end: int
    para: int
    # The speaker as printed when it is no person found: an institution or a bare name.
    speaker_text: str | None = None

    @property
    def speaker_name(self) -> str | None:
        """The speaker as the record shows it: a person's full name, else as printed."""
        return self.speaker.name if self.speaker is not None else self.speaker_text


def direct_statements(
    doc: Doc, people: People, institutions: Institutions | None = None
) -> tuple[list[StatementDraft], list[str]]:
    """Every quotation that is someone's statement, with its speaker or None and a warning."""
    lex = lexicon()
    institutions = institutions or Institutions(doc, people)
    starts = [s.start for s in doc.sentences]
    para_starts = {start for start, _ in doc.paragraphs}
    out: list[StatementDraft] = []
    warnings: list[str] = []
    for quote in doc.quotes:
        if quote.inner_start >= quote.inner_end:
            continue
        sent_i = bisect.bisect_right(starts, quote.start) - 1
        if sent_i < 0:
            continue
        sent = doc.sentences[sent_i]
        # A quotation over several paragraphs is attributed after its last mark.
        end_sent = doc.sentences[max(sent_i, bisect.bisect_right(starts, quote.end - 1) - 1)]
        lead = _LEAD.match(doc.folded, quote.end, end_sent.end)
        tail_at = lead.end() if lead else quote.end
        attributed = lex.attribution_after_re.match(doc.folded, tail_at) is not None
        postposed = lex.attribution_postposed_re.match(doc.folded, tail_at)
        # Only the characters next to the quotation are read: sentences can be very long.
        before = _last_char(doc.text, sent.start, quote.start)
        colon_inline = before == ":"
        colon_prev = not before and _previous_ends_with_colon(doc, sent)
        words = len(doc.text[quote.inner_start : quote.inner_end].split())
        unattributed = not (attributed or postposed or colon_inline or colon_prev)
        if unattributed and (words < _MIN_WORDS_UNATTRIBUTED or _title_case(doc, quote)):
            continue  # a quoted name or term, not a statement
        if _fragment(doc, quote, sent, end_sent, unattributed) or _subheading(doc, quote):
            continue
        found = _speaker(doc, people, institutions, sent, end_sent, quote, postposed, colon_prev)
        speaker, text = found.person, found.institution or found.raw
        if (
            speaker is None
            and text is None
            and out
            and _stands_alone(doc, quote, end_sent, para_starts)
        ):
            # A paragraph that is only a quotation goes on with the last speaker.
            last = out[-1]
            if last.direct and last.para >= sent.para - 1:
                speaker, text = last.speaker, last.speaker_text
        if speaker is None and text is None and _stands_alone(doc, quote, end_sent, para_starts):
            # … or with the one whose reported words close the paragraph before.
            found = _reported_before(doc, people, institutions, sent)
            speaker, text = found.person, found.institution or found.raw
        out.append(
            StatementDraft(speaker, True, quote.inner_start, quote.inner_end, sent.para, text)
        )
        if speaker is None and text is None:
            first_words = " ".join(doc.text[quote.inner_start : quote.inner_end].split()[:6])
            warnings.append(f"a quote with an unknown speaker: “{first_words}…”")
    return out, warnings


def quoted_statement(doc: Doc, quote: QuoteRegion, starts: list[int]) -> bool:
    """Whether a quotation is someone's statement, not a few words quoted inside a sentence;
    ``starts`` holds where each sentence starts."""
    sent_i = bisect.bisect_right(starts, quote.start) - 1
    if sent_i < 0:
        return False
    sent = doc.sentences[sent_i]
    end_sent = doc.sentences[max(sent_i, bisect.bisect_right(starts, quote.end - 1) - 1)]
    lead = _LEAD.match(doc.folded, quote.end, end_sent.end)
    tail_at = lead.end() if lead else quote.end
    lex = lexicon()
    attributed = (
        lex.attribution_after_re.match(doc.folded, tail_at) is not None
        or lex.attribution_postposed_re.match(doc.folded, tail_at) is not None
    )
    return not _fragment(doc, quote, sent, end_sent, not attributed)


def _fragment(
    doc: Doc, quote: QuoteRegion, sent: Sentence, end_sent: Sentence, unattributed: bool
) -> bool:
    """Whether the quotation is a few words inside someone else's sentence, not a statement."""
    inner = doc.text[quote.inner_start : quote.inner_end].rstrip()
    if inner.endswith((".", "!", "?", "…")):
        return False
    words = doc.folded[quote.inner_start : quote.inner_end].split()
    if words and COMPLEMENT.search(words[-1].strip(",;'\"")):
        return True  # "…taşınacağını" söyledi: reported speech quoting some words
    if not unattributed:
        return False
    # "görüşmenin "…" geçtiğini bildirdi": the sentence runs on through the quotation.
    before = _last_char(doc.text, sent.start, quote.start)
    after = _first_char(doc.text, quote.end, end_sent.end)
    runs_in = before.isalnum()
    runs_on = after.isalpha() and after.islower()
    # "… yapacağız" mesajını verdi: words that end like a finite verb are a whole statement.
    return runs_in and runs_on and not (words and _FINITE.search(words[-1]))


def without_repeated_headings(doc: Doc, statements: list[StatementDraft]) -> list[StatementDraft]:
    """The statements without quotations in a headline or subheading that repeat the body."""
    headings = [s for s in statements if s.direct and _heading(doc, s)]
    if not headings:
        return statements
    heading_ids = {id(s) for s in headings}
    body: set[str] = set()
    for s in statements:
        if id(s) not in heading_ids:
            body |= _stems(doc, s)
    repeated = set()
    for s in headings:
        stems = _stems(doc, s)
        if stems and len(stems & body) >= _REPEAT_SHARE * len(stems):
            repeated.add(id(s))
    return [s for s in statements if id(s) not in repeated]


def _stems(doc: Doc, s: StatementDraft) -> set[str]:
    # Five letters: "dönem" and "dönemi", "başlıyor" and "başlıyoruz" are one word here.
    return {w[:5] for w in _WORDS.findall(doc.folded[s.start : s.end])}


def _heading(doc: Doc, s: StatementDraft) -> bool:
    """A quotation with no sentence end that is a headline or a paragraph of its own."""
    if _last_char(doc.text, s.start, s.end) in ".!?…":
        return False
    para_start, para_end = doc.paragraphs[s.para]
    if para_end - para_start > _HEADING_CHARS:
        return False
    if s.para == 0:
        return True
    outside = doc.text[para_start : s.start] + doc.text[s.end : para_end]
    return not any(c.isalnum() for c in outside)


def _title_case(doc: Doc, quote: QuoteRegion) -> bool:
    """A name in quotation marks: every longer word capitalised, no sentence end."""
    inner = doc.text[quote.inner_start : quote.inner_end]
    if _last_char(inner, 0, len(inner)) in ".!?…":
        return False
    return all(w[0].isupper() for w in _WORDS.findall(inner) if len(w) > 3)


def _subheading(doc: Doc, quote: QuoteRegion) -> bool:
    """A quoted capitals subheading ("ORTAKLIĞIMIZ GÜÇLÜ") repeats a quotation, it is none."""
    inner = doc.text[quote.inner_start : quote.inner_end]
    if not inner.isupper():  # one C-level pass settles almost every quotation
        return False
    letters = [c for c in inner if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


def _reported_before(
    doc: Doc, people: People, institutions: Institutions, sent: Sentence
) -> Speaker:
    """The speaker of the sentence before, when it reports what someone said."""
    if sent.index == 0:
        return Speaker()
    prev = doc.sentences[sent.index - 1]
    if prev.para != sent.para - 1:
        return Speaker()
    lex = lexicon()
    reports = (lex.reporting_finite, lex.reporting_converb, lex.reporting_participle)
    if not any(p.regex.search(doc.folded, prev.start, prev.end) for p in reports):
        return Speaker()
    return _named_before(doc, people, institutions, prev.first, prev.last) or Speaker()


def _stands_alone(doc: Doc, quote: QuoteRegion, end_sent: Sentence, para_starts: set[int]) -> bool:
    if quote.start not in para_starts:
        return False
    rest = doc.text[quote.end : doc.paragraphs[end_sent.para][1]].strip()
    return rest in {"", ".", "!", "…"}


def _previous_ends_with_colon(doc: Doc, sent: Sentence) -> bool:
    if sent.index == 0:
        return False
    prev = doc.sentences[sent.index - 1]
    return _last_char(doc.text, prev.start, prev.end) == ":"


def _last_char(text: str, start: int, end: int) -> str:
    """The last character in text[start:end] that is not a space, or ""."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > start else ""


def _first_char(text: str, start: int, end: int) -> str:
    """The first character in text[start:end] that is not a space, or ""."""
    while start < end and text[start].isspace():
        start += 1
    return text[start] if start < end else ""


def _speaker(
    doc: Doc,
    people: People,
    institutions: Institutions,
    sent: Sentence,
    end_sent: Sentence,
    quote: QuoteRegion,
    postposed: re.Match[str] | None,
    colon_prev: bool,
) -> Speaker:
    lex = lexicon()
    tokens = doc.tokens
    quote_tok = _first_token_from(doc, sent, quote.start)
    if postposed is not None:
        after_tok = _first_token_from(doc, end_sent, postposed.end())
        for m in _outside(doc, people, after_tok, min(end_sent.last, after_tok + 6)):
            return Speaker(m.person)
    found = _named_before(doc, people, institutions, sent.first, quote_tok)
    if found is not None:
        return found
    if colon_prev:
        prev = doc.sentences[sent.index - 1]
        found = _named_before(doc, people, institutions, prev.first, prev.last)
        if found is not None:
            return found
    # "…" dedi Fidan: the speaker right after the attribution verb.
    end_tok = _first_token_from(doc, end_sent, quote.end)
    for m in _outside(doc, people, end_tok, min(end_sent.last, end_tok + 6)):
        if not m.suffix:
            return Speaker(m.person)
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
                return Speaker(mention.person)
    # "Rojas'ın açıklaması şöyle:": the speaker in the genitive before a colon.
    if colon_prev or _last_char(doc.text, sent.start, quote.start) == ":":
        intro = doc.sentences[sent.index - 1] if colon_prev else sent
        intro_last = intro.last if colon_prev else quote_tok
        intro_first = max(intro.first, intro_last - _SPEAKER_REACH)
        person = genitive_speaker(doc, people, intro_first, intro_last)
        if person is not None:
            return Speaker(person)
    # "Bakanlığından yapılan açıklamada şu ifadelere yer verildi:": the institution speaks.
    intro = doc.sentences[sent.index - 1] if colon_prev else sent
    named = institutions.named_in(intro.first, intro.last if colon_prev else quote_tok)
    if named is not None:
        return Speaker(institution=named)
    # "X, … yanıtladı. "…" dedi.": a quotation opening its sentence goes on from the last one.
    if quote_tok == sent.first and sent.index > 0:
        prev = doc.sentences[sent.index - 1]
        if prev.para == sent.para:
            found = _named_before(doc, people, institutions, prev.first, prev.last)
            if found is not None:
                return found
    return Speaker()


def _named_before(
    doc: Doc, people: People, institutions: Institutions, first: int, last: int
) -> Speaker | None:
    """The speaker in tokens [first, last): an institution opening the sentence, else a person
    (the one after a participle, else the subject), else a role noun or a name said once."""
    opening = subject_speaker(doc, people, institutions, first, last)
    if opening is not None and opening.institution is not None:
        return opening
    # The speaker stands near the quotation: a very long sentence is not read whole.
    near = max(first, last - _SPEAKER_REACH)
    person = speaker_before(doc, people, near, last)
    if person is not None:
        return Speaker(person)
    return opening or participle_speaker(doc, people, institutions, near, last)


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
    # The first token of the sentence at or after pos, by bisection: sentences can be long.
    return bisect.bisect_left(doc.tokens, pos, sent.first, sent.last, key=_start)


def _start(token: Token) -> int:
    return token.start
