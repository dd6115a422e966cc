"""What comes in: encodings, empty and binary files, line ends, spaces, the date header."""

from __future__ import annotations

import hashlib

import pytest

from meetings.extraction import ExtractionError, extract
from meetings.extraction.normalise import decode

from .helpers import assert_spans_match

ARTICLE = (
    "Gürcistan Dışişleri Bakanı İlia Darçiaşvili, Azerbaycan Dışişleri Bakanı Ceyhun "
    "Bayramov'u Tiflis'te kabul etti.\n\n"
    'Darçiaşvili, "Şimdi ortak projelerimizi hızlandırma zamanı" dedi.\n'
)


def _reads_the_article(raw: bytes | str) -> None:
    article = extract(raw, "x.txt")
    assert_spans_match(article)
    [meeting] = article.meetings
    assert {p.name: p.role for p in meeting.participants} == {
        "İlia Darçiaşvili": "host",
        "Ceyhun Bayramov": "guest",
    }
    assert meeting.location and meeting.location.name == "Tiflis"
    assert meeting.statements[0].text == "Şimdi ortak projelerimizi hızlandırma zamanı"


@pytest.mark.parametrize(
    "raw",
    [
        ARTICLE.encode("utf-8"),
        b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-16"),  # with its BOM
        b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("cp1254"),
        ARTICLE.encode("iso-8859-9"),
        ARTICLE.encode("utf-16-le"),  # no BOM: told by its zero bytes
        ARTICLE,
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "cp1254", "iso8859-9", "utf16le", "str"],
)
def test_every_encoding_reads_the_same(raw: bytes | str) -> None:
    _reads_the_article(raw)


def test_the_bom_is_not_part_of_the_text() -> None:
    article = extract(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    assert article.text.startswith("Gürcistan")


def test_cp1254_turkish_letters_survive() -> None:
    article = extract(ARTICLE.encode("cp1254"))
    assert "Darçiaşvili" in article.text and "İlia" in article.text


@pytest.mark.parametrize(
    "raw",
    [b"", b"   \n\n  \t ", "", "\n\n"],
    ids=["empty-bytes", "blank-bytes", "empty-str", "blank-str"],
)
def test_empty_input_is_refused(raw: bytes | str) -> None:
    with pytest.raises(ExtractionError, match="empty"):
        extract(raw)


@pytest.mark.parametrize(
    "raw",
    [
        bytes(range(256)) * 8,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + b"\x00\x07" * 200,
        b"%PDF-1.7\n\x00\x01\x02\x03\x04\x05" * 50,
    ],
    ids=["all-bytes", "png", "pdf"],
)
def test_binary_input_is_refused_with_a_clear_error(raw: bytes) -> None:
    with pytest.raises(ExtractionError, match="binary|undecodable"):
        extract(raw)


def test_broken_utf16_after_its_bom_is_refused() -> None:
    with pytest.raises(ExtractionError, match="undecodable"):
        extract(b"\xff\xfe" + b"\x00\xd8" + b"a\x00")  # a lone high surrogate


def test_not_text_at_all_is_refused() -> None:
    with pytest.raises(ExtractionError):
        extract(12345)  # type: ignore[arg-type]


def test_crlf_and_cr_line_ends_are_plain_newlines() -> None:
    for newline in ("\r\n", "\r"):
        article = extract(ARTICLE.replace("\n", newline).encode("utf-8"))
        assert "\r" not in article.text
        assert article.text == extract(ARTICLE).text


def test_non_breaking_spaces_are_spaces() -> None:
    article = extract(ARTICLE.replace(" ", "\u00a0", 5))
    assert "\u00a0" not in article.text
    assert article.text == extract(ARTICLE).text


def test_hard_line_breaks_and_blank_runs_are_unwrapped() -> None:
    wrapped = ARTICLE.replace("Ceyhun ", "Ceyhun\n").replace("\n\n", "\n\n\n\n\n\n")
    article = extract(wrapped)
    assert article.text == extract(ARTICLE).text
    assert "\n\n\n" not in article.text


def test_a_blank_line_inside_a_sentence_does_not_split_it() -> None:
    # As in the seeds: the break falls before a lower-case word after an unfinished line.
    broken = ARTICLE.replace("Tiflis'te kabul", "Tiflis'te \n\n\n\nkabul")
    article = extract(broken)
    assert "Bayramov'u Tiflis'te kabul etti." in article.text
    assert article.meetings[0].participants[1].name == "Ceyhun Bayramov"


@pytest.mark.parametrize(
    ("header", "iso", "precision"),
    [
        ("date 2021-03\n", "2021-03", "month"),
        ("date 2021-03-09\n", "2021-03-09", "day"),
        (" date 2021-03 ", "2021-03", "month"),  # on the same line as the first sentence
        ("date 2021-03-09 ", "2021-03-09", "day"),
    ],
)
def test_the_date_header(header: str, iso: str, precision: str) -> None:
    article = extract(header + ARTICLE)
    assert article.source.date.iso() == iso
    assert article.source.date.precision == precision
    assert article.meetings[0].date.iso() == iso
    assert article.text.startswith("Gürcistan")
    assert article.source.title.startswith("Gürcistan Dışişleri Bakanı")
    assert "no date in the article" not in article.warnings


def test_an_impossible_header_date_is_ignored_with_a_warning() -> None:
    article = extract("date 2021-13-40 " + ARTICLE)
    assert article.source.date.precision == "unknown"
    assert any("not a real date" in w for w in article.warnings)


def test_sha256_is_of_the_bytes_as_given() -> None:
    raw = ARTICLE.encode("cp1254")
    assert extract(raw).source.sha256 == hashlib.sha256(raw).hexdigest()


def test_the_title_is_the_first_paragraph_trimmed() -> None:
    article = extract("  Başlık: iki bakan görüştü  \n\n" + ARTICLE)
    assert article.source.title == "Başlık: iki bakan görüştü"


def test_st_and_dr_do_not_end_sentences() -> None:
    text = (
        "Rusya Dışişleri Bakanı Sergey Lavrov, St. Petersburg'da Çin Dışişleri Bakanı Wang Yi "
        'ile görüştü. Dr. Wang, "İlişkilerimiz güçleniyor. Yeni adımlar atacağız" dedi.'
    )
    article = extract(text)
    [meeting] = article.meetings
    assert meeting.location and meeting.location.name == "St. Petersburg"
    assert meeting.location.country == "Rusya"
    assert meeting.statements[0].speaker == "Wang Yi"


def test_an_html_page_is_read_as_its_visible_text() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Site</title><script>alert(1)</script>"
        "<style>p{color:red}</style></head><body><h1>Aliyev, Lavrov&#39;u kabul etti</h1>"
        "<p>Azerbaycan Cumhurbaşkanı İlham Aliyev, Bakü&apos;de Rusya Dışişleri Bakanı "
        "Sergey Lavrov&#39;u kabul etti.</p></body></html>"
    )
    result = extract(page.encode("utf-8"), "page.html")
    assert "<" not in result.text and "alert" not in result.text and "color" not in result.text
    assert result.text.startswith("Aliyev, Lavrov'u kabul etti\n\nAzerbaycan Cumhurbaşkanı")
    assert "the file is an HTML page: its markup was removed" in result.warnings
    host = result.meetings[0].participants[0]
    assert (host.name, host.role) == ("İlham Aliyev", "host")
    assert_spans_match(result)


