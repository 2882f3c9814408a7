"""The publication date: a date the page shows beats inference; a yearless dateline takes the year
the page supports; figures date an article only as after them; plan years and site headers date
nothing. Each case is an invented page, with the date expected and whether it is stated."""

from __future__ import annotations

import pytest

from sscard_kg.extract.pubdate import PublicationDate, publication_date, published_after, url_date
from sscard_kg.extract.extract import extract
from sscard_kg.read.sources import SourceRef, parse_bytes

TODAY = "2026-12-07"


def dated(text: str, name: str | None = None, url: str | None = None, english: bool = False,
          metadata: str | None = None) -> PublicationDate:
    return publication_date(metadata, url, text, english, name, TODAY, page=text)


STAMPS = {
    "under the title, with share buttons": (
        "社保卡新增十项用卡服务\n2018-06-30 Print Share\n截至5月底，全省持卡人数达到1000万人。\n", "2018-06-30"),
    "labelled, Chinese date and clock": (
        "电子社保卡领用人数再创新高\n发布时间：2019年3月5日 10:20  来源：本站\n截至2月底，领用人数达到3亿人。\n", "2019-03-05"),
    "labelled update time": (
        "Jobs report\nXinhua | Updated: 2017-01-23 10:36\nBy the end of 2016, 1 billion people had cards.\n",
        "2017-01-23"),
    "English month, clock and zone": (
        "Card news\nApr 28, 2019 11:24 CST Updated 11:24\nMore than 100 million people use e-cards.\n",
        "2019-04-28"),
    "source, paper and clock": (
        "医保码与社保卡\n来源：江南日报 2025-07-19 08:06\n截至6月底，全市持卡人数达到900万人。\n", "2025-07-19"),
    "labelled, no clock": ("市民卡升级\n时间:2012-07-11\n今年以来，全市新发卡313万张。\n", "2012-07-11"),
    "date and category line": ("第三代社保卡何时办理\n2020-05-18 时事 96阅读\n中山市于2019年10月30日开始办理。\n",
                               "2020-05-18"),
    "beside the title": ("全国持卡人数达到5.4亿 2016-10-04\n截至2013年底，全国持卡人数达到5.4亿。\n", "2016-10-04"),
    "weekday after a label": ("Cards for all\nPUBLISHED : Wednesday, 31 August, 2011, 12:00am\nAbout 145 million "
                              "cards were issued by the end of July.\n", "2011-08-31"),
    "clock before an English date": ("Card holders\n(Xinhua) 08:37, March 05, 2019\nBEIJING, March 5 -- A total "
                                     "of 1.23 billion people held cards by the end of last year.\n", "2019-03-05"),
    "clock and meridiem before the date": ("Card holders\nUpdated 10:21 AM, Jan 25, 2022\nMore than 1.35 billion "
                                           "people held cards.\n", "2022-01-25"),
    "at the foot of a short page": ("Card holders\nBy the end of 2013, 540 million people had cards.\n\n"
                                    "  Source: ACFTU  2014-05-15\n", "2014-05-15"),
}


