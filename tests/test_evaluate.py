"""Scoring against gold records: pipeline/evaluate/events.py."""
import pandas as pd
import pytest

from pipeline.evaluate.events import gold_locations, score_evloc


def record(rid, text, verb, loc_start, loc_end, loc_text):
    v = text.index(verb)
    return {"id": rid, "text": text, "answer": "accept", "spans": [
        {"start": v, "end": v + len(verb), "label": "VERB", "text": verb},
        {"start": loc_start, "end": loc_end, "label": "LOCATION", "text": loc_text}]}


TEXT = "Rebels attacked Upper Wadi village on Monday."


def test_character_spans_are_read_as_characters():
    start = TEXT.index("Upper Wadi")
    spans, how = gold_locations(record(1, TEXT, "attacked", start, start + 10, "Upper Wadi"))
    assert (spans, how) == ([(start, start + 10)], "chars")


@pytest.mark.parametrize("start,end,text", [
    (2, 3, "bel"),        # token indices 2..3 read as characters: a piece of "Rebels"
    (2, 2, ""),           # one token: an empty character span
])
def test_token_index_spans_are_read_as_tokens(start, end, text):
    spans, how = gold_locations(record(1, TEXT, "attacked", start, end, text))
    first = TEXT.index("Upper")
    last = TEXT.index("Wadi") + 4 if end == 3 else first + 5
    assert (spans, how) == ([(first, last)], "tokens")


def test_a_span_beyond_the_tokens_leaves_the_record_unusable():
    assert gold_locations(record(1, TEXT, "attacked", 40, 90, "x")) == ([], "unusable")


def test_evloc_scores_token_indexed_gold_apart_and_repaired():
    up = TEXT.index("Upper")
    gold = [record("a", TEXT, "attacked", up, up + 10, "Upper Wadi"),
            record("b", TEXT, "attacked", 2, 3, "bel")]
    events = pd.DataFrame({"source_id": ["a", "b"], "trigger_text": ["attacked", "attacked"],
                           "place_id": ["p1", "p1"]})
    mentions = pd.DataFrame({"source_id": ["a", "b"], "place_id": ["p1", "p1"],
                             "start": [up, up], "end": [up + 10, up + 10]})
    s = score_evloc(gold, events, mentions)
    assert s["event_found"] == 1.0
    assert s["location_accuracy"] == 0.5          # the shared scorer's reading
    assert s["gold_token_offsets_n"] == 1.0
    assert s["location_accuracy_gold_repaired"] == 1.0
    assert s["location_accuracy_found_gold_repaired"] == 1.0


def test_evloc_repaired_gold_still_marks_a_wrong_place_wrong():
    gold = [record("b", TEXT, "attacked", 2, 3, "bel")]
    events = pd.DataFrame({"source_id": ["b"], "trigger_text": ["attacked"], "place_id": ["p9"]})
    mentions = pd.DataFrame({"source_id": ["b"], "place_id": ["p9"], "start": [0], "end": [6]})
    s = score_evloc(gold, events, mentions)
    assert s["location_accuracy_gold_repaired"] == 0.0


def test_geo_scores_named_toponyms_apart_from_common_noun_expressions():
    from pipeline.evaluate.geo import score_geo
    text = "Police in Lyon said the area near the court was closed."
    spans = {w: (text.index(w), text.index(w) + len(w)) for w in ("Lyon", "area", "court")}
    gold = [{"id": "g", "text": text, "toponyms": [
        {"start": spans["Lyon"][0], "end": spans["Lyon"][1], "type": "Literal",
         "lat": 45.75, "lon": 4.85, "geonameid": 2996944},
        {"start": spans["area"][0], "end": spans["area"][1], "type": "Literal_Expression"},
        {"start": spans["court"][0], "end": spans["court"][1], "type": "Literal_Expression"}]}]
    mentions = pd.DataFrame({"source_id": ["g"], "place_id": ["p1"],
                             "start": [spans["Lyon"][0]], "end": [spans["Lyon"][1]]})
    places = pd.DataFrame({"place_id": ["p1"], "latitude": [45.75], "longitude": [4.85],
                           "geonames_id": ["2996944"]})
    s = score_geo(gold, mentions, places)
    assert s["recall"] == pytest.approx(1 / 3)
    assert (s["toponym_precision"], s["toponym_recall"], s["toponym_f1"]) == (1.0, 1.0, 1.0)
    assert s["toponym_gold_n"] == 1.0
    assert (s["recall_Literal"], s["recall_Literal_Expression"]) == (1.0, 0.0)
    assert (s["acc_161km"], s["exact_id"]) == (1.0, 1.0)
