"""Scores for event coding against gold records, with the definitions of the shared scorer.

Pure functions: gold records (dicts as in the JSONL dev sets) and the built tables as pandas
DataFrames with the published columns; `events` and `place_mentions` carry an extra
`source_id` column, the gold record id of the article they came from.

- `score_plover`: share of sentences with any event; event type accuracy (any event of the
  sentence has the gold PLOVER type, old labels mapped to new; sentences with no event count as
  wrong); source actor country accuracy over records whose gold source has a code (any event's
  source actor country among the gold source codes).
- `score_evloc`: on accepted sentences with one VERB span and at least one LOCATION span: share
  where an event's trigger contains the gold verb, and share where such an event's place has a
  mention overlapping a gold location (over all sentences, and over those found). These three
  read the gold offsets as characters, as the shared scorer does. The same shares are given
  again with gold LOCATION spans that hold token indices read as tokens (`gold_locations`),
  with the count of such records, so a defect of the gold is not taken for one of the pipeline.
- `score_petr`: on PETRARCH unit-test records that expect events: CAMEO root accuracy (any
  event's `cameo_root` equals the root of any expected event code) and source/target code
  accuracy (an event's source or target actor country equals the first three letters of an
  expected source or target code), each over the records that have that gold.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

OLD_PLOVER = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def _country_lookup(actors: pd.DataFrame):
    table = dict(zip(actors["actor_id"], actors["country_code"]))

    def cc(actor_id) -> str:
        value = table.get(actor_id) if isinstance(actor_id, str) else None
        return str(value) if isinstance(value, str) else ""
    return cc


def _by_source(df: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {str(k): g for k, g in df.groupby(df["source_id"].astype(str))} if len(df) else {}


def score_plover(gold: list[dict], events: pd.DataFrame, actors: pd.DataFrame) -> dict[str, float]:
    """Event type and source country accuracy on PLOVER gold records."""
    cc = _country_lookup(actors)
    ev = _by_source(events)
    typ = src_ok = src_n = found = 0
    for d in gold:
        g = ev.get(str(d["id"]))
        if g is None:
            continue
        found += 1
        typ += bool((g["event_type"] == OLD_PLOVER.get(d["event"], d["event"])).any())
        codes = [s["code"][:3] for s in d.get("source", []) if s.get("code") and len(s["code"]) >= 3]
        if codes:
            src_n += 1
            src_ok += any(cc(x) in codes for x in g["source_actor_id"])
    n = len(gold)
    return {"n": float(n), "sentences_with_event": found / n if n else 0.0,
            "event_type_accuracy": typ / n if n else 0.0,
            "source_country_accuracy": src_ok / max(1, src_n), "source_n": float(src_n)}


def evloc_records(gold: list[dict]) -> list[dict]:
    """The event_location records the score uses: accepted, one verb, at least one location."""
    return [d for d in gold if d.get("answer") == "accept"
            and sum(s["label"] == "VERB" for s in d["spans"]) == 1
            and any(s["label"] == "LOCATION" for s in d["spans"])]


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy
    return spacy.blank("en").tokenizer


def _on_word(text: str, span: dict) -> bool:
    """The span's text is what its character offsets hold, and it starts and ends on words."""
    a, b = span["start"], span["end"]
    piece = text[a:b]
    if piece != span.get("text") or len(piece.strip()) < 2:
        return False
    cut_before = a > 0 and text[a - 1].isalnum() and piece[0].isalnum()
    cut_after = b < len(text) and text[b].isalnum() and piece[-1].isalnum()
    return not (cut_before or cut_after)


