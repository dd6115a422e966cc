"""Descriptions of well-known records, in the reader's language.

The known-entities fixture writes each well-known agreement's description in English. They
are listed here so that makemessages picks them up and the Turkish catalogue translates
them; a description an editor wrote is shown as written.
"""

from django import template
from django.utils.translation import gettext, gettext_noop

register = template.Library()

KNOWN_DESCRIPTIONS = [
    gettext_noop(
        "The trilateral statement of 9/10 November 2020 by Azerbaijan, Armenia and Russia "
        "that ended the Second Karabakh War."
    ),
    gettext_noop(
        "The Declaration on Allied Interaction between Azerbaijan and Russia, signed in Moscow."
    ),
    gettext_noop(
        "The peace treaty between Azerbaijan and Armenia, proposed by Azerbaijan after the "
        "2020 war."
    ),
]


@register.filter
def in_my_language(description: str) -> str:
    """A known description in the interface's language; any other text as it is."""
    return gettext(description) if description in KNOWN_DESCRIPTIONS else description
