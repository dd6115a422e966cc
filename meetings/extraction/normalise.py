"""Bytes to clean article text: encoding detection, line unwrapping, the optional date header.

The normalised text is what every span points into, so everything that changes characters
happens here, once, before any reading.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

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


@dataclass
class Normalised:
    """The article text after normalisation, its paragraphs and what the header said."""

    text: str
    paragraphs: list[tuple[int, int]]
    header_date: PartialDate = field(default_factory=PartialDate.unknown)
    warnings: list[str] = field(default_factory=list)


def decode(raw: bytes) -> str:
    """Decode article bytes: BOMs, then strict UTF-8, then UTF-16 by its zero bytes, then cp1254."""
    if not raw or not raw.strip():
        raise ExtractionError("empty input: the article has no text")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ExtractionError(
                    f"undecodable input: broken {encoding} after its BOM"
                ) from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return utf16
    if b"\x00" in raw:
        raise ExtractionError("binary input: zero bytes in a file that is not UTF-16")
    try:
        return raw.decode("cp1254")
    except UnicodeDecodeError:
        # The five bytes cp1254 leaves undefined are C1 controls in ISO-8859-9.
        return raw.decode("iso-8859-9")


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
    """Clean decoded text: one kind of newline and space, unwrapped lines, the header taken off."""
    warnings: list[str] = []
    if looks_like_html(text):
        text = html_to_text(text)
        warnings.append(MARKUP_REMOVED)
    text = _SURROGATES.sub("\ufffd", text)
    text = _NEWLINES.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    text = _ODD_CHARACTERS.sub(_replace_odd, text)
    text = _APOSTROPHE.sub("'", text)

    header_date = PartialDate.unknown()
    match = _HEADER.match(text)
    if match:
        header_date = _header_date(match, warnings)
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
    return Normalised(result, spans, header_date, warnings)


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