def gold_locations(d: dict) -> tuple[list[tuple[int, int]], str]:
    """The record's gold LOCATION spans as character offsets, and how they were read.

    Why: in event_location about a third of the records carry token indices (first and last
    token, inclusive) in a LOCATION span's `start`/`end`, while their VERB span carries
    characters; read as characters such a span holds a letter or nothing ("Katarko" as 9..9),
    so the sentence scores as a miss whatever the pipeline does. A record whose spans all hold
    their own text on word boundaries is read as characters (`"chars"`); otherwise its spans are
    read as token indices with spaCy's rule-based English tokenizer (`"tokens"`); a span that is
    no token range is dropped, and a record left with none is `"unusable"`.
    """
    locs = [s for s in d["spans"] if s["label"] == "LOCATION"]
    if all(_on_word(d["text"], s) for s in locs):
        return [(s["start"], s["end"]) for s in locs], "chars"
    doc = _tokenizer()(d["text"])
    spans = [(doc[s["start"]].idx, doc[s["end"]].idx + len(doc[s["end"]])) for s in locs
             if isinstance(s["start"], int) and isinstance(s["end"], int)
             and 0 <= s["start"] <= s["end"] < len(doc)]
    return spans, ("tokens" if spans else "unusable")


def score_evloc(gold: list[dict], events: pd.DataFrame, place_mentions: pd.DataFrame) -> dict[str, float]:
    """Whether the event on the gold verb is found and placed at the gold location.

    `location_accuracy*` read gold offsets as characters (the shared scorer's definition);
    `*_gold_repaired` read token-indexed records as tokens (`gold_locations`).
    """
    docs = evloc_records(gold)
    pm: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for r in place_mentions.itertuples():
        pm.setdefault((str(r.source_id), r.place_id), []).append((r.start, r.end))
    ev = _by_source(events)
    found = right = repaired_right = token_records = 0

    def overlaps(spans: list[tuple[int, int]], golds: list[tuple[int, int]]) -> bool:
        return any(s < ge and gs < e for s, e in spans for gs, ge in golds)

    for d in docs:
        verb = next(s for s in d["spans"] if s["label"] == "VERB")
        as_chars = [(s["start"], s["end"]) for s in d["spans"] if s["label"] == "LOCATION"]
        repaired, how = gold_locations(d)
        token_records += how != "chars"
        g = ev.get(str(d["id"]))
        if g is None:
            continue
        g = g[g["trigger_text"].astype(str).str.contains(verb["text"], regex=False)]
        if g.empty:
            continue
        found += 1
        spans = [sp for pid in g["place_id"].dropna() for sp in pm.get((str(d["id"]), pid), [])]
        right += overlaps(spans, as_chars)
        repaired_right += overlaps(spans, repaired)
    n = len(docs)
    return {"n": float(n), "event_found": found / n if n else 0.0,
            "location_accuracy": right / n if n else 0.0,
            "location_accuracy_found": right / max(1, found),
            "gold_token_offsets_n": float(token_records),
            "location_accuracy_gold_repaired": repaired_right / n if n else 0.0,
            "location_accuracy_found_gold_repaired": repaired_right / max(1, found)}


def score_petr(gold: list[dict], events: pd.DataFrame, actors: pd.DataFrame) -> dict[str, float]:
    """CAMEO root and source/target country accuracy on PETRARCH unit-test records."""
    cc = _country_lookup(actors)
    ev = _by_source(events)
    n = root_ok = src_n = src_ok = tgt_n = tgt_ok = 0
    for d in gold:
        exp = [x for x in d.get("expected", []) if isinstance(x, dict) and x.get("event")]
        if not exp:
            continue
        n += 1
        g = ev.get(str(d["id"]))
        roots = {str(x["event"])[:2] for x in exp}
        srcs = {str(x.get("source", ""))[:3] for x in exp if str(x.get("source", "")).strip("-")}
        tgts = {str(x.get("target", ""))[:3] for x in exp if str(x.get("target", "")).strip("-")}
        srcs.discard("---")
        tgts.discard("---")
        if srcs:
            src_n += 1
        if tgts:
            tgt_n += 1
        if g is None:
            continue
        root_ok += bool(g["cameo_root"].astype(str).isin(roots).any())
        src_ok += bool(srcs) and any(cc(x) in srcs for x in g["source_actor_id"])
        tgt_ok += bool(tgts) and any(cc(x) in tgts for x in g["target_actor_id"])
    return {"n": float(n), "cameo_root_accuracy": root_ok / max(1, n),
            "source_accuracy": src_ok / max(1, src_n), "target_accuracy": tgt_ok / max(1, tgt_n)}
