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


@register.simple_tag
def meeting_snippet(meeting, query=None, width=240):
    """The snippet of a meeting's first source article, from its opening (the articles must be
    prefetched with an ``opening``, as ``meetings_for_list`` does)."""
    articles = meeting.articles.all()
    if not articles:
        return ""
    article = articles[0]
    return _snippet(getattr(article, "opening", None) or article.text, query, width)
