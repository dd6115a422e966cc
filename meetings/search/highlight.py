"""Marking query matches in original text, built only from escaped pieces."""

from __future__ import annotations

import re
from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe

from meetings.escaping import escape
from meetings.extraction.turkish import APOSTROPHES, fold_aligned
from meetings.search.query import Query, Term, parse_query

_W = r"[^\W_]"
# Between two words of a phrase: an optional case ending after an apostrophe, then a gap.
_GAP = rf"(?:[{APOSTROPHES}]{_W}*)?[\W_]+"


def _term_pattern(term: Term) -> str:
    # The term begins with its first word, and only then looks back for a letter before it:
    # a pattern that begins with literal words lets the regex engine skip every position
    # where none of them can start (ten to thirty times faster than one that begins with
    # the look-behind, which it must try at every character).
    first = re.escape(term.tokens[0])
    rest = "".join(_GAP + re.escape(token) for token in term.tokens[1:])
    tail = rf"{_W}*" if term.prefix else rf"(?!{_W})"
    return rf"{first}(?<!{_W}{first}){rest}{tail}"


@lru_cache(maxsize=256)  # a list page snippets twenty texts with one query
def _pattern(query: Query) -> re.Pattern | None:
    if not query.include:
        return None
    return re.compile("|".join(_term_pattern(t) for t in query.include))


def _spans(text: str, pattern: re.Pattern | None) -> list[tuple[int, int]]:
    if pattern is None or not text:
        return []
    # fold_aligned keeps offsets, so a match in the folded text is a match in the original.
    return [m.span() for m in pattern.finditer(fold_aligned(text)) if m.end() > m.start()]


def _marked(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    pieces, cursor = [], start
    for a, b in spans:
        if b <= start or a >= end:
            continue
        a, b = max(a, start), min(b, end)
        pieces += [escape(text[cursor:a]), "<mark>", escape(text[a:b]), "</mark>"]
        cursor = b
    pieces.append(escape(text[cursor:end]))
    return "".join(pieces)


def _as_query(query: str | Query | None) -> Query:
    return query if isinstance(query, Query) else parse_query(query)


def highlight(text: str, query: str | Query | None) -> SafeString:
    """The whole text, escaped, with every match of the query's words in <mark>."""
    text = text or ""
    return mark_safe(_marked(text, _spans(text, _pattern(_as_query(query))), 0, len(text)))  # noqa: S308 - escaped pieces


def _spaced(text: str, width: int | None) -> str:
    """The text with each run of white space made one space; with a width, only as much of
    it as a passage from the start can show (a passage with no match to place it)."""
    if width is not None:
        # Enough characters for width of them after spacing, and one more to tell that
        # there is more; the rest is read only when white space took up the beginning.
        head = " ".join(text[: 2 * width].split())
        if len(head) > width + 1:
            return head[: width + 1]
    return " ".join(text.split())


def snippet(text: str, query: str | Query | None, width: int = 240) -> SafeString:
    """A passage of about ``width`` characters around the first match, escaped and marked.

    Only the matches that can show are looked for: the first, which places the passage,
    and those after it that begin inside the passage (none can begin before the first).
    """
    pattern = _pattern(_as_query(query))
    text = _spaced(text or "", None if pattern else width)
    folded = fold_aligned(text) if pattern is not None and text else ""
    matches = (m for m in (pattern.finditer(folded) if folded else ()) if m.end() > m.start())
    first_match = next(matches, None)
    if len(text) <= width:
        start, end = 0, len(text)
    else:
        first = first_match.start() if first_match else 0
        start = max(0, first - width // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(text), start + width)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
    spans = []
    if first_match is not None:
        spans.append(first_match.span())
        for match in matches:  # the same scan, carried on from the first match
            if match.start() >= end:
                break
            spans.append(match.span())
    body = _marked(text, spans, start, end)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + body + suffix)  # noqa: S308 - escaped pieces
