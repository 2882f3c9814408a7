"""Reading sources: front matter parsed by libyaml reads as PyYAML's own parser reads it."""

from __future__ import annotations

import pytest
import yaml
from test_build_support import REPO

from sscard_kg.read import page as page_metadata
from sscard_kg.read import sources
from sscard_kg.errors import SourceError


def _front_matter_articles(folders):
    refs = [ref for folder in folders for ref in sources.collect([str(folder)]) if isinstance(ref, sources.SourceRef)]
    articles = [sources.read(ref) for ref in refs]
    return [(ref, article) for ref, article in zip(refs, articles) if article.body_start]


def test_front_matter_reads_the_same_with_pyyamls_own_parser(seeds_dir, dev_dir, monkeypatch):
    read = _front_matter_articles([seeds_dir, dev_dir, REPO / "examples"])
    assert len(read) >= 3
    monkeypatch.setattr(page_metadata, "_YAML_LOADER", yaml.SafeLoader)
    for ref, article in read:
        assert sources.read(ref) == article, ref.location


@pytest.mark.parametrize("loader", [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)])
def test_invalid_front_matter_names_its_line_whichever_the_parser(tmp_path, monkeypatch, loader):
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: 社保卡\ndate: [2024-01-24\n---\n正文\n", encoding="utf-8")
    monkeypatch.setattr(page_metadata, "_YAML_LOADER", loader)
    with pytest.raises(SourceError, match=r"invalid YAML front matter \(line \d+\)"):
        sources.read(next(iter(sources.collect([str(page)]))))


def test_a_stated_url_with_square_brackets_in_its_path_becomes_a_valid_iri():
    from pyoxigraph import NamedNode

    article = sources.parse_bytes(b'---\ntitle: x\nurl: http://a:b@c/"[\n---\nbody\n', sources.SourceRef("b.md", "b.md"))
    assert article.url == "http://c/%22%5B"
    NamedNode(article.url)


def test_files_read_ahead_hold_no_memory_map_each(tmp_path):
    """A small file's bytes are a buffer of its size, not a cap-sized one shrunk (which stays a map of
    its own: a build holding 100k files read ahead ran out of vm.max_map_count); the cap still holds."""
    paths = []
    for index in range(2000):
        paths.append(tmp_path / f"a{index}.txt")
        paths[-1].write_bytes(b"x" * 3000)
    maps = len(open("/proc/self/maps").read().splitlines())
    held = [sources.read_file(str(path), max_bytes=50 << 20) for path in paths]
    assert len(open("/proc/self/maps").read().splitlines()) < maps + 500 and all(len(b) == 3000 for b in held)
    with pytest.raises(SourceError, match="too large"):
        sources.read_file(str(paths[0]), max_bytes=2999)
    assert sources.read_file(str(paths[0]), max_bytes=3000) == b"x" * 3000


@pytest.mark.parametrize("title, headline", [
    ("人社部：社保卡持卡人数达13.8亿人_财经频道_某某新闻网", "人社部：社保卡持卡人数达13.8亿人"),
    ("Card holders top 1.38 billion - Example Daily", "Card holders top 1.38 billion"),
    ("Card holders top 1.38 billion | Xinhua", "Card holders top 1.38 billion"),
    ("社保卡持卡人数达13.8亿人-某某财经", "社保卡持卡人数达13.8亿人"),
    ("社保卡新规 | www.example.com", "社保卡新规"),
    ("全市社保卡持卡人数达860万人_某市人力资源和社会保障局", "全市社保卡持卡人数达860万人_某市人力资源和社会保障局"),
    ("北京-天津社保卡互通", "北京-天津社保卡互通"),
    ("人社部：社保卡持卡人數達13.35億｜即時中國", "人社部：社保卡持卡人數達13.35億"),
    ("社保卡持卡人數達13.8億人_某某新聞網", "社保卡持卡人數達13.8億人"),
    ("1-3月全国城镇新增就业303万人", "1-3月全国城镇新增就业303万人"),
    ("Pension reform - what it means for you", "Pension reform - what it means for you"),
])
def test_a_page_titles_headline_leaves_the_site_and_section_names_out(title, headline):
    html = f"<html><head><title>{title}</title></head><body><p>正文</p></body></html>".encode()
    front = f"---\ntitle: '{title}'\n---\n正文\n".encode()
    read = [sources.parse_bytes(page, sources.SourceRef(name, name)).title
            for page, name in ((html, "a.html"), (front, "a.md"))]
    assert read == [headline, headline]


def test_the_site_name_a_page_gives_itself_is_left_out_of_its_headline():
    html = ('<html><head><meta property="og:site_name" content="某某之声"><title>社保卡新规来了 - 某某之声</title>'
            "</head><body><p>正文</p></body></html>").encode()
    assert sources.parse_bytes(html, sources.SourceRef("a.html", "a.html")).title == "社保卡新规来了"


@pytest.mark.parametrize("written, published", [
    ("29/2/24", "2024-02-29"), ("31.12.2020", "2020-12-31"), ("12/31/2019", "2019-12-31"), ("5/5/2023", "2023-05-05"),
    ("3/4/24", None), ("30/2/24", None),
])
def test_a_front_matter_date_with_its_year_last_is_read_where_only_one_order_makes_a_date(written, published):
    data = f"---\ntitle: Cards\ndate: {written}\n---\nThe card is used in 95 services.\n".encode()
    article = sources.parse_bytes(data, sources.SourceRef("dated.md", "dated.md"))
    assert article.published == published and article.date_stated == (published is not None)
