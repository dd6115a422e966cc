"""Every resource serves its records as the database holds them: stable ids, provenance
spans into the article text, links to the HTML pages in the language asked for."""

import pytest

from meetings.models import Article, Participation, Statement

pytestmark = pytest.mark.django_db


def test_the_api_root_lists_every_resource(api, world):
    body = api.get("/api/").body
    assert set(body) == {"meetings", "people", "agreements", "statements", "countries", "articles"}


def test_a_meeting_gives_who_where_when_what_was_said_agreements_and_sources(api, world):
    response = api.get(f"/api/meetings/{world.baku.pk}/")
    assert response.status_code == 200
    m = response.body
    assert (m["id"], m["slug"], m["date"], m["date_precision"]) == (
        world.baku.pk,
        "2020-11-aliyev-lavrov",
        "2020-11",
        "month",
    )
    assert (m["place"], m["country"]["iso_code"], m["kind"]) == ("Bakü", "AZ", "reception")
    roles = {(p["person"]["slug"], p["role"], p["title"]) for p in m["participants"]}
    assert roles == {
        ("ilham-aliyev", "host", "Azerbaycan Cumhurbaşkanı"),
        ("sergey-lavrov", "guest", "Rusya Dışişleri Bakanı"),
    }
    assert [s["text"] for s in m["statements"]] == [
        "Barış anlaşması için çalışıyoruz",
        "Üçlü anlaşmanın uygulanmasını destekliyoruz",
        "heyetin memnun olduğunu",
    ]
    assert [s["direct"] for s in m["statements"]] == [True, True, False]
    (mention,) = m["agreements"]
    assert mention["agreement"]["slug"] == world.trilateral.slug
    assert mention["statement"] == world.lavrov_quote.pk
    (source,) = m["sources"]
    assert source["id"] == world.baku_article.pk
    assert set(source) >= {"title", "outlet", "date", "source_url", "api_url"}
    assert m["url"] == "http://testserver/meetings/2020-11-aliyev-lavrov/"


def test_spans_point_at_the_text_of_the_article_resource(api, world):
    meeting = api.get(f"/api/meetings/{world.baku.pk}/").body
    article = api.get(meeting["sources"][0]["api_url"]).body
    text = article["text"]
    for statement in meeting["statements"]:
        start, end = statement["span"]
        assert statement["article"] == article["id"]
        assert text[start:end].startswith(statement["text"].split()[0])
    for participant in meeting["participants"]:
        (start, end), *_ = participant["spans"]
        assert text[start:end] == participant["person"]["name"]
    start, end = meeting["agreements"][0]["span"]
    assert text[start:end] == meeting["agreements"][0]["text"]


def test_a_meeting_with_no_date_says_so(api, world):
    m = api.get(f"/api/meetings/{world.undated.pk}/").body
    assert (m["date"], m["date_precision"]) == (None, "unknown")
    assert m["needs_review"] is True
    assert m["review_reasons"] == ["date_unknown", "possible_duplicate"]


def test_a_statement_links_to_its_anchor_on_the_meeting_page(api, world):
    s = api.get(f"/api/statements/{world.lavrov_reported.pk}/").body
    assert s["url"] == (
        f"http://testserver/meetings/2020-11-aliyev-lavrov/#statement-{world.lavrov_reported.pk}"
    )
    assert (s["speaker"]["slug"], s["speaker_name"], s["direct"]) == (
        "sergey-lavrov",
        "Lavrov",
        False,
    )
    assert s["meeting"]["id"] == world.baku.pk


def test_the_anchor_is_on_the_meeting_page(client, api, world):
    s = api.get(f"/api/statements/{world.aliyev_quote.pk}/").body
    path, anchor = s["url"].removeprefix("http://testserver").split("#")
    assert f'id="{anchor}"' in client.get(path).content.decode()


def test_a_person_with_aliases_and_country(api, world):
    p = api.get(f"/api/people/{world.soygu.pk}/").body
    assert (p["name"], p["aliases"], p["country"]["iso_code"]) == (
        "Sergey Şoygu",
        ["Sergei Shoigu"],
        "RU",
    )
    assert p["url"] == "http://testserver/people/sergey-soygu/"


def test_people_are_found_by_any_spelling_as_on_the_people_page(api, world):
    assert [p["slug"] for p in api.get("/api/people/", {"q": "shoigu"}).body["results"]] == [
        world.soygu.slug
    ]
    assert [p["slug"] for p in api.get("/api/people/", {"q": "SERGEY"}).body["results"]] == [
        "sergey-lavrov",
        "sergey-soygu",
    ]


