"""One clear line for each bad input: the file or setting named, the problem said, the rest built,
exit code 1, no traceback and no line a file name can split or forge."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_build_support import EXAMPLES, REPO, cli, key_of, source_keys

from sscard_kg.builder.batch import Task, run_batch
from sscard_kg.config import Limits
from sscard_kg.errors import SourceError
from sscard_kg.extract.extract import version
from sscard_kg.model import Article
from sscard_kg.read.sources import SourceRef, parse_bytes

ARTICLE = "人社部表示，截至2023年底，全国社会保障卡持卡人数达到13.79亿人，其中9.62亿人领用了电子社保卡。"
GOOD = {key_of(p) for p in EXAMPLES}


def build(tmp_path, *paths: str):
    store = tmp_path / "store"
    result = cli("build", str(EXAMPLES[0].parent), *paths, "--store", str(store), "--workers", "1", "-q")
    assert "Traceback" not in result.output
    return result, store


def failed_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("failed: ")]


def test_a_file_name_that_is_not_utf8_is_named_once_and_the_rest_built(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fine.txt").write_text(ARTICLE, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(ARTICLE.encode())
    os.mkdir(os.path.join(os.fsencode(folder), b"\xbf\xa8"))  # 卡 in GBK
    result, store = build(tmp_path, str(folder))
    reason = "the file name is not valid UTF-8: rename it (e.g. convmv -f gbk -t utf-8)"
    assert failed_lines(result) == [f"failed: {folder}/\\xbf\\xa8: {reason}",
                                    f"failed: {folder}/caf\\xe9.txt: {reason}"]
    assert result.stderr.strip().splitlines()[-1] == "4 built, 0 unchanged, 2 failed"
    assert result.exit_code == 1
    assert source_keys(store) == GOOD | {key_of(folder / "fine.txt")}


def test_a_file_name_with_a_line_break_cannot_split_or_forge_a_line(tmp_path):
    forged = tmp_path / "x.txt\nfailed: forged.txt: not really"
    forged.write_bytes(b"")
    (tmp_path / "good\nname.txt").write_text(ARTICLE, encoding="utf-8")
    result, store = build(tmp_path, str(forged), str(tmp_path / "good\nname.txt"))
    assert failed_lines(result) == [f"failed: {tmp_path}/x.txt\\nfailed: forged.txt: not really: empty file"]
    assert result.stderr.strip().splitlines()[-1] == "4 built, 0 unchanged, 1 failed"
    assert source_keys(store) == GOOD | {key_of(tmp_path / "good\nname.txt")}


@pytest.mark.parametrize("date, reason", [
    ("2023-02-30", "invalid YAML front matter: 2023-02-30 is not a date (line 3)"),
    ("0000-01-01", "invalid YAML front matter: 0000-01-01 is not a date (line 3)"),
    ("0001-01-01", None),
])
def test_a_front_matter_date_no_calendar_has_is_named(tmp_path, date, reason):
    page = tmp_path / "page.md"
    page.write_text(f"---\ntitle: 社保卡\ndate: {date}\n---\n{ARTICLE}\n", encoding="utf-8")
    result, store = build(tmp_path, str(page))
    assert failed_lines(result) == ([f"failed: {page}: {reason}"] if reason else [])
    assert (key_of(page) in source_keys(store)) == (reason is None)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_text(tmp_path, encoding):
    page = tmp_path / "utf16.txt"
    page.write_bytes(ARTICLE.encode(encoding))
    result, store = build(tmp_path, str(page))
    assert result.exit_code == 0, result.output
    rows = cli("query", "measurements", "--store", str(store), "--format", "csv").stdout
    assert any(line.startswith("utf16.txt,card-holders,1379000000") for line in rows.splitlines()), rows


def test_binary_content_with_nul_bytes_is_still_not_text():
    with pytest.raises(SourceError, match="binary content"):
        parse_bytes(bytes(range(256)) * 8, SourceRef("blob.txt", "blob.txt"))


@pytest.mark.parametrize("setting, value, problem", [
    ("SSCARD_MAX_BYTES", "5MB", "is not a whole number of bytes above 0 (e.g. 5000000)"),
    ("SSCARD_URL_TIMEOUT", "-1", "is not a number of seconds above 0 (e.g. 20)"),
])
def test_a_setting_that_does_not_parse_is_named_in_one_line(tmp_path, setting, value, problem):
    """The command as a user runs it, in a process of its own with the setting in its environment."""
    env = dict(os.environ, **{setting: value})
    done = subprocess.run([sys.executable, "-m", "sscard_kg.cli", "build", str(EXAMPLES[0]),
                           "--store", str(tmp_path / "store"), "-q"], capture_output=True, text=True, env=env,
                          cwd=REPO)
    assert done.stderr.splitlines() == [f"error: {setting}={value!r} {problem}"]
    assert done.returncode == 1


# Every reader, fed bytes: an Article or a SourceError (a named reason), and the whole of an
# article's work (read, clean, extract, graph, validation) ends in a built graph or one named line,
# within the build's own budget.
TOKENS = st.sampled_from([
    "<meta ", '<meta property="og:title" content="', "<title>", "</title>", "<script>", "<!--", "-->", "<p>",
    "<body ", "<head>", "<![CDATA[", "<?", ">", "<", "&nbsp;", "&#x", "社保卡", "持卡人数达13.79亿人", "截至2023年底",
    "2023年2月30日", "0000-00-00", "\n", " ", "\t", "---", "title: ", "date: 2023-02-30", "date: 0000-01-01",
    "url: '\"", "url: http://a:b@c/\"", "{", "[",
    "&", "亿", "万", "%", "第三代社保卡", "9" * 40, "\u200b", "\ufeff", "國(guó)",
])
RAW = st.binary(max_size=64)
READERS = ("text", "markdown", "html")


def document(reader: str, head: str, body: str) -> str:
    """A document each reader takes, with fuzzed metadata (front matter, HTML head) and body."""
    if reader == "markdown":
        return f"---\ntitle: 社保卡\n{head}\n---\n{body}"
    if reader == "html":
        return f"<!DOCTYPE html><html><head>{head}</head><body>{body}"
    return head + body


@pytest.mark.parametrize("reader", READERS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(head=st.lists(TOKENS, max_size=12), body=st.lists(TOKENS, max_size=40), raw=RAW,
       encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_any_bytes_give_an_article_or_a_named_error(reader, head, body, raw, encoding):
    data = document(reader, "".join(head), "".join(body)).encode(encoding, "replace") + raw
    ref = SourceRef(f"fuzz.{reader}", f"fuzz.{reader}")
    try:
        assert isinstance(parse_bytes(data, ref), Article)
    except SourceError as exc:
        assert exc.reason
    (outcome,) = run_batch([Task(ref, data)], version(), Limits.current(article_timeout=10))
    assert outcome.nquads or (outcome.error and not outcome.error.reason.startswith(("internal error", "took longer"))), \
        outcome.error
