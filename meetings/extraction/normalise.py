"""Bytes to clean article text: encoding detection, line unwrapping, the optional headers.

The normalised text is what every span points into, so everything that changes characters
happens here, once, before any reading.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .markup import html_to_text, looks_like_html
from .records import ExtractionError, PartialDate

MARKUP_REMOVED = "the file is an HTML page: its markup was removed"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# One pass for the rare characters: odd spaces become spaces, invisible and control ones go.
_ODD_CHARACTERS = re.compile(
    f"{_SPACES.pattern}|{_INVISIBLE.pattern}|[\x00-\x09\x0b-\x1f\x7f-\x9f]"
)
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# Typographic apostrophes inside a word become the ASCII one, so "Tiflis’te" reads as "Tiflis'te".
_APOSTROPHE = re.compile(r"(?<=[^\W_])[’‘`´ʼ](?=[^\W_])")
_HEADER = re.compile(r"\A\s*date[ \t:]+(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?![\d-])[ \t]*", re.I)
_SENTENCE_END = re.compile(r"[.!?…:\"”»)]\s*\Z")


@dataclass(frozen=True)
class Header:
    """What an article's header block says about where and when it was published."""

    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    date: PartialDate = field(default_factory=PartialDate.unknown)


@dataclass
class Normalised:
    """The article text after normalisation, its paragraphs and what the headers said."""

    text: str
    paragraphs: list[tuple[int, int]]
    header_date: PartialDate = field(default_factory=PartialDate.unknown)
    warnings: list[str] = field(default_factory=list)
    header: Header = field(default_factory=Header)


DECODING = "decoding: "  # how every warning about decoding starts
_NUL_SHARE = 0.1  # more zero bytes than this, outside UTF-16, and the file is binary
# A valid UTF-8 sequence beyond ASCII: there is UTF-8 in the bytes.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_STRAY = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as surrogateescape keeps it
# UTF-8 once misread as cp1254: "Ã¼" for "ü", "ÅŸ" for "ş", "â€™" for "’".
_CONTINUATION = "".join(
    bytes([b]).decode("cp1254")
    for b in range(0x80, 0xC0)
    if b not in b"\x81\x8d\x8e\x8f\x90\x9d\x9e"
)
_MOJIBAKE = re.compile(f"[ÂÃÄÅ][{re.escape(_CONTINUATION)}]|â[{re.escape(_CONTINUATION)}]{{2}}")


def decode(raw: bytes) -> str:
    """The article's text from its bytes (``decode_with_warnings`` without the warnings)."""
    return decode_with_warnings(raw)[0]


def decode_with_warnings(raw: bytes) -> tuple[str, list[str]]:
    """Decode article bytes: BOMs, then UTF-8, then UTF-16 by its zero bytes, then cp1254.

    What cannot be read exactly is read as well as it can be, with a warning for each
    repair (returned beside the text): NUL bytes are removed, a stray byte in UTF-8 becomes
    U+FFFD, each line of a file in both UTF-8 and cp1254 is read in its own encoding, and
    UTF-8 once misread as cp1254 ("BakÃ¼") is put right.
    """
    if not raw or not raw.strip():
        raise ExtractionError("empty input: the article has no text")
    warnings: list[str] = []
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ExtractionError(
                    f"undecodable input: broken {encoding} after its BOM"
                ) from exc
            return _without_nul_characters(text, warnings), warnings
    nuls = raw.count(0)
    if nuls:
        utf16 = _utf16_without_bom(raw)
        if utf16 is not None:
            return _without_nul_characters(utf16, warnings), warnings
        if nuls > len(raw) * _NUL_SHARE:
            raise ExtractionError("binary input: zero bytes in a file that is not UTF-16")
        raw = raw.replace(b"\x00", b"")
        warnings.append(f"{DECODING}{_count(nuls, 'NUL byte')} removed")
    try:
        text = _repair_mojibake(raw.decode("utf-8"), warnings)
    except UnicodeDecodeError:
        text = _decode_8bit(raw, warnings)
    return text, warnings


