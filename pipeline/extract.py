"""Per-article extraction: one parsed article in, rows of the mention and event tables out.

The step is pure (article and resources in, rows out), so it can be cached by content hash,
run in worker processes, or mapped over partitions without change.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import actors, events, gazetteer, places
from pipeline.boilerplate import Dateline
from pipeline.nlp import keep_text
from pipeline.nlp import sentence_indexes as nlp_sentence_indexes

EXTRACTED_TABLES = ("places", "place_mentions", "actors", "actor_mentions", "events")
PARSED = "parsed_now"  # result key: the text went through spaCy (not read from the parse cache)


@dataclass
class Resources:
    """Everything extraction needs, loaded once per process."""
    nlp: Language
    gazetteer: Any
    actor_lexicon: Any
    event_lexicon: Any
    parses: Any = None  # a cache.ParseCache, or None to parse every text


def load_resources(nlp: Language, parses: Any = None) -> Resources:
    return Resources(nlp=nlp, gazetteer=gazetteer.load_gazetteer(),
                     actor_lexicon=actors.load_actor_lexicon(),
                     event_lexicon=events.load_event_lexicon(), parses=parses)


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def event_id(article_id: str, trigger_start: int, trigger_end: int, row_ordinal: int = 0) -> str:
    """Stable id of an event mention: its article and trigger span, and for the further rows of
    an act told at several places ("in Mombasa, Kisumu and Nakuru") or with several doers or
    targets ("Iraqi and US forces"), the row's ordinal."""
    key = f"{article_id}:{trigger_start}:{trigger_end}" + (f":{row_ordinal}" if row_ordinal else "")
    return "e" + hashlib.sha1(key.encode()).hexdigest()[:15]


# Most words of a round-up's section header ("KENYA:", "SOUTH SUDAN:", "BOSNIA AND HERZEGOVINA:").
SECTION_HEADER_WORDS = 4
# Fewest headers that make a text a round-up: one is a dateline ("NEW DELHI: The government ...").
SECTION_HEADERS_MIN = 2