STAMP_LINES = {  # a stamp line under the headline, each as a web page or a blog shows it
    "updated, colon": ("Updated: 2024-03-20", "2024-03-20"),
    "updated, clock": ("Updated 2024-03-20 10:15", "2024-03-20"),
    "published, month name": ("Published: March 20, 2024", "2024-03-20"),
    "last updated, day first": ("Last updated: 20/03/2024", "2024-03-20"),
    "publish date, month first": ("Publish date: 03/20/2024 09:30", "2024-03-20"),
    "posted on, by the author": ("Posted on 2024-03-20 by Admin", "2024-03-20"),
    "date, then the source": ("2024-03-20 | Source: Xinhua", "2024-03-20"),
    "更新时间": ("更新时间：2024-03-20", "2024-03-20"),
    "发布日期, Chinese date": ("发布日期：2024年3月20日", "2024-03-20"),
    "发表于": ("发表于 2024-03-20", "2024-03-20"),
    "发布于, clock": ("发布于2024年03月20日 10:15", "2024-03-20"),
    "日期": ("日期：2024-03-20", "2024-03-20"),
    "date, then 来源": ("2024-03-20 来源：新华社", "2024-03-20"),
    "byline, date in Chinese numerals": ("作者：王林　二〇二四年三月二十日　阅读 2.1万", "2024-03-20"),
    "记者, Chinese month and day": ("记者 王林 2024年三月二十日", "2024-03-20"),
    "Republic of China year": ("发布时间：民国113年3月20日 上午10:20", "2024-03-20"),
    "weekday, clock and reporter": ("2024年3月20日 星期三　06:45　记者 王林", "2024-03-20"),
    "weekday and author, English": ("Wednesday, March 20, 2024 | Author: Wang Lin", "2024-03-20"),
}


@pytest.mark.parametrize("case", STAMP_LINES)
def test_a_stamp_line_under_the_headline_is_the_stated_date(case):
    line, expected = STAMP_LINES[case]
    if line.isascii():
        text = f"Card holders pass 1.38 billion\n{line}\nBy the end of February, 1.38 billion people held cards.\n"
    else:
        text = f"全国持卡人数达到13.8亿人\n{line}\n截至2月底，全国持卡人数达到13.8亿人。\n"
    assert dated(text, english=line.isascii()) == (expected, True)


def test_an_ambiguous_numeric_date_is_not_read_as_a_stamp():
    text = "Card holders\nLast updated: 03/04/2024\nBy the end of February 2024, 1.38 billion people held cards.\n"
    assert dated(text, english=True) == ("2024-03", False)


@pytest.mark.parametrize("line", ["發表於 2024-03-20", "更新時間：2024/03/20", "2024-03-20　來源：新華社",
                                  "發布時間：民國113年3月20日 上午10:20", "責任編輯：林立　二〇二四年三月二十日"])
def test_a_traditional_stamp_line_is_the_stated_date(line):
    article = _read(f"全國持卡人數達到13.8億人\n{line}\n截至2月底，全國持卡人數達到13.8億人。\n", "card.txt")
    assert (article.published, article.date_stated) == ("2024-03-20", True)


@pytest.mark.parametrize("case", STAMPS)
def test_a_date_the_page_shows_is_the_stated_publication_date(case):
    text, expected = STAMPS[case]
    english = text.isascii()
    assert dated(text, english=english) == (expected, True)


def test_the_site_header_date_is_the_day_of_the_visit_not_of_the_article():
    header = "首页 | 新闻 | 服务   2026年12月7日 星期一 晴 3~10℃\n"
    article = "社保卡跨省用卡\n发布时间：2019-03-05\n截至2月底，全国持卡人数达到13亿人。\n"
    assert dated(header + article) == ("2019-03-05", True)
    assert dated(header + "社保卡跨省用卡\n截至2019年2月底，全国持卡人数达到13亿人。\n") == ("2019-03", False)


def test_a_stamp_just_after_the_dateline_is_the_article_one_the_page_stamp_is_not():
    text = ("Pensions for all\nhealth2024-05-21 21:21:44\nPensions for all\n April 28, 2022\n"
            "BEIJING, April 27 (Xinhua) -- The three funds held 7 trillion yuan at the end of March.\n")
    assert dated(text, english=True) == ("2022-04-28", True)


def test_a_stamp_the_data_contradict_is_not_trusted():
    text = " date 2017-07-16 Pensions\nAs of the end of 2020, 999 million people were insured.\n"
    assert dated(text, english=True) == ("2021", False)


def test_a_target_year_does_not_contradict_a_stamp():
    text = "社保卡拟发放8亿张\n日期:2013-12-16 10:09:53\n截至2013年11月底，全国持卡人数突破5亿。下一步将加大发行力度，2015年实现发放8亿张。\n"
    assert dated(text) == ("2013-12-16", True)


