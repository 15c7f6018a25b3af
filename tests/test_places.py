"""Toponym recognition and resolution on small texts built here."""
import pytest

from pipeline.gazetteer import PLACE_FIELDS, load_gazetteer
from pipeline.nlp import load_model
from pipeline.places import find_places


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def places_in(nlp, gaz, text, context=None):
    return find_places(nlp(text), gaz, context)


def by_text(mentions):
    return {m["mention_text"]: m for m in mentions}


def test_mentions_are_sorted_non_overlapping_and_offsets_match(nlp, gaz):
    text = "Iraqi forces advanced on Mosul.\nLater they reached Baghdad and Tikrit in Iraq."
    ms = places_in(nlp, gaz, text)
    assert ms
    for a, b in zip(ms, ms[1:]):
        assert a["end"] <= b["start"]
    for m in ms:
        assert text[m["start"]:m["end"]] == m["mention_text"]
        assert m["place"] is None or tuple(m["place"]) == PLACE_FIELDS
        assert m["resolution_score"] is None or 0 <= m["resolution_score"] <= 1
    assert by_text(ms)["Baghdad"]["sentence_index"] == 1


def test_demonym_is_a_country_reference(nlp, gaz):
    ms = by_text(places_in(nlp, gaz, "Troops advanced on Mosul near the Iraqi border on Sunday."))
    assert ms["Iraqi"]["mention_kind"] == "demonym"
    assert ms["Iraqi"]["place"]["country_code"] == "IRQ"
    assert ms["Iraqi"]["place"]["feature_code"] == "PCLI"
    assert ms["Mosul"]["mention_kind"] == "name"
    assert ms["Mosul"]["place"]["geonames_id"] == 99072


def test_gazetteer_overrules_ner_for_small_iraqi_towns(nlp, gaz):
    ms = by_text(places_in(nlp, gaz, "Troops cleared the last districts of Ramadi and moved on to al-Qaim and Husaybah near the Syrian border."))
    assert ms["al-Qaim"]["place"]["country_code"] == "IRQ"
    assert ms["Husaybah"]["place"]["country_code"] == "IRQ"


def test_transliteration_and_province_forms_resolve(nlp, gaz):
    ms = by_text(places_in(nlp, gaz, "Clashes were reported in Deir el-Zour province, in eastern Syria."))
    place = ms["Deir el-Zour"]["place"]
    assert place["country_code"] == "SYR" and place["feature_code"] == "ADM1"


def test_qualifier_after_comma_picks_the_us_athens(nlp, gaz):
    ms = by_text(places_in(nlp, gaz, "The festival returns to Athens, Georgia, next spring."))
    assert ms["Athens"]["place"]["country_code"] == "USA"
    assert ms["Athens"]["place"]["admin1_name"] == "Georgia"


def test_without_context_the_largest_athens_wins(nlp, gaz):
    ms = by_text(places_in(nlp, gaz, "Protesters gathered in Athens on Tuesday."))
    assert ms["Athens"]["place"]["country_code"] == "GRC"


def test_one_sense_per_article(nlp, gaz):
    text = "Officials in Athens, Georgia, said the game was moved. Fans in Athens were disappointed."
    athens = [m for m in places_in(nlp, gaz, text) if m["mention_text"] == "Athens"]
    assert len(athens) == 2
    assert athens[0]["place"] == athens[1]["place"]
    assert athens[0]["place"]["country_code"] == "USA"


def test_article_places_pull_ambiguous_names_together(nlp, gaz):
    text = "Patients from Colchester and Chelmsford were flown to London after the crash near Ipswich."
    ms = by_text(places_in(nlp, gaz, text))
    assert ms["Colchester"]["place"]["country_code"] == "GBR"


def test_dateline_supplies_context(nlp, gaz):
    text = "Police said the suspect was arrested in Springfield on Monday."
    ms = by_text(places_in(nlp, gaz, text, {"dateline_place": "Chicago"}))
    assert ms["Springfield"]["place"]["admin1_name"] == "Illinois"


def test_person_and_organisation_names_are_not_toponyms(nlp, gaz):
    ms = by_text(places_in(nlp, gaz, "George Washington spoke to reporters from Reuters about the Ford Foundation."))
    assert "George Washington" not in ms and "Washington" not in ms
    assert "Reuters" not in ms


def test_countries_sit_at_their_own_point(nlp, gaz):
    ms = by_text(places_in(nlp, gaz, "Turkey closed its border."))
    p = ms["Turkey"]["place"]
    assert (round(p["latitude"]), round(p["longitude"])) == (39, 35)


def test_unknown_place_name_is_left_unresolved(nlp, gaz):
    ms = by_text(places_in(nlp, gaz, "Shelling hit Qwertzburgh overnight, residents in Qwertzburgh said."))
    for m in ms.values():
        if "Qwertzburgh" in m["mention_text"]:
            assert m["place"] is None and m["resolution_score"] is None


