"""Entities as the languages compose them, on invented sentences in zh-Hans, zh-Hant and English.

Local agencies are a place and a kind of agency (宁波医保局 → 宁波市医疗保障局); a unit of a
ministry can be named inside a person's title, and names the ministry, whose official the person is;
an agency's name before an app's word is the app's (国务院客户端); the programs are the card family,
the social insurance schemes, their public platforms and the initiatives that put them online; the words of an English ministry name are never a
person; a short form (新疆兵团, 川渝) is one place; the country is a region of every article that
names it or speaks of it as a whole; a dateline's city is where a reporter filed, not a region.
"""

from __future__ import annotations

import pytest

from sscard_kg.extract import gazetteer
from sscard_kg.extract.entities import find_named, local_agency_label, official_name
from sscard_kg.extract.extract import extract
from sscard_kg.read.sources import SourceRef, parse_bytes


def mentions(text: str) -> set[tuple[str, str]]:
    article = parse_bytes(text.encode(), SourceRef("invented.txt", "invented.txt"))
    return {(m.type, m.label) for m in extract(article)[1].mentions}


def people(text: str) -> dict[str, str | None]:
    article = parse_bytes(text.encode(), SourceRef("invented.txt", "invented.txt"))
    return {m.label: m.role for m in extract(article)[1].mentions if m.type == "person"}


def agencies(text: str) -> set[str]:
    return {label for kind, label in mentions(text) if kind == "agency"}


@pytest.mark.parametrize("text, expected", [
    ("宁波医保局近日发布消息，参保人可以用电子社保卡结算。", "宁波市医疗保障局"),
    ("記者從寧波醫保局獲悉，參保人可以用電子社保卡結算。", "宁波市医疗保障局"),
    ("长沙市人社局表示，全市社保卡持卡人数继续增长。", "长沙市人力资源和社会保障局"),
    ("广东人社厅介绍，第三代社保卡已在全省发行。", "广东省人力资源和社会保障厅"),
    ("廣東省人社廳介紹，第三代社保卡已在全省發行。", "广东省人力资源和社会保障厅"),
    ("新疆人社厅当天通报了社保卡的发放情况。", "新疆维吾尔自治区人力资源和社会保障厅"),
    ("北京市人社局会同北京市医保局推进社保卡换发。", "北京市医疗保障局"),
    ("北京市人社局会同北京市医保局推进社保卡换发。", "北京市人力资源和社会保障局"),
    ("海淀区社保中心为居民办理了社保卡。", "海淀区社会保险事业管理中心"),
    ("成都市财政局和成都市统计局联合发布了数据。", "成都市财政局"),
    ("成都市财政局和成都市统计局联合发布了数据。", "成都市统计局"),
    ("浙江省财政厅拨付了社保卡发行经费。", "浙江省财政厅"),
    ("杭州市卫健委和杭州市人社局推动社保卡就医结算。", "杭州市卫生健康委员会"),
    ("上海市政府副秘书长在会上致辞。", "上海市人民政府"),
    ("天津市政府新闻办召开发布会，介绍社保卡应用情况。", "天津市人民政府新闻办公室"),
    ("The Changsha Human Resources and Social Security Bureau said the card now works on buses.",
     "长沙市人力资源和社会保障局"),
    ("Officials at the Guangdong Provincial Department of Human Resources and Social Security said so.",
     "广东省人力资源和社会保障厅"),
    ("The Department of Human Resources and Social Security of Guangdong Province issued the cards.",
     "广东省人力资源和社会保障厅"),
    ("The Ningbo Healthcare Security Administration linked the card to medical insurance.",
     "宁波市医疗保障局"),
    ("The Beijing Municipal Government said the third-generation card will replace the old one.",
     "北京市人民政府"),
])
def test_a_place_and_a_kind_of_agency_name_a_local_agency(text, expected):
    assert expected in agencies(text)


def test_a_local_agency_is_not_the_ministry_its_kind_resembles():
    found = agencies("The Department of Human Resources and Social Security of Guangdong Province and "
                     "the Hangzhou Social Insurance Administration Center issued the cards.")
    assert found == {"广东省人力资源和社会保障厅", "杭州市社会保险事业管理中心"}
    assert "人力资源和社会保障部社会保险事业管理中心" not in agencies("北京社保中心为市民换发了社保卡。")


