#!/usr/bin/env python3
"""Regenerates the damaged Traditional-Chinese article of the second held-out set (h21).

Same recipe as ../../heldout/tools/make_damaged.py, whose functions it reuses: the text below is
written by hand in Simplified, converted with OpenCC s2tw, given a pinyin annotation `字(zì)` after
every other character that differs between the scripts, and damaged at each `⟦` with the
project's forward model of the shifted-GBK mojibake (one damaged run per marked line; other lines
are NFKC-normalised, so their punctuation ends up ASCII as in real reposts).

    python benchmarks/heldout2/tools/make_damaged.py     # rewrites h21 in ../articles
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import opencc

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "articles"
FIRST = HERE.parents[1] / "heldout" / "tools" / "make_damaged.py"

H21 = """上半年全国城镇新增就业737万人 社⟦保卡持卡人数超过六亿
中新网7月25日电（记者 郑晓岚）人力资源和社会保障部近日召开第二季度新闻发布会。发布会通报，2014年上半年，全国城镇新增就业737万人，完成全年1000万人目标任务的74%；二季度末，城镇登记失业率为4.08%，就业形势总体平稳。
社会保障卡方面，截至6月底，全国社会保障卡持卡人数达到6.02亿人，其中加载金融功能的社⟦保卡超过4.4亿张。去年11月底，全国持卡人数刚刚突破5亿。
目前，全国已有335个地市发行了社会保障卡，占全部地市的87%；24个省份已实现所辖地市全部发卡；190个地市实现了社会保障卡跨地区应用。
人社部有关负责人提醒，持卡人的社⟦保卡如不慎遗失，应及时挂失补办，可拨打12333咨询。
热点推荐
国家统计局：上半年国内生产总值269044亿元 同比增长7.4%
北京：最低工资标准调整为每月1560元
"""

FILES = {"h21_hant_pinyin_2014.txt": H21}


def load_first():
    spec = importlib.util.spec_from_file_location("heldout_make_damaged", FIRST)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    first = load_first()
    s2t, t2s = opencc.OpenCC("s2tw"), opencc.OpenCC("tw2s")
    for name, text in FILES.items():
        counter = [0]
        lines = [first.damaged_line(first.annotate(line, s2t, t2s, counter)) for line in text.splitlines()]
        (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(name)
        print("\n".join(lines))


if __name__ == "__main__":
    main()
