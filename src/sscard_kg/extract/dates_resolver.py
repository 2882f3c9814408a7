"""What a date is resolved against: the publication date and the year a sentence is about.

A date expression's pattern (dates_grammar) gives its pieces; the Resolver says which year a month
without one is in (the latest such month by publication), which year 去年 or `the previous year`
names, and which `年末` a report means. The relative years are the [dates] sections of cues/zh.toml
and cues/en.toml. ISO values are at their precision: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
"""

from __future__ import annotations

import calendar
from datetime import date

from ..resources import cues

_ZH, _EN = cues("dates")


def month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def period_end(iso: str) -> str:
    """The last day of a year or month (`2020` → `2020-12-31`); a day stays as it is."""
    if len(iso) == 4:
        return f"{iso}-12-31"
    if len(iso) == 7:
        return month_end(int(iso[:4]), int(iso[5:7]))
    return iso


def year_of(iso: str | None) -> int | None:
    return int(iso[:4]) if iso else None


class Resolver:
    """Turns matched pieces into ISO values, knowing the publication date and the context year.

    `year` is an explicit year earlier in the same sentence; `whole_year` (for 全年, 年末, the
    whole year) is the latest explicit year named earlier in the document, else the year just
    ended when the article is from its first quarter; `anaphoric_year` (for 上年, 次年, a year
    later) is the year the sentence names, else the one named last before it, else the
    publication's."""

    def __init__(self, published: str | None, context_year: int | None, document_year: int | None = None,
                 last_year: int | None = None):
        self.published = published
        self.pub_year = year_of(published)
        self.pub_month = int(published[5:7]) if published and len(published) >= 7 else None
        self.day = date.fromisoformat(published) if published and len(published) == 10 else None
        self.year = context_year or self.pub_year
        self.anaphoric_year = context_year or last_year or self.pub_year
        self.whole_year = context_year or document_year or (
            self.pub_year - 1 if self.pub_month and self.pub_month <= 3 else self.pub_year)

    def recent_month(self, month: int, day: int | None = None) -> tuple[int, int]:
        """The year of the latest such month not after the publication date."""
        year = self.year or 0
        if self.pub_month and year == self.pub_year and month > self.pub_month:
            year -= 1
        return year, month

    def month_from_now(self, shift: int) -> tuple[int, int] | None:
        """The publication's month moved by `shift` months (上月, next month)."""
        if not self.pub_month:
            return None
        index = self.pub_year * 12 + self.pub_month - 1 + shift
        return index // 12, index % 12 + 1

    def point(self, year: int | None, month: int) -> str | None:
        if year is None:
            year, month = self.recent_month(month)
        return month_end(year, month) if year else None

    def short_year(self, digits: int) -> int | None:
        """`23年底`: the year of those last two digits in the publication's century, or the
        century before when that would be more than a year after the publication."""
        if not self.pub_year:
            return None
        year = self.pub_year // 100 * 100 + digits
        return year - 100 if year > self.pub_year + 1 else year

    def relative_year(self, word: str) -> int | None:
        """去年, the previous year, 当年: counted from the publication (deictic words) or from the
        year the sentence is about (anaphoric ones)."""
        word = word.lower()
        for words, base, shift in _RELATIVE_YEARS:
            if word in words:
                origin = self.pub_year if base == "published" else self.anaphoric_year
                return origin + shift if origin else None
        return None


# (words, counted from, shift): 去年 is the year before the publication's; 上年 and `the previous
# year` the year before the one the sentence names.
_RELATIVE_YEARS = [(set(words), base, shift) for words, base, shift in _ZH["relative_years"] + _EN["relative_years"]]