@pytest.mark.parametrize("short, full", [("宁波", "宁波市"), ("新疆", "新疆维吾尔自治区"), ("北京", "北京市"),
                                         ("广州", "广州市"), ("香港", "香港特别行政区")])
def test_official_name_adds_the_administrative_suffix(short, full):
    gaz = gazetteer.load()
    place = next(e for e in gaz.by_type("region") if e.label == short)
    assert official_name(place) == full


def test_a_province_takes_the_departmental_name_a_municipality_the_bureau():
    gaz = gazetteer.load()
    hrss = next(e for e in gaz.by_type("agency-kind") if e.label == "人力资源和社会保障局")
    place = {e.label: e for e in gaz.by_type("region")}
    assert local_agency_label(gaz, place["广东"], hrss) == "广东省人力资源和社会保障厅"
    assert local_agency_label(gaz, place["北京"], hrss) == "北京市人力资源和社会保障局"
    assert local_agency_label(gaz, place["宁波"], hrss) == "宁波市人力资源和社会保障局"


def test_a_known_local_agency_keeps_its_own_iri():
    gaz = gazetteer.load()
    found = find_named(gaz, "agency", "北京人社局", False)
    assert [f.key for f in found] == ["https://w3id.org/sscard-kg/id/agency/beijing-hrss"]


@pytest.mark.parametrize("text, agency, name, role", [
    ("人社部信息中心主任张明介绍，电子社保卡签发量继续增长。", "人力资源和社会保障部信息中心", "张明", "信息中心主任"),
    ("人力資源社會保障部信息中心副主任李華表示，電子社保卡簽發量繼續增長。", "人力资源和社会保障部信息中心",
     "李华", "信息中心副主任"),
    ("Wang Lin, director of the Information Center of the Ministry of Human Resources and Social Security, "
     "said the e-card had been issued widely.", "人力资源和社会保障部信息中心", "Wang Lin", "信息中心主任"),
    ("Zhao Gang, head of the information center with the MOHRSS, said the e-card had been issued widely.",
     "人力资源和社会保障部信息中心", "Zhao Gang", "信息中心主任"),
    ("Chen Yu, vice minister of human resources and social security, said the card now serves 1.3 billion.",
     "人力资源和社会保障部", "Chen Yu", "副部长"),
    ("广东省人社厅副厅长刘强介绍，第三代社保卡已在全省发行。", "广东省人力资源和社会保障厅", "刘强", None),
    ("Human Resources and Social Security Minister Zhou Ping said the card now serves 1.3 billion people.",
     "人力资源和社会保障部", "Zhou Ping", "部长"),
])
def test_the_agency_inside_a_title(text, agency, name, role):
    assert agency in agencies(text)
    found = people(text)
    assert name in found
    if role:
        assert found[name] == role


MINISTRY = "人力资源和社会保障部"


def officials(text: str) -> dict[str, tuple[str | None, str | None]]:
    """{person: (role, label of the agency they speak for)}."""
    article = parse_bytes(text.encode(), SourceRef("invented.txt", "invented.txt"))
    found = extract(article)[1].mentions
    labels = {m.key: m.label for m in found}
    return {m.label: (m.role, labels.get(m.agency, m.agency)) for m in found if m.type == "person"}


@pytest.mark.parametrize("text, name, role", [
    ("人社部信息中心主任张明介绍，电子社保卡签发量继续增长。", "张明", "信息中心主任"),
    ("人力資源社會保障部信息中心副主任李華表示，電子社保卡簽發量繼續增長。", "李华", "信息中心副主任"),
    ("人社部就业促进司司长周亮介绍，前三季度城镇新增就业1022万人。", "周亮", "就业促进司司长"),
    ("人社部社保中心主任孙伟说，养老保险参保人数达10.6亿人。", "孙伟", "社保中心主任"),
    ("Wang Lin, director of the Information Center of the Ministry of Human Resources and Social Security, "
     "said the e-card had been issued widely.", "Wang Lin", "信息中心主任"),
    ("Zhao Gang, head of the information center with the MOHRSS, said the e-card had been issued widely.",
     "Zhao Gang", "信息中心主任"),
])
def test_a_unit_in_a_title_is_part_of_the_role_and_the_official_is_the_ministry_s(text, name, role):
    assert officials(text)[name] == (role, MINISTRY)
    assert MINISTRY in agencies(text)