def _count(n: int, thing: str) -> str:
    return f"{n} {thing} was" if n == 1 else f"{n} {thing}s were"


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:5])) + (", …" if len(numbers) > 5 else "")
    return f"line {shown}" if len(numbers) == 1 else f"lines {shown}"


def _without_nul_characters(text: str, warnings: list[str]) -> str:
    nuls = text.count("\x00")
    if nuls:
        warnings.append(f"{DECODING}{_count(nuls, 'NUL character')} removed")
        text = text.replace("\x00", "")
    return text


def _cp1254(raw: bytes) -> str:
    try:
        return raw.decode("cp1254")
    except UnicodeDecodeError:
        # The five bytes cp1254 leaves undefined are C1 controls in ISO-8859-9.
        return raw.decode("iso-8859-9")


def _decode_8bit(raw: bytes, warnings: list[str]) -> str:
    """Bytes that are not all UTF-8: cp1254, or UTF-8 with stray bytes, or some of each.

    Without any UTF-8 sequence the file is cp1254. Otherwise each line is read in the
    encoding most of its bytes beyond ASCII fit (the file's, on a tie): a stray byte in
    a UTF-8 line becomes U+FFFD, and a cp1254 line among UTF-8 ones is read as cp1254.
    """
    if not _UTF8_SEQUENCE.search(raw):
        return _cp1254(raw)
    lines = raw.splitlines(keepends=True)
    counts = [
        (len(_UTF8_SEQUENCE.findall(line)), len(_STRAY.findall(_escaped(line)))) for line in lines
    ]
    utf8_file = sum(valid for valid, _ in counts) >= sum(stray for _, stray in counts)
    parts: list[str] = []
    stray_lines: list[int] = []
    cp1254_lines: list[int] = []
    utf8_letters = False
    strays = 0
    for number, (line, (valid, stray)) in enumerate(zip(lines, counts, strict=True), start=1):
        if not stray:
            parts.append(line.decode("utf-8"))
            utf8_letters = utf8_letters or valid > 0
        elif valid > stray or (valid == stray and utf8_file):
            parts.append(_STRAY.sub("\ufffd", _escaped(line)))
            stray_lines.append(number)
            strays += stray
            utf8_letters = True
        else:
            parts.append(_cp1254(line))
            cp1254_lines.append(number)
    if stray_lines:
        warnings.append(
            f"{DECODING}{strays} byte{' that is' if strays == 1 else 's that are'} not UTF-8 "
            f"{'was' if strays == 1 else 'were'} replaced by '\ufffd' ({_lines(stray_lines)})"
        )
    if cp1254_lines and utf8_letters:
        warnings.append(
            f"{DECODING}mixed encodings: {_lines(cp1254_lines)} read as cp1254, the rest as UTF-8"
        )
    return "".join(parts)


def _escaped(line: bytes) -> str:
    return line.decode("utf-8", "surrogateescape")


def _repair_mojibake(text: str, warnings: list[str]) -> str:
    """Put right UTF-8 that was once misread as cp1254 and saved again ("BakÃ¼" for "Bakü")."""
    if not _MOJIBAKE.search(text):
        return text
    repaired = 0

    def repair(match: re.Match[str]) -> str:
        nonlocal repaired
        try:
            char = match.group().encode("cp1254").decode("utf-8")
        except UnicodeError:
            return match.group()
        if not ("\u00a0" <= char <= "\u024f" or "\u2010" <= char <= "\u206f"):
            return match.group()  # "İ”" is a Turkish letter and a quote, not Arabic
        repaired += 1
        return char

    text = _MOJIBAKE.sub(repair, text)
    if repaired:
        warnings.append(
            f"{DECODING}{_count(repaired, 'character')} UTF-8 once read as cp1254 "
            "(as in 'Ã¼' for 'ü') and put right"
        )
    return text