def test_country_named_with_and_is_one_toponym(nlp, gaz):
    ms = places_in(nlp, gaz, "The prime minister said that Trinidad and Tobago failed to attend the meeting.")
    tt = [m for m in ms if m["mention_text"] == "Trinidad and Tobago"]
    assert tt and tt[0]["place"]["country_code"] == "TTO" and tt[0]["place"]["feature_code"] == "PCLI"


def test_a_name_holding_its_generic_word_is_looked_up_whole(nlp, gaz):
    ms = by_text(places_in(nlp, gaz, "Protesters gathered in Quebec City on Monday."))
    assert ms["Quebec City"]["place"]["country_code"] == "CAN"


def test_a_large_city_beats_the_division_of_the_same_name(nlp, gaz):
    ms = by_text(places_in(nlp, gaz, "He flew from Lagos to London on Monday."))
    assert ms["Lagos"]["place"]["feature_code"].startswith("PPL")
    ms = by_text(places_in(nlp, gaz, "Voters in Lagos State went to the polls."))
    lagos = next(m for t, m in ms.items() if t.startswith("Lagos"))
    assert lagos["place"]["feature_code"] == "ADM1"


def test_place_at_the_start_of_an_organisation_name_is_a_toponym(nlp, gaz):
    ms = places_in(nlp, gaz, "A spokesman for the Toronto Police Service declined to comment.")
    toronto = [m for m in ms if m["mention_text"] == "Toronto"]
    assert toronto and toronto[0]["place"]["country_code"] == "CAN"


def test_us_in_capitals_is_the_country_and_lower_case_us_is_not_a_place(nlp, gaz):
    ms = places_in(nlp, gaz, "The US said on Monday that sanctions would follow.")
    us = [m for m in ms if m["mention_text"] == "US"]
    assert us and us[0]["place"]["country_code"] == "USA"
    assert not places_in(nlp, gaz, "They told us the road was closed.")


def test_lower_case_generic_word_after_a_name(nlp, gaz):
    ms = places_in(nlp, gaz, "The judge was shot dead after evening prayers in Farah city, southwest of Kabul.")
    farah = [m for m in ms if m["mention_text"].startswith("Farah")]
    assert farah and farah[0]["place"]["country_code"] == "AFG"


def test_unresolved_square_is_placed_only_when_the_article_has_one_town(nlp, gaz):
    one = "Police in Istanbul closed Taksim Square on Sunday."
    two = "Police in Istanbul closed Taksim Square on Sunday, and protests spread to Ankara."
    square = [m for m in places_in(nlp, gaz, one) if m["mention_text"] == "Taksim Square"]
    assert square and square[0]["place"] and square[0]["place"]["country_code"] == "TUR"
    assert square[0]["resolution_score"] < 0.5
    square = [m for m in places_in(nlp, gaz, two) if m["mention_text"] == "Taksim Square"]
    assert square and square[0]["place"] is None


def test_a_large_city_keeps_its_name_when_a_state_holds_a_village_of_it(nlp, gaz):
    # Ohio and Mississippi each hold a small Louisville; naming the states must not pull the
    # city of 600,000 there
    text = ("Ohio State beat Mississippi State on Saturday. Next week the team travels to "
            "Louisville to face the Cardinals in Ohio.")
    place = by_text(places_in(nlp, gaz, text))["Louisville"]["place"]
    assert place is not None and place["admin1_name"] == "Kentucky"


def test_city_and_qualifier_in_one_entity_resolve_as_one_name(nlp, gaz):
    ms = places_in(nlp, gaz, "The protest moved from Seattle to Washington, D.C. on Monday.")
    hit = [m for m in ms if m["mention_text"].startswith("Washington")]
    assert hit and hit[0]["place"] is not None
    assert abs(hit[0]["place"]["latitude"] - 38.9) < 0.5 and abs(hit[0]["place"]["longitude"] + 77.0) < 0.5


def test_world_regions_resolve_to_their_geonames_features(nlp, gaz):
    ms = by_text(places_in(nlp, gaz, "Tension on the Korean Peninsula worried traders in North Africa."))
    assert ms["Korean Peninsula"]["place"]["geonames_id"] == 11494804
    assert ms["North Africa"]["place"]["geonames_id"] == 7729887


def test_a_demonym_that_only_says_whose_an_actor_is_is_not_a_place(nlp, gaz):
    text = "Russian diplomats and the Iraqi and Turkish governments met in Geneva near the Syrian border."
    ms = by_text(places_in(nlp, gaz, text))
    assert "Russian" not in ms and "Iraqi" not in ms and "Turkish" not in ms
    assert ms["Syrian"]["mention_kind"] == "demonym" and ms["Syrian"]["place"]["country_code"] == "SYR"
    assert ms["Geneva"]["place"]["country_code"] == "CHE"


def test_abbreviated_country_names_with_full_stops_are_toponyms(nlp, gaz):
    ms = by_text(places_in(nlp, gaz, "In the U.S., the family makes the decision."))
    assert ms["U.S."]["place"]["geonames_id"] == 6252001
