"""Small helpers for showing meetings."""

from django import template
from django.utils.translation import get_language

from meetings.extraction.turkish import tr_upper

register = template.Library()


@register.filter
def with_role(participations, role):
    """The participations (already prefetched) in one role."""
    return [p for p in participations if p.role == role]


@register.filter
def upper_first(value):
    """The first letter in upper case, the Turkish way when Turkish is active: "imza" → "İmza"."""
    text = str(value)
    if not text:
        return text
    first = tr_upper(text[0]) if get_language() == "tr" else text[0].upper()
    return first + text[1:]


@register.filter
def choices_of(bound_field):
    """A choice field's (value, label) pairs, read in one query (no COUNT first, as len() would)."""
    return [(str(value), label) for value, label in bound_field.field.choices]


@register.filter
def country_name(country):
    """A country's name in the interface's language (the data's other names stay as written)."""
    if country is None:
        return ""
    return country.name_en if get_language() == "en" and country.name_en else country.name_tr
