"""Events: who did what to whom, where and when, one event per trigger word.

Triggers come from `data/event_triggers.csv` (lemma + part of speech -> PLOVER type and mode;
a row may require a dependent word (`with`: "open fire", "blow up"), a word in the sentence
(`context`: "strike" near "air" is an air strike, otherwise a labour strike) or an armed source).
The type's quad class, CAMEO root and ACLED type come from `data/event_types.csv`, refined per
mode by `data/events_modes.csv`. Support verbs (`data/events_support_verbs.csv`) fold into the
event noun they carry: "launched an offensive", "clashes erupted" are one event whose trigger is
the whole phrase. Verbs such as "threaten", "agree", "refuse" (`data/events_modality.csv`,
effect `content`) take the event they govern as their content: "threatened to attack" is one
THREATEN event, not also an ASSAULT. Modals, "plan", "fear", "risk", "if" make an event
hypothetical; "not", "never", "no", "failed to" make it negated (both are kept and flagged).

Left out, by design: events in questions (sentences ending in "?"), and background events
dated by "since 2014", "for years", "in recent years" (long-running states, not occurrences).
Reporting verbs ("said", "told") are not in the lexicon and never make an event.

Source and target come from the dependency parse: subject / object, passive "by" agents and
passive subjects, "against/on/with" objects, possessives and "by" phrases of event nouns, the
subject of the support verb, subjects shared through coordination and control verbs. Only when
the parse gives no source is the nearest preceding actor of the sentence used, with lower
confidence.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Token

from pipeline.dates import find_date_expressions, resolve_expression
from pipeline.nlp import doc_text, sentence_indexes

DATA_DIR = Path(__file__).parent / "data"
ARMED_SECTORS = {"MIL", "REB", "COP", "PRM", "UAF", "SPY"}
CIVILIAN_SECTORS = {"CVL", "REF", "JRN", "MED", "EDU", "AGR", "LAB", "REL", "BUS"}
NEGATIONS = {"not", "n't", "never", "no", "neither", "nor"}
TARGET_PREPS = {"against", "on", "upon", "with", "at"}
LOCATION_PREPS = {"in", "at", "near", "outside", "inside", "on", "across", "around", "into", "from",
                  "throughout", "within", "along", "between", "north", "south", "east", "west"}
SETTLEMENT_NOUNS = {"town", "city", "village", "province", "district", "region", "area", "suburb",
                    "neighbourhood", "neighborhood", "governorate", "county", "state", "camp", "capital"}
ASPECT_HEADS = {"begin", "start", "continue", "resume", "manage", "attempt", "try", "keep"}
KILL_WORDS = {"kill", "die", "dead", "death", "fatality", "killing", "massacre", "execute", "behead",
              "slay", "murder", "slaughter", "life"}
INJURY_WORDS = {"wound", "injure", "hurt", "injury", "wounded", "injured"}
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                     "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12})


@dataclass(frozen=True)
class TriggerRule:
    """One row of event_triggers.csv."""

    lemma: str
    pos: str
    with_: frozenset[str]
    context: frozenset[str]
    armed_source: bool
    event_type: str
    event_mode: str | None
    cameo_root: str | None
    acled_event_type: str | None


@dataclass
class EventLexicon:
    """Trigger rules and crosswalks, loaded once from `data/`."""

    rules: dict[tuple[str, str], list[TriggerRule]] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], list[TriggerRule]] = field(default_factory=dict)  # multi-word nouns
    types: dict[str, dict] = field(default_factory=dict)
    modes: dict[tuple[str, str], dict] = field(default_factory=dict)
    support_object: dict[str, str | None] = field(default_factory=dict)
    support_subject: dict[str, str | None] = field(default_factory=dict)
    modality: dict[str, str] = field(default_factory=dict)
    reporting: frozenset[str] = frozenset()     # "said", "told": speakers, not doers
    background: frozenset[str] = frozenset()    # "war", "conflict": states unless a verb carries them


# ---------------------------------------------------------------- loading

def _read(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _set(cell: str | None) -> frozenset[str]:
    return frozenset(x.strip().lower() for x in (cell or "").split("|") if x.strip())


def load_event_lexicon(path: Path | None = None) -> EventLexicon:
    """Load the event lexicon from `path` (a folder holding event_triggers.csv and companions).

    Rows with conditions (`with`, `context`, `armed_source`) are tried before the plain row of
    the same lemma, in file order, so a plain row acts as the default reading.
    """
    base = Path(path) if path else DATA_DIR
    if base.is_file():
        base = base.parent
    lex = EventLexicon()
    for r in _read(base / "event_types.csv"):
        lex.types[r["event_type"]] = r
    for r in _read(base / "events_modes.csv"):
        lex.modes[(r["event_type"], r["event_mode"])] = r
    for r in _read(base / "event_triggers.csv"):
        rule = TriggerRule(
            lemma=r["lemma"].strip().lower(), pos=r["pos"].strip().upper(), with_=_set(r["with"]),
            context=_set(r["context"]), armed_source=r["armed_source"].strip().lower() in ("yes", "true", "1"),
            event_type=r["event_type"], event_mode=r["event_mode"] or None,
            cameo_root=r["cameo_root"] or None, acled_event_type=r["acled_event_type"] or None)
        words = tuple(rule.lemma.split())
        if len(words) > 1:
            lex.phrases.setdefault(words, []).append(rule)
        else:
            lex.rules.setdefault((rule.lemma, rule.pos), []).append(rule)
    for rules in list(lex.rules.values()) + list(lex.phrases.values()):
        rules.sort(key=lambda x: not (x.with_ or x.context or x.armed_source))
    for r in _read(base / "events_support_verbs.csv"):
        target = lex.support_object if r["slot"] == "object" else lex.support_subject
        target[r["lemma"]] = r["particle"] or None
    for r in _read(base / "events_modality.csv"):
        lex.modality[r["lemma"]] = r["effect"]
    if (base / "events_reporting_verbs.csv").exists():
        lex.reporting = frozenset(r["lemma"] for r in _read(base / "events_reporting_verbs.csv"))
    if (base / "events_background_nouns.csv").exists():
        lex.background = frozenset(r["lemma"] for r in _read(base / "events_background_nouns.csv"))
    return lex


# ---------------------------------------------------------------- helpers

def _pos(tok: Token) -> str | None:
    if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
        return "VERB"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _has_particle(tok: Token, particle: str | None) -> bool:
    if particle is None:
        return True
    return any(c.dep_ in ("prt", "prep", "dobj", "advmod") and c.lower_ == particle for c in tok.children)


def _with_ok(tok: Token, words: frozenset[str]) -> bool:
    for c in tok.children:
        if c.dep_ in ("prt", "dobj", "prep", "advmod", "compound", "acomp", "oprd", "dative") and \
                (c.lower_ in words or _lemma(c) in words):
            return True
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pobj" and (g.lower_ in words or _lemma(g) in words):
                    return True
    return False


def _context_ok(tok: Token, words: frozenset[str], sent_words: set[str]) -> bool:
    if tok.pos_ in ("NOUN", "PROPN"):
        near = [c for c in tok.children] + [t for t in tok.doc[max(tok.sent.start, tok.i - 3):tok.i]]
        near += [t for t in tok.doc[tok.i + 1:min(tok.sent.end, tok.i + 3)]]
        return any(t.lower_ in words or _lemma(t) in words for t in near)
    return bool(words & sent_words)


def _number(tok: Token) -> int | None:
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)


# ---------------------------------------------------------------- finder

@dataclass
class _Ev:
    tok: Token                 # main trigger token
    rule: TriggerRule
    span: tuple[int, int]      # token range of the trigger phrase (inclusive start, exclusive end)
    heads: set[int]            # tokens standing for the event in the tree (trigger + support verb)
    carrier: Token | None = None  # support/aspect verb that carries the event


def find_events(doc: Doc, lexicon: EventLexicon, actor_mentions: list[dict],
                place_mentions: list[dict], published_date: dt.date | None) -> list[dict]:
    """Events of one parsed article; see the module docstring for what is kept and left out.

    Each dict has the events-table fields except event_id and article_id.
    """
    lex = lexicon
    sent_of = sentence_indexes(doc)
    actor_at = _token_map(doc, actor_mentions)
    # a demonym ("Iraqi forces") names a country of an actor, never where an event happened
    place_at = _token_map(doc, [p for p in place_mentions if (p.get("place") or {}).get("place_id")
                                and p.get("mention_kind", "name") != "demonym"])
    out: list[dict] = []
    for sent in doc.sents:
        if sent.text.strip().endswith("?"):
            continue
        sent_words = {t.lower_ for t in sent} | {_lemma(t) for t in sent}
        evs = _triggers(sent, lex, actor_at, sent_words)
        ev_tokens = {i for e in evs for i in e.heads}
        kills = _casualties(sent)
        dates = find_date_expressions(sent.text)
        main_assault = next((e for e in evs if e.rule.event_type == "ASSAULT"), None)
        for e in evs:
            rec = _code_event(doc, sent, e, lex, actor_at, place_at, ev_tokens, sent_of)
            if rec is None:
                continue
            # date
            chosen = None
            if dates:
                trig_char = doc[e.span[0]].idx - sent.start_char
                chosen = min(dates, key=lambda d: abs(d[0] - trig_char))
                res = resolve_expression(sent.text[chosen[0]:chosen[1]], chosen[2], published_date)
                if res.is_background:
                    continue
                rec.update(event_date=res.date, date_precision=res.precision, date_text=res.text)
            else:
                rec.update(event_date=published_date, date_precision="day" if published_date else "unknown",
                           date_text=None)
            # casualties go to the event that governs the number, else the sentence's first assault
            fat = inj = None
            for kind, value, gov in kills:
                owner = next((x for x in evs if gov is not None and gov in x.heads), main_assault)
                if owner is e:
                    if kind == "dead":
                        fat = max(fat or 0, value)
                    else:
                        inj = max(inj or 0, value)
            rec.update(fatalities=fat, injured_count=inj)
            out.append(rec)
    out.sort(key=lambda r: (r["trigger_start"], r["trigger_end"]))
    return out


def _token_map(doc: Doc, mentions: list[dict]) -> dict[int, dict]:
    m: dict[int, dict] = {}
    for men in mentions:
        span = doc.char_span(men["start"], men["end"], alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            m.setdefault(t.i, men)
    return m


def _match_rule(tok: Token, rules: list[TriggerRule], sent_words: set[str],
                source_sector: str | None) -> TriggerRule | None:
    for r in rules:
        if r.with_ and not _with_ok(tok, r.with_):
            continue
        cond_ctx = _context_ok(tok, r.context, sent_words) if r.context else None
        cond_arm = (source_sector in ARMED_SECTORS) if r.armed_source else None
        conds = [c for c in (cond_ctx, cond_arm) if c is not None]
        if conds and not any(conds):
            continue
        return r
    return None


def _triggers(sent, lex: EventLexicon, actor_at: dict, sent_words: set[str]) -> list[_Ev]:
    """Trigger candidates of a sentence, with support-verb phrases folded into one event."""
    doc = sent.doc
    found: dict[int, _Ev] = {}
    skip: set[int] = set()
    for tok in sent:
        if tok.i in skip:
            continue
        # multi-word event nouns ("air strike", "suicide bombing")
        if tok.i + 1 < sent.end:
            key = (tok.lower_, _lemma(doc[tok.i + 1]))
            key2 = (tok.lower_, doc[tok.i + 1].lower_)
            rules = lex.phrases.get(key) or lex.phrases.get(key2)
            if rules:
                r = _match_rule(doc[tok.i + 1], rules, sent_words, None)
                if r:
                    found[tok.i + 1] = _Ev(doc[tok.i + 1], r, (tok.i, tok.i + 2), {tok.i + 1})
                    skip.add(tok.i + 1)
                    continue
        pos = _pos(tok)
        if pos is None:
            continue
        rules = lex.rules.get((_lemma(tok), pos)) or lex.rules.get((tok.lower_, pos))
        if not rules:
            continue
        src = _source_token(tok)
        sector = None
        if src is not None:
            men = _actor_of(src, actor_at)
            sector = men["actor"]["sector_code"] if men else None
        r = _match_rule(tok, rules, sent_words, sector)
        if r is None:
            continue
        # a phrase trigger covers its required dependent ("opened fire", "blew up")
        end = tok.i + 1
        if r.with_:
            for c in tok.children:
                if (c.lower_ in r.with_ or _lemma(c) in r.with_) and c.i > tok.i and c.i - tok.i <= 3:
                    end = max(end, c.i + 1)
        found[tok.i] = _Ev(tok, r, (tok.i, end), {tok.i})

    # fold support verbs into the event noun they carry
    for tok in sent:
        lem = _lemma(tok)
        if _pos(tok) != "VERB":
            continue
        nouns = []
        if lem in lex.support_object and _has_particle(tok, lex.support_object[lem]):
            for c in tok.children:
                if c.dep_ in ("dobj", "nsubjpass") and c.i in found and _pos(c) == "NOUN":
                    nouns.append(c)
                if c.dep_ == "prep" and c.lower_ in ("in", "to"):
                    nouns += [g for g in c.children if g.dep_ == "pobj" and g.i in found and _pos(g) == "NOUN"]
        if lem in lex.support_subject and _has_particle(tok, lex.support_subject[lem]):
            nouns += [c for c in tok.children if c.dep_ in ("nsubj", "csubj") and c.i in found and c.i != tok.i]
        if not nouns:
            continue
        noun_ev = found[nouns[0].i]
        verb_ev = found.pop(tok.i, None)
        rule = noun_ev.rule
        if verb_ev is not None and verb_ev.rule.event_type != "ASSAULT" or \
                (verb_ev is not None and noun_ev.rule.event_type != "ASSAULT"):
            rule = verb_ev.rule
        elif verb_ev is not None and not verb_ev.rule.event_mode and noun_ev.rule.event_mode:
            rule = noun_ev.rule
        elif verb_ev is not None:
            rule = verb_ev.rule
        lo, hi = min(tok.i, noun_ev.span[0]), max(tok.i + 1, noun_ev.span[1])
        found[nouns[0].i] = _Ev(noun_ev.tok, rule, (lo, hi), noun_ev.heads | {tok.i}, carrier=tok)

    # "X said Y must do Z": the clause is X's demand, coded on its verb even when the verb
    # itself is no trigger ("must drop barriers", "must be ready to mediate")
    for tok in sent:
        if _pos(tok) == "VERB" and _demand_speaker(tok, lex) is not None and tok.i not in found:
            rule = TriggerRule(_lemma(tok), "VERB", frozenset(), frozenset(), False, "REQUEST", None, None, None)
            found[tok.i] = _Ev(tok, rule, (tok.i, tok.i + 1), {tok.i})

    # aspect heads ("began shelling") widen the trigger; content heads swallow their content
    result = []
    for i, ev in sorted(found.items()):
        if ev.carrier is None and _pos(ev.tok) == "NOUN" and _lemma(ev.tok) in lex.background:
            continue   # "refugees fleeing the war": a state of affairs, not this article's event
        tok = ev.tok if ev.carrier is None else ev.carrier
        head = tok.head
        if tok.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") or (tok.dep_ == "pobj" and head.dep_ == "prep"):
            gov = head.head if tok.dep_ == "pobj" or tok.dep_ == "pcomp" else head
            gov_ev = found.get(gov.i)
            if lex.modality.get(_lemma(gov)) == "content" and gov_ev is not None and gov_ev is not ev:
                continue
        if tok.dep_ == "xcomp" and _lemma(head) in ASPECT_HEADS and head.i < ev.span[0]:
            ev.span = (head.i, ev.span[1])
            ev.heads = ev.heads | {head.i}
            ev.carrier = ev.carrier or head
        result.append(ev)
    return result


OBLIGATION_AUX = {"must", "should"}
PRONOUNS = {"it": "thing", "its": "thing", "they": "any", "their": "any", "them": "any",
            "he": "person", "his": "person", "she": "person", "her": "person", "we": "any"}


def _demand_speaker(tok: Token, lex: EventLexicon) -> Token | None:
    """The reporting verb whose speaker demands this clause ("Russia said Sudan must return ...")."""
    if tok.dep_ != "ccomp" or _lemma(tok.head) not in lex.reporting:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in tok.children):
        return None
    return tok.head


def _antecedent(pron: Token, actor_at: dict, lex: EventLexicon) -> dict | None:
    """The actor a subject pronoun stands for.

    First the subject of the verb that governs the pronoun's clause ("Uganda said it had
    paid", "the rebels announced they would ..."); else the nearest actor before it, in this
    sentence or the one before, whose kind fits the pronoun (he/she: a person; it: not a person).
    """
    kind = PRONOUNS.get(pron.lower_)
    if kind is None:
        return None

    def fits(men: dict) -> bool:
        ak = men["actor"]["actor_kind"]
        return kind == "any" or (kind == "person") == (ak == "person")

    t = pron.head
    for _ in range(3):
        if t.dep_ in ("ccomp", "xcomp", "advcl", "conj") and t.head.i != t.i:
            t = t.head
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in PRONOUNS:
                    men = _actor_of(c, actor_at)
                    if men is not None and fits(men):
                        return men
        else:
            break
    doc = pron.doc
    lo = doc[pron.sent.start - 1].sent.start if pron.sent.start > 0 else pron.sent.start
    for i in range(pron.i - 1, lo - 1, -1):
        men = actor_at.get(i)
        if men is not None and fits(men) and doc[i].dep_ in ("nsubj", "nsubjpass", "compound", "appos", "poss"):
            return men
    return None


def _source_token(tok: Token) -> Token | None:
    """The grammatical doer of a verb, following coordination and control ("agreed to withdraw")."""
    seen = 0
    t = tok
    while t is not None and seen < 4:
        seen += 1
        for c in t.children:
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
            if c.dep_ in ("nsubj", "csubj"):
                return c
        if any(c.dep_ == "nsubjpass" for c in t.children):
            return None
        if t.dep_ in ("xcomp", "conj", "advcl") and t.head.i != t.i:
            t = t.head
            continue
        if t.dep_ == "acomp" and t.head.i != t.i:   # "is willing / prepared / ready to ..."
            t = t.head
            continue
        if t.dep_ in ("relcl",) and t.tag_ != "VBN":
            return t.head
        break
    return None


def _of_subject(tok: Token) -> bool:
    """True for the people counted by a subject: "Thousands of Nigerians", "a group of diplomats"."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ in ("nsubj", "nsubjpass")


