"""Data checks beyond the schema."""
import datetime as dt

import pytest

from pipeline import validate
from tests.test_package import tiny_tables


def test_consistent_tables_pass_the_data_checks():
    assert validate.check_tables(tiny_tables()) == []


def test_offsets_that_miss_their_text_are_errors():
    t = tiny_tables()
    t["place_mentions"].loc[0, "start"] = 17
    errors = validate.check_tables(t)
    assert len(errors) == 1 and "place_mentions" in errors[0]


def test_evidence_without_trigger_and_future_dates_are_errors():
    t = tiny_tables()
    t["events"].loc[0, "evidence_text"] = "Something else entirely."
    t["events"]["event_date"] = [dt.date(2018, 1, 1)]
    errors = validate.check_tables(t)
    assert any("does not contain its trigger" in e for e in errors)
    assert any("after publication" in e for e in errors)


def test_an_incident_must_be_an_event_of_the_same_article():
    t = tiny_tables()
    assert validate.check_tables(t) == []
    t["events"].loc[0, "incident_id"] = "effffffffffffff0"
    errors = validate.check_tables(t)
    assert len(errors) == 1 and "is no event of its article" in errors[0]


def test_a_place_outside_its_country_is_an_error():
    t = tiny_tables()
    iraq = {"IRQ": (29.0, 37.4, 38.8, 48.6)}
    assert validate.check_tables(t, iraq) == []
    t["places"].loc[0, "latitude"] = -33.9
    errors = validate.check_tables(t, iraq)
    assert len(errors) == 1 and "outside IRQ" in errors[0]


def test_country_boxes_come_from_the_gazetteer(tmp_path):
    import sqlite3
    db = tmp_path / "g.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE places (country_code TEXT, latitude REAL, longitude REAL)")
    con.executemany("INSERT INTO places VALUES (?, ?, ?)", [("IRQ", 30.5, 47.8), ("IRQ", 36.3, 43.1), ("FRA", 48.9, 2.3)])
    con.commit()
    con.close()
    assert validate.country_bboxes(db)["IRQ"] == (30.5, 36.3, 43.1, 47.8)


def test_parquet_is_validated_batch_by_batch_and_errors_in_later_batches_are_found(tmp_path, monkeypatch):
    import pandas as pd
    from frictionless import Resource, system

    from pipeline import package
    from tests.test_package import PROV, tiny_tables

    tables = tiny_tables()
    one = tables["places"].iloc[0]
    rows = [dict(one, place_id=f"gn:{n}", geonames_id=n) for n in range(1, 6)]
    rows[3]["latitude"] = 123.0  # the fourth row: in the second batch of two
    tables["places"] = pd.concat([tables["places"], pd.DataFrame(rows).astype(tables["places"].dtypes)],
                                 ignore_index=True)
    desc = package.write_package(tables, tmp_path, PROV)
    parser = system.create_parser(Resource(path=str(tmp_path / "places.parquet")))
    assert isinstance(parser, validate.StreamingParquetParser)
    monkeypatch.setattr(validate, "PARQUET_BATCH_ROWS", 2)
    with pytest.raises(validate.ValidationFailed) as err:
        validate.validate_package(desc)
    assert "places-parquet: constraint-error" in str(err.value) and "latitude" in str(err.value)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_duplicate_primary_keys_fail_validation_in_both_formats(tmp_path, fmt):
    import pandas as pd

    from pipeline import package
    from tests.test_package import PROV, tiny_tables

    tables = tiny_tables()
    tables["places"] = pd.concat([tables["places"], tables["places"]], ignore_index=True)
    desc = package.write_package(tables, tmp_path, PROV)
    name = "places-parquet" if fmt == "parquet" else "places"
    _, _, errors = validate._validate_resource((str(desc), name, 50))
    assert any("primary-key" in e and "occurs 2 times" in e for e in errors), errors
    with pytest.raises(validate.ValidationFailed, match="primary-key"):
        validate.validate_package(desc)


def test_a_long_article_with_quotes_and_line_breaks_validates_in_csv(tmp_path):
    from pipeline import package
    from tests.test_package import PROV, tiny_tables

    tables = tiny_tables()
    body = tables["articles"].loc[0, "body_text"]
    # about 3 MB: longer than DuckDB's default CSV line, with every quote doubled in the file
    tables["articles"].loc[0, "body_text"] = body + ('\n"He said: ""no"", twice."' * 120_000)
    desc = package.write_package(tables, tmp_path, PROV)
    assert (tmp_path / "articles.csv").stat().st_size > 3_000_000
    _, _, errors = validate._validate_resource((str(desc), "articles", 50))
    assert errors == []
