"""Repair shifted-GBK mojibake: `社??ǔ挚ㄈ藬?shù)` back to `社保卡持卡人數(shù)`.

The damage model is in `gbk_shift`. Inside a run every shown character re-encodes to a trail byte
and the next lead byte, so most of the original bytes come back exactly; the lead byte of the
first character, the trail byte of a `?`-ended run's last character and the ASCII byte it
swallowed are lost and are searched, scored by jieba's word frequencies (`plausibility`) and
constrained by a following pinyin annotation. Where a document has runs but no Private Use Area characters, those
characters were deleted, so missing byte pairs are searched too. A `?` is only repaired when the
repaired reading is far more plausible than the text as it stands.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from sscard_kg.clean.mojibake import gbk_shift
from sscard_kg.clean.pinyin import ANNOTATION, TONED, readings
from sscard_kg.clean.mojibake.plausibility import PUNCT, char_unigram, context, is_han, plausibility, t2s_char, unigram
from sscard_kg.clean.textmap import Edit

SYLLABLE = rf"[a-zü{TONED}]{{1,6}}"
SWALLOWED_PAREN = re.compile(rf"({SYLLABLE})\)")
KEPT_PAREN = re.compile(rf"\(({SYLLABLE})\)")
PUA = re.compile("[\ue000-\uf8ff]")
ENTITY = re.compile(r"(?:[lr][sd]quo|nbsp|amp|quot|mdash|hellip|middot|lt|gt);")
MIN_GAIN = 3.0  # nats a repair must win by over the text as it stands
INSERT_GAIN = 8.0  # nats a re-inserted PUA pair must add
DOC_BONUS = 3.0  # nats when the candidate stands between the same neighbours elsewhere
TOP_K = 40
CONF_CERTAIN, CONF_SEARCHED, CONF_DOCUMENT, CONF_GUESS = 0.95, 0.75, 0.7, 0.4


@lru_cache(maxsize=4096)
def _followers(doc: str, ch: str) -> frozenset[str]:
    """The characters that follow `ch` somewhere in the document: looked for only for the few
    characters that precede a slot."""
    if not ch:
        return frozenset()
    return frozenset(doc[m.end()] for m in re.finditer(re.escape(ch), doc) if m.end() < len(doc))


def _strip_annotations(text: str) -> str:
    return ANNOTATION.sub("", text)


def _changes_t2s(ch: str) -> bool:
    return t2s_char(ch) != ch


def _usable(ch: str) -> bool:
    return is_han(ch) or ch in PUNCT


@dataclass(frozen=True)
class Settings:
    """Per-document facts about the damage, read from the text itself."""

    swallowed: bool = True
    pua_deleted: bool = False


def detect_settings(text: str, has_runs: bool) -> Settings:
    """Swallowed or kept ASCII byte after a `?`, and whether PUA characters were deleted."""
    swallowed = len(re.findall(rf"[^\x00-\x7f]\?{SYLLABLE}\)", text))
    kept = len(re.findall(rf"[^\x00-\x7f]\?\({SYLLABLE}\)", text))
    has_pua = PUA.search(text) is not None
    return Settings(swallowed=swallowed >= kept, pua_deleted=has_runs and not has_pua)


@dataclass
class Slot:
    """One original character: its bytes (None = lost) and the damaged span it replaces."""

    lead: int | None
    trail: int | None
    start: int
    end: int
    inserted: bool = False


@dataclass
class Reading:
    chars: list[str]
    confs: list[float]
    slots: list[Slot]
    score: float


def _fits(ch: str, hint: str | None) -> bool:
    """A CP936 character before a pinyin annotation must have that reading and change under t2s."""
    return hint is None or hint in _changing_readings().get(ch, ())


@lru_cache(maxsize=1)
def _changing_readings() -> dict[str, frozenset[str]]:
    """The readings of every CP936 character that changes under t2s (no other fits a hint), read
    once: asked of pypinyin as needed, they cost a pass over the code page for each new hint."""
    return {ch: readings(ch) for ch in set(gbk_shift.decode_table().values()) if _changes_t2s(ch)}


@lru_cache(maxsize=512)
def _slot_chars(lead: int | None, trail: int | None, hint: str | None) -> tuple[str, ...]:
    """Characters a slot may hold given its known bytes (None = lost)."""
    if lead is None and trail is None:
        if hint is None:
            return ()
        return tuple(ch for (_, _), ch in gbk_shift.decode_table().items()
                     if is_han(ch) and _fits(ch, hint))
    if lead is None:
        return tuple(ch for _, ch in gbk_shift.chars_by_trail().get(trail, [])
                     if is_han(ch) and _fits(ch, hint))
    if trail is None:
        return tuple(ch for _, ch in gbk_shift.chars_by_lead().get(lead, [])
                     if _usable(ch) and _fits(ch, hint))
    ch = gbk_shift.decode_table().get((lead, trail))
    if ch is None or 0xE000 <= ord(ch) <= 0xF8FF or not _fits(ch, hint):
        return ()
    return (ch,)


@lru_cache(maxsize=None)
def _han_with_lead(lead: int, hint: str | None) -> tuple[str, ...]:
    """Han characters with this lead byte that fit the reading hint; every inserted pair whose
    right character has that lead byte needs them."""
    return tuple(ch for _, ch in gbk_shift.chars_by_lead().get(lead, [])
                 if is_han(ch) and _fits(ch, hint))


def load_tables() -> None:
    """Weigh every CP936 character, list the Han characters of each lead byte, read the readings
    and build the code page's tables now, not at the first damaged texts: they are the same for
    every document, so a build's fork server makes them once for all its workers."""
    for ch in set(gbk_shift.decode_table().values()):
        char_unigram(ch)
    for lead in gbk_shift.LEADS:
        _han_with_lead(lead, None)
    _changing_readings()
    gbk_shift.shown_to_pairs()
    gbk_shift.chars_by_trail()
    gbk_shift.pua_trails()