def _utf16_without_bom(raw: bytes) -> str | None:
    if len(raw) < 4 or len(raw) % 2:
        return None
    sample = raw[:4096]
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    # Text in Latin script has a zero in nearly every high byte.
    if odd_zeros > half * 0.3 and even_zeros < half * 0.05:
        encoding = "utf-16-le"
    elif even_zeros > half * 0.3 and odd_zeros < half * 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def check_text(text: str) -> None:
    """Refuse text that is empty or looks like binary data decoded by accident."""
    sample = text[:8192]
    if not sample.strip():
        raise ExtractionError("empty input: the article has no text")
    controls = len(_CONTROLS.findall(sample.replace("\n", "").replace("\r", "").replace("\t", "")))
    if controls > max(2, len(sample) // 50):
        raise ExtractionError("binary input: too many control characters for an article")


def normalise(text: str) -> Normalised:
    """Clean decoded text: one kind of newline and space, unwrapped lines, headers taken off.

    The header block and the one-line date header are not part of the normalised text, so
    spans point into the article itself.
    """
    header, text, warnings = split_header(text)
    if looks_like_html(text):
        text = html_to_text(text)
        warnings.append(MARKUP_REMOVED)
    text = _SURROGATES.sub("\ufffd", text)
    text = _NEWLINES.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    text = _ODD_CHARACTERS.sub(_replace_odd, text)
    text = _APOSTROPHE.sub("'", text)

    header_date = header.date
    match = _HEADER.match(text)
    if match:
        one_line = _header_date(match, warnings)
        header_date = header_date if header_date.value else one_line
        text = text[match.end() :]

    paragraphs = _paragraphs(text)
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in paragraphs:
        if out:
            pos += 2
        spans.append((pos, pos + len(para)))
        out.append(para)
        pos += len(para)
    result = "\n\n".join(out)
    if not re.search(r"[^\W_]", result):
        raise ExtractionError("empty input: the article has no words")
    return Normalised(result, spans, header_date, warnings, header)


def _replace_odd(match: re.Match[str]) -> str:
    return " " if _SPACES.match(match.group()) else ""


def _header_date(match: re.Match[str], warnings: list[str]) -> PartialDate:
    year, month = int(match[1]), int(match[2])
    day = int(match[3]) if match[3] else None
    try:
        if day is None:
            return PartialDate(dt.date(year, month, 1), "month")
        return PartialDate(dt.date(year, month, day), "day")
    except ValueError:
        warnings.append(f"the date header {match.group(0).strip()!r} is not a real date; ignored")
        return PartialDate.unknown()


def _paragraphs(text: str) -> list[str]:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    blocks: list[list[str]] = [[]]
    has_blank = any(not line for line in lines[1:-1]) if len(lines) > 2 else False
    for line in lines:
        if not line:
            if blocks[-1]:
                blocks.append([])
            continue
        if not has_blank and blocks[-1]:
            # Without blank lines in the file, each line is its own paragraph.
            blocks.append([])
        blocks[-1].append(line)
    paragraphs = [" ".join(block) for block in blocks if block]
    merged: list[str] = []
    for para in paragraphs:
        # A blank line inside a sentence (no end mark, next word lower case) is not a break.
        if merged and not _SENTENCE_END.search(merged[-1]) and para[:1].islower():
            merged[-1] = f"{merged[-1]} {para}"
        else:
            merged.append(para)
    return merged


# The header block ---------------------------------------------------------------------------
# An optional block at the very top of a file, between two "---" lines, one "field: value" a
# line: where the article was published. See the README, "Sources: the header block".
HEADER = "header: "  # how every warning about the header block starts
HEADER_FIELDS = ("outlet", "url", "date", "title")
OUTLET_MAX, URL_MAX, TITLE_MAX = 200, 1000, 500  # what the Article columns hold
_HEADER_MAX_LINES = 20  # a "---" with no closing one this near is not a header block
_FENCE = re.compile(r"[ \t]*---[ \t]*")
_FIELD_LINE = re.compile(r"[ \t]*([^\W\d][\w-]*)[ \t]*:[ \t]*(.*)")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def split_header(text: str) -> tuple[Header, str, list[str]]:
    """The header block at the top of text, the text after it, and one warning per problem.

    A bad value (a URL that is not http(s), a date that is not one, a value too long for its
    column) is left out with a warning naming the field; the rest of the block still counts.
    Text that does not open with a "---" line has no block and comes back as it was.
    """
    if not text.lstrip(" \t\r\n\ufeff").startswith("---"):
        return Header(), text, []  # most articles: no block, and no copy of a long text
    lines = _NEWLINES.sub("\n", text).split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip(" \t\ufeff")), None)
    if first is None or not _FENCE.fullmatch(lines[first].strip("\ufeff")):
        return Header(), text, []
    end = next(
        (
            i
            for i in range(first + 1, min(len(lines), first + 2 + _HEADER_MAX_LINES))
            if _FENCE.fullmatch(lines[i])
        ),
        None,
    )
    if end is None:
        return (
            Header(),
            text,
            [
                f"{HEADER}a '---' line opens the file but no '---' line closes "
                "the header block; it was read as text"
            ],
        )
    values, warnings = _header_values(lines[first + 1 : end])
    return _header(values, warnings), "\n".join(lines[end + 1 :]), warnings


