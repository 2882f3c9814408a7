"""Boilerplate: what each real page adds around its article is dropped, and nothing of the article."""

from __future__ import annotations

import bisect
import csv
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest

from sscard_kg.clean import Cleaned, clean
from sscard_kg.clean.boilerplate import EXTRACTOR_REASON, cues, line_reason, segment, segment_lines
from sscard_kg.model import Article
from sscard_kg.read.sources import SourceRef, parse_bytes, read

GOLD = Path(__file__).resolve().parents[2] / "benchmarks" / "gold" / "measurements.tsv"
KEPT = ("main", "title", "related")


@lru_cache(maxsize=None)
def _article(path: Path) -> Article:
    return read(SourceRef(str(path), path.name))


@lru_cache(maxsize=None)
def _cleaned(path: Path) -> Cleaned:
    return clean(_article(path))


def _line(path: Path, needle: str):
    """The segment of the first cleaned line containing `needle`."""
    cleaned = _cleaned(path)
    for seg, a, b in segment_lines(cleaned.text, cleaned.segments):
        if needle in cleaned.text[a:b]:
            return seg
    raise AssertionError(f"no line with {needle!r} in {path.name}")


def _kind(path: Path, needle: str) -> str:
    return _line(path, needle).kind


def _dev(dev_dir: Path, prefix: str) -> Path:
    (match,) = sorted(dev_dir.glob(f"{prefix}_*"))
    return match


# Seeds


def test_002_headline_list_wang_jianjun_is_boilerplate(seed_file):
    assert _kind(seed_file("002"), "证监会副主席王建军") == "boilerplate"


def test_002_headline_list_jiangsu_gdp_is_boilerplate(seed_file):
    assert _kind(seed_file("002"), "江苏2023年GDP达12.82万亿元") == "boilerplate"


def test_002_headline_list_item_that_asks_a_question_is_boilerplate(seed_file):
    assert _kind(seed_file("002"), "寒假近视防控要注意啥") == "boilerplate"


def test_002_copyright_line_is_boilerplate(seed_file):
    assert _line(seed_file("002"), "版权声明").reason == "copyright"


def test_002_body_figure_is_main(seed_file):
    assert _kind(seed_file("002"), "全国社保卡持卡人数达13.79亿人,其中") == "main"


def test_004_related_item_of_2017_08_18_keeps_its_date(seed_file):
    seg = _line(seed_file("004"), "截至7月末,中国社保卡持卡人数达10.22亿")
    assert (seg.kind, seg.date) == ("related", "2017-08-18")


def test_004_related_reading_heading_is_boilerplate(seed_file):
    assert _line(seed_file("004"), "延伸阅读").reason == "related-reading heading"


def test_004_copyright_and_disclaimer_is_boilerplate(seed_file):
    assert _line(seed_file("004"), "版权及免责声明").reason == "copyright"


def test_004_licence_footer_is_boilerplate(seed_file):
    assert _kind(seed_file("004"), "京ICP备") == "boilerplate"


def test_004_body_figure_is_main(seed_file):
    assert _kind(seed_file("004"), "目前社保卡已覆盖全国超过72%人口") == "main"


def test_000_editor_line_is_boilerplate(seed_file):
    assert _line(seed_file("000"), "责任编辑").reason == "credit"


def test_000_app_blurb_is_boilerplate(seed_file):
    assert _kind(seed_file("000"), "尽在新浪财经APP") == "boilerplate"


def test_000_body_figures_are_main(seed_file):
    assert _kind(seed_file("000"), "全国基本养老、失业、工伤保险参保人数分别为10.07亿人") == "main"


def test_001_subheading_with_a_figure_is_main(seed_file):
    assert _kind(seed_file("001"), "更智能,超5亿人领取电子社保卡") == "main"


# Development corpus


def test_d02_numbered_navigation_is_dropped(dev_dir):
    assert _line(_dev(dev_dir, "d02"), "3. Arab States").reason == "link list"


def test_d02_article_paragraph_is_kept(dev_dir):
    assert _kind(_dev(dev_dir, "d02"), "170 local governments have started issuing") == "main"


