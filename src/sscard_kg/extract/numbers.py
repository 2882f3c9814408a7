"""Find quantities in cleaned text: Arabic and Chinese numerals, 万/亿 and million/billion, percents.

Works on the Simplified, NFKC-normalised text. Years, dates, phone and licence numbers, list
ordinals are not quantities; a malformed number (`10.4.2 billion`) is reported, never guessed.
A range (1.2亿至1.3亿人, between 1.2 and 1.3 billion) is one figure: its lower bound, more than (gt).
Shares are percentages: 九成 90, 过半 more than 50, 三分之二 66.67, 千分之三 0.3. Vague amounts
(几十万, 数十亿, tens of millions) are no figure.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import chain
from typing import NamedTuple

from ..prefilter import compile_fast
from ..resources import cues, either

_ZH, _EN = cues("numbers")
EN_SCALE = _EN["scales"]
EN_WORDS = _EN["words"]

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_LARGE = {"万": 10**4, "亿": 10**8}
_ZH_SCALE_CHARS = {"兆": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3, "百": 100}


class Quantity(NamedTuple):
    """A number as written: `value` already multiplied out; `unit` from the word after it."""

    start: int
    end: int
    value: Decimal
    unit: str | None
    qualifier: str | None
    percent_points: bool = False
    ordinal: bool = False


class Rejected(NamedTuple):
    start: int
    end: int
    text: str
    reason: str


BARE_NUMBER = "a bare number with no unit"  # the reason most numerals are not taken: not worth reporting


# Unit words after a number (Simplified Chinese and English), with the unit each gives.
ZH_UNITS = [tuple(pair) for pair in _ZH["units"]]
# The words between a number and its noun modify the noun (`1.2 million new urban jobs`, `96 'one-card'
# services`); a verb, a preposition or another plural noun ends the noun phrase (`95 functions are
# available to holders` counts functions, not holders).
_MODIFIER = rf"(?:(?!(?:{either(_EN['modifier_stops'])})\b)" \
            r"[a-z‘’'“”\"-]*[a-z-](?<![a-z]{3}s)[‘’'“”\"]? )"
EN_UNITS = [((_MODIFIER + f"{{0,{entry['modifiers']}}}?" if "modifiers" in entry else "") + entry["words"], entry["unit"])
            for entry in _EN["units"]]

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A scale may be 千 or 百 before 万 or 亿 (5千万, 3百万, 5千余万). Chinese numerals: 九千余万 has its 余
# before the scale; 几十万, 数十亿 are no figure (see `_VAGUE_BEFORE`).
_ZH_NUM = compile_fast(
    rf"(?P<num>{_ARABIC})(?P<more>[多余](?=[千百]?[万亿]))?(?:[ \u3000]?(?P<scale>万亿|[千百]?(?:[多余](?=[万亿]))?[万亿]|千|{_ZH['trillion']}))?"
    r"|(?P<cn>[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*点[零〇一二三四五六七八九]+[万亿]+"
    r"|[一二两三四五六七八九十](?:[零〇一二两三四五六七八九十百千]*[余多]?[万亿]+)+(?:[零〇一二两三四五六七八九]+[十百千][零〇一二两三四五六七八九十百千]*)?|[一二两三四五六七八九十]+(?=成|分之)"
    r"|[零一二两三四五六七八九十]+(?:点[零〇一二三四五六七八九]+)?(?=个?百分点)"
    r"|(?:[一二两三四五六七八九][十百千]|十)[零〇一二两三四五六七八九十百千]*(?=[余多]?(?:项|个|人|张|家|名|元|次|户|座|条|所|类|种|位)))"
)
# `破亿`, `突破千万`, `超亿元`: a verb of passing with a bare scale word is a round quantity of one
# unit of that scale. `万` alone is left out: `突破万难`, `破万卷` are idioms, not figures.
_ZH_BARE_SCALE = re.compile(rf"(?:{either(_ZH['passing'], _ZH['near_bare_scale'])})(?P<scale>万亿|亿|千万|百万)(?![\d一二两三四五六七八九十百千万亿])")
# 成 after a numeral: tenths (九成, 8成, 七成五), unless it starts a word (一成不变, 3成员).
_TENTHS = re.compile(rf"成(?P<d>[一二三四五六七八九](?![{_ZH['tenths_digit_not_before']}]))?(?!{either(_ZH['tenths_not_before'])})")
_ZH_DURATION = re.compile(f"(?:多|余)?个?(?:{either(_ZH['duration'])})")
_BARE_SCALES = {"万亿": 10**12, "亿": 10**8, "千万": 10**7, "百万": 10**6}
# 百分之九十五, 千分之三 (a tenth of a percent), and the halves: 半数, 一半, 过半 (more than half).
_ZH_PERCENT = compile_fast(r"(?P<base>[百千])分之(?P<n>\d+(?:\.\d+)?|[一二三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)"
                           r"|(?P<half>半数|一半|(?<![通经])过半)")
_MALFORMED = compile_fast(r"\d+\.\d+\.\d+|(?<![\d.])\d{1,3} \d{1,2}(?=[万亿%])")
_EN_FRACTIONS = _EN["fractions"]
_EN_FRACTION = compile_fast(r"(?<!first )(?<!last )(?<!front )(?<!past )(?<!next )(?<!head )\b(?P<n>one|two|three|a)[- ](?P<d>third|quarter|fourth|fifth|tenth)s?\b"
                            rf"|(?P<half>{_EN['half']})", re.I)
# `每5人中有1人`, `五个人里就有一个`, `one in five people`, `1 in 10 residents`: a share (20 %, 10 %),
# not a count of one and a count of five.
_ZH_COUNTER = _ZH["one_in_counter"]
_ZH_AMONG = f"(?:{either(_ZH['one_in_among'])})"
_ZH_ONE_IN = re.compile(
    rf"(?:{_ZH['one_in_each']}(?P<d1>\d+|[一二两三四五六七八九十百千]+){_ZH_COUNTER}{_ZH_AMONG}?"
    rf"|(?P<d2>\d+|[一二两三四五六七八九十百千]+){_ZH['one_in_group']}{_ZH_AMONG})"
    rf"[，,]?\s*(?:{either(_ZH['one_in_then'])})?{_ZH['one_in_has']}(?P<n>\d+|[一二两三四五六七八九十]+){_ZH_COUNTER}")
_EN_COUNT_WORD = either(sorted((w for w in EN_WORDS if len(w) > 1), key=lambda w: (-len(w), w)))
_EN_ONE_IN = compile_fast(rf"\b(?P<n>{_EN_COUNT_WORD}|\d{{1,3}})\s+(?:{either(_EN['one_in'])})\s+(?:{_EN['one_in_every']}\s+)?"
                          rf"(?P<d>{_EN_COUNT_WORD}|\d{{1,3}})\b(?![.,]\d|\s*%)", re.I)
_EN_NUMERIC_SCALES = either(sorted((w.replace(" ", r"\s+") for w in _EN["numeric_scales"]), key=lambda w: (-len(w), w)))
# Scale words longest first, so `ten thousand hundred million` is one scale and not `ten thousand`.
_EN_SCALE_WORDS = either(sorted((w.replace(" ", r"\s+") for w in EN_SCALE if len(w) > 1), key=lambda w: (-len(w), w)))
_EN_WORD_SCALES = either([w.replace(" ", r"\s+") for w in sorted((w for w in EN_SCALE if " " in w), key=len, reverse=True)],
                         ["thousand", "million", "billion", "trillion"])
# `Among every 5 card holders, already 1 person…`: the whole first, as 每5个持卡人中就有1人 word for word.
_EN_EVERY = compile_fast(rf"\b(?:{_EN['every_among']})\s+(?P<d>{_EN_COUNT_WORD}|\d{{1,3}})\s+{_EN['every_counted']}"
                         rf"(?:{_EN['every_counted_after']})?\s*,\s*"
                         rf"(?:(?:{either(_EN['every_then'])})\s+)*(?P<n>{_EN_COUNT_WORD}|\d{{1,3}})\b(?![.,]\d|\s*%)", re.I)
_EN_UNITS_WORD = either(sorted((w for w, v in EN_WORDS.items() if v < 10 and len(w) > 1), key=lambda w: (-len(w), w)))
_EN_TENS_WORD = either(sorted((w for w, v in EN_WORDS.items() if v >= 20), key=lambda w: (-len(w), w)))
_EN_NUMBER_WORD = (rf"(?:{_EN_TENS_WORD})(?:[- ](?:{_EN_UNITS_WORD})\b)?|{_EN_COUNT_WORD}"
                   rf"|(?:a|{_EN['half_a']})(?=\s+(?:{either(_EN['a_before'])})\b)")
# `one hundred million`, `a hundred million`, `three hundred ten thousand` (三百万 word for word),
# `1300 many ten thousand` (1300多万 word for word: more than 13 million),
# `twenty-five million`, `half a billion`; `1.38-billion-strong` with its hyphen.
_EN_NUM = compile_fast(
    rf"(?P<num>{_ARABIC})(?:(?P<many>\s+(?:{either(_EN['many_before_scale'])})(?=\s+(?:ten thousand|hundred million)\b))?"
    rf"(?:\s*|-)(?P<scale>{_EN_SCALE_WORDS}|(?<=\d)[mbk])\b"
    rf"|(?<!(?:19|20)\d\d)[ ](?P<nscale>{_EN_NUMERIC_SCALES})(?![\d,.]))?"
    rf"|\b(?P<word>{_EN_NUMBER_WORD})\s+"
    rf"(?:(?P<hundred>hundred)\b\s*)?(?P<wscale>{_EN_WORD_SCALES})?",
    re.I,
)
# `138 million ten-thousand`: a second scale word after a figure's is machine translation gone wrong.
_EN_SECOND_SCALE = re.compile(r"[\s-]+(?:" + _EN_SCALE_WORDS.replace(r"\s+", r"[\s-]+") + r")\b", re.I)
# `470 billion yuan (about $66 billion)`: a dollar figure in brackets converts the yuan before it.
_CONVERTED = re.compile(rf"[(（]\s*(?:{either(_EN['converted_about'])})?\s*(?:{either(_EN['dollar_prefixes'])})?\s*\$\s*$", re.I)
# `The number of applications rose to 102.`: a bare number a total reaches is a figure.
_EN_REACHED = re.compile(rf"\b(?:{either(_EN['reached'])})(?: to| by| of)?\s+$", re.I)
_EN_CHANGED_AFTER = re.compile(_EN["changed_after"], re.I)
_ZH_BEFORE = [(re.compile(p + r"$"), q) for p, q in _ZH["before"]]
_ZH_AFTER = [(re.compile("^" + p), q) for p, q in _ZH["after"]]
# `12 million-plus jobs`, `95 or more services`.
_EN_AFTER = [(re.compile(p, re.I), q) for p, q in _EN["after"]]
# `RMB7.9 trillion`, `¥7.9 trillion`, `CNY 7.9 trillion`: the currency before the figure.
_CURRENCY_BEFORE = re.compile(rf"(?:\b(?:{either(_EN['currency_before'])})|[¥￥])\s*$", re.I)
_EN_BEFORE = [(re.compile(p + r"\s*$", re.I), q) for p, q in _EN["before"]]
# Any word of those before a figure (约, more than, around): may stand between the items of a list.
QUALIFIER_WORDS = "|".join(p for p, _ in _ZH["before"] + _EN["before"])
_PLUS = re.compile("^" + _EN["plus"])

# What makes a figure a conversion or an ordinal after all (see _chinese and _english).
_FOREIGN_CURRENCY = re.compile(f"^(余|多)?({either(_ZH['foreign_currency'])})")
_FOREIGN_CURRENCY_BEFORE = re.compile(f"({either(_ZH['foreign_currency_before'])})\\s*(约|近|逾|超过|超)?\\s*$")
_ORDINAL_SUFFIX = re.compile(rf"^\s*({either(_EN['ordinal_suffix'])})\b")
_DOLLARS_AFTER = re.compile(either(_EN["dollars_after"], _ZH["dollars_after"]), re.I)


def cn_decimal(text: str) -> Decimal | None:
    """五点二 → 5.2: a Chinese numeral with its decimals read digit by digit after 点."""
    whole, _, decimals = text.partition("点")
    value = cn_value(whole)
    if value is None or not decimals:
        return value
    digits = "".join(str(CN_DIGITS.get(char, "")) for char in decimals)
    return value + Decimal(f"0.{digits}") if len(digits) == len(decimals) else None


def _scaled_decimal(text: str) -> Decimal | None:
    """十三点七九亿 → 1379000000: a decimal Chinese numeral before its scale words."""
    mantissa = text.rstrip("万亿")
    value = cn_decimal(mantissa)
    if value is None:
        return None
    for char in text[len(mantissa):]:
        value *= CN_LARGE[char]
    return value


# The smaller scale that may follow a figure's scale: 13亿7900万 or 13亿8千万 (亿 then 万), 3万5千 (万
# then 千), 1兆2000亿 (兆 then 亿).
_ZH_COMPOUND_TAIL = {"兆": re.compile(r"(?P<n>\d{1,4})(?P<sub>[千百])?(?P<more>[多余])?亿(?![亿万])"),
                     "亿": re.compile(r"(?P<n>\d{1,4})(?P<sub>[千百])?(?P<more>[多余])?万(?![亿万])"),
                     "万": re.compile(r"(?P<n>\d)(?P<more>[多余])?千(?![万亿千])")}
_ZH_TAIL_SUB = {"千": 1000, "百": 100}
_ZH_TAIL_STEP = {"兆": 10**4, "亿": 10**4, "万": 10}


def cn_value(text: str) -> Decimal | None:
    """十三亿 → 1300000000, 一千零二十二 → 1022; None for what is not a number."""
    total, section, digit, last_large = 0, 0, None, None
    for char in text:
        if char in CN_DIGITS:
            digit = CN_DIGITS[char]
        elif char in CN_SMALL:
            section += (digit if digit is not None else 1) * CN_SMALL[char]
            digit = None
        elif char in "余多":  # 九千余万: the 余 says more than, the value is 九千万
            continue
        elif char in CN_LARGE:
            section += digit or 0
            large = CN_LARGE[char]
            if last_large is not None and large < last_large and section:  # 十三亿七千九百万: 亿 then 万
                total += section * large
            else:  # 三万亿: 万 then 亿 scales the whole
                total = (total + section) * large
                last_large = large if last_large is None or large > last_large else last_large
            section, digit = 0, None
        else:
            return None
    return Decimal(total + section + (digit or 0))


_ZH_UNITS_LONGEST_FIRST = sorted(ZH_UNITS, key=lambda u: -len(u[0]))
_EN_UNIT_PATTERNS = [(re.compile(r"\s*(?:" + pattern + r")\b" if not pattern.startswith("%") else r"\s*%", re.I), unit)
                     for pattern, unit in EN_UNITS]


def _zh_unit(after: str) -> tuple[str | None, bool]:
    """The unit word after a number: `余`/`多` and spaces may stand between (`30 个省份`)."""
    after = re.sub(r"^[ \t\u3000]*(余|多)?[ \t\u3000]*", "", after)
    for word, unit in _ZH_UNITS_LONGEST_FIRST:
        if after.startswith(word):
            return unit, word == "个百分点"
    return None, False


def _en_unit(after: str, generic: bool = True) -> tuple[str | None, bool]:
    for pattern, unit in _EN_UNIT_PATTERNS if generic else _EN_UNIT_PATTERNS[:-1]:
        match = pattern.match(after)
        if match:
            return unit, "point" in match.group(0).lower()
    if after.startswith("%"):
        return "percent", False
    return None, False


def _qualifier(text: str, start: int, after: str, english: bool) -> str | None:
    """The qualifier (about, over, under…) the 16 characters before `start` or the words after give."""
    before = text[max(0, start - 16):start]
    rules = _EN_BEFORE if english else _ZH_BEFORE
    for pattern, qualifier in rules:
        if pattern.search(before):
            return qualifier
    for pattern, qualifier in _EN_AFTER if english else _ZH_AFTER:
        if pattern.match(after):
            return qualifier
    return None


# What tells a numeral that is no figure (see `_not_a_quantity`), compiled once: it is asked of every numeral.
_DATE_AFTER = re.compile(rf"^\s*({either(_ZH['date_after'])})")
_NOT_DATE_AFTER = re.compile(rf"^\s*({either(_ZH['date_after_not'])})")
_DURATION_AFTER = re.compile("|".join(r"^\s*" + p for p in _ZH["duration_after"] + _EN["duration_after"]), re.I)
_CODE_BEFORE = re.compile(rf"({either(_EN['code_before'], _ZH['code_before'])})[^,，。]{{0,8}}$", re.I)
_PHONE_AFTER = re.compile(rf"^\s*(\S{{0,6}}({either(_ZH['code_after'], _EN['code_after'])})|{_EN['app_after']})", re.I)
_LONG_NUMBER = re.compile(r"^\d{5,}$")
_LENGTH_AFTER = re.compile(rf"^\s*(?:{either(_ZH['length_after'], _EN['length_after'])})", re.I)
_LENGTH_BEFORE = re.compile(rf"(?:{either(_ZH['length_before'], _EN['length_before'])})", re.I)
_COUNTED_AFTER = re.compile(rf"^\s*({either(_ZH['figure_after'], _EN['figure_after'])})", re.I)
_YEAR_DIGITS = re.compile(r"^(19|20)\d{2}$")
_COUNTED_YEAR_AFTER = re.compile(rf"^\s*({either(_EN['year_figure_after'])})", re.I)
_YEAR_RANGE_AFTER = re.compile(r"^\s*[-—–至到~]\s*(19|20)?\d{2}")
_LINE_START_BEFORE = re.compile(r"(^|\n)\s*$")
_ORDINAL_AFTER = re.compile(r"^\s*[.、)]\s*\S")
_ORDINAL_BEFORE = re.compile(f"({either(_ZH['ordinal_before'], _EN['ordinal_before'])})$")
_AT_BEFORE = re.compile(_ZH["threshold_before"])
_THRESHOLD_AFTER = re.compile("^" + _ZH["threshold_after"])
# A hyphen after a digit or a percent sign is a range's (1.2-1.3亿, 10%-15%), not a code's.
_CODE_CHARACTER_BEFORE = re.compile(r"(?:[A-Za-z@#/_]|(?<![\d%])-)$")
_ZH_RANGE_GAP = re.compile(_ZH["range_gap"])
_EN_RANGE_GAP = re.compile(_EN["range_gap"], re.I)
_RANGE_FROM = re.compile(rf"(?:{either(_ZH['range_from'], _EN['range_from'])})\s*$", re.I)
_RANGE_BETWEEN = re.compile(rf"\b(?:{_EN['range_between']})\s+$", re.I)
_RANGE_WIDEST = _ZH["range_widest"]
# 几十万, 数十亿, 数十家: 十 after a word of vagueness says "some", no figure.
_VAGUE_BEFORE = re.compile(f"(?:{either(_ZH['vague_before'])})$")
_VAGUE_NUMERAL = re.compile(r"^十[万亿]*$")


# `USD/CNY 6.7745`, `USD 1 = CNY 7.19`, `1美元兑6.77元人民币`: the price of a currency, no figure.
_EXCHANGE_RATE_BEFORE = re.compile(r"\b[A-Z]{3}\s*/\s*[A-Z]{3}\s*[:=]?\s*$|\b(?:[A-Z]{3}|US\$|\$|£|€)\s*1\s*=\s*(?:[A-Z]{3}|¥|￥)?\s*$"
                                   r"|1\s*(?:美元|欧元|英镑|港元|港币|日元)\s*(?:兑|兑换|=|折合)\s*(?:人民币)?\s*$")


def _not_a_quantity(text: str, start: int, end: int, raw: str, english: bool, scaled: bool = False) -> str | None:
    """Why a numeral is not a figure (year, date, phone, licence, ordinal), or None. A long number
    with a scale word (138000万, 13800 million) is a figure, whatever follows it."""
    before, after = text[max(0, start - 12):start], text[end:end + 6]
    digits = raw.replace(",", "")
    if _DATE_AFTER.match(after) and not _NOT_DATE_AFTER.match(after):
        return "a date or time"
    if _DURATION_AFTER.match(text[end:end + 16]):  # whole words: `100 million monthly active users` is a figure
        return "a duration"
    if _EXCHANGE_RATE_BEFORE.search(text, max(0, start - 24), start):
        return "an exchange rate"
    if _CODE_BEFORE.search(before) or _PHONE_AFTER.match(text[end:end + 12]):
        return "a licence, phone or code number"
    if _LENGTH_AFTER.match(text[end:end + 12]) or (_LENGTH_BEFORE.search(before) and after.startswith("位")):
        return "the length of a number or code"
    if _LONG_NUMBER.match(raw) and not scaled and not _COUNTED_AFTER.match(after):
        return "a long bare number (phone, code)"
    if english and _YEAR_DIGITS.match(digits) and not _COUNTED_YEAR_AFTER.match(after):
        return "a year"
    if _YEAR_DIGITS.match(digits) and _YEAR_RANGE_AFTER.match(after):
        return "a range of years"
    if _LINE_START_BEFORE.search(before) and _ORDINAL_AFTER.match(after):
        return "a list ordinal"
    if _ORDINAL_BEFORE.search(before):
        return "an ordinal or plan name"
    if not english and _AT_BEFORE.search(before) and _THRESHOLD_AFTER.match(after):
        return "a threshold (在…以上)"
    if _CODE_CHARACTER_BEFORE.search(before) and not english:
        return "part of a code or address"
    return None


def find_quantities(text: str, english: bool) -> tuple[list[Quantity], list[Rejected]]:
    """Every quantity in `text`, and the numerals that were not taken with the reason."""
    found: list[Quantity] = []
    rejected: list[Rejected] = []
    taken: list[tuple[int, int]] = []
    for match in _MALFORMED.finditer(text):
        if not re.match(r"\d{4}\.\d{1,2}\.\d{1,2}", match.group(0)):
            rejected.append(Rejected(match.start(), match.end(), match.group(0), "malformed number"))
            taken.append((match.start(), match.end()))
    if english:
        for match in _EN_FRACTION.finditer(text):
            value = Decimal(50) if match.group("half") else \
                _share(Decimal(EN_WORDS[match.group("n").lower()]), Decimal(_EN_FRACTIONS[match.group("d").lower()]))
            found.append(Quantity(match.start(), match.end(), value, "percent", _qualifier(text, match.start(), "", True)))
            taken.append(match.span())
    for q in _shares_one_in(text, english):
        found.append(q)
        taken.append((q.start, q.end))
    if not english:
        for match in _ZH_PERCENT.finditer(text):
            q = _zh_percent(text, match)
            if q is not None:
                found.append(q)
                taken.append(match.span())
    if not english:
        for q in _bare_scales(text):
            found.append(q)
            taken.append((q.start, q.end))
    pattern = _EN_NUM if english else _ZH_NUM
    previous: Quantity | Rejected | None = None
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in taken):
            continue
        q = _english(text, match) if english else _chinese(text, match)
        bounded = _range(text, previous, q, match.group("num"), english) if isinstance(q, Quantity) else None
        if bounded:  # the lower bound and the upper are one figure
            (found if isinstance(previous, Quantity) else rejected).remove(previous)
            q = bounded
        if isinstance(q, Rejected):
            rejected.append(q)
        elif q is not None:
            found.append(q)
            taken.append((q.start, q.end))  # 13亿7900万 is one figure: 7900万 is not another
        previous = q
    leading = _leading_a_list(text, found, rejected, english)
    return sorted(found + leading, key=lambda q: q.start), [r for r in rejected if (r.start, r.end) not in
                                                            {(q.start, q.end) for q in leading}]


_ZH_LIST_GAP = re.compile(r"\s*(?:、|，|,|和|与|及|或)\s*")
_EN_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)", re.I)
_PLAIN_NUMBER = re.compile(r"\d{1,3}(?:\.\d+)?")
_LIST_UNITS = ("percent", "person", "card", "yuan", "person-time")  # a count (2批, 3号) may be no measure


def _leading_a_list(text: str, found: list[Quantity], rejected: list[Rejected], english: bool) -> list[Quantity]:
    """`5.1, 5.3 and 5.2 percent`, `5.1、5.3和5.2%`: plain numbers that lead a list ending in a figure
    with a unit leave that unit out (`figure_lists.elliptical` gives it back): figures, not bare
    numbers. Read from the list's end, as each item is led to the next."""
    gap = _EN_LIST_GAP if english else _ZH_LIST_GAP
    starts = {q.start: q for q in found if q.unit in _LIST_UNITS and not q.ordinal}
    leading: list[Quantity] = []
    for r in sorted((r for r in rejected if r.reason == BARE_NUMBER and _PLAIN_NUMBER.fullmatch(r.text)
                     and text[r.start - 1:r.start] != "第"), key=lambda r: -r.start):
        joined = gap.match(text, r.end)
        if joined and joined.end() in starts:
            q = Quantity(r.start, r.end, Decimal(r.text), None, None)
            leading.append(q)
            starts[r.start] = q
    return leading