def _actor_of(tok: Token, actor_at: dict) -> dict | None:
    """Actor mention at a token, else the first one inside its phrase (skipping clauses)."""
    if tok.i in actor_at:
        return actor_at[tok.i]
    for c in tok.conjuncts:
        if c.i in actor_at:
            return actor_at[c.i]
    for t in tok.subtree:
        if t.i in actor_at:
            anc = t
            ok = True
            while anc.i != tok.i:
                if anc.dep_ in ("relcl", "acl", "advcl", "ccomp"):
                    ok = False
                    break
                anc = anc.head
            if ok:
                return actor_at[t.i]
    return None


def _is_patient(tok, ev_tokens: set[int]) -> bool:
    """Whether `tok` lies in what an event does something to: the passive subject or the
    object of a trigger ("137 Ukrainians, soldiers and civilians, had been killed"). Such a
    phrase names victims, so it must not be guessed as the event's source."""
    t = tok
    for _ in range(8):   # a few steps up the tree are enough within a noun phrase
        if t.dep_ in ("nsubjpass", "dobj") and t.head.i in ev_tokens:
            return True
        if t.head.i == t.i or t.dep_ in ("nsubj", "ROOT"):
            return False
        t = t.head
    return False


def _participants(e: _Ev, actor_at: dict, lex: EventLexicon) -> tuple[dict | None, dict | None, bool]:
    """(source mention, target mention, source came from the parse)."""
    tok = e.tok
    src = tgt = None
    if _pos(tok) == "VERB":
        s = _source_token(tok)
        src = _actor_of(s, actor_at) if s is not None else None
        if src is None and s is not None and s.lower_ in PRONOUNS:
            src = _antecedent(s, actor_at, lex)
        for c in tok.children:
            if c.dep_ == "nsubjpass":
                tgt = _actor_of(c, actor_at)
            elif c.dep_ in ("dobj", "dative") and tgt is None:
                tgt = _actor_of(c, actor_at)
        if tgt is None:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                    for g in c.children:
                        if g.dep_ == "pobj":
                            tgt = tgt or _actor_of(g, actor_at)
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tgt is None:   # "militants killed by ..."
            tgt = _actor_of(tok.head, actor_at)
        if tgt is None:   # "threatened to attack Israel": the target of the content verb
            for c in tok.children:
                if c.dep_ == "xcomp":
                    tgt = next((_actor_of(g, actor_at) for g in c.children if g.dep_ == "dobj"), None)
    else:
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i in actor_at):
                src = src or _actor_of(c, actor_at)
            if c.dep_ == "prep":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                for g in objs:
                    if c.lower_ == "by":
                        src = src or _actor_of(g, actor_at)
                    elif c.lower_ in ("against", "on", "upon", "targeting"):
                        tgt = tgt or _actor_of(g, actor_at)
                    elif c.lower_ in ("between", "with", "among"):
                        src = src or _actor_of(g, actor_at)
        if src is None and e.carrier is not None:
            for c in e.carrier.children:
                if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                    src = next((_actor_of(g, actor_at) for g in c.children if g.dep_ == "pobj"), None)
        if src is None and e.carrier is not None:
            s = _source_token(e.carrier)
            src = _actor_of(s, actor_at) if s is not None else None
            if src is None and s is not None and s.lower_ in PRONOUNS:
                src = _antecedent(s, actor_at, lex)
        if src is None and tok.dep_ in ("dobj", "pobj"):
            # only a verb that does the event lends it its subject ("began raids"); one that
            # talks about it does not ("the Council discussed the attacks")
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head
            if _lemma(verb) in ASPECT_HEADS or _lemma(verb) in lex.support_object:
                s = _source_token(verb)
                src = _actor_of(s, actor_at) if s is not None else None
    if src is not None and tgt is not None and src is tgt:
        tgt = None
    return src, tgt, src is not None


