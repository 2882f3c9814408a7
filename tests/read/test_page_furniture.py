"""What sites put around an article, read end to end: its figures never become measurements, and
the article's own figures survive, whether the page comes as plain text, as front matter with a
Markdown or an HTML body, or as an HTML page.

Every page here is invented. Each piece of furniture carries a figure with its unit, one that
the extractor would take from a sentence of the article (`test_each_furniture_figure_is_a_figure_in_a_sentence`
checks that), so a test passes only because the line is recognised as the site's.
"""

from __future__ import annotations

import json
from decimal import Decimal
from html import escape

import pytest

from sscard_kg.clean.boilerplate import cues
from sscard_kg.extract.extract import extract
from sscard_kg.read.sources import SourceRef, parse_bytes

ZH_HEADLINE = "某省社保卡持卡人数达5230万人"
ZH_BODY = ["5月7日，记者从省人力资源和社会保障厅获悉，截至2024年4月底，全省社会保障卡持卡人数达5230万人。",
           "其中，电子社保卡领用人数达3150万人，较去年底增加86万人。"]
EN_HEADLINE = "Province's card holders reach 52.3 million"
EN_BODY = ["By the end of April 2024, 52.3 million people in the province held social security cards, "
           "the provincial human resources department said on Tuesday.",
           "Of them, 31.5 million had signed up for the electronic card, up 860,000 from the end of last year."]
KEPT = {Decimal("52300000"), Decimal("31500000")}