PairBlocks = tuple[tuple[str, tuple[str, ...]], ...]


@lru_cache(maxsize=512)
def _pair_blocks(lead: int, trail: int | None, hint: str | None) -> PairBlocks:
    """Two characters around a deleted PUA pair, (lead, a) and (b, trail) with (a, b) a PUA code,
    as blocks of a left character and the right characters that may follow it."""
    pua_trails = gbk_shift.pua_trails()  # only a left character whose trail byte is a key starts a pair
    lefts = [(a, ch) for a, ch in gbk_shift.chars_by_lead().get(lead, [])
             if a in pua_trails and is_han(ch)]
    rights: dict[int, tuple[str, ...]] = {}
    if trail is None:
        for b in gbk_shift.LEADS:
            rights[b] = _han_with_lead(b, hint)
    else:
        for b, ch in gbk_shift.chars_by_trail().get(trail, []):
            if is_han(ch) and _fits(ch, hint):
                rights[b] = rights.get(b, ()) + (ch,)
    return tuple((c1, rights[b]) for a, c1 in lefts for b in pua_trails[a] if b in rights)


SlotQuery = tuple[bool, int | None, int | None, str | None]


@lru_cache(maxsize=512)
def _option_count(query: SlotQuery) -> int:
    """How many candidates a slot has (from (inserted pair?, lead, trail, reading hint))."""
    inserted, lead, trail, hint = query
    if inserted:
        return sum(len(rights) for _, rights in _pair_blocks(lead, trail, hint))
    return len(_slot_chars(lead, trail, hint))


def _options(query: SlotQuery) -> tuple[str, ...]:
    """A slot's candidates. Inserted pairs are spelled out only for a slot with few of them (see
    `_choose`): there may be hundreds of thousands, too many to keep as strings."""
    inserted, lead, trail, hint = query
    if inserted:
        return tuple(left + right for left, rights in _pair_blocks(lead, trail, hint) for right in rights)
    return _slot_chars(lead, trail, hint)


def _unigrams(query: SlotQuery) -> list[float]:
    """`unigram` of each of the slot's candidates. An inserted pair's is its left character's
    plus its right character's, just as `sum` adds them; taken block by block, the hundreds of
    thousands of pairs need not be split back into characters."""
    inserted, lead, trail, hint = query
    if not inserted:
        return list(map(unigram, _options(query)))
    weights: list[float] = []
    for left, rights in _pair_blocks(lead, trail, hint):
        weights.extend(map(char_unigram(left).__add__, _char_unigrams(rights)))
    return weights