def _flags(e: _Ev, lex: EventLexicon) -> tuple[bool, bool]:
    """(is_negated, is_hypothetical) from negation words, modals and governing verbs."""
    negated = hypothetical = False
    tokens = [e.tok] + ([e.carrier] if e.carrier is not None else [])
    t = tokens[-1]
    for _ in range(3):
        tokens.append(t)
        if t.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "pcomp", "advcl", "conj") and t.head.i != t.i:
            t = t.head
            if t.pos_ == "ADP":
                t = t.head
        else:
            break
    for i, t in enumerate(tokens):
        for c in t.children:
            if c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in ("det", "advmod", "neg")):
                negated = True
            if c.dep_ in ("aux", "mark") and lex.modality.get(c.lower_) == "hypothetical":
                hypothetical = True
        if i > 0 and t.i != e.tok.i:
            eff = lex.modality.get(_lemma(t))
            if eff == "hypothetical":
                hypothetical = True
            elif eff == "negated":
                negated = True
    if e.rule.event_type == "THREATEN":
        hypothetical = False   # the threat itself happened
    return negated, hypothetical


def _place_for(doc: Doc, sent, e: _Ev, place_at: dict, ev_tokens: set[int]) -> tuple[dict | None, float]:
    """The place where this event happened, with how sure we are (1 attached, 0.5 clause, 0.3 sentence)."""
    cands: dict[int, dict] = {}
    for i in range(sent.start, sent.end):
        if i in place_at:
            men = place_at[i]
            cands.setdefault(id(men), men)
    if not cands:
        return None, 0.0
    scored = []
    for men in cands.values():
        span = doc.char_span(men["start"], men["end"], alignment_mode="expand")
        p = span.root
        score = 0.3
        # walk up from the place to the trigger through nouns and prepositions only
        q = p
        while q.dep_ in ("compound", "appos", "conj", "nmod", "amod") and q.head.i != q.i:
            q = q.head
        direct = (q.dep_ == "pobj" and q.head.lower_ in LOCATION_PREPS) or q.dep_ == "npadvmod"
        # "the West Bank town of Tulkarm": the named settlement is more precise than its region
        nested = q.dep_ == "pobj" and q.head.lower_ == "of" and _lemma(q.head.head) in SETTLEMENT_NOUNS
        if nested:
            direct = True
        t, steps = p, 0
        while t.head.i != t.i and steps < 10:
            t = t.head
            steps += 1
            if t.i in e.heads:
                score = 1.0 if direct else 0.7
                if q.dep_ in ("dobj", "nsubjpass") and q.head.i in e.heads:
                    score = 0.9   # "captured Badme", "entered Syria": the territory acted on
                score += 0.05 if nested else 0.0
                break
            if t.pos_ in ("VERB", "AUX") and t.i not in e.heads:
                if _clause_head(e.tok).i == t.i or (e.carrier is not None and _clause_head(e.carrier).i == t.i):
                    score = 0.5 if direct else 0.4
                break
        feature = str((men.get("place") or {}).get("feature_code") or "")
        specific = 0 if feature.startswith("PCL") else 1
        dist = abs(span.start - e.tok.i)
        scored.append((score, specific, -dist, men))
    scored.sort(key=lambda x: (x[0], x[1], x[2]), reverse=True)
    best = scored[0]
    return best[3], best[0]


