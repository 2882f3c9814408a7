"""Officials as the languages name them, on invented sentences in zh-Hans, zh-Hant and English.

A Chinese post stands before the name, right there or across a comma, a colon or a space, or in
brackets after it; `、` joins posts of one unit; a role never reaches back over the official named
before it. An English post is in apposition (with `the` or `a`) or before the name; a unit named
right before the post is part of it, and the head of an agency is called as that agency's head is.
Journalists, the people quoted and names without a post are no officials.
"""

from __future__ import annotations

import pytest

from sscard_kg.extract.extract import extract
from sscard_kg.read.sources import SourceRef, parse_bytes


def people(text: str) -> dict[str, str | None]:
    article = parse_bytes(text.encode(), SourceRef("invented.txt", "invented.txt"))
    return {m.label: m.role for m in extract(article)[1].mentions if m.type == "person"}


def agencies(text: str) -> set[str]:
    article = parse_bytes(text.encode(), SourceRef("invented.txt", "invented.txt"))
    return {m.label for m in extract(article)[1].mentions if m.type == "agency"}


MOHRSS = "人力资源和社会保障部"


@pytest.mark.parametrize("text, name, role", [
    ("人社部副部长游钧在发布会上介绍，全国社保卡持卡人数达到13.5亿人。", "游钧", "副部长"),
    ("人力资源社会保障部新闻发言人、规划财务司司长王某明表示，电子社保卡领用人数持续增长。",
     "王某明", "新闻发言人、规划财务司司长"),
    ("人社部新闻发言人卢爱红透露，电子社保卡领用人数持续增长。", "卢爱红", "新闻发言人"),
    ("人社部新闻发言人，卢爱红表示，电子社保卡领用人数持续增长。", "卢爱红", "新闻发言人"),
    ("人社部新闻发言人：卢爱红\n电子社保卡领用人数持续增长。", "卢爱红", "新闻发言人"),
    ("人社部新闻发言人 卢爱红 介绍，电子社保卡领用人数持续增长。", "卢爱红", "新闻发言人"),
    ("翟燕立（人社部信息中心主任）介绍，电子社保卡已覆盖全国。", "翟燕立", "信息中心主任"),
    ("张志强（人社部信息中心副主任）介绍，电子社保卡已覆盖全国。", "张志强", "信息中心副主任"),
    ("据王建国（杭州市人社局副局长）介绍，全市社保卡持卡人数超过1000万。", "王建国", "杭州市人社局副局长"),
    ("卢爱红（人社部新闻发言人）表示，电子社保卡领用人数持续增长。", "卢爱红", "新闻发言人"),
    ("记者从人社部信息中心主任翟燕立处获悉，电子社保卡已覆盖全国。", "翟燕立", "信息中心主任"),
    ("据人社部信息中心副主任刘建华介绍，电子社保卡已覆盖全国。", "刘建华", "信息中心副主任"),
    ("浙江省人力资源和社会保障厅副厅长陈国华表示，全省社保卡持卡人数超过6000万。",
     "陈国华", "浙江省人力资源和社会保障厅副厅长"),
    ("深圳市医疗保障局副局长李文指出，医保电子凭证激活人数持续增长。", "李文", "深圳市医疗保障局副局长"),
    ("国家医保局副局长施子海表示，医保电子凭证用户超过10亿。", "施子海", "副局长"),
    ("中国人民银行副行长范一飞表示，社保卡金融功能不断完善。", "范一飞", "副行长"),
    ("国家统计局新闻发言人付凌晖介绍，全国城镇新增就业1200万人。", "付凌晖", "新闻发言人"),
    ("财政部副部长余蔚平表示，社保基金运行平稳。", "余蔚平", "副部长"),
    ("人力资源和社会保障部党组成员、副部长李忠说，社保卡持卡人数达到13亿人。", "李忠", "党组成员、副部长"),
])
def test_a_chinese_post_names_its_official(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize("text, name, role", [
    ("人社部發言人盧愛紅表示，電子社保卡領用人數持續增長。", "卢爱红", "发言人"),
    ("人社部新聞發言人，盧愛紅表示，電子社保卡領用人數持續增長。", "卢爱红", "新闻发言人"),
    ("盧愛紅（人社部新聞發言人）表示，電子社保卡領用人數持續增長。", "卢爱红", "新闻发言人"),
    ("記者從人社部信息中心主任翟燕立處獲悉，電子社保卡已覆蓋全國。", "翟燕立", "信息中心主任"),
    ("據人社部信息中心主任翟燕立介紹，電子社保卡已覆蓋全國。", "翟燕立", "信息中心主任"),
    ("浙江省人力資源和社會保障廳副廳長陳國華表示，全省社保卡持卡人數超過6000萬。",
     "陈国华", "浙江省人力资源和社会保障厅副厅长"),
    ("國家醫保局副局長施子海表示，醫保電子憑證用戶超過10億。", "施子海", "副局长"),
])
def test_a_traditional_post_names_its_official(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize("text", [
    "人社部信息中心主任翟燕立、副主任宋京燕出席了会议。",
    "人社部信息中心主任翟燕立和副主任宋京燕出席了会议。",
])
def test_a_post_joined_to_an_official_s_shares_the_unit_and_not_the_name(text):
    assert people(text) == {"翟燕立": "信息中心主任", "宋京燕": "信息中心副主任"}


@pytest.mark.parametrize("text", [
    "记者从杭州市人社局获悉，全市社保卡持卡人数超过1000万。",
    "据刘建华介绍，电子社保卡已覆盖全国。",
    "本报记者王晓明报道，电子社保卡领用人数持续增长。",
    "（责任编辑：李晓华）",
    "编辑：张三丰 校对：李四",
    "市民王大妈说，有了电子社保卡看病方便多了。",
    "专家和王红（化名）都认为社保卡很方便。",
    "王红（记者）摄",
    "人社部有关负责人表示，电子社保卡领用人数持续增长。",
    "市社保中心主任，明年将退休。",
    "人社部新闻发言人：\n电子社保卡领用人数持续增长。",
    "市民可到中山路社保服务网点办理社保卡。",
    "中山市人社局局长表示，社保卡很好用。",
    "記者從杭州市人社局獲悉，全市社保卡持卡人數超過1000萬。",
    "（責任編輯：李曉華）",
])
def test_no_chinese_official_without_a_post(text):
    assert people(text) == {}


@pytest.mark.parametrize("text, name, role", [
    ("Vice-Minister of Human Resources and Social Security You Jun said the card now covers 1.35 billion people.",
     "游钧", "副部长"),
    ("Ministry spokesperson Lu Aihong said the number of electronic card holders kept rising.", "卢爱红", "新闻发言人"),
    ("Lu Aihong, spokesperson of the ministry, said the number of electronic card holders kept rising.",
     "卢爱红", "新闻发言人"),
    ("Lu Aihong, a spokesperson for the Ministry of Human Resources and Social Security, said so.",
     "卢爱红", "新闻发言人"),
    ("Human Society Department spokesman Lu Aihong said the number of card holders kept rising.",
     "卢爱红", "新闻发言人"),
    ("The Ministry of Human Resources and Social Security's Information Center director Zhai Yanli said so.",
     "翟燕立", "信息中心主任"),
    ("Zhang Wei, director of the Information Center of the Ministry of Human Resources and Social Security, said so.",
     "Zhang Wei", "信息中心主任"),
    ("Shi Zihai, deputy head of the National Healthcare Security Administration, said the code was in use.",
     "Shi Zihai", "副局长"),
    ("Kang Yi, head of the National Bureau of Statistics, said urban jobs rose.", "Kang Yi", "局长"),
    ("\"The card is widely used,\" said Zhang Wei, a spokesman for the Hangzhou Human Resources and Social "
     "Security Bureau.", "Zhang Wei", "杭州市人力资源和社会保障局新闻发言人"),
    ("Wang Xiaoping, Minister of Human Resources and Social Security, said the card covered 1.38 billion people.",
     "王晓萍", "部长"),
    ("Premier Li Qiang chaired a State Council executive meeting.", "Li Qiang", "总理"),
])
def test_an_english_post_names_its_official(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize("text", [
    "\"The card is widely used,\" said Lu.",
    "By Wang Xiaoyu in Beijing\nThe card now covers 1.35 billion people.",
    "Editor: Liu Ming\nThe card now covers 1.35 billion people.",
    "Editor Liu Ming, director of the newsroom, reviewed it.",
    "Reporter Wang Xiaoyu, director of the newsroom, wrote this.",
    "Xinhua reporter Wang Xiaoyu, head of the bureau, wrote this.",
    "Zhang Lei, a resident of Hangzhou, said the card made seeing a doctor easier.",
    "Li Hua, a 67-year-old retiree, said the card is convenient.",
    "\"It is convenient,\" said Chen Jie, a retiree in Shanghai.",
    "Social Security cards are now issued in every province.",
    "Sun Yat-sen University Hospital accepts the card.",
    "Official Data Show card holders rose.",
])
def test_no_english_official_without_a_post(text):
    assert people(text) == {}


@pytest.mark.parametrize("text, expected", [
    ("国家医保局副局长施子海表示，医保电子凭证用户超过10亿。", "国家医疗保障局"),
    ("国务院总理李强主持召开国务院常务会议。", "国务院"),
    ("杭州市人社局局长王红说，全市社保卡持卡人数超过1000万。", "杭州市人力资源和社会保障局"),
    ("广东省人社厅发布消息，省社保中心主任赵云介绍了社保卡发放情况。", "广东省人力资源和社会保障厅"),
    ("The People's Bank of China and the National Bureau of Statistics released data.", "中国人民银行"),
    ("The People's Bank of China and the National Bureau of Statistics released data.", "国家统计局"),
    ("The National Healthcare Security Administration said 1 billion people had activated the code.", "国家医疗保障局"),
    ("The State Council approved the plan.", "国务院"),
])
def test_the_agency_an_official_speaks_for_is_named(text, expected):
    assert expected in agencies(text)


def test_a_post_of_another_unit_joined_to_an_official_s_keeps_its_own():
    assert people("人社部信息中心主任翟燕立、政策研究司司长王某明出席了会议。") == {
        "翟燕立": "信息中心主任", "王某明": "政策研究司司长"}


def test_the_head_of_a_department_of_an_agency_is_not_the_agency_s_head():
    found = people("According to Li Jie, the head of the social security card department of Changsha Human "
                   "Resources and Social Security Bureau, the machines are being upgraded.")
    assert found.get("Li Jie") == "主任"


@pytest.mark.parametrize("text, name, role", [
    ("卢爱红司长介绍，电子社保卡领用人数持续增长。", "卢爱红", "司长"),
    ("游钧副部长指出，电子社保卡领用人数持续增长。", "游钧", "副部长"),
    ("人社部王建国局长表示，全市社保卡持卡人数超过1000万。", "王建国", "局长"),
    ("杭州市人社局王建国局长表示，全市社保卡持卡人数超过1000万。", "王建国", "杭州市人社局局长"),
    ("人社部信息中心翟燕立主任介绍，电子社保卡已覆盖全国。", "翟燕立", "信息中心主任"),
    ("國家醫保局施子海副局長表示，醫保電子憑證用戶超過10億。", "施子海", "副局长"),
])
def test_a_post_after_a_known_name_or_an_agency_s_is_the_role(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize("text", [
    "王建国局长表示，全市社保卡持卡人数超过1000万。",
    "国务院总理表示，社保卡很方便。",
    "平安银行行长表示，社保卡很方便。",
    "高院院长表示，社保卡很方便。",
])
def test_a_post_after_an_unknown_name_like_run_names_no_official(text):
    assert people(text) == {}


@pytest.mark.parametrize("text, expected", [
    ("国家卫健委、国家税务总局和财政部联合发文。", {"国家卫生健康委员会", "国家税务总局", "财政部"}),
    ("中国银保监会和中国人民银行联合发文，推进社保卡金融功能。", {"中国银行保险监督管理委员会", "中国人民银行"}),
    ("民政部和交通运输部推进社保卡在民政和交通领域的应用。", {"民政部", "交通运输部"}),
    ("國家衛健委和國家稅務總局聯合發文。", {"国家卫生健康委员会", "国家税务总局"}),
    ("The Ministry of Finance and the National Health Commission issued a notice.", {"财政部", "国家卫生健康委员会"}),
    ("The State Taxation Administration and the MOHRSS issued a notice.", {"国家税务总局", "人力资源和社会保障部"}),
])
def test_central_bodies_that_issue_card_policy_with_the_ministry(text, expected):
    assert expected <= agencies(text)


@pytest.mark.parametrize("text, absent", [
    ("江苏省人社部门将联手交通运输部门加快发行第三代社保卡。", "交通运输部"),
    ("杭州市卫健委和杭州市人社局推动社保卡就医结算。", "国家卫生健康委员会"),
    ("当地税务局为参保人办理社保费缴纳。", "国家税务总局"),
])
def test_departments_in_general_or_local_bodies_are_not_the_central_ones(text, absent):
    assert absent not in agencies(text)


@pytest.mark.parametrize("text, expected", [
    ("人社部副部长李忠、俞家栋出席会议。", {"李忠": "副部长", "俞家栋": "副部长"}),
    ("人社部部长王晓萍，副部长李忠和俞家栋出席会议。", {"王晓萍": "部长", "李忠": "副部长", "俞家栋": "副部长"}),
    ("人社部副部長李忠、俞家棟出席會議。", {"李忠": "副部长", "俞家栋": "副部长"}),
])
def test_names_listed_after_a_post_share_it(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text, name, role", [
    ("会上，人社部信息中心主任翟燕立作了发言。", "翟燕立", "信息中心主任"),
    ("人社部副部长游钧陪同调研。", "游钧", "副部长"),
    ("Guangdong Province's Human Resources and Social Security Department director Chen Hua said so.",
     "Chen Hua", "广东省人力资源和社会保障厅厅长"),
])
def test_more_words_of_acting_and_an_agency_named_before_an_english_post(text, name, role):
    assert people(text).get(name) == role


def test_a_name_listed_after_a_post_is_not_a_word_after_it():
    assert people("人社部副部长游钧和全国人大代表座谈。") == {"游钧": "副部长"}


@pytest.mark.parametrize("text", [
    "市社保中心主任王某介绍，社保卡发放顺利。",
    "张江镇社保中心为居民办理社保卡。",
    "各地社保中心为居民办理社保卡。",
    "县社会保险事业管理中心为居民办理社保卡。",
    "縣社保中心為居民辦理社保卡。",
])
def test_a_local_centre_of_an_unknown_place_is_not_the_ministry_s(text):
    assert not agencies(text) & {MOHRSS, "人力资源和社会保障部社会保险事业管理中心"}


@pytest.mark.parametrize("text", ["人社部社保中心主任唐霁松介绍。", "部社保中心负责全国社保卡管理。"])
def test_the_ministry_s_centre_is_still_the_ministry_s(text):
    assert {MOHRSS, "人力资源和社会保障部社会保险事业管理中心"} <= agencies(text)


@pytest.mark.parametrize("text, expected", [
    ("Meanwhile, Director Of Operations said the card is ready.", {}),
    ("Li Ming, head of the Xinhua News Agency bureau, wrote it.", {"Li Ming": "主任"}),
    ("Wang Xiaoping, 59, minister of human resources and social security, said so.", {"王晓萍": "部长"}),
])
def test_capitalised_words_of_a_phrase_or_an_organisation_are_no_name(text, expected):
    assert people(text) == expected
