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


def extract_article(doc: Doc, article: dict, res: Resources) -> dict[str, list[dict]]:
    """Rows for the places, place_mentions, actors, actor_mentions and events tables.

    `article` is a row of the articles table; `doc` is its parsed `body_text`.
    """
    aid = article["article_id"]
    context = {"dateline_place": article.get("dateline_place"), "title": article.get("title")}
    pms = places.find_places(doc, res.gazetteer, context)
    ams = actors.find_actors(doc, res.actor_lexicon, pms)
    places.with_actor_country(pms, ams, res.gazetteer)
    evs = events.find_events(doc, res.event_lexicon, ams, pms, article.get("published_date"))

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
    return docs, fresh


def _failed(article: dict, res: Resources) -> dict:
    try:
        return dict(extract_article(res.nlp(article["body_text"]), article, res), **{PARSED: True})
    except Exception as exc:
        out: dict = {t: [] for t in EXTRACTED_TABLES}
        out["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}"
        return out
