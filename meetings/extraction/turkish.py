"""Turkish-aware case and letter folding, shared by extraction, ingest and search.

Python's ``str.lower`` maps ``I`` to ``i`` and ``İ`` to ``i̇`` (with a combining dot), which is
wrong for Turkish. These helpers do it the Turkish way, and ``fold`` goes further and maps
every letter to the ASCII form a user types on a keyboard without Turkish letters, so that
"soygu" finds "Şoygu'nun" and "aliyev" finds "ALİYEV". Index time and query time must use
the same ``fold``: ingest and search both call it from here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_UPPER = str.maketrans({"i": "İ", "ı": "I"})
_ASCII = str.maketrans(
    {
        "ı": "i",
        "ş": "s",
        "ç": "c",
        "ğ": "g",
        "ö": "o",
        "ü": "u",
        "â": "a",
        "î": "i",
        "û": "u",
    }
)
# Apostrophes that separate a proper noun from its case ending: Lavrov'un, Bakü’de.
APOSTROPHES = "'’‘`´ʼ"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def tr_lower(text: str) -> str:
    """Lower-case the Turkish way: I→ı, İ→i."""
    return text.translate(_LOWER).lower()


def tr_upper(text: str) -> str:
    """Upper-case the Turkish way: i→İ, ı→I."""
    return text.translate(_UPPER).upper()


_ASCII_PAIRS = [(chr(k), v) for k, v in _ASCII.items()]


def _turkish_ascii(text: str) -> str:
    """Turkish lower case, then Turkish letters as ASCII: whole-text passes of str.replace,
    many times faster than str.translate with a dict on long texts."""
    lowered = text.replace("I", "ı").replace("İ", "i").lower()
    for letter, ascii_letter in _ASCII_PAIRS:
        lowered = lowered.replace(letter, ascii_letter)
    return lowered


def fold(text: str) -> str:
    """Fold text for matching: Turkish lower case, then ASCII letters, other accents removed."""
    lowered = _turkish_ascii(text)
    if lowered.isascii():  # most Turkish text, once its own letters are mapped
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    for mark in {c for c in set(decomposed) if unicodedata.combining(c)}:
        decomposed = decomposed.replace(mark, "")
    return decomposed


def strip_case_ending(word: str) -> str:
    """The proper noun before an apostrophe case ending: "Lavrov'un" → "Lavrov"."""
    for i, char in enumerate(word):
        if char in APOSTROPHES and i > 0:
            return word[:i]
    return word


# What strip_case_ending drops from every word of a text at once: from the first apostrophe
# that does not begin the word to the word's end.
_CASE_ENDINGS = re.compile(rf"(?<=\S)[{APOSTROPHES}]\S*")


@lru_cache(maxsize=8192)  # importing asks for the same few thousand names again and again
def name_key(name: str) -> str:
    """The key two spellings of one name share: case endings dropped, folded, one space."""
    return " ".join(_WORD.findall(fold(_CASE_ENDINGS.sub("", name))))


def surname_key(key: str) -> str:
    """The last word of a name key: what a surname used alone is matched against."""
    return key.rsplit(" ", 1)[-1]


def fold_tokens(text: str) -> list[str]:
    """Folded word tokens, with each apostrophe case ending dropped: the unit of search."""
    return _WORD.findall(fold(_CASE_ENDINGS.sub("", text)))


class _AlignedTable(dict[int, str]):
    """A translate table that computes each character's one-character fold on first sight."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = fold(char)
        if len(folded) != 1:
            # Keep offsets aligned: a character whose fold is not one character stays lowered.
            lowered = tr_lower(char)
            folded = lowered if len(lowered) == 1 else char
        self[code] = folded
        return folded


_ALIGNED = _AlignedTable()


def fold_aligned(text: str) -> str:
    """Fold like ``fold`` but character by character, so offsets in the result match ``text``."""
    # Most text folds to ASCII one character for one, and then fold's whole-text passes
    # give what the per-character table gives, three times faster.
    lowered = _turkish_ascii(text)
    if lowered.isascii() and len(lowered) == len(text):
        return lowered
    return text.translate(_ALIGNED)
