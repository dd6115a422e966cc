"""Where quotations open and close, paragraph by paragraph, including ones never closed.

Double marks (" “ ” « » „) open a quotation after a space or punctuation. Single marks (' ‘ ’)
do too, but an apostrophe between two letters is a case ending ("Fidan'ın"), never a mark, and
a single-quoted quotation must close in its paragraph. A quotation left open at the end of a
paragraph runs on into the next one when that paragraph reopens the mark or closes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import lexicon
from .turkish import fold_aligned

_OPENERS = {'"': '"', "“": '”“"', "«": "»", "„": '“”"', "‹": "›"}
_SINGLE_CLOSE = re.compile(r"(?<=\S)['’](?![^\W_])")
_OPEN_RE = re.compile("[\"“«„‹'‘]")
_OPEN_BEFORE = " \n([{-–—:;,/"
_ATTRIBUTION_TAIL = r"\s*[.!]?\s*\Z"
_DOUBLE_MARK = re.compile('["“”«»„]')


@dataclass(frozen=True)
class QuoteRegion:
    """A quotation: marks included in [start, end), the words inside in [inner_start, inner_end)."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool


def find_regions(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteRegion]:
    """Every quotation in the text; an unclosed one ends at its attribution verb or paragraph."""
    regions: list[QuoteRegion] = []
    open_to_end: QuoteRegion | None = None  # a quotation still open at its paragraph's end
    for para_start, para_end in paragraphs:
        i = para_start
        no_close = para_end  # from here on no single mark closes
        if open_to_end is not None:
            i, open_to_end = _carry_over(text, para_start, para_end, open_to_end, regions)
        while True:
            match = _OPEN_RE.search(text, i, para_end)
            if match is None:
                break
            i = match.start()
            char = text[i]
            if char in "'‘":
                region = None
                if i < no_close and _opens_single(text, i, para_start, para_end):
                    # Between two letters a mark is a case ending ("Hindistan'la"), not a close.
                    close = _SINGLE_CLOSE.search(text, i + 1, para_end)
                    if close is None:
                        no_close = i  # no later single mark in this paragraph can close
                    else:
                        region = _single(text, i, close.start())
                if region is None:
                    i += 1
                    continue
                regions.append(region)
                i = region.end
                continue
            if char == '"' and i > para_start and text[i - 1] not in _OPEN_BEFORE:
                i += 1
                continue
            region = _double(text, i, para_end)
            if region is None:
                i += 1
                continue
            regions.append(region)
            if not region.closed and region.end >= _trimmed_end(text, para_end):
                open_to_end = region
            i = max(region.end, i + 1)
    return regions


def _double(text: str, i: int, para_end: int) -> QuoteRegion | None:
    """The quotation that a double mark at i opens, closed in its paragraph or not."""
    if text[i] == '"':
        close = _straight_close(text, i + 1, para_end)
    else:
        close = _find_close(text, i + 1, para_end, _OPENERS[text[i]])
    if close is None:
        return _unclosed(text, i, para_end)
    inner_start, inner_end = _trim(text, i + 1, close)
    if inner_start >= inner_end:
        return None
    return QuoteRegion(i, close + 1, inner_start, inner_end, True)


def _straight_close(text: str, start: int, end: int) -> int | None:
    """Where a straight double mark closes, stepping over one quoted term inside the
    quotation: a mark after a space and before a word opens a term, the next one closes it."""
    first = text.find('"', start, end)
    if first < 0 or not _opens(text, first, end):
        return first if first >= 0 else None
    term_close = text.find('"', first + 1, end)
    outer = text.find('"', term_close + 1, end) if term_close >= 0 else -1
    if outer < 0 or _opens(text, outer, end):
        return first  # no term after all: the first mark closes
    return outer


def _opens(text: str, j: int, end: int) -> bool:
    return text[j - 1] in _OPEN_BEFORE and j + 1 < end and not text[j + 1].isspace()


def _carry_over(
    text: str, para_start: int, para_end: int, carried: QuoteRegion, regions: list[QuoteRegion]
) -> tuple[int, QuoteRegion | None]:
    """Join a paragraph to the quotation left open before it: where reading goes on, and
    the quotation if it is still open at this paragraph's end."""
    first = para_start
    while first < para_end and text[first].isspace():
        first += 1
    mark = _DOUBLE_MARK.search(text, first, para_end)
    if mark is None:
        return para_start, None
    at = mark.start()
    if at == first and text[at] in _OPENERS:
        # The mark reopens at the paragraph's start: the same speaker goes on.
        part = _double(text, at, para_end)
        if part is None:
            return para_start, None
        joined = QuoteRegion(
            carried.start, part.end, carried.inner_start, part.inner_end, part.closed
        )
        regions[-1] = joined
        still_open = not part.closed and part.end >= _trimmed_end(text, para_end)
        return part.end, joined if still_open else None
    closes = text[at] in "”»" or (text[at] == '"' and text[at - 1] not in _OPEN_BEFORE)
    if at == first or not closes or text[at - 1].isspace():
        return para_start, None
    # No mark reopens, and the first mark closes: the quotation ends there.
    regions[-1] = QuoteRegion(carried.start, at + 1, carried.inner_start, at, True)
    return at + 1, None


def _trimmed_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _opens_single(text: str, i: int, para_start: int, para_end: int) -> bool:
    """Whether a single mark at i can open a quotation: after a space, before a letter."""
    if i > para_start and text[i - 1] not in _OPEN_BEFORE:
        return False
    return i + 1 < para_end and text[i + 1].isalpha()


def _single(text: str, i: int, close: int) -> QuoteRegion | None:
    """The single-quoted quotation between marks at i and close."""
    inner_start, inner_end = _trim(text, i + 1, close)
    if inner_start >= inner_end:
        return None
    return QuoteRegion(i, close + 1, inner_start, inner_end, True)


def _find_close(text: str, start: int, end: int, closers: str) -> int | None:
    found = [j for j in (text.find(c, start, end) for c in closers) if j >= 0]
    return min(found) if found else None


def _unclosed(text: str, open_at: int, para_end: int) -> QuoteRegion:
    body = text[open_at + 1 : para_end]
    end = para_end
    # A missing closing mark shows as an attribution verb right after a sentence end, or as
    # an attribution verb that closes the paragraph.
    for match in lexicon().attribution_after_re.finditer(fold_aligned(body)):
        before = body[: match.start()].rstrip()
        at_end = re.match(_ATTRIBUTION_TAIL, body[match.end() :]) is not None
        if before.endswith((".", "!", "?", "…")) or (at_end and before):
            end = open_at + 1 + len(before)
            break
    inner_start, inner_end = _trim(text, open_at + 1, end)
    return QuoteRegion(open_at, max(inner_end, open_at + 1), inner_start, inner_end, False)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