def _clause_head(tok: Token) -> Token:
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


COOPERATIVE_TYPES = {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
HOSTILE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "REJECT"}
INTENT_HEADS = {"plan", "intend", "prepare", "decide", "vow", "swear"}


def _is_speaker(tok: Token, lex: EventLexicon) -> bool:
    """True for the subject of a reporting verb ("officials said") or the object of "according to"."""
    t = tok
    while t.dep_ in ("compound", "amod", "appos", "conj", "poss") and t.head.i != t.i:
        t = t.head
    if t.dep_ in ("nsubj", "nsubjpass") and _lemma(t.head) in lex.reporting:
        return True
    return t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according"


def _announced_intent(e: _Ev, lex: EventLexicon) -> bool:
    """A hostile act announced by its own doer: "said they would boycott", "plans to ban".

    Not when the clause reports what someone else expects of a third party ("analysts said
    the rebels would attack"): then the subject of the clause must be a pronoun for the speaker.
    """
    tok = e.carrier if e.carrier is not None else e.tok
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll") for c in tok.children)
    intent = tok.dep_ == "xcomp" and _lemma(tok.head) in INTENT_HEADS
    if not (future or intent):
        return False
    clause = tok.head if intent else tok
    if clause.dep_ == "ccomp" and _lemma(clause.head) in lex.reporting:
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        return subj is not None and subj.lower_ in PRONOUNS
    return intent   # a bare "Turkey will attack" may be a forecast: left hypothetical


