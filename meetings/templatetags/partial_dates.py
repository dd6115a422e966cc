"""Showing a date at the precision it is known: "21 Kasım 2020", "Kasım 2020", "date unknown"."""

from django import template
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def partial_date(value, precision):
    """The date cut to its precision, in the active language.

    Written out here as Django's date formats "j F Y" and "F Y" would write it (the day
    without a leading zero, the month's name, the year in four digits): a list page shows
    dozens of dates, and the general formatter costs several times this.
    """
    if value is None or precision == "unknown":
        return _("date unknown")
    if precision == "year":
        return str(value.year)
    month = f"{MONTHS[value.month]} {value.year:04d}"
    if precision == "month":
        return month
    return f"{value.day} {month}"
