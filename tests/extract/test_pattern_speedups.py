"""Speed-ups of pattern matching (a first-character lookahead, matching line by line) change how fast, never what is matched."""

from __future__ import annotations

import re

import pytest

from sscard_kg.extract.dates_grammar import en_patterns, zh_patterns
from sscard_kg.prefilter import compile_fast


def _spans(pattern: re.Pattern, text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_every_date_pattern_matches_the_seeds_and_dev_articles_as_before(seeds_dir, dev_dir):
    texts = [p.read_text(encoding="utf-8", errors="replace") for d in (seeds_dir, dev_dir) for p in sorted(d.iterdir())]
    patterns = [(p, 0) for p, _ in zh_patterns()] + [(rf"\b(?:{p})", re.I) for p, _ in en_patterns()]
    matched = 0
    for pattern, flags in patterns:
        plain, fast = re.compile(pattern, flags), compile_fast(pattern, flags)
        for text in texts:
            found = _spans(fast, text)
            assert found == _spans(plain, text), pattern
            matched += len(found)
    assert matched > 100


def test_every_gazetteer_matcher_matches_the_seeds_and_dev_articles_as_before(seeds_dir, dev_dir):
    """The English alias patterns open with a lookbehind; the lookahead makes them skip faster."""
    from sscard_kg.extract.gazetteer import alias_regex, fold_case, load

    gazetteer = load()
    texts = [p.read_text(encoding="utf-8", errors="replace") for d in (seeds_dir, dev_dir) for p in sorted(d.iterdir())]
    matched = 0
    for kind in ("agency", "person", "program", "region"):
        for english in (False, True):
            fast, table = gazetteer._matcher(kind, english)
            plain = re.compile(alias_regex(table, english))
            assert english == (plain.pattern != fast.pattern), kind
            for text in texts:
                text = fold_case(text) if english else text
                found = _spans(fast, text)
                assert found == _spans(plain, text), (kind, english)
                matched += len(found)
    assert matched > 100


def _module_patterns() -> list[tuple[str, re.Pattern]]:
    """Every compiled pattern the package's modules hold at their top level, alone or in lists,
    and the boilerplate cues."""
    import importlib
    import pkgutil

    import sscard_kg

    found = []
    for info in pkgutil.walk_packages(sscard_kg.__path__, "sscard_kg."):
        if info.name.endswith(("__main__", ".preload")):
            continue
        for name, value in vars(importlib.import_module(info.name)).items():
            items = value if isinstance(value, (list, tuple)) else [value]
            for item in items:
                for pattern in (item if isinstance(item, tuple) else (item,)):
                    if isinstance(pattern, re.Pattern):
                        found.append((f"{info.name}.{name}", pattern))
    from sscard_kg.clean.boilerplate import cues

    found += [(f"boilerplate cue {name}", value) for name, value in cues().items() if isinstance(value, re.Pattern)]
    return found


def test_every_pattern_given_a_lookahead_matches_the_seeds_and_dev_articles_as_without(seeds_dir, dev_dir):
    """The lookahead is `(?=…)` put before `(?:pattern)`; the pattern alone must match the same."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for d in (seeds_dir, dev_dir) for p in sorted(d.iterdir())]
    fast = [(name, p) for name, p in _module_patterns() if p.pattern.startswith("(?=")]
    assert {"sscard_kg.extract.numbers._ZH_NUM", "sscard_kg.extract.figure_places.NATIONAL", "boilerplate cue copyright"} <= {n for n, _ in fast}
    matched = 0
    for name, pattern in fast:
        plain = pattern.pattern[pattern.pattern.index(")(?:") + 4:-1]
        assert compile_fast(plain, pattern.flags).pattern == pattern.pattern, name
        for text in texts:
            found = _spans(pattern, text)
            assert found == _spans(re.compile(plain, pattern.flags), text), name
            matched += len(found)
    assert matched > 1000


@pytest.mark.parametrize("pattern, first", [
    (r"(?P<to>截至|到)?(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月", r"(?=[\d到截])"),
    (r"(?<![\d年])(?:年底|年末)", "(?=[年])"),
    (r"\b(?:as of|by)? ?the end", r"(?=[\ abt])"),
    (r"(?P<role>(?i:deputy |vice )?(?i:director))\s[A-Z]", r"(?=(?i:[dv]))"),
    (r"^\s*[^|\d]{1,16}(\s*\|\s*[^|\d]{1,16}){2,}$|分享到", "(?=[分]|^)"),  # a `^`: where it holds, not at each space
    (r"(?m:^)\s*x|y", r"(?=[\sxy])"),  # a `^` of a group's own re.MULTILINE holds after each line break
])
def test_a_lookahead_names_the_characters_a_match_can_begin_with(pattern, first):
    assert compile_fast(pattern).pattern == f"{first}(?:{pattern})"


def test_a_part_whose_case_is_ignored_keeps_every_match():
    pattern = r"(?i:deputy )?(?:(?i:director|spokesman)|Minister) [A-Z]\w+"
    text = "DEPUTY DIRECTOR Li, Deputy director Wang, Minister Zhang, minister Zhao, ſpokesman Chen"
    assert compile_fast(pattern).pattern.startswith("(?=[M]|(?i:[ds]))")
    assert _spans(compile_fast(pattern), text) == _spans(re.compile(pattern), text)
    assert len(_spans(compile_fast(pattern), text)) == 4


@pytest.mark.parametrize("pattern, flags", [
    ("版权|免责|copyright|disclaimer", re.I),  # the engine tests no first letter whose case is ignored
    ("分别|respectively", re.I),
    (r"(?P<n>\d+)(?P<scale>万|亿)?|(?P<cn>[一二三]+)[万亿]", 0),  # nor the first characters of groups
])
def test_a_lookahead_where_the_engine_would_try_every_place(pattern, flags):
    compiled = compile_fast(pattern, flags)
    assert compiled.pattern.startswith("(?=")
    text = "Copyright 2024 版权所有 COPYRIGHT; 分别为12万人和三万人, Respectively"
    assert _spans(compiled, text) == _spans(re.compile(pattern, flags), text) != []


@pytest.mark.parametrize("pattern", [r"a*", r"(?:x)?", r"x?.b", r"x?[^a]b", r"\b\Wb", r"(?i)x?ab", r"ab?", r"(?:a|b)c?",
                                     r"社保|持卡", r"(?:年底|年末)\d"])
def test_no_lookahead_where_it_is_not_needed_or_cannot_be_worked_out(pattern):
    """A match that may be empty or begin with anything, a pattern whose first character the
    engine finds itself."""
    compiled = compile_fast(pattern)
    assert compiled.pattern == pattern
    assert _spans(compiled, "ab xb aab Ab") == _spans(re.compile(pattern), "ab xb aab Ab")


def test_case_is_ignored_in_the_lookahead_as_in_the_pattern():
    compiled = compile_fast(r"(?:in )?the first half", re.I)
    assert [m.group(0) for m in compiled.finditer("In The First Half of 2020, the first half")] == [
        "In The First Half", "the first half"]


def test_dates_are_matched_line_by_line_as_in_the_whole_text(seeds_dir, dev_dir):
    """No date pattern spans a line break or looks past one: matching each line is exact."""
    from sscard_kg.extract.dates import _EN_PATTERNS, _ZH_PATTERNS, _matches

    texts = [p.read_text(encoding="utf-8", errors="replace") for d in (seeds_dir, dev_dir) for p in sorted(d.iterdir())]
    for text in texts + ["截至2023年底\n1月份\n12月底 全年\n", "the end of\nDecember 2023\nin 2023\n"]:
        for english, patterns in ((False, _ZH_PATTERNS), (True, _EN_PATTERNS)):
            whole = [(h, *m.span(), m.groupdict(), m.group(0)) for p, h in patterns for m in p.finditer(text)]
            assert list(_matches(text, english)) == whole


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"(?:the )?end of (?:the )?year", re.I, {"end of "}),
    (r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日", 0, {"月"}),
    (r"q(?P<qn>[1-4])|h(?P<hn>[12])", re.I, {"q", "h"}),
    (r"(?:March|June)\s+\d+", 0, {"march", "june"}),
    (r"社保\s*ic\s*卡", re.I, {"社保"}),
    (r"(?:abc)?\d+", 0, None),         # an optional part is no needle
    (r"[a-z]+ing", 0, {"ing"}),
    (r"(?:x|\d)y?", 0, None),         # an alternative with no needle: none for the whole
    (r"Éire|ok", re.I, {"ire", "ok"}),  # a cased character beyond ASCII goes into no needle
])
def test_needles_are_what_every_match_holds(pattern, flags, expected):
    from sscard_kg.prefilter import needles

    assert needles(re.compile(pattern, flags)) == (frozenset(expected) if expected is not None else None)


def test_every_match_of_every_pattern_holds_one_of_its_needles(seeds_dir, dev_dir):
    """What lets a line holding none of a pattern's needles go unsearched: in each match, folded
    as `fold_case` folds a text, one of them is found (whatever case and special letters: ſ, K)."""
    from sscard_kg.extract.gazetteer import fold_case, load
    from sscard_kg.prefilter import needles

    texts = [p.read_text(encoding="utf-8", errors="replace") for d in (seeds_dir, dev_dir) for p in sorted(d.iterdir())]
    texts.append("The END of the YEAR, the ſecond quarter, Q3 2020, end-ſeptember, 2023年底, 二〇二三年")
    gazetteer = load()
    patterns = [p for name, p in _module_patterns()]
    patterns += [p for phrasing in gazetteer.subjects + gazetteer.measures for p in (phrasing.phrases, phrasing.weak) if p]
    checked = 0
    for pattern in patterns:
        found = needles(pattern)
        if found is None:
            continue
        for text in texts:
            for match in pattern.finditer(text):
                if match.end() > match.start():
                    assert any(needle in fold_case(match.group(0)) for needle in found), (pattern.pattern, match.group(0))
                    checked += 1
    assert checked > 1000


@pytest.mark.parametrize("pattern, flags, text, kept", [
    (r"(?:\bsocial cards?\b)|(?:社保卡)|(?:\bsscs?\b)", re.I, "Social Cards and SSC", r"(?:\bsocial cards?\b)|(?:\bsscs?\b)"),
    (r"(?:a[|(]b)|(?:[^]x]yz)|(?:c\|d)", 0, "a|b", r"(?:a[|(]b)"),  # a `|` in a class or escaped is no cut
    (r"(?:(?:x|y)z)|(?:w)", 0, "w", r"(?:w)"),                   # nor one inside a group
])
def test_a_pattern_is_narrowed_to_the_alternatives_a_text_may_match(pattern, flags, text, kept):
    from sscard_kg.extract.gazetteer import fold_case
    from sscard_kg.prefilter import compile_fast, narrowed

    compiled = compile_fast(pattern, flags)
    found = narrowed(compiled, fold_case(text))
    assert found.pattern == compile_fast(kept, flags).pattern
    assert _spans(found, text) == _spans(compiled, text)


def test_a_pattern_none_of_whose_alternatives_can_match_is_none_and_one_that_cannot_be_split_is_whole():
    from sscard_kg.prefilter import narrowed

    assert narrowed(re.compile("(?:abc)|(?:def)"), "xyz") is None
    single = re.compile(r"abc\d")
    assert narrowed(single, "xyz") is single
    flagged = re.compile(r"(?i)abc|def")
    assert narrowed(flagged, "abc") is flagged


def test_patterns_narrowed_together_are_each_narrowed_as_alone():
    from sscard_kg.extract.gazetteer import fold_case
    from sscard_kg.prefilter import Narrowing, compile_fast, narrowed

    patterns = (compile_fast(r"(?:\bsocial cards?\b)|(?:社保卡)|(?:\bsscs?\b)", re.I), None, re.compile(r"abc\d"),
                compile_fast(r"(?:card)|(?:社保)|(?:x\d)", re.I))
    together = Narrowing(patterns)
    for text in ("Social Cards and SSC", "社保卡", "no needle here", "x1 card"):
        assert together.narrowed(fold_case(text)) == [narrowed(p, fold_case(text)) for p in patterns]


def test_the_metric_phrases_found_in_a_text_are_the_same_narrowed(seeds_dir, dev_dir):
    from sscard_kg.extract.compose import _all_hits
    from sscard_kg.extract.gazetteer import load

    gazetteer = load()
    texts = [p.read_text(encoding="utf-8", errors="replace") for d in (seeds_dir, dev_dir) for p in sorted(d.iterdir())]
    found = 0
    for text in texts:
        for kind, phrasings, weak in (("subjects", gazetteer.subjects, False), ("weak subjects", gazetteer.subjects, True),
                                      ("measures", gazetteer.measures, False)):
            patterns = [(p.iri, p.weak if weak else p.phrases) for p in phrasings]
            whole = sorted((m.start(), m.end(), iri) for iri, pattern in patterns if pattern is not None
                           for m in pattern.finditer(text) if m.end() > m.start())
            assert [tuple(h) for h in _all_hits.__wrapped__(gazetteer, text, kind)[1]] == whole
            found += len(whole)
    assert found > 500