def _range(text: str, lower: Quantity | Rejected | None, upper: Quantity, digits: str | None,
           english: bool) -> Quantity | None:
    """`1.2亿至1.3亿人`, `1.2-1.3亿`, `10%~15%`, `between 1.2 and 1.3 billion`: one figure, its lower
    bound, at least (gt) unless a qualifier stands before it. A span from one figure to another (从…到,
    from … to, by … to) and bounds far apart are two figures."""
    if lower is None or upper.ordinal or (isinstance(lower, Rejected) and lower.reason != BARE_NUMBER):
        return None
    gap = (_EN_RANGE_GAP if english else _ZH_RANGE_GAP).fullmatch(text, lower.end, upper.start)
    before = text[max(0, lower.start - 12):lower.start]
    if not gap or _RANGE_FROM.search(before) or (gap.group("pair") and not _RANGE_BETWEEN.search(before)):
        return None
    if isinstance(lower, Quantity) and lower.unit not in (None, upper.unit):
        return None
    written = text[lower.start:lower.end]
    if re.fullmatch(_ARABIC, written):
        if not digits or not Decimal(digits.replace(",", "")):
            return None  # no digits of the upper bound to scale by (0-0亿 is no range)
        value = Decimal(written.replace(",", "")) * upper.value / Decimal(digits.replace(",", ""))
    elif isinstance(lower, Quantity):
        value = lower.value
    else:
        return None
    if not 0 < value < upper.value <= value * _RANGE_WIDEST:
        return None
    qualifier = (lower.qualifier if isinstance(lower, Quantity) else None) or _qualifier(text, lower.start, "", english)
    return upper._replace(start=lower.start, value=value, qualifier=qualifier or "gt",
                          ordinal=text[lower.start - 1:lower.start] == "第")  # 第1-3批


