"""Links between the pages of a list, for pages that hold more than one paginated list."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, param: str, number: int, anchor: str = "") -> str:
    """This page's query string with one list's page number changed (and an anchor)."""
    params = context["request"].GET.copy()
    if number == 1:
        params.pop(param, None)
    else:
        params[param] = number
    encoded = params.urlencode()
    return (f"?{encoded}" if encoded else "?") + (f"#{anchor}" if anchor else "")
