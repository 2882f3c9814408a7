"""Where a figure is and who says it, as news writes them: invented sentences with a place's English name, its
official name in zh-Hant, or the nickname Chinese papers call a city by (申城, 羊城, 鹏城), and agencies under their
English renderings, machine-translated ones included.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from sscard_kg.extract.extract import extract
from sscard_kg.read.sources import SourceRef, parse_bytes

REGION = "https://w3id.org/sscard-kg/id/region/"
TITLES = {"zh-hans": "新闻稿", "zh-hant": "新聞稿", "en": "Press release"}


def _article(language: str, text: str, published: str):
    data = f"---\ntitle: {TITLES[language]}\ndate: {published}\n---\n{text}\n".encode()
    return extract(parse_bytes(data, SourceRef("places.md", "places.md")))[1]


@pytest.mark.parametrize("language, text, published, value, metric, region", [
    ("zh-hans", "申城社保卡持卡人数达2500万人。", "2023-05-01", "2500e4", "card-holders", "shanghai"),
    ("zh-hans", "截至去年底，沪上社保卡持卡人数已超过2500万。", "2023-05-01", "2500e4", "card-holders", "shanghai"),
    ("zh-hans", "羊城电子社保卡领用人数突破1000万。", "2023-05-01", "1000e4", "ecard-holders", "guangzhou"),
    ("zh-hans", "鹏城第三代社保卡持卡人数达300万人。", "2023-05-01", "300e4", "card-3g-holders", "shenzhen"),
    ("zh-hans", "蓉城已累计发放社保卡2100万张。", "2023-05-01", "2100e4", "cards-issued", "chengdu"),
    ("zh-hans", "京城社保卡持卡人数达2200万人。", "2023-05-01", "2200e4", "card-holders", "beijing"),
    ("zh-hans", "泉城今年城镇新增就业12万人。", "2023-12-01", "12e4", "new-urban-jobs", "jinan"),
    ("zh-hans", "榕城社保卡持卡人数超过900万人。", "2023-05-01", "900e4", "card-holders", "fuzhou"),
    ("zh-hans", "春城电子社保卡签发量达到600万张。", "2023-05-01", "600e4", "ecard-holders", "kunming"),
    ("zh-hans", "冰城第三代社保卡发放超过200万张。", "2024-05-01", "200e4", "card-3g-holders", "harbin"),
    ("zh-hans", "星城城镇新增就业人数达14万人。", "2024-01-10", "14e4", "new-urban-jobs", "changsha"),
    ("zh-hant", "申城社保卡持卡人數達2500萬人。", "2023-05-01", "2500e4", "card-holders", "shanghai"),
    ("zh-hant", "鵬城第三代社保卡持卡人數達300萬人。", "2023-05-01", "300e4", "card-3g-holders", "shenzhen"),
    ("zh-hant", "廣東省社保卡持卡人數達1.2億人。", "2023-05-01", "1.2e8", "card-holders", "guangdong"),
    ("zh-hant", "上海市社會保障卡持卡人數達2500萬人。", "2023-05-01", "2500e4", "card-holders", "shanghai"),
    ("en", "In Shanghai, social security card holders reached 25 million.", "2023-05-01", "25e6", "card-holders",
     "shanghai"),
    ("en", "Guangdong province has issued 120 million social security cards.", "2023-05-01", "120e6", "cards-issued",
     "guangdong"),
    ("en", "In Zhejiang province, 50 million people have claimed electronic social security cards.", "2023-05-01",
     "50e6", "ecard-holders", "zhejiang"),
    ("en", "Jiangsu's basic pension insurance covered 60 million people at the end of 2023.", "2024-02-01", "60e6",
     "pension-insured", "jiangsu"),
    ("en", "Sichuan created 1 million new urban jobs last year.", "2024-02-01", "1e6", "new-urban-jobs", "sichuan"),
    ("en", "The Guangxi Zhuang Autonomous Region added 400,000 new urban jobs in 2023.", "2024-02-01", "400000",
     "new-urban-jobs", "guangxi"),
    ("en", "Inner Mongolia had 22 million social security card holders.", "2024-02-01", "22e6", "card-holders",
     "inner-mongolia"),
])
def test_a_figure_takes_the_place_its_sentence_names(language, text, published, value, metric, region):
    found = {(m.metric, m.region) for m in _article(language, text, published).measurements
             if m.value == Decimal(value)}
    assert (metric, REGION + region) in found, found


@pytest.mark.parametrize("text, agency", [
    ("China's human resources ministry said 1.38 billion people hold social security cards.", "人力资源和社会保障部"),
    ("The human resources ministry said the third-generation card supports transport.", "人力资源和社会保障部"),
    ("The Ministry of Human Resources and Social Security (MOHRSS) said the card is widely used.",
     "人力资源和社会保障部"),
    ("The National Health Care Security Administration said medical bills can be settled with the card.",
     "国家医疗保障局"),
    ("The National Healthcare Security Administration (NHSA) said so.", "国家医疗保障局"),
    ("China's statistics bureau said the surveyed urban unemployment rate was 5.2 percent.", "国家统计局"),
    ("China's National Bureau of Statistics (NBS) said the rate was 5.2 percent.", "国家统计局"),
    ("The State Council Information Office (SCIO) held a press conference on Friday.", "国务院新闻办公室"),
    ("The Ministry of Labor and Social Security began issuing the card in 1999.", "劳动和社会保障部"),
    ("The National Council for Social Security Fund manages 2.9 trillion yuan.", "全国社会保障基金理事会"),
    ("全国社保基金理事会管理的基金资产总额达2.9万亿元。", "全国社会保障基金理事会"),
    ("全國社保基金理事會管理的基金資產總額達2.9萬億元。", "全国社会保障基金理事会"),
    ("The Social Insurance Administration of the Ministry of Human Resources and Social Security said so.",
     "人力资源和社会保障部社会保险事业管理中心"),
    ("The Ministry of Human Resources and Social Security's Information Center said so.",
     "人力资源和社会保障部信息中心"),
    ("The Shanghai Municipal Human Resources and Social Security Bureau said so.", "上海市人力资源和社会保障局"),
    ("Zhejiang's human resources and social security department said so.", "浙江省人力资源和社会保障厅"),
    ("The Chengdu Municipal Healthcare Security Administration said so.", "成都市医疗保障局"),
    ("國家醫保局表示，社保卡可以用於醫保結算。", "国家医疗保障局"),
    ("人社部社保中心表示，社保卡已实现跨省通用。", "人力资源和社会保障部社会保险事业管理中心"),
])
def test_an_agency_is_named_by_its_renderings(text, agency):
    article = parse_bytes(text.encode(), SourceRef("invented.txt", "invented.txt"))
    found = {m.label for m in extract(article)[1].mentions if m.type == "agency"}
    assert agency in found, found