@lru_cache(maxsize=4096)
def _char_unigrams(chars: tuple[str, ...]) -> tuple[float, ...]:
    """A block of right characters recurs under many left characters."""
    return tuple(map(char_unigram, chars))


@lru_cache(maxsize=512)
def _top_by_unigram(query: SlotQuery) -> tuple[str, ...]:
    """The TOP_K candidates whose characters are the most frequent (a slot may have thousands).

    Ranking positions rather than the candidates keeps `nlargest`'s order among equal weights.
    """
    if query[0]:
        return tuple(_candidates_at(query, _top_pairs(query)))
    weights = _unigrams(query)
    top = heapq.nlargest(TOP_K, range(len(weights)), key=weights.__getitem__)
    return tuple(_candidates_at(query, top))


def _top_pairs(query: SlotQuery) -> list[int]:
    """`heapq.nlargest(TOP_K, range(len(weights)), key=weights.__getitem__)` for an inserted pair's
    `_unigrams`, without making the hundreds of thousands of weights: within a block (one left
    character) a pair's weight is the left's plus the right's, which does not rise as the right's
    falls, so each block is read in its rights' order, most frequent first, only while it can
    still reach the TOP_K kept so far. The same positions in the same order: by weight, then by
    position (the earlier first, as `nlargest` keeps it among equal weights)."""
    _, lead, trail, hint = query
    kept: list[tuple[float, int]] = []  # a heap of (weight, -position): its first is the one to beat
    offset = 0
    for left, rights in _pair_blocks(lead, trail, hint):
        base = char_unigram(left)
        weights = _char_unigrams(rights)
        for index in _by_weight(rights):
            weight = base + weights[index]
            entry = (weight, -(offset + index))
            if len(kept) < TOP_K:
                heapq.heappush(kept, entry)
            elif weight < kept[0][0]:
                break  # no later right of the block weighs more
            elif entry > kept[0]:
                heapq.heapreplace(kept, entry)
        offset += len(rights)
    return [-position for _, position in sorted(kept, reverse=True)]


@lru_cache(maxsize=4096)
def _by_weight(chars: tuple[str, ...]) -> tuple[int, ...]:
    """The positions of a block of right characters, most frequent first (the earlier among equals)."""
    weights = _char_unigrams(chars)
    return tuple(sorted(range(len(chars)), key=lambda i: (-weights[i], i)))


def _candidates_at(query: SlotQuery, positions: list[int]) -> list[str]:
    """The candidates at these positions of the slot's `_options`, without spelling out the rest."""
    inserted, lead, trail, hint = query
    if not inserted:
        return [_options(query)[i] for i in positions]
    blocks = _pair_blocks(lead, trail, hint)
    ends = list(accumulate(len(rights) for _, rights in blocks))
    found = []
    for position in positions:
        block = bisect_right(ends, position)
        left, rights = blocks[block]
        found.append(left + rights[position - (ends[block] - len(rights))])
    return found


@lru_cache(maxsize=512)
def _by_first_char(query: SlotQuery) -> dict[str, tuple[tuple[str, ...], ...]]:
    """A slot's candidates by first character, as groups of candidates or of the second
    characters of inserted pairs, so that those which can follow a character are looked up
    rather than found by scanning thousands (duplicates kept: they count in the ranking)."""
    inserted, lead, trail, hint = query
    index: dict[str, list[tuple[str, ...]]] = {}
    if inserted:
        for left, rights in _pair_blocks(lead, trail, hint):
            index.setdefault(left, []).append(rights)
    else:
        for cand in _options(query):
            index.setdefault(cand[0], []).append((cand,))
    return {first: tuple(groups) for first, groups in index.items()}


def _following(query: SlotQuery, follows: frozenset[str]) -> tuple[str, ...]:
    """The slot's candidates whose first character is in `follows`."""
    index = _by_first_char(query)
    if query[0]:
        return tuple(first + right for first in follows for rights in index.get(first, ()) for right in rights)
    return tuple(cand for first in follows for (cand,) in index.get(first, ()))


