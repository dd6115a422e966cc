"""Paging the API's lists.

Date-ordered lists (meetings, statements) page with a cursor: the position after the last row
shown, by its sort key, so a meeting imported meanwhile never shifts or repeats a page. A
search pages by number over the same ranked, capped hits as the HTML page. The short lists
(people, agreements, countries, articles) page by number.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass

from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

MAX_PAGE_SIZE = 100
CURSOR = "cursor"
PAGE_SIZE = "page_size"


def read_page_size(request, default: int) -> int:
    """The ``page_size`` asked for (1 to MAX_PAGE_SIZE), else the default; 400 otherwise."""
    raw = request.query_params.get(PAGE_SIZE)
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE_SIZE:
        raise ValidationError(
            {PAGE_SIZE: [_("A whole number from 1 to %(max)d.") % {"max": MAX_PAGE_SIZE}]}
        )
    return int(raw)


@dataclass(frozen=True)
class Key:
    """One column of a sort order: its field, direction, and where its nulls go."""

    field: str
    descending: bool = False
    nulls_last: bool = True

    def reversed(self) -> Key:
        """The same column walked the other way (for the previous page)."""
        return Key(self.field, not self.descending, not self.nulls_last)

    def order(self):
        """The ORDER BY expression, nulls placed explicitly on both databases."""
        expression = F(self.field)
        nulls = {"nulls_last": True} if self.nulls_last else {"nulls_first": True}
        return expression.desc(**nulls) if self.descending else expression.asc(**nulls)

    def equal(self, value) -> Q:
        """Rows whose column holds value (null included)."""
        return Q(**{f"{self.field}__isnull": True}) if value is None else Q(**{self.field: value})

    def beyond(self, value) -> Q:
        """Rows strictly after value in this column's order."""
        if value is None:  # after a null come only non-nulls, and only where nulls go first
            return Q(pk__in=[]) if self.nulls_last else Q(**{f"{self.field}__isnull": False})
        later = Q(**{f"{self.field}__{'lt' if self.descending else 'gt'}": value})
        return later | Q(**{f"{self.field}__isnull": True}) if self.nulls_last else later


def after(keys: list[Key], values: list) -> Q:
    """Rows that come after the row whose sort key is values, in the order of keys."""
    condition, same = Q(pk__in=[]), Q()
    for key, value in zip(keys, values, strict=True):
        condition |= same & key.beyond(value)
        same &= key.equal(value)
    return condition


def _encode(direction: str, values: list) -> str:
    plain = [v.isoformat() if isinstance(v, dt.date) else v for v in values]
    raw = json.dumps([direction, plain], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(token: str, keys: list[Key]) -> tuple[str, list]:
    invalid = ValidationError({CURSOR: [_("This cursor is not one the API gave.")]})
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        direction, values = json.loads(raw)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise invalid from None
    if direction not in ("next", "prev") or not isinstance(values, list):
        raise invalid
    if len(values) != len(keys):
        raise invalid
    parsed = []
    for key, value in zip(keys, values, strict=True):
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            parsed.append(value)
        elif isinstance(value, str) and key.field.endswith("date"):
            try:
                parsed.append(dt.date.fromisoformat(value))
            except ValueError:
                raise invalid from None
        else:
            raise invalid
    if any(isinstance(v, int) and not 0 <= v < 2**63 for v in parsed):
        raise invalid
    return direction, parsed


def _key_of(row, keys: list[Key]) -> list:
    values = []
    for key in keys:
        value = row
        for part in key.field.split("__"):
            value = getattr(value, part)
        values.append(value)
    return values


def cursor_page(request, queryset, keys: list[Key], page_size: int) -> tuple[list, dict]:
    """One page of queryset in the order of keys, from the request's cursor; the rows and
    the links to the next and previous pages (None at either end)."""
    token = request.query_params.get(CURSOR)
    direction, position = _decode(token, keys) if token else ("next", None)
    walk = keys if direction == "next" else [key.reversed() for key in keys]
    rows = queryset.order_by(*(key.order() for key in walk))
    if position is not None:
        rows = rows.filter(after(walk, position))
    rows = list(rows[: page_size + 1])
    more = len(rows) > page_size
    rows = rows[:page_size]
    if direction == "prev":
        rows.reverse()
    url = request.build_absolute_uri()
    link = {"next": None, "previous": None}
    if rows:
        if more or direction == "prev":
            link["next"] = replace_query_param(
                url, CURSOR, _encode("next", _key_of(rows[-1], keys))
            )
        if position is not None and (more or direction == "next"):
            first = _encode("prev", _key_of(rows[0], keys))
            link["previous"] = replace_query_param(url, CURSOR, first)
    elif position is not None:  # past the end: the way back is the start
        link["previous"] = remove_query_param(url, CURSOR)
    return rows, link


class NumberedPages(PageNumberPagination):
    """Numbered pages for the short lists; ``page_size`` up to MAX_PAGE_SIZE."""

    page_size = 50
    page_size_query_param = PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        return read_page_size(request, self.page_size)

    def get_page_number(self, request, paginator):
        # Like the HTML lists, a page past the end (or not a number) is the nearest page.
        raw = request.query_params.get(self.page_query_param) or 1
        try:
            number = int(raw)
        except (TypeError, ValueError):
            return 1
        return min(max(number, 1), max(paginator.num_pages, 1))


def search_page_response(request, ids_page, results, count: int, capped: bool) -> Response:
    """A page of search hits: the count found (capped like the HTML page), links, rows."""
    url = request.build_absolute_uri()
    nxt = ids_page.next_page_number() if ids_page.has_next() else None
    prev = ids_page.previous_page_number() if ids_page.has_previous() else None
    return Response(
        {
            "count": count,
            "capped": capped,
            "next": replace_query_param(url, "page", nxt) if nxt else None,
            "previous": replace_query_param(url, "page", prev) if prev else None,
            "results": results,
        }
    )