# (furniture, its figures as values): between the headline and the body
ZH_TOP = [
    ("发布时间：2024-05-08 09:12 来源：省人社厅 浏览次数：1.8万次", {18000}),
    ("2024-05-08 10:21 阅读 2.3万 评论 156条", {23000, 156}),
    ("2024-05-08 某某日报 阅读(2356) 评论(12) 点赞(88)", set()),
    ("【字体：大 中 小】 阅读量：1.2万次", {12000}),
    ("本文转载自：某某生活网 阅读3200次", {3200}),
    ("日期：2024-05-08 来源：劳动保障报 点击数：4521次", {4521}),
    ("作者：admin 发布于：2024-05-08 分类：社保知识 阅读：1.2万次", {12000}),
    ("滚动新闻：A股成交额突破1万亿元", {1000000000000}),
    ("上证指数 3052.12 +1.2%  恒生指数 17650.3 +2.5%", {Decimal("1.2"), Decimal("2.5")}),
    ("本文共2300字，预计阅读时间6分钟", set()),
]
ZH_BOTTOM = [
    ("上一篇：全省城镇新增就业45.6万人", {456000}),
    ("下一篇：我省发放失业保险金2.3亿元", {230000000}),
    ("上一条：失业保险参保人数达2.4亿人", {240000000}),
    ("下一条：今年发放技能补贴80亿元", {8000000000}),
    ("【上篇】全省工伤保险参保人数达1200万人", {12000000}),
    ("相关阅读：全省发放第三代社保卡600万张", {6000000}),
    ("本文已被浏览1.2万次", {12000}),
    ("主办单位：某省人力资源和社会保障厅 地址：某市某路88号 邮编：450000 网站标识码：4100000012", set()),
    ("违法和不良信息举报电话：12377 已处理举报3200件", {3200}),
    ("版权所有 © 2003-2024 某省人社厅 累计访问量：5600万人次", {56000000}),
    ("联系电话：0371-12345678 QQ群：123456789 已有2万人加入", {20000}),
    ("转载请注明出处，本站已收录文章5万篇", {50000}),
    ("赞(12) 打赏 分享", set()),
    ("扫码关注某某公众号，与50万粉丝一起看资讯", {500000}),
    ("【相关阅读】\n全省养老保险参保人数突破4000万人\n城镇登记失业率控制在3.5%以内", {40000000, Decimal("3.5")}),
    ("上一篇 2024年养老金上调3.8% 下一篇 失业保险参保人数达2.4亿人", {Decimal("3.8"), 240000000}),
    ("本文链接：https://www.example.com/2024/0508/12345.html", set()),
    ("相关阅读\n全省养老保险参保人数突破4000万人\n城镇登记失业率控制在3.5%以内", {40000000, Decimal("3.5")}),
    ("热点推荐\n· 全省社保卡持卡人数达5000万人\n· 我市新增就业3.2万人", {50000000, 32000}),
    ("猜你喜欢\n社保卡余额怎么查？5种方法\n2024年养老金上调3.8%", {Decimal("3.8")}),
    ("排行榜\n1 我市城镇登记失业率2.8%\n2 全市参保人数达150万人\n3 一季度发放补贴2000万元",
     {Decimal("2.8"), 1500000, 20000000}),
    ("往期回顾\n去年全省发卡480万张\n全省持卡人数达4900万人", {4800000, 49000000}),
    ("大家都在看\n全国电子社保卡领用人数突破10亿人\n社保卡跨省通用城市达300个", {1000000000, 300}),
    ("网友评论\n游客 2024-05-08 13:22：我们这里办卡等了30天，前面排了2000多人\n热心网友：去年全村有600人领了卡",
     {2000, 600}),
    ("发表评论\n已有86条评论\n网友甲：我们单位有300人还没领卡", {86, 300}),
]
ZH_MIDDLE = [
    ("24小时热闻\n· 全国城镇新增就业520万人\n· 一季度社保基金收入2.1万亿元", {5200000, 2100000000000}),
    ("图片新闻\n全市新建社保卡服务网点320个\n某县发放补贴1800万元", {320, 18000000}),
    ("热门排行\n1. 养老金人均上调120元\n2. 失业保险参保人数达2.4亿人", {120, 240000000}),
    ("■ 热点新闻 更多>>\n· 全市新增就业3.5万人\n· 某县发放补贴1800万元", {35000, 18000000}),
    ("【图片新闻】\n全市新建社保卡服务网点320个", {320}),
    ("▶ 相关新闻：全省养老保险参保人数突破4000万人\n→ 延伸阅读：全国城镇新增就业303万人", {40000000, 3030000}),
]
EN_TOP = [
    ("By Li Na | Xinhua | Updated: 2024-05-08 07:55 | 3,245 views", {3245}),
    ("Print | Email | 12 comments", {12}),
    ("Share this article: Facebook | Twitter | 56 shares", {56}),
    ("Updated: 2024-05-08 10:21 | 8,900 reads", {8900}),
    ("Posted by admin on May 8, 2024 in News | 3 Comments", set()),
    ("Breaking: Stocks gain 3 percent", {3}),
    ("5 min read", set()),
]
EN_BOTTOM = [
    ("Previous article: Jobless rate falls to 5.2 percent", {Decimal("5.2")}),
    ("Next article: 3 million graduates join job fairs", {3000000}),
    ("Next story >> Pension coverage reaches 1.06 billion people >>", {1060000000}),
    ("Related: Pension coverage reaches 1.06 billion people", {1060000000}),
    ("Read more: 800 million people use the e-card", {800000000}),
    ("Related stories\nCard holders reach 1.37 billion\nPension coverage rises to 1.06 billion people",
     {1370000000, 1060000000}),
    ("Most viewed\n1. Housing prices rise 2.1 percent\n2. Exports up 7.1 percent", {Decimal("2.1"), Decimal("7.1")}),
    ("Editor's picks\nTrade surplus hits 800 billion yuan\n20 million tourists visit Hainan", {20000000}),
    ("Top stories\nStocks gain 2 percent as 300 firms report profits\nJob fair draws 5,000 people", {2, 300, 5000}),
    ("In case you missed it\n40 million people sign up for pension insurance", {40000000}),
    ("More from China\nE-card users reach 900 million", {900000000}),
    ("Leave a comment\nAnna, 2 hours ago: In my town 300 people were in the queue.", {300}),
    ("12 Comments\nMark: It took 15 days and 40 people were waiting.", {12, 40}),
    ("Copyright 1995 - 2024 Example Daily. All rights reserved. 30 million readers trust us.", {30000000}),
    ("Contact us | About us | Follow us", set()),
    ("(Reporting by Li Na; Editing by Tom Lee)", set()),
    ("This article was originally published on Example News, which has 2 million readers.", {2000000}),
    ("Subscribe to our newsletter and join 50,000 readers", {50000}),
    ("Follow us on Twitter, where our 2 million followers get the news first", {2000000}),
    ("Advertisement\nLike this: Like Loading...", set()),
    ("(c) 2024 Example China Blog, read by 3 million people", {3000000}),
]
EN_MIDDLE = [
    ("Trending now\nShanghai reports 25,000 new cases\nGold price climbs 3 percent to 1,950 dollars", {25000, 3}),
    ("Most shared\n20 million people apply for the new card", {20000000}),
    ("== Top Stories ==\nJob fair draws 5,000 people", {5000}),
    ("WATCH: 300 million people now pay with their phones\nAlso read: Pension coverage reaches 1.06 billion people",
     {300000000, 1060000000}),
]

FORMATS = ("txt", "md", "md-html", "html")


