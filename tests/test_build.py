"""End to end: the full `make` pipeline on the sample corpus in data/raw/."""
import datetime as dt
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline import build, schemas, validate

ROOT = Path(__file__).resolve().parents[1]
PANDAS_KIND = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


def test_package_validates_and_every_table_loads_with_declared_dtypes(made):
    out, _ = made
    checked = validate.validate_package(out / "datapackage.json")
    assert set(checked) >= set(schemas.table_names())
    for table in schemas.table_names():
        df = pd.read_parquet(out / f"{table}.parquet")
        assert list(df.columns) == schemas.tables()[table]["fields"]
        for name in df.columns:
            kind = schemas.fields()[name]["type"]
            if kind == "date":
                assert all(v is None or isinstance(v, dt.date) for v in df[name]), name
            else:
                assert str(df[name].dtype) == PANDAS_KIND[kind], (table, name, df[name].dtype)


def test_every_raw_file_is_accounted_for(made):
    out, _ = made
    log = pd.read_parquet(out / "ingest_log.parquet")
    raw = ROOT / "data" / "raw"
    files = {p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file()}
    sidecars = {f for f in files if f.endswith(".json") and f[:-5] + ".txt" in files}
    logged = {s.split(":")[0] for s in log["source_file"]}
    assert files - sidecars <= logged
    assert set(log["status"]) <= {"accepted", "duplicate", "skipped"}


def test_the_corpus_yields_events_actors_and_places(made):
    out, _ = made
    t = {n: pd.read_parquet(out / f"{n}.parquet") for n in schemas.table_names()}
    assert len(t["articles"]) >= 15
    assert len(t["events"]) >= 30 and t["events"]["event_type"].nunique() >= 5
    assert t["events"]["source_actor_id"].notna().mean() > 0.4
    assert t["places"]["country_code"].nunique() >= 8
    assert t["actors"]["country_code"].nunique() >= 8
    body = dict(zip(t["articles"]["article_id"], t["articles"]["body_text"]))
    for r in t["place_mentions"].itertuples():
        assert body[r.article_id][r.start:r.end] == r.mention_text
    for r in t["events"].itertuples():
        assert body[r.article_id][r.trigger_start:r.trigger_end] == r.trigger_text
        assert r.trigger_text in r.evidence_text


def test_site_is_built_with_downloads(made):
    _, site = made
    assert (site / "index.html").exists()
    html = "".join(p.read_text(errors="ignore") for p in site.rglob("*.html"))
    assert "events.parquet" in html and "datapackage.json" in html


def test_two_builds_are_byte_identical(made, tmp_path):
    out, _ = made
    again = tmp_path / "again"
    build.build(ROOT / "data" / "raw", again, log=lambda m: None)
    for f in sorted(p.name for p in out.iterdir()):
        assert (again / f).read_bytes() == (out / f).read_bytes(), f


def test_sample_article_tells_its_story(tmp_path):
    """The scraped sample in ../shared/samples, when present: who took al-Qaim, IS under its names."""
    sample = ROOT.parent / "shared" / "samples"
    if not sample.is_dir():
        pytest.skip("../shared/samples is not beside the project")
    raw = tmp_path / "raw"
    shutil.copytree(sample, raw)
    build.build(raw, tmp_path / "out", log=lambda m: None)
    t = {n: pd.read_parquet(tmp_path / "out" / f"{n}.parquet") for n in ("events", "actors", "places", "actor_mentions")}
    actors = t["actors"].set_index("actor_id")
    isis = [a for a, r in actors.iterrows() if "Daesh" in str(r["aliases"]) or "Daesh" == r["actor_name"]]
    assert len(isis) == 1, "Islamic State, ISIS, IS and Daesh are one actor"
    capture = t["events"][t["events"]["evidence_text"].str.contains("Al-Qaim|al-Qaim")
                          & (t["events"]["event_type"] == "ASSAULT")]
    assert (capture["source_actor_id"].map(actors["country_code"]) == "IRQ").any()
    assert t["events"]["event_date"].isna().all(), "the sample has no publication date"
    deir = t["places"][t["places"]["place_name"].str.contains("Deir", na=False)]
    assert len(deir) >= 1 and deir["country_code"].eq("SYR").all()


