#!/usr/bin/env python3
"""Regenerates the two damaged Traditional-Chinese held-out articles (h03, h09).

The text below is the article as written (Simplified, by hand). It is converted to Traditional
(OpenCC s2tw), given pinyin annotations `國(guó)` after some of the characters that differ between
the scripts (every other one, as real reposts annotate some but not all), and then damaged at
the marked places with the project's forward model `sscard_kg.clean.mojibake.gbk_shift.damage` (CP936,
lead byte of the marked character turned into `?`, decoded one byte out of step, NFKC). Each
damaged line is damaged once; undamaged lines are NFKC-normalised like the rest of the file, so
all punctuation ends up ASCII, as in the real reposts.

A `⟦` before a character marks where the damage starts (the character whose lead byte is lost).

    python benchmarks/heldout/tools/make_damaged.py     # rewrites the two files in ../articles
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import opencc
from pypinyin import Style, pinyin

from sscard_kg.clean.mojibake.gbk_shift import damage

OUT = Path(__file__).resolve().parents[1] / "articles"
MARK = "⟦"

H03 = """人社部：去年全国社⟦保卡持卡人数达9.72亿人 普及率70.6%
人民网北京1月24日电（记者 林晓彤）人力资源和社会保障部24日举行第四季度新闻发布会。人社部新闻发言人李忠介绍，截至去年底，全国社保卡持卡人数达到9.72亿人，社会保障卡普及率为70.6%，全国持卡人已近十亿。
李忠表示，2016年全国城镇新增就业1314万人，年末城镇登记失业率为4.02%，就业形势保持稳定。
社会保险方面，截至去年底，全国基本养老保险参保人数为88777万人，失业保险参保人数为18089万人，工伤保险参保人数为21889万人。
李忠介绍，目前全国31个省份和新疆生产建设兵团均已发行社⟦保卡，社保卡已在就医结算、待遇领取、就业服务等方面广泛应用。按照“十三五”规划，到2020年社保卡普及率将达到90%，最终实现人手一卡。
李忠还表示，持卡人遗失社⟦保卡的，应及时拨打12333或到银行网点挂失。
热门新闻
国家统计局局长宁吉喆：2016年国内生产总值744127亿元
北京：最低工资标准拟上调至每月2000元
"""

H09 = """人社部：截至2022年底全国社⟦保卡持卡人数13.68亿人 电子社保卡领用人数超7亿
中新网北京1月18日电（记者 林嘉怡）记者18日从人力资源和社会保障部获悉，截至2022年底，全国社会保障卡持卡人数达13.68亿人，覆盖96.8%人口；电子社⟦保卡领用人数达7.15亿人，超过半数持卡人已在手机上领用了电子社保卡。
人社部信息中心有关负责人介绍，社保卡已成为群众享受人社服务的重要载体，参保登记、待遇领取、就医购药等业务均可持卡办理，持卡人也可通过电子社保卡查询个人权益记录。
就业方面，2022年全国城镇新增就业1206万人，超额完成全年1100万人的目标任务。12月份全国城镇调查失业率为5.5%。
社会保险方面，截至2022年底，全国基本养老、失业、工伤保险参保人数分别为10.53亿人、2.38亿人、2.91亿人。
该负责人表示，下一步将加快推进社⟦保卡居民服务“一卡通”，让持卡人在更多领域用卡办事。
热点推荐
国家统计局：2022年国内生产总值1210207亿元 比上年增长3%
国家统计局局长康义就2022年国民经济运行情况答记者问
"""

FILES = {"h03_hant_repost_2017.txt": H03, "h09_hant_repost.txt": H09}


def annotate(line: str, s2t, t2s, counter: list[int]) -> str:
    """Traditional text with `字(pīn)` after every other character that differs from Simplified."""
    out = []
    for ch in MARK.join(s2t.convert(part) for part in line.split(MARK)):
        out.append(ch)
        if ch != MARK and t2s.convert(ch) != ch:
            counter[0] += 1
            if counter[0] % 2 == 1:
                syllable = pinyin(ch, style=Style.TONE, heteronym=False)[0][0]
                out.append(f"({syllable})")
    return "".join(out)


def damaged_line(line: str) -> str:
    if MARK not in line:
        return unicodedata.normalize("NFKC", line)
    index = line.index(MARK)
    return damage(line.replace(MARK, "", 1), index)


def main() -> None:
    s2t, t2s = opencc.OpenCC("s2tw"), opencc.OpenCC("tw2s")
    for name, text in FILES.items():
        counter = [0]
        lines = [damaged_line(annotate(line, s2t, t2s, counter)) for line in text.splitlines()]
        (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(name)
        print("\n".join(lines))


if __name__ == "__main__":
    main()
