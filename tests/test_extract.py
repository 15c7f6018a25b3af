"""Per-article extraction: pipeline/extract.py."""
import datetime as dt

import pytest

from pipeline.extract import extract_article, load_resources, roundup_sections
from pipeline.nlp import load_model, sentence_indexes

ROUNDUP = (
    "World news in brief\n\n"
    "ISRAEL: Israeli aircraft struck a house in Khan Younis on Tuesday, killing five people, "
    "the Gaza health ministry said.\n\n"
    "PHILIPPINES: Soldiers killed three suspected communist rebels in a clash in Negros "
    "Occidental province on Tuesday, the army said.\n\n"
    "PERU: Thousands of miners blocked roads in Arequipa on Monday to protest a new mining "
    "law. Police used tear gas to clear one highway.\n")


@pytest.fixture(scope="module")
def res():
    return load_resources(load_model())


def extract(res, text):
    doc = res.nlp(text)
    return doc, extract_article(doc, {"article_id": "a1", "title": "", "published_date": dt.date(2024, 6, 5)}, res)


def test_each_section_of_a_roundup_is_its_own_story(res):
    _doc, out = extract(res, ROUNDUP)
    actors = {a["actor_id"]: a for a in out["actors"]}
    by = {e["trigger_text"]: e for e in out["events"]}
    # bare soldiers and police are of their section's country, not of the first one named
    assert actors[by["killed"]["source_actor_id"]]["country_code"] == "PHL"
    assert actors[by["used tear gas"]["source_actor_id"]]["country_code"] == "PER"
    # ... and an act in one section joins no incident of another
    assert by["killed"]["incident_id"] != by["struck"]["incident_id"]
    assert by["killed"]["fatalities"] == 3


def test_rows_of_a_roundups_sections_carry_the_articles_offsets(res):
    doc, out = extract(res, ROUNDUP)
    sent = sentence_indexes(doc)
    for e in out["events"]:
        assert ROUNDUP[e["trigger_start"]:e["trigger_end"]] == e["trigger_text"]
        assert sent[doc.char_span(e["trigger_start"], e["trigger_end"], alignment_mode="expand").start] \
            == e["sentence_index"]
    for m in out["place_mentions"] + out["actor_mentions"]:
        assert ROUNDUP[m["start"]:m["end"]] == m["mention_text"]
        assert sent[doc.char_span(m["start"], m["end"], alignment_mode="expand").start] == m["sentence_index"]
    assert len({e["event_id"] for e in out["events"]}) == len(out["events"])


@pytest.mark.parametrize("text,sections", [
    (ROUNDUP, 4),
    ("SMITH: We were attacked at night.\n\nJONES: The police came later.\n\nSMITH: They left.", 0),
    ("NEW DELHI: The government said on Monday it would talk.\n\nIt gave no date.", 0),
    ("Mali, 3 June: Gunmen attacked a village near Mopti.\n\n- Kenya: Police arrested ten people.\n\n"
     "Chad - 4 June: Floods hit N'Djamena.", 3),
    ("Smith: We were attacked at night.\n\nJones: The police came later.", 0),
])
def test_only_paragraphs_headed_by_places_make_a_roundup(res, text, sections):
    """Speakers of a transcript are no sections, and one dateline makes no round-up."""
    assert len(roundup_sections(res.nlp(text), res.gazetteer)) == sections


def test_a_church_named_by_its_denomination_is_no_place_of_an_event(res):
    _doc, out = extract(res, "Rebels freed four hostages on Sunday after mediation by the Catholic Church.")
    assert not any(p["place_name"] == "Catholic Church" for p in out["places"])
    assert all(e["place_id"] is None for e in out["events"])


def test_a_site_named_with_a_countrys_possessive_lies_in_that_country(res):
    _doc, out = extract(res, "SANAA, Yemen - Houthi rebels said on Monday they had fired a missile at Israel's Ben "
                             "Gurion Airport. Israeli jets later struck the port of Hodeidah.")
    airport = next(p for p in out["places"] if "Ben Gurion" in p["place_name"])
    assert airport["country_code"] == "ISR"


def test_an_unplaced_name_the_gazetteer_knows_in_one_country_only_takes_that_country(res):
    _doc, out = extract(res, "Hungary extradited two Chinese nationals to Beijing on Monday.\n\nThe Netherlands deported "
                             "40 asylum seekers to Rome.\n\nHamas handed over the bodies of four hostages to the Red "
                             "Cross in Khan Younis.")
    place = next(p for p in out["places"] if p["place_name"].startswith("Kh"))
    assert place["country_code"] == "PSE"


def test_a_violent_act_without_a_doer_is_its_countrys_unidentified_armed_groups(res):
    _doc, out = extract(res, "A car bomb exploded outside a market in Mosul on Friday, killing nine people, police said.\n\n"
                       "Jets struck targets near Raqqa on Saturday, killing four people.")
    rows = {e["trigger_text"]: e for e in out["events"]}
    bomb = next(e for t, e in rows.items() if t.startswith("exploded") or t.startswith("killing"))
    assert bomb["source_actor_id"] == "IRQ-UAF"
    assert any(a["actor_id"] == "IRQ-UAF" and a["sector_code"] == "UAF" for a in out["actors"])
    # (an air strike's doer is an army the text does not name, no armed group)
    assert not any(str(e["source_actor_id"]).endswith("-UAF") for e in out["events"] if e["event_mode"] == "aerial")


def test_the_parse_step_keeps_each_texts_string_for_its_readers(res):
    from pipeline.extract import parse_batch
    from pipeline.nlp import doc_text
    texts = ["Gunmen attacked a bus near Gao.", "Police arrested 12 people in Lagos on Monday."]
    docs, _fresh = parse_batch(texts, res)
    assert [d.user_data.get("text") for d in docs] == texts and [doc_text(d) for d in docs] == texts


@pytest.mark.parametrize("text, dead", [
    ("Gunmen killed 11 herders near Gashua on Saturday. The toll rose to 15 on Sunday.", 15),
    ("Gunmen killed 11 herders near Gashua on Saturday. On Sunday, two wounded men died in hospital.", 13),
])
def test_a_dated_toll_update_is_the_event_s_toll(res, text, dead):
    _doc, out = extract(res, text)
    assert sum(e["fatalities"] or 0 for e in out["events"]) == dead and len(out["events"]) == 1


TITLED_ROUNDUP = (
    "Burkina Faso, 2 June: Suspected JNIM militants attacked an army post near Djibo, killing 12 soldiers.\n\n"
    "Zimbabwe: Police arrested 20 opposition activists in Harare on Monday.\n")


def test_a_title_case_header_opens_a_section_and_names_no_actor(res):
    _doc, out = extract(res, TITLED_ROUNDUP)
    actors = {a["actor_id"]: a for a in out["actors"]}
    by = {e["trigger_text"]: e for e in out["events"]}
    assert by["attacked"]["source_actor_id"] == "JNIM"
    assert actors[by["arrested"]["source_actor_id"]]["actor_id"] == "ZWE-COP"
    assert all(m["mention_text"] not in ("Burkina Faso", "Zimbabwe") for m in out["actor_mentions"])