@pytest.mark.parametrize("text", [
    "人社部信息中心有关负责人介绍，第三代社保卡已在24个省份发行。",
    "人力資源社會保障部信息中心有關負責人介紹，第三代社保卡已在24個省份發行。",
    "The Information Center of the MOHRSS said third-generation cards are issued in 24 provinces.",
    "人社部办公厅印发通知，推进电子社保卡在就医购药中的应用。",
    "人力資源社會保障部辦公廳印發通知，推進電子社保卡應用。",
    "The General Office of the Ministry of Human Resources and Social Security issued a notice on the card.",
])
def test_a_unit_named_on_its_own_names_its_ministry(text):
    assert MINISTRY in agencies(text)


@pytest.mark.parametrize("text, office", [
    ("国务院新闻办公室今天举行新闻发布会，介绍社保卡发行情况。", "国务院新闻办公室"),
    ("國務院新聞辦公室今天舉行新聞發佈會，介紹社保卡發行情況。", "国务院新闻办公室"),
    ("The State Council Information Office held a press conference on the card on Friday.", "国务院新闻办公室"),
    ("国务院办公厅印发通知，推进社保卡居民服务一卡通。", "国务院办公厅"),
])
def test_an_office_of_the_state_council_does_not_name_the_council(text, office):
    assert agencies(text) == {office}


@pytest.mark.parametrize("text", [
    "群众可以通过国务院客户端小程序申领电子社保卡。",
    "群眾可以通過國務院客戶端申領電子社保卡。",
    "市民也可在人社部APP上查询社保卡进度。",
    "Residents can also apply through the State Council app or the State Council's mini program.",
])
def test_an_agency_s_name_before_an_app_names_the_app_not_the_agency(text):
    assert agencies(text) == set()


@pytest.mark.parametrize("text", [
    "国务院印发意见，要求推进社保卡居民服务一卡通。",
    "國務院印發意見，要求推進社保卡居民服務一卡通。",
    "The State Council approved the plan for the third-generation card.",
])
def test_the_council_acting_is_the_agency(text):
    assert "国务院" in agencies(text)


def programs(text: str) -> set[str]:
    return {label for kind, label in mentions(text) if kind == "program"}