def _header_values(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """The block's fields by name (the first of each), with warnings for the odd lines."""
    values: dict[str, str] = {}
    warnings: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        match = _FIELD_LINE.fullmatch(line)
        name = match[1].lower() if match else ""
        if name not in HEADER_FIELDS:
            shown = line.strip()[:60]
            warnings.append(
                f"{HEADER}the line {shown!r} is not one of the fields "
                f"{', '.join(HEADER_FIELDS)}; ignored"
            )
        elif name in values:
            warnings.append(f"{HEADER}the {name} is given twice; the first one is kept")
        else:
            value = unicodedata.normalize("NFC", _ODD_CHARACTERS.sub(_replace_odd, match[2]))
            values[name] = " ".join(value.split())
    return values, warnings


def _header(values: dict[str, str], warnings: list[str]) -> Header:
    """The Header the values make, each bad value left out with a warning."""
    outlet = _short_enough("outlet", values.get("outlet"), OUTLET_MAX, warnings)
    title = _short_enough("title", values.get("title"), TITLE_MAX, warnings)
    url = values.get("url") or None
    if url is not None:
        problem = url_problem(url)
        if problem:
            warnings.append(f"{HEADER}the url {url[:80]!r} {problem}; ignored")
            url = None
    date = PartialDate.unknown()
    if values.get("date"):
        date = parse_partial_date(values["date"])
        if date.value is None:
            warnings.append(
                f"{HEADER}the date {values['date'][:40]!r} is not a date written "
                "YYYY-MM-DD, YYYY-MM or YYYY; ignored"
            )
    return Header(outlet, url, title, date)


def _short_enough(name: str, value: str | None, limit: int, warnings: list[str]) -> str | None:
    if value and len(value) > limit:
        warnings.append(
            f"{HEADER}the {name} is {len(value):,} characters long, more than {limit}; ignored"
        )
        return None
    return value or None


def url_problem(url: str) -> str | None:
    """Why url cannot be an article's address (not http(s), no host, too long), or None."""
    if len(url) > URL_MAX:
        return f"is longer than {URL_MAX} characters"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return "is not a valid address"
    if parts.scheme.lower() not in ("http", "https"):
        return "is not an http or https address"
    if not parts.hostname or any(c.isspace() for c in url):
        return "is not a valid address"
    return None


def parse_partial_date(value: str) -> PartialDate:
    """'2024-11-05', '2024-11' or '2024' as a PartialDate; unknown if it is none of them."""
    match = _ISO_DATE.fullmatch(value.strip())
    if not match:
        return PartialDate.unknown()
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            return PartialDate(dt.date(year, 1, 1), "year")
        if day is None:
            return PartialDate(dt.date(year, month, 1), "month")
        return PartialDate(dt.date(year, month, day), "day")
    except ValueError:
        return PartialDate.unknown()


def with_header(text: str, header: Header) -> str:
    """text with a header block giving header's values, over those of any block it had."""
    old, rest, _warnings = split_header(text)
    fields = {
        "outlet": header.outlet or old.outlet,
        "url": header.url or old.url,
        "date": header.date.iso() or old.date.iso(),
        "title": header.title or old.title,
    }
    lines = [f"{name}: {' '.join(value.split())}" for name, value in fields.items() if value]
    if not lines:
        return rest
    return "---\n" + "\n".join(lines) + "\n---\n" + rest.lstrip("\n")