def _ids(where: str, cases: list) -> list[str]:
    return [f"{where}-{index}" for index in range(len(cases))]


def page(headline: str, body: list[str], top: str = "", middle: str = "", bottom: str = "", form: str = "txt") -> str:
    """An invented page: the headline, then `top`, the first paragraph, `middle`, the second
    paragraph and `bottom`; as plain text, as front matter with a Markdown or an HTML body, or as
    an HTML page."""
    blocks = [b for b in (top, body[0], middle, body[1], bottom) if b]
    lines = [line for block in blocks for line in block.split("\n")]
    if form == "txt":
        return "\n".join([headline, *lines]) + "\n"
    front = f"---\ntitle: {json.dumps(headline, ensure_ascii=False)}\ndate: 2024-05-08\n---\n"
    if form == "md":
        return front + "\n\n".join(lines) + "\n"
    html = "\n".join(f"<p>{escape(line)}</p>" for line in lines)
    if form == "md-html":
        return f"{front}<div class=\"post\">\n{html}\n</div>\n"
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{escape(headline)}</title></head><body>\n"
            f"<article><h1>{escape(headline)}</h1>\n{html}\n</article>\n</body></html>\n")


def values(text: str, form: str = "txt") -> set[Decimal]:
    """The values of every measurement read from `text`, after checking that each quote is the
    original text at its offsets."""
    name = {"txt": "page.txt", "md": "page.md", "md-html": "page.md", "html": "page.html"}[form]
    _, extraction = extract(parse_bytes(text.encode("utf-8"), SourceRef(name, name)))
    for m in extraction.measurements:
        assert text[m.evidence.start:m.evidence.end] == m.evidence.quote
    return {m.value for m in extraction.measurements}


def _check(headline: str, body: list[str], form: str, figures: set, **where: str) -> None:
    found = values(page(headline, body, form=form, **where), form)
    assert KEPT <= found
    assert not found & {Decimal(v) for v in figures}


@pytest.mark.parametrize("form", FORMATS)
@pytest.mark.parametrize("furniture, figures", ZH_TOP, ids=_ids("zh-top", ZH_TOP))
def test_chinese_furniture_under_the_headline_gives_no_figure(furniture, figures, form):
    _check(ZH_HEADLINE, ZH_BODY, form, figures, top=furniture)


@pytest.mark.parametrize("form", FORMATS)
@pytest.mark.parametrize("furniture, figures", ZH_BOTTOM, ids=_ids("zh-bottom", ZH_BOTTOM))
def test_chinese_furniture_below_the_article_gives_no_figure(furniture, figures, form):
    _check(ZH_HEADLINE, ZH_BODY, form, figures, bottom=furniture)


@pytest.mark.parametrize("form", FORMATS)
@pytest.mark.parametrize("furniture, figures", ZH_MIDDLE, ids=_ids("zh-middle", ZH_MIDDLE))
def test_a_chinese_box_or_link_between_paragraphs_gives_no_figure_and_the_article_goes_on(furniture, figures, form):
    _check(ZH_HEADLINE, ZH_BODY, form, figures, middle=furniture)


@pytest.mark.parametrize("form", FORMATS)
@pytest.mark.parametrize("furniture, figures", EN_TOP, ids=_ids("en-top", EN_TOP))
def test_english_furniture_under_the_headline_gives_no_figure(furniture, figures, form):
    _check(EN_HEADLINE, EN_BODY, form, figures, top=furniture)


@pytest.mark.parametrize("form", FORMATS)
@pytest.mark.parametrize("furniture, figures", EN_BOTTOM, ids=_ids("en-bottom", EN_BOTTOM))
def test_english_furniture_below_the_article_gives_no_figure(furniture, figures, form):
    _check(EN_HEADLINE, EN_BODY, form, figures, bottom=furniture)


@pytest.mark.parametrize("form", FORMATS)
@pytest.mark.parametrize("furniture, figures", EN_MIDDLE, ids=_ids("en-middle", EN_MIDDLE))
def test_an_english_box_or_link_between_paragraphs_gives_no_figure_and_the_article_goes_on(furniture, figures, form):
    _check(EN_HEADLINE, EN_BODY, form, figures, middle=furniture)


LONG = {"，": "人社部门表示，下一步将继续推进社保卡居民服务一卡通，让群众办事更方便、更快捷。",
        "; ": "the department said it would keep extending the card to buses, parks, libraries and hospitals."}


@pytest.mark.parametrize("cases, headline, body, joint", [
    (ZH_TOP + ZH_BOTTOM + ZH_MIDDLE, ZH_HEADLINE, ZH_BODY, "，"),
    (EN_TOP + EN_BOTTOM + EN_MIDDLE, EN_HEADLINE, EN_BODY, "; ")])
