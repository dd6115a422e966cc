"""Meeting list items, written in Python: a list page shows twenty of them, and building each
from escaped pieces here costs a fraction of an included template per item. The markup is
the one ``meetings/_meeting_item.html`` used to have."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from meetings.models import Role
from meetings.search import snippet as make_snippet
from meetings.templatetags.meeting_tags import choice_label, upper_first
from meetings.templatetags.partial_dates import partial_date

register = template.Library()


def _people(meeting) -> str:
    people = meeting.participations.all()
    chips = format_html_join(
        "",
        '<span class="person-chip person-chip--{}">{} <small>{}</small></span> ',
        (
            (p.role, p.person.name if p.person else p.raw_name, choice_label(p.role, "role"))
            for p in people
            if p.role != Role.DELEGATION
        ),
    )
    delegation = sum(1 for p in people if p.role == Role.DELEGATION)
    if delegation:
        more = ngettext("+ %(n)s delegation member", "+ %(n)s delegation members", delegation) % {
            "n": delegation
        }
        chips = format_html('{}<span class="result__more">{}</span>', chips, more)
    return chips


def _meta(meeting) -> str:
    place = ""
    if meeting.location:
        country = f", {meeting.country.name}" if meeting.country else ""
        place = format_html("<span>{}{}</span> · ", meeting.location, country)
    review = ""
    if meeting.needs_review:
        review = format_html(
            ' · <span class="badge badge--warn">{}</span>', gettext("needs review")
        )
    kind = upper_first(choice_label(meeting.kind, "kind"))
    return format_html("{}<span>{}</span>{}", place, kind, review)


def _snippet(meeting, query) -> str:
    articles = meeting.articles.all()
    if not articles:
        return ""
    article = articles[0]
    return make_snippet(getattr(article, "opening", None) or article.text, query)


@register.simple_tag
def meeting_items(meetings, query=None, show_snippet=False):
    """The <li> of each meeting: date, title, place, kind, participants, and a snippet around
    the query's first match (the meetings come from ``meetings_for_list``)."""
    items = []
    for meeting in meetings:
        snippet = ""
        if show_snippet:
            snippet = format_html('<p class="result__snippet">{}</p>', _snippet(meeting, query))
        items.append(
            format_html(
                '<li class="result">\n  <div class="result__date">{}</div>\n'
                '  <div class="result__body">\n'
                '    <h3 class="result__title"><a href="{}">{}</a></h3>\n'
                '    <p class="result__meta">{}</p>\n'
                '    <p class="result__people">{}</p>\n'
                "    {}\n  </div>\n</li>\n",
                partial_date(meeting.date, meeting.date_precision),
                meeting.get_absolute_url(),
                meeting.title,
                _meta(meeting),
                _people(meeting),
                snippet,
            )
        )
    return mark_safe("".join(items))  # noqa: S308 - each item built by format_html