@lru_cache(maxsize=4)
def _short_pieces(doc: str) -> frozenset[str]:
    """Every three- and four-character piece of the document: looking one up in a set is much
    quicker than searching the document for it, and a candidate with its neighbours is that long."""
    return frozenset(doc[i:i + n] for n in (3, 4) for i in range(len(doc) - n + 1))


def _in_doc(doc: str, piece: str, pieces: frozenset[str] | None = None) -> bool:
    """`piece in doc`, from the set of short pieces where it is three or four characters long
    (`pieces`: that set, when the caller has it already)."""
    if 3 <= len(piece) <= 4:
        return piece in (_short_pieces(doc) if pieces is None else pieces)
    return piece in doc


@lru_cache(maxsize=65_536)
def _doc_bonuses(doc: str, before: str, after: str, cands: tuple[str, ...]) -> tuple[float, ...]:
    """DOC_BONUS for each candidate that stands between the same neighbours elsewhere in the
    document, else 0.0. Cached because slots with different contexts often share the characters
    either side."""
    pieces = _short_pieces(doc)
    bonuses = []
    for cand in cands:
        norm = unicodedata.normalize("NFKC", before + cand + after)
        bonuses.append(DOC_BONUS if len(norm) >= 3 and _in_doc(doc, norm, pieces) else 0.0)
    return tuple(bonuses)


@lru_cache(maxsize=65_536)
def _choose(query: SlotQuery, left: str, right: str, doc: str) -> tuple[str, float]:
    """The most plausible of a slot's candidates between `left` and `right`, and its confidence.

    Cached because the search for a deleted PUA pair solves a run once per gap while the slots
    away from that gap keep the same neighbours, and a document found to have lost its PUA
    characters is searched a second time.
    """
    if _option_count(query) > TOP_K:
        cands = _top_by_unigram(query) + _following(query, _followers(doc, left[-1:]))
    else:
        cands = _options(query)
    plain = context(left, right).plausibilities(cands)
    near = _within_bonus(plain)
    bonuses = _doc_bonuses(doc, left[-1:], right[:1], tuple(cands[i] for i in near))
    (best, cand), (second, _) = _best_two([(plain[i] + bonus, cands[i]) for i, bonus in zip(near, bonuses)])
    return cand, CONF_SEARCHED if best - second >= 2.0 else CONF_GUESS


def _within_bonus(scores: list[float]) -> list[int]:
    """The positions of the scores that DOC_BONUS could lift to the second best or higher; only
    they can rank first or second, for two candidates score at least the second best score as they
    stand. Looking up the others in the document would change nothing."""
    second = sorted(scores)[-2]
    return [i for i, score in enumerate(scores) if score + DOC_BONUS >= second]


def _best_two(ranked: list[tuple[float, str]]) -> tuple[tuple[float, str], tuple[float, str]]:
    """The first two of `sorted(ranked, reverse=True)`, without sorting the thousands of
    candidates a slot may have. Takes the first out of `ranked`."""
    best = max(ranked)
    ranked.remove(best)
    return best, max(ranked)


