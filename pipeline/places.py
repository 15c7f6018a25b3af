"""Toponym recognition and resolution: place mentions in a parsed article, with GeoNames places.

Recognition takes spaCy's GPE/LOC/FAC entities, demonyms ("Iraqi") as country references, and
capitalised spans that spaCy missed or mislabelled (the small model calls "al-Qaim" a PERSON
and "Husaybah" an ORG) when the gazetteer knows them and the sentence supports a place reading
(a locative preposition before them, "X province", a country or state after a comma).

Resolution ranks each name's gazetteer senses by feature type and population, then by the
article's context: countries and first-level divisions named elsewhere in the article (or in
its dateline), an explicit qualifier ("Athens, Georgia"; "Oakland, Calif."), and nearness to
the article's other places. One name keeps one sense throughout an article. A small place
with no support from the article is left unresolved rather than guessed.
"""
from __future__ import annotations

import csv
import functools
import math
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from pipeline.gazetteer import Gazetteer, normalize_name, public_place
from pipeline.nlp import sentence_indexes

ACTOR_DATA = Path(__file__).resolve().parent / "data"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
OVERRULABLE_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
# Words before a name that make a place reading likely.
LOCATIVE = {"in", "at", "near", "from", "to", "into", "outside", "around", "across", "toward",
            "towards", "throughout", "via", "through", "inside", "within", "between", "visit",
            "visited", "visiting", "reached", "entered", "captured", "recaptured"}
PLACE_NOUNS = {"city", "town", "village", "province", "region", "state", "county", "district",
               "capital", "outskirts", "suburb", "suburbs", "streets", "area", "areas", "south",
               "north", "east", "west", "heart", "governorate", "countryside", "centre", "center",
               "cities", "towns", "villages", "provinces", "regions", "states", "counties",
               "districts", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods",
               "municipality", "municipalities", "localities", "locality", "hamlet", "island",
               "islands", "port", "residents", "people", "mayor", "governor", "outside", "parts"}
# Words after a name that make a place reading likely ("eastern Palmyra countryside",
# "Homs province", "the Aleppo front"): a person or organisation is not followed by these.
PLACE_FOLLOWERS = {"countryside", "province", "governorate", "district", "region", "city", "town",
                   "village", "outskirts", "suburbs", "area", "border", "front", "frontline",
                   "neighbourhood", "neighborhood", "county", "municipality", "valley", "airport",
                   "residents", "prefecture", "oblast", "state"}
# Generic words that follow a name and say what kind of place it is.
ADMIN_SUFFIX = {"province": "admin1", "governorate": "admin1", "state": "admin1", "region": "admin1",
                "oblast": "admin1", "prefecture": "admin1", "department": "admin1",
                "county": "admin2", "district": "admin2", "municipality": "admin2", "parish": "admin2",
                "city": "city", "town": "city", "village": "city"}
KIND_PRIOR = {"country": 4.0, "continent": 4.0, "admin1": 2.0, "feature": 2.0, "city": 0.0, "admin2": -1.0}
POPULATION_WEIGHT = 1.0
# National capitals are named far more often than their size alone predicts ("Washington").
CAPITAL_BONUS = 3.5
# Alternate names include historical and foreign names ("Salisbury" for Harare); a place whose
# own name is the mention is more likely meant.
MAIN_NAME_BONUS = 1.5
# A resolved place this far or farther from every other place of the article, with no other
# support, is only a guess.
MIN_SUPPORTED_POPULATION = 5_000


# ---------------------------------------------------------------- recognition