def _retype(rule: TriggerRule, event_type: str) -> TriggerRule:
    """The same trigger coded as another type, without the old type's mode and crosswalk overrides."""
    return TriggerRule(rule.lemma, rule.pos, rule.with_, rule.context, rule.armed_source, event_type,
                       None, None, None)


def _code_event(doc: Doc, sent, e: _Ev, lex: EventLexicon, actor_at: dict, place_at: dict,
                ev_tokens: set[int], sent_of: list[int]) -> dict | None:
    rule = e.rule
    src, tgt, parsed = _participants(e, actor_at, lex)
    speaker = _demand_speaker(e.tok, lex)
    if speaker is not None:
        # "Russia said Sudan must return the helicopter": Russia demands, Sudan is asked
        s = _source_token(speaker)
        said_by = _actor_of(s, actor_at) if s is not None else None
        if s is not None and said_by is None and s.lower_ in PRONOUNS:
            said_by = _antecedent(s, actor_at, lex)
        if said_by is not None:
            src, tgt, parsed = said_by, src or tgt, True
    confidence = 0.85
    gov = e.tok.head if e.tok.dep_ == "dobj" else e.tok.head.head
    talked_about = _pos(e.tok) == "NOUN" and e.carrier is None and e.tok.dep_ in ("dobj", "pobj") and \
        (gov.i in ev_tokens or (_lemma(gov) in lex.reporting and _lemma(gov) not in ("announce", "declare")))
    if src is None and not talked_about:
        # the nearest actor before the trigger, but not one who only reports it (nor the
        # subject of a verb that merely has the event noun as its object: "discussed the attacks")
        before = [actor_at[i] for i in range(sent.start, e.span[0])
                  if i in actor_at and (doc[i].dep_ in ("nsubj", "compound", "amod", "poss", "appos", "conj")
                                        or _of_subject(doc[i]))
                  and not _is_speaker(doc[i], lex) and not _is_patient(doc[i], ev_tokens)]
        if before:
            src = before[-1]
            confidence -= 0.25
        else:
            confidence -= 0.15
    if src is not None and tgt is not None and src["actor"]["actor_id"] == tgt["actor"]["actor_id"] and not parsed:
        src = None   # the guessed source is the parsed target: keep what the parse says
    if rule.context or rule.armed_source:
        confidence -= 0.05
    negated, hypothetical = _flags(e, lex)
    # PLOVER codes a refused cooperative act as REJECT ("will not accept refugees", "failed to
    # reach agreement"); a promise on a condition ("will withdraw unless ...") or an announced
    # hostile act ("said they would boycott", "plans to impose restrictions") as THREATEN; a
    # promised or offered cooperative act as AGREE ("will provide aid", "willing to withdraw");
    # and "X must do Y" as a REQUEST. The refusal, threat, offer or demand did happen.
    heads = [e.tok] + ([e.carrier] if e.carrier is not None else [])
    conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
                      for h in heads for c in h.children)
    if negated and _pos(e.tok) == "VERB" and rule.event_type in COOPERATIVE_TYPES | {"AGREE"} and speaker is None:
        rule = _retype(rule, "REJECT")
        negated = hypothetical = False
    elif hypothetical and not negated and conditional and speaker is None:
        rule = _retype(rule, "THREATEN")
        hypothetical = False
    elif hypothetical and not negated and rule.event_type in HOSTILE_TYPES and _announced_intent(e, lex):
        rule = _retype(rule, "THREATEN")
        hypothetical = False
    elif speaker is not None:
        rule = rule if rule.event_type == "REQUEST" else _retype(rule, "REQUEST")
        hypothetical = negated = False
    elif hypothetical and not negated and rule.event_type in COOPERATIVE_TYPES:
        rule = _retype(rule, "AGREE")
        hypothetical = False
    elif any(c.dep_ == "aux" and lex.modality.get(c.lower_) == "obligation" for c in e.tok.children) \
            and rule.event_type not in ("REQUEST", "THREATEN"):
        rule = _retype(rule, "REQUEST")
        hypothetical = False
    # a place that is the source actor ("Iraq attacked") is not where the event happened
    busy = {i for i in range(src["start"], src["end"])} if src else set()
    place_at = {i: m for i, m in place_at.items() if m["start"] not in busy or
                (doc[i].dep_ == "pobj" and doc[i].head.lower_ in LOCATION_PREPS)}
    place, place_score = _place_for(doc, sent, e, place_at, ev_tokens)
    if place is not None and place_score < 0.5:
        confidence -= 0.05
    type_row = lex.types[rule.event_type]
    mode_row = lex.modes.get((rule.event_type, rule.event_mode or ""), {})
    cameo = rule.cameo_root or mode_row.get("cameo_root") or type_row["cameo_root"]
    acled = rule.acled_event_type or (mode_row.get("acled_event_type") if mode_row else None) \
        or type_row["acled_event_type"] or None
    if rule.event_type == "ASSAULT" and rule.event_mode in (None, "firearms") and tgt is not None and \
            tgt["actor"]["sector_code"] in CIVILIAN_SECTORS:
        acled = "Violence against civilians"
    if hypothetical or negated:
        acled = acled if rule.event_type not in ("ASSAULT", "PROTEST") else acled
    start_char = doc[e.span[0]].idx
    end_tok = doc[e.span[1] - 1]
    end_char = end_tok.idx + len(end_tok.text)
    return {
        "sentence_index": sent_of[e.tok.i],
        "evidence_text": sent.text.strip(),
        "trigger_text": doc_text(doc)[start_char:end_char],
        "trigger_start": start_char,
        "trigger_end": end_char,
        "event_type": rule.event_type,
        "event_mode": rule.event_mode,
        "quad_class": int(type_row["quad_class"]),
        "cameo_root": cameo,
        "acled_event_type": acled,
        "source_actor_id": src["actor"]["actor_id"] if src else None,
        "target_actor_id": tgt["actor"]["actor_id"] if tgt else None,
        "place_id": place["place"]["place_id"] if place else None,
        "is_negated": negated,
        "is_hypothetical": hypothetical,
        "confidence": round(max(0.05, min(1.0, confidence)), 2),
    }


