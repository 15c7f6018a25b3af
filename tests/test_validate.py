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
