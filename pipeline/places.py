"""Toponym recognition and resolution: place mentions in a parsed article, with GeoNames places.

Recognition takes spaCy's GPE/LOC/FAC entities, demonyms ("Iraqi", and ones formed from a
place's name: "Manitobans") as country references, and capitalised spans that spaCy missed or
mislabelled (the small model calls "al-Qaim" a PERSON and "Husaybah" an ORG) when the gazetteer
knows them and the sentence supports a place reading (a locative preposition before them, "X
province", a country or state after a comma, a site's name before a comma). Names the gazetteer
lacks are taken when the sentence marks them as places: a place word after or before them
("Buyir village", "Alder Hey Children's Hospital", "the village of Gaga", "Gidan Sule, a small
village near ..."), a toponym prefix ("Tal Bizam"), a direction after a preposition ("in
eastern Ghouta") or, as ACLED and many wires write, a bracket of its district and province
("Thantlang (Chin)", "Kwall (Bassa, Plateau)"; the bracketed names are toponyms too). Wire
datelines in capitals ("BEIRUT (AP) —") are toponyms; places inside institutions' names ("Air
Canada Cargo") are embedded toponyms; a span spaCy calls a place but the gazetteer does not
know is searched for the places it names ("St. Louis Police").

Not toponyms: acronyms other than countries and the aliases and abbreviations of the data files
("MoD", "AI"), names the article gives a person ("Yulia Skripal" ... "Yulia"), direction words
used as adjectives ("Western partners"), and (in the output) places that only say whose an
official or a force is ("US officials", "U.S. President Donald Trump").

Resolution ranks each name's gazetteer senses by feature type and population, then by the
article's context: countries and first-level divisions named elsewhere in the article (or in
its dateline), an explicit qualifier ("Athens, Georgia"; "Oakland, Calif."), the kind of the
names listed with it ("California or Washington"), and nearness to the article's other places.
One name keeps one sense throughout an article. A small place with no support from the article
is left unresolved rather than guessed, and so are readings the article's context points away
from: a loose spelling match, a small division ("Saint George" parish), a site's name matching a
distant town ("Washington Square").

A toponym still unresolved is tied, ACLED style, to the place its sentence puts it in or near
("Al-Lataminah, a village in northern Hama countryside" -> Hama, `place_precision`
"enclosing"; "Tahrawa, a village near Mosul" -> Mosul, "nearby"), or else keeps a reason
(`unresolved_reason_code`). The word lists behind recognition and ties are data files in
`pipeline/data/places/`.
"""
from __future__ import annotations

import csv
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from pipeline.gazetteer import (ARABIC_ARTICLES, Gazetteer, normalize_name, number_field, public_place,
                                read_csv_rows, read_data_csv, read_word_list, slugify)
from pipeline.dates import MONTHS, WEEKDAYS
from pipeline.nlp import doc_dateline, doc_text, person_end, self_named, sentence_indexes

ACTOR_DATA = Path(__file__).resolve().parent / "data"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
OVERRULABLE_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
# Words before a name that make a place reading likely.
LOCATIVE = {"in", "at", "near", "from", "to", "into", "outside", "around", "across", "toward",
            "towards", "throughout", "via", "through", "inside", "within", "between", "visit",
            "visited", "visiting", "reached", "entered", "captured", "recaptured", "off"}
PLACE_NOUNS = {"city", "town", "village", "province", "region", "state", "county", "district",
               "capital", "outskirts", "suburb", "suburbs", "streets", "area", "areas", "south",
               "north", "east", "west", "heart", "governorate", "countryside", "centre", "center",
               "cities", "towns", "villages", "provinces", "regions", "states", "counties",
               "districts", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods",
               "municipality", "municipalities", "localities", "locality", "hamlet", "island",
               "islands", "port", "residents", "people", "mayor", "governor", "outside", "parts",
               "part", "sector", "corridor", "edge", "vicinity", "environs", "territory"}
# Of those, the people and office-holders: "the people of Mosul" is a place cue, but a
# person or a company has "people" too ("Trump's people"), so not after a possessive.
PEOPLE_NOUNS = {"residents", "people", "mayor", "governor"}
PLACE_PARTS = PLACE_NOUNS - PEOPLE_NOUNS  # what a possessive place has ("Grozny's streets")
# ... but an office only a place has may follow one ("Tulkarm's governor", "Kabul's mayor").
PLACE_OFFICES = {"mayor", "governor"}
# Place nouns that stand in apposition before a name ("the capital Colombo", "the capital city
# Lashkar Gah", "the port town Berbera"): the name is the place itself.
APPOSED_PLACE_NOUNS = {"city", "town", "village", "capital", "port", "province", "region", "district",
                       "governorate", "county", "suburb", "hamlet", "island", "neighbourhood", "neighborhood",
                       "municipality", "locality"}
# Words after a name that make a place reading likely ("eastern Palmyra countryside",
# "Homs province", "the Aleppo front"): a person or organisation is not followed by these.
PLACE_FOLLOWERS = {"countryside", "province", "governorate", "district", "region", "city", "town",
                   "village", "outskirts", "suburbs", "area", "border", "front", "frontline",
                   "neighbourhood", "neighborhood", "county", "municipality", "valley", "airport",
                   "residents", "prefecture", "oblast", "state", "camp"}
# Generic words that follow a name and say what kind of place it is.
ADMIN_SUFFIX = {"province": "admin1", "governorate": "admin1", "state": "admin1", "region": "admin1",
                "oblast": "admin1", "prefecture": "admin1", "department": "admin1",
                "county": "admin2", "district": "admin2", "municipality": "admin2", "parish": "admin2",
                "city": "city", "town": "city", "village": "city", "lga": "admin2", "regency": "admin2"}
# Generic names of several words for a second-level division ("Guma Local Government Area",
# Nigeria's LGAs; "Bwari Area Council").
MULTI_WORD_SUFFIX = {("local", "government", "area"): "admin2", ("local", "government", "council"): "admin2",
                     ("local", "government"): "admin2", ("area", "council"): "admin2"}
MULTI_WORD_LAST = {suffix[-1] for suffix in MULTI_WORD_SUFFIX}
# Plurals of those generic words, which close a list of names ("Idlib and Hama provinces").
ADMIN_PLURALS = {"provinces": "admin1", "governorates": "admin1", "states": "admin1", "regions": "admin1",
                 "oblasts": "admin1", "prefectures": "admin1", "departments": "admin1", "counties": "admin2",
                 "districts": "admin2", "municipalities": "admin2", "parishes": "admin2", "regencies": "admin2"}
LIST_JOINERS = {"and", "or", ","}
LIST_SPAN = 12   # tokens a list of names may run before its plural
# Prepositions after which a capitalised word the gazetteer knows is a place even when it is a
# village of unknown population (GeoNames gives many Syrian and Iraqi villages none).
STRONG_LOCATIVE = {"in", "from", "near", "into", "outside", "inside", "toward", "towards"}
# Kind words before "of" and a name that say what kind of place it is.
OF_KIND = {"city": "city", "town": "city", "village": "city", "province": "admin1", "governorate": "admin1",
           "state": "admin1", "region": "admin1", "department": "admin1", "county": "admin2",
           "district": "admin2"}
OF_KIND.update({k + "s": v for k, v in list(OF_KIND.items()) if k not in ("city", "county")})
OF_KIND.update({"cities": "city", "counties": "admin2"})   # "the provinces of Hodeidah and Taiz"
KIND_PRIOR = {"country": 4.0, "continent": 4.0, "admin1": 2.0, "feature": 2.0, "city": 0.0, "admin2": -1.0}
POPULATION_WEIGHT = 1.0
# National capitals are named far more often than their size alone predicts ("Washington").
CAPITAL_BONUS = 3.5
# A capital smaller than this gets no capital bonus: the seats of small territories and
# island states share their names with larger towns elsewhere.
CAPITAL_MIN_POPULATION = 100_000
# Alternate names include historical and foreign names ("Salisbury" for Harare); a place whose
# own name is the mention is more likely meant.
MAIN_NAME_BONUS = 1.5
# A resolved place this far or farther from every other place of the article, with no other
# support, is only a guess.
MIN_SUPPORTED_POPULATION = 5_000
# A name that only its Arabic article marks as a transliteration ("Ash Shaddadi") matches a
# differently spelled gazetteer name only this similar (0-100; 72 for names spaCy calls places).
TRANSLITERATION_RATIO = 80
FUZZY_RATIO = 72
# Smallest town a loose spelling match may name when nothing else in the article backs it.
FUZZY_ALONE_POPULATION = 50_000
STRICT_SKELETON_CANDIDATES = 300
# A direction word before a name ("in western Palmyra") is a weaker cue than a preposition: it
# counts for a town only from this size.
DIRECTED_MIN_POPULATION = 10_000


# ---------------------------------------------------------------- word lists (data files)

@dataclass(frozen=True)
class PlaceWords:
    """The word lists of `pipeline/data/places/` that recognition and tying read (see its README)."""
    head_strong: frozenset[str]       # "Buyir village": the name is a toponym whatever its label
    head_weak: frozenset[str]         # "Chattar area": only when spaCy did not call it a person or body
    head_capitalised: frozenset[str]  # "Yarmouk Camp": a capitalised last word of the name
    head_capitalised_weak: frozenset[str]  # ... of those, the ones that are also surnames ("Hall")
    of_words: frozenset[str]          # "the village of Gaga", "Gidan Sule, a small village ..."
    of_lower_only: frozenset[str]     # ... of those, the ones that cue only in lower case ("department")
    type_words: frozenset[str]        # every place-type word, singular and plural
    facility_words: frozenset[str]    # sites named after the place they lie at ("Deir Ezzor Airport")
    town_parts: frozenset[str]        # parts of a town ("district", "suburb", "camp")
    prefixes: frozenset[str]          # "Tal Bizam", "Kafr Shams", "Mount Chaambi"
    directions: frozenset[str]        # "northern", "rural"
    part_directions: frozenset[str]   # those naming a part inside the place ("Western Afghanistan")
    fillers: frozenset[str]           # words skipped inside a tie ("some 30 km south of")
    particles: frozenset[str]         # "al", "de": lower-case words leading a hyphenated word of a name
    joining_particles: frozenset[str]  # ... and those that also join two words ("Marj al Zawiyah")
    known_name_particles: frozenset[str]  # ... and those that join a name the gazetteer knows ("do Sul")
    ties: tuple[tuple[tuple[str, ...], str, bool], ...]  # (phrase, relation, only after a distance)


@functools.lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    """The word lists, read once per process."""
    rows = read_data_csv("place_type_words.csv")
    particles = read_data_csv("name_particles.csv")
    directions = read_data_csv("direction_words.csv")

    def forms(pred) -> frozenset[str]:  # noqa: ANN001 (a row predicate)
        return frozenset(f.strip().lower() for r in rows if pred(r)
                         for f in (r["word"], r.get("plural") or "") if f.strip())

    ties = sorted(((tuple(r["phrase"].lower().split()), r["relation"].strip(),
                    (r.get("after_distance") or "").strip() == "yes")
                   for r in read_data_csv("place_ties.csv")), key=lambda t: -len(t[0]))
    return PlaceWords(
        head_strong=forms(lambda r: r["after_name"].strip() == "strong"),
        head_weak=forms(lambda r: r["after_name"].strip() == "weak"),
        head_capitalised=forms(lambda r: r["capitalised"].strip() in {"yes", "weak"}),
        head_capitalised_weak=forms(lambda r: r["capitalised"].strip() == "weak"),
        of_words=forms(lambda r: r["of_name"].strip() in {"yes", "lower"}),
        of_lower_only=forms(lambda r: r["of_name"].strip() == "lower"),
        type_words=forms(lambda r: True),
        facility_words=forms(lambda r: (r.get("facility") or "").strip() == "yes"),
        town_parts=forms(lambda r: (r.get("town_part") or "").strip() == "yes"),
        prefixes=frozenset(read_word_list("toponym_prefixes.txt")),
        directions=frozenset(r["word"].strip().lower() for r in directions),
        part_directions=frozenset(r["word"].strip().lower() for r in directions
                                  if (r.get("part_of") or "").strip() == "yes"),
        fillers=frozenset(read_word_list("tie_fillers.txt")),
        particles=frozenset(r["particle"].strip().lower() for r in particles),
        joining_particles=frozenset(r["particle"].strip().lower() for r in particles
                                    if (r.get("between_words") or "").strip() == "yes"),
        known_name_particles=frozenset(r["particle"].strip().lower() for r in particles
                                       if (r.get("known_names") or "").strip() == "yes"),
        ties=tuple(ties))


# ---------------------------------------------------------------- recognition