def test_d02_headline_above_its_source_line_is_kept(dev_dir):
    assert _kind(_dev(dev_dir, "d02"), "China Keeps Social Security and ID Cards Separate") == "main"


def test_d05_news_recommendation_list_is_boilerplate(dev_dir):
    assert _kind(_dev(dev_dir, "d05"), "24小时新闻排行榜") == "boilerplate"


def test_d05_channel_recommendation_heading_is_boilerplate(dev_dir):
    assert _line(_dev(dev_dir, "d05"), "频道推荐").reason == "related-reading heading"


def test_d05_card_holders_sentence_is_main(dev_dir):
    assert _kind(_dev(dev_dir, "d05"), "全国社保卡持卡人数达11.2亿人") == "main"


def test_d12_subheadings_between_paragraphs_are_main(dev_dir):
    assert _kind(_dev(dev_dir, "d12"), "二、社保卡持卡人数及普及率") == "main"


def test_d14_spam_mirror_menu_is_boilerplate(dev_dir):
    assert _kind(_dev(dev_dir, "d14"), "Magazines") == "boilerplate"


def test_d14_truncated_headlines_are_boilerplate(dev_dir):
    assert _line(_dev(dev_dir, "d14"), "People Enjoy Blooming Tulips").reason in ("link list", "box item")


def test_d14_unrelated_popular_headlines_are_boilerplate(dev_dir):
    assert _kind(_dev(dev_dir, "d14"), "Wrigley Field") == "boilerplate"


def test_d14_source_credit_is_boilerplate(dev_dir):
    assert _line(_dev(dev_dir, "d14"), "(Source: Xinhua)").reason == "credit"


def test_d14_fund_balance_is_main(dev_dir):
    assert _kind(_dev(dev_dir, "d14"), "7.18 trillion yuan") == "main"


def test_d17_language_menu_is_boilerplate(dev_dir):
    assert _line(_dev(dev_dir, "d17"), "Français").reason == "language menu"


def test_d20_share_buttons_are_boilerplate(dev_dir):
    assert _kind(_dev(dev_dir, "d20"), "新浪微博") == "boilerplate"


def test_d20_visits_figure_is_main(dev_dir):
    assert _kind(_dev(dev_dir, "d20"), "访问量已超2700万次") == "main"


# Every figure a careful reader wants from these files survives.


def _gold_quotes() -> list[tuple[str, str]]:
    with open(GOLD, encoding="utf-8", newline="") as handle:
        return sorted({(row["file"], row["quote"]) for row in csv.DictReader(handle, delimiter="\t")})


def _kept_at(cleaned: Cleaned, original_offset: int) -> bool:
    index = bisect.bisect_left(cleaned.mapped.starts, original_offset)
    return any(s.kind in KEPT and s.start <= index < s.end for s in cleaned.segments)