@pytest.mark.parametrize("text, expected", [
    ("群众可通过国家政务服务平台、掌上12333APP申领社保卡。", {"国家政务服务平台", "掌上12333", "社会保障卡"}),
    ("群眾可通過國家政務服務平臺、掌上12333申領社保卡。", {"国家政务服务平台", "掌上12333", "社会保障卡"}),
    ("Residents can apply on the National Government Service Platform or the Zhangshang 12333 app.",
     {"国家政务服务平台", "掌上12333"}),
    ("全国统一的社会保险公共服务平台提供30项全国性服务。", {"社会保险公共服务平台"}),
    ("The national social insurance public service platform offers 30 services.", {"社会保险公共服务平台"}),
    ("电子社保卡已与医保电子凭证、“就业在线”实现互通。", {"电子社保卡", "医保电子凭证", "就业在线"}),
    ("電子社保卡已與醫保電子憑證、“就業在線”實現互通。", {"电子社保卡", "医保电子凭证", "就业在线"}),
    ("社保卡申领等11项服务实现“跨省通办”。", {"社会保障卡", "跨省通办"}),
    ("社保卡申領等11項服務實現「跨省通辦」。", {"社会保障卡", "跨省通办"}),
    ("按照“互联网+人社”2020行动计划，社保卡将接入更多渠道。", {"互联网+人社", "社会保障卡"}),
    ("按照「互聯網+人社」行動計劃，電子社保卡持續推廣。", {"互联网+人社", "电子社保卡"}),
    ("The card is a key part of promoting Internet Plus human resources and social security services.",
     {"互联网+人社"}),
    ("Based on the \"Internet + Human Resources and Social Security\" 2020 Action Plan, the card goes online.",
     {"互联网+人社"}),
    ("电子社保卡已成为“数字人社”建设的重要抓手。", {"电子社保卡", "数字人社"}),
    ("新就业形态就业人员职业伤害保障试点累计参保900万人。", {"新就业形态就业人员职业伤害保障"}),
    ("職業傷害保障試點已擴大到17個省份。", {"新就业形态就业人员职业伤害保障"}),
    ("生育保险参保人数达到2.5亿人。", {"生育保险"}),
    ("生育保險參保人數達到2.5億人。", {"生育保险"}),
    ("参加养老、医疗、失业、工伤、生育保险的人数继续增长。",
     {"基本养老保险", "基本医疗保险", "失业保险", "工伤保险", "生育保险"}),
    ("The number of people covered by unemployment, work injury and maternity insurance kept rising.",
     {"失业保险", "工伤保险", "生育保险"}),
    ("Workers' compensation now covers 300 million people.", {"工伤保险"}),
    ("长期护理保险试点城市扩大到49个。", {"长期护理保险"}),
    ("長期護理保險試點城市擴大到49個。", {"长期护理保险"}),
    ("The long-term care insurance pilot now covers 49 cities.", {"长期护理保险"}),
    ("建立企业年金的企业达到14万户，职业年金基金规模继续扩大。", {"企业年金", "职业年金"}),
    ("建立企業年金的企業達到14萬戶，職業年金基金規模繼續擴大。", {"企业年金", "职业年金"}),
    ("More firms set up enterprise annuity plans and occupational annuity funds grew.", {"企业年金", "职业年金"}),
])
def test_the_card_family_schemes_and_their_public_services_are_programs(text, expected):
    assert expected <= programs(text)


@pytest.mark.parametrize("text, absent", [
    ("Promote the packaged, simplified and cross-provincial handling of human resources services.", "跨省通办"),
    ("Adjust the investment scope of annuity funds.", "企业年金"),
    ("The card pays maternity benefits and unemployment benefits.", "生育保险"),
    ("参保人可持社保卡在养老保险和生育保险领域办理业务。", "生育保险"),
    ("參保人可持社保卡在養老保險和生育保險領域辦理業務。", "生育保险"),
])
def test_a_generic_phrase_or_a_field_of_use_names_no_program(text, absent):
    assert absent not in programs(text)


@pytest.mark.parametrize("text", [
    "The Ministry of Human Resources and Social Security said on Monday that card holders reached 1.3 billion.",
    "Deputy Director of China Human Resources and Social Security Ministry handed over the card.",
    "The Human Society Department said the electronic card is now widely used.",
    "The spokesperson of the State Council Information Office said the card reached 1.3 billion holders.",
    "The director of Human Resources and Social Security Bureau in Changsha said the card works on buses.",
    "The director of Guangdong Province Human Resources said the card works on buses.",
])
def test_words_of_an_english_ministry_name_are_not_a_person(text):
    assert people(text) == {}


@pytest.mark.parametrize("text, place, not_place", [
    ("全国社保卡持卡人数达到7亿人，涉及30个省份和新疆兵团。", "新疆生产建设兵团", "新疆"),
    ("全國社保卡持卡人數達到7億人，涉及30個省份和新疆兵團。", "新疆生产建设兵团", "新疆"),
    ("兵团各师均已发行社保卡。", "新疆生产建设兵团", "新疆"),
    ("川渝两地的社保卡已实现互认。", "川渝", "四川"),
    ("长三角三省一市推进社保卡居民服务一卡通。", "长三角", "上海"),
    ("大湾区内地九市推进社保卡应用。", "粤港澳大湾区", "广东"),
    ("京津冀三地的社保卡实现了就医结算互通。", "京津冀", "北京"),
])
def test_a_short_form_is_one_place(text, place, not_place):
    found = mentions(text)
    assert ("region", place) in found
    assert ("region", not_place) not in found


