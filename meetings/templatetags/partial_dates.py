"""Showing a date at the precision it is known: "21 Kasım 2020", "Kasım 2020", "date unknown"."""

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def partial_date(value, precision):
    """The date cut to its precision, in the active language."""
    if value is None or precision == "unknown":
        return _("date unknown")
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return date_format(value, "F Y")
    return date_format(value, "j F Y")
