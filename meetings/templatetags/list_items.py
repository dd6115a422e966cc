"""Meeting list items, written in Python: a list page shows twenty of them, and building each
from escaped pieces here costs a fraction of an included template per item. The markup is
the one ``meetings/_meeting_item.html`` used to have."""

from django import template
from django.conf import settings
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from meetings.escaping import escape
from meetings.models import MeetingKind, Role
from meetings.search import parse_query
from meetings.search import snippet as make_snippet
from meetings.templatetags.meeting_tags import upper_first
from meetings.templatetags.partial_dates import partial_date

register = template.Library()


def _people(row, roles: dict) -> str:
    chips = "".join(
        f'<span class="person-chip person-chip--{escape(role)}">{escape(name)} '
        f"<small>{roles[role]}</small></span> "
        for role, name in row.people
        if role != Role.DELEGATION
    )
    delegation = sum(1 for role, _name in row.people if role == Role.DELEGATION)
    if delegation:
        more = ngettext("+ %(n)s delegation member", "+ %(n)s delegation members", delegation) % {
            "n": delegation
        }
        chips += f'<span class="result__more">{escape(more)}</span>'
    return chips


def _meta(row, kinds: dict, review: str) -> str:
    place = ""
    if row.location:
        country = row.country_name
        country = "" if country is None else f", {country}"
        place = f"<span>{escape(row.location)}{escape(country)}</span> · "
    flag = review if row.needs_review else ""
    return f"{place}<span>{kinds[row.kind]}</span>{flag}"


class _Labels(dict):
    """Translated labels, escaped, each worked out once per list rather than once per item."""

    def __init__(self, choices, shown=str):
        super().__init__((value, escape(shown(label))) for value, label in choices)
        self.shown = shown

    def __missing__(self, value):
        return escape(self.shown(value))


@register.simple_tag
def meeting_items(meetings, query=None, show_snippet=False):
    """The <li> of each meeting: date, title, place, kind, participants, and a snippet around
    the query's first match (the meetings are ``MeetingRow``s, from ``meeting_rows``)."""
    roles = _Labels(Role.choices)
    kinds = _Labels(MeetingKind.choices, lambda label: upper_first(str(label)))
    review = format_html(' · <span class="badge badge--warn">{}</span>', gettext("needs review"))
    parsed = parse_query(query) if isinstance(query, str) or query is None else query
    items = []
    for row in meetings:
        snippet = ""
        if show_snippet:
            snippet = f'<p class="result__snippet">{make_snippet(row.opening, parsed)}</p>'
        # Every piece is escaped here (the snippet escapes its own text), as format_html would.
        items.append(
            '<li class="result">\n'
            f'  <div class="result__date">{escape(partial_date(row.date, row.date_precision))}'
            "</div>\n"
            '  <div class="result__body">\n'
            f'    <h3 class="result__title"><a href="{escape(row.get_absolute_url())}">'
            f"{escape(row.title)}</a></h3>\n"
            f'    <p class="result__meta">{_meta(row, kinds, review)}</p>\n'
            f'    <p class="result__people">{_people(row, roles)}</p>\n'
            f"    {snippet}\n  </div>\n</li>\n"
        )
    return mark_safe("".join(items))  # noqa: S308 - every piece escaped above


def _count(n) -> str:
    """A count as ``{{ n }}`` writes it: grouped only when the setting asks for it."""
    return escape(localize(n)) if settings.USE_THOUSAND_SEPARATOR else str(n)


CURRENT = ' aria-current="true"'


def _facet_items(rows, name) -> str:
    return "".join(
        f'<li><a href="{escape(row["url"])}"{CURRENT if row["active"] else ""}>{name(row)}</a> '
        f'<span class="count">{_count(row["n"])}</span></li>'
        for row in rows
    )


def _facet_section(title: str, rows, name) -> str:
    """One facet list with its heading, or nothing when it has no rows."""
    if not rows:
        return ""
    return f"<h3>{escape(title)}</h3><ul>{_facet_items(rows, name)}</ul>"


@register.simple_tag
def facet_lists(facets):
    """The facet lists (people, countries, years), each a heading and its links with counts:
    the markup the list template's loops wrote, built here in one pass."""
    english = get_language() == "en"
    unknown = escape(gettext("date unknown"))

    def country(row):
        if english:
            return escape(row["country__name_en"] or row["country__name_tr"])
        return escape(row["country__name_tr"])

    sections = [
        _facet_section(
            gettext("People"), facets["people"], lambda row: escape(row["person__name"])
        ),
        _facet_section(gettext("Countries"), facets["countries"], country),
        _facet_section(
            gettext("Years"),
            facets["years"],
            lambda row: f"{row['year']:d}" if row["year"] else unknown,
        ),
    ]
    return mark_safe("\n      ".join(sections))  # noqa: S308 - every piece escaped above
