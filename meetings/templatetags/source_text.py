"""A source article's text with each extracted span highlighted and linked to its record.

The markup is built from escaped pieces of the article and ``format_html`` tags, so an
article that contains ``<script>`` shows it as text. Statements become highlighted regions;
names and agreements inside them become links. Spans that would cross (and so cannot nest)
are left out rather than breaking the markup.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

register = template.Library()

_BLANK_LINES = re.compile(r"\n\s*\n\s*(?:\n\s*)+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SourceSpan:
    """A stretch of the article an extracted record points at."""

    start: int
    end: int
    kind: str  # statement, person, mention or agreement
    url: str
    label: str
    anchor: str = ""

    @property
    def container(self) -> bool:
        return self.kind == "statement"


def record_spans(
    participations, person_mentions, agreement_mentions, statements, link
) -> dict[int, list[SourceSpan]]:
    """Every extracted span of a meeting's records, by article id.

    ``link(kind, row)`` gives where a person, mention or agreement span points ("" leaves the
    span out); a statement's span always points at the statement on the same page.
    """
    spans: dict[int, list[SourceSpan]] = defaultdict(list)
    for p in participations:
        url = link("person", p)
        for start, end in p.spans or []:
            spans[p.article_id].append(SourceSpan(start, end, "person", url, p.raw_name))
    for m in person_mentions:
        url = link("mention", m)
        for start, end in (m.spans or []) if url else []:
            spans[m.article_id].append(SourceSpan(start, end, "mention", url, m.raw_name))
    for m in agreement_mentions:
        if m.span:
            url = link("agreement", m)
            spans[m.article_id].append(SourceSpan(*m.span, "agreement", url, m.agreement.name))
    for number, s in enumerate(statements, start=1):
        if s.span:
            spans[s.article_id].append(
                SourceSpan(
                    *s.span,
                    "statement",
                    f"#statement-{s.pk}",
                    str(number),
                    anchor=f"source-statement-{s.pk}",
                )
            )
    return spans


def _overlaps(a: SourceSpan, b: SourceSpan) -> bool:
    return a.start < b.end and b.start < a.end


def _inside(inner: SourceSpan, outer: SourceSpan) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def nestable(spans: list[SourceSpan], length: int) -> list[SourceSpan]:
    """The spans that nest cleanly: regions that do not overlap, links within one region."""
    valid = [s for s in spans if 0 <= s.start < s.end <= length]
    regions, links = [], []
    for span in sorted((s for s in valid if s.container), key=lambda s: (s.start, -s.end)):
        if not any(_overlaps(span, kept) for kept in regions):
            regions.append(span)
    for span in sorted((s for s in valid if not s.container), key=lambda s: (s.start, -s.end)):
        if any(_overlaps(span, kept) for kept in links):
            continue
        crossing = any(_overlaps(span, r) and not _inside(span, r) for r in regions)
        if not crossing:
            links.append(span)
    return regions + links


def _open(span: SourceSpan) -> str:
    if span.container:
        return format_html(
            '<mark class="src src-statement" id="{}"><a class="src-ref" href="{}" '
            'aria-label="{}">{}</a>',
            span.anchor,
            span.url,
            _("Statement %(n)s in the list") % {"n": span.label},
            span.label,
        )
    return format_html(
        '<a class="src src-{}" href="{}" title="{}">', span.kind, span.url, span.label
    )


def _close(span: SourceSpan) -> str:
    return "</mark>" if span.container else "</a>"


def _text(piece: str) -> str:
    return escape(_BLANK_LINES.sub("\n\n", piece))


def annotate(text: str, spans: list[SourceSpan]) -> SafeString:
    """The article text, escaped, with the spans marked up."""
    text = text or ""
    events = []
    for span in nestable(spans, len(text)):
        # At one offset: closes before opens; regions open outside links and close after them.
        events.append((span.start, 1, 0 if span.container else 1, -span.end, span, True))
        events.append((span.end, 0, 0 if not span.container else 1, 0, span, False))
    events.sort(key=lambda e: e[:4])
    pieces, cursor = [], 0
    for offset, _order, _nesting, _length, span, opening in events:
        pieces.append(_text(text[cursor:offset]))
        pieces.append(_open(span) if opening else _close(span))
        cursor = offset
    pieces.append(_text(text[cursor:]))
    return mark_safe("".join(pieces))  # noqa: S308 - escaped pieces and format_html tags


@register.simple_tag
def span_context(text: str, start: int | None, end: int | None, width: int = 160) -> SafeString:
    """A span with some text either side, escaped, the span itself in <mark>."""
    text = text or ""
    if start is None or end is None or not (0 <= start < end <= len(text)):
        return escape(text[:width])
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    if start - width > 0:
        before = "… " + before.split(" ", 1)[-1]
    if end + width < len(text):
        after = after.rsplit(" ", 1)[0] + " …"
    return format_html(
        "{}<mark>{}</mark>{}", _SPACE.sub(" ", before), text[start:end], _SPACE.sub(" ", after)
    )