def _paragraph_start(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text_with_ws


def _section_header(doc: Doc, i: int, gaz: Any) -> bool:
    """Whether a paragraph opens at token i with a place named in capitals and a colon
    ("KENYA:", "SOUTH SUDAN:", "BEIRUT:"): a country, a first-level division, a region or a
    city of some size, not a speaker of a transcript ("SMITH:")."""
    k = i
    while k < len(doc) and k - i <= SECTION_HEADER_WORDS and doc[k].is_alpha and doc[k].is_upper:
        k += 1
    if not (i < k <= i + SECTION_HEADER_WORDS and k < len(doc) and doc[k].text == ":"):
        return False
    return any(p["kind"] in {"country", "admin1", "continent", "feature"}
               or (p["kind"] == "city" and (p["rank_population"] or 0) >= places.EMBEDDED_CITY_POPULATION)
               for p in gaz.lookup_key(gazetteer.normalize_name(doc[i:k].text))[:3])


# Bullets a round-up's header may open with ("- Bolivia:", "• Kenya:").
HEADER_BULLETS = {"-", "–", "—", "•", "*"}
# Most tokens of the date a header may give after its country ("Burkina Faso, 14 May:").
HEADER_DATE_TOKENS = 5


def _titled_section_header(doc: Doc, i: int, gaz: Any) -> tuple[int, int, int] | None:
    """(start, end, colon) of the country's name when a paragraph opens at token i with a
    country's name in title case and a colon, maybe after a bullet and with a date after a
    comma or dash ("Zimbabwe:", "Burkina Faso, 14 May:", "Afghanistan - May 18:", "- Bolivia:"):
    a round-up's header as editors also write it; else None. Only a country or its capital,
    which no speaker of a transcript is named."""
    if i < len(doc) and doc[i].text in HEADER_BULLETS:
        i += 1
    k = i
    while k < len(doc) and k - i < SECTION_HEADER_WORDS and doc[k].is_alpha \
            and (doc[k].is_title or doc[k].is_upper or doc[k].lower_ in ("of", "and", "the")):
        k += 1
    if k == i or k >= len(doc):
        return None
    end = k
    if doc[k].text in (",", "-", "–", "—"):
        end = next((j for j in range(k + 1, min(len(doc), k + 2 + HEADER_DATE_TOKENS)) if doc[j].text == ":"), None)
        if end is None or not any(t.like_num for t in doc[k + 1:end]):
            return None
    if doc[end].text != ":":
        return None
    if not any(p["kind"] == "country" or p["feature_code"] == "PPLC"
               for p in gaz.lookup_key(gazetteer.normalize_name(doc[i:k].text))[:2]):
        return None
    return i, k, end


def _header_dateline(sub: Doc, gaz: Any) -> Dateline | None:
    """A round-up section's title-case header read as its dateline (see _titled_section_header):
    its country is where the section is, and it names no actor of the section."""
    got = _titled_section_header(sub, 0, gaz)
    if got is None:
        return None
    s, e, colon = got
    date = sub[e + 1:colon].text.strip() if colon > e + 1 else None
    end = sub[colon + 1].idx if colon + 1 < len(sub) else len(sub.text)   # (with the space after it)
    return Dateline(sub[s:e].text, None, date or None, end)


def roundup_sections(doc: Doc, gaz: Any) -> list[tuple[int, int]]:
    """Token ranges of the sections of a round-up, or [] for a text that is one story.

    Why: a round-up ("KENYA: ... PHILIPPINES: Soldiers killed three rebels ...") tells
    unrelated stories one after another. Read as one story, the actors and places of its first
    sections lend their country to the bare "soldiers" and "police" of later ones ("Soldiers"
    in the Philippine paragraph were Israel's military), and an act joins an incident of
    another section. A paragraph that opens with a place's name in capitals and a colon
    (`_section_header`) starts a section when the text has at least two such paragraphs; any
    text before the first is a section of its own."""
    heads = [i for i in range(len(doc))
             if (doc[i].is_alpha and doc[i].is_upper) and _paragraph_start(doc, i) and _section_header(doc, i, gaz)]
    if len(heads) < SECTION_HEADERS_MIN:   # (headers as editors also write them: "Zimbabwe:", "KENYA, 3 May:")
        heads = sorted(set(heads) | {i for i in range(len(doc)) if (doc[i].is_title or doc[i].is_upper
                                                                     or doc[i].text in HEADER_BULLETS)
                                     and _paragraph_start(doc, i) and _titled_section_header(doc, i, gaz) is not None})
    if len(heads) < SECTION_HEADERS_MIN:
        return []
    bounds = ([0] if heads[0] > 0 else []) + heads + [len(doc)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if any(not t.is_space for t in doc[a:b])]


def _shifted(rows: list[dict], chars: int, sentences: int, keys: tuple[str, ...]) -> list[dict]:
    """Rows of a section's own doc with their offsets made the article's."""
    for r in rows:
        for k in keys:
            if r.get(k) is not None:
                r[k] += chars
        if r.get("sentence_index") is not None:
            r["sentence_index"] += sentences
        if r.get("incident_of"):
            r["incident_of"] = (r["incident_of"][0] + chars, r["incident_of"][1] + chars)
    return rows


def _find_all(doc: Doc, article: dict, res: Resources) -> tuple[list[dict], list[dict], list[dict]]:
    """Place mentions, actor mentions and events of the article, section by section when it is a
    round-up (see roundup_sections), each section read as a story of its own."""
    context = {"dateline_place": article.get("dateline_place"), "title": article.get("title")}
    parts = roundup_sections(doc, res.gazetteer)
    whole = not parts
    parts = parts or [(0, len(doc))]
    pms: list[dict] = []
    ams: list[dict] = []
    evs: list[dict] = []
    sent_of = nlp_sentence_indexes(doc) if not whole else None
    for a, b in parts:
        sub = doc if whole else doc[a:b].as_doc()
        if not whole and (header := _header_dateline(sub, res.gazetteer)) is not None:
            sub.user_data["dateline"] = header   # ("Burkina Faso, 14 May:" opens the section)
        if a > 0:   # the article's dateline opens its first section only; a section's own
            context = {**context, "dateline_place": None}   # header is read as its dateline
        sp = places.find_places(sub, res.gazetteer, context)
        published = _as_date(article["published_date"]) if article.get("published_date") else None
        sa = actors.find_actors(sub, res.actor_lexicon, sp, published)
        places.with_actor_country(sp, sa, res.gazetteer)
        se = events.find_events(sub, res.event_lexicon, sa, sp, article.get("published_date"))
        if not whole:
            chars, sentences = doc[a].idx, sent_of[a]
            _shifted(sp, chars, sentences, ("start", "end"))
            _shifted(sa, chars, sentences, ("start", "end"))
            _shifted(se, chars, sentences, ("trigger_start", "trigger_end"))
        pms += sp
        ams += sa
        evs += se
    return pms, ams, evs


# Confidence an event loses when its doer is the unidentified armed group of its place's country.
UNNAMED_DOER_PENALTY = 0.1


def extract_article(doc: Doc, article: dict, res: Resources) -> dict[str, list[dict]]:
    """Rows for the places, place_mentions, actors, actor_mentions and events tables.

    `article` is a row of the articles table; `doc` is its parsed `body_text`.
    """
    aid = article["article_id"]
    pms, ams, evs = _find_all(doc, article, res)

    out: dict[str, list[dict]] = {t: [] for t in EXTRACTED_TABLES}
    # a toponym the gazetteer could not place keeps its name-only place when an event happened there
    at_events = {e["place_id"] for e in evs if e.get("place_id")}
    for m in pms:
        place = m.get("place")
        named = m.get("candidate") if place is None and (m.get("candidate") or {}).get("place_id") in at_events \
            else None
        out["place_mentions"].append({
            "article_id": aid, "start": m["start"], "end": m["end"],
            "mention_text": m["mention_text"], "mention_kind": m.get("mention_kind", "name"),
            "sentence_index": m["sentence_index"],
            "place_id": place["place_id"] if place else (named["place_id"] if named else None),
            "resolution_score": m.get("resolution_score") if place else None,
            "place_precision": m.get("place_precision") if place else ("name_only" if named else None),
            "unresolved_reason_code": None if place else m.get("unresolved_reason_code"),
        })
        if place or named:
            out["places"].append(dict(place or named))
        if m.get("capital") and m["capital"]["place_id"] in at_events:
            out["places"].append(dict(m["capital"]))   # "in Somalia's capital": where the event was
    for m in ams:
        actor = dict(m["actor"])
        out["actor_mentions"].append({
            "article_id": aid, "start": m["start"], "end": m["end"],
            "mention_text": m["mention_text"], "sentence_index": m["sentence_index"],
            "actor_id": actor["actor_id"], "actor_role": m.get("actor_role"),
        })
        out["actors"].append(actor)
    published = article.get("published_date")
    for e in evs:
        row = dict(e)
        doer_country = row.pop("unnamed_doer_country", None)
        if doer_country and row["source_actor_id"] is None:
            # a violent act the text gives no doer: its country's unidentified armed group,
            # less sure than a doer the text names
            actor = actors.country_sector_actor(res.actor_lexicon, doer_country, "UAF")
            row["source_actor_id"] = actor["actor_id"]
            row["confidence"] = round(max(0.0, row["confidence"] - UNNAMED_DOER_PENALTY), 2)
            out["actors"].append(actor)
        if published and row.get("event_date") and _as_date(row["event_date"]) > published:
            # A date after publication is a plan or an expectation, not a reported event.
            row.update(event_date=None, date_precision="unknown", is_hypothetical=True)
        row["article_id"] = aid
        row["event_id"] = event_id(aid, e["trigger_start"], e["trigger_end"], row.pop("row_ordinal", 0))
        head = row.pop("incident_of", None) or (e["trigger_start"], e["trigger_end"])
        row["incident_id"] = event_id(aid, *head)
        out["events"].append(row)
    return out


def extract_batch(articles: list[dict], res: Resources) -> list[dict]:
    """Parse and extract a batch; one result per article, in order.

    A failure on one article (a text spaCy refuses, an extractor bug on odd input) must not
    stop a build of thousands: the batch is retried one article at a time and a failing
    article gets empty tables and an `error` naming the exception.
    """
    try:
        docs, fresh = parse_batch([a["body_text"] for a in articles], res)
        out = [extract_article(doc, a, res) for a, doc in zip(articles, docs)]
        for rows, parsed in zip(out, fresh):
            rows[PARSED] = parsed
        return out
    except Exception:
        if len(articles) == 1:
            return [_failed(articles[0], res)]
        return [r for a in articles for r in extract_batch([a], res)]


def parse_batch(texts: list[str], res: Resources) -> tuple[list[Doc], list[bool]]:
    """The parsed doc of each text, and whether it was parsed now (False: from the cache)."""
    docs = [res.parses.get(t, res.nlp.vocab) if res.parses else None for t in texts]
    fresh = [d is None for d in docs]
    todo = [i for i, d in enumerate(docs) if d is None]
    for i, doc in zip(todo, res.nlp.pipe(texts[i] for i in todo)):
        docs[i] = doc
        if res.parses:
            res.parses.put(texts[i], doc)
    for doc, text in zip(docs, texts):
        keep_text(doc, text)
    return docs, fresh


def _failed(article: dict, res: Resources) -> dict:
    try:
        return dict(extract_article(res.nlp(article["body_text"]), article, res), **{PARSED: True})
    except Exception as exc:
        out: dict = {t: [] for t in EXTRACTED_TABLES}
        out["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}"
        return out
