"""A page's record addresses, reversed once per page, are the ones reverse() gives."""

import pytest
from django.urls import reverse
from django.utils import translation

from meetings.views.slug_urls import slug_url_maker

SLUGS = ["gorusme-1", "Lavrov_2", "şoygu", "bakü-görüşmesi", "100%", "a b"]


@pytest.mark.parametrize("route", ["meetings:meeting-detail", "meetings:person-detail"])
@pytest.mark.parametrize("language", ["tr", "en"])
def test_each_address_is_the_one_reverse_gives(route, language):
    with translation.override(language):
        url = slug_url_maker(route)
        for slug in SLUGS:
            assert url(slug) == reverse(route, kwargs={"slug": slug}), slug