DATELINES = {
    "wire, year from the URL": ("新华社北京1月24日电 截至去年底，全国持卡人数达到13.8亿人。\n", None,
                                "http://news.example.cn/2016-10/25/c_1.htm", "2016-01-24"),
    "English wire, year from a month URL": ("BEIJING, Jan. 21 (Xinhua) -- The ministry said jobs grew.\n", None,
                                            "https://m.example.com/menu/201510/406337.shtml", "2015-01-21"),
    "English dateline, year from the file name": ("Beijing, January 26 -- The ministry held a press conference.\n",
                                                  "presser_2021.txt", None, "2021-01-26"),
    "last year and the data year": ("新华社北京1月24日电 去年全国城镇新增就业1312万人，2015年末登记失业率为4.05%。\n",
                                    None, None, "2016-01-24"),
    "last year of a month the data name": (
        "本报北京12月10日电 第三代社保卡集中换发于2024年10月底开始，去年同期仅有少数城市试点。\n", None, None, "2025-12-10"),
    "lead date, year from the file name": ("7月30日，记者从市社保中心获悉，截至7月24日，市区发放近5万张社保卡。\n",
                                          "city_news_2014.txt", None, "2014-07-30"),
    "reported on a day": ("Cailianshe reported on July 23 that as of the end of June, 1.07 billion people were insured.\n",
                          "brief_2024.txt", None, "2024-07-23"),
}


@pytest.mark.parametrize("case", DATELINES)
def test_a_yearless_dateline_takes_the_year_the_page_supports(case):
    text, name, url, expected = DATELINES[case]
    assert dated(text, name=name, url=url, english=text.isascii()) == (expected, False)


def test_without_support_a_dateline_follows_the_data():
    assert dated("新华社北京1月24日电 截至2023年底，全国持卡人数达到13.79亿人。\n") == ("2024-01-24", False)


def test_a_lead_date_before_the_data_is_the_event_not_the_publication():
    text = "10月30日，北京启动第三代社保卡集中换发。截至2024年10月底，全国持卡人数达13.87亿人。\n"
    assert dated(text, name="card_2024.txt") == ("2024-11", False)


def test_a_url_date_is_stated_at_its_precision():
    text = "社保卡应用不断拓展。\n"
    assert dated(text, url="http://www.example.cn/xwzx/201908/14/t20190814_32905001.shtml") == ("2019-08-14", True)
    assert dated(text, url="https://m.example.com/menu/201510/406337_3.shtml") == ("2015-10", True)
    assert dated(text, url="https://www.example.gov.cn/art/2022/1/7/art_41651_1.html") == ("2022-01-07", True)
    assert url_date("https://example.com/doc/1071.html?mdate=1210092959", TODAY) is None


def test_a_page_dated_just_after_its_dateline_is_dated_by_its_url():
    text = "中新网北京7月23日电 截至6月底，全国持卡人数达到6.02亿人。\n"
    assert dated(text, url="http://example.com.cn/cj/2014-07-24/172476.html") == ("2014-07-24", True)


def test_a_repost_months_later_keeps_the_dateline():
    text = "8月25日上午10时，中宣部举行新闻发布会。城镇就业人数由2012年的37287万人增加到2021年的46773万人。\n"
    assert dated(text, url="http://example.com/page/2022/1114/10910272.shtml") == ("2022-08-25", False)


AFTER_DATA = {
    "end of a month": ("截至6月底，全国基本养老保险参保人数达到10.71亿人。\n", "2019-07"),
    "a quarter": ("今年三季度，全国城镇调查失业率平均值为5.3%。\n", "2019-10"),
    "an English quarter": ("Urban unemployment was 4.05 percent at the end of the third quarter.\n", "2019-10"),
    "the first months": ("1至9月，全国城镇新增就业1022万人。组织实施“三支一扶”计划，招募4.2万名高校毕业生。\n", "2019-10"),
    "a December month, past the file name's year": ("2019年12月份，全国城镇调查失业率为5.1%。\n", "2020-01"),
}


