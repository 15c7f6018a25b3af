"""Exact and near-duplicate detection: content hashes, MinHash signatures and LSH banding.

The same wire story reaches a corpus many times with small edits (a changed word, a trimmed
paragraph, a different teaser). Exact duplicates share the hash of their folded text; near
duplicates are found with MinHash over word 3-grams and locality-sensitive hashing, so the
cost grows with the number of articles, not its square: each article is compared only with
already kept articles that share an LSH band, and only kept articles enter the index.

Short texts (single sentences, headlines) are only ever exact duplicates: two sentences that
differ in a number or a place name are different reports, not edits of one.
"""
from __future__ import annotations

import hashlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from pipeline.boilerplate import fold

NUM_PERM = 128
BANDS = 32  # 32 bands x 4 rows: a pair with Jaccard 0.7 shares a band with p > 0.999
SHINGLE_WORDS = 3
NEAR_THRESHOLD = 0.7
NEAR_MIN_WORDS = 50
MAX_CANDIDATES = 200

_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
_SEEDS = np.array(
    [int.from_bytes(hashlib.blake2b(b"minhash%d" % k, digest_size=8).digest(), "little")
     for k in range(NUM_PERM)],
    dtype=np.uint64,
)


def content_hash(text: str) -> str:
    """Hex SHA-256 of the folded text (case, width, punctuation and spacing ignored)."""
    return hashlib.sha256(fold(text).encode("utf-8")).hexdigest()


def article_id(text: str) -> str:
    """Stable article id: "a" + the first 15 hex characters of the folded text's hash."""
    return "a" + content_hash(text)[:15]


