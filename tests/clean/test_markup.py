"""Markup to text as edits: what a page's tags become, and that offsets still reach the original."""

from __future__ import annotations

from sscard_kg.clean import clean
from sscard_kg.clean.markup import entity_edits, front_matter_edits, markdown_edits, markup_edits
from sscard_kg.read.sources import SourceRef, parse_bytes
from sscard_kg.clean.textmap import MappedText, apply_edits


def _apply(text: str, edits) -> MappedText:
    return apply_edits(MappedText.identity(text), edits)


def test_html_entities_are_decoded():
    assert _apply("&ldquo;一卡通&rdquo;&nbsp;&#34;&#x4E00;", entity_edits("&ldquo;一卡通&rdquo;&nbsp;&#34;&#x4E00;")).text == "“一卡通”\xa0\"一"


def test_an_unknown_entity_stays():
    assert entity_edits("&nosuchentity;") == []


def test_block_tags_become_line_breaks():
    page = "<div><p>第一段</p><p>第二段</p></div>"
    assert [line for line in _apply(page, markup_edits(page)).text.split("\n") if line] == ["第一段", "第二段"]


def test_table_cells_do_not_run_together():
    page = "<table><tr><td>2021年</td><td>13.52亿</td></tr></table>"
    assert "2021年13.52亿" not in _apply(page, markup_edits(page)).text


def test_inline_tags_are_removed_without_a_break():
    page = "<p>持卡人数<b>13.79</b>亿人</p>"
    assert _apply(page, markup_edits(page)).text.strip() == "持卡人数13.79亿人"


def test_scripts_styles_and_comments_are_dropped_whole():
    page = "<script>var a = '<p>x</p>';</script><style>p{color:red}</style><!-- 来源 --><p>正文</p>"
    assert _apply(page, markup_edits(page)).text.strip() == "正文"


def test_doctype_is_dropped():
    page = "<!DOCTYPE html><p>正文</p>"
    assert _apply(page, markup_edits(page)).text.strip() == "正文"


def test_front_matter_is_removed_but_its_title_stays_as_first_line():
    text = "---\ntitle: '标题'\ndate: 2021-04-26\n---\n正文"
    assert _apply(text, front_matter_edits(text, text.index("正文"))).text == "标题\n正文"


def test_front_matter_without_title_is_removed_whole():
    text = "---\ndate: 2021-04-26\n---\n正文"
    assert _apply(text, front_matter_edits(text, text.index("正文"))).text == "正文"


def test_no_front_matter_no_edit():
    assert front_matter_edits("正文", 0) == []


def test_cleaned_text_of_a_front_matter_page_quotes_the_original():
    raw = "---\ntitle: 社保卡\ndate: 2024-01-24\n---\n<div><p>截至2023年底，持卡人数达13.79亿人&hellip;</p></div>\n"
    cleaned = clean(parse_bytes(raw.encode(), SourceRef("a.md", "a.md")))
    start = cleaned.text.index("13.79")
    assert cleaned.mapped.original_quote(start, start + len("13.79亿人")) == "13.79亿人"


def test_front_matter_is_not_in_the_cleaned_text():
    raw = "---\ntitle: 社保卡\ndate: 2024-01-24\n---\n<div><p>截至2023年底，持卡人数达13.79亿人。</p></div>\n"
    assert "title" not in clean(parse_bytes(raw.encode(), SourceRef("a.md", "a.md"))).text


def test_markdown_links_images_headings_and_emphasis_leave_their_words():
    page = "# 标题\n[首页](https://a.cn/) > 正文\n**上一篇：** [全省新增就业45.6万人](https://a.cn/1.html)\n![图](q.png) 扫码\n*阅读 2.3万*"
    assert _apply(page, markdown_edits(page)).text == "标题\n首页 > 正文\n上一篇： 全省新增就业45.6万人\n 扫码\n阅读 2.3万"


def test_markdown_bullets_products_and_bracketed_notes_stay():
    page = "* 社保卡可以跨省使用\n5 * 3 = 15\n持卡人数[注1]达13亿"
    assert markdown_edits(page) == []


def test_a_markdown_page_quotes_its_original_through_the_removed_marks():
    raw = "---\ntitle: 社保卡\ndate: 2024-05-08\n---\n截至2024年4月底，持卡人数达**5230万人**。\n"
    cleaned = clean(parse_bytes(raw.encode(), SourceRef("a.md", "a.md")))
    start = cleaned.text.index("5230")
    assert cleaned.mapped.original_quote(start, start + len("5230万人")) == "5230万人"
