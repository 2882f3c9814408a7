"""English that keeps the syntax of Chinese dates, as machine translation writes it.

A translation word for word turns 9月底 into `9 month bottom`, 1至9月 into `1 to 9 month`, 9月份 into
`9 month part`, 前三季度 into `front three quarters`, 上半年 into `upper half year`, 今年3月 into `this
year 3 month`, 年底 into `year bottom`, 2023年 into `2023 year`, 9月底 (half translated) into `September bottom`, 三季度末 into `3
quarter end`. No English writer says these, so they do not collide with the
English grammar; they are read here as what the Chinese says, with the same handlers. The words are
the [dates.literal] section of cues/en.toml.
"""

from __future__ import annotations

from .dates_grammar import (Handler, _EN_MON, _day, _mon, _month_part, _months, _quarter, _quarter_end, _span, _year,
                            _year_end, _year_period, _year_start)
from ..resources import cues, either

_, _EN = cues("dates")
_WORDS = _EN["literal"]

_YEAR = rf"(?:(?P<y>(?:19|20)\d{{2}}) ?years? |(?P<rel>this|last|next|the previous|the same) year,? )?"
_MONTH = r"(?P<m>1[0-2]|0?[1-9])"
_AS_OF = rf"(?P<to>(?:{either(_WORDS['as_of'])}) )?"
_END = rf"(?P<end>{either(_WORDS['end'])})"
_PART = rf"(?:{either(_WORDS['part'])})"
# A month number after these words is a count of months (within 3 month, every 1 month), not a month.
_COUNTED = rf"(?P<counted>(?:{either(_WORDS['counted'])}) )?"
_QUARTER = r"(?P<q>[1-4]|one|two|three|four|first|second|third|fourth)"
_ORDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "first": 1, "second": 2, "third": 3, "fourth": 4}


def _month(r, m: dict):
    if m.get("counted"):
        return None
    return _month_part(r, _year(r, m), int(m["m"]), "end" if m.get("end") else None, as_of=bool(m.get("to")))


def _numbered_quarter(r, m: dict):
    quarter = _ORDINALS.get(m["q"].lower()) or int(m["q"])
    return (_quarter_end if m.get("end") else _quarter)(r, _year(r, m), quarter)


def literal_patterns() -> list[tuple[str, Handler]]:
    """(pattern, handler) pairs of the word-for-word forms, tried before the English grammar."""
    year, month = _YEAR, _MONTH
    return [
        (rf"{year}{month} month (?P<d>[12]\d|3[01]|0?[1-9]) (?:day|date|number)\b",
         lambda r, m: _day(r, _year(r, m), int(m["m"]), int(m["d"]))),
        (rf"{year}(?P<m0>1[0-2]|0?[1-9])(?: month)? ?(?:to|-|–|~|through) ?{month} month(?:s|{_PART})?\b",
         lambda r, m: _span(r, _year(r, m), int(m["m0"]), int(m["m"]))),
        (rf"{_AS_OF}(?:the end of )?{year}{_COUNTED}{month} month(?: {_END}|{_PART})?(?!s)\b", _month),
        (rf"{year}(?:front|head) (?P<n>two|three|[23]) quarters?\b",
         lambda r, m: _span(r, _year(r, m), 1, 3 * _months(m["n"]))),
        (rf"{year}(?:front|head) (?P<n>\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten|eleven) months?\b",
         lambda r, m: _span(r, _year(r, m), 1, _months(m["n"])) if 2 <= _months(m["n"]) <= 12 else None),
        (rf"{year}(?P<h>upper|lower|front|back) half(?: of the)? year\b",
         lambda r, m: _span(r, _year(r, m), *((1, 6) if m["h"].lower() in ("upper", "front") else (7, 12)))),
        (rf"{_AS_OF}(?:(?P<y>(?:19|20)\d{{2}}) ?|(?P<rel>this|last|next|the previous) )?year {_END}\b",
         lambda r, m: _year_end(r, _year(r, m) or r.whole_year)),
        (rf"{_AS_OF}{year}{_EN_MON} (?P<end>{either(_WORDS['month_name_end'])})\b",
         lambda r, m: _month_part(r, _year(r, m), _mon(m), "end", as_of=bool(m.get("to")))),
        (rf"(?:(?P<y>(?:19|20)\d{{2}}) ?years? |(?P<rel>this|last|the previous) year,? ){_QUARTER} quarter(?: {_END})?\b",
         _numbered_quarter),
        (rf"{_AS_OF}(?P<q>[1-4]) quarter {_END}\b", _numbered_quarter),
        (rf"(?:(?P<y>(?:19|20)\d{{2}}) ?|(?P<rel>this|last) )year (?:beginning|begin|initial)\b",
         lambda r, m: _year_start(_year(r, m))),
        (r"(?<![\d.,])(?P<y>(?:19|20)\d{2}) ?years?\b(?![-–]|\s+(?:old|of age)\b)", _year_period),
    ]
