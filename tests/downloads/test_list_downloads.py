"""Downloads of the list pages: every row the page lists for its query string (not only the
page shown), in CSV that Excel and the csv module read with Turkish intact, and JSON Lines."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Statement
from meetings.search import search_meetings
from tests.downloads.conftest import body, csv_rows, jsonl_records
from tests.factories import MeetingFactory, ParticipationFactory, StatementFactory

pytestmark = pytest.mark.django_db
MEETINGS = reverse("meetings:meeting-list")
STATEMENTS = reverse("meetings:statement-list")

MEETING_QUERIES = [
    {},
    {"person": "sergey-lavrov"},
    {"person": ["sergey-lavrov", "aleksandr-novak"]},
    {"person": "Aliev"},
    {"country": "rusya"},
    {"year": "2020"},
    {"undated": "on"},
    {"kind": "talks"},
    {"place": "Moskova"},
    {"agreement": "10-kasim-2020-uclu-bildirisi"},
    {"date_from": "2020-11-20", "date_to": "2020-12-05"},
    {"date_from": "2020-12-01"},
    {"sort": "-date"},
    {"q": "soygu"},
    {"q": "lavrov", "country": "rusya"},
    {"q": "aliyev -şoygu"},
    {"q": "lavrov", "sort": "-date"},
    # Values the page cannot read: reported there and ignored, the other filters still apply.
    {"date_from": "2020-13-45", "country": "azerbaycan"},
    {"year": "abc"},
    {"person": ["Nobody Atall", "sergey-lavrov"]},
    {"kind": "dinner", "place": "Atlantis"},
]
STATEMENT_QUERIES = [
    {},
    {"speaker": "sergey-lavrov"},
    {"direct": "reported"},
    {"direct": "direct", "speaker": "Lavrov"},
    {"date_from": "2020-11-01", "date_to": "2020-11-30"},
    {"q": "anlaşma"},
    {"q": "barış", "speaker": "ilham-aliyev"},
    {"speaker": "Nobody Atall", "direct": "sideways"},
]


def download(client, list_url: str, fmt: str, params: dict):
    return client.get(list_url + f"download.{fmt}", params)


@pytest.mark.parametrize("params", MEETING_QUERIES)
def test_a_meetings_download_holds_the_rows_the_page_lists(client, world, params):
    page = client.get(MEETINGS, params)
    listed = [m.pk for m in page.context["meetings"]]
    as_csv = download(client, MEETINGS, "csv", params)
    as_jsonl = download(client, MEETINGS, "jsonl", params)
    assert as_csv.status_code == as_jsonl.status_code == page.status_code == 200
    assert [int(row["id"]) for row in csv_rows(as_csv)] == listed
    assert [record["id"] for record in jsonl_records(as_jsonl)] == listed


@pytest.mark.parametrize("params", STATEMENT_QUERIES)
def test_a_statements_download_holds_the_rows_the_page_lists(client, world, params):
    page = client.get(STATEMENTS, params)
    listed = [s.pk for s in page.context["statements"]]
    assert [int(r["id"]) for r in csv_rows(download(client, STATEMENTS, "csv", params))] == listed
    records = jsonl_records(download(client, STATEMENTS, "jsonl", params))
    assert [r["id"] for r in records] == listed


@pytest.mark.parametrize(
    ("url_name", "params"),
    [
        ("meetings:person-list", {}),
        ("meetings:person-list", {"q": "serg"}),
        ("meetings:person-list", {"q": "shoigu"}),
        ("meetings:agreement-list", {}),
    ],
)
def test_people_and_agreements_downloads_hold_the_rows_the_page_lists(
    client, world, url_name, params
):
    url = reverse(url_name)
    listed = [row.pk for row in client.get(url, params).context["object_list"]]
    assert [int(r["id"]) for r in csv_rows(download(client, url, "csv", params))] == listed
    assert [r["id"] for r in jsonl_records(download(client, url, "jsonl", params))] == listed


def test_every_row_is_downloaded_not_only_the_page_shown(client, world):
    for _ in range(30):  # a page shows twenty
        ParticipationFactory(meeting=MeetingFactory(), person=world.lavrov)
    page = client.get(MEETINGS, {"person": "sergey-lavrov", "page": "2"})
    assert len(page.context["meetings"]) == 13
    rows = csv_rows(download(client, MEETINGS, "csv", {"person": "sergey-lavrov", "page": "2"}))
    assert len(rows) == 33


def test_the_csv_opens_in_excel_with_turkish_intact(client, world):
    StatementFactory(
        meeting=world.moscow,
        speaker=world.novak,
        text="Dağlık bölgede barış ışığı görüyoruz",
        order=5,
    )
    response = download(client, MEETINGS, "csv", {})
    raw = body(response)
    # Excel takes a file as UTF-8 only when it begins with the byte-order mark.
    assert raw.startswith(b"\xef\xbb\xbf")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(download(client, MEETINGS, "csv", {}))
    baku = next(r for r in rows if r["slug"] == world.baku.slug)
    assert baku["place"] == "Bakü"
    assert baku["hosts"] == "İlham Aliyev (Azerbaycan Cumhurbaşkanı)"
    assert baku["title"] == "İlham Aliyev – Sergey Lavrov (Bakü)"
    statements = csv_rows(download(client, STATEMENTS, "csv", {"speaker": "aleksandr-novak"}))
    assert [s["text"] for s in statements] == ["Dağlık bölgede barış ışığı görüyoruz"]
    lines = body(download(client, STATEMENTS, "jsonl", {})).decode("utf-8")
    assert all(letter in lines for letter in "şğıİü") and "\\u" not in lines


def test_a_meeting_row_has_ids_dates_at_their_precision_places_and_people(client, world):
    rows = {r["slug"]: r for r in csv_rows(download(client, MEETINGS, "csv", {}))}
    baku, moscow, undated = rows[world.baku.slug], rows[world.moscow.slug], rows[world.undated.slug]
    assert baku["id"] == str(world.baku.pk)
    assert baku["url"] == "http://testserver" + world.baku.get_absolute_url()
    assert (baku["date"], baku["date_precision"]) == ("2020-11", "month")
    assert (moscow["date"], moscow["date_precision"]) == ("2019-05-06", "day")
    assert (undated["date"], undated["date_precision"]) == ("", "unknown")
    assert (baku["country_iso"], baku["country"]) == ("AZ", "Azerbaycan")
    assert baku["guests"] == "Sergey Lavrov (Rusya Dışişleri Bakanı)"
    assert baku["agreements"] == "10 Kasım 2020 Üçlü Bildirisi"
    assert baku["sources"] == "000_baku.txt"
    assert undated["review_reasons"] == "date_unknown; possible_duplicate"
    record = next(
        r
        for r in jsonl_records(download(client, MEETINGS, "jsonl", {}))
        if r["id"] == world.baku.pk
    )
    host = next(p for p in record["participants"] if p["role"] == "host")
    assert host == {
        "person_id": world.aliyev.pk,
        "person_slug": "ilham-aliyev",
        "person_url": "http://testserver/people/ilham-aliyev/",
        "name": "İlham Aliyev",
        "name_as_written": "İlham Aliyev",
        "role": "host",
        "title": "Azerbaycan Cumhurbaşkanı",
    }


def test_a_statement_row_links_to_its_place_on_the_meeting_page_and_its_source(client, world):
    (row,) = [
        r
        for r in jsonl_records(download(client, STATEMENTS, "jsonl", {}))
        if r["id"] == world.aliyev_quote.pk
    ]
    assert row["url"] == (
        f"http://testserver{world.baku.get_absolute_url()}#statement-{world.aliyev_quote.pk}"
    )
    assert (row["speaker"], row["speaker_as_written"], row["direct"]) == (
        "İlham Aliyev",
        "Aliyev",
        True,
    )
    assert (row["span_start"], row["span_end"]) == (
        world.aliyev_quote.span_start,
        world.aliyev_quote.span_end,
    )
    assert row["source"] == "000_baku.txt"


def test_an_editors_corrections_are_what_the_rows_hold(client, world):
    world.baku.title = "Aliyev, Lavrov'u kabul etti"
    world.baku.lock("title")
    world.baku.save()
    quote = Statement.objects.get(pk=world.lavrov_quote.pk)
    quote.speaker = world.novak  # the editor found the quote was Novak's
    quote.lock("speaker")
    quote.save()
    rows = {r["slug"]: r for r in csv_rows(download(client, MEETINGS, "csv", {}))}
    assert rows[world.baku.slug]["title"] == "Aliyev, Lavrov'u kabul etti"
    statements = {int(r["id"]): r for r in csv_rows(download(client, STATEMENTS, "csv", {}))}
    assert statements[quote.pk]["speaker"] == "Aleksandr Novak"
    assert statements[quote.pk]["speaker_as_written"] == "Lavrov"  # as the article wrote it


def test_the_english_download_links_english_pages_and_names_countries_in_english(client, world):
    rows = csv_rows(client.get("/en/meetings/download.csv", {"country": "rusya"}))
    assert [r["slug"] for r in rows] == [world.moscow.slug]
    assert rows[0]["url"] == f"http://testserver/en/meetings/{world.moscow.slug}/"
    assert rows[0]["country"] == "Russia"


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_defused_in_csv_only(client, world):
    world.moscow.title = '=HYPERLINK("http://example.com","tıkla")'
    world.moscow.save()
    rows = csv_rows(download(client, MEETINGS, "csv", {"country": "rusya"}))
    assert rows[0]["title"] == "'" + world.moscow.title
    records = jsonl_records(download(client, MEETINGS, "jsonl", {"country": "rusya"}))
    assert records[0]["title"] == world.moscow.title


def test_the_file_is_named_after_the_list(client, world):
    disposition = download(client, STATEMENTS, "jsonl", {})["Content-Disposition"]
    assert disposition.startswith('attachment; filename="statements-')
    assert disposition.endswith('.jsonl"')


def test_a_search_download_holds_the_searchs_ranked_hits(client, world):
    hits = search_meetings("lavrov")
    assert len(hits.ids) == 3
    rows = csv_rows(download(client, MEETINGS, "csv", {"q": "lavrov"}))
    assert [int(r["id"]) for r in rows] == hits.ids


@pytest.mark.parametrize(("list_url", "n"), [(MEETINGS, 3), (MEETINGS, 40), (STATEMENTS, 40)])
def test_related_rows_are_read_per_batch_not_per_row(client, world, list_url, n):
    """As many queries for 40 more meetings (each with people and a statement) as for none."""
    with CaptureQueriesContext(connection) as few:
        body(download(client, list_url, "csv", {}))
    for _ in range(n):
        meeting = MeetingFactory(country=world.az)
        ParticipationFactory(meeting=meeting, person=world.lavrov)
        StatementFactory(meeting=meeting, speaker=world.aliyev)
    with CaptureQueriesContext(connection) as many:
        body(download(client, list_url, "csv", {}))
    assert len(many) == len(few)


@pytest.mark.parametrize(
    "url_name",
    ["meetings:meeting-list", "meetings:person-list", "meetings:agreement-list"]
    + ["meetings:statement-list"],
)
def test_each_list_page_links_its_downloads_with_its_query_string(client, world, url_name):
    url = reverse(url_name)
    page = client.get(url, {"q": "lavrov", "page": "1"}).content.decode()
    assert f'href="{url}download.csv?q=lavrov&amp;page=1"' in page
    assert f'href="{url}download.jsonl?q=lavrov&amp;page=1"' in page


def test_the_english_list_links_the_english_download(client, world):
    page = client.get("/en/people/").content.decode()
    assert 'href="/en/people/download.csv"' in page


def test_a_format_nobody_offers_is_not_found(client, world):
    assert client.get(MEETINGS + "download.xlsx").status_code == 404


def test_the_download_line_speaks_the_pages_language(client, world):
    assert "Bu listeyi indirin:" in client.get(MEETINGS).content.decode()
    assert "Download this list:" in client.get("/en/meetings/").content.decode()