class _Run:
    """Search for the best reading of one candidate run."""

    def __init__(self, text: str, doc: str, p: int, q: int, pairs, settings: Settings,
                 horizon: int):
        self.text, self.doc, self.p, self.q, self.settings = text, doc, p, q, settings
        end = text[q]
        self.after = text[q + 1:]
        self.reading_hint = None
        self.lost = ""
        self.lost_conf = CONF_CERTAIN
        last_trail = None if end == "?" else (0x80 if end == "€" else ord(end))
        if end == "?":
            self._lost_byte()
        elif m := KEPT_PAREN.match(self.after):
            self.reading_hint = m.group(1)
        first_trail = pairs[0][0] if pairs else last_trail
        self.slots = [Slot(None, first_trail, p, p + 1 if pairs else q + 1)]
        for i, (a, b) in enumerate(pairs):
            trail = pairs[i + 1][0] if i + 1 < len(pairs) else last_trail
            stop = p + i + 2 if i + 1 < len(pairs) else q + 1
            self.slots.append(Slot(b, trail, p + i + 1, stop))
        self.left = _strip_annotations(text[max(0, p - 12):p])[-4:]
        tail = text[q + 1:horizon]
        if self.lost == "(":
            tail = SWALLOWED_PAREN.sub("", tail, count=1)
        self.tail = self.lost + _strip_annotations(tail)

    def _lost_byte(self) -> None:
        """Work out the ASCII byte a `?`-ended run swallowed (or leave it lost)."""
        if not self.settings.swallowed:
            m = KEPT_PAREN.match(self.after)
            self.reading_hint = m.group(1) if m else None
            return
        if m := SWALLOWED_PAREN.match(self.after):
            self.lost, self.reading_hint = "(", m.group(1)
        elif ENTITY.match(self.after):
            self.lost = "&"
        elif self.after[:1].isdigit() or self.after[:1] == ".":
            self.lost = "?"  # resolved after the characters, from the document
        else:
            self.lost, self.lost_conf = "", CONF_GUESS

    def insert_at(self, gap: int) -> "_Run | None":
        """The run with a deleted PUA pair put back before slot `gap` (which it splits)."""
        slot = self.slots[gap]
        if slot.inserted or self.slots[gap - 1].inserted:
            return None
        clone = object.__new__(_Run)
        clone.__dict__ = dict(self.__dict__)
        left = Slot(slot.lead, -1, slot.start, slot.start, True)
        right = Slot(-1, slot.trail, slot.start, slot.end, True)
        clone.slots = self.slots[:gap] + [left, right] + self.slots[gap + 1:]
        return clone

    def _filled(self) -> list[tuple[int, SlotQuery]]:
        """The slots the search fills in turn (an inserted pair fills the slot after it too), each
        with what the characters (or two-character strings for an inserted pair) it may hold
        depend on; the reading hint goes to the last slot."""
        slots, last, hint = self.slots, len(self.slots) - 1, self.reading_hint
        found, i = [], 0
        while i <= last:
            s = slots[i]
            if s.trail == -1:
                found.append((i, (True, s.lead, slots[i + 1].trail, hint if i + 1 == last else None)))
                i += 2
            else:
                found.append((i, (False, s.lead, s.trail, hint if i == last else None)))
                i += 1
        return found

    def solve(self) -> Reading | None:
        """Choose every lost byte left to right, each by a window of known text around it.

        A run with a slot that can hold nothing has no reading; that is checked before any slot
        is ranked, so that the PUA search does not rank slots of a run it must drop.
        """
        filled = self._filled()
        if not all(_option_count(query) for _, query in filled):
            return None
        chars, confs, slots = [], [], []
        for i, query in filled:
            width = 2 if query[0] else 1
            if _option_count(query) == 1:
                chars.append(_options(query)[0])
                confs.append(CONF_CERTAIN)
            else:
                right = self._right_context(i + width)
                left = (self.left + "".join(chars))[-4:]
                char, conf = _choose(query, left, right, self.doc)
                chars.append(char)
                confs.append(conf)
            slots.extend(self.slots[i:i + width])
            if width == 2:
                chars[-1:] = list(chars[-1])
                confs.append(min(confs[-1], 0.6))
                confs[-2] = confs[-1]
            elif self.slots[i].inserted:
                confs[-1] = min(confs[-1], 0.6)
        score = plausibility(self.left + "".join(chars) + self.tail)
        return Reading(chars, confs, slots, score)

    def _right_context(self, i: int) -> str:
        table = gbk_shift.decode_table()
        out = []
        for s in self.slots[i:]:
            ch = table.get((s.lead, s.trail)) if s.lead not in (None, -1) and s.trail not in (None, -1) else None
            if ch is None:
                return "".join(out)
            out.append(ch)
            if len(out) == 4:
                return "".join(out)
        return "".join(out) + self.tail[:4]


def _best_reading(run: _Run) -> tuple[_Run, Reading] | None:
    reading = run.solve()
    best = (run, reading) if reading else None
    if not run.settings.pua_deleted:
        return best
    improved = True
    while improved:
        improved = False
        current = best[0] if best else run
        for gap in range(1, len(current.slots)):
            trial = current.insert_at(gap)
            found = trial.solve() if trial else None
            if found and (best is None or found.score > best[1].score + INSERT_GAIN):
                best, improved = (trial, found), True
    return best