def test_each_furniture_figure_is_a_figure_in_a_sentence(cases, headline, body, joint):
    """The furniture's figures are ones the extractor reads when they stand in a long paragraph
    of the article (without the copyright words, which mark a line of any length): the tests
    above pass because the lines are furniture, not because their figures are unreadable."""
    copyright_words = cues()["copyright"]
    unread = []
    for furniture, figures in cases:
        said = joint.join(copyright_words.sub("", line) for line in furniture.split("\n"))
        paragraph = f"{body[0].rstrip('。.')}{joint}{said}{joint}{LONG[joint]}"
        found = values(page(headline, [paragraph, body[1]]))
        unread += [(furniture, v) for v in figures if Decimal(v) not in found]
    assert unread == []


# Lines of the article that speak of scanning, the app, views or a source: kept with their figures.
CONTENT = [
    ("截至4月底，全省已有120万人通过扫码领取电子社保卡。", 1200000),
    ("市民扫一扫二维码即可申领，目前已有86万人通过微信公众号开通电子社保卡。", 860000),
    ("省人社厅APP下载量已突破500万次。", 5000000),
    ("电子社保卡本地服务访问量已超2700万次。", 27000000),
    ("By then, 8 million people had scanned the QR code to apply for the e-card.", 8000000),
    ("By Tuesday, 6.4 million people had downloaded the app.", 6400000),
    ("By contrast, 2.6 million people used the card on buses last year.", 2600000),
    ("Source data show 4.5 million cards were issued in April.", 4500000),
]


@pytest.mark.parametrize("form", FORMATS)
@pytest.mark.parametrize("line, value", CONTENT, ids=_ids("content", CONTENT))
def test_an_article_line_about_scanning_the_app_or_views_keeps_its_figure(line, value, form):
    english = line.isascii()
    headline, body = (EN_HEADLINE, EN_BODY) if english else (ZH_HEADLINE, ZH_BODY)
    found = values(page(headline, body, middle=line, form=form), form)
    assert Decimal(value) in found and KEPT <= found


@pytest.mark.parametrize("form", FORMATS)
def test_other_headlines_below_the_article_without_a_heading_give_no_figure(form):
    tail = "全市城镇新增就业3.5万人\n一季度社保基金收入2.1万亿元\n全市养老保险参保人数达180万人"
    _check(ZH_HEADLINE, ZH_BODY, form, {35000, 2100000000000, 1800000}, bottom=tail)


@pytest.mark.parametrize("form", FORMATS)
def test_the_articles_own_data_box_below_its_last_paragraph_keeps_its_figures(form):
    box = "【数读】\n第三代社保卡发卡量：860万张\n电子社保卡领用人数：3150万人"
    assert {Decimal(8600000), *KEPT} <= values(page(ZH_HEADLINE, ZH_BODY, bottom=box, form=form), form)


def test_a_box_above_the_article_does_not_swallow_it():
    """A related-reading list copied above the story is a box: the story below it is read."""
    text = page(ZH_HEADLINE, ZH_BODY, top="相关新闻\n· 全省新增就业45.6万人\n· 我省发放补贴2.3亿元")
    found = values(text)
    assert KEPT <= found and not found & {Decimal(456000), Decimal(230000000)}


def test_a_comments_link_above_the_article_does_not_swallow_it():
    text = page(EN_HEADLINE, EN_BODY, top="Comments (12)")
    assert KEPT <= values(text)


def test_a_repost_keeps_the_story_and_drops_its_own_framing():
    text = ("某某生活网 - 分享生活每一天\n全国社保卡持卡人数达13.8亿人\n2024-05-06 12:03 阅读(2356) 评论(12)\n"
            "本文转载自：某某新闻网\n中新网5月6日电 据人社部消息，截至2024年3月底，全国社保卡持卡人数达13.8亿人。\n"
            "声明：本文仅代表作者观点，不代表本站立场。本站已累计收录文章120万篇。\n投稿邮箱：tougao@example.com\n")
    assert values(text) == {Decimal("1380000000")}


