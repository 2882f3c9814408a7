"""Generate N distinct articles by varying the real ones in ../shared/seeds and ../shared/corpus/dev.

    python benchmarks/corpus.py 10000 /tmp/sscard-corpus-10k

Each article is one of the real ones with its dates shifted, its figures changed, a region swapped
for another, and some damage a crawl brings (extra whitespace, full-width digits, boilerplate
lines, an HTML wrapper, now and then GBK mojibake). The text is read at run time; the repository
keeps none of it. The same N and seed give the same files.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
REGIONS = ["北京", "上海", "广东", "江苏", "浙江", "山东", "河南", "四川", "湖北", "湖南", "福建", "安徽",
           "河北", "陕西", "辽宁", "江西", "重庆", "云南", "广西", "山西", "吉林", "贵州", "甘肃", "天津"]
BOILERPLATE = ["责任编辑：张三", "扫码关注公众号，获取更多资讯", "版权所有 未经授权禁止转载", "相关阅读：社保卡新功能上线",
               "（来源：人民网）", "分享到：微信 微博 QQ空间"]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def sources() -> list[tuple[str, str]]:
    """(suffix, text) of every real article, seeds first."""
    found = []
    for folder in (SHARED / "seeds", SHARED / "corpus" / "dev"):
        if not folder.is_dir():
            sys.exit(f"{folder} is missing: the generator varies the real articles in ../shared")
        for path in sorted(folder.iterdir()):
            if path.suffix in (".txt", ".md", ".html"):
                found.append((path.suffix, path.read_text(encoding="utf-8", errors="replace")))
    return found


def vary(text: str, rng: random.Random, damage: float = 0.3, mojibake: float = 0.02) -> str:
    shift = rng.randint(-3, 3)
    text = re.sub(r"(?<!\d)(19[89]\d|20[0-3]\d)(?=年|-|/|\s|$)",
                  lambda m: str(min(2030, max(1990, int(m.group(1)) + shift))), text)

    def figure(match: re.Match) -> str:
        whole, frac = match.group(1), match.group(2)
        scale = 1 + rng.uniform(-0.2, 0.2)
        value = float(f"{whole}.{frac}") * scale
        return f"{value:.{len(frac)}f}"

    text = re.sub(r"(?<![\d.])(\d{1,4})\.(\d{1,3})(?![\d.])", figure, text)
    present = [r for r in REGIONS if r in text]
    if present:
        text = text.replace(rng.choice(present), rng.choice(REGIONS))
    if rng.random() < damage:
        kind = rng.choice(["spaces", "full-width", "boilerplate", "html"])
        if kind == "spaces":
            text = re.sub(r"([，。])", lambda m: m.group(1) + " " * rng.randint(0, 3), text)
        elif kind == "full-width":
            lines = text.splitlines()
            index = rng.randrange(len(lines))
            lines[index] = lines[index].translate(FULL_WIDTH)
            text = "\n".join(lines)
        elif kind == "boilerplate":
            text = text + "\n" + "\n".join(rng.sample(BOILERPLATE, 3)) + "\n"
        elif not text.lstrip().startswith(("---", "<")):
            body = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
            text = f"<html><head><meta charset='utf-8'><title>社保卡</title></head><body>\n{body}</body></html>\n"
    if rng.random() < mojibake:
        text = _shifted_gbk(text, rng)
    return text


def _shifted_gbk(text: str, rng: random.Random) -> str:
    """Damage one sentence the way a lost byte damages GBK text."""
    sentences = [m for m in re.finditer(r"[^。\n]{12,80}。", text)]
    if not sentences:
        return text
    match = rng.choice(sentences)
    raw = match.group(0).encode("gb18030")
    cut = rng.randrange(2, max(3, len(raw) // 2))
    broken = (raw[:cut] + raw[cut + 1:]).decode("gb18030", errors="replace").replace("\ufffd", "?")
    return text[:match.start()] + broken + text[match.end():]


def generate(count: int, folder: Path, seed: int = 1, damage: float = 0.3, mojibake: float = 0.02) -> list[Path]:
    """Write `count` articles into `folder` (in sub-folders of 1,000); returns their paths."""
    rng = random.Random(seed)
    texts = sources()
    paths, seen = [], set()
    for index in range(count):
        suffix, text = texts[index % len(texts)]
        path = folder / f"{index // 1000:03d}" / f"article-{index:06d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        varied = vary(text, rng, damage, mojibake) + "\n"
        while varied in seen:  # distinct content, so distinct hashes
            varied += "\n"
        seen.add(varied)
        path.write_text(varied, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--damage", type=float, default=0.3, help="share of articles with crawl damage")
    parser.add_argument("--mojibake", type=float, default=0.02, help="share of articles with GBK mojibake")
    args = parser.parse_args()
    paths = generate(args.count, args.folder, args.seed, args.damage, args.mojibake)
    print(f"{len(paths)} articles in {args.folder}")


if __name__ == "__main__":
    main()