def _zh_percent(text: str, match: re.Match) -> Quantity | None:
    """百分之九十五 → 95, 千分之三 → 0.3, 过半 → more than 50."""
    if match.group("half"):
        after = text[match.end():match.end() + 8]
        qualifier = "gt" if match.group("half") == "过半" else _qualifier(text, match.start(), after, False)
        return Quantity(match.start(), match.end(), Decimal(50), "percent", qualifier)
    number = match.group("n")
    value = Decimal(number) if number[0].isdigit() else cn_decimal(number)
    if value is None:
        return None
    value = value / 10 if match.group("base") == "千" else value
    return Quantity(match.start(), match.end(), value, "percent",
                    _qualifier(text, match.start(), text[match.end():match.end() + 8], False))


def _share(part: Decimal, whole: Decimal) -> Decimal:
    """A fraction as a percentage to two decimals: 三分之二 → 66.67, as the English a third → 33.33."""
    return (part * 100 / whole).quantize(Decimal("0.01"))


def _shares_one_in(text: str, english: bool) -> list[Quantity]:
    """`每5人中有1人`, `one in five people`: the share n/d as a percentage, when n is below d."""
    found = []
    matches = chain(_EN_ONE_IN.finditer(text), _EN_EVERY.finditer(text)) if english else _ZH_ONE_IN.finditer(text)
    for match in matches:
        part = _count_value(match.group("n"))
        whole = _count_value(match.group("d") if english else match.group("d1") or match.group("d2"))
        if part is None or whole is None or not 0 < part < whole:
            continue
        value = (part * 100 / whole).quantize(Decimal("0.01"))
        found.append(Quantity(match.start(), match.end(), value, "percent", _qualifier(text, match.start(), "", english)))
    return found