def test_the_same_event_in_two_articles_is_one_cluster(tmp_path):
    base = dict(event_type="ASSAULT", source_actor_id="RUS-MIL", target_actor_id="UKR",
                place_id="gn:703448", event_date=dt.date(2022, 2, 24), date_precision="day",
                is_negated=False, is_hypothetical=False)
    events = [dict(base, event_id="e1", article_id="a1"), dict(base, event_id="e2", article_id="a2"),
              dict(base, event_id="e3", article_id="a2", trigger_text="again"),
              dict(base, event_id="e4", article_id="a3", place_id="gn:1"),
              dict(base, event_id="e5", article_id="a4", event_date=None, date_precision="unknown"),
              dict(base, event_id="e6", article_id="a5", event_date=None, date_precision="unknown")]
    ids = {e["event_id"]: build.cluster_id(e) for e in events}
    # spilled in two batches, as the build streams them
    for b, part in enumerate((events[:2], events[2:])):
        pd.DataFrame({"event_cluster_id": [ids[e["event_id"]] for e in part],
                      "article_id": [e["article_id"] for e in part]}).to_parquet(tmp_path / f"{b:06d}.parquet")
    counts = build.ClusterCounts(tmp_path)
    n = dict(zip(ids.values(), counts.lookup(list(ids.values()))))
    counts.close()
    assert ids["e1"] == ids["e2"] == ids["e3"]
    assert n[ids["e1"]] == 2, "two articles, however many mentions each"
    assert ids["e4"] != ids["e1"] and n[ids["e4"]] == 1
    assert ids["e5"] != ids["e6"], "undated mentions are never merged"


def test_extraction_work_is_submitted_lazily_a_bounded_window_at_a_time():
    in_flight, peak = [0], [0]

    def submit(payload):
        in_flight[0] += 1
        peak[0] = max(peak[0], in_flight[0])
        return [x * 10 for x in payload]

    def result(handle):
        in_flight[0] -= 1
        return handle

    work = ((i, [i] if i % 3 else []) for i in range(50))  # every third batch fully cached
    out = list(build._in_order(submit, result, work, 4))
    assert [item for item, _ in out] == list(range(50))
    assert all(rows == ([i * 10] if i % 3 else None) for i, rows in out)
    assert peak[0] <= 4 and in_flight[0] == 0


def _article(raw: Path, name: str, text: str) -> None:
    (raw / f"{name}.jsonl").write_text(json.dumps({"id": name, "title": text[:40], "text": text,
                                                   "published": "2021-03-05", "language": "en"}) + "\n")


def test_rebuilds_parse_only_what_changed(tmp_path, monkeypatch):
    """No new article: no NLP. One new article: only it is parsed. A lexicon or code change
    (a new extractor version): every article is extracted again, from its cached parse."""
    raw, cache_dir = tmp_path / "raw", tmp_path / "cache"
    raw.mkdir()
    _article(raw, "a1", "Rebels attacked an army base near Goma on Monday, killing four soldiers.")
    _article(raw, "a2", "Police arrested 30 protesters in Lagos after the demonstration turned violent.")
    first = build.build(raw, tmp_path / "out1", log=lambda m: None, cache_dir=cache_dir)
    assert (first["parsed"], first["reextracted"]) == (2, 0)
    again = build.build(raw, tmp_path / "out2", log=lambda m: None, cache_dir=cache_dir)
    assert (again["parsed"], again["reextracted"]) == (0, 0)
    for f in sorted(p.name for p in (tmp_path / "out1").iterdir()):
        assert (tmp_path / "out1" / f).read_bytes() == (tmp_path / "out2" / f).read_bytes(), f
    _article(raw, "a3", "Troops shelled villages outside Mosul on Friday.")
    added = build.build(raw, tmp_path / "out3", log=lambda m: None, cache_dir=cache_dir)
    assert (added["parsed"], added["reextracted"]) == (1, 0)
    monkeypatch.setattr(build, "extractor_version", lambda model_version: "an edited lexicon")
    edited = build.build(raw, tmp_path / "out4", log=lambda m: None, cache_dir=cache_dir)
    assert (edited["parsed"], edited["reextracted"]) == (0, 3)
    fresh = build.build(raw, tmp_path / "out5", log=lambda m: None)  # no cache at all
    for f in sorted(p.name for p in (tmp_path / "out5").iterdir()):
        assert (tmp_path / "out4" / f).read_bytes() == (tmp_path / "out5" / f).read_bytes(), f
