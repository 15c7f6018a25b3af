"""`python -m pipeline evaluate`: score extraction on gold-annotated development sets.

Each set is written as a JSONL folder and built through the same `build` as any corpus, so
the scores measure the product as users run it. The scoring functions live beside this file
(`geo`, `events`) and are pure: gold records and published tables in, scores out, so a
researcher can score the pipeline on their own gold data the same way.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import build, nlp

SETS = {
    "geo": ["geowebnews.jsonl"],
    "events": ["plover_gsr_cameo.jsonl", "event_location.jsonl", "petr_unittest.jsonl"],
}


def load_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def build_records(records: list[dict], model: str = nlp.DEFAULT_MODEL) -> dict[str, pd.DataFrame]:
    """Build `records` (dicts with id, title, text) through the pipeline; returns the tables.

    Mention and event tables get a `source_id` column (the record's id) for matching gold.
    """
    with tempfile.TemporaryDirectory(prefix="evaluate-") as tmp:
        raw, out = Path(tmp) / "raw", Path(tmp) / "out"
        raw.mkdir()
        with open(raw / "records.jsonl", "w", encoding="utf-8") as f:
            for r in records:
                # No title: gold offsets index `text`, and ingest would cut a repeated title
                # from its top; this is also how ../shared/eval/score.py builds the sets.
                f.write(json.dumps({"id": str(r["id"]), "title": "", "text": r["text"]},
                                   ensure_ascii=False) + "\n")
        build.build(raw, out, model=model, run_validation=False, log=lambda _m: None)
        tables = {p.stem: pd.read_parquet(p) for p in out.glob("*.parquet")}
    src = dict(zip(tables["articles"]["article_id"], tables["articles"]["source_id"].astype(str)))
    for t in ("place_mentions", "actor_mentions", "events"):
        tables[t] = tables[t].assign(source_id=tables[t]["article_id"].map(src))
    return tables


def evaluate_geo(eval_dir: Path, limit: int | None, model: str) -> dict[str, Any]:
    from pipeline.evaluate.geo import score_geo
    gold = load_jsonl(eval_dir / "geowebnews.jsonl", limit)
    t = build_records(gold, model)
    return {"geowebnews": score_geo(gold, t["place_mentions"], t["places"])}


def evaluate_events(eval_dir: Path, limit: int | None, model: str) -> dict[str, Any]:
    from pipeline.evaluate import events as ev
    # (set name, gold file, record filter, scorer and the tables it reads)
    sets = [
        ("plover_gsr_cameo", "plover_gsr_cameo.jsonl", None,
         lambda gold, t: ev.score_plover(gold, t["events"], t["actors"])),
        ("event_location", "event_location.jsonl", ev.evloc_records,
         lambda gold, t: ev.score_evloc(gold, t["events"], t["place_mentions"])),
        ("petr_unittest", "petr_unittest.jsonl", None,
         lambda gold, t: ev.score_petr(gold, t["events"], t["actors"])),
    ]
    out: dict[str, Any] = {}
    for name, file, keep, score in sets:
        if not (eval_dir / file).exists():
            print(f"skipped {name}: {file} not found", file=sys.stderr)
            continue
        gold = load_jsonl(eval_dir / file)
        gold = keep(gold) if keep else gold
        gold = gold[:limit] if limit else gold
        out[name] = score(gold, build_records(gold, model))
    return out


def format_scores(scores: dict[str, dict[str, Any]]) -> str:
    lines = []
    for dataset, values in scores.items():
        lines.append(dataset)
        for k, v in values.items():
            if isinstance(v, float) and not (k == "n" or k.endswith("_n")):
                lines.append(f"  {k:<40} {v:.3f}")
            else:
                lines.append(f"  {k:<40} {int(v) if isinstance(v, float) else v}")
    return "\n".join(lines)


def main(which: str, eval_dir: Path, limit: int | None = None, model: str = nlp.DEFAULT_MODEL,
         out: Path | None = None) -> int:
    """Score the chosen sets; a missing folder or file is skipped with a message."""
    if not eval_dir.is_dir():
        print(f"no evaluation sets: {eval_dir} does not exist (pass --eval-dir)", file=sys.stderr)
        return 0
    scores: dict[str, Any] = {}
    if which in ("all", "geo"):
        if (eval_dir / "geowebnews.jsonl").exists():
            scores.update(evaluate_geo(eval_dir, limit, model))
        else:
            print("skipped geowebnews: file not found", file=sys.stderr)
    if which in ("all", "events"):
        scores.update(evaluate_events(eval_dir, limit, model))
    print(format_scores(scores))
    if out:
        out.write_text(json.dumps(scores, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0
