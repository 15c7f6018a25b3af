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
    result: list[Match | None] = []
    by_hash: dict[str, int] = {}
    buckets: dict[tuple[int, bytes], list[int]] = {}
    sigs: dict[int, np.ndarray] = {}
    vocab: dict[str, int] = {}
    rows = NUM_PERM // BANDS
    for i, text in enumerate(texts):
        h = content_hash(text)
        if h in by_hash:
            result.append(Match(by_hash[h], "exact", 1.0))
            continue
        sig = None
        keys: list[tuple[int, bytes]] = []
        if len(text.split()) >= min_words:
            sig = cache.get(h) if cache is not None else None
            if sig is None:
                sig = signature(shingles(text, vocab=vocab))
                if cache is not None:
                    cache[h] = sig
            keys = [(b, sig[b * rows:(b + 1) * rows].tobytes()) for b in range(BANDS)]
            seen: dict[int, int] = {}
            for key in keys:
                for j in buckets.get(key, ()):
                    seen[j] = seen.get(j, 0) + 1
            # Most band hits first: likeliest matches are checked within the cap.
            candidates = sorted(seen, key=lambda j: (-seen[j], j))[:MAX_CANDIDATES]
            best: tuple[float, int] | None = None
            for j in candidates:
                sim = estimated_jaccard(sig, sigs[j])
                if sim >= threshold and (best is None or (sim, -j) > (best[0], -best[1])):
                    best = (sim, j)
            if best is not None:
                result.append(Match(best[1], "near", best[0]))
                continue
        by_hash[h] = i
        result.append(None)
        if sig is not None:
            sigs[i] = sig
            for key in keys:
                buckets.setdefault(key, []).append(i)
    return result


def cluster_representatives(texts: Sequence[str], **kwargs: Any) -> list[int]:
    """Index of the kept text each text belongs to (itself when kept)."""
    return [i if m is None else m.kept for i, m in enumerate(find_duplicates(texts, **kwargs))]