@pytest.mark.parametrize("text", [
    "截至去年底，全国社会保障卡持卡人数达到13.8亿人。",
    "我国社会保障卡持卡人数已超过13亿人。",
    "中国的社会保障卡持卡人数已超过13亿人。",
    "截至去年底，全國社會保障卡持卡人數達到13.8億人。",
    "我國社會保障卡持卡人數已超過13億人。",
    "Social security card holders nationwide reached 1.38 billion by the end of last year.",
    "Chinese card holders reached 1.38 billion by the end of last year.",
    "The country had issued 1.38 billion social security cards by the end of last year.",
    "截至去年底，城镇新增就业1200万人，社会保障卡持卡人数达到13.8亿人。",
])
def test_the_country_is_a_region_of_an_article_that_names_it(text):
    assert ("region", "中国") in mentions(text)


@pytest.mark.parametrize("text", [
    "宁波市人社局与中国工商银行宁波分行合作，为市民换发第三代社保卡。截至目前，宁波市已换发20万张。",
    "宁波市人社局与中国银行合作，为市民换发第三代社保卡。",
    "The Ningbo Human Resources and Social Security Bureau worked with the Bank of China to issue the cards.",
])
def test_the_name_of_a_bank_does_not_name_the_country(text):
    assert ("region", "中国") not in mentions(text)


@pytest.mark.parametrize("text, city", [
    ("新华社北京1月24日电 截至去年底，全国社会保障卡持卡人数达到13.8亿人。", "北京"),
    ("新華社北京1月24日電 截至去年底，全國社會保障卡持卡人數達到13.8億人。", "北京"),
    ("本报上海6月16日电 上海市第三代社保卡发行工作进展顺利。", None),
    ("BEIJING, Jan. 21 (Xinhua) -- Social security card holders nationwide reached 1.38 billion.", "北京"),
    ("BEIJING -- Social security card holders nationwide reached 1.38 billion.", "北京"),
])
def test_a_dateline_is_not_a_region(text, city):
    found = mentions(text)
    if city:
        assert ("region", city) not in found
    else:
        assert ("region", "上海") in found


@pytest.mark.parametrize("text, expected", [
    ("广东省第三代社保卡发行启动。省人社厅副厅长刘强介绍，全省已发卡500万张。", "广东省人力资源和社会保障厅"),
    ("寧波市推進社保卡應用，市醫保局表示，參保人可以持卡結算。", "宁波市医疗保障局"),
])
def test_a_bare_level_word_names_the_agency_of_the_place_named_before(text, expected):
    assert expected in agencies(text)


def test_a_bare_level_word_with_no_place_before_names_no_agency():
    assert agencies("省人社厅副厅长刘强介绍，第三代社保卡已开始发行。") == set()


@pytest.mark.parametrize("text, english, absent, present", [
    ("社保卡已在养老保险和医疗保险领域普遍使用，参加失业保险的人数继续增长。", False,
     {"基本养老保险", "基本医疗保险"}, {"失业保险"}),
    ("社保卡已在養老保險和醫療保險領域普遍使用，參加失業保險的人數繼續增長。", False,
     {"基本养老保险", "基本医疗保险"}, {"失业保险"}),
    ("持卡人可以直接进行医疗保险结算，基本养老保险参保人数达到10亿人。", False,
     {"基本医疗保险"}, {"基本养老保险"}),
    ("The card is used for medical insurance settlements, and 1 billion people have basic pension insurance.",
     True, {"基本医疗保险"}, {"基本养老保险"}),
])
def test_a_scheme_named_as_the_field_of_a_use_is_not_a_mention(text, english, absent, present):
    programs = {label for kind, label in mentions(text) if kind == "program"}
    assert not absent & programs
    assert present <= programs


def test_a_place_named_as_a_word_of_an_english_grouping_is_mentioned():
    found = mentions("Technical colleges will be built in the four prefectures of southern Xinjiang, "
                     "and in the Beijing-Tianjin-Hebei region.")
    assert {("region", "南疆四地州"), ("region", "新疆"), ("region", "京津冀")} <= found
    assert ("region", "天津") not in found


