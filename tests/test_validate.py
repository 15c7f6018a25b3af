"""Data checks beyond the schema."""
import datetime as dt

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