@pytest.mark.parametrize("case", AFTER_DATA)
def test_figures_date_the_article_as_after_them(case):
    text, expected = AFTER_DATA[case]
    assert dated(text, name="report_2019.txt", english=text.isascii()) == (expected, False)


def test_published_after_keeps_the_precision_known():
    assert published_after("2023-06-30") == "2023-07"
    assert published_after("2023-09") == "2023-10"
    assert published_after("2023-12-31") == "2024"
    assert published_after("2023") == "2024"
    assert published_after("2023-07-24") == "2023-07"


def test_data_of_the_year_before_the_file_name_leave_the_year_only():
    assert dated("截至2015年底，全国持卡人数达到8.84亿人。\n", name="cards_2016.txt") == ("2016", False)


def test_plan_years_do_not_date_the_article():
    plans = ("“十四五”期间，社保卡将覆盖全民。《2021—2025年规划》提出，到2027年实现一卡通。"
             "截至2021年底，全国持卡人数达到13.5亿人。\n")
    assert dated(plans) == ("2022", False)
    assert dated("社保卡便民\n发布时间：2022-03-01\n" + plans) == ("2022-03-01", True)
    assert dated("The 12th Five-Year Plan (2011-2015) aims to issue 800 million cards by 2015.\n",
                 english=True) == (None, False)


def test_with_no_evidence_there_is_no_date():
    assert dated("社保卡可以在药店使用，也可以乘坐公交。\n") == (None, False)


def test_a_year_of_data_alone_gives_the_next_year():
    assert dated("2020年，全国城镇新增就业1186万人。\n") == ("2021", False)


def test_a_metadata_date_is_stated_unless_the_data_contradict_it():
    text = "截至2021年3月底，全国持卡人数达到13.4亿人。\n"
    assert dated(text, metadata="2021-04-26") == ("2021-04-26", True)
    assert dated(text, metadata="2020-01-02") == ("2021-04", False)


def _read(text: str, name: str):
    return extract(parse_bytes(text.encode("utf-8"), SourceRef(name, name)))[1].article


def test_front_matter_names_only_a_month():
    article = _read("---\ntitle: 社保卡\ndate: 2019-03\n---\n截至2月底，全国持卡人数达到12亿人。\n", "fm.md")
    assert (article.published, article.date_stated) == ("2019-03", True)


def test_a_saved_page_is_dated_by_its_canonical_address():
    html = ("<html><head><title>Jobs</title><link rel=\"canonical\" "
            "href=\"https://news.example.com/business/2016-10/25/content_1.htm\"></head><body>"
            "<p>China created 10.67 million new jobs in the first nine months of 2016, the ministry said.</p>"
            "</body></html>")
    article = _read(html, "saved.html")
    assert article.url.endswith("content_1.htm")
    assert (article.published, article.date_stated) == ("2016-10-25", True)


def test_a_lead_naming_only_its_day_falls_in_the_first_month_after_the_data():
    text = "人社部新闻发言人27日表示，1至9月，全国城镇新增就业1045万人。\n"
    assert dated(text, name="jobs_2021.txt") == ("2021-10-27", False)
    assert dated("发言人27日表示，社保卡应用不断拓展。\n") == (None, False)


TARGETS = {  # each after a lead that names only its day, on a page with no stated date
    "到…年底，力争": "到2024年年底，全省持卡人数力争达到1亿人。",
    "到今年年底，力争": "到今年年底，力争达到1亿人。",
    "年底前，有望": "2024年底前，有望实现全覆盖。",
    "年底，可望": "2024年年底，全省持卡人数可望突破1亿人。",
    "到…年底，确保": "到2024年底，全省持卡人数确保突破1亿人。",
    "下一步…前": "下一步，2024年12月底前实现全覆盖。",
    "预计 of a whole year": "2024年全年，全省预计新增发卡500万张。",
    "預計 (Traditional)": "預計到2024年底，持卡人數將突破1億人。",
}


