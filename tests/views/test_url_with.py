"""url_with writes a link's query string exactly as QueryDict.copy() and urlencode() did."""

import itertools

import pytest
from django.test import RequestFactory

from meetings.views.common import url_with


def through_querydict(request, drop=("page",), **changes):
    """The way url_with was written before: a copy of the QueryDict, changed and encoded."""
    params = request.GET.copy()
    for name in drop:
        params.pop(name, None)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        elif isinstance(value, tuple):
            action, item = value
            values = [v for v in params.getlist(name) if v != item]
            if action == "add":
                values.append(item)
            params.setlist(name, values)
        else:
            params[name] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


QUERIES = [
    "",
    "page=3",
    "q=bakan&page=2&sort=-date",
    "q=%22karma+ekonomik%22+-t%C3%BCrkiye&person=a&person=b&country=g",
    "person=sergey-lavrov&q=a%26b%2Bc%3Dd&undated=on&year=2020",
    "q=%E2%80%9Cx%E2%80%9D+%3Cscript%3E&x=&x=1&%C3%A7=%C4%9F",
]
CHANGES = [
    {},
    {"person": ("add", "ilham-aliyev")},
    {"person": ("remove", "a")},
    {"person": ("remove", "none-such")},
    {"country": None},
    {"country": "azerbaycan"},
    {"year": "2019", "undated": None},
    {"undated": "on", "year": None},
    {"sort": "date"},
    {"q": "yeni sorgu & başka"},
    {"page": 4},
]


@pytest.mark.parametrize(("query", "changes"), itertools.product(QUERIES, CHANGES))
def test_links_read_as_the_querydict_wrote_them(query, changes):
    request = RequestFactory().get("/meetings/?" + query)
    assert url_with(request, **changes) == through_querydict(request, **changes)
    assert url_with(request, drop=(), **changes) == through_querydict(request, drop=(), **changes)
