"""Tables read as sentences: invented tables in the layouts pages use."""

from __future__ import annotations

from decimal import Decimal

from sscard_kg.clean.tables import table_edits
from sscard_kg.extract.extract import extract
from sscard_kg.read.sources import SourceRef, parse_bytes


def _rows(name: str, data: str) -> dict[Decimal, tuple]:
    article = parse_bytes(data.encode(), SourceRef(name, name))
    return {m.value: (m.metric, m.as_of, m.unit, m.evidence.quote) for m in extract(article)[1].measurements}


def test_a_box_drawn_table_gives_each_cell_its_row_column_and_unit():
    found = _rows("box.txt", "人社部通报上半年数据\n\n发布时间：2024-07-26\n\n主要指标如下：\n"
                  "┌────────────┬──────┬──────┐\n"
                  "│指标        │一季度│上半年│\n"
                  "├────────────┼──────┼──────┤\n"
                  "│社会保障卡持卡人数（亿人）│13.8  │13.82 │\n"
                  "│电子社保卡领用人数（亿人）│10.1  │10.3  │\n"
                  "└────────────┴──────┴──────┘\n")
    assert found[Decimal("13.8e8")][:3] == ("card-holders", "2024-03-31", "person")
    assert found[Decimal("13.82e8")][:3] == ("card-holders", "2024-06-30", "person")
    assert found[Decimal("10.3e8")][:3] == ("ecard-holders", "2024-06-30", "person")
    assert "13.82" in found[Decimal("13.82e8")][3]  # the evidence is the cell in the original


def test_a_markdown_table_in_english_with_years_as_columns():
    found = _rows("md.md", "---\ntitle: Cards in figures\ndate: 2022-03-01\n---\n"
                  "Social security cards, national totals:\n\n"
                  "| Indicator | 2020 | 2021 |\n|---|---|---|\n"
                  "| Cardholders (billion) | 1.335 | 1.352 |\n"
                  "| Electronic card users (million) | 360 | 500 |\n")
    assert found[Decimal("1.335e9")][:2] == ("card-holders", "2020-12-31")
    assert found[Decimal("1.352e9")][:2] == ("card-holders", "2021-12-31")
    assert found[Decimal("500e6")][:2] == ("ecard-holders", "2021-12-31")


def test_an_html_tables_cells_make_one_line_per_row():
    page = ("<html><head><title>社保卡数据</title></head><body><h1>社保卡数据一览</h1>"
            "<p>发布日期：2023-02-20</p><p>全国社会保障卡发行情况如下表。</p><table>"
            "<tr><th>指标</th><th>2021年末</th><th>2022年末</th></tr>"
            "<tr><td>持卡人数（亿人）</td><td>13.52</td><td>13.68</td></tr>"
            "<tr><td>电子社保卡领用人数（亿人）</td><td>5.2</td><td>7.15</td></tr>"
            "</table></body></html>")
    found = _rows("table.html", page)
    assert found[Decimal("13.68e8")][:2] == ("card-holders", "2022-12-31")
    assert found[Decimal("5.2e8")][:2] == ("ecard-holders", "2021-12-31")


def test_lines_that_are_no_table_stay_as_they_are():
    assert table_edits("首页 | 政务公开 | 政务服务 | 互动交流\n正文第一段。", False) == []
    assert table_edits("发布时间：2025-10-30\t访问量：12406\n正文。", False) == []
    assert table_edits("| only | one row |\n", True) == []


def test_a_unit_for_the_whole_table_in_its_corner_and_month_ends_as_columns():
    found = _rows("corner.txt", "上半年社保数据\n\n发布时间：2019-07-20\n\n"
                  "│ 指标（单位：亿人）   │ 3月底 │ 6月底 │\n"
                  "│ 基本养老保险参保人数 │ 9.4   │ 9.5   │\n"
                  "│ 社会保障卡持卡人数   │ 12.2  │ 12.4  │\n")
    assert found[Decimal("9.4e8")][:3] == ("pension-insured", "2019-03-31", "person")
    assert found[Decimal("12.4e8")][:3] == ("card-holders", "2019-06-30", "person")


def test_a_research_notes_units_after_a_comma_and_a_currency_before_its_figure():
    found = _rows("note.md", "---\ntitle: China social insurance monitor\ndate: 2019-07-25\n---\n"
                  "| Series | Q1 2019 | H1 2019 |\n|---|---|---|\n"
                  "| Cardholders, mn | 1,140 | 1,170 |\n"
                  "| Three-fund revenue, YTD, RMB tn | 1.42 | 2.80 |\n")
    assert found[Decimal("1.17e9")][:2] == ("card-holders", "2019-06-30")
    assert found[Decimal("2.80e12")][:3] == ("si-fund-income", "2019-06", "yuan")