def test_an_agreement_lists_its_mentions_in_time_order(api, world):
    a = api.get(f"/api/agreements/{world.trilateral.pk}/").body
    assert a["aliases"] == ["Kasım 2020 Bildirgesi"]
    assert sorted(c["iso_code"] for c in a["parties"]) == ["AZ", "RU"]
    assert (a["signed_date"], a["status"]) == ("2020-11-10", "signed")
    assert [m["meeting"]["id"] for m in a["mentions"]] == [world.baku.pk, world.undated.pk]
    assert a["mentions"][0]["statement"] == world.lavrov_quote.pk
    listed = api.get("/api/agreements/").body["results"]
    assert [x["id"] for x in listed] == [world.trilateral.pk]
    assert "mentions" not in listed[0]  # the list stays short; the record has them


def test_countries_with_their_names_and_forms(api, world):
    countries = api.get("/api/countries/").body["results"]
    assert [(c["iso_code"], c["name_tr"], c["name_en"]) for c in countries] == [
        ("AZ", "Azerbaycan", "Azerbaijan"),
        ("RU", "Rusya", "Russia"),
    ]
    assert countries[0]["url"] == "http://testserver/meetings/?country=azerbaycan"


def test_articles_list_without_their_text_and_give_it_one_by_one(api, world):
    world.baku_article.outlet, world.baku_article.url = "Örnek Ajans", "https://example.org/a"
    world.baku_article.save()
    listed = api.get("/api/articles/").body
    assert listed["count"] == Article.objects.count()
    assert all("text" not in a for a in listed["results"])
    one = api.get(f"/api/articles/{world.baku_article.pk}/").body
    assert one["text"] == world.baku_article.text
    assert (one["outlet"], one["source_url"], one["meetings"]) == (
        "Örnek Ajans",
        "https://example.org/a",
        [world.baku.pk],
    )


def test_lang_en_links_to_the_english_pages(api, world):
    m = api.get(f"/api/meetings/{world.baku.pk}/", {"lang": "en"}).body
    assert m["url"] == "http://testserver/en/meetings/2020-11-aliyev-lavrov/"
    assert m["statements"][0]["url"].startswith("http://testserver/en/meetings/")
    assert m["participants"][0]["person"]["url"].startswith("http://testserver/en/people/")


def test_without_lang_the_browser_language_chooses(api, world):
    english = api.get(f"/api/people/{world.novak.pk}/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert english.body["url"] == "http://testserver/en/people/aleksandr-novak/"
    turkish = api.get(f"/api/people/{world.novak.pk}/", HTTP_ACCEPT_LANGUAGE="tr")
    assert turkish.body["url"] == "http://testserver/people/aleksandr-novak/"
    asked = api.get(f"/api/people/{world.novak.pk}/", {"lang": "tr"}, HTTP_ACCEPT_LANGUAGE="en")
    assert asked.body["url"] == "http://testserver/people/aleksandr-novak/"


def test_an_unknown_language_is_a_400(api, world):
    response = api.get("/api/meetings/", {"lang": "fr"})
    assert response.status_code == 400
    assert "lang" in response.body


def test_an_editors_correction_is_what_the_api_serves(api, world):
    """An editor resolved a speaker to another person and retitled a participant."""
    row = Participation.objects.get(meeting=world.moscow, person=world.novak)
    row.title = "Rusya Başbakan Yardımcısı"
    row.lock("title")
    row.save()
    Statement.objects.filter(pk=world.lavrov_reported.pk).update(speaker=world.soygu)
    m = api.get(f"/api/meetings/{world.moscow.pk}/").body
    assert "Rusya Başbakan Yardımcısı" in {p["title"] for p in m["participants"]}
    s = api.get(f"/api/statements/{world.lavrov_reported.pk}/").body
    assert (s["speaker"]["slug"], s["speaker_name"]) == ("sergey-soygu", "Lavrov")


def test_an_unresolved_participant_keeps_the_name_as_written(api, world):
    Participation.objects.filter(meeting=world.moscow, person=world.novak).update(person=None)
    m = api.get(f"/api/meetings/{world.moscow.pk}/").body
    unresolved = [p for p in m["participants"] if p["person"] is None]
    assert [p["name_as_written"] for p in unresolved] == ["Aleksandr Novak"]


@pytest.mark.parametrize(
    "resource", ["meetings", "people", "agreements", "statements", "countries", "articles"]
)
@pytest.mark.parametrize("pk", ["999999", "99999999999999999999999", "abc", "-1"])
def test_an_unknown_id_is_a_404(api, world, resource, pk):
    assert api.get(f"/api/{resource}/{pk}/").status_code == 404


def test_the_api_is_read_only(client, world):
    for method in (client.post, client.put, client.patch, client.delete):
        assert method(f"/api/meetings/{world.baku.pk}/").status_code == 405
    assert client.post("/api/meetings/").status_code == 405


def test_cross_origin_reads_are_allowed_without_credentials(client, world):
    response = client.get("/api/meetings/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    page = client.get("/meetings/", HTTP_ORIGIN="https://example.org")
    assert "Access-Control-Allow-Origin" not in page  # the site's pages stay same-origin