def test_a_level_word_for_many_places_names_no_agency():
    assert agencies("广东、浙江等省人社厅负责社保卡发行，各市医保局负责结算。") == set()


@pytest.mark.parametrize("text, expected", [
    ("浙江省数据局和杭州市交通运输局推进社保卡乘车应用。", {"浙江省数据局", "杭州市交通运输局"}),
    ("湖南省文旅厅推动社保卡在景区使用。", {"湖南省文化和旅游厅"}),
    ("Guangdong Province's Department of Human Resources and Social Security said the card is widely used.",
     {"广东省人力资源和社会保障厅"}),
    ("Shenzhen's Human Resources and Social Security Bureau said the card is widely used.",
     {"深圳市人力资源和社会保障局"}),
])
def test_more_kinds_and_english_possessives(text, expected):
    assert expected <= agencies(text)


@pytest.mark.parametrize("text", [
    "Card holders on the Chinese mainland reached 1.38 billion by the end of last year.",
    "Card holders in mainland China reached 1.38 billion by the end of last year.",
])
def test_the_mainland_names_the_country(text):
    assert ("region", "中国") in mentions(text)


@pytest.mark.parametrize("text, country", [
    ("截至6月底，城镇新增就业700万人，社会保障卡持卡人数达到13.8亿人。", True),
    ("截至6月底，我市社会保障卡持卡人数达到800万人，城镇新增就业7万人。", False),
    ("截至6月底，全省社會保障卡持卡人數達到8000萬人。", False),
    ("By the end of June, 8 million people citywide held social security cards.", False),
])
def test_a_figure_with_no_region_is_the_country_s_unless_the_article_is_about_a_place(text, country):
    assert (("region", "中国") in mentions(text)) == country


@pytest.mark.parametrize("text, name, role", [
    ("据市社会保障信息中心副主任张正欣介绍，全市已发卡200万张。", "张正欣", "市社会保障信息中心副主任"),
    ("據市社會保障信息中心副主任張正欣介紹，全市已發卡200萬張。", "张正欣", "市社会保障信息中心副主任"),
    ("上海市政府副秘书长赵明致辞，人社部副部长钱华出席。", "赵明", "上海市政府副秘书长"),
])
def test_a_role_starts_at_the_post_not_at_the_clause(text, name, role):
    assert people(text).get(name) == role


def test_an_english_mayor_s_role_is_the_chinese_post():
    found = people("Vice Mayor Li Ming attended the ceremony in Changsha, where the card was launched.")
    assert found.get("Li Ming") == "副市长"


@pytest.mark.parametrize("text, place", [
    ("本报北京讯（记者王明）第三代社保卡发行工作进展顺利，全国持卡人数达到13.8亿人。", "北京"),
    ("北京时间7月23日，人社部公布全国社会保障卡持卡人数达到13.8亿人。", "北京"),
    ("Beijing, 21 January (Xinhua) -- Social security card holders nationwide reached 1.38 billion.", "北京"),
    ("At 10 a.m. Beijing time on Monday the ministry said card holders nationwide reached 1.38 billion.", "北京"),
])
def test_more_datelines_and_a_time_zone_are_not_regions(text, place):
    assert ("region", place) not in mentions(text)


def test_a_place_before_a_word_that_only_looks_like_a_month_is_a_region():
    found = mentions("Guangdong, marking 5 years of the card, issued 100 million cards nationwide.")
    assert ("region", "广东") in found


@pytest.mark.parametrize("text, places", [
    ("截至3月底，在沪参保的外省市人员达到320万人。", {"上海"}),
    ("截至3月底，在滬參保的外省市人員達到320萬人。", {"上海"}),
    ("今年以来，来粤务工人员申领社保卡46万张。", {"广东"}),
    ("驻京办事处为在京老乡办理了社保卡。", {"北京"}),
    ("非沪籍老人也可以凭社保卡免费乘车。", {"上海"}),
    ("苏浙皖三省签订协议，社保卡可跨省就医。", {"江苏", "浙江", "安徽"}),
    ("蘇浙皖三省簽訂協議，社保卡可跨省就醫。", {"江苏", "浙江", "安徽"}),
    ("黑吉辽蒙四省区推进社保卡居民服务一卡通。", {"黑龙江", "吉林", "辽宁", "内蒙古"}),
    ("苏浙沪居民可以持卡在三地就医。", {"江苏", "浙江", "上海"}),
])
def test_a_province_abbreviation_in_a_fixed_collocation_names_it(text, places):
    assert {("region", p) for p in places} <= mentions(text)


