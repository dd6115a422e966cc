"""The meetings-per-month chart: inline SVG drawn on the server, no chart JavaScript."""

from __future__ import annotations

import calendar
import datetime as dt
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.formats import date_format

register = template.Library()

WIDTH, HEIGHT = 720, 180
PAD_LEFT, PAD_BOTTOM, PAD_TOP = 32, 24, 12
MIN_MONTHS, MAX_MONTHS = 12, 120


def _months(last: dt.date, count: int) -> list[dt.date]:
    months, year, month = [], last.year, last.month
    for _ in range(count):
        months.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


@register.inclusion_tag("meetings/_chart.html")
def meetings_chart(per_month):
    """Bars for each month from the first dated meeting (at most ten years back) to the last."""
    counts = {month.replace(day=1): n for month, n in per_month if month}
    if not counts:
        return {"bars": []}
    first, last = min(counts), max(counts)
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    months = _months(last, min(max(span, MIN_MONTHS), MAX_MONTHS))
    peak = max(counts.get(m, 0) for m in months) or 1
    plot_w, plot_h = WIDTH - PAD_LEFT, HEIGHT - PAD_BOTTOM - PAD_TOP
    step = plot_w / len(months)
    list_url = reverse("meetings:meeting-list")
    bars = []
    for i, month in enumerate(months):
        n = counts.get(month, 0)
        height = round(plot_h * n / peak, 1)
        last_day = month.replace(day=calendar.monthrange(month.year, month.month)[1])
        query = urlencode({"date_from": month.isoformat(), "date_to": last_day.isoformat()})
        bars.append(
            {
                "x": round(PAD_LEFT + i * step + step * 0.15, 1),
                "width": round(max(step * 0.7, 1), 1),
                "y": round(PAD_TOP + plot_h - height, 1),
                "height": height,
                "n": n,
                "label": date_format(month, "F Y"),
                "url": f"{list_url}?{query}",
                "tick": month.month == 1 or i == 0,
                "tick_x": round(PAD_LEFT + i * step, 1),
                "year": month.year,
            }
        )
    return {
        "bars": bars,
        "peak": peak,
        "width": WIDTH,
        "height": HEIGHT,
        "plot_left": PAD_LEFT,
        "plot_top": PAD_TOP,
        "baseline": HEIGHT - PAD_BOTTOM,
        "label_y": HEIGHT - 6,
        "first": months[0],
        "last": months[-1],
    }
