"""The "cite this" boxes: a record's permalink, the retrieval date, and a ready citation in
plain text and BibTeX, naming the source article (outlet, title, date, URL; else its file).

Everything is read from what the page has loaded already (a meeting's articles, each
statement's speaker), so a meeting with a hundred statements costs no more queries than one
with a single statement; what a meeting page's boxes share is worked out once for all of
them (``MeetingCitations``)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from meetings.models import Agreement, Article, Meeting, Person, Statement
from meetings.templatetags.partial_dates import partial_date

register = template.Library()

EXCERPT_CHARS = 80  # a statement is cited by its opening words
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_TABLE = str.maketrans(BIBTEX_SPECIAL)
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


@functools.cache
def _words(language: str | None) -> dict[str, str]:
    """The fixed words of a citation and its box in one language (the active one when it is
    first asked for), looked up once per language rather than a dozen times per box; the
    box's labels escaped."""
    return {
        "in": _("in “%(meeting)s”"),
        "line": _("%(head)s. %(site)s, %(url)s (retrieved %(retrieved)s)."),
        "site": _("Diplomacy records"),
        "source": _("Source: %(sources)s."),
        "download": escape(_("Download the .bib file")),
        "cite": escape(_("Cite this")),
        "permalink": escape(_("Permalink")),
        "retrieved": escape(_("Retrieved")),
        "plain": escape(_("Plain text")),
    }


@dataclass
class Citation:
    """What a cite box shows."""

    key: str
    title: str
    permalink: str
    retrieved: dt.date
    sources: list[str]
    date: dt.date | None = None
    precision: str = "unknown"
    context: str = ""  # for a statement: the meeting it was made at
    bib_url: str = ""

    @property
    def text(self) -> str:
        """The citation as plain text, in the interface's language."""
        words = _words(get_language())
        head = f"“{self.title}”"
        if self.context:
            head += ", " + words["in"] % {"meeting": self.context}
        if self.date is not None and self.precision != "unknown":
            head += ", " + partial_date(self.date, self.precision)
        line = words["line"] % {
            "head": head,
            "site": words["site"],
            "url": self.permalink,
            "retrieved": partial_date(self.retrieved, "day"),  # as date_format's "j F Y"
        }
        if self.sources:
            line += " " + words["source"] % {"sources": "; ".join(self.sources)}
        return line

    @property
    def bibtex(self) -> str:
        """The citation as a BibTeX @misc entry (UTF-8; biblatex reads its date fields)."""
        words = _words(get_language())
        title = f"{self.title} ({self.context})" if self.context else self.title
        fields = [
            ("title", bibtex_escape(title)),
            ("author", "{" + bibtex_escape(words["site"]) + "}"),
            ("howpublished", r"\url{" + bibtex_url(self.permalink) + "}"),
            ("url", bibtex_url(self.permalink)),
            ("urldate", self.retrieved.isoformat()),
        ]
        if self.date is not None and self.precision != "unknown":
            fields.append(("year", str(self.date.year)))
            if self.precision in {"month", "day"}:
                fields.append(("month", MONTHS[self.date.month - 1]))
            fields.append(("date", _bib_date(self.date, self.precision)))
        if self.sources:
            note = words["source"] % {"sources": "; ".join(self.sources)}
            fields.append(("note", bibtex_escape(note)))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{self.key},\n{body}\n}}\n"


