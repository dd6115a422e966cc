"""Parts of a page that are the same for every visitor until the data changes, rendered once.

A list page's filter box, with nothing chosen in it, depends only on the language, the data
(its place, country and agreement lists, its name suggestions) and the sort; it cost about
2 ms of every list and search page to write again. It is kept under the data generation,
as the site-wide aggregates are, so an import or an edit retires it at once.
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from meetings.search.generation import per_generation

register = template.Library()

FRAGMENT_SECONDS = 300  # bounds memory; the data generation retires a fragment sooner


@register.simple_tag(takes_context=True)
def kept_include(context, template_name: str, key: str | None):
    """The template rendered in this context, as ``{% include %}`` would; with a key, kept
    per data generation and language under it, so the key must name everything the template
    shows that is not the same for every request."""

    def render() -> str:
        included = context.template.engine.get_template(template_name)
        with context.push():
            return str(included.render(context))

    if key is None:
        return mark_safe(render())  # noqa: S308 - a template's own, autoescaped output
    kept = per_generation(
        f"fragment:{template_name}:{get_language()}:{key}", render, FRAGMENT_SECONDS
    )
    return mark_safe(kept)  # noqa: S308 - a template's own, autoescaped output
