"""The same page in each language: for hreflang links and the language switch."""

from django import template
from django.conf import settings
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def page_in_languages(context) -> list[dict]:
    """This page's address in every language (path and query kept), and the absolute one
    for hreflang; a page that has no route (a 404) keeps its own address."""
    request = context.get("request")
    if request is None:
        return []
    here = request.get_full_path()
    pages = []
    for code, _name in settings.LANGUAGES:
        path = translate_url(here, code)
        pages.append({"code": code, "path": path, "url": request.build_absolute_uri(path)})
    return pages