def _count_value(word: str) -> Decimal | None:
    """A small count written in digits, in Chinese numerals or as an English word."""
    if word.isdigit():
        return Decimal(word)
    return Decimal(EN_WORDS[word.lower()]) if word.lower() in EN_WORDS else cn_value(word)


def _bare_scales(text: str) -> list[Quantity]:
    """`持卡人数破亿` → more than 1亿: the span is the scale word, so the verb stays in the
    text before it, where metric phrasings (`发行突破`) expect it."""
    found = []
    for match in _ZH_BARE_SCALE.finditer(text):
        start, end = match.span("scale")
        unit, points = _zh_unit(text[end:end + 8])
        qualifier = _qualifier(text, start, "", False) or "gt"  # 破 and 过 are no qualifier words of their own
        found.append(Quantity(start, end, Decimal(_BARE_SCALES[match.group("scale")]), unit, qualifier, points))
    return found


def _tenths(text: str, start: int, end: int, value: Decimal, match: re.Match) -> Quantity:
    """九成 → 90 %, 8成 → 80 %, 七成五 → 75 %: 成 counts tenths, a numeral after it hundredths."""
    value = value * 10 + (cn_value(match.group("d")) if match.group("d") else 0)
    return Quantity(start, match.end(), value, "percent", _qualifier(text, start, text[match.end():match.end() + 8], False))


