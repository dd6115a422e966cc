"""Review reasons, stored as codes, shown as labels in the active language."""

from django import template
from django.utils.translation import get_language

from meetings.admin.review_queue_rows import rows_html
from meetings.extraction.reasons import label, labels

register = template.Library()


@register.filter
def reason_label(code):
    """One reason code's label in the active language: "date_unknown" → "tarih bilinmiyor"."""
    return label(str(code), get_language() or "tr")


@register.filter
def reason_labels(codes):
    """The labels of a list of reason codes (a meeting's review_reasons), in the active
    language."""
    return labels([str(c) for c in codes or []], get_language() or "tr")


@register.simple_tag
def queue_rows(rows, can_change):
    """The review queue's table rows (``QueueRow``s), written in Python: see
    ``meetings/admin/review_queue_rows.py``."""
    return rows_html(rows, bool(can_change))