def _casualties(sent) -> list[tuple[str, int, int | None]]:
    """Stated death and injury counts: (kind 'dead'|'injured', number, governing token index).

    Counts only numbers tied to a kill or injury word through the parse ("killed 12",
    "12 people were killed", "at least three dead", "death toll rose to 20", "left 5 dead");
    numbers of fighters said to remain, of years, money or percentages are not casualties.
    """
    out = []
    for tok in sent:
        if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"):
            continue
        if not (tok.like_num or tok.pos_ == "NUM"):
            continue
        value = _number(tok)
        if value is None:
            continue
        h = tok.head if tok.dep_ in ("nummod", "quantmod", "compound", "amod") else tok
        while h.dep_ in ("quantmod",) and h.head.i != h.i:
            h = h.head
        kind = gov = None
        words = [h.head] if h.head.i != h.i else []
        for w in words:
            lem = _lemma(w)
            if lem in KILL_WORDS or w.lower_ in KILL_WORDS:
                kind, gov = "dead", w.i
            elif lem in INJURY_WORDS or w.lower_ in INJURY_WORDS:
                kind, gov = "injured", w.i
            elif lem in ("remain", "estimate", "number", "total"):
                kind = "skip"
        if kind is None:
            for c in list(h.children) + ([x for x in h.head.children if x.dep_ in ("oprd", "acomp")]
                                         if h.head.i != h.i else []):
                if c.lower_ in ("dead", "killed") or _lemma(c) in ("dead",):
                    kind, gov = "dead", h.head.i if h.head.i != h.i else None
                elif c.lower_ in ("wounded", "injured", "hurt"):
                    kind, gov = "injured", h.head.i if h.head.i != h.i else None
        if kind is None and _lemma(h) in ("death", "fatality", "dead"):
            kind = "dead"
        if kind is None and tok.dep_ == "pobj" and tok.head.lower_ in ("to", "at") and \
                any(_lemma(t) == "toll" for t in sent):
            kind = "dead"
        if kind in ("dead", "injured"):
            out.append((kind, value, gov))
    return out