@pytest.mark.parametrize("text", [
    "在新增参保人员中，青年占比较高。",
    "他在京东购买了读卡器，公司股票在沪深两市上市。",
    "单位按时发放在职津贴，社保卡可以领取补贴。",
    "公司在港口设立服务点，职工在晋升职称时需要社保卡。",
    "新人社局长上任后推进社保卡应用。",
    "京，沪，粤。",
    "本书籍收录了社保卡的资料，在台上发言的是一位持卡人。",
    "服务点设在桂平路，持卡人可以在鲁迅公园和湘江边的网点办理。",
])
def test_a_bare_abbreviation_or_a_word_it_begins_names_no_province(text):
    regions = {label for kind, label in mentions(text) if kind == "region"} - {"中国"}
    assert regions == set()


@pytest.mark.parametrize("text, agency, place", [
    ("沪人社发布消息，全市电子社保卡签发量达到1800万张。", "上海市人力资源和社会保障局", "上海"),
    ("记者从粤人社厅获悉，全省第三代社保卡发卡量达到3000万张。", "广东省人力资源和社会保障厅", "广东"),
    ("記者從粵人社廳獲悉，全省第三代社保卡發卡量達到3000萬張。", "广东省人力资源和社会保障厅", "广东"),
    ("江苏省人力资源与社会保障厅推出首批金融社保卡。", "江苏省人力资源和社会保障厅", "江苏"),
])
def test_an_abbreviation_or_a_variant_of_the_kind_names_a_local_agency(text, agency, place):
    found = mentions(text)
    assert ("agency", agency) in found
    assert ("region", place) in found


def test_an_abbreviation_inside_a_word_names_no_agency():
    assert agencies("兴宁人社局发布公告，新人社局长上任。") == set()


@pytest.mark.parametrize("text, name, role, agency", [
    ("Deputy Minister of Human Resources and Social Security Tang Xiaofeng said the card now serves 1.3 billion.",
     "Tang Xiaofeng", "副部长", "人力资源和社会保障部"),
    ("Vice-Minister of Human Resources and Social Security Gao Ruilin told reporters that 1.3 billion hold cards.",
     "Gao Ruilin", "副部长", "人力资源和社会保障部"),
    ("Vice Minister Tang Xiaofeng of the Ministry of Human Resources and Social Security said on Monday.",
     "Tang Xiaofeng", "副部长", "人力资源和社会保障部"),
    ("MOHRSS spokesman Guo Mingde said the number of card holders rose.", "Guo Mingde", "新闻发言人",
     "人力资源和社会保障部"),
    ("Shanghai Municipal Human Resources and Social Security Bureau Director Sun Lihua said on Monday.",
     "Sun Lihua", "上海市人力资源和社会保障局局长", "上海市人力资源和社会保障局"),
])
def test_an_english_post_before_a_name_may_name_its_agency(text, name, role, agency):
    article = parse_bytes(text.encode(), SourceRef("invented.txt", "invented.txt"))
    found = {m.label: m for m in extract(article)[1].mentions}
    assert found[name].role == role
    assert found[name].agency == found[agency].key


@pytest.mark.parametrize("text", [
    "Officials of the Ministry of Human Resources and Social Security said the card now serves 1.3 billion.",
    "Resources Minister Social Security said nothing about the card.",
    "The Vice Minister of Human Resources and Social Security attended the launch of the card.",
])
def test_the_words_of_a_ministry_in_a_post_are_no_name(text):
    assert people(text) == {}


