"""Template tags that show where a query matched, built from escaped text."""

from django import template

from meetings.search import highlight as _highlight
from meetings.search import snippet as _snippet

register = template.Library()


@register.simple_tag
def highlight(text, query):
    """The whole text with the query's matches in <mark>."""
    return _highlight(text, query)


@register.simple_tag
def snippet(text, query=None, width=240):
    """A passage around the first match (or the opening, with no query), marked up."""
    return _snippet(text, query, width)