def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without a leading article or trailing possessive/punctuation."""
    while start < end and doc[start].lower_ in {"the", "'s", "’s"}:
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "’s", "'", "’"}) \
            and doc[end - 1].text not in {".", ")"}:
        end -= 1
    # keep an abbreviation's final full stop ("U.S.", "Calif.") but not a sentence's
    while end > start and doc[end - 1].text in {".", ")"}:
        end -= 1
    return start, end


def _is_word(tok) -> bool:  # noqa: ANN001 (a spaCy Token)
    """A word of a name: letters, or letters with full stops and joiners ("U.S.", "Calif.", "T&T").

    Why not Token.is_alpha: it is false for "U.S.", the commonest way news names a country."""
    return tok.is_alpha or (any(c.isalpha() for c in tok.text) and all(c.isalpha() or c in ".&'’-" for c in tok.text))


def _is_capitalised(span: Span) -> bool:
    words = [t for t in span if _is_word(t)]
    if len(words) > 1 and words[0].lower_ in {"al", "el", "ad", "ar", "as", "az", "ash", "at", "an", "ez"}:
        words = words[1:]
    if not words:
        return False
    if not words[0].text[0].isupper():
        return False
    return all(t.text[0].isupper() or t.lower_ in {"al", "el", "de", "of", "ez", "ad", "as", "ar", "az",
                                                    "an", "la", "le", "du", "des", "da", "do", "on", "upon"}
               for t in words)


def _candidate_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """(start token, end token, source) for every span worth looking up; may overlap."""
    spans: list[tuple[int, int, str]] = []
    in_ent = [False] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            in_ent[i] = True
        s, e = _trim(doc, ent.start, ent.end)
        if s >= e:
            continue
        # "Oakland, Calif." and "Horry County, SC" hold two toponyms
        cut = [i for i in range(s, e) if doc[i].text == ","]
        bounds = [s, *[c + 1 for c in cut]]
        ends = [*cut, e]
        for bs, be in zip(bounds, ends):
            bs, be = _trim(doc, bs, be)
            if bs < be:
                spans.append((bs, be, ent.label_))
        if cut:
            # "Washington, D.C." is one place: offered whole too, kept only when the gazetteer
            # knows the whole name (the "joined" path looks it up exactly)
            spans.append((s, e, "joined"))
    # ... and when spaCy splits it into two entities around the comma
    ents = list(doc.ents)
    for a, b in zip(ents, ents[1:]):
        if b.start == a.end + 1 and doc[a.end].text == ",":
            s, e = _trim(doc, a.start, b.end)
            if s < e:
                spans.append((s, e, "joined"))
    # capitalised runs outside entities (proper nouns spaCy did not label)
    i = 0
    while i < len(doc):
        if in_ent[i] or not (doc[i].is_alpha and doc[i].text[0].isupper()):
            i += 1
            continue
        j = i
        while j < len(doc) and not in_ent[j] and (
                (doc[j].is_alpha and doc[j].text[0].isupper())
                or (doc[j].text == "-" and j + 1 < len(doc) and doc[j + 1].text[:1].isupper())
                or (doc[j].lower_ in {"al", "el"} and j + 1 < len(doc) and doc[j + 1].text == "-")):
            j += 1
        if j - i <= 5:
            spans.append((i, j, ""))
        i = max(j, i + 1)
    spans += _joined_spans(doc, spans)
    return spans


def _joined_spans(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Trinidad and Tobago", "Bosnia and Herzegovina": spaCy often splits a name that holds
    "and"; offer the joined span too (kept only if the gazetteer knows the whole name)."""
    out = []
    for s, e, label in spans:
        if e + 1 < len(doc) and doc[e].lower_ in {"and", "&"} and doc[e + 1].text[:1].isupper():
            j = e + 1
            while j < len(doc) and j < e + 4 and doc[j].is_alpha and doc[j].text[:1].isupper():
                j += 1
            out.append((s, j, "joined"))
    return out