@pytest.mark.parametrize("text, place", [
    ("BEIJING - The number of social security card holders nationwide reached 1.38 billion.", "北京"),
    ("SHANGHAI, (Local News Agency - 12th Mar, 2024) Card holders in the province reached 20 million.", "上海"),
    ("By Zhou Yiming in Beijing | China Daily\nCard holders nationwide reached 1.38 billion.", "北京"),
    ("By Zhou Yiming and Gao Wenbin in Guangzhou\nCard holders nationwide reached 1.38 billion.", "广州"),
])
def test_an_english_dateline_or_byline_place_is_not_a_region(text, place):
    assert ("region", place) not in mentions(text)


@pytest.mark.parametrize("text, place", [
    ("By the end of June, residents in Beijing held 23 million cards.", "北京"),
    ("Card holders in Beijing - the capital - reached 23 million.", "北京"),
    ("Beijing, Tianjin and Hebei now accept each other's cards.", "天津"),
])
def test_a_place_in_a_sentence_with_by_or_a_dash_is_a_region(text, place):
    assert ("region", place) in mentions(text)


@pytest.mark.parametrize("text", [
    "责任编辑：王晓红",
    "编辑：刘海涛 审核：陈立新",
    "（记者 李明 通讯员 张华）第三代社保卡发行工作进展顺利。",
    "Editor: Zhou Yiming",
    "Photo: Gao Wenbin/Xinhua",
    "Copyright 1995-2024 China Daily. Editor Zhou Yiming",
])
def test_a_credit_line_names_no_official(text):
    assert people(text) == {}


@pytest.mark.parametrize("text, expected", [
    ("China's social security cardholders reached 1.38 billion by June.", {"社会保障卡"}),
    ("The SSC now doubles as a bank card, and the e-SSC runs on 100 apps.", {"社会保障卡", "电子社保卡"}),
    ("Some 1 billion people have claimed e-SSCs; electronic SSC logins reached 15 billion.", {"电子社保卡"}),
    ("The e-cards were used for 15 billion services last year.", {"电子社保卡"}),
    ("Holders of third-generation cards can ride buses in 300 cities.", {"第三代社保卡"}),
    ("The 3rd-generation card carries a transport chip.", {"第三代社保卡"}),
    ("It is part of what the ministry calls \u201cone card\u201d services for residents.", {"社保卡居民服务一卡通"}),
    ("Six provinces have written \"one card\" rules into local law.", {"社保卡居民服务一卡通"}),
    ("The one card pass now covers 100 services.", {"社保卡居民服务一卡通"}),
])
def test_the_card_programs_named_in_english(text, expected):
    assert expected <= programs(text)


@pytest.mark.parametrize("text, absent", [
    ("The card works as a medical insurance card, a pension account and a bank card at once.", "基本医疗保险"),
    ("Patients pay with their medical insurance cards at pharmacies.", "基本医疗保险"),
    ("患者可持医疗保险卡在定点药店购药。", "基本医疗保险"),
    ("One card, many jobs: how the card became a bus pass.", "社保卡居民服务一卡通"),
    ("Use one card for everything, officials say.", "社保卡居民服务一卡通"),
])
def test_a_card_named_after_a_scheme_or_a_phrase_of_one_card_is_no_program(text, absent):
    assert absent not in programs(text)


def test_the_scheme_itself_is_still_a_program():
    assert "基本医疗保险" in programs("Medical insurance now covers 1.33 billion people.")


@pytest.mark.parametrize("text, program", [
    ("Whole country social guarantee card hold card people number reached 1.38 billion.", "社会保障卡"),
    ("Every resident can use one piece social guarantee card to see a doctor.", "社会保障卡"),
    ("The social protection card pays pensions in 300 cities.", "社会保障卡"),
    ("More than 1 billion people received-used electronic social guarantee card.", "电子社保卡"),
    ("The electronic social protection card serves 95 items.", "电子社保卡"),
])
def test_the_card_as_word_for_word_translation_names_it(text, program):
    assert program in programs(text)


@pytest.mark.parametrize("text", [
    "Human resources social guarantee department information center responsible person introduced the card.",
    "The Ministry of Human Resources and Social Guarantee said the card serves 95 items.",
])
def test_the_ministry_as_word_for_word_translation_names_it(text):
    assert ("agency", "人力资源和社会保障部") in mentions(text)
