"""Events: triggers, types, participants, places, dates, casualties and flags."""
import datetime as dt

import pytest

from pipeline.actors import find_actors, load_actor_lexicon
from pipeline.events import find_events, load_event_lexicon
from pipeline.gazetteer import read_csv_rows
from pipeline.nlp import load_model

PUB = dt.date(2017, 11, 3)   # a Friday


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.fixture(scope="module")
def lexes():
    return load_actor_lexicon(), load_event_lexicon()


def place(text, name, pid, feature="PPLA", country="IRQ"):
    s = text.index(name)
    return {"start": s, "end": s + len(name), "mention_text": name, "mention_kind": "name", "sentence_index": 0,
            "resolution_score": 0.9, "place": {"place_id": pid, "place_name": name, "geonames_id": int(pid[3:]),
                                               "feature_code": feature, "country_code": country,
                                               "admin1_name": None, "latitude": 0.0, "longitude": 0.0,
                                               "population": 1000}}


def run(nlp, lexes, text, places=(), published=PUB):
    doc = nlp(text)
    actors = find_actors(doc, lexes[0], list(places))
    return find_events(doc, lexes[1], actors, list(places), published)


def run_placed(nlp, lexes, text, published=PUB):
    """Events of a text with its places found by the geoparser, and the names of those places."""
    from pipeline.gazetteer import load_gazetteer
    from pipeline.places import find_places
    doc = nlp(text)
    pms = find_places(doc, load_gazetteer())
    names = {p["place"]["place_id"]: p["place"]["place_name"] for p in pms if p.get("place")}
    return find_events(doc, lexes[1], find_actors(doc, lexes[0], pms), pms, published), names


def by_trigger(events, word):
    return next(e for e in events if word in e["trigger_text"])


def test_capture_with_passive_agent_and_place(nlp, lexes):
    text = "The town was captured by Iraqi forces in Anbar on Friday."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Anbar", "gn:2")]), "captured")
    assert ev["event_type"] == "ASSAULT" and ev["quad_class"] == 4
    assert ev["source_actor_id"] == "IRQ-MIL"
    assert ev["place_id"] == "gn:2"
    assert ev["event_date"] == PUB and ev["date_precision"] == "day" and ev["date_text"] == "on Friday"
    assert ev["evidence_text"] == text and text[ev["trigger_start"]:ev["trigger_end"]] == ev["trigger_text"]


def test_location_is_the_place_of_this_event(nlp, lexes):
    text = "Officials from Baghdad said troops shelled Mosul."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Baghdad", "gn:1"), place(text, "Mosul", "gn:4")]), "shelled")
    assert ev["place_id"] == "gn:4"
    assert ev["event_mode"] == "heavy-weapons" and ev["acled_event_type"] == "Explosions/Remote violence"


def test_threaten_is_not_an_assault(nlp, lexes):
    events = run(nlp, lexes, "Hezbollah threatened to attack Israel.")
    assert [e["event_type"] for e in events] == ["THREATEN"]
    assert events[0]["source_actor_id"] == "HEZBOLLAH" and events[0]["target_actor_id"] == "ISR"


def test_negation_and_hypothetical(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Iraqi troops did not attack the village."), "attack")
    assert ev["is_negated"] and not ev["is_hypothetical"]
    ev = by_trigger(run(nlp, lexes, "Turkey will attack the rebels."), "attack")
    assert ev["is_hypothetical"] and not ev["is_negated"]


def test_fatalities_and_injuries(nlp, lexes):
    events = run(nlp, lexes, "Rebels attacked the village, killing 12 people and wounding about 20.")
    assert sum(e["fatalities"] or 0 for e in events) == 12
    assert sum(e["injured_count"] or 0 for e in events) == 20


def test_remaining_fighters_are_not_fatalities(nlp, lexes):
    events = run(nlp, lexes, "Troops attacked the town, where some 300 fighters are estimated to remain.")
    assert all(e["fatalities"] is None for e in events)


def test_support_verb_makes_one_event(nlp, lexes):
    events = run(nlp, lexes, "Syrian government forces launched an offensive against Islamic State.")
    assert len(events) == 1
    ev = events[0]
    assert ev["trigger_text"] == "launched an offensive"
    assert ev["source_actor_id"] == "SYR-MIL" and ev["target_actor_id"] == "ISIL"


def test_reporting_verbs_and_questions_make_no_event(nlp, lexes):
    assert run(nlp, lexes, "The minister said on Friday that he told reporters everything.") == []
    assert run(nlp, lexes, "Did Iraq attack Kuwait?") == []


def test_no_publication_date_means_no_invented_date(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Police arrested ten protesters on Friday.", published=None), "arrested")
    assert ev["event_date"] is None and ev["date_precision"] == "unknown" and ev["date_text"] == "on Friday"
    assert ev["event_type"] == "COERCE" and ev["event_mode"] == "arrest"


def test_background_since_is_left_out(nlp, lexes):
    assert run(nlp, lexes, "The militants have attacked the city repeatedly since 2014.") == []
    # the participle that tells the toll of a long-running campaign shares its time
    assert run(nlp, lexes, "The militants have attacked the city repeatedly since 2014, killing hundreds.") == []
    events = run(nlp, lexes, "Fighting has raged since Friday, killing 40 people.")
    assert [e["fatalities"] for e in events] == [40]   # (the fighting's toll, one event)


def test_neutralised_by_an_armed_force_is_a_killing(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Soldiers neutralised 20 terrorists near the border on Sunday."), "neutralised")
    assert ev["event_type"] == "ASSAULT" and ev["event_mode"] is None
    assert run(nlp, lexes, "Engineers neutralised the acid spill.") == []


def test_protest_and_strike_senses(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Thousands of workers went on strike in Paris."), "strike")
    assert ev["event_type"] == "PROTEST"
    ev = by_trigger(run(nlp, lexes, "A US air strike hit a convoy."), "strike")
    assert ev["event_type"] == "ASSAULT" and ev["event_mode"] == "aerial"


def test_a_weapon_striking_is_no_labour_strike_whatever_party_the_sentence_names(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Turkish drones struck a truck outside Kobani on Friday, killing three members "
                                    "of the Kurdistan Workers' Party."), "struck")
    assert ev["event_type"] == "ASSAULT"
    ev = by_trigger(run(nlp, lexes, "Nurses struck across Kenya on Monday over unpaid wages."), "struck")
    assert (ev["event_type"], ev["event_mode"]) == ("PROTEST", "strike")
    ev = by_trigger(run(nlp, lexes, "The airline struck a deal with the Thai government on Monday after a jet "
                                    "crashed near Phuket."), "struck")
    assert ev["event_type"] == "SUPPORT"   # (PLOVER: finalizing an agreement)
    ev = by_trigger(run(nlp, lexes, "According to the police, a rocket struck a school in Kharkiv on Monday."), "struck")
    assert ev["event_type"] == "ASSAULT"


@pytest.mark.parametrize("text", ["Rioters set a bank on fire in Port Louis on Sunday.",
                                  "Jihadists set a clinic on fire in Diffa."])
def test_setting_a_thing_on_fire_is_destruction(nlp, lexes, text):
    ev = by_trigger(run(nlp, lexes, text), "set")
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", "destroy")


def test_event_dict_has_exactly_the_event_fields(nlp, lexes):
    ev = run(nlp, lexes, "Rebels attacked the base.")[0]
    assert set(ev) == {"sentence_index", "evidence_text", "trigger_text", "trigger_start", "trigger_end",
                       "event_type", "event_mode", "quad_class", "cameo_root", "acled_event_type", "acled_sub_event_type",
                       "source_actor_id", "target_actor_id", "place_id", "event_date", "date_precision",
                       "date_text", "fatalities", "injured_count", "is_negated", "is_hypothetical", "confidence",
                       "incident_of", "row_ordinal", "unnamed_doer_country"}
    assert ev["cameo_root"] == "19" and 0 <= ev["confidence"] <= 1
    assert ev["incident_of"] == (ev["trigger_start"], ev["trigger_end"])


def test_promised_cooperation_is_agree_and_must_is_request(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Ethiopia is willing to withdraw its soldiers from Somalia."), "withdraw")
    assert ev["event_type"] == "AGREE" and not ev["is_hypothetical"]
    ev = by_trigger(run(nlp, lexes, "The minister said Libya must release the prisoners."), "release")
    assert ev["event_type"] == "REQUEST"


def test_pronoun_subject_is_the_speaker_of_the_governing_verb(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Canada said on Friday it had halted military assistance to Myanmar."), "halted")
    assert ev["source_actor_id"] == "CAN"


def test_he_after_a_bodys_spokesman_is_that_body(nlp, lexes):
    events = run(nlp, lexes, "A Kenyan police spokesman said officers had arrested two suspects. "
                             "He accused the gang of robbing three banks.")
    assert by_trigger(events, "accused")["source_actor_id"] == "KEN-COP"


def test_the_purpose_of_an_alleged_act_is_alleged_too(nlp, lexes):
    events = run(nlp, lexes, "The minister accused the neighbouring state of sending fighters to back the rebels.")
    assert [e["event_type"] for e in events] == ["ACCUSE"]


def test_speaker_demanding_a_clause_is_the_source_of_a_request(nlp, lexes):
    events = run(nlp, lexes, "Germany said on Thursday that Iran must free the detained sailors.")
    req = next(e for e in events if e["event_type"] == "REQUEST")
    assert req["source_actor_id"] == "DEU" and req["target_actor_id"] == "IRN"


def test_refused_cooperation_is_a_rejection(nlp, lexes):
    events = run(nlp, lexes, "Kenya says it will not accept further shipments of fuel.")
    ev = by_trigger(events, "accept")
    assert ev["event_type"] == "REJECT" and ev["source_actor_id"] == "KEN"


def test_promise_on_condition_is_a_threat(nlp, lexes):
    events = run(nlp, lexes, "Nigeria announced that it will withdraw its troops from Chad unless the rebels agree.")
    assert by_trigger(events, "withdraw")["event_type"] == "THREATEN"


def test_war_in_the_background_is_no_event(nlp, lexes):
    events = run(nlp, lexes, "The charity will shelter families fleeing the war in Yemen.")
    assert not any("war" in e["trigger_text"] for e in events)


def test_speaker_is_not_the_source_of_a_reported_attack(nlp, lexes):
    events = run(nlp, lexes, "Iraqi officials said 12 people were killed in the attack.")
    assert all(e["source_actor_id"] != "IRQ-GOV" for e in events)


def test_discussed_attacks_have_no_discussing_source(nlp, lexes):
    events = run(nlp, lexes, "The UN Security Council discussed the attacks on Monday.")
    assert all(e["source_actor_id"] != "UNSC" for e in events if "attacks" in e["trigger_text"])


def test_demonym_before_air_strikes_is_the_source(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Israeli air strikes killed 12 people in Gaza."), "strikes")
    assert ev["source_actor_id"] == "ISR-MIL"


def test_willing_to_passes_the_subject_through(nlp, lexes):
    ev = run(nlp, lexes, "Burundi says it is now willing to withdraw its soldiers from Somalia.")
    assert by_trigger(ev, "withdraw")["source_actor_id"] == "BDI"


def test_people_counted_by_the_subject_are_the_source(nlp, lexes):
    ev = run(nlp, lexes, "Thousands of Nigerians were converging for a rally in Lagos.")
    assert by_trigger(ev, "rally")["source_actor_id"] == "NGA-CVL"


def test_victims_are_never_guessed_as_the_source(nlp, lexes):
    """The passive subject of "killed" names victims, so the nearest-actor guess skips it."""
    text = ("Late on Thursday, the mayor said 137 Ukrainians, soldiers and civilians, had been killed "
            "on the first day of the invasion and 316 wounded.")
    evs = run(nlp, lexes, text)
    assert by_trigger(evs, "killed")["target_actor_id"] == "UKR-CVL"
    assert all(e["source_actor_id"] is None for e in evs), [(e["trigger_text"], e["source_actor_id"]) for e in evs]


# ---------------------------------------------------------------- where the event happened

def places_of(text, *specs):
    """Place mentions for (name, feature) pairs, ids gn:1, gn:2 ... in the order given."""
    return [place(text, name, f"gn:{i}", feature) for i, (name, feature) in enumerate(specs, 1)]


def place_name(events, word, places):
    ev = by_trigger(events, word)
    return next((p["mention_text"] for p in places if p["place"]["place_id"] == ev["place_id"]), None)


def test_the_smaller_place_of_a_chain_wins(nlp, lexes):
    """"X in Y", "X, the capital of Y", "X village in Y area of Z state": Y and Z only locate X."""
    text = "German troops captured Brest-Litovsk in Russia."
    ps = places_of(text, ("Brest-Litovsk", "PPL"), ("Russia", "PCLI"))
    assert place_name(run(nlp, lexes, text, ps), "captured", ps) == "Brest-Litovsk"
    text = "Insurgents captured Maiduguri, the capital of Borno state."
    ps = places_of(text, ("Maiduguri", "PPLA"), ("Borno", "ADM1"))
    assert place_name(run(nlp, lexes, text, ps), "captured", ps) == "Maiduguri"
    text = "Bandits attacked Dogon Noma village in the Kauru council area of Kaduna state."
    ps = places_of(text, ("Dogon Noma", "PPL"), ("Kauru", "PPL"), ("Kaduna", "ADM1"))
    assert place_name(run(nlp, lexes, text, ps), "attacked", ps) == "Dogon Noma"


def test_of_two_attached_places_the_smaller_feature_wins(nlp, lexes):
    text = "Insurgents shot down a drone in the western countryside of Idlib province in northern Syria."
    ps = places_of(text, ("Idlib", "ADM1"), ("Syria", "PCLI"))
    assert place_name(run(nlp, lexes, text, ps), "shot", ps) == "Idlib"


def test_the_of_object_of_a_town_names_it(nlp, lexes):
    """"the West Bank town of Tulkarm": the town is Tulkarm even when the gazetteer gives both
    names the same size; "the Shaab neighbourhood of Baghdad": the neighbourhood is Shaab."""
    text = "Soldiers shot dead two men in the West Bank town of Tulkarm."
    ps = places_of(text, ("West Bank", "ADM1"), ("Tulkarm", "ADM1"))
    assert place_name(run(nlp, lexes, text, ps), "shot", ps) == "Tulkarm"
    text = "A bomb exploded in the Shaab neighbourhood of Baghdad."
    ps = places_of(text, ("Shaab", "PPLC"), ("Baghdad", "PPLC"))
    assert place_name(run(nlp, lexes, text, ps), "exploded", ps) == "Shaab"


def test_places_in_actor_names_and_origins_are_not_scenes(nlp, lexes):
    """A place inside an organisation's name, an actor's phrase or an actor's origin says who
    acted, not where: with no other place the event has none."""
    text = "The Sudan People's Liberation Army launched an offensive on Monday."
    ps = places_of(text, ("Sudan", "PCLI"))
    assert by_trigger(run(nlp, lexes, text, ps), "offensive")["place_id"] is None
    text = "The strait is patrolled by warships from France."
    ps = places_of(text, ("France", "PCLI"))
    assert by_trigger(run(nlp, lexes, text, ps), "patrolled")["place_id"] is None
    text = "A fighter jet shot down the EU delegation."
    ps = places_of(text, ("EU", "CONT"))
    assert by_trigger(run(nlp, lexes, text, ps), "shot")["place_id"] is None
    text = "The Sudan People's Liberation Army launched an offensive in Blue Nile State."
    ps = places_of(text, ("Sudan", "PCLI"), ("Blue Nile State", "ADM1"))
    assert place_name(run(nlp, lexes, text, ps), "offensive", ps) == "Blue Nile State"


def test_a_place_behind_a_preposition_that_says_what_about_loses(nlp, lexes):
    text = "Militants gunned down a teacher outside a college for Torah studies in Abyan."
    ps = places_of(text, ("Torah", "PPL"), ("Abyan", "ADM1"))
    assert place_name(run(nlp, lexes, text, ps), "gunned", ps) == "Abyan"


def test_the_place_of_the_triggers_own_clause_wins(nlp, lexes):
    text = "Four hundred farmers protest in Lusaka, and 300 farmers in Kitwe storm the district office."
    ps = places_of(text, ("Lusaka", "ADM1"), ("Kitwe", "PPL"))
    assert place_name(run(nlp, lexes, text, ps), "protest", ps) == "Lusaka"


def test_a_reference_point_at_a_distance_is_not_the_scene(nlp, lexes):
    text = "Troops shot dead three insurgents near the Kalar area, about 60 km southwest of Srinagar."
    ps = places_of(text, ("Kalar", "ADM2"), ("Srinagar", "PPL"))
    assert place_name(run(nlp, lexes, text, ps), "shot", ps) == "Kalar"


def test_a_relative_clause_where_takes_the_place_it_describes(nlp, lexes):
    text = "The statement named the Zubair suburb of Basra, where 14 civilians were killed."
    ps = places_of(text, ("Zubair", "PPL"), ("Basra", "PPLC"))
    assert place_name(run(nlp, lexes, text, ps), "killed", ps) == "Zubair"


def test_a_where_clause_after_a_comma_qualifier_takes_the_town_it_qualifies(nlp, lexes):
    text = "The detainees were flown to Bagram, Afghanistan, where they were beaten by guards."
    ps = places_of(text, ("Bagram", "PPL"), ("Afghanistan", "PCLI"))
    assert place_name(run(nlp, lexes, text, ps), "beaten", ps) == "Bagram"


# ---------------------------------------------------------------- triggers

def test_a_military_operation_is_an_assault(nlp, lexes):
    text = "France launched an operation in Mali to fight jihadists on January 11, 2013."
    ps = places_of(text, ("Mali", "PCLI"))
    ev = by_trigger(run(nlp, lexes, text, ps), "launched")
    assert ev["trigger_text"] == "launched an operation" and ev["event_type"] == "ASSAULT"
    assert ev["place_id"] == "gn:1"
    assert run(nlp, lexes, "Paris and Bamako began a joint humanitarian operation in Timbuktu.") == []


def test_an_offensive_misread_as_an_adjective_is_still_an_event(nlp, lexes):
    events = run(nlp, lexes, "Al-Shabaab launched an offensive three days ago to recapture Baidoa.")
    assert by_trigger(events, "launched")["event_type"] == "ASSAULT"


def test_support_verbs_fold_in_relative_clauses_and_explosions_that_strike(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A huge explosion struck the Karrada district of Baghdad."), "struck")
    assert ev["event_type"] == "ASSAULT" and ev["trigger_text"].startswith("explosion")
    ev = by_trigger(run(nlp, lexes, "Riots that broke out in May spread to the south."), "broke")
    assert ev["event_type"] == "PROTEST"


def test_a_verb_the_lemmatizer_misreads_still_carries_its_event(nlp, lexes):
    """spaCy lemmatizes "staged" as "stag"; the inflection gives "stage", a support verb."""
    events = run(nlp, lexes, "Men aboard trucks staged the assault on the village.")
    assert [e["trigger_text"] for e in events] == ["staged the assault"]


@pytest.mark.parametrize("text", [
    "Troops launched an offensive on the valley, marking the first such push since 2016 by the army.",
    "Troops launched an offensive on the valley, the first time since 2016 that the army had gone back there.",
])
def test_a_background_date_of_another_clause_keeps_the_event(nlp, lexes, text):
    assert by_trigger(run(nlp, lexes, text), "launched")["event_type"] == "ASSAULT"


def test_a_background_date_of_the_events_own_clause_leaves_it_out(nlp, lexes):
    assert not [e for e in run(nlp, lexes, "Rebels have shelled the town since 2014.")
                if e["trigger_text"].startswith("shelled")]


def test_new_triggers_repel_break_siege_reinforcements_sweeps(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Rebel fighters repelled an attack on the town."), "repelled")
    assert ev["event_type"] == "ASSAULT"
    ev = by_trigger(run(nlp, lexes, "The rebels tried to break the siege of the city."), "break")
    assert ev["event_type"] == "ASSAULT"
    ev = by_trigger(run(nlp, lexes, "Turkey sent reinforcements to the border."), "sent")
    assert ev["event_type"] == "MOBILIZE"
    ev = by_trigger(run(nlp, lexes, "Security forces stepped up sweeps against insurgents in the south."), "stepped")
    assert ev["trigger_text"] == "stepped up sweeps" and ev["event_type"] == "COERCE"


# ---------------------------------------------------------------- ACLED-style notes

SHELLING = "On 3 March 2022, Russian forces shelled the village of Tsyrkuny in Kharkiv oblast."


def test_a_month_in_a_date_is_never_a_trigger(nlp, lexes):
    for text in (SHELLING, "On 11 March 2022, the army recaptured the town of Moura."):
        events = run(nlp, lexes, text, published=dt.date(2022, 6, 1))
        assert all("March" not in e["trigger_text"] for e in events), text
        assert [e["event_type"] for e in events] == ["ASSAULT"]


def test_a_consequence_sentence_adds_its_toll_to_the_event_before(nlp, lexes):
    text = SHELLING + " Two civilians were killed and four injured."
    events = run(nlp, lexes, text, [place(text, "Tsyrkuny", "gn:7", "PPL", "UKR")], published=dt.date(2022, 3, 5))
    assert len(events) == 1   # one event, as ACLED codes it, not a second one on the publication date
    ev = events[0]
    assert ev["trigger_text"] == "shelled" and ev["source_actor_id"] == "RUS-MIL"
    assert (ev["fatalities"], ev["injured_count"]) == (2, 4)
    assert ev["event_date"] == dt.date(2022, 3, 3) and ev["place_id"] == "gn:7"
    assert ev["target_actor_id"] == "UKR-CVL"          # the victims, when the event had no target
    assert ev["evidence_text"] == text                 # the toll can be checked in the evidence


def test_acled_fatalities_line_continues_the_attack(nlp, lexes):
    text = ("On 12 January 2023, al-Shabaab militants attacked a Somali National Army base in Jalalaqsi "
            "district, Hiraan region. Fatalities: 5 soldiers killed.")
    events = run(nlp, lexes, text, published=dt.date(2023, 2, 1))
    assert len(events) == 1
    ev = events[0]
    assert (ev["source_actor_id"], ev["target_actor_id"]) == ("SHABAAB", "SOM-MIL")
    assert ev["fatalities"] == 5 and ev["event_date"] == dt.date(2023, 1, 12)


@pytest.mark.parametrize("lead, closing, dead", [
    # the one man lynched is the one fatality the coder's closing line states
    ("On 1 June 2024, a mob lynched a man accused of theft in the market.", "1 fatality.", 1),
    ("On 1 June 2024, a mob lynched a man accused of theft in the market.", "2 fatalities were reported.", 2),
    ("On 1 June 2024, a mob lynched a man accused of theft in the market.", "The death toll rose to 3.", 3),
    # victims named again are the same deaths; "two other" are new ones
    ("On 2 May 2024, a crowd lynched a man suspected of theft near the bus park.", "The man died at the scene.", 1),
    ("On 2 May 2024, a crowd lynched a man suspected of theft near the bus park.", "He died later that night.", 1),
    ("On 2 May 2024, a crowd lynched a man suspected of theft near the bus park.",
     "Two other bystanders died in hospital.", 3),
])
def test_a_closing_total_or_victims_named_again_restate_the_toll(nlp, lexes, lead, closing, dead):
    events = run(nlp, lexes, f"{lead} {closing}", published=dt.date(2024, 6, 5))
    assert len(events) == 1 and events[0]["fatalities"] == dead


def test_arrests_told_with_the_toll_are_made_by_the_events_doers(nlp, lexes):
    text = ("On 3 May 2024, police fired tear gas to disperse traders marching in the city centre. "
            "Six traders were injured and 14 were arrested.")
    events = run(nlp, lexes, text, published=dt.date(2024, 5, 6))
    assert by_trigger(events, "fired")["injured_count"] == 6
    arrest = by_trigger(events, "arrested")
    assert arrest["source_actor_id"] == by_trigger(events, "fired")["source_actor_id"] is not None
    assert not any(e["trigger_text"] == "injured" for e in events)


def test_a_country_in_an_organisations_name_does_not_move_the_scene(nlp, lexes):
    text = ("Youths in Kumasi threw stones at police on the main road. One man was shot dead near the market, "
            "according to the Ghana Police Service.")
    events = run(nlp, lexes, text, [place(text, "Kumasi", "gn:81", "PPL", "GHA"),
                                    place(text, "Ghana", "gn:82", "PCLI", "GHA")])
    assert by_trigger(events, "shot")["place_id"] == "gn:81"


def test_a_detail_of_the_scene_does_not_break_the_continuation(nlp, lexes):
    text = "On 16 March 2022, Russian forces launched missiles at Kyiv. A residential building was hit. 3 killed, 18 injured."
    events = run(nlp, lexes, text, published=dt.date(2022, 3, 20))
    assert len(events) == 1 and events[0]["event_mode"] == "heavy-weapons"
    assert (events[0]["fatalities"], events[0]["injured_count"]) == (3, 18)


def test_only_a_sentence_without_doer_date_or_place_continues(nlp, lexes):
    pub = dt.date(2022, 3, 5)
    # a toll in the next paragraph (wire stories put each sentence in one) continues the event
    events = run(nlp, lexes, SHELLING + "\n\nTwo civilians were killed.", published=pub)
    assert not [e for e in events if e["trigger_text"] == "killed"]
    assert by_trigger(events, "shelled")["fatalities"] == 2
    # ... but a paragraph naming a place of its own is a new reading
    text = SHELLING + "\n\nIn Qwertabad, two civilians were killed."
    events = run(nlp, lexes, text, [place(text, "Qwertabad", "gn:40", "PPL", "UKR")], published=pub)
    assert by_trigger(events, "killed")["fatalities"] == 2 and by_trigger(events, "shelled")["fatalities"] is None
    # a sentence with its own doer is an event of its own
    text = "On 7 October 2019, protesters blocked roads in Baghdad. Security forces opened fire, killing 6 protesters."
    events = run(nlp, lexes, text, published=dt.date(2019, 10, 8))
    assert by_trigger(events, "killing")["fatalities"] == 6 and by_trigger(events, "blocked")["fatalities"] is None
    # a sentence with its own date is too
    events = run(nlp, lexes, SHELLING + " On 5 March, two civilians were killed.", published=pub)
    assert by_trigger(events, "killed")["event_date"] == dt.date(2022, 3, 5)


def test_a_full_date_told_without_an_event_opens_the_storys_days(nlp, lexes):
    text = "On 3 May 2024, soldiers reached the border town. Two days later, rebels attacked their camp."
    ev = by_trigger(run(nlp, lexes, text, published=dt.date(2024, 5, 20)), "attacked")
    assert (ev["event_date"], ev["date_precision"]) == (dt.date(2024, 5, 5), "day")


def test_a_span_of_days_is_not_overruled_by_overnight(nlp, lexes):
    text = "On 11-12 June 2024, gunmen attacked the village overnight, killing nine herders."
    events = run(nlp, lexes, text, published=dt.date(2024, 6, 30))
    assert {(e["event_date"], e["date_precision"]) for e in events} == {(dt.date(2024, 6, 11), "week")}


@pytest.mark.parametrize("text, date, precision", [
    ("It was the worst attack on the city since March, when a truck bomb killed 40 people.",
     dt.date(2024, 3, 1), "month"),
    ("The valley has been quiet since 2019, when rebels overran the garrison.", dt.date(2019, 1, 1), "year"),
])
def test_an_act_in_a_when_clause_of_a_date_happened_then(nlp, lexes, text, date, precision):
    events = [e for e in run(nlp, lexes, text, published=dt.date(2024, 8, 8)) if e["event_type"] == "ASSAULT"]
    assert events and {(e["event_date"], e["date_precision"]) for e in events} == {(date, precision)}


def test_an_undated_event_takes_the_date_of_the_paragraph(nlp, lexes):
    pub = dt.date(2023, 6, 1)
    text = ("On 5 March 2023, soldiers raided a village near Dori and arrested 10 suspects. "
            "They later released six of them.\n\nThe soldiers then attacked a camp.")
    events = run(nlp, lexes, text, published=pub)
    released = by_trigger(events, "released")
    assert (released["event_date"], released["date_precision"], released["date_text"]) == \
        (dt.date(2023, 3, 5), "day", "5 March 2023")
    attacked = by_trigger(events, "attacked")   # another paragraph: the story's day goes on
    assert (attacked["event_date"], attacked["date_text"]) == (dt.date(2023, 3, 5), "5 March 2023")
    # with no dated event before it, the publication date
    alone = by_trigger(run(nlp, lexes, "Police made arrests.\n\nThe soldiers then attacked a camp.",
                           published=pub), "attacked")
    assert (alone["event_date"], alone["date_text"]) == (pub, None)


def test_no_casualties_is_zero_and_an_unstated_toll_is_null(nlp, lexes):
    text = "Israeli warplanes struck Hamas positions in Gaza. No casualties were reported."
    ev = by_trigger(run(nlp, lexes, text), "struck")
    assert (ev["fatalities"], ev["injured_count"]) == (0, 0)
    ev = by_trigger(run(nlp, lexes, "Israeli warplanes struck Hamas positions in Gaza."), "struck")
    assert (ev["fatalities"], ev["injured_count"]) == (None, None)


def test_one_named_or_singular_victim_counts_one(nlp, lexes):
    assert by_trigger(run(nlp, lexes, "Unknown gunmen shot dead a local chief in Beni."), "shot")["fatalities"] == 1
    assert by_trigger(run(nlp, lexes, "A man was stabbed to death by assailants."), "stabbed")["fatalities"] == 1
    ev = by_trigger(run(nlp, lexes, "A suicide bomber killed a policeman and wounded two civilians."), "killed")
    assert ev["fatalities"] == 1
    assert by_trigger(run(nlp, lexes, "Gunmen killed villagers in Zamfara."), "killed")["fatalities"] is None
    # the day of a date is not a toll
    ev = by_trigger(run(nlp, lexes, "Around 10 January 2022, unidentified armed men killed a civilian in Mopti."), "killed")
    assert ev["fatalities"] == 1 and ev["source_actor_id"] == "grp-uaf"


def test_violence_by_crowds_is_a_riot_and_crowd_control_a_protest_event(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Rioters torched several shops in Kinshasa."), "torched")
    assert ev["event_type"] == "COERCE" and ev["acled_event_type"] == "Riots"
    ev = by_trigger(run(nlp, lexes, "A mob lynched a suspected thief in Kampala."), "lynched")
    assert ev["acled_event_type"] == "Riots" and ev["fatalities"] == 1
    # one person's violence is no riot: a riot takes a crowd
    ev = by_trigger(run(nlp, lexes, "A woman stabbed three shoppers in Kampala."), "stabbed")
    assert ev["source_actor_id"] is not None and ev["acled_event_type"] == "Violence against civilians"
    # ... but one unnamed person who uses arms is an armed stranger, not a civilian doer
    events = run(nlp, lexes, "A man threw a grenade at a bar in the capital, injuring five people.")
    assert {e["source_actor_id"] for e in events} == {None}
    # settlers are a communal militia (as ACLED codes them): their arson destroys property
    ev = by_trigger(run(nlp, lexes, "Settlers set fire to olive trees near the village."), "set fire")
    assert ev["acled_event_type"] == "Strategic developments"
    assert ev["acled_sub_event_type"] == "Looting/property destruction"
    ev = by_trigger(run(nlp, lexes, "Sudanese police used tear gas against demonstrators in Omdurman."), "used")
    assert (ev["event_mode"], ev["acled_event_type"], ev["source_actor_id"]) == ("crowd-control", "Protests", "SDN-COP")
    ev = by_trigger(run(nlp, lexes, "Police fired tear gas at the crowd."), "fired")
    assert ev["event_mode"] == "crowd-control"
    ev = by_trigger(run(nlp, lexes, "Protesters clashed with police who used tear gas."), "used")
    assert ev["source_actor_id"] != by_trigger(run(nlp, lexes, "Protesters clashed with police."), "clashed")["source_actor_id"]


def test_reciprocal_events_take_the_second_party_as_target(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Kyrgyz and Tajik border guards exchanged fire near the border."), "exchanged")
    assert (ev["event_type"], ev["source_actor_id"], ev["target_actor_id"]) == ("ASSAULT", "KGZ-COP", "TJK-COP")
    text = "Armenia and Azerbaijan agreed to a ceasefire brokered by Russia."
    places = [place(text, "Azerbaijan", "gn:11", "PCLI", "AZE"), place(text, "Russia", "gn:12", "PCLI", "RUS")]
    ev = by_trigger(run(nlp, lexes, text, places), "agreed")
    assert (ev["source_actor_id"], ev["target_actor_id"]) == ("ARM", "AZE")
    assert ev["place_id"] is None   # neither a party nor the broker is where it happened
    assert ev["acled_event_type"] == "Strategic developments"
    # the parties the members are of
    text = "Members of the Tiv and Jukun communities clashed over farmland near Wukari on Friday."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Wukari", "gn:13", "PPL", "NGA")]), "clashed")
    assert (ev["source_actor_id"], ev["target_actor_id"]) == ("NGA-ETH-tiv", "NGA-ETH-jukun")
    # one party's supporters are one side
    ev = by_trigger(run(nlp, lexes, "Supporters of the Labour Party clashed with police in Lagos on Friday."), "clashed")
    assert ev["target_actor_id"] == "NGA-COP" or ev["target_actor_id"] == "grp-cop"


def test_agreements_are_strategic_developments(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The Malian government and the Tuareg rebels signed a peace agreement."), "signed")
    assert ev["event_type"] == "SUPPORT" and ev["acled_event_type"] == "Strategic developments"
    assert ev["source_actor_id"] == "MLI-GOV" and ev["target_actor_id"] == "MLI-REB-tuareg"


def test_territory_taken_from_an_actor_makes_it_the_target(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The army recaptured the town of Moura from JNIM militants."), "recaptured")
    assert ev["target_actor_id"] == "JNIM"


def test_claimed_attacks_have_the_claimant_as_source(nlp, lexes):
    text = "Al-Shabaab militants have claimed responsibility for Sunday's suicide bombing in Mogadishu that killed 7 people."
    ev = by_trigger(run(nlp, lexes, text), "bombing")
    assert (ev["source_actor_id"], ev["event_mode"], ev["fatalities"]) == ("SHABAAB", "suicide-attack", 7)


def test_more_acled_triggers(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Students staged a sit-in at the university."), "sit-in")
    assert ev["event_type"] == "PROTEST" and ev["source_actor_id"] == "grp-edu"
    ev = by_trigger(run(nlp, lexes, "Teachers went on strike in Freetown."), "strike")
    assert ev["trigger_text"] == "went on strike" and ev["source_actor_id"] == "grp-edu"
    ev = by_trigger(run(nlp, lexes, "The SAA has entered Zabdeen."), "entered")
    assert ev["event_type"] == "ASSAULT" and ev["source_actor_id"] == "SYR-MIL"
    ev = by_trigger(run(nlp, lexes, "A gunman entered a mosque and opened fire."), "entered")
    assert ev["source_actor_id"] == "grp-uaf"
    ev = by_trigger(run(nlp, lexes, "The army seized 2 tons of cocaine."), "seized")
    assert ev["event_type"] == "COERCE"
    events = run(nlp, lexes, "JNIM militants ambushed a FAMa patrol near Boni.")
    assert [(e["event_type"], e["target_actor_id"]) for e in events] == [("ASSAULT", "MLI-MIL")]


def test_the_act_a_protest_is_against_is_no_intervention_in_it(nlp, lexes):
    events = run(nlp, lexes, "Lawyers staged a sit-in outside the court on Monday to protest the arrest of a colleague.")
    sit_in = by_trigger(events, "sit-in")
    assert sit_in["acled_sub_event_type"] == "Peaceful protest" and sit_in["source_actor_id"] == "grp-jud"
    assert by_trigger(events, "arrest")["incident_of"] != sit_in["incident_of"]
    # the arrest of the protesters themselves is
    events = run(nlp, lexes, "Police arrested 30 lawyers during a sit-in outside the court on Monday.")
    assert by_trigger(events, "sit-in")["acled_sub_event_type"] == "Protest with intervention"


def test_a_participle_before_its_noun_is_no_event(nlp, lexes):
    events = run(nlp, lexes, "Nurses rallied on Monday, calling for the freedom of jailed union leaders.")
    assert "COERCE" not in {e["event_type"] for e in events}


def test_the_following_day_counts_from_the_paragraph_date(nlp, lexes):
    text = ("On 16 August 2022, separatists abducted a school principal in Bamenda. "
            "He was released the following day.")
    ev = by_trigger(run(nlp, lexes, text, published=dt.date(2022, 9, 1)), "released")
    assert (ev["event_date"], ev["date_precision"], ev["date_text"]) == (dt.date(2022, 8, 17), "day", "the following day")


def test_victims_of_coordinated_groups_add_up(nlp, lexes):
    text = "Congolese soldiers repelled an attack on Djugu. Two soldiers and 10 militiamen were killed."
    assert by_trigger(run(nlp, lexes, text), "repelled")["fatalities"] == 12
    ev = by_trigger(run(nlp, lexes, "Troops killed 3 soldiers and 2 civilians."), "killed")
    assert ev["fatalities"] == 5


def test_the_victim_told_again_is_the_same_event(nlp, lexes):
    text = ("Indian soldiers shot dead a militant in Kupwara on Sunday. The army said he had been armed with a pistol. "
            "Local doctors said the man was shot in the head.")
    events = run(nlp, lexes, text)
    assert len(events) == 1 and events[0]["fatalities"] == 1 and events[0]["source_actor_id"] == "IND-MIL"
    # a later toll adds to the event that already holds one
    text = "Taliban fighters attacked a checkpoint in Kunduz, killing five officers. Three attackers were also killed."
    assert by_trigger(run(nlp, lexes, text), "killing")["fatalities"] == 8


def test_arrests_remote_violence_and_takeovers_in_acled_wording(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Five opposition activists were taken into custody by police in Minsk."), "taken")
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", "arrest")
    ev = by_trigger(run(nlp, lexes, "Mortar shells landed in a residential area of Mogadishu."), "landed")
    assert ev["event_mode"] == "heavy-weapons" and ev["acled_event_type"] == "Explosions/Remote violence"
    ev = by_trigger(run(nlp, lexes, "Russian artillery fire hit the city."), "fire")
    assert ev["event_mode"] == "heavy-weapons"
    ev = by_trigger(run(nlp, lexes, "Protesters threw stones at police, who responded with tear gas."), "responded")
    assert ev["event_mode"] == "crowd-control" and ev["source_actor_id"] != "grp-cvl"
    ev = by_trigger(run(nlp, lexes, "Houthi forces took over the front positions from government forces."), "took")
    assert ev["target_actor_id"] == "grp-mil"
    ev = by_trigger(run(nlp, lexes, "The Taliban seized control of Jalalabad without a fight."), "fight")
    assert ev["is_negated"]


def test_a_word_of_the_scene_is_not_the_guessed_doer(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "An IED detonated near a police vehicle in Jalalabad, killing one officer."), "killing")
    assert ev["source_actor_id"] is None and ev["fatalities"] == 1


def test_no_one_killed_is_no_event_but_a_zero_toll(nlp, lexes):
    events = run(nlp, lexes, "Police fired tear gas at protesters in Lima, but no one was killed.")
    killed = [e for e in events if "killed" in e["trigger_text"]]
    assert all(e["is_negated"] for e in killed)
    assert by_trigger(events, "fired")["fatalities"] == 0
    events = run(nlp, lexes, "Police fired tear gas at protesters in Lima. No one was hurt.")
    assert len(events) == 1 and events[0]["injured_count"] == 0


def test_the_doers_counted_in_the_subject_are_no_victims(nlp, lexes):
    text = "Two suicide bombers killed 23 people in Tel Aviv."
    assert by_trigger(run(nlp, lexes, text), "killed")["fatalities"] == 23


# --- types that depend on what governs the trigger --------------------------------------------

def types(events):
    return [e["event_type"] for e in events]


def test_a_promised_hostile_act_is_a_threat(nlp, lexes):
    assert types(run(nlp, lexes, "The rebels vowed to retake the city of Kismayo.")) == ["THREATEN"]
    # an infinitive the parser hangs as an adverbial clause is the promise's content all the same
    assert types(run(nlp, lexes, "Militia leaders have sworn to fight until the government falls.")) == ["THREATEN"]
    assert "AGREE" in types(run(nlp, lexes, "Japan pledged to provide aid to the flood victims."))


def test_a_failed_agreement_is_a_rejection(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Armenia and Azerbaijan failed to reach agreement on the border."), "agreement")
    assert ev["event_type"] == "REJECT" and not ev["is_negated"]
    assert ev["source_actor_id"] == "ARM"


def test_a_hostile_act_on_a_condition_is_a_threat(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The European Union may halt aid to Mali if the junta delays elections."), "halt")
    assert ev["event_type"] == "THREATEN" and ev["source_actor_id"] == "EU"


def test_a_protest_that_reports_speech_is_disapproval(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The elections were rigged, an opposition group protested on Monday."), "protested")
    assert ev["event_type"] == "ACCUSE"
    ev = by_trigger(run(nlp, lexes, "Thousands of people protested in the capital on Monday."), "protested")
    assert ev["event_type"] == "PROTEST"


def test_a_stance_in_the_passive_belongs_to_its_subject(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Turkey is opposed to Swedish membership of the alliance."), "opposed")
    assert ev["event_type"] == "REJECT" and ev["source_actor_id"] == "TUR"
    ev = by_trigger(run(nlp, lexes, "The Syrian army and Hezbollah were engaged in heavy fighting near Qusayr."),
                    "fighting")
    assert ev["source_actor_id"] == "SYR-MIL"


# --- participants ------------------------------------------------------------------------------

def test_subject_shared_through_a_preposition_but_not_through_on(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Venezuelan students resorted to throwing rocks at the riot police."), "throwing")
    assert ev["source_actor_id"] is not None and ev["source_actor_id"].startswith("VEN")
    assert "RETREAT" not in types(run(nlp, lexes, "Soldiers opened fire on fleeing villagers."))


def test_an_active_verb_coordinated_with_a_passive_shares_its_subject(nlp, lexes):
    text = "Iraq's interior minister has been charged by prosecutors and will resign."
    ev = by_trigger(run(nlp, lexes, text), "resign")
    assert ev["source_actor_id"] == "IRQ-GOV"


def test_talks_with_someone_make_them_the_target_not_the_doer(nlp, lexes):
    text = "The French foreign minister held talks with Iran's president on Tuesday."
    ev = by_trigger(run(nlp, lexes, text), "talks")
    assert ev["source_actor_id"] == "FRA-GOV" and ev["target_actor_id"] == "IRN-GOV"


def test_a_possessive_pronoun_names_the_doer_of_an_event_noun(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The African Union reiterated its demand that Sudan release the prisoners."), "demand")
    assert ev["event_type"] == "REQUEST" and ev["source_actor_id"] == "AU"


# --- lexicon readings (data/event_triggers.csv) ----------------------------------------------

@pytest.mark.parametrize("text, word, event_type", [
    ("The Israeli army lifted the blockade on the town.", "lifted", "RETREAT"),
    ("The Ethiopian government lifted the state of emergency on Sunday.", "lifted", "CONCEDE"),
    ("The teachers' union called off the strike after talks with the government.", "called off", "CONCEDE"),
    ("The United Nations ended mediation efforts between the two factions.", "ended", "SANCTION"),
    ("Russia announced that it will withdraw its observers from Georgia.", "withdraw", "THREATEN"),
    ("Farmers said they would blockade the capital from Monday.", "blockade", "THREATEN"),
    ("France plans to impose restrictions on imports from Brazil.", "impose", "THREATEN"),
    ("Spain announced a suspension of flights to Venezuela.", "suspension", "SANCTION"),
    ("Indian troops remained on high alert along the border.", "alert", "MOBILIZE"),
    ("Russia has strengthened its forces in Belarus.", "strengthened", "MOBILIZE"),
    ("Pakistan deployed peacekeepers in the Congo.", "deployed", "AID"),
    ("Rebels violated the ceasefire near Goma.", "violated", "ASSAULT"),
    ("Thousands of students took to the streets of Dhaka on Friday.", "took", "PROTEST"),
    ("Hundreds of nurses gathered outside parliament to protest against pay cuts.", "gathered", "PROTEST"),
    ("The ambush near Mandera on Monday left nine passengers dead.", "left", "ASSAULT"),
    ("The bodies of five men were found in a ditch near Kandahar.", "found", "ASSAULT"),
    ("Jaysh al-Islam fighters entered the village of Tal Rifaat.", "entered", "ASSAULT"),
    ("A gunman on a scooter fatally shot village headman Abdullah Samae in Narathiwat.", "shot", "ASSAULT"),
    ("Gunmen took several guards hostage.", "took", "ASSAULT"),   # "hostage" parsed as a clause
    ("Maoist guerrillas raided a police outpost in the hills.", "raided", "ASSAULT"),   # an armed group's attack,
    ("Police raided the offices of the newspaper on Monday.", "raided", "COERCE"),       # the state's search
    ("Mounted police charged into the crowd outside parliament.", "charged", "ASSAULT"),   # not a charge in court
    ("Workers at the garment factory walked out on Monday over unpaid wages.", "walked out", "PROTEST"),
    ("Protesters threw eggs and bottles at police outside the ministry.", "threw", "PROTEST"),
])
def test_lexicon_readings(nlp, lexes, text, word, event_type):
    assert by_trigger(run(nlp, lexes, text), word)["event_type"] == event_type


def test_a_gathering_without_a_protest_is_no_event(nlp, lexes):
    assert run(nlp, lexes, "Leaders of the G7 gathered in Rome on Friday.") == []


def test_cameo_roots_follow_the_cameo_codebook(nlp, lexes):
    assert by_trigger(run(nlp, lexes, "Kenya asked Uganda to extradite the suspect."), "asked")["cameo_root"] == "02"
    assert by_trigger(run(nlp, lexes, "Kenya demanded the release of the suspect."), "demanded")["cameo_root"] == "10"
    assert by_trigger(run(nlp, lexes, "Moroccan forces occupied the town."), "occupied")["cameo_root"] == "19"
    assert by_trigger(run(nlp, lexes, "Militiamen torched dozens of houses."), "torched")["cameo_root"] == "17"


def test_a_place_that_says_whose_people_is_not_the_scene(nlp, lexes):
    text = "Two US sailors were killed in an explosion in Aden."
    places = [place(text, "US", "gn:6252001", "PCLI", "USA"), place(text, "Aden", "gn:415189", "PPLA", "YEM")]
    assert by_trigger(run(nlp, lexes, text, places), "killed")["place_id"] == "gn:415189"
    # an adviser is no actor noun: the place is still only whose adviser it was
    text = "A US adviser was killed during the operation to free hostages held in Kunduz."
    places = [place(text, "US", "gn:6252001", "PCLI", "USA"), place(text, "Kunduz", "gn:1135689", "PPLA", "AFG")]
    assert by_trigger(run(nlp, lexes, text, places), "killed")["place_id"] == "gn:1135689"
    # a country's history is no scene either
    text = "A gunman opened fire in Charleston, then killed himself in the worst hate crime in US history."
    places = [place(text, "Charleston", "gn:4574324", "PPL", "USA"), place(text, "US", "gn:6252001", "PCLI", "USA")]
    assert by_trigger(run(nlp, lexes, text, places), "killed")["place_id"] == "gn:4574324"


def test_a_place_inside_another_name_is_the_scene_only_when_no_other_place_is_named(nlp, lexes):
    text = "Marie Dubois of Radio France Internationale, 41, was stabbed in the neck " \
           "while queuing for fuel in the port city, Abidjan, last week."
    places = [{**place(text, "France", "gn:3017382", "PCLI", "FRA"), "in_name": True},
              place(text, "Abidjan", "gn:2293538", "PPLA", "CIV")]
    assert by_trigger(run(nlp, lexes, text, places), "stabbed")["place_id"] == "gn:2293538"
    text = "Officers of the Toronto Police Service arrested two men on Friday."
    places = [{**place(text, "Toronto", "gn:6167865", "PPLA", "CAN"), "in_name": True}]
    assert by_trigger(run(nlp, lexes, text, places), "arrested")["place_id"] == "gn:6167865"


def test_a_headline_style_toll_is_the_victims_not_the_doers(nlp, lexes):
    events = run(nlp, lexes, "On 9 August 2022, JNIM militants ambushed an army patrol near Boni. 5 soldiers killed.")
    assert len(events) == 1 and events[0]["fatalities"] == 5 and events[0]["source_actor_id"] == "JNIM"


def test_protesters_read_as_a_modifier_are_still_the_doers(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "On 7 June 2021, around 200 residents protested in front of the governor's "
                                    "office in Kisumu."), "protested")
    assert ev["source_actor_id"] == "grp-cvl" and ev["target_actor_id"] is None


def test_protesters_before_a_bracketed_place_and_an_ing_clause_are_the_doers(nlp, lexes):
    # the bracket and the "-ing" clause lead the parser to make "demanding" the main verb and
    # "protested" a participle describing the protesters, as if they had been protested against
    ev = by_trigger(run(nlp, lexes, "On 6 May 2026, thousands of nurses protested in Lagos (Lagos, Lagos) "
                                    "demanding unpaid wages."), "protested")
    assert ev["source_actor_id"] is not None and ev["target_actor_id"] is None


def test_a_fight_read_as_describing_its_fighters_is_theirs_and_they_are_no_toll(nlp, lexes):
    # the bracket leads the parser to make "gangs" the root, "fought" and "killing" describing it
    events = run(nlp, lexes, "On 15 June 2027, two rival gangs fought in Martissant (Port-au-Prince, Ouest), "
                             "killing 12 people including 4 civilians.")
    assert by_trigger(events, "fought")["source_actor_id"] is not None
    assert sum(e["fatalities"] or 0 for e in events) == 12


@pytest.mark.parametrize("text, trigger, dead", [
    ("Gunmen gunned down three traders at the market on Monday.", "gunned down", 3),
    ("A local councillor was gunned down outside his home on Monday.", "gunned down", 1),
    ("Two soldiers lost their lives when their truck hit a landmine on Monday.", "hit", 2),
])
def test_more_ways_of_telling_deaths(nlp, lexes, text, trigger, dead):
    events = run(nlp, lexes, text)
    assert by_trigger(events, trigger)["fatalities"] == dead


def test_a_vehicle_that_runs_into_a_mine_carries_its_victims(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "An army truck hit a landmine near the border on Monday, killing two soldiers."), "hit")
    assert ev["source_actor_id"] is None and ev["target_actor_id"] is not None


def test_getting_ready_to_attack_is_mobilising_and_planning_it_a_threat(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Turkish troops are preparing to storm the town of Afrin."), "storm")
    assert ev["event_type"] == "MOBILIZE" and not ev["is_hypothetical"]
    assert types(run(nlp, lexes, "Farmers plan to blockade the port.")) == ["THREATEN"]


def test_property_destruction_is_coercion_unless_weapons_did_it(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Militants set fire to a church near Maiduguri."), "set fire")
    assert (ev["event_type"], ev["event_mode"], ev["acled_event_type"]) == ("COERCE", "destroy", "Strategic developments")
    ev = by_trigger(run(nlp, lexes, "Drones destroyed a fuel depot near Kharkiv."), "destroyed")
    assert ev["event_type"] == "ASSAULT"
    ev = by_trigger(run(nlp, lexes, "The mob burned him alive."), "burned")
    assert ev["event_type"] == "ASSAULT"


@pytest.mark.parametrize("toll", ["11 fighters were reported killed.", "11 fighters were said to have died."])
def test_a_toll_under_a_passive_verb_of_saying_counts(nlp, lexes, toll):
    text = f"Rebels clashed with the army near the border on Tuesday. {toll}"
    ev = by_trigger(run(nlp, lexes, text), "clashed")
    assert ev["fatalities"] == 11


def test_harm_told_as_a_consequence_takes_the_attack_means(nlp, lexes):
    text = "Artillery units shelled the market on Monday, killing four traders and injuring nine others."
    events = run(nlp, lexes, text)
    shelled, killing, injuring = (by_trigger(events, w) for w in ("shelled", "killing", "injuring"))
    assert shelled["event_mode"] == "heavy-weapons"
    for ev in (killing, injuring):
        assert ev["event_mode"] == "heavy-weapons" and ev["acled_event_type"] == "Explosions/Remote violence"
    assert killing["fatalities"] == 4 and injuring["injured_count"] == 9


def test_later_acts_of_the_scene_happen_where_it_did(nlp, lexes):
    text = "Hundreds of traders protested in Basra on Sunday. Police dispersed them with tear gas."
    events = run(nlp, lexes, text, [place(text, "Basra", "gn:99532")])
    assert by_trigger(events, "protested")["place_id"] == "gn:99532"
    assert by_trigger(events, "dispersed")["place_id"] == "gn:99532"


def test_a_consequence_clause_happens_at_the_attack_unless_it_names_its_own_place(nlp, lexes):
    text = "Officials in Baghdad said gunmen attacked a checkpoint in Kirkuk, killing two guards."
    events = run(nlp, lexes, text, [place(text, "Baghdad", "gn:98182"), place(text, "Kirkuk", "gn:94787")])
    assert by_trigger(events, "killing")["place_id"] == "gn:94787"
    text = "Militants launched an offensive in Deir Ezzor, shelling the Jubaila district."
    events = run(nlp, lexes, text, [place(text, "Deir Ezzor", "gn:170794"), place(text, "Jubaila", "gn:1")])
    assert by_trigger(events, "shelling")["place_id"] == "gn:1"


@pytest.mark.parametrize("text, trigger, sub_event", [
    ("Iraqi forces recaptured the town of Rawa from Islamic State on Friday.", "recaptured", "Government regains territory"),
    ("Islamic State militants captured the town of Rawa on Friday.", "captured", "Non-state actor overtakes territory"),
    ("Russian forces shelled the city on Monday.", "shelled", "Shelling/artillery/missile attack"),
    ("Gunmen kidnapped 20 villagers on Sunday.", "kidnapped", "Abduction/forced disappearance"),
    ("Police arrested 12 opposition activists on Sunday.", "arrested", "Arrests"),
    ("Hundreds of students marched peacefully on Tuesday.", "marched", "Peaceful protest"),
    ("Police fired tear gas at protesters on Monday, killing two.", "killing", "Excessive force against protesters"),
    ("Rebels regained control of the town of Rawa on Friday.", "regained", "Non-state actor overtakes territory"),
    ("A chlorine gas attack was reported in the village on Friday.", "attack", "Chemical weapon"),
    ("Gunmen stormed a gold mine on Friday, killing 12 miners.", "killing", "Attack"),
    ("Insurgents stormed an army outpost on Friday.", "stormed", "Armed clash"),   # an attack, not a takeover
    # the RSF has fought the state since 2023: its gains are a non-state actor's, as ACLED codes them
    ("RSF fighters seized the town of Babanusa on Sunday.", "seized", "Non-state actor overtakes territory"),
    # a communal raid is an attack, not a search ("police raided the offices")
    ("Tribesmen raided a village near the river on Sunday, killing 9 people.", "raided", "Attack"),
])
def test_acled_sub_event_types_follow_from_the_coding(nlp, lexes, text, trigger, sub_event):
    assert by_trigger(run(nlp, lexes, text), trigger)["acled_sub_event_type"] == sub_event


def test_a_states_forces_taking_a_place_abroad_regain_no_territory(nlp, lexes):
    text = "Russian forces captured the village of Ocheretyne in the Donetsk region on Sunday."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Ocheretyne", "gn:2", "PPL", "UKR")]), "captured")
    assert (ev["acled_event_type"], ev["acled_sub_event_type"]) == ("Battles", "Armed clash")
    text = "Iraqi forces recaptured the town of Rawa from Islamic State on Friday."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Rawa", "gn:3", "PPL", "IRQ")]), "recaptured")
    assert ev["acled_sub_event_type"] == "Government regains territory"


def test_every_acled_sub_event_rule_names_a_documented_sub_event_and_type(lexes):
    from pipeline import schemas
    subs = set(schemas.fields()["acled_sub_event_type"]["enum"])
    types = set(schemas.fields()["acled_event_type"]["enum"])
    assert lexes[1].acled_subs
    for r in lexes[1].acled_subs:
        assert r["acled_sub_event_type"] in subs and r["acled_event_type"] in types, r


def test_the_bracketed_division_only_locates_the_town_before_it(nlp, lexes):
    text = "Police clashed with gang members in Gonaives (Artibonite) on Monday."
    places = [place(text, "Gonaives", "gn:11", "PPLA", "HTI"), place(text, "Artibonite", "gn:12", "ADM1", "HTI")]
    ev = by_trigger(run(nlp, lexes, text, places), "clashed")
    assert ev["place_id"] == "gn:11"


def test_a_town_repeated_in_brackets_before_a_country_is_the_place(nlp, lexes):
    text = "On Monday a truck bomb exploded beside a police post in Sincelejo (Sincelejo, Sucre) in Colombia."
    again = place(text, "Sincelejo", "gn:13", "PPLA", "COL")
    again.update(start=text.index("(") + 1, end=text.index("(") + 1 + len("Sincelejo"))
    places = [place(text, "Sincelejo", "gn:13", "PPLA", "COL"), again,
              place(text, "Sucre", "gn:14", "ADM1", "COL"), place(text, "Colombia", "gn:15", "PCLI", "COL")]
    for town in places[:2]:
        town["place"]["admin1_name"] = "Sucre"
    ev = by_trigger(run(nlp, lexes, text, places), "exploded")
    assert ev["place_id"] == "gn:13"


def test_a_town_at_the_end_of_a_named_road_yields_to_the_place_near_it(nlp, lexes):
    text = "Gunmen abducted 12 passengers on the Kano-Zaria highway near Tamburawa on Friday."
    places = [place(text, "Kano", "gn:21", "PPLA", "NGA"), place(text, "Zaria", "gn:22", "PPL", "NGA"),
              place(text, "Tamburawa", "gn:23", "PPL", "NGA")]
    ev = by_trigger(run(nlp, lexes, text, places), "abducted")
    assert ev["place_id"] == "gn:23"
    assert ev["target_actor_id"] is not None   # passengers are civilians


def test_a_roads_end_gives_way_to_a_town_but_not_to_the_country_it_runs_through(nlp, lexes):
    text = "Militants ambushed a convoy on the Gao-Kidal road in northern Mali on Monday."
    places = [place(text, "Gao", "gn:31", "PPLA", "MLI"), place(text, "Kidal", "gn:32", "PPLA", "MLI"),
              place(text, "Mali", "gn:33", "PCLI", "MLI")]
    assert by_trigger(run(nlp, lexes, text, places), "ambushed")["place_id"] in ("gn:31", "gn:32")
    text = "Gunmen abducted two traders along the Okene-Lokoja highway (Adavi, Kogi) on Friday."
    places = [place(text, "Okene", "gn:34", "PPL", "NGA"), place(text, "Lokoja", "gn:35", "PPLA", "NGA"),
              place(text, "Adavi", "gn:36", "ADM2", "NGA"), place(text, "Kogi", "gn:37", "ADM1", "NGA")]
    assert by_trigger(run(nlp, lexes, text, places), "abducted")["place_id"] == "gn:36"   # the district


def test_two_subjects_of_a_clash_are_source_and_target(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Sudanese Armed Forces (SAF) and RSF fought in the city on Monday."), "fought")
    assert {ev["source_actor_id"], ev["target_actor_id"]} == {"SDN-MIL", "RSF"}


def test_who_found_the_bodies_did_not_kill_them(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Soldiers found the bodies of nine herders in a forest on Sunday."), "found")
    assert ev["event_type"] == "ASSAULT" and ev["source_actor_id"] is None
    assert ev["fatalities"] == 9 and ev["acled_event_type"] == "Violence against civilians"
    ev = by_trigger(run(nlp, lexes, "Villagers discovered 14 bodies near the road."), "discovered")
    assert ev["source_actor_id"] is None and ev["fatalities"] == 14


def test_the_object_of_a_harm_noun_is_its_target(nlp, lexes):
    events = run(nlp, lexes, "The killing of three journalists sparked protests in the city.")
    ev = by_trigger(events, "killing")
    assert ev["target_actor_id"] is not None and ev["fatalities"] == 3
    assert ev["acled_event_type"] == "Violence against civilians"
    assert by_trigger(events, "protests")["source_actor_id"] is None   # the victims did not protest


def test_a_passive_relative_clause_names_its_victims_not_a_doer(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Police recovered the bodies of two traders who had been stabbed."), "stabbed")
    assert ev["source_actor_id"] is None and ev["target_actor_id"] is not None


def test_a_participle_describing_a_noun_has_that_noun_as_doer(nlp, lexes):
    text = "Police fired tear gas at students marching in Lusaka against fee increases."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Lusaka", "gn:31", "PPLC", "ZMB")]), "marching")
    assert ev["event_type"] == "PROTEST"
    assert ev["source_actor_id"] is not None and ev["source_actor_id"].endswith("-EDU")


def test_coordinated_harm_verbs_share_the_object_and_the_means(nlp, lexes):
    events = run(nlp, lexes, "Gunmen shot and killed a farmer on Monday.")
    shot, killed = by_trigger(events, "shot"), by_trigger(events, "killed")
    assert shot["target_actor_id"] is not None and shot["target_actor_id"] == killed["target_actor_id"]
    assert killed["event_mode"] == "firearms" and killed["fatalities"] == 1


def test_a_barrage_of_missiles_is_an_assault(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Russia fired a barrage of missiles at the port overnight."), "barrage")
    assert ev["event_type"] == "ASSAULT" and ev["event_mode"] == "heavy-weapons"
    assert all(e["event_type"] != "ASSAULT" for e in run(nlp, lexes, "The minister faced a barrage of criticism."))


def test_a_trigger_noun_modifying_another_is_one_event(nlp, lexes):
    events = run(nlp, lexes, "A bombing raid hit the town on Tuesday.")
    assert len(events) == 1 and events[0]["trigger_text"].startswith("bombing raid")
    assert events[0]["event_mode"] == "aerial"
    events = run(nlp, lexes, "Warplanes killed two commanders in a bombing raid on Tuesday.")   # the verb's act
    assert len(events) == 1 and events[0]["event_mode"] == "aerial" and events[0]["fatalities"] == 2
    events = run(nlp, lexes, "Two commanders died in a bombing raid by the army on Tuesday.")
    raid, died = by_trigger(events, "raid"), by_trigger(events, "died")
    assert raid["source_actor_id"] is not None   # the noun keeps its own doer ...
    # ... and the deaths told by the doerless verb are that raid's: one incident, one doer
    assert died["incident_of"] == raid["incident_of"] and died["source_actor_id"] == raid["source_actor_id"]


def test_a_later_claim_of_responsibility_names_the_doer_of_the_attack(nlp, lexes):
    events = run(nlp, lexes, "A bomb exploded beside a tea shop on Monday, killing 9 people. "
                             "Hours later Al Shabaab claimed the blast.")
    assert {e["trigger_text"] for e in events} == {"exploded", "killing"}   # the claim tells no new attack
    assert {e["source_actor_id"] for e in events} == {"SHABAAB"}
    events = run(nlp, lexes, "A roadside bomb exploded near a checkpoint, killing two soldiers. ISWAP claimed responsibility.")
    assert {e["source_actor_id"] for e in events} == {"ISWAP"} and len(events) == 2
    events = run(nlp, lexes, "Gunmen shot dead a judge on Monday. No group claimed responsibility.")
    assert by_trigger(events, "shot")["source_actor_id"] != "SHABAAB"


def test_an_act_named_in_a_phrase_under_its_verb_is_one_event_dated_by_the_sentence(nlp, lexes):
    events = run(nlp, lexes, "On 4 March 2024, gunmen killed 8 farmers in an overnight attack.")
    assert len([e for e in events if e["event_type"] == "ASSAULT"]) == 1
    assert events[0]["event_date"] == dt.date(2024, 3, 4) and events[0]["fatalities"] == 8


@pytest.mark.parametrize("text, word, event_type, sub_event", [
    ("Soldiers seized power in a coup on Wednesday.", "seized", "COERCE", "Other"),
    ("The army established a new base near the border.", "established", "MOBILIZE", "Headquarters or base established"),
    ("The rebels handed over control of the town to the army.", "handed", "RETREAT",
     "Non-violent transfer of territory"),
])
def test_coups_bases_and_handovers_are_strategic_developments(nlp, lexes, text, word, event_type, sub_event):
    ev = by_trigger(run(nlp, lexes, text), word)
    assert (ev["event_type"], ev["acled_event_type"], ev["acled_sub_event_type"]) == \
        (event_type, "Strategic developments", sub_event)


def test_what_hit_says_how(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A roadside bomb hit an army truck on Friday."), "hit")
    assert ev["event_mode"] == "explosives" and ev["acled_sub_event_type"] == "Remote explosive/landmine/IED"
    ev = by_trigger(run(nlp, lexes, "Unidentified persons robbed a trader on Friday."), "robbed")
    assert ev["event_type"] == "COERCE" and ev["source_actor_id"] is not None


def test_those_who_died_are_victims_not_doers(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Five villagers died in the fighting on Monday."), "died")
    assert ev["source_actor_id"] is None and ev["target_actor_id"] is not None and ev["fatalities"] == 5


def test_the_doer_of_the_attack_that_caused_a_harm_is_its_source(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Seven traders were shot dead when gunmen stormed a cattle fair."), "shot")
    assert ev["source_actor_id"] is not None and ev["source_actor_id"].lower().endswith("uaf")
    ev = by_trigger(run(nlp, lexes, "Three people were killed when their car hit a landmine."), "killed")
    assert ev["source_actor_id"] is None


def test_an_attack_attributed_to_a_state_has_it_as_source_and_the_carrier_s_object_as_target(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A drone strike attributed to Turkey killed two PKK members on Monday."), "strike")
    assert ev["source_actor_id"] is not None and ev["source_actor_id"].startswith("TUR")
    assert ev["target_actor_id"] == "PKK" and ev["fatalities"] == 2


def test_a_dozen_is_twelve(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Militants ambushed a convoy, killing a dozen soldiers."), "killing")
    assert ev["fatalities"] == 12


def test_whose_embassy_or_currency_is_no_scene(nlp, lexes):
    text = "Traders in Gweru went on strike over the US dollar on Monday."
    places = [place(text, "Gweru", "gn:41", "PPLA", "ZWE"), place(text, "US", "gn:42", "PCLI", "USA")]
    assert by_trigger(run(nlp, lexes, text, places), "strike")["place_id"] == "gn:41"
    text = "Hundreds protested outside the US embassy on Friday."
    assert by_trigger(run(nlp, lexes, text, [place(text, "US", "gn:42", "PCLI", "USA")]), "protested")["place_id"] is None
    text = "Hundreds protested outside the Nairobi embassy on Friday."   # a city's is where it stands
    assert by_trigger(run(nlp, lexes, text, [place(text, "Nairobi", "gn:43", "PPLC", "KEN")]),
                      "protested")["place_id"] == "gn:43"


def test_baton_charges_and_recruitment(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Police baton-charged the protesters on Friday."), "charged")
    assert ev["event_type"] == "ASSAULT" and ev["event_mode"] == "crowd-control"
    ev = by_trigger(run(nlp, lexes, "The army recruited 5,000 volunteers last month."), "recruited")
    assert ev["event_type"] == "MOBILIZE"


def test_tribes_are_communal_actors_and_their_names_no_scene(nlp, lexes):
    text = "Four people were killed in clashes between the Al-Qawasim and Al-Zubayr Tribes in Marib province."
    places = [place(text, "Zubayr", "gn:51", "PPL", "IRQ"), place(text, "Marib province", "gn:52", "ADM1", "YEM")]
    ev = by_trigger(run(nlp, lexes, text, places), "clashes")
    assert ev["place_id"] == "gn:52"
    doc = nlp(text)
    tribes = [m for m in find_actors(doc, lexes[0], places) if "Tribes" in m["mention_text"]]
    assert tribes and tribes[0]["actor"]["sector_code"] == "ETH"


def test_a_grenade_thrown_is_an_acled_grenade_event(nlp, lexes):
    events = run(nlp, lexes, "Two men on a motorbike hurled a grenade into a crowded bar, wounding eleven people.")
    assert {e["acled_sub_event_type"] for e in events} == {"Grenade"}


@pytest.mark.parametrize("text", ["A suicide bomber detonated his vest at the gate of the police academy.",
                                  "An explosion caused by a suicide bomber tore through the wedding hall."])
def test_a_suicide_bombers_blast_is_a_suicide_bomb(nlp, lexes, text):
    events = [e for e in run(nlp, lexes, text) if e["event_type"] == "ASSAULT"]
    assert events and {e["acled_sub_event_type"] for e in events} == {"Suicide bomb"}


def test_violence_by_demonstrators_is_a_violent_demonstration_and_by_a_mob_mob_violence(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A group of demonstrators threw petrol bombs at the town hall."), "threw")
    assert (ev["acled_event_type"], ev["acled_sub_event_type"]) == ("Riots", "Violent demonstration")
    ev = by_trigger(run(nlp, lexes, "An angry mob beat a suspected cattle thief to death."), "beat")
    assert (ev["acled_event_type"], ev["acled_sub_event_type"]) == ("Riots", "Mob violence")


def test_a_demonstration_whose_crowd_burns_a_building_is_one_violent_demonstration(nlp, lexes):
    events = run(nlp, lexes, "Students torched a police post during a march against fuel prices.")
    march, torched = by_trigger(events, "march"), by_trigger(events, "torched")
    assert march["incident_of"] == torched["incident_of"] and march["source_actor_id"] == torched["source_actor_id"]
    assert {e["acled_sub_event_type"] for e in events} == {"Violent demonstration"}


def test_uprooting_bulldozing_and_arson_destroy_property(nlp, lexes):
    for text in ("Settlers uprooted dozens of almond trees near the village.",
                 "Soldiers bulldozed two wells on the farm.", "Youths vandalised a shrine overnight."):
        assert [e["event_mode"] for e in run(nlp, lexes, text)] == ["destroy"], text
    ev = by_trigger(run(nlp, lexes, "Police suspect an arson attack on the depot."), "attack")
    assert (ev["event_type"], ev["acled_sub_event_type"]) == ("COERCE", "Looting/property destruction")


def test_a_riots_burning_takes_the_sub_event_of_its_violence(nlp, lexes):
    events = run(nlp, lexes, "A mob attacked and burned a chapel after a quarrel over land.")
    assert {e["acled_sub_event_type"] for e in events} == {"Mob violence"}


def test_a_few_armed_strangers_are_no_crowd(nlp, lexes):
    events = run(nlp, lexes, "Two men hurled a grenade at the gate of a church, wounding four worshippers.")
    assert events and all(e["acled_event_type"] != "Riots" for e in events)


def test_the_means_of_an_attack_is_no_act_of_its_own(nlp, lexes):
    events = run(nlp, lexes, "Guerrillas attacked an army post with rockets and gunfire, wounding five soldiers.")
    assert "gunfire" not in [e["trigger_text"] for e in events]
    assert by_trigger(events, "attacked")["event_mode"] == "firearms"
    # a remote means makes the attack remote violence
    ev = by_trigger(run(nlp, lexes, "The army attacked the hamlet with artillery fire at dawn."), "attacked")
    assert (ev["event_mode"], ev["acled_event_type"]) == ("heavy-weapons", "Explosions/Remote violence")
    assert "fire" not in [e["trigger_text"] for e in run(nlp, lexes, "The army attacked the hamlet with artillery fire at dawn.")]


def test_an_accord_protested_against_is_no_agreement_now(nlp, lexes):
    events = run(nlp, lexes, "Taxi drivers protested in Nairobi against the ride-hailing agreement.")
    assert [e["event_type"] for e in events] == ["PROTEST"]


def test_planting_the_bomb_that_went_off_is_no_second_act(nlp, lexes):
    events = run(nlp, lexes, "A bomb hidden in a handcart and planted near the bus stand exploded, wounding nine people.")
    assert "planted" not in [e["trigger_text"] for e in events] and by_trigger(events, "exploded")


def test_the_attack_an_army_says_it_repelled_is_the_attack_told_before(nlp, lexes):
    text = ("Militants attacked an army base near Gao on Sunday, killing nine soldiers. "
            "The army said it had repelled the attack.")
    events = run(nlp, lexes, text, published=dt.date(2024, 3, 5))
    assert [e["trigger_text"] for e in events if e["trigger_text"] == "attack"] == []
    assert by_trigger(events, "repelled")


def test_missiles_shot_down_of_a_salvo_are_a_disrupted_strike_not_the_firers_act(nlp, lexes):
    text = "The air force said Iran fired 60 missiles and 40 drones, of which 51 missiles and 33 drones were shot down."
    ev = by_trigger(run(nlp, lexes, text), "shot")
    assert ev["acled_sub_event_type"] == "Disrupted weapons use" and ev["source_actor_id"] != "IRN"


def test_a_person_shot_dead_is_a_civilian_victim(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "One person was shot dead near the bus terminal."), "shot")
    assert ev["acled_event_type"] == "Violence against civilians" and ev["target_actor_id"] is not None


@pytest.mark.parametrize("text, mode", [("Two fishermen were killed by Egyptian gunfire off the coast.", "firearms"),
                                        ("An old man was killed by shelling in the suburb overnight.", "heavy-weapons")])
def test_the_means_that_killed_is_the_killings_not_a_second_act(nlp, lexes, text, mode):
    events = run(nlp, lexes, text)
    assert [e["trigger_text"] for e in events] == ["killed"] and events[0]["event_mode"] == mode


def test_the_rockets_landing_is_the_firing_told_on(nlp, lexes):
    text = "On 3 March 2024, militants fired rockets at the kibbutz. The rockets landed in open fields."
    events = run(nlp, lexes, text, published=dt.date(2024, 3, 4))
    assert [e["trigger_text"] for e in events] == ["fired"]


def test_a_weapon_attributed_to_a_group_is_that_groups_strike(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A drone attributed to the Houthis struck a fuel depot near the port."), "struck")
    assert ev["source_actor_id"] == "HOUTHI"


def test_an_incidents_rows_share_the_weapon_one_of_them_names(nlp, lexes):
    events = run(nlp, lexes, "A roadside bomb targeted an army truck on the desert road, killing seven soldiers.")
    assert {e["acled_sub_event_type"] for e in events} == {"Remote explosive/landmine/IED"}


@pytest.mark.parametrize("text", [
    "Arsenal attacked throughout and their striker scored twice in the league match.",
    "The champions beat the visitors 3-1 to win the cup final.",
    "The board fired the chief executive over the accounting scandal.",
    "The hurricane killed nine people along the coast and cut power to thousands.",
    # fights against abstractions, wildfire damage, injuries in sport
    "The central bank raised interest rates to fight inflation.",
    "Wildfires destroyed hundreds of homes in the hills this week.",
    "The club's striker was injured during training on Friday.",
    "The region faces a long battle against drought.",
])
def test_sport_business_and_disasters_are_no_conflict_events(nlp, lexes, text):
    assert not [e for e in run(nlp, lexes, text) if e["event_type"] in ("ASSAULT", "COERCE")]


@pytest.mark.parametrize("text, trigger, event_type", [
    ("Gunmen attacked a border post on Monday, the Arab League said.", "attacked", "ASSAULT"),
    ("Russian jets struck Kharkiv on Monday, the European Union said.", "struck", "ASSAULT"),
])
def test_a_word_closing_a_name_is_no_context_of_sport_or_labour(nlp, lexes, text, trigger, event_type):
    # "League" and "Union" end names here: no match report, no workers' strike
    assert by_trigger(run(nlp, lexes, text), trigger)["event_type"] == event_type


def test_activists_attacking_a_hotel_housing_asylum_seekers_are_a_mob_attacking_them(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Far-right activists attacked a hotel housing asylum seekers on Saturday."), "attacked")
    assert ev["acled_event_type"] == "Riots" and ev["target_actor_id"] is not None
    assert ev["target_actor_id"].endswith("ref")


def test_those_who_attack_a_rally_are_not_its_marchers(nlp, lexes):
    events = run(nlp, lexes, "Party activists attacked a rally with sticks in Dhaka on Monday.")
    assert by_trigger(events, "attacked")["source_actor_id"] is not None
    assert by_trigger(events, "rally")["source_actor_id"] is None


def test_attacking_a_plan_is_criticism(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The senator attacked the minister's budget plan as reckless."), "attacked")
    assert ev["event_type"] == "ACCUSE" and ev["source_actor_id"] is not None


def test_a_video_released_is_no_release_of_captives(nlp, lexes):
    events = run(nlp, lexes, "The group's leader threatened more kidnappings in a video released on Friday.")
    assert not [e for e in events if e["event_type"] == "RETREAT"]


def test_a_scheduled_meeting_is_still_to_come_not_an_offer(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Stocks rose ahead of the central bank meeting."), "meeting")
    assert ev["event_type"] == "CONSULT" and ev["is_hypothetical"]


def test_drones_shot_down_after_a_drone_attack_are_an_act_of_their_own(nlp, lexes):
    text = ("On 8 March 2024, Ukrainian drones attacked an oil depot near the city. "
            "Officials said 14 drones were shot down.")
    events = run(nlp, lexes, text, published=dt.date(2024, 3, 9))
    assert by_trigger(events, "attacked")["event_mode"] == "drone"
    assert by_trigger(events, "shot")["acled_sub_event_type"] == "Disrupted weapons use"


def test_yet_to_happen_is_negated(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The army has yet to enter the town."), "enter")
    assert ev["is_negated"]


def test_a_grenade_attack_and_its_wounded_are_acled_grenade_events(nlp, lexes):
    events = run(nlp, lexes, "A grenade attack targeted a bar on Friday, wounding seven people.")
    attack = by_trigger(events, "grenade")
    assert attack["event_mode"] == "explosives" and attack["acled_sub_event_type"] == "Grenade"
    assert by_trigger(events, "wounding")["acled_sub_event_type"] == "Grenade"
    assert not any(e["trigger_text"] == "targeted" for e in events)   # the attack's support verb


def test_a_town_named_like_its_province_yields_to_a_place_in_that_province(nlp, lexes):
    text = "In Kandahar, gunmen shot dead four farmers on Sunday in Maiwand district."
    kandahar = place(text, "Kandahar", "gn:61", "PPL", "AFG")
    kandahar["place"]["admin1_name"] = "Kandahar"
    maiwand = place(text, "Maiwand district", "gn:62", "ADM2", "AFG")
    maiwand["place"]["admin1_name"] = "Kandahar"
    assert by_trigger(run(nlp, lexes, text, [kandahar, maiwand]), "shot")["place_id"] == "gn:62"


def test_a_patrol_is_an_event_only_when_someone_mounts_or_steps_it_up(nlp, lexes):
    events = run(nlp, lexes, "ELN fighters set off an explosive device against a military patrol in Saravena, wounding three.")
    assert not any(e["event_type"] == "MOBILIZE" for e in events)
    events = run(nlp, lexes, "The police stepped up patrols along the border after the kidnapping.")
    assert any(e["event_type"] == "MOBILIZE" and "patrols" in e["trigger_text"] for e in events)


def test_a_participle_on_an_object_takes_no_doer_from_the_clause_around_it(nlp, lexes):
    events = run(nlp, lexes, "On 2 May 2023, Kenyan police defused a bomb planted under a bridge near Mandera.")
    assert all(e["source_actor_id"] is None for e in events if "planted" in e["trigger_text"])


def test_a_mob_beating_a_singular_victim_to_death_counts_one_dead(nlp, lexes):
    events = run(nlp, lexes, "On 6 June 2023, villagers beat to death a suspected sorcerer near Kisii.")
    assert by_trigger(events, "beat")["fatalities"] == 1


def test_a_flashback_sentence_keeps_its_date_and_the_story_goes_on_after_it(nlp, lexes):
    text = ("Gunmen attacked a bus station in Kano on Sunday, killing nine people. "
            "Last month, gunmen killed 12 traders in a market raid. "
            "The state governor condemned the violence.")
    events = run(nlp, lexes, text, [place(text, "Kano", "gn:2335204", "PPLA", "NGA")], dt.date(2023, 6, 13))
    assert by_trigger(events, "attacked")["event_date"] == dt.date(2023, 6, 11)
    old = next(e for e in events if e["fatalities"] == 12)
    assert old["date_precision"] == "month" and old["place_id"] is None
    assert by_trigger(events, "condemned")["event_date"] == dt.date(2023, 6, 11)
    # a flashback inside the sentence that tells the story's day does not move the story
    text = ("A drone strike killed four fighters near Kano on Sunday, the deadliest attack since a truce took "
            "effect in March. The strike hit a pickup truck on the main road.")
    events = run(nlp, lexes, text, [place(text, "Kano", "gn:2335204", "PPLA", "NGA")], dt.date(2023, 6, 13))
    assert by_trigger(events, "hit")["event_date"] == dt.date(2023, 6, 11)


def test_an_act_named_again_for_a_claim_or_blame_is_no_new_event(nlp, lexes):
    events = run(nlp, lexes, "A car bomb killed six soldiers in Mogadishu on Monday. "
                             "No group has so far claimed responsibility for that bombing.")
    assert not any("bombing" in e["trigger_text"] for e in events)
    events = run(nlp, lexes, "Militants have carried out similar attacks in the region.")
    assert events == []


def test_a_suicide_bomber_striking_is_a_suicide_attack_not_an_air_strike(nlp, lexes):
    events = run(nlp, lexes, "A suicide bomber struck a mosque in Peshawar on Friday, killing 30 worshippers.")
    assert {e["event_mode"] for e in events} == {"suicide-attack"}


def test_an_event_noun_naming_a_kind_of_people_or_thing_is_no_event(nlp, lexes):
    events = run(nlp, lexes, "Riot police fired tear gas at students in Nairobi on Monday.")
    assert not any(e["trigger_text"].lower().startswith("riot") for e in events)
    events = run(nlp, lexes, "The envoy began a mediation mission between the two parties.")
    assert any("mediation" in e["trigger_text"] and e["event_type"] == "CONSULT" for e in events)


def test_a_later_paragraph_places_and_claims_the_earlier_attack(nlp, lexes):
    text = ("Suspected jihadists killed 12 soldiers in an ambush in eastern Mali on Monday.\n\n"
            "The attack took place near Menaka, close to the border with Niger.\n\n"
            "JNIM claimed responsibility on Tuesday for the attack.")
    places = [place(text, "Mali", "gn:2453866", "PCLI", "MLI"), place(text, "Menaka", "gn:2454532", "PPLA", "MLI"),
              place(text, "Niger", "gn:2440476", "PCLI", "NER")]
    events = run(nlp, lexes, text, places, dt.date(2023, 5, 10))
    assert [e for e in events if e["event_type"] == "ASSAULT"] == [by_trigger(events, "killed")]
    ev = by_trigger(events, "killed")
    assert ev["place_id"] == "gn:2454532" and ev["source_actor_id"] == "JNIM"


def test_capturing_people_takes_no_territory(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Islamic State militants captured three soldiers on Friday."), "captured")
    assert ev["acled_sub_event_type"] == "Armed clash"


def test_singular_victims_coordinated_with_a_number_count_one_each(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A shell hit a house in Goma, killing a woman and her four children."), "killing")
    assert ev["fatalities"] == 5
    ev = by_trigger(run(nlp, lexes, "Three soldiers and a teacher were killed in the ambush near Mopti."), "killed")
    assert ev["fatalities"] == 4


def test_a_no_event_reading_stops_the_default_reading(nlp, lexes):
    events = run(nlp, lexes, "The army released a video showing the captured town.")
    assert not any("released" in e["trigger_text"] for e in events)
    assert any(e["event_type"] == "RETREAT" for e in run(nlp, lexes, "The army released 40 prisoners on Monday."))


def test_a_place_of_another_event_named_in_the_object_is_not_this_events(nlp, lexes):
    text = "Police arrested Ali Musa, a suspect in the bombing in Kano, in the Lagos district of Ikeja."
    places = [place(text, "Kano", "gn:2335204", "PPLA", "NGA"), place(text, "Lagos", "gn:2332459", "PPLA", "NGA"),
              place(text, "Ikeja", "gn:2338400", "PPLA", "NGA")]
    events = run(nlp, lexes, text, places)
    assert by_trigger(events, "arrested")["place_id"] != "gn:2335204"
    # the bombing he is suspected of was not done by the police who arrest him
    assert by_trigger(events, "bombing")["source_actor_id"] is None


def test_victims_of_whom_some_later_died_add_to_the_attack_toll(nlp, lexes):
    events = run(nlp, lexes, "Police shot three protesters in Kisumu on Monday, two of whom later died.")
    assert [e["fatalities"] for e in events if e["event_type"] == "ASSAULT"] == [2]


def test_a_raid_in_which_someone_was_killed_is_that_killing(nlp, lexes):
    events = run(nlp, lexes, "French troops killed a senior JNIM commander in a raid near Menaka.")
    assert [e["event_type"] for e in events] == ["ASSAULT"]


@pytest.mark.parametrize("text, trigger, event_type", [
    # chanting slogans is a protest
    ("Students chanted slogans against the rector outside the campus.", "chanted", "PROTEST"),
    # a verb the small model misreads as an adjective of its object keeps its reading
    ("Myanmar's military seized power on Monday and detained the president.", "seized", "COERCE"),
    # a warning about what is, is disapproval; about what will be, a threat
    ("Amnesty warned that the new law was a threat to free speech.", "warned", "ACCUSE"),
    ("The army warned that it would storm the camp.", "warned", "THREATEN"),
    # a strike is a labour protest when its words say so, else only an air or military strike
    ("Dock workers began a nationwide strike over pay on Monday.", "strike", "PROTEST"),
    ("A retaliatory Israeli strike hit a car near Tyre on Monday.", "strike", "ASSAULT"),
])
def test_a_trigger_reads_as_its_type(nlp, lexes, text, trigger, event_type):
    assert by_trigger(run(nlp, lexes, text), trigger)["event_type"] == event_type


def test_a_clash_that_killed_civilians_is_still_a_battle(nlp, lexes):
    ev = run(nlp, lexes, "On 3 May 2023, clashes between two militias in Wau killed 14 civilians.")[0]
    assert ev["acled_event_type"] == "Battles" and ev["fatalities"] == 14


def test_a_bare_strike_named_again_is_no_protest(nlp, lexes):
    events = run(nlp, lexes, "Thousands rallied in Sanaa on Friday to denounce the strikes.")
    assert not any(e["event_type"] == "PROTEST" and "strikes" in e["trigger_text"] for e in events)


def test_a_partner_country_after_with_is_no_scene(nlp, lexes):
    text = "US jets bombed the rebel positions with the United Kingdom, officials said."
    events = run(nlp, lexes, text, [place(text, "United Kingdom", "gn:2635167", "PCLI", "GBR")])
    assert all(e["place_id"] != "gn:2635167" for e in events)


def test_a_public_flogging_is_violence_against_civilians(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Taliban officials flogged four men in public on Tuesday."), "flogged")
    assert ev["event_type"] == "ASSAULT" and ev["event_mode"] == "beat"


def test_coordinated_modifiers_of_the_subject_are_the_two_sides(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Indian and Pakistani troops exchanged fire along the frontier."), "exchanged")
    assert {ev["source_actor_id"], ev["target_actor_id"]} == {"IND-MIL", "PAK-MIL"}


def test_a_country_coordinated_into_an_actor_is_not_the_scene(nlp, lexes):
    text = "The government of Niger and Chad signed an accord on border security in Niamey."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Niger", "gn:10", "PCLI", "NER"),
                                           place(text, "Chad", "gn:11", "PCLI", "TCD"),
                                           place(text, "Niamey", "gn:12", "PPLC", "NER")]), "signed")
    assert ev["place_id"] == "gn:12"


def test_a_hedge_before_the_doers_is_no_accusation(nlp, lexes):
    events = run(nlp, lexes, "On 3 June 2024, alleged Ambazonian separatists torched a clinic in Kumba.")
    assert not [e for e in events if "alleged" in e["trigger_text"]]
    assert by_trigger(events, "torched")["event_type"] == "COERCE"


def test_an_offensive_that_was_only_warned_of_is_no_assault(nlp, lexes):
    events = run(nlp, lexes, "The front stayed quiet despite repeated warnings of an offensive.")
    assert not [e for e in events if e["trigger_text"] == "offensive" and not e["is_hypothetical"]]


def test_the_parties_between_whom_fighting_took_place_are_the_two_sides(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Heavy fighting took place between the SAF and the RSF on Friday."), "fighting")
    assert {ev["source_actor_id"], ev["target_actor_id"]} == {"SDN-MIL", "RSF"}


def test_a_definite_event_noun_described_again_is_no_new_event(nlp, lexes):
    text = ("Rebels attacked the town of Bunia on Monday. "
            "The fighting is the worst since the rebels took the district in 2019.")
    events = run(nlp, lexes, text)
    assert not [e for e in events if e["trigger_text"].startswith("fighting")]
    # a described act the article has not told is kept
    assert [e for e in run(nlp, lexes, "The fighting was the worst in years.") if e["trigger_text"] == "fighting"]


def test_the_hospital_town_does_not_make_the_wounded_a_new_event(nlp, lexes):
    text = ("Shells hit a camp near Bunia on Tuesday, killing nine people. "
            "Dozens more were wounded and taken to hospitals in Kisangani.")
    events = run(nlp, lexes, text, [place(text, "Bunia", "gn:21", "PPL", "COD"),
                                    place(text, "Kisangani", "gn:22", "PPL", "COD")])
    assert not [e for e in events if e["place_id"] == "gn:22"]


def test_a_later_occurrence_sentence_dates_and_retells_the_attack(nlp, lexes):
    text = ("Gunmen killed 14 soldiers in an ambush in eastern Chad, the army said on Friday. "
            "The attack happened on Wednesday when a patrol was targeted by fighters on motorcycles. "
            "Five soldiers were wounded and two trucks were destroyed.")
    events = run(nlp, lexes, text, [place(text, "Chad", "gn:30", "PCLI", "TCD")], published=dt.date(2017, 11, 3))
    assaults = [e for e in events if e["event_type"] == "ASSAULT"]
    assert len(assaults) == 1
    ev = assaults[0]
    assert ev["event_date"] == dt.date(2017, 11, 1) and ev["fatalities"] == 14 and ev["injured_count"] == 5
    assert not [e for e in events if e["event_type"] == "COERCE"]


def test_a_bare_weapon_striking_later_is_the_earlier_strikes_doer(nlp, lexes):
    text = ("Russian missiles pounded the power grid overnight, officials said. "
            "In another region, a drone struck an apartment block, killing three residents.")
    events = run(nlp, lexes, text)
    later = by_trigger(events, "struck")
    assert later["source_actor_id"] == "RUS-MIL" and later["confidence"] < 0.85
    # a weapon in a story with no earlier doer stays without one
    alone = by_trigger(run(nlp, lexes, "A drone struck an apartment block, killing three residents."), "struck")
    assert alone["source_actor_id"] is None


def test_acts_coordinated_under_an_agreement_are_its_content(nlp, lexes):
    events = run(nlp, lexes, "Both sides agreed to open new talks and recover the remains of missing soldiers.")
    assert not [e for e in events if "recover" in e["trigger_text"]]


def test_a_toll_clause_under_the_clashes_is_no_second_event(nlp, lexes):
    events = run(nlp, lexes, "Clashes broke out between herders and farmers near the river, leaving 7 dead.")
    assaults = [e for e in events if e["event_type"] == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0]["fatalities"] == 7


def test_a_town_in_a_sites_name_is_where_the_event_happened(nlp, lexes):
    text = "Students of the University of Lagos held a sit-in at the campus on Monday."
    ev = by_trigger(run(nlp, lexes, text, [dict(place(text, "Lagos", "gn:50", "PPL", "NGA"), in_name=True)]), "sit-in")
    assert ev["place_id"] == "gn:50"


def test_the_user_of_a_planted_bomb_is_the_doer_of_its_blast(nlp, lexes):
    events = run(nlp, lexes, "A bomb planted by the militants exploded near a school.")
    assert by_trigger(events, "exploded")["source_actor_id"] is not None
    assert [e["trigger_text"] for e in events] == ["exploded"]   # the planting is the blast's making


def test_a_country_naming_whose_operation_it_was_is_not_the_scene(nlp, lexes):
    text = "A commander was killed in a US operation in the desert on Thursday."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "US", "gn:60", "PCLI", "USA")]), "killed")
    assert ev["place_id"] is None
    text = "Two drones were shot down over US territory on Thursday."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "US", "gn:60", "PCLI", "USA")]), "shot")
    assert ev["place_id"] == "gn:60"


def test_the_date_a_note_was_reported_is_not_the_events_date(nlp, lexes):
    events = run(nlp, lexes, "On 7 May 2024 (as reported on 9 May), a landmine exploded under a truck, killing 3.",
                 published=dt.date(2024, 5, 30))
    assert {e["event_date"] for e in events} == {dt.date(2024, 5, 7)}


@pytest.mark.parametrize("text, trigger, field, value", [
    # a demonym before coordinated weapons names the doer
    ("Russian missiles and drones pounded the port overnight.", "pounded", "source_actor_id", "RUS-MIL"),
    # an event noun "from" an actor has that actor as its source
    ("The visit drew sharp criticism from Kenyan officials.", "criticism", "source_actor_id", "KEN-GOV"),
    # a verb misread as a modifier of the sentence's lone noun has that noun as its doer
    ("An official Kenyan newspaper called Monday on voters to stay calm.", "called", "source_actor_id", "KEN-JRN"),
    # a roadside bomb that struck is an explosive, not an air strike
    ("A roadside bomb struck a police vehicle near the market.", "struck", "event_mode", "explosives"),
])
def test_one_reading_of_a_sentence(nlp, lexes, text, trigger, field, value):
    assert by_trigger(run(nlp, lexes, text), trigger)[field] == value


def test_the_day_a_speaker_said_it_does_not_date_what_was_said(nlp, lexes):
    text = ("Gunmen attacked a concert hall on Friday night, killing 40 people. "
            "The prosecutor said on Saturday that 200 people had been wounded.")
    events = run(nlp, lexes, text, published=PUB)
    assert {e["event_date"] for e in events} == {dt.date(2017, 11, 3)}
    # a date before the verb of saying still dates the event, as ACLED's notes write it
    ev = by_trigger(run(nlp, lexes, "On 1 November 2017, police said they had arrested five men.", published=PUB),
                    "arrested")
    assert ev["event_date"] == dt.date(2017, 11, 1)


def test_triggers_telling_one_act_share_an_incident(nlp, lexes):
    events = run(nlp, lexes, "Insurgents ambushed an army convoy outside the town, killing eleven soldiers.")
    ambush, killing = by_trigger(events, "ambushed"), by_trigger(events, "killing")
    assert ambush["incident_of"] == killing["incident_of"] == (ambush["trigger_start"], ambush["trigger_end"])
    # the toll stays on one row only, so summing an incident's rows counts it once
    assert [e["fatalities"] for e in events] == [None, 11]


def test_an_incident_shares_the_target_only_one_of_its_rows_names(nlp, lexes):
    events = run(nlp, lexes, "Armed men attacked a gold mine on Sunday, killing nine miners.")
    attack, killing = by_trigger(events, "attacked"), by_trigger(events, "killing")
    assert attack["incident_of"] == killing["incident_of"]
    assert attack["target_actor_id"] == killing["target_actor_id"] is not None
    assert attack["acled_event_type"] == killing["acled_event_type"] == "Violence against civilians"


@pytest.mark.parametrize("text", [
    "Settlers shot a shepherd, and soldiers later killed two gunmen.",        # two doers
    "A roadside bomb killed four soldiers, and a second blast wounded six.",  # a clause with its own subject
    "Police did not open fire, but rioters burned two cars.",                 # one negated, one real
])
def test_separate_acts_of_one_sentence_are_separate_incidents(nlp, lexes, text):
    events = run(nlp, lexes, text)
    assert len(events) >= 2
    first = events[0]["incident_of"]
    assert any(e["incident_of"] != first for e in events[1:])


def test_a_harm_coordinated_with_another_doers_act_keeps_its_own_coding(nlp, lexes):
    events = run(nlp, lexes, "Settlers shot a shepherd, and soldiers later killed two gunmen.")
    assert by_trigger(events, "killed")["acled_event_type"] == "Battles"   # not the settlers' riot


@pytest.mark.parametrize("text, trigger, source", [
    ("Gunmen of Boko Haram killed three soldiers near the market.", "killed", "BOKO"),
    ("Gunmen from the village killed three soldiers near the market.", "killed", "grp-uaf"),   # no group
    ("Dissidents of the former FARC rebel group attacked a police post.", "attacked", "FARC"),
    ("A US drone strike killed three militants near the border.", "strike", "USA-MIL"),   # the adjective
])
def test_the_group_or_country_that_names_the_doers_is_the_doer(nlp, lexes, text, trigger, source):
    assert by_trigger(run(nlp, lexes, text), trigger)["source_actor_id"] == source


def test_a_military_parade_is_a_show_of_force(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Hezbollah held a military parade in the city on Sunday."), "parade")
    assert (ev["event_type"], ev["acled_event_type"]) == ("MOBILIZE", "Strategic developments")


def test_shot_dead_counts_its_victims_however_the_place_after_it_is_parsed(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "At least five people were shot dead outside parliament, the union said."), "shot")
    assert ev["fatalities"] == 5


def test_breaching_a_line_is_force_and_breaching_a_deal_rejection(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Protesters breached police lines outside parliament."), "breached")
    assert ev["event_type"] == "ASSAULT"
    assert by_trigger(run(nlp, lexes, "The rebels breached the agreement."), "breached")["event_type"] == "REJECT"


def test_a_crowd_in_the_clause_before_a_shooting_is_not_its_doer(nlp, lexes):
    events = run(nlp, lexes, "Four marchers were shot dead after protesters breached police lines.")
    shot = by_trigger(events, "shot")
    assert shot["source_actor_id"] is None and shot["incident_of"] != by_trigger(events, "breached")["incident_of"]
    shot = by_trigger(run(nlp, lexes, "Four traders were shot dead after gunmen stormed the market."), "shot")
    assert shot["source_actor_id"] == "grp-uaf"


def test_an_interception_is_a_disrupted_strike_and_never_the_next_strikes_doer(nlp, lexes):
    text = ("Russian forces fired missiles at Ukrainian cities overnight, officials said.\n\n"
            "The air force said it shot down 20 of 31 missiles. A missile hit a school in the east, "
            "killing two guards.")
    events = run(nlp, lexes, text)
    down = by_trigger(events, "shot down")
    assert (down["acled_event_type"], down["acled_sub_event_type"]) == ("Strategic developments", "Disrupted weapons use")
    assert by_trigger(events, "hit")["source_actor_id"] == "RUS-MIL"   # not the air force that shot down
    ev = by_trigger(run(nlp, lexes, "Rebels shot down a military helicopter."), "shot down")
    assert ev["acled_event_type"] == "Battles"   # an aircraft with its crew is no weapon stopped


def test_fighting_between_two_sides_as_a_subject_names_both(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Fighting between soldiers and rebels killed 12 people near the border on Monday."),
                    "Fighting")
    assert {ev["source_actor_id"], ev["target_actor_id"]} == {"grp-mil", "grp-reb"} and ev["fatalities"] == 12


@pytest.mark.parametrize("text", ["Soldiers defused a roadside bomb planted near the bridge.",
                                  "Engineers neutralised two explosive devices left under a culvert."])
def test_a_bomb_defused_is_a_disrupted_strike_and_its_planting_no_blast(nlp, lexes, text):
    events = run(nlp, lexes, text)
    assert [(e["acled_event_type"], e["acled_sub_event_type"]) for e in events] == \
        [("Strategic developments", "Disrupted weapons use")]


@pytest.mark.parametrize("text", ["Rebel commanders were due to attack the garrison at dawn.",
                                  "Rebel commanders are scheduled to attack the garrison at dawn."])
def test_a_scheduled_act_has_not_happened(nlp, lexes, text):
    ev = by_trigger(run(nlp, lexes, text), "attack")
    assert ev["is_hypothetical"] or ev["event_type"] == "THREATEN"


@pytest.mark.parametrize("text, trigger", [
    ("Police detained nine activists in Gulu ahead of a march by teachers.", "march"),
    ("The mayor banned the planned demonstration against fuel prices.", "demonstration"),
    ("Students postponed an upcoming sit-in over fees.", "sit-in"),
    ("Authorities in the capital banned opposition rallies.", "rallies"),   # (events_modality.csv: ban)
])
def test_an_act_still_to_come_has_not_happened(nlp, lexes, text, trigger):
    # "ahead of", "planned" and "upcoming" tell of an act to come; the arrests did happen
    events = run(nlp, lexes, text)
    assert by_trigger(events, trigger)["is_hypothetical"]
    assert not any(e["is_hypothetical"] for e in events if e["trigger_text"] != trigger)


def test_a_weekday_in_a_sentence_with_a_full_date_is_that_date(nlp, lexes):
    text = "On 14 April 2024, gunmen attacked a chapel during Sunday mass, killing 12 worshippers."
    events = run(nlp, lexes, text, published=dt.date(2024, 5, 10))
    assert {e["event_date"] for e in events} == {dt.date(2024, 4, 14)}


def test_two_named_groups_modifying_one_noun_are_the_two_sides(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "JNIM and ISSP militants clashed near the border on Monday."), "clashed")
    assert (ev["source_actor_id"], ev["target_actor_id"]) == ("JNIM", "ISGS")


@pytest.mark.parametrize("text, trigger, acled", [
    ("Bandits invaded two villages near the river on Saturday.", "invaded", "Violence against civilians"),
    ("Gunmen launched an attack on a church near the river.", "attack", "Violence against civilians"),
    ("Rebels attacked an army base near the river.", "attacked", "Battles"),
    ("The army captured the village of Qarzai after a fierce battle.", "captured", "Battles"),   # ground
    ("Gunmen stormed a hamlet near the river, killing 12.", "killing", "Violence against civilians"),
])
def test_an_armed_attack_on_a_place_of_civilian_life_is_violence_against_civilians(nlp, lexes, text, trigger, acled):
    assert by_trigger(run(nlp, lexes, text), trigger)["acled_event_type"] == acled


def test_the_kind_an_attack_is_one_of_is_no_second_attack(nlp, lexes):
    text = "Fighters stormed a hamlet on Wednesday, killing 40 people, in one of the deadliest attacks of the war."
    assert [e["trigger_text"] for e in run(nlp, lexes, text) if "attack" in e["trigger_text"]] == []
    text = "Gunmen killed 30 villagers in a market on Sunday, the deadliest attack in the state this year."
    assert [e["trigger_text"] for e in run(nlp, lexes, text)] == ["killed"]


@pytest.mark.parametrize("text", ["The army accused the militia of committing a massacre.",
                                  "The army accused the militia of a massacre in the valley."])
def test_an_act_an_accusation_is_about_is_no_event_of_the_accuser(nlp, lexes, text):
    events = run(nlp, lexes, text)
    assert [e["event_type"] for e in events] == ["ACCUSE"]


def test_a_toll_the_war_itself_took_is_background_however_it_is_counted(nlp, lexes):
    text = "Rebels shot dead two guards on Monday.\n\nThe war has killed tens of thousands of people."
    events = run(nlp, lexes, text)
    assert [e["sentence_index"] for e in events] == [0]
    # whoever its parties
    text = "Rebels shot dead two guards on Monday.\n\nThe war between the army and the rebels has killed 5,000 people."
    assert [e["sentence_index"] for e in run(nlp, lexes, text)] == [0]


def test_a_statement_the_doer_made_does_not_make_its_attack_verbal(nlp, lexes):
    text = "The militia said in a statement that it had attacked army positions in the area."
    assert by_trigger(run(nlp, lexes, text), "attacked")["event_type"] == "ASSAULT"


def test_a_battle_with_a_group_after_which_an_army_took_ground_is_the_armys_fight_with_it(nlp, lexes):
    text = "The Syrian army captured the hamlet on Saturday after a fierce battle with HTS."
    ev = by_trigger(run(nlp, lexes, text), "battle")
    assert (ev["source_actor_id"], ev["target_actor_id"]) == ("SYR-MIL", "NUSRA")   # HTS, its successor


def test_clashes_between_two_named_sides_are_theirs_not_the_clause_subjects(nlp, lexes):
    # the looters of the main clause are no side of the clashes "between" two others
    text = "Looters emptied shops in the market of Jacmel during clashes between the Kraze Baryè gang and the police."
    ev = by_trigger(run(nlp, lexes, text), "clashes")
    assert not ev["source_actor_id"].lower().endswith("cvl") and ev["target_actor_id"].lower().endswith("cop")
    assert ev["acled_event_type"] == "Battles"


def test_victims_doing_something_are_still_the_object_of_the_attack(nlp, lexes):
    # the small model reads "herders watering cattle" as a clause under "assaulted"
    text = "Armed settlers assaulted Bedouin herders watering cattle near the spring, injuring three."
    events = run(nlp, lexes, text)
    assert by_trigger(events, "assaulted")["target_actor_id"] is not None
    assert by_trigger(events, "injuring")["source_actor_id"] == by_trigger(events, "assaulted")["source_actor_id"]


def test_killing_a_village_chief_is_violence_against_civilians(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Gunmen on motorbikes shot dead a village chief near the market."), "shot")
    assert ev["target_actor_id"] is not None and ev["acled_event_type"] == "Violence against civilians"


def test_attackers_getting_away_is_no_withdrawal(nlp, lexes):
    text = "Gunmen shot dead a trader at the cattle market. The attackers fled on motorcycles."
    assert [e["trigger_text"] for e in run(nlp, lexes, text)] == ["shot"]
    # ... but fighters abandoning ground still withdraw
    assert by_trigger(run(nlp, lexes, "Al-Shabaab fighters fled the town as troops advanced."), "fled")


def test_people_forced_to_flee_are_not_the_armed_group_withdrawing(nlp, lexes):
    text = "An armed group burned dozens of huts in the hamlet, forcing residents to flee."
    assert not [e for e in run(nlp, lexes, text) if e["event_type"] == "RETREAT"]
    assert by_trigger(run(nlp, lexes, "The commander ordered the militia to withdraw from the bridge."),
                      "withdraw")["source_actor_id"] is not None


def test_who_does_an_infinitive_after_an_object_depends_on_the_verb(nlp, lexes):
    # "ordered the militia to withdraw": the militia withdraws; "summoned the envoy to protest":
    # the one who summoned protests
    ev = by_trigger(run(nlp, lexes, "Kenya's foreign minister summoned the Ugandan envoy to protest the arrests."),
                    "protest")
    assert ev["source_actor_id"] is not None and ev["source_actor_id"].startswith("KEN")


def test_a_demonym_before_an_assault_noun_is_that_countrys_forces(nlp, lexes):
    events = run(nlp, lexes, "Armenian troops repelled an Azerbaijani assault on the border village.")
    assert by_trigger(events, "assault")["source_actor_id"] == "AZE-MIL"
    assert by_trigger(events, "repelled")["target_actor_id"] == "AZE-MIL"


def test_sanctions_imposed_on_a_later_named_group_target_it(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Washington imposed sanctions on Tuesday on three senior Sudanese army officers."),
                    "sanctions")
    assert ev["event_type"] == "SANCTION" and ev["target_actor_id"] == "SDN-MIL"


@pytest.mark.parametrize("text, mode", [("Russia launched a missile attack on Kyiv.", "heavy-weapons"),
                                        ("A drone attack hit a depot in Odesa.", "drone")])
def test_the_weapon_before_an_attack_noun_gives_its_means(nlp, lexes, text, mode):
    assert by_trigger(run(nlp, lexes, text), "attack")["event_mode"] == mode


def test_a_governments_protest_is_a_complaint_not_a_demonstration(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "China protested against the arms sale on Monday."), "protested")
    assert (ev["event_type"], ev["acled_event_type"]) == ("ACCUSE", None)
    ev = by_trigger(run(nlp, lexes, "Thousands of students protested in the capital."), "protested")
    assert ev["event_type"] == "PROTEST"


def test_a_request_for_comment_is_no_event(nlp, lexes):
    assert run(nlp, lexes, "The militia did not respond to a request for comment.") == []


def test_an_act_at_several_listed_places_is_a_row_at_each_with_the_toll_once(nlp, lexes):
    text = "Protesters rallied in Zorba, Qarta and Velin on Tuesday; police shot dead four of them."
    ps = [place(text, n, f"gn:{k}", "PPL", "KEN") for k, n in enumerate(("Zorba", "Qarta", "Velin"), start=50)]
    rallies = [e for e in run(nlp, lexes, text, ps) if e["trigger_text"] == "rallied"]
    assert [(e["place_id"], e["row_ordinal"]) for e in rallies] == [("gn:50", 0), ("gn:51", 1), ("gn:52", 2)]
    assert len({e["incident_of"] for e in rallies}) == 1
    text = "Gunmen abducted four travellers between Zorba and Qarta on Tuesday, killing two."
    ps = [place(text, n, f"gn:{k}", "PPL", "KEN") for k, n in enumerate(("Zorba", "Qarta"), start=50)]
    events = run(nlp, lexes, text, ps)
    assert len([e for e in events if e["trigger_text"] == "abducted"]) == 1   # a route: one act
    assert sum(e["fatalities"] or 0 for e in events) == 2
    from pipeline.gazetteer import load_gazetteer
    from pipeline.places import find_places
    doc = nlp("On 9 June 2024, Haitian police clashed with gang members in Delmas (Port-au-Prince, Ouest).")
    ps = find_places(doc, load_gazetteer())   # ACLED's qualifier in brackets is where Delmas lies
    assert len(find_events(doc, lexes[1], find_actors(doc, lexes[0], ps), ps, PUB)) == 1


def test_a_jet_dropping_bombs_strikes_for_the_doer_of_the_air_campaign_told_before(nlp, lexes):
    text = ("The Myanmar military carried out air strikes on a village on Tuesday, killing 30 people.\n\n"
            "A fighter jet dropped bombs on the hamlet, followed by a helicopter gunship that fired on the crowd.")
    ev = by_trigger(run(nlp, lexes, text), "dropped")
    assert (ev["event_mode"], ev["source_actor_id"]) == ("aerial", "MMR-MIL")


def test_an_act_told_in_the_present_perfect_since_a_month_long_ago_is_background(nlp, lexes):
    text = "The junta has stepped up air attacks on rebel forces since seizing power in February 2021."
    assert not [e for e in run(nlp, lexes, text) if "attacks" in e["trigger_text"]]
    text = "The army has been shelling the northern suburbs since Friday."   # days of this story
    assert by_trigger(run(nlp, lexes, text), "shelling")


def test_a_place_in_the_description_of_a_passive_subject_is_not_the_scene(nlp, lexes):
    text = "Dorov, 44, an officer with the 12th Brigade in the port of Zorba, was shot in an ambush north of Qarta."
    ps = [place(text, "Zorba", "gn:60", "PPL", "POL"), place(text, "Qarta", "gn:61", "PPL", "IRQ")]
    assert by_trigger(run(nlp, lexes, text, ps), "shot")["place_id"] == "gn:61"


def test_a_country_in_a_hyphenated_doer_modifier_is_not_where_it_happened(nlp, lexes):
    text = "Raiders shot dead a militant commander during a US-Kurdish operation on Thursday."
    ps = [place(text, "US", "gn:6252001", "PCLI", "USA")]
    assert by_trigger(run(nlp, lexes, text, ps), "shot")["place_id"] is None


def test_a_past_act_given_as_the_motive_is_no_event_but_a_new_one_is(nlp, lexes):
    text = ("Tehrik-e-Taliban Pakistan said its fighter carried out the attack to avenge the killing of "
            "its commanders.")
    events = run(nlp, lexes, text)
    assert [e["trigger_text"] for e in events if "killing" in e["trigger_text"]] == []
    assert by_trigger(events, "carried out")["source_actor_id"] == "TTP"   # its own fighter
    text = "The rebels vowed to strike the capital in retaliation for an air raid on a border village."
    assert by_trigger(run(nlp, lexes, text), "raid")


def test_an_attack_claimed_in_passing_names_the_doer_and_makes_no_second_row(nlp, lexes):
    text = ("A suicide bomber struck a checkpoint near the market on Monday, killing six officers, "
            "officials said, in a bombing later claimed by the Pakistani Taliban.")
    events = run(nlp, lexes, text)
    assert {e["source_actor_id"] for e in events} == {"TTP"}
    assert not [e for e in events if e["trigger_text"] == "bombing"]


def test_a_death_told_as_what_came_before_is_not_the_acts_toll(nlp, lexes):
    events = run(nlp, lexes, "A mob attacked and burned a police post in the town after a suspect died in custody.")
    assert sum(e["fatalities"] or 0 for e in events) == 0 and not [e for e in events if e["trigger_text"] == "died"]
    events = run(nlp, lexes, "Two traders died after gunmen attacked the market.")   # the attack's own toll
    assert sum(e["fatalities"] or 0 for e in events) == 2


@pytest.mark.parametrize("text, trigger, mode", [
    ("A landmine planted by unknown men killed a herder near the well.", "killed", "explosives"),
    ("The junta dissolved all political parties on Tuesday.", "dissolved", "ban"),
    ("The military council announced the dissolution of all political parties on Friday.", "dissolution", "ban"),
])
def test_acled_notes_wording_for_mines_and_bans(nlp, lexes, text, trigger, mode):
    assert by_trigger(run(nlp, lexes, text), trigger)["event_mode"] == mode


def test_an_armed_groups_blockade_is_no_protest(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "JNIM militants blocked supply routes to the town."), "blocked")
    assert (ev["event_type"], ev["acled_event_type"]) == ("PROTEST", "Strategic developments")   # CAMEO 144
    ev = by_trigger(run(nlp, lexes, "Farmers blocked the highway with tractors."), "blocked")
    assert ev["event_type"] == "PROTEST"


def test_the_guns_an_attack_used_are_not_its_target(nlp, lexes):
    text = "The commandos launched the assault at dawn, striking the militant defenses with heavy artillery."
    ev = by_trigger(run(nlp, lexes, text), "striking")
    assert ev["target_actor_id"] != "grp-mil"


def test_a_negated_verb_of_saying_does_not_negate_what_it_would_have_said(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Police did not say who carried out the attack on the convoy."), "attack")
    assert not ev["is_negated"]
    ev = by_trigger(run(nlp, lexes, "Police did not say whether anyone was arrested."), "arrested")
    assert not ev["is_negated"] and ev["is_hypothetical"]
    assert by_trigger(run(nlp, lexes, "Police said no one was arrested."), "arrested")["is_negated"]


def test_a_coders_bracketed_tag_is_no_event_and_no_toll(nlp, lexes):
    events = run(nlp, lexes, "On 4 May 2023, a soldier sexually assaulted a girl at a roadblock near the market. "
                             "[women targeted: Girls] [size=around 30]")
    assert [e["trigger_text"] for e in events] == ["assaulted"]
    assert events[0]["event_mode"] == "sexual" and events[0]["fatalities"] is None


def test_a_coders_tag_written_as_a_sentence_is_no_event(nlp, lexes):
    events = run(nlp, lexes, "On 2 June 2024, gunmen abducted two schoolgirls from a farm near the town. "
                             "Women targeted: Girls.")
    assert [e["trigger_text"] for e in events] == ["abducted"]
    # a speaker's colon opens a clause that is still told
    assert by_trigger(run(nlp, lexes, "The mayor said: gunmen burned the market."), "burned")


@pytest.mark.parametrize("text", [
    "Fighters of the group beheaded a trader accused of informing for the army.",
    "Officers detained four youths suspected of attacking a bus depot.",
])
def test_a_charge_describing_a_person_is_no_event(nlp, lexes, text):
    events = run(nlp, lexes, text)
    assert len(events) == 1 and events[0]["event_type"] in ("ASSAULT", "COERCE")


def test_a_charge_made_by_a_speaker_is_still_an_accusation(nlp, lexes):
    events = run(nlp, lexes, "Farmers blocked the highway and accused the police of negligence.")
    assert by_trigger(events, "accused")["event_type"] == "ACCUSE"


@pytest.mark.parametrize("text, dead, injured", [
    ("A gunfight between herders and vigilantes near the river left 5 herders and 3 vigilantes dead.", 8, None),
    ("The ambush left 4 soldiers killed and 6 porters injured.", 4, 6),
    ("Fighting overnight left 3 killed and 11 injured.", 3, 11),
])
def test_tolls_of_a_list_of_victims(nlp, lexes, text, dead, injured):
    events = run(nlp, lexes, text)
    total = lambda key: sum(e[key] for e in events if e[key] is not None) if any(e[key] is not None for e in events) else None
    assert (total("fatalities"), total("injured_count")) == (dead, injured)
    assert len({e["incident_of"] for e in events}) == 1


def test_the_target_of_a_weapon_is_never_guessed_as_its_doer(nlp, lexes):
    events = run(nlp, lexes, "A landmine detonated against a police truck on the highway, wounding three officers.")
    assert all(e["source_actor_id"] is None or "cop" not in e["source_actor_id"].lower() for e in events)
    assert any(e["target_actor_id"] is not None for e in events)


def test_a_later_claim_names_the_unnamed_attackers_not_the_troops_who_repelled_them(nlp, lexes):
    text = ("Gunmen stormed a police post in the north on Tuesday, torching two vehicles.\n\n"
            "Soldiers later repelled the attackers, a local official said.\n\n"
            "The Islamic State West Africa Province claimed responsibility for the raid on Wednesday.")
    events = run(nlp, lexes, text)
    stormed, torching, repelled = (by_trigger(events, w) for w in ("stormed", "torching", "repelled"))
    assert stormed["source_actor_id"] == torching["source_actor_id"] != repelled["source_actor_id"]
    assert stormed["source_actor_id"] is not None and "mil" in str(repelled["source_actor_id"]).lower()


def test_a_wars_running_toll_is_no_event(nlp, lexes):
    events = run(nlp, lexes, "More than 12,000 civilians have been killed since the uprising started, monitors estimate.")
    assert not any(e["fatalities"] for e in events)
    events = run(nlp, lexes, "Six people have been killed in an ambush near the border.")
    assert sum(e["fatalities"] or 0 for e in events) == 6   # a toll of one incident stays


def test_an_actor_named_where_the_object_lies_is_not_the_target(nlp, lexes):
    from pipeline.gazetteer import load_gazetteer
    from pipeline.places import find_places
    doc = nlp("Militants shelled a fuel depot in northeastern Nigeria's Borno state.")
    ps = find_places(doc, load_gazetteer())
    events = find_events(doc, lexes[1], find_actors(doc, lexes[0], ps), ps, PUB)
    assert by_trigger(events, "shelled")["target_actor_id"] is None


def test_civilians_killed_in_clashes_are_the_battles_toll(nlp, lexes):
    events = run(nlp, lexes, "Nine villagers were killed in clashes near the river.")
    assert {e["acled_event_type"] for e in events} == {"Battles"}


def test_saying_what_an_earlier_act_was_is_no_new_event(nlp, lexes):
    text = ("Drones struck a power plant near the capital on Friday. "
            "\"It was a deliberate attack on civilians,\" the mayor said.")
    events = run(nlp, lexes, text)
    assert [e["trigger_text"] for e in events if e["event_type"] == "ASSAULT"] == ["struck"]


def test_a_date_in_a_relative_clause_dates_that_clause_not_the_event(nlp, lexes):
    text = "Officials again rejected the accusations about the campaign, which began in March 2021."
    ev = by_trigger(run(nlp, lexes, text, published=dt.date(2024, 5, 10)), "rejected")
    assert ev["event_date"] == dt.date(2024, 5, 10)


def test_a_sources_anonymity_is_no_request(nlp, lexes):
    events = run(nlp, lexes, "Two soldiers were wounded, said a commander who asked not to be identified.")
    assert all(e["event_type"] != "REQUEST" for e in events)


def test_protesters_who_fight_the_police_are_a_violent_demonstration(nlp, lexes):
    text = "Several thousand students rallied outside parliament on Monday and clashed with riot police."
    events = run(nlp, lexes, text)
    assert by_trigger(events, "clashed")["acled_sub_event_type"] == "Violent demonstration"


def test_a_running_toll_adds_nothing_to_the_event_before(nlp, lexes):
    text = ("Gunmen shot dead three traders at a market in the north on Monday. "
            "Some 150 people have been killed in such raids since January.")
    events = run(nlp, lexes, text)
    assert sum(e["fatalities"] or 0 for e in events) == 3


@pytest.mark.parametrize("background", [
    "Clashes between the two communities have killed more than 200 people since May 2023.",
    "The violence has killed 80 people so far.",
])
def test_a_spell_of_violence_with_a_running_toll_is_background(nlp, lexes, background):
    text = f"Gunmen shot dead three traders at a market in the north on Monday.\n\n{background}"
    events = run(nlp, lexes, text, published=dt.date(2024, 6, 12))
    assert sum(e["fatalities"] or 0 for e in events) == 3
    assert all(e["sentence_index"] == 0 for e in events)


def test_an_act_protested_against_is_told_again_only_once_the_story_has_told_it(nlp, lexes):
    told = "Gunmen shot dead three traders at a market on Monday. On Tuesday, residents protested against the killings."
    events = run(nlp, lexes, told)
    assert [e["event_type"] for e in events if e["sentence_index"] == 1] == ["PROTEST"]
    news = "On Tuesday, hundreds of residents protested against the killings of three traders."
    assert {e["event_type"] for e in run(nlp, lexes, news)} == {"PROTEST", "ASSAULT"}



@pytest.mark.parametrize("text", [
    "On Friday, students demonstrated in Kampala against abductions of opposition supporters.",
    "On Friday, about 300 people held a vigil in Kampala for a boy shot dead by soldiers.",
])
def test_the_kind_of_act_a_protest_or_vigil_is_about_is_no_act_of_that_day(nlp, lexes, text):
    # a pattern of acts, or an earlier act named only as the reason: the gathering alone is news
    assert [e["event_type"] for e in run(nlp, lexes, text)] == ["PROTEST"]


def test_the_toll_told_where_the_attack_hit_is_the_attacks(nlp, lexes):
    events = run(nlp, lexes, "Gunmen stormed the hamlet of Kassa, where nine farmers were killed.")
    assert len({e["incident_of"] for e in events}) == 1
    assert {e["source_actor_id"] for e in events} == {"grp-uaf"}


def test_the_counted_wounded_of_a_coordinated_harm_are_one_incident_with_the_attack(nlp, lexes):
    text = "Eleven herders were murdered and dozens more injured when militiamen stormed their hamlet on Tuesday."
    events = run(nlp, lexes, text)
    assert len({e["incident_of"] for e in events}) == 1
    assert {e["acled_event_type"] for e in events} == {"Violence against civilians"}


def test_victims_taken_to_a_named_place_of_care_continue_the_attack(nlp, lexes):
    text = ("Gunmen opened fire on a bus near the border on Tuesday, wounding six passengers.\n\n"
            "Three of the wounded were taken to the Qwerty Institute of Medical Sciences in Zorba, "
            "where one of them later died.")
    events = run(nlp, lexes, text, [place(text, "Zorba", "gn:41", "PPL", "IND")])
    assert all(e["sentence_index"] == 0 for e in events)
    assert sum(e["fatalities"] or 0 for e in events) == 1


def test_a_lead_that_sums_up_the_attacks_told_after_it_is_not_counted_twice(nlp, lexes):
    text = ("Armed men killed 17 herders in two raids in the east, officials said on Friday.\n\n"
            "On Wednesday, the attackers shot dead 10 herders near a well. "
            "A second raid on Wednesday night left seven dead.")
    events = run(nlp, lexes, text, published=dt.date(2023, 9, 8))
    assert sum(e["fatalities"] or 0 for e in events) == 17
    assert all(e["sentence_index"] > 0 for e in events)


def test_a_lead_toll_stays_when_the_story_tells_no_more_of_it(nlp, lexes):
    text = ("Armed men killed 17 herders in the east on Tuesday, officials said.\n\n"
            "Last year, a raid on a nearby village left 30 dead.")
    events = run(nlp, lexes, text, published=dt.date(2023, 9, 8))
    assert any(e["sentence_index"] == 0 and e["fatalities"] == 17 for e in events)


def test_an_infinitive_saying_what_an_act_did_is_no_act(nlp, lexes):
    events = run(nlp, lexes, "Gunmen killed 12 farmers in the valley, in the latest attack to hit the state.")
    assert [e["trigger_text"] for e in events] == ["killed"]


def test_a_toll_after_a_new_dated_act_is_not_the_earlier_paragraphs(nlp, lexes):
    text = ("Bandits attacked the village of Kuriga in the north on Tuesday.\n\n"
            "Soldiers arrived in the area on Wednesday. Four bandits were killed.")
    events = run(nlp, lexes, text, [place(text, "Kuriga", "gn:5", "PPL", "NGA")], published=dt.date(2024, 3, 8))
    attack = by_trigger(events, "attacked")
    assert attack["fatalities"] is None
    assert any(e["fatalities"] == 4 and e["event_date"] == dt.date(2024, 3, 6) for e in events)


def test_the_first_undated_sentence_of_the_next_paragraph_goes_on_at_the_scene(nlp, lexes):
    text = ("Bandits attacked the village of Kuriga in the north on Tuesday, killing nine people.\n\n"
            "The gunmen opened fire on worshippers and torched a granary.")
    events = run(nlp, lexes, text, [place(text, "Kuriga", "gn:5", "PPL", "NGA")], published=dt.date(2024, 3, 8))
    assert by_trigger(events, "opened fire")["place_id"] == "gn:5"


def test_repeated_attacks_are_a_pattern_not_an_event(nlp, lexes):
    events = run(nlp, lexes, "The militia has carried out repeated attacks in the province this year.")
    assert not [e for e in events if e["event_type"] == "ASSAULT"]


def test_a_protest_and_its_dispersal_are_one_incident_with_their_own_doers(nlp, lexes):
    events = run(nlp, lexes, "Riot police fired tear gas at students rallying outside the ministry on Monday.")
    fired, rally = by_trigger(events, "fired"), by_trigger(events, "rallying")
    assert fired["incident_of"] == rally["incident_of"]
    assert rally["source_actor_id"] != fired["source_actor_id"]   # the students rallied, not the police
    assert rally["acled_sub_event_type"] == fired["acled_sub_event_type"] == "Protest with intervention"


def test_keeping_someone_from_an_act_is_one_restriction(nlp, lexes):
    events = run(nlp, lexes, "Militants besieged the town and prevented aid trucks from entering.")
    assert not [e for e in events if e["event_type"] == "ASSAULT"]


def test_the_event_word_lists_come_from_their_data_file():
    from pipeline import events
    rows = read_csv_rows(events.DATA_DIR / "events_words.csv")
    first = {}
    for r in rows:
        first.setdefault(r["set"], r)
    assert all(r["note"].strip() for r in first.values()), "each list says what it does on its first row"
    assert events.COMPARED_WORDS == {r["word"] for r in rows if r["set"] == "compared"}
    assert "drone" in events.WEAPON_SUBJECTS and events.BORDER_NOUNS <= events.TERRITORY_NOUNS


@pytest.mark.parametrize("text", [
    "Long-running tensions between the two clans exploded into deadly clashes on Sunday.",
    "The row over fuel prices exploded this week.",
])
def test_tensions_that_explode_are_no_explosion(nlp, lexes, text):
    events = run(nlp, lexes, text)
    assert not [e for e in events if e["event_mode"] == "explosives"]


def test_whom_a_statement_is_about_is_not_where_it_was_made(nlp, lexes):
    text = "The foreign minister accused Rwanda of arming the rebels."
    events = run(nlp, lexes, text, [place(text, "Rwanda", "gn:49518", "PCLI", "RWA")])
    assert by_trigger(events, "accused")["place_id"] is None


def test_a_country_naming_an_institution_is_not_a_scene(nlp, lexes):
    text = "The U.S. Treasury imposed sanctions on two traders."
    events = run(nlp, lexes, text, [place(text, "U.S.", "gn:6252001", "PCLI", "USA")])
    assert by_trigger(events, "sanctions")["place_id"] is None


def test_a_wars_toll_is_no_incident_whatever_its_dates(nlp, lexes):
    events = run(nlp, lexes, "The 1991-2002 civil war killed some 50,000 people, most of them civilians.")
    assert not any(e["fatalities"] for e in events)


def test_the_weapon_named_in_the_trigger_is_not_the_target(nlp, lexes):
    events = run(nlp, lexes, "Russian forces launched 20 drones at the port overnight. Air defences downed 15 of them.")
    launch = by_trigger(events, "launched")
    assert launch["target_actor_id"] is None and launch["source_actor_id"] is not None
    assert by_trigger(events, "downed")["source_actor_id"] is not None   # the air defences


def test_a_later_doerless_air_strike_is_the_campaigns(nlp, lexes):
    text = ("Russian air strikes hit the city of Sumy on Monday, killing four people.\n\n"
            "Further north, an air strike on a farm killed two workers, the governor said.")
    events = run(nlp, lexes, text)
    first, later = by_trigger(events, "air strikes"), by_trigger(events, "farm")
    assert first["source_actor_id"] is not None and later["source_actor_id"] == first["source_actor_id"]
    assert later["confidence"] < first["confidence"]   # taken from the earlier strike


def test_a_fronted_scene_yields_to_an_equally_tied_place_in_the_clause(nlp, lexes):
    text = "In northern Kivu, rebels advanced into the eastern part of Rutshuru on Monday."
    ps = places_of(text, ("Kivu", "PPL"), ("Rutshuru", "PPL"))
    assert place_name(run(nlp, lexes, text, ps), "advanced", ps) == "Rutshuru"


def test_a_division_named_after_its_town_is_no_institution(nlp, lexes):
    from pipeline.gazetteer import load_gazetteer
    from pipeline.places import find_places
    doc = nlp("Eleven farmers were killed on Sunday in Bama Local Government Area, which lies in Borno State.")
    ps = find_places(doc, load_gazetteer())
    ev = by_trigger(find_events(doc, lexes[1], find_actors(doc, lexes[0], ps), ps, PUB), "killed")
    bama = next(p for p in ps if p["mention_text"].startswith("Bama"))
    assert ev["place_id"] == bama["place"]["place_id"]   # the LGA, not the state
    assert bama["place"]["place_name"] == "Bama"


def test_a_bracketed_breakdown_of_a_toll_is_not_counted_again(nlp, lexes):
    text = ("On 2 May 2023, soldiers clashed with militia fighters near the market. "
            "Fatalities: 9 (5 militia fighters, 4 soldiers).")
    events = run(nlp, lexes, text, published=dt.date(2023, 6, 1))
    assert sum(e["fatalities"] or 0 for e in events) == 9


def test_the_sides_of_a_clash_that_left_dead_are_its_parties(nlp, lexes):
    events = run(nlp, lexes, "Clashes between the army and the RSF left 25 dead near the bridge.")
    ev = by_trigger(events, "Clashes")
    assert ev["target_actor_id"] == "RSF" and ev["fatalities"] == 25


def test_arrests_during_a_protest_are_its_intervention(nlp, lexes):
    events = run(nlp, lexes, "Police detained 25 students in the capital during anti-government demonstrations.")
    arrest, demo = by_trigger(events, "detained"), by_trigger(events, "demonstrations")
    assert arrest["incident_of"] == demo["incident_of"]
    assert demo["acled_sub_event_type"] == "Protest with intervention"
    assert demo["source_actor_id"] == arrest["target_actor_id"] is not None   # the students protested


def test_protests_hijacked_by_criminals_are_no_hijacking(nlp, lexes):
    events = run(nlp, lexes, "The president said the protests had been hijacked by criminal gangs.")
    assert not [e for e in events if e["event_mode"] == "abduct"]


def test_a_vague_toll_of_the_war_and_a_decades_long_fight_are_background(nlp, lexes):
    text = ("Security forces killed 12 rebels in the hills on Tuesday. The rebels have been fighting "
            "for more than four decades. Many thousands of villagers have died in the insurgency.")
    events = run(nlp, lexes, text)
    assert [e["trigger_text"] for e in events] == ["killed"] and events[0]["fatalities"] == 12


def test_a_country_naming_a_doerless_attack_is_where_it_was(nlp, lexes):
    text = "Eight soldiers were killed in a Niger ambush on Sunday."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Niger", "gn:2440476", "PCLI", "NER")]), "ambush")
    assert ev["place_id"] == "gn:2440476"


def test_only_a_participle_of_accusing_makes_a_charge(nlp, lexes):
    # "sent" can code an inquiry ("sent investigators"), but describing letters it charges no one
    events = run(nlp, lexes, "The minister welcomed letters sent by the envoy on his part in the coming peace talks.")
    assert any(e["trigger_text"] == "talks" for e in events)


@pytest.mark.parametrize("text", [
    "A crowd burned alive a suspected cattle thief near the river.",
    "A crowd burned a suspected cattle thief alive near the river.",
])
def test_burning_someone_alive_kills_one(nlp, lexes, text):
    ev = run(nlp, lexes, text)[0]
    assert ev["event_type"] == "ASSAULT" and ev["fatalities"] == 1


def test_a_coarser_date_does_not_replace_the_storys_day(nlp, lexes):
    text = ("Police detained a senior opposition figure in the capital on Monday. "
            "Dozens of activists have been detained this year, rights groups say.\n\n"
            "The African Union called for the release of all detained politicians.")
    events = run(nlp, lexes, text, published=dt.date(2023, 4, 19))
    assert by_trigger(events, "called for")["event_date"] == dt.date(2023, 4, 17)


def test_a_state_lasting_since_a_year_is_background_however_parsed(nlp, lexes):
    events = run(nlp, lexes, "The country has been fighting armed groups linked to foreign networks since 2016.")
    assert not events
    events = run(nlp, lexes, "Rebels have captured the town, the army's first loss of ground since 2019.")
    assert events   # a recent act, told with a comparison


def test_the_attack_targeting_a_post_retells_where_and_when_the_attack_was(nlp, lexes):
    text = ("Gunmen killed 12 soldiers in the north, officials said on Sunday. "
            "The attack targeted an army post in Kaya on Saturday.")
    events = run(nlp, lexes, text, [place(text, "Kaya", "gn:9", "PPL", "BFA")], published=dt.date(2024, 2, 25))
    assert len(events) == 1
    assert (events[0]["place_id"], events[0]["event_date"]) == ("gn:9", dt.date(2024, 2, 24))


def test_a_participle_with_an_object_is_active_and_its_noun_does_it(nlp, lexes):
    events = run(nlp, lexes, "Gunmen believed to be bandits abducted 15 travellers near the river crossing.")
    ev = by_trigger(events, "abducted")
    assert ev["source_actor_id"] is not None and ev["target_actor_id"] is not None


@pytest.mark.parametrize("text, trigger, acled", [
    ("Gunmen shot dead an opposition activist outside his home on Monday.", "shot", "Violence against civilians"),
    ("Inmates rioted at the central prison on Monday, leaving 6 prisoners dead.", "rioted", "Riots"),
    # an office holder is unarmed
    ("Rebels killed a district administrator in the town on Monday.", "killed", "Violence against civilians"),
])
def test_unarmed_targets_and_riot_tolls(nlp, lexes, text, trigger, acled):
    events = run(nlp, lexes, text)
    ev = by_trigger(events, trigger)
    assert ev["acled_event_type"] == acled
    assert sum(e["fatalities"] or 0 for e in events) == (ev["fatalities"] or 0)   # the toll is on the row itself


@pytest.mark.parametrize("text, trigger, sub_event", [
    # a crowd fighting the police is a violent demonstration; one attacking a post, mob violence
    ("Opposition supporters clashed with police outside the courthouse on Monday.", "clashed", "Violent demonstration"),
    ("A mob attacked a police post in the market on Monday.", "attacked", "Mob violence"),
    # party members are an unarmed crowd, not an armed side
    ("Members of the ruling party clashed with police in the capital on Monday.", "clashed", "Violent demonstration"),
])
def test_crowds_fighting_the_state(nlp, lexes, text, trigger, sub_event):
    ev = by_trigger(run(nlp, lexes, text), trigger)
    assert (ev["acled_event_type"], ev["acled_sub_event_type"]) == ("Riots", sub_event)


def test_state_force_against_protesters_is_a_protest_event_even_with_no_protest_told(nlp, lexes):
    events = run(nlp, lexes, "A man was killed and two others injured when police fired on protesters in the city.")
    assert {(e["acled_event_type"], e["acled_sub_event_type"]) for e in events} == {
        ("Protests", "Excessive force against protesters")}
    assert {e["source_actor_id"] for e in events} == {"grp-cop"}
    ev = by_trigger(run(nlp, lexes, "Police fired tear gas at protesters in the city on Monday."), "fired")
    assert ev["acled_sub_event_type"] == "Protest with intervention"


def test_the_states_force_against_rioters_is_part_of_the_riot(nlp, lexes):
    events = run(nlp, lexes, "On 7 April 2026, protesters rioted in the city centre, looting shops. "
                             "Police shot dead two protesters.")
    assert by_trigger(events, "shot")["acled_sub_event_type"] == "Violent demonstration"
    events = run(nlp, lexes, "On 7 April 2026, protesters marched in the city centre. Police shot dead two protesters.")
    assert by_trigger(events, "shot")["acled_sub_event_type"] == "Excessive force against protesters"


def test_a_town_attacked_by_bandits_or_communal_militias_is_its_people(nlp, lexes):
    text = "Bandits attacked Kauran Namoda on Monday."
    places = [place(text, "Kauran Namoda", "gn:4", "PPL", "NGA")]
    assert by_trigger(run(nlp, lexes, text, places), "attacked")["acled_event_type"] == "Violence against civilians"
    text = "Insurgents attacked Kauran Namoda on Monday."   # a party to the war: a battle for the town
    places = [place(text, "Kauran Namoda", "gn:4", "PPL", "NGA")]
    assert by_trigger(run(nlp, lexes, text, places), "attacked")["acled_event_type"] == "Battles"


def test_a_bombing_is_no_riot_whoever_did_it(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Students detonated an explosive device outside the police station."), "detonated")
    assert ev["acled_event_type"] == "Explosions/Remote violence"


@pytest.mark.parametrize("text, trigger, negated", [
    ("The minister said he would not resign but invited the unions to talks.", "invited", False),
    ("The rebels did not attack but shelled the town from the hills.", "shelled", False),
    ("The army did not attack or shell the town.", "shell", True),
])
def test_a_conjunct_with_its_own_tense_or_auxiliary_keeps_its_own_polarity(nlp, lexes, text, trigger, negated):
    assert by_trigger(run(nlp, lexes, text), trigger)["is_negated"] is negated


def test_a_verbal_act_is_dated_by_its_saying(nlp, lexes):
    text = ("Protesters clashed with police in the capital on Tuesday. "
            "The president said on Thursday he would not withdraw the bill.")
    events = run(nlp, lexes, text)
    assert by_trigger(events, "clashed")["event_date"] == dt.date(2017, 10, 31)
    assert by_trigger(events, "withdraw")["event_date"] == dt.date(2017, 11, 2)


def test_the_protesters_an_unparsed_demonstration_follows_are_its_doers_not_the_police(nlp, lexes):
    events = run(nlp, lexes, "Police fired tear gas at protesters in the capital as demonstrations turned violent.")
    assert by_trigger(events, "demonstrations")["source_actor_id"] == "grp-cvl"


@pytest.mark.parametrize("first, kept", [
    ("Soldiers opened fire on a crowd in Kerbala on Monday, killing five people.\n\n", False),
    ("", True),   # no toll told before: the act is the text's own
])
def test_some_of_the_victims_counted_before_are_no_new_act(nlp, lexes, first, kept):
    # (the place named in the second paragraph would make a shooting there an act of its own)
    text = first + "A rights group said two of the dead were shot in the Hurriya district."
    places = [place(text, "Hurriya", "gn:2", "PPLX")] + ([place(text, "Kerbala", "gn:1")] if first else [])
    events = run(nlp, lexes, text, sorted(places, key=lambda p: p["start"]))
    assert any(e["trigger_text"] == "shot" for e in events) is kept


def test_an_act_with_its_own_unnamed_doer_takes_neither_the_incidents_doer_nor_itself_as_target(nlp, lexes):
    events = run(nlp, lexes, "The army said soldiers had opened fire after a man threw an explosive device at them.")
    threw, fire = by_trigger(events, "threw"), by_trigger(events, "opened fire")
    assert threw["source_actor_id"] is None and threw["target_actor_id"] == "grp-mil"   # "them": the soldiers
    assert fire["source_actor_id"] == "grp-mil" and fire["target_actor_id"] != "grp-mil"


def test_they_is_never_a_single_person_named_before(nlp, lexes):
    text = ('Gunmen stormed the village on Thursday, a local councillor told reporters.\n\n'
            '"They gathered the men in front of the mosque and shot them," he said.')
    assert by_trigger(run(nlp, lexes, text), "shot")["source_actor_id"] == "grp-uaf"


def test_an_undated_lead_takes_the_day_of_the_act_told_after_it_and_joins_it(nlp, lexes):
    text = ("Gunmen abducted more than 40 villagers in the north, police said on Friday.\n\n"
            "The attackers arrived on motorcycles late on Wednesday and went from house to house, "
            "seizing residents and killing two men.")
    events = run(nlp, lexes, text)
    lead, detail = by_trigger(events, "abducted"), by_trigger(events, "seizing")
    assert lead["event_date"] == dt.date(2017, 11, 1) and lead["incident_of"] == detail["incident_of"]
    # a lead with a day of its own keeps it
    events = run(nlp, lexes, text.replace("in the north,", "in the north on Thursday,"))
    assert by_trigger(events, "abducted")["event_date"] == dt.date(2017, 11, 2)


def test_the_town_refers_to_the_last_town_named(nlp, lexes):
    text = "Gangs attacked the outskirts of Hinche on Sunday.\n\nGang members stormed the town early on Monday."
    events = run(nlp, lexes, text, [place(text, "Hinche", "gn:7", "PPL", "HTI")])
    assert by_trigger(events, "stormed")["place_id"] == "gn:7"
    text = "Gangs attacked the outskirts of Hinche on Sunday.\n\nGang members stormed a police station early on Monday."
    events = run(nlp, lexes, text, [place(text, "Hinche", "gn:7", "PPL", "HTI")])
    assert by_trigger(events, "stormed")["place_id"] is None   # no "the town": no place of its own


def test_the_towns_site_refers_to_the_last_town_named(nlp, lexes):
    text = "Fighters shelled a camp near Dilling on Sunday.\n\nOn Monday, a drone hit the town's market."
    events = run(nlp, lexes, text, [place(text, "Dilling", "gn:8", "PPL", "SDN")])
    assert by_trigger(events, "hit")["place_id"] == "gn:8"


def test_where_people_were_sent_is_not_where_they_were_sent_from(nlp, lexes):
    text = "Police in Kano deported 40 migrants to Niamey on Monday."
    places = [place(text, "Kano", "gn:1", "PPLA", "NGA"), place(text, "Niamey", "gn:2", "PPLC", "NER")]
    assert by_trigger(run(nlp, lexes, text, places), "deported")["place_id"] == "gn:1"
    text = "The authorities expelled them to Kabul on Monday."
    assert by_trigger(run(nlp, lexes, text, [place(text, "Kabul", "gn:3", "PPLC", "AFG")]), "expelled")["place_id"] is None


def test_the_capital_is_the_capital_the_story_named(nlp, lexes):
    text = ("NAIROBI, Kenya (AP) — Lawmakers debated the bill on Monday.\n\n"
            "On Tuesday, police fired tear gas at thousands of protesters in the capital.")
    places = [place(text, "NAIROBI", "gn:5", "PPLC", "KEN"), place(text, "Kenya", "gn:6", "PCLI", "KEN")]
    assert by_trigger(run(nlp, lexes, text, places), "fired")["place_id"] == "gn:5"
    # a town is no capital
    places[0] = place(text, "NAIROBI", "gn:5", "PPL", "KEN")
    assert by_trigger(run(nlp, lexes, text, places), "fired")["place_id"] != "gn:5"


def test_the_town_refers_to_the_town_the_story_introduced_as_one(nlp, lexes):
    text = ("Rebels seized the town of Kibirizi on Tuesday. Thousands of residents fled toward Butembo.\n\n"
            "The army said it would launch an offensive to retake the town.")
    places = [place(text, "Kibirizi", "gn:7", "PPL", "COD"), place(text, "Butembo", "gn:8", "PPL", "COD")]
    events = run(nlp, lexes, text, places)
    assert by_trigger(events, "offensive")["place_id"] == by_trigger(events, "retake")["place_id"] == "gn:7"


def test_the_act_an_attack_came_a_day_after_is_dated_back_and_the_story_stays_on_its_day(nlp, lexes):
    text = ("Rebels attacked an army base in the east on Wednesday, killing two soldiers.\n\n"
            "The attack came a day after the government suspended peace talks with the group. "
            "The minister said troops had repelled the assault.")
    events = run(nlp, lexes, text)
    assert by_trigger(events, "suspended")["event_date"] == dt.date(2017, 10, 31)
    assert by_trigger(events, "repelled")["event_date"] == dt.date(2017, 11, 1)
    assert not any(e["trigger_text"] == "talks" for e in events)   # what was suspended, no meeting


def test_reporters_arrested_at_a_protest_are_not_its_demonstrators(nlp, lexes):
    events = run(nlp, lexes, "Police arrested three journalists covering a protest in the capital.")
    assert by_trigger(events, "protest")["source_actor_id"] != "grp-jrn"
    events = run(nlp, lexes, "Police arrested 40 protesters during demonstrations in the capital.")
    assert by_trigger(events, "demonstrations")["source_actor_id"] == "grp-cvl"


def test_a_doers_own_later_claim_restates_its_act_and_the_lead_stays(nlp, lexes):
    text = ("Rebels attacked an army base in the north on Thursday, sparking a gun battle that killed "
            "12 soldiers and 20 rebels, an officer said.\n\n"
            "The rebels said in a statement that they had killed 40 soldiers.")
    events = run(nlp, lexes, text)
    assert any(e["fatalities"] == 32 for e in events)   # the lead is no summary of one later claim
    claim = next(e for e in events if e["sentence_index"] == 1 and e["trigger_text"] == "killed")
    assert claim["fatalities"] is None and any(claim["incident_of"] == e["incident_of"]
                                                for e in events if e["sentence_index"] == 0)


def test_a_toll_hung_on_the_verb_of_saying_is_the_said_acts(nlp, lexes):
    text = ("Russia fired 400 drones at Ukraine overnight, the air force said on Sunday, in the heaviest "
            "air attack of the year, killing at least six people.")
    events = run(nlp, lexes, text)
    assert {e["source_actor_id"] for e in events} <= {"RUS", "RUS-MIL"}
    assert len({e["incident_of"] for e in events}) == 1 and sum(e["fatalities"] or 0 for e in events) == 6
    # a participle of the speaker's own act stays the speaker's
    text = "Police shot dead a trader in Mombasa, Amnesty International said, calling for an inquiry."
    assert by_trigger(run(nlp, lexes, text), "calling")["source_actor_id"] == "AMNESTY"


def test_a_speaker_the_parser_hangs_on_the_victims_is_no_victim(nlp, lexes):
    text = "A guided bomb hit a village on Monday, killing two women, regional governor Oleh Syniehubov said."
    ev = by_trigger(run(nlp, lexes, text), "killing")
    assert ev["target_actor_id"] is not None and ev["target_actor_id"].endswith("cvl")


def test_where_a_speaker_spoke_from_is_not_where_the_act_was(nlp, lexes):
    text = "Militants stormed the base before dawn, an officer told reporters from the nearby town of Afgoye."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Afgoye", "gn:3", "PPL", "SOM")]), "stormed")
    assert ev["place_id"] is None


def test_where_the_victims_came_from_is_not_where_they_were_shot(nlp, lexes):
    # spaCy hangs "from Punjab" on the verb; the act was in Kalat
    text = "Gunmen blocked the road near Kalat, checked identity cards and shot dead 7 workers from Punjab."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Kalat", "gn:5", "PPL", "PAK"),
                                           place(text, "Punjab", "gn:6", "ADM1", "PAK")]), "shot")
    assert ev["place_id"] == "gn:5"


def test_where_people_were_taken_from_is_the_scene(nlp, lexes):
    text = "Militants abducted six herders from Tillia in Niger on Tuesday."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Tillia", "gn:7", "PPL", "NER"),
                                           place(text, "Niger", "gn:8", "PCLI", "NER")]), "abducted")
    assert ev["place_id"] == "gn:7"


@pytest.mark.parametrize("text, events_expected", [
    ("The camp, which hosts thousands of displaced people, was shelled.", {"shelled"}),
    ("Egypt hosted talks between the two sides on Monday.", {"hosted talks"}),
])
def test_hosting_is_a_meeting_only_when_it_hosts_one(nlp, lexes, text, events_expected):
    assert {e["trigger_text"] for e in run(nlp, lexes, text)} == events_expected


def test_bricks_hurled_by_rival_activists_are_a_riot(nlp, lexes):
    ev = run(nlp, lexes, "Rival activists hurled bricks at each other in the market.")[0]
    assert (ev["event_type"], ev["event_mode"]) == ("PROTEST", "riot")


def test_a_protest_whose_crowd_burns_and_barricades_is_a_violent_demonstration(nlp, lexes):
    events = run(nlp, lexes, "Residents protested over power cuts, burning tyres and barricading roads.")
    ev = by_trigger(events, "protested")
    assert (ev["acled_event_type"], ev["acled_sub_event_type"]) == ("Riots", "Violent demonstration")


def test_a_rally_its_supporters_turned_into_a_clash_is_one_violent_demonstration(nlp, lexes):
    events = run(nlp, lexes, "Opposition supporters clashed with police during a rally in the capital.")
    rally, clash = by_trigger(events, "rally"), by_trigger(events, "clashed")
    assert rally["incident_of"] == clash["incident_of"] and rally["source_actor_id"] == clash["source_actor_id"]
    assert rally["acled_sub_event_type"] == clash["acled_sub_event_type"] == "Violent demonstration"
    events = run(nlp, lexes, "Police attacked protesters during a rally in the capital.")
    assert {e["acled_sub_event_type"] for e in events} == {"Protest with intervention"}


def test_a_protest_that_ended_peacefully_is_no_concession(nlp, lexes):
    events = run(nlp, lexes, "Farmers blocked a highway on Monday. The protest ended peacefully.")
    assert not any(e["event_type"] == "CONCEDE" for e in events)
    assert by_trigger(run(nlp, lexes, "The union ended the strike on Monday."), "ended")["event_type"] == "CONCEDE"


def test_the_next_day_counts_from_the_sentences_own_date(nlp, lexes):
    text = "On 13 May 2017, the rebels withdrew from the town; government forces took control the next day."
    assert by_trigger(run(nlp, lexes, text), "took control")["event_date"] == dt.date(2017, 5, 14)


def test_some_of_them_arrested_are_the_people_named_before_not_the_police(nlp, lexes):
    events = run(nlp, lexes, "Taxi drivers protested against new rules. Police arrested 12 of them.")
    assert by_trigger(events, "arrested")["target_actor_id"] == "grp-lab"


def test_the_second_party_of_an_agreement_is_its_target_before_what_it_is_about(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Rebels and the government reached an agreement on the release of prisoners."),
                    "agreement")
    assert ev["target_actor_id"] == "grp-gov"


def test_an_announced_base_is_a_base_established(nlp, lexes):
    ev = run(nlp, lexes, "The army announced the establishment of a new military base near the border.")[0]
    assert ev["acled_sub_event_type"] == "Headquarters or base established"


def test_vehicles_destroyed_beside_the_dead_are_the_ambushs_toll_not_an_act(nlp, lexes):
    events = run(nlp, lexes, "Militants ambushed an army convoy near the border. "
                             "12 soldiers were killed and 5 vehicles destroyed.")
    assert [(e["trigger_text"], e["fatalities"]) for e in events] == [("ambushed", 12)]


def test_a_summary_leads_weapon_and_doer_go_to_every_row_of_the_attacks_it_sums(nlp, lexes):
    text = ("Israeli air strikes on southern Lebanon killed four people on Wednesday.\n\n"
            "One strike hit a car near the town, killing two men. Another strike on a house killed two civilians.")
    events = run(nlp, lexes, text)
    assert not any(e["sentence_index"] == 0 for e in events)
    hit = by_trigger(events, "hit")
    assert hit["source_actor_id"] == "ISR-MIL" and hit["event_mode"] == "aerial"


def test_weapons_shot_down_as_some_of_them_are_a_disrupted_strike(nlp, lexes):
    text = "Russian forces launched 15 drones at Odesa overnight. Air defences shot down 12 of them."
    assert by_trigger(run(nlp, lexes, text), "shot down")["acled_sub_event_type"] == "Disrupted weapons use"


def test_an_armed_group_dispersing_a_protest_is_not_its_demonstrator(nlp, lexes):
    text = "Women protested in the capital against the restrictions. Taliban forces dispersed the protest."
    assert all(e["source_actor_id"] != "TALIBAN" for e in run(nlp, lexes, text) if e["event_type"] == "PROTEST")


def test_them_arrested_are_the_protesters_not_the_office_they_stood_outside(nlp, lexes):
    text = "Refugees protested outside the UNHCR office on Monday. Police arrested 12 of them."
    assert by_trigger(run(nlp, lexes, text), "arrested")["target_actor_id"] == "grp-ref"


@pytest.mark.parametrize("text, target, source", [
    ("A police patrol came under fire near the border on Monday.", "grp-cop", None),
    ("The soldiers were searching the village when they came under fire.", "grp-mil", None),
    ("Soldiers came under attack from Boko Haram fighters near the town.", "grp-mil", "BOKO"),
])
def test_who_comes_under_fire_is_its_target(nlp, lexes, text, target, source):
    events = run(nlp, lexes, text)
    ev = next(e for e in events if e["trigger_text"].startswith("came under"))
    assert (ev["target_actor_id"], ev["source_actor_id"]) == (target, source)
    assert [e["event_type"] for e in events] == ["ASSAULT"]   # the patrol fired on is no deployment


def test_the_strikes_named_again_as_a_harms_subject_are_the_strike_told_before(nlp, lexes):
    text = ("The military said its aircraft had struck militant hideouts across the border on Thursday.\n\n"
            "Officials on the other side said the strikes in Paktika province killed 15 civilians.")
    events = run(nlp, lexes, text, [place(text, "Paktika", "gn:4", "ADM1", "AFG")])
    ev = next(e for e in events if e["trigger_text"] == "killed" and e["sentence_index"] == 1)
    struck = by_trigger(events, "struck")
    assert ev["source_actor_id"] == struck["source_actor_id"] is not None and ev["event_mode"] == "aerial"


def test_an_acled_hedged_day_wins_over_its_span_and_an_ied_is_its_own_subject(nlp, lexes):
    ev = run(nlp, lexes, "Around 10 March 2017 (between 8 and 10 March), gunmen abducted three traders.")[0]
    assert (ev["event_date"], ev["date_precision"]) == (dt.date(2017, 3, 10), "day")
    events = run(nlp, lexes, "On 12 March 2017, an IED targeting an army vehicle exploded near the town, killing 2 soldiers.")
    assert by_trigger(events, "exploded")["source_actor_id"] is None


def test_the_town_may_be_one_the_gazetteer_lacks(nlp, lexes):
    text = ("Rebels seized the town of Rubaya, officials said on Wednesday.\n\n"
            "The rebels entered the town late on Tuesday after troops withdrew.")
    men = place(text, "Rubaya", "gn:1", None, "COD")
    cand = dict(men["place"], place_id="nm:cod:rubaya", geonames_id=None)
    men.update(place=None, candidate=cand)
    events = run(nlp, lexes, text, [men])
    assert by_trigger(events, "entered")["place_id"] == "nm:cod:rubaya"


def test_police_clashing_with_protesters_who_die_is_excessive_force(nlp, lexes):
    events = run(nlp, lexes, "Police clashed with miners protesting near the mine on Monday. Two miners were killed.")
    assert {e["acled_sub_event_type"] for e in events} == {"Excessive force against protesters"}


@pytest.mark.parametrize("second, doer", [
    ("Rebel militiamen were suspected.", "grp-reb"),
    ("The rebels were not suspected.", None),
])
def test_a_suspected_group_named_after_an_unnamed_attack_is_its_doer(nlp, lexes, second, doer):
    events = run(nlp, lexes, "Unidentified gunmen opened fire on a minibus near the town, killing two people. " + second)
    assert by_trigger(events, "opened fire")["source_actor_id"] == (doer or "grp-uaf")


def test_aid_that_is_looted_is_no_aid_given(nlp, lexes):
    events = run(nlp, lexes, "Armed men looted a warehouse, taking food aid.")
    assert [e["event_type"] for e in events] == ["COERCE"]


def test_the_attack_a_strike_responds_to_is_not_the_strikers_and_does_not_move_the_story_day(nlp, lexes):
    text = ("Air strikes killed 14 people in the capital on Thursday.\n\n"
            "The coalition said it had targeted military sites in response to a drone attack on an oil "
            "facility a day earlier.\n\n"
            "Rebels shelled government positions in the east, killing three soldiers.")
    events = run(nlp, lexes, text)
    assert by_trigger(events, "attack")["source_actor_id"] is None
    assert by_trigger(events, "shelled")["event_date"] == dt.date(2017, 11, 2)


@pytest.mark.parametrize("text, sub_event", [
    ("Police seized weapons and ammunition in a raid on a house.", "Disrupted weapons use"),
    ("Soldiers recovered a cache of weapons in the forest.", "Disrupted weapons use"),
    ("Police seized 200 kg of cocaine at the port.", "Other"),
])
def test_weapons_the_state_seizes_are_disrupted_weapons_use(nlp, lexes, text, sub_event):
    ev = run(nlp, lexes, text)[0]
    assert ev["acled_sub_event_type"] == sub_event and ev["source_actor_id"] is not None


def test_the_troops_who_repel_an_attack_fought_its_doer_not_their_own_dead(nlp, lexes):
    text = ("Suspected ISWAP fighters attacked a military base in the town on Tuesday. "
            "Nigerian troops repelled the attack. Six soldiers and 11 insurgents were killed.")
    ev = by_trigger(run(nlp, lexes, text), "repelled")
    assert ev["source_actor_id"] == "NGA-MIL" and ev["target_actor_id"] == "ISWAP"
    assert ev["fatalities"] == 17


def test_water_cannon_against_an_armed_force_is_no_protest(nlp, lexes):
    text = "A Chinese coast guard ship fired water cannon at a Philippine navy boat near the shoal."
    ev = by_trigger(run(nlp, lexes, text), "fired")
    assert ev["event_mode"] == "crowd-control"
    assert (ev["acled_event_type"], ev["acled_sub_event_type"]) == ("Strategic developments", "Other")
    text = "Police fired water cannon at protesters in the capital."
    ev = by_trigger(run(nlp, lexes, text), "fired")
    assert ev["acled_event_type"] == "Protests"


def test_an_insurgency_that_has_killed_thousands_is_no_event(nlp, lexes):
    text = ("The junta, which took power in 2022, has struggled to contain an insurgency that has "
            "killed thousands and displaced two million people.")
    assert not any(e["event_type"] == "ASSAULT" for e in run(nlp, lexes, text))


def test_the_country_across_a_border_is_not_where_the_event_was(nlp, lexes):
    text = "Soldiers clashed with gunmen in Kouri near the border with Niger on Monday."
    places = [place(text, "Kouri", "gn:11", country="BFA"), place(text, "Niger", "gn:2440476", "PCLI", "NER")]
    assert by_trigger(run(nlp, lexes, text, places), "clashed")["place_id"] == "gn:11"
    text = "Soldiers clashed with gunmen near the border with Niger on Monday."
    places = [place(text, "Niger", "gn:2440476", "PCLI", "NER")]
    assert by_trigger(run(nlp, lexes, text, places), "clashed")["place_id"] is None


def test_drones_shot_down_after_a_misparsed_count_are_a_disrupted_strike(nlp, lexes):
    text = "The air force said it shot down 20 of the 25 drones Russia launched overnight."
    ev = by_trigger(run(nlp, lexes, text), "shot down")
    assert ev["acled_event_type"] == "Strategic developments"


def test_police_killing_at_a_protest_they_dispersed_is_force_against_it_not_elsewhere_rioting(nlp, lexes):
    text = ("Police fired tear gas at thousands of protesters in Nairobi on Thursday. "
            "Protests also took place in Mombasa, where demonstrators burned tyres. "
            "A man was killed by a police bullet in Nairobi.")
    places = [place(text, "Nairobi", "gn:184745", country="KEN"), place(text, "Mombasa", "gn:186301", country="KEN")]
    nairobi2 = text.rindex("Nairobi")
    places.append(dict(places[0], start=nairobi2, end=nairobi2 + 7, sentence_index=2))
    events = run(nlp, lexes, text, places)
    assert by_trigger(events, "fired")["acled_event_type"] == "Protests"
    killed = by_trigger(events, "killed")
    assert (killed["acled_event_type"], killed["acled_sub_event_type"]) == ("Protests", "Excessive force against protesters")


def test_coordinated_doers_that_clash_with_a_third_side_fight_it_not_each_other(nlp, lexes):
    text = "Syrian government forces and Hezbollah clashed with HTS fighters near the front on Tuesday."
    ev = by_trigger(run(nlp, lexes, text), "clashed")
    assert (ev["source_actor_id"], ev["target_actor_id"]) == ("SYR-MIL", "NUSRA")


def test_arrests_told_after_a_police_dispersal_are_the_polices(nlp, lexes):
    text = "Police dispersed around 200 opposition supporters with batons and tear gas outside the court. 30 protesters were arrested."
    ev = by_trigger(run(nlp, lexes, text), "arrested")
    assert ev["source_actor_id"] == "grp-cop"


@pytest.mark.parametrize("text, doer", [
    # the acronym the parser takes for the auxiliary "is"
    ("Gunmen stormed a theatre, opening fire on the crowd. At least 40 people were killed. IS claimed the attack.", "ISIL"),
    # a claim told in a passive relative clause
    ("A military convoy came under fire on Friday. 6 soldiers were killed in the ambush, which was later claimed by JNIM.",
     "JNIM"),
])
def test_a_claim_names_the_doer_of_the_act_told_before(nlp, lexes, text, doer):
    assert run(nlp, lexes, text)[0]["source_actor_id"] == doer


def test_fighting_avoided_or_spread_over_months_is_no_battle(nlp, lexes):
    text = "The army withdrew from its base, handing it over to local authorities without fighting."
    assert all(e["is_negated"] for e in run(nlp, lexes, text) if e["event_type"] == "ASSAULT")
    text = "The government and clan elders signed a peace agreement to end months of clan fighting."
    assert not any(e["event_type"] == "ASSAULT" for e in run(nlp, lexes, text))


def test_police_beating_students_at_their_sit_in_is_force_against_the_protest(nlp, lexes):
    text = "Students staged a sit-in at the university in Harare on Monday. Riot police stormed the campus and beat several students."
    places = [place(text, "Harare", "gn:890299", country="ZWE")]
    ev = by_trigger(run(nlp, lexes, text, places), "beat")
    assert ev["acled_event_type"] == "Protests"


def test_a_missile_test_fired_is_no_attack_but_a_missile_fired_after_a_test_is(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "North Korea test-fired a ballistic missile into the sea on Thursday."), "fired")
    assert (ev["event_type"], ev["event_mode"], ev["acled_event_type"]) == ("MOBILIZE", "weapons", "Strategic developments")
    ev = by_trigger(run(nlp, lexes, "Troops fired missiles at the city on Thursday, a day after a test of its defences."), "fired")
    assert ev["event_type"] == "ASSAULT"


def test_what_talks_are_about_did_not_happen(nlp, lexes):
    events = run(nlp, lexes, "Negotiators met in Doha on Monday for talks on a ceasefire in the north.")
    assert not any(e["event_type"] == "RETREAT" for e in events)
    assert not any(e["event_type"] == "RETREAT" for e in run(nlp, lexes, "Air strikes kill 20 as ceasefire talks stall"))
    assert any(e["event_type"] == "RETREAT" for e in run(nlp, lexes, "The army declared a ceasefire on Monday."))


def test_a_count_after_among_them_is_part_of_the_toll_told_before(nlp, lexes):
    text = "A strike on a house killed eight people, among them three children, medics said."
    assert by_trigger(run(nlp, lexes, text), "killed")["fatalities"] == 8


def test_hostages_held_somewhere_is_no_abduction(nlp, lexes):
    text = "Talks in Cairo on a ceasefire and the release of hostages held in Gaza have made little progress."
    assert not any(e["event_mode"] == "abduct" for e in run(nlp, lexes, text))
    text = "Militants held 30 passengers hostage for two days."
    assert any(e["event_mode"] == "abduct" for e in run(nlp, lexes, text))


def test_an_act_told_apart_from_the_story_does_not_take_its_doer(nlp, lexes):
    text = ("Rebels shelled the hospital in the city on Saturday, killing nine patients, a charity said.\n\n"
            "In a separate incident, a drone strike on a market in a nearby town killed at least 12 people on Friday.")
    ev = by_trigger(run(nlp, lexes, text), "killed")
    assert ev["source_actor_id"] is None and ev["fatalities"] == 12


def test_a_lead_whose_toll_a_detail_repeats_is_no_summary_of_the_acts_after_it(nlp, lexes):
    text = ("RSF shells hospital, killing nine\n\n"
            "The RSF shelled the last functioning hospital in the city on Saturday, killing nine patients.\n\n"
            "Gunmen killed 12 people at a market in a nearby town on Friday, activists said.")
    events = run(nlp, lexes, text)
    assert by_trigger(events, "killed")["source_actor_id"] != "RSF"
    lead, detail = [e for e in events if e["trigger_text"] == "killing"]
    assert lead["incident_of"] == detail["incident_of"]   # the headline is the story's act, counted once


def test_a_strike_told_after_an_air_campaign_is_one_of_its_strikes(nlp, lexes):
    text = ("Israeli air strikes killed at least 20 Palestinians across Gaza overnight, officials said on Tuesday.\n\n"
            "In Nuseirat, a strike on a house killed eight people, medics said.")
    places = [place(text, "Gaza", "gn:281133", country="PSE"), place(text, "Nuseirat", "gn:282457", country="PSE")]
    ev = [e for e in run(nlp, lexes, text, places) if e["fatalities"] == 8][0]
    assert ev["source_actor_id"] == "ISR-MIL"


def test_the_place_of_the_act_given_as_motive_is_not_where_the_reply_was(nlp, lexes):
    text = "Iran launched more than 300 drones at Israel in retaliation for the strike on its consulate in Damascus."
    places = [place(text, "Israel", "gn:294640", "PCLI", "ISR"), place(text, "Damascus", "gn:170654", country="SYR")]
    ev = by_trigger(run(nlp, lexes, text, places), "launched")
    assert ev["place_id"] == "gn:294640" and ev["target_actor_id"] is None   # (its own drones are no target)


def test_two_singular_victims_joined_by_and_count_two(nlp, lexes):
    text = "A bomb exploded outside a police station, killing a policeman and a passer-by."
    assert by_trigger(run(nlp, lexes, text), "killing")["fatalities"] == 2


def test_a_country_before_a_possessive_only_locates_the_place_after_it(nlp, lexes):
    # (a headline the model parses with the province as a conjunction of the country)
    text = "Gunmen kill 11 labourers in Pakistan's Balochistan\n\nQUETTA, Pakistan, May 9 (Reuters) - Gunmen shot dead 11 labourers."
    places = [place(text, "Pakistan", "gn:1168579", "PCLI", "PAK"), place(text, "Balochistan", "gn:1183606", "ADM1", "PAK")]
    assert by_trigger(run(nlp, lexes, text, places), "kill")["place_id"] == "gn:1183606"


def test_a_past_verb_misparsed_under_a_progressive_clause_is_the_main_doers(nlp, lexes):
    text = "The raiders entered a compound where the workers were resting in the evening and opened fire."
    ev = by_trigger(run(nlp, lexes, text), "opened fire")
    assert ev["source_actor_id"] == by_trigger(run(nlp, lexes, text), "entered")["source_actor_id"]
    assert ev["acled_event_type"] != "Riots"


def test_the_date_of_a_since_clause_is_not_the_date_of_the_act_it_measures(nlp, lexes):
    events = run(nlp, lexes, "The capture marks the rebels' deepest advance since they launched an offensive in 2019.")
    assert by_trigger(events, "advance")["event_date"] != dt.date(2019, 1, 1)
    assert by_trigger(events, "launched")["event_date"] == dt.date(2019, 1, 1)


def test_an_exchange_of_artillery_fire_uses_heavy_weapons(nlp, lexes):
    assert by_trigger(run(nlp, lexes, "The two armies exchanged artillery fire across the river."),
                      "exchanged")["event_mode"] == "heavy-weapons"
    assert by_trigger(run(nlp, lexes, "Troops and rebels exchanged fire at a checkpoint."),
                      "exchanged")["event_mode"] == "firearms"


def test_the_act_a_denunciation_is_about_is_told_elsewhere_as_a_condemned_one_is(nlp, lexes):
    for text in ("Hundreds of people marched through the city to denounce the killing of a trader.",
                 "The bishop deplored the abduction of the priests.", "The union criticised the arrests of strikers."):
        assert "ASSAULT" not in [e["event_type"] for e in run(nlp, lexes, text)], text
        assert "COERCE" not in [e["event_type"] for e in run(nlp, lexes, text)], text


def test_places_in_brackets_after_a_country_say_where_in_it(nlp, lexes):
    text = "Warplanes bombed militant hideouts in northern Iraq (Amedi, Duhok) on Monday."
    places = [place(text, "Iraq", "gn:99237", "PCLI"), place(text, "Amedi", "gn:99611", "PPLA2"),
              place(text, "Duhok", "gn:96994", "PPLA")]
    assert by_trigger(run(nlp, lexes, text, places), "bombed")["place_id"] == "gn:99611"


def test_water_cannon_fired_at_a_boat_disperses_no_protest(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Coast guard ships fired water cannon at a fishing boat near the reef."), "fired")
    assert (ev["acled_event_type"], ev["acled_sub_event_type"]) == ("Strategic developments", "Other")
    ev = by_trigger(run(nlp, lexes, "Police fired water cannon at the crowd near the palace."), "fired")
    assert ev["acled_event_type"] == "Protests"


def test_a_protest_the_clause_acts_despite_is_not_its_doers(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The senate approved the new tax law despite protests outside the chamber."), "protests")
    assert ev["source_actor_id"] is None


def test_warning_shots_are_a_show_of_force_not_an_attack(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Border guards fired warning shots when the patrol crossed the line."), "fired")
    assert (ev["event_type"], ev["acled_event_type"]) == ("MOBILIZE", "Strategic developments")


def test_the_weapon_fired_is_not_whom_it_was_fired_at(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The militia raided the hamlet, firing heavy artillery at villagers."), "firing")
    assert ev["target_actor_id"] == "grp-cvl"


def test_a_name_given_to_an_act_is_no_event_of_the_namer(nlp, lexes):
    events = run(nlp, lexes, "The governor condemned what he called a massacre of farmers.")
    assert [e["event_type"] for e in events] == ["ACCUSE"]


def test_the_reason_given_for_an_arrest_is_not_the_arresters_act(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Police detained nine activists for holding an unauthorised meeting."), "meeting")
    assert ev["source_actor_id"] is None


def test_a_headlines_toll_told_again_in_the_lead_is_counted_once(nlp, lexes):
    text = ("Militia kills 40 in raid on farming village\n\n"
            "A militia killed 40 people in a raid on a farming village on Tuesday, local officials said.")
    events = run(nlp, lexes, text)
    head, lead = by_trigger(events, "kills"), by_trigger(events, "killed")
    assert head["incident_of"] == lead["incident_of"]
    assert sum(e["fatalities"] or 0 for e in events if e["incident_of"] == lead["incident_of"]) == 40


def test_an_act_told_in_the_simple_present_in_the_body_is_a_habit_not_an_event(nlp, lexes):
    text = ("Gangs kill 5 in raid on border town\n\n"
            "Gunmen killed five people in a border town on Monday, police said.\n\n"
            "The region is violent as two cartels fight for control of smuggling routes.")
    events = run(nlp, lexes, text)
    assert "fight" not in [e["trigger_text"] for e in events]
    assert {"kill", "killed"} <= {e["trigger_text"] for e in events}   # (the headline's present is news)


def test_how_long_an_act_lasted_is_no_new_act(nlp, lexes):
    events = run(nlp, lexes, "Farmers blocked the highway to demand land titles. The blockade lasted two days.")
    assert [e["sentence_index"] for e in events if e["event_type"] in ("PROTEST", "COERCE")] == [0]


def test_a_harm_misparsed_as_a_second_participle_of_the_device_is_its_blasts(nlp, lexes):
    text = "On 5 July 2024, an explosive device detonated near a police van in the city centre, wounding 6 officers."
    events = run(nlp, lexes, text)
    assert len({e["incident_of"] for e in events}) == 1 and {e["event_mode"] for e in events} == {"explosives"}


def test_an_act_inside_the_reason_for_an_arrest_is_not_the_arresters(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Police arrested a blogger for posting a video criticising the ministers."), "criticising")
    assert ev["source_actor_id"] is None


def test_a_headline_toll_the_lead_tells_on_the_same_day_is_counted_once(nlp, lexes):
    text = ("Israeli strike on Gaza school kills at least 30, health officials say\n\n"
            "GAZA, July 6 (Reuters) - An Israeli air strike on a school sheltering displaced families in central Gaza "
            "killed at least 30 people on Saturday, Palestinian health officials said.")
    places = [place(text, "Gaza", "gn:281133", "ADM1", "PSE")]
    events = run(nlp, lexes, text, places, dt.date(2024, 7, 6))   # (a Saturday)
    assert sum(e["fatalities"] or 0 for e in events) == 30
    assert len({e["incident_of"] for e in events}) == 1


def test_an_attack_said_to_be_planned_is_hypothetical(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The army said the house was a hideout from which attacks were planned."), "attacks")
    assert ev["is_hypothetical"]


def test_an_air_force_named_as_the_target_makes_no_air_strike(nlp, lexes):
    events = run(nlp, lexes, "Bandits ambushed an Air Force convoy on the highway, killing three airmen.")
    assert "aerial" not in {e["event_mode"] for e in events}
    ev = by_trigger(run(nlp, lexes, "An air strike on the highway killed three fighters."), "killed")
    assert ev["event_mode"] == "aerial"


def test_a_march_named_again_as_what_soldiers_blocked_is_the_march_told_and_met_with_force(nlp, lexes):
    text = "About 50 women marched in Bama on Friday. Soldiers blocked the march and dispersed the women."
    events = run(nlp, lexes, text, [place(text, "Bama", "gn:2347470", "PPL", "NGA")])
    protests = [e for e in events if e["event_type"] == "PROTEST"]
    assert [e["trigger_text"] for e in protests] == ["marched"]
    assert protests[0]["acled_sub_event_type"] == "Protest with intervention"


def test_the_attacks_a_toll_was_taken_in_are_the_remote_strikes_told_before(nlp, lexes):
    text = ("A Russian missile strike hit a hospital in Kyiv on Monday, killing two adults, officials said.\n\n"
            "At least 20 people were killed across Ukraine in the attacks, which also damaged buildings "
            "in four other cities, authorities said.")
    places = [place(text, "Kyiv", "gn:703448", "PPLC", "UKR"), place(text, "Ukraine", "gn:690791", "PCLI", "UKR")]
    ev = [e for e in run(nlp, lexes, text, places) if e["fatalities"] == 18][0]   # (20 less the two told)
    assert ev["source_actor_id"] == "RUS-MIL" and ev["acled_event_type"] == "Explosions/Remote violence"


def test_strikes_on_strongholds_are_attacks_and_an_air_force_doer_says_how(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The Russian and Syrian air forces were busy, striking rebel strongholds near Idlib."),
                    "striking")
    assert ev["event_type"] == "ASSAULT" and ev["event_mode"] == "aerial"


def test_a_total_over_several_attacks_is_no_more_harm_of_the_one_told_before(nlp, lexes):
    text = ("A missile strike hit a hospital in the capital on Monday, killing two adults, officials said.\n\n"
            "At least 20 people were killed across the country in the attacks, authorities said.")
    events = run(nlp, lexes, text)
    assert by_trigger(events, "killing")["fatalities"] == 2
    # (and the total's row keeps the deaths not told before, so that every death counts once)
    assert sum(e["fatalities"] or 0 for e in events) == 20


def test_a_missile_strike_is_a_missile_attack_and_a_drone_strike_an_air_strike(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A missile strike hit the port overnight."), "strike")
    assert ev["acled_sub_event_type"] == "Shelling/artillery/missile attack"
    ev = by_trigger(run(nlp, lexes, "A drone strike hit the port overnight."), "strike")
    assert ev["acled_sub_event_type"] == "Air/drone strike"
    # (aircraft that struck rocket launchers struck from the air)
    ev = by_trigger(run(nlp, lexes, "The army said its aircraft had struck dozens of rocket launchers."), "struck")
    assert ev["event_mode"] == "aerial"


def test_two_countries_restoring_relations_are_source_and_target(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Ethiopia and Somalia resumed diplomatic relations after talks in Ankara."), "resumed")
    assert (ev["source_actor_id"], ev["target_actor_id"]) == ("ETH", "SOM")


def test_the_day_of_a_wire_dateline_is_the_reports_and_the_lead_takes_the_detail_day(nlp, lexes):
    text = ("PORT-AU-PRINCE, Oct 4 (Reuters) - Gang members killed at least 40 people in an attack on a "
            "farming town, the U.N. office said.\n\n"
            "The gunmen opened fire on residents on Wednesday and burned dozens of houses, the office said.")
    ev = by_trigger(run(nlp, lexes, text, published=dt.date(2024, 10, 4)), "killed")
    assert ev["event_date"] == dt.date(2024, 10, 2)


def test_relative_days_count_from_the_datelines_day_not_a_later_page_date(nlp, lexes):
    text = "KADUGLI, Sudan, May 20 (Reuters) - Fighters shelled a market in the town on Tuesday, residents said."
    ev = by_trigger(run(nlp, lexes, text, published=dt.date(2025, 6, 2)), "shelled")
    assert ev["event_date"] == dt.date(2025, 5, 20)
    # a dateline day months before the page's date, or after it, is not the report's day
    for published, expected in ((dt.date(2025, 12, 2), dt.date(2025, 12, 2)), (dt.date(2025, 5, 1), dt.date(2025, 4, 29))):
        assert by_trigger(run(nlp, lexes, text, published=published), "shelled")["event_date"] == expected


def test_an_act_told_before_a_charge_someone_denies_is_told_by_the_story(nlp, lexes):
    text = "The government accused Rwanda of sending troops to back the rebels, a charge Kigali denies."
    places = [place(text, "Kigali", "gn:9", "PPLC", "RWA")]
    ev = by_trigger(run(nlp, lexes, text, places), "accused")
    assert ev["event_type"] == "ACCUSE" and ev["target_actor_id"] == "RWA" and ev["place_id"] is None


def test_a_witness_quote_retelling_the_lead_with_its_toll_is_no_second_toll(nlp, lexes):
    text = ("Gunmen killed 23 villagers in an attack on a market in the north on Saturday, officials said.\n\n"
            '"They shot at everyone. We counted 23 bodies," a resident said.')
    events = run(nlp, lexes, text)
    assert sum(e["fatalities"] or 0 for e in events) == 23


def test_the_paragraphs_scene_goes_on_after_a_riot_told_with_its_place(nlp, lexes):
    text = "A crowd set fire to a police post in Bama on Friday. Police fired into the air to disperse the crowd."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Bama", "gn:2347470", "PPL", "NGA")]), "fired")
    assert ev["place_id"] == "gn:2347470"


def test_the_victim_of_shot_dead_misparsed_under_dead_is_the_target(nlp, lexes):
    text = "On 6 October 2024, members of the Los Lobos gang shot dead a shopkeeper who refused to pay them."
    assert by_trigger(run(nlp, lexes, text), "shot")["target_actor_id"] is not None


def test_a_toll_of_people_after_forces_killed_the_attackers_is_the_attacks(nlp, lexes):
    text = ("Security forces ended the siege and killed all the attackers, hours after gunmen stormed "
            "the hotel. At least 14 people were killed.")
    events = run(nlp, lexes, text)
    assert by_trigger(events, "stormed")["fatalities"] == 14
    assert by_trigger(events, "killed")["fatalities"] is None


def test_an_attack_told_before_named_again_as_an_object_is_no_new_attack(nlp, lexes):
    text = ("Militants stormed a hotel in the capital on Tuesday, killing 21 people.\n\n"
            "The group later linked the attack to a foreign troop deployment.")
    assert [e["sentence_index"] for e in run(nlp, lexes, text) if e["event_type"] == "ASSAULT"] == [0, 0]


def test_a_lead_with_no_place_is_at_the_datelines_town_when_the_story_is_in_its_country(nlp, lexes):
    text = ("LIMA (Example Wire) - Thousands of protesters stormed the Congress building on Sunday.\n\n"
            "Police later cleared the building in central Peru.")
    places = [place(text, "LIMA", "gn:3936456", "PPLC", "PER"), place(text, "Peru", "gn:3932488", "PCLI", "PER")]
    assert by_trigger(run(nlp, lexes, text, places), "stormed")["place_id"] == "gn:3936456"
    # a bureau's town over news from another country is no scene
    text = ("NAIROBI (Example Wire) - Gunmen stormed a market on Sunday.\n\n"
            "The attack was the latest in a series of raids in South Sudan and in Sudan.")
    places = [place(text, "NAIROBI", "gn:184745", "PPLC", "KEN"), place(text, "South Sudan", "gn:7909807", "PCLI", "SSD"),
              place(text, "Sudan", "gn:366755", "PCLI", "SDN")]
    assert by_trigger(run(nlp, lexes, text, places), "stormed")["place_id"] is None


def _placed(text, name, pid, feature, admin1, country="NGA"):
    p = place(text, name, pid, feature, country)
    p["place"]["admin1_name"] = admin1
    return p


def _raid_story(nlp, lexes, detail):
    """Events of a lead placed in a state and a detail told after it (Kauru is in Kaduna)."""
    text = ("Ansaru gunmen raided a village in Nigeria's Kaduna state on Saturday, killing nine farmers, "
            "residents said.\n\n" + detail)
    places = [_placed(text, "Kaduna", "gn:2335722", "ADM1", None), _placed(text, "Kauru", "gn:2334327", "PPL", "Kaduna")]
    events = run(nlp, lexes, text, places)
    return events, by_trigger(events, "raided"), by_trigger(events, "opened fire")


def test_the_leads_attack_told_again_by_its_doer_is_one_incident_at_the_village(nlp, lexes):
    events, lead, detail = _raid_story(
        nlp, lexes, "The attackers arrived on motorcycles in Kauru and opened fire on people returning from their fields.")
    assert detail["source_actor_id"] == "ANSARU" and detail["incident_of"] == lead["incident_of"]
    assert {e["place_id"] for e in events} == {"gn:2334327"}   # the village the state's attack was in
    assert sum(e["fatalities"] or 0 for e in events) == 9


def test_another_attack_by_the_leads_doer_stays_its_own_incident(nlp, lexes):
    _events, lead, other = _raid_story(
        nlp, lexes, "In another village, the attackers arrived on motorcycles in Kauru and opened fire on people.")
    assert other["incident_of"] != lead["incident_of"] and lead["place_id"] == "gn:2335722"


def test_ground_an_attack_aims_to_take_is_its_aim_not_ground_taken(nlp, lexes):
    events = run(nlp, lexes, "Government troops launched an offensive on Sunday to retake the town of Kidal from rebels.")
    assert by_trigger(events, "retake")["is_hypothetical"] and not by_trigger(events, "offensive")["is_hypothetical"]
    assert by_trigger(events, "offensive")["acled_sub_event_type"] == "Armed clash"
    events = run(nlp, lexes, "Al-Shabaab militants attacked a military base in an attempt to seize the town.")
    assert by_trigger(events, "seize")["is_hypothetical"] and not by_trigger(events, "attacked")["is_hypothetical"]
    ev = run(nlp, lexes, "Rebels captured the town of Kidal on Sunday.")[0]   # (taken, told as done)
    assert ev["acled_sub_event_type"] == "Non-state actor overtakes territory" and not ev["is_hypothetical"]


def test_the_ground_an_attack_aims_to_take_is_where_it_was(nlp, lexes):
    text = "Rebels attacked army positions in Hama province to recapture the village of Kafr Zita."
    places = [place(text, "Hama", "gn:169575", "ADM1", "SYR"), place(text, "Kafr Zita", "gn:169389", "PPL", "SYR")]
    assert by_trigger(run(nlp, lexes, text, places), "attacked")["place_id"] == "gn:169389"


def test_an_operation_against_gangs_is_an_assault(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Police launched an operation against gangs in the capital on Thursday."), "operation")
    assert (ev["event_type"], ev["acled_event_type"]) == ("ASSAULT", "Battles")


def test_fighting_an_enemy_as_the_aim_of_an_act_is_no_battle_told(nlp, lexes):
    events = run(nlp, lexes, "Kenya sent troops to Somalia in 2011 to fight al-Shabaab.")
    assert by_trigger(events, "fight")["is_hypothetical"]
    assert not by_trigger(run(nlp, lexes, "Rebels began to fight government troops near the town."),
                          "fight")["is_hypothetical"]


def test_a_claim_of_the_attack_on_a_named_target_names_that_attacks_doer(nlp, lexes):
    text = ("Islamist militants attacked an army post in the north on Friday, killing seven soldiers.\n\n"
            "Later on Friday, gunmen ambushed a supply convoy near the border, killing two drivers.\n\n"
            "JNIM claimed the attack on the army post.")
    events = run(nlp, lexes, text)
    assert by_trigger(events, "attacked")["source_actor_id"] == "JNIM"
    assert by_trigger(events, "ambushed")["source_actor_id"] != "JNIM"   # (the latest attack, on another target)


def test_the_property_the_leads_doer_destroyed_there_is_part_of_its_attack(nlp, lexes):
    events = run(nlp, lexes, "Ansaru gunmen raided a village in Nigeria's Kaduna state on Saturday, killing nine "
                             "farmers, residents said.\n\nThe attackers also set fire to houses in Kauru.",
                 [_placed("Ansaru gunmen raided a village in Nigeria's Kaduna state", "Kaduna", "gn:2335722", "ADM1", None)])
    assert by_trigger(events, "set fire")["incident_of"] == by_trigger(events, "raided")["incident_of"]


def test_the_leads_doer_attacking_soldiers_after_a_massacre_is_another_act(nlp, lexes):
    _events, lead, other = _raid_story(
        nlp, lexes, "The group said its fighters attacked army positions in Kauru and opened fire on soldiers.")
    assert other["incident_of"] != lead["incident_of"]


def test_a_claim_to_have_taken_ground_is_no_aim(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The army claimed to have retaken the state broadcaster building."), "retaken")
    assert not ev["is_hypothetical"]


def test_a_burning_thing_is_no_act_of_burning(nlp, lexes):
    events = run(nlp, lexes, "Residents blocked a road with burning tyres to protest against crime.")
    assert not any(e["event_type"] == "COERCE" for e in events)
    assert any(e["event_type"] == "COERCE" for e in run(nlp, lexes, "Protesters burned tyres and blocked the road."))


def test_arrests_told_in_the_passive_by_the_police_are_the_polices(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "At least 100 people were arrested, the police said."), "arrested")
    assert ev["source_actor_id"] == "grp-cop"
    ev = by_trigger(run(nlp, lexes, "Two journalists were arrested, their lawyer said."), "arrested")
    assert ev["source_actor_id"] is None   # (a lawyer arrests nobody)


def test_a_toll_the_parser_made_the_speakers_subject_is_still_the_toll(nlp, lexes):
    text = ("An air strike on a village killed at least 20 people, including six children, residents "
            "and an opposition group said on Thursday.")
    assert sum(e["fatalities"] or 0 for e in run(nlp, lexes, text)) == 20


def test_clashes_between_members_of_two_communities_name_both_sides(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Clashes erupted between members of the Tiv and Jukun communities on Monday."),
                    "Clashes")
    assert {ev["source_actor_id"], ev["target_actor_id"]} == {"NGA-ETH-tiv", "NGA-ETH-jukun"}


def test_cattle_rustled_separately_is_its_own_looting(nlp, lexes):
    events = run(nlp, lexes, "Bandits killed seven vigilantes in an ambush on Friday. Separately, the bandits "
                             "rustled dozens of cattle in a nearby village.")
    rustled, killed = by_trigger(events, "rustled"), by_trigger(events, "killed")
    assert rustled["acled_sub_event_type"] == "Looting/property destruction"
    assert rustled["incident_of"] != killed["incident_of"]


def test_a_clash_misparsed_as_a_participle_is_the_protesters(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Students protesting against job quotas clashed with police in Dhaka on Thursday."),
                    "clashed")
    assert ev["source_actor_id"] == "grp-edu" and ev["acled_event_type"] == "Riots"


def test_a_shooting_a_riot_followed_is_not_part_of_the_arrests(nlp, lexes):
    events = run(nlp, lexes, "French police arrested 45 people overnight as rioting spread to several cities "
                             "after a teenager was shot dead by an officer in Nanterre.")
    assert by_trigger(events, "arrested")["incident_of"] != by_trigger(events, "shot")["incident_of"]


def test_a_candidate_shot_dead_is_violence_against_a_civilian(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A mayoral candidate was shot dead while campaigning in the state on Tuesday."),
                    "shot")
    assert ev["acled_event_type"] == "Violence against civilians" and ev["target_actor_id"] == "grp-pty"


def test_an_act_at_a_place_the_geoparser_missed_takes_no_earlier_scene(nlp, lexes):
    text = ("An Israeli drone struck a motorcycle in the town of Bint Jbeil, killing a Hezbollah member. "
            "Hezbollah later fired rockets at Israeli positions in the Upper Galilee.")
    events = run(nlp, lexes, text, [place(text, "Bint Jbeil", "gn:4", "PPL", "LBN")])
    fired = by_trigger(events, "fired")
    assert fired["place_id"] is None and fired["target_actor_id"] == "ISR-MIL"
    text = text.replace(" in the Upper Galilee", "")   # (no place of its own: the scene goes on)
    assert by_trigger(run(nlp, lexes, text, [place(text, "Bint Jbeil", "gn:4", "PPL", "LBN")]), "fired")["place_id"] == "gn:4"


def test_the_people_a_vehicle_carried_are_the_target_of_a_strike_on_it(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A US strike targeted a vehicle carrying members of Kataib Hezbollah, killing two."),
                    "targeted")
    assert ev["target_actor_id"] == "KATAIB_HEZBOLLAH"


def test_a_missile_fired_into_the_sea_is_a_weapons_display(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "North Korea fired a ballistic missile into the sea off its east coast on Thursday."),
                    "fired")
    assert (ev["event_type"], ev["event_mode"], ev["acled_event_type"]) == ("MOBILIZE", "weapons", "Strategic developments")
    ev = by_trigger(run(nlp, lexes, "The Houthis fired two missiles at a tanker in the Red Sea."), "fired")
    assert ev["event_type"] == "ASSAULT"


def test_a_swearing_in_is_no_agreement(nlp, lexes):
    events = run(nlp, lexes, "The president, who was sworn in on Tuesday, said he would fight corruption.")
    assert not any(e["trigger_text"].startswith("sworn") for e in events)


def test_a_date_describing_a_named_person_does_not_date_the_story(nlp, lexes):
    text = ("Opposition leader Ousmane Sonko, who was released from prison last month, is expected to be named "
            "prime minister.\n\nFormer President Macky Sall congratulated the winner.")
    events = run(nlp, lexes, text)
    assert by_trigger(events, "released")["date_precision"] == "month"
    assert by_trigger(events, "congratulated")["event_date"] == PUB


def test_a_toll_of_clashes_since_a_year_in_a_clause_is_background(nlp, lexes):
    text = ("Faye won the March 24 election after a campaign marked by unrest, in which dozens of people were "
            "killed in clashes between protesters and security forces since 2021.")
    assert not any(e["trigger_text"].startswith("clashes") and e["event_date"] is not None for e in run(nlp, lexes, text))


def test_what_a_denial_warning_or_failure_is_about_is_no_act_done(nlp, lexes):
    events = run(nlp, lexes, "The army denied reports that its soldiers had killed civilians in the village.")
    assert [e["trigger_text"] for e in events] == ["denied"]
    events = run(nlp, lexes, "The United Nations warned that fighting could displace thousands of people.")
    assert [e["trigger_text"] for e in events] == []   # (a forecast, no threat: see FORECAST_WORDS)
    events = run(nlp, lexes, "Militants failed to capture the town after a 10-hour battle with the army.")
    assert by_trigger(events, "capture")["is_negated"] and not by_trigger(events, "battle")["is_negated"]


def test_a_condition_of_a_threat_is_no_refusal_and_shots_in_the_air_hit_nobody(nlp, lexes):
    events = run(nlp, lexes, "Rebels threatened to attack the capital if the government did not release their leaders.")
    assert not any(e["event_type"] == "REJECT" for e in events)
    ev = by_trigger(run(nlp, lexes, "The ministry said officers fired only in the air."), "fired")
    assert (ev["event_type"], ev["acled_event_type"]) == ("MOBILIZE", "Strategic developments")


def test_gunmen_from_a_gang_firing_with_rifles_on_residents_are_the_gangs_on_civilians(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Gunmen from the Gran Grif gang opened fire with automatic rifles on residents "
                                    "early on Thursday."), "opened fire")
    assert (ev["source_actor_id"], ev["target_actor_id"]) == ("org-gran-grif", "grp-cvl")   # (the gang by its name)
    assert ev["acled_event_type"] == "Violence against civilians"


def test_a_detail_naming_no_target_keeps_the_leads_violence_against_civilians(nlp, lexes):
    text = ("PORT-AU-PRINCE, Oct 4 (Reuters) - Gang members killed at least 70 people in an attack on a town, "
            "the U.N. office said on Friday.\n\nThe gunmen opened fire early on Thursday and burned houses.")
    ev = by_trigger(run(nlp, lexes, text, published=dt.date(2024, 10, 4)), "killed")
    assert ev["acled_event_type"] == "Violence against civilians"


def test_firing_rubber_bullets_at_workers_is_no_dismissal_and_rail_blockades_are_protests(nlp, lexes):
    events = run(nlp, lexes, "Police fired rubber bullets at garment workers, injuring 15 workers.")
    assert by_trigger(events, "fired")["event_mode"] == "crowd-control"
    assert not run(nlp, lexes, "The company fired 200 workers last month.")   # (a dismissal is no event)
    ev = by_trigger(run(nlp, lexes, "Farmers blocked railway tracks at several locations on Monday."), "blocked")
    assert (ev["event_type"], ev["event_mode"]) == ("PROTEST", "obstruct")


def test_retook_is_retaking_whatever_the_lemmatizer_says(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The Somali National Army retook the village of Ceel Cali from Al Shabaab."), "retook")
    assert (ev["acled_sub_event_type"], ev["target_actor_id"]) == ("Government regains territory", "SHABAAB")


def test_what_an_air_strike_destroyed_it_destroyed_from_the_air(nlp, lexes):
    events = run(nlp, lexes, "Israeli warplanes struck army bases across the country, destroying most air defences.")
    assert by_trigger(events, "destroying")["acled_sub_event_type"] == by_trigger(events, "struck")["acled_sub_event_type"]


def test_a_lead_summing_a_days_strikes_keeps_only_what_its_details_do_not_tell(nlp, lexes):
    text = ("Israeli air strikes killed at least 25 Palestinians across the Gaza Strip on Sunday, health officials "
            "said.\n\nAn Israeli strike on a house in Gaza City killed eight people, medics said. In Khan Younis, "
            "a strike on a tent encampment killed five people.")
    named = [("Gaza Strip", "ADM1", None), ("Gaza City", "PPL", "Gaza Strip"), ("Khan Younis", "PPL", "Gaza Strip")]
    events = run(nlp, lexes, text, [_placed(text, n, f"gn:{k}", code, a1, "PSE") for k, (n, code, a1) in enumerate(named)])
    assert sum(e["fatalities"] or 0 for e in events) == 25   # (12 + 8 + 5, not 25 + 8 + 5)


def test_who_after_a_places_name_speaks_of_the_people_before_it(nlp, lexes):
    text = "Police clashed with farmers in Lahore (Lahore, Punjab), who demanded higher prices for their wheat."
    assert by_trigger(run(nlp, lexes, text), "demanded")["source_actor_id"] == "grp-agr"
    # (and when the clause is hung on the main verb, past "the capital" and the names)
    text = "Police clashed with royalist demonstrators in the capital Lima (Lima, Lima), who demanded early elections."
    assert by_trigger(run(nlp, lexes, text), "demanded")["source_actor_id"] == "grp-cvl"


def test_a_site_demands_nothing_the_people_at_it_do(nlp, lexes):
    text = ("On 2 June 2025, around 400 nurses protested outside the regional government building in Cusco "
            "(Cusco, Cusco) demanding the payment of overdue salaries.")
    assert by_trigger(run(nlp, lexes, text), "demanding")["source_actor_id"] == "grp-med"


def test_a_confirmed_toll_restates_the_claimed_one(nlp, lexes):
    text = "Rebels said they had killed three policemen in an ambush on Monday. The police confirmed two deaths."
    assert by_trigger(run(nlp, lexes, text), "killed")["fatalities"] == 3   # (not 3 + 2)
    text = "Rebels killed three policemen in an ambush on Monday. The police confirmed two more deaths."
    assert by_trigger(run(nlp, lexes, text), "killed")["fatalities"] == 5


def test_seizing_boats_is_a_seizure_not_an_attack(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The coast guard detained 9 fishermen and seized three boats."), "seized")
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", "seize")


def test_the_hospital_the_wounded_were_taken_to_is_not_where_it_happened(nlp, lexes):
    text = "A trader was shot by a police officer and was taken to Kenyatta National Hospital."
    ps = places_of(text, ("Kenyatta National Hospital", "PPL"))
    assert by_trigger(run(nlp, lexes, text, ps), "shot")["place_id"] is None
    text = "Gunmen attacked a hospital in Bunia."   # (an attack on a hospital is at it)
    ps = places_of(text, ("Bunia", "PPL"))
    assert by_trigger(run(nlp, lexes, text, ps), "attacked")["place_id"] == "gn:1"


def test_a_death_sentence_and_the_charge_are_no_killing(nlp, lexes):
    events = run(nlp, lexes, "A military court sentenced two soldiers to death for the killing of a journalist.")
    assert by_trigger(events, "sentenced")["fatalities"] is None and not any(e["event_type"] == "ASSAULT" for e in events)
    events = run(nlp, lexes, "Six people, including three police officers, have been charged with murder.")
    assert [e["trigger_text"] for e in events] == ["charged"]


def test_a_cause_told_again_adds_no_victim_to_the_event_before(nlp, lexes):
    text = ("Fighting erupted in the city on Monday after the killing of a militia leader, leaving eight dead. "
            "Residents reported heavy gunfire through the night. The fighting broke out after the militia "
            "leader was killed at a base, sources said.")
    assert sum(e["fatalities"] or 0 for e in run(nlp, lexes, text)) == 9   # (8 + the leader, once)


def test_stolen_cattle_are_taken_from_their_herders(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Raiders stole 300 head of cattle from Pokot herders on Monday."), "stole")
    assert ev["event_type"] == "COERCE" and ev["target_actor_id"] is not None


def test_the_ends_of_a_blocked_road_give_way_to_the_scene_before(nlp, lexes):
    text = ("Herdsmen attacked farmers in Kwall on Tuesday, killing 3 people. The next day, youths from "
            "the community blocked the Jos-Abuja road in protest.")
    ps = places_of(text, ("Kwall", "PPL"), ("Jos", "PPLA"), ("Abuja", "PPLC"))
    assert place_name(run(nlp, lexes, text, ps), "blocked", ps) == "Kwall"
    text = "Bandits kidnapped 12 travellers on the Abuja-Kaduna highway on Sunday."   # (no scene: an end)
    ps = places_of(text, ("Abuja", "PPLC"), ("Kaduna", "PPLA"))
    assert place_name(run(nlp, lexes, text, ps), "kidnapped", ps) in ("Abuja", "Kaduna")


def test_removing_a_blockade_imposes_none(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Police removed the blockade the next morning without incident."), "blockade")
    assert ev["is_negated"]


def test_protests_an_act_prompts_are_not_its_doers(nlp, lexes):
    text = "A court ordered the arrest of 20 opposition officials on Monday, prompting protests outside the courthouse."
    assert by_trigger(run(nlp, lexes, text), "protests")["source_actor_id"] != "grp-jud"
    text = "The killing of a student by police sparked protests by hundreds of students in the city."
    assert by_trigger(run(nlp, lexes, text), "protests")["source_actor_id"] == "grp-edu"


def test_a_single_officer_is_a_force_member(nlp, lexes):
    text = "A man stabbed two police officers outside a station before being shot by a third officer."
    assert by_trigger(run(nlp, lexes, text), "shot")["source_actor_id"] == "grp-cop"


def test_a_later_days_deaths_of_the_wounded_restate_the_events_whole_toll(nlp, lexes):
    text = ("Gunmen killed at least 14 people in an attack on a village in Plateau state on Monday, police said.\n\n"
            "The attackers stormed the village at around 1 a.m. on Monday, shooting residents.\n\n"
            "Two more people died of their injuries in hospital on Tuesday, bringing the death toll to 16.")
    events = run(nlp, lexes, text, places_of(text, ("Plateau", "ADM1")), published=dt.date(2025, 4, 15))
    assert sum(e["fatalities"] or 0 for e in events) == 16   # (not 14 + 16, nor a new event on Tuesday)
    assert not any(e["trigger_text"] == "died" for e in events)


def test_the_force_that_tells_of_an_interception_made_it(nlp, lexes):
    text = "Russia fired 48 missiles overnight. The Ukrainian air force said 39 of them were shot down."
    ev = by_trigger(run(nlp, lexes, text), "shot down")
    assert (ev["source_actor_id"], ev["acled_sub_event_type"]) == ("UKR-MIL", "Disrupted weapons use")
    text = "The Houthis fired a missile at Israel. The Israeli military said the missile was intercepted."
    assert by_trigger(run(nlp, lexes, text), "intercepted")["source_actor_id"] == "ISR-MIL"


def test_looters_fleeing_is_their_getaway_not_a_withdrawal(nlp, lexes):
    events = run(nlp, lexes, "Armed men looted shops and a clinic in the town before fleeing on motorbikes.")
    assert [e["trigger_text"] for e in events] == ["looted"]


def test_terms_an_act_runs_under_and_what_a_pact_allows_are_no_acts(nlp, lexes):
    events = run(nlp, lexes, "India and Pakistan exchanged lists of prisoners held under a bilateral agreement.")
    assert [e["trigger_text"] for e in events] == ["exchanged"]
    events = run(nlp, lexes, "Japan and the Philippines signed a defence pact allowing their troops to train together.")
    assert [e["event_type"] for e in events] == ["SUPPORT"]


def test_an_arrest_warrant_is_a_charge_against_whom_it_is_for(nlp, lexes):
    events = run(nlp, lexes, "A court issued arrest warrants for two opposition leaders.")
    assert len(events) == 1 and events[0]["event_type"] == "ACCUSE" and events[0]["target_actor_id"] == "grp-opp"


def test_what_sanctions_are_over_and_a_country_doing_another_act_are_no_scene(nlp, lexes):
    cases = [("The European Union imposed new sanctions on Russian oil companies over the war in Ukraine.",
              "Ukraine", "sanctions"),
             ("Russia recalled its ambassador after Moldovan authorities expelled a Russian diplomat.",
              "Russia", "expelled")]
    for text, country, word in cases:
        assert by_trigger(run(nlp, lexes, text, places_of(text, (country, "PCLI"))), word)["place_id"] is None


def test_what_people_flee_is_not_their_act_and_a_running_tolls_war_no_days_act(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Thousands of residents fled the fighting in Kanyabayonga on Monday."), "fighting")
    assert ev["source_actor_id"] is None and ev["acled_event_type"] == "Battles"
    text = "More than 3,000 villagers have been killed in the fighting since then, according to a monitoring group."
    assert not run(nlp, lexes, text)


def test_what_a_person_is_accused_of_is_no_act_of_the_story(nlp, lexes):
    text = "The army demolished the family home of a Palestinian accused of carrying out a shooting attack in Nablus."
    assert [e["trigger_text"] for e in run(nlp, lexes, text)] == ["demolished"]


def test_the_attack_told_again_is_the_drone_strikes_doers(nlp, lexes):
    text = ("A drone attack by the Rapid Support Forces on a mosque killed 75 people on Friday.\n\n"
            "The attack struck the mosque in the Daraja neighbourhood.")
    ev = by_trigger(run(nlp, lexes, text), "struck")
    assert ev["source_actor_id"] == "RSF" and ev["event_mode"] == "drone"


def test_leaving_people_injured_is_the_clashes_toll(nlp, lexes):
    events = run(nlp, lexes, "Students clashed with party supporters at the university, leaving 30 people injured.")
    assert [e["trigger_text"] for e in events] == ["clashed"] and events[0]["injured_count"] == 30


def test_an_attack_with_a_bomb_is_an_explosion_and_an_arson_has_a_toll(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Militants attacked an army patrol with an IED near the border."), "attacked")
    assert (ev["event_mode"], ev["acled_event_type"]) == ("explosives", "Explosions/Remote violence")
    events = run(nlp, lexes, "Gang members set fire to a public bus on Monday. No one was injured.")
    assert [(e["trigger_text"], e["injured_count"]) for e in events] == [("set fire", 0)]


def test_the_weapon_hung_on_the_object_of_an_attack_says_how(nlp, lexes):
    # spaCy reads "a military base with drones" as one phrase
    ev = by_trigger(run(nlp, lexes, "Rebels attacked a military base with drones in Tibu, injuring five soldiers."), "attacked")
    assert (ev["event_mode"], ev["acled_event_type"]) == ("drone", "Explosions/Remote violence")


def test_an_acled_coders_count_is_the_toll(nlp, lexes):
    text = "Militants attacked an army base on Monday. Fatalities unknown, coded as 3."
    assert sum(e["fatalities"] or 0 for e in run(nlp, lexes, text)) == 3
    assert not any(e["fatalities"] for e in run(nlp, lexes, "Militants attacked a base. It was coded as 2 events."))


def test_the_toll_of_a_road_or_air_accident_is_no_attack(nlp, lexes):
    for text in ("Nine people were killed when a bus plunged into a ravine near the town.",
                 "A train derailed in the east of the country, killing 30 passengers.",
                 "Eight people were killed and 17 injured when a minibus fell into a river.",
                 "A training helicopter crashed in the hills, killing its two crew members.",
                 "Six people were injured when a lorry hit a car on the coast road."):
        assert run(nlp, lexes, text) == [], text


def test_a_crash_or_collapse_told_with_a_weapon_is_still_an_attack(nlp, lexes):
    for text, mode in (("Three soldiers were killed when their truck struck a landmine on the road.", "explosives"),
                       ("Two people were killed when a drone crashed into a block of flats.", "aerial"),
                       ("A house collapsed after an air strike, killing four children.", "aerial")):
        events = run(nlp, lexes, text)
        assert any(e["event_type"] == "ASSAULT" and e["fatalities"] for e in events), text
        assert any(e["event_mode"] == mode for e in events), text
    # and a rocket that "fell" is a weapon, not a vehicle
    assert by_trigger(run(nlp, lexes, "Two people were killed when a rocket fell on a market."), "killed")["event_type"] == "ASSAULT"


def test_the_injured_and_the_dead_are_people_not_acts(nlp, lexes):
    assert run(nlp, lexes, "The injured were taken to hospitals in the capital.") == []
    assert run(nlp, lexes, "Doctors treated the wounded at a field clinic.") == []


def test_the_toll_of_a_natural_hazard_told_with_it_is_no_attack(nlp, lexes):
    for text in ("An earthquake struck the north of the country on Monday, killing 40 people and injuring 200.",
                 "Lightning struck a church during a service, killing three worshippers.",
                 "A fire destroyed a market in the old town overnight."):
        assert run(nlp, lexes, text) == [], text


def test_weather_warnings_and_match_results_are_no_events(nlp, lexes):
    for text in ("The weather service issued a storm warning for the islands.",
                 "Forecasters warned that heavy rain would reach the capital on Sunday.",
                 "The visitors beat the champions 2-0, scoring twice in the second half."):
        assert run(nlp, lexes, text) == [], text
    # a threat is still a threat
    assert run(nlp, lexes, "The militia warned that it would attack the convoy.")[0]["event_type"] == "THREATEN"


def test_roads_blocked_by_snow_and_land_burned_by_wildfires_are_no_events(nlp, lexes):
    for text in ("Heavy snow blocked roads across the mountains, stranding hundreds of drivers.",
                 "Wildfires burned more than 10,000 hectares in the south, forcing evacuations."):
        assert run(nlp, lexes, text) == [], text
    assert by_trigger(run(nlp, lexes, "Protesters blocked roads with burning tyres."), "blocked")["event_type"] == "PROTEST"


def test_the_state_arms_are_sent_to_is_the_target(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Germany delivered howitzers and ammunition to Ukraine."), "delivered")
    assert ev["event_type"] == "AID"
    assert ev["target_actor_id"] is not None and ev["target_actor_id"] != ev["source_actor_id"]
    ev = by_trigger(run(nlp, lexes, "Israel recalled its ambassador to Ireland on Wednesday."), "recalled")
    assert ev["event_type"] == "SANCTION"
    assert ev["target_actor_id"] is not None and "ISR" not in ev["target_actor_id"].upper()
    # ... and the state a state's own envoy is recalled from
    ev = by_trigger(run(nlp, lexes, "Peru recalled its ambassador from Mexico on Friday."), "recalled")
    assert ev["target_actor_id"] == "MEX"


def test_coordinated_brokers_of_a_truce_are_not_its_place(nlp, lexes):
    text = "The army and the militia agreed to a truce brokered by Qatar and the United States."
    places = [place(text, "Qatar", "gn:289688", "PCLI", "QAT"), place(text, "United States", "gn:6252001", "PCLI", "USA")]
    ev = by_trigger(run(nlp, lexes, text, places), "agreed")
    assert ev["place_id"] is None


@pytest.mark.parametrize("text, area, site, town, trigger, expected", [
    # a site pinned to the province around it gives way to an equally tied town ...
    ("In North Darfur, the RSF shelled the Abu Shouk camp near El Fasher, killing nine people.",
     ("North Darfur", "gn:408666", "SDN"), "Abu Shouk", ("El Fasher", "gn:379555"), "shelled", "gn:379555"),
    # ... but not to the town a road is named for, which is only the road's end
    ("Gunmen killed a trader in Amaraku village along Okigwe road in Imo State.",
     ("Imo State", "gn:2337542", "NGA"), "Amaraku", ("Okigwe", "gn:2327143"), "killed", "gn:2337542"),
])
def test_a_site_pinned_to_a_province_gives_way_to_a_known_town(nlp, lexes, text, area, site, town, trigger, expected):
    name, area_id, country = area
    places = [place(text, name, area_id, "ADM1", country),
              dict(place(text, site, area_id, "ADM1", country), place_precision="enclosing"),
              dict(place(text, town[0], town[1], "PPL", country), place_precision="exact")]
    assert by_trigger(run(nlp, lexes, text, places), trigger)["place_id"] == expected


def test_an_injuring_told_with_its_weapon_says_how(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Three officers were injured by an explosive device at a police station."), "injured")
    assert (ev["event_type"], ev["event_mode"]) == ("ASSAULT", "explosives")
    ev = by_trigger(run(nlp, lexes, "Two soldiers were wounded by a landmine near the border."), "wounded")
    assert ev["event_mode"] == "explosives"


def test_troops_sent_are_a_deployment_and_no_target_of_their_own_army(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The governor sent National Guard troops to the border town on Tuesday."), "sent")
    assert (ev["event_type"], ev["event_mode"]) == ("MOBILIZE", "troops")
    ev = by_trigger(run(nlp, lexes, "The army deployed troops to the town to separate the two groups."), "deployed")
    assert ev["event_type"] == "MOBILIZE" and ev["target_actor_id"] is None
    # a committee sent in a sentence that names troops is no aid
    text = "The army deployed troops, and a ceasefire committee was sent to the town."
    assert all(e["event_type"] != "AID" for e in run(nlp, lexes, text))


def test_a_court_conviction_is_plover_sanction_convict(nlp, lexes):
    # PLOVER codes convictions and sentences as SANCTION (mode convict), not as accusations
    ev = by_trigger(run(nlp, lexes, "A military court sentenced three activists to ten years in prison."), "sentenced")
    assert (ev["event_type"], ev["event_mode"]) == ("SANCTION", "convict")
    ev = by_trigger(run(nlp, lexes, "The tribunal convicted the former minister of fraud."), "convicted")
    assert (ev["event_type"], ev["event_mode"]) == ("SANCTION", "convict")
    # ... but men described as convicted are no conviction of this story
    events = run(nlp, lexes, "The militants publicly flogged three men convicted of theft in a stadium.")
    assert [e["event_type"] for e in events] == ["ASSAULT"]


def test_coordinated_doers_and_targets_each_get_a_row_of_one_incident(nlp, lexes):
    """"Kenyan and Ugandan troops", "a soldier and two policemen": ACLED's associated actors;
    each partner has a row of the act, the toll on the first only."""
    text = "Kenyan and Ugandan troops killed nine militants near Zorba on Sunday."
    rows = [e for e in run(nlp, lexes, text, [place(text, "Zorba", "gn:50", "PPL", "SOM")]) if e["trigger_text"] == "killed"]
    assert sorted(e["source_actor_id"] for e in rows) == ["KEN-MIL", "UGA-MIL"]
    assert len({e["incident_of"] for e in rows}) == 1 and [e["row_ordinal"] for e in rows] == [0, 1]
    assert [e["fatalities"] for e in rows] == [9, None]
    text = "Gunmen shot dead a soldier and two Malian policemen in Zorba on Friday."
    rows = [e for e in run(nlp, lexes, text, [place(text, "Zorba", "gn:50", "PPL", "MLI")]) if e["trigger_text"] == "shot"]
    assert [e["target_actor_id"] for e in rows] == ["MLI-MIL", "MLI-COP"]
    # the two sides of a clash are one row between them, not two doers
    rows = run(nlp, lexes, "The Chadian army and the rebels clashed near the border on Monday.")
    assert [(e["source_actor_id"], e["target_actor_id"]) for e in rows] == [("TCD-MIL", "TCD-REB")]


def test_a_partner_named_as_a_modifier_or_as_a_speaker_in_a_misparsed_list(nlp, lexes):
    # "Somali and African Union troops": the demonym and the organisation share the noun
    text = "Somali and African Union troops retook the town of Zorba on Sunday."
    rows = run(nlp, lexes, text, [place(text, "Zorba", "gn:50", "PPL", "SOM")])
    assert [e["source_actor_id"] for e in rows] == ["SOM-MIL", "AU"]
    # a source joined to the list of things burned is who tells of it, not a target
    text = ("Gunmen raided a hamlet in Zorba on Sunday, killing five herders and burning dozens "
            "of huts, villagers and a local councillor said.")
    rows = run(nlp, lexes, text, [place(text, "Zorba", "gn:50", "PPL", "NGA")])
    assert all(e["target_actor_id"] != "NGA-GOV" for e in rows)


def test_troops_fired_on_with_partners_are_targets_not_doers(nlp, lexes):
    text = "Egyptian soldiers and police came under fire near Zorba on Monday."
    rows = run(nlp, lexes, text, [place(text, "Zorba", "gn:50", "PPL", "EGY")])
    assert [(e["source_actor_id"], e["target_actor_id"]) for e in rows] == [(None, "EGY-MIL"), (None, "EGY-COP")]


def test_the_object_of_a_meeting_is_the_other_side_not_a_coordinated_subject(nlp, lexes):
    rows = run(nlp, lexes, "Prime Minister Ana Brnabic and army chief Milan Mojsilovic met Russian officials "
                           "in Moscow on Monday.")
    assert {e["target_actor_id"] for e in rows if e["trigger_text"] == "met"} == {"RUS-GOV"}
    rows = run(nlp, lexes, "Serbia and Kosovo exchanged lists of missing persons on Monday.")
    assert {e["target_actor_id"] for e in rows if e["trigger_text"] == "exchanged"} <= {"SRB", "XKX", "RKS", None}


def test_an_act_told_in_a_clause_on_a_listed_place_is_at_that_place_only(nlp, lexes):
    text = "Rallies were held in Zorba, Qarta and Velin, where students blocked a bridge for an hour."
    ps = [place(text, n, f"gn:{k}", "PPL", "SRB") for k, n in enumerate(("Zorba", "Qarta", "Velin"), start=50)]
    events = run(nlp, lexes, text, ps)
    assert len([e for e in events if e["trigger_text"].endswith("held")]) == 3
    assert len([e for e in events if e["trigger_text"] == "blocked"]) == 1


@pytest.mark.parametrize("text, name, pid, trigger, expected", [
    # the state another verb turns to is no scene of this act
    ("The junta expelled the French ambassador and turned to Russia for weapons.", "Russia", "gn:2017370",
     "expelled", None),
    # but the state the act itself gives to is its place (a pledge, a verbal act, has it as its
    # target: see test_the_state_aid_is_pledged_to_is_the_target)
    ("Japan delivered new aid to Ukraine on Tuesday.", "Ukraine", "gn:690791", "delivered", "gn:690791"),
])
def test_a_state_another_verb_turns_to_is_no_scene(nlp, lexes, text, name, pid, trigger, expected):
    ev = by_trigger(run(nlp, lexes, text, [place(text, name, pid, "PCLI", "XXX")]), trigger)
    assert ev["place_id"] == expected


def test_the_states_own_forces_are_no_target_of_their_own_act(nlp, lexes):
    text = "Soldiers repelled an attack on an army post near Zorba on Monday."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Zorba", "gn:50", "PPL", "NER")]), "repelled")
    assert ev["source_actor_id"] == "NER-MIL" and ev["target_actor_id"] is None
    # civilians acting on civilians are two parties: "a man stabbed three people"
    text = "A man stabbed three people at a market in Zorba on Friday."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Zorba", "gn:50", "PPL", "DEU")]), "stabbed")
    assert ev["target_actor_id"] == "DEU-CVL"


def test_people_said_to_be_killed_are_the_target_not_the_doer(nlp, lexes):
    text = "Four Wagner fighters were reported killed near Zorba on Monday."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Zorba", "gn:50", "PPL", "MLI")]), "killed")
    assert (ev["source_actor_id"], ev["target_actor_id"]) == (None, "WAGNER")
    # a bare count is nobody's people: "dozens were reported killed on both sides"
    text = "Dozens were reported killed on both sides near Zorba on Monday."
    events = run(nlp, lexes, text, [place(text, "Zorba", "gn:50", "PPL", "MLI")])
    assert [e["target_actor_id"] for e in events if e["trigger_text"] == "killed"] in ([], [None])


def test_a_verb_the_act_is_only_coordinated_with_does_not_negate_it(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Gunmen stopped a minibus near the border on Friday and shot dead "
                                    "seven travellers, officials said."), "shot")
    assert (ev["is_negated"], ev["fatalities"]) == (False, 7)
    # (a verb that governs it still does: "failed to capture")
    ev = by_trigger(run(nlp, lexes, "The rebels failed to capture the border post on Friday."), "capture")
    assert ev["is_negated"]


def test_the_roads_of_a_crossing_are_one_place(nlp, lexes):
    text = "A gunman opened fire at the corner of Zorba Avenue and Qarta Street on Saturday."
    ps = [place(text, n, f"gn:{k}", "RD", "USA") for k, n in enumerate(("Zorba Avenue", "Qarta Street"), start=50)]
    assert len([e for e in run(nlp, lexes, text, ps) if e["trigger_text"] == "opened fire"]) == 1


@pytest.mark.parametrize("text", [
    "A teenager was found with gunshot wounds and died at the scene on Friday, police said.",
    "A shopkeeper was stabbed outside his store and died on the way to hospital.",
])
def test_a_victim_who_died_shares_the_subject_of_the_verb_before(nlp, lexes, text):
    """"Was found ... and died": the subject "died" shares is the one who died, not a doer,
    and counts one."""
    ev = by_trigger(run(nlp, lexes, text), "died")
    assert ev["source_actor_id"] is None and ev["target_actor_id"] is not None
    assert ev["fatalities"] == 1


def test_what_befell_someone_before_the_act_is_no_act_of_its_doers(nlp, lexes):
    text = "Protesters set fire to a bank in Tarija on Monday after a miner was killed, residents said."
    evs = run(nlp, lexes, text)
    killed, fire = by_trigger(evs, "killed"), by_trigger(evs, "set fire")
    assert killed["source_actor_id"] is None and killed["fatalities"] == 1
    assert killed["incident_of"] != fire["incident_of"]
    soldiers = run(nlp, lexes, "Soldiers returned fire after they were ambushed near the border.")
    assert by_trigger(soldiers, "ambushed")["source_actor_id"] is None


def test_a_protest_against_killings_told_before_names_them_again(nlp, lexes):
    evs = run(nlp, lexes, "Police shot dead four men in Kisumu on Monday. Hundreds protested the killings on Tuesday.")
    assert [e["event_type"] for e in evs] == ["ASSAULT", "PROTEST"]


def test_those_planning_an_attack_would_carry_it_out(nlp, lexes):
    evs = run(nlp, lexes, "Soldiers arrested three ISWAP fighters who were planning an attack on a market.")
    attack = by_trigger(evs, "attack")
    assert attack["is_hypothetical"] and attack["source_actor_id"] == "ISWAP"


@pytest.mark.parametrize("text", [
    "Gunmen killed a farmer opposed to the dam in the village on Sunday.",
    "Villagers opposed to the dam blocked the road on Sunday.",
])
def test_opposed_to_describing_people_is_no_act(nlp, lexes, text):
    assert not any(e["event_type"] == "ACCUSE" for e in run(nlp, lexes, text))


def test_supporters_of_two_parties_who_clash_are_the_two_sides(nlp, lexes):
    text = "Supporters of the Awami League and the BNP clashed in Feni on Sunday, leaving two dead and 30 injured."
    evs = run(nlp, lexes, text, [place(text, "Feni", "gn:1185224", "PPLA2", "BGD")])
    clash = by_trigger(evs, "clashed")
    assert (clash["source_actor_id"], clash["target_actor_id"]) == ("AWAMI", "BNP_BGD")
    assert clash["fatalities"] == 2 and sum(e["injured_count"] or 0 for e in evs) == 30   # (30 were counted dead)
    # the injured are the riot's toll: one incident, one ACLED type, no doer from the nearest name
    assert {(e["incident_of"], e["acled_event_type"]) for e in evs} == {(clash["incident_of"], "Riots")}


def test_the_doer_of_an_act_after_days_of_fighting_fought_the_other_side(nlp, lexes):
    evs = run(nlp, lexes, "The Arakan Army captured a police outpost in the town after several days of fighting "
                          "with the Myanmar military.")
    fight = by_trigger(evs, "fighting")
    assert (fight["source_actor_id"], fight["target_actor_id"]) == ("ARAKAN", "MMR-MIL")


def test_an_act_given_as_the_reason_for_an_arrest_is_the_arrested_peoples(nlp, lexes):
    evs = run(nlp, lexes, "Taliban forces detained five women activists in Herat for protesting the ban on schooling.")
    protest = by_trigger(evs, "protesting")
    assert protest["source_actor_id"] == by_trigger(evs, "detained")["target_actor_id"] is not None
    assert not any(e["event_mode"] == "ban" for e in evs)   # the ban protested is a measure in force


def test_an_attack_on_troops_that_left_a_toll_is_not_the_troops_act(nlp, lexes):
    evs = run(nlp, lexes, "An IED attack on a convoy of Malian soldiers left two soldiers dead and five injured.")
    attack = by_trigger(evs, "attack")
    assert attack["source_actor_id"] is None and attack["fatalities"] == 2
    assert sum(e["injured_count"] or 0 for e in evs) == 5


def test_two_sides_named_together_as_subject_keep_their_order(nlp, lexes):
    text = "Hausa and Fulani youths clashed in Kano on Friday."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Kano", "gn:2335204", "PPLA", "NGA")]), "clashed")
    assert (ev["source_actor_id"], ev["target_actor_id"]) == ("NGA-CVL-hausa", "NGA-CVL-fulani")


def test_the_dead_of_a_fight_between_two_sides_are_neither_sides_victims(nlp, lexes):
    text = "Three people were killed when Hausa and Fulani youths clashed in Kano on Friday."
    evs = run(nlp, lexes, text, [place(text, "Kano", "gn:2335204", "PPLA", "NGA")])
    killed = by_trigger(evs, "killed")
    assert killed["source_actor_id"] is None and killed["fatalities"] == 3
    clash = by_trigger(evs, "clashed")
    assert clash["source_actor_id"] and clash["target_actor_id"] and clash["incident_of"] == killed["incident_of"]
    assert killed["acled_event_type"] == clash["acled_event_type"]


@pytest.mark.parametrize("text,trigger,kind", [
    ("Police blocked the marchers' entry into the square with tear gas.", "blocked", ("ASSAULT", "crowd-control")),
    ("Striking truckers set up roadblocks on the main highway on Monday.", "roadblocks", ("PROTEST", "obstruct")),
    ("The air force destroyed a rebel camp in an aerial bombardment on Monday.", "bombardment", ("ASSAULT", "aerial")),
    ("Opposition supporters stoned the governor's convoy in Gulu.", "stoned", ("PROTEST", "riot")),
    ("Militants stoned a woman to death in Kidal.", "stoned", ("ASSAULT", "primitive")),
    ("Police used stun grenades against students in Novi Sad.", "used", ("ASSAULT", "crowd-control")),
    ("Students blockaded the faculty building in Novi Sad.", "blockaded", ("PROTEST", "obstruct")),
    ("The navy blockaded the port of Hodeidah.", "blockaded", ("COERCE", "restrict")),
])
def test_more_ways_of_telling_crowd_control_blockades_and_air_strikes(nlp, lexes, text, trigger, kind):
    ev = by_trigger(run(nlp, lexes, text), trigger)
    assert (ev["event_type"], ev["event_mode"]) == kind


def test_roadblocks_of_soldiers_are_no_protest(nlp, lexes):
    assert not any(e["event_type"] == "PROTEST" for e in run(nlp, lexes, "Soldiers set up roadblocks around the city."))


def test_a_capital_taken_to_task_is_no_scene(nlp, lexes):
    text = "Caracas expelled the Colombian ambassador after accusing Bogota of backing a coup plot."
    evs = run(nlp, lexes, text, [place(text, "Bogota", "gn:3688689", "PPLC", "COL")])
    assert by_trigger(evs, "expelled")["place_id"] is None


def test_a_victim_parsed_under_dead_still_counts(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "On 4 May 2025, members of the gang shot dead a shopkeeper in the market "
                                    "for refusing to pay extortion money."), "shot")
    assert ev["fatalities"] == 1


def test_the_attack_told_again_as_repelled_is_not_the_defenders_act(nlp, lexes):
    evs = run(nlp, lexes, "On 3 May 2025, JNIM militants attacked an army post in the town. "
                          "The attack was repelled by soldiers, who killed 9 assailants.")
    assert [e["trigger_text"] for e in evs if "attack" in e["trigger_text"]] == ["attacked"]
    assert by_trigger(evs, "repelled")["target_actor_id"] == by_trigger(evs, "attacked")["source_actor_id"]


def test_an_anniversary_of_past_protests_is_no_protest_of_that_year(nlp, lexes):
    evs = run(nlp, lexes, "On 18 June 2025, protesters marked the anniversary of the 2023 fuel protests in the capital. "
                          "Police fired tear gas, killing 2 protesters.", published=dt.date(2025, 6, 20))
    assert all(e["event_date"] == dt.date(2025, 6, 18) for e in evs)
    assert by_trigger(evs, "marked")["event_type"] == "PROTEST"


def test_a_clause_after_a_semicolon_lends_no_negation(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The rebels claimed to have killed 12 soldiers; the figure could not be verified."),
                    "killed")
    assert not ev["is_negated"]


def test_a_states_measure_after_an_attack_is_neither_its_doer_nor_the_same_act(nlp, lexes):
    events = run(nlp, lexes, "Officials declared a curfew in the town after a clash between two gangs left nine people dead.")
    curfew, dead = by_trigger(events, "curfew"), by_trigger(events, "left")
    assert dead["fatalities"] == 9 and dead["source_actor_id"] is None
    assert dead["incident_of"] != curfew["incident_of"]


def test_easing_is_a_concession_only_of_a_measure(nlp, lexes):
    assert run(nlp, lexes, "The central bank said inflation had eased in May.") == []
    assert by_trigger(run(nlp, lexes, "The government eased restrictions on travel."), "eased")["event_type"] == "CONCEDE"


def test_a_state_addressed_or_acting_is_no_scene_of_a_statement(nlp, lexes):
    text = "The president urged the United States and France to pressure the rebels."
    ps = [place(text, "United States", "gn:6252001", "PCLI", "USA"), place(text, "France", "gn:3017382", "PCLI", "FRA")]
    assert {e["place_id"] for e in run(nlp, lexes, text, ps)} == {None}
    text = "Kenya recalled its ambassador on Monday, a week after Kampala expelled two Kenyan diplomats."
    ps = [place(text, "Kampala", "gn:232422", "PPLC", "UGA")]
    assert by_trigger(run(nlp, lexes, text, ps), "recalled")["place_id"] is None
    text = "Israeli jets struck Syria overnight."
    assert by_trigger(run(nlp, lexes, text, [place(text, "Syria", "gn:163843", "PCLI", "SYR")]), "struck")[
        "place_id"] == "gn:163843"


def test_but_ends_a_negation_and_or_carries_it_on(nlp, lexes):
    for text in ["The rebels did not attack the town but clashed with militias in the hills.",
                 "M23 rebels did not attack Uvira as had been feared, but clashed with Wazalendo fighters nearby."]:
        events = run(nlp, lexes, text)
        assert by_trigger(events, "attack")["is_negated"] and not by_trigger(events, "clashed")["is_negated"]
    events = run(nlp, lexes, "Police did not arrest or beat the protesters.")
    assert by_trigger(events, "arrest")["is_negated"] and by_trigger(events, "beat")["is_negated"]


def test_the_people_after_an_attack_verb_are_its_target_when_parsed_as_a_clause(nlp, lexes):
    # the small model reads "Palestinian farmers harvesting olives" as an adverbial clause
    events = run(nlp, lexes, "On 7 July 2025, Israeli settlers attacked Palestinian farmers harvesting olives "
                             "near the village and set fire to a car.")
    assert by_trigger(events, "attacked")["target_actor_id"] == "PSE-AGR"


def test_the_people_an_object_relative_clause_harms_are_its_target(nlp, lexes):
    events = run(nlp, lexes, "The rebels on Sunday freed four soldiers they had kidnapped two weeks ago.")
    assert by_trigger(events, "kidnapped")["target_actor_id"] == by_trigger(events, "freed")["target_actor_id"]
    assert by_trigger(events, "kidnapped")["date_precision"] == "week"


def test_an_attack_named_by_its_day_is_the_attack_told_before(nlp, lexes):
    events = run(nlp, lexes, "Gunmen killed five people in a market on Monday. The group did not comment on Monday's attack.")
    assert [e["trigger_text"] for e in events] == ["killed"]


def test_fighting_for_a_cause_is_no_battle(nlp, lexes):
    assert run(nlp, lexes, "The rebels say they are fighting for the rights of tribal people.") == []
    assert by_trigger(run(nlp, lexes, "Rebels and soldiers were fighting for control of the town on Monday."),
                      "fighting")["event_type"] == "ASSAULT"


def test_an_ied_attack_is_an_explosive_attack_whatever_its_verb(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "An IED attack targeted a convoy near the border on Sunday."), "attack")
    assert ev["event_mode"] == "explosives" and ev["acled_event_type"] == "Explosions/Remote violence"


def test_an_act_told_before_that_shows_something_is_no_new_act(nlp, lexes):
    text = "A missile struck a market in Sumy on Friday. The attack showed that Moscow did not want peace, the mayor said."
    ps = [place(text, "Sumy", "gn:692194", "PPLA", "UKR"), place(text, "Moscow", "gn:524901", "PPLC", "RUS")]
    events = run(nlp, lexes, text, ps)
    assert [e["trigger_text"] for e in events if e["event_type"] == "ASSAULT"] == ["struck"]
    assert {e["place_id"] for e in events} <= {"gn:692194", None}


def test_a_human_chain_is_a_protest(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Students staged a human chain on the campus on Monday."), "human chain")
    assert (ev["event_type"], ev["event_mode"]) == ("PROTEST", "demo")



def test_the_target_between_an_event_noun_and_its_verb_is_the_target(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "An IED attack on a convoy of the Burkinabe army near Djibo left two soldiers dead."), "attack")
    assert ev["target_actor_id"] == "BFA-MIL" and ev["fatalities"] == 2

def test_a_road_or_avenue_blocked_is_a_protest_and_the_protest_it_was_in_is_the_same(nlp, lexes):
    events = run(nlp, lexes, "Hundreds of drivers blocked Avenida Brasil in protest on Monday.")
    assert [(e["trigger_text"], e["event_type"], e["event_mode"]) for e in events] == [("blocked", "PROTEST", "obstruct")]


def test_a_banned_protest_that_was_held_is_no_hypothetical(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Students clashed with police in Dakar during a banned march on Friday."), "march")
    assert not ev["is_hypothetical"]
    ev = by_trigger(run(nlp, lexes, "The governor banned all marches in Dakar on Friday."), "marches")
    assert ev["is_hypothetical"]


def test_a_withdrawal_is_where_it_left_from_not_where_it_went(nlp, lexes):
    text = "The army withdrew from Tessalit and retreated towards Anefis on Monday."
    ps = [place(text, "Tessalit", "gn:11", "PPL", "MLI"), place(text, "Anefis", "gn:12", "PPL", "MLI")]
    events = run(nlp, lexes, text, ps)
    assert {e["place_id"] for e in events if e["event_type"] == "RETREAT"} == {"gn:11"}
    text = "Gunmen attacked a police post in Kandi on Monday, killing two officers. They withdrew towards Niger."
    ps = [place(text, "Kandi", "gn:13", "PPL", "BEN"), place(text, "Niger", "gn:14", "PCLI", "NER")]
    assert by_trigger(run(nlp, lexes, text, ps), "withdrew")["place_id"] == "gn:13"


@pytest.mark.parametrize("text, group", [
    ("Gunmen linked to the Sinaloa Cartel opened fire on a family in Culiacan.", "SINALOA"),
    ("Militants affiliated with al-Shabaab attacked a police post near the border.", "SHABAAB"),
])
def test_unnamed_doers_tied_to_a_named_group_are_that_group(nlp, lexes, text, group):
    ev = next(e for e in run(nlp, lexes, text) if e["event_type"] == "ASSAULT")
    assert ev["source_actor_id"] == group


def test_a_speaker_named_with_a_compound_inside_its_name_is_no_doer(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The Kenya Commission for Human Rights said 30 people had been killed."), "killed")
    assert ev["source_actor_id"] is None


def test_the_place_of_a_reports_source_is_not_where_the_act_was(nlp, lexes):
    text = "Eight soldiers were killed, according to a police official in Peshawar."
    assert by_trigger(run(nlp, lexes, text, [place(text, "Peshawar", "gn:21", "PPLA", "PAK")]), "killed")["place_id"] is None
    text = "Police in Peshawar said they arrested 12 protesters."
    assert by_trigger(run(nlp, lexes, text, [place(text, "Peshawar", "gn:21", "PPLA", "PAK")]), "arrested")["place_id"] == "gn:21"


def test_a_name_inside_the_doers_of_phrase_is_not_the_doer(nlp, lexes):
    text = "Thousands of supporters of opposition leader Raila Odinga marched in Kisumu, burning tyres."
    ev = by_trigger(run(nlp, lexes, text), "burning")
    assert ev["source_actor_id"] is not None and not ev["source_actor_id"].startswith("per-")


def test_a_date_that_modifies_another_noun_does_not_date_the_act(nlp, lexes):
    events = run(nlp, lexes, "Police fired tear gas at protesters in the capital, as demonstrations over "
                             "last month's disputed election entered a third week.")
    assert by_trigger(events, "demonstrations")["date_precision"] != "month"


def test_the_acts_an_inquiry_is_into_are_no_new_acts(nlp, lexes):
    events = run(nlp, lexes, "The president announced a committee to investigate the killings.")
    assert "ASSAULT" not in types(events)


def test_a_killing_only_tried_counts_no_dead(nlp, lexes):
    assert by_trigger(run(nlp, lexes, "Gunmen tried to assassinate the governor of Kirkuk."), "assassinate")["fatalities"] is None
    assert by_trigger(run(nlp, lexes, "Gunmen failed to kill 3 policemen in Kirkuk."), "kill")["fatalities"] is None



@pytest.mark.parametrize("text", [
    "Armed men believed to be members of Los Choneros attacked a prison in Guayaquil.",
    "Gunmen believed to be Los Choneros members attacked a prison in Guayaquil.",
])
def test_unnamed_doers_believed_to_be_a_named_group_are_that_group(nlp, lexes, text):
    assert by_trigger(run(nlp, lexes, text), "attacked")["source_actor_id"] == "LOS_CHONEROS"


def test_ground_regained_from_a_group_makes_the_group_the_target(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Police regained control of the Solino district from Viv Ansanm gang members."), "regained")
    assert ev["target_actor_id"] == "VIV_ANSANM"


def test_a_stance_is_not_placed_where_the_matter_it_is_about_lies(nlp, lexes):
    text = ("The European Union imposed sanctions on four companies it accused of supplying drones to Russia "
            "for use in the war in Ukraine.")
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Ukraine", "gn:690791", "PCLI", "UKR")]), "sanctions")
    assert ev["place_id"] is None
    # but the act agreed and the event's own participle clause say where it was
    text = "Ethiopia and Eritrea agreed to reopen their border crossings during talks in Asmara."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Asmara", "gn:343300", "PPLC", "ERI")]), "agreed")
    assert ev["place_id"] == "gn:343300"
    text = "Talks mediated by Turkey in Ankara ended on Monday."
    ev = by_trigger(run(nlp, lexes, text, [place(text, "Ankara", "gn:323786", "PPLC", "TUR")]), "Talks")
    assert ev["place_id"] == "gn:323786"


def test_a_history_of_acts_is_no_event(nlp, lexes):
    events = run(nlp, lexes, "Decades of clashes between herders and farmers over land have killed thousands.")
    assert "ASSAULT" not in types(events)


def test_those_an_act_befell_are_no_new_act(nlp, lexes):
    assert "ASSAULT" not in types(run(nlp, lexes, "Among those targeted is the commander of the aerospace force."))


def test_who_announces_a_measure_gives_it(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Canada announced a package of $500 million in military aid for Kyiv."), "aid")
    assert ev["source_actor_id"] == "CAN"


def test_a_past_the_tagger_takes_for_a_present_is_no_habit(nlp, lexes):
    events = run(nlp, lexes, "Militants overran an army base on Monday. The army later retook the base.")
    assert by_trigger(events, "retook")["event_type"] == "ASSAULT"


def test_an_act_done_in_protest_is_no_demonstration(nlp, lexes):
    events = run(nlp, lexes, "Algeria recalled its ambassador to France in protest at the French position.")
    assert "PROTEST" not in types(events) and "SANCTION" in types(events)


def test_protests_an_act_prompted_are_where_the_phrase_on_the_verb_says(nlp, lexes):
    text = "A court in Ankara ordered the arrest of the mayor, prompting protests across Turkey."
    ps = [place(text, "Ankara", "gn:31", "PPLC", "TUR"), place(text, "Turkey", "gn:32", "PCLI", "TUR")]
    assert by_trigger(run(nlp, lexes, text, ps), "protests")["place_id"] == "gn:32"


def test_aid_delivered_or_sent_is_one_act_with_its_recipient(nlp, lexes):
    events = run(nlp, lexes, "The agency delivered 2,000 tonnes of food aid to the region on Saturday.")
    assert [e["event_type"] for e in events] == ["AID"]
    ev = by_trigger(run(nlp, lexes, "Canada sent humanitarian aid to Sudan on Monday."), "sent")
    assert ev["target_actor_id"] == "SDN"


def test_a_country_a_stand_is_taken_on_is_no_scene(nlp, lexes):
    text = "Hungary vetoed a new package of EU sanctions on Russia on Thursday."
    events = run(nlp, lexes, text, [place(text, "Russia", "gn:2017370", "PCLI", "RUS")])
    assert {e["place_id"] for e in events} == {None}


def test_a_communitys_rebels_of_a_named_group_are_that_group(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Tuareg rebels of the FLA shot down an army drone near the border."), "shot")
    assert ev["source_actor_id"] == "FLA_MLI"


def test_what_a_natural_hazard_destroys_is_no_attack(nlp, lexes):
    text = "The quake struck near the coast on Friday, killing 300 people and destroying hundreds of buildings."
    assert "ASSAULT" not in types(run(nlp, lexes, text))


def test_forces_deployed_with_no_doer_named_are_the_deployment_s_actor(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Nigerien troops were deployed to the border town on Monday."), "deployed")
    assert ev["event_type"] == "MOBILIZE" and ev["source_actor_id"] == "NER-MIL"


def test_an_act_demanded_in_a_passive_clause_is_the_demands_content(nlp, lexes):
    events = run(nlp, lexes, "The rebels demanded that their release be negotiated through the church.")
    assert [e["event_type"] for e in events] == ["REQUEST"]


@pytest.mark.parametrize("tie", ["on the outskirts of", "near", "some 10 km south of"])
def test_a_place_after_a_comma_and_a_tie_locates_the_place_before_it(nlp, lexes, tie):
    # the parser hangs the tie phrase on the verb, the first place on the opponent ("gunmen in
    # Jaramana"); the event is still in Jaramana, which the second place only locates
    text = f"Government forces clashed with gunmen in Jaramana, {tie} Damascus, on Tuesday."
    places = [place(text, "Jaramana", "gn:170654", "PPL", "SYR"), place(text, "Damascus", "gn:170655", "PPLC", "SYR")]
    assert by_trigger(run(nlp, lexes, text, places), "clashed")["place_id"] == "gn:170654"


def test_a_date_in_what_the_acted_on_person_is_held_for_is_not_the_acts(nlp, lexes):
    # "in 2022" dates the killing the man was convicted of, not the execution
    text = "Iran executed a man convicted of killing a police officer during protests in 2022, the judiciary said."
    ev = by_trigger(run(nlp, lexes, text), "executed")
    assert ev["event_date"] == PUB.isoformat() or ev["date_precision"] != "year"


def test_an_act_agreed_to_through_another_verb_is_the_agreements_content(nlp, lexes):
    events = run(nlp, lexes, "India and Pakistan agreed to restore a ceasefire along the border.")
    assert [e["event_type"] for e in events] == ["AGREE"]
    # the talks after which it was agreed were held
    events = run(nlp, lexes, "China and the Philippines agreed on Tuesday to ease tensions after talks in Manila.")
    assert "CONSULT" in {e["event_type"] for e in events}


def test_the_state_aid_is_pledged_to_is_the_target(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Japan pledged new aid to Ukraine on Tuesday."), "pledged")
    assert ev["source_actor_id"] == "JPN" and ev["target_actor_id"] == "UKR"


def test_a_context_word_in_a_bodys_name_gives_no_reading(nlp, lexes):
    # "Intelligence" of the SITE Intelligence Group is no intelligence shared
    events = run(nlp, lexes, "JNIM claimed responsibility in a statement shared by the SITE Intelligence Group.")
    assert "COOPERATE" not in {e["event_type"] for e in events}


def test_each_noun_of_a_listed_run_of_acts_is_a_pattern(nlp, lexes):
    # "a wave of extortion and killings": a grievance of many acts, no killing of its own
    text = "Workers went on strike to protest against a wave of extortion and killings of bus drivers by gangs."
    assert "ASSAULT" not in {e["event_type"] for e in run(nlp, lexes, text)}


def test_a_guided_bomb_is_dropped_from_the_air_by_the_country_it_is_said_to_be_of(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A Russian guided bomb hit an apartment block in the city."), "hit")
    assert ev["event_mode"] == "aerial" and ev["source_actor_id"] == "RUS-MIL"


def test_a_person_and_a_relative_or_guard_killed_count_two(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Gunmen killed a local councillor and his bodyguard on Monday."), "killed")
    assert ev["fatalities"] == 2


def test_weeks_of_fighting_are_a_run_of_acts_not_another_battle(nlp, lexes):
    text = "Rebel fighters captured the town after weeks of fighting with the army."
    assert [e["trigger_text"] for e in run(nlp, lexes, text)] == ["captured"]


def test_a_larger_place_after_in_locates_the_name_before_it(nlp, lexes):
    # "in the eastern Donetsk region" hangs on the verb; it only says where Pokrovsk is
    text = "Its forces repelled 25 assaults near Pokrovsk in the eastern Donetsk region on Monday."
    places = [place(text, "Pokrovsk", "gn:704422", "PPLA2", "UKR"), place(text, "Donetsk", "gn:709716", "ADM1", "UKR")]
    assert by_trigger(run(nlp, lexes, text, places), "repelled")["place_id"] == "gn:704422"


def test_a_rider_shot_dead_is_one_civilian_killed(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Officers shot dead a motorcycle taxi rider in the town on Sunday."), "shot")
    assert ev["fatalities"] == 1 and ev["target_actor_id"] is not None


def test_fighting_a_fire_is_no_battle(nlp, lexes):
    assert not [e for e in run(nlp, lexes, "Firemen battled the flames at the warehouse for six hours.")
                if e["event_type"] == "ASSAULT"]
    assert by_trigger(run(nlp, lexes, "Troops battled the insurgents for six hours."), "battled")["event_type"] == "ASSAULT"


def test_a_weapon_launched_by_someone_has_that_someone_as_doer(nlp, lexes):
    # (drones are an actor of their own where no user is named: "drones struck the port")
    ev = by_trigger(run(nlp, lexes, "Drones launched by Hezbollah hit an army post in the Galilee."), "hit")
    assert ev["source_actor_id"] == "HEZBOLLAH"


def test_a_reporter_seeking_comment_is_no_request(nlp, lexes):
    evs = run(nlp, lexes, "The interior ministry did not answer messages seeking comment on the raid.")
    assert not [e for e in evs if e["event_type"] == "REQUEST"]


def test_an_injury_count_left_by_an_attack_goes_to_it(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The bombing left 14 people injured."), "bombing")
    assert ev["injured_count"] == 14
    evs = run(nlp, lexes, "Gunmen stormed the village, leaving 9 dead and 22 wounded.")
    assert [(e["fatalities"], e["injured_count"]) for e in evs if e["event_type"] == "ASSAULT"] == [(9, 22)]


def test_his_arrest_befell_him_and_a_leaders_deportations_are_his(nlp, lexes):
    evs = run(nlp, lexes, "Activist Omar Haddad was beaten by police officers during his arrest, his lawyer said.")
    arrest = by_trigger(evs, "arrest")
    assert arrest["target_actor_id"] == "per-omar-haddad" and arrest["source_actor_id"] != "per-omar-haddad"
    evs = run(nlp, lexes, "President Donald Trump's deportations have split farm towns in Iowa.")
    assert by_trigger(evs, "deportations")["target_actor_id"] != "per-donald-trump"


def test_a_release_demanded_with_another_thing_is_the_demands_content(nlp, lexes):
    evs = run(nlp, lexes, "Marchers demanded higher wages and the release of detained union leaders.")
    assert [e["event_type"] for e in evs] == ["REQUEST"]


def test_an_advance_met_by_resistance_is_no_meeting(nlp, lexes):
    evs = run(nlp, lexes, "The convoy was met by heavy resistance near the bridge.")
    assert not [e for e in evs if e["event_type"] == "CONSULT"]
    assert by_trigger(run(nlp, lexes, "Macron met Scholz in Berlin."), "met")["event_type"] == "CONSULT"


def test_a_crowd_dispersed_after_gathering_is_the_target_not_the_doer(nlp, lexes):
    for text in ("Students marched to the ministry before being dispersed by tear gas.",
                 "Students marched to the ministry and were dispersed with tear gas."):
        ev = by_trigger(run(nlp, lexes, text), "dispersed")
        assert ev["source_actor_id"] is None and ev["target_actor_id"] == "grp-edu"


def test_victims_ambushed_and_killed_are_counted_on_the_killing(nlp, lexes):
    evs = run(nlp, lexes, "Three guards were ambushed and killed outside the mine.")
    assert by_trigger(evs, "killed")["fatalities"] == 3


def test_people_wounded_in_a_clause_parsed_as_more_victims_are_wounded_not_dead(nlp, lexes):
    # (the parser joins "six people" to the dead and leaves "were wounded" without a subject)
    evs = run(nlp, lexes, "Police shot dead a local trader and a young boy in the town of Kasese and nine people "
                          "were wounded, according to the mayor and hospital staff.")
    assert sum(e["fatalities"] or 0 for e in evs) == 2 and sum(e["injured_count"] or 0 for e in evs) == 9


def test_two_people_named_as_the_passive_subject_count_two(nlp, lexes):
    assert by_trigger(run(nlp, lexes, "A farmer and his wife were murdered in their home."), "murdered")["fatalities"] == 2
    ev = by_trigger(run(nlp, lexes, "A customs officer and at least 9 other people were killed in the blast."), "killed")
    assert ev["fatalities"] == 10


def test_a_search_operation_is_no_assault(nlp, lexes):
    evs = run(nlp, lexes, "Security forces launched a search operation in the forest and detained two suspects.")
    assert not [e for e in evs if e["event_type"] == "ASSAULT"]


def test_a_toll_left_by_two_sides_fighting_goes_to_the_fight(nlp, lexes):
    evs = run(nlp, lexes, "Hema and Lendu militiamen fought near Bunia, leaving 9 people dead.")
    assert [e["fatalities"] for e in evs if e["event_type"] == "ASSAULT"] == [9]


def test_a_date_of_what_the_object_lost_does_not_date_the_act(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Troops shelled rebel positions to retake villages lost to the "
                                    "insurgents last month."), "shelled")
    assert ev["event_date"] == PUB and ev["date_precision"] == "day"


def test_an_undated_lead_is_not_a_strike_told_later_at_another_town(nlp, lexes):
    evs, _names = run_placed(nlp, lexes, "Soldiers and rebels clashed near the town of Bambari, residents said.\n\n"
                             "A resident said four traders were killed on Tuesday when a drone hit a lorry near Bria.")
    clash = by_trigger(evs, "clashed")
    assert clash["event_date"] == PUB and clash["event_mode"] != "drone"


def test_a_deal_approved_is_the_approvers_and_what_it_is_for_did_not_happen(nlp, lexes):
    evs = run(nlp, lexes, "The Colombian cabinet approved a deal with the ELN for the release of kidnapped soldiers.")
    deal = by_trigger(evs, "deal")
    assert deal["event_type"] == "AGREE" and deal["source_actor_id"] == "COL-GOV" and deal["target_actor_id"] == "ELN"
    assert not [e for e in evs if e["event_type"] == "RETREAT"]


def test_what_a_vow_holds_until_is_part_of_the_vow(nlp, lexes):
    evs = run(nlp, lexes, "The rebel commander vowed to keep fighting until the junta resigned.")
    assert not [e for e in evs if "resigned" in e["trigger_text"]]
    evs = run(nlp, lexes, "Troops fought on until the rebels retreated.")
    assert [e for e in evs if "retreated" in e["trigger_text"]]


def test_what_people_are_charged_with_is_no_act_of_the_story(nlp, lexes):
    evs = run(nlp, lexes, "Officers detained nine men on charges of arson and assault after the riot.")
    assert not [e for e in evs if e["trigger_text"] in ("arson", "assault")]


def test_a_measure_a_judge_blocks_is_not_the_judges(nlp, lexes):
    evs = run(nlp, lexes, "A district judge on Monday blocked the deployment of troops to the city.")
    assert by_trigger(evs, "deployment")["source_actor_id"] is None


def test_a_claim_names_the_doer_whatever_the_for_hangs_on(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Al-Shabaab claimed responsibility on Sunday for a bombing at a market in Baidoa."),
                    "bombing")
    assert ev["source_actor_id"] == "SHABAAB"


def test_an_act_inside_a_clause_an_attack_came_a_day_after_is_dated_back(nlp, lexes):
    text = ("Gunmen killed three guards at a mine near Tarkwa, police said.\n\n"
            "The attack came two days after the union declared a strike at the mine, ordering workers to stay home.")
    ev = by_trigger(run(nlp, lexes, text), "ordering")
    assert ev["event_date"] == PUB - dt.timedelta(days=2) and ev["date_precision"] == "day"


def test_an_attack_troops_repelled_is_not_theirs(nlp, lexes):
    evs = run(nlp, lexes, "Soldiers repelled an assault on their camp near the river.")
    assert by_trigger(evs, "repelled")["source_actor_id"] == "grp-mil"
    assert by_trigger(evs, "assault")["source_actor_id"] is None


def test_an_act_launched_by_someone_named_after_it_is_theirs(nlp, lexes):
    evs = run(nlp, lexes, "After fending off attacks launched by the rebels on their positions, the soldiers advanced.")
    assert by_trigger(evs, "attacks")["source_actor_id"] == "grp-reb"


def test_a_measure_taken_nationwide_is_placed_in_the_country(nlp, lexes):
    evs, names = run_placed(nlp, lexes, "Rioters set fire to a bus station in Kisumu, Kenya, on Monday. "
                                        "The government imposed a curfew nationwide and shut down mobile internet.")
    assert names[by_trigger(evs, "curfew")["place_id"]] == "Kenya"
    assert names[by_trigger(evs, "shut down")["place_id"]] == "Kenya"


def test_force_against_a_dated_protest_is_dated_with_it(nlp, lexes):
    evs = run(nlp, lexes, "Riot police fired rubber bullets at students who tried to march on the palace on Wednesday.")
    assert by_trigger(evs, "fired")["event_date"] == dt.date(2017, 11, 1)


def test_men_armed_with_weapons_did_the_killing_the_parse_hung_on_the_weapons(nlp, lexes):
    evs = run(nlp, lexes, "Youths armed with spears and rifles killed nine herders at a watering point, elders said.")
    assert by_trigger(evs, "killed")["source_actor_id"] == "grp-uaf"   # (armed youths: see test_actors)


def test_a_reporter_whose_participle_tells_of_the_act_is_not_its_doer(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Residents carried three coffins through the market, saying the victims "
                                    "had been shot at close range."), "shot")
    assert ev["source_actor_id"] is None


def test_a_second_object_past_a_comma_is_the_misparsed_speaker_not_the_target(nlp, lexes):
    text = ("Ukrainian drones attacked a railway bridge in the Belgorod region overnight, setting it on fire, "
            "the regional governor Vyacheslav Gladkov said on Saturday. No one was hurt, he said.")
    evs = run(nlp, lexes, text)
    assert by_trigger(evs, "attacked")["target_actor_id"] is None
    assert by_trigger(evs, "setting")["target_actor_id"] is None


def test_members_of_a_brigade_named_after_its_town_are_the_target(nlp, lexes):
    text = "Soldiers detained three members of the Tubas Brigade, an armed faction, in a village overnight."
    evs, _names = run_placed(nlp, lexes, text)
    assert by_trigger(evs, "detained")["target_actor_id"] == "org-tubas-brigade"


def test_an_act_in_the_same_district_is_placed_where_the_district_was_named(nlp, lexes):
    text = ("Troops killed six rebels in Kasese district on Friday.\n\n"
            "In March, rebels burned a school in the same district, killing two pupils.")
    evs, names = run_placed(nlp, lexes, text)
    assert names[by_trigger(evs, "burned")["place_id"]] == names[by_trigger(evs, "killed")["place_id"]]


def test_people_taken_hostage_with_the_noun_hung_inside_the_object(nlp, lexes):
    evs = run(nlp, lexes, "Pirates boarded the ferry on Monday and took dozens of sailors hostage, the navy said.")
    ev = by_trigger(evs, "took")
    assert (ev["event_type"], ev["event_mode"]) == ("ASSAULT", "abduct")
    assert not any(e["trigger_text"] == "took" for e in run(nlp, lexes, "Reporters took photos of the hostage."))


def test_a_quarter_and_its_city_joined_by_a_comma_are_one_place(nlp, lexes):
    evs, names = run_placed(nlp, lexes, "Police officers clashed with gang members in Delmas, Port-au-Prince.")
    assert [names[e["place_id"]] for e in evs if e["trigger_text"] == "clashed"] == ["Delmas"]


def test_an_act_blamed_on_a_group_is_that_groups(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The ambush near the border was blamed on Boko Haram."), "ambush")
    assert ev["source_actor_id"] == "BOKO"


@pytest.mark.parametrize("follow, dead", [
    ("Soldiers later recovered the bodies of the 9 victims.", 9),   # the dead told, found
    ("Rescuers later found 2 more bodies.", 11),                     # more dead
])
def test_bodies_found_after_an_attack_are_its_dead_counted_again_unless_more(nlp, lexes, follow, dead):
    evs = run(nlp, lexes, "Bandits killed 9 farmers in a raid on a hamlet near the river on Sunday. " + follow)
    assert sum(e["fatalities"] or 0 for e in evs) == dead


def test_no_claim_for_either_attack_is_no_new_attack(nlp, lexes):
    evs = run(nlp, lexes, "A bomb killed two rangers in Yala on Monday. Gunmen shot dead a teacher in Pattani. "
                          "No group claimed responsibility for either attack.")
    assert not any(e["trigger_text"] == "attack" for e in evs)


def test_an_act_told_by_how_long_it_has_lasted_is_background(nlp, lexes):
    evs = run(nlp, lexes, "Gunmen killed three people in a market on Saturday, as fighting between rival "
                          "factions of the cartel entered its ninth month, prosecutors said.")
    assert [e["trigger_text"] for e in evs if e["event_type"] == "ASSAULT"] == ["killed"]
    assert not run(nlp, lexes, "Clashes between the army and the rebels entered a second week.")


def test_an_attack_blamed_on_a_group_in_a_participle_is_that_groups(nlp, lexes):
    evs = run(nlp, lexes, "A drone attack blamed on the notorious Rapid Support Forces struck a mosque in the "
                          "city during dawn prayers on Friday, killing at least 40 people, officials said.")
    assert {e["source_actor_id"] for e in evs if e["event_type"] == "ASSAULT"} == {"RSF"}


def test_a_toll_after_an_abduction_that_sparked_clashes_is_the_clashes(nlp, lexes):
    evs = run(nlp, lexes, "On 3 May, gunmen abducted a trader on the highway, sparking clashes between "
                          "two clans in the town. At least 12 people were killed.")
    assert by_trigger(evs, "clashes")["fatalities"] == 12 and by_trigger(evs, "abducted")["fatalities"] is None


def test_weapons_seized_in_a_raid_are_a_seizure_not_a_capture(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Soldiers arrested two suspects in a raid and seized 12 rifles."), "seized")
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", "seize")


def test_a_ceasefire_only_guaranteed_or_violated_is_no_new_ceasefire(nlp, lexes):
    evs = run(nlp, lexes, "The minister called on Egypt and Qatar, which guarantee the truce, to act. "
                          "Militants violated the ceasefire overnight.")
    assert not any(e["event_mode"] == "ceasefire" for e in evs)
    assert any(e["event_mode"] == "ceasefire" for e in run(nlp, lexes, "The army declared a ceasefire on Monday."))


def test_the_attack_that_set_off_fighting_is_the_attack_told(nlp, lexes):
    evs = run(nlp, lexes, "Gunmen ambushed a bus in the valley on Monday, killing 12 people. "
                          "The attack set off days of clan fighting in the district.")
    assert [e["trigger_text"] for e in evs if "attack" in e["trigger_text"]] == []


def test_a_stampede_that_killed_and_injured_is_no_assault(nlp, lexes):
    evs = run(nlp, lexes, "Fans surged toward the gates, leading to a stampede that killed nine people and "
                          "injured 40, officials said.")
    assert not any(e["event_type"] == "ASSAULT" for e in evs)


@pytest.mark.parametrize("text, mode", [
    ("The junta extended the state of emergency in 40 townships for another six months.", "martial-law"),
    ("The governor extended the curfew in the city until Friday.", "curfew"),
])
def test_an_emergency_or_curfew_extended_is_coded_as_imposed(nlp, lexes, text, mode):
    ev = by_trigger(run(nlp, lexes, text), "extended")
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", mode)


def test_the_target_of_rounds_fired_at_a_base_is_the_bases_force(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Al Shabaab militants fired several mortar rounds at the AMISOM base on Sunday."),
                    "fired")
    assert ev["target_actor_id"] == "AMISOM"


def test_an_envoy_summoned_is_a_protest_at_the_envoys_state(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Poland summoned the Belarusian ambassador over the border incident."), "summoned")
    assert (ev["event_type"], ev["source_actor_id"], ev["target_actor_id"]) == ("ACCUSE", "POL", "BLR-GOV")


def test_a_counterpart_hosted_is_the_target(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Egypt's president hosted his Sudanese counterpart in Cairo on Monday."), "hosted")
    assert ev["target_actor_id"] == "SDN-GOV"


def test_aid_appealed_for_is_asked_not_given(nlp, lexes):
    evs = run(nlp, lexes, "Relief agencies appealed for emergency aid for flood victims in the north.")
    assert [e["event_type"] for e in evs] == ["REQUEST"] and evs[0]["source_actor_id"] == "grp-ngo"


def test_a_broadcasters_licence_revoked_is_censorship(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The military government revoked the licence of a private radio station."), "revoked")
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", "censor")


def test_the_end_of_a_trip_is_no_scene_of_another_act(nlp, lexes):
    evs, names = run_placed(nlp, lexes, "The president cancelled a trip to Japan and ordered the army to restore order.")
    assert by_trigger(evs, "ordered")["place_id"] is None


def test_each_grievance_of_a_listed_protest_is_no_act(nlp, lexes):
    evs = run(nlp, lexes, "Bus drivers walked off the job on Tuesday to protest against extortion and killings of "
                          "drivers by criminal gangs.")
    assert not any(e["event_type"] == "ASSAULT" for e in evs)
    assert all(e["target_actor_id"] is None for e in evs)   # (not the drivers, of themselves)


def test_a_story_naming_no_place_but_its_dateline_is_set_at_the_dateline_town(nlp, lexes):
    text = ("ANTANANARIVO, Madagascar (Reuters) - The president dissolved the government on Monday after days of "
            "protests over power cuts in which at least 22 people were killed, the United Nations said.")
    evs, names = run_placed(nlp, lexes, text)
    assert names[by_trigger(evs, "killed")["place_id"]] == "Antananarivo"


def test_killings_that_followed_an_ambush_are_the_killings_told(nlp, lexes):
    evs = run(nlp, lexes, "On 9 March, gunmen killed 30 villagers in raids on two hamlets. The killings followed "
                          "an ambush by militiamen on a police patrol on 6 March.")
    assert not any(e["trigger_text"] == "killings" for e in evs)


@pytest.mark.parametrize("text", [
    "The coach said his side had been killed on the boards and vowed to attack the rim in the playoffs.",
    "Wildfires fanned by strong winds destroyed 300 homes and forced 20,000 residents to evacuate.",
    "Three firefighters were injured battling the blaze, which was contained on Friday.",
])
def test_sport_and_wildfire_wording_is_no_conflict_event(nlp, lexes, text):
    assert not any(e["event_type"] in ("ASSAULT", "COERCE", "AID") for e in run(nlp, lexes, text))


def test_police_evicting_occupiers_is_coercion(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Riot police evicted dozens of landless farmers from an estate on Friday."), "evicted")
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", "deport")


def test_a_coach_attacked_is_a_bus_not_sport(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Gunmen attacked a coach on the highway, killing 12 passengers."), "killing")
    assert ev["event_type"] == "ASSAULT" and ev["fatalities"] == 12


def test_a_fronted_country_gives_way_to_the_district_the_clause_names(nlp, lexes):
    evs, names = run_placed(nlp, lexes, "In Pakistan, gunmen shot dead two teachers walking home in Kurram "
                                        "district on Monday.")
    assert names[by_trigger(evs, "shot")["place_id"]].startswith("Kurram")


def test_a_country_in_an_apposition_is_no_fronted_scene(nlp, lexes):
    evs, names = run_placed(nlp, lexes, "Juan Perez, a farmer from eastern Bolivia, was shot dead by police in "
                                        "La Paz, while another protester was beaten in Cochabamba.")
    assert names[by_trigger(evs, "shot")["place_id"]] == "La Paz"


def test_a_bomb_after_tear_gas_takes_no_doer_from_the_police(nlp, lexes):
    evs = run(nlp, lexes, "On 7 May, police fired tear gas at protesters in the capital.\n\n"
                          "On 8 May, a roadside bomb struck a minibus on the main road, killing six civilians.")
    assert by_trigger(evs, "struck")["source_actor_id"] is None


@pytest.mark.parametrize("went", ["fled", "retreated", "withdrew"])
def test_where_others_fled_is_no_scene_of_the_act(nlp, lexes, went):
    evs, names = run_placed(nlp, lexes, f"Thousands of residents {went} towards Bukavu as the rebels advanced "
                                        "on Saturday.")
    assert by_trigger(evs, "advanced")["place_id"] is None


@pytest.mark.parametrize("text", [
    "Oil prices declined sharply on Monday.",
    "Exports declined an average of 4 percent a year over the decade.",
])
def test_declined_with_no_object_is_a_fall_not_a_rejection(nlp, lexes, text):
    assert not any(e["event_type"] == "REJECT" for e in run(nlp, lexes, text))


def test_declining_an_offer_is_a_rejection(nlp, lexes):
    assert by_trigger(run(nlp, lexes, "The rebels declined the offer of talks."), "declined")["event_type"] == "REJECT"


def test_a_participle_describing_a_noun_lends_no_date_and_takes_no_doer(nlp, lexes):
    evs = run(nlp, lexes, "The foreign minister on Tuesday denounced the violation of the truce agreed in Nairobi "
                          "in March.")
    assert by_trigger(evs, "denounced")["event_date"] == dt.date(2017, 10, 31)
    agreed = [e for e in evs if e["trigger_text"] == "agreed"]
    assert all(e["source_actor_id"] is None for e in agreed)


def test_a_band_of_men_believed_to_be_a_groups_members_are_that_group(nlp, lexes):
    evs = run(nlp, lexes, "A band of armed men believed to be members of the Gulf Clan shot dead a community "
                          "leader in Medellin.")
    assert by_trigger(evs, "shot")["source_actor_id"] == "CLAN_GOLFO"


def test_a_date_after_another_acts_noun_dates_that_act_only(nlp, lexes):
    evs = run(nlp, lexes, "On 2 October 2017, residents of Uvira blocked the main road with barricades and burned "
                          "tyres to protest the killing of a motorcycle taxi driver by unidentified gunmen the "
                          "previous night.")
    assert by_trigger(evs, "protest")["event_date"] == dt.date(2017, 10, 2)
    assert by_trigger(evs, "killing")["event_date"] == dt.date(2017, 10, 1)


def test_a_doers_own_hurt_are_the_toll_of_the_other_sides_act(nlp, lexes):
    evs = run(nlp, lexes, "Rioters threw stones and torched a police kiosk, while officers responded with tear gas "
                          "and water cannon. Nine police officers were hurt, a spokesman said.")
    assert by_trigger(evs, "threw")["injured_count"] == 9
    assert all(e["injured_count"] is None for e in evs if e["source_actor_id"] and e["source_actor_id"].endswith("COP"))


def test_an_ordered_expulsion_of_diplomats_is_the_orderers_sanction(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "President Daniel Ortega ordered the expulsion of diplomats from four European "
                                    "countries."), "expulsion")
    assert (ev["event_type"], ev["event_mode"], ev["source_actor_id"]) == ("SANCTION", "expel", "per-daniel-ortega")


def test_a_campaign_talks_are_about_is_no_attack(nlp, lexes):
    evs = run(nlp, lexes, "The president hosted the Kenyan foreign minister in Mogadishu on Monday for talks on trade "
                          "and the fight against al-Shabaab militants.")
    assert not any(e["event_type"] == "ASSAULT" for e in evs)


def test_a_place_in_what_a_denial_denies_is_no_scene_of_the_denial(nlp, lexes):
    evs, names = run_placed(nlp, lexes, "The two neighbours traded barbs on Monday, with Kigali denying that it "
                                        "planned to seize the border town of Goma.")
    assert by_trigger(evs, "denying")["place_id"] is None


def test_a_mine_believed_laid_by_a_force_is_that_forces(nlp, lexes):
    evs = run(nlp, lexes, "A landmine believed to have been planted by the Tatmadaw exploded near a village in "
                          "Sagaing, killing a herder.")
    assert by_trigger(evs, "exploded")["source_actor_id"] == "MMR-MIL"


def test_men_thought_to_be_a_groups_militants_are_parsed_as_its_doers(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Men thought to be Boko Haram militants abducted 20 schoolgirls."), "abducted")
    assert ev["source_actor_id"] == "BOKO" and ev["confidence"] > 0.7


def test_a_protest_at_the_offices_of_a_body_named_after_its_city_is_in_that_city(nlp, lexes):
    evs, names = run_placed(nlp, lexes, "Dozens of traders protested in front of the Kampala Capital City Authority "
                                        "offices on Monday.")
    assert names[by_trigger(evs, "protested")["place_id"]] == "Kampala"


def test_that_month_dates_an_act_by_the_month_told_before(nlp, lexes):
    evs = run(nlp, lexes, "The uprising began in March 2015, when militias rose against the government. The "
                          "government declared a state of emergency that month.")
    assert by_trigger(evs, "declared")["event_date"] == dt.date(2015, 3, 1)


def test_strikes_carried_out_since_then_are_a_lasting_campaign(nlp, lexes):
    evs = run(nlp, lexes, "The army has since carried out air strikes that activists say have killed hundreds of "
                          "villagers.")
    assert not any(e["event_type"] == "ASSAULT" for e in evs)


def test_a_speaker_ending_a_list_of_victims_is_no_victim(nlp, lexes):
    evs = run(nlp, lexes, "Gunmen ambushed a bus near the town on Sunday, killing at least 12 passengers, two "
                          "survivors and a local official said.")
    assert by_trigger(evs, "killing")["fatalities"] == 12


def test_they_in_a_quote_is_not_its_speaker(nlp, lexes):
    evs = run(nlp, lexes, '"They came at night and burned the market," one trader said by phone.')
    assert by_trigger(evs, "burned")["source_actor_id"] is None


def test_a_country_a_diplomatic_protest_is_over_is_no_scene_of_it(nlp, lexes):
    evs, names = run_placed(nlp, lexes, "India on Monday lodged a strong protest with Nepal over remarks by its "
                                        "foreign minister on Kashmir.")
    ev = by_trigger(evs, "protest")
    assert ev["event_type"] == "ACCUSE" and ev["place_id"] is None


def test_an_attack_supposed_by_a_modal_is_hypothetical(nlp, lexes):
    evs = run(nlp, lexes, "The minister told parliament that a Russian attack on Moldova could threaten the region.")
    assert by_trigger(evs, "attack")["is_hypothetical"]


@pytest.mark.parametrize("text,trigger,kind", [
    ("Insurgents carried out a series of attacks on police posts in the north.", "attacks", "ASSAULT"),
    ("Security forces launched a wave of arrests across the province.", "arrests", "COERCE"),
    ("The authorities carried out demolitions in the old quarter on Monday.", "demolitions", "COERCE"),
])
def test_a_run_of_acts_carried_out_is_an_act(nlp, lexes, text, trigger, kind):
    ev = by_trigger(run(nlp, lexes, text), trigger)
    assert ev["event_type"] == kind and ev["source_actor_id"] is not None


def test_a_possible_demolition_is_hypothetical(nlp, lexes):
    evs = run(nlp, lexes, "Hundreds of residents protested on Sunday against the possible demolition of their homes.")
    assert by_trigger(evs, "demolition")["is_hypothetical"]


def test_the_big_city_before_a_suburbs_name_only_locates_it(nlp, lexes):
    evs, names = run_placed(nlp, lexes, "A teenager was shot dead by police during a traffic stop in the Paris suburb "
                                        "of Nanterre on Tuesday.")
    assert names[by_trigger(evs, "shot")["place_id"]] == "Nanterre"


def test_property_burned_in_a_riot_takes_no_target_from_the_fight(nlp, lexes):
    evs = run(nlp, lexes, "Rioters set fire to shops and clashed with police in the town on Sunday.")
    assert by_trigger(evs, "set fire")["target_actor_id"] is None


@pytest.mark.parametrize("text,trigger", [
    ("Pakistan shut its airspace to Indian airlines on Thursday.", "shut"),
    ("Troops sealed the border with the neighbouring country.", "sealed"),
])
def test_shutting_or_sealing_a_border_or_airspace_is_a_restriction(nlp, lexes, text, trigger):
    ev = by_trigger(run(nlp, lexes, text), trigger)
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", "restrict")


def test_the_year_of_an_agreement_demanded_is_not_the_demands(nlp, lexes):
    evs = run(nlp, lexes, "On 2 November 2017, teachers marched in Nairobi to demand the implementation of a 2015 "
                          "collective bargaining agreement.")
    assert by_trigger(evs, "demand")["event_date"] == dt.date(2017, 11, 2)


def test_an_act_reported_on_a_day_with_no_date_of_its_own_takes_the_reports_day(nlp, lexes):
    # PUB is a Friday: the Tuesday of the report is 31 October, not the day of publication
    ev = by_trigger(run(nlp, lexes, "Police in Garissa said on Tuesday they had arrested three suspects."), "arrested")
    assert (ev["event_date"], ev["date_precision"]) == (dt.date(2017, 10, 31), "day")
    # a day the act has of its own still wins
    ev = by_trigger(run(nlp, lexes, "Police said on Tuesday they had arrested three suspects on Sunday."), "arrested")
    assert ev["event_date"] == dt.date(2017, 10, 29)


def test_lifting_a_measure_is_one_concession_and_no_new_measure(nlp, lexes):
    events = run(nlp, lexes, "Canada lifted sanctions on Belarus on Tuesday.")
    assert [(e["event_type"], e["source_actor_id"], e["target_actor_id"]) for e in events] == [("CONCEDE", "CAN", "BLR")]
    events = run(nlp, lexes, "Egypt lifted its blockade of the crossing on Tuesday.")
    assert [(e["event_type"], e["event_mode"]) for e in events] == [("RETREAT", "withdraw")]


def test_an_act_a_protest_is_over_is_not_the_protesters(nlp, lexes):
    text = "Australia lodged a complaint with Iran over the arrest of an Australian academic in Tehran."
    ev = by_trigger(run(nlp, lexes, text), "arrest")
    assert ev["source_actor_id"] != "AUS"


@pytest.mark.parametrize("after", ["A third guard was injured.", "Another guard was wounded."])
def test_one_more_victim_told_after_an_attack_is_its_toll(nlp, lexes, after):
    events = run(nlp, lexes, "Gunmen shot dead two prison guards in Toluca on Monday. " + after)
    assert [(e["fatalities"], e["injured_count"]) for e in events if e["fatalities"] or e["injured_count"]] == [(2, 1)]


def test_armed_men_abandoning_a_town_withdraw_from_it(nlp, lexes):
    evs, names = run_placed(nlp, lexes, "Jihadist fighters abandoned Ansongo in northern Mali on Monday.")
    ev = by_trigger(evs, "abandoned")
    assert (ev["event_type"], ev["event_mode"]) == ("RETREAT", "withdraw") and names.get(ev["place_id"]) == "Ansongo"
    ev = by_trigger(run(nlp, lexes, "The rebels abandoned the peace talks on Monday."), "abandoned")
    assert ev["event_type"] == "SANCTION"


def test_barricading_streets_is_obstruction_and_barricading_oneself_is_none(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Residents barricaded the main roads of Potosi with rocks on Monday."), "barricaded")
    assert (ev["event_type"], ev["event_mode"]) == ("PROTEST", "obstruct")
    assert run(nlp, lexes, "The family barricaded themselves inside the house on Monday.") == []


def test_blocking_people_from_an_act_restricts_them(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Police blocked the marchers from reaching parliament in Lusaka on Monday."), "blocked")
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", "restrict") and ev["target_actor_id"] is not None
    ev = by_trigger(run(nlp, lexes, "Farmers blocked the roads into Lille on Monday."), "blocked")
    assert (ev["event_type"], ev["event_mode"]) == ("PROTEST", "obstruct")


def test_more_bodies_found_on_a_later_day_are_the_attacks_toll(nlp, lexes):
    events = run(nlp, lexes, "Bandits raided a village in Katsina on Monday, killing nine people. Rescuers found the "
                             "bodies of three more villagers in the bush on Wednesday.")
    assert sorted(e["fatalities"] for e in events if e["fatalities"]) == [12]


def test_a_definite_act_that_only_says_when_is_the_act_told_before(nlp, lexes):
    text = ("Russian missiles struck Lviv overnight, killing four people. "
            "Poland scrambled fighter jets during the attack.")
    assert [e["trigger_text"] for e in run(nlp, lexes, text) if e["event_type"] == "ASSAULT"] == ["struck", "killing"]
    # told first, it is news of its own
    assert by_trigger(run(nlp, lexes, "Two people were injured during the clashes in Lyon."), "clashes")


def test_acts_of_another_named_doer_do_not_make_the_lead_a_summary(nlp, lexes):
    text = ("Gang members opened fire on a crowd outside a clinic in Cap-Haitien on Tuesday, killing four people.\n\n"
            "Police said officers killed two gang members in the operation that followed, and soldiers killed "
            "three more gang members nearby.")
    events = run(nlp, lexes, text)
    assert by_trigger(events, "killing")["fatalities"] == 4


def test_an_act_an_arrest_is_over_keeps_its_own_polarity(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Police have not arrested anyone over the shooting of two traders in Gulu."), "shooting")
    assert not ev["is_negated"]
    text = "Gunmen shot dead two traders in Gulu on Monday. Police have not arrested anyone over the killings."
    assert [e["trigger_text"] for e in run(nlp, lexes, text)] == ["shot", "arrested"]


def test_a_pardon_releases_those_pardoned(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Uzbekistan's president pardoned 120 prisoners on Monday."), "pardoned")
    assert (ev["event_type"], ev["event_mode"]) == ("RETREAT", "release")
    ev = by_trigger(run(nlp, lexes, "The king granted a pardon to 40 detained protesters on Monday."), "pardon")
    assert (ev["event_type"], ev["event_mode"], ev["trigger_text"]) == ("RETREAT", "release", "granted a pardon")


def test_the_wounded_an_act_of_help_carries_are_not_its_toll(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Medics evacuated 30 wounded civilians from Rafah on Monday."), "evacuated")
    assert ev["injured_count"] is None


@pytest.mark.parametrize("text", ["Spain sent a team of rescuers to Morocco after the earthquake.",
                                  "India dispatched relief supplies to Sri Lanka on Monday."])
def test_sending_rescuers_or_relief_is_aid(nlp, lexes, text):
    assert [e["event_type"] for e in run(nlp, lexes, text)][:1] == ["AID"]


def test_a_year_before_the_publication_dates_its_act_and_lends_it_to_none_after(nlp, lexes):
    events = run(nlp, lexes, "In 2009 the rebels captured the town. Police arrested two men in the capital.")
    assert (by_trigger(events, "captured")["event_date"], by_trigger(events, "captured")["date_precision"]) \
        == (dt.date(2009, 1, 1), "year")
    assert by_trigger(events, "arrested")["event_date"] == PUB


def test_a_lower_case_victim_the_tagger_took_for_a_name_counts_one(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A man attacked a mosque in Leeds on Friday, injuring the imam."), "injuring")
    assert ev["injured_count"] == 1


def test_the_object_of_prompting_does_the_act_prompted(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A landmine wounded a Thai soldier on Wednesday, prompting Bangkok to expel "
                                     "the Cambodian ambassador."), "expel")
    assert ev["source_actor_id"] == "THA-GOV"


def test_dismissing_a_minister_is_no_rejection_but_dismissing_claims_is(nlp, lexes):
    assert not [e for e in run(nlp, lexes, "The president dismissed his energy minister on Monday.")
                if e["event_type"] == "REJECT"]
    assert by_trigger(run(nlp, lexes, "The opposition dismissed the government's claims on Monday."),
                      "dismissed")["event_type"] == "REJECT"


@pytest.mark.parametrize("text", ["The president sacked the army chief after the attack.",
                                  "Police opened fire after demonstrators angered by a ban on rallies "
                                  "broke through barricades."])
def test_the_clause_doer_is_not_the_doer_of_an_act_it_follows_or_was_moved_by(nlp, lexes, text):
    word = "attack" if "attack" in text else "ban"
    assert by_trigger(run(nlp, lexes, text), word)["source_actor_id"] is None


def test_an_act_an_infinitive_describes_is_not_said_to_be_done(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The commander said the unit would refuse orders to shoot at the crowd."), "shoot")
    assert ev["is_hypothetical"]
    ev = by_trigger(run(nlp, lexes, "Kenya became the first country to send troops to Haiti."), "send")
    assert not ev["is_hypothetical"]


def test_a_speaker_closed_by_commas_before_a_subjectless_said_is_no_target(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The pirates took the 18 crew members hostage, the force, known as Atalanta, "
                                     "said."), "took")
    assert ev["target_actor_id"] is None


def test_a_state_striking_facilities_attacks_them_and_drones_fired_are_a_drone_attack(nlp, lexes):
    for text in ("Israel struck Iran's nuclear facilities early on Friday.", "Israel struck government tanks in the south."):
        assert by_trigger(run(nlp, lexes, text), "struck")["event_type"] == "ASSAULT"
    assert not [e for e in run(nlp, lexes, "A strong earthquake struck the town on Friday.")]
    ev = by_trigger(run(nlp, lexes, "Iran retaliated by firing more than 100 drones towards Israel."), "firing")
    assert (ev["event_type"], ev["event_mode"]) == ("ASSAULT", "drone")


def test_an_act_a_thing_is_of_is_the_act_told_before(nlp, lexes):
    events = run(nlp, lexes, "Thousands of students protested in Nairobi on Tuesday. On Wednesday, a court ordered the "
                              "government to lift a ban on live coverage of the protests.")
    assert [e["trigger_text"] for e in events if e["event_type"] == "PROTEST"] == ["protested"]


def test_the_by_of_a_participle_names_its_doer_before_a_subject_the_parser_gave_it(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Amnesty International said at least 16 people were killed across the country, "
                                     "most of them shot by police."), "shot")
    assert ev["source_actor_id"] == "grp-cop"


def test_a_relative_clause_on_an_appositive_is_about_the_named_group(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Police blamed the Allied Democratic Forces (ADF), a group that has pledged "
                                     "allegiance to the Islamic State."), "pledged")
    assert ev["source_actor_id"] not in (None, "grp-cop")
    assert ev["source_actor_id"].startswith("ADF")


def test_imposing_an_internet_blackout_is_censorship_beside_a_curfew(nlp, lexes):
    events = run(nlp, lexes, "The government imposed an internet blackout and a curfew in the capital.")
    assert (by_trigger(events, "blackout")["event_mode"], by_trigger(events, "curfew")["event_mode"]) \
        == ("censor", "curfew")


def test_recapturing_escaped_prisoners_is_an_arrest_and_recapturing_a_town_an_assault(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Authorities recaptured 10 of the escaped prisoners on Tuesday."), "recaptured")
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", "arrest")
    assert by_trigger(run(nlp, lexes, "The army recaptured the town on Tuesday."), "recaptured")["event_type"] == "ASSAULT"


def test_an_act_a_when_clause_tells_of_a_month_since_which_is_dated_to_that_month(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Thousands have protested nightly since November 2016, when the government "
                                     "suspended talks with the European Union."), "suspended")
    assert (ev["event_date"], ev["date_precision"]) == (dt.date(2016, 11, 1), "month")


def test_the_dead_of_a_collapse_are_no_attack_nor_the_toll_of_a_clash(nlp, lexes):
    events = run(nlp, lexes, "Police detained 15 students after clashes at a rally marking the anniversary of the "
                             "collapse of a railway station canopy that killed 16 people.")
    assert not [e for e in events if "killed" in e["trigger_text"]]
    assert all(e["fatalities"] is None for e in events)


def test_a_week_after_counts_seven_days_back(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Rebels captured the town of Uvira on Wednesday, a week after the presidents of "
                                     "both countries signed a peace deal in Washington."), "signed")
    assert (ev["event_date"], ev["date_precision"]) == (PUB - dt.timedelta(days=2 + 7), "day")


def test_a_speakers_urging_hung_on_the_clause_it_reports_is_the_speakers(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The U.S. State Department said the capture violated the accords and urged "
                                     "Rwanda to withdraw its troops."), "urged")
    assert ev["source_actor_id"] is not None and ev["target_actor_id"] == "RWA"
    ev = by_trigger(run(nlp, lexes, "A roadside bomb killed a Kenyan soldier and injured three more, the army "
                                     "said."), "injured")
    assert ev["source_actor_id"] is None


def test_an_attack_lasting_years_in_the_present_perfect_is_background(nlp, lexes):
    events = run(nlp, lexes, "The group, which is linked to al-Qaida, has fought Somalia's government for more than "
                             "15 years.")
    assert not [e for e in events if e["event_type"] == "ASSAULT"]
    assert by_trigger(run(nlp, lexes, "The group fought the army for two days."), "fought")["event_type"] == "ASSAULT"


def test_fighters_from_a_named_group_are_that_group(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Fighters from the National Liberation Army (ELN) attacked a military base in "
                                     "the town of Tibu on Sunday."), "attacked")
    assert ev["source_actor_id"] == "ELN"


def test_harm_participles_after_a_parenthetical_report_are_the_strikes(nlp, lexes):
    events = run(nlp, lexes, "Hours later, Israeli warplanes struck the port of Hodeidah and a power station in Sanaa, "
                             "the rebel-run al-Masirah television reported, killing two and injuring 35.")
    assert by_trigger(events, "killing")["source_actor_id"] == by_trigger(events, "injuring")["source_actor_id"] \
        == by_trigger(events, "struck")["source_actor_id"]


def test_the_doer_after_by_and_an_adjective_the_parser_took_for_the_object(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A drone strike by the rival Rapid Support Forces hit a market in Nyala on Sunday, "
                                     "killing 20 shoppers, an aid group said."), "strike")
    assert ev["source_actor_id"] == "RSF"


def test_destroying_a_convoy_is_an_attack(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The army said its aircraft had destroyed a rebel convoy near Bara."), "destroyed")
    assert ev["event_type"] == "ASSAULT"


def test_a_date_in_the_clause_a_participle_of_saying_reports_is_not_the_sayers(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The minister defended the ban on Thursday, saying the group had damaged military "
                                     "aircraft at an air base in June."), "defended")
    assert ev["event_date"] == PUB - dt.timedelta(days=1)
    ev = by_trigger(run(nlp, lexes, "The minister defended the ban, saying the group had damaged military aircraft at "
                                     "an air base in June."), "defended")
    assert ev["date_precision"] == "day"


def test_damaging_property_is_destruction_and_a_storm_damaging_homes_no_event(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Activists damaged two military aircraft at an air base on Friday."), "damaged")
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", "destroy")
    assert not run(nlp, lexes, "The storm damaged homes in the town on Friday.")


def test_seizing_a_tanker_is_a_seizure_and_seizing_a_town_an_assault(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Iran seized a foreign oil tanker in the Gulf on Monday."), "seized")
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", "seize")
    assert by_trigger(run(nlp, lexes, "Rebels seized the town of Bunia on Monday."), "seized")["event_type"] == "ASSAULT"


@pytest.mark.parametrize("text,dead", [("Clashes in the town on Monday left twenty-two people dead.", 22),
                                       ("Militiamen attacked a village, and seventy-five civilians died.", 75)])
def test_a_hyphenated_number_word_counts_whole(nlp, lexes, text, dead):
    assert max(e["fatalities"] or 0 for e in run(nlp, lexes, text)) == dead


def test_people_waiting_for_aid_and_suspects_posing_a_threat_tell_no_aid_or_threat(nlp, lexes):
    events = run(nlp, lexes, "Troops killed 10 people who were waiting for aid near a distribution site. The army said "
                             "the suspects posed a threat.")
    assert {e["event_type"] for e in events} == {"ASSAULT"}


def test_an_attack_a_group_praised_is_the_attack_told_before(nlp, lexes):
    events = run(nlp, lexes, "A gunman opened fire at a bus stop in the city on Monday, killing six people. Hamas "
                             "praised the attack but did not claim it.")
    assert not [e for e in events if e["trigger_text"] == "attack"]


def test_sorrow_at_killings_told_before_gives_them_no_new_doer(nlp, lexes):
    events = run(nlp, lexes, "Militants killed 40 worshippers in a village on Sunday. Pope Leo expressed his sorrow "
                             "at the killings.")
    assert [e["trigger_text"] for e in events] == ["killed"]


def test_an_easter_vigil_is_no_protest(nlp, lexes):
    assert not run(nlp, lexes, "Thousands of faithful attended the Easter vigil in the cathedral on Saturday.")


def test_an_act_a_since_clause_starts_time_from_is_background(nlp, lexes):
    events = run(nlp, lexes, "Jets shot down two drones over the border on Tuesday, the first time the air force has "
                             "fired on foreign aircraft since the war began.")
    assert "began" not in " ".join(e["trigger_text"] for e in events)
    assert by_trigger(events, "shot down")["event_type"] == "ASSAULT"


def test_a_dated_since_clause_still_tells_an_act(nlp, lexes):
    events = run(nlp, lexes, "Thousands have fled since rebels seized the town on Monday.")
    assert by_trigger(events, "seized")["event_date"] == dt.date(2017, 10, 30)


@pytest.mark.parametrize("text,trigger", [
    ("In the capital, a police van ran over a young demonstrator on Friday.", "ran over"),
    ("A man rammed his car into a crowd of shoppers on Friday.", "rammed"),
    ("Soldiers mowed down protesters outside the palace on Friday.", "mowed down"),
    ("One drone damaged the roof of a house in the village on Friday.", "damaged")])
def test_vehicles_running_people_down_and_drones_damaging_are_assaults(nlp, lexes, text, trigger):
    assert by_trigger(run(nlp, lexes, text), trigger)["event_type"] == "ASSAULT"


@pytest.mark.parametrize("text", ["The bridge project ran over budget by two million dollars.",
                                  "Parliament rammed through the new budget law on Tuesday."])
def test_running_over_budget_and_ramming_a_law_through_are_no_assaults(nlp, lexes, text):
    assert not [e for e in run(nlp, lexes, text) if e["event_type"] == "ASSAULT"]


def test_the_one_a_van_ran_over_is_the_target(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A police van ran over a protester in the capital on Friday."), "ran over")
    assert ev["source_actor_id"].upper().endswith("COP") and ev["target_actor_id"].upper().endswith("CVL")


def test_a_vehicle_running_over_a_bomb_carries_its_victims(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Two soldiers died when their truck ran over a bomb on Friday."), "ran")
    assert ev["event_mode"] == "explosives" and ev["source_actor_id"] is None


def test_a_coordinated_passive_with_its_subject_misparsed_befalls_that_subject(nlp, lexes):
    events = run(nlp, lexes, "Police detained more than 400 people over the weekend and around 260 members of the "
                             "police force were injured, officials said.")
    ev = by_trigger(events, "injured")
    assert ev["target_actor_id"].upper().endswith("COP") and ev["injured_count"] == 260


def test_who_calls_an_act_a_name_neither_did_it_nor_did_the_name(nlp, lexes):
    events = run(nlp, lexes, "The senator called the second strike, which killed six people on Monday, \"a "
                             "massacre\".")
    assert [e["trigger_text"] for e in events if e["event_type"] == "ASSAULT"] == ["strike, which killed"]
    assert by_trigger(events, "strike")["source_actor_id"] is None


def test_words_chanted_in_quotes_are_no_act(nlp, lexes):
    events = run(nlp, lexes, "Students shouted \"murder\" as police fired tear gas on Friday.")
    assert [e["trigger_text"] for e in events] == ["fired"]


def test_a_country_defending_itself_supports_nobody(nlp, lexes):
    assert not run(nlp, lexes, "The president said his country would defend itself.")


def test_a_participle_after_coming_under_fire_is_the_unnamed_attackers(nlp, lexes):
    events = run(nlp, lexes, "A UN helicopter came under fire near the town on Friday, killing a crew member.")
    assert by_trigger(events, "killing")["source_actor_id"] is None


def test_where_carried_goods_came_from_is_no_scene(nlp, lexes):
    events, names = run_placed(nlp, lexes, "The navy sank a speedboat it said was smuggling weapons from Yemen on "
                                           "Tuesday.")
    assert by_trigger(events, "sank")["place_id"] is None


def test_a_lead_tied_to_another_country_than_the_datelines_is_not_set_at_the_dateline(nlp, lexes):
    events, names = run_placed(nlp, lexes, "WASHINGTON (AP) - The U.S. military struck a boat it said was carrying "
                                           "drugs from Venezuela, killing three people, officials said.\n\nVenezuela "
                                           "said the strike was illegal. Officials in Washington defended it.")
    assert by_trigger(events, "struck")["place_id"] is None


def test_armed_men_sinking_a_ship_attack_it_and_a_ferry_sinking_is_no_attack(nlp, lexes):
    assert by_trigger(run(nlp, lexes, "Houthi rebels sank a cargo ship in the Red Sea on Monday."),
                      "sank")["event_type"] == "ASSAULT"
    assert not run(nlp, lexes, "The ferry sank off the coast on Monday, killing 12 passengers.")


def test_two_of_them_after_an_attack_on_people_are_those_people(nlp, lexes):
    events = run(nlp, lexes, "Settlers attacked Palestinian shepherds with stones near the village on Monday, "
                             "injuring three of them.")
    attack, hurt = by_trigger(events, "attacked"), by_trigger(events, "injuring")
    assert hurt["target_actor_id"] == attack["target_actor_id"] == "PSE-AGR"
    assert attack["event_mode"] == "primitive" and hurt["injured_count"] == 3


def test_a_region_named_before_its_noun_is_the_scene_not_the_city_after_of(nlp, lexes):
    events, names = run_placed(nlp, lexes, "Government troops pressed an offensive in the Eastern Ghouta region of "
                                           "the Damascus countryside on Tuesday.")
    assert names[by_trigger(events, "offensive")["place_id"]] == "Ghouta"


def test_intercepting_boats_is_a_seizure_and_where_their_cargo_was_bound_no_scene(nlp, lexes):
    events, names = run_placed(nlp, lexes, "Israeli naval forces intercepted most of the boats of a flotilla carrying "
                                           "aid to Gaza overnight and detained hundreds of activists.")
    ev = by_trigger(events, "intercepted")
    assert (ev["event_type"], ev["event_mode"], ev["place_id"]) == ("COERCE", "seize", None)
    assert by_trigger(events, "aid")["source_actor_id"] is None


def test_a_negation_stays_with_its_own_finite_verb(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The president said he was not against the rallies and urged students to remain "
                                    "calm."), "urged")
    assert not ev["is_negated"]


def test_who_set_up_a_commission_does_not_do_its_inquiries(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A commission set up by President Ruto has begun investigating police officers "
                                    "accused of killing protesters."), "investigating")
    assert ev["source_actor_id"] != "per-william-ruto"


def test_a_speaker_saying_he_was_arrested_is_the_target(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "President Mahamat Deby told reporters he had been arrested in his office by the "
                                    "military."), "arrested")
    assert ev["target_actor_id"] == "per-mahamat-deby"


def test_escaping_arrest_is_no_arrest(nlp, lexes):
    assert by_trigger(run(nlp, lexes, "The opposition leader said he had escaped arrest on Wednesday."),
                      "arrest")["is_negated"]


def test_detained_people_named_by_a_participle_have_no_guessed_detainer(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The West African bloc ECOWAS condemned the takeover and demanded the immediate "
                                    "release of detained officials."), "detained")
    assert ev["source_actor_id"] is None and ev["target_actor_id"] is not None


def test_a_lead_on_one_place_sums_no_killings_told_later_elsewhere(nlp, lexes):
    events, names = run_placed(nlp, lexes, "The death toll from a drone attack on a market in El Obeid rose to 23, "
                                           "medics said on Monday.\n\nTwo days ago, gunmen killed four farmers in a "
                                           "village near Kadugli.\n\nFighting left at least 11 soldiers dead in "
                                           "Babanusa, the army said.\n\nOn Sunday, paramilitary forces shelled a "
                                           "displacement camp outside El Fasher, killing nine people.",
                               published=dt.date(2025, 6, 9))
    lead = by_trigger(events, "attack")
    assert lead["fatalities"] == 23 and names[lead["place_id"]] == "El Obeid"
    assert by_trigger(events, "killed")["event_mode"] != "drone"


def test_talks_others_expect_are_foretold_not_offered(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "On Tuesday next week, the two sides are expected to resume talks in Jeddah."),
                    "talks")
    assert ev["event_type"] == "CONSULT" and ev["is_hypothetical"]


def test_a_day_still_to_come_dates_only_its_own_act(nlp, lexes):
    events = run(nlp, lexes, "In Italy, unions called a general strike for Friday, and police in Milan fired tear gas "
                             "at demonstrators who tried to block a railway station.", published=dt.date(2025, 10, 2))
    fired = by_trigger(events, "fired")
    assert fired["event_date"] == dt.date(2025, 10, 2) and not fired["is_hypothetical"]
    # (the day belongs to the strike alone: no other act of the sentence is a plan)
    assert all(not e["is_hypothetical"] for e in events if "strike" not in e["trigger_text"])


def test_a_toll_since_the_start_of_the_month_is_a_running_count(nlp, lexes):
    events = run(nlp, lexes, "Drones struck the power station in the city on Sunday. No casualties were reported.\n\n"
                             "The army said it had killed 200 fighters since the beginning of the month.")
    assert [e["trigger_text"] for e in events] == ["struck"] and not events[0]["fatalities"]


def test_a_superlatives_since_compares_and_takes_no_act_out(nlp, lexes):
    events = run(nlp, lexes, "Insurgents shot down a helicopter on Monday, killing 12 soldiers and wounding 19 in the "
                             "deadliest attack on the troops since the start of the war.")
    assert by_trigger(events, "wounding")["injured_count"] == 19


@pytest.mark.parametrize("text,trigger,dead", [
    ("Two militants were neutralised in an encounter with security forces in the district on Tuesday.",
     "neutralised", 2),
    ("Four soldiers were martyred when their vehicle was hit by an IED on Tuesday.", "martyred", 4)])
def test_south_asian_wire_words_for_killing_are_assaults_with_their_toll(nlp, lexes, text, trigger, dead):
    ev = by_trigger(run(nlp, lexes, text), trigger)
    assert ev["event_type"] == "ASSAULT" and ev["fatalities"] == dead


def test_an_encounter_with_security_forces_is_a_gunfight_and_sending_militants_to_hell_an_attack(nlp, lexes):
    assert by_trigger(run(nlp, lexes, "An encounter broke out between police and militants in the district on Tuesday."),
                      "encounter")["event_mode"] == "firearms"
    assert by_trigger(run(nlp, lexes, "Security forces conducted an operation on Tuesday, sending six khwarij to "
                                      "hell."), "sending")["event_type"] == "ASSAULT"


def test_a_lathi_charge_is_crowd_control(nlp, lexes):
    events = run(nlp, lexes, "Police carried out a lathi-charge on stone-pelting youths in the town on Tuesday.")
    assert by_trigger(events, "charge")["event_mode"] == "crowd-control"


def test_driving_a_car_into_a_crowd_is_an_assault_and_driving_into_a_city_none(nlp, lexes):
    assert by_trigger(run(nlp, lexes, "A man drove a car into a crowd of striking workers on Thursday, injuring 28 "
                                      "people."), "drove")["event_type"] == "ASSAULT"
    assert not run(nlp, lexes, "He drove his car into the city on Thursday.")


def test_attacks_prisoners_were_sentenced_for_are_no_acts_of_the_story(nlp, lexes):
    events = run(nlp, lexes, "Israel freed 1,900 prisoners on Monday, 250 of whom had been serving sentences for "
                             "deadly attacks.")
    assert not [e for e in events if e["trigger_text"] == "attacks"]


def test_a_speaker_blames_in_the_participle_after_the_saying(nlp, lexes):
    events, names = run_placed(nlp, lexes, "NIAMEY, March 22 - Gunmen killed 44 civilians during Friday prayers at a "
                                           "mosque in Fambita, in Niger's southwestern Tillaberi region, the "
                                           "government said, blaming the Islamic State in the Greater Sahara (EIGS).")
    ev = by_trigger(events, "blaming")
    assert ev["source_actor_id"] == "NER-GOV" and names.get(ev["place_id"]) != "Greater Sahara"


def test_where_a_participant_had_once_been_is_no_scene(nlp, lexes):
    events, names = run_placed(nlp, lexes, "The suspect, who had arrived in Germany as an asylum seeker in 2016, was "
                                           "detained at the scene on Thursday.")
    assert by_trigger(events, "detained")["place_id"] is None


def test_hostages_freed_are_the_release_target(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Hamas released the last 20 living Israeli hostages held in Gaza on Monday."),
                    "released")
    assert ev["target_actor_id"] == "ISR-CVL"


def test_a_verb_read_as_a_modifier_before_a_closing_said_is_still_the_act(nlp, lexes):
    events = run(nlp, lexes, "A gunman riding pillion on a motorcycle fatally shot fruit vendor Abdullah Samae, 58, who "
                             "was driving his pickup home after morning prayers in the Rueso district of Narathiwat province, "
                             "said police Capt.")
    assert by_trigger(events, "shot")["event_type"] == "ASSAULT"


@pytest.mark.parametrize("text,trigger,mode", [
    ("Kenyan police fire tear gas at protesters in Nairobi on Tuesday.", "fire", "crowd-control"),
    ("Protesters storm parliament in the capital as unrest spreads.", "storm", None),
    ("Thai and Cambodian troops trade fire along the disputed border.", "trade fire", "firearms")])
def test_headline_verbs_the_tagger_reads_as_nouns_are_acts(nlp, lexes, text, trigger, mode):
    ev = by_trigger(run(nlp, lexes, text), trigger)
    assert ev["event_type"] == "ASSAULT" and ev["event_mode"] == mode


def test_where_an_executed_man_spied_is_no_scene_of_the_execution(nlp, lexes):
    events, names = run_placed(nlp, lexes, "Iran executes man convicted of spying for Israel.")
    assert by_trigger(events, "executes")["place_id"] is None


def test_a_toll_after_a_participle_the_parser_gave_to_the_speakers_still_counts(nlp, lexes):
    events = run(nlp, lexes, "A paraglider dropped two bombs on a crowd at a festival, killing at least 24 people, "
                             "including children, residents and a rebel group said.")
    assert max(e["fatalities"] or 0 for e in events) == 24


def test_a_weekday_of_an_act_told_in_the_future_is_the_coming_one(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The transport union said it would hold a strike on Friday.",
                        published=dt.date(2025, 10, 16)), "strike")
    assert ev["event_date"] != dt.date(2025, 10, 10)


def test_a_relative_clause_with_its_own_month_or_year_places_that_episode_not_the_act(nlp, lexes):
    events, names = run_placed(nlp, lexes, "Soldiers clashed with fighters loyal to Ibrahim Sanko, who was detained in "
                                           "Bamako last July, on Thursday.")
    assert names.get(by_trigger(events, "clashed")["place_id"]) != "Bamako"
    # a day of the week the parser hangs on the clause is the act's own day: its place stays
    events, names = run_placed(nlp, lexes, "Gunmen shot dead two engineers who worked for a road contractor in "
                                           "Kandahar on Thursday.")
    assert (names.get(by_trigger(events, "shot")["place_id"]) or "").startswith("Kandah")


def test_where_the_doer_holds_or_pushes_is_no_scene_and_the_paragraph_scene_goes_on(nlp, lexes):
    events, names = run_placed(nlp, lexes, "Armed men stormed the town of Mirebalais on Monday, burning the market. "
                                           "The raid was carried out by the Grand Ravine gang, which controls most of "
                                           "the capital and has been pushing into the Artibonite department.")
    assert names.get(by_trigger(events, "raid")["place_id"]) == "Mirebalais"


def test_a_tally_over_months_is_no_event_and_no_toll_of_the_act_before(nlp, lexes):
    events = run(nlp, lexes, "Gunmen ambushed a police patrol on Sunday, wounding three officers.\n\n"
                             "At least 900 people were killed across the country in the first three months of the year, "
                             "the United Nations said.")
    assert [e["trigger_text"] for e in events if e["fatalities"]] == []
    assert not any(e["trigger_text"] == "killed" for e in events)


@pytest.mark.parametrize("text", [
    "On Tuesday, the bodies of three men were found dumped beside a road near Navolato, about 25 km (16 miles) west "
    "of Culiacán, police said.",
    "On Monday, the bodies of four men were found dumped on a highway near Navolato, about 30 km (19 miles) west of "
    "Culiacán, officials said.",
    "The bodies of two women were found buried in a field near Navolato, some 30 km west of Culiacán, on Sunday."])
def test_bodies_found_dumped_near_a_town_a_distance_from_another_are_at_the_first(nlp, lexes, text):
    events, names = run_placed(nlp, lexes, text)
    assert names.get(by_trigger(events, "found")["place_id"]) == "Navolato"


def test_what_a_witness_could_hear_was_done_by_the_attackers_not_by_the_owners_of_a_site(nlp, lexes):
    events, names = run_placed(nlp, lexes, "Residents said the gunmen burned shops and a police station in Kenscoff. "
                                           '"We could hear them shooting for hours," said Rose Pierre, a teacher who '
                                           "fled with her two sons toward Hinche.")
    ev = by_trigger(events, "shooting")
    assert not ev["is_hypothetical"] and ev["source_actor_id"] != "HTI-COP"
    assert names.get(ev["place_id"]) != "Hinche"


def test_members_of_a_body_the_lexicon_lacks_and_another_body_clash_with_each_other(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "On 7 March 2025, members of the Radaa Special Deterrence Force and the Stability "
                                    "Support Apparatus clashed in the Abu Salim area."), "clashed")
    assert (ev["source_actor_id"], ev["target_actor_id"]) == ("org-radaa-special-deterrence-force",
                                                              "org-stability-support-apparatus")


def test_a_round_up_of_places_leaves_no_scene_for_the_next_paragraph(nlp, lexes):
    events, names = run_placed(nlp, lexes, "Protests also broke out in Mombasa and Eldoret. In Nyeri, the office of a "
                                           "ruling party lawmaker was set ablaze.\n\nThe interior minister said 50 people "
                                           "had been arrested in connection with the violence.")
    assert by_trigger(events, "arrested")["place_id"] is None


def test_protests_named_again_in_the_run_up_to_them_are_no_new_protest(nlp, lexes):
    events = run(nlp, lexes, "Protests broke out in the capital on Tuesday.\n\nRights groups accused police of "
                             "abducting activists in the run-up to the protests.")
    assert [e["trigger_text"] for e in events if e["event_type"] == "PROTEST"] == ["Protests broke"]


def test_a_collapse_that_killed_is_no_attack_however_far_the_that_is_hung(nlp, lexes):
    events = run(nlp, lexes, "Thousands rallied on Saturday, demanding accountability for the collapse of a concrete "
                             "canopy at a railway station in the city that killed 15 people in November.")
    assert not any(e["trigger_text"] == "killed" for e in events)


def test_the_doer_by_names_outranks_a_weapon_word_before_the_noun(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Artillery fire by the notorious Rapid Support Forces killed at least 30 "
                                    "civilians in El Fasher on Sunday."), "killed")
    assert ev["source_actor_id"] == "RSF"


def test_positions_east_of_the_city_are_at_the_city_told_before_not_at_a_camp(nlp, lexes):
    events, names = run_placed(nlp, lexes, "Shelling killed 30 civilians in El Fasher on Sunday.\n\nShells struck the "
                                           "Abu Shouk displacement camp north of the city.\n\nThe army said its aircraft "
                                           "had bombed RSF positions east of the city.")
    assert names.get(by_trigger(events, "bombed")["place_id"]) == "El Fasher"


def test_the_two_leaders_are_the_two_people_named_before(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Brazilian President Luiz Inacio Lula da Silva hosted Chinese President Xi Jinping "
                                    "in Brasilia, where the two leaders signed 37 cooperation agreements."), "signed")
    assert {ev["source_actor_id"], ev["target_actor_id"]} == {"per-luiz-inacio-lula-da-silva", "per-xi-jinping"}


def test_what_a_cooperation_is_against_is_no_partner(nlp, lexes):
    events = run(nlp, lexes, "Turkey and Iraq signed a security agreement in Ankara on Thursday to cooperate "
                             "against PKK militants along their shared border.")
    assert all(e["target_actor_id"] != "PKK" for e in events if e["event_type"] in ("COOPERATE", "AGREE", "SUPPORT"))


def test_sanctions_an_act_violates_are_no_new_sanctions(nlp, lexes):
    events = run(nlp, lexes, "The United States accused North Korea of supplying ballistic missiles to Russia in "
                             "violation of United Nations sanctions.")
    assert not any(e["event_type"] == "SANCTION" for e in events)


def test_a_coders_bracketed_location_is_the_acts_however_the_parser_hangs_it(nlp, lexes):
    events, names = run_placed(nlp, lexes, "On 5 March 2025, a mob lynched a man suspected of stealing a motorcycle in "
                                           "Mbarara town (Mbarara, Western). Police later recovered the body.")
    assert names.get(by_trigger(events, "lynched")["place_id"]) == "Mbarara"


def test_a_coders_bracket_of_one_division_marks_the_location_too(nlp, lexes):
    events, names = run_placed(nlp, lexes, "On 11 March 2025, a mob lynched a man accused of theft in Kisumu (Kisumu).")
    assert names.get(by_trigger(events, "lynched")["place_id"]) == "Kisumu"


def test_rival_student_groups_clashing_are_a_riot_not_a_battle(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "On 8 March 2025, members of rival student groups clashed with sticks and machetes "
                                    "at the University of Buea. 7 students were injured."), "clashed")
    assert ev["acled_event_type"] == "Riots"


def test_fighting_between_members_of_gangs_named_in_apposition_pits_the_two(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Fighting broke out between members of rival gangs Los Choneros and Los Lobos in "
                                    "one of the prison's wings."), "Fighting")
    assert {ev["source_actor_id"], ev["target_actor_id"]} == {"LOS_CHONEROS", "LOS_LOBOS"}


@pytest.mark.parametrize("text,violent", [
    ("She will take over as chief executive in May.", False),
    ("The military would take over security at the prison, the president said.", False),
    ("Gunmen took over the office of the governor on Monday.", True),
    ("Rebels took over the town as the army withdrew.", True),
])
def test_taking_over_a_role_is_no_takeover_of_ground(nlp, lexes, text, violent):
    assert any(e["trigger_text"].startswith("t") and e["event_type"] == "ASSAULT"
               for e in run(nlp, lexes, text)) == violent


def test_loyalists_of_a_person_are_not_that_person(nlp, lexes):
    events = run(nlp, lexes, "More than 1,000 people, most of them civilians, have been killed in two days of clashes "
                             "between the new security forces and loyalists of ousted President Bashar Assad and the "
                             "revenge killings that followed, a war monitor said Saturday.")
    assert all(e["target_actor_id"] != "per-bashar-al-assad" for e in events)


def test_a_pattern_of_acts_given_as_a_motive_is_no_event(nlp, lexes):
    events = run(nlp, lexes, "The rebel army said the ambush was retaliation for "
                             "military operations in the highlands.")
    assert not any(e["trigger_text"] == "operations" for e in events)


@pytest.mark.parametrize("text,kind", [
    ("Russia held naval drills with China in the Sea of Japan on Tuesday.", "COOPERATE"),
    ("Indian and French warships began five days of war games in the Arabian Sea.", "COOPERATE"),
    ("North Korea staged military drills near the border on Tuesday.", "MOBILIZE"),
])
def test_exercises_two_states_hold_together_are_cooperation(nlp, lexes, text, kind):
    assert any(e["event_type"] == kind for e in run(nlp, lexes, text))


@pytest.mark.parametrize("text,doer", [
    ("Gunmen were reported to have killed 12 villagers in Sokoto State.", "grp-uaf"),
    ("The militants are said to have burned three churches in the village.", "grp-reb"),
])
def test_the_subject_of_a_passive_report_did_the_infinitive_act(nlp, lexes, text, doer):
    ev = next(e for e in run(nlp, lexes, text) if e["event_type"] in ("ASSAULT", "COERCE"))
    assert ev["source_actor_id"] == doer


def test_a_day_a_coder_marks_as_month_of_is_only_its_month(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "On 12 March 2025 (month of), the military conducted airstrikes on a village, "
                                    "killing 3 civilians.", published=dt.date(2025, 3, 20)), "killing")
    assert (ev["event_date"], ev["date_precision"]) == (dt.date(2025, 3, 1), "month")


def test_a_truce_broken_despite_is_no_truce_of_the_day(nlp, lexes):
    events = run(nlp, lexes, "Drone strike kills two in border town despite ceasefire")
    assert not any(e["event_mode"] == "ceasefire" for e in events)


def test_where_a_targets_role_reaches_is_no_scene(nlp, lexes):
    events, names = run_placed(nlp, lexes, "A drone strike on a car in the town of Bint Jbeil killed three people on "
                                           "Saturday.\n\nThe army said it had targeted a commander who was responsible "
                                           "for rocket launches towards northern Israel.")
    assert names.get(by_trigger(events, "targeted")["place_id"]) != "Israel"


def test_a_toll_verb_read_as_a_participle_of_a_noun_takes_the_subject_the_phrases_hang_from(nlp, lexes):
    events, _names = run_placed(nlp, lexes, "A massive police operation against the Comando Vermelho drug gang in "
                                            "Rio de Janeiro's Alemao and Penha favela complexes left at least 121 "
                                            "people dead on Tuesday, state authorities said.")
    assert by_trigger(events, "left")["source_actor_id"] == "BRA-COP"


def test_a_guessed_doer_of_harm_to_state_forces_is_not_that_state(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Turkish authorities detained 90 people in Izmir, the governor said, adding that "
                                    "15 Turkish police officers had been injured in the unrest."), "injured")
    assert ev["source_actor_id"] != "TUR-GOV"


def test_an_act_to_come_under_an_expectation_is_not_dated_to_the_past_weekday(nlp, lexes):
    # published on a Friday: "on Sunday" of a ruling still expected is the coming Sunday
    ev = by_trigger(run(nlp, lexes, "A judge in Lagos is expected to decide on Sunday whether to formally detain "
                                    "the senator."), "detain")
    assert ev["event_date"] != dt.date(2017, 10, 29) and ev["is_hypothetical"]
    ev = by_trigger(run(nlp, lexes, "The dockworkers' union plans to strike on Monday."), "strike")
    assert ev["event_date"] != dt.date(2017, 10, 30)


def test_no_casualties_of_one_group_is_no_zero_toll(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Rebels shelled two villages near the border; there were no civilian casualties."),
                    "shelled")
    assert ev["fatalities"] is None and ev["injured_count"] is None
    ev = by_trigger(run(nlp, lexes, "Rebels shelled two villages near the border; no casualties were reported among "
                                    "residents."), "shelled")
    assert ev["fatalities"] is None
    ev = by_trigger(run(nlp, lexes, "Rebels shelled two villages near the border; there were no casualties."),
                    "shelled")
    assert ev["fatalities"] == 0


def test_an_act_named_by_an_earlier_year_is_background(nlp, lexes):
    events = run(nlp, lexes, "Police in Cebu arrested a man on Tuesday who was wanted for the 2009 abduction of "
                             "two nurses.")
    assert not any("abduction" in e["trigger_text"] for e in events)
    assert by_trigger(events, "arrested")["event_date"] == dt.date(2017, 10, 31)


def test_an_act_a_charge_follows_is_an_event_of_its_own(nlp, lexes):
    events = run(nlp, lexes, "A 19-year-old was charged with attempted murder after a stabbing at a bus station "
                             "on Wednesday.")
    ev = by_trigger(events, "stabbing")
    assert ev["event_type"] == "ASSAULT" and ev["event_date"] == dt.date(2017, 11, 1)
    assert by_trigger(events, "charged")["event_type"] == "ACCUSE"


def test_a_participle_after_a_passive_after_clause_goes_on_with_the_main_clause(nlp, lexes):
    events = run(nlp, lexes, "Villagers rioted in the market town after a teenager was shot by soldiers, burning "
                             "tyres and blocking the main road.")
    assert by_trigger(events, "burning")["source_actor_id"] != by_trigger(events, "shot")["source_actor_id"]


def test_the_town_after_a_coded_location_is_the_town_not_a_bracketed_division(nlp, lexes):
    events, names = run_placed(nlp, lexes, "On 4 May 2024, Israeli forces raided Tammun (Tubas, West Bank) and "
                                           "clashed with gunmen. A drone strike killed two men in the town.")
    assert "mm" in names.get(by_trigger(events, "strike")["place_id"], "")   # (Tammun, not Tubas)


def test_a_weekday_told_in_the_future_is_the_coming_one_after_an_older_story_day(nlp, lexes):
    # (published on Friday 3 November: the talks are to come, the promise is made now)
    events = run(nlp, lexes, "The army retook the city on October 20.\n\nThe government will host peace talks in "
                             "the capital on Tuesday.")
    assert by_trigger(events, "host")["event_date"] not in (dt.date(2017, 10, 31), dt.date(2017, 10, 20))


def test_a_month_of_a_promise_said_now_is_still_to_come(nlp, lexes):
    # published in November 2017: "in March" of what is pledged is next March, not last
    ev = by_trigger(run(nlp, lexes, "The general has promised a referendum in March."), "promised")
    assert ev["event_date"] != dt.date(2017, 3, 1)


def test_handing_a_town_back_is_a_withdrawal(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The militia handed the city of Kalewa back to the army on Monday."), "handed")
    assert (ev["event_type"], ev["event_mode"]) == ("RETREAT", "withdraw")


def test_the_community_after_a_named_one_is_that_village(nlp, lexes):
    events, names = run_placed(nlp, lexes, "Bandits attacked Kurmin Masara community in Zangon Kataf Local "
                                           "Government Area of Kaduna State.\n\nThe hoodlums stormed the community "
                                           "at about 11pm on Sunday, shooting sporadically.")
    assert names.get(by_trigger(events, "stormed")["place_id"]) == names.get(by_trigger(events, "attacked")["place_id"])


def test_a_subordinate_clause_with_its_own_subject_takes_no_doer_from_the_main_clause(nlp, lexes):
    events = run(nlp, lexes, "Police have arrested 90 people since the violence began in Leeds a week ago.")
    assert by_trigger(events, "violence")["source_actor_id"] is None
    # (a pronoun subject is the main clause's again)
    events = run(nlp, lexes, "Rebels have recruited children since they launched an offensive on the city a "
                             "month ago.")
    assert by_trigger(events, "offensive")["source_actor_id"] is not None


def test_a_road_between_two_named_villages_is_one_place(nlp, lexes):
    text = "A drone struck a car on the road between the villages of Kfar Kila and Adaisseh."
    events = run(nlp, lexes, text, [place(text, "Kfar Kila", "gn:11", "PPL", "LBN"),
                                    place(text, "Adaisseh", "gn:12", "PPL", "LBN")])
    assert len([e for e in events if "struck" in e["trigger_text"]]) == 1


def test_the_attack_said_to_begin_somewhere_is_the_lead_placed_there(nlp, lexes):
    events, names = run_placed(nlp, lexes, "Al Shabaab militants stormed a military base in Somalia's Hiiraan "
                                           "region on Tuesday, killing 15 soldiers.\n\nThe attack on the base at "
                                           "Mooragaabey began with two car bombs, an officer said.")
    assert not any("attack" in e["trigger_text"] and e["source_actor_id"] != "SHABAAB" for e in events)
    assert "mooragaabey" in (by_trigger(events, "stormed")["place_id"] or "")   # (a name-only place)


def test_a_crash_with_a_pickup_or_taxi_is_no_assault(nlp, lexes):
    events = run(nlp, lexes, "A trooper was injured on Wednesday when a pickup struck his patrol car on the highway.")
    assert not any(e["event_type"] == "ASSAULT" for e in events)


def test_the_next_paragraph_goes_on_with_the_leads_finest_day(nlp, lexes):
    events = run(nlp, lexes, "A man was arrested on Wednesday in connection with a shooting that left one person "
                             "dead last week, police said.\n\nHe was taken into custody at a home in the suburbs.")
    assert by_trigger(events, "taken")["event_date"] == dt.date(2017, 11, 1)


def test_a_country_a_region_borders_is_no_scene(nlp, lexes):
    text = "The president declared an emergency in the region, which borders Venezuela."
    events = run(nlp, lexes, text, [place(text, "Venezuela", "gn:3625428", "PCLI", "VEN")])
    assert by_trigger(events, "declared")["place_id"] is None


@pytest.mark.parametrize("text,dead", [
    ("Two soldiers embraced martyrdom during an operation in Mir Ali.", 2),
    ("Troops said four terrorists were sent to hell in the operation.", 4),
])
def test_south_asian_idioms_of_death_give_the_toll(nlp, lexes, text, dead):
    events = run(nlp, lexes, text)
    assert max(e["fatalities"] or 0 for e in events) == dead


def test_supporters_of_two_named_parties_clashing_are_two_sides(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "On 6 April 2025, BNP and Awami League supporters clashed over a market in "
                                    "Feni."), "clashed")
    assert ev["target_actor_id"] == "AWAMI"
    # (allies with a with-object keep the other side)
    ev = by_trigger(run(nlp, lexes, "Hamas and Islamic Jihad fighters clashed with Israeli troops."), "clashed")
    assert ev["target_actor_id"] == "ISR-MIL"


def test_tariffs_complaints_and_vowed_retaliation(nlp, lexes):
    events = run(nlp, lexes, "The president announced tariffs of 25% on imports from Mexico, prompting Mexico to vow "
                             "retaliation.")
    assert by_trigger(events, "tariffs")["event_type"] == "SANCTION"
    assert by_trigger(events, "vow")["event_type"] == "THREATEN"
    events = run(nlp, lexes, "Beijing filed a complaint with the World Trade Organization.")
    assert by_trigger(events, "complaint")["event_type"] == "ACCUSE"
    # (complaints talked about are no act)
    assert not run(nlp, lexes, "The bank has long faced customer complaints about fees.")


def test_a_weekday_hung_on_a_future_verb_dates_an_event_noun_to_come(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "She said she would announce the plan on Sunday at a rally in the capital."),
                    "rally")
    assert ev["event_date"] != dt.date(2017, 10, 29)


def test_a_plural_noun_misread_as_a_present_verb_after_a_past_one_is_no_act(nlp, lexes):
    events = run(nlp, lexes, "The governor was detained on Monday over allegations of graft and fraud, charges his "
                             "lawyers say are baseless.")
    assert not any(e["trigger_text"] == "charges" for e in events)


def test_the_end_of_a_road_hung_on_the_blocking_verb_is_no_scene(nlp, lexes):
    events, names = run_placed(nlp, lexes, "Hundreds of farmers protested in Sacaba, blocking the road to Santa "
                                           "Cruz and demanding the release of a union leader.")
    assert names.get(by_trigger(events, "demanding")["place_id"]) == "Sacaba"


@pytest.mark.parametrize("text,trigger,doer", [
    ("A drone strike hit a fuel depot in Port Sudan on Sunday night, the army said, blaming the RSF.", "hit", "RSF"),
    ("A bomb exploded at a market in Maiduguri on Friday, police said, blaming Boko Haram.", "exploded", "BOKO"),
])
def test_the_party_the_teller_blames_is_the_doer_of_an_act_with_none(nlp, lexes, text, trigger, doer):
    events, _ = run_placed(nlp, lexes, text)
    assert by_trigger(events, trigger)["source_actor_id"] == doer


@pytest.mark.parametrize("text,kind", [
    ('Iran condemned the decision and vowed a "proportionate response."', "THREATEN"),
    ("The governor vowed to punish those responsible for the bombing.", "THREATEN"),
    ("The mayor vowed to rebuild the market.", "AGREE"),
])
def test_a_vowed_response_or_punishment_is_a_threat(nlp, lexes, text, kind):
    assert by_trigger(run(nlp, lexes, text), "vowed")["event_type"] == kind


@pytest.mark.parametrize("text,trigger,target,dead", [
    ("Unidentified gunmen on a motorbike shot dead a local councillor in Quetta on Monday.", "shot", "PAK-GOV", 1),
    ("The mayor of Tanauan was shot dead outside the town hall on Saturday.", "shot", "PHL-GOV", 1),
    ("Police arrested the governor of Zamfara on Friday.", "arrested", "NGA-GOV", None),
])
def test_an_unnamed_office_holder_is_the_target(nlp, lexes, text, trigger, target, dead):
    events, _ = run_placed(nlp, lexes, text)
    ev = by_trigger(events, trigger)
    assert (ev["target_actor_id"], ev["fatalities"]) == (target, dead)


@pytest.mark.parametrize("text,trigger,kind", [
    ("Hezbollah did not fire any rockets at Israel, a spokesman for the group insisted on Tuesday.", "insisted", None),
    ("The union insisted on a pay rise for nurses.", "insisted on", "REQUEST"),
    ("Dock workers in Marseille walked off the job on Monday in protest against pension reforms.", "walked off",
     "PROTEST/strike"),
])
def test_insisting_and_walking_off_the_job(nlp, lexes, text, trigger, kind):
    evs = [e for e in run(nlp, lexes, text) if e["trigger_text"] == trigger]
    got = None if not evs else evs[0]["event_type"] + ("/" + evs[0]["event_mode"] if evs[0]["event_mode"] else "")
    assert got == kind


@pytest.mark.parametrize("text,place", [
    ("Gang members set fire to dozens of houses in the Port-au-Prince suburb of Carrefour on Sunday.", "Carrefour"),
    ("On 12 May 2025, Israeli forces shelled the outskirts of Kfar Kila (Marjayoun, Nabatieh).", "Kfar Kila"),
])
def test_the_named_suburb_or_village_is_the_location_not_what_locates_it(nlp, lexes, text, place):
    events, names = run_placed(nlp, lexes, text)
    assert names.get(events[0]["place_id"]) == place


def test_places_named_after_each_noun_of_a_list_each_get_a_row(nlp, lexes):
    events, names = run_placed(nlp, lexes, "Russian jets bombed targets in the town of Saraqib and the villages "
                                           "of Taftanaz and Binnish on Monday.")
    assert len({e["place_id"] for e in events if e["trigger_text"] == "bombed"}) == 3


def test_an_act_an_arrest_is_made_in_connection_with_has_no_doer_from_the_arrest(nlp, lexes):
    events = run(nlp, lexes, "Police arrested a former minister on Monday in connection with the murder of a "
                             "journalist in 2023.")
    assert by_trigger(events, "murder")["source_actor_id"] is None


def test_an_act_during_a_dated_period_takes_the_periods_date(nlp, lexes):
    events = run(nlp, lexes, "Police arrested a town mayor on Wednesday over the killing of a rival politician "
                             "during last year's election campaign.", published=dt.date(2025, 5, 20))
    killing = by_trigger(events, "killing")
    assert (killing["event_date"], killing["date_precision"]) == (dt.date(2024, 1, 1), "year")


@pytest.mark.parametrize("text,trigger", [
    ("A ransomware attack disrupted computer systems at the retailer on Friday.", "attack"),
    ("Hackers linked to North Korea stole $1.5 billion in cryptocurrency from an exchange.", "stole"),
])
def test_cyber_attacks_and_thefts_are_coerce_cyber(nlp, lexes, text, trigger):
    ev = by_trigger(run(nlp, lexes, text), trigger)
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", "cyber")


def test_where_residents_who_tell_of_an_act_live_is_its_place(nlp, lexes):
    events, names = run_placed(nlp, lexes, "Villagers in Tavush province said Azerbaijani troops had opened fire "
                                           "on their homes.")
    assert names.get(by_trigger(events, "opened fire")["place_id"]) == "Tavuš"
    events, names = run_placed(nlp, lexes, "Officials in Washington said a drone strike killed three militants.")
    assert by_trigger(events, "killed")["place_id"] is None


@pytest.mark.parametrize("text,trigger,kind", [
    ("Al-Shabaab fighters ambushed a military convoy with an improvised explosive device near Mandera.", "ambushed",
     "ASSAULT/explosives"),
    ("The opposition called a dawn-to-dusk hartal across Chattogram on Sunday.", "hartal", "PROTEST/strike"),
    ("Traders observed a complete shutdown in Srinagar on Friday.", "shutdown", "PROTEST/strike"),
    ("Two projectiles struck a bulk carrier southwest of Mokha on Monday.", "struck", "ASSAULT/heavy-weapons"),
    ("Farmers staged a dharna outside the collectorate on Monday.", "dharna", "PROTEST/demo"),
    ("Villagers gheraoed the block office on Monday.", "gheraoed", "PROTEST/obstruct"),
    ("Authorities imposed Section 144 in the town on Sunday.", "imposed", "COERCE/restrict"),
    ("Traders in Karachi observed a shutter-down strike on Monday.", "strike", "PROTEST/strike"),
    ("Students set up a protest encampment on the campus lawn on Sunday.", "encampment", "PROTEST/demo"),
    ("Supporters of the former president set up road blockades across the region.", "blockades", "PROTEST/obstruct"),
    ("Protesters threw stones, and police responded with rubber bullets.", "responded", "ASSAULT/crowd-control"),
    ("Hundreds of students occupied the law faculty on Friday.", "occupied", "PROTEST/demo"),
    ("Troops occupied the centre of the capital on Monday.", "occupied", "COERCE/seize"),
    ("The government finally met the strikers' demands on Thursday.", "met", "CONCEDE/None"),
])
def test_lexicon_readings_of_protest_restriction_and_attack_words(nlp, lexes, text, trigger, kind):
    ev = by_trigger(run(nlp, lexes, text), trigger)
    assert f'{ev["event_type"]}/{ev["event_mode"]}' == kind


def test_who_called_or_organised_an_act_did_it(nlp, lexes):
    events = run(nlp, lexes, "A protest organised by the teachers union was held in Nairobi on Monday.")
    assert by_trigger(events, "protest")["source_actor_id"] == "org-teachers-union"


@pytest.mark.parametrize("text,trigger,doer", [
    ("Russian shelling wounded five civilians in the city of Kherson on Tuesday.", "wounded", "RUS-MIL"),
    ("Ukrainian shelling damaged a power substation in Belgorod region overnight.", "damaged", "UKR-MIL"),
])
def test_shelling_a_demonym_names_is_that_countrys_however_parsed(nlp, lexes, text, trigger, doer):
    events, _ = run_placed(nlp, lexes, text)
    assert by_trigger(events, trigger)["source_actor_id"] == doer


def test_a_toll_told_in_a_relative_clause_on_the_victims_counts(nlp, lexes):
    events = run(nlp, lexes, "Gunmen stopped a bus in Kalat district and offloaded seven passengers, who were "
                             "later shot dead.")
    assert sum(e["fatalities"] or 0 for e in events) == 7


def test_who_died_is_no_doer_and_a_toll_sentence_goes_to_the_attack(nlp, lexes):
    events = run(nlp, lexes, "Gunmen attacked a wedding party in Bokkos on Saturday night. Eleven people died and "
                             "20 others were injured.")
    assert all(e["source_actor_id"] != "grp-cvl" and not str(e["source_actor_id"]).endswith("-CVL") for e in events)
    assert (sum(e["fatalities"] or 0 for e in events), sum(e["injured_count"] or 0 for e in events)) == (11, 20)


def test_a_gerund_denied_is_no_event_however_parsed(nlp, lexes):
    # ("shelling" is parsed as a modifier of "villages": the gerund is what was denied)
    events = run(nlp, lexes, "Kabul denied shelling villages across the border, saying its guards only returned fire.")
    assert "shelling" not in " ".join(e["trigger_text"] for e in events)


@pytest.mark.parametrize("text,trigger,doer", [
    ("The transport union called a three-day strike in Kano on Monday.", "strike", "NGA-LAB"),
    ("The president called the attack on the police post in Gao cowardly.", "attack", None),
])
def test_who_calls_a_strike_holds_it_but_judging_an_act_is_not_doing_it(nlp, lexes, text, trigger, doer):
    events, _ = run_placed(nlp, lexes, text)
    assert by_trigger(events, trigger)["source_actor_id"] == doer



def test_a_person_told_by_age_is_a_victim_counted(nlp, lexes):
    events = run(nlp, lexes, "Two teenagers and a 19-year-old were shot dead by soldiers near the checkpoint.")
    shot = by_trigger(events, "shot")
    assert shot["fatalities"] == 3 and shot["target_actor_id"] is not None


def test_overnight_counts_back_from_the_day_the_report_was_made(nlp, lexes):
    # (published on a Tuesday; the governor spoke on the Friday before)
    events = run(nlp, lexes, "Drones struck a fuel depot overnight, the governor said on Friday.",
                 published=dt.date(2025, 5, 20))
    assert by_trigger(events, "struck")["event_date"] == dt.date(2025, 5, 15)


def test_who_survived_an_act_is_whom_it_befell_not_its_doer(nlp, lexes):
    events = run(nlp, lexes, "Omar, a farmer who survived torture in a government jail, now lives in Gaziantep.")
    torture = by_trigger(events, "torture")
    assert torture["source_actor_id"] is None and torture["target_actor_id"] == "per-omar"


@pytest.mark.parametrize("text", [
    "The interior ministry did not comment on the arrests.",
    "The two presidents met in Mombasa on Monday to discuss the fight against al-Shabaab.",
    "The army declined to comment.",
])
def test_a_matter_talked_about_is_no_act_of_the_talkers(nlp, lexes, text):
    events = run(nlp, lexes, text)
    assert all(e["event_type"] == "CONSULT" for e in events) and len(events) <= 1
    assert all(e["target_actor_id"] != "SHABAAB" for e in events)


def test_a_towns_police_acted_in_the_town(nlp, lexes):
    events, names = run_placed(nlp, lexes, "A Houston police officer wounded a motorist at a checkpoint on Sunday.")
    assert names.get(by_trigger(events, "wounded")["place_id"]) == "Houston"


@pytest.mark.parametrize("text,trigger,doer", [
    ("Drivers protested in Accra over the killing of a colleague by a police officer.", "killing", "GHA-COP"),
    ("Hundreds marched in Kingston to protest the killings of two vendors by criminal gangs.", "killings", "JAM-CRM"),
])
def test_a_by_hung_on_the_victim_or_the_verb_names_the_killer(nlp, lexes, text, trigger, doer):
    events, _ = run_placed(nlp, lexes, text)
    assert by_trigger(events, trigger)["source_actor_id"] == doer


def test_whom_a_protested_act_befell_is_not_the_protests_target(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "Traders marched in Kumasi to protest the arrest of two market women.")
    assert by_trigger(events, "protest")["target_actor_id"] is None


def test_going_on_strike_is_a_stoppage_whatever_demonym_the_subject_holds(nlp, lexes):
    events = run(nlp, lexes, "Oil workers in several Iranian cities went on strike on Sunday.")
    assert by_trigger(events, "strike")["event_type"] == "PROTEST"


def test_enforcing_a_lockdown_restricts(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Soldiers enforced a strict lockdown across the town on Monday."), "enforced")
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", "restrict")


def test_a_they_read_as_the_police_does_not_hold_the_rally(nlp, lexes):
    events = run(nlp, lexes, "Police detained five students in Yangon after they held a rally against conscription.")
    assert by_trigger(events, "rally")["source_actor_id"] not in ("MMR-COP", "grp-cop")


def test_a_fights_killing_participle_is_its_toll_not_a_killing_of_civilians(nlp, lexes):
    events = run(nlp, lexes, "Two rival militias clashed in the port district overnight, killing at least nine people.")
    assault = [e for e in events if e["event_type"] == "ASSAULT"]
    assert len(assault) == 1 and assault[0]["fatalities"] == 9


def test_what_a_rumour_tells_is_unconfirmed(nlp, lexes):
    events = run(nlp, lexes, "A crowd attacked a shrine after rumours that a holy book had been burned.")
    assert by_trigger(events, "burned")["is_hypothetical"]
    assert not by_trigger(events, "attacked")["is_hypothetical"]


def test_a_coders_country_label_after_people_is_no_scene(nlp, lexes):
    events, names = run_placed(nlp, lexes, "On 4 May 2025, Rioters (Bangladesh) clashed with police in Gopalganj "
                                           "(Gopalganj, Dhaka). 4 fatalities.")
    assert names.get(by_trigger(events, "clashed")["place_id"]) == "Gopālganj"


def test_a_past_tense_tagged_as_a_noun_is_the_verb_of_the_actor_before_it(nlp, lexes):
    events = run(nlp, lexes, "On 4 May 2025, Military Forces of Mali retook Lere (Niafunke, Timbuktu) from JNIM.")
    assert by_trigger(events, "retook")["source_actor_id"] == "MLI-MIL"


def test_a_weekday_night_without_on_dates_the_shooting(nlp, lexes):
    events = run(nlp, lexes, "An officer shot and killed a man during a traffic stop Sunday night.",
                 published=dt.date(2025, 5, 20))
    assert by_trigger(events, "killed")["event_date"] == dt.date(2025, 5, 18)


def test_a_bare_act_named_again_after_a_reference_word_is_no_new_event(nlp, lexes):
    text = ("A car bomb exploded near a market in Beledweyne on Sunday, killing nine people.\n\n"
            "On Monday, police detained four suspects in Galkayo in connection with the bombing.\n\n"
            "Troops were sent to Jowhar following the attack.")
    events = run(nlp, lexes, text)
    # (the assaults are the lead's alone: no bombing in Galkayo, no attack in Jowhar)
    assert all(e["trigger_start"] < text.index("\n") for e in events if e["event_type"] == "ASSAULT")


@pytest.mark.parametrize("text,trigger", [
    ("The two armies exchanged 150 prisoners of war on Monday.", "exchanged"),
    ("A prisoner swap between the army and the rebels took place on Friday.", "swap"),
])
def test_a_prisoner_exchange_is_a_release(nlp, lexes, text, trigger):
    ev = by_trigger(run(nlp, lexes, text), trigger)
    assert (ev["event_type"], ev["event_mode"], ev["acled_event_type"]) == ("RETREAT", "release", "Strategic developments")


@pytest.mark.parametrize("text", [
    "An ammunition depot at the barracks exploded accidentally on Sunday, killing two soldiers.",
    "A gas cylinder exploded in a restaurant on Sunday, injuring six people.",
])
def test_an_accidental_explosion_is_no_attack(nlp, lexes, text):
    assert [e for e in run(nlp, lexes, text) if e["event_type"] == "ASSAULT"] == []


def test_a_bomb_that_exploded_is_still_an_attack(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A bomb exploded in a market on Sunday, killing six people."), "killing")
    assert (ev["event_type"], ev["event_mode"], ev["fatalities"]) == ("ASSAULT", "explosives", 6)


def test_the_town_before_a_kind_word_and_a_bracket_is_the_scene(nlp, lexes):
    from pipeline.gazetteer import load_gazetteer
    from pipeline.places import find_places
    doc = nlp("On 14 March 2025, gunmen shot and killed a trader in Mwanza town (Nyamagana, Mwanza). 1 fatality.")
    pms = find_places(doc, load_gazetteer())
    events = find_events(doc, lexes[1], find_actors(doc, lexes[0], pms), pms, PUB)
    town = next(m["place"]["place_id"] for m in pms if m["place"] and m["place"]["feature_code"].startswith("PPL"))
    assert by_trigger(events, "killed")["place_id"] == town


def test_a_bomb_that_targeted_a_patrol_is_an_explosives_attack(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "A roadside bomb targeted a military patrol near the border on Monday."), "targeted")
    assert (ev["event_type"], ev["event_mode"]) == ("ASSAULT", "explosives")


def test_a_kind_of_act_said_to_be_common_is_no_occurrence(nlp, lexes):
    events = run(nlp, lexes, "Gunmen abducted six farmers on Monday. Kidnapping for ransom has become widespread "
                             "in the region.")
    assert [e["trigger_text"] for e in events] == ["abducted"]


def test_a_weekday_of_the_prayers_after_which_an_act_came_dates_it(nlp, lexes):
    events = run(nlp, lexes, "Police fired tear gas at worshippers after Friday prayers in Srinagar.",
                 published=dt.date(2025, 5, 20))
    assert by_trigger(events, "fired")["event_date"] == dt.date(2025, 5, 16)


def test_a_they_in_a_witness_quote_is_not_who_reported_the_story(nlp, lexes):
    events = run(nlp, lexes, 'Mobs torched dozens of homes in the village, police said.\n\n'
                             '"They came with petrol and burned everything," said a resident.')
    assert by_trigger(events, "burned")["source_actor_id"] not in ("grp-cop",)


def test_the_accused_a_case_is_registered_against_did_the_act(nlp, lexes):
    events = run(nlp, lexes, "An FIR was registered against a local trader for allegedly assaulting a sanitation worker.")
    assert by_trigger(events, "assaulting")["source_actor_id"] == "grp-bus"   # (the trader; no country here)


def test_an_act_after_which_another_kind_of_act_was_carried_is_not_the_carriers(nlp, lexes):
    events = run(nlp, lexes, "Authorities imposed a curfew in the town after clashes between two groups.")
    assert by_trigger(events, "clashes")["source_actor_id"] not in ("grp-gov",)


def test_a_weekday_in_a_dated_report_counts_back_from_the_report(nlp, lexes):
    # (published on a Tuesday; the ministry spoke on the Wednesday before)
    events = run(nlp, lexes, "The ministry said on Wednesday that troops had arrested 40 suspects on Monday.",
                 published=dt.date(2025, 5, 20))
    assert by_trigger(events, "arrested")["event_date"] == dt.date(2025, 5, 12)


def test_a_foreign_doers_act_is_not_placed_at_the_bureaus_dateline(nlp, lexes):
    events, names = run_placed(nlp, lexes, "NAIROBI, May 19 (Reuters) - Sudanese paramilitary forces shelled a "
                                           "displacement camp on Saturday, killing 17 people.")
    assert names.get(by_trigger(events, "shelled")["place_id"]) != "Nairobi"


@pytest.mark.parametrize("text,trigger,negated,hypothetical", [
    ("The army did not respond after the rebels shelled the town on Sunday.", "shelled", False, False),
    ("The police did not intervene when supporters of the party attacked the office.", "attacked", False, False),
    ("The army will enter the town once the rebels are expelled from it.", "expelled", False, True),
    ("The opposition will hold a rally in Harare on Friday, and police arrested two organisers on Monday.", "arrested",
     False, False),
])
def test_a_time_clause_keeps_its_own_negation_but_not_a_past_of_its_own_future(nlp, lexes, text, trigger, negated,
                                                                             hypothetical):
    ev = by_trigger(run(nlp, lexes, text, published=dt.date(2025, 5, 20)), trigger)
    assert (ev["is_negated"], ev["is_hypothetical"]) == (negated, hypothetical)


def test_a_gerund_after_in_names_its_doer_after_by(nlp, lexes):
    events = run(nlp, lexes, "Two protesters were killed in firing by security forces on Friday.")
    assert by_trigger(events, "firing")["source_actor_id"] not in (None, "grp-uaf")


def test_a_wild_animals_killing_is_no_attack(nlp, lexes):
    assert run(nlp, lexes, "A leopard killed a seven-year-old boy in a village on Monday.") == []


def test_them_after_and_is_whom_the_first_verb_took(nlp, lexes):
    events = run(nlp, lexes, "Rebels abducted two villagers on Sunday and later killed them, police said.")
    assert by_trigger(events, "killed")["target_actor_id"] == "grp-cvl"


def test_talks_of_a_round_still_ahead_are_scheduled_not_offered(nlp, lexes):
    events = run(nlp, lexes, "The minister arrived in Muscat on Friday ahead of the next round of nuclear talks.")
    ev = by_trigger(events, "talks")
    assert (ev["event_type"], ev["is_hypothetical"]) == ("CONSULT", True)


def test_a_claim_names_the_doer_of_every_unnamed_assault_of_the_claimed_scene_and_day(nlp, lexes):
    from pipeline.gazetteer import load_gazetteer
    from pipeline.places import find_places
    text = ("A car bomb exploded outside a restaurant in Beledweyne on Sunday, killing nine people.\n\n"
            "The blast destroyed several shops, witnesses said.\n\n"
            "The militants of al-Shabaab claimed the attack later that day.")
    doc = nlp(text)
    pms = find_places(doc, load_gazetteer())
    events = find_events(doc, lexes[1], find_actors(doc, lexes[0], pms), pms, PUB)
    assert {e["source_actor_id"] for e in events if e["event_type"] == "ASSAULT"} == {"SHABAAB"}


def test_a_vehicle_occupied_by_a_driver_is_no_seizure(nlp, lexes):
    assert run(nlp, lexes, "A pickup, occupied by two farm workers, was stopped at the checkpoint.") == []


@pytest.mark.parametrize("text,trigger,doer", [
    ("Relatives of the missing students held a vigil in the square on Sunday.", "vigil", "CVL"),
    ("Supporters of Raila Odinga set up road blockades in the city on Monday.", "blockades", "CVL"),
])
def test_relatives_and_supporters_of_someone_are_the_doers_not_that_person(nlp, lexes, text, trigger, doer):
    assert by_trigger(run(nlp, lexes, text), trigger)["source_actor_id"].lower().endswith(doer.lower())


def test_a_planned_acts_weekday_is_the_coming_one(nlp, lexes):
    events = run(nlp, lexes, "Opposition groups are planning a march in the capital on Friday.",
                 published=dt.date(2025, 5, 20))
    march = by_trigger(events, "march")
    assert march["is_hypothetical"] and (march["event_date"] is None or march["event_date"] > dt.date(2025, 5, 20))


@pytest.mark.parametrize("text", [
    "Relief agencies warned on Monday that grain stocks would run out within weeks.",
    "Economists warned that the new tariffs could push food prices higher.",
    "The health ministry warned of a cholera outbreak in the camps.",
])
def test_a_warning_that_only_foretells_is_no_threat(nlp, lexes, text):
    assert not [e for e in run(nlp, lexes, text) if e["event_type"] == "THREATEN"]


@pytest.mark.parametrize("text", [
    "The army warned that its troops would respond with force to any attack.",
    "Tehran warned Washington that any strike would be met with a crushing response.",
    "The militants warned of attacks on polling stations.",
])
def test_a_warning_by_the_danger_itself_stays_a_threat(nlp, lexes, text):
    assert by_trigger(run(nlp, lexes, text), "warned")["event_type"] == "THREATEN"


def test_the_state_a_suspect_is_extradited_to_is_the_target(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Portugal extradited a wanted banker to Brazil on Thursday."), "extradited")
    assert (ev["source_actor_id"], ev["target_actor_id"]) == ("PRT", "BRA")


@pytest.mark.parametrize("text", [
    "The bloc adopted new sanctions targeting shipping firms that carry Venezuelan crude.",
    "Ottawa announced tariffs targeting steel imports on Friday.",
])
def test_measures_that_target_someone_are_no_assault(nlp, lexes, text):
    assert not [e for e in run(nlp, lexes, text) if e["event_type"] == "ASSAULT"]


def test_a_warrant_for_an_arrest_is_no_arrest(nlp, lexes):
    events = run(nlp, lexes, "A court in Lima issued a warrant for the arrest of a former mayor on Monday.")
    assert not [e for e in events if e["event_mode"] == "arrest"]


@pytest.mark.parametrize("text, trigger", [
    ("The defence minister vowed to hunt down the men behind the ambush.", "vowed to hunt"),
    ("The general pledged to crush the insurgents before the rains.", "pledged to crush"),
])
def test_a_vow_to_strike_at_someone_is_a_threat(nlp, lexes, text, trigger):
    assert by_trigger(run(nlp, lexes, text), trigger)["event_type"] == "THREATEN"


def test_a_vow_to_rebuild_stays_a_promise(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The governor vowed to rebuild the homes destroyed in the attack."), "vowed")
    assert ev["event_type"] == "AGREE"


def test_a_strike_on_a_target_is_an_attack_not_a_stoppage(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The army carried out a strike on a rebel depot near Kidal on Sunday."),
                    "carried out a strike")
    assert ev["event_type"] == "ASSAULT"
    ev = by_trigger(run(nlp, lexes, "Dock workers began a strike on Monday over unpaid wages."), "strike")
    assert ev["event_type"] == "PROTEST"


def test_an_undated_articles_published_header_dates_its_acts(nlp, lexes):
    text = ("Published Friday, March 2, 2018 4:10PM EST\n\nPolice arrested a man who fired shots outside a bar "
            "on Main Street.")
    assert str(by_trigger(run(nlp, lexes, text, published=None), "arrested")["event_date"]) == "2018-03-02"


@pytest.mark.parametrize("text, trigger, place", [
    ("Fano fighters clashed with soldiers in Gondar, in Ethiopia's Amhara region, on Monday.", "clashed", "Gonder"),
])
def test_a_town_before_a_country_s_region_is_the_scene(nlp, lexes, text, trigger, place):
    events, names = run_placed(nlp, lexes, text)
    assert names.get(by_trigger(events, trigger)["place_id"]) == place


def test_an_accord_named_after_a_city_is_no_scene(nlp, lexes):
    events, names = run_placed(nlp, lexes, "The African Union urged both sides on Monday to respect the Pretoria agreement.")
    assert by_trigger(events, "urged")["place_id"] is None


@pytest.mark.parametrize("text, trigger, dead", [
    ("A shopkeeper was fatally stabbed outside his store on Friday night.", "stabbed", 1),
    ("Officers fatally wounded three robbery suspects during a shootout on Sunday.", "wounded", 3),
])
def test_a_fatal_adverb_makes_the_harm_a_killing(nlp, lexes, text, trigger, dead):
    ev = by_trigger(run(nlp, lexes, text), trigger)
    assert (ev["fatalities"], ev["injured_count"]) == (dead, None)


def test_people_counted_as_none_negate_the_harm(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Robbers attacked a cash van near the bridge, but no guards were injured."),
                    "injured")
    assert ev["is_negated"]


@pytest.mark.parametrize("text, dead", [
    ("On 3 June 2024, villagers lynched 3 suspected cattle thieves in Mopti. 3 killed.", 3),
    ("On 3 June 2024, gunmen killed 4 farmers near Dori. 4 killed, 1 injured.", 4),
    ("On 3 June 2024, gunmen killed 4 farmers near Dori. Two more farmers died of their wounds.", 6),
])
def test_a_coder_s_closing_toll_note_restates_the_toll(nlp, lexes, text, dead):
    assert sum(e["fatalities"] or 0 for e in run(nlp, lexes, text)) == dead


def test_a_coder_s_list_of_fatalities_adds_up(nlp, lexes):
    events = run(nlp, lexes, "On 3 June 2024, JNIM militants attacked an army post near Gao. Fatalities: 4 soldiers, 9 militants.")
    assert sum(e["fatalities"] or 0 for e in events) == 13


@pytest.mark.parametrize("text, trigger, target", [
    ("Soldiers ousted President Roch Kabore on Monday, state television said.", "ousted", "per-roch-kabore"),
    ("The presidential guard placed President Mohamed Bazoum under house arrest in Niamey.", "under house arrest",
     "per-mohamed-bazoum"),
])
def test_regime_change_and_house_arrest_are_coded(nlp, lexes, text, trigger, target):
    ev = by_trigger(run(nlp, lexes, text), trigger)
    assert ev["event_type"] == "COERCE" and ev["target_actor_id"] == target


def test_lawmakers_ousting_a_speaker_is_no_seizure_and_an_aim_to_topple_is_hypothetical(nlp, lexes):
    assert not run(nlp, lexes, "Lawmakers voted to oust the speaker on Tuesday.")
    ev = by_trigger(run(nlp, lexes, "Rebels have been fighting for years to topple the government."), "topple")
    assert ev["is_hypothetical"]


@pytest.mark.parametrize("text, trigger", [
    ("Authorities blocked access to TikTok and Telegram ahead of the vote.", "blocked"),
    ("The junta cut internet access across the country on Friday.", "cut"),
])
def test_an_internet_shutdown_is_censorship(nlp, lexes, text, trigger):
    ev = by_trigger(run(nlp, lexes, text), trigger)
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", "censor")


@pytest.mark.parametrize("text", [
    "On 12 March 2025, students held a sit-in in Sylhet demanding justice for those killed during the uprising.",
    "On 12 March 2025, bus drivers blocked roads in Trujillo to protest extortion killings.",
    "On 12 March 2025, hundreds marched in Gao to honour soldiers killed in an ambush.",
])
def test_the_killings_a_protest_is_about_are_no_acts_of_its_day(nlp, lexes, text):
    assert [e["event_type"] for e in run(nlp, lexes, text) if e["event_type"] == "ASSAULT"] == []


def test_a_killing_before_a_protest_told_as_its_occasion_stays(nlp, lexes):
    events = run(nlp, lexes, "Students protested in Kisumu on Monday after police shot dead a classmate.")
    assert any(e["event_type"] == "ASSAULT" for e in events)


@pytest.mark.parametrize("text", [
    "Typhoon Ragasa slammed into the coast on Saturday, killing at least 14 people and injuring 176.",
    "An explosion at a chemical plant in Hebei province killed 12 workers on Monday.",
    "Nine miners were killed in a methane explosion at a coal mine on Friday.",
    "Rescuers recovered 14 bodies from the rubble of the collapsed building.",
    "Divers recovered the bodies of 12 passengers after the ferry capsized.",
])
def test_disasters_and_industrial_accidents_are_no_attacks(nlp, lexes, text):
    assert [e for e in run(nlp, lexes, text) if e["event_type"] == "ASSAULT"] == []


@pytest.mark.parametrize("text", [
    "A bomb exploded at a textile factory in Quetta, killing 12 workers.",
    "An explosion at a police station in Peshawar killed 12 people on Monday.",
])
def test_a_bombing_at_a_works_stays_an_attack(nlp, lexes, text):
    assert any(e["event_type"] == "ASSAULT" for e in run(nlp, lexes, text))


@pytest.mark.parametrize("text", [
    "Porto beat Benfica 2-1 in the derby on Sunday.",
    "Real Madrid stormed back to win the league title, beating Sevilla 3-1.",
    "The striker helped fire Ghana to the tournament with two goals.",
])
def test_a_game_told_in_words_of_battle_is_no_event(nlp, lexes, text):
    assert [e for e in run(nlp, lexes, text) if e["event_type"] in ("ASSAULT", "PROTEST")] == []


@pytest.mark.parametrize("text", [
    "Gunmen attacked a bus carrying players to a league match, killing two.",
    "A fan was shot dead outside the stadium after the derby on Sunday.",
])
def test_violence_around_a_game_stays_an_event(nlp, lexes, text):
    assert any(e["event_type"] == "ASSAULT" for e in run(nlp, lexes, text))


def test_a_plan_for_a_month_is_this_year_s_month(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The opposition will hold a rally in the capital in December."), "rally")
    assert ev["is_hypothetical"] and ev["event_date"] == dt.date(2017, 12, 1)   # (not December 2016)


def test_a_strike_on_a_target_beats_labour_words_nearby(nlp, lexes):
    text = "The General Staff said the strike on the airbase destroyed two bombers."
    assert by_trigger(run(nlp, lexes, text), "strike")["event_type"] == "ASSAULT"


def test_leaders_who_spoke_by_phone_consulted(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Erdogan spoke by phone with Macron on Monday."), "spoke")
    assert (ev["event_type"], ev["event_mode"]) == ("CONSULT", "phone")


def test_emergency_rule_by_its_latin_american_names_and_not_for_a_flood(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The president extended the state of exception for 30 days on Tuesday."), "extended")
    assert (ev["event_type"], ev["event_mode"]) == ("COERCE", "martial-law")
    assert not run(nlp, lexes, "The governor declared a state of emergency after floods hit the province.")


def test_a_toll_told_before_its_cause_clause_takes_the_cause_s_doer(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "Two people were killed and nine were injured after Russian drones hit "
                                       "apartment blocks in Odesa on Sunday.")
    assert by_trigger(events, "killed")["source_actor_id"] == "RUS-MIL"


def test_a_demonym_before_an_act_read_as_a_verb_is_the_doer(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "Ukrainian shelling killed two civilians in Horlivka on Monday.")
    assert by_trigger(events, "killed")["source_actor_id"] == "UKR-MIL"


@pytest.mark.parametrize("text, dead", [
    ("A car bomb exploded at a base in Baidoa on Sunday, killing seven soldiers. Al-Shabaab claimed the attack, "
     "saying it had killed 20 soldiers.", 7),
    ("Gunmen attacked an army post near Menaka on Sunday, killing six soldiers. The group said in a statement "
     "that it had killed 30 soldiers.", 6),
])
def test_a_doer_s_claimed_toll_adds_no_dead(nlp, lexes, text, dead):
    events, _ = run_placed(nlp, lexes, text)
    assert sum(e["fatalities"] or 0 for e in events) == dead


def test_pleas_and_verdicts_are_no_new_crimes(nlp, lexes):
    assert not run(nlp, lexes, "The two brothers pleaded guilty to the murder of a shopkeeper.")
    ev = by_trigger(run(nlp, lexes, "Three soldiers were found guilty of murder by a military court."), "found")
    assert (ev["event_type"], ev["event_mode"]) == ("SANCTION", "convict")
    assert not run(nlp, lexes, "The officer was found not guilty of killing the protester.")


def test_a_gerund_after_by_names_the_doer_through_its_demonym(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "Two civilians were killed by Russian shelling in Kherson on Monday.")
    assert by_trigger(events, "killed")["source_actor_id"] == "RUS-MIL"


def test_a_ceasefire_named_as_a_point_in_time_is_no_ceasefire(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "Israeli jets struck southern Lebanon for the first time since the "
                                       "November ceasefire.")
    assert [e["event_type"] for e in events] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "Qatar and the United States hosted talks in Doha on Sunday in a bid to end the fighting in eastern Congo.",
    "The African Union called for an end to the fighting in Sudan.",
])
def test_violence_to_be_ended_is_no_act_of_the_mediators(nlp, lexes, text):
    events, _ = run_placed(nlp, lexes, text)
    assert not any(e["event_type"] == "ASSAULT" for e in events)


@pytest.mark.parametrize("text", [
    "Turkey carried out a strike near Kobani on Sunday.",
    "Israel carried out a strike near Damascus that it said was a warning to the Syrian authorities.",
])
def test_a_state_s_strike_is_an_attack(nlp, lexes, text):
    events, _ = run_placed(nlp, lexes, text)
    assert by_trigger(events, "strike")["event_type"] == "ASSAULT"


def test_a_warning_strike_is_still_a_stoppage(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "Dock workers staged a two-hour warning strike on Monday."), "strike")
    assert (ev["event_type"], ev["event_mode"]) == ("PROTEST", "strike")


@pytest.mark.parametrize("text, trigger, dead", [
    ("U.S. warplanes struck rebel targets around Sanaa overnight. Nine civilians were killed and 27 "
     "wounded in the strikes, the health ministry said.", "struck", 9),
    ("Israeli aircraft bombed a house in Deir al-Balah on Tuesday. Five people were killed in the strike near "
     "Deir al-Balah, medics said.", "bombed", 5),
])
def test_a_toll_in_the_strikes_told_is_their_toll(nlp, lexes, text, trigger, dead):
    events, _ = run_placed(nlp, lexes, text)
    assert by_trigger(events, trigger)["fatalities"] == dead
    assert not any(e["unnamed_doer_country"] for e in events)


@pytest.mark.parametrize("text", [
    "Suspected insurgents shot dead a rubber tapper near Narathiwat on Monday.",
    "Gunmen killed a barber in Peshawar on Sunday.",
    "Unidentified men stabbed to death a tea-stall owner in Karachi.",
])
def test_one_victim_named_by_a_trade_the_lexicon_lacks_is_one_dead(nlp, lexes, text):
    events, _ = run_placed(nlp, lexes, text)
    assert [e["fatalities"] for e in events] == [1]


def test_a_thing_or_a_unit_with_a_trade_s_ending_is_no_victim(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "A drone destroyed a transformer and his whole contingent was killed "
                                       "near Kherson.")
    assert not any(e["fatalities"] == 1 for e in events)


def test_an_armed_group_that_took_a_town_captured_it(nlp, lexes):
    events, names = run_placed(nlp, lexes, "M23 rebels took Uvira on Monday.")
    ev = by_trigger(events, "took")
    assert ev["event_type"] == "ASSAULT" and names[ev["place_id"]] == "Uvira"
    assert not run_placed(nlp, lexes, "Police took the suspect to a hospital in Goma.")[0]


def test_a_protest_lodged_with_a_force_is_a_complaint(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The border guards lodged a strong protest with their Indian counterparts "
                                    "over the shooting of a farmer."), "protest")
    assert (ev["event_type"], ev["event_mode"]) == ("ACCUSE", "disapprove")


@pytest.mark.parametrize("text", [
    "The Arakan Army vowed to disrupt the junta's election.",
    "Rebel groups vowed to sabotage the vote in the north.",
])
def test_a_vow_to_disrupt_is_a_threat(nlp, lexes, text):
    assert by_trigger(run(nlp, lexes, text), "vowed")["event_type"] == "THREATEN"


def test_a_death_after_a_car_left_the_road_is_an_accident(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "A man died after his car left Route 9 and struck a tree near Albany on "
                                       "Sunday.")
    assert not events


def test_a_car_driven_into_a_crowd_is_still_an_attack(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "A car rammed into a crowd of shoppers in Leipzig, killing five people.")
    assert by_trigger(events, "killing")["event_type"] == "ASSAULT"


def test_taken_to_hospital_on_a_named_street_is_no_protest(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "A woman was taken to hospital after a fall on Main Street in Galway.")
    assert not any(e["event_type"] == "PROTEST" for e in events)


@pytest.mark.parametrize("text", [
    "The Celtics beat the Knicks 110-102 on Sunday.",
    "Shares in Sydney rallied on Tuesday.",
    "The campaign is targeting young voters in Ohio.",
    "Netflix captured a third of the streaming market.",
    "Apple killed off its electric car project.",
    "The champions stormed to victory in Rome.",
    "The Knicks shot 55 percent from the field.",
])
def test_a_game_or_a_market_told_in_words_of_fighting_is_no_event(nlp, lexes, text):
    assert not run(nlp, lexes, text)


@pytest.mark.parametrize("text", [
    "Gunmen targeted voters outside a polling station in Kano.",
    "A U.S. service member was killed in Syria by a roadside bomb.",
])
def test_violence_with_those_words_nearby_stays_an_event(nlp, lexes, text):
    assert any(e["event_type"] == "ASSAULT" for e in run(nlp, lexes, text))


@pytest.mark.parametrize("text, field", [
    ("Militants attacked a checkpoint near Kidal on Sunday. No soldier was killed, the army said.", "fatalities"),
    ("A rocket hit a house in Sderot on Sunday. No civilian was injured.", "injured_count"),
])
def test_no_with_a_singular_noun_is_a_zero_toll(nlp, lexes, text, field):
    events, _ = run_placed(nlp, lexes, text)
    assert [e[field] for e in events] == [0]


def test_overnight_into_a_weekday_is_that_day(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "Russian drones struck Kharkiv overnight into Monday, killing three people.")
    assert {e["event_date"] for e in events} == {dt.date(2017, 10, 30)}


def test_a_result_participle_shares_the_during_of_its_verb(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "Gunmen attacked worshippers during Wednesday prayers in Kano, killing 12.")
    assert by_trigger(events, "killing")["event_date"] == dt.date(2017, 11, 1)


def test_a_failure_does_not_deny_the_result_told_with_it(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "The army failed to stop the rebel offensive, killing a dozen fighters near "
                                       "Aleppo.")
    assert not by_trigger(events, "killing")["is_negated"]


@pytest.mark.parametrize("text", [
    "Thousands gathered in Srebrenica on Sunday to mark the anniversary of the 1995 massacre, in which "
    "Bosnian Serb forces killed some 8,000 men and boys.",
    "Rwandans marked the anniversary of the genocide, in which extremists killed 800,000 people.",
    "Two years after soldiers shot dead 12 miners in Marikana, families held a vigil on Monday.",
])
def test_an_act_the_news_only_recalls_is_no_event_and_no_toll(nlp, lexes, text):
    events, _ = run_placed(nlp, lexes, text)
    assert not any(e["event_type"] == "ASSAULT" for e in events)
    assert not any(e["fatalities"] for e in events)


@pytest.mark.parametrize("text, trigger, kind", [
    ("Dock workers downed tools on Monday over unpaid wages.", "downed", ("PROTEST", "strike")),
    ("A mob set a suspected thief ablaze in Lagos on Sunday.", "set", ("ASSAULT", "primitive")),
    ("Rioters set ablaze a police car in Dakar.", "set", ("COERCE", "destroy")),
    ("Soldiers fired warning shots to disperse protesters in Nairobi.", "fired", ("ASSAULT", "crowd-control")),
    ("Farmers' blockades were in place on the A1 near Paris on Monday.", "blockades", ("PROTEST", "obstruct")),
])
def test_crowd_and_strike_words_of_protest_stories(nlp, lexes, text, trigger, kind):
    events, _ = run_placed(nlp, lexes, text)
    ev = by_trigger(events, trigger)
    assert (ev["event_type"], ev["event_mode"]) == kind


@pytest.mark.parametrize("text, trigger", [
    ("JNIM fighters took control of Boni in central Mali without a fight on Sunday.", "took"),
    ("The rebels entered the town of Kalehe unopposed on Monday.", "entered"),
])
def test_ground_taken_without_a_fight_is_a_seizure_not_a_battle(nlp, lexes, text, trigger):
    ev = by_trigger(run_placed(nlp, lexes, text)[0], trigger)
    assert (ev["event_type"], ev["event_mode"], ev["acled_sub_event_type"]) == \
        ("COERCE", "seize", "Non-violent transfer of territory")


def test_ground_taken_after_fighting_stays_a_battle(nlp, lexes):
    ev = by_trigger(run_placed(nlp, lexes, "M23 rebels captured Goma after fierce fighting.")[0], "captured")
    assert ev["event_type"] == "ASSAULT"


def test_an_estimate_of_a_war_s_toll_is_no_toll_of_the_act_before(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "On Tuesday, the RSF shelled a camp near El Fasher, killing at least seven "
                                       "people. Some estimates put the toll of the war at more than 150,000.")
    assert sum(e["fatalities"] or 0 for e in events) == 7


def test_a_toll_of_the_whole_conflict_is_no_event(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "More than 4,000 people were killed in Lebanon during the conflict, which "
                                       "began in October 2023.")
    assert not any(e["fatalities"] for e in events)


def test_one_of_the_deadliest_is_no_victim(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "Gang members killed 115 people in Pont-Sonde in October, one of the "
                                       "deadliest massacres in years.")
    assert by_trigger(events, "killed")["fatalities"] == 115
    events, _ = run_placed(nlp, lexes, "Gunmen attacked a bus near Kano, and one of the passengers was killed.")
    assert sum(e["fatalities"] or 0 for e in events) == 1


def test_a_stance_told_in_the_present_is_of_the_report_s_day(nlp, lexes):
    events, _ = run_placed(nlp, lexes, "Militants attacked a police post in Pulwama on Tuesday, killing two "
                                       "officers. India blames Pakistan for the attack.")
    assert by_trigger(events, "attacked")["event_date"] == dt.date(2017, 10, 31)
    assert by_trigger(events, "blames")["event_date"] == PUB


def test_a_heart_attack_is_no_attack(nlp, lexes):
    assert not run_placed(nlp, lexes, "The former minister died of a heart attack in Yerevan on Sunday.")[0]


@pytest.mark.parametrize("text", [
    "Soldiers defused a landmine near Kidal on Tuesday.",
    "Police defused a grenade found at a market in Kampala.",
])
def test_a_defused_device_is_disrupted_weapons_use(nlp, lexes, text):
    ev = run_placed(nlp, lexes, text)[0][0]
    assert (ev["acled_event_type"], ev["acled_sub_event_type"]) == ("Strategic developments", "Disrupted weapons use")


def test_a_call_for_someone_to_resign_is_a_request_not_a_resignation(nlp, lexes):
    events = run(nlp, lexes, "Opposition leaders called for the prime minister to resign on Monday.")
    assert [e["event_type"] for e in events] == ["REQUEST"]


def test_an_act_a_strike_paved_the_way_for_is_hypothetical(nlp, lexes):
    ev = by_trigger(run(nlp, lexes, "The air strikes paved the way for ground forces to storm the hill."), "storm")
    assert ev["is_hypothetical"]


def test_the_speakers_place_places_the_act_when_no_other_is_named(nlp, lexes):
    events, names = run_placed(nlp, lexes, "Police in Mandera said al-Shabaab attacked a police post on Monday.")
    assert names[by_trigger(events, "attacked")["place_id"]] == "Mandera"
    events, names = run_placed(nlp, lexes, "Officials in Kabul said gunmen killed two guards in Kunduz.")
    assert names[by_trigger(events, "killed")["place_id"]] == "Kunduz"


@pytest.mark.parametrize("text, trigger, kind", [
    ("The activist was forcibly disappeared by security agents in Quetta on Monday.", "disappeared",
     ("ASSAULT", "abduct")),
    ("Gunmen took away three teachers from a school in Zamfara on Tuesday.", "took", ("ASSAULT", "abduct")),
    ("Police took away two journalists from their office in Harare.", "took", ("COERCE", "arrest")),
])
def test_disappearances_and_people_taken_away(nlp, lexes, text, trigger, kind):
    ev = by_trigger(run_placed(nlp, lexes, text)[0], trigger)
    assert (ev["event_type"], ev["event_mode"]) == kind


def test_a_truce_that_collapses_is_no_new_truce(nlp, lexes):
    events = run(nlp, lexes, "The rebels agreed to a ceasefire on Friday. The truce collapsed on Sunday.")
    assert not any(e["event_mode"] == "ceasefire" and "truce" in e["trigger_text"] for e in events)


@pytest.mark.parametrize("text, trigger, source", [
    ("Boko Haram fighters attacked Konduga, where soldiers had withdrawn. They killed nine farmers.", "killed",
     "BOKO"),
    ("Hundreds of students held a protest in Dhaka against Israel's offensive in Gaza. They burned effigies.",
     "burned", "grp-edu"),
])
def test_a_sentence_s_they_goes_on_with_the_main_subject_before(nlp, lexes, text, trigger, source):
    assert by_trigger(run_placed(nlp, lexes, text)[0], trigger)["source_actor_id"] == source


def test_a_claim_of_the_article_s_first_act_tells_the_act(nlp, lexes):
    ev = by_trigger(run_placed(nlp, lexes, "The Shabaab militants claimed responsibility for Friday's bombing of a "
                                           "hotel in Kismayo.")[0], "bombing")
    assert ev["event_type"] == "ASSAULT" and ev["source_actor_id"] == "SHABAAB"
    events = run(nlp, lexes, "A car bomb exploded at a market on Friday. The Shabaab militants claimed "
                             "responsibility for that blast.")
    assert len([e for e in events if e["event_type"] == "ASSAULT"]) == 1