def test_rows_labelled_by_year_end_take_their_measure_from_the_columns():
    found = _rows("years.md", "---\ntitle: A decade of cards\ndate: 2022-06-01\n---\n"
                  "| Year-end | Cardholders | Share of population |\n|---|---|---|\n"
                  "| 2019 | 1.32 billion | 94% |\n| 2021 | 1.352 billion | 95.7% |\n")
    assert found[Decimal("1.32e9")][:2] == ("card-holders", "2019-12-31")
    assert found[Decimal("95.7")][:2] == ("card-penetration", "2021-12-31")


def test_a_list_of_labels_with_figures_reads_the_heading_over_it():
    found = _rows("list.txt", "一季度人社数据速览\n\n发布时间：2025-04-25\n\n4月24日，人社部举行新闻发布会。\n\n"
                  "📌 参保人数（截至3月底）\n• 基本养老保险：10.71亿人\n• 失业保险：2.44亿人\n• 工伤保险：2.97亿人\n\n"
                  "发言人表示，下一步将继续扩大参保覆盖面。\n")
    assert found[Decimal("10.71e8")][:2] == ("pension-insured", "2025-03-31")
    assert found[Decimal("2.97e8")][:2] == ("work-injury-insured", "2025-03-31")


def test_a_single_labelled_line_or_a_line_of_prose_is_no_list():
    from sscard_kg.clean.tables import labelled_list_edits
    assert labelled_list_edits("参保人数\n• 基本养老保险：10.71亿人\n") == []
    assert labelled_list_edits("人社部介绍了最新数据。\n全国持卡人数13.8亿人。\n电子社保卡领用人数10亿。\n") == []


def test_a_unit_column_and_a_column_that_dates_each_row():
    found = _rows("units.html", "<html><head><meta charset='utf-8'><title>前三季度主要指标</title></head><body>"
                  "<h1>前三季度主要指标</h1><p>发布时间：2023-10-27</p><p>人社部公布前三季度主要指标如下。</p><table>"
                  "<tr><th>指标</th><th>统计口径</th><th>计量单位</th><th>绝对量</th><th>比上年同期</th></tr>"
                  "<tr><td>城镇新增就业人数</td><td>1—9月累计</td><td>万人</td><td>1022</td><td>减少78万人</td></tr>"
                  "<tr><td>社会保障卡持卡人数</td><td>9月末</td><td>亿人</td><td>13.78</td><td>—</td></tr>"
                  "<tr><td>城镇调查失业率</td><td>9月份</td><td>%</td><td>5.0</td><td>下降0.5个百分点</td></tr>"
                  "</table><p>以上数据均为全国数据。</p></body></html>")
    assert found[Decimal("10220000")][:3] == ("new-urban-jobs", "2023-09", "person")
    assert found[Decimal("-780000")][:3] == ("new-urban-jobs", "2023-09", "person")
    assert found[Decimal("13.78e8")][:3] == ("card-holders", "2023-09-30", "person")
    assert found[Decimal("5.0")][:3] == ("surveyed-unemployment-rate", "2023-09", "percent")


def test_an_english_unit_column_and_a_value_column_named_value():
    found = _rows("units.md", "---\ntitle: Key figures\ndate: 2024-01-25\n---\nKey figures released on Wednesday:\n\n"
                  "| Indicator | Period | Unit | Value |\n|---|---|---|---|\n"
                  "| Social security cardholders | End-2023 | billion | 1.379 |\n"
                  "| E-card users | End-2023 | million | 970 |\n")
    assert found[Decimal("1.379e9")][:2] == ("card-holders", "2023-12-31")
    assert found[Decimal("970e6")][:2] == ("ecard-holders", "2023-12-31")


def test_a_plain_text_table_set_apart_by_spaces_with_months_as_rows():
    found = _rows("note.txt", "Card data update\n6 February 2024\n\nTable 1. Card data points\n"
                  "Period end     Card holders   Penetration   E-card users\n"
                  "Dec 2021       1.352bn        95.7%         n.a.\n"
                  "Nov 2023       1.379bn        97.7%         931m\n\nSource: the ministry.\n")
    assert found[Decimal("1.352e9")][:2] == ("card-holders", "2021-12-31")
    assert found[Decimal("97.7")][:2] == ("card-penetration", "2023-11-30")
    assert found[Decimal("931e6")][:2] == ("ecard-holders", "2023-11-30")


def test_a_chinese_plain_text_table_with_year_end_rows():
    found = _rows("note.txt", "持卡情况一览\n2024-02-06\n\n"
                  "年份      持卡人数（亿人）    电子社保卡领用人数（亿人）\n"
                  "2022年末  13.68               7.15\n"
                  "2023年末  13.79               9.62\n")
    assert found[Decimal("13.68e8")][:2] == ("card-holders", "2022-12-31")
    assert found[Decimal("9.62e8")][:2] == ("ecard-holders", "2023-12-31")


def test_a_line_of_prose_with_double_spaces_is_no_table():
    assert table_edits("The card is used in 300 cities.  It pays pensions.\nIt also works on buses.  And trains.\n",
                       english=True) == []