def _bib_date(value: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def bibtex_escape(text: str) -> str:
    """Text with BibTeX's special characters escaped, so a title cannot break the entry."""
    return " ".join(text.split()).translate(_BIBTEX_TABLE)


def bibtex_url(url: str) -> str:
    """A URL safe inside BibTeX braces: non-ASCII, spaces and braces percent-encoded."""
    return iri_to_uri(url).replace(" ", "%20").replace("{", "%7B").replace("}", "%7D")


def article_reference(article: Article) -> str:
    """How a source article is named: outlet, “title”, date and URL where known; without
    an outlet or a URL, its title, file name and date."""
    when = partial_date(article.date, article.date_precision) if article.date else ""
    title = f"“{article.title}”" if article.title else ""
    if article.outlet or article.url:
        parts = [article.outlet, title, when, article.url]
    else:
        parts = [title, article.filename, when]
    return ", ".join(p for p in parts if p)


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


def cite_record(record, request) -> Citation:
    """The citation of a meeting, a person or an agreement page."""
    if isinstance(record, Meeting):
        return MeetingCitations(record, list(record.articles.all()), request).record()
    kind = {Person: "person", Agreement: "agreement"}[type(record)]
    citation = Citation(
        key=f"diplomacy:{kind}:{record.slug}",
        title=str(record),
        permalink=_absolute(request, record.get_absolute_url()),
        retrieved=timezone.localdate(),
        sources=[],
        bib_url=reverse(f"meetings:{kind}-cite", kwargs={"slug": record.slug}),
    )
    if isinstance(record, Agreement):
        citation.date, citation.precision = record.signed_date, record.signed_date_precision
    return citation


class MeetingCitations:
    """The citations on one meeting's page, of the meeting and of each statement: what they
    share (the page's address, the day, the articles' references) is worked out once."""

    def __init__(self, meeting: Meeting, articles: list[Article], request, path: str = ""):
        self.meeting = meeting
        self.articles = articles
        self.path = path or meeting.get_absolute_url()
        self.permalink = _absolute(request, self.path)
        self.retrieved = timezone.localdate()
        self._references: dict[int, str] = {}

    def references(self, articles: list[Article]) -> list[str]:
        """How each of these articles is named, each worked out once per page."""
        for article in articles:
            if article.pk not in self._references:
                self._references[article.pk] = article_reference(article)
        return [self._references[a.pk] for a in articles]

    def record(self) -> Citation:
        """The citation of the meeting's page, naming all its articles."""
        meeting = self.meeting
        return Citation(
            key=f"diplomacy:meeting:{meeting.slug}",
            title=str(meeting),
            permalink=self.permalink,
            retrieved=self.retrieved,
            sources=self.references(self.articles),
            date=meeting.date,
            precision=meeting.date_precision,
            bib_url=reverse("meetings:meeting-cite", kwargs={"slug": meeting.slug}),
        )

    def statement(self, statement: Statement) -> Citation:
        """The citation of one statement: its speaker's words, at the meeting, from its
        article (else the meeting's first)."""
        speaker = statement.speaker.name if statement.speaker else statement.speaker_name
        words = " ".join(statement.text.split())
        if len(words) > EXCERPT_CHARS:
            words = words[:EXCERPT_CHARS].rsplit(" ", 1)[0] + "…"
        own = [a for a in self.articles if a.pk == statement.article_id] or self.articles[:1]
        return Citation(
            key=f"diplomacy:statement:{statement.pk}",
            title=f"{speaker or _('unknown speaker')}: {words}",
            context=self.meeting.title,
            permalink=f"{self.permalink}#statement-{statement.pk}",
            retrieved=self.retrieved,
            sources=self.references(own),
            date=self.meeting.date,
            precision=self.meeting.date_precision,
        )


def cite_html(cite: Citation, box_id: str, small: bool = False) -> SafeString:
    """A "cite this" box: the markup of ``meetings/_cite.html``, written here because a
    meeting page has one per statement, and the template and its date filters cost more
    than the rest of each statement."""
    words = _words(get_language())
    bib = ""
    if cite.bib_url:
        bib = f' · <a href="{escape(cite.bib_url)}" download>{words["download"]}</a>'
    permalink = escape(cite.permalink)
    html = (
        f'<details class="cite{" cite--small" if small else ""}" id="{escape(box_id)}">\n'
        f"  <summary>{words['cite']}</summary>\n"
        '  <dl class="cite__facts">\n'
        f'    <div><dt>{words["permalink"]}</dt><dd><a href="{permalink}">{permalink}</a>'
        "</dd></div>\n"
        f'    <div><dt>{words["retrieved"]}</dt><dd><time datetime="'
        f'{cite.retrieved.isoformat()}">{escape(partial_date(cite.retrieved, "day"))}</time>'
        "</dd></div>\n"
        "  </dl>\n"
        f'  <p class="cite__label">{words["plain"]}</p>\n'
        f'  <p class="cite__text">{escape(cite.text)}</p>\n'
        f'  <p class="cite__label">BibTeX{bib}</p>\n'
        f'  <pre class="cite__bibtex">{escape(cite.bibtex)}</pre>\n'
        "</details>\n"
    )
    return mark_safe(html)  # noqa: S308 - every piece escaped above


@register.simple_tag(takes_context=True)
def cite_box(context, record):
    """A "cite this" box for a meeting, person or agreement page."""
    return cite_html(cite_record(record, context.get("request")), "cite")


# Link previews and findability: canonical addresses, OpenGraph and Twitter-card meta, feeds.

FEEDS = {Person: "meetings:person-feed", Agreement: "meetings:agreement-feed"}
OG_TYPES = {Meeting: "article", Person: "profile", Agreement: "article"}
OG_LOCALES = {"tr": "tr_TR", "en": "en_GB"}


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """This page's one address: its path without filters or sorting, but with its page
    number, since each page of a list has different content."""
    request = context.get("request")
    if request is None:
        return ""
    page = request.GET.get("page", "")
    suffix = f"?page={page}" if page.isdigit() and page != "1" else ""
    return request.build_absolute_uri(request.path) + suffix


@register.simple_tag(takes_context=True)
def record_meta(context, record) -> dict:
    """What a record's page says about itself in its head: title, summary, type, feed."""
    from meetings.discovery.describe import summary  # the describers import this module

    request = context.get("request")
    language = context.get("LANGUAGE_CODE") or "tr"
    feed = FEEDS.get(type(record))
    return {
        "title": str(record),
        "description": summary(record),
        "type": OG_TYPES[type(record)],
        "locale": OG_LOCALES.get(language, language),
        "url": _absolute(request, record.get_absolute_url()),
        "feed_url": reverse(feed, kwargs={"slug": record.slug}) if feed else "",
        "feed_title": _feed_title(record),
    }


def _feed_title(record) -> str:
    if isinstance(record, Person):
        return _("Meetings of %(name)s") % {"name": record.name}
    if isinstance(record, Agreement):
        return _("Meetings mentioning %(name)s") % {"name": record.name}
    return ""


@register.simple_tag(takes_context=True)
def meetings_feed_url(context) -> str:
    """The meetings feed narrowed as the list page is (its filters and search, no paging)."""
    request = context.get("request")
    url = reverse("meetings:meeting-feed")
    if request is None:
        return url
    params = request.GET.copy()
    for name in ("page", "sort"):
        params.pop(name, None)
    query = params.urlencode()
    return f"{url}?{query}" if query else url
