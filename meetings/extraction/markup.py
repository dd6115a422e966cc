"""Articles saved as HTML pages: the readable text, with markup, scripts and styles dropped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Tags that show a file is an HTML page rather than prose that mentions a tag or two.
_TAG = re.compile(
    r"</?(?:html|head|body|p|div|span|h[1-6]|br|a|article|section|li|ul|ol|strong|em|b|i|table)"
    r"\b[^>]*>",
    re.I,
)
_DOCTYPE = re.compile(r"\A\s*<!doctype\s+html|\A\s*<html\b", re.I)
_SKIPPED = {"script", "style", "head", "noscript", "template", "svg", "iframe"}
_BLOCKS = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "article",
    "section", "blockquote", "tr", "table", "header", "footer", "main", "figure", "figcaption",
}  # fmt: skip


def looks_like_html(text: str) -> bool:
    """Whether the text is an HTML page: a doctype or <html>, or several structural tags."""
    return bool(_DOCTYPE.match(text)) or len(_TAG.findall(text[:20000])) >= 3


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(text: str) -> str:
    """The visible text of an HTML page, one paragraph per block element."""
    collector = _TextCollector()
    collector.feed(text)
    collector.close()
    return "".join(collector.parts)
