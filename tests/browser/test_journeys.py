"""What a researcher does in a real browser, on the imported seed articles."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BAKU_2020 = "/meetings/2020-11-aliyev-lavrov/"


def test_search_soygu_and_reach_the_2020_meeting(site, page):
    page.goto(site + "/")
    page.get_by_role("searchbox", name="Görüşmelerde ara").fill("soygu")
    page.get_by_role("button", name="Ara", exact=True).click()
    results = page.locator(".result")
    expect(results).to_have_count(1)
    expect(results.locator("mark")).to_have_text("Şoygu")
    results.get_by_role("link").first.click()
    expect(page).to_have_url(site + BAKU_2020)
    expect(page.locator(".facts")).to_contain_text("Kasım 2020")


def test_filter_by_lavrov_and_a_date_range(site, page):
    page.goto(site + "/meetings/")
    expect(page.locator(".result")).to_have_count(2)
    page.get_by_label("Bir ad yazın").fill("Lavrov")
    page.get_by_label("Başlangıç").fill("2020-11-15")
    page.get_by_label("Bitiş").fill("2020-12-31")
    page.get_by_role("button", name="Filtrele").click()
    expect(page).to_have_url(re.compile(r"person=Lavrov"))
    assert "date_from=2020-11-15" in page.url and "date_to=2020-12-31" in page.url
    results = page.locator(".result")
    expect(results).to_have_count(1)  # November 2020 overlaps; the undated one does not
    expect(results).to_contain_text("Kasım 2020")
    expect(page.locator(".chip")).to_contain_text("Sergey Lavrov")
    # The page is a bookmark: opening its URL afresh gives the same result.
    url = page.url
    page.goto(url)
    expect(page.locator(".result")).to_have_count(1)


def test_a_meeting_shows_each_quote_highlighted_in_its_source(site, page):
    page.goto(site + BAKU_2020)
    for speaker, words in [
        ("İlham Aliyev", "Genel olarak ilişkilerimizin gündemi"),
        ("Sergey Lavrov", "Buraya geniş bir heyetle geldik"),
    ]:
        statement = page.locator(".statement").filter(has_text=words)
        expect(statement.locator(".statement__who")).to_contain_text(speaker)
        expect(statement.locator(".badge")).to_have_text("doğrudan alıntı")
        statement.get_by_role("link", name="Kaynakta gör").click()
        source = page.locator("mark.src-statement:target")
        expect(source).to_be_visible()
        expect(source).to_contain_text(words)
    # Names in the source link to their people.
    aliyev = page.locator(".source__text a.src-person", has_text="İlham Aliyev").first
    expect(aliyev).to_have_attribute("href", "/people/ilham-aliyev/")


def test_switch_to_english(site, page):
    page.goto(site + "/meetings/")
    expect(page.locator("html")).to_have_attribute("lang", "tr")
    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(site + "/en/meetings/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meetings")
    expect(page.locator(".result").first).to_contain_text("November 2020")
    page.get_by_role("button", name="Türkçe").click()
    expect(page).to_have_url(site + "/meetings/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Görüşmeler")


def test_the_list_at_375_px(site, phone):
    phone.goto(site + "/meetings/?q=lavrov")
    expect(phone.locator(".result")).to_have_count(2)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways: {width}px wide"
    # The filters start folded on a phone and open with a tap.
    person_box = phone.get_by_label("Bir ad yazın")
    expect(person_box).to_be_hidden()
    phone.locator("details.filters summary").click()
    expect(person_box).to_be_visible()
    phone.screenshot(path="/tmp/browser-list-375.png", full_page=True)


def test_filters_work_without_javascript(site, page_without_js):
    page = page_without_js
    page.goto(site + "/meetings/")
    page.get_by_label("Bir ad yazın").fill("Sergey Lavrov")
    page.get_by_label("Yalnızca tarihi bilinmeyen görüşmeler").check()
    page.get_by_role("button", name="Filtrele").click()
    results = page.locator(".result")
    expect(results).to_have_count(1)
    expect(results).to_contain_text("tarih bilinmiyor")


def test_autocomplete_suggests_people_as_you_type(site, page):
    page.goto(site + "/meetings/")
    with page.expect_response(re.compile(r"/people/autocomplete/\?q=sho")):
        page.get_by_label("Bir ad yazın").press_sequentially("sho")
    options = page.locator("#person-suggestions option")
    expect(options).to_have_count(1)
    expect(options.first).to_have_attribute("value", "Sergey Şoygu")


def test_a_search_with_no_hits_offers_ways_out(site, page):
    page.goto(site + "/meetings/")
    page.get_by_role("searchbox").fill("lavrov zzzqxw")
    page.get_by_role("button", name="Ara").first.click()
    status = page.locator(".no-hits")
    expect(status).to_contain_text("“lavrov zzzqxw” için hiçbir sonuç bulunamadı.")
    expect(status).to_contain_text("Yazımı kontrol edin")
    # Removing the word that matched nothing finds the meetings again.
    status.get_by_role("link", name="zzzqxw").click()
    expect(page.locator(".result").first).to_be_visible()
    expect(page.get_by_role("searchbox")).to_have_value("lavrov")


def test_a_query_too_long_says_so_beside_the_box(site, page):
    typed = "lavrov " + "uzun " * 120
    page.goto(site + "/meetings/")
    page.get_by_role("searchbox").fill(typed[:500])
    page.goto(site + "/meetings/?q=" + typed.replace(" ", "+"))
    expect(page.get_by_role("alert").first).to_contain_text("karakter uzunluğunda")
    expect(page.get_by_role("searchbox")).to_have_value(typed.strip())
    expect(page.locator(".result").first).to_be_visible()


def test_an_invalid_date_stays_beside_its_error(site, page):
    page.goto(site + "/meetings/?date_from=2020-13-45")
    box = page.locator("#id_date_from")
    expect(box).to_have_value("2020-13-45")
    expect(page.locator(".field--error .field__error")).to_be_visible()
