"""Exact and near-duplicate detection, on texts built here."""
from __future__ import annotations

import random

from pipeline import dedup

WORDS = ("army police town border militants officials fighting residents aid convoy bridge "
         "river talks ceasefire minister governor village province market hospital").split()


def story(seed: int, n: int = 120) -> str:
    rng = random.Random(seed)
    sentences = []
    while sum(len(s.split()) for s in sentences) < n:
        sentences.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + ".")
    return " ".join(sentences)


def edit(text: str, seed: int, changes: int) -> str:
    rng = random.Random(seed)
    words = text.split()
    for _ in range(changes):
        words[rng.randrange(len(words))] = "changed"
    return " ".join(words)


def test_article_id_is_stable_and_ignores_case_and_spacing() -> None:
    a = dedup.article_id("Troops  captured the town.")
    assert a == dedup.article_id("troops captured the TOWN")
    assert a.startswith("a") and len(a) == 16 and int(a[1:], 16) >= 0
    assert a != dedup.article_id("Troops captured the city.")


def test_exact_duplicates_point_to_first() -> None:
    texts = ["One two three.", "Four five six.", "one two THREE"]
    m = dedup.find_duplicates(texts)
    assert m[0] is None and m[1] is None
    assert m[2].kept == 0 and m[2].kind == "exact"


def test_near_duplicate_found_unrelated_kept() -> None:
    base = story(1)
    texts = [base, story(2), edit(base, 3, 3) + " A new closing sentence was added here."]
    m = dedup.find_duplicates(texts)
    assert m[0] is None and m[1] is None
    assert m[2] is not None and m[2].kept == 0 and m[2].kind == "near"
    assert 0.7 <= m[2].similarity < 1.0


def test_heavily_edited_text_is_not_a_duplicate() -> None:
    base = story(4)
    assert dedup.find_duplicates([base, edit(base, 5, 60)])[1] is None


def test_short_texts_are_only_exact_duplicates() -> None:
    a = "Five people were killed in Kabul on Monday, police said."
    b = "Six people were killed in Kabul on Monday, police said."
    assert dedup.find_duplicates([a, b]) == [None, None]


def test_near_duplicate_matches_kept_article_not_a_duplicate() -> None:
    base = story(6)
    texts = [base, edit(base, 7, 2), edit(base, 8, 2)]
    m = dedup.find_duplicates(texts)
    assert m[1].kept == 0 and m[2].kept == 0


def test_estimated_jaccard_tracks_true_jaccard() -> None:
    a, b = story(9, 300), edit(story(9, 300), 10, 20)
    sa, sb = dedup.shingles(a), dedup.shingles(b)
    true = len(set(sa.tolist()) & set(sb.tolist())) / len(set(sa.tolist()) | set(sb.tolist()))
    est = dedup.estimated_jaccard(dedup.signature(sa), dedup.signature(sb))
    assert abs(est - true) < 0.15


def test_many_distinct_articles_are_all_kept() -> None:
    texts = [story(100 + i) for i in range(300)]
    assert all(m is None for m in dedup.find_duplicates(texts))