@pytest.mark.parametrize("case", TARGETS)
def test_a_target_does_not_push_the_lead_date_a_year_on(case):
    text = f"社保卡服务再升级\n5月7日，记者从省人社厅获悉，截至2024年4月底，全省持卡人数达到9800万人。{TARGETS[case]}\n"
    article = _read(text, "card.txt")
    assert (article.published, article.date_stated) == ("2024-05-07", False)


EN_TARGETS = {
    "expects": "By the end of 2024, it expects to reach 100 million.",
    "is expected to": "By the end of 2024, the number is expected to reach 100 million.",
    "will": "In 2024, the province will issue 5 million more cards.",
    "is likely to": "By the end of 2024, coverage is likely to reach 100 percent.",
    "should": "By the end of 2024, the figure should top 100 million.",
    "is set to": "Before the end of 2024, all cities are set to join the network.",
}


@pytest.mark.parametrize("case", EN_TARGETS)
def test_an_english_target_does_not_push_the_lead_date_a_year_on(case):
    text = ("Cards reach more people\nOn May 7, the provincial bureau said that by the end of April 2024, "
            f"98 million people held cards. {EN_TARGETS[case]}\n")
    assert dated(text, english=True) == ("2024-05-07", False)


def test_a_fronted_by_phrase_of_reported_data_still_dates_the_article():
    text = "Card holders\nBy the end of April 2024, 98 million people held cards, the bureau said.\n"
    assert dated(text, english=True) == ("2024-05", False)
    assert dated("截至2024年4月底，全省持卡人数达到9800万人，比上年末增加120万人。\n") == ("2024-05", False)


@pytest.mark.parametrize("text, english", [
    ("Card holders top 1.38 billion\nSource: Some News Network   Release time: July 23rd 10:41   Browse: 3561 times\n"
     "The ministry reported its figures for the second quarter of 2024: 1.38 billion people held cards.\n", True),
    ("全国持卡人数达到13.8亿人\n来源：某某网　发布时间：7月23日 10:41　浏览：3561次\n"
     "人社部举行2024年第二季度新闻发布会。截至6月底，全国持卡人数达到13.8亿人。\n", False),
])
def test_a_stamp_without_its_year_is_placed_after_the_data(text, english):
    assert dated(text, english=english) == ("2024-07-23", False)


@pytest.mark.parametrize("banner, published", [
    ("THE EASTERN COURIER  |  Features  |  Tuesday, March 12, 2019", "2019-03-12"),
    ("东海晨报 | 民生周刊 | 2019年3月12日 星期二", "2019-03-12"),
])
def test_a_mastheads_date_is_the_guess_when_the_article_shows_no_stamp(banner, published):
    text = (f"{banner}\n\nCards for all\n\nBy the end of 2018, 1.2 billion people held the card, "
            "officials said.\n" if "Courier" in banner else
            f"{banner}\n\n社保卡的这一年\n\n截至2018年底，全国持卡人数达到12亿人。\n")
    found = publication_date(None, None, text, "Courier" in banner, page=text, today="2026-01-01")
    assert found == PublicationDate(published, False)


def test_a_season_on_a_cover_does_not_bound_the_publication():
    text = ("THE HARBOUR QUARTERLY  |  Winter 2021  |  Issue 12\n\nCards in phones\n\nPublished December 9, 2021\n\n"
            "By the end of November 2021, 600 million people had activated the digital card.\n")
    assert publication_date(None, None, text, True, page=text, today="2026-01-01") == PublicationDate("2021-12-09", True)
