"""Where quotations open and close, paragraph by paragraph, including ones never closed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import lexicon
from .turkish import fold_aligned

_OPENERS = {'"': '"', "“": '”“"', "«": "»", "„": '“”"', "‹": "›"}
_OPEN_RE = re.compile('["“«„‹]')
_OPEN_BEFORE = " \n([{-–—:;,/"
_ATTRIBUTION_TAIL = r"\s*[.!]?\s*\Z"


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
    for para_start, para_end in paragraphs:
        i = para_start
        while True:
            match = _OPEN_RE.search(text, i, para_end)
            if match is None:
                break
            i = match.start()
            char = text[i]
            if char == '"' and i > para_start and text[i - 1] not in _OPEN_BEFORE:
                i += 1
                continue
            close = _find_close(text, i + 1, para_end, _OPENERS[char])
            if close is None:
                region = _unclosed(text, i, para_end)
                regions.append(region)
                i = max(region.end, i + 1)
                continue
            inner_start, inner_end = _trim(text, i + 1, close)
            if inner_start < inner_end:
                regions.append(QuoteRegion(i, close + 1, inner_start, inner_end, True))
            i = close + 1
    return regions


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