def _chinese(text: str, match: re.Match) -> Quantity | Rejected | None:
    start, end = match.span()
    if match.group("cn"):
        raw = match.group("cn")
        if _VAGUE_BEFORE.search(text, max(0, start - 4), start) and _VAGUE_NUMERAL.match(raw):
            return None
        value = cn_value(raw) if "点" not in raw else _scaled_decimal(raw)
        if value is None or value == 0:
            return None
        after = text[end:end + 8]
        tenths = _TENTHS.match(text, end)
        if tenths:
            return _tenths(text, start, end, value, tenths)
        if after.startswith("成"):
            return None
        fraction = re.match(r"分之([一二三四五六七八九十]+)", after)
        if fraction:
            denominator = cn_value(raw)
            numerator = cn_value(fraction.group(1))
            return Quantity(start, end + fraction.end(), _share(numerator, denominator), "percent",
                            _qualifier(text, start, "", False))
        scale = 1
        while after and after[0] in "亿万千百" and end < len(text):
            scale *= {"亿": 10**8, "万": 10**4, "千": 10**3, "百": 100}[after[0]]
            end += 1
            after = after[1:]
        unit, points = _zh_unit(after)
        if (unit is None and scale == 1 and not re.search("[万亿]", raw)) or _ZH_DURATION.match(after):
            return None
        more = "余" if re.search("[余多]", raw) else ""
        return Quantity(start, end, value * scale, unit, _qualifier(text, start, more + after, False), points,
                        ordinal=text[start - 1:start] == "第")
    raw = match.group("num")
    why = _not_a_quantity(text, start, end, raw, english=False, scaled=match.group("scale") is not None)
    if why:
        return Rejected(start, end, raw, why)
    value = Decimal(raw.replace(",", ""))
    scale_word = match.group("scale") or ""
    more = match.group("more") or re.search("[多余]", scale_word)
    scale = _zh_scale(scale_word)
    tail = _ZH_COMPOUND_TAIL.get(scale_word)
    tail = tail.match(text, end) if tail and "." not in raw and not more else None
    if tail:  # 13亿7900万, 3万5千
        sub = _ZH_TAIL_SUB.get(tail.groupdict().get("sub"), 1)
        value, end = value * scale + Decimal(tail.group("n")) * sub * scale // _ZH_TAIL_STEP[match.group("scale")], tail.end()
        scale = 1
    after = ("余" if tail and tail.group("more") else "") + text[end:end + 8]
    if more:
        after = "余" + after
    if re.match(r"^/\d", after) or text[start - 1:start] == "/":
        fraction = re.match(r"^(\d+)/(\d+)", text[start:start + 8])
        if fraction and 0 < int(fraction.group(2)) < 100 and int(fraction.group(1)) <= int(fraction.group(2)):
            return Quantity(start, start + fraction.end(), _share(Decimal(fraction.group(1)), Decimal(fraction.group(2))),
                            "percent", None)
        return None
    if _FOREIGN_CURRENCY.match(after) or _FOREIGN_CURRENCY_BEFORE.search(text, max(0, start - 8), start):
        return Rejected(start, end, raw, "a currency conversion")
    tenths = _TENTHS.match(text, end) if scale == 1 and not tail and not more else None
    if tenths:
        return _tenths(text, start, end, value, tenths)
    unit, points = _zh_unit(after)
    ordinal = text[start - 1:start] == "第"
    if unit is None and scale == 1 and not tail:
        return Rejected(start, end, raw, BARE_NUMBER)
    return Quantity(start, end, value * scale, unit, _qualifier(text, start, after, False), points, ordinal)


