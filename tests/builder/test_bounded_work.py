"""Bounded work per article: reading and cleaning HTML costs time linear in the page (no pattern
that searches the rest of the page once per unclosed `<!--`, `<script>`, `<title>` or `<meta `,
no list of taken spans searched once per tag), and each article has a time budget
(`--article-timeout`) after which it fails with one line while the build goes on.

The pages below (300 KB) took from 13 s to many minutes each before; the bound they are held to
is the build's own budget, not a timer in the test."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_build_support import EXAMPLES, cli, key_of, source_keys

from sscard_kg.extract import extract as extract_module
from sscard_kg.builder.batch import Task, run_batch
from sscard_kg.config import Limits
from sscard_kg.clean.markup import front_matter_edits, markup_edits, without_tags
from sscard_kg.extract.extract import version
from sscard_kg.read.sources import SourceRef
from sscard_kg.clean.textmap import Edit

ARTICLE = "人社部表示，截至2023年底，全国社会保障卡持卡人数达到13.79亿人，其中9.62亿人领用了电子社保卡。"
GOOD = {key_of(p) for p in EXAMPLES}


def page(filler: str, size: int = 300_000) -> bytes:
    return f"<html><body><p>{ARTICLE}</p>{filler * (size // len(filler))}</body></html>".encode()


HOSTILE = {
    "20k-tags.html": f"<html><body>{'<p><span>社保卡</span></p>' * 5000}<p>{ARTICLE}</p></body></html>".encode(),
    "200k-tags.html": page("<i>", 600_000),
    "meta.html": page("<meta "),
    "meta-og.html": page('<meta property="og:title" '),
    "link.html": page("<link "),
    "title.html": page("<title>"),
    "script.html": page("<script>"),
    "comment.html": page("<!--"),
    "cdata.html": page("<![CDATA["),
    "block.html": page("<p "),
    "body.html": page("<body "),
    "pi.html": page("<?"),
    "title-line.md": ("---\ntitle: 社保卡" + " " * 100_000 + "x\n---\n" + ARTICLE).encode(),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_page_is_read_within_a_budget(name):
    """Each page is built well inside a 20 s budget."""
    (outcome,) = run_batch([Task(SourceRef(name, name), HOSTILE[name])], version(), Limits.current(article_timeout=20))
    assert outcome.error is None, outcome.error
    assert outcome.nquads


def test_the_budget_fails_one_article_and_the_build_goes_on(tmp_path, monkeypatch):
    """One article stuck in a regular expression that backtracks for ever (the budget stops even
    a search inside the regex engine) and one stuck sleeping: both fail with one line each."""
    real = extract_module.extract

    def stuck(article):
        if article.source == "backtracks.txt":
            re.match(r"(a|aa)*b", "a" * 64)
        if article.source == "sleeps.txt":
            time.sleep(60)
        return real(article)

    monkeypatch.setattr(extract_module, "extract", stuck)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("backtracks.txt", "sleeps.txt", "fine.txt"):
        (folder / name).write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "store"
    result = cli("build", str(folder), str(EXAMPLES[0].parent), "--store", str(store), "--workers", "1", "-q",
                 "--article-timeout", "0.5")
    reason = "took longer than 0.5 s to read and extract (--article-timeout); skipped"
    assert result.stderr.strip().splitlines() == [
        f"failed: {folder / 'backtracks.txt'}: {reason}", f"failed: {folder / 'sleeps.txt'}: {reason}",
        "4 built, 0 unchanged, 2 failed"]
    assert result.exit_code == 1
    assert source_keys(store) == GOOD | {key_of(folder / "fine.txt")}


def test_an_article_timeout_of_zero_is_refused():
    result = cli("build", str(EXAMPLES[0]), "--article-timeout", "0")
    assert result.exit_code == 2 and "--article-timeout" in result.output


# The definitions the linear scans must agree with, as the patterns they replaced wrote them.
_DROP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![A-Za-z][^>]*>|<\?.*?\?>"
                   r"|<(script|style|noscript|iframe|svg|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_BLOCK = re.compile(
    r"</?(?:p|div|br|hr|li|ul|ol|dl|dd|dt|h[1-6]|tr|td|th|table|caption|section|article|main|header|"
    r"footer|nav|aside|figure|figcaption|blockquote|pre|address|form|title|option)\b[^>]*>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_TITLE_LINE = re.compile(r"^title:[ \t]*(['\"]?)(?P<title>.+?)\1[ \t]*$", re.M)


def markup_edits_by_definition(text: str) -> list[Edit]:
    edits, taken = [], []
    for match in _DROP.finditer(text):
        edits.append(Edit(match.start(), match.end(), "", "markup"))
        taken.append(match.span())
    for pattern, replacement in ((_BLOCK, "\n"), (_TAG, "")):
        for match in pattern.finditer(text):
            if not any(a <= match.start() < b for a, b in taken):
                edits.append(Edit(match.start(), match.end(), replacement, "markup"))
                taken.append(match.span())
    return edits


PIECES = st.sampled_from(["<", ">", "<!--", "-->", "<script>", "</script>", "<SCRIPT a=1>", "</script >",
                          "<p>", "</p>", "<p ", "<div x='>'>", "<![CDATA[", "]]>", "<?", "?>", "<!DOCTYPE",
                          "<b>", "</b", "<svg:x>", "</svg>", "<script-x>", "<pre>", "<title>", "社保", " ", "\n",
                          "'", '"', "title: ", "title: '", "--"])
SOUP = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(SOUP)
def test_markup_edits_are_those_of_the_patterns_they_replaced(text):
    assert markup_edits(text) == markup_edits_by_definition(text)


@settings(max_examples=300, deadline=None)
@given(SOUP)
def test_tags_are_stripped_as_the_pattern_they_replaced_strips_them(text):
    assert without_tags(text) == re.sub(r"<!--.*?-->|<[^<>]*>", "", text, flags=re.S)


@settings(max_examples=300, deadline=None)
@given(SOUP)
def test_the_front_matter_title_is_found_as_before(text):
    front = "---\n" + text + "\n---\n"
    title = _TITLE_LINE.search(front, 0, len(front))
    edits = front_matter_edits(front, len(front))
    if title is None:
        assert edits == [Edit(0, len(front), "", "front-matter")]
    elif title.group("title").strip(" \t"):  # (a title of blanks alone now counts as no title)
        assert edits[0].end == title.start("title") and edits[1].start == title.end("title")


@pytest.mark.parametrize("head, title, publisher", [
    ('<meta property="og:title" content="社保卡持卡人数"><meta property="og:site_name" content="人社部">'
     "<title>页面标题</title>", "社保卡持卡人数", "人社部"),
    ("<META CONTENT='社保卡' PROPERTY='og:site_name'><title lang=zh>页面\n标题</title>", "页面 标题", "社保卡"),
    ("<meta name=description content=x><title>标题</title><meta property=og:title content=''>", "标题", None),
])
def test_the_html_reader_finds_title_and_site_as_written(head, title, publisher):
    from sscard_kg.read.sources import parse_bytes

    article = parse_bytes(f"<html><head>{head}</head><body><p>{ARTICLE}</p></body></html>".encode(),
                          SourceRef("page.html", "page.html"))
    assert (article.title, article.publisher) == (title, publisher)
