"""Actor mentions: lexicon aliases, country + agent nouns, people with titles, back-references."""
import pytest

from pipeline.actors import find_actors, load_actor_lexicon, merge_actor_records
from pipeline.nlp import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.fixture(scope="module")
def lex():
    return load_actor_lexicon()


def _ids(nlp, lex, text, places=()):
    doc = nlp(text)
    return {m["mention_text"]: m["actor"] for m in find_actors(doc, lex, list(places))}


def test_aliases_collapse_to_one_actor(nlp, lex):
    found = _ids(nlp, lex, "Daesh lost ground. ISIS fighters fled and the Islamic State group retreated.")
    assert {a["actor_id"] for t, a in found.items() if t in ("Daesh", "ISIS", "Islamic State group")} == {"ISIL"}


def test_demonym_plus_agent_noun_with_coordination(nlp, lex):
    found = _ids(nlp, lex, "Iraqi and US forces recaptured the town.")
    assert found["Iraqi"]["actor_id"] == "IRQ-MIL"
    assert found["US forces"]["actor_id"] == "USA-MIL"
    assert found["US forces"]["country_code"] == "USA" and found["US forces"]["sector_code"] == "MIL"


def test_government_forces_are_military(nlp, lex):
    found = _ids(nlp, lex, "Syrian government forces advanced.")
    assert found["Syrian government forces"]["actor_id"] == "SYR-MIL"


def test_person_with_title_and_country(nlp, lex):
    doc = nlp("Iraqi Prime Minister Haider al-Abadi visited the front.")
    ms = find_actors(doc, lex, [])
    person = next(m for m in ms if m["actor"]["actor_kind"] == "person")
    assert person["actor"]["actor_id"] == "per-haider-al-abadi"
    assert person["actor"]["country_code"] == "IRQ" and person["actor"]["sector_code"] == "GOV"
    assert person["actor_role"] == "Prime Minister"


def test_country_as_agent_but_not_as_location(nlp, lex):
    found = _ids(nlp, lex, "Iraq attacked the rebels in Syria.")
    assert found["Iraq"]["actor_id"] == "IRQ" and found["Iraq"]["actor_kind"] == "state"
    assert "Syria" not in found


def test_back_reference_to_named_group(nlp, lex):
    found = _ids(nlp, lex, "Islamic State seized the town. The jihadists then burned it.")
    assert found["jihadists"]["actor_id"] == "ISIL"


def test_unknown_organisation_kept_with_null_codes(nlp, lex):
    doc = nlp("The Zorbian Liberation Council said on Monday that it would meet.")
    ms = find_actors(doc, lex, [])
    assert any(m["actor"]["actor_id"].startswith("org-") for m in ms)


def test_mentions_sorted_non_overlapping_and_exact(nlp, lex):
    text = "Turkish police arrested protesters while NATO and the UN watched."
    doc = nlp(text)
    ms = find_actors(doc, lex, [])
    assert [m["start"] for m in ms] == sorted(m["start"] for m in ms)
    for a, b in zip(ms, ms[1:]):
        assert a["end"] <= b["start"]
    for m in ms:
        assert text[m["start"]:m["end"]] == m["mention_text"]
        assert set(m["actor"]) == {"actor_id", "actor_name", "actor_kind", "country_code", "sector_code", "aliases"}


def test_place_mention_demonym_gives_country(nlp, lex):
    text = "Ruritanian troops crossed the border."
    pm = {"start": 0, "end": 10, "mention_text": "Ruritanian", "mention_kind": "demonym", "sentence_index": 0,
          "resolution_score": 1.0, "place": {"place_id": "gn:1", "place_name": "Ruritania", "geonames_id": 1,
                                              "feature_code": "PCLI", "country_code": "RUR", "admin1_name": None,
                                              "latitude": 0.0, "longitude": 0.0, "population": None}}
    found = _ids(nlp, lex, text, [pm])
    assert found["Ruritanian troops"]["actor_id"] == "RUR-MIL"


def test_merge_prefers_most_frequent_country():
    recs = [{"actor_id": "per-x", "actor_name": "X", "actor_kind": "person", "country_code": c,
             "sector_code": None, "aliases": [a]} for c, a in [("IRQ", "X"), (None, "Mr X"), ("IRQ", "X"), ("SYR", "X")]]
    merged = merge_actor_records(recs)["per-x"]
    assert merged["country_code"] == "IRQ" and merged["aliases"] == ["Mr X", "X"]


def test_well_known_person_by_surname_has_country_and_sector(nlp, lex):
    found = _ids(nlp, lex, "On Monday Putin offered to negotiate with Armenia.")
    assert found["Putin"]["actor_id"] == "per-vladimir-putin"
    assert (found["Putin"]["country_code"], found["Putin"]["sector_code"]) == ("RUS", "GOV")


def test_surname_inside_another_persons_name_is_not_the_famous_person(nlp, lex):
    found = _ids(nlp, lex, "Police questioned Ahmed Abbas, a shopkeeper, on Monday.")
    assert all(a["actor_id"] != "per-mahmoud-abbas" for a in found.values())


def test_person_name_before_agent_noun_is_that_persons_state(nlp, lex):
    found = _ids(nlp, lex, "The Assad regime rejected the proposal.")
    actor = next(a for t, a in found.items() if "regime" in t)
    assert (actor["country_code"], actor["sector_code"]) == ("SYR", "GOV")


def test_demonym_before_event_noun_names_the_acting_country(nlp, lex):
    found = _ids(nlp, lex, "Israeli air strikes hit the camp.")
    assert (found["Israeli"]["country_code"], found["Israeli"]["sector_code"]) == ("ISR", "MIL")


def test_agent_phrase_takes_country_of_attached_place(nlp, lex):
    found = _ids(nlp, lex, "Opposition groups in Zimbabwe are demanding reforms.")
    assert next(a for t, a in found.items() if t.startswith("Opposition"))["country_code"] == "ZWE"
