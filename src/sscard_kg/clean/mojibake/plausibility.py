"""How plausible a piece of Chinese text is: the log-probability of its best segmentation by
jieba's word frequencies, read as Simplified Chinese, with a bonus per character so that readings
of different lengths compare fairly. The mojibake search ranks its candidate readings by it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import os
import re
import struct
import sys
import tempfile
from array import array
from functools import lru_cache
from itertools import filterfalse
from pathlib import Path

from ..script import HAN, to_simplified

_HAN = re.compile(f"[{HAN}]")
PUNCT = set("，。、“”‘’：；！？（）《》〈〉【】—…·「」『』")
LENGTH_BONUS = 5.0  # nats per character, so that a longer reading is not penalised for its length
COMPACT_FORMAT = 1  # of the cached word frequencies; a new one is written when this changes


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, int], float]:
    """jieba's word frequencies (with its zero-count prefixes) and the log of their total.

    They are read from a compact copy kept in the user's cache folder: ~0.15 s, against ~0.55 s
    for jieba's own cache (a marshalled dict), which every build's fork server would wait for.
    """
    dictionary = _jieba_dictionary()
    cached = _cache_path(dictionary) if dictionary else None
    model = _read_compact(cached) if cached else None
    if model is None:
        import jieba

        jieba.setLogLevel(60)
        tokenizer = jieba.Tokenizer()  # the default dictionary, whatever jieba.dt has been given
        tokenizer.check_initialized()
        model = tokenizer.FREQ, tokenizer.total
        if cached:
            _write_compact(cached, *model)
    freq, total = model
    return freq, math.log(total)


def _jieba_dictionary() -> Path | None:
    """jieba's default dictionary, found without importing jieba (~0.06 s)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).with_name("dict.txt")
    return path if path.is_file() else None


def _cache_path(dictionary: Path) -> Path | None:
    """A name that changes with the dictionary file (its place, size and time) and the format;
    None when there is no cache folder to be had (no home directory)."""
    try:
        stat = dictionary.stat()
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sscard-kg"
    except (OSError, RuntimeError):
        return None
    key = f"{COMPACT_FORMAT}|{dictionary}|{stat.st_size}|{stat.st_mtime_ns}|{sys.byteorder}"
    return folder / f"jieba-freq-{hashlib.sha256(key.encode()).hexdigest()[:16]}.bin"


def _write_compact(path: Path, freq: dict[str, int], total: int) -> None:
    """Words joined by newlines (a dictionary line holds no newline), then their counts as
    unsigned 64-bit integers; written to a temporary file and renamed, so a reader never sees
    half of it. A cache that cannot be written is only a slower next start."""
    temporary = None
    try:
        words = "\n".join(freq).encode("utf-8")
        counts = array("Q", freq.values())
        header = struct.pack("<QQQ", total, len(counts), len(words))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
        with os.fdopen(fd, "wb") as out:
            out.write(header)
            out.write(words)
            out.write(counts.tobytes())
        os.replace(temporary, path)
    except (OSError, OverflowError, struct.error):
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _read_compact(path: Path) -> tuple[dict[str, int], int] | None:
    """The model `_write_compact` wrote, or None if there is none or it does not add up."""
    try:
        data = path.read_bytes()
        total, count, size = struct.unpack_from("<QQQ", data)
        start = struct.calcsize("<QQQ")
        words = data[start:start + size].decode("utf-8").split("\n")
        counts = array("Q")
        counts.frombytes(data[start + size:])
    except (OSError, struct.error, UnicodeDecodeError, ValueError):
        return None
    if len(words) != count or len(counts) != count:
        return None
    return dict(zip(words, counts)), total


def load_models() -> None:
    """Load the word frequencies and the conversion tables now rather than at the first damaged text."""
    _model()
    to_simplified("數")


@lru_cache(maxsize=None)
def t2s_char(char: str) -> str:
    """OpenCC's Traditional→Simplified of one character (cached: the same few thousand recur)."""
    return to_simplified(char) if char.strip() else char


def is_han(ch: str) -> bool:
    return bool(_HAN.fullmatch(ch))


def _char_cost(ch: str, freq: dict[str, int], logtotal: float) -> float:
    if is_han(ch):
        f = freq.get(ch)
        return math.log(f) - logtotal if f else -20.0
    if ch.isascii() or ch in PUNCT:
        return -7.0
    return -26.0


