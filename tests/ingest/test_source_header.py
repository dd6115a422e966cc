"""Where an article was published: the header block at the top of a file.

A file may open with a block between two "---" lines giving its outlet, URL, publication date
and title. The importer stores them on the Article, a changed header updates them, and a bad
value is left out with one warning line naming the file and the field while the article still
imports. The block is not part of the text spans point into.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from meetings.extraction import extract
from meetings.extraction.normalise import Header, split_header, with_header
from meetings.extraction.records import PartialDate
from meetings.models import Article, Meeting

BODY = (
    "Moldova Dışişleri Bakanı Ana Ceban, Gürcistan Dışişleri Bakanı Levan Abaşidze'yi "
    "Kişinev'de kabul etti.\n\n"
    'Ceban, "Karadeniz ticaretinde yeni bir dönem açıyoruz" dedi.\n'
)
HEADER = (
    "---\n"
    "outlet: Karadeniz Haber Ajansı\n"
    "url: https://haber.example.org/2024/11/ceban-abasidze\n"
    "date: 2024-11-05\n"
    "title: Ceban, Abaşidze'yi Kişinev'de ağırladı\n"
    "---\n"
)


def _import(tmp_path, text: str, name: str = "ceban.txt") -> tuple[str, str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out, err = StringIO(), StringIO()
    call_command("import_articles", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


# --- extraction ---------------------------------------------------------------------------


def test_the_header_block_gives_outlet_url_date_and_title() -> None:
    source = extract(HEADER + BODY, filename="ceban.txt").source
    assert source.outlet == "Karadeniz Haber Ajansı"
    assert source.url == "https://haber.example.org/2024/11/ceban-abasidze"
    assert (source.date.iso(), source.date.precision) == ("2024-11-05", "day")
    assert source.title == "Ceban, Abaşidze'yi Kişinev'de ağırladı"


def test_the_block_is_not_in_the_text_and_every_span_still_points_at_its_words() -> None:
    plain = extract(BODY)
    headed = extract(HEADER + BODY)
    assert headed.text == plain.text
    assert "outlet" not in headed.text and "---" not in headed.text
    host = headed.meetings[0].participants[0]
    assert [headed.text[s:e] for s, e in host.spans] == [plain.text[s:e] for s, e in host.spans]
    assert headed.text[slice(*host.spans[0])] == "Ana Ceban"
    quote = headed.meetings[0].statements[0]
    assert headed.text[slice(*quote.span)] == quote.text


def test_the_header_date_dates_a_meeting_the_text_does_not() -> None:
    meeting = extract(HEADER + BODY).meetings[0]
    assert meeting.date.iso() == "2024-11-05"


def test_the_one_line_date_header_still_works() -> None:
    article = extract(" date 2020-11 " + BODY)
    assert article.source.date.iso() == "2020-11"
    assert article.source.outlet is None and article.source.url is None
    assert article.text.startswith("Moldova")


def test_a_month_or_a_year_is_a_partial_date() -> None:
    month = extract(HEADER.replace("2024-11-05", "2024-11") + BODY).source.date
    year = extract(HEADER.replace("2024-11-05", "2024") + BODY).source.date
    assert (month.iso(), month.precision) == ("2024-11", "month")
    assert (year.iso(), year.precision) == ("2024", "year")


def test_field_names_in_any_case_windows_line_ends_and_blank_lines_are_read() -> None:
    text = "\r\n\r\n---\r\nOutlet:  Ajans  Kuzey \r\n\r\nURL: http://kuzey.example/a\r\n---\r\n"
    source = extract(text + BODY).source
    assert (source.outlet, source.url) == ("Ajans Kuzey", "http://kuzey.example/a")


@pytest.mark.parametrize(
    ("line", "warning"),
    [
        ("url: ftp://haber.example.org/a", "the url 'ftp://haber.example.org/a' is not an http"),
        ("url: javascript:alert(1)", "the url 'javascript:alert(1)' is not an http"),
        ("url: https://", "the url 'https://' is not a valid address"),
        ("url: https://example.org:port/", "is not a valid address"),
        ("date: 2024-13-05", "the date '2024-13-05' is not a date"),
        ("date: 5 Kasım 2024", "the date '5 Kasım 2024' is not a date"),
        ("outlet: " + "A" * 201, "the outlet is 201 characters long, more than 200"),
        ("title: " + "B" * 501, "the title is 501 characters long, more than 500"),
    ],
)
def test_a_bad_value_is_left_out_with_a_warning_naming_the_field(line, warning) -> None:
    field = line.split(":")[0]
    good = "title: Kuzey'den haber" if field == "outlet" else "outlet: Kuzey Ajansı"
    article = extract(f"---\n{good}\n{line}\n---\n" + BODY)
    assert any(w.startswith("header: ") and warning in w for w in article.warnings), (
        article.warnings
    )
    value = getattr(article.source, field)
    if field == "date":
        assert value.precision == "unknown" or value.iso() != "2024-13-05"
    elif field == "outlet":
        assert value is None
    elif field == "title":
        assert value.startswith("Moldova")  # the headline, as without a header
    else:
        assert value is None
    if field == "outlet":
        assert article.source.title == "Kuzey'den haber"  # the good values still count
    else:
        assert article.source.outlet == "Kuzey Ajansı"
    assert article.meetings and "outlet" not in article.text


def test_an_unknown_field_and_a_repeated_one_are_warned_about() -> None:
    text = "---\noutlet: Bir\noutlet: İki\nyazar: Biri\n---\n" + BODY
    article = extract(text)
    assert article.source.outlet == "Bir"
    assert any("the outlet is given twice" in w for w in article.warnings)
    assert any("'yazar: Biri' is not one of the fields" in w for w in article.warnings)


def test_an_unclosed_block_is_read_as_text_with_a_warning() -> None:
    article = extract("---\noutlet: Bir\n\n" + BODY)
    assert article.source.outlet is None
    assert any("no '---' line closes the header block" in w for w in article.warnings)
    assert article.meetings


def test_a_text_without_a_block_comes_back_unchanged() -> None:
    assert split_header(BODY) == (Header(), BODY, [])


def test_with_header_writes_a_block_that_reads_back_and_replaces_the_old_one() -> None:
    given = Header(url="https://yeni.example/b", date=PartialDate.unknown())
    text = with_header(HEADER + BODY, given)
    header, rest, warnings = split_header(text)
    assert warnings == []
    assert header.url == "https://yeni.example/b"
    assert header.outlet == "Karadeniz Haber Ajansı"  # kept from the old block
    assert header.date.iso() == "2024-11-05"
    assert rest == BODY
    assert text.count("---\n") == 2


# --- import -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_importer_stores_the_header(tmp_path) -> None:
    out, err = _import(tmp_path, HEADER + BODY)
    assert err == ""
    article = Article.objects.get()
    assert article.outlet == "Karadeniz Haber Ajansı"
    assert article.url == "https://haber.example.org/2024/11/ceban-abasidze"
    assert (article.date.isoformat(), article.date_precision) == ("2024-11-05", "day")
    assert article.title == "Ceban, Abaşidze'yi Kişinev'de ağırladı"
    assert article.raw_text.startswith("---\noutlet:")  # the file as it was, for re-reading
    assert not article.text.startswith("---")


@pytest.mark.django_db
def test_a_changed_header_updates_the_article_on_reimport(tmp_path) -> None:
    _import(tmp_path, HEADER + BODY)
    meeting = Meeting.objects.get()
    changed = HEADER.replace("Karadeniz Haber Ajansı", "Kuzey Gazetesi").replace(
        "https://haber.example.org/2024/11/ceban-abasidze", "https://kuzey.example/ceban"
    )
    out, _err = _import(tmp_path, changed + BODY)
    assert "1 updated" in out
    article = Article.objects.get()
    assert (article.outlet, article.url) == ("Kuzey Gazetesi", "https://kuzey.example/ceban")
    assert Meeting.objects.get().pk == meeting.pk  # the same records, updated


@pytest.mark.django_db
def test_a_header_taken_away_clears_what_it_gave(tmp_path) -> None:
    _import(tmp_path, HEADER + BODY)
    _import(tmp_path, BODY)
    article = Article.objects.get()
    assert (article.outlet, article.url) == ("", "")


@pytest.mark.django_db
def test_a_bad_url_is_one_warning_line_naming_the_file_and_the_article_imports(tmp_path) -> None:
    text = HEADER.replace("https://haber.example.org/2024/11/ceban-abasidze", "ftp://x.org/a")
    out, err = _import(tmp_path, text + BODY)
    lines = [line for line in out.splitlines() if "warning" in line]
    assert len(lines) == 1
    assert lines[0].startswith(str(tmp_path / "ceban.txt") + ": warning: header: the url")
    assert err == ""
    article = Article.objects.get()
    assert article.url == "" and article.outlet == "Karadeniz Haber Ajansı"
    assert Meeting.objects.count() == 1


@pytest.mark.django_db
def test_a_malformed_date_is_warned_about_and_the_text_dates_nothing(tmp_path) -> None:
    out, _err = _import(tmp_path, HEADER.replace("2024-11-05", "2024-02-30") + BODY)
    assert "ceban.txt: warning: header: the date '2024-02-30' is not a date" in out
    article = Article.objects.get()
    assert article.date is None and article.date_precision == "unknown"