EMBEDDING_LABELS = {"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "NORP"}
# A city this large at the start of an organisation's name ("Toronto Police Service") is
# almost always the place the organisation is named after.
EMBEDDED_CITY_POPULATION = 100_000


def _embedded_mentions(doc: Doc, gaz: Gazetteer, taken: list[dict]) -> list[dict]:
    """Place names inside organisation, facility and event names ("Washington Post",
    "European Commission", "University of California", "Dubai World Cup").

    News names institutions after their place, and the gold sets count those names as
    toponyms (GeoWebNews: Embedded_Non_Lit, Coercion). Only unambiguous readings are taken:
    a demonym, or a country, continent, first-level division or large city, at the start of
    the name or after its last "of".
    """
    out = []
    for ent in doc.ents:
        if ent.label_ not in EMBEDDING_LABELS or len(ent) < 2:
            continue
        s, e = _trim(doc, ent.start, ent.end)
        if e - s < 2:
            continue
        if any(not (t["end_tok"] <= s or e <= t["start_tok"]) for t in taken):
            continue
        tries = [(s, s + n) for n in range(min(3, e - s - 1), 0, -1)]
        ofs = [i for i in range(s, e - 1) if doc[i].lower_ == "of"]
        if ofs:
            tries = [(ofs[-1] + 1, e)] + tries
        for a, b in tries:
            span = doc[a:b]
            if not _is_capitalised(span):
                continue
            key = normalize_name(span.text)
            if not key or key in gaz.stopwords:
                continue
            if key in gaz.demonyms and ent.label_ != "NORP":
                out.append(_mention(doc, a, b, "demonym", "embedded", [gaz.place(gaz.demonyms[key])], "exact", None))
                break
            senses = gaz.lookup_key(key)
            if any(p["kind"] in {"country", "continent", "admin1"}
                   or (p["kind"] == "city" and p["rank_population"] >= EMBEDDED_CITY_POPULATION) for p in senses[:3]):
                out.append(_mention(doc, a, b, "name", "embedded", senses, "exact", None))
                break
    return out


# ---------------------------------------------------------------- gazetteer look-ups

def _generic_suffix(doc: Doc, end: int, words: list[str]) -> tuple[list[str], str | None]:
    """Split a trailing generic word ("province") off the name, or read it after the span."""
    if len(words) > 1 and words[-1] in ADMIN_SUFFIX:
        return words[:-1], ADMIN_SUFFIX[words[-1]]
    if end < len(doc) and doc[end].lower_ in ADMIN_SUFFIX:
        return words, ADMIN_SUFFIX[doc[end].lower_]
    if len(words) > 2 and words[0] in {"city", "province", "state", "county", "district"} and words[1] == "of":
        return words[2:], ADMIN_SUFFIX.get(words[0])
    return words, None


def _strip_articles(key: str) -> str:
    words = key.split()
    return " ".join(w for w in words if w not in {"al", "el", "ad", "ar", "as", "az", "ez", "ash", "at", "an"}) or key


def _senses(gaz: Gazetteer, text: str, hint: str | None, fuzzy: bool,
            full: str | None = None) -> tuple[list[dict], str]:
    """Gazetteer senses of a name and how they were found ("exact", "suffix", "fuzzy" or "").

    `full` is the name with its generic word ("Quebec City", "Kansas City") when `text` has it
    split off: a place whose own name includes the word is looked up first.
    `fuzzy` is false for names without an entity label, whose stoplisted words are skipped.
    """
    if full and full != text:
        found = gaz.lookup_key(normalize_name(full))
        if found:
            return found, "exact"
    key = normalize_name(text)
    if not key or key in gaz.stopwords and hint is None and not fuzzy:
        return [], ""
    found = gaz.lookup_key(key)
    if found:
        return found, "exact"
    alt = _strip_articles(key)
    if alt != key:
        found = gaz.lookup_key(alt)
        if found:
            return found, "exact"
    if not fuzzy or len(key) < 5:
        return [], ""
    out = []
    for p in gaz.lookup_skeleton(text)[:20]:
        best = max((fuzz.ratio(_strip_articles(k), alt) for k in gaz.names_of(p["geonames_id"])), default=0)
        if best >= 72:
            out.append(p)
    return out, ("fuzzy" if out else "")


# ---------------------------------------------------------------- mentions

def _mentions(doc: Doc, gaz: Gazetteer) -> list[dict]:
    """Recognised toponym mentions (not yet resolved), sorted and non-overlapping."""
    found: list[dict] = []
    for s, e, label in _candidate_spans(doc):
        span = doc[s:e]
        if not any(_is_word(t) for t in span):
            continue
        text = span.text
        key = normalize_name(text)
        prev = doc[s - 1].lower_ if s > 0 else ""
        prev2 = doc[s - 2].lower_ if s > 1 else ""
        after_comma_place = s > 1 and doc[s - 1].text == "," and any(
            m["end_tok"] == s - 1 for m in found)
        # demonyms ("Iraqi", "South Korean", "Syrians")
        if key in gaz.demonyms and _is_capitalised(span):
            found.append(_mention(doc, s, e, "demonym", label, [gaz.place(gaz.demonyms[key])], "exact", None))
            continue
        if label == "NORP" or label == "" or label in OVERRULABLE_LABELS:
            # a multi-word NORP/other span may start with a demonym ("Iraqi Kurdish")
            first = normalize_name(doc[s].text)
            if first in gaz.demonyms and _is_capitalised(doc[s:s + 1]) and label in {"NORP", ""}:
                found.append(_mention(doc, s, s + 1, "demonym", label, [gaz.place(gaz.demonyms[first])], "exact", None))
                continue
        # state and province abbreviations after a comma ("Oakland, Calif.", "Horry County, SC")
        if key in gaz.abbreviations and (after_comma_place or (s > 0 and doc[s - 1].text == ",")) and e - s <= 4:
            admins = [gaz.admin1(c) for c in gaz.abbreviations[key]]
            admins = [a for a in admins if a]
            if admins and (label in PLACE_LABELS or text.isupper() or text.endswith(".")):
                found.append(_mention(doc, s, e, "name", label, admins, "abbrev", None))
                continue
        words, hint = _generic_suffix(doc, e, key.split())
        # "Farah city": the generic word may be lower case
        name_end = e - 1 if len(words) < len(key.split()) and e - s > 1 and doc[e - 1].lower_ in ADMIN_SUFFIX else e
        if label == "joined":
            senses = [p for p in gaz.lookup_key(key) if p["kind"] in {"country", "admin1", "city", "admin2"}]
            if senses:
                found.append(_mention(doc, s, e, "name", "GPE", senses, "exact", None))
            continue
        if not _is_capitalised(doc[s:name_end]):
            continue
        is_place_label = label in PLACE_LABELS
        senses, how = _senses(gaz, " ".join(words), hint, fuzzy=is_place_label or hint is not None,
                              full=key)
        if not is_place_label:
            if not senses or key in gaz.stopwords:
                continue
            top = senses[0]
            coordinated = prev in {"and", "or", ","} and any(m["end_tok"] == s - 1 for m in found)
            follows = e < len(doc) and doc[e].lower_ in PLACE_FOLLOWERS
            locative = coordinated or prev in LOCATIVE or (prev == "of" and prev2 in PLACE_NOUNS) or hint is not None \
                or follows \
                or (e < len(doc) and doc[e].text == "," and e + 1 < len(doc) and _qualifier_key(gaz, doc, e + 1))
            if prev in {"and", "or", ","} and not coordinated:
                # "the towns of Khan Touman, Aleis and Alzorba": a list after a place noun
                k = s - 1
                while k > 0 and (doc[k].text == "," or doc[k].lower_ in {"and", "or"} or doc[k].text[:1].isupper()) and s - k < 12:
                    k -= 1
                locative = locative or (doc[k].lower_ == "of" and k > 0 and doc[k - 1].lower_ in PLACE_NOUNS)
            big = top["kind"] in {"country", "continent"} or (top["kind"] == "admin1" and top["rank_population"] > 300_000)
            if label == "":
                sentence_start = s == 0 or doc[s].is_sent_start
                small = top["kind"] == "city" and top["rank_population"] < 1000
                short_caps = text.isupper() and len(text) <= 3
                if not (locative or (big and not sentence_start)) or small or short_caps \
                        or any(t.pos_ not in {"PROPN", "NOUN", "ADJ", "PUNCT"} for t in span):
                    continue
            elif label == "PERSON":
                if not (locative or big) or sum(t.is_alpha and t.lower_ not in {"al", "el"} for t in span) > 2:
                    continue
            elif label in {"ORG", "NORP"}:
                if not (locative or big):
                    continue
            else:
                if not locative:
                    continue
        found.append(_mention(doc, s, e, "name", label, senses, how, hint))
    kept = _non_overlapping(found)
    return _non_overlapping(kept + _embedded_mentions(doc, gaz, kept))


def _qualifier_key(gaz: Gazetteer, doc: Doc, i: int) -> bool:
    """Whether the tokens from i on start with a state abbreviation, country or state name."""
    for j in range(min(len(doc), i + 4), i, -1):
        key = normalize_name(doc[i:j].text)
        if key in gaz.abbreviations:
            return True
        if doc[i].text[:1].isupper() and any(p["kind"] in {"country", "admin1"} for p in gaz.lookup_key(key)[:3]):
            return True
    return False


def _mention(doc: Doc, s: int, e: int, kind: str, label: str, senses: list[dict], how: str,
             hint: str | None) -> dict:
    span = doc[s:e]
    return {"start": span.start_char, "end": span.end_char, "mention_text": span.text,
            "mention_kind": kind, "start_tok": s, "end_tok": e, "label": label,
            "senses": [p for p in senses if p], "how": how, "hint": hint,
            "key": normalize_name(span.text)}


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
    p1, p2 = math.radians(a["latitude"]), math.radians(b["latitude"])
    dl = math.radians(b["longitude"] - a["longitude"])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _prior(m: dict, p: dict) -> float:
    """Context-free score of sense p for mention m: feature type, size, exact main name."""
    pop = p["rank_population"] or 0
    if p["kind"] == "admin2":
        pop = pop / 10
    elif p["kind"] == "admin1":
        pop = pop / 5
    score = KIND_PRIOR.get(p["kind"], 0.0) + POPULATION_WEIGHT * math.log10(pop + 10)
    if p.get("_norm_name") is None:
        p["_norm_name"] = normalize_name(p["place_name"])
    if p["_norm_name"] == m["key"]:
        score += MAIN_NAME_BONUS
        if p["feature_code"] == "PPLC":
            score += CAPITAL_BONUS
    if m["hint"]:
        if p["kind"] == m["hint"]:
            score += 3.0
        elif m["hint"] in {"admin1", "admin2"} and p["kind"] in {"admin1", "admin2"}:
            score += 2.0
    if m["how"] == "fuzzy":
        score -= 0.5
    return score


def _qualifiers(mentions: list[dict], doc: Doc) -> None:
    """Attach to each mention the countries/states named right after it ("Athens, Georgia")."""
    text = doc.text
    for a, b in zip(mentions, mentions[1:]):
        between = text[a["end"]:b["start"]]
        if between.strip() == "," and b["senses"]:
            countries = {p["country_iso2"] for p in b["senses"] if p["kind"] == "country"}
            admins = {p["admin1_code"] for p in b["senses"] if p["kind"] == "admin1"}
            if countries or admins:
                a["qualifier"] = (countries, admins)


def _article_context(groups: dict[str, list[dict]], dateline: list[dict]) -> dict[str, list[tuple[str, str | None, float]]]:
    """What each name (and the dateline) says about the article's countries and divisions:
    name -> [(country iso2, admin1 code or None, weight)], for names whose reading is clear."""
    out: dict[str, list[tuple[str, str | None, float]]] = {}
    for key, ms in groups.items():
        senses = ms[0]["senses"]
        if not senses:
            continue
        ranked = sorted(senses, key=lambda p: -_prior(ms[0], p))
        top = ranked[0]
        margin = _prior(ms[0], top) - (_prior(ms[0], ranked[1]) if len(ranked) > 1 else 0)
        same_country = len({p["country_iso2"] for p in senses}) == 1
        if top["country_iso2"] and (top["kind"] == "country" or same_country or margin > 1.5):
            w = 1.0 if top["kind"] == "country" or same_country else 0.6
            admin = top["admin1_code"] if top["kind"] in {"admin1", "city", "admin2"} else None
            out[key] = [(top["country_iso2"], admin, w)]
    out[""] = [(p["country_iso2"], p["admin1_code"], 2.0) for p in dateline if p["country_iso2"]]
    return out


def _context_without(evidence: dict, key: str) -> tuple[dict, dict]:
    """Country and admin1 weights from every name but `key` (a name is no evidence for itself)."""
    countries: dict[str, float] = {}
    admins: dict[str, float] = {}
    for k, items in evidence.items():
        if k == key:
            continue
        for iso2, admin, w in items:
            countries[iso2] = countries.get(iso2, 0) + w
            if admin:
                admins[admin] = admins.get(admin, 0) + w
    return countries, admins


def _score(m: dict, p: dict, countries: dict, admins: dict, others: list[dict]) -> tuple[float, bool]:
    """Score of sense p in this article, and whether anything in the article supports it."""
    score = _prior(m, p)
    support = False
    q = m.get("qualifier")
    if q:
        if p["country_iso2"] in q[0] or p["admin1_code"] in q[1]:
            score += 4.0
            support = True
        else:
            score -= 5.0
    if p["kind"] not in {"country", "continent"}:
        c = countries.get(p["country_iso2"], 0)
        if c:
            score += 1.5 + 0.5 * min(c, 4)
            support = True
        a = admins.get(p["admin1_code"], 0)
        if a and p["kind"] != "admin1":
            score += 1.0 + 0.3 * min(a, 4)
            support = True
    else:
        # the same weight as a division or town of that country gets, so that "Mexico" with
        # Mexican towns around stays the country rather than the state of México
        c = countries.get(p["country_iso2"], 0)
        if c:
            score += 1.5 + 0.5 * min(c, 4)
            support = True
    if others and p["kind"] in {"city", "admin2", "admin1", "feature"}:
        d = min(_km(p, o) for o in others)
        if d < 50:
            score += 1.5
        elif d < 200:
            score += 1.0
        elif d < 600:
            score += 0.4
        if d < 600:
            support = True
    return score, support


LOCAL_KINDS = {"city", "admin2", "admin1", "feature"}
CITY_OVER_ADMIN_POPULATION = 100_000
CITY_OVER_ADMIN_PENALTY = 4.0
COHERENCE_KM = 150.0
COHERENCE_TOP = 10
# A large city dwarfs its namesakes ("Louisville", "Cambridge", "Portland"): news naming a
# state or country that holds a village of the same name rarely means the village. A city or
# county this many times smaller than the name's largest city (itself at least
# DOMINANT_CITY_POPULATION) gets only this share of the article's context bonus.
DOMINANT_CITY_POPULATION = 100_000
DOMINANCE_RATIO = 10
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
    for g, (key, ms) in enumerate(groups.items()):
        priors = [_prior(ms[0], p) for p in ms[0]["senses"]]
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


def _resolve(mentions: list[dict], gaz: Gazetteer, context: dict) -> None:
    """Choose one sense per distinct name (one sense per article); sets m['place'], m['score']."""
    groups: dict[str, list[dict]] = {}
    for m in mentions:
        groups.setdefault(m["key"] if m["mention_kind"] == "name" else "demonym:" + m["key"], []).append(m)
    dateline: list[dict] = []
    if context.get("dateline_place"):
        senses, _ = _senses(gaz, context["dateline_place"], None, fuzzy=False)
        if senses:
            dateline = [max(senses, key=lambda p: _prior({"key": normalize_name(context["dateline_place"]),
                                                          "hint": None, "how": "exact"}, p))]
    evidence = _article_context(groups, dateline)
    coherence = _coherence(groups)
    chosen: dict[str, tuple[dict | None, float, bool]] = {}
    for rnd in range(2):
        for key, ms in groups.items():
            countries, admins = _context_without(evidence, key)
            m = dict(ms[0])
            for other in ms:
                if other.get("qualifier"):
                    m["qualifier"] = other["qualifier"]
            senses = m["senses"]
            if not senses:
                chosen[key] = (None, 0.0, False)
                continue
            others = [p for k, c in chosen.items() if k != key and (p := c[0]) and p["kind"] in {"city", "admin2", "admin1", "feature"}] \
                if rnd == 1 else []
            scored = []
            # "New York", "Lagos", "Dubai": a division named like a large city inside it is
            # rarely meant in news unless the text says "state" or "province"
            city_admins = {p["admin1_code"] for p in senses[:60]
                           if p["kind"] == "city" and (p["rank_population"] or 0) >= CITY_OVER_ADMIN_POPULATION}
            big = max((p["rank_population"] or 0 for p in senses[:60]
                       if p["kind"] == "city" and normalize_name(p["place_name"]) == m["key"]), default=0)
            for i, p in enumerate(senses[:60]):
                sc, sup = _score(m, p, countries, admins, others)
                if big >= DOMINANT_CITY_POPULATION and p["kind"] in {"city", "admin2"} \
                        and (p["rank_population"] or 0) * DOMINANCE_RATIO < big:
                    prior = _prior(m, p)
                    sc = prior + SMALL_HOMONYM_CONTEXT * (sc - prior)
                if p["kind"] == "admin1" and p["admin1_code"] in city_admins and m["hint"] not in {"admin1", "admin2"}:
                    sc -= CITY_OVER_ADMIN_PENALTY
                coh = coherence.get((key, i), 0)
                if coh:
                    sc += 0.8 * min(coh, 3)
                    sup = True
                scored.append((sc, sup, i, p))
            scored.sort(key=lambda x: (-x[0], x[2]))
            best_score, support, _, best = scored[0]
            z = sum(math.exp(s - best_score) for s, *_ in scored)
            chosen[key] = (best, 1.0 / z, support)
    for key, ms in groups.items():
        best, prob, support = chosen[key]
        if best is not None and not support and best["kind"] in {"city", "admin2"} \
                and (best["rank_population"] or 0) < MIN_SUPPORTED_POPULATION and ms[0]["how"] != "abbrev":
            best = None
        for m in ms:
            m["place"] = public_place(best) if best else None
            m["resolution_score"] = round(min(1.0, max(0.0, prob)), 3) if best else None


FACILITY_WORDS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "lane",
                  "square", "plaza", "hospital", "cathedral", "church", "basilica", "mosque", "temple",
                  "hall", "airport", "station", "bridge", "park", "stadium", "arena", "center", "centre",
                  "hotel", "prison", "jail", "market", "mall", "library", "museum", "campus", "canal",
                  "highway", "expressway", "port", "harbour", "harbor", "pier", "quarter", "embassy",
                  "roundabout", "checkpoint", "dam", "school", "factory", "base", "camp"}
