"""The schema files are the single source of truth; these tests keep them coherent."""
import pyarrow as pa
import pytest

from pipeline import schemas


def test_every_defined_field_is_used_by_some_table():
    used = {f for spec in schemas.tables().values() for f in spec["fields"]}
    unused = set(schemas.fields()) - used
    assert not unused, f"fields defined but used by no table: {sorted(unused)}"


def test_field_names_follow_the_naming_convention():
    allowed_plain = {"title", "url", "status", "reason", "start", "end", "latitude", "longitude",
                     "population", "aliases", "fatalities", "confidence", "quad_class",
                     "cameo_root", "duplicate_of", "mention_kind", "dateline_place"}
    suffixes = ("_id", "_code", "_name", "_date", "_count", "_text", "_index", "_kind",
                "_type", "_mode", "_precision", "_score", "_file", "_number", "_role",
                "_start", "_end")
    for name in schemas.fields():
        assert (name in allowed_plain or name.endswith(suffixes) or name.startswith("is_")), name


def test_keys_name_fields_of_their_tables_and_references_exist():
    tables = schemas.tables()
    for name, spec in tables.items():
        assert set(spec["primary_key"]) <= set(spec["fields"]), name
        for fk in spec.get("foreign_keys", []):
            assert set(fk["fields"]) <= set(spec["fields"]), name
            assert fk["table"] in tables
            assert fk["reference"] == tables[fk["table"]]["primary_key"]


def test_arrow_and_frictionless_schemas_agree_on_columns():
    for table in schemas.table_names():
        arrow = schemas.arrow_schema(table)
        fl = schemas.frictionless_schema(table)
        assert arrow.names == [f["name"] for f in fl["fields"]]
        assert all(f["type"] in schemas.ARROW_TYPES for f in fl["fields"])
    assert schemas.arrow_schema("places").field("latitude").type == pa.float64()
    lat = next(f for f in schemas.frictionless_schema("places")["fields"] if f["name"] == "latitude")
    assert lat["constraints"] == {"minimum": -90, "maximum": 90}


def test_enums_become_constraints():
    fl = schemas.frictionless_schema("events")
    etype = next(f for f in fl["fields"] if f["name"] == "event_type")
    assert "ASSAULT" in etype["constraints"]["enum"] and len(etype["constraints"]["enum"]) == 16


def _place(pid, name="X"):
    return {"place_id": pid, "place_name": name, "geonames_id": int(pid[3:]), "feature_code": "PPL",
            "country_code": "IRQ", "admin1_name": None, "latitude": 1.0, "longitude": 2.0,
            "population": None}


def test_enforce_orders_columns_casts_and_sorts_by_primary_key():
    df = schemas.enforce("places", [_place("gn:2", "B"), _place("gn:1", "A")])
    assert list(df.columns) == schemas.tables()["places"]["fields"]
    assert list(df["place_id"]) == ["gn:1", "gn:2"]
    assert str(df["geonames_id"].dtype) == "Int64"
    assert df["population"].isna().all()


def test_enforce_rejects_duplicate_keys_and_unknown_columns():
    with pytest.raises(schemas.SchemaError, match="duplicate primary key"):
        schemas.enforce("places", [_place("gn:1"), _place("gn:1")])
    with pytest.raises(schemas.SchemaError, match="unexpected columns"):
        schemas.enforce("places", [dict(_place("gn:1"), colour="red")])


def test_enforce_accepts_an_empty_table():
    df = schemas.enforce("events", [])
    assert len(df) == 0 and list(df.columns) == schemas.tables()["events"]["fields"]


def test_order_by_names_fields_and_makes_rows_unique():
    for table, spec in schemas.tables().items():
        order = schemas.order_by(table)
        assert set(order) <= set(spec["fields"]), table
    # events are ordered article by article, so the build can write them as it goes
    assert schemas.order_by("events")[0] == "article_id"
    assert schemas.order_by("place_mentions") == ["article_id", "start", "end"]