def _mix(z: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: a fast, well-spread 64-bit permutation (wraps on purpose)."""
    with np.errstate(over="ignore"):
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def shingles(text: str, n: int = SHINGLE_WORDS, vocab: dict[str, int] | None = None) -> np.ndarray:
    """Distinct 64-bit hashes of the word n-grams of the folded text (uint64 array)."""
    tokens = fold(text).split()
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    vocab = {} if vocab is None else vocab
    ids = []
    for t in tokens:
        h = vocab.get(t)
        if h is None:
            h = int.from_bytes(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest(), "little")
            vocab[t] = h
        ids.append(h)
    arr = np.array(ids, dtype=np.uint64)
    if len(arr) < n:
        return np.unique(_mix(arr[:1] ^ np.uint64(len(arr))))
    with np.errstate(over="ignore"):
        acc = np.zeros(len(arr) - n + 1, dtype=np.uint64)
        for k in range(n):
            acc = _mix(acc ^ arr[k: len(arr) - n + 1 + k])
    return np.unique(acc)


def signature(sh: np.ndarray) -> np.ndarray:
    """MinHash signature (NUM_PERM uint64 minima) of a shingle array."""
    if sh.size == 0:
        return np.full(NUM_PERM, _MASK, dtype=np.uint64)
    return _mix(sh[:, None] ^ _SEEDS[None, :]).min(axis=0)


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Fraction of equal MinHash positions: an unbiased estimate of Jaccard similarity."""
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass(frozen=True)
class Match:
    """An input that duplicates an earlier kept one: its index and how (exact or near)."""

    kept: int
    kind: str
    similarity: float


def find_duplicates(
    texts: Sequence[str],
    threshold: float = NEAR_THRESHOLD,
    min_words: int = NEAR_MIN_WORDS,
    cache: dict[str, np.ndarray] | None = None,
) -> list[Match | None]:
    """For each text in order, None if kept, else the Match of the earlier text it duplicates.

    Order decides which copy is kept (the first), so callers sort inputs deterministically.
    A near duplicate is matched to the most similar kept text (ties: the earliest).
    `cache` (content hash -> signature) lets a second pass over mostly the same texts reuse
    the signatures of the first.
    """
    index = DuplicateIndex(threshold, min_words)
    result: list[Match | None] = []
    for text in texts:
        h = content_hash(text)
        result.append(index.add(text, h, cache.get(h) if cache is not None else None))
        if cache is not None and index.last_signature is not None:
            cache[h] = index.last_signature
    return result


_BLOCK = 4096  # signature rows per block: the store grows in 4 MB steps, never by copying
_FLUSH = 1 << 15  # pending band entries (1,024 texts) before they join the sorted arrays
_VOCAB_LIMIT = 1 << 16  # token-hash memo entries kept before the memo is cleared
_ROW_MULT = np.array(  # odd, so multiplying permutes the 64-bit values
    [int.from_bytes(hashlib.blake2b(b"row%d" % k, digest_size=8).digest(), "little") | 1
     for k in range(NUM_PERM // BANDS)],
    dtype=np.uint64,
)
_BAND_SALT = np.array(
    [int.from_bytes(hashlib.blake2b(b"band%d" % b, digest_size=8).digest(), "little")
     for b in range(BANDS)],
    dtype=np.uint64,
)


class DuplicateIndex:
    """`find_duplicates` one text at a time, for callers that cannot hold all the texts.

    Streaming ingest sees each text once and keeps none of them, so the index keeps only
    what later texts are compared with: the content hash of every kept text, the signature
    of every kept text of `min_words` or more (in fixed blocks of rows), and one 64-bit key
    per LSH band of those, in sorted numpy arrays: about 1.6 KB per kept text, most of it
    the 1 KB signature, where dicts of byte strings took several times that. A key is a
    hash of the band's rows, and a key hit is confirmed against the stored rows, so the
    matches are exactly those of comparing the bands themselves.
    """

    def __init__(self, threshold: float = NEAR_THRESHOLD, min_words: int = NEAR_MIN_WORDS) -> None:
        self.threshold = threshold
        self.min_words = min_words
        self.count = 0  # texts added so far; the index of the next text
        self.last_signature: np.ndarray | None = None  # signature used for the last text, if any
        self._by_hash: dict[bytes, int] = {}
        self._blocks: list[np.ndarray] = []  # signature rows of kept texts
        self._row_text = array("q")  # text index of each signature row
        self._keys = np.zeros(0, dtype=np.uint64)  # sorted band keys ...
        self._slots = np.zeros(0, dtype=np.uint32)  # ... and their row * BANDS + band
        self._pending: dict[int, int | list[int]] = {}  # band keys not merged yet -> slot(s)
        self._pending_size = 0
        self._vocab: dict[str, int] = {}

    def add(self, text: str, h: str | None = None, sig: np.ndarray | None = None) -> Match | None:
        """None if `text` is kept (and indexed), else the Match of the earlier kept text.

        `h` is the text's `content_hash` and `sig` its MinHash signature, when the caller
        already has them (both are pure functions of the text, so passing them changes
        nothing but the time taken).
        """
        i = self.count
        self.count += 1
        self.last_signature = None
        digest = bytes.fromhex(h if h is not None else content_hash(text))
        kept = self._by_hash.get(digest)
        if kept is not None:
            return Match(kept, "exact", 1.0)
        if len(text.split()) >= self.min_words:
            if sig is None:
                if len(self._vocab) > _VOCAB_LIMIT:
                    self._vocab.clear()
                sig = signature(shingles(text, vocab=self._vocab))
            self.last_signature = sig
            keys = _band_keys(sig)
            match = self._nearest(sig, keys)
            if match is not None:
                return match
            self._insert(sig, keys, i)
        self._by_hash[digest] = i
        return None

    def _rows(self, rows: list[int]) -> np.ndarray:
        """Stored signatures of `rows` (sorted), as one (len(rows), NUM_PERM) array."""
        first, last = rows[0] // _BLOCK, rows[-1] // _BLOCK
        if first == last:  # the usual case
            return self._blocks[first][[r % _BLOCK for r in rows]]
        return np.stack([self._blocks[r // _BLOCK][r % _BLOCK] for r in rows])

    def _nearest(self, sig: np.ndarray, keys: np.ndarray) -> Match | None:
        """The most similar kept text among those sharing a band (ties: the earliest)."""
        found: list[tuple[int, int]] = []  # (slot, band of the query it answered)
        if self._keys.size:
            lo = np.searchsorted(self._keys, keys, "left")
            hi = np.searchsorted(self._keys, keys, "right")
            for b in np.nonzero(hi > lo)[0].tolist():
                found += [(s, b) for s in self._slots[lo[b]:hi[b]].tolist()]
        if self._pending:
            for b, key in enumerate(keys.tolist()):
                slots = self._pending.get(key)
                if slots is not None:
                    found += [(s, b) for s in slots] if isinstance(slots, list) else [(slots, b)]
        if not found:
            return None
        rows = sorted({slot // BANDS for slot, _ in found})
        stored = self._rows(rows)
        values = {r: stored[k].tobytes() for k, r in enumerate(rows)}
        mine = np.ascontiguousarray(sig, dtype=np.uint64).tobytes()
        width = len(mine) // BANDS  # bytes per band
        hits: dict[int, int] = {}
        for slot, b in found:
            # A key hit counts only for the same band with the same rows (keys are hashes).
            row, band = divmod(slot, BANDS)
            part = slice(b * width, (b + 1) * width)
            if band == b and values[row][part] == mine[part]:
                hits[row] = hits.get(row, 0) + 1
        if not hits:
            return None
        # Rows are numbered in text order, so ordering rows orders texts. Most band hits
        # first: the likeliest matches are checked within the cap.
        candidates = sorted(hits, key=lambda r: (-hits[r], r))[:MAX_CANDIDATES]
        at = {r: k for k, r in enumerate(rows)}
        equal = np.count_nonzero(stored[[at[r] for r in candidates]] == sig, axis=1).tolist()
        best: tuple[float, int] | None = None
        for r, n_equal in zip(candidates, equal):
            j = self._row_text[r]
            sim = float(n_equal) / NUM_PERM  # estimated_jaccard(sig, signature of r)
            if sim >= self.threshold and (best is None or (sim, -j) > (best[0], -best[1])):
                best = (sim, j)
        return Match(best[1], "near", best[0]) if best is not None else None

    def _insert(self, sig: np.ndarray, keys: np.ndarray, i: int) -> None:
        row = len(self._row_text)
        if row % _BLOCK == 0:
            self._blocks.append(np.empty((_BLOCK, NUM_PERM), dtype=np.uint64))
        self._blocks[-1][row % _BLOCK] = sig
        self._row_text.append(i)
        pending = self._pending
        for b, key in enumerate(keys.tolist()):
            slot = row * BANDS + b
            old = pending.get(key)
            if old is None:
                pending[key] = slot
            elif isinstance(old, list):
                old.append(slot)
            else:
                pending[key] = [old, slot]
        self._pending_size += BANDS
        if self._pending_size >= _FLUSH:
            self._flush()

    def _flush(self) -> None:
        """Merge the pending band keys into the sorted arrays: a dict entry costs ~100 bytes,
        an array entry 12. Merging inserts into the sorted arrays (no full re-sort)."""
        pairs = [(k, s) for k, v in self._pending.items() for s in (v if isinstance(v, list) else (v,))]
        keys = np.array([k for k, _ in pairs], dtype=np.uint64)
        big = max((s for _, s in pairs), default=0) >= 1 << 32
        slots = np.array([s for _, s in pairs], dtype=np.int64 if big else np.uint32)
        order = np.argsort(keys, kind="stable")
        keys, slots = keys[order], slots[order]
        at = np.searchsorted(self._keys, keys, "right")
        self._keys = np.insert(self._keys, at, keys)
        self._slots = np.insert(self._slots.astype(slots.dtype, copy=False), at, slots)
        self._pending, self._pending_size = {}, 0


def _band_keys(sig: np.ndarray) -> np.ndarray:
    """One 64-bit key per LSH band: its rows (already random minima) multiplied by odd
    constants and XORed, with the band's salt. Cheap, as it runs for every text; a rare
    collision costs a comparison, never a wrong match (hits are checked against the rows)."""
    rows = sig.reshape(BANDS, NUM_PERM // BANDS)  # integer arrays wrap on overflow, silently
    return np.bitwise_xor.reduce(rows * _ROW_MULT, axis=1) ^ _BAND_SALT


def cluster_representatives(texts: Sequence[str], **kwargs: Any) -> list[int]:
    """Index of the kept text each text belongs to (itself when kept)."""
    return [i if m is None else m.kept for i, m in enumerate(find_duplicates(texts, **kwargs))]