@lru_cache(maxsize=None)
def _simplified(ch: str) -> str:
    """The Simplified form of a character, or the character where t2s makes it longer."""
    simp = t2s_char(ch)
    return simp if len(simp) == 1 else ch


@lru_cache(maxsize=None)
def _char_logprob(ch: str) -> float:
    freq, logtotal = _model()
    return _char_cost(ch, freq, logtotal)


def _simplify(text: str) -> str:
    """`text` with each character in its Simplified form (one character for one)."""
    return "".join(map(_simplified, text))


Prefix = list[tuple[float, tuple[tuple[int, float], ...], int]]


def _segment(simp: str, best: list[float], stop: int, prefix: Prefix = ()) -> None:
    """Fill `best[i]` for every `i < stop` with the log-probability of the best segmentation of
    `simp[i:]`, given `best[stop:]`: a position's value depends only on the text after it.

    `prefix`: what `_prefix` found in the text `simp` starts with, whose words need not be
    looked up again."""
    freq, logtotal = _model()
    lookup, log, char_logprob = freq.get, math.log, _char_logprob  # local: the search's hottest loop
    last, fixed = len(simp) + 1, len(prefix)
    for i in range(stop - 1, -1, -1):
        if i < fixed:
            char, words, scan = prefix[i]
            score = char + best[i + 1]
            for j, word in words:
                word += best[j]
                if word > score:
                    score = word
        else:
            score = char_logprob(simp[i]) + best[i + 1]
            scan = i + 2
        for j in range(scan, i + 9 if i + 9 < last else last):  # words of up to 8 characters
            f = lookup(simp[i:j])
            if f is None:
                break
            if f:
                word = log(f) - logtotal + best[j]
                if word > score:
                    score = word
        best[i] = score


def _prefix(fixed: str) -> Prefix:
    """What `_segment` looks up at each position of a text that every candidate follows: the
    character's log-probability, the words that end within the text (end, log-probability) and
    the first end past it still to look up (past the longest word when none can be)."""
    freq, logtotal = _model()
    found = []
    for i, ch in enumerate(fixed):
        words, scan = [], len(fixed) + 1
        for j in range(i + 2, min(len(fixed), i + 8) + 1):
            f = freq.get(fixed[i:j])
            if f is None:
                scan = i + 9
                break
            if f:
                words.append((j, math.log(f) - logtotal))
        found.append((_char_logprob(ch), tuple(words), scan))
    return found


@lru_cache(maxsize=50_000)
def lm_score(text: str) -> float:
    """Log-probability of the best jieba segmentation of `text` read as Simplified Chinese."""
    simp = _simplify(text)
    best = [0.0] * (len(simp) + 1)
    _segment(simp, best, len(simp))
    return best[0]


def plausibility(text: str) -> float:
    """`lm_score` plus a bonus per character, so readings of different lengths compare fairly."""
    return lm_score(text) + LENGTH_BONUS * len(text)


@lru_cache(maxsize=None)
def char_unigram(ch: str) -> float:
    return _char_logprob(t2s_char(ch)[:1] or ch)


def unigram(chars: str) -> float:
    """The characters' log-probabilities summed, each read as Simplified: a cheap first ranking."""
    return sum(map(char_unigram, chars))


class _Context:
    """`plausibility(left + cand + right)` for the many candidates of one slot: the segmentation
    of `right` is worked out once, and only the positions before it for each candidate; the
    words within `left` are looked up once too."""

    def __init__(self, left: str, right: str):
        self.left, self.right = _simplify(left), _simplify(right)
        self.right_best = [0.0] * (len(right) + 1)
        _segment(self.right, self.right_best, len(right))
        self.left_prefix = _prefix(self.left)
        self.scores: dict[str, float] = {}

    def plausibilities(self, cands: tuple[str, ...]) -> list[float]:
        """Each candidate is scored once: the same neighbours recur across documents."""
        for cand in filterfalse(self.scores.__contains__, cands):
            self.scores[cand] = self._plausibility(cand)
        return list(map(self.scores.__getitem__, cands))

    def _plausibility(self, cand: str) -> float:
        head = self.left + _simplify(cand)
        best = [0.0] * len(head) + self.right_best
        _segment(head + self.right, best, len(head), self.left_prefix)
        return best[0] + LENGTH_BONUS * (len(head) + len(self.right))


@lru_cache(maxsize=1024)
def context(left: str, right: str) -> _Context:
    """Kept across documents: a template repeated in many articles brings the same neighbours."""
    return _Context(left, right)