def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without a leading article or trailing possessive/punctuation."""
    toks = _token_list(doc)
    while start < end and toks[start].lower_ in {"the", "'s", "’s"}:
        start += 1
    while end > start and (toks[end - 1].is_punct or toks[end - 1].lower_ in {"'s", "’s", "'", "’"}) \
            and toks[end - 1].text not in {".", ")"}:
        end -= 1
    # keep an abbreviation's final full stop ("U.S.", "Calif.") but not a sentence's
    while end > start and toks[end - 1].text in {".", ")"}:
        end -= 1
    return start, end


POSSESSIVES = {"'s", "’s"}
# Generational suffixes of person names, which spaCy sometimes labels as places.
NAME_SUFFIXES = {"sr", "jr", "snr", "jnr"}
# Lemmas of verbs whose object right after them is usually a place (data file).
PLACE_VERBS = frozenset(read_word_list("place_verbs.txt"))
# ... of those, the ones whose object is never a person (data file): a cue on their own.
PLACE_ONLY_VERBS = frozenset(read_word_list("place_only_verbs.txt"))


def _after_place_verb(doc: Doc, s: int) -> bool:
    """Whether the name at token s follows a verb that takes places ("enter Al-Bab")."""
    toks = _token_list(doc)
    return s > 0 and toks[s - 1].pos_ == "VERB" and toks[s - 1].lemma_.lower() in PLACE_VERBS


# Words for a share of what a verb takes ("captured half of Darayya", "controls most of Idlib").
SHARE_WORDS = frozenset({"half", "part", "parts", "most", "much", "rest", "all", "some", "area", "areas"})


def _place_verb_object(doc: Doc, s: int, e: int) -> bool:
    """Whether the name at tokens s..e is what a verb that takes places acts on, with words
    between them: "patrolling the war-riven Monrovia", "captured half of Darayya".

    Why: spaCy's small model leaves many such names unlabelled or calls them an organisation
    or a person; the parse still says a place was patrolled or captured. Only the object
    phrase may come between verb and name (its article, adjectives or a share of it), so
    "captured a Monrovia businessman" (the name a modifier) is not one."""
    toks = _token_list(doc)
    root = toks[s] if e - s == 1 else doc[s:e].root
    head = root.head
    if head.i >= s or s - head.i > 8:
        return False   # (the verb stands a few words before the name: no parse walk else)
    objects = {"dobj"}
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in SHARE_WORDS:
        root, head = head.head, head.head.head
        objects = {"dobj", "advmod", "npadvmod"}   # "recaptured most of Dilling": "most" an adverb to the parser
    if root.dep_ not in objects or head.pos_ != "VERB" or head.lemma_.lower() not in PLACE_VERBS \
            or head.i >= s or s - head.i > 6:
        return False
    return all(t.dep_ in {"det", "amod", "punct", "compound", "advmod", "npadvmod", "prep", "pobj"}
               or t.i == root.i for t in toks[head.i + 1:s]) and root.i >= s - 2


def _possessed_place_part(doc: Doc, e: int) -> bool:
    """Whether the name ending at token e owns a part of a place ("Grozny's streets",
    "Aleppo's eastern districts"): a person or organisation has no streets or outskirts."""
    toks = _token_list(doc)
    if e + 1 >= len(doc) or toks[e].lower_ not in POSSESSIVES:
        return False
    k = e + 1
    if toks[k].lower_ in place_words().directions and k + 1 < len(doc):
        k += 1
    return toks[k].lower_ in PLACE_PARTS or toks[k].lower_ in PLACE_FOLLOWERS or toks[k].lower_ in PLACE_OFFICES


# A place at least this large (not a county, whose bare name is often a surname) may be read
# as a place in a place slot even when spaCy calls its name a person's ("the attack on Azaz").
SLOT_PERSON_POPULATION = 50_000
# A city this large is a place even where spaCy calls its name a person's, with no cue word.
METROPOLIS_POPULATION = 1_000_000


def _place_slot(doc: Doc, s: int, e: int, label: str, large: bool = False, town: bool = False) -> bool:
    """Whether the syntax puts the known name at tokens s..e where only a place fits, whatever
    spaCy's label: apposed to a place noun ("in the capital Colombo", "Yemen's capital Sanaa",
    "Pakistan's largest city, Karachi"), the object of "of" or "on" after a noun for an assault
    ("the siege on Manbij", "the battle of Aleppo"; for a name spaCy calls a person only when
    `large`, a city of some size: "the attack on Azaz", not "the attack on Trump"), or of
    "on" after a verb of firing or advancing, for a city of some size ("fired on Qamishli",
    not "fired on Smith"), or the
    subject of a passive verb that takes places ("Gibraltar was captured"; for a name spaCy
    calls a person, only a verb whose object is never one: "Kobani was besieged"), or the
    object of an armed group's attack or seizure when `town` (the name is a town's of some
    size: "bandits attacked Dansadau")."""
    toks = _token_list(doc)
    prev = toks[s - 1] if s > 0 else toks[s]
    root = doc[s:e].root
    if s > 0 and prev.is_lower and prev.lower_ in APPOSED_PLACE_NOUNS and (
            (root.dep_ in {"appos", "compound"} and root.head.i < s) or prev.head.i == root.i):
        return True
    if s > 1 and prev.text == "," and root.dep_ in ("appos", "conj") and root.head.i == s - 2 \
            and root.head.lower_ in APPOSED_PLACE_NOUNS and root.head.is_lower:
        return True
    if s > 1 and prev.lower_ in {"of", "on"} and _lemma_of(toks[s - 2]) in assault_nouns() and (label != "PERSON" or large):
        return True
    if s > 1 and prev.lower_ in {"on", "upon"} and _lemma_of(toks[s - 2]) in advance_verbs() and large:
        return True
    if s > 0 and prev.pos_ == "VERB" and _lemma_of(prev) in strike_verbs() and large and root.dep_ == "dobj":
        return True   # "jets struck Sanaa", "missiles hit Kharkiv"; not "struck Smith"
    if s > 0 and prev.pos_ == "VERB" and _lemma_of(prev) in strike_verbs() | PLACE_VERBS | {"take"} \
            and root.dep_ == "dobj" and town and any(c.dep_ == "nsubj" and _armed_group_word(c) for c in prev.children):
        return True   # "bandits attacked Dansadau", "the RSF seized Babanusa", "M23 rebels took Goma":
        # a group's raid falls on a town of any size (a person they attack is named with a noun)
    if s > 2 and prev.lower_ in {"of", "from"} and _distance_before(toks, s - 1):
        return True
    if root.dep_ == "nsubjpass" and root.head.pos_ == "VERB":
        verbs = PLACE_ONLY_VERBS if label == "PERSON" else PLACE_VERBS
        return root.head.lemma_.lower() in verbs
    return False


# Prepositions after which a city's name that is also a famous person's ("Lincoln",
# "Florence") is the city.
CITY_PREPOSITIONS = {"in", "near", "outside", "into", "inside"}
# ... when the city is at least this large.
LISTED_CITY_POPULATION = 100_000


def _listed_city_placed(toks: list[Token], s: int, e: int, senses: list[dict]) -> bool:
    """Whether a name of not_toponyms.txt stands as a sizeable city's: right after "in" or
    "near", and not run on by a capitalised word or a possessive ("stopped the car near
    Lincoln", not "Lincoln's speech" nor "in Lincoln Park")."""
    return s > 0 and toks[s - 1].lower_ in CITY_PREPOSITIONS and bool(senses) and senses[0]["kind"] == "city" \
        and (senses[0]["rank_population"] or 0) >= LISTED_CITY_POPULATION \
        and not (e < len(toks) and (toks[e].text[:1].isupper() or toks[e].lower_ in POSSESSIVES))


def _captured_by_a_group(doc: Doc, s: int, e: int) -> bool:
    """Whether the capitalised name at tokens s..e is what an armed group captured, stormed or
    overran, right after the verb ("the RSF seized Babanusa", "militants overran Boulkessi"), or
    took control of ("JNIM fighters took control of Boni")."""
    toks = _token_list(doc)
    prev = toks[s - 1] if s > 0 else None
    if prev is None or not (prev.pos_ == "VERB" or prev.lower_ == "of"):
        return False   # (asked of every unknown name: the cheap test first)
    root = toks[s] if e - s == 1 else doc[s:e].root
    if prev.lower_ == "of" and root.dep_ == "pobj" and root.head.i == prev.i \
            and prev.head.lower_ == "control" and prev.head.dep_ == "dobj":
        prev = prev.head.head   # "took control of Boni": what the verb took control of
        if _lemma_of(prev) in {"gain", "assume", "wrest", "seize", "take"} and all(t.text[:1].isupper() for t in toks[s:e]):
            return any(c.dep_ == "nsubj" and _armed_group_word(c) for c in prev.children)
        return False
    return prev.pos_ == "VERB" and _lemma_of(prev) in TAKING_VERBS and root.dep_ == "dobj" \
        and root.head.i == prev.i and all(t.text[:1].isupper() for t in toks[s:e]) \
        and any(c.dep_ == "nsubj" and _armed_group_word(c) for c in prev.children)


# Verbs of taking a place by force, whose object an armed group's is a place.
TAKING_VERBS = frozenset({"capture", "recapture", "retake", "seize", "storm", "overrun", "take", "occupy", "besiege",
                          "encircle", "surround", "raid"})


def _armed_group_word(tok: Token) -> bool:
    """Whether a subject names an armed group: a noun of the actor lexicon's armed sectors
    ("gunmen", "rebels", "bandits", "gangs") or a group of actors.csv ("the RSF", "M23")."""
    return tok.lower_ in armed_group_nouns() or normalize_name(tok.text) in armed_group_names()


@functools.lru_cache(maxsize=1)
def armed_group_nouns() -> frozenset[str]:
    """Nouns of agents.csv rows of the non-state armed sectors (rebels, militias, gangs)."""
    return frozenset().union(*(actor_lexicon_words("agents.csv", "noun", sector) for sector in ARMED_GROUP_SECTORS))


@functools.lru_cache(maxsize=1)
def armed_group_names() -> frozenset[str]:
    """Normalised names and aliases of actors.csv groups of the non-state armed sectors."""
    return frozenset(normalize_name(n) for n in _lexicon_names(lambda r: r["sector_code"] in ARMED_GROUP_SECTORS))


# The least population of a town read as the object of an armed group's attack whatever its
# label ("gunmen attacked Mirebalais"): a hamlet's name is as often a person's.
ARMED_TARGET_POPULATION = 5000
# Sectors of the non-state armed (actors' sector codes: rebels, militias, unidentified armed
# groups, criminals).
ARMED_GROUP_SECTORS = ("REB", "PRM", "UAF", "CRM")


def _distance_before(toks: list[Token], k: int) -> bool:
    """Whether the words before token k measure a distance: "11 km", "30 kilometres north",
    "a few miles east". What lies so far from somewhere is a place: "within 11 km of Menbeij"
    names a town however spaCy labels it, as a person or firm is never a distance away."""
    j = k - 1
    if j > 0 and toks[j].is_lower and toks[j].lower_ in place_words().directions:
        j -= 1
    return j > 0 and toks[j].lower_ in KM_PER_UNIT and (toks[j - 1].like_num or toks[j - 1].lower_ in {"few", "several", "some"})


def _lemma_of(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.lower_


@functools.lru_cache(maxsize=1)
def scene_verbs() -> frozenset[str]:
    """Verbs of violent or public acts whose "in X" says where they happened: scene_verbs.txt,
    a data file."""
    return frozenset(read_word_list("scene_verbs.txt"))


@functools.lru_cache(maxsize=1)
def route_nouns() -> frozenset[str]:
    """Nouns for a way or line between places ("the road between X and Y"): route_nouns.txt,
    a data file."""
    return frozenset(read_word_list("route_nouns.txt"))


# First words of the names of physical features that name them after a country or town
# ("Lake Chad", "River Niger", "Mount Kenya"): with the gazetteer lacking the whole name, the
# feature is not the place its second word names.
FEATURE_FIRST_WORDS = {"lake", "river", "mount", "mt"}


@functools.lru_cache(maxsize=1)
def street_words() -> frozenset[str]:
    """Lower-case nouns that make the name before them a street's ("Haifa street"):
    street_words.txt, a data file."""
    return frozenset(read_word_list("street_words.txt"))


@functools.lru_cache(maxsize=1)
def street_prefixes() -> frozenset[str]:
    """First words that make a capitalised name a street's or square's ("Avenida Brasil",
    "Rue de Rivoli"): street_prefixes.txt, a data file."""
    return frozenset(read_word_list("street_prefixes.txt"))


@functools.lru_cache(maxsize=1)
def assault_nouns() -> frozenset[str]:
    """Nouns for an assault on a place, whose object after "of" or "on" is a place ("the siege
    of Manbij"): assault_nouns.txt, a data file."""
    return frozenset(read_word_list("assault_nouns.txt"))


@functools.lru_cache(maxsize=1)
def advance_verbs() -> frozenset[str]:
    """Verbs for firing on or moving against a place, whose object after "on" is a place
    ("fired on Qamishli"): advance_verbs.txt, a data file."""
    return frozenset(read_word_list("advance_verbs.txt"))


@functools.lru_cache(maxsize=1)
def fixed_spelling_countries() -> frozenset[str]:
    """Countries whose places no loose (transliteration) match may reach:
    fixed_spelling_countries.txt, a data file (ISO3 codes)."""
    return frozenset(w.upper() for w in read_word_list("fixed_spelling_countries.txt"))


@functools.lru_cache(maxsize=1)
def strike_verbs() -> frozenset[str]:
    """Verbs of striking whose object right after them, a city of some size, is a place
    ("struck Sanaa"): strike_verbs.txt, a data file."""
    return frozenset(read_word_list("strike_verbs.txt"))


# First words of a saint's name ("St Patrick's" is a church, not the parish of Saint Patrick).
SAINT_WORDS = {"st", "st.", "saint", "ste", "ste.", "sainte"}


def _is_word(tok) -> bool:  # noqa: ANN001 (a spaCy Token)
    """A word of a name: letters, or letters with full stops and joiners ("U.S.", "Calif.", "T&T").

    Why not Token.is_alpha: it is false for "U.S.", the commonest way news names a country."""
    return tok.is_alpha or (any(c.isalpha() for c in tok.text) and all(c.isalpha() or c in ".&'’-" for c in tok.text))


def _is_capitalised(span: Span) -> bool:
    """Whether every word of a name is capitalised (but for particles and possessives)."""
    return _capitalised_at(span.doc, span.start, span.end)


def _capitalised_at(doc: Doc, s: int, e: int) -> bool:
    """_is_capitalised for doc[s:e], without making the Span (the recogniser asks this of
    every candidate name, so it reads the words' kinds made once per doc: see _word_kinds)."""
    kinds, lowers = _word_kinds(doc)
    memo = _WORD_KINDS[0][3]   # (the same span is asked several times per candidate)
    got = memo.get((s, e))
    if got is not None:
        return got
    got = memo[(s, e)] = _capitalised_kinds(kinds, lowers, s, e)
    return got


def _capitalised_kinds(kinds: list[int], lowers: list[str], s: int, e: int) -> bool:
    """_capitalised_at, from the words' kinds."""
    idx = [k for k in range(s, e) if kinds[k]]
    if len(idx) > 1 and lowers[idx[0]] in NAME_ARTICLES_LOWER:
        idx = idx[1:]
    if not idx or kinds[idx[0]] != CAPITAL_WORD:
        return False
    odd = [k for k in idx if kinds[k] == OTHER_WORD]
    # (a lower-case word between hyphens: "Barrow-in-Furness", "Stoke-on-Trent")
    return all(s < k < e - 1 and lowers[k - 1] == "-" and lowers[k + 1] == "-" for k in odd)


# Kinds of token for _capitalised_at: no word (or a possessive), a capitalised word, a word a
# name may hold in lower case (a particle, "of"), another word.
NO_WORD, CAPITAL_WORD, INNER_WORD, OTHER_WORD = 0, 1, 2, 3
NAME_ARTICLES_LOWER = frozenset({"al", "el", "ad", "ar", "as", "az", "ash", "at", "an", "ez"})
_WORD_KINDS: list[tuple[Doc, list[int], list[str], dict[tuple[int, int], bool]]] = []


def _word_kinds(doc: Doc) -> tuple[list[int], list[str]]:
    """Each token's kind (see NO_WORD ...) and lower-case text, made once for the latest doc."""
    if not (_WORD_KINDS and _WORD_KINDS[0][0] is doc):
        inner = _inner_words()
        lowers = [t.lower_ for t in _token_list(doc)]
        kinds = [NO_WORD if not _is_word(t) or low in POSSESSIVES else CAPITAL_WORD if t.text[0].isupper()
                 else INNER_WORD if low in inner else OTHER_WORD for t, low in zip(_token_list(doc), lowers)]
        _WORD_KINDS[:] = [(doc, kinds, lowers, {})]
    return _WORD_KINDS[0][1], _WORD_KINDS[0][2]


@functools.lru_cache(maxsize=1)
def _inner_words() -> frozenset[str]:
    """Lower-case words a capitalised name may hold: its particles ("de", "al") and "of"."""
    return place_words().particles | {"of"}


_DOC_PARTS: list[tuple[Doc, list[Token], list[Span]]] = []


def _doc_parts(doc: Doc) -> tuple[list[Token], list[Span]]:
    """The doc's tokens and entities as lists, made once per doc: indexing a list is far
    cheaper than making a Token for every doc[i], and each read of doc.ents makes its Spans
    anew. Only the latest doc is kept, and find_places starts afresh, so a doc whose entities
    were edited between two calls is read as it now is."""
    if not (_DOC_PARTS and _DOC_PARTS[0][0] is doc):
        _DOC_PARTS[:] = [(doc, list(doc), list(doc.ents))]
    return _DOC_PARTS[0][1], _DOC_PARTS[0][2]


def _token_list(doc: Doc) -> list[Token]:
    """The doc's tokens as a list (see _doc_parts)."""
    if _DOC_PARTS and _DOC_PARTS[0][0] is doc:   # (called very often: the check inlined)
        return _DOC_PARTS[0][1]
    return _doc_parts(doc)[0]


def _entities(doc: Doc) -> list[Span]:
    """The doc's entities as a list (see _doc_parts)."""
    return _doc_parts(doc)[1]


def _candidate_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """(start token, end token, source) for every span worth looking up; may overlap."""
    toks = _token_list(doc)
    spans: list[tuple[int, int, str]] = []
    in_ent = [False] * len(doc)
    for ent in _entities(doc):
        for i in range(ent.start, ent.end):
            in_ent[i] = True
        s, e = _trim(doc, ent.start, ent.end)
        # "north west London": a lower-case direction spaCy took into the entity is not part
        # of the name (the direction cues read it before the name)
        while s < e - 1 and toks[s].is_lower and toks[s].lower_ in place_words().directions:
            s += 1
        if s >= e:
            continue
        if ent.label_ in PLACE_LABELS and toks[e - 1].lower_ == "of" and e < len(doc) and toks[e].text[:1].isupper() \
                and e - s >= 2 and toks[e - 2].lower_ not in OF_KIND:   # (not a region's "City of")
            # "the Strait of" + "Hormuz" (a PERSON to spaCy): a place name cut at its "of"
            # runs on over the name after it
            nxt = next((x for x in doc.ents if x.start == e), None)
            e = nxt.end if nxt is not None else _name_end(toks, e, ent.sent.end, place_words(),
                                                          [_name_word(t, place_words()) if k >= e else False
                                                           for k, t in enumerate(toks)])
        # "Oakland, Calif." and "Horry County, SC" hold two toponyms; "Bosnia and Herzegovina"
        # is offered whole (kept only if the gazetteer knows it) and in its parts
        cut = [i for i in range(s, e) if toks[i].text in {",", "(", ")"}
               or (toks[i].lower_ in {"and", "&"} and s < i < e - 1 and toks[i + 1].text[:1].isupper())]
        bounds = [s, *[c + 1 for c in cut]]
        ends = [*cut, e]
        # the parts of a name split at "and" carry no label of their own: spaCy labelled the
        # whole ("the Republic and Northern Trust area"), and each part must earn its reading
        label = "" if any(toks[c].lower_ in {"and", "&"} for c in cut) else ent.label_
        for bs, be in zip(bounds, ends):
            bs, be = _trim(doc, bs, be)
            if bs < be:
                spans.append((bs, be, label))
        if cut:
            # "Washington, D.C." is one place: offered whole too, kept only when the gazetteer
            # knows the whole name (the "joined" path looks it up exactly)
            spans.append((s, e, "joined"))
    # "St. Peter's Basilica", "Brooklyn's Barclays Center": a name, its possessive and a site
    # word name the site, whatever spaCy's entity bounds
    for s, e, _label in list(spans):
        j = e + 1
        if e < len(doc) and toks[e].lower_ in POSSESSIVES:
            while j < len(doc) and j - e <= 4 and toks[j].text[:1].isupper() and _is_word(toks[j]):
                if toks[j].lower_ in FACILITY_WORDS:
                    spans.append((s, j + 1, "FAC"))
                    break
                j += 1
    # ... and when spaCy splits it into two entities around the comma, or into two entities
    # side by side ("Baja" + "California", "New" + "York City")
    ents = _entities(doc)
    for a, b in zip(ents, ents[1:]):
        if (b.start == a.end + 1 and toks[a.end].text == ",") or b.start == a.end:
            s, e = _trim(doc, a.start, b.end)
            if s < e:
                spans.append((s, e, "joined"))
    # "Avenue Habib Bourguiba": a street word before a name spaCy labelled names the street
    for ent in ents:
        before = toks[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_ in street_prefixes() and before.text[:1].isupper():
            spans.append((ent.start - 1, ent.end, "FAC"))
    # capitalised runs outside entities (proper nouns spaCy did not label), joined across a
    # name particle ("Rio de Janeiro", "Dar es Salaam", "Marj al Zawiyah")
    joining = place_words().joining_particles
    ent_end_at = {ent.start: ent.end for ent in ents}

    n = len(toks)
    caps = [t.is_alpha and t.text[0].isupper() for t in toks]
    free_caps = [caps[k] and not in_ent[k] for k in range(n)]

    def capitalised(k: int) -> bool:
        return k < n and free_caps[k]
    i = 0
    while i < n:
        if not free_caps[i]:
            i += 1
            continue
        j = i
        while j < n and not in_ent[j] and (
                caps[j]
                or (toks[j].text == "-" and j + 1 < n and toks[j + 1].text[:1].isupper())
                or (toks[j].lower_ in {"al", "el"} and j + 1 < n and toks[j + 1].text == "-")
                or (j > i and toks[j].text in joining and capitalised(j + 1))):
            j += 1
        if j - i == 1 and toks[i].is_stop and not toks[i].is_upper:
            pass   # "The", "He", "In": a capitalised stop word alone names no place ("US" may)
        elif j - i <= 5:
            spans.append((i, j, ""))
            if j - i > 1 and toks[i].is_stop and toks[i].is_sent_start:
                spans.append((i + 1, j, ""))   # "In Eldoret, ...": a sentence's capitalised first word
            if j < len(doc) and j in ent_end_at and toks[j - 1].whitespace_ \
                    and all(toks[k].pos_ == "PROPN" and not toks[k].is_stop for k in range(i, j)):
                # "Dera" + "Ismail Khan" (a PERSON to spaCy): offered whole too, kept only when
                # the gazetteer knows the whole name ("Dera Ismail Khan"), without a possessive
                # the entity took in ("Dera Ismail Khan's Kulachi tehsil")
                end = ent_end_at[j]
                while end > j + 1 and toks[end - 1].lower_ in POSSESSIVES:
                    end -= 1
                spans.append((i, end, "joined"))
        i = max(j, i + 1)
    spans += _joined_spans(doc, spans)
    spans += _hyphen_particle_spans(doc, spans)
    spans += _held_by_spans(doc, spans)
    spans += _route_end_spans(doc)
    return spans


# Participles that join a holder's name to a place ("Pakistan-administered Kashmir").
HOLDING_PARTICIPLES = {"administered", "controlled", "held", "occupied"}


def _held_by_spans(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Pakistan-administered Kashmir", "Indian-controlled Kashmir": a name joined to the place
    by a participle of holding names the part held, which the gazetteer may know as a whole
    (aliases.csv); offer the whole span (kept only if the gazetteer knows it)."""
    toks = _token_list(doc)
    out = []
    for s, e, _label in spans:
        if s >= 3 and toks[s - 1].lower_ in HOLDING_PARTICIPLES and toks[s - 2].text == "-" \
                and not toks[s - 2].whitespace_ and not toks[s - 3].whitespace_ and toks[s - 3].text[:1].isupper():
            out.append((s - 3, e, "joined"))
    return out


def _route_end_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """"the Bamenda-Bafoussam road", "the Abuja-Kaduna highway": the two names joined by a
    hyphen before a route noun are the towns at its ends, whatever spaCy labels them (often
    one organisation, "the Abuja-Kaduna"). Offered as places (GPE)."""
    toks = _token_list(doc)
    routes = route_nouns()
    out = []
    for k in range(1, len(doc) - 2):
        if toks[k].text != "-" or toks[k - 1].whitespace_ or toks[k].whitespace_:
            continue
        e = k + 1
        while e < len(doc) and e - k <= 3 and toks[e].is_alpha and toks[e].text[0].isupper():
            e += 1
        if e == k + 1 or e >= len(doc) or toks[e].lower_ not in routes:
            continue
        s = k
        while s > 0 and k - s < 3 and toks[s - 1].is_alpha and toks[s - 1].text[0].isupper():
            s -= 1
        if s < k and toks[k].pos_ != "ADJ" and not all(toks[i].pos_ == "ADJ" for i in range(s, k)):
            out += [(s, k, "GPE"), (k + 1, e, "GPE")]
            # ("the Pan-American highway", "the Trans-Siberian railway": a prefix, no route end)
    return out


def _hyphen_particle_spans(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Croix-des-Bouquets", "Port-au-Prince": spaCy splits a name at its hyphens and often
    labels only the first word; offer the whole name (kept only if the gazetteer knows it)."""
    toks = _token_list(doc)
    particles = place_words().particles
    out = []
    for s, e, _label in spans:
        j = e
        while j + 2 < len(doc) and toks[j].text == "-" and not toks[j - 1].whitespace_ \
                and toks[j + 1].lower_ in particles and toks[j + 2].text == "-" and j + 3 < len(doc) \
                and toks[j + 3].text[:1].isupper():
            j += 4
        if j > e:
            out.append((s, j, "joined"))
    return out


def _joined_spans(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Trinidad and Tobago", "Bosnia and Herzegovina": spaCy often splits a name that holds
    "and"; offer the joined span too (kept only if the gazetteer knows the whole name)."""
    toks = _token_list(doc)
    out = []
    for s, e, label in spans:
        if e + 1 < len(doc) and toks[e].lower_ in {"and", "&"} and toks[e + 1].text[:1].isupper():
            j = e + 1
            while j < len(doc) and j < e + 4 and toks[j].is_alpha and toks[j].text[:1].isupper():
                j += 1
            out.append((s, j, "joined"))
    return out


EMBEDDING_LABELS = {"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "NORP"}
# A city this large at the start of an organisation's name ("Toronto Police Service") is
# almost always the place the organisation is named after.
EMBEDDED_CITY_POPULATION = 100_000


# Last words of a street's name, whose place names name no place the street is in.
STREET_WORDS = {"street", "road", "avenue", "drive", "boulevard", "lane"}


def _embedded_mentions(doc: Doc, gaz: Gazetteer, taken: list[dict]) -> list[dict]:
    """Place names inside organisation, facility and event names ("Washington Post",
    "European Commission", "University of California", "Dubai World Cup", "Air Canada Cargo",
    "HSBC Bank Malta").

    News names institutions after their place, and the gold sets count those names as
    toponyms (GeoWebNews: Embedded_Non_Lit, Coercion). Only unambiguous readings are taken:
    a demonym, or a country, continent, first-level division or large city. At the start of
    the name or after its last "of" any such name counts; elsewhere in the name only a place's
    own name ("Canada" in "DeSmog Canada"), not an alternate name or an alias.
    """
    out = []
    runs = _unlabelled_bodies(doc)
    run_bounds = {(r.start, r.end) for r in runs}
    for ent in _entities(doc) + runs:
        if ent.label_ not in EMBEDDING_LABELS or len(ent) < 2:
            continue
        s, e = _trim(doc, ent.start, ent.end)
        if e - s < 2 or _nickname(doc, s):
            continue   # (nor a person's other name: "a commander known as El Mono")
        if any(not (t["end_tok"] <= s or e <= t["start_tok"]) for t in taken):
            continue
        if doc[e - 1].lower_ in STREET_WORDS and not any(t.text in ("'s", "’s") for t in doc[s:e]):
            continue   # "14 Riverside Drive" in Nairobi, "Baghdad Street" in Damascus: a street's name
            # (not "Harare's Third Street": the city's)
        tail = _located_tail(doc, gaz, s, e)
        if tail is not None:
            out.append(tail)
            e = tail["start_tok"] - 1   # (the name before "in" is looked at as any name is)
            if e - s < 2:
                continue
        tries = [(s, s + n) for n in range(min(3, e - s - 1), 0, -1)]
        ofs = [i for i in range(s, e - 1) if doc[i].lower_ == "of"]
        if ofs:
            tries = [(ofs[-1] + 1, e)] + tries
        found = None
        for a, b in tries:
            found = _embedded_at(doc, gaz, a, b, ent.label_, main_name=False)
            if found:
                if a == s and doc[e - 1].lower_ in place_words().type_words:
                    # "Bama Local Government Area": a division named after its town, no institution
                    found["in_name"] = False
                found["name_span"] = (s, e)
                out.append(found)
                break
        if found or (ent.start, ent.end) in run_bounds:
            continue   # (an unlabelled run's inner words are a person's as often: "Marjory
            # Stoneman Douglas High School")
        # a town's name between other words of a name that has no word of an institution or
        # a site is a word of a person's name the model took for a body's ("the government of
        # Aung San Suu Kyi": no San, Mali), not "Greater Manchester Police"
        bodily = any(t.lower_ in actor_head_nouns() or t.lower_ in FACILITY_WORDS for t in doc[s:e])
        i = s + 1
        while i < e:
            for j in range(min(e, i + 3), i, -1):
                if j - i == 1 and doc[i].lower_ in place_words().type_words:
                    continue   # "the Philippine Coast Guard": a kind of place, no Coast region
                found = _embedded_at(doc, gaz, i, j, ent.label_, main_name=True)
                if found and j < e and not bodily and not any(
                        p["kind"] in {"country", "continent", "admin1", "feature"} for p in found["senses"][:3]):
                    found = None
                if found:
                    out.append(found)
                    i = j - 1
                    break
                if j - i > 1 and _is_capitalised(doc[i:j]) and all(_is_word(t) for t in doc[i:j]) and any(
                        normalize_name(p["place_name"]) == normalize_name(doc[i:j].text)
                        for p in gaz.lookup_key(normalize_name(doc[i:j].text))):
                    # "Barangay San Isidro": a longer name of many places, whose first word
                    # ("San", a town in Mali) is no place of its own here
                    i = j - 1
                    break
            i += 1
    return out


@functools.lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    """Last words of an institution's or a site's name (actor head nouns and site words)."""
    return actor_head_nouns() | FACILITY_WORDS


def _unlabelled_bodies(doc: Doc) -> list[Span]:
    """Runs of capitalised words spaCy labelled nothing that end in a word for a body or a
    site ("the Seoul Central District Court"), as ORG spans: names of institutions, whose
    place names count as embedded ones."""
    toks = _token_list(doc)
    in_ent = {i for ent in _entities(doc) for i in range(ent.start, ent.end)}
    words = _body_words()
    caps = [t.is_alpha and t.text[:1].isupper() for t in toks]
    out: list[Span] = []
    i, n = 0, len(toks)
    while i < n:
        j = i
        while j < n and caps[j] and j not in in_ent:
            j += 1
        if j - i >= 3 and toks[j - 1].lower_ in words and not toks[i].is_sent_start:
            out.append(Span(doc, i, j, label="ORG"))
        i = max(j, i + 1)
    return out


def _pan_prefixed(doc: Doc, i: int) -> bool:
    """Whether the word at i is joined to a "Pan-" before it ("the Pan-American Highway",
    "Pan-African unity"): of a whole region, no country's."""
    toks = _token_list(doc)
    return i > 1 and toks[i - 1].text == "-" and toks[i - 2].lower_ == "pan" and not toks[i - 2].whitespace_ \
        and not toks[i - 1].whitespace_


def _located_tail(doc: Doc, gaz: Gazetteer, s: int, e: int) -> dict | None:
    """The town or division that ends an entity after "in" ("the Sinaloa Cartel in Culiacán",
    one ORG to the model), as a place of the story, not of the name; or None. Not a country
    ("the UN Mission in South Sudan" is named after it): only a city or a division."""
    k = next((i for i in range(e - 2, s, -1) if doc[i].lower_ == "in"), None)
    if k is None:
        return None
    found = _embedded_at(doc, gaz, k + 1, e, "GPE", main_name=False)
    if found is None or not found["senses"] or found["senses"][0]["kind"] not in {"city", "admin1", "admin2"}:
        return None
    return {**found, "in_name": False}


def _embedded_at(doc: Doc, gaz: Gazetteer, a: int, b: int, label: str, main_name: bool) -> dict | None:
    """The embedded mention doc[a:b] inside an entity labelled `label`, or None (see
    _embedded_mentions and _known_reading)."""
    toks = _token_list(doc)   # (asked for many word runs of every name: no Span made)
    if not _capitalised_at(doc, a, b) or not all(_is_word(t) for t in toks[a:b]) or _pan_prefixed(doc, a):
        return None
    got = _known_reading(gaz, doc_text(doc)[toks[a].idx:toks[b - 1].idx + len(toks[b - 1])], main_name=main_name)
    if not got or (got[1] == "demonym" and label == "NORP"):
        return None
    return {**_mention(doc, a, b, got[1], "embedded", got[0], "exact", None), "in_name": True}


# A word that is itself the main name of a place this large is that place, not a demonym formed
# from a shorter name.
OWN_NAME_MIN_POPULATION = 20_000
# Endings of demonyms and what the place's name ends in instead: "Manitobans" -> "Manitoba",
# "Ontarians" -> "Ontario", "Iowan" -> "Iowa", "Londoners" / "New Yorkers" -> "London", "New York".
# (A bare "-n" is left out: "Boken" is no demonym of Boké.)
DEMONYM_ENDINGS = (("ans", "o"), ("an", "o"), ("ans", "a"), ("an", "a"), ("ians", "ia"), ("ian", "ia"),
                   ("ians", ""), ("ian", ""), ("ers", ""), ("er", ""))


def _derived_demonym(gaz: Gazetteer, key: str) -> dict | None:
    """The place a demonym missing from demonyms.csv is formed from ("Manitobans", "Iowan",
    "Long Islanders"): a country, first-level division or city of EMBEDDED_CITY_POPULATION whose
    own name the word is built on. None for other words ("Rangers", "Victorians" of no place)."""
    if not key or " " in key and not key.split()[-1].endswith(("ers", "er")):
        return None
    if any(normalize_name(p["place_name"]) == key and (p["rank_population"] or 0) >= OWN_NAME_MIN_POPULATION
           for p in gaz.lookup_key(key)[:3]):
        return None   # "Milan" is the city, not the people of Mila; "Kazan" no people of Kazo
    for ending, stem_end in DEMONYM_ENDINGS:
        if not key.endswith(ending) or len(key) - len(ending) < 3:
            continue
        stem = key[:len(key) - len(ending)] + stem_end
        if stem in gaz.stopwords or stem in place_words().directions:
            continue  # "Easter" is no demonym of a region called East
        for p in gaz.lookup_key(stem)[:3]:
            if normalize_name(p["place_name"]) == stem and (
                    p["kind"] in {"country", "admin1"}
                    or (p["kind"] == "city" and (p["rank_population"] or 0) >= EMBEDDED_CITY_POPULATION)):
                return p
    return None


def _known_reading(gaz: Gazetteer, text: str, main_name: bool = False) -> tuple[list[dict], str] | None:
    """(senses, mention kind) when `text` alone clearly names a place: a demonym, or a country,
    continent, first-level division, feature or large city (the test of _embedded_mentions).

    `main_name` keeps only places whose own name it is (not an alternate name or an alias):
    inside a longer name "America" in "Latin America" is no United States, nor "Salt" As Salt."""
    key = normalize_name(text)
    if not key or (key in gaz.stopwords and not (text.isupper() and _is_acronym(text))) \
            or key in place_words().directions:
        return None  # "us" is a pronoun, "US" a country
    if key in gaz.demonyms:
        return [gaz.place(gaz.demonyms[key])], "demonym"
    senses = gaz.lookup_key(key)
    if main_name or (len(key) <= 2 and not text.isupper()):
        # (a two-letter alternate name is no clear name: "Ta" of "Ta Moan Thom" is no Dazhou)
        senses = [p for p in senses if normalize_name(p["place_name"]) == key]
    if _is_acronym(text):
        senses = _acronym_senses(gaz, key, senses, abbreviations=False, dotted="." in text)
    if any(p["kind"] in {"country", "continent", "admin1", "feature"}
           or (p["kind"] == "city" and p["rank_population"] >= EMBEDDED_CITY_POPULATION) for p in senses[:3]):
        return senses, "name"
    return None


def _named_division(gaz: Gazetteer, doc: Doc, i: int, j: int) -> tuple[list[dict], str] | None:
    """(senses, "name") when doc[i:j] is a division's own name with its division word ("Rock
    County" in "the Rock County Sheriff's Office"): a clear name though the division is small."""
    if j - i < 2 or not _division_word(doc[j - 1].lower_):
        return None
    key = normalize_name(doc[i:j].text)
    senses = [p for p in gaz.lookup_key(key) if p["kind"] in {"admin1", "admin2"} and normalize_name(p["place_name"]) == key]
    return (senses, "name") if senses else None


def _inner_mentions(doc: Doc, s: int, e: int, gaz: Gazetteer) -> list[dict]:
    """The places named inside a span spaCy calls a place but the gazetteer does not know
    ("Greece Italy", "Asia-Pacific", "St. Louis Police", "Honolulu Star-Advertiser", "Politics
    Ukraine"): the longest clearly known names, left to right.

    Why: spaCy's small model runs adjacent names together and labels the names of newspapers,
    teams and services GPE; the whole span then resolves to nothing, while its place is plain."""
    out: list[dict] = []
    if not all(_is_word(t) or t.text in {"-", "'s", "’s"} for t in doc[s:e]):
        return []  # "Salt + Smoke" is a restaurant's name, not two words
    i = s
    while i < e:
        for j in range(e, i, -1):
            if not (doc[i].text[:1].isupper() and _is_word(doc[j - 1])):
                continue
            if j < e and doc[j].lower_ in POSSESSIVES:
                continue  # "St George's Chapel" is no parish of Saint George
            if _cut_from_joined_name(doc, i, j, s, e):
                continue  # "San Juan de Lurigancho" is one name: no San Juan, San or Lurigancho
            got = _known_reading(gaz, doc[i:j].text, main_name=i > s) or _named_division(gaz, doc, i, j)
            if got and i > s and doc[i - 1].lower_ in place_words().directions:
                got = None  # "Northern Europe" is no part of Europe's point
            if got:
                out.append(_mention(doc, i, j, got[1], "GPE", got[0], "exact", None))
                i = j
                break
        else:
            i += 1
    covered = {k for m in out for k in range(m["start_tok"], m["end_tok"])}
    if any(k not in covered and doc[k].text[:1].isupper() for k in range(s, e)):
        for m in out:   # "Honolulu Star-Advertiser", "Aden Hashi Ayro": a place in another's name
            m["in_name"] = True
    return out


def _cut_from_joined_name(doc: Doc, i: int, j: int, s: int, e: int) -> bool:
    """Whether doc[i:j] is a piece of a name joined by a particle inside doc[s:e] ("San Juan"
    or "San" of "San Juan de Lurigancho", "Lurigancho" after its "de"): no name of its own."""
    joining = place_words().joining_particles
    if i > s + 1 and doc[i - 1].lower_ in joining and doc[i - 2].text[:1].isupper():
        return True
    k = j
    while k < e and doc[k].text[:1].isupper():
        k += 1
    return k + 1 < e and doc[k].lower_ in joining and doc[k + 1].text[:1].isupper()


# ---------------------------------------------------------------- gazetteer look-ups

# Longest acronym, in letters, that the acronym rule covers ("UK", "DPRK", "MoD", "NATO").
ACRONYM_LETTERS = 4
# Kinds of place an acronym may name without an entry of its own in aliases.csv; a dotted
# one ("N.J.", "Calif.") may also name a first-level division.
ACRONYM_KINDS = {"country", "continent"}


def _is_acronym(text: str) -> bool:
    """Whether a name is written as an acronym: at most ACRONYM_LETTERS letters, two or more of
    them capitals ("UK", "U.S.", "DPRK", "MoD", "NATO", "AI", "IoTX")."""
    letters = text.replace(".", "")
    return letters.isalpha() and 2 <= len(letters) <= ACRONYM_LETTERS and sum(c.isupper() for c in letters) >= 2


@functools.lru_cache(maxsize=1)
def _alias_ids() -> dict[str, frozenset[int]]:
    """Normalised name -> GeoNames ids that aliases.csv gives it (a data file)."""
    out: dict[str, set[int]] = {}
    for r in read_data_csv("aliases.csv"):
        out.setdefault(normalize_name(r["name"]), set()).add(number_field(r, "geonames_id", "aliases.csv"))
    return {k: frozenset(v) for k, v in out.items()}


def _acronym_senses(gaz: Gazetteer, key: str, senses: list[dict], abbreviations: bool = True,
                    dotted: bool = False) -> list[dict]:
    """The senses an acronym may have: those aliases.csv gives it ("NYC", "D.C."), countries and
    continents ("UK", "DPRK"), first-level divisions if it is `dotted` ("N.J."), and the divisions that
    admin1_abbreviations.csv gives it ("WA", "B.C.") when `abbreviations` is true (spaCy called it
    a place: "GA" and "ID" are more often other things).

    Why: GeoNames holds thousands of two- to four-letter town names ("Ai", "Maud", "Nato",
    "Bath" as "BA"), and news acronyms are organisations, ministries and technologies
    ("AI", "MoD", "NATO") far more often than such towns."""
    ids = _alias_ids().get(key, frozenset())
    out = [p for p in senses if p["geonames_id"] in ids or p["kind"] in ACRONYM_KINDS
           or (dotted and p["kind"] == "admin1")]
    seen = {p["geonames_id"] for p in out}
    for code in (gaz.abbreviations.get(key, []) if abbreviations else []):
        a = gaz.admin1(code)
        if a and a["geonames_id"] not in seen:
            out.append(a)
            seen.add(a["geonames_id"])
    return out


def _list_closer(toks: list[Token], j: int) -> str | None:
    """Kind said by a plural generic word that closes a list of names ("Jackson and Jennings
    counties", "Idlib and Hama provinces"), read from token j, just after one of the names.

    The plural heads every name of the list, not only the last, so each is the division. A
    plural straight after a name that no list leads to ("the Kennedy counties") says nothing."""
    if j >= len(toks) or (toks[j].lower_ not in LIST_JOINERS and toks[j].lower_ not in ADMIN_PLURALS):
        return None
    k = j
    while k < len(toks) and k - j < LIST_SPAN and (toks[k].lower_ in LIST_JOINERS or toks[k].text[:1].isupper()
                                                   or toks[k].text in {"-", "'"}):
        k += 1
    kind = ADMIN_PLURALS.get(toks[k].lower_) if k < len(toks) else None
    if kind is None or k == j and not (j > 1 and toks[j - 2].lower_ in LIST_JOINERS):
        return None   # the last name of the list must follow a joiner itself
    return kind


def _listed_divisions(toks: list[Token], end: int, senses: list[dict]) -> list[dict]:
    """Only the divisions among a name's senses when a plural division word closes the list it
    is in: "Jackson and Jennings counties" are counties, not the towns of those names, as
    "Jackson County" would be (where the whole name is looked up)."""
    if not senses or _list_closer(toks, end) is None:
        return senses
    return [p for p in senses if p["kind"] in {"admin1", "admin2"}] or senses


def _generic_suffix(doc: Doc, end: int, words: list[str]) -> tuple[list[str], str | None]:
    """Split a trailing generic word ("province") off the name, or read it after the span."""
    toks = _token_list(doc)
    if words and words[-1] in MULTI_WORD_LAST:   # "Tsafe Local Government Area" (a hot path: most names skip this)
        for suffix, kind in MULTI_WORD_SUFFIX.items():
            n = len(suffix)
            if len(words) > n and tuple(words[-n:]) == suffix:
                return words[:-n], kind
    if len(words) > 1 and words[-1] in ADMIN_SUFFIX:
        return words[:-1], ADMIN_SUFFIX[words[-1]]
    if end < len(doc) and toks[end].lower_ in ADMIN_SUFFIX:
        return words, ADMIN_SUFFIX[toks[end].lower_]
    kind = _list_closer(toks, end)
    if kind is not None:
        return words, kind
    if len(words) > 2 and words[0] in {"city", "province", "state", "county", "district"} and words[1] == "of":
        return words[2:], ADMIN_SUFFIX.get(words[0])
    return words, None


COUNTY_PREFIXES = {"co", "co."}


def _county_prefix(toks: list[Token], s: int, e: int) -> bool:
    """Whether doc[s:e] is Ireland's "Co." before a county's name ("Dungarvan, Co. Waterford"),
    not Colorado's abbreviation."""
    k = e + 1 if e < len(toks) and toks[e].text == "." else e
    return e - s == 1 and toks[s].lower_ in COUNTY_PREFIXES and k < len(toks) and toks[k].text[:1].isupper() \
        and toks[k].is_alpha


def _full_name(toks: list[Token], start: int, end: int, key: str, words: list[str], hint: str | None) -> str:
    """The name as GeoNames may hold it whole, looked up before the bare name: with the division
    word that follows it ("the Moscow region", "the Kyiv region": GeoNames knows "Moscow Region"
    as the oblast around the capital, which the bare name would give up for the city), or
    with Ireland's "Co." spelt out ("Co. Donegal", "Co Galway": County Donegal). Otherwise the
    name as it is."""
    if hint in ("admin1", "admin2") and end < len(toks) and words == key.split() \
            and toks[end].lower_ in ADMIN_SUFFIX:
        return f"{key} {toks[end].lower_}"
    if len(words) > 1 and words[0] == "co" and toks[start].lower_ in COUNTY_PREFIXES:
        return "county " + " ".join(words[1:])
    if start > 0 and toks[start - 1].lower_ in COUNTY_PREFIXES and toks[start - 1].text[:1] == "C":
        return "county " + key
    return key


def _strip_articles(key: str) -> str:
    words = key.split()
    return " ".join(w for w in words if w not in {"al", "el", "ad", "ar", "as", "az", "ez", "ash", "at", "an"}) or key


def _senses(gaz: Gazetteer, text: str, hint: str | None, fuzzy: bool,
            full: str | None = None, strip: bool = True, min_ratio: int = FUZZY_RATIO) -> tuple[list[dict], str]:
    """_looked_up, remembered per gazetteer: the same names (countries, capitals, the story's
    towns) come back in article after article, and a loose look-up costs a scan."""
    if not (_SENSES_MEMO and _SENSES_MEMO[0][0] is gaz) or len(_SENSES_MEMO[0][1]) >= SENSES_MEMO_SIZE:
        _SENSES_MEMO[:] = [(gaz, {})]   # (only the latest gazetteer's, as _DOC_PARTS keeps the latest doc's)
    memo = _SENSES_MEMO[0][1]
    key = (text, hint, fuzzy, full, strip, min_ratio)
    got = memo.get(key)
    if got is None:
        got = memo[key] = _looked_up(gaz, text, hint, fuzzy, full, strip, min_ratio)
    return list(got[0]), got[1]


# Names whose senses are remembered at once (see _senses); the memory is emptied when full.
SENSES_MEMO_SIZE = 50_000
_SENSES_MEMO: list[tuple[Gazetteer, dict]] = []


def _looked_up(gaz: Gazetteer, text: str, hint: str | None, fuzzy: bool,
               full: str | None = None, strip: bool = True, min_ratio: int = FUZZY_RATIO) -> tuple[list[dict], str]:
    """Gazetteer senses of a name and how they were found ("exact", "suffix", "fuzzy" or "").

    `full` is the name with its generic word ("Quebec City", "Kansas City") when `text` has it
    split off: a place whose own name includes the word is looked up first.
    `fuzzy` is false for names without an entity label, whose stoplisted words are skipped.
    `strip` false looks the name up only as written, keeping its Arabic article ("al-Tanf").
    `min_ratio` is the string similarity (0-100) a loose match needs; above FUZZY_RATIO only the
    closest spellings are kept.
    """
    if full and full != text:
        found = gaz.lookup_key(normalize_name(full))
        if found:
            return found, "exact"
    key = normalize_name(text)
    if not key or key in gaz.stopwords and hint is None and not fuzzy:
        return [], ""
    found = gaz.lookup_key(key)
    compass = re.fullmatch(r"(north|south)(east|west)", key)
    if compass:
        # "the Northwest region" is Cameroon's North-West as much as any "Northwest"
        seen = {p["geonames_id"] for p in found}
        found = found + [p for p in gaz.lookup_key(f"{compass[1]} {compass[2]}") if p["geonames_id"] not in seen]
    if found and hint in ("admin1", "admin2") and not any(p["kind"] in ("admin1", "admin2") for p in found):
        # "in Puncak regency": the division whose own name holds its kind word ("Kabupaten
        # Puncak"), beside the town of the bare name (a Puncak in West Java)
        seen = {p["geonames_id"] for p in found}
        found = [p for p in _named_with_kind(gaz, key, hint) if p["geonames_id"] not in seen] + found
    if found:
        return found + _near_spellings(gaz, key, found), "exact"
    alt = _strip_articles(key)
    if alt != key and strip:
        found = gaz.lookup_key(alt)
        if found:   # ("Al Kufra": the villages of "Kufra", and Libya's Al Kufrah)
            return found + _near_spellings(gaz, alt, found), "exact"
    if hint in ("admin1", "admin2"):
        # "in Kurram district": a division whose own name in the gazetteer holds its kind
        # word ("Kurram District"), before any loose spelling (Tunisia's Le Kram)
        found = _named_with_kind(gaz, key, hint)
        if found:
            return found, "exact"
    if not fuzzy:
        return [], ""
    if len(key) < 5:
        found = _named_with_kind(gaz, key, None) if hint is None else []
        return found, ("exact" if found else "")
    if min_ratio > FUZZY_RATIO:
        # a strict match takes the closest spellings among all the skeleton's places, not the
        # largest places that pass: "Ash Shaddadi" is Ash Shaddadah, not the larger Shahdad
        scored = [(max((fuzz.ratio(_strip_articles(k), alt) for k in gaz.names_of(p["geonames_id"])), default=0), p)
                  for p in _transliterable(gaz.lookup_skeleton(text)[:STRICT_SKELETON_CANDIDATES])]
        top = max((r for r, _ in scored), default=0)
        out = [p for r, p in scored if r >= min_ratio and r >= top - 3]
    else:
        out = []
        for p in _transliterable(gaz.lookup_skeleton(text)[:20]):
            best = max((_loose_ratio(_strip_articles(k), alt) for k in gaz.names_of(p["geonames_id"])), default=0)
            if best >= min_ratio:
                out.append(p)
    if out:
        return out, "fuzzy"
    # "in Kurram": with no loose spelling either, a division named with its kind word
    found = _named_with_kind(gaz, key, None) if hint is None else []
    return found, ("exact" if found else "")


def _named_with_kind(gaz: Gazetteer, key: str, hint: str | None) -> list[dict]:
    """The divisions whose gazetteer name is `key` and a kind word of `hint` (any division's
    kind word when None): GeoNames names many districts so ("Kurram District", "Nowshera
    District"), which news writes with the word apart or without it."""
    for word, kind in ADMIN_SUFFIX.items():
        if kind == hint or (hint is None and kind in ("admin1", "admin2")):
            found = [p for p in gaz.lookup_key(f"{key} {word}") if p["kind"] in ("admin1", "admin2")]
            if found:
                return found
    return []


# A name whose every exact sense is a village below this size ("Kufra": a Turkish village of
# 5,510) also reads as a division, or a town at least NEAR_SPELLING_FACTOR times larger, whose
# name differs only by a final "h" (GeoNames spells the Libyan district Al Kufrah; "Misratah"
# and "Misrata"): the Arabic feminine ending is transliterated both ways, and the article's
# places decide between the readings.
NEAR_SPELLING_VILLAGE = 10_000
NEAR_SPELLING_FACTOR = 10


def _near_spellings(gaz: Gazetteer, key: str, exact: list[dict]) -> list[dict]:
    """Divisions and larger towns spelled as a name known exactly only as villages, but for a
    final "h"."""
    if len(key) < 5 or any(p["kind"] != "city" or (p["rank_population"] or 0) >= NEAR_SPELLING_VILLAGE
                           for p in exact):
        return []
    floor = max(NEAR_SPELLING_FACTOR * max((p["rank_population"] or 0) for p in exact), NEAR_SPELLING_VILLAGE)
    ids = {p["geonames_id"] for p in exact}
    alt = _strip_articles(key)
    variants = {alt + "h", alt[:-1] if alt.endswith("h") else None}
    return [p for p in _transliterable(gaz.lookup_skeleton(key)[:20])
            if p["geonames_id"] not in ids
            and (p["kind"] in {"admin1", "admin2"} or (p["kind"] == "city" and (p["rank_population"] or 0) >= floor))
            and any(_strip_articles(k) in variants for k in gaz.names_of(p["geonames_id"]))]


def _transliterable(places: list[dict]) -> list[dict]:
    """The places a loose match may reach: none of a country whose names news spells as
    written at home (fixed_spelling_countries), where a near spelling is another place."""
    fixed = fixed_spelling_countries()
    return [p for p in places if p["country_code"] not in fixed]


# How alike the names of a town and its first-level division must be (0-100) for "<town>
# Governorate" to name the division ("As-Suwayda" and "As Suwayda'").
SEAT_NAME_RATIO = 80


def _seat_divisions(gaz: Gazetteer, senses: list[dict], hint: str | None) -> list[dict]:
    """The senses of a name said to be a first-level division ("the Al-Sweida Governorate"),
    with the division named like a town first when the gazetteer knows the spelling only for
    the town: GeoNames often lists the news spelling ("Sweida") for the town alone."""
    if hint != "admin1" or not senses or any(p["kind"] == "admin1" for p in senses):
        return senses
    seats = []
    for p in senses:
        division = gaz.admin1(p["admin1_code"]) if p["kind"] == "city" and p.get("admin1_code") else None
        if division is not None and division not in seats and fuzz.ratio(
                _strip_articles(_without_kind_words(normalize_name(division["place_name"]))),
                _strip_articles(normalize_name(p["place_name"]))) >= SEAT_NAME_RATIO:
            seats.append(division)
    return seats + senses


def _without_kind_words(name: str) -> str:
    """A division's name without the words of its kind ("bryanskaya oblast" -> "bryanskaya"),
    which the news leaves out or translates ("Bryansk region")."""
    words = [w for w in name.split() if w not in place_words().type_words]
    return " ".join(words) or name


def _loose_ratio(name: str, key: str) -> float:
    """String similarity (0-100) of a gazetteer name and a mention for a loose match; 0 when
    one is the other plus a longer ending ("Helmet" is no Helmetta, "Newcomers" no
    Newcomerstown): a transliteration varies letters inside a name, not a whole suffix, while
    a one-letter ending ("Falluja", "Fallujah") is a spelling variant."""
    short, long_ = sorted((name, key), key=len)
    if long_.startswith(short) and len(long_) - len(short) >= 2:
        return 0.0
    return fuzz.ratio(name, key)


# ---------------------------------------------------------------- names the gazetteer may lack

# Longest name a cue takes, in tokens.
MAX_NAME_TOKENS = 6
# Entity labels that are never names of places.
NON_NAME_LABELS = {"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"}
# Labels under which a weak head word ("the Trump camp") does not make a name a place.
ACTOR_LABELS = {"PERSON", "ORG", "NORP"}
# Prepositions after a verb of a violent or public act that say where it happened.
SCENE_PREPS = {"in", "near", "outside"}
# Prepositions before a named site where something happens ("at Brookfield Lakes Elementary School").
FACILITY_PREPS = {"at", "in", "near", "outside", "inside"}
# Parts of speech of the first word of a name ("Instead county ..." is no name).
NAME_POS = {"PROPN", "NOUN", "ADJ", "X"}


def _is_large(p: dict) -> bool:
    """A country, first-level division or feature, or a place of at least DIRECTED_MIN_POPULATION."""
    return p["kind"] in {"country", "continent", "admin1", "feature"} or (p["rank_population"] or 0) >= DIRECTED_MIN_POPULATION


def _name_word(tok: Token, w: PlaceWords) -> bool:
    """A capitalised word of a name, with the apostrophes and hyphens of transliterations
    ("Dara’a", "Al-‘Anbar", "‘Ibta", "al-Adamiyah"), which Token.is_alpha rejects."""
    if tok.is_alpha:
        return tok.text[0].isupper()   # the common case, without the character loop below
    t = tok.text.lstrip("‘'’`")
    if not t or not t[0].isalpha() or not all(c.isalpha() or c in "'’‘-." for c in t):
        return False
    if t[0].isupper():
        return True
    head, _, rest = t.partition("-")
    return head in w.particles and rest.lstrip("‘'’`")[:1].isupper()


def _name_end(doc: "Doc | list[Token]", i: int, limit: int, w: PlaceWords, named: list[bool]) -> int:
    """End token of the name that starts at token i (i itself when none does): capitalised words
    joined by hyphens or lower-case particles ("Marj al Zawiyah", "al - Qaim", "Aynha do Norte").
    `doc` may be the doc's tokens as a list, which is cheaper to index; `named[k]` is
    _name_word of token k, worked out once per doc."""
    if i + 2 < limit and doc[i].lower_ in w.particles and doc[i + 1].text == "-" \
            and not doc[i].whitespace_ and named[i + 2]:
        j = i + 3  # "al - Tanf" as spaCy splits "al-Tanf"
    elif i + 1 < limit and _opening_quote(doc, i) and named[i + 1]:
        j = i + 2  # "‘ Ayn" as spaCy splits "‘Ayn"
    elif i >= limit or not named[i]:
        return i
    else:
        j = i + 1
    while j < limit and j - i < MAX_NAME_TOKENS:
        t = doc[j]
        if named[j]:
            j += 1
        elif ((t.text in {"-", "‘", "’"} and not doc[j - 1].whitespace_) or _opening_quote(doc, j)) \
                and j + 1 < limit and named[j + 1]:
            j += 2
        elif t.lower_ in w.joining_particles and j + 1 < limit and (named[j + 1] or doc[j + 1].text == "-"):
            j += 1
        else:
            break
    return j


# Participles that, with "as", introduce a person's name ("identified as Marcus Hill").
NAMING_PARTICIPLES = {"identified", "named"}

# Marks after which a capital may open a quoted or new clause rather than a name.
CLAUSE_OPENERS = frozenset({'"', "“", "'", "‘", ":", ";", "—", "–", "-"})

# Apostrophes written for an ayn or hamza ("‘Ayn ‘Issa").
AYN_MARKS = frozenset({"‘", "’", "'", "`"})


def _opening_quote(doc: "Doc | list[Token]", i: int) -> bool:
    """Whether token i is an ayn or hamza apostrophe glued to the next word ("‘Ayn ‘Issa")."""
    return doc[i].text in AYN_MARKS and not doc[i].whitespace_


def _apposition_says_place(doc: Doc, j: int, end: int, w: PlaceWords) -> bool:
    """Whether the name ending at token j is followed by an apposition whose head is a place
    word: "Gidan Sule, a small village near Kadarko", "Highfield, a Harare township". The place
    word must end the noun phrase, so "Smith, a town councillor" is no place."""
    toks = _token_list(doc)
    if j >= end or toks[j].text not in {",", ";", "("}:
        return False
    k = j + 1
    if k < end and toks[k].lower_ in {"a", "an", "the"}:
        k += 1
    for _ in range(6):
        if k >= end:
            return False
        t = toks[k]
        if t.is_lower and t.lower_ in w.of_words:
            return k + 1 >= end or (toks[k + 1].pos_ not in {"NOUN", "PROPN"} and toks[k + 1].lower_ not in {"'s", "’s"})
        if t.pos_ in {"ADJ", "NOUN", "PROPN", "NUM"} or t.text == "-" or t.lower_ in w.directions:
            k += 1
            continue
        return False
    return False


def _list_start(doc: Doc, a: int, sent_start: int, w: PlaceWords) -> int:
    """First token of the list of names that the name at token a ends ("Burd and Mujaymir")."""
    toks = _token_list(doc)
    k = a
    while k - 1 > sent_start and a - k < 15 and (toks[k - 1].text in {",", "-"} or toks[k - 1].lower_ in {"and", "or"}
                                                  or _opening_quote(toks, k - 1)
                                                  or toks[k - 1].lower_ in w.joining_particles or _name_word(toks[k - 1], w)):
        k -= 1
    return k


# Words that open a list after a plural place noun ("villages: X, Y", "areas including X").
LIST_OPENERS = {":", "--", "—", "–", "including", "namely", "notably"}


# Words for whom a camp holds, between its name and "camp" ("the Balata refugee camp").
CAMP_KINDS = {"refugee", "refugees", "displacement", "displaced", "idp", "detention", "transit", "migrant"}


# First words after a name that may open "was the scene of" (see _place_cue).
SCENE_OPENERS = {"was", "is", "became", "has", "had", "have"}


def _place_cue(doc: Doc, a: int, j: int, sent: Span, w: PlaceWords, label: str) -> str | None:
    """How the sentence marks the name doc[a:j] as a toponym, whatever the gazetteer says
    ("head", "of", "apposition", "prefix", "direction"), or None.

    Cues: a place-type word after the name ("Buyir village"; capitalised, "Yarmouk Camp"), "was
    the scene of" after it ("Jonglei was the scene of clashes"),
    "<place word> of" before it or before the list it ends ("the villages of Burd and
    Mujaymir"; or a plural place word and a colon, dash or "including": "villages: Demsare,
    Wunamokoh"), an apposition with a place word ("Gidan Sule, a small village near ..."), a
    toponym prefix ("Tal Bizam"), or a direction word after a locative preposition ("in
    eastern Ghouta").
    """
    toks = _token_list(doc)
    nxt = toks[j] if j < sent.end else None
    if nxt is not None and nxt.lower_ in SCENE_OPENERS:   # (looked at only after such a word: cheaper)
        after = [t.lower_ for t in toks[j:min(j + 5, sent.end)]]
        for verb in (["was"], ["is"], ["became"], ["has", "been"], ["had", "been"], ["have", "been"]):
            rest = after[len(verb):] if after[:len(verb)] == verb else []
            if rest[:1] == ["the"]:
                rest = rest[1:]
            if rest[:2] == ["scene", "of"]:
                return "scene"   # "Jonglei was the scene of clashes": only a place is the scene of an act
    if j - a >= 2 and toks[j - 1].lower_ in w.head_capitalised and toks[j - 1].text[:1].isupper() \
            and not (label == "PERSON" and toks[j - 1].lower_ in w.head_capitalised_weak):
        return "head"
    if nxt is not None and nxt.is_lower and label != "NORP" and (
            nxt.lower_ in w.head_strong or (nxt.lower_ in w.head_weak and label not in ACTOR_LABELS)):
        return "head"  # not "the Sikh area": a group's area is no toponym
    if nxt is not None and nxt.lower_ in ("community", "communities") and label != "NORP" \
            and (a == sent.start or toks[a - 1].pos_ in ("ADP", "VERB", "CCONJ") or toks[a - 1].text == ",") \
            and not _people_word(toks[a].lower_):
        return "head"  # "attacked Kurmin Masara community": a village, as West African news names
        # one after a preposition or verb (not "the Eggon community", "a mostly Creole
        # community": people)
    if nxt is not None and nxt.is_lower and label == "NORP" and nxt.lower_ in w.head_strong \
            and j - a == 1:
        return "head"  # "Nwonko village", "Sibaya and Chiri villages": a name spaCy took for a people's
    if nxt is not None and nxt.lower_ in {"and", ","} and label not in {"NORP", "GPE"}:
        # "the Al-Assad and Minyan suburbs", "Sibaya and Chiri villages": a plural place word
        # after a list of names heads each of them
        k = j
        while k < sent.end and k - j < 10 and (toks[k].lower_ in {"and", ",", "or"} or _name_word(toks[k], w)
                                               or toks[k].lower_ in w.joining_particles):
            k += 1
        plural = toks[k].lower_.endswith("s") if k < sent.end else False
        if k < sent.end and not plural and k + 1 < sent.end and toks[k + 1].tag_ == "NNS":
            plural = True   # ("the Alemao and Penha favela complexes": a kind word before a plural)
        if k < sent.end and k > j + 1 and toks[k].is_lower and plural and (
                toks[k].lower_ in w.head_strong or (toks[k].lower_ in w.head_weak and label not in ACTOR_LABELS)):
            return "head"   # not "the Trump and Biden camps"
    if nxt is not None and nxt.is_lower and nxt.lower_ in w.head_weak and label != "NORP" and j + 2 < sent.end \
            and toks[j + 1].lower_ in {"near", "in", "outside"} and toks[j + 2].text[:1].isupper():
        return "head"  # "the Zamzam camp near El Fasher": a site placed by a place, not "the Trump camp"
    if nxt is not None and nxt.is_lower and nxt.lower_ in CAMP_KINDS and j + 1 < sent.end \
            and toks[j + 1].lower_ in {"camp", "camps"} and label != "NORP":
        return "head"  # "the Balata refugee camp", "the Kakuma displacement camp"
    if nxt is not None and nxt.lower_ in {"camp", "camps"} and j + 2 < sent.end and toks[j + 1].lower_ == "for" \
            and toks[j + 2].lower_ in {"displaced", "refugees", "idps", "internally"}:
        return "head"  # "the Zamzam camp for displaced people", whatever spaCy calls Zamzam
    k = _list_start(doc, a, sent.start, w)
    if k - 2 >= sent.start and toks[k - 1].lower_ == "of" and toks[k - 2].lower_ in w.of_words \
            and (toks[k - 2].is_lower or toks[k - 2].lower_ not in w.of_lower_only):
        return "of"
    if k - 2 >= sent.start and toks[k - 1].lower_ in LIST_OPENERS:
        # "attacked three villages -- Gaya, Fa'a and Zang", "four villages: Demsare, ...",
        # "several communities, including Nyabuluze": a list that a plural place noun opens
        b = k - 2
        while b > sent.start and toks[b].text == "," and k - b < 4:
            b -= 1
        if toks[b].is_lower and toks[b].lower_ in w.of_words and toks[b].lower_.endswith("s"):
            return "list"
    if k - 2 >= sent.start and toks[k - 1].lower_ == "between" and toks[k - 2].lower_ in route_nouns() \
            and label not in {"ORG", "NORP"}:
        return "route"   # "the road between Mopti and Sevare"
    if _apposition_says_place(doc, j, sent.end, w):
        return "apposition"
    if j - a >= 2 and toks[a].lower_ in w.prefixes:
        return "prefix"
    v = a - 1
    while v > sent.start and toks[v].lower_ in {"the", "a"}:
        v -= 1
    if v >= sent.start and toks[v].pos_ == "VERB" and toks[v].lemma_.lower() in PLACE_ONLY_VERBS \
            and label not in {"ORG", "NORP"}:
        return "verb"   # "stormed Jufrah", "shelled Kafr Nabuda"
    if v - 1 >= sent.start and toks[v].lower_ in {"on", "of"} and _lemma_of(toks[v - 1]) in assault_nouns() \
            and (label not in ACTOR_LABELS or (label != "NORP" and nxt is not None and nxt.is_lower
                                                and nxt.lower_ in w.head_weak)):
        # "the assault on Taqsis"; not "the attack on Hamas", a group; but "the assault on the
        # Zamzam camp", whatever the model calls Zamzam: a camp attacked is a place
        return "assault"
    # ("the capital of the region, Bahir Dar, ...": no person is a capital, whatever the model says)
    if a - 2 >= sent.start and toks[a - 1].text == "," and toks[a - 2].is_lower \
            and (toks[a - 2].lower_ in w.of_words or toks[a - 2].lower_ == "capital") \
            and label not in {"ORG", "NORP"} and not (label == "PERSON" and j - a > 1 and not any(
                t.lower_ == "capital" for t in toks[max(sent.start, a - 6):a - 1])) \
            and (nxt is None or nxt.text in {",", ".", ";", ")"}):
        # "in the heart of the capital, Sana, while ...", "the town, Kidal."; not "their
        # community, Michelle Mungall, MLA for ..."
        return "apposed"
    if a - 1 >= sent.start and toks[a - 1].lower_ in SCENE_PREPS and toks[a - 1].dep_ == "prep" \
            and (label not in {"ORG", "NORP"} or (label == "ORG" and _lone_org_word(toks, a, j))) \
            and not (j < sent.end and toks[j].lower_ in POSSESSIVES):
        # "fighters clashed with soldiers on Monday in Shah Wali Kot", and "near" hung on the
        # party fought ("clashed with the insurgents near Mucojo", Mucojo an ORG to spaCy: a
        # lone title-case word no organisation's name says it is one)
        verb = toks[a - 1].head
        if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "pobj" and verb.head.dep_ == "prep":
            verb = verb.head.head
        if verb.pos_ == "VERB" and _lemma_of(verb) in scene_verbs():
            return "scene"
    b = a - 1
    if b > sent.start and toks[b].is_lower and toks[b].lower_ in w.directions:
        b -= 1
        if b >= sent.start and toks[b].lower_ == "the":
            b -= 1
        if b >= sent.start and toks[b].lower_ in LOCATIVE:
            return "direction"
    return None


def _lone_org_word(toks: list[Token], a: int, j: int) -> bool:
    """Whether a name spaCy labelled ORG is one title-case word, which only the label makes an
    organisation ("Mucojo"): not an acronym ("UN") nor an agent noun."""
    return j - a == 1 and toks[a].is_title and toks[a].is_alpha and toks[a].lower_ not in actor_head_nouns()


# Prepositions before an unknown name and the tie words after it that, with a known division
# after them, make the name a place ("in Yelwata in Guma", "near Kasala, Kassala").
SANDWICH_BEFORE = {"in", "at", "near", "outside"}
SANDWICH_TIES = {",", "in", "near", "of"}


def _in_x_in_division(doc: Doc, a: int, j: int, sent: Span, gaz: Gazetteer) -> bool:
    """Whether the unknown name doc[a:j] sits between a locative preposition and a first- or
    second-level division or country it is tied to ("killed 12 villagers in Yelwata in Guma
    local government area", "in Kasala, Kassala State"): a village the gazetteer lacks."""
    toks = _token_list(doc)
    v = a - 1
    while v > sent.start and toks[v].lower_ == "the":
        v -= 1
    if v < sent.start or toks[v].lower_ not in SANDWICH_BEFORE or j >= sent.end or toks[j].text not in SANDWICH_TIES \
            and toks[j].lower_ not in SANDWICH_TIES:
        return False
    k = j + 1
    kinds = {"admin1", "admin2", "country"}
    near = _tie_phrase(doc, k, sent.end, place_words(), False) if toks[j].text == "," else None
    if near is not None and near[1] == "nearby" and near[0] < sent.end:
        # "in Ouro Gueladio, near the town of Dori": a village placed near a town (the nearby
        # ties of place_ties.csv: "near", "outside", "south of", ...)
        k = near[0]
        if k + 2 < sent.end and toks[k].lower_ == "the" and toks[k + 1].lower_ in place_words().of_words \
                and toks[k + 2].lower_ == "of":
            k += 3
        kinds = kinds | {"city"}
    while k < sent.end and toks[k].lower_ == "the":
        k += 1
    for n in (3, 2, 1):
        if k + n > sent.end or not all(t.text[:1].isupper() for t in doc[k:k + n]):
            continue
        key = normalize_name(doc[k:k + n].text)
        words, hint = _generic_suffix(doc, k + n, key.split())
        senses, _how = _senses(gaz, " ".join(words), hint, fuzzy=False, full=key)
        if any(p["kind"] in kinds for p in senses):
            return True
    return False


# Most tokens inside the bracket that locates a place ("(Masisi Territory, Nord-Kivu)").
BRACKET_TOKENS = 10


def _bracketed_division(doc: Doc, j: int, end: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """The names in the bracket after the name ending at token j, when it holds one to three
    comma-separated names, the last of them a known first- or second-level division or country
    ("Thantlang (Chin)", "Kwall (Bassa, Plateau)", "Huwara (Nablus, West Bank)"); else [].

    Why: that is how ACLED's event notes and many wires place a village by its district and
    province, and the village is usually missing from the gazetteer and often read by spaCy
    as a person. An acronym in the bracket ("Sudanese Armed Forces (SAF)") is no place."""
    toks = _token_list(doc)
    if j >= end or toks[j].text != "(":
        return []
    close = next((x for x in range(j + 1, min(end, j + 1 + BRACKET_TOKENS)) if toks[x].text == ")"), None)
    if close is None or close == j + 1:
        return []
    parts: list[list] = [[]]
    for x in range(j + 1, close):
        if doc[x].text == ",":
            parts.append([])
        else:
            parts[-1].append(doc[x])
    if len(parts) > 3 or any(not p or not p[0].text[:1].isupper()
                             or not all(_is_word(t) or t.text in {"-", "'s", "’s"} for t in p) for p in parts):
        return []   # (a possessive inside a name is part of it: "Cox's Bazar")
    last = doc[parts[-1][0].i:parts[-1][-1].i + 1].text
    if last.isupper() and len(last) <= ACRONYM_LETTERS:
        return []
    # the division may be spelled loosely ("Galgaduud" for Galguduud, "Donetska" for Donetska oblast)
    # (or a town's spelling of the division it is the seat of: "Idleb", which the gazetteer
    # has for the city only)
    senses = _seat_divisions(gaz, gaz.lookup_key(normalize_name(last)) or _senses(
        gaz, last, "admin1", fuzzy=True, min_ratio=TRANSLITERATION_RATIO)[0], "admin1")
    if not any(p["kind"] in {"admin1", "admin2", "country"} for p in senses):
        return []
    return [(p[0].i, p[-1].i + 1) for p in parts]


# Capitalised words that do name a date or time (besides months and weekdays; data file).
DATE_NAMES = frozenset(read_word_list("date_names.txt"))


def _misread_name(ent: Span) -> bool:
    """Whether spaCy's date, time or number entity is in fact a capitalised name ("Ma'ardes"
    tagged DATE): no digit, every word capitalised, none a month, weekday or holiday."""
    toks = _token_list(ent.doc)[ent.start:ent.end]   # (no Token made afresh: every entity is asked)
    words = [t for t in toks if any(ch.isalpha() for ch in t.text)]
    return bool(words) and not any(ch.isdigit() for t in toks for ch in t.text) and all(
        t.text[0].isupper() and t.lower_ not in MONTHS and t.lower_ not in WEEKDAYS
        and t.lower_ not in DATE_NAMES for t in words)


# Nouns whose "of" names the group they belong to ("members of", "a faction of"), and
# participles whose "to" does ("linked to", "loyal to").
MEMBER_NOUNS = frozenset({"member", "members", "faction", "factions", "fighters", "militants", "gunmen",
                          "leader", "leaders", "commander", "commanders", "founder", "wing", "cell", "boss",
                          "bosses", "hitmen", "operatives", "affiliates", "remnants"})
GROUP_TIES = frozenset({"linked", "tied", "loyal", "affiliated", "allied", "belonging", "attributed"})


def _group_named(toks: list[Token], s: int) -> bool:
    """Whether the name at token s follows "members of", "a faction of" or "linked to" (and a
    "the" after them): a group's name, not a place's."""
    k = s - 1
    if k >= 0 and toks[k].lower_ == "the":
        k -= 1
    return k >= 1 and ((toks[k].lower_ == "of" and toks[k - 1].lower_ in MEMBER_NOUNS)
                       or (toks[k].lower_ == "to" and toks[k - 1].lower_ in GROUP_TIES))


def _abbreviated_title(tok: Token) -> bool:
    """Whether a word is a person's title written short, in capitals or with a full stop ("ASP",
    "Lt.", "Dr."): before a name it makes a person (a title written out, "Sheikh", "General",
    opens many place names: "Sheikh Maksoud", "General Santos")."""
    return (tok.text.isupper() or tok.text.endswith(".")) and tok.lower_.rstrip(".") in person_titles()


def _cue_mentions(doc: Doc, gaz: Gazetteer) -> list[dict]:
    """Toponyms recognised from the sentence alone (see _place_cue), with the gazetteer's
    senses of the name when it has any (transliterations matched loosely, as for GPEs).

    Why: the gazetteer (cities500) lacks most villages, neighbourhoods, valleys and camps that
    conflict news reports events in, and spaCy's small model often calls them persons or
    organisations. Recognised, they can at least be tied to the place around them. Their names
    are looked up as written, or for transliterations ("Ras al-Ain") by their closest
    spellings only: a loose match of an unknown village is more often a namesake elsewhere in
    the world, and the ties (_tie_unresolved) match loosely only where the text says.
    """
    w = place_words()
    label_at: dict[int, str] = {}
    for ent in _entities(doc):
        if ent.label_ in NON_NAME_LABELS and _misread_name(ent):
            continue   # "the village of Ma'ardes" tagged DATE: a name all the same
        for i in range(ent.start, ent.end):
            label_at[i] = ent.label_
    out = []
    bracketed: set[tuple[int, int]] = set()   # the names of a bracket that locates a name
    toks = _token_list(doc)
    full = doc_text(doc)
    named = [_name_word(t, w) for t in toks]
    # (a name starts with a name word, a particle or an ayn apostrophe: other tokens are passed
    # over without asking _name_end, which this loop would otherwise ask of every token)
    may_start = [named[k] or t.lower_ in w.particles or t.text in AYN_MARKS for k, t in enumerate(toks)]
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            if not may_start[i] and not bracketed:
                i += 1
                continue
            j = _name_end(toks, i, sent.end, w, named)
            # a bracket's part is one name whatever its words ("Cox's Bazar")
            if bracketed:
                j = next((b for a_, b in bracketed if a_ == i and b > j), j)
            if j == i:
                i += 1
                continue
            a = i
            in_bracket = (i, j) in bracketed   # "(West Darfur)": the whole name, stop words and all
            while not in_bracket and a < j and (toks[a].is_stop or toks[a].lower_ in gaz.stopwords) \
                    and toks[a].lower_ not in w.prefixes:
                a += 1
            i = j
            if a >= j or label_at.get(a) in NON_NAME_LABELS:
                continue
            span = toks[a:j]   # (the tokens and text of doc[a:j], without making the Span)
            span_text = full[toks[a].idx:toks[j - 1].idx + len(toks[j - 1].text)]
            key = normalize_name(span_text)
            if not key or (not in_bracket and (key in gaz.stopwords or key in gaz.demonyms
                                               or (span_text.isupper() and len(span_text) <= 3))):
                continue
            if j < sent.end and toks[j].is_lower and toks[j].lower_ in w.type_words \
                    and not _division_word(toks[j].lower_) and _people_word(span_text.lower()):
                continue   # "entered a Yazidi village", "a Kuki-Zo village": whose village, not its name
            # the first word must read as a name ("Instead county ..." is none); later words may
            # not ("Al-Seen" is tagged Al, -, Seen/VERB)
            # (mid-sentence, a capitalised word before a place-type word is a name, whatever
            # the tagger says: "in Kani township, Sagaing region", "Sagaing" read as a verb)
            typed = a > sent.start and toks[a - 1].text not in CLAUSE_OPENERS and j < sent.end \
                and toks[j].is_lower and toks[j].lower_ in w.type_words
            cue = None if span[0].pos_ not in NAME_POS and not _opening_quote(toks, a) and not typed \
                else _place_cue(doc, a, j, sent, w, label_at.get(a, ""))
            if a >= 2 and toks[a - 1].lower_ == "as" and toks[a - 2].lower_ in NAMING_PARTICIPLES:
                cue = None   # "the suspect, identified as Marcus Hill of Southaven": a person
            if (a, j) in bracketed:
                cue = "bracketed"
            elif label_at.get(a) != "NORP" and not (label_at.get(a) == "ORG" and any(
                    t.lower_ in actor_head_nouns() for t in span)) \
                    and not (j - a == 1 and (span[0].lower_ in actor_head_nouns()
                                             or span[0].lemma_.lower() in actor_head_nouns())):
                # "Thantlang (Chin)", or past a place-type word: "Nur Shams camp (Tulkarm)"; not
                # an organisation's name ("Sudanese Armed Forces (Khartoum)") nor a coder's
                # label of people ("Protesters (Kenya)")
                skip = j < sent.end and toks[j].is_lower and toks[j].lower_ in w.type_words
                inside = _bracketed_division(doc, j + skip, sent.end, gaz)
                if inside:
                    cue = cue or "bracket"
                    bracketed.update(inside)
            if cue is None and label_at.get(a) != "NORP" and not (label_at.get(a) == "ORG" and any(
                    t.lower_ in actor_head_nouns() or t.lower_ in FACILITY_WORDS for t in span)) \
                    and _in_x_in_division(doc, a, j, sent, gaz):
                cue = "tied"   # "in Yelwata in Guma local government area", "near Kasala, Kassala State"
            if cue is None:
                continue
            if cue == "head":
                # "Editorial Board Cuyahoga County": the longest known name ending the run
                for a2 in range(a + 1, j - 1):
                    if not toks[a2].text[:1].isupper() or not toks[a2 - 1].whitespace_ \
                            or toks[a2 - 1].lower_ in w.particles:
                        continue   # not inside a name: "Wad al-Noura" holds no "Noura"
                    # (not inside one entity other than a body's: "Lin Ta Lu village", a PERSON
                    # to spaCy, is one name, whose "Ta Lu" is a Vietnamese hamlet; an ORG may run
                    # a body's name into a county's, as in the case above)
                    if toks[a2 - 1].ent_iob_ in ("B", "I") and toks[a2].ent_iob_ == "I" and toks[a2].ent_type_ != "ORG":
                        continue
                    tail = normalize_name(full[toks[a2].idx:toks[j - 1].idx + len(toks[j - 1].text)])
                    if gaz.lookup_key(tail):
                        a, span, key = a2, toks[a2:j], tail
                        break
            words, hint = _generic_suffix(doc, j, key.split())
            senses, how = _senses(gaz, " ".join(words), hint, fuzzy=False, full=key, strip=False)
            if not senses and any(x in ARABIC_ARTICLES for x in words) and len(_strip_articles(key)) >= 6:
                # a transliteration ("Ras al-Ain"): only its closest spellings, as in _mentions
                senses, how = _senses(gaz, " ".join(words), hint, fuzzy=True, full=key,
                                      min_ratio=TRANSLITERATION_RATIO)
            if cue == "bracketed" and j < len(toks) and toks[j].text == ")" and senses:
                # "(Harim, Idleb)": the division, which the bracket's last name is
                senses = [p for p in _seat_divisions(gaz, senses, "admin1")
                          if p["kind"] in {"admin1", "admin2", "country"}] or senses
            if not senses and cue == "bracketed" and j < len(toks) and toks[j].text == ")":
                # the division closing a bracket, spelled loosely ("Galgaduud" for Galguduud),
                # as _bracketed_division accepted it
                loose, loose_how = _senses(gaz, key, "admin1", fuzzy=True, min_ratio=TRANSLITERATION_RATIO)
                loose = [p for p in loose if p["kind"] in {"admin1", "admin2", "country"}]
                if loose:
                    senses, how = loose, loose_how
            if cue == "direction" and senses and not any(_is_large(p) for p in senses):
                continue  # "the eastern Pacific" is no Missouri town
            if not senses and j - a > 1 and _abbreviated_title(toks[a]):
                continue  # "..., ASP Yusuf Adamu said": a titled person ending the list, no place
            senses = _listed_divisions(toks, j, _seat_divisions(gaz, senses, hint))
            out.append(dict(_mention(doc, a, j, "name", "cue", senses, how, hint), cue=cue))
    return out


# ---------------------------------------------------------------- datelines

# An all-capitals name ("TORONTO", "SAN DIEGO", "ST. LOUIS", "TIJUANA & SAN DIEGO").
CAPS_RUN = re.compile(r"\b[A-Z][A-Z.'’\-]*(?![a-z])(?:[ ]+(?:&[ ]+)?[A-Z][A-Z.'’\-]*(?![a-z])){0,4}")
# What follows a dateline's place: a wire agency "(AP)", or (on the same line, within a few
# words: a state, a date) a dash or colon before the story ("CAMP MURRAY, Wash. - ",
# "SOUTH WAZIRISTAN, April 5 (APP):").
DATELINE_AGENCY = re.compile(r"\s*\([^()\n]{2,40}\)")
DATELINE_DASH = re.compile(r"[^\n]{0,40}?(?:\s(?:-{1,2}|–|—)(?=\s)|\):|:\s|--)")
# Fewest letters of a dateline place ("BEIRUT", "JOS"; not "US" or "UK", which acronyms
# cover; a three-letter one must be a large place, see _dateline_mentions).
DATELINE_MIN_LETTERS = 3


def _is_large_place(p: dict) -> bool:
    """A country, first-level division or city of EMBEDDED_CITY_POPULATION or more."""
    return p["kind"] in {"country", "admin1"} or (p["kind"] == "city" and (p["rank_population"] or 0) >= EMBEDDED_CITY_POPULATION)


def _dateline_mentions(doc: Doc, gaz: Gazetteer) -> list[dict]:
    """Places of datelines written in capitals ("BEIRUT (AP) —", "By Nate Raymond. BOSTON
    (Reuters) -", "CAMP MURRAY, Wash. -", "OKLAHOMA CITY The Latest on ...").

    Why: wires print the dateline's place in capitals, which spaCy's model mostly does not
    label (or calls an organisation), and a capitalised word is otherwise taken as a place only
    in a place context. A capitals run at the start of a line or sentence, followed by an
    agency or (on its line) a dash or colon, or on a line of its own start, is a dateline; its
    name must be a country, division or town the gazetteer knows."""
    text = doc_text(doc)
    out = []
    for m in CAPS_RUN.finditer(text):
        run_start, run_end = m.start(), m.end()
        while run_end > run_start and text[run_end - 1] in "-'’":
            run_end -= 1
        before = text[max(0, run_start - 3):run_start]
        line_start = run_start == 0 or text[:run_start].rstrip(" \t").endswith(("\n", ".", "!", "?", "”", '"')) \
            or not text[:run_start].strip()
        after = text[run_end:run_end + 60]
        agency = DATELINE_AGENCY.match(after)
        if not (agency or (line_start and (DATELINE_DASH.match(after) or after[:1] == " " and after[1:2].isupper()))):
            continue
        if before.endswith(("(", "/")):
            continue
        for part in re.finditer(r"[^&]+", text[run_start:run_end]):
            a = run_start + part.start() + (len(part.group()) - len(part.group().lstrip()))
            b = run_start + part.end() - (len(part.group()) - len(part.group().rstrip()))
            name = text[a:b].rstrip(".") if not text[a:b].endswith(("ST.", "FT.", "MT.")) else text[a:b]
            if sum(c.isalpha() for c in name) < DATELINE_MIN_LETTERS:
                continue
            span = doc.char_span(a, a + len(name), alignment_mode="contract")
            if span is None or len(span) == 0:
                continue
            key = normalize_name(span.text)
            senses = [p for p in gaz.lookup_key(key) if p["kind"] in {"country", "admin1", "admin2", "city"}]
            if len(key.replace(" ", "")) <= ACRONYM_LETTERS and not any(_is_large_place(p) for p in senses[:3]):
                continue  # "NATO (North Atlantic Treaty Organization)" is no town in the Philippines
            if senses and key not in gaz.stopwords:
                out.append(_mention(doc, span.start, span.end, "name", "GPE", senses, "exact", None))
                out[-1]["dateline"] = True   # (a short name in capitals here is no acronym: "GOMA")
    return out


# ---------------------------------------------------------------- mentions

# Words before a name that place it whatever else the article says of the name ("in Samos",
# "from Vanni"); "to" and "for" are left out ("according to Lindenwald", "voted for Modi").
PLACING_WORDS = {"in", "at", "near", "from", "into", "outside", "across", "throughout", "inside", "within"}
# A name whose places are this large is kept even when it is also a person's name ("Jordan").
PERSON_NAME_MIN_POPULATION = 100_000


@functools.lru_cache(maxsize=1)
def person_titles() -> frozenset[str]:
    """Titles that make the capitalised name after them a person ("President Buhari", "Dr").

    Read from the actor lexicon (actors_titles.csv, a data file) and the honorifics there."""
    return actor_lexicon_words("actors_titles.csv", "title") | frozenset(read_word_list("person_titles.txt"))


def _person_words(doc: Doc) -> dict[str, list[tuple[int, int]]]:
    """Capitalised words of the names spaCy calls persons in the article, with the entity spans."""
    out: dict[str, list[tuple[int, int]]] = {}
    toks = _token_list(doc)
    for ent in _entities(doc):
        if ent.label_ == "PERSON":
            end = person_end(doc, ent)   # ("Maria Corina" + "Machado": a surname cut off)
            for t in toks[ent.start:end]:
                if t.is_alpha and t.text[:1].isupper() and t.lower_ not in person_titles():
                    out.setdefault(t.text, []).append((ent.start, end))
    return out


@functools.lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Lower-case nouns for people that a name in apposition after them belongs to ("his
    girlfriend Olivia", "her daughter Yulia"): person_nouns.txt, a data file."""
    return frozenset(read_word_list("person_nouns.txt"))


def _person_words_without(doc: Doc, person_words: dict[str, list[tuple[int, int]]],
                          names: "set[str] | dict[str, dict]") -> dict[str, list[tuple[int, int]]]:
    """`person_words` (see _person_words) less the person entities whose whole name is one of
    `names` (normalised): spaCy's person label on a place's own name, repeated, is no witness
    that a person is meant ("entered al-Qaim", "the Knin fortress", both tagged PERSON)."""
    text, toks = doc_text(doc), _token_list(doc)
    named: dict[tuple[int, int], str] = {}   # (each entity's name normalised once)

    def name_of(a: int, b: int) -> str:
        if (a, b) not in named:
            named[(a, b)] = normalize_name(text[toks[a].idx:toks[b - 1].idx + len(toks[b - 1])])
        return named[(a, b)]
    return {w: [(a, b) for a, b in spans if name_of(a, b) not in names]
            for w, spans in person_words.items()}


def _named_as_person(doc: Doc, s: int, e: int, person_words: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether the article names a person with the name doc[s:e]: a title before it ("President
    Buhari", "Mr Nuiry"), a noun for a person before it ("girlfriend Olivia"), an age after it
    ("Millan, 41,"), one of its words
    in a person's name elsewhere ("Yulia Skripal" ... "Yulia was getting better"; "Prime
    Minister Narendra Modi" ... "Modi's cabinet"). A list that holds a person is no cue: spaCy
    calls towns in lists persons ("between Coggeshall and Marks Tey")."""
    toks = _token_list(doc)
    if s > 0 and toks[s - 1].lower_.rstrip(".") in person_titles() and toks[s - 1].text[:1].isupper():
        return True
    if s > 0 and toks[s - 1].is_lower and toks[s - 1].lower_ in person_nouns():
        return True
    if e + 2 < len(doc) and toks[e].text == "," and toks[e + 1].like_num and toks[e + 2].text == "," \
            and toks[e + 1].text.isdigit() and 0 < int(toks[e + 1].text) < 120:
        return True   # "Millan, 41, was shot": a person's age
    root = doc[s:e].root
    if any(c.dep_ == "appos" and c.i >= e and c.lower_ in role_nouns() for c in root.children):
        return True   # "arrested Abu Zubaydah, the network's chief financier, in Karachi"
    # (a person span inside the name is the name's own piece: "the Strait of" + "Hormuz")
    return any(not (a <= s and e <= b) and not (s <= a and b <= e)
               for t in doc[s:e] if t.is_alpha for a, b in person_words.get(t.text, []))


def _after_site(doc: Doc, s: int) -> bool:
    """Whether the name at token s follows a site's name and a comma, as in an address
    ("Percy French Hotel, Ballyjamesduff"; "Ramor Theatre, Virginia")."""
    toks = _token_list(doc)
    return s > 1 and toks[s - 1].text == "," and toks[s - 2].text[:1].isupper() and toks[s - 2].lower_ in FACILITY_WORDS


def _adjectival_direction(doc: Doc, s: int, e: int, key: str) -> bool:
    """Whether a direction word is used as an adjective ("Western partners", "Southern
    influence", "Western Trust"), not as the name of a region ("the West", "the South")."""
    toks = _token_list(doc)
    if key not in place_words().directions:
        return False
    nxt = toks[e] if e < len(doc) else None
    if nxt is not None and nxt.is_lower and _division_word(nxt.lower_) and toks[s].text[:1].isupper() \
            and s > 0 and (toks[s - 1].lower_ == "the" or toks[s - 1].lower_ in POSSESSIVES):
        return False   # "Cameroon's Northwest region", "the Southwest region": a division's name
    before_the = s > 0 and toks[s - 1].lower_ == "the"
    return not before_the or (nxt is not None and nxt.pos_ in {"NOUN", "PROPN"})


def _has_place_head(key: str) -> bool:
    """Whether a name ends in a place-type or site word ("Desire Street", "Trump Tower",
    "Marigny Canal"): such names stay places even when they honour a person."""
    words = key.split()
    return len(words) > 1 and (words[-1] in FACILITY_WORDS or words[-1] in place_words().type_words)


def _inside_known_group(doc: Doc, m: dict) -> bool:
    """Whether a mention lies inside the name of a transnational armed group of the actor
    lexicon (country code IMG: "Islamic State Sahel Province", "Islamic State of Iraq and
    al-Sham", "Islamic State Khorasan Province"): a word of the group's name, not a place of the
    story (no Burkinabe region, no Iraq in a Syrian report, no Turkish town). A body of one
    country keeps the places of its name ("the Syrian Arab Army" says the story is Syria's)."""
    s, e = m["start_tok"], m["end_tok"]
    names, firsts = transnational_group_names(), transnational_group_first_words()
    toks, text = _token_list(doc), doc_text(doc)
    # (the model seldom labels such a name whole: "Islamic" NORP, "Sahel Province" GPE; only
    # a span opening with a name's first word is looked up, as this runs for every mention)
    return any(normalize_name(text[toks[k].idx:toks[j - 1].idx + len(toks[j - 1])]) in names
               for k in range(max(0, s - GROUP_NAME_REACH), s + 1) if toks[k].lower_ in firsts
               for j in range(e, min(len(doc), e + GROUP_NAME_REACH) + 1) if (k, j) != (s, e))


# Words a known group's name may run before or after a place name inside it.
GROUP_NAME_REACH = 4


def _lexicon_names(keep) -> list[str]:
    """The names and aliases of the actor lexicon's rows (actors.csv) that `keep` accepts."""
    return [n.strip() for r in read_csv_rows(ACTOR_DATA / "actors.csv") if keep(r)
            for n in [r["actor_name"], *r["aliases"].split("|")] if n.strip()]


@functools.lru_cache(maxsize=1)
def transnational_group_first_words() -> frozenset[str]:
    """Lower-case first words of those names ("islamic", "al")."""
    return frozenset(n.split()[0].split("-")[0].lower() for n in _lexicon_names(lambda r: r["country_code"] == "IMG"))


@functools.lru_cache(maxsize=1)
def transnational_group_names() -> frozenset[str]:
    """Normalised names and aliases of the actor lexicon's transnational armed groups (IMG)."""
    return frozenset(normalize_name(n) for n in _lexicon_names(lambda r: r["country_code"] == "IMG"))


@functools.lru_cache(maxsize=1)
def organisation_names() -> frozenset[str]:
    """Normalised names and aliases of the groups and organisations of the actor lexicon
    (actors.csv): such a name is the actor, not a small place that shares it."""
    return frozenset(normalize_name(n) for n in _lexicon_names(lambda r: r["actor_kind"] in ("organization", "group")))


@functools.lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """Nouns for one person or their role ("coordinator", "commander"), from the event
    lexicon's data file: an appositive headed by one makes the name before it a person's."""
    return actor_lexicon_words("events_person_nouns.csv", "noun")


@functools.lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Verbs of saying ("said", "told"), from the event lexicon's data file."""
    return actor_lexicon_words("events_reporting_verbs.csv", "lemma")


def _speaks(span: "Span | Token") -> bool:
    """Whether a name (a span, or its one token) is the speaker of a verb of saying, the source
    of "according to" or the owner of a person's kin ("Miranda's son")."""
    root = span if isinstance(span, Token) else span.root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in reporting_verbs():
        return True
    if root.dep_ == "poss" and root.head.lower_ in person_nouns():
        return True   # "Miranda's son": a person's kin
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"


def _said_after(doc: Doc, s: int, e: int) -> bool:
    """Whether a name is the speaker after a verb of saying that ends a quotation ("..., said
    Noma."): a person, as surely as "Noma said"."""
    toks = _token_list(doc)
    return s > 0 and toks[s - 1].lemma_.lower() in reporting_verbs() and toks[s - 1].pos_ == "VERB" \
        and (e == len(doc) or toks[e].is_punct)


def _drop_person_names(doc: Doc, found: list[dict], person_words: dict[str, list[tuple[int, int]]]) -> list[dict]:
    """Mentions without the reading of a large place whose name the article gives a person.

    Why: spaCy's small model labels many unfamiliar surnames and first names GPE ("Nuiry",
    "Yulia", "Buhari"), and GeoNames holds a small village for many of them. The article
    usually names the person in full once ("Yulia Skripal"), which settles the others. A name
    after "in", "at", "from" and the like stays ("the hotspot in Samos"), and so does a name
    ending in a place word ("Desire Street"). `person_words` is _person_words(doc)."""
    out = []
    toks = _token_list(doc)   # (list indexing: this runs for every mention)
    for m in found:
        s, e = m["start_tok"], m["end_tok"]
        big = any(p["kind"] in {"country", "continent", "admin1", "feature"}
                  or (p["rank_population"] or 0) >= PERSON_NAME_MIN_POPULATION for p in m["senses"][:3]) \
            and m["how"] in {"exact", "abbrev"}
        placed = (s > 0 and toks[s - 1].lower_ in PLACING_WORDS) or _has_place_head(m["key"]) or _after_site(doc, s) \
            or (bool(m["senses"]) and _route_end_name(doc, s, e)) \
            or (m["label"] == "FAC" and m["key"].split()[0] in street_prefixes())   # "Avenue Habib Bourguiba"
        # a verb that takes places before the name ("captured Knin") discounts spaCy's person
        # label on the same bare name elsewhere ("the Knin fortress", tagged PERSON): one
        # label repeated is no second witness; a fuller name ("Yulia Skripal") still is
        words = _person_words_without(doc, person_words, {m["key"]}) \
            if _after_place_verb(doc, s) or _place_verb_object(doc, s, e) else person_words
        if m["mention_kind"] == "name" and not big and not placed and _named_as_person(doc, s, e, words):
            continue
        if m["mention_kind"] == "name" and _nickname(doc, s):
            continue   # "Darnell Hayes, 24, known as Montana": a person's other name
        if m["mention_kind"] == "name" and not placed and e < len(toks) and toks[e].ent_type_ == "PERSON" \
                and toks[e].ent_iob_ == "B" and toks[e - 1].whitespace_ and toks[e].text[:1].isupper():
            continue   # "Salvador Bastida García, 46, was killed": a first name the model cut off
        if m["mention_kind"] == "name" and not placed and _speaks(toks[s] if e - s == 1 else doc[s:e]) and not any(
                p["kind"] in {"country", "continent", "admin1"} for p in m["senses"][:1]):
            continue   # "according to Davis", "Tyler said": a town does not speak (a country may)
        if m["mention_kind"] == "name" and (not placed or (s > 0 and toks[s - 1].lower_ == "from" and (
                not m["senses"] or m["how"] == "fuzzy"))) and m["key"] in organisation_names() and not any(
                p["kind"] in {"country", "continent", "admin1"} and normalize_name(p["place_name"]) == m["key"]
                for p in m["senses"][:3]):
            continue   # "jets bombarded Hamas": the group, not Hamm (whose alternate name it is); nor,
            # with no reading of its own, after "from": "retook Mahaas from Al Shabaab"
        out.append(m)
    return out


def _without_foreign_embedded_divisions(mentions: list[dict]) -> list[dict]:
    """Mentions without a first-level division read inside a body's name ("Delta Air Lines")
    of a country nothing else in the article names, in an article whose own places lie in
    another country (at least FOREIGN_TOWN_MIN_EVIDENCE of them): a company's or team's name
    there is no Nigerian state, when the name has a namesake in the article's country (the US
    towns called Delta). A country or a large city inside a name stays ("Air Canada"), and so
    does a division with no such namesake ("Texas Instruments" in an Irish story)."""
    own = Counter(m["place"]["country_code"] for m in mentions if m["place"] and not m.get("in_name")
                  and m["place"].get("country_code"))
    if not own or own.most_common(1)[0][1] < FOREIGN_TOWN_MIN_EVIDENCE:
        return mentions
    home = own.most_common(1)[0][0]
    return [m for m in mentions if not (m.get("in_name") and m["place"] and m["place"]["feature_code"] == "ADM1"
                                        and not own.get(m["place"]["country_code"])
                                        and any(p["country_code"] == home for p in m["senses"]))]


# Most tokens between "from" and "to" for the name after "to" to end a route ("from the
# Stroud roundabout to Cirencester").
ROUTE_SPAN = 8


def _route_end_name(doc: Doc, s: int, e: int) -> bool:
    """Whether the name at tokens s..e ends a from-to route: after "to", with "from" a few words
    before ("the detour from the bypass to Cirencester") or right after it ("heading
    to Cirencester from Swindon")."""
    toks = _token_list(doc)
    if s == 0 or toks[s - 1].lower_ != "to":
        return False
    sent = toks[s].sent
    return any(t.lower_ == "from" for t in toks[max(sent.start, s - ROUTE_SPAN):s - 1]) \
        or (e < sent.end and toks[e].lower_ == "from")


# A road's number: British A, B and M roads ("the A417", "the M4"), US interstates ("I-95").
ROAD_NUMBER = re.compile(r"[AMB]\d{1,4}(?:\(M\))?|I-\d{1,3}")
# Words that, before a number, name a road whatever the context ("Interstate 85", "Route 66").
ROAD_TITLES = {"interstate", "highway", "route", "autobahn", "motorway", "freeway"}
# Words before a road number that say a road is meant ("on the A52", "via the B4070").
ROAD_PREPS = {"on", "along", "via", "off", "onto", "near", "at", "from", "to", "into", "across", "down", "up",
              "beside", "towards", "toward", "closed", "blocked", "shut"}
# Words after a road number that say a road is meant ("the A1 southbound"; not "near": "the
# fighters of the M23 near Goma").
ROAD_AFTER = {"road", "motorway", "carriageway", "junction", "roundabout", "bypass", "slip", "northbound",
              "southbound", "eastbound", "westbound"}


def _road_mentions(doc: Doc) -> list[dict]:
    """Roads named by their numbers ("arrested on the A52 near Bingham", "via the B4070, A46
    and A44", "closed parts of Interstate 85", "crashed on I-95"), as facility mentions:
    the gold sets count them as toponyms, and no gazetteer holds them. A bare number needs a
    road's context (a route preposition, a road word after it, or a road just before it in a
    list), as "the M23" is a rebel group and "an A380" an aircraft. (The text is searched
    first: most articles name no road, and a look at every token costs.)"""
    text = doc_text(doc)
    hits = [m.start() for m in ROAD_SEARCH.finditer(text)]
    if not hits:
        return []
    toks = _token_list(doc)
    at = {t.idx: t.i for t in toks}
    out: list[dict] = []
    last_end = -10
    for c in hits:
        i = at.get(c)
        if i is None:
            continue
        t = toks[i]
        if t.lower_ in ROAD_TITLES and i + 1 < len(toks) and toks[i + 1].text.isdigit():
            out.append(_mention(doc, i, i + 2, "name", "FAC", [], "road", None))
            last_end = i + 2
            continue
        if not ROAD_NUMBER.fullmatch(t.text):
            continue
        k = i - 1 if i > 0 and toks[i - 1].lower_ == "the" else i
        before = toks[k - 1].lower_ if k > 0 else ""
        listed = last_end >= i - 2 and i > 0 and toks[i - 1].lower_ in {",", "and", "or"}
        if before in ROAD_PREPS or listed or (i + 1 < len(toks) and toks[i + 1].lower_ in ROAD_AFTER):
            out.append(_mention(doc, i, i + 1, "name", "FAC", [], "road", None))
            last_end = i + 1
    return out


# Where a road's number or title may start in the text (checked token by token after).
ROAD_SEARCH = re.compile(r"\b(?:[AMB]\d{1,4}\b|I-\d|(?:Interstate|Highway|Route|Autobahn|Motorway|Freeway) \d)")


def _common_noun_opening(doc: Doc, m: dict) -> bool:
    """Whether a name the gazetteer lacks is one common noun capitalised only because it opens
    the sentence ("Shells struck the camp", which the model may label LOC): the tagger reads it
    as a common noun (NN, NNS), and no cue marks it as a place."""
    s, e = m["start_tok"], m["end_tok"]
    return m["mention_kind"] == "name" and not m["senses"] and e - s == 1 and doc[s].is_sent_start \
        and doc[s].tag_ in ("NN", "NNS") and m["how"] != "cue"


def _nickname(doc: Doc, s: int) -> bool:
    """Whether the name at token s is a person's other name: after "known as", "nicknamed" or
    "dubbed" said of a person the model named ("Darnell Hayes, 24, known as Montana"), not of a
    place ("a region known as Donbas")."""
    toks = _token_list(doc)
    if s > 1 and toks[s - 1].lower_ in NICKNAME_ARTICLES:
        s -= 1   # "a commander known as El Mono"
    if s > 1 and toks[s - 1].text in QUOTE_MARKS:
        s -= 1   # 'a leader known as "El Chuy"'
    if s > 1 and toks[s - 1].lower_ in NICKNAME_ARTICLES and toks[s - 2].lower_ in ("as", "nicknamed", "dubbed"):
        s -= 1
    if s > 0 and toks[s - 1].lower_ == "alias":
        return True   # 'Jose Garcia, alias "El Chile"'
    if s < 1 or toks[s - 1].lower_ not in ("as", "nicknamed", "dubbed"):
        return False
    k = s - 1 if s > 0 and toks[s - 1].lower_ != "as" else s - 2
    if k < 0 or not (toks[k].lower_ in ("nicknamed", "dubbed") or (toks[k].lower_ == "known" and s - k == 2)):
        return False
    # (of a person the model named, or of one a role noun names: "a dissident commander")
    return toks[k].dep_ == "acl" and (toks[k].head.ent_type_ == "PERSON" or toks[k].head.lemma_.lower() in role_nouns())


# Quotation marks a nickname may stand in ('known as "El Chuy"').
QUOTE_MARKS = {'"', "“", "'", "‘", "«"}
# Articles a nickname may open with ("El Mono", "La Tuta").
NICKNAME_ARTICLES = {"el", "la", "al", "le", "the"}


def _particle_joined_end(toks: list[Token], s: int, e: int, gaz: Gazetteer) -> int | None:
    """The end of a longer name the gazetteer knows that runs on past a particle and one or two
    capitalised words after the span s..e ("Rio Grande" + "do Sul"), or None. The particles are
    the `known_names` ones of name_particles.csv: Romance particles spaCy's model often ends a
    name before."""
    if e + 3 < len(toks) and toks[e].text == "-" and toks[e + 1].is_lower and toks[e + 1].is_alpha \
            and len(toks[e + 1]) <= 5 and toks[e + 2].text == "-" and toks[e + 3].text[:1].isupper() \
            and toks[e].idx == toks[e - 1].idx + len(toks[e - 1]):
        # "Barrow" + "-in-Furness", "Newcastle" + "-upon-Tyne": a hyphenated name the model cut
        key = normalize_name(" ".join(t.text for t in toks[s:e + 4]))
        if any(normalize_name(p["place_name"]) == key for p in gaz.lookup_key(key)):
            return e + 4
    if e + 1 >= len(toks) or toks[e].lower_ not in place_words().known_name_particles \
            or not toks[e + 1].text[:1].isupper():
        return None
    for end in (e + 3, e + 2):
        if end <= len(toks) and all(t.text[:1].isupper() for t in toks[e + 1:end]):
            key = normalize_name(" ".join(t.text for t in toks[s:end]))
            if any(normalize_name(p["place_name"]) == key for p in gaz.lookup_key(key)):
                return end
    return None


def _mentions(doc: Doc, gaz: Gazetteer) -> list[dict]:
    """Recognised toponym mentions (not yet resolved), sorted and non-overlapping."""
    toks = _token_list(doc)
    found: list[dict] = []
    candidates = _candidate_spans(doc)
    full = doc_text(doc)
    person_words = _person_words(doc)
    for s, e, label in candidates:
        words_here = toks[s:e]   # (list slices: cheaper than iterating a Span)
        if not any(_is_word(t) for t in words_here):
            continue
        if label in NON_NAME_LABELS and not any(t.text[:1].isupper() for t in words_here):
            continue   # "two", "last week": a number or date with no capital names no place
        longer = _particle_joined_end(toks, s, e, gaz)
        if longer:
            e, words_here = longer, toks[s:longer]
        text = full[words_here[0].idx:words_here[-1].idx + len(words_here[-1].text)]   # doc[s:e].text
        key = normalize_name(text)
        if key in NAME_SUFFIXES or (e - s == 1 and key in person_titles()):
            continue  # "Gino D. Bassett, Sr.", "the commissioner, Dr, ...": part of a person's name
        if e - s > 1 and (words_here[0].text[-1:].isupper() or words_here[0].text[-1:] == ".") \
                and _abbreviated_title(toks[s]) and not gaz.lookup_key(key):
            continue  # "ASP Yusuf Adamu said", "Lt. Col. Juan Cruz": a titled person
        if e - s == 1 and key in MONTHS and e < len(toks) and toks[e].like_num:
            continue  # "BRUSSELS, Nov 20 (Reuters)": a month before its day, no town
        if self_named(doc, s, toks):
            continue  # "a group calling itself the Kashmir Resistance": a group's name
        prev = toks[s - 1].lower_ if s > 0 else ""
        prev2 = toks[s - 2].lower_ if s > 1 else ""
        after_comma_place = s > 1 and toks[s - 1].text == "," and any(
            m["end_tok"] == s - 1 for m in found)
        if _pan_prefixed(doc, s):
            continue
        # demonyms ("Iraqi", "South Korean", "Syrians"), but not a division's name that closes a
        # bracketed address ("Jijiga (Fafan, Somali)": Ethiopia's Somali region)
        if key in gaz.demonyms and _capitalised_at(doc, s, e) and not (
                s > 0 and toks[s - 1].text == "," and e < len(toks) and toks[e].text == ")"
                and any(p["kind"] == "admin1" for p in gaz.lookup_key(key))):
            found.append(_mention(doc, s, e, "demonym", label, [gaz.place(gaz.demonyms[key])], "exact", None))
            continue
        # (not a name before a place word: "the Minyan area" names an area, not Minya's people)
        derived = _derived_demonym(gaz, key) if label not in ACTOR_LABELS - {"NORP"} and _capitalised_at(doc, s, e) \
            and not (e < len(doc) and toks[e].lower_ in place_words().type_words) else None
        if derived:
            found.append(_mention(doc, s, e, "demonym", label, [derived], "exact", None))
            continue
        if label == "NORP" or label == "" or label in OVERRULABLE_LABELS:
            # a multi-word NORP/other span may start with a demonym ("Iraqi Kurdish")
            first = normalize_name(toks[s].text)
            if first in gaz.demonyms and _capitalised_at(doc, s, s + 1) and label in {"NORP", ""}:
                found.append(_mention(doc, s, s + 1, "demonym", label, [gaz.place(gaz.demonyms[first])], "exact", None))
                continue
        # state and province abbreviations after a comma ("Oakland, Calif.", "Horry County, SC")
        if key in gaz.abbreviations and (after_comma_place or (s > 0 and toks[s - 1].text == ",")) and e - s <= 4:
            admins = [gaz.admin1(c) for c in gaz.abbreviations[key]]
            admins = [a for a in admins if a]
            # (the tokenizer may split the dot off: "Kingston, Ont." as "Ont" and ".")
            dotted = text.endswith(".") or (e < len(toks) and toks[e].text == "." and not toks[e - 1].whitespace_
                                            and text[:1].isupper())
            if admins and (label in PLACE_LABELS or text.isupper() or dotted) and not _county_prefix(toks, s, e):
                found.append(_mention(doc, s, e, "name", label, admins, "abbrev", None))
                continue
        words, hint = _generic_suffix(doc, e, key.split())
        if hint is None and s > 0 and toks[s - 1].lower_ in COUNTY_PREFIXES and toks[s - 1].text[:1] == "C":
            hint = "admin1"   # "in Co. Donegal": Ireland's counties are its first-level divisions
        # "the eastern city of Santa Cruz" is the city, not the department (a preference among
        # the senses found; it does not loosen the look-up as a generic word after the name does)
        kind_said = OF_KIND.get(prev2) if s > 1 and prev == "of" else None
        if kind_said is None and prev in {"and", ","}:
            # ("the coastal provinces of Latakia and Tartus": the list's kind for each name)
            k = _list_start(doc, s, toks[s].sent.start, place_words())
            if k > 1 and toks[k - 1].lower_ == "of" and toks[k - 2].lower_.endswith("s") \
                    and OF_KIND.get(toks[k - 2].lower_) == "admin1":   # ("districts of" may be a city's)
                kind_said = "admin1"
        # "Farah city": the generic word may be lower case
        name_end = e - 1 if len(words) < len(key.split()) and e - s > 1 and toks[e - 1].lower_ in ADMIN_SUFFIX else e
        if label == "joined":
            senses = [p for p in gaz.lookup_key(key) if p["kind"] in {"country", "admin1", "city", "admin2"}]
            if senses:
                found.append(_mention(doc, s, e, "name", "GPE", senses, "exact", None))
            continue
        if not _capitalised_at(doc, s, name_end):
            continue
        if e < len(doc) and toks[e].is_lower and toks[e].lower_ in street_words():
            # "Haifa street in Baghdad": the street honours a town elsewhere; it is a site
            found.append(_mention(doc, s, e + 1, "name", "FAC", [], "", None))
            continue
        if e + 1 < len(toks) and toks[e].lower_ == "news" and toks[e + 1].lower_ == "agency" \
                and not any(p["kind"] in {"country", "admin1", "continent"} for p in gaz.lookup_key(key)[:1]):
            continue   # "Saba news agency", "the Fars news agency": the agency's name, not a town's
            # (a country's name says whose: "the Yemen news agency")
        if e - s >= 2 and toks[s].lower_ in street_prefixes() and toks[s].text[:1].isupper() \
                and _capitalised_at(doc, s, e):
            # "Avenida Brasil", "Rue de Rivoli": a street or square, not the country or person
            # it is named after
            found.append(_mention(doc, s, e, "name", "FAC", [], "", None))
            continue
        if e - s >= 2 and toks[s].lower_ in FEATURE_FIRST_WORDS and toks[s].text[:1].isupper() \
                and not gaz.lookup_key(key):
            # "Lake Chad", "River Niger": a feature the gazetteer lacks, not the country it names
            found.append(_mention(doc, s, e, "name", "LOC", [], "", None))
            continue
        if toks[s].lower_ in SAINT_WORDS and e < len(doc) and toks[e].lower_ in POSSESSIVES and e - s > 1:
            # "St Patrick's", "St. Mary's": a church or school named after the saint, unless
            # the name with its "s" is a place ("St. John's")
            whole = gaz.lookup_key(normalize_name(doc[s:e + 1].text))
            found.append(_mention(doc, s, e + 1, "name", "FAC" if not whole else label,
                                  whole, "exact" if whole else "", None))
            continue
        if _is_acronym(text):
            senses = _acronym_senses(gaz, key, gaz.lookup_key(key), abbreviations=label in PLACE_LABELS,
                                     dotted="." in text)
            if senses:
                found.append(_mention(doc, s, e, "name", label, senses, "exact", None))
            continue
        is_place_label = label in PLACE_LABELS
        # "Ash Shaddadi", "El Fasher": a name led by an Arabic article is a transliteration, so
        # its spellings are matched loosely as for GPEs (it is still kept only in a place context)
        transliterated = len(words) > 1 and words[0] in ARABIC_ARTICLES and len(_strip_articles(key)) >= 6
        # after "in" or "and <place>", an unlabelled name is a place more often than not, so its
        # spelling is matched as loosely as a GPE's ("in Falluja and Deir Ezzor")
        cued = prev in LOCATIVE or _after_place_verb(doc, s) or (
            prev in {"and", "or", ","} and any(m["end_tok"] == s - 1 and m["senses"] for m in found))
        # "within 11 km of Menbeij": only a place lies a distance away, so even a one-word name
        # is matched loosely there
        measured = s > 2 and prev in {"of", "from"} and _distance_before(toks, s - 1)
        strict = not is_place_label and hint is None and not cued and not measured
        # a generic word licenses a loose match, but not in an organisation's name ("the Interior
        # Department" is no Ontario)
        fuzzy = is_place_label or (hint is not None and label != "ORG") or transliterated or (cued and e - s > 1) \
            or measured
        ratio = TRANSLITERATION_RATIO if strict else FUZZY_RATIO
        whole_name = _full_name(toks, s, e, key, words, hint)
        senses, how = _senses(gaz, " ".join(words), hint, fuzzy=fuzzy, full=whole_name, min_ratio=ratio)
        if whole_name != key and whole_name.startswith(key) and senses:
            # "the Plateaux region" is Togo's by that full name, and Congo's by the bare one:
            # the bare name's readings in the other countries stay for the article to choose
            # among (in the full name's own country, the full name wins: no city of Moscow)
            held = {p["country_iso2"] for p in senses}
            senses = senses + [p for p in _senses(gaz, " ".join(words), hint, fuzzy=fuzzy, full=key, min_ratio=ratio)[0]
                               if p["country_iso2"] not in held]
        senses = _listed_divisions(toks, e, _seat_divisions(gaz, senses, hint))
        if not is_place_label and not senses and label in {"ORG", ""} and prev in FACILITY_PREPS and e - s >= 2 \
                and toks[e - 1].lower_ in FACILITY_WORDS and all(t.text[:1].isupper() for t in toks[s:e] if t.is_alpha) \
                and not any(t.lower_ in POSSESSIVES for t in toks[s:e]) and not _only_generic_words(key, gaz):
            # "arrested at Brookfield Lakes Elementary School", "a gala at the Ramor Theatre": a
            # named site where something happens, which the model took for an organisation
            found.append(_mention(doc, s, e, "name", "FAC", [], "site", None))
            continue
        listed = gaz.lookup_key(key) if not is_place_label and not senses and key in gaz.stopwords else []
        listed_city = bool(listed) and _listed_city_placed(toks, s, e, listed)
        if listed_city:
            senses, how = list(listed), "exact"   # "near Lincoln": the city
        if not is_place_label and not senses and label in {"PERSON", "ORG", ""} and e - s <= 3 \
                and _captured_by_a_group(doc, s, e):
            # "JNIM fighters seized Boulkessi": a town the gazetteer lacks, which an armed group
            # took; no person (spaCy's label), and known by its name only
            found.append(_mention(doc, s, e, "name", "", [], "cue", None))
            continue
        if not is_place_label:
            # (a common word is a place's name before a lower-case division word: "the capital
            # of Unity state")
            if not senses or (key in gaz.stopwords and not listed_city and not (
                    hint is not None and e < len(doc) and toks[e].is_lower and toks[e].lower_ in ADMIN_SUFFIX)):
                continue
            top = senses[0]
            coordinated = prev in {"and", "or", ","} and any(m["end_tok"] == s - 1 for m in found)
            # "the Manbij campaign", "the Abuja home of a minister": a lower-case event or site
            # noun right after "the" and a name says where, as a place word does ("Alfa attack"
            # in a headline does not)
            follows = e < len(doc) and (toks[e].lower_ in PLACE_FOLLOWERS or
                                        (prev == "the" and toks[e].is_lower and toks[e].lower_ in located_nouns())) \
                or _possessed_place_part(doc, e) or (prev == "the" and top["kind"] == "city"
                                                     and (top["rank_population"] or 0) >= SLOT_PERSON_POPULATION
                                                     and _site_noun_follows(doc, e))
            # "in western Palmyra"; not for small towns ("the eastern Pacific" is no Missouri town)
            directed = s > 1 and toks[s - 1].is_lower and prev in place_words().directions \
                and (toks[s - 2].lower_ in LOCATIVE or (toks[s - 2].lower_ == "the" and s > 2 and toks[s - 3].lower_ in LOCATIVE)) \
                and _is_large(top)
            # "in the Sahel", "across the Donbas": a name that heads its phrase after "the" and a
            # locative word (not "in the Trump administration", where a noun follows)
            the_place = prev == "the" and prev2 in LOCATIVE and (e == len(doc) or toks[e].pos_ not in {"NOUN", "PROPN"})
            # "the detour from the bypass to Cirencester": the end of a from-to route
            ranged = label != "PERSON" and _route_end_name(doc, s, e)
            locative = coordinated or _after_site(doc, s) or prev in LOCATIVE or _after_place_verb(doc, s) or ranged \
                or (prev == "of" and _captured_by_a_group(doc, s, e)) \
                or _place_verb_object(doc, s, e) \
                or _place_slot(doc, s, e, label, (top["rank_population"] or 0) >= SLOT_PERSON_POPULATION
                               and top["kind"] != "admin2",
                               how == "exact" and any(p["kind"] == "city" and (p["rank_population"] or 0)
                                                      >= ARMED_TARGET_POPULATION for p in senses[:3])) or the_place \
                or (prev == "of" and (prev2 in PLACE_NOUNS or prev2 in {"inside", "outside", "outskirts"})) \
                or hint is not None \
                or follows or directed \
                or (e < len(doc) and toks[e].text in {",", "("} and e + 1 < len(doc) and _qualifier_key(gaz, doc, e + 1)) \
                or (s > 1 and toks[s - 1].text == "(" and any(m["end_tok"] == s - 1 and m["senses"] for m in found)
                    and (any(p["kind"] in {"country", "admin1"} for p in senses[:3])   # "Kidal (Kidal)"
                         or _district_and_region(toks, s)))   # "Kamianske (Vasylivka, Zaporizhia)"
            if prev in {"and", "or", ","} and not coordinated:
                # "the towns of Khan Touman, Aleis and Alzorba": a list after a place noun
                k = s - 1
                while k > 0 and (toks[k].text == "," or toks[k].lower_ in {"and", "or"} or toks[k].text[:1].isupper()) and s - k < 12:
                    k -= 1
                locative = locative or (toks[k].lower_ == "of" and k > 0 and toks[k - 1].lower_ in PLACE_NOUNS) \
                    or toks[k].lower_ in LOCATIVE  # "between Tabit and El Fasher"
            big = top["kind"] in {"country", "continent"} or (top["kind"] == "admin1" and top["rank_population"] > 300_000)
            # a city of millions is a place whatever spaCy's label or none, unless the article
            # names a person with it or it speaks ("Brisbane will stage the Test", not
            # "Santiago Pena said"), by the city's own name (not "Sadr", a name of Sadr City)
            metropolis = how == "exact" and label in {"", "PERSON"} and any(
                p["kind"] == "city" and (p["rank_population"] or 0) >= METROPOLIS_POPULATION
                and normalize_name(p["place_name"]) == key for p in senses[:2]) \
                and not _named_as_person(doc, s, e, person_words) and not _speaks(doc[s:e])
            if label == "":
                sentence_start = s == 0 or toks[s].is_sent_start
                # a village of unknown size right after "in", "from" or "near" is still a place
                small = top["kind"] == "city" and top["rank_population"] < 1000 and not (
                    prev in STRONG_LOCATIVE and top["rank_population"] == 0)
                short_caps = text.isupper() and len(text) <= 3
                if not (locative or (big and not sentence_start) or metropolis) or small or short_caps \
                        or any(t.pos_ not in {"PROPN", "NOUN", "ADJ", "PUNCT"} for t in words_here):
                    continue
            elif label == "PERSON":
                if not (locative or big or metropolis) \
                        or sum(t.is_alpha and t.lower_ not in {"al", "el"} for t in words_here) > 2:
                    continue
            elif label in {"ORG", "NORP"}:
                if not (locative or big):
                    continue
            else:
                if not locative:
                    continue
        if e - s <= 2 and s + 1 < len(toks) and _people_word(toks[s].lower_) \
                and toks[s + 1].is_lower and toks[s + 1].lower_ in place_words().type_words \
                and not _division_word(toks[s + 1].lower_):
            continue  # "a Fulani village", "a Yazidi village" (tagged GPE): whose village, not its name
        if not senses and is_place_label and e - s > 1 and not _has_place_head(key):
            inner = _inner_mentions(doc, s, e, gaz)
            if inner:
                found.extend(inner)
                continue
        if text.isupper() and how != "exact":
            continue  # "SURGE IN MURALS": spaCy's labels in a capitals headline are guesses
        if not senses and not _has_place_head(key) and _group_named(toks, s):
            continue  # "members of Los Chapitos", "gunmen linked to La Mayiza": a group's name
        if not senses and label == "FAC" and not _has_place_head(key) and prev not in LOCATIVE:
            continue  # "the Easter Vigil", "NC Dinos": a facility names its kind of site
        if not senses and e - s == 1 and key in actor_head_nouns():
            continue  # "Rebels attacked ...": a sentence's first word taken for a place
        if _adjectival_direction(doc, s, e, key):
            continue
        if hint is None and key in ethnic_words() and not any(normalize_name(p["place_name"]) == key for p in senses) \
                and not (prev in ("in", "across", "throughout") and any(p["kind"] == "admin1" for p in senses[:1])
                         and (e >= len(doc) or toks[e].pos_ not in ("NOUN", "PROPN"))):
            continue  # "between Hazara and Pashtun nomads": a people, a place only by an alternate name
            # (not "in Amhara", a division named after its people, with no noun after it)
        found.append(_mention(doc, s, e, "name", label, senses, how, hint or kind_said))
    found = _drop_person_names(doc, found, person_words) + _dateline_mentions(doc, gaz) + _road_mentions(doc)
    # a name the sentence marks as a place does not displace one the gazetteer knows
    # ("Republican Orange County" stays "Orange County"), unless that is a generic word ("Tal")
    known = [m for m in found if m["senses"] and m["key"] not in place_words().prefixes]
    # (a group's name before a place word is the group's site: "a JNIM position")
    cues = [c for c in _cue_mentions(doc, gaz)
            if all(c["end"] <= m["start"] or m["end"] <= c["start"] or _longer_head_name(c, m) for m in known)
            and not (c["key"] in organisation_names() and not any(
                p["kind"] in {"country", "continent", "admin1"} and normalize_name(p["place_name"]) == c["key"]
                for p in c["senses"][:3]))]   # ("a Fano position" in Ethiopia: not Fano in Italy)
    kept = _non_overlapping(found + cues)
    kept = _non_overlapping(kept + _repeated_mentions(doc, kept, candidates, person_words))
    return _non_overlapping(kept + _embedded_mentions(doc, gaz, kept))


def _district_and_region(toks: list[Token], s: int) -> bool:
    """Whether the bracket opened before token s holds only two or three capitalised names
    split by commas ("(Vasylivka, Zaporizhia)"): the ACLED way of giving a place's district
    and region, so its first name is a place whatever spaCy's label."""
    names, k = 1, s
    while k < len(toks) and k - s < 12:
        t = toks[k]
        if t.text == ")":
            return 2 <= names <= 3
        if t.text == ",":
            names += 1
        elif not (t.text[:1].isupper() or t.text in {"-", "'"} or t.lower_ in {"al", "el", "de"}):
            return False
        k += 1
    return False


# Cues that name a place the gazetteer lacks beyond doubt ("the town of Walikale", "Nwonko
# village"): its bare name elsewhere in the article is that place too.
NAMING_CUES = {"of", "head"}


def _named_as_place_of(doc: Doc, s: int) -> bool:
    """Whether the name at token s follows a place noun and "of" ("the besieged city of El
    Fasher", "the town of Walikale"): named as a place as plainly as after "in"."""
    return s > 1 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in PLACE_NOUNS


def _repeated_mentions(doc: Doc, kept: list[dict], candidates: list[tuple[int, int, str]],
                       person_words: dict[str, list[tuple[int, int]]]) -> list[dict]:
    """Other mentions of a name the article already reads as a place ("the al-Qaim border
    crossing" after "in al-Qaim", "liberated Walikale" after "the town of Walikale", which
    the gazetteer lacks): one name, one place, wherever the sentence gives no cue.

    Why: spaCy labels the same name differently from one sentence to the next (GPE, PERSON,
    ORG, none), and the cues that make a name a toponym are not in every sentence. Not a name
    the article gives a person (a first name or title with it elsewhere) or that speaks
    ("Jordan said"), nor one inside a longer name (the candidates are whole entities and
    capitalised runs), nor a demonym. `person_words` is _person_words(doc)."""
    strong = PLACE_LABELS | {"cue"}
    known = {m["key"]: m for m in sorted(kept, key=lambda m: m["label"] in strong)   # a strong reading wins
             if m["mention_kind"] == "name" and (m["senses"] or m.get("cue") in NAMING_CUES
                                                 or _named_as_place_of(doc, m["start_tok"]))
             and (m["label"] in strong or _after_place_verb(doc, m["start_tok"])
                  or (m["start_tok"] > 0 and doc[m["start_tok"] - 1].lower_ in STRONG_LOCATIVE)
                  or _directed_after_locative(doc, m["start_tok"])
                  or _named_as_place_of(doc, m["start_tok"]))
             and not (_is_acronym(m["mention_text"]) and not m.get("dateline"))
             and m["key"] not in place_words().directions and m["key"] not in place_words().type_words}
    if not known:
        return []
    text, toks = doc_text(doc), _token_list(doc)
    named = [(s, e, label, key) for s, e, label in candidates
             if (key := normalize_name(text[toks[s].idx:toks[e - 1].idx + len(toks[e - 1])])) in known]
    # a name that speaks anywhere in the article ("said Noma") is a person's there
    speakers = {key for s, e, _label, key in named if _speaks(doc[s:e]) or _said_after(doc, s, e)}
    taken = [(m["start_tok"], m["end_tok"]) for m in kept]
    named = [x for x in named if x[2] != "joined" and x[2] not in NON_NAME_LABELS and x[3] not in speakers
             and not any(a < x[1] and x[0] < b for a, b in taken)]
    if not named:
        return []
    # a person's name elsewhere counts against a repeat, but not the place's own name that
    # spaCy took for a person's ("entered al-Qaim", tagged PERSON)
    person_words = _person_words_without(doc, person_words, known)
    out = []
    for s, e, label, key in named:
        if any(a < e and s < b for a, b in taken):
            continue
        m = known[key]
        # (a person-labelled repeat needs a reading the label did not make: a place label, a cue
        # or a verb that takes places, "recaptured Knin ... the Knin fortress")
        if (label == "PERSON" and m["label"] not in strong and not _after_place_verb(doc, m["start_tok"])
                and not _directed_after_locative(doc, m["start_tok"])) \
                or not _is_capitalised(doc[s:e]) or _speaks(doc[s:e]) or _named_as_person(doc, s, e, person_words) \
                or (e < len(doc) and doc[e].lower_ in POSSESSIVES and not _possessed_place_part(doc, e)):
            continue
        out.append(_mention(doc, s, e, "name", label or "repeat", m["senses"], m["how"], m["hint"]))
        taken.append((s, e))
    return out


def _directed_after_locative(doc: Doc, s: int) -> bool:
    """Whether the name at token s follows a locative word and a lower-case direction ("in
    eastern Ghouta"): a place reading, whatever the model's label."""
    return s > 1 and doc[s - 1].is_lower and doc[s - 1].lower_ in place_words().directions \
        and doc[s - 2].lower_ in STRONG_LOCATIVE


def _site_noun_follows(doc: Doc, e: int) -> bool:
    """Whether lower-case nouns after token e end in a site word ("the Novoshakhtinsk oil
    refinery", "the Kramatorsk railway station"): a town names where its site is."""
    toks = _token_list(doc)
    for k in range(e, min(e + 3, len(doc))):
        if not (toks[k].is_lower and toks[k].pos_ in {"NOUN", "PROPN"}):
            return False
        if toks[k].lower_ in FACILITY_WORDS:
            return True
    return False


def _qualifier_key(gaz: Gazetteer, doc: Doc, i: int) -> bool:
    """Whether the tokens from i on start with a state abbreviation, country or state name."""
    toks, text = _token_list(doc), doc_text(doc)
    capital = toks[i].text[:1].isupper()
    for j in range(min(len(toks), i + 4), i, -1):
        key = normalize_name(text[toks[i].idx:toks[j - 1].idx + len(toks[j - 1])])
        if key in gaz.abbreviations:
            return True
        if capital and any(p["kind"] in {"country", "admin1"} for p in gaz.lookup_key(key)[:3]):
            return True
    return False


def _mention(doc: Doc, s: int, e: int, kind: str, label: str, senses: list[dict], how: str,
             hint: str | None) -> dict:
    toks = _token_list(doc)   # (offsets from the tokens: cheaper than making the Span)
    start, end = toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text)
    text = doc_text(doc)[start:end]
    return {"start": start, "end": end, "mention_text": text,
            "mention_kind": kind, "start_tok": s, "end_tok": e, "label": label,
            "senses": [p for p in senses if p], "how": how, "hint": hint,
            "key": normalize_name(text), "after_the": s > 0 and toks[s - 1].lower_ == "the"}


def _longer_head_name(cue: dict, known: dict) -> bool:
    """Whether a name before a place-type word holds a shorter known name ("Nyaung Pin
    village" holds the towns "Nyaung" and "Pin"): the whole run is the village's name. (A
    known name ending the run is already what such a cue keeps: "Editorial Board Cuyahoga
    County" is "Cuyahoga County".)"""
    # (after "the village of", a name holds a word spaCy left unlabelled and the gazetteer knows:
    # "the village of Oe Htein Kwin", "Htein Kwin" a PERSON to spaCy, is no "Oe")
    return (cue.get("cue") == "head" or (cue.get("cue") == "of" and known["label"] == "")) \
        and cue["start"] <= known["start"] and known["end"] <= cue["end"] \
        and cue["end"] - cue["start"] > known["end"] - known["start"]


def _non_overlapping(found: list[dict]) -> list[dict]:
    """Keep the longest span where candidates overlap; entity spans beat bare capitalised runs."""
    order = sorted(found, key=lambda m: (-(m["label"] not in {"", "embedded"}), -(m["end"] - m["start"]), m["start"]))
    taken: list[dict] = []
    for m in order:
        if all(m["end"] <= t["start"] or t["end"] <= m["start"] for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: m["start"])


# ---------------------------------------------------------------- resolution

def _km(a: dict, b: dict) -> float:
    """Great-circle distance in km, remembered for pairs of gazetteer places: the resolver asks
    it tens of times per name, and of the same towns article after article."""
    ga, gb = a.get("geonames_id"), b.get("geonames_id")
    if ga is None or gb is None:
        return _haversine_km(a, b)
    key = (ga, gb)
    got = _KM_MEMO.get(key)
    if got is None:
        if len(_KM_MEMO) >= KM_MEMO_SIZE:
            _KM_MEMO.clear()
        got = _KM_MEMO[key] = _haversine_km(a, b)
    return got


# Pairs of places whose distance is remembered at once (see _km); emptied when full.
KM_MEMO_SIZE = 200_000
_KM_MEMO: dict[tuple[int, int], float] = {}


def _haversine_km(a: dict, b: dict) -> float:
    p1, p2 = math.radians(a["latitude"]), math.radians(b["latitude"])
    dl = math.radians(b["longitude"] - a["longitude"])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _prior(m: dict, p: dict, exonym_seat: bool = False) -> float:
    """Context-free score of sense p for mention m: feature type, size, exact main name.

    `exonym_seat`: p is a town that the name calls by the same foreign name as the division
    it is the seat of (the town and canton of Luzern are both "Lucerne" in English): the name
    is the town's established name there, as good as its own."""
    pop = p["rank_population"] or 0
    if p["kind"] == "admin2":
        pop = pop / 10
    elif p["kind"] == "admin1":
        pop = pop / 5
    score = KIND_PRIOR.get(p["kind"], 0.0) + POPULATION_WEIGHT * math.log10(pop + 10)
    if exonym_seat or (p["kind"] == "city" and p["geonames_id"] in _alias_ids().get(m["key"], ())):
        score += MAIN_NAME_BONUS   # (aliases.csv: the name news gives a town, "Odessa" for Odesa)
    elif _own_name(p) == m["key"]:
        score += MAIN_NAME_BONUS
        if p["feature_code"] == "PPLC" and (pop >= CAPITAL_MIN_POPULATION or not any(
                q["kind"] == "city" and (q["rank_population"] or 0) > pop for q in m["senses"][:60])):
            # (not the small capital of an island territory before a larger namesake: "George
            # Town" is the Malaysian city before the Cayman capital of 30,000)
            score += CAPITAL_BONUS
    if m["hint"]:
        if p["kind"] == m["hint"]:
            score += 3.0
        elif m["hint"] in {"admin1", "admin2"} and p["kind"] in {"admin1", "admin2"}:
            score += 2.0
    if m["how"] == "fuzzy":
        score -= 0.5
    if p["kind"] == "city" and m.get("after_the") and any(q["kind"] == "feature" for q in m["senses"]):
        # "out to the Atlantic", "across the Pacific": a name after "the" that a sea or range
        # bears is that feature, not a small town bearing it without the article
        score -= THE_FEATURE_PENALTY
    return score


# How much a town loses to a feature of its name when the text puts "the" before the name.
THE_FEATURE_PENALTY = 3.0


def _priors(m: dict) -> list[float]:
    """_prior of each of m's senses, computed once per senses list: the resolver reads them
    in several passes (context, coherence, two scoring rounds) for names with dozens of
    namesakes."""
    if m.get("_priors_of") is not m["senses"]:
        seats = _exonym_seats(m["key"], m["senses"])
        m["_priors"] = [_prior(m, p, p["geonames_id"] in seats) for p in m["senses"]]
        m["_priors_of"] = m["senses"]
    return m["_priors"]


def _exonym_seats(key: str, senses: list[dict]) -> set[int]:
    """GeoNames ids of the towns among `senses` whose own name is that of a first-level
    division also among them under `key` as an alternate name (see _prior)."""
    named = _alternate_admins(key, senses)
    if not named:
        return set()
    return {p["geonames_id"] for p in senses if p["kind"] == "city"
            and (p["rank_population"] or 0) >= NAMESAKE_SEAT_POPULATION
            and named.get((p["country_iso2"], p["admin1_code"])) == _own_name(p)}


def _alternate_admins(key: str, senses: list[dict]) -> dict[tuple, str]:
    """The first-level divisions among `senses` that `key` names only by an alternate name:
    (country, admin1 code) -> the division's own normalised name."""
    return {(q["country_iso2"], q["admin1_code"]): _own_name(q) for q in senses
            if q["kind"] == "admin1" and _own_name(q) != key}


def _own_name(p: dict) -> str:
    """A place's own (main) name, normalised; kept on the sense, which the resolver compares
    with the mention many times."""
    if p.get("_norm_name") is None:
        p["_norm_name"] = normalize_name(p["place_name"])
    return p["_norm_name"]


def _modifies_next_noun(doc: Doc, m: dict) -> bool:
    """Whether a name modifies the noun right after it ("U.S. troops", "Syrian forces"): it
    starts a new phrase and qualifies no place before it."""
    e = m["end_tok"]
    return e < len(doc) and doc[e].pos_ in ("NOUN", "PROPN") and doc[e].is_alpha \
        and doc[e - 1].dep_ in ("compound", "amod", "nmod") and doc[e - 1].head.i >= e \
        and not (doc[e].is_lower and doc[e].lower_ in place_words().type_words)   # "Tillaberi region"


def _qualifiers_agree(mentions: list[dict]) -> None:
    """The division or country named to say where a place is takes the reading that holds it:
    in "Athens, Georgia", once Athens is the Georgia town, "Georgia" is that US state, not the
    country, wherever the article names it. Only a qualifier read as a division or country
    changes, and only to one of its own senses."""
    for a in mentions:
        b, pa = a.get("_qualified_by"), a.get("_raw_place")
        if b is None or pa is None or a.get("place_precision") != "exact" or pa["kind"] in {"country", "continent"}:
            continue
        pb = b.get("_raw_place")
        if pb is None or pb["kind"] not in {"country", "admin1", "city"}:
            continue
        holds = [p for p in b["senses"] if p["country_iso2"] == pa["country_iso2"] and (
            p["kind"] == "country" or (p["kind"] == "admin1" and p["admin1_code"] == pa["admin1_code"]))]
        if pb["kind"] == "city":
            # "Everett, Washington": a town's qualifier is the state that holds it, not the
            # namesake city (Washington, D.C.) the name alone would mean
            holds = [p for p in holds if p["kind"] == "admin1" and p["country_iso2"] == pb["country_iso2"]]
        if not holds or any(p is pb or p["place_id"] == pb["place_id"] for p in holds):
            continue
        best = next((p for p in holds if p["kind"] == pb["kind"]), holds[0])
        for m in mentions:
            # (a city's name elsewhere stays the city: "talks in Washington" is still D.C.)
            if m["key"] == b["key"] and m["mention_kind"] == b["mention_kind"] and m.get("_raw_place") is pb \
                    and (pb["kind"] != "city" or m is b or m.get("_qualifies")):
                m["_raw_place"] = best
                m["place"] = public_place(best)


# Kinds of place whose possessive says the next name lies inside it ("Tripoli's Salah al-Din
# area"). Not a country: "Britain's Falkland Islands", "Denmark's Greenland" have codes of
# their own.
OWNING_KINDS = {"city", "admin1", "admin2"}


def _qualifiers(mentions: list[dict], doc: Doc) -> None:
    """Attach to each mention the countries/states named right after it ("Athens, Georgia",
    "Kidal (Kidal)"), or after an unknown name that follows it ("Bali (Mezam, Nord-Ouest)").

    A town's or division's possessive keeps the next name in its country: "Tripoli's Salah
    al-Din area" is no Iraqi province; a name with no reading there is one the gazetteer lacks."""
    text = doc_text(doc)
    for k, a in enumerate(mentions):
        own = mentions[k - 1] if k else None
        if own is not None and own["mention_kind"] == "name" and own["senses"] and a["senses"] \
                and text[own["end"]:a["start"]].strip() in POSSESSIVES \
                and all(p["kind"] in OWNING_KINDS for p in own["senses"]):
            countries = {p["country_iso2"] for p in own["senses"]}
            a["senses"] = [p for p in a["senses"] if p["country_iso2"] in countries]
        # "Bali (Mezam, Nord-Ouest)": past a name the gazetteer lacks, to the division after it
        for j, (b, prev) in enumerate(zip(mentions[k + 1:k + 4], mentions[k:k + 3])):
            if _past_type_word(text[prev["end"]:b["start"]]) not in {",", "("} or _modifies_next_noun(doc, b):
                break
            nxt = mentions[k + 2 + j] if k + 2 + j < len(mentions) else None
            closing = nxt is not None and _in_bracket_before(text, a, b) and text[b["end"]:nxt["start"]].strip() == "," \
                and text[nxt["end"]:].lstrip().startswith(")")
            shared = {p["country_iso2"] for p in a["senses"]} & {p["country_iso2"] for p in b["senses"]} \
                if closing and a["how"] == b["how"] == "exact" else set()   # (not a loose match's: "Magwi")
            if shared and nxt["mention_kind"] == "name" and nxt["senses"] \
                    and not any(p["country_iso2"] in shared for p in nxt["senses"]):
                # "Lilongwe (Lilongwe, Central)": the region the gazetteer lacks, in the town's
                # and district's country, not a Ugandan region of that name
                nxt["senses"] = []
            if closing and not all(x in place_words().directions for x in nxt["key"].split()):   # (not "(Tyre, South)")
                # "Longwa village (Mon, Nagaland)": the bracket's last name says where, and it
                # is the first-level division ("(Chapare, Cochabamba)": the department); a
                # second-level name spelled as it ("(Rio de Janeiro, Rio de Janeiro)") is the town
                if nxt["hint"] is None and nxt["mention_kind"] == "name" \
                        and any(p["kind"] == "admin1" for p in nxt["senses"]):
                    nxt["hint"] = "admin1"
                    if b["hint"] is None and b["key"] == nxt["key"] and any(p["kind"] == "city" for p in b["senses"]):
                        b["hint"] = "city"
                continue
            countries = {p["country_iso2"] for p in b["senses"] if p["kind"] == "country"}
            admins = {p["admin1_code"] for p in b["senses"] if p["kind"] == "admin1"}
            district = {p["country_iso2"] for p in b["senses"] if p["kind"] == "admin2"}
            if not countries and not admins and len(district) == 1 and b["end_tok"] < len(doc) \
                    and ADMIN_SUFFIX.get(doc[b["end_tok"]].lower_) == "admin2":
                countries = district   # "Tirah, Khyber district": a town of that district's country
            elif not countries and not admins and b["mention_kind"] == "name" and b["senses"] \
                    and b["senses"][0]["kind"] == "admin2" and _list_of(doc, mentions, k + 1 + j)[1] == k + 1 + j:
                # "San Jose, Antique", "Patikul, Sulu": a province that is a second-level
                # division says the town is in its first-level one (or, failing a reading
                # there, in its country), when the town has a reading there
                top = b["senses"][0]
                if any(p["admin1_code"] == top["admin1_code"] for p in a["senses"]):
                    admins = {top["admin1_code"]}
                elif any(p["country_iso2"] == top["country_iso2"] for p in a["senses"]):
                    countries = {top["country_iso2"]}
                if (countries or admins) and b["hint"] is None:
                    b["hint"] = "admin2"   # (the province, not its seat: "Sulu" is no Jolo here)
            if countries or admins:
                a["qualifier"] = (countries, admins)
                a["_qualified_by"] = b
                b["_qualifies"] = True
                dateline = doc_dateline(doc)
                if dateline is not None and b["end"] <= dateline.end:
                    a["_dateline_qualified"] = True   # ("LONDON, Ontario -": the dateline's own region)
                inside = countries | {code.split(".")[0] for code in admins}   # (the division's country)
                outside = not any(p["country_iso2"] in countries or p["admin1_code"] in admins for p in a["senses"])
                if (a["how"] == "fuzzy" and outside) \
                        or (outside and a["mention_kind"] == b["mention_kind"] == "name"
                            and all(p["kind"] == "city" for p in a["senses"])
                            and not any(_own_name(p) == a["key"] for p in a["senses"])) \
                        or (_in_bracket_before(text, a, b) and text[b["end"]:].lstrip().startswith(")")
                            # (not a bare direction, which many countries name a province by:
                            # "Tyre (Tyre, South)" is Lebanon's South, not Cameroon's)
                            and not all(x in place_words().directions for x in b["key"].split())
                            and not any(p["country_iso2"] in inside for p in a["senses"])):
                    # "Kalehe, North Kivu": a loose spelling match outside the division named
                    # after it (a Chinese "Kuilehe") is no reading; nor, past a bracket whose
                    # last name says where the place is, a namesake in another country ("Kani
                    # (Sagaing region)" is no Japanese city). The name is one the gazetteer
                    # lacks, inside that division. So is a name known only as another country's
                    # place's other name ("Tirah, Khyber district" is no Tirat Karmel)
                    a["senses"] = []
                break
            if b["senses"]:
                break


def _in_bracket_before(text: str, a: dict, b: dict) -> bool:
    """Whether mention b stands in a bracket that opens after mention a ("Kani (Sagaing
    region)", "Kani township (Sagaing)") or that a stands in too ("(Mahas, Hiraan)"), with no
    bracket closing between them."""
    between = text[a["end"]:b["start"]]
    if ")" in between:
        return False
    before = text[max(0, a["start"] - BRACKET_LOOKBACK):a["start"]]   # (a bracket of a few names)
    return _past_type_word(between).startswith("(") or before.rfind("(") > before.rfind(")")


# Characters before a name within which an open bracket may hold it ("(Mahas, Hiraan)").
BRACKET_LOOKBACK = 60


def _past_type_word(between: str) -> str:
    """The text between two names, stripped, past a lower-case place-type word that ends the
    first name's phrase: "Kani township (Sagaing region)" is qualified as "Kani (Sagaing)" is."""
    between = between.strip()
    first, _, rest = between.partition(" ")
    return rest.strip() if first in place_words().type_words and rest.strip()[:1] in {",", "("} else between


# Weight, as evidence of where the article's places lie, of a name met only inside the names
# of institutions ("US Special Forces" in a British report): an affiliation, not a setting.
EMBEDDED_EVIDENCE = 0.5


def _article_context(groups: dict[str, list[dict]], dateline: list[dict]) -> dict[str, list[tuple[str, str | None, float]]]:
    """What each name (and the dateline) says about the article's countries and divisions:
    name -> [(country iso2, admin1 code or None, weight)], for names whose reading is clear."""
    out: dict[str, list[tuple[str, str | None, float]]] = {}
    for key, ms in groups.items():
        senses = ms[0]["senses"]
        if not senses:
            continue
        priors = _priors(ms[0])
        ranked = sorted(range(len(senses)), key=lambda i: -priors[i])
        top = senses[ranked[0]]
        margin = priors[ranked[0]] - (priors[ranked[1]] if len(ranked) > 1 else 0)
        same_country = len({p["country_iso2"] for p in senses}) == 1
        if top["country_iso2"] and (top["kind"] == "country" or same_country or margin > 1.5):
            w = 1.0 if top["kind"] == "country" or same_country else 0.6
            if all(m["label"] == "embedded" for m in ms):
                w *= EMBEDDED_EVIDENCE
            admin = top["admin1_code"] if top["kind"] in {"admin1", "city", "admin2"} else None
            out[key] = [(top["country_iso2"], admin, w)]
    out[""] = [(p["country_iso2"], p["admin1_code"], 2.0) for p in dateline if p["country_iso2"]]
    return out


def _context_without(evidence: dict, key: str) -> tuple[dict, dict]:
    """Country and admin1 weights from every name but `key` (a name is no evidence for itself)."""
    countries: dict[str, float] = {}
    admins: dict[str, float] = {}
    base = key.split("#", 1)[0]
    for k, items in evidence.items():
        if k == key or (k.startswith(base) and k.split("#", 1)[0] == base):
            continue   # (nor is its other reading: "Paris, Texas" beside "Paris, France")
        for iso2, admin, w in items:
            countries[iso2] = countries.get(iso2, 0) + w
            if admin:
                admins[admin] = admins.get(admin, 0) + w
    return countries, admins


def _country_bonus(c: float, countries: dict) -> float:
    """Bonus of a sense whose country the other names of the article weigh `c` (see _score)."""
    return 1.5 + 0.5 * min(c, 4)


# How much the article supports a sense: nothing, only a mention of its country, or something
# local (a qualifier, its division, a place near it).
NO_SUPPORT, COUNTRY_SUPPORT, LOCAL_SUPPORT, NEAR_SUPPORT = 0, 1, 2, 3


# Up to this many sense-place pairs, distances are computed in plain Python: numpy's set-up
# costs more than the arithmetic for the few senses most names have.
SMALL_DISTANCE_TABLE = 24


def _nearest_km(senses: list[dict], others: list[dict]) -> list[float | None]:
    """For each sense, the distance in km to the nearest of `others` (None when there are none),
    computed at once: the resolver asks this for up to 60 senses of every name."""
    if not others:
        return [None] * len(senses)
    if len(senses) * len(others) <= SMALL_DISTANCE_TABLE:
        return [min(_km(p, o) for o in others) for p in senses]
    a = np.radians(np.array([[p["latitude"], p["longitude"]] for p in senses], dtype=float))
    b = np.radians(np.array([[o["latitude"], o["longitude"]] for o in others], dtype=float))
    dlat = b[None, :, 0] - a[:, None, 0]
    dlon = b[None, :, 1] - a[:, None, 1]
    h = np.sin(dlat / 2) ** 2 + np.cos(a[:, None, 0]) * np.cos(b[None, :, 0]) * np.sin(dlon / 2) ** 2
    d = 12742.0 * np.arcsin(np.minimum(1.0, np.sqrt(h)))
    return [float(x) for x in d.min(axis=1)]


def _firmly_in_one_country(countries: dict) -> bool:
    """Whether the article's place evidence points to one country only, and strongly."""
    named = [v for v in countries.values() if v > 0]
    return len(named) == 1 and named[0] >= FIRM_COUNTRY_EVIDENCE


def _score(m: dict, p: dict, countries: dict, admins: dict, near_km: float | None,
           prior: float) -> tuple[float, int]:
    """Score of sense p in this article, and how much the article supports it (NO_SUPPORT,
    COUNTRY_SUPPORT, LOCAL_SUPPORT, or NEAR_SUPPORT for a place within 50 km of another;
    `near_km` is the distance to the nearest other place the article has settled, see
    _nearest_km; `prior` is _prior(m, p))."""
    score = prior
    support = NO_SUPPORT
    q = m.get("qualifier")
    if q:
        if p["country_iso2"] in q[0] or p["admin1_code"] in q[1]:
            score += 4.0
            support = LOCAL_SUPPORT
        else:
            score -= 5.0
    if p["kind"] not in {"country", "continent"}:
        c = countries.get(p["country_iso2"], 0)
        if c:
            score += _country_bonus(c, countries)
            support = max(support, COUNTRY_SUPPORT)
        a = admins.get(p["admin1_code"], 0)
        if a:
            # places named inside a division speak for the division too ("Seattle" and "Wash."
            # for Washington state), as much as for its towns
            score += 1.0 + 0.3 * min(a, 4)
            support = LOCAL_SUPPORT
    else:
        # the same weight as a division or town of that country gets, so that "Mexico" with
        # Mexican towns around stays the country rather than the state of México
        c = countries.get(p["country_iso2"], 0)
        if c:
            score += _country_bonus(c, countries)
            support = max(support, COUNTRY_SUPPORT)
    if near_km is not None and p["kind"] in {"city", "admin2", "admin1", "feature"}:
        d = near_km
        if d < 50:
            score += 1.5
        elif d < 200:
            score += 1.0
        elif d < 600:
            score += 0.4
        if d < 50:
            support = NEAR_SUPPORT
        elif d < 600 and ((d < FOREIGN_NEAR_KM and m["how"] != "fuzzy") or countries.get(p["country_iso2"], 0)):
            # (a few hundred km from the story's places is near only inside a country it
            # names: "Abu Salim" in a Tripoli story is no Tunisian Bou Salem 560 km away; nor
            # is a loose spelling's namesake across the border: "Maharajgunj" in Kathmandu is
            # no Indian Maharajganj 180 km away)
            support = max(support, LOCAL_SUPPORT)
    return score, support


LOCAL_KINDS = {"city", "admin2", "admin1", "feature"}
# Within this distance (km) of the story's places, a place in a country the story never names
# is still supported by them (a town across a nearby border).
FOREIGN_NEAR_KM = 200
CITY_OVER_ADMIN_POPULATION = 100_000
# Smallest town that a division filed under the town's name as an alternate gives way to.
NAMESAKE_SEAT_POPULATION = 20_000
CITY_OVER_ADMIN_PENALTY = 4.0
# ... when the city holds at least this share of the division's people
CITY_SHARE_OF_ADMIN = 0.2
# ... unless the city's own name is the division's with "City" added ("Oklahoma" is the state,
# not Oklahoma City), and it is smaller than this: "New York" and "Ho Chi Minh" are the cities.
NAMED_CITY_WORLD_POPULATION = 1_000_000
COHERENCE_KM = 150.0
COHERENCE_TOP = 10
# A large city dwarfs its namesakes ("Louisville", "Cambridge", "Portland"): news naming a
# state or country that holds a village of the same name rarely means the village. A city or
# county this many times smaller than the name's largest city (itself at least
# DOMINANT_CITY_POPULATION) gets only this share of the article's context bonus, unless the
# article names a place within 50 km of it ("Ramor Theatre, Virginia" among Cavan towns).
DOMINANT_CITY_POPULATION = 100_000
DOMINANCE_RATIO = 5
SMALL_HOMONYM_CONTEXT = 0.5
# Only senses whose prior is within this of the name's best prior take part in coherence:
# names with dozens of small homonyms ("Portland", "Oakland") otherwise find a neighbour for
# almost any town and pull each other to villages.
COHERENCE_MARGIN = 2.0


def _coherence(groups: dict[str, list[dict]]) -> dict[tuple[str, int], int]:
    """For each (name, sense index): how many other names of the article have a plausible
    sense within COHERENCE_KM of it. Places named together in an article tend to lie together,
    so "Manchester, Colchester and Heathrow" pull each other to England."""
    keys, idx, lat, lon = [], [], [], []
    base = {}   # (the readings of one name told apart by their qualifiers pull nothing together)
    for key in groups:
        base.setdefault(key.split("#")[0], len(base))
    for key, ms in groups.items():
        g = base[key.split("#")[0]]
        priors = _priors(ms[0])
        ranked = sorted(range(len(priors)), key=lambda i: -priors[i])
        for i in ranked[:COHERENCE_TOP]:
            p = ms[0]["senses"][i]
            if priors[i] < priors[ranked[0]] - COHERENCE_MARGIN:
                break
            if p["kind"] in LOCAL_KINDS:
                keys.append(g); idx.append((key, i)); lat.append(p["latitude"]); lon.append(p["longitude"])
    out: dict[tuple[str, int], int] = {}
    if len(set(keys)) < 2:
        return out
    la, lo = np.radians(np.array(lat)), np.radians(np.array(lon))
    h = (np.sin((la[:, None] - la[None, :]) / 2) ** 2
         + np.cos(la[:, None]) * np.cos(la[None, :]) * np.sin((lo[:, None] - lo[None, :]) / 2) ** 2)
    near = 12742.0 * np.arcsin(np.sqrt(np.clip(h, 0, 1))) < COHERENCE_KM
    group = np.array(keys)
    same = group[:, None] == group[None, :]
    near &= ~same
    for row in range(len(idx)):
        out[idx[row]] = len(set(group[near[row]].tolist()))
    return out


# A first- or second-level division smaller than this is taken only with support from the
# article: the parishes of small island states are named after saints ("Saint George", "Saint
# Patrick") and generic words ("Gulf"), which news uses for churches, seas and streets.
MIN_SUPPORTED_DIVISION = 100_000


# Names listed together are usually of one kind ("California or Washington", "Texas, Ohio and
# Georgia" are states; "Paris, Lyon and Nice" towns): a sense of the kind its list neighbours
# were read as gets this much.
LIST_KIND_BONUS = 1.5


def _list_neighbours(doc: Doc, mentions: list[dict]) -> None:
    """Attach to each mention the keys of the other names in its list ("A, B and C")."""
    for i, m in enumerate(mentions):
        first, last = _list_of(doc, mentions, i)
        m["list_keys"] = tuple(o["key"] for o in mentions[first:last + 1]
                               if o is not m and o["mention_kind"] == "name")


# A town smaller than this, backed only by a mention of its country, is a guess when the
# article names another country more; and so is one with no backing at all when the article
# names places of other countries FOREIGN_TOWN_MIN_EVIDENCE times or more and none of its own.
COUNTRY_ONLY_MIN_POPULATION = 20_000
# A town up to this size that nothing in the article supports, in a story firmly set in one
# other country (evidence of at least FIRM_COUNTRY_EVIDENCE, all of it for that country), is a
# namesake the gazetteer lacks there: left to the story's country (capitals excepted). Not a
# city (a round-up of several countries names cities abroad in passing: "rioters burned a
# police station in Rangpur" after a paragraph on Kenya).
FOREIGN_TOWN_MAX = 100_000
FIRM_COUNTRY_EVIDENCE = 3.0
FOREIGN_TOWN_MIN_EVIDENCE = 2
# A city below this size, matched only by one of its other names ("Boni" is among Bonn's), with
# no backing in an article whose places are of other countries, is a guess too; a larger one
# is not ("Kiev", "Bombay", "Seville" are known across the world by those names), nor the first part of
# the city's own name ("Clacton" for Clacton-on-Sea).
ALTERNATE_NAME_FOREIGN_MAX = 500_000


def _site_name(m: dict) -> bool:
    """Whether a mention names a site: its name ends in a site word ("Washington Square").
    (spaCy's FAC label is no sign: it calls many towns facilities, "the town of Qusayr".)"""
    words = m["key"].split()
    return len(words) > 1 and words[-1] in FACILITY_WORDS


def _needs_support(m: dict, p: dict) -> bool:
    """Whether the reading p of mention m is a guess unless the article supports it: a small
    division (MIN_SUPPORTED_DIVISION), or a division found under an alternate name of a name
    that starts with a direction word ("West Coast" is an alternate name of Western Australia,
    "North State" of Cameroon's North, "West" of Rwanda's Western province), unless the rest of
    the name is the division's own ("North Kivu")."""
    if p["kind"] not in {"admin1", "admin2"} or m["how"] == "abbrev":
        return False
    if (p["rank_population"] or 0) < MIN_SUPPORTED_DIVISION:
        return True
    words = m["key"].split()
    if len(words) == 1 and words[0] in place_words().directions:
        return True  # "the West", "the North": a region of some country only if the article says so
    # ("North Kivu" for Nord-Kivu, "South Kordofan" for Southern Kordofan: the rest of the name
    # is the division's own, only the direction is translated)
    own = set(_own_name(p).split())
    return bool(words) and words[0] in place_words().directions and _own_name(p) != m["key"] \
        and not (len(words) > 1 and all(w in own for w in words[1:]))


def _namesake_seat(m: dict, division: dict) -> dict | None:
    """The town that bears the division's name (the mention) as its own and lies in it, when it
    has at least MIN_SUPPORTED_POPULATION people; None otherwise.

    Why: a name that is both a region and its chief town ("Kidal", "Gao") is read as the region
    by the kind prior; with no backing in the article the region is dropped as a guess, yet the
    town alone would have stood. The town is the likelier meaning of a bare name in news."""
    if division["kind"] != "admin1" or m["hint"] in {"admin1", "admin2"}:
        return None
    towns = [p for p in m["senses"][:60] if p["kind"] == "city" and p["country_iso2"] == division["country_iso2"]
             and p["admin1_code"] == division["admin1_code"] and _own_name(p) == m["key"]
             and (p["rank_population"] or 0) >= MIN_SUPPORTED_POPULATION]
    return max(towns, key=lambda p: p["rank_population"] or 0) if towns else None


def _seat_town(m: dict, division: dict) -> dict | None:
    """The town among the mention's readings that lies in the first-level division and holds
    at least CITY_SHARE_OF_ADMIN of its people (and NAMESAKE_SEAT_POPULATION), or None. The
    name is the town's by its own name or an alternate one ("Jenin" for Janīn)."""
    people = division["rank_population"] or 0
    towns = [p for p in m["senses"][:60] if p["kind"] == "city" and p["country_iso2"] == division["country_iso2"]
             and p["admin1_code"] == division["admin1_code"]
             and (p["rank_population"] or 0) >= max(NAMESAKE_SEAT_POPULATION, CITY_SHARE_OF_ADMIN * people)
             # (its own name a spelling of the name: not Antakya, which GeoNames also calls
             # "Hatay", nor Oklahoma City, "Oklahoma")
             and _own_name(p) != m["key"] + " city" and fuzz.ratio(_own_name(p), m["key"]) >= SEAT_SPELLING_RATIO]
    return max(towns, key=lambda p: p["rank_population"] or 0) if towns else None


# How like the name a seat town's own name must be (0-100) to be the name's town ("Janīn"
# for "Jenin", "Dayr al Balah" for "Deir el-Balah").
SEAT_SPELLING_RATIO = 70


# How far (km) from a second-level division's point its namesake seat may lie.
SEAT_KM = 40.0


def _seat_of_district(m: dict, district: dict) -> dict | None:
    """The town a second-level division is named after, for a bare mention of the name: the
    town of that own name in the same first-level division, near the district's point. None
    when the text says a division is meant ("Lismore district") or there is no such town.

    Why: local government areas, districts and boroughs take their seat's name ("Lismore",
    "Newcastle upon Tyne"); the extent of their towns outweighs the town's own population in
    the prior, yet news naming it bare means the town."""
    if m["hint"] in {"admin1", "admin2"}:
        return None
    towns = [p for p in m["senses"][:60] if p["kind"] == "city" and p["country_iso2"] == district["country_iso2"]
             and p["admin1_code"] == district["admin1_code"] and _own_name(p) == m["key"]
             and _km(p, district) <= SEAT_KM]
    return max(towns, key=lambda p: p["rank_population"] or 0) if towns else None


def _named_like_its_division(m: dict) -> bool:
    """Whether a name is qualified by the first-level division of the same name ("Kidal
    (Kidal)", ACLED's "town (region)" style) and has a reading inside it other than the
    division: then it is that town, not the division named twice."""
    q = m.get("qualifier")
    if not q or not q[1] or q[0]:
        return False
    same = {p["admin1_code"] for p in m["senses"] if p["kind"] == "admin1"}
    return q[1] <= same and any(p["kind"] != "admin1" and p["admin1_code"] in q[1] for p in m["senses"])


# Distance within which a town known by the mention as its own name is the one meant, rather
# than a neighbour that lists the name among its alternates ("New Delhi" beside Delhi).
TWIN_KM = 25.0


def _main_name_twin(key: str, best: dict, rivals: list[dict]) -> dict | None:
    """A town whose own name is the mention, lying beside the chosen town that only lists the
    name as an alternate, or None.

    Why: gazetteers file a city's parts and neighbours under the city's alternate names too
    ("New Delhi" is an alternate name of Delhi). The bigger city then wins on population
    although the text names its neighbour; the neighbour itself is what was meant."""
    if best["kind"] != "city" or normalize_name(best["place_name"]) == key:
        return None
    for p in rivals:
        if p["kind"] == "city" and p["country_iso2"] == best["country_iso2"] \
                and normalize_name(p["place_name"]) == key and _km(p, best) <= TWIN_KM:
            return p
    # (and a town of some size whose own name it is, in the same region, when the chosen
    # city's name is nothing like the mention: "near Ariel" is the town, not Jerusalem, one of
    # whose alternate names it is)
    # (the cheap tests first: the resolver asks this for every name)
    towns = [p for p in rivals if p["kind"] == "city" and (p["rank_population"] or 0) >= OWN_NAME_TWIN_POPULATION
             and _km(p, best) <= OWN_NAME_TWIN_KM and normalize_name(p["place_name"]) == key]
    if towns and fuzz.ratio(_own_name(best), key) < UNLIKE_NAME_RATIO:
        return towns[0]
    return None


# Words that put the name after them near the story's other places ("in nearby Palma").
NEARBY_WORDS = {"nearby", "neighbouring", "neighboring", "adjacent", "adjoining"}
# How unlike the mention a chosen city's own name must be (0-100), and how large and how near a
# town of the mention's own name, for that town to be meant (see _main_name_twin).
UNLIKE_NAME_RATIO = 50
OWN_NAME_TWIN_POPULATION = 15_000
OWN_NAME_TWIN_KM = 100.0


def _city_namesakes(key: str, senses: list[dict]) -> tuple[set, int]:
    """The admin1 codes of the divisions that a city among `senses` outweighs, and the
    population of the largest city whose own name `key` is, or its name in aliases.csv (0
    when none).

    "New York", "Lagos", "Dubai": a division named like a large city inside it is rarely meant
    in news unless the text says "state" or "province". And "in Kherson": a division known by
    the name only as an alternate ("Khersonska oblast") holding a town whose own name it is, or
    whose own name is the division's ("Lucerne": the canton and the town are both Luzern), is
    passed over for that town."""
    aliased = _alias_ids().get(key, ())
    # (a city of the name, or known by it and a fair share of the division: not Mormugao,
    # which GeoNames also calls "Goa", a tenth of the state of Goa, which the name means)
    admin_people = {p["admin1_code"]: p["rank_population"] or 0 for p in senses if p["kind"] == "admin1"}
    city_admins = {p["admin1_code"] for p in senses
                   if p["kind"] == "city" and (p["rank_population"] or 0) >= CITY_OVER_ADMIN_POPULATION
                   and (_own_name(p) == key or p["geonames_id"] in aliased
                        or ((p["rank_population"] or 0) >= CITY_SHARE_OF_ADMIN * admin_people.get(p["admin1_code"], 0)
                            and not (_own_name(p) == key + " city"
                                     and (p["rank_population"] or 0) < NAMED_CITY_WORLD_POPULATION)))}
    alternate_admins = _alternate_admins(key, senses)
    # (or whose own name is the division's: "Lucerne" is the town Luzern before the canton Luzern)
    city_admins |= {p["admin1_code"] for p in senses
                    if p["kind"] == "city" and (p["country_iso2"], p["admin1_code"]) in alternate_admins
                    and (p["rank_population"] or 0) >= NAMESAKE_SEAT_POPULATION
                    and _own_name(p) in (key, alternate_admins[(p["country_iso2"], p["admin1_code"])])}
    big = max((p["rank_population"] or 0 for p in senses
               if p["kind"] == "city" and (_own_name(p) == key or p["geonames_id"] in aliased)), default=0)
    return city_admins, big


def _qualifier_countries(m: dict) -> frozenset:
    """The countries (ISO alpha-2) a mention's qualifier names, directly or by a division."""
    countries, admins = m["qualifier"]
    return frozenset(countries) | frozenset(code.split(".")[0] for code in admins)


def _resolve(mentions: list[dict], gaz: Gazetteer, context: dict) -> None:
    """Choose one sense per distinct name (one sense per article); sets m['place'], m['score']."""
    groups: dict[str, list[dict]] = {}
    # a name said to be a town in one place and a division in another ("in Ukraine's Kharkiv
    # region ... struck the city of Kharkiv") names two places: each is resolved on its own
    hinted: dict[str, set[str]] = {}
    for m in mentions:
        if m["mention_kind"] == "name" and m["hint"] in ("city", "admin1", "admin2"):
            hinted.setdefault(m["key"], set()).add("town" if m["hint"] == "city" else "division")
    # a name qualified by different countries ("Paris, Texas ... Paris, France") names two
    # places: each qualified mention, and the bare ones after it, are resolved on their own
    qualified: dict[str, list[frozenset]] = {}
    for m in mentions:
        if m["mention_kind"] == "name" and m.get("qualifier"):
            qualified.setdefault(m["key"], []).append(_qualifier_countries(m))
    split = {k for k, qs in qualified.items() if len(set(qs)) > 1 and not frozenset.intersection(*qs)}
    last_qualifier: dict[str, frozenset] = {}
    for m in mentions:
        key = m["key"] if m["mention_kind"] == "name" else "demonym:" + m["key"]
        if key in split:
            q = _qualifier_countries(m) if m.get("qualifier") else last_qualifier.get(key, qualified[key][0])
            last_qualifier[key] = q
            key += "#in:" + ",".join(sorted(q))
        if len(hinted.get(key, ())) > 1 and m["hint"] in ("city", "admin1", "admin2"):
            key += "#said-town" if m["hint"] == "city" else "#said-division"
        if _named_like_its_division(m):
            # "Kidal (Kidal)", "Gao, Gao": the town, qualified by the division of its name; the
            # division's own mention stays the division
            m["senses"] = [p for p in m["senses"] if p["kind"] != "admin1"]
            key += "#town"
        groups.setdefault(key, []).append(m)
    dateline: list[dict] = []
    if context.get("dateline_place"):
        senses, _ = _senses(gaz, context["dateline_place"], None, fuzzy=False)
        if senses:
            dateline = [max(senses, key=lambda p: _prior({"key": normalize_name(context["dateline_place"]),
                                                          "hint": None, "how": "exact"}, p))]
    evidence = _article_context(groups, dateline)
    coherence = _coherence(groups)
    chosen: dict[str, tuple[dict | None, float, bool]] = {}
    namesakes: dict[str, tuple[set, int]] = {}
    context_of: dict[str, tuple[dict, dict]] = {}
    for rnd in range(2):
        for key, ms in groups.items():
            if key not in context_of:   # (the same in both rounds: the evidence does not change)
                context_of[key] = _context_without(evidence, key)
            countries, admins = context_of[key]
            if all(x["label"] == "embedded" for x in ms) and not any(
                    p["kind"] in {"country", "admin1"} for p in ms[0]["senses"][:60]):
                # "the Venice Commission", "Cambridge Analytica": an institution is named after
                # the town best known by that name, whatever else the article is about (a name
                # that is also a state or a country keeps its context: "the Georgia National Guard")
                countries, admins = {}, {}
            m = dict(ms[0])
            for other in ms:
                if other.get("qualifier"):
                    m["qualifier"] = other["qualifier"]
            senses = m["senses"]
            if not senses:
                chosen[key] = (None, 0.0, False)
                continue
            others = [p for k, c in chosen.items() if k.split("#")[0] != key.split("#")[0] and (p := c[0])
                      and p["kind"] in {"city", "admin2", "admin1", "feature"}] if rnd == 1 else []
            scored = []
            sibling_kinds = {c[0]["kind"] for k in m.get("list_keys", ()) if k != key
                             and (c := chosen.get(k)) and c[0] is not None} - {"continent", "feature"}
            if key not in namesakes:
                namesakes[key] = _city_namesakes(m["key"], senses[:60])
            city_admins, big = namesakes[key]
            near = _nearest_km(senses[:60], others)
            priors = _priors(ms[0])
            for i, p in enumerate(senses[:60]):
                prior = priors[i]
                sc, sup = _score(m, p, countries, admins, near[i], prior)
                if big >= DOMINANT_CITY_POPULATION and p["kind"] in {"city", "admin2"} and sup < NEAR_SUPPORT \
                        and (p["rank_population"] or 0) * DOMINANCE_RATIO < big:
                    sc = prior + SMALL_HOMONYM_CONTEXT * (sc - prior)
                # (and so is a namesake division elsewhere smaller than the city: "aid into Gaza"
                # is no Mozambican province)
                if p["kind"] == "admin1" and m["hint"] not in {"admin1", "admin2"} and (
                        p["admin1_code"] in city_admins
                        or (big >= CITY_OVER_ADMIN_POPULATION and (p["rank_population"] or 0) < big)):
                    sc -= CITY_OVER_ADMIN_PENALTY
                if rnd == 1 and p["kind"] in sibling_kinds:
                    sc += LIST_KIND_BONUS
                coh = coherence.get((key, i), 0)
                if coh:
                    sc += 0.8 * min(coh, 3)
                    sup = LOCAL_SUPPORT
                scored.append((sc, sup, i, p))
            q = m.get("qualifier")
            agreeing = [x for x in scored if q and (x[3]["country_iso2"] in q[0] or x[3]["admin1_code"] in q[1])]
            if agreeing and any(o.get("_dateline_qualified") for o in ms):
                # "LONDON, Ontario -": a sense the dateline's region names beats any other, however
                # much the rest of the article speaks for another ("Lambeth", a London borough)
                # (in running text a comma is weaker: "Washington, New York" may be a list)
                scored = agreeing
            scored.sort(key=lambda x: (-x[0], x[2]))
            best_score, support, _, best = scored[0]
            twin = _main_name_twin(m["key"], best, [p for *_, p in scored[1:COHERENCE_TOP]])
            if twin is not None:
                best = twin
            if support == COUNTRY_SUPPORT and best["kind"] in {"city", "admin2"} \
                    and (best["rank_population"] or 0) < COUNTRY_ONLY_MIN_POPULATION \
                    and countries.get(best["country_iso2"], 0) < max(countries.values(), default=0):
                best = None  # Heathrow, Florida in a British article that once names the US
            elif best is not None and not support and best["kind"] in {"city", "admin2"} \
                    and (best["rank_population"] or 0) < COUNTRY_ONLY_MIN_POPULATION \
                    and max(countries.values(), default=0) >= FOREIGN_TOWN_MIN_EVIDENCE \
                    and not countries.get(best["country_iso2"]):
                best = None  # "Karari" in a story all of whose places are Sudanese is no Indian town
            elif best is not None and not support and best["kind"] == "city" and not _main_named(m, best) \
                    and (all(x["label"] == "PERSON" for x in ms)
                         or ((best["rank_population"] or 0) < ALTERNATE_NAME_FOREIGN_MAX
                             and not normalize_name(best["place_name"]).startswith(m["key"]))) \
                    and max(countries.values(), default=0) >= FOREIGN_TOWN_MIN_EVIDENCE \
                    and not countries.get(best["country_iso2"]):
                best = None  # nor "Boni" in a story about Mali Bonn, whose other name it is
            elif best is not None and not support and best["kind"] in {"city", "admin2"} \
                    and best["feature_code"] != "PPLC" and (best["rank_population"] or 0) < FOREIGN_TOWN_MAX \
                    and _firmly_in_one_country(countries) and not countries.get(best["country_iso2"]):
                best = None  # "al-Shabaab attacked Balad" in a story of Somali towns: no Iraqi town
            z = sum(math.exp(s - best_score) for s, *_ in scored)
            chosen[key] = (best, 1.0 / z, support)
    # divisions named to say where another place is ("Magwi, Eastern Equatoria"): an address,
    # which needs no other support for its own reading
    addresses = {id(m["_qualified_by"]) for m in mentions if m.get("_qualified_by") is not None}
    # a state the article names by its abbreviation ("TACOMA, Wash.") is the state its bare
    # name means there too ("at home in Washington" is no Washington, D.C.)
    abbreviated = {normalize_name(b["place_name"]): b for k, (b, _p, _s) in chosen.items()
                   if b is not None and b["kind"] == "admin1" and any(m["how"] == "abbrev" for m in groups[k])}
    for key, ms in groups.items():
        best, prob, support = chosen[key]
        named = abbreviated.get(ms[0]["key"]) if ms[0]["mention_kind"] == "name" else None
        if named is not None and (best is None or best["geonames_id"] != named["geonames_id"]) \
                and any(p["geonames_id"] == named["geonames_id"] for p in ms[0]["senses"]):
            best, support = named, LOCAL_SUPPORT
        # does the article say where it is? a guess its context does not back is then dropped,
        # while a single sentence with no other place keeps its only reading
        placed_elsewhere = bool(context_of[key][0])
        if best is not None and best["kind"] == "admin1" and any(id(m) in addresses for m in ms) \
                and (_main_named(ms[0], best) or len(ms[0]["senses"]) == 1):   # (or "North Kivu")
            placed_elsewhere = False
        if best is not None and not support and best["kind"] in {"city", "admin2"} \
                and (best["rank_population"] or 0) < MIN_SUPPORTED_POPULATION and ms[0]["how"] != "abbrev":
            best = None
        if best is not None and not support and placed_elsewhere and _needs_support(ms[0], best):
            # "between Kidal and Anefis": a small division the article does not back is a guess,
            # but the town of its own name inside it, large enough to stand alone, is not
            best = _namesake_seat(ms[0], best)
        if best is not None and best["kind"] == "admin1" and ms[0]["hint"] not in {"admin1", "admin2"}:
            # "Israeli forces raided Jenin": a division whose town of the name holds a fair share
            # of its people is, bare, the town (Jenin, Ramallah, Tulkarm were the governorates)
            best = _seat_town(ms[0], best) or best
        if best is not None and support < LOCAL_SUPPORT and best["kind"] in {"city", "admin2"} \
                and any(x.get("after_nearby") for x in ms) and placed_elsewhere:
            # "in nearby Palma" in a story of Mozambican towns: a town the text puts near its
            # other places is none of them only by its name far away (it was Palma, Spain)
            best = None
        if best is not None and best["kind"] == "admin2":
            # "rescued 200 people in Lismore": a district named after its seat is, bare, the town
            best = _seat_of_district(ms[0], best) or best
        if best is not None and support < LOCAL_SUPPORT and best["kind"] == "city" \
                and (best["rank_population"] or 0) < MIN_SUPPORTED_POPULATION and all(m["label"] == "LOC" for m in ms):
            # "across northern Luzon": a name spaCy calls a region or feature, not a settlement,
            # is no hamlet of that name the article's country holds (the island is not in the
            # gazetteer); a hamlet needs its province or a neighbour named
            best = None
        if best is not None and support < LOCAL_SUPPORT and best["kind"] in {"city", "admin2"} \
                and _site_name(ms[0]):
            # "Washington Square" in New Orleans is no Pennsylvania town: a site's name matching
            # a town needs the town's division or neighbourhood in the article
            best = None
        if best is not None and not support and ms[0]["how"] == "fuzzy" and not placed_elsewhere \
                and best["kind"] in {"city", "admin2"} and (best["rank_population"] or 0) < FUZZY_ALONE_POPULATION:
            # nor when nothing in the article backs it: "Bains and Grants Town" alone is no
            # Russian village of a like spelling; a loose match stands alone only for a large place
            best = None
        if best is not None and not support and placed_elsewhere and ms[0]["how"] == "fuzzy":
            # a loose spelling match is a guess when the article points elsewhere and not to its
            # country or neighbourhood ("Portroe" in an Irish report is no Bloomfield, New Mexico;
            # "St Athan" in a Welsh one no Saint-Thonan)
            best = None
        if best is not None and support == COUNTRY_SUPPORT and placed_elsewhere and ms[0]["how"] == "fuzzy" \
                and best["kind"] in {"city", "admin2"} and (best["rank_population"] or 0) < COUNTRY_ONLY_MIN_POPULATION:
            # nor when the article backs only its country: "the village of Kotlyne" taken near
            # Pokrovsk is no Kotlovyna of Odesa oblast; a village's loose spelling needs its
            # province or neighbourhood named, as a whole country holds many near-namesakes
            best = None
        for m in ms:
            m["_raw_place"] = best
            m["place"] = public_place(best) if best else None
            m["place_precision"] = "exact" if best else None
            m["resolution_score"] = round(min(1.0, max(0.0, prob)), 3) if best else None


# A body's namesake place farther than this from the place the text puts the body is not
# where the body is.
SITED_NAME_KM = 50.0


def _sited_names(doc: Doc, mentions: list[dict]) -> None:
    """A place inside a body's name ("New York University", "Michigan State University") when
    the text puts the body elsewhere ("... in Abu Dhabi"): the mention stands for the body's
    site, so it takes the place after "in" or "at", pinned as `enclosing`. A name is no
    address: that campus is not in New York. In place."""
    start_of = {m["start_tok"]: m for m in mentions}
    for m in mentions:
        a, k = m.get("name_span") or (0, None)
        if k is None or m.get("place_precision") != "exact" or k + 1 >= len(doc) \
                or doc[k].lower_ not in {"in", "at"} or not a <= doc[k].head.i < k \
                or doc[a:k].root.lower_ not in site_bodies():
            continue   # (the parse hangs "in" on a site, not on a verb: "met X in Abuja"; and
            # "US Special Forces in Manbij" are no site)
        y = start_of.get(k + 1) or (start_of.get(k + 2) if doc[k + 1].lower_ == "the" else None)
        if y is None or y.get("place_precision") != "exact" or y.get("in_name") or not y.get("_raw_place") \
                or y["_raw_place"]["kind"] not in {"city", "admin2", "admin1"}:
            continue
        p, q = m["_raw_place"], y["_raw_place"]
        inside = q["kind"] != "city" and p["country_iso2"] == q["country_iso2"] \
            and (q["kind"] == "admin2" or p["admin1_code"] == q["admin1_code"])
        if not inside and _km(p, q) > SITED_NAME_KM:
            _pin(m, y["_raw_place"], "enclosing", (y.get("resolution_score") or 0.0) * PIN_SCORE_SHARE["enclosing"])


FACILITY_WORDS = frozenset(read_word_list("facility_words.txt"))


@functools.lru_cache(maxsize=1)
def site_bodies() -> frozenset[str]:
    """Words of sites and of bodies that are their campus: facility words, and the body words
    of schools and hospitals in actors_org_words.csv ("university": sector EDU)."""
    return FACILITY_WORDS | frozenset(r["word"].strip().lower() for r in read_csv_rows(ACTOR_DATA / "actors_org_words.csv")
                                      if r["sector_code"] in {"EDU", "MED"})


# Score given to a facility placed at its article's only town: a coarse location only.
LOCALITY_FALLBACK_SCORE = 0.2


def _locality_fallback(mentions: list[dict]) -> None:
    """Place unresolved facilities ("Royal Street", "Kindi Hospital") at the town of the
    article when the article names exactly one town, with a low score.

    Why only then: on GeoWebNews, placing a facility at the article's most mentioned town was
    right 22 times and wrong 13 times, wrong mostly where several towns compete; with a single
    town it was right all 10 times. Otherwise the facility is left unresolved. (Rechecked after
    more sites were recognised: placing every unknown name at the article's most named town
    is right about three times in five, but facilities with a GeoNames id of their own then
    count as wrong ids, so the exact-id accuracy falls by more than a point.)
    """
    towns = {}
    for m in mentions:
        p = m.get("place")
        if p and p["feature_code"] and p["feature_code"].startswith("PPL"):
            towns[p["place_id"]] = p
    if len(towns) != 1:
        return
    focus = next(iter(towns.values()))
    for m in mentions:
        words = m["key"].split()
        if m["place"] is None and m["mention_kind"] == "name" and m["label"] in PLACE_LABELS \
                and words and words[-1] in FACILITY_WORDS:
            m["place"] = dict(focus)
            m["place_precision"] = "article_town"
            m["resolution_score"] = LOCALITY_FALLBACK_SCORE


# ---------------------------------------------------------------- ties to the place around

# resolution_score of a mention pinned to the place it is tied to, as a share of that
# place's own score: the mention's location is only known to lie in or near it.
PIN_SCORE_SHARE = {"enclosing": 0.5, "nearby": 0.4}
# ... and when the only tie is a first-level or second-level division named in the sentence.
SENTENCE_AREA_SHARE = 0.3
# A sense of the mention's own name that the tie confirms (in the enclosing division, or this
# close to the place it is tied to) resolves it exactly, with this share of the anchor's score.
TIED_SENSE_SHARE = 0.8
ENCLOSED_KM = 30.0
NEARBY_KM = 60.0
# Place kinds that may enclose a toponym named after a comma ("Atmeh, Syria").
AREA_KINDS = {"country", "admin1", "admin2"}
# Place words after a name that make it an administrative area ("Tuban District").
ADMIN_HEAD_KINDS = {"admin1", "admin2"}
# ... and the word for the rural part of a division or city ("northern Hama countryside").
COUNTRYSIDE_WORDS = {"countryside"}
KM_PER_UNIT = {"km": 1.0, "kms": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0,
               "kilometer": 1.0, "miles": 1.609, "mile": 1.609}


def _is_area_mention(doc: Doc, m: dict) -> bool:
    """Whether a mention names an administrative area: a country or division, a name with a
    division word ("Tuban District", "Hama countryside", "the countryside of Al-Sweida"), or the
    part of a place a direction word names ("southern Aleppo")."""
    p = m.get("_raw_place") or {}
    s = m["start_tok"]
    nxt = doc[m["end_tok"]].lower_ if m["end_tok"] < len(doc) else ""
    prev = doc[s - 1] if s > 0 else None
    around = prev is not None and ((prev.is_lower and prev.lower_ in place_words().directions)
                                   or (prev.lower_ == "of" and s > 1 and (doc[s - 2].lower_ in COUNTRYSIDE_WORDS
                                                                         or ADMIN_SUFFIX.get(doc[s - 2].lower_) in ADMIN_HEAD_KINDS)))
    return p.get("kind") in AREA_KINDS or m.get("hint") in ADMIN_HEAD_KINDS or around \
        or ADMIN_SUFFIX.get(nxt) in ADMIN_HEAD_KINDS or nxt in COUNTRYSIDE_WORDS


def _skip(doc: Doc, k: int, end: int, w: PlaceWords, limit: int = 6, before_tie: bool = False
          ) -> tuple[int, float | None]:
    """Skip filler words from token k ("the western countryside of", "some 50 km"); returns the
    next token and the distance in km the skipped words gave, if any. Before a tie phrase only
    distances and plain fillers are skipped, so that "south of" and "of" stay whole."""
    dist = None
    steps = 0
    while k < end and steps < limit:
        t = doc[k]
        low = t.lower_
        if t.like_num and k + 1 < end and doc[k + 1].lower_ in KM_PER_UNIT:
            try:
                dist = float(t.text.replace(",", "")) * KM_PER_UNIT[doc[k + 1].lower_]
            except ValueError:
                dist = None
            k += 2
        elif before_tie:
            if not (low in w.fillers or t.like_num) or low in w.type_words:
                break
            k += 1
        elif low in w.fillers or ((low in w.directions or low in w.type_words) and t.is_lower) or t.like_num \
                or (low == "of" and k > 0 and (doc[k - 1].lower_ in w.fillers or doc[k - 1].lower_ in w.type_words)) \
                or (t.is_lower and t.tag_ in {"JJ", "VBN"}):
            k += 1
        else:
            break
        steps += 1
    return k, dist


def _tie_phrase(doc: Doc, k: int, end: int, w: PlaceWords, after_distance: bool) -> tuple[int, str] | None:
    """The tie phrase ("in", "near", "south of") starting at token k: (token after it, relation)."""
    toks = _token_list(doc)
    if k >= end or (w is place_words() and toks[k].lower_ not in _tie_first_words()):
        return None
    for phrase, relation, needs_distance in w.ties:
        n = len(phrase)
        if needs_distance and not after_distance:
            continue
        if k + n <= end and all(toks[k + x].lower_ == word for x, word in enumerate(phrase)):
            return k + n, relation
    return None


# Units of a distance before a tie phrase ("20 km south of Kadugli").
DISTANCE_UNITS = {"km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "mi"}


def locator_after(doc: Doc, end: int, sent_end: int, bare_in: bool = False) -> int | None:
    """The token where the place that locates a name ending at token `end` starts, when a comma
    and a tie phrase follow the name ("Jaramana, on the outskirts of Damascus", "Kadugli, some
    20 km south of the town of ..." stops at "the town": the caller checks what starts there),
    or None: that place only says where the name lies, as "in" after it does. With `bare_in`,
    also "in" right after the name ("near Pokrovsk in the eastern Donetsk region"), which the
    caller takes only for a larger place."""
    toks = _token_list(doc)
    if bare_in and end < sent_end and toks[end].lower_ == "in":
        k = end + 1
        while k < sent_end and (toks[k].lower_ == "the" or (toks[k].is_lower and toks[k].lower_ in place_words().directions)):
            k += 1
        return _past_owner(toks, k, sent_end)
    if end >= sent_end or toks[end].text != ",":
        return None
    k = end + 1
    if k < sent_end and toks[k].lower_ in {"some", "about", "around", "roughly", "nearly", "just"}:
        k += 1
    distance = k + 1 < sent_end and toks[k].like_num and toks[k + 1].lower_ in DISTANCE_UNITS
    if distance:
        k += 2
    tie = _tie_phrase(doc, k, sent_end, place_words(), distance)
    if tie is None:
        return None
    k = tie[0]
    while k < sent_end and toks[k].lower_ == "the":
        k += 1
    return _past_owner(toks, k, sent_end)


def _past_owner(toks: list[Token], k: int, sent_end: int) -> int:
    """Token k, or the token after a name's possessive that starts there ("in Ethiopia's
    Amhara region": the region, which the country only owns)."""
    j = k
    while j < sent_end and j - k < 3 and toks[j].text[:1].isupper():
        j += 1
    if j > k and j + 1 < sent_end and toks[j].text in POSSESSIVES and toks[j + 1].text[:1].isupper():
        return j + 1
    return k


@functools.lru_cache(maxsize=1)
def _tie_first_words() -> frozenset[str]:
    """The first words of the tie phrases (place_ties.csv): most tokens start none, and are
    passed at once."""
    return frozenset(phrase[0] for phrase, _, _ in place_words().ties)


def _right_tie(doc: Doc, ms: list[dict], i: int, start_of: dict[int, int], w: PlaceWords
               ) -> tuple[int, str, float | None] | None:
    """(anchor mention, relation, distance) that the words after mention i tie it to:
    "X in Y", "X, a village near Y", "X, Y Governorate", "X, some 30 km south of Y"."""
    m = ms[i]
    end = doc[m["start_tok"]].sent.end
    j = m["end_tok"]
    while j < end and doc[j].is_lower and doc[j].lower_ in w.type_words:
        j += 1  # the mention's own place word: "Buyir village in ..."
    if j >= end:
        return None
    if doc[j].text in {",", ";", "("}:
        k = j + 1
        while k < end and doc[k].is_lower and doc[k].lower_ in w.directions \
                and not (k + 1 < end and doc[k + 1].lower_ == "of"):
            k += 1  # "Khan Touman, southern Aleppo" (but "X, north of Y" is a tie phrase)
        if k in start_of:
            y = start_of[k]
            after = ms[y]["end_tok"]
            listed = after < end and (doc[after].lower_ in {"and", "or"} or
                                      (doc[after].text == "," and after + 1 in start_of
                                       and not _is_area_mention(doc, ms[start_of[after + 1]])))
            if ms[y].get("_raw_place") and (doc[j].text == "(" or not listed and (
                    _is_area_mention(doc, ms[y])
                    or (after < end and doc[after].text == "," and after + 1 in start_of
                        and _is_area_mention(doc, ms[start_of[after + 1]])))):
                # "Boni (Douentza, Mopti)": brackets after a name give where it lies (ACLED style)
                return y, "enclosing", None
            if ms[y].get("_raw_place") is None and not listed and _is_area_mention(doc, ms[y]):
                return y, "enclosing", None  # "Sabir area, Tuban District, Lahj Governorate"
            return None
        # an apposition: "X, a small village near Y", "X, a Harare township"
        if k < end and doc[k].lower_ in {"a", "an", "the"}:
            k += 1
        for _ in range(6):
            if k >= end:
                return None
            if k in start_of:
                y = start_of[k]
                if ms[y]["mention_kind"] == "demonym":
                    k = ms[y]["end_tok"]
                    continue
                after = ms[y]["end_tok"]
                if after < end and doc[after].is_lower and doc[after].lower_ in w.type_words:
                    return y, "enclosing", None
                return None
            k2, dist = _skip(doc, k, end, w, limit=2, before_tie=True)
            tie = _tie_phrase(doc, k2, end, w, dist is not None)
            if tie:
                return _after_tie(doc, ms, tie, end, start_of, w, dist)
            if doc[k].pos_ in {"ADJ", "NOUN", "PROPN", "NUM"} or doc[k].text == "-":
                k += 1
                continue
            return None
        return None
    k, dist = _skip(doc, j, end, w, limit=3, before_tie=True)
    tie = _tie_phrase(doc, k, end, w, dist is not None)
    return _after_tie(doc, ms, tie, end, start_of, w, dist) if tie else None


def _after_tie(doc: Doc, ms: list[dict], tie: tuple[int, str], end: int, start_of: dict[int, int],
               w: PlaceWords, dist: float | None) -> tuple[int, str, float | None] | None:
    """The mention that follows a tie phrase, past filler words ("in the western countryside of Y")."""
    k, _ = _skip(doc, tie[0], end, w)
    y = start_of.get(k)
    if y is None:
        return None
    after = ms[y]["end_tok"]
    if after < end and doc[after].lower_ in {"'s", "’s"}:
        # "in Aleppo's eastern countryside" is in Aleppo; "in St. Peter's Basilica" names no place
        k2, _ = _skip(doc, after + 1, end, w, limit=2)
        if not (k2 > after + 1 and doc[k2 - 1].lower_ in w.type_words) and k2 not in start_of:
            return None
        if k2 in start_of and ms[start_of[k2]]["mention_kind"] == "name":
            y = start_of[k2]   # "in Nigeria's Zamfara state": the place the possessive holds
    if ms[y]["mention_kind"] == "demonym":
        after = ms[y]["end_tok"]
        if not (after < end and doc[after].lower_ in w.type_words):
            return None  # "in Israeli custody" names no place; "in the Syrian desert" does
    return y, tie[1], dist


def _left_tie(doc: Doc, ms: list[dict], i: int, end_of: dict[int, int], w: PlaceWords
              ) -> tuple[int, str, float | None] | None:
    """The mention that the words before mention i tie it to: "Mogadishu's Huriwaa district",
    "the Homs neighbourhood of Baba Amr", "the northern Tunis suburb of La Marsa", "the
    Kherson city district of Dniprovskyi"."""
    s = ms[i]["start_tok"]
    start = doc[s].sent.start
    k = s - 1
    while k > start and (doc[k].lower_ in w.directions or (doc[k].pos_ == "ADJ" and doc[k].is_lower)) and s - k <= 2:
        k -= 1
    if k > start and doc[k].lower_ in {"'s", "’s"} and k in end_of:
        return end_of[k], "enclosing", None
    if s - 2 > start and doc[s - 1].lower_ == "of" and doc[s - 2].is_lower and doc[s - 2].lower_ in w.of_words:
        # "the Homs neighbourhood of Baba Amr", "Cairo's gated suburb of Madinaty"
        k = s - 2
        while k - 1 > start and s - k <= 4 and (doc[k - 1].lower_ in w.directions
                                                  or (doc[k - 1].is_lower and doc[k - 1].tag_ in {"JJ", "VBN"})
                                                  # ("the Kherson city district of Dniprovskyi")
                                                  or (doc[k - 1].is_lower and doc[k - 1].lower_ in w.type_words)):
            k -= 1
        if k > start and doc[k - 1].lower_ in {"'s", "’s"}:
            k -= 1
        if k in end_of:
            return end_of[k], "enclosing", None
    return None


def _list_of(doc: Doc, ms: list[dict], i: int) -> tuple[int, int]:
    """First and last mention of the coordinated list mention i is in ("A, B and C")."""
    text = doc_text(doc)
    toks = _token_list(doc)

    def joined(a: dict, b: dict) -> bool:
        raw = text[a["end"]:b["start"]]
        # (no sentence starts between: a list is one sentence's)
        return raw.strip() in {",", "and", "or", ", and", ", or", "&"} and "\n" not in raw \
            and not any(toks[k].is_sent_start for k in range(a["end_tok"], b["start_tok"] + 1))
    first = last = i
    while first > 0 and joined(ms[first - 1], ms[first]):
        first -= 1
    while last + 1 < len(ms) and joined(ms[last], ms[last + 1]):
        last += 1
    return first, last


def _consistent(p: dict, anchor: dict, relation: str, dist: float | None) -> bool:
    """Whether place p can be the place that the text puts in or near `anchor`."""
    kind = anchor.get("kind")
    if p["geonames_id"] == anchor["geonames_id"] or p["kind"] in {"country", "continent"}:
        return False
    if kind == "country":
        return p["country_iso2"] == anchor["country_iso2"]
    if kind == "admin1":
        return p["admin1_code"] == anchor["admin1_code"]
    limit = ENCLOSED_KM if relation == "enclosing" else NEARBY_KM
    if dist:
        limit = max(limit, dist * 1.5)
    if kind == "admin2":
        return p["admin1_code"] == anchor["admin1_code"] and _km(p, anchor) < 3 * limit
    return kind in {"city", "feature"} and _km(p, anchor) < limit


def _tied_sense(m: dict, gaz: Gazetteer, anchor: dict, relation: str, dist: float | None) -> dict | None:
    """A gazetteer sense of the mention's own name that the tie confirms, or None.
    Transliterations are matched loosely here, as the tie keeps only senses in the right place."""
    senses = m["senses"]
    if not senses and len(m["key"]) >= 4:
        senses, _ = _senses(gaz, m["lookup"], m["hint"], fuzzy=True)
    fits = [p for p in senses[:60] if _consistent(p, anchor, relation, dist)]
    return max(fits, key=lambda p: _prior(m, p)) if fits else None


def _name_prefix_anchor(ms: list[dict], i: int, gaz: Gazetteer, resolved: dict[str, dict]) -> dict | None:
    """The place that the name of a site starts with ("Deir Ezzor Airport", "Jamsil Stadium"): a
    name the article resolved, or else a country, division or large city. Only for sites (the
    last word a site word of place_type_words.csv): "Washington Township" is not near Washington,
    nor "Hampton Avenue" near Hampton."""
    w = place_words()
    words = ms[i]["mention_text"].split()
    last = normalize_name(words[-1]) if words else ""
    if len(words) < 2 or not words[0][:1].isupper() or last not in w.facility_words:
        return None
    for n in range(len(words) - 1, 0, -1):
        key = normalize_name(" ".join(words[:n]))
        if not key or key in gaz.stopwords or key in w.prefixes or key in w.type_words or key in w.directions:
            continue
        if key in gaz.demonyms:
            return None   # "the Saudi Maternity Hospital" in El Fasher, "the Indonesian Hospital" in
            # Gaza: a people's word names who built or funds the site, not where it is
        if key in resolved:
            return resolved[key]
        senses = gaz.lookup_key(key)[:3]
        if not senses and len(key) >= 6:  # a transliteration ("Deir Ezzor"): closest spellings only
            senses = _senses(gaz, key, None, fuzzy=True, min_ratio=TRANSLITERATION_RATIO)[0][:3]
        if senses:
            # the longest name the gazetteer knows decides ("Montgomery County ..." is not Montgomery)
            # (a city only by a name like its own: "Nasser Hospital" in Khan Younis is not in
            # Ahvaz, one of whose alternate names is Nasser)
            big = [p for p in senses if p["kind"] in {"country", "admin1"}
                   or (p["kind"] == "city" and (p["rank_population"] or 0) >= EMBEDDED_CITY_POPULATION
                       and fuzz.ratio(key, normalize_name(p["place_name"])) >= 70)]
            return big[0] if big else None
    return None


def _direction_part_anchor(m: dict, gaz: Gazetteer, resolved: dict[str, dict], w: PlaceWords
                           ) -> tuple[dict, str] | None:
    """The place a name the gazetteer lacks names a part of ("Western Afghanistan", "Greater
    Damascus"), with the precision: `enclosing` for a part inside it, else `nearby`."""
    words = m["key"].split()
    if len(words) < 2 or words[0] not in w.directions:
        return None
    rest = " ".join(words[1:])
    if rest in w.type_words or rest in FACILITY_WORDS:
        return None  # "West Coast" is no part of Tanzania's Coast region
    place = resolved.get(rest)
    if place is None:
        big = [p for p in gaz.lookup_key(rest)[:3] if _is_large(p) and p["kind"] != "feature"]
        place = big[0] if big else None
    if place is None:
        return None
    return place, ("enclosing" if words[0] in w.part_directions else "nearby")


def _sentence_area(doc: Doc, mentions: list[dict], i: int, w: PlaceWords) -> dict | None:
    """The one first- or second-level division that the sentence of mention i names, when the
    mention itself reads as a place there (after "in", "of", a place word, or recognised from
    place words): "the villages of Burd and Mujaymir" in a sentence about "the Al-Sweida
    Governorate's countryside"."""
    m = mentions[i]
    sent = doc[m["start_tok"]].sent
    first, _ = _list_of(doc, mentions, i)
    before = mentions[first]["start_tok"] - 1
    placey = m["label"] == "cue" or _names_a_quarter(doc, m, w) or (before >= sent.start and (
        doc[before].lower_ in LOCATIVE or doc[before].lower_ == "of" or doc[before].lower_ in w.type_words))
    if not placey:
        return None  # "Yulia was getting better": no place reading to pin
    areas = {o["_raw_place"]["geonames_id"]: o for o in _placed_in_sentence(doc, mentions, m)
             if _is_area_mention(doc, o) and o["_raw_place"]["kind"] != "country"}
    if not areas and _names_a_quarter(doc, m, w):
        # "the Zahraa district" in a sentence about Aleppo: a quarter lies in the one town named
        areas = {o["_raw_place"]["geonames_id"]: o for o in _placed_in_sentence(doc, mentions, m)
                 if o["_raw_place"]["kind"] == "city"}
    return next(iter(areas.values())) if len(areas) == 1 else None


def _placed_in_sentence(doc: Doc, mentions: list[dict], m: dict) -> list[dict]:
    """The other mentions of m's sentence that the resolver placed exactly: what a sentence
    offers to pin an unresolved name to."""
    sent = doc[m["start_tok"]].sent
    return [o for o in mentions if o is not m and o.get("_raw_place") and o.get("place_precision") == "exact"
            and sent.start <= o["start_tok"] < sent.end]


def _sentence_town(doc: Doc, mentions: list[dict], i: int) -> dict | None:
    """The resolved town of mention i's sentence nearest to it, for a road named by its number:
    the road runs by the towns its sentence names."""
    m = mentions[i]
    towns = [o for o in _placed_in_sentence(doc, mentions, m) if o["_raw_place"]["kind"] == "city" and not o.get("in_name")]
    return min(towns, key=lambda o: abs(o["start_tok"] - m["start_tok"]), default=None)


def _names_a_quarter(doc: Doc, m: dict, w: PlaceWords) -> bool:
    """Whether a mention names a part of a town: its name ends in, or is followed by, a
    town_part word of place_type_words.csv ("Al-Manishiyah District", "the Zahraa district",
    "Yarmouk Camp")."""
    words = m["key"].split()
    nxt = doc[m["end_tok"]].lower_ if m["end_tok"] < len(doc) else ""
    return (len(words) > 1 and words[-1] in w.town_parts) or nxt in w.town_parts


def _contradicted(doc: Doc, ms: list[dict], i: int, start_of: dict[int, int], w: PlaceWords) -> bool:
    """Whether resolved mention i is followed by a comma (or "in") and a division or country of
    another country ("Tuban District, Lahj Governorate" read as Indonesia's Tuban, "near Tera in
    Mopti region"; after a place word, a town too: "the Al-Mansoura neighbourhood in Aden"; the
    region closing an ACLED bracket, "(Kaya, Lac)"), or by a place word and "of" a place of
    another country ("the Minyan area of west Aleppo"): the text says where it is, so the
    reading is dropped and the mention is tied to that place instead. A capital or large city
    is dropped only for a namesake of its own in that division ("Athens, Georgia"; not
    "Caracas, Capital District"), or when a place word puts it inside a town. A small town the
    text puts in a town or province of its own country is dropped too when it lies elsewhere
    ("the Dniprovskyi district of Kherson", see `_outside`)."""
    m = ms[i]
    toks = _token_list(doc)
    p = m.get("_raw_place")
    if not p or m["mention_kind"] != "name" or m.get("place_precision") != "exact" \
            or p["kind"] in {"country", "continent"}:
        return False
    if _outside_the_place_before(doc, ms, m, p, w) or _outside_the_possessor(doc, ms, i, p, w):
        return True
    j = m["end_tok"]
    while j < len(doc) and toks[j].is_lower and toks[j].lower_ in w.type_words:
        j += 1
    if j + 1 < len(doc) and toks[j].text == "(" and j + 1 in start_of:
        return _contradicted_in_brackets(doc, ms, start_of[j + 1], p)
    if j > m["end_tok"] and j + 1 < len(doc) and toks[j].lower_ == "of":
        # "the Minyan area of west Aleppo" read as Egypt's Minya: the text says it is in Aleppo
        k = j + 1
        while k < len(doc) and toks[k].is_lower and (toks[k].lower_ in w.directions or toks[k].lower_ == "the"):
            k += 1
        y = ms[start_of[k]] if k in start_of else None
        q = (y or {}).get("_raw_place")
        if not (q and y.get("place_precision") == "exact" and y["mention_kind"] == "name"
                and q["country_iso2"] and p["country_iso2"]):
            return False
        # (and "the Dniprovskyi district of Kherson" read as a village of Kyiv oblast: a small
        # place of the same country that does not lie in the town or province named)
        # (one place word only: in "the Kherson city district of Dniprovskyi" the first word
        # says what the name before it is, and the name after "of" lies in it)
        return q["country_iso2"] != p["country_iso2"] or (
            j - m["end_tok"] == 1 and _outside(p, q))
    if _apposed_elsewhere(doc, ms, j, p, start_of, w):
        return True
    # "near Kouri in Tillaberi region": a town said to lie in a division or country is
    # contradicted by it as by a comma
    inside = j + 1 < len(doc) and toks[j].lower_ == "in"
    # ("Tripoli, northern Lebanon", "Tripoli, in northern Lebanon", "Tripoli in northern Lebanon")
    k = j + 1
    if k < len(doc) and toks[j].text == "," and toks[k].lower_ == "in":
        k += 1
    if k < len(doc) and toks[k].lower_ == "the" and toks[k - 1].lower_ == "in":
        k += 1   # ("Zhuravka in the Sumy region")
    while k < len(doc) and toks[k].is_lower and toks[k].lower_ in w.directions:
        k += 1   # (not "the" after a bare comma: "from Gao, the army sent more troops" names no place of Gao's)
    if j + 1 >= len(doc) or (toks[j].text != "," and not inside) or k not in start_of:
        return False
    inside = inside or (k > j + 1 and toks[j + 1].lower_ == "in")
    y = ms[start_of[k]]
    q = y.get("_raw_place")
    if _modifies_next_noun(doc, y):
        return False   # "in Abu Ghraib, on the edge of Baghdad, U.S. troops clashed": whose troops
    first, last = _list_of(doc, ms, i)
    if not inside and (last - first > 2 or any(doc_text(doc)[a["end"]:b["start"]].strip() != ","
                                               for a, b in zip(ms[first:last], ms[first + 1:last + 1]))):
        return False  # "Trips to Saipan, Guam, Alaska and Hawaii" is a list, not an address
    # "Athens, Georgia": any reading of the division that fits keeps the mention's own reading
    fits = any(o["country_iso2"] == p["country_iso2"] for o in y["senses"] if o["kind"] in AREA_KINDS)
    # "near Ngouboua (Kaya, Lac)": an ACLED bracket closes with the region, by its own name,
    # when only one country has a region of that name ("Northern" is a region of many)
    # (nor a region named by a direction alone, "South" or "North-West", which is how many
    # countries name theirs whatever the gazetteer holds: "(Tyre, South)" is Lebanon's South
    # Governorate, not Cameroon's South Region)
    region_closing = m["start_tok"] > 0 and doc[m["start_tok"] - 1].text == "(" and y["end_tok"] < len(doc) \
        and doc[y["end_tok"]].text == ")" and q is not None and q["kind"] == "admin1" and _main_named(y, q) \
        and len({o["country_iso2"] for o in y["senses"] if o["kind"] == "admin1"}) == 1 and not _direction_named(y)
    # ("the Al-Mansoura neighbourhood in Aden": a place word and "in" put it inside a town too,
    # and so does one before the name: "the colonia San José in Córdoba")
    quarter_before = m["start_tok"] > 0 and toks[m["start_tok"] - 1].is_lower \
        and toks[m["start_tok"] - 1].lower_ in w.town_parts
    typed_inside = inside and (j > m["end_tok"] or quarter_before)
    if quarter_before and inside and q and q["kind"] == "city" and y.get("place_precision") == "exact" \
            and p is not q and not (p["kind"] == "city" and _km(p, q) <= ENCLOSED_KM):
        return True   # ("the colonia Morelos in Ciudad Juárez" read as Morelos state): a part of the town
    contradicted = bool(q and not fits and y.get("place_precision") == "exact" and y["how"] == "exact"
                        and (q["kind"] == "country" or y.get("hint") in ADMIN_HEAD_KINDS or region_closing
                             or typed_inside)
                        and q["country_iso2"] and p["country_iso2"] and q["country_iso2"] != p["country_iso2"])
    if not contradicted and q and inside and y.get("hint") in ADMIN_HEAD_KINDS and q["kind"] == "admin1" \
            and y.get("place_precision") == "exact" and q["country_iso2"] == p["country_iso2"] \
            and p["admin1_code"] != q["admin1_code"] and (p.get("rank_population") or 0) < COMMA_TOWN_MAX_POPULATION \
            and p["kind"] == "city":
        # "the village of Zhuravka in the Sumy region" read as the Zhuravka of another oblast
        return True
    if contradicted and ((p.get("rank_population") or 0) >= COMMA_TOWN_MAX_POPULATION or p.get("feature_code") == "PPLC") \
            and not (typed_inside and q["kind"] == "city"):   # (no large city lies inside a town)
        # "Caracas, Capital District" (a Philippine district by that name): a capital or large
        # city gives way only to a namesake of its own that lies in the division ("Athens,
        # Georgia"); with none, the division's reading is the doubtful one
        return any(o is not p and _consistent(o, q, "enclosing", None) for o in m["senses"][:60])
    return contradicted


def _outside_the_place_before(doc: Doc, ms: list[dict], m: dict, p: dict, w: PlaceWords) -> bool:
    """Whether a small place read for mention m, named after "the <place> <kind> <kind> of"
    ("the Kherson city district of Dniprovskyi"), does not lie in that place: the first kind
    word says what the place before is, the last what m is, so m lies in it."""
    k = m["start_tok"] - 1
    if k < 3 or doc[k].lower_ != "of":
        return False
    j = k
    while j > 0 and doc[j - 1].is_lower and doc[j - 1].lower_ in w.type_words:
        j -= 1
    if k - j < 2:
        return False
    x = next((o for o in ms if o["end_tok"] == j and o.get("place_precision") == "exact"
              and o["mention_kind"] == "name" and o.get("_raw_place")), None)
    q = x["_raw_place"] if x is not None else None
    return bool(q and q["country_iso2"] == p["country_iso2"] and _outside(p, q))


def _outside_the_possessor(doc: Doc, ms: list[dict], i: int, p: dict, w: PlaceWords) -> bool:
    """Whether the place read for mention i, named as a part of a town after the town's
    possessive ("Rio de Janeiro's Alemao and Penha favela complexes", "Mogadishu's Huriwaa
    district"), does not lie in that town (Penha, a town in Santa Catarina): the text says it
    is a part of the town before."""
    toks = _token_list(doc)
    first, last = _list_of(doc, ms, i)
    s, e = ms[first]["start_tok"], ms[last]["end_tok"]
    if e >= len(toks) or not (toks[e].is_lower and toks[e].lower_ in w.town_parts):
        return False   # (the cheap test first: most names are followed by no town part)
    # (back over the list's names the recogniser did not take: "Alemao and")
    k = _list_start(doc, s, toks[s].sent.start, w) - 1
    if k < 1 or toks[k].lower_ not in POSSESSIVES:
        return False
    x = next((o for o in ms if o["end_tok"] == k and o.get("place_precision") == "exact"
              and o["mention_kind"] == "name" and o.get("_raw_place")), None)
    q = x["_raw_place"] if x is not None else None
    return bool(q and q["kind"] == "city" and (q["country_iso2"] != p["country_iso2"] or _outside(p, q)))


def _outside(p: dict, q: dict) -> bool:
    """Whether town p, which the text puts in place q of its country, plainly lies elsewhere: in
    another province than province q, or more than BRACKET_FAR_KM from town q (an "area" of a
    town may reach into its countryside). A capital or large city is not second-guessed."""
    if p["kind"] != "city" or (p["rank_population"] or 0) >= COMMA_TOWN_MAX_POPULATION \
            or p.get("feature_code") == "PPLC":
        return False
    if q["kind"] == "admin1":
        return p["admin1_code"] != q["admin1_code"]
    return q["kind"] == "city" and _km(p, q) > BRACKET_FAR_KM


def _apposed_elsewhere(doc: Doc, ms: list[dict], j: int, p: dict, start_of: dict[int, int], w: PlaceWords) -> bool:
    """Whether a small town's reading p is contradicted by an apposition after the comma at
    token j that puts the name in a division or country of another country ("Soro, a village in
    the Boucle du Mouhoun region" read as a town in India)."""
    toks = _token_list(doc)
    if j + 2 >= len(doc) or toks[j].text != "," or toks[j + 1].lower_ not in ("a", "an") \
            or (p["rank_population"] or 0) >= COMMA_TOWN_MAX_POPULATION:
        return False
    k = j + 2
    while k < len(doc) and toks[k].is_lower and toks[k].pos_ in ("ADJ", "ADV") and k - j < 6:
        k += 1   # "a remote farming village"
    while k < len(doc) and toks[k].is_lower and toks[k].lower_ in w.type_words and k - j < 7:
        k += 1
    if k == j + 2 or k >= len(doc) or toks[k - 1].lower_ not in w.type_words or toks[k].lower_ not in ("in", "of", "near"):
        return False
    k += 1
    while k < len(doc) and toks[k].is_lower and (toks[k].lower_ in w.directions or toks[k].lower_ == "the"):
        k += 1
    y = ms[start_of[k]] if k in start_of else None
    q = (y or {}).get("_raw_place")
    return bool(q and y.get("place_precision") == "exact" and y["mention_kind"] == "name"
                and q["country_iso2"] and p["country_iso2"] and q["country_iso2"] != p["country_iso2"])


def _contradicted_in_brackets(doc: Doc, ms: list[dict], first: int, p: dict) -> bool:
    """Whether the places in brackets after a mention, from mention `first` on, all lie in
    another country than its reading p ("Boni (Douentza, Mopti)" read as Bonn), or name a
    first-level division of its country that p is not in ("Bangui (Ouham-Pende)" read as the
    capital): the ACLED style of giving a place's district and region, which the reading must
    fit."""
    inside: list[dict] = []
    k = first
    while k < len(ms):
        inside.append(ms[k])
        gap = doc_text(doc)[ms[k]["end"]:ms[k + 1]["start"]].strip() if k + 1 < len(ms) else ")"
        if gap != ",":
            break
        k += 1
    places = [y["_raw_place"] for y in inside if y.get("_raw_place") and y.get("place_precision") == "exact"
              and y["mention_kind"] == "name"]
    # (a division named by another of its names counts when it lies in p's country:
    # "Robotyne (Polohy, Zaporizhia)" read as a Rybotyn of Chernihiv oblast)
    divisions = [q for y in inside for q in [y.get("_raw_place")]
                 if q and y.get("place_precision") == "exact" and q["kind"] == "admin1"
                 and (_main_named(y, q) or q["country_iso2"] == p.get("country_iso2"))]
    last = inside[-1].get("_raw_place") if inside[-1].get("place_precision") == "exact" else None
    if last is not None and last["kind"] == "admin1" and _main_named(inside[-1], last) \
            and not _direction_named(inside[-1]) \
            and p["kind"] not in {"country", "continent"} and p.get("country_iso2") \
            and last["country_iso2"] != p["country_iso2"]:
        # "Magwi (Magwi, Eastern Equatoria)" read as Myanmar's Magway: the region closing the
        # bracket lies in another country, whatever the name repeated before it may also read as
        return True
    others = [o for y in inside for o in y["senses"]]
    if p.get("admin1_code") and p["kind"] not in {"country", "continent"} and divisions \
            and not any(o.get("admin1_code") == p["admin1_code"] for o in others):
        # "the village of Bangui (Ouham-Pende)", "Paris (Guera)": the bracket names a province,
        # by its own name, that the capital is not in, and no reading of the bracket's names
        # lies where it does
        return True
    if (p.get("rank_population") or 0) >= COMMA_TOWN_MAX_POPULATION or p.get("feature_code") == "PPLC":
        return False   # "Caracas (Capital District)": a capital outweighs a Philippine district
    towns = [q for q in places if q["kind"] == "city" and q.get("latitude") is not None]
    if p["kind"] == "city" and towns and p.get("latitude") is not None \
            and all(q["country_iso2"] == p["country_iso2"] and q["admin1_code"] == towns[0]["admin1_code"] != p["admin1_code"]
                    for q in towns) and _km(p, towns[0]) > BRACKET_FAR_KM:
        # "Robotyne (Polohy, Zaporizhia)" read as a Rybotyn of another oblast: the bracket's
        # towns agree on a province that the reading is not in, far from the first of them
        # (the district; the region named last may be read as its namesake capital)
        return True
    fits = any(o["country_iso2"] == p["country_iso2"] for o in others)
    if not any(_main_named(y, y["_raw_place"]) for y in inside if y.get("_raw_place")):
        return False   # "Duhok (Kurdistan Region)": a division matched only by another of its
        # names (Iran's Kordestan) does not outweigh the town's own reading
    return bool(places) and not fits and bool(p["country_iso2"]) \
        and all(q["country_iso2"] and q["country_iso2"] != p["country_iso2"] for q in places)


def _direction_named(m: dict) -> bool:
    """Whether a mention names its place by a direction alone ("South", "North-West",
    "Southern"): many countries name a region so, whether or not the gazetteer holds theirs
    by that name ("(Tyre, South)" is Lebanon's South Governorate, not Cameroon's South)."""
    words = m["key"].replace("-", " ").split()
    return bool(words) and all(word in place_words().directions for word in words)


# A town read this far from the towns in the ACLED bracket after it, in another province, is a
# namesake (see _contradicted_in_brackets).
BRACKET_FAR_KM = 100.0


def _main_named(m: dict, p: dict | None) -> bool:
    """Whether mention m names place p by p's own name, its place word aside ("Mopti",
    "Kidal Region"), rather than by one of its other names."""
    if not m or not p:
        return False
    own = normalize_name(p["place_name"])
    key = m.get("lookup") or m["key"]
    return own == m["key"] or own == key


def _pin(m: dict, place: dict, precision: str, score: float | None) -> None:
    """Give mention m a place with its precision and score (the ranking keys kept for ties)."""
    m["_raw_place"] = place
    m["place"] = public_place(place)
    m["place_precision"] = precision
    m["resolution_score"] = round(min(1.0, max(0.0, score or 0.0)), 3)


# A place this large keeps its reading even when the town after its comma lies in another country.
COMMA_TOWN_MAX_POPULATION = 500_000


def _comma_town_contradictions(doc: Doc, mentions: list[dict]) -> None:
    """Unresolve "X" in "X, Y" when Y is a town and X's reading lies in another country
    ("Eastleigh, Nairobi" is no English Eastleigh), and "X" in "Y's X" likewise ("London's
    Heathrow" is no Heathrow, Florida), in place: the name may then stand by itself
    (a name-only place in the town's country) or be tied to the place around it.

    Not in a list of places ("Paris, London and Berlin"): Y must end the run of names. Not
    for a country, division or feature, nor a town of COMMA_TOWN_MAX_POPULATION or more,
    except the first name in an ACLED bracket ("Taizz city (Al Qahirah, Taizz)"), which lies
    in the country of the places on both sides of it whatever its size."""
    text = doc_text(doc)
    wrong: set[str] = set()
    for i, (a, b) in enumerate(zip(mentions, mentions[1:])):
        pa, pb, raw = a.get("place"), b.get("place"), a.get("_raw_place") or {}
        if not pa or not pb or a["mention_kind"] != "name" or text[a["end"]:b["start"]].strip() != ",":
            continue
        if not str(pb.get("feature_code") or "").startswith("PPL") or pa["country_code"] == pb["country_code"]:
            continue
        if raw.get("kind") in {"country", "continent", "admin1", "feature"} \
                or (raw.get("rank_population") or 0) >= COMMA_TOWN_MAX_POPULATION:
            continue
        if _list_of(doc, mentions, i + 1)[1] > i + 1:
            continue   # a list of places
        wrong.add(a["key"])
    for a, b in zip(mentions, mentions[1:]):
        # "London's Heathrow" is no Heathrow, Florida: a town's possession lies in its country
        pa, pb, raw = a.get("place"), b.get("place"), b.get("_raw_place") or {}
        if not pa or not pb or b["mention_kind"] != "name" or text[a["end"]:b["start"]].strip() not in POSSESSIVES:
            continue
        if str(pa.get("feature_code") or "").startswith("PPL") and pa["country_code"] != pb["country_code"] \
                and raw.get("kind") not in {"country", "continent", "admin1", "feature"} \
                and (raw.get("rank_population") or 0) < COMMA_TOWN_MAX_POPULATION:
            wrong.add(b["key"])
    for a, x, b in zip(mentions, mentions[1:], mentions[2:]):
        # "Taizz city (Al Qahirah, Taizz)": the district in an ACLED bracket lies in the
        # country of the place before the bracket and of the division after its comma; a
        # reading elsewhere (Cairo) is a namesake, however large
        pa, px, pb, raw = a.get("place"), x.get("place"), b.get("place"), x.get("_raw_place") or {}
        before = text[a["end"]:x["start"]].split()
        if not pa or not px or not pb or x["mention_kind"] != "name" or not before or before[-1] != "(" \
                or any(w.lower() not in place_words().type_words for w in before[:-1]) \
                or text[x["end"]:b["start"]].strip() != "," or raw.get("kind") in {"country", "continent"}:
            continue
        if pa["country_code"] and pa["country_code"] == pb["country_code"] != px["country_code"]:
            wrong.add(x["key"])
    for m in mentions:
        if m["key"] in wrong and m.get("place"):
            m.update(_raw_place=None, place=None, place_precision=None, resolution_score=None)


def _tie_unresolved(doc: Doc, mentions: list[dict], gaz: Gazetteer) -> None:
    """Resolve or pin the unresolved toponyms that the text ties to a resolved place (ACLED style).

    Why: the gazetteer lacks most villages and neighbourhoods that conflict news names, but the
    text usually says where they are ("Al-Lataminah, a village in northern Hama countryside",
    "Mogadishu's Huriwaa district", "Tahrawa, a village near Mosul"). A sense of the name that
    lies where the text says is taken exactly; otherwise the mention gets the place it is tied
    to, marked `enclosing` or `nearby`. Only ties in the same sentence count, in this order:
    the words after the mention (or after the list it is in), the words before it, the place
    its name names a part of ("Western Afghanistan"), a place a site's name starts with ("Deir
    Ezzor Airport"), and lastly the one division named in the sentence. A place named only
    somewhere else in the article is never used. A resolved town followed by a comma or "in" and
    a division or country of another country ("Tuban District, Lahj Governorate") loses its
    reading first, since the text says where it is.
    """
    w = place_words()
    start_of = {m["start_tok"]: i for i, m in enumerate(mentions)}
    end_of = {m["end_tok"]: i for i, m in enumerate(mentions)}
    dropped = {mentions[i]["key"] for i in range(len(mentions)) if _contradicted(doc, mentions, i, start_of, w)}
    for m in mentions:
        if m["key"] in dropped and m["mention_kind"] == "name":
            m.update(_raw_place=None, place=None, place_precision=None, resolution_score=None)
    resolved = {m["key"]: m["_raw_place"] for m in mentions
                if m.get("_raw_place") and m.get("place_precision") == "exact" and m["mention_kind"] == "name"}
    for m in mentions:
        words, _ = _generic_suffix(doc, m["end_tok"], m["key"].split())
        m["lookup"] = " ".join(words)

    def anchor_of(i: int) -> tuple[int, str, float | None] | None:
        first, last = _list_of(doc, mentions, i)
        for j, side in ((i, "right"), (last, "right"), (i, "left"), (first, "left")):
            got = _right_tie(doc, mentions, j, start_of, w) if side == "right" else _left_tie(doc, mentions, j, end_of, w)
            if got and got[0] != i and not across_a_border(doc, mentions[got[0]]["start_tok"]):
                return got   # (not "Yunakivka, near the border with Russia": the neighbour)
        return None

    settling: set[int] = set()

    def settle(i: int) -> None:
        m = mentions[i]
        if m.get("_raw_place") or m["mention_kind"] != "name" or i in settling:
            return
        settling.add(i)
        tie = anchor_of(i)
        if tie:
            y, relation, dist = tie
            settle(y)
            a = mentions[y]
            if a.get("_raw_place"):
                anchor = a["_raw_place"]
                share = (a.get("resolution_score") or 0.0)
                own = _tied_sense(m, gaz, anchor, relation, dist) if a.get("place_precision") == "exact" else None
                if own:
                    _pin(m, own, "exact", share * TIED_SENSE_SHARE)
                elif anchor["kind"] == "country":
                    # "the town of Pont-Sonde in central Haiti": pinned to the country it would
                    # lose its name; it stays a place known by its name in that country
                    m["_tied_country"] = anchor["country_code"]
                else:
                    precision = "nearby" if "nearby" in {relation, a.get("place_precision")} else "enclosing"
                    _pin(m, anchor, precision, share * PIN_SCORE_SHARE[precision])
                return
        part = _direction_part_anchor(m, gaz, resolved, w)
        if part:
            _pin(m, part[0], part[1], PIN_SCORE_SHARE[part[1]])
            return
        prefix = _name_prefix_anchor(mentions, i, gaz, resolved)
        if prefix:
            _pin(m, prefix, "nearby", PIN_SCORE_SHARE["nearby"])
            return
        if m["how"] == "road":
            town = _sentence_town(doc, mentions, i)
            if town is not None:   # "via the B4070, ... from the bypass to Tetbury"
                _pin(m, town["_raw_place"], "nearby", (town.get("resolution_score") or 0.0) * SENTENCE_AREA_SHARE)
                m["_weak_pin"] = True
                return
        a = _sentence_area(doc, mentions, i, w)
        if a is not None:
            own = _tied_sense(m, gaz, a["_raw_place"], "enclosing", None)
            if own:
                _pin(m, own, "exact", (a.get("resolution_score") or 0.0) * SENTENCE_AREA_SHARE)
            else:
                _pin(m, a["_raw_place"], "enclosing", (a.get("resolution_score") or 0.0) * SENTENCE_AREA_SHARE)
            m["_weak_pin"] = True

    for i in range(len(mentions)):
        settle(i)
    # one reading per name in an article: later bare mentions of a tied name share its place
    by_key: dict[str, dict] = {}
    for m in mentions:
        if m.get("_raw_place") and m["mention_kind"] == "name" and not m.get("_weak_pin"):
            by_key.setdefault(m["key"], m)
    for m in mentions:
        src = by_key.get(m["key"])
        if src is not None and not m.get("_raw_place") and m["mention_kind"] == "name":
            _pin(m, src["_raw_place"], src["place_precision"], src["resolution_score"])


def _capital_named(doc: Doc, m: dict, gaz: Gazetteer) -> dict | None:
    """The capital a country mention names with the noun after it, when no name follows:
    "in Somalia's capital", "the Somali capital" (a demonym) stand for Mogadishu. None
    otherwise ("Yemen's capital Sanaa" names Sanaa itself, a mention of its own).

    Why: wires place events so ("a car bomb exploded outside a restaurant in Somalia's
    capital"); the event happened in the city, not somewhere in the country. The mention
    itself still names the country; events take this place (see events.find_events)."""
    p = m.get("_raw_place") if m["mention_kind"] == "name" else (m["senses"][0] if m["senses"] else None)
    if not p or p.get("kind") != "country" or not p.get("country_iso2") and m["mention_kind"] == "name":
        return None
    k = m["end_tok"]
    if m["mention_kind"] == "name":
        if k + 1 >= len(doc) or doc[k].lower_ not in POSSESSIVES:
            return None
        k += 1
    elif m["start_tok"] == 0 or doc[m["start_tok"] - 1].lower_ != "the":
        return None
    if k >= len(doc) or doc[k].lower_ != "capital":
        return None
    after = doc[k + 1] if k + 1 < len(doc) else None
    if after is not None and (after.text[:1].isupper() or (after.text == "," and k + 2 < len(doc)
                                                            and doc[k + 2].text[:1].isupper()
                                                            and doc[k + 2].ent_type_ in ("GPE", "LOC", "FAC"))):
        return None   # "Yemen's capital Sanaa", "the Afghan capital, Kabul"
    iso2 = p.get("country_iso2") or _iso2_of(gaz, p)
    capital = gaz.capital(iso2) if iso2 else None
    return public_place(capital) if capital else None


def _iso2_of(gaz: Gazetteer, p: dict) -> str | None:
    """The ISO alpha-2 code of a country row that lacks it (demonyms point at country rows)."""
    row = gaz.country(p["country_code"]) if p.get("country_code") else None
    return (row or {}).get("country_iso2")


def _unresolved_reason_code(doc: Doc, m: dict) -> str | None:
    """Why a toponym has no place (see `unresolved_reason_code` in fields.yaml); None when it has
    one. The resolver tells apart a name the gazetteer lacks, a facility (which it never holds)
    and a small namesake it would not guess without support from the article."""
    if m.get("place"):
        return None
    if m["senses"]:
        return "no_context"
    words = m["key"].split()
    nxt = doc[m["end_tok"]].lower_ if m["end_tok"] < len(doc) else ""
    if m["label"] == "FAC" or (words and words[-1] in FACILITY_WORDS) or nxt in FACILITY_WORDS:
        return "facility"
    return "not_in_gazetteer"


# ---------------------------------------------------------------- entry point

@functools.lru_cache(maxsize=None)
def actor_lexicon_words(name: str, column: str, sector: str | None = None) -> frozenset[str]:
    """The head (last) word of each entry of an actor lexicon column ("prime minister" gives
    "minister"), of the rows of one `sector_code` when `sector` is given: the actor data files
    say which nouns name people and bodies."""
    with open(ACTOR_DATA / name, encoding="utf-8", newline="") as fh:
        return frozenset(row[column].strip().lower().split()[-1] for row in csv.DictReader(fh)
                         if row[column].strip() and (sector is None or row.get("sector_code") == sector))


@functools.lru_cache(maxsize=1)
def ethnic_words() -> frozenset[str]:
    """Lower-case names, adjectives and plurals of the communities in the actor lexicon
    (actors_ethnic_groups.csv): "Sikh villages" are a people's, not villages named Sikh."""
    out: set[str] = set()
    for row in read_csv_rows(ACTOR_DATA / "actors_ethnic_groups.csv"):
        for col in ("group_name", "adjectives", "plurals"):
            out.update(x.strip().lower() for x in (row.get(col) or "").split("|") if x.strip())
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def people_adjectives() -> frozenset[str]:
    """Adjectives of peoples and faiths that before a place word say whose place it is ("a
    Bedouin village"), besides the actor lexicon's communities (ethnic_words):
    people_adjectives.txt, a data file."""
    return frozenset(read_word_list("people_adjectives.txt"))


def _division_word(word: str) -> bool:
    """Whether a place word names a division ("region", "state", "province"): divisions are often
    named after their people ("the Amhara region", "Somali region"), villages are said whose
    they are ("a Yazidi village")."""
    return ADMIN_SUFFIX.get(word) in ("admin1", "admin2")


def _people_word(word: str) -> bool:
    """Whether a lower-case word names a people or faith (a community of the actor lexicon or
    people_adjectives.txt): before a place word it says whose place it is, not its name."""
    return word in ethnic_words() or word in people_adjectives()


@functools.lru_cache(maxsize=1)
def actor_head_nouns() -> frozenset[str]:
    """Nouns that name people, bodies or their acts (from the actor lexicons, data files)."""
    return frozenset().union(*(actor_lexicon_words(name, column) for name, column in (
        ("agents.csv", "noun"), ("actors_titles.csv", "title"),
        ("actors_org_words.csv", "word"), ("actors_demonym_heads.csv", "noun"))))


@functools.lru_cache(maxsize=1)
def located_nouns() -> frozenset[str]:
    """Event and site nouns that a place name before them locates ("the Mosul operation"):
    located_nouns.txt, a data file."""
    return frozenset(read_word_list("located_nouns.txt"))


AFFILIATION_PARTICIPLES = frozenset(read_word_list("affiliation_participles.txt"))


def _names_an_actor(doc: Doc, m: dict) -> bool:
    """Whether a demonym or a place name only says whose an actor is ("Russian diplomats", "the
    Iraqi and US governments", "U.S. President Donald Trump", "US officials"): that is an
    actor's affiliation, recorded in the actor tables, not a place where anything is or
    happens. "Russian border", "the Syrian city", "Benue state", "the Mosul operation"
    (located_nouns.txt) and "the Pakistan Army" (an organisation's own name) stay place
    mentions. A country that holds an office or a body ("Venezuela's minister", "the President of
    Armenia", "the government of Afghanistan") is whose it is too; a demonym before a person's
    role ("a Russian spy", "Iranian engineers") is a nationality.
    """
    if m["mention_kind"] != "demonym" and not (m["mention_kind"] == "name" and m.get("place_precision") == "exact"):
        return False
    toks = _token_list(doc)
    s, e = m["start_tok"], m["end_tok"]
    if e + 1 < len(toks) and toks[e].text == "-" and not toks[e - 1].whitespace_ and not toks[e].whitespace_ \
            and toks[e + 1].lower_ in AFFILIATION_PARTICIPLES \
            and (str((m["place"] or {}).get("feature_code") or "").startswith("PCL")
                 or (m["place"] or {}).get("feature_code") == "PPLC"):
        return True   # "a Yemeni-flagged dhow", "Russian-backed forces", "a US-led coalition",
        # "Tehran-backed militias" (a capital for its government)
    if m["mention_kind"] == "name" and s > 1 and toks[s - 1].text == "(" and e < len(toks) and toks[e].text == ")" \
            and str((m["place"] or {}).get("feature_code") or "").startswith("PCL") \
            and (toks[s - 2].lower_ in actor_head_nouns() or toks[s - 2].lemma_.lower() in actor_head_nouns()):
        return True   # "Rioters (Bangladesh) clashed with police in Gopalganj": a coder's label of whose
    if m["mention_kind"] == "name" and s > 0 and (toks[s - 1].lower_ in LOCATIVE or toks[s - 1].text == "("):
        return False  # "police in Dhaka (Dhaka) baton-charged workers", whatever the parse
    if m["mention_kind"] == "name" and e < len(toks) and toks[e].is_lower and toks[e].lower_ in ADMIN_SUFFIX \
            and not str(m["place"]["feature_code"] or "").startswith("PCL"):
        return False  # "the Michoacan state government": whose, but a division's officials act there
    tok = toks[s] if e - s == 1 else doc[s:e].root
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    head = tok.head
    country = m["mention_kind"] == "name" and str((m["place"] or {}).get("feature_code") or "").startswith("PCL")
    if country and _office_of(doc, m, tok):
        return True
    if country and tok.dep_ == "poss" and head.i >= m["end_tok"]:
        # "Venezuela's minister", "Japan's Ministry of Agriculture": whose office, not where (a
        # town's or a province's officials, "the governor of Ghazni", act there and stay)
        return _office_word(head)
    if tok.dep_ not in {"amod", "compound", "nmod"} or head.i < m["end_tok"]:
        return False
    if not head.is_lower and head.lower_.rstrip(".") in person_titles() and m["label"] != "embedded":
        return True  # "U.S. President Donald Trump", "EU Commissioner"
    if m["mention_kind"] == "name" and (not head.is_lower or head.lower_ in place_words().type_words
                                        or head.lower_ in located_nouns()):
        return False
    if _modifies_local_body(doc, m):
        return False  # "a Chicago police officer": a town's police act where it is
    return head.lower_ in actor_head_nouns() or head.lemma_.lower() in actor_head_nouns() \
        or (m["mention_kind"] == "demonym" and head.lemma_.lower() in role_nouns())


def _modifies_local_body(doc: Doc, m: dict) -> bool:
    """Whether a town's name modifies its police or a local office ("a Chicago police officer",
    "Panchkula police", "the Kano mayor"): a town's police act in the town, so the name stays a
    place, and where they acted. Not a country's or a division's (whose forces and guards act
    elsewhere: "Oregon Guard troops") nor a capital's ("Moscow officials" stand for the
    country's government)."""
    code = str((m["place"] or {}).get("feature_code") or "")
    if m["mention_kind"] != "name" or not m["place"] or not code.startswith("PPL") or code == "PPLC":
        return False
    s, e = m["start_tok"], m["end_tok"]
    tok = _token_list(doc)[s] if e - s == 1 else doc[s:e].root
    if tok.dep_ not in {"amod", "compound", "nmod"} or tok.head.i < e:
        return False
    h = tok.head
    while True:
        if h.lemma_.lower() in local_body_nouns() or h.lower_ in local_body_nouns():
            return True
        if h.dep_ not in ("compound", "amod") or h.head.i <= h.i:
            return False
        h = h.head


@functools.lru_cache(maxsize=1)
def local_body_nouns() -> frozenset[str]:
    """Nouns of a town's police (agents.csv rows of sector COP) and of its local offices
    (actors_local_offices.txt), from the actor lexicon's data files."""
    return actor_lexicon_words("agents.csv", "noun", "COP") | frozenset(read_word_list("actors_local_offices.txt", ACTOR_DATA))


def _office_word(tok: Token) -> bool:
    """Whether a noun names an office or a body (a title, or a word that ends a body's name):
    what a place before it or after "of" holds, rather than a site."""
    word = tok.lower_.rstrip(".")
    return (word in person_titles() or word in org_head_words()) and word not in place_words().type_words


def _office_of(doc: Doc, m: dict, tok: Token) -> bool:
    """A name after "of" that says whose an office is ("the Governor of Sokoto State", "the
    Prime Minister of the UAE", "the government of Gilgit-Baltistan"); not a place inside the
    name of a body ("University of Lagos": a body word with a capital starts a name)."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.i >= m["start_tok"]:
        return False
    owner = tok.head.head
    if owner.i >= tok.head.i or owner.pos_ not in {"NOUN", "PROPN"}:
        return False
    # (a body word only in lower case: "the government of X", not "the University of X")
    return _office_word(owner) and (owner.is_lower or owner.lower_.rstrip(".") in person_titles())


@functools.lru_cache(maxsize=1)
def org_head_words() -> frozenset[str]:
    """Words that end the name of a body (actors_org_words.csv, actors_body_words.txt)."""
    return actor_lexicon_words("actors_org_words.csv", "word") | frozenset(
        read_word_list("actors_body_words.txt", ACTOR_DATA))


def named_place(name: str, country: dict | None) -> dict:
    """A place known only by its name and country: a `places` row with no GeoNames id, placed
    at its country's point (as ACLED places an event it can locate no closer); with no
    country (`country` None: nothing in the article says which), no country and no point.

    Why: an event in a village the gazetteer lacks still happened somewhere a researcher can
    name ("Jobar", "Kitshanga"); ACLED keeps such locations by name. The id is the name's slug
    and its country, so the same village named by several articles is one place."""
    words = name.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    if len(words) > 1 and words[-1].islower() and words[-1] in place_words().type_words:
        words = words[:-1]   # "Torkula village" is Torkula
    name = " ".join(words)
    slug = slugify(name) or "x"
    code = country["country_code"] if country else None
    return {"place_id": f"nm:{(code or '').lower()}:{slug}", "place_name": name, "geonames_id": None,
            "feature_code": None, "country_code": code, "admin1_name": None,
            "latitude": country["latitude"] if country else None,
            "longitude": country["longitude"] if country else None, "population": None}


# Words before a name that say it is where something happens, for a name-only place.
NAME_ONLY_PREPOSITIONS = (PLACING_WORDS - {"from"}) | {"around", "on", "toward", "towards", "through"}


# Words that name no particular site: a facility named with only these ("City Hall", "Main
# Street", "the Central Hospital") is no place of its own without its town. (data file)
GENERIC_NAME_WORDS = frozenset(read_word_list("generic_name_words.txt"))
# Verbs whose object, when it is a toponym, is where the act happened ("targeting Umm Batna").
NAME_ONLY_VERBS = PLACE_VERBS | {"target", "attack", "raid", "bomb", "strike", "hit", "control", "defend",
                                 "clear", "cross"}


def _name_only_ok(doc: Doc, m: dict, gaz: Gazetteer) -> bool:
    """Whether an unplaced toponym may stand as a place by its name: the sentence marks it as a
    place (a place word, a bracket, a toponym prefix: a cue), or it follows a locative
    preposition or a verb that takes places ("storming Al-Madiyounah"). Not a facility (a
    street or hall is no place of its own without its town), a namesake the resolver would
    not guess, nor a word that is also a common one ("the Valley", "the Gulf")."""
    generic = _only_generic_words(m["key"], gaz)
    if (_unresolved_reason_code(doc, m) == "facility" and generic) or m["key"] in gaz.stopwords \
            or m["key"] in place_words().type_words or m["key"] in place_words().directions:
        return False
    s, e = m["start_tok"], m["end_tok"]
    if e < len(doc) and doc[e].lower_ in POSSESSIVES and not _possessed_place_part(doc, e):
        return False   # "Tchaikovsky's concerto", "Modi's cabinet": a person's or a body's
    if m["how"] == "cue" or _place_cue(doc, s, e, doc[s].sent, place_words(), m["label"]) is not None:
        return True
    k = s - 1   # past "the", "strategic", "eastern": "to storm the strategic Jazal Mountains"
    while k >= 0 and (doc[k].lower_ in {"the", "a", "an"} or doc[k].pos_ == "ADJ"
                      or doc[k].lower_ in place_words().directions):
        k -= 1
    return k >= 0 and (doc[k].lower_ in NAME_ONLY_PREPOSITIONS
                       or (doc[k].pos_ == "VERB" and doc[k].lemma_.lower() in NAME_ONLY_VERBS))


def _after_locative(doc: Doc, i: int) -> bool:
    """Whether the name at token i follows a locative word, past "the" and a direction ("in
    southern Syria", "across the Donbas")."""
    toks = _token_list(doc)
    k = i - 1
    while k >= 0 and (toks[k].lower_ in {"the", "a", "an"} or toks[k].lower_ in place_words().directions):
        k -= 1
    if k >= 1 and toks[k].lower_ == "of" and toks[k - 1].is_lower and toks[k - 1].lower_ in OF_KIND:
        return True   # ("sent to the town of Tibu": a settlement named as such)
    return k >= 0 and toks[k].lower_ in LOCATIVE


# Nouns of a border: a country named "with" one lies across it ("near the border with Niger").
BORDER_NOUNS = {"border", "borders", "frontier", "frontiers", "boundary", "boundaries"}


def across_a_border(doc: Doc, i: int, located: bool = False) -> bool:
    """Whether the name at token i is the other side of a border ("the border with Rwanda and
    Burundi", "its frontier with Niger"): a neighbour, not where the story is. With `located`,
    only a border that says where something is ("near the border with Niger"), not one that is
    acted on ("closed its borders with Iran", whose neighbour is the target)."""
    toks = _token_list(doc)
    k = i - 1
    while k >= 0 and i - k < 10 and (toks[k].lower_ in {"the", "and", "or", ","} or toks[k].text[:1].isupper()):
        k -= 1
    if not (k >= 1 and toks[k].lower_ == "with" and toks[k - 1].lower_ in BORDER_NOUNS):
        return False
    border = toks[k - 1]
    return not located or (border.dep_ == "pobj" and border.head.lower_ in BORDER_PLACING_WORDS)


# Words before a border that say something lies at it ("near the border with", "on the border").
BORDER_PLACING_WORDS = {"near", "along", "on", "at", "across", "to", "by", "over", "from", "in", "close"}


def _dominant(codes: Counter) -> str | None:
    """The country counted at least twice as often as any other, or None."""
    top = codes.most_common(2)
    if not top or (len(top) > 1 and top[1][1] * 2 > top[0][1]):
        return None
    return top[0][0]


def _name_only_candidates(doc: Doc, mentions: list[dict], sent: list[int], gaz: Gazetteer,
                          affiliations: list[dict]) -> None:
    """Give each unplaced toponym that may stand as a place by its name (see _name_only_ok) a
    name-only place (`candidate`), with the country the article's places are mostly in, else
    the one its sentence's places are mostly in, else the one its demonyms name (in place;
    `affiliations` are the demonyms that only say whose an actor is). Only the ones an event
    happened at are published (see extract.py)."""
    def main_country(ms: list[dict], kinds: tuple[str, ...] = ("name",)) -> str | None:
        # the places the text says things happen in ("in Syria") before those it names as
        # actors or owners ("Russia is concerned", "Moscow's concern"), and never a country
        # across a border ("in Kamanyola, near the border with Rwanda and Burundi")
        placed = [m for m in ms if m.get("place") and m["place"].get("country_code") and m["mention_kind"] in kinds
                  and not across_a_border(doc, m["start_tok"])]
        where = [m for m in placed if _after_locative(doc, m["start_tok"])]
        return _dominant(Counter(m["place"]["country_code"] for m in where or placed))
    # named places first ("Russian-backed" says whose, not where); demonyms only when the text
    # names no place with a country ("in the Somali port city of X"), and last the countries
    # of its actors ("the Syrian Army stormed Al-Madiyounah")
    # (the countries are counted only for a sentence holding such a toponym: most hold none)
    unplaced = [m for m in mentions
                if m.get("place") is None and m["mention_kind"] == "name" and _name_only_ok(doc, m, gaz)]
    if not unplaced:
        return
    article = main_country(mentions)
    by_demonym = main_country(mentions, ("name", "demonym")) \
        or main_country(mentions + affiliations, ("name", "demonym"))
    by_sentence: dict[int, list[dict]] = {}
    for m in mentions:
        by_sentence.setdefault(sent[m["start_tok"]] if len(sent) else 0, []).append(m)
    wanted = {id(m) for m in unplaced}
    for ms in by_sentence.values():
        if not any(id(m) in wanted for m in ms):
            continue
        code = article or main_country(ms) or by_demonym
        country = gaz.country(code) if code else None
        for m in ms:
            if id(m) in wanted:
                owner = _owning_country(m, gaz)
                if owner is not None and not m.get("_tied_country"):
                    m["_tied_country"] = owner   # "Israel's Ben Gurion Airport": in Israel
                only = _only_country(m)
                if m.get("_tied_country"):
                    m["candidate"] = named_place(m["mention_text"], gaz.country(m["_tied_country"]))
                elif only is not None and only != code:
                    # "in Khan Younis" in a story the resolver could not tie to Gaza: the
                    # gazetteer knows the name in one country only, a better guess of its
                    # country than the story's or its actors'
                    m["candidate"] = named_place(m["mention_text"], gaz.country(only))
                elif country is None and m["how"] == "site":
                    pass   # (a site read from an organisation's name needs a country to stand as a place)
                elif country is None:
                    m["needs_country"] = True   # the actors' country may settle it (extract.py)
                else:
                    m["candidate"] = named_place(m["mention_text"], country)
    # one name, one place: the other mentions of a name that may stand as a place share it
    by_key = {m["key"]: m["candidate"] for m in mentions if m.get("candidate")}
    for m in mentions:
        if m.get("place") is None and m["mention_kind"] == "name" and not m.get("candidate") \
                and m["key"] in by_key:
            m["candidate"] = by_key[m["key"]]


def _only_country(m: dict) -> str | None:
    """The one country all the places the gazetteer knows by a name of two or more words lie
    in, matched as written, or None (one word, no sense, a loose spelling, a name led by an
    Arabic article, or senses in several countries)."""
    words = m["key"].split()
    if len(words) < 2 or m.get("how") != "exact" or words[0] in ARABIC_ARTICLES:
        return None   # (a loose spelling, or "Al-Matar": an article and a common word, met anywhere)
    countries = {p.get("country_code") for p in m["senses"]}
    # (a division, a feature or a large town: a small town's name recurs in other countries the
    # gazetteer does not list, "Las Casas")
    notable = any(p["kind"] != "city" or (p["rank_population"] or 0) >= ONLY_COUNTRY_POPULATION for p in m["senses"])
    return next(iter(countries)) if len(countries) == 1 and notable else None


# Population from which a town known in one country only lends that country to its name.
ONLY_COUNTRY_POPULATION = 50_000


def _owning_country(m: dict, gaz: Gazetteer) -> str | None:
    """The country a site's name starts with in the possessive ("Israel's Ben Gurion Airport",
    "Syria's Hmeimim air base"): the site lies in it. None otherwise."""
    text = m["mention_text"]
    for mark in ("'s ", "’s "):
        if mark in text:
            head = normalize_name(text.split(mark, 1)[0])
            country = next((p for p in gaz.lookup_key(head)[:3] if p["kind"] == "country"
                            and normalize_name(p["place_name"]) == head), None) if head else None
            return country["country_code"] if country else None
    return None


def _church_as_body(doc: Doc, m: dict, gaz: Gazetteer) -> bool:
    """Whether a name is "the" and a church named by its denomination alone ("the Catholic
    Church", "the Anglican Church"): the body of believers, not a building ("a commission of the
    Catholic Church"; "the Third Presbyterian Church", "Holy Redeemer Church" are buildings)."""
    words = m["key"].split()
    s = m["start_tok"]
    return len(words) > 1 and words[-1] in ("church", "churches") and s > 0 and doc[s - 1].lower_ == "the" \
        and not m["senses"] and _only_generic_words(" ".join(words[:-1]), gaz)


def _only_generic_words(key: str, gaz: Gazetteer, also: frozenset[str] = frozenset()) -> bool:
    """Whether a name is made only of common, generic, site or direction words ("City Hall",
    "North State"), or of words in `also`."""
    w = place_words()
    return all(x in gaz.stopwords or x in GENERIC_NAME_WORDS or x in FACILITY_WORDS or x in w.directions
               or x in also for x in key.split())


def _readings_by_country(m: dict) -> dict[str, dict]:
    """The largest town or division of each country a name may stand for, as public places."""
    out: dict[str, dict] = {}
    for p in m["senses"][:60]:
        code = p.get("country_code")
        if code and p["kind"] in {"city", "admin1", "admin2"} and (
                code not in out or (p["rank_population"] or 0) > out[code][1]):
            out[code] = (p, p["rank_population"] or 0)
    return {code: public_place(p) for code, (p, _pop) in out.items()}


# resolution_score of a namesake placed by the country of the article's actors alone.
ACTOR_COUNTRY_SCORE = 0.3


def with_actor_country(place_mentions: list[dict], actor_mentions: list[dict], gaz: Gazetteer) -> None:
    """Settle, by the country the article's actors mostly belong to, the toponyms its places
    could not: a name-only toponym whose article names no country of a place ("the Syrian Army
    stormed the village of X") takes that country (or, with no actor's country either, none),
    and a namesake left unplaced for want of
    context ("the FSA withdrew from Akhtreen") takes its reading in that country, with a low
    resolution_score. In place."""
    waiting = [m for m in place_mentions if m.get("needs_country") and not m.get("candidate")]
    namesakes = [m for m in place_mentions if m.get("by_country") and m.get("place") is None]
    if not waiting and not namesakes:
        return
    # a bare demonym ("the Russian airstrikes", "Turkish shelling") tells whose the act is, and
    # it is usually a foreign hand; the named forces ("the Syrian Arab Army") tell the country
    code = _dominant(Counter(a["actor"]["country_code"] for a in actor_mentions
                             if a["actor"].get("country_code") and a["actor"]["country_code"] not in {"IGO", "NGO", "IMG"}
                             and normalize_name(a["mention_text"]) not in gaz.demonyms))
    country = gaz.country(code) if code else None
    # with no country to go by, the place keeps its name alone: "inside Kafr Sousah" still
    # says where the bomber struck, though not in which country
    for m in waiting:
        m["candidate"] = named_place(m["mention_text"], country)
    for m in namesakes if code else []:
        place = m["by_country"].get(code)
        if place is not None:
            m.update(place=place, place_precision="exact", resolution_score=ACTOR_COUNTRY_SCORE,
                     unresolved_reason_code=None)


def find_places(doc: Doc, gazetteer: Gazetteer, context: dict | None = None) -> list[dict]:
    """Toponym mentions of a parsed article, each resolved to a GeoNames place or left unresolved.

    `context` may give `dateline_place` and `title`. Returns dicts sorted by `start`, not
    overlapping, with keys start, end, mention_text (== doc.text[start:end]), mention_kind
    ("name" or "demonym"), sentence_index, resolution_score (0-1, None when unresolved), place
    (None, or a dict with exactly the `places` table fields), place_precision (what the place
    stands for: "exact", "enclosing", "nearby" or "article_town"; None when unresolved) and
    unresolved_reason_code ("not_in_gazetteer", "facility" or "no_context"; None when resolved)
    and, for an unresolved name, `candidate`: the name-only place (see named_place) it stands
    for if an event happened there, or `needs_country` when it may stand as one but the
    article's places name no country (see with_actor_country); `in_name` is true for a place
    named inside another name ("Radio France Internationale"), which events take last;
    `local_body` is true for a town that names its own police or local office ("a Chicago
    police officer"), which acted there.
    """
    context = context or {}
    _DOC_PARTS.clear()   # the doc's token and entity lists are made afresh for each call
    _WORD_KINDS.clear()
    mentions = [m for m in _mentions(doc, gazetteer) if not _church_as_body(doc, m, gazetteer)
                and not _common_noun_opening(doc, m) and not _inside_known_group(doc, m)]
    _qualifiers(mentions, doc)
    _list_neighbours(doc, mentions)
    toks = _token_list(doc)
    for m in mentions:   # ("in nearby Palma": near the story's other places)
        m["after_nearby"] = m["start_tok"] > 0 and toks[m["start_tok"] - 1].lower_ in NEARBY_WORDS
    _resolve(mentions, gazetteer, context)
    _qualifiers_agree(mentions)
    _comma_town_contradictions(doc, mentions)
    _tie_unresolved(doc, mentions, gazetteer)
    mentions = _without_foreign_embedded_divisions(mentions)
    _sited_names(doc, mentions)
    _locality_fallback(mentions)
    sent = sentence_indexes(doc)
    affiliations = [m for m in mentions if _names_an_actor(doc, m)]   # "Syrian forces": whose, not where
    mentions = [m for m in mentions if all(m is not a for a in affiliations)] if affiliations else mentions
    _name_only_candidates(doc, mentions, sent, gazetteer, affiliations)
    out = []
    for m in mentions:
        out.append({"start": m["start"], "end": m["end"], "mention_text": m["mention_text"],
                    "mention_kind": m["mention_kind"], "sentence_index": sent[m["start_tok"]] if len(sent) else 0,
                    "resolution_score": m["resolution_score"], "place": m["place"],
                    "place_precision": m.get("place_precision") if m["place"] else None,
                    "unresolved_reason_code": _unresolved_reason_code(doc, m),
                    "candidate": m.get("candidate"), "needs_country": m.get("needs_country", False),
                    "in_name": m.get("in_name", False),
                    "local_body": _modifies_local_body(doc, m),
                    "capital": _capital_named(doc, m, gazetteer),
                    # a namesake left unplaced for want of context: its readings by country,
                    # which the actors' country may settle (with_actor_country)
                    "by_country": _readings_by_country(m) if m["place"] is None and m["senses"]
                    and m["mention_kind"] == "name"
                    # "the Valley", "North State": no actor's country makes a generic name a town
                    and not _only_generic_words(m["key"], gazetteer, place_words().type_words) else {}})
    return out
