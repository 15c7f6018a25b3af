"""Writing and validating the data package."""
import datetime as dt
import json

import pandas as pd
import pytest

from pipeline import package, schemas, validate

AID = "a0123456789abcde"


def tiny_tables(place_id_in_event="gn:99072"):
    rows = {
        "articles": [dict(article_id=AID, source_id="x", source_file="x.txt", title="T",
                          body_text="Iraqi forces took Mosul.", url=None, source_name=None,
                          published_date=dt.date(2017, 11, 3), dateline_place=None,
                          language_code="en", word_count=4, removed_char_count=0)],
        "ingest_log": [dict(source_file="x.txt", line_number=None, source_id="x", status="accepted",
                            reason=None, article_id=AID, duplicate_of=None, removed_char_count=0)],
        "places": [dict(place_id="gn:99072", place_name="Mosul", geonames_id=99072,
                        feature_code="PPLA", country_code="IRQ", admin1_name="Nineveh",
                        latitude=36.335, longitude=43.119, population=None)],
        "place_mentions": [dict(article_id=AID, start=18, end=23, mention_text="Mosul",
                                mention_kind="name", sentence_index=0, place_id="gn:99072",
                                place_precision="exact", resolution_score=0.9,
                                unresolved_reason_code=None),
                           dict(article_id=AID, start=0, end=5, mention_text="Iraqi",
                                mention_kind="demonym", sentence_index=0, place_id=None,
                                place_precision=None, resolution_score=None,
                                unresolved_reason_code="not_in_gazetteer")],
        "actors": [dict(actor_id="IRQ-MIL", actor_name="Iraqi military", actor_kind="organization",
                        country_code="IRQ", sector_code="MIL", aliases="Iraqi forces")],
        "actor_mentions": [dict(article_id=AID, start=0, end=12, mention_text="Iraqi forces",
                                sentence_index=0, actor_id="IRQ-MIL", actor_role=None)],
        "events": [dict(event_id="e0123456789abcde", article_id=AID, sentence_index=0,
                        evidence_text="Iraqi forces took Mosul.", trigger_text="took",
                        trigger_start=13, trigger_end=17, event_type="ASSAULT", event_mode=None,
                        quad_class=4, cameo_root="19", acled_event_type="Battles", acled_sub_event_type="Armed clash",
                        source_actor_id="IRQ-MIL", target_actor_id=None,
                        place_id=place_id_in_event, event_date=dt.date(2017, 11, 3),
                        date_precision="day", date_text=None, fatalities=None, injured_count=3,
                        is_negated=False, is_hypothetical=False, confidence=0.8,
                        incident_id="e0123456789abcde", event_cluster_id="c0123456789abcde", source_count=1)],
    }
    return {t: schemas.enforce(t, r) for t, r in rows.items()}


PROV = {"model": "m 1", "gazetteer": "g 1", "corpus_sha256": "0" * 64}


def test_package_validates_and_round_trips_dtypes(tmp_path):
    desc = package.write_package(tiny_tables(), tmp_path, PROV)
    checked = validate.validate_package(desc)
    assert checked["events"] == 1 and checked["events-parquet"] == 1
    ev = pd.read_parquet(tmp_path / "events.parquet")
    assert str(ev["injured_count"].dtype) == "Int64" and ev["injured_count"][0] == 3
    assert str(ev["is_negated"].dtype) == "boolean"
    assert ev["event_date"][0] == dt.date(2017, 11, 3)
    csv = (tmp_path / "events.csv").read_text()
    assert ",false,false,0.8,e0123456789abcde,c0123456789abcde,1\n" in csv and "2017-11-03" in csv
    meta = json.loads(desc.read_text())
    names = {r["name"] for r in meta["resources"]}
    assert {"events", "events-parquet", "ingest_log", "ingest_log-parquet"} <= names
    assert meta["corpus_sha256"] == "0" * 64 and meta["version"]


def test_broken_foreign_key_fails_validation_in_both_formats(tmp_path):
    desc = package.write_package(tiny_tables(place_id_in_event="gn:1"), tmp_path, PROV)
    with pytest.raises(validate.ValidationFailed) as err:
        validate.validate_package(desc)
    assert "events: foreign-key" in str(err.value)
    assert "events-parquet: foreign-key" in str(err.value)


def test_out_of_range_latitude_fails_validation(tmp_path):
    tables = tiny_tables()
    tables["places"].loc[0, "latitude"] = 123.0
    desc = package.write_package(tables, tmp_path, PROV)
    with pytest.raises(validate.ValidationFailed, match="latitude"):
        validate.validate_package(desc)


def test_same_tables_give_byte_identical_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    package.write_package(tiny_tables(), a, PROV)
    package.write_package(tiny_tables(), b, PROV)
    for f in sorted(p.name for p in a.iterdir()):
        assert (a / f).read_bytes() == (b / f).read_bytes(), f


def test_citation_and_changelog_name_the_package_version():
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    assert f'version: "{package.DATASET_VERSION}"' in (root / "CITATION.cff").read_text()
    assert f"## {package.DATASET_VERSION}" in (root / "CHANGELOG.md").read_text()