def _zh_scale(word: str) -> int:
    """万亿 → 10^12, 千万 → 10^7, 千余万 → 10^7: the scale words multiplied, 兆 a trillion of its own."""
    scale = 1
    for char in word:
        scale *= _ZH_SCALE_CHARS.get(char, 1)
    return scale


def _en_scale(word: str | None) -> int:
    """The value of a scale word as matched, its spaces however many."""
    return EN_SCALE.get(" ".join((word or "").lower().split()), 1)


def _en_word_value(word: str) -> Decimal:
    """twenty-five → 25, half a → 0.5: a number word's value, a tens word and its unit word added."""
    words = word.lower().replace("-", " ").split()
    if words[0] == "half":
        return Decimal("0.5")
    return Decimal(sum(EN_WORDS[w] for w in words))


def _on_its_line(text: str, end: int, length: int) -> str:
    """What follows a number on its own line: a figure's unit is never on the next line (`Page 1 of
    6` over a headline about the card counts no cards)."""
    return text[end:end + length].split("\n", 1)[0]


def _english(text: str, match: re.Match) -> Quantity | Rejected | None:
    start, end = match.span()
    if match.group("word"):
        after = _on_its_line(text, end, 40)
        unit, _ = _en_unit(" " + after, generic=False)
        if not match.group("wscale") and (unit in (None, "person-time")
                                          or (match.group("word").lower() == "one" and not match.group("hundred"))):
            return None
        scale = _en_scale(match.group("wscale")) * (100 if match.group("hundred") else 1)
        value = _en_word_value(match.group("word")) * scale
        return Quantity(start, end, value, unit, _qualifier(text, start, after, True))
    raw = match.group("num")
    why = _not_a_quantity(text, start, end, raw, english=True, scaled=bool(match.group("scale") or match.group("nscale")))
    if why:
        return Rejected(start, end, raw, why)
    if _ORDINAL_SUFFIX.match(text[end:end + 4]):
        return Rejected(start, end, raw, "an ordinal")
    if (match.group("scale") or match.group("nscale")) and _EN_SECOND_SCALE.match(text, end):
        return Rejected(start, end, raw, "malformed number")
    scale = _en_scale(match.group("scale")) if not match.group("nscale") else _EN["numeric_scales"][" ".join(match.group("nscale").split())]
    value = Decimal(raw.replace(",", "")) * scale
    after = _on_its_line(text, end, 60)
    if _DOLLARS_AFTER.match(after) or _CONVERTED.search(text, max(0, start - 24), start):
        return Rejected(start, end, raw, "a currency conversion")
    unit, points = _en_unit(_PLUS.sub("", after))
    if unit is None and _CURRENCY_BEFORE.search(text, max(0, start - 6), start):
        unit = "yuan"
    if unit is None and scale == 1 and not _EN_REACHED.search(text, max(0, start - 30), start) \
            and not _EN_CHANGED_AFTER.match(after):
        return Rejected(start, end, raw, BARE_NUMBER)
    qualifier = "gt" if match.group("many") else _qualifier(text, start, after, True)
    return Quantity(start, end, value, unit, qualifier, points)
