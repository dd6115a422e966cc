"""Dates written in the body: "12 Eylül 2023", "21 Kasım'da", "Ekim 2021", "09.11.2020"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .lexicon import lexicon
from .records import PartialDate

_MONTHS = "ocak|subat|mart|nisan|mayis|haziran|temmuz|agustos|eylul|ekim|kasim|aralik"
# Each pattern matches its first digit before looking behind it ("\d(?<![\w.]\d)" is
# "(?<![\w.])\d"): the regex engine then skips to the digits instead of testing the
# lookbehind at every character, which made these scans a tenth of all extraction time.
_DAY_MONTH = re.compile(
    rf"(\d(?<![\w.]\d)\d?)\s+({_MONTHS})(?![^\W_])(?:'[^\W\d_]+)?(?:\s+(\d{{4}})(?!\d))?"
)
_MONTH_YEAR = re.compile(rf"(?<![\w.])({_MONTHS})\s+(\d{{4}})(?!\d)")
_NUMERIC = re.compile(r"(\d(?<![\d.]\d)\d?)[./](\d{1,2})[./](\d{4})(?![\d])")
_ISO = re.compile(r"(\d(?<![\d-]\d)\d{3})-(\d{2})-(\d{2})(?![\d])")


@dataclass(frozen=True)
class FoundDate:
    """A date written in the text; ``year`` is None when the text leaves it out."""

    start: int
    end: int
    year: int | None
    month: int
    day: int | None

    def resolve(self, default_year: int | None) -> PartialDate | None:
        """The date, taking a missing year from ``default_year``; None if it cannot be told."""
        year = self.year if self.year is not None else default_year
        if year is None:
            return None
        try:
            if self.day is None:
                return PartialDate(dt.date(year, self.month, 1), "month")
            return PartialDate(dt.date(year, self.month, self.day), "day")
        except ValueError:
            return None


def find_dates(folded: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """Every date written in folded text between ``start`` and ``end``, in text order."""
    end = len(folded) if end is None else end
    months = lexicon().months
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for match in _DAY_MONTH.finditer(folded, start, end):
        year = int(match[3]) if match[3] else None
        found.append(FoundDate(match.start(), match.end(), year, months[match[2]], int(match[1])))
        taken.append(match.span())
    for match in _MONTH_YEAR.finditer(folded, start, end):
        if not any(s <= match.start() < e for s, e in taken):
            found.append(
                FoundDate(match.start(), match.end(), int(match[2]), months[match[1]], None)
            )
    for match in _NUMERIC.finditer(folded, start, end):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
        if 1 <= month <= 12:
            found.append(FoundDate(match.start(), match.end(), year, month, day))
    for match in _ISO.finditer(folded, start, end):
        found.append(
            FoundDate(match.start(), match.end(), int(match[1]), int(match[2]), int(match[3]))
        )
    found.sort(key=lambda d: d.start)
    return found
