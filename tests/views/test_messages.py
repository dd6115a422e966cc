"""Every message is true: a search with no hits says nothing matched and offers ways out, a
query that is too long is said to be, the form keeps what the user typed beside its error, and
a page past the end of any list shows its last page."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
LIST = reverse("meetings:meeting-list")
STATEMENTS = reverse("meetings:statement-list")
NO_WORDS = "aranacak kelime yoktu"


def body(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200
    return response.content.decode()


def test_a_search_with_no_hits_says_nothing_matched(client, world):
    page = body(client, LIST, {"q": "zzzqxw"})
    assert NO_WORDS not in page  # the search had a word; it just found nothing
    assert "0 görüşme" in page
    assert "“zzzqxw” için hiçbir sonuç bulunamadı." in page
    assert "Yazımı kontrol edin" in page
    assert f'href="{LIST}">Tüm görüşmeleri görün</a>' in page


def test_no_hits_offers_to_drop_each_filter_and_remove_each_word(client, world):
    params = {"q": "lavrov zzzqxw", "country": "azerbaycan", "kind": "talks"}
    page = body(client, LIST, params)
    assert "Bu filtrelerle “lavrov zzzqxw” için hiçbir sonuç bulunamadı." in page
    drops = re.findall(r'<a class="chip-link" href="([^"]*)">([^<]*)', page)
    assert ("?q=lavrov+zzzqxw&amp;kind=talks", "Ülke: Azerbaycan ") in drops
    assert ("?q=lavrov+zzzqxw&amp;country=azerbaycan", "Tür: görüşme ") in drops
    assert "?q=zzzqxw&amp;country=azerbaycan&amp;kind=talks" in page  # without "lavrov"
    assert "?q=lavrov&amp;country=azerbaycan&amp;kind=talks" in page  # without "zzzqxw"


def test_the_clear_link_never_reloads_the_same_search(client, world):
    page = body(client, LIST, {"q": "zzzqxw"})
    assert f'href="{LIST}?q=zzzqxw">' not in page
    assert "Filtreleri temizle" not in page


def test_a_statement_search_with_no_hits_says_so(client, world):
    page = body(client, STATEMENTS, {"q": "zzzqxw", "direct": "direct"})
    assert "Bu filtrelerle “zzzqxw” için hiçbir sonuç bulunamadı." in page
    assert f'href="{STATEMENTS}">Tüm beyanları görün</a>' in page


@pytest.mark.parametrize("url", [LIST, STATEMENTS])
def test_a_query_too_long_is_said_to_be_and_kept_in_the_box(client, world, url):
    typed = "lavrov " + "uzun" * 150
    page = body(client, url, {"q": typed})
    assert f'value="{typed}"' in page
    assert 'role="alert">Bu arama 607 karakter uzunluğunda' in page
    assert 'aria-describedby="q-error"' in page
    assert "Lavrov" in page  # its beginning was searched


def test_an_invalid_date_stays_in_the_box_beside_its_error(client, world):
    page = body(client, LIST, {"date_from": "2020-13-45"})
    assert 'type="text" name="date_from" value="2020-13-45"' in page
    assert 'class="field__error" role="alert"' in page


def test_an_invalid_year_stays_in_the_box(client, world):
    page = body(client, LIST, {"year": "yirmi"})
    assert 'value="yirmi"' in page


def test_a_name_nobody_has_stays_in_the_box(client, world):
    page = body(client, LIST, {"person": "Kimsebilmez"})
    assert 'value="Kimsebilmez"' in page and "Kimsebilmez" in page


@pytest.mark.parametrize(
    "name",
    [
        "meetings:meeting-list",
        "meetings:person-list",
        "meetings:agreement-list",
        "meetings:statement-list",
    ],
)
@pytest.mark.parametrize("number", ["999", "0", "abc"])
def test_a_page_past_the_end_shows_the_nearest_page_on_every_list(client, world, name, number):
    response = client.get(reverse(name), {"page": number})
    assert response.status_code == 200
    page = response.context["page_obj"]
    assert page.number == (page.paginator.num_pages if number == "999" else 1)
    assert len(page.object_list) > 0


def test_a_name_too_long_for_the_people_box_is_said_to_be(client, world):
    typed = "Lavrov" + "x" * 120
    page = body(client, reverse("meetings:person-list"), {"q": typed})
    assert f'value="{typed}"' in page
    assert 'role="alert">Bu ad 126 karakter uzunluğunda' in page