# Score given to a facility placed at its article's only town: a coarse location only.
LOCALITY_FALLBACK_SCORE = 0.2


def _locality_fallback(mentions: list[dict]) -> None:
    """Place unresolved facilities ("Royal Street", "Kindi Hospital") at the town of the
    article when the article names exactly one town, with a low score.

    Why only then: on GeoWebNews, placing a facility at the article's most mentioned town was
    right 22 times and wrong 13 times, wrong mostly where several towns compete; with a single
    town it was right all 10 times. Otherwise the facility is left unresolved.
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
            m["resolution_score"] = LOCALITY_FALLBACK_SCORE


# ---------------------------------------------------------------- entry point

@functools.lru_cache(maxsize=1)
def actor_head_nouns() -> frozenset[str]:
    """Nouns that name people, bodies or their acts (from the actor lexicons, data files)."""
    words: set[str] = set()
    for name, column in (("agents.csv", "noun"), ("actors_titles.csv", "title"),
                         ("actors_org_words.csv", "word"), ("actors_demonym_heads.csv", "noun")):
        with open(ACTOR_DATA / name, encoding="utf-8", newline="") as fh:
            words.update(row[column].strip().lower().split()[-1] for row in csv.DictReader(fh)
                         if row[column].strip())
    return frozenset(words)


def _names_an_actor(doc: Doc, m: dict) -> bool:
    """Whether a demonym only says whose an actor is ("Russian diplomats", "the Iraqi and US
    governments"): that is an actor's affiliation, recorded in the actor tables, not a place
    where anything is or happens. "Russian border" or "the Syrian city" stay place mentions.
    """
    if m["mention_kind"] != "demonym":
        return False
    tok = doc[m["start_tok"]:m["end_tok"]].root
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    head = tok.head
    return (tok.dep_ in {"amod", "compound", "nmod"} and head.i >= m["end_tok"]
            and (head.lower_ in actor_head_nouns() or head.lemma_.lower() in actor_head_nouns()))


def find_places(doc: Doc, gazetteer: Gazetteer, context: dict | None = None) -> list[dict]:
    """Toponym mentions of a parsed article, each resolved to a GeoNames place or left unresolved.

    `context` may give `dateline_place` and `title`. Returns dicts sorted by `start`, not
    overlapping, with keys start, end, mention_text (== doc.text[start:end]), mention_kind
    ("name" or "demonym"), sentence_index, resolution_score (0-1, None when unresolved) and
    place (None, or a dict with exactly the `places` table fields).
    """
    context = context or {}
    mentions = _mentions(doc, gazetteer)
    _qualifiers(mentions, doc)
    _resolve(mentions, gazetteer, context)
    _locality_fallback(mentions)
    sent = sentence_indexes(doc)
    out = []
    for m in mentions:
        if _names_an_actor(doc, m):
            continue
        out.append({"start": m["start"], "end": m["end"], "mention_text": m["mention_text"],
                    "mention_kind": m["mention_kind"], "sentence_index": sent[m["start_tok"]] if len(sent) else 0,
                    "resolution_score": m["resolution_score"], "place": m["place"]})
    return out