def _digit_from_document(doc: str, left: str, right: str) -> str | None:
    """The digit that sits between the same neighbours elsewhere in the document."""
    right = re.match(r"[\d.]*[^\d\s]{0,4}", right).group(0)
    scores = {}
    for i, ch in enumerate(doc):
        if not ch.isdigit():
            continue
        k = 0
        while k < len(left) and i - 1 - k >= 0 and doc[i - 1 - k] == left[-1 - k]:
            k += 1
        r = 0
        while r < len(right) and i + 1 + r < len(doc) and doc[i + 1 + r] == right[r]:
            r += 1
        if r >= 2 and k + r >= 4:
            scores[ch] = max(scores.get(ch, 0), k + r)
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _edits(run: _Run, reading: Reading, doc: str) -> list[Edit]:
    chars, confs = list(reading.chars), list(reading.confs)
    spans = [(s.start, s.end) for s in reading.slots]
    lost, lost_conf = run.lost, run.lost_conf
    if lost == "?":
        lost = _digit_from_document(doc, unicodedata.normalize("NFKC", "".join(chars))[-6:],
                                    run.after) or ""
        lost_conf = CONF_DOCUMENT if lost else CONF_GUESS
    edits = []
    if lost:
        chars.append(lost)
        confs.append(lost_conf)
        spans.append(spans[-1])
    elif lost_conf < CONF_CERTAIN:
        confs[-1] = min(confs[-1], CONF_GUESS)
        number = re.match(r"\d[\d.]*", run.after)
        if number:
            a = run.q + 1
            edits.append(Edit(a, a + number.end(), number.group(0), "mojibake", 0.3,
                              "a lost byte of this number could not be recovered"))
    groups: list[list[int]] = []
    for k, conf in enumerate(confs):
        if groups and confs[groups[-1][0]] == conf:
            groups[-1].append(k)
        else:
            groups.append([k])
    pos = run.p
    for group in groups:
        start = max(pos, min(spans[k][0] for k in group))
        end = max(start, max(spans[k][1] for k in group))
        replacement = unicodedata.normalize("NFKC", "".join(chars[k] for k in group))
        edits.append(Edit(start, end, replacement, "mojibake", confs[group[0]],
                          "shifted GBK re-encoded" if confs[group[0]] >= 0.9 else
                          "shifted GBK, lost bytes searched"))
        pos = end
    return sorted(edits, key=lambda e: (e.start, e.end))


def _candidate_runs(text: str, settings: Settings, doc: str) -> list[tuple[_Run, Reading]]:
    found, after = [], 0
    for m in re.finditer(r"\?", text):
        p = m.start()
        if p < after or p == 0 or not is_han(text[p - 1]):
            continue
        alternatives = gbk_shift.run_ends(
            text, p, lambda q: bool((SWALLOWED_PAREN if text[q] == "?" else KEPT_PAREN).match(text, q + 1)))
        if not alternatives:
            continue
        horizon = alternatives[-1][0] + 6
        raw = plausibility(_strip_annotations(text[max(0, p - 12):p])[-4:] +
                           _strip_annotations(text[p:horizon]))
        best = None
        for q, pairs in alternatives:
            result = _best_reading(_Run(text, doc, p, q, pairs, settings, horizon))
            if result and (best is None or result[1].score > best[1].score):
                best = result
        if best and best[1].score - raw >= MIN_GAIN:
            found.append(best)
            after = best[0].q + 1
    return found


def mojibake_edits(text: str) -> list[Edit]:
    """Edits that turn each shifted-GBK run back into the annotated text it was."""
    doc = unicodedata.normalize("NFKC", _strip_annotations(text))
    try:
        settings = detect_settings(text, has_runs=False)
        runs = _candidate_runs(text, settings, doc)
        if runs and not settings.pua_deleted:
            settings = detect_settings(text, has_runs=True)
            if settings.pua_deleted:
                runs = _candidate_runs(text, settings, doc)
        edits = []
        for run, reading in runs:
            edits.extend(_edits(run, reading, doc))
        return edits
    finally:
        for cache in (_choose, _doc_bonuses, _followers):
            cache.cache_clear()  # their entries name this document: no other can use them
