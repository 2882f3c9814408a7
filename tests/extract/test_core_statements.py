"""Core figures as analysts meet them: one invented sentence each, with the publication date it is read
against and the metric, value and as-of date its figure must get. The sentences vary the verb, the word
order, the name of the card and the way the date is said, in Simplified, Traditional and English
(translated English among it); each must yield its figure among the measurements of the sentence.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from sscard_kg.extract.extract import extract
from sscard_kg.model import Article

CASES = [
    # the schemes listed inside a name of the funds name no scheme of the figure
    ('2023-01-30', 'en', 'The three social insurance funds - pension, unemployment and work injury - took in 7.1tn yuan in 2022.', 'si-fund-income', '7100000000000', '2022'),
    # a clause with no figure before the figure's names its topic, before the sentence's first subject does
    ('2024-06-28', 'zh-Hans', '电子社保卡领用人数越过10亿大关，而作为其底座的实体社保卡，截至今年3月末已有13.8亿人持有。', 'card-holders', '1380000000', '2024-03-31'),
    ('2024-06-28', 'zh-Hant', '電子社保卡領用人數越過10億大關，而實體社保卡方面，截至今年3月末持卡人數達13.8億人。', 'card-holders', '1380000000', '2024-03-31'),
    # a count and its share of the population, side by side: the count keeps its own metric
    ('2024-01-24', 'en', 'By the end of 2023, card holders reached 1.38 billion, 97.7 percent of the population.', 'card-holders', '1380000000', '2023-12-31'),
    ('2024-01-24', 'zh-Hans', '截至2023年底，全国持卡人数达13.8亿，97.7%的人口持有社保卡。', 'card-holders', '1380000000', '2023-12-31'),
    ('2024-01-24', 'zh-Hant', '截至2023年底，全國持卡人數達13.8億，97.7%的人口持有社保卡。', 'card-penetration', '97.7', '2023-12-31'),
    ('2024-02-20', 'zh-Hans', '截至2023年末，全国持社保卡人数已达13.79亿。', 'card-holders', '1379000000', '2023-12-31'),
    ('2024-02-20', 'zh-Hans', '全国社会保障卡持卡人口去年底增至13.79亿。', 'card-holders', '1379000000', '2023-12-31'),
    ('2024-02-20', 'zh-Hans', '去年年底，我国社保卡持卡人群规模达13.79亿人，覆盖了97.7%的人口。', 'card-holders', '1379000000', '2023-12-31'),
    ('2024-02-20', 'zh-Hans', '去年年底，我国社保卡持卡人群规模达13.79亿人，覆盖了97.7%的人口。', 'card-penetration', '97.7', '2023-12-31'),
    ('2024-02-20', 'zh-Hans', '社保卡持卡人数，截至去年底已达13.79亿人。', 'card-holders', '1379000000', '2023-12-31'),
    ('2024-02-20', 'zh-Hans', '目前，全国已有9.62亿人申领了电子社保卡。', 'ecard-holders', '962000000', '2024-02-20'),
    ('2024-02-20', 'zh-Hans', '截至2023年12月底，电子社保卡领卡人数为9.62亿。', 'ecard-holders', '962000000', '2023-12-31'),
    ('2024-02-20', 'zh-Hans', '电子社保卡签发量已突破9.6亿张。', 'ecard-holders', '960000000', '2024-02-20'),
    ('2021-04-28', 'zh-Hans', '一季度末，全国社会保障卡持卡人数13.38亿人，电子社保卡领用人数达到3.96亿人。', 'card-holders', '1338000000', '2021-03-31'),
    ('2021-04-28', 'zh-Hans', '一季度末，全国社会保障卡持卡人数13.38亿人，电子社保卡领用人数达到3.96亿人。', 'ecard-holders', '396000000', '2021-03-31'),
    ('2020-10-30', 'zh-Hans', '前三季度，全国城镇新增就业898万人，完成全年目标任务的99.8%。', 'new-urban-jobs', '8980000', '2020-09'),
    ('2020-10-30', 'zh-Hans', '1—9月，城镇新增就业人数为898万。', 'new-urban-jobs', '8980000', '2020-09'),
    ('2020-07-25', 'zh-Hans', '今年上半年，全国城镇新增就业564万人。', 'new-urban-jobs', '5640000', '2020-06'),
    ('2020-07-25', 'zh-Hans', '6月份，全国城镇调查失业率为5.7%。', 'surveyed-unemployment-rate', '5.7', '2020-06'),
    ('2020-07-25', 'zh-Hans', '二季度末，全国城镇登记失业率为3.84%。', 'registered-unemployment-rate', '3.84', '2020-06-30'),
    ('2019-02-27', 'zh-Hans', '到2018年年底，全国社保卡持卡人数达12.35亿，普及率为88.7%。', 'card-penetration', '88.7', '2018-12-31'),
    ('2019-02-27', 'zh-Hans', '全国社会保障卡普及率去年末达到88.7%。', 'card-penetration', '88.7', '2018-12-31'),
    ('2023-01-18', 'zh-Hant', '截至2022年底，全國社會保障卡持卡人數達13.68億人，覆蓋96.8%人口。', 'card-holders', '1368000000', '2022-12-31'),
    ('2023-01-18', 'zh-Hant', '全國電子社保卡領用人數達到7.15億人。', 'ecard-holders', '715000000', '2023-01-18'),
    ('2023-01-18', 'zh-Hant', '2022年，全國城鎮新增就業1206萬人。', 'new-urban-jobs', '12060000', '2022'),
    ('2023-01-18', 'zh-Hant', '去年全國城鎮新增就業人數為1206萬。', 'new-urban-jobs', '12060000', '2022'),
    ('2024-01-24', 'zh-Hans', '2023年末，全国基本养老保险参保人数为10.66亿人。', 'pension-insured', '1066000000', '2023-12-31'),
    ('2024-01-24', 'zh-Hans', '全国参加基本养老保险的人数，去年末为10.66亿人。', 'pension-insured', '1066000000', '2023-12-31'),
    ('2024-01-24', 'zh-Hans', '失业保险参保人数2.44亿人，工伤保险参保人数3.02亿人。', 'unemployment-insured', '244000000', '2024-01-24'),
    ('2024-01-24', 'zh-Hans', '失业保险参保人数2.44亿人，工伤保险参保人数3.02亿人。', 'work-injury-insured', '302000000', '2024-01-24'),
    ('2024-01-24', 'zh-Hans', '去年全年三项社会保险基金总收入7.47万亿元，总支出6.94万亿元。', 'si-fund-income', '7470000000000', '2023'),
    ('2024-01-24', 'zh-Hans', '去年全年三项社会保险基金总收入7.47万亿元，总支出6.94万亿元。', 'si-fund-expenditure', '6940000000000', '2023'),
    ('2024-01-24', 'zh-Hans', '截至12月底，三项社会保险基金累计结余8.22万亿元。', 'si-fund-balance', '8220000000000', '2023-12-31'),
    ('2024-01-24', 'en', 'By the end of 2023, the number of social security cardholders in China stood at 1.379 billion.', 'card-holders', '1379000000', '2023-12-31'),
    ('2024-01-24', 'en', 'Some 1.379 billion people, or 97.7 percent of the population, had social security cards by the end of last year.', 'card-holders', '1379000000', '2023-12-31'),
    ('2024-01-24', 'en', 'Some 1.379 billion people, or 97.7 percent of the population, had social security cards by the end of last year.', 'card-penetration', '97.7', '2023-12-31'),
    ('2024-01-24', 'en', 'Social security card coverage reached 97.7 percent of the population at the end of 2023.', 'card-penetration', '97.7', '2023-12-31'),
    ('2024-01-24', 'en', 'A total of 962 million people had signed up for the electronic social security card as of end-December.', 'ecard-holders', '962000000', '2023-12-31'),
    ('2024-01-24', 'en', 'Users of the e-SSC numbered 962 million at the close of 2023.', 'ecard-holders', '962000000', '2023-12-31'),
    ('2024-01-24', 'en', 'China added 12.44 million urban jobs last year.', 'new-urban-jobs', '12440000', '2023'),
    ('2024-01-24', 'en', 'Urban employment rose by 12.44 million in 2023.', 'new-urban-jobs', '12440000', '2023'),
    ('2024-01-24', 'en', 'Some 12.44 million new jobs were created in cities and towns in 2023.', 'new-urban-jobs', '12440000', '2023'),
    ('2024-01-24', 'en', 'The surveyed urban unemployment rate stood at 5.1 percent in December.', 'surveyed-unemployment-rate', '5.1', '2023-12'),
    ('2024-01-24', 'en', 'The nationwide surveyed jobless rate in urban areas averaged 5.2 percent in 2023.', 'surveyed-unemployment-rate', '5.2', '2023'),
    ('2024-01-24', 'en', 'The basic pension insurance covered 1.066 billion people at the end of 2023.', 'pension-insured', '1066000000', '2023-12-31'),
    ('2024-01-24', 'en', 'Enrollment in basic old-age insurance reached 1.066 billion by end-2023.', 'pension-insured', '1066000000', '2023-12-31'),
    ('2024-01-24', 'en', 'Unemployment insurance had 244 million participants, and work-related injury insurance 302 million.', 'unemployment-insured', '244000000', '2024-01-24'),
    ('2024-01-24', 'en', 'Unemployment insurance had 244 million participants, and work-related injury insurance 302 million.', 'work-injury-insured', '302000000', '2024-01-24'),
    ('2021-01-26', 'en', 'Combined revenue of the three social insurance funds was 5.02 trillion yuan in 2020, while spending totaled 5.75 trillion yuan.', 'si-fund-income', '5020000000000', '2020'),
    ('2021-01-26', 'en', 'Combined revenue of the three social insurance funds was 5.02 trillion yuan in 2020, while spending totaled 5.75 trillion yuan.', 'si-fund-expenditure', '5750000000000', '2020'),
    ('2021-01-26', 'en', 'The accumulated balance of the three funds stood at 6.13 trillion yuan by the end of December.', 'si-fund-balance', '6130000000000', '2020-12-31'),
    ('2021-01-26', 'en', 'Over the first half, 5.64 million urban jobs were added.', 'new-urban-jobs', '5640000', '2020-06'),
    ('2020-10-30', 'en', 'In the January-September period, 8.98 million new urban jobs were created.', 'new-urban-jobs', '8980000', '2020-09'),
    ('2020-10-30', 'en', 'Through September, China created 8.98 million new urban jobs.', 'new-urban-jobs', '8980000', '2020-09'),
    ('2020-10-30', 'en', 'During the first three quarters, 8.98 million new jobs were created in urban areas.', 'new-urban-jobs', '8980000', '2020-09'),
    ('2021-04-28', 'en', 'By the end of the first quarter, 1.338 billion people held social security cards.', 'card-holders', '1338000000', '2021-03-31'),
    ('2021-04-28', 'en', 'At end-March, cardholders totaled 1.338 billion.', 'card-holders', '1338000000', '2021-03-31'),
    ('2022-07-22', 'zh-Hans', '截至今年6月底，全国社会保障卡持卡人数达到13.57亿人。', 'card-holders', '1357000000', '2022-06-30'),
    ('2022-07-22', 'zh-Hans', '截至上月底，全国社保卡持卡人数13.57亿人。', 'card-holders', '1357000000', '2022-06-30'),
    ('2022-07-22', 'zh-Hans', '今年头两个月，全国城镇新增就业158万人。', 'new-urban-jobs', '1580000', '2022-02'),
    ('2022-03-15', 'zh-Hans', '1-2月份，全国城镇新增就业158万人。', 'new-urban-jobs', '1580000', '2022-02'),
    ('2022-03-15', 'zh-Hans', '一二月份，全国城镇新增就业158万人。', 'new-urban-jobs', '1580000', '2022-02'),
    ('2020-01-20', 'zh-Hans', '2019年Q4末，全国社保卡持卡人数13.05亿人。', 'card-holders', '1305000000', '2019-12-31'),
    ('2020-01-20', 'en', 'At the close of 2019, 1.305 billion people held social security cards.', 'card-holders', '1305000000', '2019-12-31'),
    ('2018-01-26', 'zh-Hans', '沪上社保卡持卡人数已超过2200万。', 'card-holders', '22000000', '2018-01-26'),
    ('2019-07-25', 'en', 'As at end-June, the social security card had reached 1.277 billion holders, a penetration rate of 91.5 percent.', 'card-holders', '1277000000', '2019-06-30'),
    ('2019-07-25', 'en', 'As at end-June, the social security card had reached 1.277 billion holders, a penetration rate of 91.5 percent.', 'card-penetration', '91.5', '2019-06-30'),
    ('2019-07-25', 'en', 'The Human Society Department said the number of people holding social security cards was 1.277 billion at the end of the second quarter.', 'card-holders', '1277000000', '2019-06-30'),
    ('2019-07-25', 'en', 'Social security cards have been issued to 1.277 billion people nationwide as of the end of June.', 'card-holders', '1277000000', '2019-06-30'),
    ('2019-07-25', 'en', 'The holders of the social security card numbered 1.277 billion at the end of June.', 'card-holders', '1277000000', '2019-06-30'),
    ('2019-07-25', 'en', 'Nationwide, 91.5% of the population now holds a social security card.', 'card-penetration', '91.5', '2019-07-25'),
    ('2022-01-20', 'en', 'The number of e-social security card users exceeded 500 million last year.', 'ecard-holders', '500000000', '2021-12-31'),
    ('2022-01-20', 'en', 'More than 500 million people have activated their electronic social security cards.', 'ecard-holders', '500000000', '2022-01-20'),
    ('2022-01-20', 'en', 'The digital version of the card now has over 500 million users.', 'ecard-holders', '500000000', '2022-01-20'),
    ('2022-01-20', 'zh-Hans', '电子社保卡用户已超过5亿。', 'ecard-holders', '500000000', '2022-01-20'),
    ('2022-01-20', 'zh-Hans', '领取电子社保卡的人数突破5亿大关。', 'ecard-holders', '500000000', '2022-01-20'),
    ('2022-01-20', 'zh-Hans', '全国已签发电子社保卡逾5亿张。', 'ecard-holders', '500000000', '2022-01-20'),
    ('2016-01-22', 'zh-Hans', '截至去年底，全国社会保障卡持卡人数为8.84亿人，比上年末增加1.72亿人。', 'card-holders', '884000000', '2015-12-31'),
    ('2016-01-22', 'zh-Hans', '全国社会保障卡发卡量达8.84亿张。', 'cards-issued', '884000000', '2016-01-22'),
    ('2016-01-22', 'zh-Hans', '全国累计发放社会保障卡8.84亿张，普及率达到64.6%。', 'card-penetration', '64.6', '2016-01-22'),
    ('2016-01-22', 'zh-Hant', '全國社保卡持卡人數達8.84億，普及率64.6%。', 'card-holders', '884000000', '2016-01-22'),
    ('2016-01-22', 'zh-Hant', '社會保障卡持卡人數去年底達到8.84億人。', 'card-holders', '884000000', '2015-12-31'),
    ('2013-01-26', 'en', 'China had issued 341 million social security cards by the end of 2012.', 'cards-issued', '341000000', '2012-12-31'),
    ('2013-01-26', 'en', 'About 341 million people held social security cards at the end of last year.', 'card-holders', '341000000', '2012-12-31'),
    ('2014-05-28', 'zh-Hans', '年末全国社会保障卡持卡人数达到5.4亿人。', 'card-holders', '540000000', '2013-12-31'),
    ('2025-10-29', 'en', 'In the first three quarters, 10.57 million new urban jobs were created.', 'new-urban-jobs', '10570000', '2025-09'),
    ('2025-10-29', 'en', 'The surveyed urban unemployment rate was 5.2 percent in September, 0.1 percentage points lower than in August.', 'surveyed-unemployment-rate', '5.2', '2025-09'),
    ('2025-10-29', 'en', 'By the end of September, the number of people covered by basic pension insurance was 1.074 billion.', 'pension-insured', '1074000000', '2025-09-30'),
    ('2025-10-29', 'zh-Hans', '9月末，全国基本养老、失业、工伤保险参保人数分别为10.74亿人、2.48亿人、3.04亿人。', 'pension-insured', '1074000000', '2025-09-30'),
    ('2025-10-29', 'zh-Hans', '9月末，全国基本养老、失业、工伤保险参保人数分别为10.74亿人、2.48亿人、3.04亿人。', 'unemployment-insured', '248000000', '2025-09-30'),
    ('2025-10-29', 'zh-Hans', '9月末，全国基本养老、失业、工伤保险参保人数分别为10.74亿人、2.48亿人、3.04亿人。', 'work-injury-insured', '304000000', '2025-09-30'),
    ('2025-10-29', 'zh-Hans', '前三季度，三项社会保险基金收入合计6.69万亿元，支出合计6.04万亿元。', 'si-fund-income', '6690000000000', '2025-09'),
    ('2025-10-29', 'zh-Hans', '9月底，三项社会保险基金累计结余9.85万亿元。', 'si-fund-balance', '9850000000000', '2025-09-30'),
    ('2024-07-24', 'zh-Hans', '截至6月末，全国社会保障卡持卡人数达13.8亿人，其中电子社保卡领用人数超过10亿人。', 'ecard-holders', '1000000000', '2024-06-30'),
    ('2024-07-24', 'zh-Hans', '上半年，全国城镇新增就业697万人，同比增加19万人。', 'new-urban-jobs', '6970000', '2024-06'),
    ('2024-07-24', 'zh-Hans', '6月，全国城镇调查失业率5.0%，与上月持平。', 'surveyed-unemployment-rate', '5.0', '2024-06'),
    ('2024-07-24', 'zh-Hans', '截至6月底，全国社保卡持卡人数和电子社保卡领用人数分别达138000万人和10亿人。', 'card-holders', '1380000000', '2024-06-30'),
    ('2024-07-24', 'zh-Hans', '截至6月底，全国社保卡持卡人数和电子社保卡领用人数分别达138000万人和10亿人。', 'ecard-holders', '1000000000', '2024-06-30'),
    ('2024-07-24', 'zh-Hans', '截至6月底，全国社保卡持卡人数达138000万。', 'card-holders', '1380000000', '2024-06-30'),
    ('2024-07-24', 'zh-Hant', '截至6月底，社保卡、電子社保卡持卡人數分別為13.8億人、10億人。', 'ecard-holders', '1000000000', '2024-06-30'),
    ('2024-07-24', 'zh-Hant', '截至6月底，電子社保卡領用人數（含港澳臺居民）達10億人。', 'ecard-holders', '1000000000', '2024-06-30'),
    ('2024-07-24', 'en', 'By the end of June, 1.38 billion SSCs had been issued.', 'cards-issued', '1380000000', '2024-06-30'),
    ('2024-07-24', 'en', 'The numbers of SSC holders and e-SSC users were 1.38 billion and 1 billion, respectively, at the end of June.', 'card-holders', '1380000000', '2024-06-30'),
    ('2024-07-24', 'en', 'The numbers of SSC holders and e-SSC users were 1.38 billion and 1 billion, respectively, at the end of June.', 'ecard-holders', '1000000000', '2024-06-30'),
    ('2024-07-24', 'en', 'By the end of June, 300 million third-generation SSCs had been issued.', 'card-3g-holders', '300000000', '2024-06-30'),
    ('2024-07-24', 'en', 'At the end of June, about 1.38 billion people in China, or 97.7 percent, held social security cards.', 'card-penetration', '97.7', '2024-06-30'),
]


@pytest.mark.parametrize("published, language, text, metric, value, as_of", CASES)
def test_the_core_figure_gets_its_metric_and_date(published, language, text, metric, value, as_of):
    article = Article(source="statement", source_key="statement", raw=text, content_hash="0" * 64, format="text",
                      published=published, date_stated=True, language=language)
    found = {(m.metric, m.value.normalize(), m.as_of) for m in extract(article)[1].measurements}
    assert (metric, Decimal(value).normalize(), as_of) in found, found