def test_a_related_box_set_into_an_html_story_does_not_end_it():
    """The main-text extractor leaves the box out and reads the story on below it; so do we."""
    text = ("<html><head><title>全省社保卡持卡人数达5230万人</title></head><body>\n"
            f"<div class=\"article\"><h1>{ZH_HEADLINE}</h1>\n<p>{ZH_BODY[0]}</p>\n"
            "<div class=\"related\"><h4>相关新闻</h4><ul><li><a href=\"/a\">全省城镇新增就业45.6万人</a></li>"
            "<li><a href=\"/b\">我省发放失业保险金2.3亿元</a></li></ul></div>\n"
            f"<p>{ZH_BODY[1]}</p>\n<p>下一步，省人社厅将继续推进社保卡居民服务“一卡通”，让群众办事更方便。</p>\n"
            "<p>责任编辑：王某</p></div>\n</body></html>\n")
    found = values(text, "html")
    assert KEPT <= found and not found & {Decimal(456000), Decimal(230000000)}


def test_a_markdown_page_reads_its_links_and_marks_as_a_page_does():
    """Links, headings and emphasis are Markdown's marks: the furniture under them is found."""
    text = (f"---\ntitle: {ZH_HEADLINE}\ndate: 2024-05-08\n---\n"
            "[首页](https://example.com/) > [新闻](https://example.com/news/) > 正文\n\n"
            f"# {ZH_HEADLINE}\n\n*2024-05-08 · 阅读 2.3万*\n\n{ZH_BODY[0]}\n\n{ZH_BODY[1]}\n\n"
            "**上一篇：** [全省城镇新增就业45.6万人](https://example.com/1.html)\n\n"
            "## 相关阅读\n\n* [全省养老保险参保人数突破4000万人](https://example.com/3.html)\n"
            "* [城镇登记失业率控制在3.5%以内](https://example.com/4.html)\n\n"
            "![二维码](https://example.com/qr.png) 扫码关注，已有50万粉丝\n")
    found = values(text, "md")
    assert KEPT <= found
    assert not found & {Decimal(23000), Decimal(456000), Decimal(40000000), Decimal("3.5"), Decimal(500000)}


def _regions(text: str, name: str) -> set:
    _, extraction = extract(parse_bytes(text.encode("utf-8"), SourceRef(name, name)))
    return {(m.value, m.region and m.region.rsplit("/", 1)[-1]) for m in extraction.measurements}


NATIONAL = "据人社部消息，截至2024年3月底，全国社保卡持卡人数达13.8亿人。人社部表示，将继续推进社保卡居民服务一卡通。"


@pytest.mark.parametrize("title", ["人社部：社保卡持卡人数达13.8亿人_财经频道_深圳新闻网", "人社部：社保卡持卡人数达13.8亿人 - 深圳新闻网",
                                   "人社部：社保卡持卡人数达13.8亿人-深圳新闻网"])
def test_a_reposting_site_named_after_a_place_in_the_title_does_not_make_the_story_that_places(title):
    html = (f"<html><head><title>{title}</title></head><body><div><h1>人社部：社保卡持卡人数达13.8亿人</h1>"
            f"<p>{NATIONAL}</p><p>{NATIONAL}</p></div></body></html>")
    front = f"---\ntitle: {title}\ndate: 2024-05-08\n---\n<div><p>{NATIONAL}</p></div>\n"
    text = f"{title}\n{NATIONAL}\n"
    assert _regions(html, "page.html") == _regions(front, "page.md") == _regions(text, "page.txt") == \
        {(Decimal("1380000000"), None)}


def test_a_government_office_named_in_the_title_still_places_its_figures():
    title = "全市社保卡持卡人数达860万人_工作动态_深圳市人力资源和社会保障局"
    body = "记者从市人社局获悉，截至2024年3月底，全市社会保障卡持卡人数达860万人。市人社局表示，将继续推进一卡通。"
    html = f"<html><head><title>{title}</title></head><body><div><p>{body}</p><p>{body}</p></div></body></html>"
    assert _regions(html, "page.html") == {(Decimal("8600000"), "shenzhen")}


def test_furniture_of_a_traditional_page_with_pinyin_glosses_is_found_after_its_repair():
    text = ("人社部:全國(guó)社保卡持卡人數(shù)達(dá)13.8億人\n"
            "中新網(wǎng)5月6日電 據(jù)人社部消息,截至2024年3月底,全國(guó)社保卡持卡人數(shù)達(dá)13.8億人,"
            "其中10.1億人領(lǐng)用了電子社保卡。\n責(zé)任編輯:王某\n上一篇:全國(guó)城鎮(zhèn)新增就業(yè)303萬人\n"
            "瀏覽次數(shù):2.3萬次\n相關(guān)新聞\n全國(guó)養(yǎng)老保險(xiǎn)參保人數(shù)達(dá)10.7億人\n")
    assert values(text) == {Decimal("1380000000"), Decimal("1010000000")}
