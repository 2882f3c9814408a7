"""Time to read, clean and extract pages built to be slow, at two sizes: linear work shows as a
time ratio near the size ratio (10), quadratic work as about 100.

    python benchmarks/hostile_pages.py [--small 12000] [--factor 10]
"""

from __future__ import annotations

import argparse
import time

from sscard_kg.clean import clean
from sscard_kg.extract.extract import extract
from sscard_kg.read.sources import SourceRef, parse_bytes

ARTICLE = "人社部表示，截至2023年底，全国社会保障卡持卡人数达到13.79亿人，其中9.62亿人领用了电子社保卡。"
FILLERS = {
    "tags": "<p><span>社保卡</span></p>",
    "unclosed <meta ": "<meta ",
    "unclosed <title>": "<title>",
    "unclosed <script>": "<script>",
    "unclosed <!--": "<!--",
    "unclosed <p ": "<p ",
}


def page(filler: str, size: int) -> bytes:
    return f"<html><body><p>{ARTICLE}</p>{filler * (size // len(filler))}</body></html>".encode()


def seconds(data: bytes) -> float:
    started = time.perf_counter()
    article = parse_bytes(data, SourceRef("page.html", "page.html"))
    clean(article)
    extract(article)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=12_000, help="bytes of filler in the small page")
    parser.add_argument("--factor", type=int, default=10, help="how many times larger the large page is")
    args = parser.parse_args()
    seconds(page("<p>", 100))  # load the tables once
    print(f"{'page':20} {'small s':>8} {'large s':>8} {'ratio':>6}")
    for name, filler in FILLERS.items():
        small = seconds(page(filler, args.small))
        large = seconds(page(filler, args.small * args.factor))
        print(f"{name:20} {small:8.3f} {large:8.3f} {large / small:6.1f}")


if __name__ == "__main__":
    main()