def test_every_gold_figure_in_the_body_is_in_kept_text(seeds_dir, dev_dir):
    """Figures in the front matter (a title there) never reach the boilerplate stage."""
    lost = []
    for name, quote in _gold_quotes():
        path = (dev_dir if name.startswith("d") else seeds_dir) / name
        cleaned, body_start = _cleaned(path), _article(path).body_start
        raw = cleaned.mapped.original
        offsets = [i for i in range(body_start, len(raw)) if raw.startswith(quote, i)]
        if not offsets:
            continue
        if not any(_kept_at(cleaned, i + len(quote) // 2) for i in offsets):
            lost.append((name, quote))
    assert lost == []


# General rules on made-up pages.


def _kinds(text: str, title_first: bool = False) -> dict[str, str]:
    return {text[a:b]: seg.kind for seg, a, b in segment_lines(text, segment(text, title_first))}


BODY = "人社部表示,截至2023年底,全国社保卡持卡人数达13.79亿人,其中9.62亿人同时领用电子社保卡。"


def test_a_run_of_short_link_lines_after_the_body_is_a_list():
    kinds = _kinds(f"{BODY}\n某地举办招聘会\n某市公交上新\n某县迎来丰收")
    assert [kinds[k] for k in ("某地举办招聘会", "某市公交上新", "某县迎来丰收")] == ["boilerplate"] * 3


def test_a_few_subheadings_between_paragraphs_stay():
    kinds = _kinds(f"{BODY}\n一、基本情况\n社保卡的作用\n二、持卡人数\n{BODY}")
    assert kinds["二、持卡人数"] == "main"


def test_a_single_bullet_line_is_not_a_list():
    assert _kinds(f"{BODY}\n- 社保卡可以在线申领\n{BODY}")["- 社保卡可以在线申领"] == "main"


def test_a_bulleted_list_of_sentences_stays():
    text = f"{BODY}\n- 社保卡可以在线申领。\n- 社保卡可以跨省使用。\n- 社保卡可以领取补贴。"
    assert _kinds(text)["- 社保卡可以跨省使用。"] == "main"


def test_a_first_short_line_of_plain_text_is_the_title():
    assert _kinds(f"全国社保卡持卡人数达13.79亿人\n{BODY}", title_first=True)["全国社保卡持卡人数达13.79亿人"] == "title"


def test_an_undated_related_item_is_boilerplate():
    assert _kinds(f"{BODY}\n相关阅读\n社保卡持卡人数达10亿")["社保卡持卡人数达10亿"] == "boilerplate"


def test_a_dated_related_item_is_related():
    text = f"{BODY}\n相关阅读\n• 社保卡持卡人数达10亿\n2017-05-26"
    assert _kinds(text)["• 社保卡持卡人数达10亿"] == "related"


@pytest.mark.parametrize("heading", ["相关新闻：", "Recommended reading:", "Hot news recommendation:", "You may also like"])
def test_a_related_item_that_ends_with_its_date_is_related_with_that_date(heading):
    text = f"{BODY}\n{heading}\n· 全国社保卡持卡人数突破7亿（2015-01-23）\nCard holders reached 931 million (2023-12-26)"
    related = {text[s.start:s.end]: s.date for s in segment(text, False) if s.kind == "related"}
    assert related == {"· 全国社保卡持卡人数突破7亿（2015-01-23）": "2015-01-23",
                       "Card holders reached 931 million (2023-12-26)": "2023-12-26"}


@pytest.mark.parametrize("line", ["标签: 社保卡 电子社保卡 一卡通", "Home > News > China", "扫码关注我们"])
def test_tag_breadcrumb_and_qr_lines_are_boilerplate(line):
    assert _kinds(f"{BODY}\n{line}")[line] == "boilerplate"


@pytest.mark.parametrize("line", [
    "扫码就医已覆盖300个城市", "电子社保卡扫码支付已在200多个地市开通", "已有2亿人通过微信公众号领取电子社保卡",
    "下载APP申领电子社保卡的已超过5000万人", "More than 50 million people scan the e-card every month.",
    "QR code payments with the e-card reached 300 cities", "The app was downloaded 80 million times",
])
def test_a_scan_qr_or_app_line_that_states_a_figure_is_kept(line):
    assert _kinds(f"{BODY}\n{line}")[line] == "main"


@pytest.mark.parametrize("line", [
    "扫描二维码关注我们", "下载APP", "扫一扫，分享到朋友圈", "关注微信公众号，获取更多资讯", "打开人民日报APP阅读全文",
    "Scan the QR code to follow us", "Download the app", "Follow us on WeChat", "Scan the code to read more",
])
def test_scan_qr_and_app_furniture_without_a_figure_is_dropped(line):
    assert _kinds(f"{BODY}\n{line}")[line] == "boilerplate"


def test_a_figure_of_scanning_is_read_with_its_date(page_figures):
    page = "2024年1月20日\n截至2023年底，全国社会保障卡持卡人数达13.79亿人。\n截至2023年底，扫码就医已覆盖300个城市。\n"
    assert (None, Decimal("300"), "count", "2023-12-31") in page_figures(page)


HEADLINE = "人社部：全国社保卡持卡人数达13.79亿人"
BANNERS = ["某某新闻网 旗下网站", "某某周刊", "详情", "newsdaily", "Nav Search", "登录 注册", "首页 > 新闻中心 > 社保动态",
           "某某资讯网 > 新闻 > 正文", "[ 设为首页 ] [ 收藏本站 ]", "某某娱乐_官方网站_注册送彩金_手机版下载",
           "某某生活网 - 分享生活每一天", "某市人社局", "某某县人民政府门户网站", "首页 | 机构概况 | 政务公开 | 办事服务",
           "您现在的位置：首页 >> 新闻动态", "Example Daily News - Your trusted source for China", "Example China Blog", "You are here: Home > Society",
           "SOME BUSINESS REVIEW | Economy | Jan 30, 2023", "某某财经 | 宏观 | 2023-01-30"]


@pytest.mark.parametrize("banner", BANNERS)
def test_the_headline_is_found_below_a_site_banner(banner):
    kinds = _kinds(f"{banner}\n{HEADLINE}\n{BODY}", title_first=True)
    assert (kinds[banner], kinds[HEADLINE]) == ("boilerplate", "title")


def test_the_headline_is_found_below_several_banners_and_a_date_line():
    kinds = _kinds(f"某某周刊\n登录 注册\n首页 > 新闻中心 > 社保动态\n2024-01-20\n{HEADLINE}\n{BODY}", title_first=True)
    assert kinds[HEADLINE] == "title"


def test_an_english_headline_is_found_below_a_chinese_spam_title():
    spam = "最新免费高清电影在线观看_每日更新海量影视资源_支持手机电脑同步观看_无需注册即可畅享"
    headline = "Social security card holders reach a new high"
    text = f"{spam}\n{headline}\nBy the end of 2023, 1.379 billion people held social security cards, the ministry said."
    kinds = _kinds(text, title_first=True)
    assert (kinds[spam], kinds[headline]) == ("boilerplate", "title")


@pytest.mark.parametrize("first", ["持卡13.79亿", "社保卡新规来了"])
def test_a_short_first_line_with_a_figure_or_enough_words_is_the_title(first):
    assert _kinds(f"{first}\n{BODY}", title_first=True)[first] == "title"


def test_no_headline_is_looked_for_below_the_first_paragraph():
    kinds = _kinds(f"{BODY}\n社保卡新规来了\n{BODY}", title_first=True)
    assert kinds["社保卡新规来了"] == "main"


def test_a_headline_figure_keeps_its_metric_when_the_body_gives_the_value_without_one(page_reading):
    page = ("Home > News\nSocial security card holders broke through 1 billion\nMay 26, 2017\n"
            "On May 25, the vice minister handed over the 1 billion social security card in Shanghai.\n")
    figures = {(m.metric, m.value) for m in page_reading(page).measurements}
    assert ("card-holders", Decimal("1000000000")) in figures


PAGE = """<html><head><title>社保卡</title></head><body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li><li><a href="/ss">社保动态</a></li><li><a href="/e">电子社保卡</a></li></ul></nav>
<article><h1>全国社保卡持卡人数达13.79亿人</h1>
<p>中新网1月24日电 人力资源社会保障部信息中心主任宋京燕表示，截至2023年底，全国社保卡持卡人数达13.79亿人，其中9.62亿人同时领用了电子社保卡。</p>
<p>2023年，电子社保卡服务人次达151亿，人社部将继续推进社保卡居民服务“一卡通”，为群众提供更便捷更广泛的服务。</p></article>
<aside><ul><li><a href="/x">江苏2023年GDP达12.82万亿元</a></li><li><a href="/y">证监会副主席王建军：建设以投资者为本的资本市场</a></li></ul></aside>
</body></html>"""


@pytest.fixture(scope="module")
def page_lines():
    cleaned = clean(parse_bytes(PAGE.encode(), SourceRef("page.html", "page.html")))
    return {cleaned.text[a:b].strip(): seg for seg, a, b in segment_lines(cleaned.text, cleaned.segments)}


def test_html_side_links_the_extractor_leaves_out_are_boilerplate(page_lines):
    assert page_lines["江苏2023年GDP达12.82万亿元"].reason == EXTRACTOR_REASON


def test_html_navigation_is_boilerplate(page_lines):
    assert page_lines["新闻中心"].kind == "boilerplate"


def test_html_menu_entry_that_also_occurs_in_the_body_is_boilerplate(page_lines):
    assert page_lines["电子社保卡"].reason == EXTRACTOR_REASON


def test_html_paragraphs_the_extractor_keeps_are_main(page_lines):
    assert page_lines["2023年,电子社保卡服务人次达151亿,人社部将继续推进社保卡居民服务“一卡通”,为群众提供更便捷更广泛的服务。"].kind == "main"


@pytest.mark.parametrize("meta", ["2024-03-02 来源：本站 作者：李华 阅读量：3421", "发布时间：2024-03-02 09:30 浏览次数：1856",
                                  "By Li Na | Xinhua | 2024-03-02", "Updated: 2024-03-02 07:55 | 3,245 views"])
def test_the_line_under_the_headline_that_says_when_and_where_is_furniture_and_the_headline_stays(meta):
    kinds = _kinds(f"某某新闻网\n{HEADLINE}\n{meta}\n{BODY}", title_first=True)
    assert (kinds[HEADLINE], kinds[meta]) == ("title", "boilerplate")


@pytest.mark.parametrize("line", ["By the end of 2023, 1.379 billion people held the card.", "By then the card was in use.",
                                  "By contrast, the e-card is free.", "时间过得很快，社保卡已走过25年。"])
def test_an_article_line_that_starts_like_a_byline_or_a_date_line_stays(line):
    assert _kinds(f"{BODY}\n{line}\n{BODY}")[line] == "main"


def test_a_box_of_headlines_ends_at_the_next_paragraph():
    kinds = _kinds(f"{BODY}\n24小时热闻\n· 全国城镇新增就业520万人\n某省养老金上调3.8%\n{BODY}x")
    assert [kinds[k] for k in ("24小时热闻", "· 全国城镇新增就业520万人", "某省养老金上调3.8%", f"{BODY}x")] == \
        ["boilerplate", "boilerplate", "boilerplate", "main"]


def test_a_box_does_not_take_a_headline_that_stands_above_its_byline():
    headline = "社保卡持卡人数达13.79亿人"
    kinds = _kinds(f"热点新闻\n· 某地举办招聘会\n{headline}\n来源：某某日报\n{BODY}", title_first=True)
    assert kinds["· 某地举办招聘会"] == "boilerplate" and kinds[headline] != "boilerplate"


def test_a_related_heading_above_the_article_opens_a_box_not_the_tail():
    kinds = _kinds(f"相关新闻\n· 某地举办招聘会\n· 某市公交上新\n{BODY}", title_first=True)
    assert (kinds["· 某市公交上新"], kinds[BODY]) == ("boilerplate", "main")


@pytest.mark.parametrize("heading", ["网友评论", "发表评论", "最新评论（12）", "Leave a comment", "12 Comments", "Comments (3)"])
def test_a_comment_section_is_dropped_whole_though_its_posts_carry_dates(heading):
    post = "我们这里社保卡持卡人数达50万人 2024-05-06"
    kinds = _kinds(f"{BODY}\n{heading}\n{post}\n{BODY}x")
    assert (kinds[heading], kinds[post], kinds[f"{BODY}x"]) == ("boilerplate", "boilerplate", "boilerplate")


def test_a_bare_comments_menu_entry_opens_no_comment_section():
    kinds = _kinds(f"{BODY}\nComments\nMagazines\n{BODY}x")
    assert kinds[f"{BODY}x"] == "main"


def test_headlines_with_figures_below_the_last_paragraph_are_a_list():
    """Other stories' headlines copied below the article carry figures; with no text below them
    they head nothing."""
    tail = ["全市城镇新增就业3.5万人", "一季度GDP增长8.2%", "全市养老保险参保人数达180万人"]
    kinds = _kinds("\n".join([BODY, *tail]))
    assert [kinds[line] for line in tail] == ["boilerplate"] * 3 and kinds[BODY] == "main"


def test_subheadings_with_figures_above_their_paragraphs_stay():
    heads = ["一、持卡人数达13.79亿人", "二、电子社保卡领用9.62亿人", "三、服务人次超过150亿"]
    kinds = _kinds("\n".join(x for head in heads for x in (head, BODY)))
    assert [kinds[line] for line in heads] == ["main"] * 3


@pytest.mark.parametrize("heading", ["【相关阅读】", "■ 相关新闻", "——延伸阅读——", "[相关链接]", "Related Articles »", ">> Read more"])
def test_a_related_heading_set_between_marks_opens_the_tail(heading):
    text = f"{BODY}\n{heading}\n• 社保卡持卡人数达10亿\n2017-05-26"
    assert _kinds(text)["• 社保卡持卡人数达10亿"] == "related"


@pytest.mark.parametrize("line", ["[责任编辑：王某]", "文/张三 图/李四", "（编译：李四）", "Translated by Li Na", "[Editor: Wang Ming]",
                                  "（本文编辑：孙某）", "(Editor in charge: Wang Fang)", "Source Date: Monday, May 6, 2024",
                                  "本文刊于5月7日《某某报》3版", "Xinhua | Updated: 2024-05-06 10:36"])
def test_credits_in_their_other_forms_are_credits(line):
    assert _line_reason(line) == "credit"


def _line_reason(line: str) -> str:
    from sscard_kg.clean.boilerplate import cues, line_reason

    return line_reason(line, cues())


def test_a_data_box_below_the_last_paragraph_stays():
    box = ["持卡人数：13.8亿人", "电子社保卡领用人数：10.1亿人", "服务人次：超150亿"]
    kinds = _kinds("\n".join([BODY, "【数读】", *box]))
    assert [kinds[line] for line in box] == ["main"] * 3


def test_an_english_highlights_list_under_its_subheading_stays():
    facts = ["1.38 billion card holders", "1.01 billion e-card users", "15 billion services a year"]
    text = "\n".join(["The ministry published its yearly figures on Tuesday.", "Highlights", *facts,
                      "The ministry said the card would be used on more buses next year."])
    kinds = _kinds(text)
    assert [kinds[line] for line in facts] == ["main"] * 3


def test_a_view_count_after_the_date_is_furniture():
    assert _line_reason("2024-05-06 时事 96阅读") == "furniture"


@pytest.mark.parametrize("counter", ["阅读量 3.6万", "2025-10-29 16:05　作者：李华　阅读量 3.6万", "浏览次数：1.2万",
                                     "收藏数 1.1万", "点击量 2.5w", "Published 2024-03-02   12.3k views", "12.3k views",
                                     "By Li Na | 4.1K reads",
                                     "Source: Some News Network   Author: Li Na   Release time: July 23rd 10:41   Browse: 3561 times",
                                     "Release time: 2024-07-23   Reading volume: 2.3 ten thousand"])
def test_a_page_counter_with_a_unit_of_scale_is_furniture(counter):
    assert _kinds(f"{BODY}\n{counter}\n{BODY}x")[counter] == "boilerplate"


@pytest.mark.parametrize("box", [
    "[Hot articles] 1. How to check your pension in 3 steps  2. Top 10 cities for young people  3. Gold price today 383 yuan per gram",
    "【热门文章】1. 三步查询养老金 2. 年轻人最爱的十大城市 3. 今日金价每克383元，较昨日上涨5元，市场交投活跃，投资者关注后市走向",
    "[Recommended reading] · Five ways to use your e-card abroad · Top 10 travel cities for 2024",
    "MOST READ: 1. Property sales fall 24% in 2022  2. Top 10 brokerages by revenue  3. Why 5% growth is the new floor",
    "热门文章：1. 三步查询养老金 2. 年轻人最爱的十大城市 3. 今日金价每克383元，较昨日上涨5元，市场交投活跃，投资者关注后市走向",
])
def test_a_box_of_headlines_set_on_one_line_is_furniture_however_long(box):
    assert _kinds(f"{BODY}\n{box}")[box] == "boilerplate"


@pytest.mark.parametrize("line", [
    "该公众号文章阅读量达3.6万次，电子社保卡领用人数达7亿。",
    "全省社保卡服务平台点击量3.6万次以上，用户达500万。",
    "The ministry's guide to the e-card drew 12.3k views on its first day, officials said.",
    "【热点】人社部：全国持卡人数达13.8亿人，电子社保卡领用人数达7亿人。",
    "[1] Ministry data show 1.38 billion people hold cards.",
    "【热点】1.38亿人持卡，电子社保卡领用人数达7亿人。",
    "The online service hall had 3561 visits a day last year, and 1.38 billion people now hold social security cards.",
])
def test_an_article_line_with_a_counter_word_or_a_bracket_stays(line):
    assert _kinds(f"{BODY}\n{line}\n{BODY}x")[line] == "main"


@pytest.mark.parametrize("line", [
    "SSE Composite 3,017.78 (+0.42%)  |  USD/CNY 7.3166  |  Gold 1,984.6",
    "上证指数 3017.78 (−0.21%) ｜ 美元/人民币 7.1290 ｜ 布伦特原油 82.4",
    "Hang Seng 17,172.13 -0.9% | Nikkei 38,410.2 +1.1% | FTSE 100 7,930.9",
    "SSE COMP 3,210.65 +0.30%   HSI 21,565.11 -0.21%   USD/CNY 6.9745   BRENT 61.79",
    "MARKETS (close, 12 Mar)   CSI 300 3,863.2 (+0.6%)   10Y CGB 2.52%   HSI 19,662",
    "恒指　27,972.10　▲ 0.5%　｜　國指　10,107.35　▼ 0.2%　｜　人民幣兌港元　1.1866",
])
def test_a_strip_of_quotes_between_bars_is_furniture(line):
    assert line_reason(line, cues()) == "furniture"


@pytest.mark.parametrize("line", [
    "全国 13.5亿人 | 广东 1.2亿人 | 浙江 6000万人",
    "Cardholders 1.35 billion | e-cards 360 million | services 95",
])
def test_figures_with_their_scales_between_bars_are_content(line):
    assert line_reason(line, cues()) == ""


def test_a_bulleted_list_of_labels_with_values_inside_the_story_is_content():
    text = ("划重点！一季度人社数据\n\n4月22日，人社部举行新闻发布会，介绍一季度人社工作进展。\n\n"
            "📌 参保人数（截至3月底）\n• 基本养老保险：10.71亿人\n• 失业保险：2.44亿人\n• 工伤保险：2.97亿人\n"
            "📌 基金收支\n• 1—3月三项基金总收入2.36万亿元\n• 总支出1.94万亿元\n\n"
            "发言人表示，下一步将继续扩大参保覆盖面，推动社会保障制度更加公平。\n")
    kinds = _kinds(text, title_first=True)
    assert kinds["• 基本养老保险：10.71亿人"] == "main" and kinds["• 总支出1.94万亿元"] == "main"


def test_a_bulleted_list_of_other_headlines_inside_the_story_stays_a_link_list():
    text = ("人社部：一季度就业形势总体稳定\n\n4月22日，人社部举行新闻发布会，介绍一季度人社工作进展。\n\n"
            "• 多地出台稳就业新举措\n• 养老金全国统筹取得新进展\n• 这些技能人才补贴你领了吗\n"
            "• 高校毕业生就业服务月启动\n• 社保卡居民服务一卡通再扩围\n• 灵活就业人员如何参保\n\n"
            "发言人表示，下一步将继续扩大参保覆盖面，推动社会保障制度更加公平。\n")
    assert _kinds(text, title_first=True)["• 多地出台稳就业新举措"] == "boilerplate"


def test_a_banner_of_site_section_and_stamp_set_apart_by_dots_is_no_headline():
    text = ("THE HARBOUR LEDGER  ·  City  ·  Published 5 March 2025, 07:40  ·  Updated 5 March 2025, 11:12\n\n"
            "Shenzhen's new card goes routine\n\nBy a reporter\n\nNearly 12 million residents hold the new card, "
            "the city said on Tuesday.\n")
    kinds = _kinds(text, title_first=True)
    assert kinds["Shenzhen's new card goes routine"] == "title"


@pytest.mark.parametrize("line", [
    "Popular posts: How I paid 2,000 yuan for a photo · 10 apps I use in Hangzhou · The 183-day rule explained",
    "热门推荐：养老金再上调2% · 社保卡又添新功能 · 12333热线怎么打",
])
def test_a_box_of_headlines_run_together_on_one_line_is_furniture(line):
    assert line_reason(line, cues()) == "box of headlines"



def _reason_in_page(line: str) -> str:
    """The reason the segmenter gives `line`, set between an article's paragraphs and a list."""
    text = ("Card holders reach 1.38 billion\n\nThe number of card holders reached 1.38 billion people, "
            "the ministry said on Tuesday.\n\n" + line + "\n- Nine month survey unemployment rate 5.1%\n")
    for seg, a, b in segment_lines(text, segment(text, title_first=True)):
        if text[a:b].strip() == line:
            return seg.reason
    raise AssertionError(f"no line {line!r}")


@pytest.mark.parametrize("heading", [
    "Relevant reading:", "Relevant News", "Relevant articles：", "Related Reading", "Recommended Reading:",
    "相关阅读", "延伸阅读：", "▍延伸阅读", "█ 相关新闻", "┃Related Reading", "Related notes", "Related research:",
])
def test_a_heading_of_other_stories_as_machine_translation_renders_it(heading):
    assert _reason_in_page(heading) == "related-reading heading"


@pytest.mark.parametrize("line", [
    "Relevant departments issued 2 million cards.", "Related measures will follow next year.",
])
def test_a_sentence_opening_with_the_same_word_is_no_heading(line):
    assert _reason_in_page(line) != "related-reading heading"


@pytest.mark.parametrize("line", [
    "加权指数 17,910.37 ▲89.42(0.50%)  柜买指数 229.61 ▲0.35%",
    "SSE 3,050.12 ▼12.30 (-0.40%)   HSI 17,120.55 ▲101.2",
    "恒指 ▼1.2%  国企指数 ▼0.9%",
])
def test_a_strip_of_two_quotes_with_arrows_is_furniture(line):
    assert _line_reason(line) == "furniture"


@pytest.mark.parametrize("line", [
    "持卡人数同比▲3.2%，领用人数▲12%。",
    "The number of card holders rose ▲3% in 2023.",
])
def test_a_sentence_with_arrows_is_no_ticker(line):
    assert _line_reason(line) != "furniture"


_GOVSITE_PAGE = """<html><head><meta charset="utf-8"><title>{title}_某某政务网</title></head><body>
<div class="nav"><a href="/">网站首页</a> <a href="/a">信息公开</a> <a href="/b">工作动态</a></div>
<div class="crumb">您当前所在位置：首页 &gt;&gt; 工作动态</div>
<div class="head"><h2>{title}</h2><div class="info">发布日期：2016-04-25 访问量：5172</div></div>
<div class="content"><p>人力资源和社会保障部日前召开2016年第一季度新闻发布会，通报一季度工作进展。</p>
<p>截至3月底，全国社会保障卡持卡人数达到9.03亿人，社会保障卡普及率达到65.7%。</p>
<p>下一步，人社部将继续推进社会保障卡的发行和应用工作。</p></div>
<div class="foot">网站地图 | 联系我们 主办：某某政务网编辑部</div></body></html>"""


@pytest.mark.parametrize("title", ["一季度全国社保卡持卡人数突破九亿", "Card holders top 900 million in first quarter"])
def test_an_html_pages_own_title_is_its_headline_though_left_out_of_the_main_text(title):
    article = parse_bytes(_GOVSITE_PAGE.format(title=title).encode(), SourceRef("page.html", "page.html"))
    cleaned = clean(article)
    titles = [cleaned.text[s.start:s.end] for s in cleaned.segments if s.kind == "title"]
    assert titles == [title]


@pytest.mark.parametrize("line", ["索 引 号：11000-0207-2023-00419", "信息分类：工作动态 / 社会保障卡", "生成日期：2023年07月10日",
                                  "文    号：无", "主 题 词：社会保障卡 发卡", "有 效 性：有效", "发布机构：省人力资源和社会保障厅"])
def test_a_public_information_catalogue_line_is_furniture(line):
    assert _line_reason(line) != ""


def test_a_section_named_alone_above_the_article_is_no_headline():
    text = ("某省人力资源和社会保障厅\n政府信息公开专栏\n首页 | 政务公开 | 办事服务\n"
            "我省累计发放社会保障卡840万张\n截至6月底，全省累计发放社会保障卡840万张，比上年末增加313万张。\n")
    kinds = {text[a:b]: seg.kind for seg, a, b in segment_lines(text, segment(text, title_first=True))}
    assert kinds["政府信息公开专栏"] == "boilerplate"
