"""A page's record addresses, reversed once per page, are the ones reverse() gives, and a
slug reverse() refuses is refused the same way."""

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from meetings.views.slug_urls import slug_url_maker

ROUTES = ["meetings:meeting-detail", "meetings:person-detail", "meetings:agreement-detail"]


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("language", ["tr", "en"])
def test_each_address_is_the_one_reverse_gives(route, language):
    with translation.override(language):
        url = slug_url_maker(route)
        for slug in ["gorusme-1", "Lavrov_2", "2020-11", "x"]:
            assert url(slug) == reverse(route, kwargs={"slug": slug}), slug
        assert url("gorusme-1").startswith("/en/") == (language == "en")


@pytest.mark.parametrize("slug", ["şoygu", "a b", "100%", ""])
def test_a_slug_reverse_refuses_is_refused(slug):
    url = slug_url_maker("meetings:meeting-detail")
    with pytest.raises(NoReverseMatch):
        reverse("meetings:meeting-detail", kwargs={"slug": slug})
    with pytest.raises(NoReverseMatch):
        url(slug)