def test_prose_that_mentions_a_tag_is_kept_verbatim() -> None:
    text = (
        "Türkiye Dışişleri Bakanı Hakan Fidan, Ankara'da Macaristan Dışişleri Bakanı Peter "
        'Szijjarto ile görüştü. Fidan, "<script>alert(1)</script> bir saldırı değildir" dedi.'
    )
    result = extract(text)
    assert "<script>alert(1)</script>" in result.text
    assert not any("HTML" in w for w in result.warnings)


# Honest decoding: what cannot be read exactly is read as well as it can be, and said. -----------

STRAY_LINE = "Görüşme sıcak bir ortamda geçti.\n"


@pytest.mark.parametrize("stray", [b"\xff", b"\x81", b"\xc3"], ids=["ff", "c1-81", "cut-c3"])
def test_one_stray_byte_in_utf8_is_replaced_with_a_warning(stray: bytes) -> None:
    raw = ARTICLE.encode("utf-8") + STRAY_LINE.replace("sıcak ", "sıcak X").encode("utf-8")
    raw = raw.replace(b"X", stray)
    _reads_the_article(raw)
    article = extract(raw)
    assert "sıcak \ufffdbir ortamda" in article.text
    assert "Ã" not in article.text and "Å" not in article.text
    assert "decoding: 1 byte that is not UTF-8 was replaced by '\ufffd' (line 4)" in (
        article.warnings
    )


def test_half_utf8_half_cp1254_reads_each_part_with_a_warning() -> None:
    first, second = ARTICLE.split("\n\n")
    for raw in (
        first.encode("utf-8") + b"\n\n" + second.encode("cp1254"),
        first.encode("cp1254") + b"\n\n" + second.encode("utf-8"),
    ):
        _reads_the_article(raw)
        article = extract(raw)
        assert "Ã" not in article.text and "Å" not in article.text and "\ufffd" not in article.text
        assert any(w.startswith("decoding: mixed encodings") for w in article.warnings)


def test_utf8_once_misread_as_cp1254_is_repaired_with_a_warning() -> None:
    first = ARTICLE.split("\n\n")[0]  # cp1254 has no byte 0x9E, which "Ş" needs
    raw = first.encode("utf-8").decode("cp1254").encode("utf-8")  # "GÃ¼rcistan"
    article = extract(raw)
    assert article.text == first
    assert [p.name for p in article.meetings[0].participants] == [
        "İlia Darçiaşvili",
        "Ceyhun Bayramov",
    ]
    assert any("read as cp1254" in w for w in article.warnings)


def test_the_letters_a_mixed_file_gives_are_turkish() -> None:
    raw = "Bakü'de\n".encode() + "Bakü'de\n".encode("cp1254") + "İlham Aliyev\n".encode()
    assert decode(raw) == "Bakü'de\nBakü'de\nİlham Aliyev\n"


@pytest.mark.parametrize(
    "raw",
    [ARTICLE.encode("utf-8"), ARTICLE.encode("cp1254"), ARTICLE.encode("utf-16")],
    ids=["utf8", "cp1254", "utf16"],
)
def test_a_file_in_one_encoding_gets_no_decoding_warning(raw: bytes) -> None:
    assert not any(w.startswith("decoding:") for w in extract(raw).warnings)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1254"])
def test_nul_bytes_are_removed_with_a_warning(encoding: str) -> None:
    raw = ARTICLE.replace("Tiflis", "Tif\x00lis").encode(encoding) + b"\x00\x00"
    _reads_the_article(raw)
    article = extract(raw)
    assert "\x00" not in decode(raw)
    assert "decoding: 3 NUL bytes were removed" in article.warnings
