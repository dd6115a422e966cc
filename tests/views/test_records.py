"""The record pages: a meeting with its annotated source, a person, an agreement, statements."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_meeting_shows_participants_by_role_with_their_titles(client, world):
    body = client.get(world.baku.get_absolute_url()).content.decode()
    host = body.index("Ev sahibi")
    guest = body.index("Konuk")
    assert (
        host < body.index('İlham Aliyev</a><span class="muted">, Azerbaycan Cumhurbaşkanı') < guest
    )
    assert 'Sergey Lavrov</a><span class="muted">, Rusya Dışişleri Bakanı' in body
    assert 'Sergey Şoygu</a><span class="muted">, Rusya Savunma Bakanı' in body  # mentioned


def test_meeting_statements_in_order_marked_direct_or_reported(client, world):
    response = client.get(world.baku.get_absolute_url())
    assert response.context["statements"] == [
        world.aliyev_quote,
        world.lavrov_quote,
        world.lavrov_reported,
    ]
    body = response.content.decode()
    item = body[body.index(f'id="statement-{world.lavrov_reported.pk}"') :]
    assert "aktarılan söz" in item[: item.index("</li>")]


def test_every_extracted_span_is_highlighted_and_linked(client, world):
    body = client.get(world.baku.get_absolute_url()).content.decode()
    person = '<a class="src src-person" href="/people/ilham-aliyev/" title="İlham Aliyev">'
    assert person + "İlham Aliyev</a>" in body
    mention = '<a class="src src-mention" href="/people/sergey-soygu/" title="Sergey Şoygu">'
    assert mention + "Sergey Şoygu</a>" in body
    for statement in (world.aliyev_quote, world.lavrov_quote):
        anchor = f'<mark class="src src-statement" id="source-statement-{statement.pk}">'
        assert anchor in body
        assert f'href="#statement-{statement.pk}"' in body
        assert f'href="#source-statement-{statement.pk}"' in body
    # The agreement mention sits inside Lavrov's quote, and nests inside its highlight.
    quote = body[body.index(f'id="source-statement-{world.lavrov_quote.pk}"') :]
    quote = quote[: quote.index("</mark>")]
    assert f'<a class="src src-agreement" href="{world.trilateral.get_absolute_url()}"' in quote
    assert ">Üçlü anlaşma</a>" in quote


def test_article_markup_is_shown_as_text(client, world):
    body = client.get(world.baku.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert" not in body


def test_review_warnings_and_the_staff_edit_link(client, admin_client, world):
    body = client.get(world.undated.get_absolute_url()).content.decode()
    assert "İnceleme gerekiyor" in body and "olası mükerrer kayıt" in body
    assert "/admin/" not in body
    admin_body = admin_client.get(world.undated.get_absolute_url()).content.decode()
    assert reverse("admin:meetings_meeting_change", args=[world.undated.pk]) in admin_body


def test_person_page(client, world):
    response = client.get(world.lavrov.get_absolute_url())
    body = response.content.decode()
    assert "Sergei Lavrov" in body  # alias
    assert [t["title"] for t in response.context["titles"]] == [
        "Dışişleri Bakanı",
        "Rusya Dışişleri Bakanı",
    ]
    assert [year for year, _ in response.context["timeline"]] == [2020, 2019, None]
    counterparts = {c["person__slug"]: c for c in response.context["counterparts"]}
    assert counterparts["ilham-aliyev"]["n"] == 2
    assert counterparts["aleksandr-novak"]["url"] == (
        "/meetings/?person=sergey-lavrov&person=aleksandr-novak"
    )
    assert "Üçlü anlaşmanın uygulanmasını destekliyoruz" in body


def test_a_person_only_mentioned_lists_where(client, world):
    response = client.get(world.soygu.get_absolute_url())
    assert response.context["mentioned_in"] == [world.baku]


def test_agreement_page_lists_mentions_in_time_order_in_context(client, world):
    response = client.get(world.trilateral.get_absolute_url())
    body = response.content.decode()
    assert [m.meeting for m in response.context["agreement"].mentions.all()] == [
        world.baku,
        world.undated,
    ]
    assert "Lavrov, &quot;<mark>Üçlü anlaşma</mark>nın uygulanmasını" in body
    assert "Aliyev, <mark>Kasım 2020 Bildirgesi</mark>&#x27;ne" in body
    assert "Azerbaycan" in body and "Rusya" in body  # parties
    assert "10 Kasım 2020" in body


def test_lists_of_people_and_agreements(client, world):
    people = client.get(reverse("meetings:person-list"))
    assert list(people.context["object_list"])[0] == world.lavrov  # most meetings first
    found = client.get(reverse("meetings:person-list"), {"q": "shoigu"})
    assert list(found.context["object_list"]) == [world.soygu]
    agreements = client.get(reverse("meetings:agreement-list")).content.decode()
    assert world.trilateral.name in agreements


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "barış"}, ["aliyev_quote"]),
        ({"q": "anlaşma"}, ["aliyev_quote", "lavrov_quote"]),
        ({"speaker": "sergey-lavrov"}, ["lavrov_quote", "lavrov_reported"]),
        ({"speaker": "Lavrov", "direct": "reported"}, ["lavrov_reported"]),
        ({"direct": "direct", "q": "-barış"}, ["lavrov_quote"]),
        ({"date_from": "2021-01-01"}, []),
    ],
)
def test_statements_page(client, world, params, expected):
    response = client.get(reverse("meetings:statement-list"), params)
    assert sorted(s.pk for s in response.context["statements"]) == sorted(
        getattr(world, name).pk for name in expected
    )


def test_statement_search_highlights_the_words(client, world):
    body = client.get(reverse("meetings:statement-list"), {"q": "barış"}).content.decode()
    assert "<mark>Barış</mark> anlaşması" in body


def test_autocomplete_finds_people_by_name_and_alias(client, world):
    url = reverse("person-autocomplete")
    assert client.get(url, {"q": "lav"}).json()["results"][0]["slug"] == "sergey-lavrov"
    assert [r["slug"] for r in client.get(url, {"q": "shoi"}).json()["results"]] == ["sergey-soygu"]
    assert client.get(url, {"q": "x"}).json() == {"results": []}


def test_home_page(client, world):
    response = client.get(reverse("meetings:home"))
    body = response.content.decode()
    assert response.context["counts"] == {
        "meetings": 3,
        "people": 4,
        "statements": 3,
        "agreements": 1,
    }
    assert response.context["frequent"][0]["slug"] == world.lavrov.slug
    assert "<svg" in body and 'class="chart__bar"' in body
    # The chart's numbers stay machine-readable in Turkish (no decimal commas).
    coordinates = re.findall(r'(?:x|y|width|height)="([^"]*)"', body[body.index("<svg") :])
    assert coordinates and all("," not in c for c in coordinates)
    assert "/meetings/?date_from=2020-11-01&amp;date_to=2020-11-30" in body
