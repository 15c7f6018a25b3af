"""Events: who did what to whom, where and when, one event per trigger word.

Triggers come from `data/event_triggers.csv` (lemma + part of speech -> PLOVER type and mode;
a row may require a dependent word (`with`: "open fire", "blow up"), a word in the sentence
(`context`: "strike" near "air" is an air strike, otherwise a labour strike) or an armed source).
The type's quad class, CAMEO root and ACLED type come from `data/event_types.csv`, refined per
mode by `data/events_modes.csv`. Support verbs (`data/events_support_verbs.csv`) fold into the
event noun they carry: "launched an offensive", "clashes erupted" are one event whose trigger is
the whole phrase, and so is a trigger noun that modifies another ("a bombing raid") or names, in
a phrase under its verb, the act the verb reports ("killed 8 in an attack", "seized power in a
coup"; not under a verb without a doer: "were killed in an ambush by X" keeps the ambush's).
Verbs such as "threaten", "agree", "refuse" (`data/events_modality.csv`, effect `content`)
take the event they govern as their content: "threatened to attack" is one THREATEN event,
not also an ASSAULT; a promise (effect `promise`: "vowed", "swore") of a
hostile act is a THREATEN too. A hedge ("alleged", "suspected" before a noun) is no event.
Modals, "plan", "fear", "risk", "if" make an event
hypothetical; "not", "never", "no", "failed to" make it negated (both are kept and flagged).
PLOVER then codes the speech act that did happen: a refused or failed cooperative act is a
REJECT ("failed to reach agreement"), a hostile act on a condition ("unless", or "if") or
announced by its doer a THREATEN, an attack being readied a MOBILIZE ("prepared to resume
shelling"), an offered cooperative act an AGREE, "X must do Y" a REQUEST. A verb that reports
speech reads as its verbal act (`data/events_speech_readings.csv`: "the vote was rigged, a
rights group protested" is disapproval, not a demonstration). Burning, looting or demolishing
property is COERCE (ACLED: property destruction), unless weapons did it.

Left out, by design: events in questions (sentences ending in "?"), and background events
dated by "since 2014", "for years", "in recent years" (long-running states, not occurrences).
Reporting verbs ("said", "told") are not in the lexicon and never make an event.

The place is the place mention the parse ties most closely to the trigger: a locative phrase
of it or of its support verb, the territory acted on, then places in the subject, in governed
or governing clauses and, last, elsewhere in the sentence. Among equally close ones, a place
that only locates another ("Brest-Litovsk in Russia", "Goma, the capital of North Kivu", "the
West Bank town of Tulkarm", the divisions bracketed after a town: "Kwall (Bassa, Plateau)")
loses, then the smaller feature wins; a town that only ends a named road ("the Abuja-Kaduna
highway") yields to any other place of the sentence ("near Katari"). Places that are part of an
actor ("the Islamic State of Iraq", "warships from Britain", "the EU delegation") and reference
points ("100 miles northeast of Jammu") are not scenes. The prepositions and nouns these rules
read are in `data/events_place_words.csv`, feature sizes in `data/events_place_levels.csv`.

Source and target come from the dependency parse: subject / object, passive "by" agents and
passive subjects, "against/on/with" objects, possessives and "by" phrases of event nouns, the
subject of the support verb, subjects shared through coordination and control verbs, the
claimant of "claimed responsibility for the attack", the holder of a stance put in the passive
("Israel is opposed to", `data/events_stative_passives.csv`), the owner named by "its"/"their"
("reiterated its demand"). A headline's bare participle ("5 soldiers killed") names victims.
"Talks with X" make X the target when the talks have a doer. A reciprocal event ("X and Y clashed",
`data/events_reciprocal.csv`) takes the second party as target; "recaptured the town from X"
takes the loser (`data/events_target_preps.csv`). The object of a harm noun ("the killing of
three journalists") is its target, a participle describing a noun ("students marching") has
that noun as doer, coordinated verbs share their object ("shot and killed a teacher"), and
the finder of bodies ("police found the bodies", `data/events_finder_verbs.csv`) is no source.
A later sentence that claims the act ("Al Shabaab claimed responsibility [for the attack]")
names the doer of the paragraph's assault when its doer was unnamed, and tells no new event;
so do "a strike attributed to Turkey" and a cause clause under a harm with no doer ("nine
people were killed when gunmen opened fire").
Only when the parse gives no source is the nearest preceding actor of the sentence used, with
lower confidence (never for a passive relative clause or participle: "men who had been shot",
"an IED planted on a road"). ASSAULT by an
unarmed crowd (rioters, a mob, residents) is ACLED "Riots".

No word of a date expression is a trigger ("March" in "3 March 2022"). Casualties
(`data/events_casualty_words.csv`) are the counts the parse ties to a kill or injury word, one
for a single person harmed ("shot dead a local chief"), zero for "no casualties"; a negated or
hypothetical event has none.

An article is read as a coder reads a wire story, whose paragraphs (text between blank lines)
are often single sentences. An event with no date expression of its own takes the date of the
nearest preceding dated event of the article (its `date_text` is then that earlier
expression); only without one is the publication date used. "The following day" counts from
the latest day the story has told, and stays unresolved when it has told none. A sentence
that states only consequences - harm
(killed, injured, dead; "Fatalities: 5 soldiers killed") or a reference back ("the protest"),
with no doer, date or place of its own - continues the assault or protest of the sentence
before (sentences with no event, date or place in between, "A building was hit.", do not break
the chain): its counts are added to that event, its victims become the target when there was
none, the evidence grows to cover it, and it makes no row of its own, so a toll is neither
lost nor counted twice.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from pipeline.actors import FOLLOWER_NOUNS, NON_STATE_ARMED, PSEUDO_COUNTRIES, REPORTING_LEMMAS, trip_called_off
from pipeline.dates import (DAY_COUNTS, WEEK_DAYS, ResolvedDate, find_date_expressions, resolve_date,
                            resolve_expression)
from pipeline.gazetteer import normalize_name, number_field, read_csv_rows, read_word_sets
from pipeline.nlp import BLANK_LINE, doc_dateline, doc_text, misparsed_speaker, misparsed_speaker_conjunct, \
    sentence_indexes
from pipeline.places import AFFILIATION_PARTICIPLES, FACILITY_WORDS, PLACE_LABELS, PLACE_PARTS, locator_after

DATA_DIR = Path(__file__).parent / "data"


# The named word lists of data/events_words.csv (set -> words). Why a data file: they are
# vocabulary a researcher may extend for their corpus (another weapon, another way to say a
# toll), not logic.
WORDS = read_word_sets(DATA_DIR / "events_words.csv")
ARMED_SECTORS = {"MIL", "REB", "COP", "PRM", "UAF", "SPY"}
# ... of them and of communal and criminal groups, those not of the state ("non-state" rows):
# the actors' non-state armed sectors and unidentified armed groups.
NON_STATE_ARMED_SECTORS = NON_STATE_ARMED | {"UAF"}
# Unarmed targets: an armed attack on them is ACLED violence against civilians (ACLED counts
# judges, opposition politicians and party members among civilians; "the government" may be
# its forces, so GOV is left out).
CIVILIAN_SECTORS = {"CVL", "REF", "JRN", "MED", "EDU", "AGR", "LAB", "REL", "BUS", "JUD", "OPP", "PTY"}
NEGATIONS = {"not", "n't", "never", "no", "neither", "nor"}
TARGET_PREPS = {"against", "on", "upon", "with", "at"}
ASPECT_HEADS = WORDS["aspect"]
RIOT_SECTORS = {"CVL", "EDU", "LAB", "PTY", "OPP"}   # unarmed crowds: their violence is a riot or mob violence (ACLED)
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
    armed_source: str   # "" (no condition), "any" (armed doer), "non-state" (armed, not the state's) or "unarmed"
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
    place_words: dict[str, str] = field(default_factory=dict)   # word -> locative | part | origin | ...
    place_levels: dict[str, int] = field(default_factory=dict)  # GeoNames feature code -> size level
    noun_levels: dict[str, int] = field(default_factory=dict)   # "province" -> size level of a named one
    casualty: dict[str, str] = field(default_factory=dict)      # "killed" -> dead | injured | casualty | skip
    person_nouns: frozenset[str] = frozenset()   # "a chief", "a soldier": one person, one victim
    # context words that a modifier makes something else: "mine" -> {"gold", "coal", ...}
    not_context: dict[str, frozenset[str]] = field(default_factory=dict)
    not_context_heads: dict[str, frozenset[str]] = field(default_factory=dict)   # "air" of "Air Force"
    reciprocal: frozenset[str] = frozenset()     # "X and Y clashed": Y is the target
    finders: frozenset[str] = frozenset()        # "police found the bodies": the finder is no source
    target_preps: dict[str, frozenset[str]] = field(default_factory=dict)  # "captured X from Y": Y is the target
    speech: dict[str, TriggerRule] = field(default_factory=dict)  # "X, a group protested": a verbal act
    stative: frozenset[str] = frozenset()        # "Israel is opposed to": the passive subject is the doer
    acled_subs: list[dict] = field(default_factory=list)  # rules giving the ACLED sub-event type


# ---------------------------------------------------------------- loading

def _set(cell: str | None) -> frozenset[str]:
    return frozenset(x.strip().lower() for x in (cell or "").split("|") if x.strip())


def _armed_condition(row: dict) -> str:
    """The `armed_source` condition of a trigger row: "any" (yes: the doer is armed, the state's
    forces included), "non-state" (an armed group, not the state's forces: "raided" is an attack
    by rebels but a search by police), "unarmed" (a known doer who bears no arms: students who
    "occupied" a faculty protested, where troops would have seized it) or "" (none)."""
    cell = (row.get("armed_source") or "").strip().lower()
    if cell in ("", "no"):
        return ""
    if cell in ("yes", "true", "1"):
        return "any"
    if cell in ("non-state", "unarmed"):
        return cell
    raise ValueError(f"event_triggers.csv: armed_source {cell!r} for {row['lemma']!r} is none of yes, non-state, unarmed")


def load_event_lexicon(path: Path | None = None) -> EventLexicon:
    """Load the event lexicon from `path` (a folder holding event_triggers.csv and companions).

    Rows with conditions (`with`, `context`, `armed_source`) are tried before the plain row of
    the same lemma, in file order, so a plain row acts as the default reading.
    """
    base = Path(path) if path else DATA_DIR
    if base.is_file():
        base = base.parent
    lex = EventLexicon()
    for r in read_csv_rows(base / "event_types.csv"):
        lex.types[r["event_type"]] = r
    for r in read_csv_rows(base / "events_modes.csv"):
        lex.modes[(r["event_type"], r["event_mode"])] = r
    for r in read_csv_rows(base / "event_triggers.csv"):
        if r["event_type"] != NO_EVENT and r["event_type"] not in lex.types:
            raise ValueError(f"event_triggers.csv: unknown event type {r['event_type']!r} for {r['lemma']!r}")
        rule = TriggerRule(
            lemma=r["lemma"].strip().lower(), pos=r["pos"].strip().upper(), with_=_set(r["with"]),
            context=_set(r["context"]), armed_source=_armed_condition(r),
            event_type=r["event_type"], event_mode=r["event_mode"] or None,
            cameo_root=r["cameo_root"] or None, acled_event_type=r["acled_event_type"] or None)
        words = tuple(rule.lemma.split())
        if len(words) > 1:
            lex.phrases.setdefault(words, []).append(rule)
        else:
            lex.rules.setdefault((rule.lemma, rule.pos), []).append(rule)
    for rules in list(lex.rules.values()) + list(lex.phrases.values()):
        rules.sort(key=lambda x: not (x.with_ or x.context or x.armed_source))
    if (base / "events_acled_sub_events.csv").exists():
        # trigger words parsed once here, not for every event
        lex.acled_subs = [dict(r, trigger=_set(r["trigger"]))
                          for r in read_csv_rows(base / "events_acled_sub_events.csv")]
    for r in read_csv_rows(base / "events_support_verbs.csv"):
        target = lex.support_object if r["slot"] == "object" else lex.support_subject
        target[r["lemma"]] = r["particle"] or None
    for r in read_csv_rows(base / "events_modality.csv"):
        lex.modality[r["lemma"]] = r["effect"]
    if (base / "events_reporting_verbs.csv").exists():
        lex.reporting = frozenset(r["lemma"] for r in read_csv_rows(base / "events_reporting_verbs.csv"))
    if (base / "events_background_nouns.csv").exists():
        lex.background = frozenset(r["lemma"] for r in read_csv_rows(base / "events_background_nouns.csv"))
    if (base / "events_place_words.csv").exists():
        rows = read_csv_rows(base / "events_place_words.csv")
        lex.place_words = {r["word"]: r["role"] for r in rows}
        lex.noun_levels = {r["word"]: number_field(r, "level", "events_place_words.csv")
                           for r in rows if (r.get("level") or "").strip()}
    if (base / "events_place_levels.csv").exists():
        lex.place_levels = {r["feature_code"]: number_field(r, "level", "events_place_levels.csv")
                            for r in read_csv_rows(base / "events_place_levels.csv")}
    if (base / "events_casualty_words.csv").exists():
        lex.casualty = {r["word"]: r["kind"] for r in read_csv_rows(base / "events_casualty_words.csv")}
    if (base / "events_person_nouns.csv").exists():
        lex.person_nouns = frozenset(r["noun"] for r in read_csv_rows(base / "events_person_nouns.csv"))
    if (base / "events_context_exclusions.csv").exists():
        rows = read_csv_rows(base / "events_context_exclusions.csv")
        lex.not_context = {r["word"]: frozenset(r["modifiers"].split("|")) for r in rows if r["modifiers"]}
        lex.not_context_heads = {r["word"]: frozenset(r["heads"].split("|")) for r in rows if r.get("heads")}
    if (base / "events_reciprocal.csv").exists():
        lex.reciprocal = frozenset(r["lemma"] for r in read_csv_rows(base / "events_reciprocal.csv"))
    if (base / "events_finder_verbs.csv").exists():
        lex.finders = frozenset(r["lemma"] for r in read_csv_rows(base / "events_finder_verbs.csv"))
    if (base / "events_target_preps.csv").exists():
        preps: dict[str, set[str]] = {}
        for r in read_csv_rows(base / "events_target_preps.csv"):
            preps.setdefault(r["lemma"], set()).add(r["prep"])
        lex.target_preps = {k: frozenset(v) for k, v in preps.items()}
    if (base / "events_speech_readings.csv").exists():
        lex.speech = {r["lemma"]: TriggerRule(r["lemma"], "VERB", frozenset(), frozenset(), "",
                                              r["event_type"], r["event_mode"] or None, None, None)
                      for r in read_csv_rows(base / "events_speech_readings.csv")}
    if (base / "events_stative_passives.csv").exists():
        lex.stative = frozenset(r["lemma"] for r in read_csv_rows(base / "events_stative_passives.csv"))
    return lex


# ---------------------------------------------------------------- helpers

NOMINAL_DEPS = {"dobj", "nsubj", "nsubjpass", "pobj", "conj", "appos", "attr"}


def _pos(tok: Token) -> str | None:
    """VERB or NOUN for trigger lookup. An adjective in a noun's place is a noun the tagger
    misread ("launched an offensive", "a major counter-offensive"), and so is a gerund
    standing as a subject with no subject or object of its own ("Fighting between the army
    and rebels killed 20")."""
    if tok.pos_ == "VERB" and tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux") for c in tok.children):
        return "NOUN"
    if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
        return "VERB"
    if tok.lower_ in IRREGULAR_PASTS:
        return "VERB"   # "Military Forces of Mali retook Lere": a past tense, however tagged
    if tok.tag_ in ("NN", "NNS") and any(c.dep_ == "nsubj" for c in tok.children) \
            and any(c.dep_ == "dobj" for c in tok.children):
        return "VERB"   # "Protesters storm parliament in Kathmandu": a headline's verb, with subject and object
    if tok.lower_ == "fire" and tok.dep_ == "compound" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in HEADLINE_FIRERS:
        return "VERB"   # "Kenyan police fire tear gas at protesters", read as one noun phrase
    if tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "ADJ" and tok.dep_ in NOMINAL_DEPS):
        return "NOUN"
    return None


# Forces that "fire" in a headline's present tense ("police fire tear gas").
HEADLINE_FIRERS = {"police", "troops", "soldiers", "forces", "officers", "army", "guards", "militants", "gunmen"}


# Irregular past forms the small model leaves unlemmatized ("retook" tagged as a base form).
IRREGULAR_PASTS = {"retook": "retake", "overran": "overrun", "overtook": "overtake", "undertook": "undertake"}


def _lemmas(tok: Token) -> list[str]:
    """The lemma, the word, and for a verb the stems its inflection suggests, for the rare verb
    the lemmatizer gets wrong ("staged" -> "stag"): lexicon lookups try them in this order."""
    out = [_lemma(tok), tok.lower_]
    w = tok.lower_
    if tok.pos_ == "VERB":
        if w.endswith("ed"):
            out += [w[:-1], w[:-2]]
        elif w.endswith("ing"):
            out += [w[:-3], w[:-3] + "e"]
        elif w.endswith("s"):
            out += [w[:-1]]
    return out


def _lookup(tok: Token, table: dict):
    """The first of the token's lemmas (see `_lemmas`) found in `table`, or None."""
    return next((w for w in _lemmas(tok) if w in table), None)


def _lemma(tok: Token) -> str:
    return IRREGULAR_PASTS.get(tok.lower_) or tok.lemma_.lower()


def _has_particle(tok: Token, particle: str | None) -> bool:
    """Whether a support verb carries its listed particle ("carried out"); one listed without
    a particle carries none, since a particle makes another verb of it ("called a strike" holds
    the strike, "called off the strike" ends it; "gave up fighting")."""
    if particle is None:
        return not any(c.dep_ == "prt" for c in tok.children)
    return any(c.dep_ in ("prt", "prep", "dobj", "advmod") and c.lower_ == particle for c in tok.children)


# Verbs that end an act ("ended the strike"): with the act as their subject and no object they
# only tell that it ended.
ENDING_VERBS = WORDS["ending"]


STATE_VERBS = WORDS["state"]


def _dated_only(prep: Token) -> bool:
    """Whether a preposition holds only a day or a time ("insisted on Tuesday", "called on
    Friday"): it says when, not what the verb's particle asks for."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


def _with_ok(tok: Token, words: frozenset[str], aimed: bool = True) -> bool:
    """Whether a required dependent of the trigger is one of `words`: a particle, subject, object
    or preposition ("blew up", "opened fire", "protesters gathered"), a word joined to the
    trigger by a hyphen, written with its hyphen ("test-" for "test-fired"), a purpose clause
    ("gathered to protest"), the object of a preposition ("withdrew from the talks"), or a noun
    modifier of the object, which names what the object is about as well as the object does
    ("ended mediation efforts", "cut aid flows"). `aimed` false leaves out what a preposition
    aims the act at ("fired rubber bullets at garment workers" fired no workers; what a fight
    is "against" stays: "a battle against drought")."""
    def hit(t: Token) -> bool:
        return t.lower_ in words or _lemma(t) in words

    def hit_named(t: Token) -> bool:
        # (for a "-" row, a subject named with its kind: "Typhoon Yagi killed 14 people")
        return hit(t) or (not aimed and t.pos_ == "PROPN" and any(
            m.dep_ == "compound" and m.i < t.i and hit(m) for m in t.children))

    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ \
            and doc[i - 2].lower_ + "-" in words:
        return True   # "test-fired": a word ending in a hyphen is one joined before the trigger

    # "The protest ended peacefully": an act that ends by itself is no one's ending of it
    ending = _lemma(tok) in ENDING_VERBS and not any(c.dep_ == "dobj" for c in tok.children)
    for c in tok.children:
        if c.dep_ in ("prt", "dobj", "nsubj", "nsubjpass", "prep", "advmod", "compound", "acomp", "oprd",
                      "dative", "npadvmod") and (hit(c) or (c.dep_ == "nsubj" and hit_named(c))) \
                and not (ending and c.dep_ == "nsubj") \
                and not (c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME") and not any(
                    g.ent_type_ == "ORDINAL" or g.dep_ == "poss" for g in c.children)) \
                and not (c.dep_ == "prep" and _dated_only(c)):
            # (a noun of time hung on the verb says when, "entered the village the day before",
            # unless it is counted: "entered a second week", the "rock" of "rock-throwing")
            return True
        if c.dep_ in ("advcl", "xcomp") and c.pos_ == "ADJ" and hit(c):
            return True   # "burned alive a suspected thief", the adjective parsed as a clause
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" and hit(g) for g in c.children):
            return True   # "called for Pashinyan to resign", the "for" parsed as the clause's mark
        if c.dep_ == "ccomp" and c.pos_ == "NOUN" and hit(c) and not any(g.dep_ in ("nsubj", "aux", "cop")
                                                                          for g in c.children):
            return True   # "took several guards hostage", the small clause's noun parsed as a clause
        if c.dep_ == "dobj" and c.right_edge.i > c.i + 1 and hit(c.right_edge) and c.right_edge.dep_ != "conj" \
                and doc[c.right_edge.i - 1].pos_ in ("NOUN", "PROPN", "PRON") \
                and all(g.dep_ == "compound" and g.i == c.right_edge.i - 1 for g in c.right_edge.children):
            return True   # "took hundreds of passengers hostage", the small clause's noun hung inside the object
        if c.dep_ == "dobj" and c.right_edge.i > c.i + 1 and hit(c.right_edge) and c.right_edge.dep_ == "pobj" \
                and c.right_edge.head.i == c.right_edge.i - 1 and c.right_edge.head.dep_ == "prep" \
                and not any(c.right_edge.children):
            return True   # "set a school on fire", a bare "on fire" hung on the object it tells of
        if _infinitive_clause(c) or (c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)):
            if hit(c):
                return True   # "gathered to protest"
        # (and a passive's agent: "was met by fierce resistance")
        objs = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ in ("prep", "agent") \
            and (aimed or c.lower_ not in FIRED_AT_PREPS) else []
        if any(hit(g) for g in objs):
            return True
        if c.dep_ in ("dobj", "nsubjpass") or c.dep_ == "prep":
            for o in ([c] if c.dep_ != "prep" else objs):
                if any(m.dep_ in ("compound", "amod") and hit(m) for m in o.children):
                    return True
        if c.dep_ in ("dobj", "nsubjpass") and (c.like_num or c.pos_ == "NUM" or c.lower_ in PART_WORDS) and any(
                p.dep_ == "prep" and p.lower_ == "of" and any(g.dep_ == "pobj" and hit(g) for g in p.children)
                for p in c.children):
            return True   # "recaptured 10 of the escaped prisoners", "intercepted most of the boats"
        if c.dep_ == "dobj" and aimed and any(p.dep_ == "prep" and p.lower_ in MEANS_PREPS and any(
                g.dep_ == "pobj" and hit(g) and not any(x.dep_ == "conj" for x in g.children) for g in p.children)
                for p in c.children):
            return True   # "attacked a base with drones", the means hung on the object (one means only)
    # what a word excluding the trigger is may be the noun a relative clause's "that" stands
    # for ("a stampede that killed 11 people and injured 50": no attack), or the subject a
    # coordinated verb shares ("Wildfires fanned by strong winds destroyed 200 homes")
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in first.children):
        first = first.head
    # (or for a noun whose prepositional phrase holds it: "the collapse of a railway station
    # canopy that killed 16 people", the "that" hung on the canopy; "the collapse of a canopy at
    # a station in Novi Sad that killed 15", hung on the station)
    described = [first.head]
    while len(described) < 4 and described[-1].dep_ == "pobj" and described[-1].head.dep_ == "prep" \
            and described[-1].head.head.pos_ in ("NOUN", "PROPN"):
        described.append(described[-1].head.head)
    if not aimed and first.dep_ == "relcl" and any(hit(d) for d in described) and any(
            c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in first.children):
        return True
    if not aimed and first.i != tok.i and any(c.dep_ == "nsubj" and hit_named(c) for c in first.children):
        return True
    # "The quake struck near Mandalay, killing 3,000 people and destroying thousands of
    # buildings": a participle with no subject of its own shares its verb's
    t = tok
    while tok.tag_ == "VBG" and t.dep_ in ("advcl", "conj") and t.head.i != t.i \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
        t = t.head
        if any(c.dep_ == "nsubj" and hit_named(c) for c in t.children):
            return True
    # "Myanmar's military seized power": the small model may read the verb as an adjective of
    # its object; the object is then the verb's head; so is the noun a participle describes
    # ("in a video released on Monday"; not "hostages held in Gaza", a state, no act); and "a
    # storm warning" may be parsed as the noun "storm" and a participle: a compound too
    return (tok.dep_ == "amod" and tok.tag_ in ("VBD", "VBN") and tok.head.i > tok.i and hit(tok.head)) or \
        (tok.dep_ == "acl" and (tok.tag_ == "VBN" or (not aimed and tok.tag_ == "VBG")) and tok.head.i < tok.i
         and hit(tok.head)
         and _lemma(tok) not in STATE_VERBS) or \
        (tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.i == i - 1 and hit(tok.head))


# In events_context_exclusions.csv, a modifier that stands for any capitalised word before a
# capitalised one: the word then ends a name.
NAME_MODIFIER = "NAME"


def _context_words(sent, lex: EventLexicon) -> set[str]:
    """The words and lemmas of a sentence that a trigger's context may match, less the words a
    modifier makes something else ("a gold mine" is no landmine) and those that only modify a
    name ("an Air Force convoy" says nothing of air strikes): data/events_context_exclusions.csv."""
    out = set()
    for t in sent:
        mods = lex.not_context.get(t.lower_) or lex.not_context.get(_lemma(t))
        if mods and any(c.dep_ in ("compound", "amod", "nmod") and (
                c.lower_ in mods or (NAME_MODIFIER in mods and t.text[:1].isupper() and c.text[:1].isupper()))
                for c in t.children):
            continue   # (NAME: the word ends a body's name, "the Arab League", "the European Union")
        heads = lex.not_context_heads.get(t.lower_)
        if heads and t.dep_ in ("compound", "amod", "nmod") and t.head.lower_ in heads and not _a_doer(t.head):
            continue   # (but "the Russian Air Force struck ..." says how)
        out |= {t.lower_, _lemma(t)}
    return out


def _a_doer(tok: Token) -> bool:
    """Whether a noun is a subject that acts, or one of several ("the US and Russian Air Forces")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "nsubj"


def _context_ok(tok: Token, words: frozenset[str], sent_words: set[str],
                clause_words: frozenset[str] = frozenset()) -> bool:
    """A noun's context is its own phrase and neighbours, plus the clause of the support verb
    that carries it ("Russia launched an operation ... to combat terrorism"); a verb's is the
    sentence, or its own clause when that tells what came before or after ("after ... died")."""
    if _pos(tok) == "NOUN":
        near = [c for c in tok.children] + [t for t in tok.doc[max(tok.sent.start, tok.i - 3):tok.i]]
        near += [t for t in tok.doc[tok.i + 1:min(tok.sent.end, tok.i + 3)]]
        return any(t.lower_ in words or _lemma(t) in words for t in near) or bool(words & clause_words)
    if _told_as_cause(tok):
        # "a mob burned a police station after a suspect died in custody": the mob's act is
        # not the context of the death that came before it
        return any(t.lower_ in words or _lemma(t) in words for t in tok.subtree)
    return bool(words & sent_words)


def _carrier(tok: Token, lex: EventLexicon) -> Token | None:
    """The support verb an event noun is the object or subject of ("launched an operation",
    "began with an assault", "came under fire", "the blast that occurred")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and _support_prep(head, lex):
        head = head.head
    if head.i == tok.i or _pos(head) != "VERB":
        return None
    lem = _lookup(head, lex.support_object)
    if tok.dep_ in ("dobj", "nsubjpass", "pobj") and lem and not _told_before(lem, tok):
        return head
    if tok.dep_ in ("nsubj", "csubj") and _lookup(head, lex.support_subject):
        return head
    return None


def _told_before(lemma: str, noun: Token) -> bool:
    """Whether a support verb that carries only objects new to the story (NEW_OBJECT_ONLY) has
    one told before, with a definite determiner or a possessor: "called a general strike"
    holds the strike, "called the attack cowardly" judges an attack."""
    return lemma in NEW_OBJECT_ONLY and any(d.dep_ in ("det", "poss") and d.lower_ not in ("a", "an")
                                            for d in noun.children)


def _support_prep(prep: Token, lex: EventLexicon) -> bool:
    """A preposition through which a support verb carries its event noun: "engaged in
    fighting", "came under fire", or the verb's own particle ("went on strike")."""
    if prep.lower_ in SUPPORT_PREPS:
        return True
    verb = prep.head
    lem = _lookup(verb, lex.support_object) if verb.i != prep.i else None
    return lem is not None and lex.support_object[lem] == prep.lower_


def _clause_words(verb: Token | None) -> frozenset[str]:
    """Words and lemmas of the clause of a support verb (none without one)."""
    if verb is None:
        return frozenset()
    return frozenset(w for t in verb.subtree for w in (t.lower_, _lemma(t)))


def _number(tok: Token) -> int | None:
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    value = NUMBER_WORDS.get(text)
    tens = _hyphen_tens(tok) if value is not None and value < 10 else None
    return value + tens if tens is not None else value   # ("Twenty-one", split at its hyphen)


def _hyphen_tens(tok: Token) -> int | None:
    """The tens a unit word is joined to by a hyphen ("twenty" of "Twenty-one"), or None."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-" or doc[tok.i - 1].whitespace_ or doc[tok.i - 2].whitespace_:
        return None
    tens = NUMBER_WORDS.get(doc[tok.i - 2].lower_)
    return tens if tens is not None and tens >= 20 and tens % 10 == 0 and tens < 100 else None


def _tens_of_compound(tok: Token) -> bool:
    """Whether a tens word begins a hyphenated number ("Twenty" of "Twenty-one"): the unit
    word after it holds the whole number."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_ \
        and not doc[tok.i + 1].whitespace_ and _hyphen_tens(doc[tok.i + 2]) is not None


# ---------------------------------------------------------------- finder

@dataclass
class _Ev:
    tok: Token                 # main trigger token
    rule: TriggerRule
    span: tuple[int, int]      # token range of the trigger phrase (inclusive start, exclusive end)
    heads: set[int]            # tokens standing for the event in the tree (trigger + support verb)
    carrier: Token | None = None  # support/aspect verb that carries the event
    promised: list[str] = field(default_factory=list)  # types of the acts a promise verb governs


def find_events(doc: Doc, lexicon: EventLexicon, actor_mentions: list[dict],
                place_mentions: list[dict], published_date: dt.date | None) -> list[dict]:
    """Events of one parsed article; see the module docstring for what is kept and left out.

    Each dict has the events-table fields except event_id, article_id and incident_id, and
    `incident_of`, the trigger span of its incident's first event (see `_group_incidents`;
    the incident_id is that event's id), and `unnamed_doer_country`, the country whose
    unidentified armed group did a violent act the text gives no doer (see
    _unnamed_doer_country; extract turns it into the doer). Sentences are read in
    order, as a coder reads a story: an event without a date of its own takes the date of
    the nearest preceding dated event, and a sentence that only states the
    toll of the previous sentence's event adds it to that event (see `_continues`).
    """
    lex = lexicon
    published_date = _filing_day(doc, published_date)
    sent_of = sentence_indexes(doc)
    actor_at = _token_map(doc, actor_mentions)
    # a demonym ("Iraqi forces") names a country of an actor, never where an event happened;
    # a toponym the gazetteer could not place may, by its name only (see places.named_place)
    place_at = _token_map(doc, [p for p in place_mentions if _mention_place(p)
                                and (p.get("mention_kind", "name") != "demonym" or p.get("capital"))])
    sector_of = {m["actor"]["actor_id"]: m["actor"]["sector_code"] for m in actor_mentions}
    place_of = {pl["place_id"]: pl for p in place_mentions if (pl := _mention_place(p))}
    text = doc_text(doc)
    out: list[dict] = []
    para_date: ResolvedDate | None = None   # date of the latest dated event told so far
    by_report: set[int] = set()              # (ids of) events dated only by the day they were reported
    host: _Host | None = None               # the event a consequence sentence would continue
    last_host: _Host | None = None          # ... the previous paragraph's, for a toll told after it
    story_day: dt.date | None = None        # the latest day told: "the next day" counts from it
    told_last: dt.date | None = None        # the latest date said, any precision: "that month" is its
    told: _Host | None = None               # the latest assault of the article, for a later claim
    strike: _Host | None = None             # ... not counting interceptions, for a later bare weapon
    tolds: list[_Host] = []                 # ... and every one, in order
    para_scene: dict | None = None          # the paragraph's latest placed act of a scene type
    para_places: set[str] = set()           # the places of the paragraph's acts of a scene type
    last_places: set[str] = set()           # ... of the previous paragraph's
    prev_end = 0
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        if BLANK_LINE.search(text, prev_end, words[0].idx):
            # a blank line ends the paragraph: its event is no longer the scene of what follows,
            # but a toll told in the next paragraph ("At least 15 people were injured in the
            # clashes") still continues it, and the story's day goes on for undated acts; a
            # paragraph that told no event (a claim, a quote) passes the earlier one on
            last_host, host = host if host is not None else last_host, None
            para_scene = None
            last_places, para_places = para_places, set()
        prev_end = words[-1].idx + len(words[-1].text)
        if sent.text.strip().endswith("?"):
            host = None
            continue
        sent_words = _context_words(sent, lex)
        said_dates = find_date_expressions(sent.text)
        # (but an undated article's "Published Saturday, March 31, 2018" is the one day it gives)
        dates = [d for d in said_dates if not REPORT_DATE.search(sent.text[:d[0]])
                 or (published_date is None and d[2] in FULL_DATE_KINDS)]
        told_before = told_last
        # the day a report was made ("the rebels said on Monday they had captured Goma"): no
        # date of the acts it reports, but the latest they can have happened
        report_day = next((day for day in _days_told(sent, [d for d in said_dates if d not in dates],
                                                     published_date, story_day) if not day.is_background), None)
        told_last = next((day.date for day in reversed(_days_told(sent, dates, published_date, story_day))
                          if not _to_come(day, published_date)), told_last)
        date_toks = _date_tokens(sent, dates) | _tag_tokens(sent)
        evs = _triggers(sent, lex, actor_at, sent_words, date_toks)
        ev_tokens = {i for e in evs for i in e.heads}
        # (not the dead of a harm the lexicon rules out as no act: "after the collapse of a
        # canopy that killed 16 people", "a stampede that killed 11")
        kills = [k for k in _casualties(sent, lex, actor_at, date_toks)
                 if k[2] is None or not _ruled_out(doc[k[2]], lex, sent_words)]
        coded: list[tuple[_Ev, dict, ResolvedDate | None]] = []
        recalled: set[int] = set()   # heads of acts told as background, whose toll is no one's today
        for e in evs:
            rec = _code_event(doc, sent, e, lex, actor_at, place_at, ev_tokens, sent_of)
            if rec is None or (rec["event_type"] in VIOLENT_TYPES and _habitual(e, sent)):
                continue
            if rec["place_id"] is None:
                rec["place_id"] = _same_place(sent, place_at)
            res = _event_date(sent, e, dates, published_date, story_day, ev_tokens, told_before)
            if res is not None and res.is_background:
                if _remembered_act(e) is not None:
                    recalled |= e.heads
                continue
            res = _month_only(sent, res)
            res = _relative_to_report(res, report_day, published_date)
            res = _weekday_of_a_plan(res, rec, published_date)
            if res is not None and rec["event_type"] in STATEMENT_TYPES and _to_come(res, published_date):
                # "said it would hold a strike on Friday": the threat is made now, the strike to
                # come (so the report's day, not a day the story told before)
                res = None if len(dates) > 1 or published_date is None else \
                    ResolvedDate(published_date, "day", None)
            # a statement is made when it is said ("Ruto said on Wednesday he would not withdraw
            # the bill"): the date of the saying dates a verbal act, not an act it reports (nor
            # the story's day for the acts told after it: `res` stays the date of the act)
            said = _event_date(sent, e, said_dates, published_date, story_day, ev_tokens, told_before) \
                if rec["quad_class"] in VERBAL_QUADS and len(said_dates) > len(dates) else None
            if said is not None and not said.is_background:
                rec.update(event_date=said.date, date_precision=said.precision, date_text=said.text)
            elif res is None and para_date is not None and not _told_in_present(e):
                rec.update(event_date=para_date.date, date_precision=para_date.precision,
                           date_text=para_date.text)
            elif res is None and report_day is not None:
                rec.update(event_date=report_day.date, date_precision=report_day.precision,
                           date_text=report_day.text)
                by_report.add(id(rec))
            elif res is not None:
                rec.update(event_date=res.date, date_precision=res.precision, date_text=res.text)
            else:
                rec.update(event_date=published_date, date_precision="day" if published_date else "unknown",
                           date_text=None)
            coded.append((e, rec, res))
        if recalled:   # ("the 1995 massacre, in which forces killed 8,000": no toll of the day)
            kills = [k for k in kills if k[2] not in recalled]
        _crowd_control_on_protest_day(coded, published_date)
        _assign_casualties(coded, kills)
        running = {k[2] for k in kills if _running_toll(sent, k[1], k[2], bool(dates))}
        running |= {i for e, rec, _r in coded if _in_the_war(e, rec, lex) for i in e.heads}
        if running:   # a running toll is background: neither an event nor a toll to add to one
            kills = [k for k in kills if k[2] not in running]
            coded = [c for c in coded if not ((c[0].heads & running or _in_running_toll(c[0], running))
                                              and c[1]["event_type"] == "ASSAULT"
                                              and (c[1]["source_actor_id"] is None or _war_itself(c[0], lex)))]
            _assign_casualties(coded, kills)
        coded = _fold_later_deaths(coded)
        sums = _sums_several(sent)
        if sums:
            for _e, rec, _r in coded:
                rec["_total"] = True
        coded = _fold_toll_clauses(coded, lex)
        coded = _fold_means(coded)
        _inherit_means(coded, place_at)
        _armed_strangers(coded)
        claimed = host if host is not None and host.assaults else told
        if claimed is not None and claimed.assaults:
            # a claim names the doer of the paragraph's assault, or of the article's latest one
            # when it comes in a later paragraph ("JNIM claimed responsibility for the attack")
            claim = _claim_of_earlier(sent, coded, actor_at)
            if claim is not None:
                claimant, told_again = claim

                def unnamed(rec: dict) -> bool:
                    src = rec["source_actor_id"]
                    return src is None or sector_of.get(src) in UNNAMED_DOERS or (
                        _unnamed_group(src) and sector_of.get(src) not in STATE_SECTORS)

                # the latest assault whose doer is unnamed: not the troops who repelled it
                hosts = ([host] if host is not None and host.assaults else []) + tolds[::-1]
                open_hosts = [h for h in hosts if any(unnamed(r) for r in h.assaults)]
                if told_again is not None and told_again["target_actor_id"] is not None:
                    # "JNIM claimed the attack on the army post": the act on that target, not
                    # the latest one (an ambush on a convoy told after it)
                    aimed = told_again["target_actor_id"]
                    open_hosts = [h for h in open_hosts if any(
                        r["target_actor_id"] == aimed or (r["target_actor_id"] is not None and _unnamed_group(aimed)
                                                          and sector_of.get(r["target_actor_id"]) == sector_of.get(aimed))
                        for r in h.assaults)] or open_hosts
                claimed = next(iter(open_hosts), claimed)
                doers = {r["source_actor_id"] for r in claimed.assaults if unnamed(r)} - {None}
                # (and the assaults of the same scene and day, told before it with no doer: the
                # lead's "a car bomb exploded ..., killing 14" and "the blast destroyed shops")
                scenes = {(r["place_id"], r["event_date"]) for r in claimed.assaults if r["place_id"] is not None}
                for h in hosts:   # and every act told of the same unnamed doers ("the militants")
                    for rec in h.rows:   # "Al Shabaab claimed responsibility.": the doer, named
                        if unnamed(rec) and ((h is claimed and rec in h.assaults) or rec["source_actor_id"] in doers
                                             or (rec in h.assaults and (rec["place_id"], rec["event_date"]) in scenes)):
                            rec["source_actor_id"] = claimant["actor"]["actor_id"]
                for rec in out:   # (those of no assault too: "the assailants also set fire to vehicles")
                    if rec["source_actor_id"] in doers and unnamed(rec):
                        rec["source_actor_id"] = claimant["actor"]["actor_id"]
                coded = [c for c in coded if c[1] is not told_again]
                sector_of[claimant["actor"]["actor_id"]] = claimant["actor"]["sector_code"]
                if not coded:
                    continue
        coded = _claimed_in_passing(coded, actor_at, sector_of)
        doers = {r["source_actor_id"] for r in (host.assaults if host is not None else [])} | {
            r["source_actor_id"] for _e, r, _r in coded
            if r["event_type"] == "ASSAULT" or (r["event_type"], r["event_mode"]) == ("COERCE", "destroy")}
        coded = [c for c in coded if not _getaway(c[0], c[1], doers)]
        if told is not None or host is not None:
            coded = [c for c in coded if not (c[1]["event_type"] == "ASSAULT" and _of_the_counted(c[0]))]
            _fought_back(coded, host if host is not None and host.assaults else told, sector_of)
        # (a claim of the article's first act tells it: "the militants claimed responsibility for
        # Friday's bombing of a hotel in Kismayo")
        coded = [c for c in coded if not (_retold(c[0]) and (not _claimed_for(c[0]) or any(
                     r["event_type"] == c[1]["event_type"] for r in out)))
                 and not _one_of_a_kind(c[0]) and not _motive(c[0])
                 and not (_told_as_lasting(c[0]) and c[1]["event_type"] in VIOLENT_TYPES)
                 and not _truce_in_force(c[0], c[1]) and not _breached(c[0])
                 and not _grievance_kind(c[0]) and not (_superlative(c[0]) and any(
                     o is not c and o[1]["event_type"] == c[1]["event_type"] for o in coded))
                 and not _topic(c[0], c[1]) and not (
            (_described(c[0]) or _outcry_over(c[0]) or _countered(c[0]) or _object_again(c[0], coded)
             or _named_by_its_day(c[0]) or _named_again(c[0]))
            and any(r["event_type"] == c[1]["event_type"] for r in out))]
        if told is not None and any(_tells_where(e, rec, told, place_of, place_at, lex, r) for e, rec, r in coded):
            # "The attack took place near the town of Djibo.": where the earlier attack was; and
            # "... when a patrol was targeted by X" in it tells that attack again
            occ = [c[0] for c in coded if _occurrence(c[0])]
            coded = [c for c in coded if not _occurrence(c[0]) and not (
                c[1]["event_type"] == "ASSAULT" and any(_when_clause_of(c[0], o) for o in occ))]
            host = told
            if para_date is None and told.rec["event_date"] is not None:   # the story's day goes on
                para_date = ResolvedDate(told.rec["event_date"], told.rec["date_precision"], told.rec["date_text"])
            if not coded:
                continue
        if host is not None and _continues(sent, coded, kills, dates, place_at, host, lex, sums):
            follow = [c for c in coded if _follow_up_arrest(c[0], c[1])]
            _add_consequences(host, [c for c in coded if c not in follow], kills, sent, text, sector_of, lex,
                              actor_at)
            if not follow:
                continue
            for _e, rec, _r in follow:   # "Eight students were injured and 23 were arrested."
                rec["source_actor_id"] = host.rec["source_actor_id"]
                rec["target_actor_id"] = rec["target_actor_id"] or host.rec["target_actor_id"]
                rec["fatalities"] = rec["injured_count"] = None
            coded = follow
        if host is not None and sector_of.get(host.rec["source_actor_id"]) in STATE_FORCE_SECTORS:
            for e, rec, _r in coded:
                if _follow_up_arrest(e, rec):
                    # "Police dispersed the rally with tear gas. 30 protesters were arrested.":
                    # the paragraph's police made the arrests
                    rec["source_actor_id"] = host.rec["source_actor_id"]
                    rec["confidence"] = round(rec["confidence"] - EARLIER_DOER_PENALTY, 2)
        if host is None and last_host is not None and _continues(sent, coded, kills, dates, place_at, last_host, lex, sums):
            _add_consequences(last_host, coded, kills, sent, text, sector_of, lex, actor_at)
            host = last_host
            continue
        placed = any(i in place_at and not _in_org_name(doc[i], place_at, actor_at) for i in range(sent.start, sent.end)) \
            or _unknown_place_named(sent, actor_at)
        if host is not None and not coded and not dates and not placed:
            continue   # "A residential building was hit.": a detail of the scene; the event goes on
        scene = host.rec if host is not None else (last_host.rec if last_host is not None and not dates else None)
        if host is None and len(last_places) > 1:
            # ("Protests broke out in Mombasa and Eldoret. In Nyeri, an office was set ablaze." /
            # "50 people were arrested in connection with the violence": a round-up of places
            # leaves no one scene for the next paragraph)
            scene = None
        if scene is None or scene["place_id"] is None:
            scene = para_scene   # ("A mob set fire to a police station in Kathmandu. Police fired into the air.")
        ends = _route_end_places(sent, place_at, lex) if placed else None
        if scene is not None and scene["place_id"] is not None:
            # "Police dispersed them with tear gas.": the scene goes on where the paragraph's
            # attack or protest was, when the sentence names no place of its own; so does the
            # first undated sentence of the next paragraph ("Members of the gang opened fire
            # on residents ...", after a lead that placed the attack). The ends of a road are
            # no place of its own ("youths from the community blocked the Jos-Abuja road"),
            # nor is where a withdrawal went ("The attackers withdrew towards Niger.")
            for e, rec, r in coded:
                goes_on = (not placed or ends or (rec["place_id"] is None and _only_background_places(
                    sent, e, place_at, actor_at, lex))) and rec["event_type"] in SCENE_TYPES \
                    and (rec["place_id"] is None or rec["place_id"] in (ends or ()))
                leaves = (rec["event_type"], rec["event_mode"]) == WITHDRAWAL and rec["place_id"] is None
                if (goes_on or leaves) and not rec["is_negated"] and not rec["is_hypothetical"] \
                        and not (r is not None and _flashback(r, story_day)):
                    rec["place_id"] = scene["place_id"]
                    if _nationwide(e):
                        # "Authorities imposed a curfew nationwide": the whole country of the
                        # scene, not the town the paragraph told of
                        rec["place_id"] = _country_place(place_of, place_of.get(scene["place_id"]))
        if strike is not None:
            _weapon_doer(coded, strike)
        _group_incidents(coded, sector_of, lex)
        for e, rec, _r in coded:
            earlier = _act_its_doer_retells(e, rec, tolds, actor_at, lex)
            if earlier is not None:   # the claimed toll is no more deaths
                rec.update(incident_of=earlier["incident_of"], fatalities=None, injured_count=None)
        out.extend(rec for _e, rec, _r in coded)
        para_places |= {rec["place_id"] for _e, rec, _r in coded if rec["place_id"] is not None
                        and rec["event_type"] in SCENE_TYPES and not rec["is_negated"] and not rec["is_hypothetical"]}
        para_scene = next((rec for _e, rec, _r in reversed(coded) if rec["place_id"] is not None
                           and rec["event_type"] in SCENE_TYPES and not rec["is_negated"]
                           and not rec["is_hypothetical"]), para_scene)
        if coded or dates:
            last_host = None   # the new paragraph has moved on: a later toll is not the old event's
        # (not the date of a clause describing somebody: "Sonko, who was released last month")
        # (before the story has a day, a year before the publication's is a flashback too: "In
        # 2005, his adviser was convicted" lends its year to no act told after it)
        own = [res for _e, _rec, res in coded if res is not None and res.text is not None   # (not a report's day)
               and not _flashback(res, story_day or (published_date if res.precision == "year" else None))
               and not _coarser_than(res, para_date) and not _counted_back(res) and not _describes_someone(_e)
               and not _to_come(res, published_date)]
        # ... nor a flashback from a day the same sentence tells ("killed five on Tuesday, the
        # deadliest attack since a ceasefire took effect in November": the story stays on Tuesday)
        day_told = next((res.date for res in own if res.precision == "day" and res.date is not None), None)
        own = [res for res in own if not _flashback(res, day_told)]
        if own:
            # (the finest of them: "was arrested Tuesday in connection with a shooting last
            # week" goes on with Tuesday's arrest, not last week's shooting)
            finest = min(PRECISION_RANK.get(res.precision, 9) for res in own)
            para_date = [res for res in own if PRECISION_RANK.get(res.precision, 9) == finest][-1]
        elif not coded and dates and (story_day is not None or dates[0][2] in FULL_DATE_KINDS) \
                and not _wire_dateline(sent):
            # "Soldiers arrived in the area on Wednesday. Four bandits were killed.": a day the
            # story moves on to, told without an event, dates the acts told after it; and a
            # full date opens the story's days ("On 3 May, troops arrived. Two days later, ...")
            day = resolve_expression(sent.text[dates[0][0]:dates[0][1]], dates[0][2], published_date, story_day)
            if day.precision == "day" and day.date is not None and not day.is_background \
                    and not (story_day is not None and _flashback(day, story_day)) \
                    and (published_date is None or day.date <= published_date):
                para_date, story_day = day, day.date
        story_day = next((r["event_date"] for _e, r, res in reversed(coded) if res is not None and res.text is not None
                          and r["date_precision"] == "day" and r["event_date"] is not None
                          and not _counted_back(res) and not _describes_someone(_e)
                          and not _to_come(res, published_date)), story_day)
        host = _host_of(coded, sent)
        if host is not None and host.assaults:
            told = host
            tolds.append(host)
            if not all(r.get("_intercept") for r in host.assaults):
                strike = host
    _at_dateline_town(doc, out, place_mentions, {m["actor"]["actor_id"]: m["actor"].get("country_code")
                                                 for m in actor_mentions})
    out = _without_summary_lead(out, sector_of, place_of)
    _lead_told_in_detail(out, sector_of, place_of, by_report)
    _quoted_toll_told_again(out, sector_of)
    _lead_retold_by_its_doer(doc, out, place_of, sector_of)
    _total_less_told(out)
    _lead_total_less_details(doc, out, place_of)
    protesters = {r["source_actor_id"] for r in out if r["event_type"] == "PROTEST" and not r["is_negated"]} - {None}
    country_of = {m["actor"]["actor_id"]: m["actor"].get("country_code") for m in actor_mentions}
    for rec in out:
        # a state's forces acting in another country take no territory back ("Russian forces
        # captured the village of Ocheretyne in the Donetsk region")
        home = country_of.get(rec["source_actor_id"])
        there = (place_of.get(rec["place_id"]) or {}).get("country_code")
        rec["_abroad"] = bool(home and there and home != there and home not in PSEUDO_COUNTRIES)
        rec["acled_sub_event_type"] = acled_sub_event(rec, sector_of.get(rec["source_actor_id"]), lex,
                                                      rec["source_actor_id"] in protesters or rec.get("_demonstrators", False),
                                                      sector_of.get(rec["target_actor_id"]))
    # the state's violence against a protest it is part of ("police attacked protesters
    # during a rally") is ACLED's intervention in the protest, or excessive force when it kills
    # (or against protesters the story names only as its targets: "police fired on protesters")
    protests = {r["incident_of"] for r in out if r["event_type"] == "PROTEST" or (
        r["event_type"] == "ASSAULT" and r.get("_at_demonstrators")
        and sector_of.get(r["source_actor_id"]) in STATE_FORCE_SECTORS)}
    lethal = {r["incident_of"] for r in out if r["fatalities"]}   # (the incident's toll, on whichever row)
    for rec in out:
        if rec["event_mode"] == "crowd-control" and rec["incident_of"] not in protests \
                and (sector_of.get(rec["target_actor_id"]) in ARMED_SECTORS or rec["_at_vessel"]):
            # "a coast guard vessel fired water cannon at a navy supply boat": less-lethal force
            # against an armed force is no protest's dispersal, and no armed clash
            rec.update(acled_event_type="Strategic developments", acled_sub_event_type="Other")
    for rec in out:
        if rec["event_type"] == "ASSAULT" and rec["incident_of"] in protests \
                and (rec["acled_event_type"] == "Violence against civilians" or (
                    # "police clashed with miners protesting in Pataz": no battle with armed men
                    rec["acled_event_type"] == "Battles" and rec["target_actor_id"] is not None
                    and sector_of.get(rec["target_actor_id"]) not in ARMED_SECTORS | {"CRM", "ETH"})) \
                and sector_of.get(rec["source_actor_id"]) in STATE_FORCE_SECTORS:
            rec.update(acled_event_type="Protests", acled_sub_event_type="Excessive force against protesters"
                       if rec["incident_of"] in lethal else "Protest with intervention")
    # the state's violence against civilians on the day and at the place where it dispersed a
    # protest ("police fired tear gas at protesters in Nairobi ... a man was killed by a police
    # bullet in the city's centre") is force against that protest
    # (and so is its violence against the protesters themselves there and then: "students
    # staged a sit-in ... Riot police stormed the campus and beat several students")
    dispersed = {(r["event_date"], r["place_id"]) for r in out if r["event_type"] == "ASSAULT"
                 and r["acled_event_type"] == "Protests" and r["place_id"] is not None}
    protesting = {(r["event_date"], r["place_id"], r["source_actor_id"]) for r in out if r["event_type"] == "PROTEST"
                  and not r["is_negated"] and not r["is_hypothetical"] and r["place_id"] is not None}
    for rec in out:
        if rec["event_type"] == "ASSAULT" and rec["acled_event_type"] == "Violence against civilians" \
                and sector_of.get(rec["source_actor_id"]) in STATE_FORCE_SECTORS \
                and ((rec["event_date"], rec["place_id"]) in dispersed
                     or (rec["target_actor_id"] is not None
                         and (rec["event_date"], rec["place_id"], rec["target_actor_id"]) in protesting)):
            rec.update(acled_event_type="Protests", acled_sub_event_type="Excessive force against protesters"
                       if rec["fatalities"] or rec["incident_of"] in lethal else "Protest with intervention")
    # "... marched in Maiduguri. Soldiers blocked the march and dispersed the women.": the march
    # told again is no second protest, and the one told was met with intervention
    told_protests = [r for r in out if r["event_type"] == "PROTEST" and not r["is_negated"] and not r["is_hypothetical"]]
    again = [r for r in told_protests if r["_acted_on"] and any(
        t["sentence_index"] < r["sentence_index"] and t["event_date"] == r["event_date"] for t in told_protests)]
    if again:
        out = [r for r in out if all(r is not a for a in again)]
    force = {}
    for r in out:
        if r["event_type"] == "ASSAULT" and r["acled_event_type"] == "Protests" and r["place_id"] is not None:
            key = (r["event_date"], r["place_id"])
            if force.get(key) != "Excessive force against protesters":
                force[key] = r["acled_sub_event_type"]
    for rec in out:
        if rec["event_type"] == "PROTEST" and rec["acled_sub_event_type"] == "Peaceful protest" \
                and (rec["event_date"], rec["place_id"]) in force:
            rec["acled_sub_event_type"] = force[(rec["event_date"], rec["place_id"])]
    # a protest and its dispersal are one ACLED event: the protest takes the intervention's sub-event
    intervened = {r["incident_of"]: r["acled_sub_event_type"] for r in out if r["event_type"] == "ASSAULT"
                  and (r["event_mode"] == "crowd-control" or r["incident_of"] in protests)
                  and r["acled_event_type"] == "Protests"}
    # (not reporters "covering a protest": they do not demonstrate)
    arrests = {r["incident_of"]: r["target_actor_id"] for r in out if r["event_mode"] == "arrest"
               and sector_of.get(r["target_actor_id"]) not in OBSERVER_SECTORS}
    # an incident is one act: an assault row without means takes the weapon another row of it
    # names ("a roadside bomb targeted a bus ..., killing 9 soldiers": all of it a bombing)
    means = {r["incident_of"]: r for r in out if r["event_type"] == "ASSAULT" and r["event_mode"] in WEAPON_MODES
             and r["acled_event_type"] == "Explosions/Remote violence"}
    for rec in out:
        src_rec = means.get(rec["incident_of"])
        if src_rec is not None and rec is not src_rec and rec["event_type"] == "ASSAULT" and rec["event_mode"] is None:
            rec.update(event_mode=src_rec["event_mode"], cameo_root=src_rec["cameo_root"],
                       acled_event_type=src_rec["acled_event_type"], acled_sub_event_type=src_rec["acled_sub_event_type"])
    # a riot is one ACLED event: its burning and looting take the sub-event of its violence
    # ("a mob attacked and burned a mosque": mob violence throughout)
    rioting = {r["incident_of"]: r["acled_sub_event_type"] for r in out
               if r["acled_event_type"] == "Riots" and r["event_type"] == "ASSAULT"}
    # a protest whose own crowd turns violent ("protested ..., burning tyres and barricading
    # roads") is ACLED's violent demonstration, not a peaceful protest beside a riot
    # (in its incident or its sentence)
    violent = {(k, r["source_actor_id"]) for r in out if r["acled_event_type"] == "Riots"
               and r["acled_sub_event_type"] == "Violent demonstration" and r["source_actor_id"] is not None
               for k in (r["incident_of"], r["sentence_index"])}
    # the state's force against a crowd that rioted that day is part of the riot ("protesters
    # rioted ..., looting shops. Police shot dead 2 protesters."): no excessive force against
    # peaceful protesters
    # (and at that place: "Protests also took place in Mombasa, where demonstrators burned
    # tyres" says nothing of the crowd police dispersed in Nairobi)
    rioters = {(r["source_actor_id"], r["event_date"], r["place_id"]) for r in out if r["acled_event_type"] == "Riots"
               and r["acled_sub_event_type"] == "Violent demonstration" and r["source_actor_id"] is not None}
    for rec in out:
        if rec["acled_event_type"] == "Protests" and rec["event_type"] == "ASSAULT" \
                and (rec["target_actor_id"], rec["event_date"], rec["place_id"]) in rioters:
            rec.update(acled_event_type="Riots", acled_sub_event_type="Violent demonstration")
        if rec["acled_event_type"] == "Riots" and rec["event_type"] != "ASSAULT" and rec["incident_of"] in rioting:
            rec["acled_sub_event_type"] = rioting[rec["incident_of"]]
        elif rec["acled_event_type"] == "Violence against civilians" and rec["event_type"] == "ASSAULT" \
                and rec["event_mode"] is None and rec["incident_of"] in rioting:
            # "party supporters clashed ..., leaving 15 injured": the harm a mob does in its riot
            # is the riot's, as ACLED codes mob violence
            rec.update(acled_event_type="Riots", acled_sub_event_type=rioting[rec["incident_of"]])
        if rec["event_type"] == "PROTEST" and rec["acled_event_type"] == "Protests" and (
                (rec["incident_of"], rec["source_actor_id"]) in violent
                or (rec["sentence_index"], rec["source_actor_id"]) in violent):
            rec.update(acled_event_type="Riots", acled_sub_event_type="Violent demonstration")
        elif rec["event_type"] == "PROTEST" and rec["acled_event_type"] == "Protests" and rec["incident_of"] in intervened:
            rec["acled_sub_event_type"] = intervened[rec["incident_of"]]
        elif rec["event_type"] == "PROTEST" and rec["acled_event_type"] == "Protests" and rec["incident_of"] in arrests:
            # "police arrested 40 protesters during demonstrations": a protest met with arrests,
            # by the people arrested
            rec["acled_sub_event_type"] = "Protest with intervention"
            rec["source_actor_id"] = rec["source_actor_id"] or arrests[rec["incident_of"]]
        rec.pop("_means_word", None)
        rec.pop("_takes_people", None)
        rec.pop("_intercept", None)
        rec.pop("_replied_to", None)
        rec.pop("_weapons", None)
        rec.pop("_lone", None)
        rec.pop("_demonstrators", None)
        rec.pop("_at_demonstrators", None)
        rec.pop("_at_vessel", None)
        rec.pop("_acted_on", None)
        rec.pop("_quoted", None)
        rec.pop("_total", None)
        rec.pop("_restated", None)
        rec.pop("_abroad", None)
    out = _one_row_per_place_and_partner(out)
    for rec in out:
        rec["unnamed_doer_country"] = _unnamed_doer_country(rec, place_of)
    out.sort(key=lambda r: (r["trigger_start"], r["trigger_end"]))
    return out


# Modes of a violent act whose unnamed doer is an unidentified armed group of the act's country
# (see _unnamed_doer_country): not shelling, air or drone strikes, whose doer is an army.
UNNAMED_DOER_MODES = {None, "firearms", "explosives", "suicide-attack", "targeted", "primitive", "abduct"}


def _unnamed_doer_country(rec: dict, place_of: dict) -> str | None:
    """The country whose unidentified armed group did a violent act the text gives no doer ("A
    roadside bomb near Kirkuk killed a soldier", "the bodies of five men were found"): the
    country of the act's place, as ACLED codes an unknown perpetrator ("Unidentified Armed
    Group (Iraq)") and the PLOVER coders a doerless bombing. None for any other act, for a
    two-sided fight, and for an act with a doer or no placed country."""
    if rec["source_actor_id"] is not None or rec["event_type"] != "ASSAULT" or rec["is_negated"] \
            or rec["is_hypothetical"] or rec["event_mode"] not in UNNAMED_DOER_MODES \
            or rec["acled_event_type"] not in ("Violence against civilians", "Explosions/Remote violence"):
        return None
    place = place_of.get(rec["place_id"]) if rec["place_id"] else None
    return (place or {}).get("country_code") or None


# Words right before a date that make it the date of the report, not of the event ("On 7 May
# (as reported on 9 May), a landmine exploded"; "the prosecutor said on Saturday that 352
# people had been wounded": ACLED's notes and wire copy say so). A date before the verb of
# saying ("On 3 May, police said ...") still dates the event, as ACLED's notes write it.
REPORT_DATE = re.compile(r"\b(?:reported|published|posted|updated|said|says|told|announced|confirmed|stated|added)"
                         r"(?:\s+(?:on|in))?\s*$", re.I)


def _weekday_of_a_plan(res: ResolvedDate | None, rec: dict, published: dt.date | None) -> ResolvedDate | None:
    """The coming weekday or month, not the last, for an act still to come ("opposition groups
    are planning a march in Nairobi on Friday", "will hold elections in June"): a plan's day
    lies after publication (and is then recorded as a plan with no date)."""
    if res is None or res.date is None or res.text is None or published is None or not rec["is_hypothetical"] \
            or res.date >= published:
        return res
    kind = _sole_kind(res.text)
    if kind == "inmon" and res.precision == "month" and res.date.replace(year=res.date.year + 1) > published:
        # ("will host the final in June", said in May: this June, not last year's)
        return res._replace(date=res.date.replace(year=res.date.year + 1))
    if kind != "wd" or res.text.lower().startswith("last"):
        return res
    return res._replace(date=res.date + dt.timedelta(days=7))


def _sole_kind(text: str) -> str | None:
    """The pattern name of the one date expression `text` is (see find_date_expressions), or
    None: a resolved date keeps its words, not how they were read."""
    kinds = find_date_expressions(text)
    return kinds[0][2] if len(kinds) == 1 else None


def _relative_to_report(res: ResolvedDate | None, report_day: ResolvedDate | None,
                        published: dt.date | None) -> ResolvedDate | None:
    """A day told relative to now ("overnight", "yesterday", "this morning", "on Monday") in a
    sentence that dates its report ("drones struck the port overnight, the governor said on
    Friday"): relative to the day it was said, not to the publication day (a report told
    later, as a wire story often is, would put the act days late)."""
    if res is None or res.text is None or report_day is None or report_day.precision != "day" \
            or report_day.date is None or (published is not None and report_day.date > published):
        return res
    kind = _sole_kind(res.text)
    if kind not in ("rel", "wd") or (kind == "wd" and (
            res.date is None or (published is not None and res.date > published))):
        return res   # (a weekday still to come stays as it was read)
    # ("the ministry said on Wednesday that troops had arrested 40 people on Monday": the
    # Monday before that Wednesday, not the one before publication)
    return resolve_expression(res.text, kind, report_day.date)


def _month_only(sent, res: ResolvedDate | None) -> ResolvedDate | None:
    """A day a coder marks as known only to its month ("On 12 March 2025 (month of), ..."):
    the month, as ACLED means it."""
    if res is None or res.precision != "day" or res.date is None or not res.text:
        return res
    at = sent.text.find(res.text)
    if at < 0 or not MONTH_OF.match(sent.text, at + len(res.text)):
        return res
    return ResolvedDate(res.date.replace(day=1), "month", res.text)


# A coder's note that only the month of the day before it is known.
MONTH_OF = re.compile(r"\s*\(\s*month of\s*\)", re.I)


# Date precisions from the finest.
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


# Quad classes of verbal acts (verbal cooperation and conflict), which happen when said.
VERBAL_QUADS = {1, 3}

# Days before the story's day from which a dated sentence looks back rather than goes on.
FLASHBACK_DAYS = 7


def _coarser_than(res: ResolvedDate, day: ResolvedDate | None) -> bool:
    """Whether a month or year holds the day the story is on ("the leaders arrested this
    year", told on the story's day): it says less about when, so the day stays the story's."""
    if day is None or day.precision != "day" or day.date is None or res.date is None:
        return False
    if res.precision == "year":
        return res.date.year == day.date.year
    if res.precision == "month":
        return (res.date.year, res.date.month) == (day.date.year, day.date.month)
    if res.precision == "week":
        return 0 <= (day.date - res.date).days < WEEK_DAYS
    return False


def _flashback(res: ResolvedDate, story_day: dt.date | None) -> bool:
    """Whether a sentence's own date looks back from the story ("Last month, militants killed
    30 people in a similar attack"): a month or year, or a day over FLASHBACK_DAYS before the
    story's day. The sentences after it return to the story, so they neither take its date
    nor does it take the scene's place."""
    if story_day is None or res.date is None:
        return False
    if res.precision == "year":
        return res.date.year < story_day.year
    if res.precision == "month":
        return (res.date.year, res.date.month) < (story_day.year, story_day.month)
    if res.precision == "week":   # (the week's last day)
        return (story_day - res.date).days - (WEEK_DAYS - 1) > FLASHBACK_DAYS
    return (story_day - res.date).days > FLASHBACK_DAYS


# Prepositions of what a weapon is aimed at ("fired artillery at residents").
AIMED_PREPS = {"at", "on", "against", "toward", "towards", "into"}
# ... less "against", which also says what a fight is about ("a battle against drought").
FIRED_AT_PREPS = AIMED_PREPS - {"against"}


def _marked_clause(e: _Ev) -> Token | None:
    """The verb heading the subordinate clause an act is told in, when that clause is marked
    ("since", "after", "before", "until", "because") and has a subject of its own ("since the
    violence began"); None otherwise."""
    t = e.carrier if e.carrier is not None else e.tok
    for _ in range(3):
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("since", "after", "before", "until", "because")
                                     for c in t.children) \
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in PERSONAL_PRONOUNS for c in t.children):
            return t   # (not "since they launched an offensive": the main clause's subject again)
        if t.head.i == t.i or t.dep_ not in ("xcomp", "nsubj", "dobj", "conj"):
            return None
        t = t.head
    return None


def _in_reason_clause(e: _Ev) -> bool:
    """Whether an act lies in the reason given for another ("detained 12 members for holding a
    meeting", "arrested a man for posting a video criticising the authorities"): somebody
    else's act, whose doer the clause's subject is not."""
    t = e.carrier if e.carrier is not None else e.tok
    for _ in range(8):
        if t.dep_ == "pcomp" and t.head.lower_ == "for":
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


# Prepositions of a circumstance a clause's act happens despite or among ("despite protests").
CIRCUMSTANCE_PREPS = {"despite", "amid", "amidst", "notwithstanding"}
# Prepositions that set an act in time by another act ("after the attack"): the doer of the
# clause is not thereby the doer of the act named.
SEQUENCE_PREPS = {"after", "following", "before"}
# Sectors whose acts are the state's for ACLED's territory sub-events.
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "PRM"}
# State forces whose violence against a protest is ACLED's intervention in it.
STATE_FORCE_SECTORS = {"COP", "MIL"}
# Sectors of people at a protest to watch or tend it, not to demonstrate.
OBSERVER_SECTORS = {"JRN", "MED", "IGO", "NGO"}


def acled_sub_event(rec: dict, source_sector: str | None, lex: EventLexicon, protesting: bool = False,
                    target_sector: str | None = None) -> str | None:
    """The ACLED sub-event type of a coded event: the first rule of the lexicon's
    events_acled_sub_events.csv that fits it (None when none does or it has no ACLED type).

    Why rules in a data file: the sub-event follows from what is already coded (type, mode,
    doer, toll, trigger word), and a researcher aligning with ACLED can read and change how.
    """
    if not rec.get("acled_event_type"):
        return None
    # a harm that inherited its attack's means reads the attack's words ("a grenade attack ...,
    # wounding 7": a grenade attack's wounding)
    trigger = (rec.get("_means_word") or rec.get("trigger_text") or "").lower()
    source = "state" if source_sector in STATE_SECTORS else "non-state"
    for r in lex.acled_subs:
        if r["acled_event_type"] != rec["acled_event_type"]:
            continue
        if r["source"] == "protesters":
            if not protesting:   # a crowd that also protests in the article: demonstrators
                continue
        elif r["source"] and r["source"] != source:
            continue
        if (r["event_type"] and r["event_type"] != rec["event_type"]) or \
                (r["event_mode"] and r["event_mode"] != (rec.get("event_mode") or "")):
            continue
        # (a word the trigger starts with, or one of its later words: "announced the establishment")
        if r["trigger"] and not any(trigger.startswith(w) or f" {w}" in f" {trigger}" for w in r["trigger"]):
            continue
        if r["harm"] == "dead" and not rec.get("fatalities"):
            continue
        if r.get("object") in ("place", "home place") and rec.get("_takes_people"):
            continue
        if r.get("object") == "home place" and rec.get("_abroad"):
            continue
        if r.get("object") == "weapons" and not rec.get("_weapons"):
            continue
        if r.get("object") == "state force" and target_sector not in STATE_SECTORS:
            continue
        return r["acled_sub_event_type"]
    return None


# Event types whose later acts in the same paragraph, with no place of their own, happen at
# the same scene (an assault's toll and responses, a protest's dispersal and arrests).
SCENE_TYPES = {"ASSAULT", "PROTEST", "COERCE"}
# ... and a withdrawal with no place of its own leaves from that scene ("The attackers withdrew
# towards the border."), though it sets none for the acts after it.
WITHDRAWAL = ("RETREAT", "withdraw")


@dataclass
class _Host:
    rec: dict          # the event record later consequence sentences add to
    start_char: int    # where its sentence starts: its evidence grows from here
    assaults: list[dict] = field(default_factory=list)   # its sentence's assaults, which a claim names the doer of
    rows: list[dict] = field(default_factory=list)       # all its sentence's acts that happened


# A coder's tag in square brackets: "[size=around 200]", "[women targeted: Girls]" (ACLED's
# notes end with them). A key of lower-case words, then "=" or ":", then the value.
CODER_TAG = re.compile(r"\[[a-z][a-z ]{0,30}(?:=|:)[^\]\n]{0,80}\]")


# ... and one written as a sentence of its own: "Women targeted: Girls."
TAG_SENTENCE = re.compile(r"[A-Z][a-z]+(?: [a-z]+){0,2}:\s")


def _tag_tokens(sent) -> set[int]:
    """Tokens inside a coder's tag: metadata about the event, neither a trigger ("targeted"
    in "[women targeted: Girls]") nor a toll ("[size=around 200]"). A sentence that is only a
    key and a value with no verb or number ("Women targeted: Girls.") is a tag too."""
    out: set[int] = set()
    for m in CODER_TAG.finditer(sent.text):
        span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    m = TAG_SENTENCE.match(sent.text)
    if m is not None:
        key = sent.doc.char_span(sent.start_char, sent.start_char + m.end(), alignment_mode="expand")
        if key is not None and not any(t.pos_ in ("VERB", "AUX") or t.like_num for t in sent.doc[key.end:sent.end]):
            # (not "Fatalities: 9 (5 militants, 4 soldiers)", the note's toll)
            out.update(range(sent.start, sent.end))
    return out


def _date_tokens(sent, dates: list[tuple[int, int, str]]) -> set[int]:
    """Tokens inside a date expression: a spaCy DATE entity or a month name with its day or
    year ("3 March 2022"). A month is never an event ("March" is no protest march)."""
    out = {t.i for t in sent if t.ent_type_ == "DATE"}
    for start, end, _kind in dates:
        span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


# Weapons a sentence may name as the subject of a strike without saying whose they are.
WEAPON_SUBJECTS = WORDS["weapon_subject"]
# Modes of strikes from afar, whose later doerless strikes are the same campaign's.
REMOTE_MODES = {"aerial", "drone", "heavy-weapons"}
WEAPON_MODES = REMOTE_MODES | {"explosives", "suicide-attack"}   # means that make remote violence
# Confidence taken off a doer read from the article's earlier strike rather than the sentence.
EARLIER_DOER_PENALTY = 0.25


# Nouns for remote strikes that, made definite as a harm's subject ("the strikes killed 15
# civilians"), name the strike told before.
STRIKE_NOUNS = WORDS["strike_noun"]


# Words that tell an act apart from the one told before ("in a separate incident").
SEPARATE_WORDS = WORDS["separate"]


def _weapon_doer(coded: list[tuple["_Ev", dict, object]], told: "_Host") -> None:
    """"Russian missiles pounded Ukraine ... In Zaporizhzhia, a drone struck an apartment
    building, killing three": a strike whose subject is a bare weapon is one more strike of
    the article's latest assault, whose doer it takes (with a lower confidence), as does its
    toll; so does an air strike or shelling told as a noun with no doer after such a strike
    ("... an air strike on a house in Khan Younis killed five"). In place; only for remote
    violence (missiles, drones, shells), and only for acts that name no doer."""
    doer = told.rec.get("source_actor_id")
    if doer is None:
        return
    if any(t.lower_ in SEPARATE_WORDS for e, _rec, _r in coded[:1] for t in e.tok.sent):
        return   # "In a separate incident, a drone strike on a market ... killed 12": another doer, maybe
    weapon = any(c.dep_ == "nsubj" and _lemma(c) in WEAPON_SUBJECTS and not any(g.dep_ == "poss" for g in c.children)
                 for e, _rec, _r in coded for c in (e.carrier if e.carrier is not None else e.tok).children)
    # "the strikes in Paktika province killed 15 civilians": the remote attack told before,
    # named again as the subject of its harm (or one more of its strikes: "a strike on a house
    # killed eight people")
    remote_rec = next((r for r in [told.rec, *told.assaults] if r.get("event_mode") in REMOTE_MODES
                       and not r.get("_replied_to") and r.get("source_actor_id") == doer), None)
    again = remote_rec is not None and (any(
        c.dep_ == "nsubj" and (_lemma(c) in STRIKE_NOUNS or (_lemma(c) == "attack" and _definite(c)))
        and not any(g.dep_ == "poss" for g in c.children)
        for e, _rec, _r in coded for c in (e.carrier if e.carrier is not None else e.tok).children) or any(
        # "At least 31 people were killed across Ukraine in the attacks": the same, as what the
        # harm happened in
        _pos(e.tok) == "NOUN" and e.carrier is None and e.tok.dep_ == "pobj" and e.tok.head.lower_ in ("in", "during")
        and _definite(e.tok) and (_lemma(e.tok) in STRIKE_NOUNS or _lemma(e.tok) == "attack")
        for e, _rec, _r in coded))
    if weapon and any(rec["source_actor_id"] not in (None, doer) for _e, rec, _r in coded):
        return   # another doer named in the sentence may be the weapon's
    if weapon and not any(r.get("event_mode") in WEAPON_MODES for r in [told.rec, *told.assaults]):
        weapon = False   # "police fired tear gas ... A roadside bomb struck a minibus": no bomber told of
    remote = told.rec.get("event_mode") in REMOTE_MODES
    for e, rec, _r in coded:
        src = rec["source_actor_id"]
        if rec.get("date_precision") == "day" and told.rec.get("date_precision") == "day" \
                and rec.get("event_date") != told.rec.get("event_date"):
            continue   # a strike on another day is another's, as far as the text says
        # a bare "military" guessed for it is the same forces, now named by their country
        unnamed = src is None or (GENERIC_ACTOR.fullmatch(src) is not None and doer.lower().endswith(src[3:]))
        if rec["event_type"] != "ASSAULT" or rec["is_negated"] or rec["is_hypothetical"] or not unnamed \
                or rec.get("_replied_to"):
            continue   # (nor the drone attack the strikes answered: "in response to a drone attack")
        # "... an air strike on a house in Khan Younis killed five": one more strike of the
        # air campaign told before, when it names no doer of its own
        struck = remote and _pos(e.tok) == "NOUN" and rec["event_mode"] in REMOTE_MODES
        if weapon or struck or again:
            rec["source_actor_id"] = doer
            rec["confidence"] = round(rec["confidence"] - EARLIER_DOER_PENALTY, 2)
            if again and rec["event_mode"] is None:
                rec.update(event_mode=remote_rec["event_mode"], cameo_root=remote_rec["cameo_root"],
                           acled_event_type=remote_rec["acled_event_type"])
        if again and rec["event_mode"] is None:
            rec.update(event_mode=remote_rec["event_mode"], cameo_root=remote_rec["cameo_root"],
                       acled_event_type=remote_rec["acled_event_type"])


def _armed_strangers(coded: list[tuple["_Ev", dict, object]]) -> None:
    """"A man threw a grenade at a bar, injuring 5 people": one unnamed person who uses arms
    is an armed stranger the text does not identify, not a civilian; the acts of the
    sentence told of him lose that doer (in place). Unarmed, he stays a civilian ("a man
    stabbed two people")."""
    armed = {rec["source_actor_id"] for _e, rec, _r in coded if rec.get("_lone") and rec["event_mode"] in ARMED_MODES}
    for _e, rec, _r in coded:
        if rec.get("_lone") and rec["source_actor_id"] in armed:
            rec["source_actor_id"] = None


def _inherit_means(coded: list[tuple["_Ev", dict, object]], place_at: dict) -> None:
    """Give a harm told as a consequence of an attack the attack's means and place, in place.

    "shelled Kherson, killing 2 civilians and injuring 7 others": the killing and injuring
    are the shelling's harm, so they take its mode, CAMEO root and ACLED type (remote
    violence, not a battle) and happened where it did, as a coder would code one shelling
    with its toll. Only an act in a participle clause under the attack, or coordinated with it
    ("shot and killed a teacher"), inherits ("burning 20 houses" its place too, unless its
    clause names a place); the means only an assault without a mode of its own.
    """
    by_head = {i: rec for e, rec, _r in coded for i in e.heads}
    for e, rec, _r in coded:
        if rec["event_type"] not in SCENE_TYPES or (e.tok.tag_ != "VBG" and e.tok.dep_ != "conj") \
                or rec.get("_intercept"):
            continue   # "shelled Kherson, killing 2", "shot and killed a teacher"; not "fired 48
            # missiles, of which 39 were shot down"
        tok = e.tok
        while tok.dep_ in ("advcl", "conj", "xcomp") and tok.head.i != tok.i:
            tok = tok.head
            host = by_head.get(tok.i)
            if host is not None and host is not rec:
                if rec["source_actor_id"] not in (None, host["source_actor_id"]):
                    break   # "settlers shot a shepherd, and soldiers killed two gunmen": another act
                if rec["event_type"] == host["event_type"] == "ASSAULT" and host["event_mode"] is not None \
                        and (rec["event_mode"] is None or _lemma(e.tok) in HARM_VERBS
                             or (rec["event_mode"] == "destroy" and host["event_mode"] in REMOTE_MODES)):
                    # (what a strike destroyed it destroyed from the air: "destroying most air defences";
                    # a toll's verb takes the act's means over what its sentence mentions: "a suicide
                    # bomber blew himself up, wounding 20" is a suicide attack)
                    rec.update(event_mode=host["event_mode"], cameo_root=host["cameo_root"],
                               acled_event_type=host["acled_event_type"],
                               _means_word=host.get("_means_word") or host["trigger_text"])
                if host["event_type"] in SCENE_TYPES and host["place_id"] is not None and \
                        not any(t.i in place_at for t in e.tok.subtree):
                    rec["place_id"] = host["place_id"]   # unless it names its own ("targeting X")
                break


# How a trigger hangs under another that tells the same act: a participle or coordinated
# verb ("shelled Kherson, killing 2"; "shot and killed"), a clause describing the act ("the
# blast, which killed 5"), the subject doing the harm ("an explosion killed 5"), or a harm
# told of the act's object ("the ambush left 4 soldiers killed").
INCIDENT_DEPS = {"advcl", "conj", "xcomp", "ccomp", "relcl", "acl", "nsubj", "nsubjpass", "dobj", "oprd"}
# Prepositions whose event noun is the act its verb reports ("killed in an ambush").
INCIDENT_PREPS = {"in", "during"}
VIOLENT_TYPES = {"ASSAULT", "COERCE"}
# Modes of coercion that are a state's measures, not force: never one act with an assault.
STATE_MEASURE_MODES = {"ban", "censor", "curfew", "cyber", "deport", "martial-law", "restrict"}


def _acted_on(e: "_Ev") -> bool:
    """Whether an event noun is what another act is done to ("activists attacked a rally",
    "gunmen fired on a march"): those who did it are not the noun's doers."""
    tok = e.tok
    if _pos(tok) != "NOUN" or e.carrier is not None:
        return False
    if tok.dep_ in ("dobj", "nsubjpass"):
        return _pos(tok.head) == "VERB"
    return tok.dep_ == "pobj" and tok.head.lower_ in TARGET_PREPS - {"with"}


# Units of time a span of fighting is counted in ("after several days of fighting with the army").
TIME_UNITS = frozenset({"hour", "day", "week", "month", "year"})
# Conjunctions that put a clause's act before or after the main one ("after a student was killed").
SEQUENCE_MARKS = frozenset({"after", "before", "following", "since", "until"})


def _shot_dead_misread(tok: Token) -> Token | None:
    """The "dead" of "shot dead" when the parser made "shot" a noun under it ("gunmen on a
    motorbike shot dead a councillor": "a motorbike shot", and "dead" the predicate)."""
    doc = tok.doc
    if tok.lower_ != "shot" or tok.pos_ != "NOUN" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "dead":
        return None
    dead = doc[tok.i + 1]
    return dead if dead in tok.ancestors and any(c.dep_ == "dobj" for c in dead.children) else None


def _under_dead(verb: Token) -> list[Token]:
    """The nouns a parse hangs under "dead" instead of the verb ("shot dead a shopkeeper",
    with "dead" read as a preposition or an adjective taking an object): whom the verb harmed."""
    return [g for c in verb.children if c.lower_ == "dead" for g in c.children if g.dep_ in ("dobj", "pobj")]


def _sequel_without_doer(verb: Token) -> bool:
    """Whether a verb tells, in a clause put before or after the sentence's act, what befell
    someone at the hands of nobody it names ("rioters burned a police station after a student
    was killed", "soldiers opened fire after they were attacked"): another act than the main
    one, whose doer is not the main clause's subject nor the nearest actor."""
    return verb.dep_ == "advcl" and _doerless(verb) and any(
        c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS for c in verb.children)


def _incident_host(e: "_Ev", rec: dict, by_head: dict[int, dict]) -> dict | None:
    """The event of the sentence that this one is part of, by the parse: the first event up
    the chain of participle, coordinated, relative or subject links from its trigger."""
    tok = e.carrier if e.carrier is not None else e.tok
    described = False   # the chain passed a participle describing a noun ("students rallying")
    # ... or a clause saying what happened where the act was ("hit the village of Sobane, where
    # eight people were killed")
    where = tok.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in tok.children)
    for _ in range(6):
        if tok.dep_ == "conj" and _own_subject(tok):
            return None   # "a bomb killed 4, and a second blast wounded 6": a clause of its own
        if _sequel_without_doer(tok):
            return None
        said = _reported_clause(tok)
        if said is not None:
            up = said   # "Russia launched 728 drones, the air force said, killing nine people"
        elif tok.dep_ in INCIDENT_DEPS:
            up = tok.head
        elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and (
                tok.head.lower_ in INCIDENT_PREPS or (described and tok.head.lower_ in TARGET_PREPS)):
            up = tok.head.head   # "killed in an ambush"; "fired tear gas at students rallying"
        elif where and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN"):
            up = tok.head.head   # "the village of Sobane, where ..."
        else:
            return None
        described = described or tok.dep_ == "acl"
        if up.i == tok.i:
            return None
        host = by_head.get(up.i)
        if host is None and tok.dep_ == "acl" and _pos(up) in ("NOUN", "PROPN"):
            # "an explosive device detonated near a van, wounding 6 officers", misparsed as two
            # participles of the device: the act told of it before
            host = next((by_head[c.i] for c in up.children if c.dep_ in ("acl", "relcl") and c.i < tok.i
                         and c.i in by_head), None)
        if host is not None and host is not rec:
            return host
        if host is None and up.pos_ in ("VERB", "AUX") and tok.dep_ == "advcl" \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in up.children):
            return None   # "arrested 45 as rioting spread after a teenager was shot": another clause's act
        tok = up
    return None


# Words that count people without a number ("several others wounded", "dozens injured").
QUANTIFIERS = {"several", "many", "dozens", "scores", "hundreds", "others", "more", "some"}
# Bodies that act for themselves once set up ("a commission set up by the president").
BODY_NOUNS = WORDS["body"]
# Words for a part of a group ("most of the boats", "all of the hostages").
PART_WORDS = QUANTIFIERS | {"most", "all", "both", "each", "part", "thousands", "one", "none", "half"}


def _own_subject(verb: Token) -> bool:
    """Whether a coordinated verb has a doer of its own. Counted victims before a bare
    participle ("left 3 killed and 18 injured", "... and several others wounded") are no doer."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    victims = verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and all(
        c.like_num or c.lower_ in QUANTIFIERS or any(g.dep_ == "nummod" or (g.dep_ == "amod" and g.lower_ in QUANTIFIERS)
                                                   for g in c.children) for c in subjects)
    return bool(subjects) and not victims


def _same_incident(a: dict, b: dict) -> bool:
    """Whether two linked events can be one act: the same kind of act (or violence and
    destruction, or a protest and its dispersal or the clash it turned into), both real or
    both not, and no two different doers, places or days."""
    if a["is_negated"] != b["is_negated"] or a["is_hypothetical"] != b["is_hypothetical"]:
        return False
    # "used water cannon against supporters marching", "arrested 40 protesters during
    # demonstrations": one protest, with the action against it
    dispersal = ({a["event_type"], b["event_type"]} == {"PROTEST", "ASSAULT"} and "crowd-control" in (
        a["event_mode"], b["event_mode"])) or ({a["event_type"], b["event_type"]} == {"PROTEST", "COERCE"}
                                              and "arrest" in (a["event_mode"], b["event_mode"]))
    # "supporters clashed with police during a rally", "protesters set fire to the governor's
    # office during a demonstration": the rally turned violent, one act
    clash = ({a["event_type"], b["event_type"]} == {"PROTEST", "ASSAULT"} and
             next(r for r in (a, b) if r["event_type"] == "ASSAULT")["event_mode"] is None) or (
        {a["event_type"], b["event_type"]} == {"PROTEST", "COERCE"} and "destroy" in (a["event_mode"], b["event_mode"]))
    dispersal = dispersal or clash
    if a["event_type"] != b["event_type"] and not {a["event_type"], b["event_type"]} <= VIOLENT_TYPES \
            and not dispersal:
        return False
    if a["event_type"] != b["event_type"] and any(
            r["event_type"] == "COERCE" and r["event_mode"] in STATE_MEASURE_MODES for r in (a, b)):
        return False   # "declared a state of emergency after a riot left 17 dead": a measure, not the act
    return all(a[k] is None or b[k] is None or a[k] == b[k]
               for k in (("place_id", "event_date") if dispersal else ("source_actor_id", "place_id", "event_date")))


# Means only armed people use: an unarmed crowd's act is no part of a shooting or shelling.
ARMED_MODES = WEAPON_MODES | {"firearms"}


def _unarmed_and_armed(a: dict, b: dict, sector_of: dict) -> bool:
    """Whether one of two linked events is an unarmed crowd's act and the other a use of
    arms ("five people were shot dead after protesters breached police lines"): two acts of
    two sides, not one incident, whatever the parse links."""
    def unarmed(r: dict) -> bool:
        return sector_of.get(r["source_actor_id"]) in RIOT_SECTORS
    return (unarmed(a) and b["event_mode"] in ARMED_MODES) or (unarmed(b) and a["event_mode"] in ARMED_MODES)


def _own_unnamed_subject(e: "_Ev") -> bool:
    """Whether an act's verb has a subject of its own that names no actor ("after a man threw
    a device", "after he threw ..."): its doer is someone the incident's other rows do not name."""
    verb = e.carrier if e.carrier is not None else e.tok
    return _pos(verb) == "VERB" and _lemma(verb) not in VICTIM_SUBJECT_VERBS and any(
        c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children) \
        and _own_subject(verb)   # (not "two died", nor "a man was killed and two others injured")


def _group_incidents(coded: list[tuple["_Ev", dict, object]], sector_of: dict, lex: EventLexicon) -> None:
    """Mark the events of one sentence that tell one act, in place: each record gets
    `incident_of`, the trigger span of the incident's first event.

    Why: a coder makes one row of "a suicide bomber detonated a vest at a checkpoint, killing 4
    soldiers", while the sentence holds two triggers, each a row here (each is evidence and
    the eval sets score them by their verbs). Grouping them lets a researcher count incidents
    as ACLED does, and lets the rows of one incident share what only one of them states: the
    doer, the target and the place, when only one is named in the incident (a fight between
    two sides takes no victims as its target). An assault on civilians named only by its harm
    ("attacked a mining site, killing 15 miners") is then violence against civilians on every
    row, as the harm's row already was; civilians killed in a fight ("five people were killed
    in clashes") are the battle's toll, as ACLED codes them.
    """
    by_head = {i: rec for e, rec, _r in coded for i in e.heads}
    parent = {id(rec): rec for _e, rec, _r in coded}

    def root(rec: dict) -> dict:
        while parent[id(rec)] is not rec:
            rec = parent[id(rec)]
        return rec

    for e, rec, _r in coded:
        host = _incident_host(e, rec, by_head)
        if host is not None and _same_incident(rec, host) and not _unarmed_and_armed(rec, host, sector_of) \
                and not (host["event_type"] == "PROTEST" and _protested(e)):
            a, b = root(rec), root(host)
            if a is not b:
                first, other = sorted((a, b), key=lambda r: r["trigger_start"])
                parent[id(other)] = first
    groups: dict[int, list[tuple["_Ev", dict]]] = {}
    for e, rec, _r in coded:
        head = root(rec)
        rec["incident_of"] = (head["trigger_start"], head["trigger_end"])
        groups.setdefault(id(head), []).append((e, rec))
    for members in groups.values():
        if len(members) < 2:
            continue
        def kin(a: dict, b: dict) -> bool:   # the protest is not its dispersal's doer
            return a["event_type"] == b["event_type"] or {a["event_type"], b["event_type"]} <= VIOLENT_TYPES

        fights = {id(rec) for e, rec in members if _two_sided(e, lex)}   # rows of a fight between two sides

        for key in ("source_actor_id", "target_actor_id", "place_id"):
            known = {rec[key] for _e, rec in members if rec[key] is not None}
            if len(known) == 1:
                value = next(iter(known))
                for e, rec in members:
                    donors = [d for _x, d in members if d[key] is not None and (key == "place_id" or kin(d, rec) or (
                        # "supporters clashed with police during a rally": the crowd that fought
                        # is the rally's, unless the force was the state's or an armed group's
                        key == "source_actor_id" and rec["event_type"] == "PROTEST" and not _acted_on(e)
                        and d["event_type"] in VIOLENT_TYPES and sector_of.get(d[key]) not in STATE_SECTORS | ARMED_SECTORS))]
                    if key == "source_actor_id" and _own_unnamed_subject(e):
                        continue   # "soldiers opened fire after a man threw a device": his act, not theirs
                    if key == "source_actor_id" and _met(e):
                        continue   # "troops repelled an attack on their base": the other side's act
                    if key in ("source_actor_id", "target_actor_id") and rec["source_actor_id"] is None \
                            and rec["event_type"] == "ASSAULT" and id(rec) not in fights and fights:
                        # "two people were killed when Hindu and Muslim groups clashed", "clashed,
                        # leaving 15 injured": the harm of a fight between two sides is neither
                        # side's doing nor its suffering by the text; the fight's row has both
                        continue
                    if value in (rec["source_actor_id"], rec["target_actor_id"]):
                        continue   # no actor is its own target
                    if key == "target_actor_id" and rec["event_mode"] == "destroy" and _object_told(e) \
                            and all(id(d) in fights for d in donors):
                        # "set fire to cars and clashed with officers": the side fought owned no cars
                        continue
                    if rec[key] is None and donors and (key != "target_actor_id" or (
                            rec["event_type"] in VIOLENT_TYPES and id(rec) not in fights)):
                        rec[key] = value
                        # no surer than where it came from
                        rec["confidence"] = min(rec["confidence"], min(d["confidence"] for d in donors))
        fight = any(id(rec) in fights and rec["acled_event_type"] == "Battles" for _e, rec in members)
        for e, rec in members:
            if fight and rec["acled_event_type"] == "Violence against civilians" and rec["event_mode"] in (None, "firearms"):
                rec["acled_event_type"] = "Battles"   # "five people were killed in clashes": the battle's toll
            elif rec["acled_event_type"] == "Battles" and rec["event_mode"] in (None, "firearms") and not fight \
                    and (sector_of.get(rec["target_actor_id"]) in CIVILIAN_SECTORS or (
                        rec["target_actor_id"] is None   # victims of kinds the rows name differently,
                        and any(sector_of.get(r["target_actor_id"]) in CIVILIAN_SECTORS   # or an attack
                                or r["acled_event_type"] == "Violence against civilians"  # on a village
                                for _x, r in members))) \
                    and not any(sector_of.get(r["target_actor_id"]) in ARMED_SECTORS for _x, r in members):
                rec["acled_event_type"] = "Violence against civilians"


def _object_told(e: "_Ev") -> bool:
    """Whether the parse gives an act a thing it was done to that is no actor (its target is
    then left empty): an object of the trigger or its support verb, or the "to" of "set fire
    to", outside the trigger's own words."""
    for head in [e.tok] + ([e.carrier] if e.carrier is not None else []):
        for c in head.children:
            if c.i in range(*e.span):
                continue
            if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("to", "on")
                                                   and any(g.dep_ == "pobj" for g in c.children)):
                return True
    return False


def _without_summary_lead(out: list[dict], sector_of: dict, place_of: dict | None = None) -> list[dict]:
    """The article's events without a lead that only sums up attacks the story then tells one
    by one ("Jihadists killed at least 40 civilians in attacks on two villages ... Gunmen ...
    killing 28 ... A second attack ... left 12 dead"): the lead's toll would count those
    deaths twice. The lead is the article's first sentence; it is a summary when its assault
    states a toll that the stated tolls of two or more later assaults of the same days (up
    to a week before the lead's date), each within the lead's place, reach or pass (a lead on
    one market in El Obeid sums no killings in Kadugli). Its doer goes to the later assaults with none
    (and, when it is named, to those whose doer is unnamed: "gunmen"), and its weapon to
    those that name none ("Israeli air strikes ... One strike hit a car")."""
    real = [r for r in out if r["event_type"] == "ASSAULT" and not r["is_negated"] and not r["is_hypothetical"]]
    if not real:
        return out
    first = min(r["sentence_index"] for r in out)
    lead = [r for r in real if r["sentence_index"] == first]
    day = next((r["event_date"] for r in lead if r["event_date"] is not None), None)

    def same_story(r: dict) -> bool:   # told as happening in the days the lead covers
        return day is None or (r["date_precision"] == "day" and r["event_date"] is not None
                               and dt.timedelta(0) <= day - r["event_date"] <= dt.timedelta(days=FLASHBACK_DAYS))
    told = sum(r["fatalities"] or 0 for r in lead)
    lead_doers = {r["source_actor_id"] for r in lead} - {None}

    def part(r: dict) -> bool:   # by the lead's doer or its kind, an unnamed one, or the lead names none
        src = r["source_actor_id"]
        return not lead_doers or src is None or src in lead_doers or sector_of.get(src) in UNNAMED_DOERS \
            or sector_of.get(src) in {sector_of.get(d) for d in lead_doers}
    # (a later row with the lead's very toll is the lead told again, no part of a sum: a
    # headline "RSF shells El Fasher hospital, killing nine" and its story; nor is an act of
    # another named doer: "officers killed two gang members" after the gang's attack)
    place_of = place_of or {}
    lead_places = [place_of.get(r["place_id"]) for r in lead if r["place_id"] is not None]
    later = [r for r in real if r["sentence_index"] > first and r["fatalities"] and same_story(r)
             and r["fatalities"] != told and part(r)
             and all(_within(place_of.get(r["place_id"]), p) for p in lead_places)]
    if not told or len({r["incident_of"] for r in later}) < 2 or sum(r["fatalities"] for r in later) < told:
        return out   # (a summary sums several attacks: one later toll is the act told again, or a claim)
    incidents = {r["incident_of"] for r in lead}
    doers = {r["source_actor_id"] for r in lead} - {None}
    doer = next(iter(doers)) if len(doers) == 1 else None
    # every row of the later attacks, not only those with the tolls ("One strike hit a car
    # ..., killing the commander")
    told_again = {r["incident_of"] for r in later}
    rows = [r for r in real if r["incident_of"] in told_again and r["sentence_index"] > first]
    if doer is not None:
        generic = GENERIC_ACTOR.fullmatch(doer) is not None
        for r in rows:
            src = r["source_actor_id"]
            if src is None or (not generic and sector_of.get(src) in UNNAMED_DOERS):
                r["source_actor_id"] = doer
    means = {(r["event_mode"], r["cameo_root"], r["acled_event_type"]) for r in lead if r["event_mode"] in WEAPON_MODES}
    if len(means) == 1:
        # "Israeli air strikes ... killed four people ... One strike hit a car": the lead's
        # weapon is the later strikes' that name none
        mode, cameo, acled = next(iter(means))
        for r in rows:
            if r["event_mode"] is None:
                r.update(event_mode=mode, cameo_root=cameo, acled_event_type=acled)
    return [r for r in out if not (r["sentence_index"] == first and r["incident_of"] in incidents)]


# A toll this large, told in the present perfect with no date of its own, is a war's running
# total ("More than 35,000 people have been killed"), not one incident's.
WAR_TOLL_MIN = 1000


# Sentences after the lead within which a wire story tells its lead's act in detail.
LEAD_DETAIL_SENTENCES = 3
# Sectors whose doers a lead names loosely ("gang members") and its detail by name ("members
# of the Viv Ansanm coalition"): the same doer when both are of one of these sectors.
LEAD_KIN_SECTORS = {"CRM", "REB", "UAF", "ETH", "PRM"}


def _in_quote(doc: Doc, char: int) -> bool:
    """Whether a character of the text lies inside quotation marks opened in its paragraph."""
    text = doc_text(doc)
    para = text[text.rfind("\n", 0, char) + 1:char]
    return (para.count('"') % 2 == 1) or para.count("“") > para.count("”")


def _quoted_toll_told_again(out: list[dict], sector_of: dict) -> None:
    """A witness's quoted retelling of the lead's act with the lead's very toll ("They shot at
    everyone. We counted 35 bodies," he said) is that act again: no second toll; it joins the
    lead's incident, in place. Only a quoted act by the lead's doer, an unnamed one or one of
    the same non-state sector, with no day of its own other than the lead's."""
    first = min((r["sentence_index"] for r in out), default=None)
    lead = [r for r in out if r["sentence_index"] == first and r["event_type"] == "ASSAULT" and r["fatalities"]
            and not r["is_negated"] and not r["is_hypothetical"]]
    if len(lead) != 1:
        return
    head = lead[0]

    def kin(src: str | None) -> bool:
        return src == head["source_actor_id"] or _unnamed_doer(src, sector_of) \
            or sector_of.get(src) == sector_of.get(head["source_actor_id"]) in LEAD_KIN_SECTORS
    for r in out:
        if r is not head and r["_quoted"] and r["sentence_index"] > first and r["event_type"] == "ASSAULT" \
                and r["fatalities"] == head["fatalities"] and kin(r["source_actor_id"]) \
                and (r["date_text"] is None or r["event_date"] == head["event_date"]):
            r.update(fatalities=None, injured_count=None, incident_of=head["incident_of"])


def _tells_another_act(sent) -> bool:
    """Whether a sentence says its act is another than the one told before ("In another
    attack", "Separately, ...", "Elsewhere, ...")."""
    return any(t.lower_ in ANOTHER_ACT_WORDS or t.lower_ in SEPARATE_WORDS for t in sent)


def _within(inner: dict | None, outer: dict | None) -> bool:
    """Whether place `inner` is `outer` or lies inside it, as far as the gazetteer tells:
    the same place, a place in the first-level division `outer` is, or in the country (or
    either is unknown, which tells of no other place)."""
    if inner is None or outer is None:
        return True
    if inner["place_id"] == outer["place_id"]:
        return True
    if inner.get("country_code") != outer.get("country_code") or not outer.get("country_code"):
        return False
    code = outer.get("feature_code") or ""
    # (a place known by its name only, whose division the gazetteer does not tell, may be in it)
    return code.startswith("PCL") or (code == "ADM1" and inner.get("admin1_name") in (outer["place_name"], None))


def _lead_retold_by_its_doer(doc: Doc, out: list[dict], place_of: dict, sector_of: dict) -> None:
    """The lead's assault told again by its doer in the next sentences ("Suspected Boko Haram
    fighters stormed a village in Borno state, killing 11 ... The attackers arrived on
    motorcycles in Mafa village and opened fire ..."), or the property it destroyed there ("also
    set fire to two military vehicles"), is that act, not another: it joins the
    lead's incident, in place, and the lead takes its place when that lies within the lead's
    coarser one (the village in the state). Only an assault within LEAD_DETAIL_SENTENCES of
    a placed lead, by the lead's very doer (a named or back-referred actor), on the lead's day,
    at a target armed as the lead's was, or unarmed as its were, if it names one,
    with no toll of a kind the lead tells too (the wounded its detail adds are the act's) and
    in no sentence that tells another act ("another", "a separate attack", "elsewhere")."""
    first = min((r["sentence_index"] for r in out), default=None)
    lead = [r for r in out if r["sentence_index"] == first and r["event_type"] == "ASSAULT"
            and r["source_actor_id"] is not None and r["event_date"] is not None
            and not r["is_negated"] and not r["is_hypothetical"]]
    doers = {r["source_actor_id"] for r in lead}
    targets = {sector_of.get(r["target_actor_id"]) in ARMED_SECTORS for r in lead if r["target_actor_id"] is not None}
    incidents = {r["incident_of"] for r in lead}
    if len(doers) != 1 or len(incidents) != 1:
        return
    head = lead[0]
    if head["place_id"] is None:
        return   # an unplaced lead may sum several acts ("fired missiles at Ukrainian cities")
    sents = list(doc.sents)
    for r in out:
        if r["sentence_index"] <= first or r["sentence_index"] > first + LEAD_DETAIL_SENTENCES \
                or not (r["event_type"] == "ASSAULT" or (r["event_type"], r["event_mode"]) == ("COERCE", "destroy")) \
                or r["source_actor_id"] != head["source_actor_id"] \
                or r["is_negated"] or r["is_hypothetical"] or r["incident_of"] == head["incident_of"] \
                or r.get("_intercept") or r["event_date"] != head["event_date"]:
            continue
        # a toll both tell is counted once: the detail's, when it restates the whole toll
        # ("Two more people died ..., bringing the death toll to 16"); else they are two acts
        both = [k for k in ("fatalities", "injured_count")
                if any(y[k] for y in out if y["incident_of"] == r["incident_of"])
                and any(x[k] for x in out if x["incident_of"] == head["incident_of"])]
        if any(not any(y[k] and y.get("_restated") for y in out if y["incident_of"] == r["incident_of"]) for k in both):
            continue
        armed = sector_of.get(r["target_actor_id"]) in ARMED_SECTORS
        if r["target_actor_id"] is not None and targets and armed not in targets:
            continue   # (armed men after unarmed people: "its forces attacked three army camps" after a massacre)
        if r["sentence_index"] >= len(sents) or _tells_another_act(sents[r["sentence_index"]]):
            continue
        mine, theirs = place_of.get(r["place_id"]), place_of.get(head["place_id"])
        if not _within(mine, theirs):
            continue
        joined, was = r["incident_of"], head["place_id"]
        for x in out:
            if x["incident_of"] == head["incident_of"]:
                x.update({k: None for k in both})
        for x in out:
            if x["incident_of"] == joined:
                x["incident_of"] = head["incident_of"]
                x["place_id"] = x["place_id"] or head["place_id"]
        if mine is not None and (theirs is None or mine["place_id"] != theirs["place_id"]):
            for x in out:
                if x["incident_of"] == head["incident_of"] and x["place_id"] == was:
                    x["place_id"] = mine["place_id"]


def _total_less_told(out: list[dict]) -> None:
    """A toll told over several attacks that the story has told some of ("A missile hit a
    hospital in Kyiv, killing two ... At least 31 people were killed across Ukraine in the
    attacks") includes the tolls told before it: its row keeps the rest (29), so that summing
    the rows counts every death once. In place; only tolls of the same day told before it, and
    only when they are fewer than the total."""
    for rec in out:
        if rec.get("_total"):
            _keep_untold(rec, [r for r in out if r is not rec and not r.get("_total")
                               and r["event_type"] == "ASSAULT" and r["sentence_index"] < rec["sentence_index"]
                               and r["event_date"] == rec["event_date"] and not r["is_negated"]
                               and not r["is_hypothetical"]])


def _keep_untold(total: dict, parts: list[dict]) -> None:
    """Leave on a total's row only the deaths and injuries its parts' rows do not tell, when
    they tell fewer (more would mean they are not all its parts), in place."""
    for key in ("fatalities", "injured_count"):
        told = sum(r[key] or 0 for r in parts)
        if total[key] and 0 < told < total[key]:
            total[key] -= told


# Words of a lead that sums the acts of a day over an area ("killed 25 across the Gaza Strip").
AREA_WORDS = {"across", "throughout"}


def _lead_total_less_details(doc: Doc, out: list[dict], place_of: dict) -> None:
    """A lead that sums a day's strikes over an area ("Israeli air strikes killed at least 25
    Palestinians across the Gaza Strip, including 12 in a school"), followed by some of those
    strikes with their tolls ("a strike on a house in Gaza City killed eight"), keeps on its row
    only the deaths and injuries the details do not tell, so that summing the rows counts each
    once (as `_total_less_told` does for a total told after its parts). In place; only details
    of that day, by the lead's doer or an unnamed one, inside the lead's place, in no sentence
    telling a separate act, and only when they tell fewer than the lead."""
    first = min((r["sentence_index"] for r in out), default=None)
    sents = list(doc.sents)
    if first is None or first >= len(sents) or not any(t.lower_ in AREA_WORDS for t in sents[first]):
        return
    leads = [r for r in out if r["sentence_index"] == first and r["event_type"] == "ASSAULT"
             and not r["is_negated"] and not r["is_hypothetical"] and (r["fatalities"] or r["injured_count"])]
    if len(leads) != 1:
        return
    lead = leads[0]
    details = [r for r in out if r["sentence_index"] > first and r["event_type"] == "ASSAULT"
               and r["incident_of"] != lead["incident_of"] and not r["is_negated"] and not r["is_hypothetical"]
               and r["event_date"] == lead["event_date"]
               and r["source_actor_id"] in (None, lead["source_actor_id"])
               and _within(place_of.get(r["place_id"]), place_of.get(lead["place_id"]))
               and not _tells_another_act(sents[r["sentence_index"]])]
    _keep_untold(lead, details)


# How long after its dateline's day a story may be published and still be dated by it: a page
# stamped a few days or weeks after the wire filed it. A dateline day further off disagrees
# with the page's date (an archive's stamp, a wrong year guessed for a day with no year), and
# the publication date stands.
FILING_LAG_DAYS = 31


def _filing_day(doc: Doc, published: dt.date | None) -> dt.date | None:
    """The day relative dates count from: the wire dateline's day when it has one ("EL FASHER,
    Sudan, May 20 (Reuters) -" on a page stamped June 2: "on Tuesday" is May 20, the Tuesday
    of the report, not the one before the page's date), else the publication date. A dateline
    day after publication, or more than FILING_LAG_DAYS before it, is not taken."""
    dl = doc_dateline(doc)
    if published is None or dl is None or not dl.date_text:
        return published
    got = resolve_date(dl.date_text, published)
    if got.date is None or got.precision != "day" or got.date > published \
            or (published - got.date).days > FILING_LAG_DAYS:
        return published
    return got.date


def _at_dateline_town(doc: Doc, out: list[dict], place_mentions: list[dict], country_of: dict[str, str | None]) -> None:
    """Place the lead's acts that name no place at the town of the wire dateline ("BRASILIA
    (AP) - Thousands of supporters ... stormed Brazil's Congress"), in place; only when that
    town is in the country the story's places mostly are in (not a bureau's: "NAIROBI -" over
    news from South Sudan), or the story names no other place, and only for material acts of
    the dateline's paragraph whose doer and target are of no other country (`country_of`: actor
    id -> country; "NAIROBI - Sudanese paramilitary forces shelled a camp" is no Kenyan act)."""
    dl = doc_dateline(doc)
    if dl is None:
        return
    town = next((_mention_place(p) for p in place_mentions if p["end"] <= dl.end and _mention_place(p)), None)
    if town is None or not town.get("country_code"):
        return
    counts: dict[str, int] = {}
    for p in place_mentions:
        pl = _mention_place(p)
        if pl is not None and pl.get("country_code") and p["end"] > dl.end:
            counts[pl["country_code"]] = counts.get(pl["country_code"], 0) + 1
    if counts and max(counts, key=lambda c: (counts[c], c == town["country_code"])) != town["country_code"]:
        return   # (a story that names no other place is set at its dateline)
    text = doc_text(doc)
    para_end = text.find("\n", dl.end)
    para_end = len(text) if para_end < 0 else para_end
    for rec in out:
        if rec["place_id"] is None and rec["event_type"] in SCENE_TYPES and rec["trigger_start"] < para_end \
                and not rec["is_negated"] and not rec["is_hypothetical"] \
                and not _names_foreign_place(doc, rec["trigger_start"], place_mentions, town["country_code"]) \
                and all(country_of.get(a) in (None, town["country_code"], *PSEUDO_COUNTRIES)
                        for a in (rec["source_actor_id"], rec["target_actor_id"]) if a):
            rec["place_id"] = town["place_id"]


def _names_foreign_place(doc: Doc, at: int, place_mentions: list[dict], country: str) -> bool:
    """Whether the sentence at character `at` names a place of another country than the
    dateline's, none of which the act was placed at ("WASHINGTON - The U.S. military struck a
    boat it said was carrying drugs from Venezuela"): the act is tied to somewhere else than the
    bureau's town, and where, the sentence does not say."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return False
    sent = span.sent
    return any(sent.start_char <= p["start"] < sent.end_char and (pl := _mention_place(p)) is not None
               and pl.get("country_code") not in (None, country) for p in place_mentions)


# Prepositions after which a proper name the geoparser could not read is still a place.
UNKNOWN_PLACE_PREPS = {"in", "at", "near", "inside", "outside", "into"}
# Entity types of proper names that are no places.
NOT_PLACE_ENTITIES = {"DATE", "TIME", "ORG", "PERSON", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}


def _unknown_place_named(sent, actor_at: dict) -> bool:
    """Whether the sentence names a place the geoparser could not read ("fired rockets at an
    Israeli position in the Upper Galilee"): a proper name after a locative preposition that is
    no actor and no other kind of name. The scene of an earlier sentence then does not go on
    in it, since it says it is elsewhere."""
    return any(t.dep_ == "pobj" and t.pos_ == "PROPN" and t.head.lower_ in UNKNOWN_PLACE_PREPS
               and t.i not in actor_at and t.ent_type_ not in NOT_PLACE_ENTITIES for t in sent)


def _days_told(sent, dates: list[tuple[int, int, str]], published_date: dt.date | None,
               anchor: dt.date | None) -> list[ResolvedDate]:
    """The resolved dates, in order, of those of a sentence's date expressions that name a
    time (not "since ...", background or "that month") and resolve to a date."""
    out = []
    for start, end, kind in dates:
        if kind in ("since", "background", "that"):
            continue
        day = resolve_expression(sent.text[start:end], kind, published_date, anchor)
        if day.date is None:
            continue
        base = published_date or anchor
        if kind == "wd" and base is not None and day.date < base and _weekday_to_come(sent, start, end):
            day = day._replace(date=day.date + dt.timedelta(days=7))   # ("will host a conference on Tuesday")
        out.append(day)
    return out


def _weekday_to_come(sent, start: int, end: int) -> bool:
    """Whether a weekday (sentence character offsets) hangs on a verb told in the future
    ("Britain will host a conference on Tuesday"): the coming day, not the last."""
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX"):
            subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and span.end <= subject.i and t.dep_ == "ccomp":
                return False   # "said on Thursday he would not withdraw", misparsed: the saying's day
            return _future_clause(t)
        if t.head.i == t.i:
            return False
        t = t.head
    return False


# Statements: a date still to come in one dates what is asked, threatened or agreed, not the saying.
STATEMENT_TYPES = {"REQUEST", "THREATEN", "AGREE", "ACCUSE", "REJECT", "SUPPORT"}


def _future_clause(verb: Token) -> bool:
    """Whether a verb is told in the future: "will", "would" or "shall" on it or on the verb
    it completes ("said it would hold a strike on Friday"), or a present "is expected to",
    "plans to" above it. A weekday it names is the coming one."""
    t = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll") for c in t.children):
            return True
        if t is not verb and _lemma(t) in FUTURE_PREDICATES and _present_tense(t):
            # "A court is expected to rule on Sunday whether to arrest him", "the union plans
            # to strike on Friday": an act still to come
            return True
        if not (t.dep_ in ("xcomp", "conj", "advcl") or _to_clause(t)) or t.head.i == t.i:
            return False
        if t.dep_ == "conj" and t.tag_ == "VBD":
            return False   # "will hold a rally on Friday, and police arrested two organisers on Monday": a past of its own
        t = t.head
    return False


def _said_now(verb: Token) -> bool:
    """Whether a verb is in the present or present perfect ("promises", "has promised"): said
    as standing now, so a month it names is not a past one."""
    return verb.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve", "'s")
                                              for c in verb.children)


def _to_clause(t: Token) -> bool:
    """Whether a verb heads a "to" clause hanging from another verb ("decide whether to
    detain him"): what that verb's time says of it, it says of the clause."""
    return t.dep_ in ("advcl", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


# Predicates whose "to" clause is an act still to come when they are said in the present
# ("is expected to", "is due to", "plans to").
FUTURE_PREDICATES = {"expect", "due", "set", "schedule", "slate", "plan", "intend", "poise"}


def _present_tense(t: Token) -> bool:
    """Whether a predicate is said in the present tense ("plans", "is expected", "are due")."""
    return t.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass", "cop") or _lemma(c) == "be"
                                            for c in t.children if c.tag_ in ("VBZ", "VBP"))


def _to_come(day: ResolvedDate, published: dt.date | None) -> bool:
    """Whether a resolved date lies after publication ("a general strike for Friday", "talks
    next week"): it dates the act still to come, no act told after it."""
    return published is not None and day.date is not None and day.date > published


def _wire_dateline(sent) -> bool:
    """Whether a sentence is the wire dateline opening the text ("PORT-AU-PRINCE, Oct 4 (Reuters)
    -"): its day is the day of the report, which no act told after it takes."""
    if sent.start != 0:
        return False
    dl = doc_dateline(sent.doc)
    return dl is not None and sent.end_char <= dl.end + 1


def _lead_told_in_detail(out: list[dict], sector_of: dict, place_of: dict | None = None,
                         by_report: set[int] = frozenset()) -> None:
    """Date an undated lead by the detail that follows it, in place. A wire story's first
    sentence often tells the act with only the day it was reported ("Gunmen abducted more than
    80 people ..., police said on Sunday"), and the next ones tell it again with its day
    ("arrived ... late on Friday and went from house to house, seizing villagers"). An
    assault of the lead with no date of its own (it took the publication's, or the report's:
    `by_report` holds the ids of such rows) then takes the day
    of the first dated assault told within LEAD_DETAIL_SENTENCES after it, up to
    FLASHBACK_DAYS before, by the same doer, an unnamed one or one of the same non-state
    sector, and joins its incident: one act, counted once by incident, dated as ACLED would
    date it. Not an act told at another town ("clashed near Debre Markos" and then "a drone
    strike hit a minibus on the road to Bahir Dar": two acts)."""
    place_of = place_of or {}

    def towns_apart(r: dict, lead_rec: dict) -> bool:
        a, b = place_of.get(r.get("place_id")), place_of.get(lead_rec.get("place_id"))
        return a is not None and b is not None and a["place_id"] != b["place_id"] \
            and (a.get("feature_code") or "").startswith("PPL") and (b.get("feature_code") or "").startswith("PPL")
    first = min((r["sentence_index"] for r in out), default=None)
    lead = [r for r in out if r["sentence_index"] == first and r["event_type"] == "ASSAULT"
            and (r["date_text"] is None or id(r) in by_report) and r["event_date"] is not None
            and not r["is_negated"] and not r["is_hypothetical"]]
    if not lead:
        return

    def fits(r: dict, lead_rec: dict) -> bool:
        return r["event_type"] == "ASSAULT" and not r["is_negated"] and not r["is_hypothetical"] \
            and first < r["sentence_index"] <= first + LEAD_DETAIL_SENTENCES \
            and r["date_text"] is not None and r["date_precision"] == "day" and r["event_date"] is not None \
            and (dt.timedelta(0) < lead_rec["event_date"] - r["event_date"] <= dt.timedelta(days=FLASHBACK_DAYS)
                 # (or the same day, when the detail tells the lead's toll: "strike on Gaza school
                 # kills at least 30" over "... killed at least 30 people on Saturday")
                 or (lead_rec["event_date"] == r["event_date"] and lead_rec["fatalities"] is not None
                     and r["fatalities"] == lead_rec["fatalities"])) \
            and (r["source_actor_id"] == lead_rec["source_actor_id"]
                 or _unnamed_doer(r["source_actor_id"], sector_of) or _unnamed_doer(lead_rec["source_actor_id"], sector_of)
                 or sector_of.get(r["source_actor_id"]) == sector_of.get(lead_rec["source_actor_id"]) in LEAD_KIN_SECTORS) \
            and not towns_apart(r, lead_rec)

    for incident in {r["incident_of"] for r in lead}:
        rows = [r for r in lead if r["incident_of"] == incident]
        detail = next((r for r in out if any(fits(r, x) for x in rows)), None)
        if detail is None:
            continue
        # a toll the detail tells too is its, counted once ("RSF kills over 100 in village
        # attack" over "killed more than 100 people ... on Wednesday")
        told = {k for k in ("fatalities", "injured_count") for r in out
                if r["incident_of"] == detail["incident_of"] and r[k] is not None}
        for r in out:
            if r["sentence_index"] == first and r["incident_of"] == incident:
                r.update(event_date=detail["event_date"], date_precision="day", date_text=detail["date_text"],
                         incident_of=detail["incident_of"], **{k: None for k in told})
                if r["event_type"] == detail["event_type"] and r["event_mode"] is None:
                    # ... and one act of one kind: the headline's "kills" is the detail's killing
                    # (the lead's own ACLED type stays when only it names whom the act was on)
                    r.update(event_mode=detail["event_mode"], cameo_root=detail["cameo_root"],
                             acled_event_type=detail["acled_event_type"] if detail["target_actor_id"] is not None
                             or r["target_actor_id"] is None else r["acled_event_type"],
                             target_actor_id=r["target_actor_id"] or detail["target_actor_id"],
                             place_id=r["place_id"] or detail["place_id"])


# Words after which a toll in the present perfect is a running total ("have been killed in the
# unrest since then", "so far", "to date").
RUNNING_TOLL = re.compile(r"\b(?:since|so far|to date|in total|altogether)\b", re.I)
# Words of an estimate of a whole toll ("some estimates put the toll at 150,000").
ESTIMATE_WORDS = re.compile(r"\b(?:estimates?|estimated|toll|total)\b", re.I)


LONG_RUNNING = WORDS["long_running"]
SPELL_NOUNS = WORDS["spell"]
OUTCRY_WORDS = WORDS["outcry"]


# Adjectives that say a kind of act is common ("Kidnapping has become widespread").
PREVALENCE_WORDS = WORDS["prevalence"]


def _habitual(e: "_Ev", sent) -> bool:
    """Whether an act is told in the simple present in the body of a story ("as the Jalisco
    cartel fights the local gang for control of fuel theft", "gangs routinely kidnap
    travellers"): a state of affairs or a habit, not an occurrence. Headlines ("Gunmen kill 8
    at party"), the story's first sentence and lines without a full stop use that tense for
    the news itself."""
    verb = e.carrier if e.carrier is not None else e.tok
    if _pos(e.tok) == "NOUN" and e.tok.dep_ == "nsubj" and not any(c.dep_ in ("det", "poss", "nummod")
                                                                   for c in e.tok.children) \
            and _lemma(e.tok.head) in ("be", "become", "remain") and any(
                c.dep_ == "acomp" and c.lower_ in PREVALENCE_WORDS for c in e.tok.head.children):
        return True   # "Kidnapping for ransom has become widespread": a kind of act, common
    if _pos(verb) != "VERB" or verb.tag_ not in ("VBZ", "VBP") or sent.start == 0 or verb.lower_ in IRREGULAR_PASTS:
        return False   # ("The army later retook the base": a past the tagger took for a present)
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return sent.text.rstrip().rstrip('"”’\'').endswith(".")


def _present_perfect(verb: Token) -> bool:
    """Whether a verb is in the present perfect ("have been killed", "has been battling")."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "'ve") for c in verb.children)


def _war_itself(e: "_Ev", lex: EventLexicon) -> bool:
    """Whether a harm is one a war or insurgency itself did ("The war has killed tens of
    thousands"), whoever its parties are."""
    tok = e.tok
    if e.carrier is None and _pos(tok) == "VERB" and tok.dep_ == "relcl" and _lemma(tok.head) in LONG_RUNNING:
        # "an insurgency that has killed thousands": its relative pronoun stands for the war
        return any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in tok.children) \
            and _harm(tok, lex) in ("dead", "injured")
    return e.carrier is not None and tok.dep_ == "nsubj" and _lemma(tok) in LONG_RUNNING \
        and _harm(e.carrier, lex) in ("dead", "injured")


def _in_the_war(e: "_Ev", rec: dict, lex: EventLexicon) -> bool:
    """"Thousands of people have been killed in the conflict": a harm in the present perfect,
    with no doer, in a war or insurgency (word list `long_running`), is its running toll; so is
    a harm the war itself does ("The war has killed tens of thousands")."""
    tok = e.tok
    if rec["event_type"] != "ASSAULT":
        return False
    if _war_itself(e, lex):
        return True   # "The war (between the army and the RSF) has killed tens of thousands"
    if rec["source_actor_id"] is not None:
        return False
    if _pos(tok) != "VERB":
        return False
    if any(c.dep_ == "nsubj" and (_lemma(c) in LONG_RUNNING or c.lower_ in LONG_RUNNING) for c in tok.children):
        return True
    return _present_perfect(tok) and any(c.dep_ == "prep" and c.lower_ in ("in", "during") and any(
        g.dep_ == "pobj" and _lemma(g) in LONG_RUNNING for g in c.children) for c in tok.children)


def _running_toll(sent, value: int, gov: int | None, dated: bool) -> bool:
    """Whether a stated toll is only a conflict's running total: one a war or insurgency did
    ("the war killed 80,000"), or one told in the present perfect without a doer ("have been
    killed") and either large with no date of its own or counted "since"/"so far".
    Background, like "since 2014" (see the module docstring), which would swamp any sum of
    fatalities."""
    if value <= 0:
        return False
    if gov is None:
        # "Some estimates put the toll at more than 150,000": a war's estimate, told by itself
        return value >= WAR_TOLL_MIN and ESTIMATE_WORDS.search(sent.text) is not None
    harm = sent.doc[gov]
    if any(c.dep_ == "prep" and c.lower_ in ("during", "throughout", "over", "in") and any(
            _lemma(g) in LONG_RUNNING and g.dep_ == "pobj" and _definite(g) for g in c.children) for c in harm.children):
        return True   # "More than 4,000 people were killed in Lebanon during the conflict"
    doers = [c for c in harm.children if c.dep_ in ("nsubj", "agent")]
    if any(_lemma(c) in LONG_RUNNING or c.lower_ in LONG_RUNNING for c in doers):
        return True   # "The 1998-2000 border war killed an estimated 80,000 people"
    if doers and all(_lemma(c) in SPELL_NOUNS or c.lower_ in SPELL_NOUNS for c in doers) and \
            _present_perfect(harm) and RUNNING_TOLL.search(sent.text) is not None:
        return True   # "clashes between the two communities have killed 220 people since May"
    if doers:
        return False   # "US drone attacks have killed eight leaders since July": a doer's acts
    return _present_perfect(harm) and (
        (value >= WAR_TOLL_MIN and not dated) or RUNNING_TOLL.search(sent.text) is not None)


def _told_as_cause(tok: Token) -> bool:
    """Whether a verb heads a clause that tells what came before or caused the sentence's act
    ("after a suspect died in custody")."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "before", "because", "since")
                                       for c in tok.children)


def _assign_casualties(coded: list[tuple["_Ev", dict, object]], kills: list[tuple[str, int, int | None]]) -> None:
    """Set fatalities and injured_count on the events of one sentence, in place.

    A count goes to the event whose trigger governs it, else to the sentence's first assault
    that happened. Negated and hypothetical events, and acts of help or withdrawal, count no
    victims: their counts, such as the none of "no one was killed", go to the sentence's first
    real assault instead.
    """
    real = [(e, rec) for e, rec, _r in coded if not rec["is_negated"] and not rec["is_hypothetical"]]
    main = next((rec for e, rec in real if rec["event_type"] == "ASSAULT"), None)
    for _e, rec, _r in coded:
        rec.update(fatalities=None, injured_count=None)
    for kind, value, gov in kills:
        owner = next((rec for e, rec, _r in coded if gov is not None and gov in e.heads), None)
        if owner is None and gov is not None and coded and _told_as_cause(coded[0][0].tok.doc[gov]):
            continue   # "burned a police station after a suspect died in custody": not its toll
        if owner is None or owner["is_negated"] or owner["is_hypothetical"] \
                or owner["event_type"] in COOPERATIVE_TYPES:
            # (an act of help or withdrawal does no harm: "evacuated 30 wounded civilians" tells
            # whom it carried, the wounds another act's)
            owner = main
        if owner is None:
            continue
        key = "fatalities" if kind == "dead" else "injured_count"
        owner[key] = value if owner[key] is None else max(owner[key], value)


# Nouns after which "with" and a country name the neighbour across a border ("near the border
# with Niger"), and which a country's name may modify to say where ("on the Syrian border").
BORDER_NOUNS = WORDS["border"]
# Nouns a country's name modifies to say where ("on US soil", "Turkish airspace").
TERRITORY_NOUNS = BORDER_NOUNS | WORDS["territory"]


def _two_sided(e: "_Ev", lex: EventLexicon) -> bool:
    """Whether the event is a fight between two sides ("clashes between X and Y killed 25
    people"): ACLED's battle, even when the dead were civilians."""
    return any(_lemma(doc_tok) in lex.reciprocal or doc_tok.lower_ in lex.reciprocal
               for doc_tok in (e.tok.doc[i] for i in e.heads))


def _fold_later_deaths(coded: list[tuple["_Ev", dict, object]]) -> list[tuple["_Ev", dict, object]]:
    """"Soldiers shot two civilians, one of whom later died": the death is the toll of the
    shooting, not an event of its own. A doerless harm in a relative clause whose subject is
    "N of whom" adds its count to the sentence's first assault and is dropped."""
    main = next((rec for e, rec, _r in coded if rec["event_type"] == "ASSAULT"
                 and not rec["is_negated"] and not rec["is_hypothetical"]), None)
    out = []
    for e, rec, r in coded:
        subj = next((c for c in e.tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        of_whom = subj is not None and any(c.dep_ == "prep" and c.lower_ == "of" and
                                           any(g.lower_ in ("whom", "which", "them") for g in c.children)
                                           for c in subj.children)
        if main is not None and rec is not main and e.tok.dep_ == "relcl" and of_whom \
                and rec["event_type"] == "ASSAULT":
            for key in ("fatalities", "injured_count"):
                if rec[key] is not None:
                    main[key] = rec[key] if main[key] is None else main[key] + rec[key]
            continue
        out.append((e, rec, r))
    return out


# Verbs that, in a clause under an attack, only state its toll ("clashes broke out, leaving 5
# dead", "the blast ... resulting in 3 deaths").
TOLL_VERBS = WORDS["toll_verb"]


# Prepositions that bring in the means of an act ("attacked the post with gunfire").
MEANS_PREPS = {"with", "using"}


def _fold_means(coded: list[tuple["_Ev", dict, object]]) -> list[tuple["_Ev", dict, object]]:
    """"Guerrillas attacked a police station with explosives and gunfire": the gunfire is how
    the attack was made, not an act of its own. An event noun that is the object of "with" or
    "using" (or coordinated with it), or the agent of a passive ("were killed by Israeli
    gunfire", which also gives its doer), under an assault of the sentence gives that assault
    its means when it has none and is dropped; so is an assault participle describing the
    subject of another assault ("a bomb planted on a motorcycle exploded") or the object of an
    interception ("defused an IED planted on a road")."""
    heads = {i: rec for e, rec, _r in coded for i in e.heads}
    out = []
    for e, rec, r in coded:
        tok = e.tok
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        prep = tok.head if tok.dep_ == "pobj" or (tok.dep_ == "pcomp" and tok.tag_ == "VBG"
                                                  and tok.head.dep_ == "agent") else None
        host = None
        if prep is not None and prep.lower_ in MEANS_PREPS:
            # the phrase may hang on the verb or on its object ("attacked a post with gunfire")
            host = heads.get(prep.head.i) or (heads.get(prep.head.head.i) if prep.head.dep_ == "dobj" else None)
        elif prep is not None and prep.dep_ == "agent":
            host = heads.get(prep.head.i)   # "two civilians were killed by Israeli gunfire"
            if host is not None and host is not rec and host["source_actor_id"] is None \
                    and rec["event_type"] == host["event_type"] == "ASSAULT" and _pos(e.tok) == "NOUN":
                host["source_actor_id"] = rec["source_actor_id"]
        # (tok, up the coordination: "a bomb hidden in a cart and planted near the stand")
        if e.tok.tag_ == "VBN" and tok.dep_ == "acl" and rec["event_type"] == "ASSAULT" \
                and (planted := heads.get(tok.head.head.i)) is not None and planted is not rec \
                and planted["event_type"] == "ASSAULT" and (tok.head.dep_ in ("nsubj", "nsubjpass") or (
                    tok.head.dep_ == "dobj" and planted.get("_intercept"))):
            # "a bomb planted on a motorcycle exploded": the planting is the blast's making;
            # "defused an IED planted on a road": the planting is the strike that was stopped
            continue
        if host is not None and host is not rec and (_pos(e.tok) == "NOUN" or e.tok.dep_ == "pcomp") \
                and e.carrier is None and rec["event_type"] == "ASSAULT" and host["event_type"] == "ASSAULT":
            if host["event_mode"] is None and rec["event_mode"] is not None:
                # a remote means makes it remote violence, whoever the target; guns keep the
                # battle or the violence against civilians the attack was coded as
                host.update(event_mode=rec["event_mode"], cameo_root=rec["cameo_root"],
                            acled_event_type=rec["acled_event_type"] if rec["event_mode"] in REMOTE_MODES
                            else host["acled_event_type"])
            continue
        out.append((e, rec, r))
    return out


GETAWAY_VERBS = WORDS["getaway"]


def _getaway(e: "_Ev", rec: dict, doers: set) -> bool:
    """Whether an event is the doers of an assault just told getting away ("Gunmen killed a
    chief. The attackers fled on motorcycles."): the end of their act, not a withdrawal of
    forces from ground (ACLED's non-violent transfer of territory)."""
    return rec["event_type"] == "RETREAT" and _lemma(e.tok) in GETAWAY_VERBS \
        and rec["source_actor_id"] is not None and rec["source_actor_id"] in doers


def _in_org_name(tok: Token, place_at: dict, actor_at: dict) -> bool:
    """Whether the place at token `tok` is part of an organisation's name ("the Kenya National
    Commission on Human Rights", as an actor or as spaCy's organisation): it places no event."""
    p = place_at[tok.i]
    a = actor_at.get(tok.i)
    if a is not None and a["actor"].get("actor_kind") == "organization":
        return a["end"] - a["start"] > p["end"] - p["start"]
    if tok.ent_type_ != "ORG":
        return False
    ent = _entity_of(tok)
    return ent is not None and ent.end_char - ent.start_char > p["end"] - p["start"] + 4


def _fold_toll_clauses(coded: list[tuple["_Ev", dict, object]], lex: EventLexicon) -> list[tuple["_Ev", dict, object]]:
    """"Clashes broke out between X and Y, leaving 5 dead": the participle states the clashes'
    toll, not an event of its own. Such an assault without a doer of its own under another
    assault of the sentence gives that one its counts (when it has none) and is dropped. So
    does a harm participle of a fight ("militiamen clashed with the brigade, killing eight
    people"): the fight's dead, no killing of civilians of its own."""
    heads = {i: rec for e, rec, _r in coded for i in e.heads}
    host_evs = {i: e for e, _rec, _r in coded for i in e.heads}
    out = []
    # (a later clause first: "leaving 12 dead and 30 wounded" folds the wounded into the
    # leaving, then the leaving, with both counts, into the attack)
    for e, rec, r in reversed(coded):
        tok = e.tok if e.carrier is None else e.carrier
        host = heads.get(tok.head.i) if tok.dep_ in ("advcl", "xcomp", "conj") else None
        # ("leaving 30 people injured": the harm participle of the toll verb's object)
        toll_participle = tok.dep_ in ("acl", "amod", "oprd") and tok.head.dep_ == "dobj" \
            and _lemma(tok.head.head) in TOLL_VERBS
        verb = tok.head.head
        if not toll_participle and tok.tag_ in ("VBN", "JJ") and _lemma(tok.head) in TOLL_VERBS and (
                # ("the clashes left 25 people injured", the participle hung on the verb; "leaving
                # 12 dead and 30 wounded", the second count parsed as a clause of its own)
                (tok.dep_ in ("xcomp", "advcl", "oprd") and any(c.dep_ == "dobj" for c in tok.head.children))
                or (tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") and c.like_num for c in tok.children))):
            toll_participle, verb = True, tok.head
        if toll_participle and host is None:
            host = heads.get(verb.head.i) if verb.dep_ in ("advcl", "xcomp", "conj") else None
        fight_toll = host is not None and e.carrier is None and e.tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj") \
            and _harm(e.tok, lex) is not None and tok.head.i in host_evs and _two_sided(host_evs[tok.head.i], lex)
        if host is not None and host is not rec and rec["event_type"] == "ASSAULT" \
                and (host["event_type"] == "ASSAULT" or host["event_mode"] == "riot") \
                and (_lemma(e.tok) in TOLL_VERBS or toll_participle or fight_toll) \
                and rec["source_actor_id"] in (None, host["source_actor_id"], host["target_actor_id"]):
            # (either side of a fight: "Dinka and Nuer youths fought ..., leaving 17 dead")
            # (a riot's toll too: "inmates rioted, leaving 8 prisoners dead")
            for key in ("fatalities", "injured_count"):
                if host[key] is None and rec[key] is not None:
                    host[key] = rec[key]
            continue
        out.append((e, rec, r))
    return out[::-1]


# Words that make an act told after another a new one ("another strike", "a second blast",
# "Elsewhere, ..."), data/events_words.csv.
ANOTHER_ACT_WORDS = WORDS["another_act"]


def _is_consequence(e: "_Ev", rec: dict, host: dict, lex: EventLexicon) -> bool:
    """An event that only reports harm ("were killed", "died", "were wounded") or refers back
    to the event already told ("in the attack", "the protest was peaceful"), without a doer of
    its own."""
    if rec["source_actor_id"] is not None or rec.get("_intercept"):
        return False   # (nor is a strike stopped: "20 drones were shot down" is an act of its own)
    verb = e.carrier if e.carrier is not None else e.tok
    if any(d.lower_ in ANOTHER_ACT_WORDS and d.dep_ in ("det", "amod")
           for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not _harmed_person(c, e, lex)
           for d in c.children) \
            or any(d.lower_ in ANOTHER_ACT_WORDS and d.dep_ in ("det", "amod") for d in e.tok.children):
        # "Another strike on a house killed two civilians": a new act (but "A third officer was
        # injured" is one more victim of the act told)
        return False
    if lex.casualty.get(_lemma(e.tok)) in ("dead", "injured") or \
            lex.casualty.get(e.tok.lower_) in ("dead", "injured"):
        return True
    if _found_dead(e, rec, lex) and host["event_type"] == "ASSAULT":
        return True   # "Red Cross volunteers recovered the bodies of 22 children": the attack's dead
    if _pos(e.tok) == "VERB" and host["event_type"] == "ASSAULT" and rec["event_type"] == "ASSAULT" and any(
            c.dep_ == "nsubj" and _definite(c) and _lemma(c) in WEAPON_SUBJECTS for c in e.tok.children):
        return True   # "Militants fired rockets at Sderot. The rockets landed in open areas."
    passive = _pos(e.tok) == "VERB" and (any(c.dep_ == "nsubjpass" for c in e.tok.children) or (
        # "12 soldiers were killed and 5 vehicles destroyed": a participle sharing the passive
        e.tok.tag_ == "VBN" and e.tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in e.tok.head.children)))
    if passive and host["event_type"] == "ASSAULT" and (
            rec["event_type"] == "ASSAULT" or (rec["event_type"] == "COERCE" and rec["event_mode"] == "destroy")):
        # "the man was shot in the chest": what befell the victim, told again; "several
        # vehicles were destroyed": damage done in the attack
        return True
    return _pos(e.tok) == "NOUN" and e.carrier is None and rec["event_type"] == host["event_type"] and \
        any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in e.tok.children)


def _harmed_person(subject: Token, e: "_Ev", lex: EventLexicon) -> bool:
    """Whether the subject of a harm verb is the one harmed: the passive's subject, or that of
    "died", neither an act nor a weapon ("a third officer was injured", "another man died")."""
    harm = lex.casualty.get(_lemma(e.tok)) in ("dead", "injured")
    return harm and (subject.dep_ == "nsubjpass" or _lemma(e.tok) in ("die", "succumb")) \
        and (_lemma(subject), "NOUN") not in lex.rules and _lemma(subject) not in WEAPON_SUBJECTS


def _words_after(prep: Token, n: int = 6) -> list[int]:
    """Indices of up to `n` tokens after a preposition, short of a verb or a comma."""
    out = []
    for t in prep.doc[prep.i + 1:prep.i + 1 + n]:
        if t.pos_ in ("VERB", "AUX") or t.text == ",":
            break
        out.append(t.i)
    return out


def _more_found(e: "_Ev", rec: dict, lex: EventLexicon) -> bool:
    """Whether an event is the finding of more of the dead ("found the bodies of four more
    villagers", "recovered two more bodies"): the toll of the act told before."""
    return _found_dead(e, rec, lex) and any(t.lower_ in ("more", "additional", "further") and t.dep_ in ("amod", "advmod")
                                            for t in e.tok.subtree)


def _found_dead(e: "_Ev", rec: dict, lex: EventLexicon) -> bool:
    """Whether an event is the finding of bodies ("volunteers recovered the bodies", "police
    found three corpses"): after an attack the story told, its dead found, counted again."""
    return _pos(e.tok) == "VERB" and _lemma(e.tok) in lex.finders and rec["event_type"] == "ASSAULT"


def _continues(sent, coded: list, kills: list, dates: list, place_at: dict, host: "_Host",
               lex: EventLexicon, sums: bool) -> bool:
    """Whether a sentence only continues the previous sentence's event.

    As a careful coder reads "Russian forces shelled Tsyrkuny. Two civilians were killed and
    four injured.": the second sentence names no doer, no date and no place of its own, and
    everything it reports is harm (killed, injured, dead, with or without a count) or a
    reference back to that event ("in the attack", "the protest was peaceful"). Then it is
    the toll of the event before, not a new event.
    """
    if not kills and not coded:
        return False
    if any(kind in ("since", "background") for _s, _e, kind in dates) and not coded:
        return False   # "The army said it had killed 200 fighters since the beginning of the month": a running count
    if any(kind not in ("since", "background") for _s, _e, kind in dates) \
            and not (coded and all(_died_of_wounds(e) or _more_found(e, rec, lex) for e, rec, _r in coded)) \
            and not (not coded and kills and any(_lemma(t) in TOTAL_WORDS or t.lower_ in TOTAL_WORDS
                                                 or _dies_of_wounds(t) for t in sent)):
        # (nor the toll's later total: "the toll rose to 17 on Sunday", "By Monday evening, the
        # death toll had risen to nine")
        # (a later day's deaths of the wounded are still the event's toll, and so are more
        # bodies found: "found the bodies of four more villagers on Tuesday")
        return False
    told_again = _refers_back(sent)
    home = _host_country(host, place_at) if told_again else None
    if any(i in place_at and not _where_treated(sent.doc[i])
           and not (home is not None and (_mention_place(place_at[i]) or {}).get("country_code") == home)
           for i in range(sent.start, sent.end)):
        return False   # (but "Five people were killed in the strike near Deir al-Balah": the strike
        # told, placed more closely)
    if sums:   # (the sentence tells the toll of several acts: see _sums_several)
        return False
    return all(_is_consequence(e, rec, host.rec, lex) or _follow_up_arrest(e, rec) for e, rec, _r in coded) \
        and not (coded and all(_follow_up_arrest(e, rec) for e, rec, _r in coded))


# Nouns for the wounds the injured die of ("died of their injuries", "succumbed to wounds").
WOUND_NOUNS = WORDS["wound_noun"]


def _in_running_toll(e: "_Ev", running: set[int]) -> bool:
    """Whether an act is what a running toll's deaths happened in ("3,000 civilians have been
    killed in the fighting since then"): the war told as background, no act of the day."""
    t = e.tok
    return e.carrier is None and t.dep_ == "pobj" and t.head.lower_ in ("in", "during") and t.head.head.i in running


def _died_of_wounds(e: "_Ev") -> bool:
    """Whether an event is the death of the wounded ("Two more people died of their injuries in
    hospital on Tuesday", "succumbed to his wounds"): whenever they die, the toll of the act
    that wounded them."""
    return _dies_of_wounds(e.tok)


def _dies_of_wounds(tok: Token) -> bool:
    """Whether a verb tells the wounded dying (see _died_of_wounds)."""
    return _pos(tok) == "VERB" and _lemma(tok) in ("die", "succumb") and any(
        c.dep_ == "prep" and ((c.lower_ in ("of", "from", "to") and any(_lemma(g) in WOUND_NOUNS for g in c.children))
                              or (c.lower_ in ("in", "at") and any(_lemma(g) == "hospital" for g in c.children)))
        for c in tok.children)   # (and "three wounded men died in hospital on Sunday")


def _sums_several(sent) -> bool:
    """Whether a sentence tells the toll of several acts ("At least 20 people were killed across
    the country in the attacks"): a total the event before is part of, not more harm to add
    to it. Plural acts with no word of a wider sum are the acts just told ("U.S. warplanes
    struck targets in Sanaa. Eight people were killed in the strikes")."""
    return any(t.lower_ in SUM_WORDS for t in sent) and any(
        t.tag_ == "NNS" and t.dep_ == "pobj" and t.head.lower_ in ("in", "during") and _definite(t)
        and (_lemma(t) in STRIKE_NOUNS or _lemma(t) in ("attack", "raid", "clash")) for t in sent)


# Words that make a toll a sum over more acts than the one told ("across the country", "in
# separate attacks").
SUM_WORDS = WORDS["sum"]
# Nouns of an act a later sentence names again to give its toll ("in the strike", "in one of
# the raids").
TOLD_AGAIN_NOUNS = WORDS["told_again"]


def _refers_back(sent) -> bool:
    """Whether a sentence names an act told before as where its harm befell ("killed in the
    strike", "wounded in one of the raids")."""
    for t in sent:
        if t.dep_ != "pobj" or (_lemma(t) not in TOLD_AGAIN_NOUNS and _lemma(t) not in STRIKE_NOUNS):
            continue
        if t.head.lower_ in ("in", "during") and _definite(t):
            return True
        if t.head.lower_ == "of" and t.head.head.lower_ == "one" and t.head.head.dep_ == "pobj" \
                and t.head.head.head.lower_ in ("in", "during"):
            return True
    return False


def _host_country(host: "_Host", place_at: dict) -> str | None:
    """The country of the place of the event a sentence continues, or None."""
    for men in place_at.values():
        p = _mention_place(men)
        if p and p.get("place_id") == host.rec["place_id"]:
            return p.get("country_code")
    return None


def _follow_up_arrest(e: "_Ev", rec: dict) -> bool:
    """Whether an event is an arrest told in the passive with no doer ("23 were arrested"):
    in a sentence that tells the toll of the event before ("Eight students were injured and 23
    were arrested"), the arrests are made by that event's doers. It stays an event of its own
    (CAMEO and PLOVER code arrests apart)."""
    return rec["event_type"] == "COERCE" and rec["event_mode"] == "arrest" and rec["source_actor_id"] is None \
        and _passive(e.tok)


# Nouns for where the wounded and the dead are taken: a place that only locates one of these
# ("taken to hospitals in Goma") is not where the event happened.
CARE_NOUNS = WORDS["care"]


def _entity_of(tok: Token) -> Span | None:
    """spaCy's named entity the token is in, or None."""
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None) if tok.ent_type_ else None


def _care_name(tok: Token) -> bool:
    """Whether the token is in the name of a place of care ("the Institute of Medical Sciences")."""
    if tok.ent_type_ not in ("ORG", "FAC"):
        return False
    ent = _entity_of(tok)
    return ent is not None and any(t.lower_ in CARE_NOUNS for t in ent)


CARE_VERBS = WORDS["care_verb"]


def _taken_for_care(span) -> bool:
    """Whether a place is where victims were brought or treated ("was taken to Kenyatta National
    Hospital", "died at a clinic in Bunia"): a place of care after a verb of bringing or
    treating, which is not where the event happened (an attack on a hospital is at it)."""
    t = span.root
    for _ in range(4):
        if (t.lower_ in CARE_NOUNS or _care_name(t)) and t.dep_ == "pobj" and t.head.lower_ in ("to", "at", "in") \
                and _lemma(t.head.head) in CARE_VERBS:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _where_treated(tok: Token) -> bool:
    """Whether the place at `tok` only says where victims were treated or taken ("were taken to
    hospitals in Goma", "died at a clinic in Bunia")."""
    t = tok
    for _ in range(4):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.lower_ in CARE_NOUNS or any(c.dep_ in ("compound", "amod") and c.lower_ in CARE_NOUNS
                                         for c in t.children) or _care_name(t):
            return True   # "a clinic in Bunia", "a medical centre in Goma"
        if t.pos_ == "VERB":   # "taken to hospitals in Goma", parsed with "in Goma" on the verb
            return any(c.dep_ == "prep" and any(g.lower_ in CARE_NOUNS for g in c.children) for c in t.children)
    return False


# Nouns that make a consequence sentence's count the event's total ("the death toll rose to
# 12"; ACLED's closing "1 fatality"), not a count to add.
TOTAL_WORDS = WORDS["total"]


# Modes of an assault that kills nobody by itself (an abduction): a toll told after it is of
# another act of the scene when there is one.
NON_LETHAL_MODES = {"abduct"}


def _add_consequences(host: _Host, coded: list, kills: list, sent, text: str, sector_of: dict,
                      lex: EventLexicon, actor_at: dict | None = None) -> None:
    """Add a consequence sentence's toll to the event it continues (see `_continues`), in place.

    Counts add up ("two killed ... two more died in hospital"), except a total ("the death toll
    rose to 12", ACLED's "1 fatality"), which restates it. The victims become the event's target
    when it had none, and the evidence grows to cover the sentence, so every number can be
    checked there.
    """
    rec = host.rec
    # ("The fighting broke out after the militia chief was killed": the cause told again, an
    # earlier act, whose victim and toll are not the event's)
    coded = [c for c in coded if not _told_as_cause(c[0].tok)]
    kills = [k for k in kills if k[2] is None or not _told_as_cause(sent.doc[k[2]])]
    victims = {sector_of.get(r["target_actor_id"]) for _e, r, _d in coded if r["target_actor_id"]}
    if victims and victims <= CIVILIAN_SECTORS and sector_of.get(rec["target_actor_id"]) in ARMED_SECTORS:
        # "security forces ... killed all the attackers, 20 hours after militants stormed it. At
        # least 14 people were killed.": the people are the storming's toll, not the attackers'
        rec = next((r for r in host.assaults if r is not rec and (r["target_actor_id"] is None or sector_of.get(
            r["target_actor_id"]) in CIVILIAN_SECTORS)), rec)
    if kills and rec["event_mode"] in NON_LETHAL_MODES:
        # "Bedouin fighters abducted a merchant, sparking clashes ... At least 30 people were
        # killed": the deaths are the fighting's, not the abduction's
        rec = next((r for r in host.assaults if r["event_mode"] not in NON_LETHAL_MODES
                    and not r["is_negated"] and not r["is_hypothetical"]), rec)
    hurt = {r["target_actor_id"] for _e, r, _d in coded if r["target_actor_id"]} | {
        men["actor"]["actor_id"] for _k, _v, gov in kills if gov is not None and actor_at
        for c in sent.doc[gov].children if c.dep_ in ("nsubj", "nsubjpass")
        for men in [_actor_of(c, actor_at)] if men is not None}
    if hurt and all(_own_side(v, rec["source_actor_id"], sector_of) for v in hurt):
        # "Protesters hurled rocks ..., while officers responded with tear gas. Twelve police
        # officers were injured": the doer's own people were hurt by the other side's act
        rec = next((r for r in host.rows if r is not rec and r["source_actor_id"]
                    and not any(_own_side(v, r["source_actor_id"], sector_of) for v in hurt)
                    and (r["event_type"] == "ASSAULT" or (r["event_type"], r["event_mode"]) == ("PROTEST", "riot"))),
                   rec)
    toll = any(_lemma(t) in TOTAL_WORDS or t.lower_ in TOTAL_WORDS for t in sent) or _confirms(sent) \
        or _toll_note(sent)
    for kind, value, gov in kills:
        key = "fatalities" if kind == "dead" else "injured_count"
        cur = rec[key]
        # (bodies found are the dead told, "recovered the bodies of the 12 victims", unless more:
        # "found three more bodies")
        found = gov is not None and any(_lemma(g) in lex.finders for g in (sent.doc[gov], sent.doc[gov].head)) \
            and not any(t.lower_ in NEW_VICTIM_WORDS for t in sent.doc[gov].subtree)
        again = toll or found or (gov is not None and _victims_told_before(sent.doc[gov]))
        rec[key] = value if cur is None else (max(cur, value) if again else cur + value)
        if toll:
            rec["_restated"] = True   # ("bringing the death toll to 16": the act's whole toll so far)
    if rec["target_actor_id"] is None:
        # (not the doer's own losses: "Troops repelled the attack. 7 soldiers and 15 militants
        # were killed")
        rec["target_actor_id"] = next((r["target_actor_id"] for _e, r, _d in coded if r["target_actor_id"]
                                       and not _own_side(r["target_actor_id"], rec["source_actor_id"], sector_of)), None)
        if rec["event_type"] == "ASSAULT" and rec["event_mode"] in (None, "firearms") and \
                rec["acled_event_type"] == "Battles" and sector_of.get(rec["target_actor_id"]) in CIVILIAN_SECTORS:
            rec["acled_event_type"] = "Violence against civilians"
    rec["evidence_text"] = text[host.start_char:sent.end_char].strip()


# Words that make victims named again new ones ("two other passengers died", "another man").
NEW_VICTIM_WORDS = {"other", "another", "more", "further", "additional", "second", "third"}
# Verbs by which a sentence vouches for a toll told before rather than adding to it.
CONFIRM_VERBS = WORDS["confirm_verb"]


# The most words of a coder's toll note ("2 killed.", "12 civilians killed, 3 injured.").
TOLL_NOTE_WORDS = 8


def _toll_note(sent) -> bool:
    """Whether a sentence is a coder's bare toll note with no verb of its own ("On 4 May, a mob
    lynched 2 suspected thieves. 2 killed."): the toll of the note's act told again, as ACLED
    closes a note, not more dead."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return len(words) <= TOLL_NOTE_WORDS and any(t.like_num for t in words) \
        and not any(t.dep_ in ("aux", "auxpass") or t.lower_ in NEW_VICTIM_WORDS | {"others"}
                    or (t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not all(
                        c.like_num for c in t.children if c.dep_ in ("nsubj", "nsubjpass")))
                    for t in words)   # (no verb with a subject but a bare count: "4 killed, 1 injured")


def _confirms(sent) -> bool:
    """Whether a sentence confirms the toll before ("The army confirmed one death" after the
    rebels claimed to have killed two): its count restates the event's, it adds no victims,
    unless it says they are new ("confirmed two more deaths")."""
    return _lemma(sent.root) in CONFIRM_VERBS and not any(t.lower_ in NEW_VICTIM_WORDS for t in sent)


def _victims_told_before(harm: Token) -> bool:
    """Whether the victims of a harm word are the ones the event already counted: a definite
    phrase or a pronoun as its subject ("The man died on the spot", "He later died", "the two
    victims died in hospital") after "a mob lynched a man". Their toll restates the count,
    while "two other passengers died" or "three more bodies were found" add to it."""
    subj = next((c for c in harm.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    if any(c.lower_ in NEW_VICTIM_WORDS for c in subj.subtree):
        return False
    if subj.tag_ == "PRP":
        return subj.lower_ in ("he", "she", "they")
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in subj.children)


# Sectors of a doer the text does not name ("gunmen", "unidentified armed men"), whom a later
# claim of responsibility names.
UNNAMED_DOERS = {"UAF"}
# Ids of the generic actors ("Rebels (country not stated)" is grp-reb) and of groups known only
# by a people or creed ("Islamist militants" is grp-islamist-militants): doers a claim may name.
GENERIC_ACTOR = re.compile(r"grp-[a-z0-9-]+")
# ... and of a country's unnamed rebels ("suspected jihadists" in Mali are MLI-REB).
COUNTRY_REBELS = re.compile(r"[A-Z]{3}-REB")


def _unnamed_doer(src: str | None, sector_of: dict) -> bool:
    """Whether a doer is one the text does not name: none, unidentified armed men, or a
    generic group or a country's rebels."""
    return src is None or sector_of.get(src) in UNNAMED_DOERS or _unnamed_group(src)


def _unnamed_group(src: str | None) -> bool:
    """Whether an actor id is a group the text does not name: generic, or a country's rebels."""
    return src is not None and (GENERIC_ACTOR.fullmatch(src) is not None or COUNTRY_REBELS.fullmatch(src) is not None)
CLAIM_NOUNS = WORDS["claim"]
# Nouns that an event noun before them names the act of ("mediation efforts", "a rescue
# mission", "aid deliveries"), unlike "riot police" or "invasion forces".
EFFORT_NOUNS = WORDS["effort"]
# Modifiers that make an event noun a class of other acts, told for comparison or as a pattern
# ("has carried out repeated attacks in the region this year").
COMPARED_WORDS = WORDS["compared"]
# Determiners that make a noun one already told or taken as known ("the attack", "this bombing").
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
DEFINITE = DEFINITE_DETERMINERS | {"either", "both"}   # ("either attack": the two told)


OCCURRENCE_VERBS = WORDS["occurrence"]


def _definite(tok: Token) -> bool:
    """Whether a noun is made definite ("the attack", "this bombing", "its offensive"): an act
    the text has told, or takes as known."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in tok.children)


def _occurrence(e: "_Ev") -> bool:
    """Whether an event is a definite event noun said to have taken place ("The attack took
    place near Djibo", "The blast occurred at a market"): an act told before, now placed."""
    tok, carrier = e.tok, e.carrier
    if _pos(tok) != "NOUN" or carrier is None or tok.dep_ != "nsubj" or _lemma(carrier) not in OCCURRENCE_VERBS:
        return False
    if _lemma(carrier) == "take" and not any(c.lower_ == "place" for c in carrier.children):
        return False
    if _lemma(carrier) == "break" and not any(c.lower_ == "out" for c in carrier.children):
        return False   # "The gunfight broke out during a search operation in Kanker district"
    if _lemma(carrier) in ("begin", "start") and carrier.dep_ not in ("ROOT", "ccomp"):
        return False   # ("since the violence began in Southport": a clause dating another act)
    return _definite(tok)


def _tells_where(e: "_Ev", rec: dict, told: "_Host", place_of: dict, place_at: dict, lex: EventLexicon,
                 own_date: ResolvedDate | None = None) -> bool:
    """For an occurrence sentence about the article's latest assault (see _occurrence), give
    that assault the place the occurrence verb itself is tied to, when it had none or a larger
    one of the same country ("in northern Burkina Faso" ... "took place near the town of
    Djibo"; not "came days after police arrested X in Y"), and the day it names, when that is
    earlier ("killed 21 soldiers, the ministry said Thursday" ... "The attack happened
    Tuesday"). True when the sentence is one."""
    if not _occurrence(e) or rec["event_type"] != told.rec["event_type"]:
        return False
    old_date = told.rec["event_date"]
    if own_date is not None and own_date.precision == "day" and old_date is not None \
            and own_date.date < old_date and (old_date - own_date.date).days <= 31:
        for r in [told.rec, *told.assaults]:
            if r.get("event_date") == old_date:
                r.update(event_date=own_date.date, date_precision=own_date.precision, date_text=own_date.text)
    own = any(t.i in place_at and (_mention_place(place_at[t.i]) or {}).get("place_id") == rec["place_id"]
              and not any(a.pos_ in ("VERB", "AUX") and a.i != e.carrier.i and e.carrier in a.ancestors
                          for a in t.ancestors)
              for t in e.carrier.subtree)
    new, old = (place_of.get(rec["place_id"]) if own else None), place_of.get(told.rec["place_id"])
    if new is not None and (old is None or (old.get("country_code") == new.get("country_code")
                                            and _code_level(new, lex) < _code_level(old, lex))):
        before = told.rec["place_id"]
        for r in [told.rec, *told.assaults]:
            if r.get("place_id") == before:
                r["place_id"] = rec["place_id"]
    return True


def _when_clause_of(e: "_Ev", occ: "_Ev") -> bool:
    """Whether event e is told in a when-clause of an occurrence verb ("The attack happened
    Tuesday ... when a unit on patrol was targeted"): the same attack, told again."""
    tok = e.carrier if e.carrier is not None else e.tok
    return tok.dep_ == "advcl" and occ.carrier is not None and tok.head.i == occ.carrier.i \
        and any(c.dep_ == "advmod" and c.lower_ == "when" for c in tok.children)


def _code_level(place: dict, lex: EventLexicon) -> int:
    """How large a place is by its GeoNames code (see _place_level); a name-only place is a town."""
    code = str(place.get("feature_code") or "")
    return _feature_level(code, lex) if code else PINNED_LEVELS["name_only"]


def _feature_level(code: str, lex: EventLexicon) -> int:
    """The size level of a GeoNames feature code ("PPLA", "ADM1"), by the code or its class
    prefix (`data/events_place_levels.csv`); DEFAULT_PLACE_LEVEL when none is listed."""
    return next((lex.place_levels[k] for k in (code, code[:4], code[:3]) if k and k in lex.place_levels),
                DEFAULT_PLACE_LEVEL)


def _retold(e: "_Ev") -> bool:
    """Whether an event noun only names an act told before, as what responsibility is claimed
    or denied for, what someone is blamed for or was behind ("No group claimed responsibility
    for the market bombing", "blamed the rebels for the attack", "which group was behind the
    attack"): no new event."""
    tok = e.tok
    if _pos(tok) != "NOUN" or e.carrier is not None or tok.dep_ != "pobj" or tok.head.lower_ not in ("for", "behind"):
        return False
    if not _definite(tok):
        return False
    if tok.head.lower_ == "behind":
        return True   # "did not say which group was behind the attack"
    owner = tok.head.head
    return owner.lower_ in CLAIM_NOUNS or _lemma(owner) in {"blame", "claim"}


def _claimed_for(e: "_Ev") -> bool:
    """Whether an event noun is what its doer claims responsibility for ("IS claimed
    responsibility for the bombing of a hotel"), not what someone else is blamed for."""
    tok = e.tok
    if tok.dep_ != "pobj" or tok.head.lower_ != "for":
        return False
    owner = tok.head.head
    if _lemma(owner) in ("responsibility", "credit"):
        owner = owner.head
    return _lemma(owner) in ("claim", "take", "assume", "accept")


COUNTED_VICTIMS = WORDS["counted"]


def _of_the_counted(e: "_Ev") -> bool:
    """Whether an act's victims are some of those already counted ("Two of the dead were shot in
    Kibera", "one of the victims was stabbed"): a detail of the toll told before, no new act."""
    tok = e.carrier if e.carrier is not None else e.tok
    if _pos(tok) != "VERB":
        return False
    for c in tok.children:
        if c.dep_ not in ("nsubjpass", "dobj", "nsubj"):
            continue
        for p in c.children:
            if p.dep_ == "prep" and p.lower_ == "of" and any(
                    g.dep_ == "pobj" and (_lemma(g) in COUNTED_VICTIMS or g.lower_ in COUNTED_VICTIMS) and _definite(g)
                    for g in p.children):
                return True
    return False


MOTIVE_WORDS = WORDS["motive"]


def _motive(e: "_Ev") -> bool:
    """Whether a definite event noun is a past act given as the motive of the act told ("to
    avenge the killing of its commanders", "in retaliation for the arrests"): no event of the
    story."""
    tok = e.tok
    if _pos(tok) != "NOUN" or e.carrier is not None:
        return False
    bare_plural = tok.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod", "poss") for c in tok.children)
    if not _definite(tok) and not bare_plural:
        return False   # "in retaliation for an air raid on Susangerd": news of its own
    # (nor a bare plural: "retaliation for military operations in the highlands", a pattern)
    if tok.dep_ == "dobj" and _lemma(tok.head) in MOTIVE_WORDS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ("for", "against") and _lemma(tok.head.head) in MOTIVE_WORDS


SERIES_NOUNS = WORDS["series"]
PERIOD_NOUNS = WORDS["period"]


# Verbs that, with a period as object, tell how long an act has gone on ("the fighting entered
# its tenth month", "the war has reached its third year").
LASTING_VERBS = {"enter", "reach", "mark", "near", "approach", "drag", "pass"}
# ... and the periods ("entered a second week", "its 100th day").
LASTING_NOUNS = PERIOD_NOUNS | {"week", "day", "days", "phase", "stage"}


def _told_as_lasting(e: "_Ev") -> bool:
    """Whether an act is told only by how long it has lasted ("as fighting between rival
    factions entered its tenth month"): for violence, the war as background, no act of the
    day (demonstrations entering a third week are still that day's protest). The parser may
    hang the noun as a participle with the verb joined to it."""
    tok = e.tok
    if e.carrier is None and _pos(tok) == "VERB" and _lemma(tok) in LASTING_VERBS:
        verbs = [tok]   # ("Clashes between the army and rebels entered a second week")
    elif e.carrier is not None or (_pos(tok) != "NOUN" and tok.tag_ != "VBG"):
        return False
    else:
        verbs = ([tok.head] if tok.dep_ in ("nsubj", "nsubjpass") else []) + [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        # ("as fighting ... entered its tenth month", the verb joined to the main clause's)
        verbs += [c for c in tok.head.children if c.dep_ == "conj" and c.i > tok.i
                  and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    def counted(n: Token) -> bool:   # "its tenth month", "a second week", "100 days"
        return _lemma(n) in LASTING_NOUNS and any(
            g.dep_ == "poss" or g.ent_type_ == "ORDINAL" or g.like_num or _ordinal(g) for g in n.children)
    return any(_lemma(v) in LASTING_VERBS and any(
        (c.dep_ in ("dobj", "npadvmod") and counted(c))
        or (c.dep_ == "prep" and c.lower_ == "into" and any(g.dep_ == "pobj" and counted(g) for g in c.children))
        for c in v.children) for v in verbs)


ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "twentieth", "hundredth", "thousandth"}


def _ordinal(tok: Token) -> bool:
    """"second", "tenth", "100th"."""
    return tok.lower_ in ORDINAL_WORDS or re.fullmatch(r"\d+(st|nd|rd|th)", tok.lower_) is not None


def _one_of_a_kind(e: "_Ev") -> bool:
    """Whether an event noun names only the kind an act belongs to ("in one of the deadliest
    attacks of the war", "the latest in a wave of massacres", "months of fighting"): the class
    compared with, or a pattern of many acts, not another act."""
    tok = e.tok
    if (_pos(tok) == "NOUN" or tok.tag_ == "VBG") and e.carrier is None and tok.dep_ == "pobj" \
            and tok.head.lower_ == "of" and tok.head.head.lower_ in PERIOD_NOUNS:
        return True   # "to end months of clan fighting", "after weeks of fighting": a run of acts over a long period
    first = tok   # ("a wave of extortion and killings": the run holds each noun of the list)
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if _pos(tok) != "NOUN" or e.carrier is not None or tok.tag_ != "NNS" or first.dep_ != "pobj" \
            or first.head.lower_ != "of":
        return False
    owner = first.head.head
    return owner.lower_ == "one" or (_lemma(owner) in SERIES_NOUNS and not any(
        c.dep_ == "nummod" or c.like_num for c in tok.children))


def _superlative(e: "_Ev") -> bool:
    """Whether an event noun in a phrase ranks an act ("in the largest aerial attack of the
    war", "in the deadliest attack this year"): beside a trigger of the same type it says how
    the act the sentence tells compares, and is no second act."""
    tok = e.tok
    first = min([c.i for c in tok.lefts] + [tok.i])
    # (or set off by a comma, however parsed: "killed five on Tuesday, the deadliest single
    # attack since the ceasefire")
    apposed = first > 0 and tok.doc[first - 1].text == "," and tok.doc[first].lower_ == "the"
    return _pos(tok) == "NOUN" and e.carrier is None and tok.tag_ == "NN" and (tok.dep_ == "pobj" or apposed) and any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or any(a.lower_ == "most" for a in c.children)) for c in tok.children)


def _outcry_over(e: "_Ev") -> bool:
    """Whether a definite event noun is what people protest or rage against ("protested
    against the killings", "protested the killings", "anger over the arrest"). Once the article
    has told such an act, this names it again (see `find_events`); in a story that has not, it
    is news of its own ("protested against the Israeli air offensive in Gaza")."""
    tok = e.tok
    if _pos(tok) != "NOUN" or e.carrier is not None or not _definite(tok):
        return False
    if tok.dep_ == "dobj":
        return _outcry_word(tok.head)   # "residents protested the killings the next day"
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("against", "over", "at"):
        return False
    gov = tok.head.head
    # ("expressed his sorrow at the killings", the "at" hung on the verb of the outcry noun)
    return _outcry_word(gov) or (_pos(gov) == "VERB" and any(c.dep_ == "dobj" and _outcry_word(c)
                                                             for c in gov.children))


# Nouns that refer an act to an earlier one ("in connection with", "in response to", "in
# retaliation for").
REFERRING_NOUNS = {"connection", "relation", "response", "retaliation", "revenge", "reprisal"}


def _named_again(e: "_Ev") -> bool:
    """Whether a definite event noun only says when something else happened or what it is
    over ("Poland scrambled jets during the attack", "amid the fighting", "has not arrested
    anyone over the killings"): once the article has told such an act (see `find_events`), it
    names that act again."""
    tok = e.tok
    # (made definite by a determiner, not by its doer: "during the king's visit to Paris in May"
    # may be news)
    # ("live coverage of the protests", "victims of the attack": a thing of the act, told again)
    return _pos(tok) == "NOUN" and e.carrier is None and tok.dep_ == "pobj" \
        and (tok.head.lower_ in {"during", "amid", "amidst", "throughout"} | MATTER_PREPS
             # ("in the run-up to the protests", "ahead of the vote": the time before it)
             or (tok.head.lower_ == "to" and tok.head.head.lower_ == "up" and tok.head.head.i >= 2
                 and tok.doc[tok.head.head.i - 2].lower_ in ("run", "lead", "build"))
             or (tok.head.lower_ == "of" and tok.head.head.lower_ == "ahead")
             # ("arrested six suspects in connection with the bombing", "deployed troops
             # following the attack", "in response to the raid": the act told before)
             # (only a bare one: "after the killing of a teenager by a patrol on 2 May in
             # Garissa" tells an act of its own)
             or ((tok.head.lower_ in ("after", "following", "since")
                  or (tok.head.lower_ in ("with", "to", "for") and tok.head.head.lower_ in REFERRING_NOUNS))
                 and all(c.dep_ == "det" for c in tok.children))
             or (tok.head.lower_ == "of" and _pos(tok.head.head) == "NOUN"
                 # (not one told with its parties: "the results of the talks between X and Y")
                 and not any(c.dep_ == "prep" and c.lower_ in ("between", "with", "by") for c in tok.children))) \
        and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in tok.children)


def _outcry_word(tok: Token) -> bool:
    """Whether a word is one of protest or outrage (`outcry` in events_words.csv), by lemma or form."""
    return _lemma(tok) in OUTCRY_WORDS or tok.lower_ in OUTCRY_WORDS


def _grievance_kind(e: "_Ev") -> bool:
    """Whether an event is a kind of act that people protest or mourn, not an act of the story:
    a bare plural noun after "against" or "over" a protest ("demonstrations against abductions
    of government critics", "marched over killings by police": a pattern, neither one act nor
    dated), or a participle describing the person a protest or vigil is for ("a vigil for a man
    killed by police": an earlier act, told only as the reason)."""
    tok = e.tok
    if e.carrier is not None:
        return False
    if _pos(tok) == "NOUN":
        bare = tok.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)
        first = tok   # ("to protest against extortion and killings of drivers": each noun of the list)
        while first.dep_ == "conj" and first.head.i < first.i and _pos(first.head) == "NOUN":
            first = first.head
        return bare and first.dep_ == "pobj" and first.head.lower_ in ("against", "over") \
            and _outcry_word(first.head.head)
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or not (
            any(c.dep_ == "agent" for c in tok.children) or tok.head.ent_type_ == "PERSON"):
        return False   # (not "students protesting against quotas clashed with police", misparsed)
    owner = tok.head
    if owner.dep_ != "pobj" or owner.head.lower_ not in ("against", "over", "for"):
        return False
    held = owner.head.head   # "held a vigil ... for a man killed by police": the verb's object
    return _outcry_word(held) or any(
        c.dep_ == "dobj" and _lemma(c) in OUTCRY_WORDS for c in held.children)


def _protested(e: "_Ev") -> bool:
    """Whether an event noun is what a protest is against ("lawyers staged a sit-in to protest
    the arrest of a colleague", "rallied against the killings"): the grievance, an act of
    its own time and doers, not the protest's dispersal."""
    tok = e.tok
    if _pos(tok) != "NOUN" or e.carrier is not None:
        return False
    if tok.dep_ == "dobj":
        return _lemma(tok.head) in OUTCRY_WORDS
    return tok.dep_ == "pobj" and tok.head.lower_ in ("against", "over") and _lemma(tok.head.head) in OUTCRY_WORDS


# Event types whose noun, as what a protest or a quarrel is about, names a standing accord or
# talks rather than an act now ("protested against the trade deal", "argued over the accord").
TOPIC_TYPES = {"AGREE", "CONSULT", "SUPPORT"}
# Modes of measures that stay in force, whose definite noun a protest is against ("the ban",
# "the curfew"): the measure, not its imposing now.
STANDING_MODES = {"ban", "curfew", "restrict", "martial-law", "censor"}
# ... and the types of acts that talks or a proposal may be about without their happening
TALKED_OF_TYPES = {"RETREAT", "COOPERATE", "AID", "CONCEDE"}
TALK_NOUNS = WORDS["talks"]
CAMPAIGN_NOUNS = WORDS["campaign_noun"]


def _topic(e: "_Ev", rec: dict) -> bool:
    """Whether an event noun is only what something is against or about ("farmers protested
    against the EU-Mercosur trade deal", "a row over the peace agreement", "talks on a
    ceasefire"): no agreement, ceasefire or meeting is told to have happened."""
    tok = e.tok
    if _pos(tok) != "NOUN" or e.carrier is not None:
        return False
    if rec["event_type"] in TOPIC_TYPES | TALKED_OF_TYPES or _lemma(tok) in CAMPAIGN_NOUNS:
        # (and a campaign waged: "talks on water sharing and the fight against PKK militants")
        # "talks on a ceasefire and the release of hostages", "ceasefire talks stall": what
        # talks or a proposal are about (a noun coordinated with it is too)
        t = tok
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if _lemma(tok) in CAMPAIGN_NOUNS and t is not tok and t.lower_ in TALK_NOUNS:
            return True   # ("talks on water sharing and the fight against ...", the fight joined to the talks)
        if (t.dep_ == "compound" and t.head.lower_ in TALK_NOUNS) or (
                t.dep_ == "pobj" and t.head.lower_ in ("on", "for") and (t.head.head.lower_ in TALK_NOUNS or any(
                    # ("approved a deal with Hamas for the release of hostages", the "for" hung on the verb)
                    c.dep_ == "dobj" and c.lower_ in TALK_NOUNS for c in t.head.head.children))) \
                or (nxt is not None and nxt.lower_ in TALK_NOUNS and tok.whitespace_):
            return True   # (the last: "ceasefire talks stall", whatever the parse makes of it)
    if rec["event_type"] in VIOLENT_TYPES and _ended(tok):
        return True   # "talks aimed at ending the fighting in Sudan", "called for an end to the war"
    if rec["event_mode"] in STANDING_MODES and _definite(tok) and tok.dep_ == "dobj" and _outcry_word(tok.head):
        return True   # "for protesting the ban on girls' education": a measure in force
    return (rec["event_type"] in TOPIC_TYPES or (rec["event_mode"] in STANDING_MODES and _definite(tok))) \
        and tok.dep_ == "pobj" and tok.head.lower_ in ("against", "over", "about")


# (not ENDING_VERBS: those end an act told with them, "the protest ended peacefully")
ENDING_WORDS = WORDS["violence_ending"]


def _ended(tok: Token) -> bool:
    """Whether an event noun is what a verb or noun of ending takes ("to end the fighting",
    "an end to the war", "a halt to the violence")."""
    t = tok
    while t.dep_ == "conj" and t.head.i < t.i:
        t = t.head
    if t.dep_ == "dobj":
        return _lemma(t.head) in ENDING_WORDS
    return t.dep_ == "pobj" and t.head.lower_ == "to" and _lemma(t.head.head) in ENDING_WORDS \
        and _pos(t.head.head) == "NOUN"


COUNTER_VERBS = WORDS["counter"]


def _countered(e: "_Ev") -> bool:
    """Whether a definite event noun is what someone met or fended off ("the army said it had
    repelled the attack"): once the article has told such an act, this names it again (see
    `find_events`); the verb is an event of its own."""
    tok = e.tok
    return _pos(tok) == "NOUN" and e.carrier is None and tok.dep_ in ("dobj", "nsubjpass") and _definite(tok) \
        and _lemma(tok.head) in COUNTER_VERBS   # (and "the attack was repelled by the gendarmes")


def _met(e: "_Ev") -> bool:
    """Whether an event noun is what someone met or fended off, told or not before ("troops
    repelled an attack on their base"): the other side's act."""
    tok = e.tok
    return _pos(tok) == "NOUN" and e.carrier is None and tok.dep_ in ("dobj", "nsubjpass") \
        and _lemma(tok.head) in COUNTER_VERBS


def _fought_back(coded: list, earlier: "_Host | None", sector_of: dict) -> None:
    """"ISWAP attacked a base ... Troops repelled the attack": the verb that meets the act told
    before fought that act's doer, who becomes its target when it has none (or only its own
    side: "soldiers" of no stated country). In place."""
    if earlier is None:
        return
    doer = next((r["source_actor_id"] for r in [earlier.rec, *earlier.assaults]
                 if r["event_type"] == "ASSAULT" and r["source_actor_id"]), None)
    if doer is None:
        return
    by_head = {i: rec for e, rec, _r in coded for i in e.heads}
    for e, _rec, _r in coded:
        verb = by_head.get(e.tok.head.i) if _countered(e) else None
        if verb is None or verb["event_type"] != "ASSAULT" or verb["source_actor_id"] in (None, doer):
            continue
        if verb["target_actor_id"] is None or _own_side(verb["target_actor_id"], verb["source_actor_id"], sector_of):
            verb["target_actor_id"] = doer


def _state_side(actor: dict) -> bool:
    """Whether an actor is a state's own organ or force of a known country (its government,
    army, police): one side that does not attack itself."""
    return actor.get("sector_code") in STATE_SECTORS and actor.get("country_code") is not None


def _own_side(actor: str, doer: str | None, sector_of: dict) -> bool:
    """Whether `actor`, met as a victim of `doer`'s act, is the doer's own side: the doer
    itself, or forces of the doer's kind whose country is not stated ("Nigerian troops
    repelled the attack. 7 soldiers ... were killed")."""
    return doer is not None and (actor == doer or (
        GENERIC_ACTOR.fullmatch(actor) is not None and sector_of.get(actor) == sector_of.get(doer)))


# Verbs that say what a definite act told before was or meant ("The fighting is the worst",
# "the attack showed that ...").
DESCRIBING_VERBS = {"be", "show", "prove", "demonstrate", "mark", "underline", "underscore", "highlight",
                    "reveal", "signal", "expose"}


def _truce_in_force(e: "_Ev", rec: dict) -> bool:
    """Whether a definite ceasefire is only the object of what someone does with a truce in
    force ("the United States and France, which guarantee the ceasefire", "violated the
    ceasefire"): no ceasefire of the day (a violation is an act of its own). One agreed or
    declared has the verb as its carrier and stays."""
    tok = e.tok
    if (rec["event_type"], rec["event_mode"]) == ("RETREAT", "ceasefire") and _pos(tok) == "NOUN" \
            and e.carrier is None and tok.dep_ == "pobj" and (tok.head.lower_ in ("despite", "under") or (
                tok.head.lower_ in TRUCE_AS_TIME and _definite(tok))):
        return True   # "Israeli strike kills three despite ceasefire": the truce broken, no truce of
        # the day; "the first attack since the ceasefire": a truce made before, a point in time
    if (rec["event_type"], rec["event_mode"]) == ("RETREAT", "ceasefire") and _pos(tok) == "NOUN" \
            and e.carrier is None and _definite(tok) and tok.dep_ in ("nsubj", "nsubjpass") \
            and _lemma(tok.head) in TRUCE_FATE_VERBS:
        return True   # "the truce collapsed on Sunday", "the ceasefire was violated": one agreed before
    return (rec["event_type"], rec["event_mode"]) == ("RETREAT", "ceasefire") and _pos(tok) == "NOUN" \
        and e.carrier is None and _definite(tok) and tok.dep_ == "dobj" and tok.head.pos_ == "VERB"


def _breached(e: "_Ev") -> bool:
    """Whether an event noun names a measure in force that an act breaches ("supplied missiles
    in violation of United Nations sanctions", "in breach of the ceasefire"): the breach is the
    act; the measure was decided before, no act of the day."""
    tok = e.tok
    return _pos(tok) == "NOUN" and e.carrier is None and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
        and _lemma(tok.head.head) in BREACH_NOUNS


# Verbs of what befalls a truce in force ("the truce collapsed", "the ceasefire was violated").
TRUCE_FATE_VERBS = {"collapse", "break", "hold", "fail", "fray", "crumble", "end", "expire", "unravel", "violate",
                    "breach", "shatter", "falter", "survive"}
# Prepositions that make a definite ceasefire after them a point in time ("since the
# ceasefire", "during the truce"), not a truce of the day.
TRUCE_AS_TIME = {"since", "during", "until", "till", "before"}
# Verbs of taking ground, and the words that tell it was taken without a fight.
GROUND_TAKING_VERBS = {"capture", "seize", "take", "enter", "occupy", "overrun", "retake", "recapture"}
UNOPPOSED_NOUNS = {"fight", "fighting", "resistance", "shot", "bloodshed", "battle", "clash", "clashes",
                   "opposition", "violence", "combat"}
UNOPPOSED_ADVERBS = {"unopposed", "peacefully", "unchallenged", "uncontested"}


def _unopposed(tok: Token) -> bool:
    """Whether a verb of taking ground says it met no fight ("without a fight", "without
    firing a shot", "unopposed", "peacefully")."""
    for c in tok.children:
        if c.lower_ in UNOPPOSED_ADVERBS:
            return True
        if c.dep_ == "prep" and c.lower_ == "without" and any(
                _lemma(g) in UNOPPOSED_NOUNS or (g.dep_ == "pcomp" and any(_lemma(x) in UNOPPOSED_NOUNS for x in g.subtree))
                for g in c.children):
            return True
    return False


# Verbs that make a protest a formal complaint ("lodged a protest with the embassy").
LODGING_VERBS = {"lodge", "register", "file", "convey", "send", "submit"}
# Nouns of breaking a measure in force ("in violation of the sanctions").
BREACH_NOUNS = {"violation", "breach", "defiance", "contravention", "infringement"}


def _described(e: "_Ev") -> bool:
    """Whether a definite event noun is only the subject of a description ("The fighting is
    the worst since 2022", "The attack was the deadliest this year"), or an event noun says
    what "this" was ("This is another attack on our grid"): it names an act the article told
    before, and the sentence's dates belong to the comparison, not to the act."""
    tok = e.tok
    if _pos(tok) == "NOUN" and e.carrier is None and tok.dep_ == "attr" and _lemma(tok.head) == "be" and any(
            c.dep_ == "nsubj" and c.lower_ in ("this", "it", "that") for c in tok.head.children):
        return True   # "This is another massive attack on our energy system"
    if _pos(tok) != "NOUN" or e.carrier is not None or tok.dep_ != "nsubj" or not _definite(tok):
        return False
    # ("the attack showed that Moscow did not want peace"; "The attack set off days of
    # sectarian fighting": what the act told brought about)
    # ("The killings followed an ambush by ...": the act told, placed in time by another)
    return _lemma(tok.head) in DESCRIBING_VERBS or _lemma(tok.head) in CAUSE_VERBS \
        or _lemma(tok.head) in ("follow", "precede") or (
        _lemma(tok.head) == "set" and any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.head.children))


# Words whose possessive names an act by its day ("Monday's attack", "yesterday's bombing").
DAY_POSSESSORS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                  "today", "tonight"}


def _named_by_its_day(e: "_Ev") -> bool:
    """Whether an event noun is named by the day it happened ("did not comment on Monday's
    attack", "Sunday's bombing was the third this month"): an act the article has told, once
    one of its kind is told, named again."""
    tok = e.tok
    return _pos(tok) == "NOUN" and e.carrier is None and any(
        c.dep_ == "poss" and c.lower_ in DAY_POSSESSORS for c in tok.children)


def _object_again(e: "_Ev", coded: list) -> bool:
    """Whether a definite event noun is the object of a verb that tells no act of its own ("later
    tied the attack to the US decision", "is investigating the bombing"): the act told before,
    named again."""
    tok = e.tok
    # (nor one that only speaks of it: "Hamas praised the attack", "the ministry condemned the
    # strikes")
    return _pos(tok) == "NOUN" and e.carrier is None and tok.dep_ == "dobj" and _definite(tok) \
        and _pos(tok.head) == "VERB" and not any(tok.head.i in x.heads and r.get("quad_class") not in VERBAL_QUADS
                                                 for x, r, _d in coded)


# Verbs whose passive names the suspected doer of an act told before ("X were suspected").
SUSPECT_VERBS = WORDS["suspect"]


def _claim_of_earlier(sent, coded: list, actor_at: dict) -> tuple[dict, dict | None] | None:
    """(claimant mention, the event record that only names the earlier act again, or None) when
    the sentence claims an act told before: "Al Shabaab claimed responsibility", "Boko Haram
    claimed responsibility for the attack", "IS claimed the bombing". None otherwise, and for a
    claim of an act the sentence tells itself ("claimed responsibility for an attack on X")."""
    heads = {i: rec for e, rec, _r in coded for i in e.heads}
    for tok in sent:
        if tok.pos_ == "VERB" and _lemma(tok) in SUSPECT_VERBS and any(c.dep_ == "auxpass" for c in tok.children) \
                and not any(c.dep_ == "neg" for c in tok.children) and not coded:
            # "CODECO militiamen were suspected", "JNIM is suspected of planting the device":
            # the suspected doer of the act told before
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            suspect = _actor_of(subj, actor_at) if subj is not None else None
            if suspect is not None and suspect["actor"]["sector_code"] not in (None, *UNNAMED_DOERS):
                return suspect, None
            continue
        if tok.pos_ != "VERB" or _lemma(tok) != "claim":
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            return None
        agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if agent is not None and any(c.dep_ == "auxpass" for c in tok.children):
            # "killed in the ambush, which was later claimed by ISSP": the act named is the
            # relative clause's noun, or the passive's subject ("The attack was claimed by IS")
            act = tok.head if tok.dep_ == "relcl" else next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            claimant = _actor_of(agent, actor_at)
            if claimant is None or act is None or not (_definite(act) or tok.dep_ == "relcl"):
                return None
            return claimant, heads.get(act.i)
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        act = None
        if objs and objs[0].lower_ in CLAIM_NOUNS:
            acts = [g for c in objs[0].children if c.dep_ == "prep" and c.lower_ == "for"
                    for g in c.children if g.dep_ == "pobj"]
            act = acts[0] if acts else None
        elif objs and objs[0].i in heads:
            act = objs[0]
        else:
            continue
        definite = act is not None and _definite(act)
        if act is not None and not (act.i in heads and definite):
            return None
        s = _source_token(tok)
        if s is None:
            # "IS claimed the attack": the name taken for the auxiliary "is"
            s = next((c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.i in actor_at and c.text.isupper()), None)
        claimant = _actor_of(s, actor_at) if s is not None else None
        if claimant is None:
            return None
        return claimant, (heads[act.i] if act is not None else None)
    return None


def _host_of(coded: list, sent) -> _Host | None:
    """The event of a sentence that a following consequence sentence continues: the assault
    that happened (one that already has a toll first), else a protest, else an arson or other
    destruction ("set fire to a bus. No one was injured."); None without one."""
    real = [rec for _e, rec, _r in coded if not rec["is_negated"] and not rec["is_hypothetical"]]
    for kind in ("ASSAULT", "PROTEST", "destroy"):
        cands = [r for r in real if r["event_type"] == kind or (kind == "destroy" and (
            r["event_type"], r["event_mode"]) == ("COERCE", "destroy"))]
        if cands:
            best = next((r for r in cands if r["fatalities"] is not None or r["injured_count"] is not None), cands[0])
            return _Host(best, sent.start_char, [r for r in real if r["event_type"] == "ASSAULT"], real)
    return None


# Date expressions that name a day without the publication date (see pipeline/dates.py).
FULL_DATE_KINDS = {"iso", "dmy", "mdy"}
# ... and those that name a span of such days ("20-21 February 2027", "the night of 3 to 4 March"),
# which a part of a day ("overnight") or a weekday in the sentence does not overrule either.
SPAN_KINDS = {"night", "range"}


def _event_date(sent, e: _Ev, dates: list[tuple[int, int, str]],
                published_date: dt.date | None, anchor: dt.date | None = None,
                triggers: set[int] = frozenset(), told_last: dt.date | None = None) -> ResolvedDate | None:
    """The resolved date expression of an event, or None for the publication date.

    The nearest date attached to the event's own clause wins, even a background one
    ("attacked the city since 2014" is a long-running state, so the caller leaves it out);
    otherwise the nearest date of the sentence, skipping background phrases that belong to
    another clause ("launched an operation ..., marking the first time since 2013 that ...").
    """
    def resolve(start: int, end: int, kind: str, day: dt.date | None) -> ResolvedDate:
        if kind == "wd" and _weekday_to_come(sent, start, end):
            # "the union said it would hold a strike on Friday": the coming Friday
            got = resolve_expression(sent.text[start:end], kind, published_date, day)
            base = published_date or day   # (the coming day from now, whatever day the story told last)
            if got.date is not None and base is not None and got.date < base:
                got = got._replace(date=got.date + dt.timedelta(days=7))
            return got
        if kind == "inmon" and e.rule.event_type in STATEMENT_TYPES and published_date is not None \
                and _said_now(e.carrier if e.carrier is not None else e.tok):
            # "has promised elections in December" (in May): the month of what is promised,
            # still to come, not last December (nor is a stand taken on it: "elections in
            # December, which the opposition has rejected")
            got = resolve_expression(sent.text[start:end], kind, published_date, day)
            if got.date is not None and (got.date.year, got.date.month) < (published_date.year, published_date.month):
                got = got._replace(date=got.date.replace(year=got.date.year + 1))
            return got
        if kind != "that":
            return resolve_expression(sent.text[start:end], kind, published_date, day)
        # "that month", "later that day": the period of the date told last, earlier in this
        # sentence or before it, not of the story's day
        base = told_last
        prior = [d for d in dates if d[0] < start and d[2] not in ("since", "background", "that")]
        if prior:
            base = resolve_expression(sent.text[prior[-1][0]:prior[-1][1]], prior[-1][2], published_date, day).date \
                or base
        return resolve_expression(sent.text[start:end], kind, published_date, base)

    year = _year_of_noun(e.tok)
    remembered = _remembered_act(e)
    if remembered is not None and (remembered == "" or published_date is None or int(remembered) < published_date.year):
        # "the anniversary of the 1995 massacre, in which forces killed 8,000", "two years after
        # soldiers shot dead 12 miners": an act of long ago the day's news recalls
        return ResolvedDate(None, "unknown", remembered or "anniversary", True)
    if year is not None and published_date is not None and year < published_date.year:
        # "wanted for the 2009 abduction of two nurses", "since the 2019 ceasefire": an act of an
        # earlier year named by it, told as background to the day's news
        return ResolvedDate(None, "unknown", str(year), True)
    if e.rule.event_type in VIOLENT_TYPES and _since_then(e.carrier if e.carrier is not None else e.tok):
        return ResolvedDate(None, "unknown", "since", True)   # (not "has since been charged", one act)
    if e.rule.event_type in VIOLENT_TYPES and _undated_since_clause(sent, e, dates):
        return ResolvedDate(None, "unknown", "since", True)
    if e.rule.event_type in VIOLENT_TYPES and _lasted(e.carrier if e.carrier is not None else e.tok):
        return ResolvedDate(None, "unknown", "for", True)
    # ("the deadliest attack on the troops since the start of the war": a
    # comparison's "since", no background of the act)
    dates = [d for d in dates if not (d[2] == "since" and sent.text[d[0]:d[1]].lower().startswith("since the ")
                                      and _comparison_since(sent, d, e))]
    # a day still to come dates only the act it hangs from ("unions called a general strike
    # for Friday, and police fired tear gas": neither the call nor the tear gas is Friday's)
    # (nor a statement's, whose content it dates: "demanded a vote by Friday" was demanded now)
    dates = [d for d in dates if not (_to_come(resolve(*d, anchor), published_date) and not _under_since(sent, d, e)
                                      and (not _date_in_clause(sent, d, e, through_xcomp=True)
                                           or e.rule.event_type in STATEMENT_TYPES))]
    trig_char = sent.doc[e.span[0]].idx - sent.start_char
    near = sorted(dates, key=lambda d: abs(d[0] - trig_char))
    full = next((d for d in dates if d[2] in FULL_DATE_KINDS), None)
    if full is not None:
        # "On 13 May 2027, al-Shabaab withdrew ...; government forces took control the next
        # day": the sentence's own full date is the day its relative dates count from
        day = resolve(full[0], full[1], full[2], anchor)
        anchor = day.date if day.precision == "day" and day.date is not None else anchor
    counted = _counted_from(sent, e, dates, published_date, anchor)
    if counted is not None:
        return counted
    when = _when_of_date(sent, e, dates, published_date, anchor)
    if when is not None:
        return when
    if any(d[2] in FULL_DATE_KINDS | SPAN_KINDS for d in near):
        # "On 4 October 2023, herders killed 10 villagers in an overnight attack": a part of a
        # day says when on the day the sentence dates, not which day counted from publication;
        # so does a weekday ("On 14 April 2024, gunmen attacked a church during Sunday mass")
        near = [d for d in near if d[2] not in ("rel", "wd", "wdfor", "wdnext")] or near
    # "Around 10 March 2027 (between 8 and 10 March)": the coder's day before the span it hedges
    if full is not None:
        near.sort(key=lambda d: d[2] == "range")
    own = [d for d in near if _date_in_clause(sent, d, e) or _dates_the_acts_period(sent, d, e)]
    if own:
        res = resolve(*own[0], anchor)
        if res.precision in ("month", "year") and _under_since(sent, own[0], e):
            # "has stepped up air attacks since seizing power in February 2021": a month or
            # year says since when a state has lasted, so the act is background like "since
            # 2014" ("shelling since Friday" is days of this story, and stays)
            return ResolvedDate(None, "unknown", res.text, True)
        return res
    verb = e.carrier if e.carrier is not None else e.tok
    if verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "been" for c in verb.children) \
            and _present_perfect(verb):
        # "has been battling groups linked to Al-Qaeda since 2015", however the parser hangs
        # the "since": a state lasting till now, like "since 2014" said of the verb itself
        for start, end, kind in near:
            if kind == "since":   # not "in the 1990s" of some noun ("has ordered ... sales in the 1990s")
                return resolve(start, end, kind, anchor)
    for start, end, kind in near:
        if _in_relative_clause(sent, (start, end, kind), e):
            continue   # "denied targeting civilians in the war, which it launched in February 2022"
        if _in_other_complement(sent, (start, end, kind), e):
            continue   # "defended the ban, saying the group had damaged aircraft in June"
        if _dates_a_noun(sent, (start, end), e, triggers):
            continue   # "demonstrations over last month's disputed election": the election's month
        res = resolve(start, end, kind, anchor)
        if res.precision in ("month", "year") and _under_since(sent, (start, end, kind), e):
            return ResolvedDate(None, "unknown", res.text, True)   # as above
        if not res.is_background:
            return res
        if _same_clause(sent, (start, end), e):
            return res   # "in which dozens were killed in clashes since 2021": a span, not a day
    return None


# Words of a time span that, counted before "after", put the act of the clause long before
# the day ("two years after", "a decade after"; months may still be the story's own time).
LONG_SPAN_UNITS = {"year", "years", "decade", "decades"}


def _remembered_act(e: "_Ev") -> str | None:
    """The year (as text, "" when unknown) of an act told only as what the day's news
    recalls, or None: a relative clause on a noun named by its year or remembered on an
    anniversary ("the 1995 massacre, in which forces killed 8,000", "the anniversary of the
    genocide, in which ..."), or a clause "years after" which the news happens ("Two years after
    soldiers shot dead 12 miners, families held a vigil")."""
    t = _clause_head(e.carrier if e.carrier is not None else e.tok)
    while t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "relcl" and _pos(t.head) == "NOUN":
        noun = t.head
        year = _year_of_noun(noun)
        if year is not None:
            return str(year)
        up = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
        if up is not None and _lemma(up) == "anniversary":
            return ""
    if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in t.children):
        mark = next(c for c in t.children if c.dep_ == "mark" and c.lower_ == "after")
        if any(g.lower_ in LONG_SPAN_UNITS for g in mark.children) or any(
                c.dep_ == "npadvmod" and c.lower_ in LONG_SPAN_UNITS for c in t.children):
            return ""
    return None


def _year_of_noun(tok: Token) -> int | None:
    """The year an event noun is named by ("the 2009 abduction", "the 2019 ceasefire",
    "the 2008 Mumbai attacks"), None when it has none."""
    if _pos(tok) != "NOUN":
        return None
    for c in tok.children:
        if c.dep_ in ("nummod", "compound", "amod", "npadvmod") and c.i < tok.i and re.fullmatch(r"(?:19|20)\d\d", c.text):
            return int(c.text)
    return None


def _dates_a_noun(sent, date: tuple, e: _Ev, triggers: set[int] = frozenset()) -> bool:
    """Whether a date expression is a modifier of a noun other than the event's ("last month's
    election", "the 2020 vote"), or hangs after another event's noun (`triggers`: "burned tyres
    to protest the killing of a taxi driver the previous night"): it says when that was, not
    when the act was."""
    span = sent.doc.char_span(sent.start_char + date[0], sent.start_char + date[1], alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "npadvmod" and root.head.i in triggers and root.head.i not in e.heads \
            and root.head.pos_ == "NOUN":
        return True
    if root.dep_ == "prep" and root.lower_ == "of":
        # "the implementation of a 2023 collective bargaining agreement": the agreement's year
        # (not "in the 1967 war", the time of the act)
        root = next((t for t in span if t.like_num), root)
    if root.dep_ in ("poss", "compound", "nummod") and _during_the_act(root.head, e):
        return False   # "the killing of a politician during last year's campaign": the act's time
    return root.dep_ in ("poss", "compound", "nummod") and root.head.i not in e.heads \
        and root.head.pos_ in ("NOUN", "PROPN") and root.head.i >= span.end


def _dates_the_acts_period(sent, date: tuple, e: _Ev) -> bool:
    """Whether a date modifies the period the act happened during ("during last year's
    election campaign")."""
    span = sent.doc.char_span(sent.start_char + date[0], sent.start_char + date[1], alignment_mode="expand")
    if span is not None and date[2] == "wd" and span.root.dep_ == "compound" and span.root.head.dep_ == "pobj" \
            and span.root.head.head.lower_ in ("after", "following", "at") and span.root.head.head.head.i in e.heads:
        return True   # "fired tear gas at worshippers after Friday prayers": that Friday
    return span is not None and span.root.dep_ in ("poss", "compound", "nummod", "amod") \
        and _during_the_act(span.root.head, e)


def _during_the_act(noun: Token, e: _Ev) -> bool:
    """Whether a noun is the object of "during" hung on the event itself ("killed during last
    year's campaign"): a time the act happened in, not another thing's date."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "during":
        return False
    if prep.head.i in e.heads:
        return True
    # ("attacked worshippers during Friday prayers, killing 12": the result told by a
    # participle with no subject of its own happened in its verb's time)
    verb = _clause_head(e.carrier if e.carrier is not None else e.tok)
    while verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and verb.head.i != verb.i \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        verb = verb.head
        if prep.head.i == verb.i:
            return True
    return False


def _same_clause(sent, date: tuple, e: _Ev) -> bool:
    """Whether a date expression modifies the verb of the event's clause itself (not a noun in
    it: "the first time since 2016")."""
    span = sent.doc.char_span(sent.start_char + date[0], sent.start_char + date[1], alignment_mode="expand")
    verb = _clause_head(e.carrier if e.carrier is not None else e.tok)
    if span is None:
        return False
    if span.root.head.i == verb.i:
        return True
    # "have carried out hundreds of attacks since 2015, killing thousands": a participle with no
    # subject of its own tells the result of its verb, over the same time
    while verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and verb.head.i != verb.i \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        verb = verb.head
        if span.root.head.i == verb.i:
            return True
    return False


def _when_of_date(sent, e: _Ev, dates: list[tuple[int, int, str]], published_date: dt.date | None,
                  anchor: dt.date | None) -> ResolvedDate | None:
    """The date a "when" clause describing a date gives the act it tells ("the deadliest attack
    since October, when twin car bombs killed 121 people": the bombing was in October): the
    month or day of that date, even after "since", whose span the clause does not describe."""
    verb = e.carrier if e.carrier is not None else e.tok
    if verb.dep_ not in ("relcl", "advcl") or not any(c.lower_ == "when" for c in verb.children):
        return None
    doc = sent.doc
    for start, end, kind in dates:
        span = doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
        if span is None or not (span.start <= verb.head.i < span.end):
            continue
        tries = [(sent.text[start:end], kind)]
        if kind == "since":   # "since October", "since November 2024", "since 2019": the month or year itself
            bare = re.sub(r"^\s*since\s+", "", sent.text[start:end], flags=re.I)
            tries = [(bare, "my"), ("in " + bare, "inmon"), ("in " + bare, "year")]
        for text, k in tries:
            res = resolve_expression(text, k, published_date, anchor)
            if res.date is not None and not res.is_background:
                return res
        return None
    return None


# "a day after", "two days before", "a week after": how many days (or weeks) lie between the
# sentence's act and the act told after the phrase (see `_counted_from`).
COUNTED_DAYS = re.compile(r"^(?P<n>a|one|two|three|four|five|six|seven|\d)\s+(?P<unit>days?|weeks?)\s+(?P<way>after|before)$",
                          re.I)


# A relative date that looks back from the story's day ("a day earlier", "the day before").
LOOKING_BACK = re.compile(r"\b(?:earlier|before|previous|prior)\b", re.I)


def _counted_back(res: ResolvedDate) -> bool:
    """Whether a date was counted back to an act the story tells as what came before ("a day
    after the government suspended talks", "a drone attack a day earlier"): the story's own
    day does not move to it."""
    m = COUNTED_DAYS.match(res.text or "")
    return (m is not None and m["way"].lower() == "after") or bool(LOOKING_BACK.search(res.text or ""))


def _counted_from(sent, e: _Ev, dates: list[tuple[int, int, str]], published_date: dt.date | None,
                  anchor: dt.date | None) -> ResolvedDate | None:
    """The date of an act told inside "a day after ..." or "two days before ..." ("militants
    killed eight on Tuesday, a day after an attack on a police post killed three officers":
    the attack was on Monday): the sentence's own day counted back or forward. None when the
    event is not inside such a phrase or the sentence gives no day to count from."""
    doc = sent.doc
    for start, end, kind in dates:
        m = COUNTED_DAYS.match(sent.text[start:end])
        if kind != "after" or m is None:
            continue
        prep = doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
        if prep is None:
            continue
        prep = prep[-1]
        inside = e.tok.i > prep.i and prep.is_ancestor(e.tok)
        # "..., a day after an attack on a police post killed three officers", parsed with
        # the phrase hanging on "killed", which then has no subject of its own
        misparsed = e.tok.i > prep.i and prep.head.head.i == e.tok.i and prep.head.dep_ == "npadvmod" \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in e.tok.children)
        # "The attack came a day after the government suspended talks": the clause "after" marks
        # (and an act inside that clause: "... declared an armed strike, ordering residents ...")
        marked = prep.dep_ == "mark" and (prep.head.i == e.tok.i or prep.head.is_ancestor(e.tok))
        if not (inside or misparsed or marked):
            continue
        n = DAY_COUNTS.get(m["n"].lower(), int(m["n"]) if m["n"].isdigit() else 1)
        n *= 7 if m["unit"].lower().startswith("week") else 1   # ("a week after the presidents signed a deal")
        shift = dt.timedelta(days=-n if m["way"].lower() == "after" else n)
        for s2, e2, k2 in sorted(dates, key=lambda d: abs(d[0] - start)):
            if k2 in ("after", "since", "background"):
                continue
            day = resolve_expression(sent.text[s2:e2], k2, published_date, anchor)
            if day.precision == "day" and day.date is not None:
                return ResolvedDate(day.date + shift, "day", sent.text[start:end])
        main = prep.head.head if marked else e.tok.head
        base = anchor if anchor is not None else published_date
        if marked and base is not None and _lemma(main) in OCCURRENCE_VERBS and any(
                c.dep_ == "nsubj" and _definite(c) for c in main.children):
            # "The attack came a day after ...": counted from the day of the act told before
            # (the publication's, as that act took it, when the story gave it no day)
            return ResolvedDate(base + shift, "day", sent.text[start:end])
        return None
    return None


def _lasted(verb: Token) -> bool:
    """Whether an act is told in the present perfect as lasting a stretch of years or months
    ("has fought Somalia's government for more than 15 years", "have clashed for decades"): a
    long-running state, as "have been fighting for five decades" is, not an act of a day."""
    if _pos(verb) != "VERB" or not _present_perfect(verb):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.dep_ == "pobj" and g.lower_ in LASTING_UNITS for g in c.children) for c in verb.children)


# Units of time a present perfect act lasting them is long-running in ("for 15 years").
LASTING_UNITS = {"years", "decades", "months", "weeks", "centuries", "generations"}


def _since_then(verb: Token) -> bool:
    """Whether an act is told as going on since a time told before ("and has since carried out
    drone strikes that rights groups say have killed hundreds"): a verb in the present perfect
    with the adverb "since", or a clause describing what such a verb acts on. It is a lasting
    state, as "since 2014" is, not an act of a day."""
    t = verb
    for _ in range(4):
        if _pos(t) == "VERB" and _present_perfect(t) and any(c.dep_ == "advmod" and c.lower_ == "since"
                                                            for c in t.children):
            return True
        if t.dep_ not in ("relcl", "dobj", "ccomp") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _comparison_since(sent, date: tuple, e: _Ev) -> bool:
    """Whether a "since" phrase belongs to a superlative noun ("the deadliest attack since the
    start of the war", "the worst violence since 2014"): what the act is compared with."""
    span = sent.doc.char_span(sent.start_char + date[0], sent.start_char + date[1], alignment_mode="expand")
    if span is None:
        return False
    # (however the parser hangs the "since": a superlative shortly before it, with no verb
    # between, is what it compares)
    for t in reversed(sent.doc[max(sent.start, span.start - 10):span.start]):
        if t.tag_ in FINITE_TAGS or t.tag_ == "VBG":
            return False
        if t.tag_ == "JJS" or (t.lower_ == "most" and t.head.tag_ == "JJ"):
            return True
    return False


def _undated_since_clause(sent, e: _Ev, dates: list[tuple[int, int, str]]) -> bool:
    """Whether an act is only the starting point a "since" clause gives another act, with no
    date of its own ("the first time a member has fired on Russian assets since the war
    began", "have fled since fighting broke out"): told as where a span of time starts, it is
    background, like "since 2014". A dated clause ("since rebels seized the town on Monday")
    still tells an act of its day."""
    t = e.carrier if e.carrier is not None else e.tok
    for _ in range(6):
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in t.children):
            lo, hi = t.left_edge.idx - sent.start_char, t.right_edge.idx + len(t.right_edge) - sent.start_char
            return not any(lo <= start < hi for start, _end, _kind in dates)
        if t.dep_ not in ("conj", "xcomp", "aux") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _under_since(sent, date: tuple, e: _Ev) -> bool:
    """Whether a date expression lies in a "since" phrase or clause of an act told in the
    present perfect ("has stepped up air attacks since seizing power in February 2021")."""
    span = sent.doc.char_span(sent.start_char + date[0], sent.start_char + date[1], alignment_mode="expand")
    verb = e.carrier if e.carrier is not None else e.tok
    if span is None or not (_pos(verb) == "VERB" and _present_perfect(verb)):
        return False   # a state lasting till now is told in the present perfect ("has stepped up")
    doc = sent.doc
    t = span.root
    for _ in range(10):
        if t.i in e.heads or t.head.i == t.i:
            return False
        if (t.lower_ == "since" and t.dep_ in ("prep", "mark")) or \
                any(c.dep_ == "mark" and c.lower_ == "since" for c in t.children):
            # the "since" phrase, or the clause "since" opens: said of a verb ("has patrolled
            # since ..."), not of a comparison ("the deadliest violence since ..."), and not
            # holding the act ("since August 2015, when they retreated")
            return _pos(t.head) in ("VERB", "AUX") and not any(t.is_ancestor(doc[i]) for i in e.heads)
        t = t.head
    return False


def _in_relative_clause(sent, date: tuple, e: _Ev) -> bool:
    """Whether a date expression lies in a relative clause that the trigger is not in: it dates
    the act of that clause, which describes a noun of the sentence (as does a participle the
    parser made a clause: see `_reduced_relative`). So does a clause opened by "since" ("the
    deepest advance since they resumed fighting in late 2021": not the advance's date)."""
    span = sent.doc.char_span(sent.start_char + date[0], sent.start_char + date[1], alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(12):
        if t.dep_ == "relcl" or _reduced_relative(t) \
                or (t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in t.children)) \
                or (t.dep_ == "acl" and t.tag_ == "VBN" and t.head.dep_ in ("dobj", "nsubjpass", "pobj")
                    and t.head.pos_ in ("NOUN", "PROPN")
                    and any(c.dep_ == "prep" and c.lower_ in ("of", "for", "over", "with", "to") for c in t.children)):
            # (and a participle's clause telling what someone the act is done to did or is held
            # for: "executed a man convicted of killing a police officer during protests in
            # 2022", "arrested three men suspected of attacking a bank in May", "to retake
            # areas lost to the militia last month"; not "the bodies
            # of 12 people killed on Monday", the day of what was found)
            return not any(t.is_ancestor(sent.doc[i]) or t.i == i for i in e.heads)
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _in_other_complement(sent, date: tuple, e: _Ev) -> bool:
    """Whether a date lies in the clause a participle of saying reports, which the event is not
    part of ("defended the ban, saying the group had damaged aircraft in June": June dates the
    damage, not the defence)."""
    span = sent.doc.char_span(sent.start_char + date[0], sent.start_char + date[1], alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(12):
        if t.i in e.heads or t.head.i == t.i:
            return False
        if t.dep_ == "ccomp" and _pos(t) in ("VERB", "AUX") and t.head.tag_ == "VBG" \
                and t.head.dep_ in ("advcl", "conj") and t.head.i not in e.heads:
            # (the clause a participle of saying reports, beside the event's own clause)
            return not any(h in (x.i for x in t.subtree) for h in e.heads)
        t = t.head
    return False


def _date_in_clause(sent, date: tuple, e: _Ev, through_xcomp: bool = False) -> bool:
    """Whether a date expression (sentence character offsets) hangs from the event's trigger or
    support verb without another verb or noun in between (or, with `through_xcomp`, from the
    verb that governs it: "On Tuesday next week, the sides are expected to resume talks")."""
    span = sent.doc.char_span(sent.start_char + date[0], sent.start_char + date[1], alignment_mode="expand")
    if span is None:
        return False
    verb = e.carrier if e.carrier is not None else e.tok
    if through_xcomp and span.root.head.i == verb.head.i and (verb.dep_ == "xcomp" or _to_clause(verb)):
        return True   # (and "is expected to rule on Sunday whether to arrest him")
    t = span.root
    for _ in range(10):
        if t.i in e.heads:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
        # another verb, or a noun phrase of its own ("..., the first time since 2016 that ...")
        if t.pos_ in ("VERB", "AUX", "NOUN") and t.i not in e.heads:
            return False
    return False


def _token_map(doc: Doc, mentions: list[dict]) -> dict[int, dict]:
    m: dict[int, dict] = {}
    for men in mentions:
        span = doc.char_span(men["start"], men["end"], alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            m.setdefault(t.i, men)
    return m


def _rules_of(tok: Token, pos: str, lex: EventLexicon) -> list[TriggerRule] | None:
    """The rows of event_triggers.csv for a word, by its first lemma that has any."""
    return next((lex.rules[(w, pos)] for w in _lemmas(tok) if (w, pos) in lex.rules), None)


def _ruled_out(tok: Token, lex: EventLexicon, sent_words: set[str]) -> bool:
    """Whether a verb's own row of event_triggers.csv says it tells no event here (a "-" row
    whose condition holds: "a stampede that killed 11"), as opposed to no row at all. The rows
    are read as the trigger finder reads them for a doer of no known sector."""
    rules = _rules_of(tok, "VERB", lex) if tok.pos_ == "VERB" else None
    row = _first_row(tok, rules, sent_words, None) if rules else None
    return row is not None and row.event_type == NO_EVENT


def _first_row(tok: Token, rules: list[TriggerRule], sent_words: set[str],
               source_sector: str | None, clause_words: frozenset[str] = frozenset()) -> TriggerRule | None:
    """The first of a word's rows whose conditions hold (a "-" row included), or None. For a
    noun a support verb carries, a row its own neighbours satisfy comes before one only the
    verb's clause does ("workers in several Iranian cities went on strike": "on strike" after
    "went" is a stoppage, whatever demonym the subject holds)."""
    if clause_words and _pos(tok) == "NOUN":
        own = _first_row(tok, [r for r in rules if r.context and not r.armed_source], sent_words, source_sector)
        if own is not None:
            return own
    for r in rules:
        if r.with_ and not _with_ok(tok, r.with_, aimed=r.event_type != NO_EVENT):
            continue
        cond_ctx = _context_ok(tok, r.context, sent_words, clause_words) if r.context else None
        cond_arm = (source_sector is not None and source_sector not in ARMED_SECTORS | {"CRM", BARE_STATE}) \
            if r.armed_source == "unarmed" else \
            (source_sector in (ARMED_SECTORS | {BARE_STATE} if r.armed_source == "any" else NON_STATE_ARMED_SECTORS)) \
            if r.armed_source else None
        conds = [c for c in (cond_ctx, cond_arm) if c is not None]
        if conds and not any(conds):
            continue
        return r
    return None


def _match_rule(tok: Token, rules: list[TriggerRule], sent_words: set[str],
                source_sector: str | None, clause_words: frozenset[str] = frozenset()) -> TriggerRule | None:
    """The row that reads a word as an event, or None (no row holds, or a "-" row says none)."""
    r = _first_row(tok, rules, sent_words, source_sector, clause_words)
    return None if r is None or r.event_type == NO_EVENT else r


def _merged_rule(part: TriggerRule, whole: TriggerRule) -> TriggerRule:
    """The reading of an event told by two triggers, one part of the other ("a grenade
    attack", "killed 8 in an ambush"): the whole's, unless only the part says how, as a reading
    of the same type."""
    if part.event_mode and not whole.event_mode and part.event_type == whole.event_type:
        return part
    return whole


# event_type of a trigger row whose reading is no event ("released a video"): it stops the
# rows below it, the word's default readings, from applying.
NO_EVENT = "-"


# Verbs whose subject is the one harmed ("five people died in clashes"), never the doer.
VICTIM_SUBJECT_VERBS = WORDS["victim_subject"]


def _doerless(verb: Token) -> bool:
    """Whether a verb's clause names no doer: a passive without a "by" agent (or a participle
    describing a noun, see `_reduced_relative`), or a verb whose subject suffered the act
    ("died")."""
    if _lemma(verb) in VICTIM_SUBJECT_VERBS:
        return True
    if _reduced_relative(verb) and not any(c.dep_ == "agent" for c in verb.children):
        return True   # "the ceasefire agreed in Doha", parsed as a clause
    return _passive(verb) and not any(c.dep_ == "agent" for c in verb.children)


def _predicate_less(noun: Token) -> bool:
    """Whether a noun heads a clause with no finite verb of its own: the sentence's root (a
    headline, "5 soldiers killed"), or the subject of a bare "-ing" root ("thousands of students
    protested in Dhaka (Dhaka, Dhaka) demanding justice", where a bracket led the parser to
    take "demanding" for the main verb). A participle describing such a noun is its predicate."""
    if noun.dep_ == "ROOT":
        return True
    root = noun.head
    return noun.dep_ == "nsubj" and root.dep_ == "ROOT" and root.tag_ == "VBG" \
        and not any(c.dep_ in ("aux", "auxpass") for c in root.children)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


# Road, rail, air and water accidents and collapses (events_words.csv): the harm they cause
# is no political violence.
ACCIDENT_VERBS = WORDS["accident_verb"]
IMPACT_VERBS = WORDS["impact_verb"]
VEHICLE_WORDS = WORDS["vehicle"]
HAZARD_WORDS = WORDS["hazard"]
HARM_VERBS = WORDS["accident_harm"]
# Words in the telling of a crash or collapse that make it an attack ("their vehicle struck a
# landmine", "a building collapsed after an air strike", "a drone crashed into a block").
ATTACK_CAUSE_WORDS = WORDS["weapon_object"] | WORDS["mine"] | WORDS["attack_cause"]


def _noun_read_as_verb(tok: Token) -> bool:
    """Whether a present-tense "verb" after a comma, joined to a past main verb with no subject
    of its own, is a plural noun the parser misread ("was detained over allegations of graft,
    charges his supporters say are politically motivated"): the allegations named again."""
    return tok.tag_ == "VBZ" and tok.dep_ == "conj" and tok.head.tag_ in ("VBD", "VBN") and tok.i > 0 \
        and tok.doc[tok.i - 1].text == "," and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "cc")
                                                        for c in tok.children)


def _accident(tok: Token) -> bool:
    """Whether a killing or injuring verb tells the toll of an accident or a natural hazard:
    "killed when a bus plunged into a gorge", "a train derailed, killing 30 passengers",
    "injured when a truck hit a minibus", "killed when their helicopter crashed", "an
    earthquake struck, killing 12".

    The cause is the clause the harm is told with (a "when" or "after" clause, or the clause
    a "killing" participle hangs on): an accident verb, a hazard as subject, or an impact verb
    whose subject is a vehicle ("a bus fell", not "a rocket fell"), with no weapon or attack in
    its telling. (A hazard or crash that is the harm verb's own subject, "floods killed 34", is
    the `with` column of event_triggers.csv.)"""
    if _pos(tok) != "VERB" or _lemma(tok) not in HARM_VERBS:
        return False
    if _industrial_blast(tok):
        return True
    if tok.dep_ == "conj" and _pos(tok.head) == "VERB" and _lemma(tok.head) in HARM_VERBS \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and _accident(tok.head):
        return True   # "..., killing 12 people and injuring 90"
    # ("killed and 30 injured when a bus fell": the clause is told once for both verbs)
    causes = [c for v in (tok, *tok.conjuncts) for c in v.children if c.dep_ == "advcl" and _pos(c) == "VERB"]
    # ("injured on Wednesday when a pickup struck his car": the clause hung on the day)
    causes += [c for d in tok.children if d.dep_ == "prep" for g in d.children if g.ent_type_ == "DATE"
               for c in g.children if c.dep_ == "relcl" and _pos(c) == "VERB"
               and any(w.lower_ == "when" for w in c.children)]
    if tok.dep_ in ("advcl", "xcomp", "conj") and tok.tag_ == "VBG" and tok.head.i < tok.i and _pos(tok.head) == "VERB":
        causes.append(tok.head)
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and _pos(tok.head) == "NOUN":
        # "A bus overturned near Multan, killing 11": parsed as two clauses of the noun
        causes += [c for c in tok.head.children if c.dep_ == "acl" and c.i < tok.i and _pos(c) == "VERB"]
    own = {t.i for t in tok.subtree}
    # ("died after his car left the road and struck a tree": the second verb of the clause)
    causes += [c for v in list(causes) for c in v.conjuncts if _pos(c) == "VERB" and c.i > v.i]
    for v in causes:
        lemma = _lemma(v)
        # (a vehicle that hits, not one that is hit: "their car was hit in a raid")
        subjects = [c for c in v.children if c.dep_ == "nsubj"] + ([v.head] if v.dep_ == "acl" and v.tag_ != "VBN" else [])
        if not subjects and v.dep_ == "conj":
            subjects = [c for c in v.head.children if c.dep_ == "nsubj"]   # (the subject it shares)
        accidental = lemma in ACCIDENT_VERBS or any(_lemma(x) in HAZARD_WORDS for x in subjects) \
            or any(c.lower_ in ("accidentally", "accidental") for c in v.children) or (
            lemma in IMPACT_VERBS and any(_lemma(x) in VEHICLE_WORDS or x.lower_ in VEHICLE_WORDS for x in subjects))
        # (the cause's telling, less its verb, "struck", and the harm clause hanging on it)
        telling = [t for t in v.subtree if t.i != v.i and (v.i in own or t.i not in own)]
        if accidental and not any(_lemma(t) in ATTACK_CAUSE_WORDS or t.lower_ in ATTACK_CAUSE_WORDS for t in telling):
            return True
    return False


SPORT_WORDS = WORDS["sport"]
# Verbs and nouns of fighting, protest or diplomacy that sport uses for a game ("beat",
# "attacked", "fired ahead", "captured the title", "rallied", "clash", "will meet").
GAME_VERBS = {"beat", "attack", "fire", "shoot", "capture", "storm", "rally", "surrender", "defend", "meet",
              "clash", "crush", "thrash", "hammer", "down", "defeat", "overpower", "sink", "stun", "rout",
              "repel", "strike", "hit", "battle", "fight", "kill", "retreat", "edge", "outclass", "seize", "take",
              "invade", "visit", "host", "meeting", "raid", "assault", "vow", "pledge", "promise", "swear"}
SCORELINE = re.compile(r"(?<![\d/.:-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d/:-])(?!\.\d)")


def _sport_sentence(sent, actor_at: dict) -> bool:
    """Whether a sentence tells a game: a scoreline ("2-1", "6-4") and a word of sport, or two
    words of sport, and no armed actor, the state's forces included, in it ("Police beat fans
    outside the stadium" is news)."""
    words = {t.lower_ for t in sent}
    hits = len(words & SPORT_WORDS)
    scored = SCORELINE.search(sent.text) is not None
    if not (hits >= 2 or (hits and scored) or (scored and _named_sides_play(sent))):
        return False
    return not any(m["actor"].get("sector_code") in ARMED_SECTORS
                   for i in range(sent.start, sent.end) for m in [actor_at.get(i)] if m is not None)


def _named_sides_play(sent) -> bool:
    """Whether a verb of a game has a named side for subject and object ("The Celtics beat the
    Knicks 110-102"): with a scoreline, a game told with no word of sport."""
    return any(_lemma(t) in GAME_VERBS and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in t.children)
               and any(c.dep_ in ("dobj", "npadvmod") and c.pos_ == "PROPN" for c in t.children) for t in sent)


BLAST_NOUNS = {"explosion", "explosions", "blast", "blasts", "fire", "blaze"}
INDUSTRIAL_WORDS = WORDS["industrial"]
# Words that make a blast an attack whatever its site ("a bomb at a factory"; a bare "mine" is
# a pit here: "a methane explosion at a coal mine").
WEAPON_CAUSE_WORDS = (WORDS["weapon_object"] | WORDS["mine"]) - {"mine", "mines"} | {
    "bomb", "bombs", "bomber", "bombing", "attack", "attacks", "suicide", "ied", "grenade", "rocket", "missile",
    "drone", "shell", "shelling", "militants", "gunmen", "airstrike", "strike", "sabotage", "arson"}


def _industrial_blast(tok: Token) -> bool:
    """Whether a harm verb tells the toll of an industrial explosion: its subject, or the noun
    of an "in"/"after" phrase on it, is an explosion, blast or fire at a plant, factory,
    refinery, mill or mine, or of gas or a boiler ("an explosion at a chemical plant killed 12
    workers", "killed in a gas cylinder blast"), and the sentence names no weapon or attack."""
    v = tok
    while v.dep_ in ("advcl", "conj", "xcomp") and v.tag_ == "VBG" and v.head.i != v.i:
        v = v.head   # ("..., killing 12 workers": the clause the participle hangs on)
    blasts = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and _lemma(c) in BLAST_NOUNS]
    blasts += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "after", "during")
               for g in c.children if g.dep_ == "pobj" and _lemma(g) in BLAST_NOUNS]
    return any(_industrial(b) for b in blasts)


def _industrial(blast: Token) -> bool:
    """Whether an explosion, blast or fire noun is an industrial accident's (see _industrial_blast)."""
    sent_words = {w for t in blast.sent for w in (t.lower_, _lemma(t))}
    return any(t.lower_ in INDUSTRIAL_WORDS or _lemma(t) in INDUSTRIAL_WORDS for t in blast.subtree) \
        and not sent_words & WEAPON_CAUSE_WORDS


def _people_participle(tok: Token) -> bool:
    """"The injured were taken to hospital", "among the wounded": a participle with an article
    of its own names the people it befell (an act told elsewhere), not an act."""
    return tok.tag_ in ("VBN", "VBD") and tok.dep_ in NOMINAL_DEPS and any(
        c.dep_ == "det" and c.i < tok.i for c in tok.children)


# Verbs that are acts only with what they act on ("declined the offer", "declined to comment");
# alone, or with a measure, they tell of a change in amount ("prices declined", "the town's
# population declined by 30 a month").
OBJECT_NEEDED = WORDS["object_needed"]
MEASURE_NOUNS = WORDS["measure"]


def _turns_down(verb: Token) -> bool:
    """Whether a verb of OBJECT_NEEDED has a clause or a non-measure object to act on."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp"):
            return True
        if c.dep_ in ("dobj", "nsubjpass") and not c.like_num \
                and c.ent_type_ not in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL") \
                and not any(g.dep_ == "nummod" for g in c.children) and _lemma(c) not in MEASURE_NOUNS:
            return True
    # ("the offer declined by the rebels")
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and _lemma(verb.head) not in MEASURE_NOUNS


# Words of warning that make a threat only when the speaker is the danger: a warning to
# someone, or of what the speaker's side will do ("warned Israel that any attack would be met
# with force", "warned it would retaliate").
FORECAST_WORDS = {"warn", "warning"}


def _forecast(tok: Token, actor_at: dict, lex: EventLexicon) -> bool:
    """Whether a warning only foretells ("the UN warned that the fighting could displace
    thousands", "economists warned of a recession"): it has no addressee, and what it warns of
    is a clause of what will or could be whose subject is a thing, no actor, or a noun that is
    no event of the lexicon."""
    kids = list(tok.children)
    if any(c.dep_ in ("dobj", "dative", "iobj") for c in kids):
        return False
    content = [c for c in kids if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")]
    if content and not any(_told_as_to_come(c) for c in content):
        return False   # ("warned that the new law was a threat": a comment on what is)
    if content:
        subj = [g for c in content for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        return bool(subj) and all(g.pos_ == "NOUN" and not any(t.i in actor_at for t in g.subtree) for g in subj)
    about = [g for c in kids if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return bool(about) and all(g.pos_ == "NOUN" and (_lemma(g), "NOUN") not in lex.rules
                               and not any(t.i in actor_at for t in g.subtree) for g in about)


def _triggers(sent, lex: EventLexicon, actor_at: dict, sent_words: set[str],
              date_toks: set[int] = frozenset()) -> list[_Ev]:
    """Trigger candidates of a sentence, with support-verb phrases folded into one event.

    Tokens of a date expression (`date_toks`) are never triggers, nor is a past participle
    before its noun ("detained colleagues", "wounded soldiers"): it describes the people, it
    does not report an act of this story.
    """
    doc = sent.doc
    found: dict[int, _Ev] = {}
    skip: set[int] = set(date_toks)
    foretold: set[int] = set()
    sport: bool | None = None   # (read once, when a trigger word is met)
    for tok in sent:
        if tok.i in skip:
            continue
        if tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.head.i > tok.i and not _verb_misread(tok):
            continue
        if tok.i > 1 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ \
                and not doc[tok.i - 2].whitespace_ and tok.lower_ in AFFILIATION_PARTICIPLES and tok.head.i > tok.i:
            continue   # "the Iran-backed movement", "a US-brokered truce": whose it is, no act
        if _people_participle(tok) or _accident(tok) or _noun_read_as_verb(tok):
            continue
        if _pos(tok) == "NOUN" and _lemma(tok) in BLAST_NOUNS and _industrial(tok):
            continue   # "an explosion at a chemical plant": an accident, no bombing
        if sport is None:
            sport = _sport_sentence(sent, actor_at)
        if sport and _lemma(tok) in GAME_VERBS and _harm(tok, lex) is None:
            continue   # "Porto beat Benfica 2-1", "stormed back to win the title": a game (not
            # "was shot dead as he walked off a soccer field after a match")
        if _hedge(tok, lex) or _anonymity(tok) or _act_of_noun(tok, lex):
            continue
        # hyphenated event nouns ("sit-in"): the last part heads the compound
        if tok.i + 2 < sent.end and doc[tok.i + 1].text == "-" and _pos(doc[tok.i + 2]) == "NOUN":
            rules = lex.rules.get((f"{tok.lower_}-{doc[tok.i + 2].lower_}", "NOUN"))
            r = _match_rule(doc[tok.i + 2], rules, sent_words, None) if rules else None
            if r:
                found[tok.i + 2] = _Ev(doc[tok.i + 2], r, (tok.i, tok.i + 3), {tok.i + 2})
                skip.update((tok.i + 1, tok.i + 2))
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
        if pos == "VERB" and _lemma(tok) in OBJECT_NEEDED and not _turns_down(tok):
            continue   # "oil prices declined sharply": a fall, nothing turned down
        rules = _rules_of(tok, pos, lex)
        if pos == "VERB" and _lemma(tok) == "take" and _takes_a_town(tok, actor_at):
            rules = lex.rules.get(("capture", "VERB")) or rules   # "M23 rebels took Goma"
        if not rules:
            continue
        src = _source_token(tok)
        carrier = _carrier(tok, lex) if pos == "NOUN" else None
        if src is None and carrier is not None:
            src = _source_token(carrier)   # "the army launched an operation"
        if src is None and pos == "NOUN":   # "farmers' blockades", "the army's offensive"
            src = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
        sector = _source_sector(src, actor_at) if src is not None else None
        if sector is None and src is not None and pos == "NOUN" and _bare_state(src, actor_at):
            sector = BARE_STATE   # "Israel carried out a strike near Damascus": a state has arms
            # (a verb's rows stay with its armed doers: "Tunisia entered a partnership")
        r = _match_rule(tok, rules, sent_words, sector, _clause_words(carrier))
        if r is None:
            continue
        if r.event_type == "THREATEN" and _lemma(tok) in FORECAST_WORDS and _forecast(tok, actor_at, lex):
            # "aid agencies warned that food would run out": a forecast, no threat, and what it
            # foretells is no act of its own
            foretold.update(t.i for c in tok.children if c.dep_ in ("ccomp", "acl", "prep") for t in c.subtree)
            continue
        if pos == "VERB" and _lemma(tok) in lex.speech and _reports_speech(tok) and not _foretells(tok):
            r = lex.speech[_lemma(tok)]   # "authorities are failing ..., a rights group protested"
        # a phrase trigger covers its required dependent ("opened fire", "blew up")
        end = tok.i + 1
        if r.with_:
            for c in tok.children:
                if (c.lower_ in r.with_ or _lemma(c) in r.with_) and c.i > tok.i and c.i - tok.i <= 3 and not (
                        c.dep_ == "prep" and any(d.dep_ == "dobj" and d.i < c.i for d in tok.children)):
                    # (not over the object before a required preposition: "blocked the
                    # marchers from entering" is "blocked", the marchers its target)
                    end = max(end, c.i + 1)
        found[tok.i] = _Ev(tok, r, (tok.i, end), {tok.i})
    for i in foretold & set(found):
        del found[i]
    # a word inside another trigger's phrase is part of it ("exchanged heavy fire" is one event)
    for i, ev in list(found.items()):
        if any(o is not ev and o.span[0] <= i < o.span[1] and o.tok.i != i for o in found.values()):
            del found[i]
    # a trigger noun that only modifies another ("a bombing raid", "a protest march") is part
    # of that event: the head noun's rule, which may read the modifier as its context, stands
    for i, ev in list(found.items()):
        head = ev.tok.head
        if ev.tok.dep_ == "compound" and _pos(ev.tok) == "NOUN" and head.i in found and _pos(head) == "NOUN":
            del found[i]
            h = found[head.i]
            rule = _merged_rule(ev.rule, h.rule)   # "a grenade attack" says how
            found[head.i] = _Ev(h.tok, rule, (min(i, h.span[0]), max(i + 1, h.span[1])), h.heads | {i})

    # fold support verbs into the event noun they carry
    for tok in sent:
        if _pos(tok) != "VERB":
            continue
        nouns = []
        lem = _lookup(tok, lex.support_object)
        if lem and _has_particle(tok, lex.support_object[lem]):
            for c in tok.children:
                if _told_before(lem, c):
                    continue
                if c.dep_ in ("dobj", "nsubjpass", "npadvmod"):
                    # "launched a powerful assault west of X" and "a surprise offensive", parsed
                    # with "west" or "surprise" as the object
                    nouns += [x for x in [c] + [g for g in c.children if g.dep_ in ("compound", "amod")]
                              if x.i in found and _pos(x) == "NOUN"][:1]
                    if c.i not in found and (c.like_num or any(n.dep_ == "nummod" for n in c.children)
                                             or _lemma(c) in SERIES_NOUNS):
                        # "delivered 2,000 tonnes of food aid": the measure's "of" names the noun
                        # (and "carried out a series of attacks": the run of acts was done)
                        nouns += [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                                  for g in p.children if g.dep_ == "pobj" and g.i in found and _pos(g) == "NOUN"][:1]
                if c.dep_ == "prep" and _support_prep(c, lex):
                    nouns += [g for g in c.children if g.dep_ == "pobj" and g.i in found and _pos(g) == "NOUN"]
        lem = _lookup(tok, lex.support_subject)
        if lem and _has_particle(tok, lex.support_subject[lem]):
            for c in tok.children:
                if c.dep_ not in ("nsubj", "csubj") or c.i == tok.i:
                    continue
                if c.i in found:
                    nouns.append(c)
                elif c.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl" and tok.head.i in found:
                    nouns.append(tok.head)   # "riots that broke out", "the attack that struck X"
                else:   # "most of the clashes occurred"
                    nouns += [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                              for g in p.children if g.dep_ == "pobj" and g.i in found]
        if not nouns:
            continue
        noun_ev = found[nouns[0].i]
        verb_ev = found.pop(tok.i, None)
        rule = noun_ev.rule
        if verb_ev is not None and verb_ev.rule.event_type != "ASSAULT" or \
                (verb_ev is not None and noun_ev.rule.event_type != "ASSAULT"):
            rule = verb_ev.rule
        elif verb_ev is not None and noun_ev.rule.event_mode:
            rule = noun_ev.rule   # "a suicide bombing that killed": the noun says how
        elif verb_ev is not None:
            rule = verb_ev.rule
        lo, hi = min(tok.i, noun_ev.span[0]), max(tok.i + 1, noun_ev.span[1])
        found[nouns[0].i] = _Ev(noun_ev.tok, rule, (lo, hi), noun_ev.heads | {tok.i}, carrier=tok)

    # "killed 10 villagers in an overnight attack", "died in an ambush", "seized power in a
    # coup": the noun names the act its verb reports, one event; the noun's mode says how when
    # the verb does not
    for i, ev in list(found.items()):
        tok = ev.tok
        if _pos(tok) != "NOUN" or tok.dep_ != "pobj" \
                or tok.head.lower_ not in ("in", "during") or tok.head.head.i not in found:
            continue
        verb = found[tok.head.head.i]   # "seized power in a coup" too
        if _lemma(tok) == "protest" and tok.head.lower_ == "in" and verb.rule.event_type != "PROTEST" \
                and not any(c.dep_ == "det" for c in tok.children):
            del found[i]   # "recalled its ambassador in protest at ...": why it acted, no demonstration
            continue
        # "killed a leader in a raid": a noun that can read as the verb's type is that act
        same = verb.rule.event_type == ev.rule.event_type or any(
            r.event_type == verb.rule.event_type for r in lex.rules.get((_lemma(tok), "NOUN"), []))
        if _pos(verb.tok) != "VERB" or not same or _doerless(verb.tok):
            continue   # "3 soldiers were killed in an ambush by X": the noun keeps its doer
        rule = _merged_rule(ev.rule, verb.rule)
        del found[i]
        found[verb.tok.i] = _Ev(verb.tok, rule, verb.span, verb.heads | ev.heads, verb.carrier, verb.promised)

    # "X said Y must do Z": the clause is X's demand, coded on its verb even when the verb
    # itself is no trigger ("must drop barriers", "must be ready to mediate")
    for tok in sent:
        if _pos(tok) == "VERB" and _demand_speaker(tok, lex) is not None and tok.i not in found:
            rule = TriggerRule(_lemma(tok), "VERB", frozenset(), frozenset(), "", "REQUEST", None, None, None)
            found[tok.i] = _Ev(tok, rule, (tok.i, tok.i + 1), {tok.i})

    # aspect heads ("began shelling") widen the trigger; content heads swallow their content
    result = []
    protests = {t.i for x in found.values() if x.rule.event_type == "PROTEST"
                for t in ((x.tok,) if x.carrier is None else (x.tok, x.carrier))}
    contents: set[int] = set()   # the triggers swallowed as content so far
    for i, ev in sorted(found.items()):
        if ev.carrier is None and _pos(ev.tok) == "NOUN" and _lemma(ev.tok) in lex.background:
            continue   # "refugees fleeing the war": a state of affairs, not this article's event
        if ev.carrier is None and ev.tok.tag_ == "VBN" and ev.tok.dep_ == "acl" and _lemma(ev.tok) in STATE_PARTICIPLES:
            continue   # "a vehicle occupied by a driver", "the district occupied by his supporters": a state
        if ev.carrier is None and _pos(ev.tok) == "NOUN" and _topic_of_talk(ev.tok):
            continue   # "did not comment on the arrests", "met to discuss the fight against al-Shabaab"
        if _pos(ev.tok) == "VERB" and _lemma(ev.tok) in TALK_VERBS and ev.tok.dep_ in ("xcomp", "advcl") \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in ev.tok.children) \
                and found.get(ev.tok.head.i) is not None and found[ev.tok.head.i].rule.event_type == "CONSULT":
            continue   # "met in Baghdad to discuss water sharing": the meeting's purpose, no second meeting
        if _pos(ev.tok) == "VERB" and lex.modality.get(_lemma(ev.tok)) == "content" and ev.rule.event_type == "REJECT" \
                and any(c.dep_ == "xcomp" and _lemma(c) in TALK_VERBS for c in ev.tok.children):
            continue   # "the army declined to comment": no stand taken on anything
        if ev.carrier is None and ev.tok.tag_ == "VBN" and ev.tok.dep_ == "acl" \
                and ev.tok.head.lower_ in ("those", "these") \
                and not any(c.dep_ in ("agent", "prep") for c in ev.tok.children):
            continue   # "Among those targeted is the commander", "those arrested": people an act told elsewhere befell
        if _pos(ev.tok) == "NOUN" and ev.tok.dep_ == "pobj" and ev.tok.head.lower_ == "of" \
                and _lemma(ev.tok.head.head) in LONG_SPANS:
            continue   # "Decades of clashes ... have killed thousands", "after months of protests": a history
        if ev.carrier is None and ev.tok.tag_ == "VBG" and ev.tok.dep_ in ("acl", "advcl") \
                and _lemma(ev.tok) in ENABLING_VERBS:
            continue   # "a defence pact allowing troops to train", "a truce, allowing farmers to return": what it makes possible
        if ev.carrier is None and _pos(ev.tok) == "NOUN" and ev.tok.dep_ == "pobj" and ev.tok.head.lower_ == "under" \
                and ev.rule.event_type in ("AGREE", "RETREAT", "SANCTION", "COERCE"):
            continue   # "prisoners held under a bilateral agreement", "under the ceasefire", "under sanctions": standing terms
        if _pos(ev.tok) == "NOUN" and any(c.dep_ == "amod" and c.lower_ in COMPARED_WORDS for c in ev.tok.children):
            continue   # "has carried out similar attacks", "previous attacks", "repeated attacks": a pattern
        if _pos(ev.tok) == "NOUN" and ev.rule.event_type == "REQUEST" and any(
                c.dep_ == "prep" and c.lower_ == "for" and any(_lemma(g) in PRESS_ASKS for g in c.children)
                for c in ev.tok.children):
            continue   # "did not respond to a request for comment": the reporter's, not news
        if ev.carrier is None and _pos(ev.tok) == "NOUN" and ev.tok.dep_ == "compound" \
                and ev.tok.head.i not in found and _pos(ev.tok.head) == "NOUN" \
                and _lemma(ev.tok.head) not in EFFORT_NOUNS:
            continue   # "riot police", "protest leaders", "attack helicopters": a kind of people or thing
        if ev.carrier is None and ev.tok.tag_ == "VBG" and ev.tok.dep_ == "amod" and ev.tok.head.i > ev.tok.i \
                and ev.tok.head.dep_ == "pobj":
            continue   # "blocked the road with burning tyres", "fled from burning homes": a thing described, no act
        if ev.carrier is None and _pos(ev.tok) == "NOUN" and ev.tok.dep_ == "nsubj" and _lemma(ev.tok.head) in DURATION_VERBS \
                and _definite(ev.tok):
            continue   # "The blockade lasted two days": how long the act told before went on
        if ev.carrier is None and ev.tok.dep_ == "oprd" and _lemma(ev.tok.head) in NAMING_VERBS:
            continue   # "condemned what it called a massacre": a name given to an act told elsewhere
        if ev.carrier is None and _pos(ev.tok) == "NOUN" and _quoted_name(ev.tok):
            continue   # "called the first strike, which killed 11 people, "a murder"", however parsed
        if ev.carrier is None and _pos(ev.tok) == "NOUN" and ev.tok.dep_ == "pobj" and ev.tok.head.lower_ == "of" \
                and _lemma(ev.tok.head.head) in REMEMBRANCE_NOUNS:
            continue   # "marked the anniversary of the 2024 protests": a past act remembered
        if ev.carrier is None and _pos(ev.tok) == "NOUN" and _charged_with(ev.tok):
            continue   # "on charges including assault on a federal officer": what they are accused of
        if ev.carrier is None and ev.tok.dep_ in ("pobj", "pcomp") and ev.tok.head.lower_ in ("to", "of") \
                and ev.tok.head.head.lower_ in ("guilty", "innocent") \
                and _lemma(ev.tok.head.head.head) in ("plead", "find", "declare", "prove", "rule"):
            continue   # "pleaded guilty to the murder", "was found guilty of assault": a court's account
        if ev.rule.event_type == "ASSAULT" and ev.carrier is None and _unspecified(ev.tok, actor_at) \
                and _grievance_of_protest(ev.tok, protests):
            continue   # "marched against the killings of farmers": what the protest is about, no act of its day
        if ev.carrier is None and ev.tok.lower_ in STANCE_PARTICIPLES and ev.tok.i + 1 < len(ev.tok.doc) \
                and ev.tok.doc[ev.tok.i + 1].lower_ == "to" and ev.tok.dep_ != "acomp" \
                and not any(c.dep_ in ("aux", "auxpass") for c in ev.tok.children):
            # "a community leader opposed to a mining project", "protesters opposed to the mine
            # blocked the road" (however parsed: "opposed to" with no "be" is never a verb of its
            # own): a stance that describes people, no act ("Turkey is opposed to ..." is one)
            continue
        tok = ev.tok if ev.carrier is None else ev.carrier
        while tok.dep_ == "conj" and _pos(tok) == "VERB" and tok.head.i < tok.i and _pos(tok.head) == "VERB":
            tok = tok.head   # "agreed to establish relations ... and recover the remains": one content
        while tok.dep_ == "conj" and _pos(tok) == "NOUN" and tok.head.i < tok.i and _pos(tok.head) == "NOUN":
            tok = tok.head   # "demanded new elections and the release of jailed protesters"
        if _pos(tok) == "NOUN" and tok.head.dep_ in ("ccomp", "xcomp") \
                and (tok.dep_ == "nsubjpass" or (tok.dep_ == "nsubj" and tok.head.i not in found)):
            # "warned that fighting could displace thousands", "demanded that their release be
            # negotiated": the clause is the content
            tok = tok.head
        if tok.dep_ == "acl" and _pos(tok.head) == "NOUN" and any(c.dep_ == "mark" and c.lower_ == "that"
                                                                  for c in tok.children):
            tok = tok.head   # "denied reports that its soldiers had killed civilians": what the reports say
        if tok.dep_ == "amod" and tok.tag_ == "VBG" and tok.head.dep_ == "dobj" and tok.i == tok.head.head.i + 1:
            tok = tok.head   # "denied shelling villages", parsed as "shelling" villages: the gerund is the object
        head = tok.head
        if tok.dep_ == "advcl" and (head.i in contents or (_lemma(head) in ASPECT_HEADS and any(
                c.i in contents for c in head.children))) and any(
                c.dep_ == "mark" and c.lower_ in ("until", "unless", "if", "till") for c in tok.children):
            contents.add(i)   # "vowing to fight on until the RSF surrendered": the vow's condition
            continue
        if (tok.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") or (tok.dep_ == "pobj" and head.dep_ == "prep"
                                                                 and head.lower_ not in SEQUENCE_PREPS)
                or _infinitive_clause(tok)) and not _charge_denied_after(tok):
            # (not an act a statement follows or precedes: "was charged with murder after a
            # shooting in Camden" tells the shooting too)
            gov = head.head if tok.dep_ == "pobj" or tok.dep_ == "pcomp" else head
            for _ in range(3):
                # "accused the group of committing a massacre", "accused the RSF of a massacre":
                # the act is what the accusation is about, however the parse hangs it
                if found.get(gov.i) is not None or gov.i == gov.head.i:
                    break
                if (_lemma(gov) in LIGHT_VERBS and gov.dep_ in ("pcomp", "xcomp")) or (
                        _lemma(gov) in ASPECT_HEADS and gov.dep_ == "xcomp" and tok.dep_ == "xcomp"):
                    # (and "vowed to keep fighting": the aspect verb carries the act it governs)
                    gov = gov.head.head if gov.dep_ == "pcomp" else gov.head
                elif gov.dep_ == "dobj" and _pos(gov) in ("NOUN", "PROPN") and _pos(gov.head) == "VERB":
                    gov = gov.head
                elif gov.dep_ == "pcomp" and gov.head.dep_ == "prep" and _pos(gov) == "VERB":
                    gov = gov.head.head   # "accused the state of sending fighters to back the rebels"
                elif gov.dep_ == "xcomp" and _pos(gov) == "VERB" and found.get(gov.head.i) is not None \
                        and lex.modality.get(_lemma(gov.head)) in ("content", "promise") \
                        and tok.dep_ == "dobj" and tok.head.i == gov.i:
                    # "agreed to restore a ceasefire", "urged them to respect the truce" (the
                    # object only: "agreed to ease tensions after talks in Manila" held talks)
                    gov = gov.head
                else:
                    break
            gov_ev = found.get(gov.i)
            effect = lex.modality.get(_lemma(gov))
            if gov_ev is not None and gov.i in contents:
                contents.add(i)   # "accused Rwanda of sending troops to support the rebels": the
                continue          # purpose of an alleged act is alleged too
            if effect in ("content", "promise") and gov_ev is not None and gov_ev is not ev:
                contents.add(i)
                if effect == "promise":
                    gov_ev.promised.append(ev.rule.event_type)
                continue
        if ev.carrier is None and _pos(ev.tok) == "NOUN" and ev.rule.event_type == "MOBILIZE" and \
                ev.tok.dep_ in ("dobj", "nsubjpass", "pobj") and any(
                    x.rule.event_type == "ASSAULT" and x.tok.i in (head.i, head.head.i) for x in found.values()):
            continue   # "ambushed a patrol": the patrol is what was attacked, not an event of its own
        if ev.carrier is None and _pos(ev.tok) == "NOUN" and ev.rule.event_type == "MOBILIZE" and \
                ev.tok.dep_ == "nsubj" and any(x.rule.event_type == "ASSAULT" and x.carrier is not None
                                               and x.carrier.i == head.i and x.tok.head.lower_ == "under"
                                               for x in found.values()):
            continue   # "a patrol came under fire": likewise
        if tok.dep_ == "xcomp" and _lemma(head) in ASPECT_HEADS and head.i < ev.span[0]:
            ev.span = (head.i, ev.span[1])
            ev.heads = ev.heads | {head.i}
            ev.carrier = ev.carrier or head
        result.append(ev)
    return result


# Verbs of taking ground which, as the aim of an act ("to retake the town", "in an attempt to
# seize Barawe"), tell what the act was for, not that the ground was taken: hypothetical.
GAIN_VERBS = WORDS["gain"]
# Verbs of fighting an enemy which, as the aim of an act ("sent troops to fight al-Shabaab",
# "turned to mercenaries to fight the insurgency"), tell what the act was for: no battle told.
FIGHT_AIMS = WORDS["fight_aim"]
# Verbs whose "to" clause tells what they brought about (or failed to), not an aim ("helped
# troops to retake", "failed to capture").
ACHIEVING_HEADS = WORDS["achieving"]
# Nouns of trying that carry such an aim ("in a bid to capture the town").
TRY_NOUNS = WORDS["try"]


# Verbs and prepositions by which a protest says what it is about ("to protest the killings",
# "against the killing of women", "demanding justice for those killed", "to honour soldiers
# killed"): an act named through them is the grievance, told as background.
GRIEVANCE_VERBS = {"protest", "demand", "honour", "honor", "mourn", "denounce", "condemn", "commemorate",
                   "remember", "decry", "seek", "call", "press", "urge", "demonstrate"}
GRIEVANCE_PREPS = {"against", "over", "for", "about", "at"}


def _unspecified(tok: Token, actor_at: dict) -> bool:
    """Whether an act is named only as a kind or a past ("extortion killings", "the killings of
    farmers", "those killed during the uprising", "soldiers killed in an ambush"), with no count
    or single victim that would make it one act the story reports ("the killing of a student",
    "the killings of three traders")."""
    if tok.tag_ == "VBN" and tok.dep_ == "acl":
        return tok.head.pos_ == "PRON" or tok.head.i in actor_at   # (people it befell)
    plural = tok.tag_ == "NNS" or any(g.tag_ == "NNS" for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                                      for g in p.children if g.dep_ == "pobj")   # ("the killing of women")
    return plural and not any(t.like_num or t.ent_type_ == "CARDINAL" for t in tok.subtree)


def _grievance_of_protest(tok: Token, protests: set[int]) -> bool:
    """Whether an act is what a protest of its sentence is about: reached from a protest's
    trigger (or its support verb) through its object, a preposition of grievance or a verb of
    demanding or mourning ("students held a sit-in demanding justice for those killed during
    the uprising"), not through a clause of time ("protested after police killed a student")."""
    if not protests:
        return False
    t, via = tok, False
    for _ in range(9):
        if t.head.i == t.i:
            return False
        if t.dep_ == "advcl" and any(c.dep_ == "mark" for c in t.children):
            return False   # ("after police killed a student", "when soldiers opened fire")
        if (t.dep_ == "pobj" and t.head.lower_ in GRIEVANCE_PREPS) \
                or (t.dep_ == "dobj" and (_lemma(t.head) in GRIEVANCE_VERBS or t.head.i in protests)):
            via = True
        t = t.head
        if t.i in protests:
            return via
        if _pos(t) == "VERB" and _lemma(t) in GRIEVANCE_VERBS:
            via = True
    return False


def _purpose_clause(tok: Token) -> Token | None:
    """The word a "to" clause without a subject of its own is the purpose of ("launched an
    offensive to retake X" -> launched, "in an attempt to seize X" -> attacked), or None."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
            or any(c.dep_ == "aux" and c.lower_ == "have" for c in tok.children):
        return None   # ("claimed to have retaken the building": done, a perfect infinitive)
    if tok.dep_ in ("xcomp", "advcl"):
        # (not what a help brought about: "Russian jets helped troops to retake Palmyra")
        return None if _lemma(tok.head) in ACHIEVING_HEADS else tok.head
    if tok.dep_ == "acl" and _lemma(tok.head) in TRY_NOUNS:
        noun = tok.head   # "in an attempt to", "in a bid to", "made an attempt to"
        return noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    return None


def _quoted_name(tok: Token) -> bool:
    """Whether an event noun opens a quotation that a verb of naming, earlier in the sentence,
    gives as its name for an act ("called the strike "a murder"", "branded the raids
    "terrorism""), or that a verb of chanting says ("shouted "murder""): the words, which the
    parser often hangs elsewhere, are no act of their own (not "called for "a general
    strike"", which asks for one)."""
    i = tok.i - 1
    while i > tok.sent.start and tok.doc[i].tag_ in ("DT", "JJ", "PRP$"):
        i -= 1
    if tok.doc[i].tag_ != "``" and tok.doc[i].text not in ('"', "\u201c", "'"):
        return False
    if i > tok.sent.start and _lemma(tok.doc[i - 1]) in CHANT_VERBS:
        return True   # "protesters chanted "murderers"": words said
    return any(_lemma(v) in NAMING_VERBS and v.pos_ == "VERB" and not any(
        c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "upon", "off", "up") for c in v.children)
        for v in tok.doc[tok.sent.start:i])


# Weapons and war machines: "with" one of them says what the doer used, not whom it fought.
INSTRUMENT_NOUNS = WEAPON_SUBJECTS | WORDS["instrument"]
# Verbs of how long an act went on ("The blockade lasted two days").
DURATION_VERBS = WORDS["duration"]
# Verbs that give an act a name ("what it called a massacre", "described it as genocide").
NAMING_VERBS = {"call", "term", "label", "dub", "brand"}
# Verbs whose quoted object is words said ("chanted "murderers""), not an act.
CHANT_VERBS = WORDS["chant"]
# What reporters ask for: "a request for comment" is the story's making, not an event of it.
PRESS_ASKS = {"comment", "comments", "interview", "clarification"}
# Verbs that only carry the act named by their object ("committed a massacre").
LIGHT_VERBS = {"commit", "perpetrate", "carry"}


def _hedge(tok: Token, lex: EventLexicon) -> bool:
    """"Alleged separatists torched ...", "suspected militants": a hedge participle (effect
    `hedge` in events_modality.csv) opening a noun phrase, however the parser hangs it, says
    who is thought to have acted; it reports no accusation of its own. Nor does a participle of
    accusing that describes a person ("executed a man accused of spying", "three men
    suspected of theft"): it says why the person was targeted."""
    if _describing_charge(tok, lex) or _alleged(tok, lex):
        return True
    if lex.modality.get(_lemma(tok)) != "hedge" or tok.tag_ not in ("VBN", "VBD", "JJ"):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    return nxt is not None and nxt.pos_ in ("ADJ", "NOUN", "PROPN") and (
        prev is None or prev.is_punct or prev.pos_ in ("DET", "ADP", "CCONJ"))


# What a source asks not to be, in the news's formula of anonymity ("an official who asked not
# to be named").
ANONYMITY_WORDS = WORDS["anonymity"]


def _act_of_noun(tok: Token, lex: EventLexicon) -> bool:
    """"the latest violence to hit the region", "the first attack to strike the capital": an
    infinitive describing an event noun says what that act did; it is no act of its own."""
    head = tok.head
    return tok.dep_ in ("acl", "relcl") and tok.tag_ == "VB" and head.i != tok.i and head.pos_ == "NOUN" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and (_lemma(head), "NOUN") in lex.rules


def _anonymity(tok: Token) -> bool:
    """"a police official who asked not to be named": a source's anonymity, no request made."""
    return any(c.dep_ == "xcomp" and _lemma(c) in ANONYMITY_WORDS and any(n.dep_ == "neg" for n in c.children)
               for c in tok.children)


# Nouns for what one side says of another ("a charge Kigali denies", "claims the army rejects").
CHARGE_NOUNS = WORDS["charge_noun"]
# Verbs that stop, put off or oppose a measure or act: their subject is not its doer.
STOPPING_VERBS = WORDS["stopping_verb"]


def _charge_denied_after(tok: Token) -> bool:
    """Whether a clause comes before the verb it hangs on, with a charge noun between ("Congo
    accused Rwanda of sending troops, a charge Kigali denies", parsed as what Kigali denies):
    the story tells the clause and adds that someone denies it, so it is no denial's content."""
    head = tok.head
    if tok.dep_ != "ccomp" or head.i < tok.i:
        return False
    return any(_lemma(t) in CHARGE_NOUNS for t in tok.doc[tok.right_edge.i + 1:head.i])


def _describing_charge(tok: Token, lex: EventLexicon) -> bool:
    """A participle of accusing, suspecting or convicting that describes a person ("a man
    accused of spying", "three men suspected of theft", "men convicted of theft")."""
    # (a people's adjective standing for a person is one too: "a Palestinian accused of ...")
    return tok.tag_ == "VBN" and tok.dep_ == "acl" and (tok.head.pos_ in ("NOUN", "PROPN", "PRON") or (
        tok.head.pos_ == "ADJ" and tok.head.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass"))) and (
        lex.modality.get(_lemma(tok)) == "hedge"
        or any(r.event_mode in ("allege", "convict") and not r.with_ and not r.context
               for r in lex.rules.get((_lemma(tok), "VERB"), ())))   # accuse, allege, charge, convict; not "send"


def _alleged(tok: Token, lex: EventLexicon) -> bool:
    """An act named in such a description ("arrested three men suspected of killing a
    trader"): what the person is charged with, not an act the story reports (nor one the
    arresting police did)."""
    for _ in range(3):
        while tok.dep_ in ("amod", "compound", "dobj") and tok.head.i != tok.i:
            tok = tok.head   # ("accused of carrying out a shooting attack": the attack it carries)
        if not (tok.dep_ in ("pcomp", "pobj") and tok.head.dep_ == "prep"):
            return False
        tok = tok.head.head
        if _describing_charge(tok, lex):
            return True
    return False


def _verb_misread(tok: Token) -> bool:
    """A past tense the parser read as a modifier because it found no verb in the sentence
    ("An attacker ... fatally shot rubber tapper Waema Mathaeha"): the sentence's root is not a
    verb and a noun phrase stands before it."""
    root = tok.sent.root
    # (or whose only verb is the saying after it: "..., said police Sub-Lt. ...")
    verbless = root.pos_ not in ("VERB", "AUX") or (
        root.i > tok.i and root.lemma_.lower() in REPORTING_LEMMAS
        and not any(t.pos_ in ("VERB", "AUX") and t.i != tok.i and not any(
            a.dep_ in ("relcl", "acl", "amod") for a in [t, *t.ancestors]) for t in tok.doc[tok.sent.start:root.i]))
    return verbless and tok.tag_ in ("VBD", "VBN") and \
        any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in tok.doc[tok.sent.start:tok.i]) and \
        tok.i > tok.sent.start and tok.doc[tok.i - 1].pos_ not in ("DET", "ADJ", "NUM")


def _bare_participle(tok: Token) -> bool:
    """A past participle with no auxiliary and no object, as in a headline ("5 soldiers
    killed", "two police officers wounded"): a passive with its "were" left out."""
    return tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in tok.children)


def _infinitive_clause(tok: Token) -> bool:
    """A "to" clause without a subject of its own that the parser attached as an adverbial
    clause ("have sworn to fight", parsed like "in order to fight"): a complement all the same."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and (
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        or any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children))   # ("called for him to resign")


FUTURE_MODALS = {"will", "would", "shall", "'ll", "could", "might", "may"}


def _foretells(tok: Token) -> bool:
    """Whether the clause a verb of saying reports tells what will or could happen ("warned that
    police will no longer tolerate rallies"): a threat, not a comment on what is."""
    return any(c.dep_ == "ccomp" and _told_as_to_come(c) for c in tok.children)


def _told_as_to_come(clause: Token) -> bool:
    """Whether a clause's verb has a modal of the future ("will", "would", "could")."""
    return any(a.dep_ in ("aux", "auxpass") and a.lower_ in FUTURE_MODALS for a in clause.children)


def _reports_speech(tok: Token) -> bool:
    """Whether a verb reports what was said: it has a clause of what was said ("protested that
    the vote was rigged"), or it closes the sentence after a comma that ends a main clause ("the
    authorities are failing refugees, a rights group protested"), like "said" would."""
    if any(c.dep_ == "ccomp" for c in tok.children):
        return True
    if any(c.dep_ in ("dobj", "prep", "xcomp", "advcl") for c in tok.children):
        return False
    sent = tok.sent
    if any(t.pos_ in ("VERB", "NOUN", "PROPN") for t in tok.doc[tok.i + 1:sent.end]
           if t.ent_type_ not in ("DATE", "TIME")):
        return False   # the sentence goes on: not a closing report
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    start = subj.left_edge.i if subj is not None else (tok.head.left_edge.i if tok.dep_ in ("acl", "relcl") else tok.i)
    if start <= sent.start or tok.doc[start - 1].text != ",":
        return False
    before = [t for t in tok.doc[sent.start:start - 1] if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp")]
    return any(not any(c.dep_ == "mark" for c in v.children) for v in before)


OBLIGATION_AUX = {"must", "should"}
SUPPORT_PREPS = {"in", "to", "with"}   # "engaged in fighting", "began with an assault" ("came under" is come's own)
RELATIVE_PRONOUNS = {"that", "which", "who"}
# Spans of time whose "of" makes the acts after it a history, no event ("decades of clashes",
# "years of war", "months of protests"; "two days of fighting" stays an event).
LONG_SPANS = frozenset({"decade", "year", "century", "generation", "month"})


# What the trigger rows' `armed_source` reads for a doer that is a state named by itself
# ("Israel", "Turkey"): armed, as its forces are, but none of the non-state armed.
BARE_STATE = "state"


def _bare_state(src: Token, actor_at: dict) -> bool:
    """Whether the doer is a country acting by itself, with no sector ("Israel carried out a
    strike")."""
    men = _actor_of(src, actor_at)
    return men is not None and men["actor"].get("actor_kind") == "state" and men["actor"].get("sector_code") is None \
        and men["actor"].get("country_code") not in (None, "IGO", "NGO", "IMG")


def _takes_a_town(tok: Token, actor_at: dict) -> bool:
    """Whether "take" is an armed doer's capture of a named place ("M23 rebels took Goma",
    "the Taliban took Kabul"): its object a capitalised name that is no actor, with no particle
    or "to" after ("took Smith to hospital", "took over")."""
    if any(c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ == "to") for c in tok.children):
        return False
    src = _source_token(tok)
    if src is None or _source_sector(src, actor_at) not in ARMED_SECTORS:
        return False
    return any(c.dep_ == "dobj" and c.pos_ == "PROPN" and c.text[:1].isupper() and c.i not in actor_at
               for c in tok.children)


def _source_sector(src: Token, actor_at: dict) -> str | None:
    """Sector of the doer, preferring an armed one anywhere in the subject phrase ("Jaish
    al-Fateh tanks and fighters" is armed even if the group's name is unknown)."""
    men = _actor_of(src, actor_at)
    sector = men["actor"]["sector_code"] if men else None
    if sector in ARMED_SECTORS:
        return sector
    for t in list(src.subtree) + list(src.conjuncts):
        other = actor_at.get(t.i)
        if other is not None and other["actor"]["sector_code"] in ARMED_SECTORS:
            return other["actor"]["sector_code"]
    return sector
PRONOUNS = {"it": "thing", "its": "thing", "they": "any", "their": "any", "them": "any",
            "he": "person", "his": "person", "she": "person", "her": "person", "we": "any"}


def _demand_speaker(tok: Token, lex: EventLexicon) -> Token | None:
    """The reporting verb whose speaker demands this clause ("Russia said Sudan must return ...")."""
    if tok.dep_ != "ccomp" or _lemma(tok.head) not in lex.reporting:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in tok.children):
        return None
    return tok.head


# Acts done by speaking, which a speaker does beside the clause it reports ("said ... and urged").
SPEAKERS_ACTS = {"REQUEST", "ACCUSE", "THREATEN"}


def _misjoined_to_report(tok: Token, subject: Token, actor_at: dict, lex: EventLexicon) -> bool:
    """Whether a verb with no subject of its own is joined to a reported clause whose subject
    names no actor and could not act (an act, a thing: "said the capture violated the accords and
    urged Rwanda to withdraw"): the parser hung on the reported clause a verb of the speaker's."""
    if tok.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    clause = tok.head
    if clause.dep_ != "ccomp" or _lemma(clause.head) not in lex.reporting or subject.head.i != clause.i:
        return False
    return _actor_of(subject, actor_at) is None and subject.lower_ not in PRONOUNS \
        and subject.pos_ == "NOUN" and _lemma(subject) not in lex.person_nouns


def _named_by(tok: Token | None, actor_at: dict, lex: EventLexicon) -> dict | None:
    """The actor a doer's or victim's token names: its actor mention, or, for a pronoun, the
    actor the pronoun stands for (see `_antecedent`); None for no token."""
    if tok is None:
        return None
    men = _actor_of(tok, actor_at)
    if men is None and tok.lower_ in PRONOUNS:
        men = _antecedent(tok, actor_at, lex)
    if men is None and tok.dep_ == "appos" and tok.head.i < tok.i and not misparsed_speaker(tok):
        # "the Allied Democratic Forces (ADF), a group that has pledged allegiance to IS": an
        # appositive no actor is named by is the one it stands beside
        men = _actor_of(tok.head, actor_at)
    return men


# Object pronouns whose antecedent is the target of the act they follow.
OBJECT_PRONOUNS = {"them", "him", "her"}


def _other_than(men: dict | None, src: dict | None) -> dict | None:
    """`men`, unless it is the same actor as the doer `src`."""
    if men is None or (src is not None and men["actor"]["actor_id"] == src["actor"]["actor_id"]):
        return None
    return men


# Pronouns for people: a doer named by one of them that has no antecedent stays unnamed.
PERSONAL_PRONOUNS = {"he", "she", "they", "we", "i"}
PLURAL_PRONOUNS = {"they", "them", "their", "we", "us", "our"}


def _antecedent(pron: Token, actor_at: dict, lex: EventLexicon, skip: str | None = None,
                subjects_only: bool = False) -> dict | None:
    """The actor a subject pronoun stands for.

    First the subject of the verb that governs the pronoun's clause ("Uganda said it had
    paid", "the rebels announced they would ..."); else the nearest actor before it, in this
    sentence or the one before, whose kind fits the pronoun (he/she: a person; it: not a person).
    """
    kind = PRONOUNS.get(pron.lower_)
    if kind is None:
        return None

    def fits(men: dict, tok: Token) -> bool:
        ak = men["actor"]["actor_kind"]
        if men["actor"]["actor_id"] == skip:
            return False   # an object pronoun is not the doer ("police arrested 12 of them")
        if pron.lower_ in PLURAL_PRONOUNS and (ak == "person" or (tok.tag_ == "NN" and any(
                c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in tok.children))):
            return False   # "a local councillor", "one resident" or a named person is no "they"
        # "the army spokesman said ... He accused ...": one person who speaks for the body
        return kind == "any" or (kind == "person") == (ak == "person") or (
            kind == "person" and tok.tag_ == "NN" and _lemma(tok) in lex.person_nouns)

    t = pron.head
    # ("'They attacked from both sides,' one resident said": in a quote the speaker says "we"; a
    # "they" there is others)
    quoted = pron.lower_ in ("they", "them", "their", "he", "she", "his", "her") and any(
        q.text in ('"', "“", "‘") for q in pron.doc[pron.sent.start:pron.i])
    for _ in range(3 if not quoted else 0):
        if t.dep_ in ("ccomp", "xcomp", "advcl", "conj") and t.head.i != t.i:
            t = t.head
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in PRONOUNS:
                    men = _actor_of(c, actor_at)
                    if men is not None and fits(men, c):
                        return men
        else:
            break
    doc = pron.doc
    if not quoted and pron.dep_ == "nsubj" and pron.head.dep_ == "ROOT" and pron.sent.start > 0 \
            and pron.lower_ == "they":
        # "Boko Haram fighters attacked Konduga, where soldiers had withdrawn. They killed nine
        # farmers": a sentence's subject "they" goes on with the main subject of the sentence
        # before, not with the last people that sentence named in a clause of its own
        before = doc[pron.sent.start - 1].sent.root
        for c in before.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in PRONOUNS:
                men = _actor_of(c, actor_at)
                if men is not None and fits(men, c):
                    return men
    lo = doc[pron.sent.start - 1].sent.start if pron.sent.start > 0 else pron.sent.start
    for i in range(pron.i - 1, lo - 1, -1):
        men = actor_at.get(i)
        deps = ("nsubj", "nsubjpass") if subjects_only else ("nsubj", "nsubjpass", "compound", "appos", "poss")
        if men is not None and fits(men, doc[i]) and doc[i].dep_ in deps and not _modifies_a_thing(doc[i], men, actor_at) \
                and not (quoted and _is_speaker(doc[i], lex)):
            # (a "they" in a witness's quote is not who reported the story: '... police said.
            # "They came with petrol," said a resident')
            return men
    return None


def _modifies_a_thing(tok: Token, men: dict, actor_at: dict) -> bool:
    """Whether an actor's word only names whose a thing is ("set fire to a police station",
    "an army truck"): a compound on a noun outside the mention that names no people, which no
    pronoun after it stands for ("We could hear them shooting" are not the police)."""
    head = tok.head
    return tok.dep_ == "compound" and actor_at.get(head.i) is not men and head.pos_ == "NOUN" \
        and (_lemma(head) in FACILITY_WORDS or _lemma(head) in VEHICLE_WORDS or _lemma(head) in VESSEL_WORDS
             or _lemma(head) in OWNED_SITES)


# Sites an actor's word before them only says whose they are ("a police post", "army
# headquarters"), beside the facility words and vehicles.
OWNED_SITES = {"post", "outpost", "headquarters", "barracks", "office", "compound", "academy"}


SHARED_SUBJECT_PREPS = {"to", "in", "by", "after", "before", "while", "without", "since"}


def _active_conjunct(verb: Token) -> bool:
    """A coordinated verb in the active voice: "has been indicted ... and will resign" (not the
    second half of one passive, "was attacked and killed")."""
    return verb.tag_ != "VBN" or any(c.dep_ == "aux" for c in verb.children)


OBJECT_CONTROL_VERBS = WORDS["object_control"]


# Verbs of harm whose participle after a said clause tells that clause's toll (data).
HARM_PARTICIPLES = WORDS["harm_participle"]


# Participles of a verbal act that go on a saying ("..., the ministry said, blaming the rebels").
SPEAKER_PARTICIPLES = {"blame", "accuse", "urge", "call", "condemn", "deny", "claim", "warn", "vow", "demand",
                       "describe", "attribute", "praise", "threaten", "pledge", "promise", "reject"}


def _reported_clause(tok: Token) -> Token | None:
    """The clause a participle continues when the parser hangs it on the verb of saying after
    that clause ("Russia launched 728 drones, the air force said, killing nine people"): the
    said clause's verb, or None."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.head.lemma_.lower() not in REPORTING_LEMMAS \
            or _lemma(tok) not in HARM_PARTICIPLES:
        return None   # ("..., the group said, accusing the RSF": the speaker accuses)
    said = tok.head
    if said.dep_ == "parataxis" and said.head.i < said.i and _pos(said.head) == "VERB":
        return said.head   # ("struck the port, the rebel-run television reported, killing three")
    return next((c for c in said.children if c.dep_ == "ccomp" and c.i < tok.i), None)


def _agents_of_participle(verb: Token) -> list[Token]:
    """The "by" agents of a participle, or of the clause it governs ("planted by the army",
    "believed to have been planted by the army")."""
    return [a for v in [verb, *(x for x in verb.children if x.dep_ == "xcomp")] for a in v.children
            if a.dep_ == "agent"]


def _reduced_relative(verb: Token) -> bool:
    """Whether a verb the parser made a clause of its own is a past participle describing the
    noun just before it ("condemned the attack as a violation of the ceasefire agreed in Doha",
    parsed as if the ceasefire had agreed): no subject, auxiliary, marker or object of its own,
    right after a noun. Its doer is not the main clause's subject, nor are its place and date
    the main clause's."""
    doc = verb.doc
    return verb.dep_ == "advcl" and verb.tag_ in ("VBD", "VBN") and verb.i > 0 \
        and doc[verb.i - 1].pos_ in ("NOUN", "PROPN") and doc[verb.i - 1].head.i != verb.i \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "dobj") for c in verb.children)


def _placed_under(e: "_Ev", obj: Token | None) -> bool:
    """Whether `obj` is the object a support verb puts under the event noun ("placed the
    president under house arrest"): whom the act is done to, though it stands inside the
    trigger's words."""
    return obj is not None and e.carrier is not None and obj.dep_ == "dobj" and obj.head.i == e.carrier.i \
        and obj.i < e.tok.i and e.tok.dep_ == "pobj" and e.tok.head.lower_ == "under"


def _came_under(verb: Token) -> bool:
    """Whether a verb is "came under" an act ("came under fire", "came under attack"): its
    subject underwent the act, and a participle after it ("..., killing a crew member") is
    the unnamed attackers' doing."""
    return _lemma(verb) == "come" and any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.children)


def _misread_toll(tok: Token) -> bool:
    """Whether "left ... dead" (or injured, wounded, homeless) was read as a participle of the
    noun before it: a participle with an object and a state of the object is a finite verb."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    return tok.lower_ == "left" and tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and obj is not None \
        and any(c.lower_ in TOLL_STATES for c in [*tok.children, *obj.children])


# States a toll verb leaves people in ("left 12 dead").
TOLL_STATES = {"dead", "injured", "wounded", "homeless", "hurt", "missing", "displaced"}


# Verbs of saying or believing whose passive lends its subject to the infinitive after it
# ("are reported to have killed", "is believed to have fled", "were said to have attacked").
RAISING_VERBS = {"report", "say", "believe", "think", "allege", "suspect", "understand", "know", "rumour",
                 "rumor", "claim", "feel", "presume", "see", "hear"}


def _after_passive_clause(part: Token) -> bool:
    """Whether a participle after a comma hangs on the passive verb of a subordinate clause
    ("rioted after a man was killed by police, looting shops"; "when", "as", "after",
    "because"): the parser's attachment, not the sense, which goes on with the main clause."""
    head = part.head
    return part.i > 0 and part.doc[part.i - 1].text == "," and head.dep_ == "advcl" and head.head.i != head.i \
        and _passive(head) and any(c.dep_ == "mark" and c.lower_ in ("after", "when", "as", "because", "before")
                                   for c in head.children) \
        and head.head.pos_ in ("VERB", "AUX")


def _source_token(tok: Token) -> Token | None:
    """The grammatical doer of a verb, following coordination and control ("agreed to withdraw",
    "resorted to throwing stones", "withdrew after shelling the town"). Not through "for", "of"
    or "from", whose clause belongs to the object ("arrested him for throwing stones"), nor to
    the speaker of a clause a participle continues (see `_reported_clause`)."""
    seen = 0
    if _misread_toll(tok):
        # "A police operation against the gang in the city's Alemao and Penha favela complexes
        # left 121 people dead", "left" read as a participle of "complexes": the noun the
        # phrases hang from is the subject
        h = tok.head
        while h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.head.pos_ in ("NOUN", "PROPN"):
            h = h.head.head
        return h
    # (and of a participle joined to such a one: "..., the television reported, killing three
    # people and wounding 40")
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and _lemma(tok) in SPEAKER_PARTICIPLES:
        # "Gunmen killed 44 civilians, the government said, blaming the EIGS", the blaming hung
        # on the killing: the speaker, whose saying comes between, blames
        said = next((c for c in tok.head.children if c.dep_ == "parataxis" and tok.head.i < c.i < tok.i
                     and c.lemma_.lower() in REPORTING_LEMMAS), None)
        subj = next((c for c in said.children if c.dep_ == "nsubj"), None) if said is not None else None
        if subj is not None:
            return subj
    t = _reported_clause(tok) or (tok.dep_ == "conj" and tok.tag_ == "VBG" and _reported_clause(tok.head)) or tok
    via_active_conj = False
    came_by_conj = False   # (a coordinated verb may be hung on the wrong clause: no object control then)
    while t is not None and seen < 4:
        seen += 1
        if t.i != tok.i and _came_under(t):
            return None   # "a helicopter came under fire, killing a crew member": the subject was hit
        if via_active_conj:
            shared = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if shared is not None:
                return shared   # "the minister has been indicted ... and will resign"
        # (the "by" of a participle names its doer before any subject the parser gave it: "16
        # people were killed, most of them shot by police")
        for c in sorted(t.children, key=lambda c: c.dep_ != "agent"):
            if c.dep_ == "agent":
                # (and a gerund the parser hung on "by": "killed by Russian shelling")
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    return objs[0]
            if c.dep_ in ("nsubj", "csubj"):
                if c.lower_ in RELATIVE_PRONOUNS and (t.dep_ == "relcl" and t.head.i != t.i or c.lower_ == "who"):
                    return _relative_referent(t, c)   # "police who used tear gas": the doer is the noun described
                if c.dep_ == "csubj" and c.tag_ == "VBG":
                    # "an IED targeting an army vehicle exploded", misparsed: the IED is the subject
                    own = next((g for g in c.children if g.dep_ == "nsubj"), None)
                    if own is not None:
                        return own
                by = next((a for v in [*(v for v in c.children if v.dep_ == "acl" and v.tag_ == "VBN"),
                                       *([t] if _lemma(t) in BELIEF_VERBS else [])]
                           for a in _agents_of_participle(v)), None) if _lemma(c) in INSTRUMENT_NOUNS else None
                if by is not None:
                    # "drones launched by the RSF struck fuel depots": the weapon's user is the
                    # doer (the noun after "by", or its first, whatever the parser hung it on)
                    who = next((g for g in by.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")), None) \
                        or next((w for w in t.doc[by.i + 1:t.i] if w.pos_ in ("PROPN", "NOUN")), None)
                    if who is not None:
                        return who
                return c
        misread = next((c for c in t.children if c.dep_ == "aux" and c.tag_ == "VBG" and c.i == t.i - 1
                        and c.lower_ in ING_SUBJECTS), None)
        if misread is not None:
            return misread   # "Russian shelling wounded five civilians", "shelling" read as an auxiliary
        raised = next((c for c in t.children if c.dep_ == "nsubjpass"), None) if _lemma(t) in RAISING_VERBS and any(
            c.dep_ == "xcomp" and c.i in (tok.i, *(x.i for x in tok.ancestors)) and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in t.children) else None
        if raised is not None:
            return raised   # "Gunmen were reported to have killed 12 villagers": the gunmen
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
            return None   # (a passive's subject, its own or shared: "gathered and were dispersed")
        prev = t.doc[t.i - 1] if t.i > 0 else None
        if t.dep_ == "xcomp" and t.tag_ == "VBG" and prev is not None and prev.tag_ in ("NNS", "NNPS") \
                and _lemma(t.head) not in ASPECT_HEADS:
            return prev   # "used water cannon against supporters marching in Tbilisi", misparsed
        if t.dep_ == "xcomp" and t.head.i != t.i and _lemma(t.head) in OBJECT_CONTROL_VERBS and not came_by_conj:
            # "forcing residents to flee", "ordered troops to withdraw": the object does it (not
            # the ambassador of "summoned the ambassador to complain")
            obj = next((c for c in t.head.children if c.dep_ == "dobj" and c.i < t.i
                        and _lemma(c) not in INSTRUMENT_NOUNS), None)
            if obj is not None:
                return obj
        if t.dep_ == "conj" and t.tag_ == "VBD" and t.head.tag_ == "VBG" and t.head.dep_ == "relcl" \
                and any(c.dep_ == "aux" for c in t.head.children) \
                and not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in t.children):
            # "stormed a house where the men were sleeping and opened fire", misparsed: a simple
            # past shares no "were" with a progressive, so it goes with the verb above the clause
            v = t.head.head
            while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
                v = v.head
            if v.pos_ in ("VERB", "AUX"):
                t = v
                continue
        if _reduced_relative(t):
            if not came_by_conj:
                return None   # "a violation of the ceasefire agreed in Doha": agreed by whom is not told
            t = t.head        # ("... agreed in Doha and accused Rwanda": the conjunct is the main clause's)
            continue
        if t.dep_ == "advcl" and t.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "mark" for c in t.children):
            # "declared an emergency after a riot at a prison left 17 inmates dead", the riot
            # misparsed out of the clause: a finite clause after "after" or "when" has a subject
            # of its own, and the main clause's is not it
            return None
        if t.dep_ == "advcl" and t.tag_ == "VBG" and _after_passive_clause(t):
            # "residents rioted after a man was killed by police, looting shops": a participle
            # after a passive "after" clause goes on with the main clause, not the passive's agent
            t = t.head.head
            continue
        if t.dep_ in ("xcomp", "conj", "advcl") and t.head.i != t.i:
            via_active_conj = t.dep_ == "conj" and _active_conjunct(t)
            came_by_conj = came_by_conj or t.dep_ == "conj"
            t = t.head
            continue
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.lower_ in SHARED_SUBJECT_PREPS and \
                t.head.head.i != t.head.i and t.head.head.pos_ in ("VERB", "AUX"):
            t = t.head.head   # "resorted to throwing", "succeeded in capturing"
            continue
        if t.dep_ == "acomp" and t.head.i != t.i:   # "is willing / prepared / ready to ..."
            t = t.head
            continue
        if t.dep_ in ("relcl",) and t.tag_ != "VBN":
            return t.head
        if t.dep_ == "ccomp" and _lemma(t.head) in BELIEF_VERBS and t.head.tag_ in ("VBD", "VBN") \
                and any(x.dep_ == "xcomp" for x in t.head.children) \
                and (subj := next((c for c in t.head.children if c.dep_ == "nsubj"), None)) is not None:
            # "a landmine believed to have been planted by the army exploded", parsed with
            # "believed" as the main verb: the subject of the belief is this verb's, and a
            # weapon's doer is who is believed to have laid it
            by = next((g for a in _agents_of_participle(t.head) for g in a.children if g.dep_ == "pobj"), None) \
                if _lemma(subj) in INSTRUMENT_NOUNS else None
            return by if by is not None else subj
        if t.dep_ == "acl" and t.tag_ == "VBG" and t.head.lower_ in SITE_WORDS and t.head.dep_ == "pobj" \
                and t.head.head.head.pos_ in ("VERB", "AUX", "NOUN"):
            # "miners protested outside the government building demanding wages": a building
            # demands nothing, the participle goes with the clause the site is in
            t = t.head.head.head
            continue
        if t.dep_ == "acl" and t.tag_ == "VBG" and t.head.pos_ in ("NOUN", "PROPN"):
            return t.head   # "supporters protesting in Conakry": the noun a participle describes does it
        if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "dobj" for c in t.children):
            # "men believed to be bandits abducted 15 passengers", misparsed: active, with an
            # object; "militiamen armed with machetes and guns killed 51 civilians": the men
            return _participle_noun(t.head)
        if t.dep_ == "acl" and (t.tag_ == "VBD" or (t.tag_ == "VBN" and _lemma(t) in NO_PASSIVE_VERBS)) \
                and t.head.pos_ in ("NOUN", "PROPN"):
            # "students protesting against job quotas clashed with police", misparsed as a clause
            # of "quotas": a simple past (or a verb that has no passive) describes no noun, it is
            # the clause of the participle's noun
            return _participle_noun(t.head)
        break
    return None


def _participle_noun(noun: Token) -> Token:
    """The noun a participle describes, when the parser hung the next verb on a noun inside the
    participle's phrase: "students protesting against job quotas clashed", "men armed with
    machetes and guns killed" (the students, the men; not the quotas or the guns)."""
    n = noun
    for _ in range(4):
        if n.dep_ == "conj" and n.head.i != n.i and n.head.pos_ in ("NOUN", "PROPN"):
            n = n.head
        elif n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.head.dep_ == "acl" \
                and n.head.head.tag_ in ("VBG", "VBN") and n.head.head.head.pos_ in ("NOUN", "PROPN"):
            n = n.head.head.head
        else:
            break
    return n if n.dep_ != "conj" else noun


def _relative_referent(clause: Token, pronoun: Token) -> Token:
    """The noun a relative clause describes. "who" speaks of people, so when the parser hangs
    it on a place's name ("clashed with demonstrators in Kathmandu (Kathmandu, Bagmati), who
    demanded ...") or on the main verb, the people are the nearest noun before it that is no
    place, short of a verb."""
    head = clause.head if clause.dep_ == "relcl" else None
    if pronoun.lower_ not in ("who", "whom") or (head is not None and head.ent_type_ not in PLACE_LABELS):
        return head if head is not None else pronoun
    start = head.left_edge.i if head is not None else pronoun.i
    for i in range(start - 1, pronoun.sent.start - 1, -1):
        t = pronoun.doc[i]
        if t.pos_ in ("VERB", "AUX"):
            break
        if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in PLACE_LABELS | {"DATE", "TIME"} \
                and t.lower_ not in PLACE_PARTS:
            return t
    return head if head is not None else pronoun


# Verbs with no passive, whose participle after a noun is a misparsed simple past ("quotas
# clashed with police").
NO_PASSIVE_VERBS = WORDS["no_passive"]


def _undergone_by(tok: Token, actor_at: dict) -> bool:
    """Whether an event noun follows the "by" of a participle describing the people it befell
    ("demonstrators angered by a ban", "villagers displaced by the fighting"): they are not its
    doers. Not a participle of siding ("rebels spearheaded by a suicide bombing", "troops backed
    by air strikes": `sided_by` in events_words.csv), whose act is the people's own side's."""
    if not (tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.dep_ == "acl"):
        return False
    participle = tok.head.head
    return participle.head.i in actor_at and _lemma(participle) not in SIDED_BY


SIDED_BY = WORDS["sided_by"]
# Participles that, describing a noun, tell who is in or holds it, not an act ("a vehicle
# occupied by a driver").
STATE_PARTICIPLES = WORDS["state_participle"]
# Verbs of talking about a matter ("discussed the fight against al-Shabaab", "did not comment on
# the arrests"), and the prepositions that name the matter.
TALK_VERBS = WORDS["talk_about"]
TOPIC_PREPS = {"on", "about", "regarding", "over"}


def _first_noun_conjunct(noun: Token) -> Token:
    """The first of nouns coordinated with `noun` ("water sharing and the fight": "sharing"),
    which holds the role in the clause that all of them share."""
    while noun.dep_ == "conj" and noun.head.i != noun.i and _pos(noun.head) == "NOUN":
        noun = noun.head
    return noun


def _topic_of_talk(noun: Token) -> bool:
    """Whether an event noun is the matter a verb of talking is about: an act told elsewhere
    or none at all, never one done by who talks (nor negated by "did not comment")."""
    noun = _first_noun_conjunct(noun)   # ("to discuss water sharing and the fight against the PKK")
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ in TOPIC_PREPS:
        verb = verb.head
    elif noun.dep_ != "dobj":
        return False
    return _pos(verb) == "VERB" and _lemma(verb) in TALK_VERBS


def _same_kind_carried(verb: Token, e: _Ev, lex: EventLexicon) -> bool:
    """Whether a support verb carries an act of the event's own type ("Following their failed
    assault, the rebels launched a new offensive": one side's run of attacks); a verb that
    carries another kind of act after it did not do it ("imposed a curfew after clashes")."""
    return any(c.dep_ == "dobj" and any(r.event_type == e.rule.event_type for r in _rules_of(c, "NOUN", lex) or ())
               for c in verb.children)


def _victim_of_the_grievance(e: _Ev, tgt: dict, lex: EventLexicon) -> bool:
    """Whether a protest's target is whom the act protested befell: named after the "of" of an
    event noun the protest is against or over ("marched to protest the killings of bus
    drivers", "protested over the arrest of their leader")."""
    verb = e.carrier if e.carrier is not None else e.tok
    objs = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("over", "against", "at")
        for g in c.children if g.dep_ == "pobj"]
    for obj in objs:
        if _rules_of(obj, "NOUN", lex) is None:
            continue
        for p in obj.children:
            if p.dep_ == "prep" and p.lower_ == "of" and any(
                    tgt["start"] <= t.idx < tgt["end"] for g in p.children for t in g.subtree):
                return True
    return False


def _by_object(tok: Token) -> Token | None:
    """The object of a "by" preposition hung on `tok`: on an act's of-object, where the parser
    put the act's doer ("the killing of a colleague by a police officer"), or on a gerund used
    as a noun ("killed in firing by security forces")."""
    return next((x for p in tok.children if p.dep_ == "prep" and p.lower_ == "by"
                 for x in p.children if x.dep_ == "pobj"), None)


# Verbs whose subject underwent the act their object names ("survived torture").
ENDURING_VERBS = WORDS["enduring"]


def _endured_by(tok: Token) -> Token | None:
    """The subject of a verb of undergoing whose object is the event noun ("a farmer who survived
    two years of torture", "the town suffered heavy shelling"), or None: whom the act befell.
    The nearest actor before such a noun is no doer of it."""
    noun = _first_noun_conjunct(tok)   # ("beatings and torture": both undergone)
    if _pos(tok) != "NOUN" or noun.dep_ != "dobj" or _lemma(noun.head) not in ENDURING_VERBS:
        return None
    subject = _source_token(noun.head)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and noun.head.dep_ == "relcl":
        return noun.head.head   # "a farmer who survived torture": the farmer
    return subject


def _modifies_a_doer(tok: Token) -> bool:
    """Whether a modifier ("Iraqi forces", "Russia's army", "the opposition candidate") belongs
    to a subject or to the people a subject counts ("thousands of supporters"), not to a name
    inside their phrase ("supporters of opposition candidate Venancio Mondlane": the
    supporters, not the candidate, burned tyres)."""
    if tok.dep_ not in ("compound", "amod", "poss"):
        return False
    h = tok
    while h.dep_ in ("compound", "amod", "poss") and h.head.i != h.i:
        h = h.head
    return h.dep_ in ("nsubj", "appos", "conj") or _of_subject(h) or (h.dep_ == "ROOT" and h.pos_ in ("NOUN", "PROPN"))


def _mention_head(doc: Doc, i: int, actor_at: dict) -> Token:
    """The head word of the actor mention at token i: the token of its phrase whose head lies
    outside it (token i itself for a one-word mention)."""
    men = actor_at[i]
    span = doc.char_span(men["start"], men["end"], alignment_mode="expand")
    if span is None or len(span) == 1 or not span.start <= i < span.end:
        return doc[i]
    return span.root


def _of_subject(tok: Token) -> bool:
    """True for the people counted by a subject: "Thousands of Nigerians", "a group of diplomats"."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ in ("nsubj", "nsubjpass")


# Prepositions whose phrase inside an actor's noun phrase says where it is, not who it is.
WHERE_PREPS = {"in", "at", "near", "outside", "inside", "across", "around", "within", "into"}


# Sectors of groups that name the gunmen they send even unnamed ("gunmen from the Gran Grif gang").
GROUP_SECTORS = {"CRM", "REB", "PRM", "ETH"}
# Verbs of what a vehicle or building holds: "a vehicle carrying members of Kataib Hezbollah"
# and "a hotel housing asylum seekers" were hit with them.
CARRYING_VERBS = {"carry", "transport", "ferry", "house", "shelter", "host", "accommodate"}


# Words after unnamed doers that tie them to the group named after them ("gunmen linked to the
# CJNG", "militants affiliated with IS", "fighters loyal to the LNA", "men belonging to a gang";
# not "allied with", which names another group).
AFFILIATION_WORDS = frozenset({"link", "linked", "affiliate", "affiliated", "tie", "tied", "belong",
                               "loyal", "associate", "associated"})


def _affiliation_preps(tok: Token) -> list[Token]:
    """The prepositions under an unnamed doer's noun whose object may name its group: its own
    "from" and "of", and the "to"/"with" of an affiliation word after it (AFFILIATION_WORDS)."""
    out = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of")]
    for c in tok.children:
        if c.dep_ in ("acl", "amod", "relcl") and c.i > tok.i \
                and (c.lower_ in AFFILIATION_WORDS or _lemma(c) in AFFILIATION_WORDS):
            out += [p for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "with")]
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.tag_ in ("VBN", "VBD") and head.lower_ in AFFILIATION_WORDS:
        # ("gunmen linked to the CJNG opened fire", parsed with "linked" as the main verb)
        out += [p for p in head.children if p.dep_ == "prep" and p.lower_ in ("to", "with")]
    return out


def _names_a_group(men: dict | None) -> bool:
    """Whether an actor mention names a group that unnamed doers may belong to: an organisation
    or an armed group or gang, with a sector other than the unnamed doers' own."""
    return men is not None and (men["actor"]["actor_kind"] == "organization"
                                or men["actor"]["sector_code"] in GROUP_SECTORS) \
        and men["actor"]["sector_code"] not in (None, *UNNAMED_DOERS) \
        and men["actor"]["actor_kind"] != "person"   # ("supporters of Raila Odinga" are not Odinga)


def _affiliated(tok: Token) -> bool:
    """Whether an affiliation word follows the noun ("militants affiliated with IS"), or what
    they are believed to be ("militants believed to be members of IS")."""
    return any(p.lower_ in ("to", "with") for p in _affiliation_preps(tok)
               if p.head.i != tok.i) or bool(_believed_to_be(tok))


# Verbs of belief whose "to be" names whom unnamed doers are taken for ("gunmen believed to
# be members of Los Choneros", "men suspected to be militants").
BELIEF_VERBS = frozenset({"believe", "suspect", "think"})
# Nouns for a band of people whose "of" names who they are ("a group of armed men").
GROUP_NOUNS = frozenset({"group", "band", "gang", "squad", "unit"})


def _believed_to_be(tok: Token) -> list[Token]:
    """What a noun is believed to be: the attribute of "to be" after a verb of belief that
    describes it, or whose subject the parser made it ("armed men believed to be members of
    Los Choneros attacked ...", parsed with "believed" as the main verb)."""
    verbs = [c for c in tok.children if c.dep_ == "acl" and _lemma(c) in BELIEF_VERBS]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in GROUP_NOUNS:
        tok = tok.head.head   # "a group of armed men believed to be ...": what the group is believed to be
        verbs += [c for c in tok.children if c.dep_ == "acl" and _lemma(c) in BELIEF_VERBS]
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.tag_ in ("VBN", "VBD") and _lemma(tok.head) in BELIEF_VERBS:
        verbs.append(tok.head)
    return [a for v in verbs for x in v.children if x.dep_ == "xcomp" and _lemma(x) == "be"
            for a in x.children if a.dep_ == "attr"]


def _by_agent(verb: Token) -> Token | None:
    """The object of a verb's "by" agent ("drones launched by the RSF": the RSF), or None."""
    return next((g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)


def _blamed_doer(e: _Ev, actor_at: dict) -> dict | None:
    """Whom the teller of an act with no doer blames for it ("a drone strike hit a fuel depot,
    the army said, blaming the RSF"; "a bomb exploded at a market, police said, blaming Boko
    Haram"): the doer as the report gives it, as a coder codes an act attributed to a group.
    Only a participle of blaming on the act's verb or on the saying that reports it counts."""
    doc = e.tok.doc
    verbs = [doc[h] for h in sorted(e.heads)] + ([e.carrier] if e.carrier is not None else [])
    verbs += [v.head for v in verbs if v.dep_ == "ccomp" and v.head.lemma_.lower() in REPORTING_LEMMAS]
    for v in verbs:
        for c in v.children:
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > v.i and _lemma(c) in ("blame", "accuse"):
                obj = next((g for g in c.children if g.dep_ == "dobj"), None)
                got = _actor_of(obj, actor_at) if obj is not None else None
                if got is not None:
                    return got
    return None


def _actor_of(tok: Token, actor_at: dict) -> dict | None:
    """Actor mention at a token, else the first one inside its phrase (skipping clauses).

    A title the actor lexicon cannot place ("the Federal Minister for Interior") gives way to
    its appositive when that names a placed actor ("..., Aftab Sherpao")."""
    if tok.i in actor_at:
        men = actor_at[tok.i]
        first = tok.doc.char_span(men["start"], men["end"], alignment_mode="expand")
        if men["actor"]["actor_kind"] == "person" and first is not None and first.start >= 2 \
                and tok.doc[first.start - 1].lower_ == "of" and first.start - 2 in actor_at \
                and _lemma(tok.doc[first.start - 2]) in FOLLOWER_NOUNS:
            # "Supporters of Raila Odinga set up blockades", parsed with the man as the subject:
            # his supporters did it
            return actor_at[first.start - 2]
        if GENERIC_ACTOR.fullmatch(men["actor"]["actor_id"]):
            # "JNIM militants" parsed with the name as a modifier of the generic noun: the group
            named = next((actor_at[c.i] for c in tok.children if c.dep_ in ("compound", "nmod", "amod")
                          and c.i < tok.i and c.i in actor_at
                          and actor_at[c.i]["actor"]["actor_kind"] == "organization"
                          and actor_at[c.i]["actor"]["sector_code"]   # a known group, not a bare name
                          and not GENERIC_ACTOR.fullmatch(actor_at[c.i]["actor"]["actor_id"])), None)
            if named is not None:
                return named
        if men["actor"]["sector_code"] in UNNAMED_DOERS or (
                men["actor"]["sector_code"] == "OPP" and _lemma(tok) in ("dissident", "defector")) or (
                men["actor"]["actor_kind"] == "group" and (_affiliated(tok) or (
                    # "Tuareg rebels of the FLA", "fighters from the ELN": armed men of a named
                    # group (not "students of the University of Lagos")
                    men["actor"]["sector_code"] in GROUP_SECTORS
                    and any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in tok.children)))):
            # "gunmen from the CJNG", "militants of al-Shabaab", "dissidents of the former FARC
            # rebel group", "gunmen linked to the CJNG", "fighters loyal to the LNA": the group
            # names the doers
            named = next((o for c in _affiliation_preps(tok)
                          for g in c.children if g.dep_ == "pobj"
                          # (the group itself after "linked to": not "loyal to Al-Qaeda's
                          # frontman al-Zarqawi", a person's men)
                          for o in [_actor_of(g, actor_at) if c.lower_ in ("from", "of") else actor_at.get(g.i)]
                          if _names_a_group(o)), None)
            if named is None:
                named = next((o for a in _believed_to_be(tok) for o in [_actor_of(a, actor_at)]
                              if o is not men and _names_a_group(o)), None)
            if named is not None:
                return named
        if not men["actor"].get("country_code"):
            named = next((actor_at[c.i] for c in tok.children if c.dep_ == "appos" and c.i in actor_at
                          and actor_at[c.i]["actor"].get("country_code")), None)
            return named or men
        return men
    # "Russian missiles and drones": the phrase's own modifier before a coordinated noun
    own = next((actor_at[c.i] for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                and c.i < tok.i and c.i in actor_at), None)
    if own is not None:
        return own
    if _lemma(tok) in FOLLOWER_NOUNS:
        # "supporters of the Awami League and the BNP", parsed with the BNP joined to
        # "supporters": whose supporters the "of" says, before any noun coordinated with them
        body = next((actor_at[g.i] for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj" and g.i in actor_at
                     and actor_at[g.i]["actor"]["actor_kind"] == "organization"), None)
        if body is not None:   # (a body the lexicon lacks too: "members of the Radaa Force")
            return body
        if any(actor_at[g.i]["actor"]["actor_kind"] == "person" for c in tok.children if c.dep_ == "prep"
               and c.lower_ == "of" for g in c.children if g.dep_ == "pobj" and g.i in actor_at):
            return None   # "loyalists of ousted President Bashar Assad": his men, not the man
    for c in tok.conjuncts:
        if c.i in actor_at:
            return actor_at[c.i]
    for t in tok.subtree:
        if t.i in actor_at:
            anc = t
            ok = True
            while anc.i != tok.i:
                if misparsed_speaker(anc):
                    ok = False   # "killing two women, regional governor Oleh Syniehubov said"
                    break
                if (anc.dep_ in ("relcl", "acl", "advcl", "ccomp")
                        and not (anc.dep_ == "acl" and _lemma(anc) in CARRYING_VERBS)) or (
                        anc.dep_ == "prep" and anc.lower_ in WHERE_PREPS) or (
                        anc.dep_ == "pobj" and anc.head.lower_ == "with" and _lemma(anc) in INSTRUMENT_NOUNS):
                    # "a military base in Nigeria's Borno state" is nobody's; "the defences
                    # with heavy artillery" are not the gunners'
                    ok = False
                    break
                anc = anc.head
            if ok:
                # (read as that word's own mention: "a group of armed men believed to be
                # members of the Gulf Clan" are the Clan's, as the men would be)
                h = t
                while h.head.i != h.i and actor_at.get(h.head.i) is actor_at[t.i]:
                    h = h.head   # (the mention's head word: "men" of "armed men")
                return _actor_of(h, actor_at) or actor_at[t.i]
    return None


def _in_scene(tok: Token, ev_tokens: set[int], lex: EventLexicon) -> bool:
    """Whether an actor's word only qualifies a place or object of the scene ("near a police
    vehicle", "at the army base"): a modifier inside a locative phrase is nobody's doer, unless
    the phrase names an event ("over two Israeli air raids": the raids are Israel's)."""
    t = tok
    if t.dep_ not in ("compound", "amod", "poss", "nmod"):
        return False
    while t.dep_ in ("compound", "amod", "poss", "nmod", "conj", "appos") and t.head.i != t.i:
        t = t.head
        if t.i in ev_tokens:
            return False
    return t.dep_ == "pobj" and lex.place_words.get(t.head.lower_) == "locative"


def _is_patient(tok, ev_tokens: set[int]) -> bool:
    """Whether `tok` lies in what an event does something to: the passive subject or the
    object of a trigger ("137 Ukrainians, soldiers and civilians, had been killed"). Such a
    phrase names victims, so it must not be guessed as the event's source."""
    t = tok
    for _ in range(8):   # a few steps up the tree are enough within a noun phrase
        if t.dep_ in ("nsubjpass", "dobj") and t.head.i in ev_tokens:
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i in ev_tokens \
                and t.head.head.pos_ == "NOUN":
            return True   # "the killing of two journalists"
        if t.dep_ == "pobj" and t.head.lower_ in TARGET_PREPS - {"with"} and t.head.head.i in ev_tokens:
            return True   # "an IED detonated against a Frontier Corps vehicle"
        if t.dep_ == "nsubj" and _lemma(t.head) in VICTIM_SUBJECT_VERBS and _lemma(t.head) != "embrace":
            return True   # "Eleven people died and 20 others were injured": who died is a victim
        if t.head.i == t.i or t.dep_ in ("nsubj", "ROOT"):
            return False
        t = t.head
    return False


# Modes whose event noun takes its victim with "of" ("the arrest of the opposition leader").
OF_TARGET_MODES = {"arrest", "abduct", "torture", "targeted", "massacre", "deport", "sexual"}


def _object_clause(t: Token, lex: EventLexicon) -> Token | None:
    """The object of an act that the parser read as the subject of a clause: in "settlers
    attacked farmers harvesting olives" the small model makes "farmers harvesting olives" a
    clause (complement or adverbial) under "attacked", with no object. An act of force takes
    no such clause, so the subject right after the verb is its object (returned), and the
    clause only describes it."""
    if t.dep_ not in ("ccomp", "advcl") or t.tag_ != "VBG" or t.head.i == t.i \
            or any(c.dep_ == "dobj" for c in t.head.children):
        return None
    if not any(r.event_type in ("ASSAULT", "COERCE") for r in lex.rules.get((_lemma(t.head), "VERB"), ())):
        return None
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.left_edge.i == t.head.i + 1 else None


def _shared_passive_subject(tok: Token) -> Token | None:
    """The subject a passive verb with none of its own shares with the clause it hangs from
    ("protesters gathered and were dispersed", "... before being dispersed"): whom it befell."""
    if not any(c.dep_ == "auxpass" for c in tok.children) or any(c.dep_ in ("nsubj", "nsubjpass")
                                                                  for c in tok.children):
        return None
    first = min((c for c in tok.children if c.dep_ in ("aux", "auxpass")), key=lambda c: c.i)
    if first.i > 0 and tok.doc[first.i - 1].pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return None   # "... and eight people were wounded", the noun misparsed: its own subject
    if tok.dep_ in ("conj", "advcl", "xcomp"):
        head = tok.head
    elif tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
        head = tok.head.head
    else:
        return None
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _attributive_participle(tok: Token) -> bool:
    """Whether a past participle stands before the noun it describes ("the release of detained
    officials"): what befell the noun, by nobody the phrase names. Not a verb the parser hung
    on its object after a subject ("Gunmen on a motorbike opened fire", "opened" as a
    modifier of "fire")."""
    return tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.head.i > tok.i and tok.i > tok.sent.start \
        and tok.doc[tok.i - 1].pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "PUNCT")


def _misparsed_passive_subject(tok: Token) -> Token | None:
    """The own subject of a coordinated passive verb that the parser hung elsewhere ("arrested
    400 people and around 260 members of the police force were injured", the members under
    "around"): the last noun before its auxiliary, when it comes after the "and". Whom the harm
    befell, not the first clause's object."""
    if tok.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in tok.children) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    first = min((c for c in tok.children if c.dep_ in ("aux", "auxpass")), key=lambda c: c.i)
    cc = next((c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i), None)
    noun = tok.doc[first.i - 1] if first.i > 0 else None
    if cc is None or noun is None or noun.i <= cc.i + 1 or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return noun


def _participants(e: _Ev, actor_at: dict, lex: EventLexicon) -> tuple[dict | None, dict | None, bool]:
    """(source mention, target mention, source came from the parse)."""
    tok = e.tok
    src = tgt = None
    dead = _shot_dead_misread(tok)
    if dead is not None:
        # "Gunmen on a motorbike shot dead a councillor", read as "a motorbike shot" and a
        # predicate "dead": its subject shot, its object was shot
        src = next((m for c in dead.children if c.dep_ == "nsubj" for m in [_actor_of(c, actor_at)] if m), None)
        tgt = next((m for c in dead.children if c.dep_ == "dobj" for m in [_actor_of(c, actor_at)] if m), None)
        if src is not None or tgt is not None:
            return src, tgt, src is not None
    if _pos(tok) == "VERB":
        s = _stative_subject(tok, lex) or _source_token(tok)
        if s is not None and s.head.i != tok.i and getattr(_object_clause(s.head, lex), "i", None) == s.i:
            s = _source_token(s.head.head)   # "... attacked farmers harvesting olives, injuring four"
        src = _named_by(s, actor_at, lex)
        if src is None and tok.tag_ == "VBG" and tok.dep_ == "pobj":
            # "killed in firing by security forces": a gerund used as a noun names its doer after "by"
            by = _by_object(tok)
            src = _actor_of(by, actor_at) if by is not None else None
        if src is None and tok.pos_ != "VERB" and tok.i > 0 and tok.i - 1 in actor_at:
            # "Military Forces of Mali retook Lere", with the verb tagged a noun: the actor the
            # verb follows is its doer, as the parse cannot say
            src = actor_at[tok.i - 1]
        if src is None and s is not None and _lemma(s) not in BODY_NOUNS:
            # "an IED planted by Maoists exploded", "a rocket fired by the Houthis hit": the
            # weapon's user is the doer (not who set up a body that acts: "a commission set up
            # by Marcos has begun investigating")
            src = next((_actor_of(g, actor_at) for c in s.children if c.dep_ == "acl" and c.tag_ == "VBN"
                        for g in [_by_agent(c)] if g is not None), None)
        if src is None and s is not None:
            # "a drone attributed to the RSF struck the airport": whom the weapon is put down to
            src = next((_actor_of(g, actor_at) for c in s.children if c.dep_ == "acl"
                        and _lemma(c) in ("attribute", "blame") for a in c.children
                        if a.dep_ == "prep" and a.lower_ in ("to", "on") for g in a.children if g.dep_ == "pobj"), None)
        if src is None and s is not None and e.rule.event_type in SPEAKERS_ACTS \
                and _misjoined_to_report(tok, s, actor_at, lex):
            # "The State Department said the capture violated the accords and urged Rwanda to
            # withdraw", the urging parsed as the capture's: the speaker urges
            src = _named_by(_source_token(tok.head.head), actor_at, lex)
        if _lemma(tok) in VICTIM_SUBJECT_VERBS and s is not None and (
                s.head.i == tok.i or (tok.dep_ == "conj" and s.head.i == tok.head.i)):
            # "five people died", "a man was found with gunshot wounds and died": the subject,
            # its own or shared with the verb it is coordinated with, is the victim
            src, tgt = None, src
        # (a verb has one direct object: a second past a comma is a misparse, as of "struck an
        # oil depot ..., the regional governor Vyacheslav Gladkov said", the governor hung on
        # "struck"; one run on from the first is of the same phrase: "non-Muslims")
        first_dobj = next((c.i for c in tok.children if c.dep_ == "dobj"), None)
        dobj_ok = {c.i for c in tok.children if c.dep_ == "dobj" and first_dobj is not None
                   and not any(t.text == "," for t in tok.doc[first_dobj:c.i])}
        for c in tok.children:
            if c.dep_ == "nsubjpass" and (s is None or c.i != s.i):
                tgt = _actor_of(c, actor_at)
                if tgt is None and c.lower_ in PERSONAL_PRONOUNS and tok.dep_ == "ccomp" \
                        and _lemma(tok.head) in lex.reporting:
                    # "the president told reporters he had been arrested": the speaker
                    tgt = next((m for x in tok.head.children if x.dep_ == "nsubj"
                                for m in [_actor_of(x, actor_at)] if m is not None), None)
            elif c.dep_ in ("dobj", "dative") and tgt is None and (c.dep_ == "dative" or c.i in dobj_ok) and not (
                    _lemma(c) in INSTRUMENT_NOUNS and any(p.dep_ == "prep" and p.lower_ in AIMED_PREPS for p in tok.children)):
                # (not the guns of "firing heavy artillery at residents": whom they were aimed at)
                tgt = _actor_of(c, actor_at)
            elif c.dep_ in ("ccomp", "advcl") and tgt is None and (obj := _object_clause(c, lex)) is not None:
                tgt = _actor_of(obj, actor_at)
        if tgt is None:
            # "fired several mortar rounds at the AUSSOM base": whom the weapons were aimed at,
            # the aim hung on the weapons
            tgt = next((m for c in tok.children if c.dep_ == "dobj" and _lemma(c) in INSTRUMENT_NOUNS
                        for p in c.children if p.dep_ == "prep" and p.lower_ in AIMED_PREPS
                        for g in p.children if g.dep_ == "pobj" and g.lower_ not in PLACE_PARTS
                        for m in [_actor_of(g, actor_at)] if m is not None), None)   # (not "the government-held district")
        if tgt is None:
            # "shot dead a shopkeeper", misparsed with the victim under "dead"
            tgt = next((m for g in _under_dead(tok) if (m := _actor_of(g, actor_at)) is not None), None)
        if tgt is None and (shared := _shared_passive_subject(tok)) is not None:
            tgt = _actor_of(shared, actor_at)
        if tgt is None and (own := _misparsed_passive_subject(tok)) is not None:
            tgt = _actor_of(own, actor_at)
        if tgt is None:
            # "said its positions had been shelled", "burned their homes": whose the thing hit is
            own = next((p for c in tok.children if c.dep_ in ("nsubjpass", "dobj") and (s is None or c.i != s.i)
                        for p in c.children if p.dep_ == "poss" and p.lower_ in PRONOUNS), None)
            tgt = _other_than(_antecedent(own, actor_at, lex) if own is not None else None, src)
        if tgt is None:
            # (what a cooperation is against is its common enemy, no partner: "agreed to
            # cooperate against PKK militants")
            cooperative = str(lex.types[e.rule.event_type]["quad_class"]) in ("1", "2")
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in TARGET_PREPS and not (cooperative and c.lower_ == "against"):
                    for g in c.children:
                        if g.dep_ == "pobj" and not (c.lower_ == "with" and (_lemma(g) in INSTRUMENT_NOUNS or any(
                                x.dep_ == "compound" and _lemma(x) in INSTRUMENT_NOUNS for x in g.children))):
                            # (not the guns of "striking the defences with heavy artillery")
                            tgt = tgt or _actor_of(g, actor_at)
                        elif g.dep_ == "pobj":
                            # "opened fire with automatic rifles on residents", the aim hung on the guns
                            tgt = tgt or next((m for p in g.children if p.dep_ == "prep"
                                               and p.lower_ in ("on", "at", "against")
                                               for x in p.children if x.dep_ == "pobj"
                                               for m in [_actor_of(x, actor_at)] if m is not None), None)
        if tgt is None:
            # "after he threw an explosive device at them": whom an object pronoun stands for
            # (never the doer: "gunmen stormed the village and shot them")
            # ("arrested 12 of them": the pronoun of a counted object)
            obj = next((g for c in tok.children
                        for g in ([c] + [x for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                                         for x in p.children if x.dep_ == "pobj"] if c.dep_ in ("dobj", "nsubjpass")
                                  else [x for x in c.children if x.dep_ == "pobj"]
                                  if c.dep_ == "prep" and c.lower_ in TARGET_PREPS else [])
                        if g.lower_ in OBJECT_PRONOUNS), None)
            # (the people a sentence was about, not "the UNHCR office" they stood outside)
            tgt = _antecedent(obj, actor_at, lex, skip=src["actor"]["actor_id"] if src else None,
                              subjects_only=True) if obj is not None else None
            if obj is not None and obj.lower_ == "them" and ((tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj"))
                                                             or tok.dep_ == "conj"):
                # "attacked farmers with stones, injuring two of them": the people the act
                # the participle continues was aimed at (and "abducted two villagers and later
                # killed them": those the first verb took)
                tgt = next((m for c in tok.head.children if c.dep_ == "dobj"
                            for m in [_actor_of(c, actor_at)] if m is not None), None) or tgt
        headline = tok.dep_ == "acl" and _predicate_less(tok.head) and tok.head.pos_ in ("NOUN", "PROPN") and \
            not any(c.dep_ == "agent" for c in tok.children)
        if headline and src is None and (e.rule.event_type not in ("ASSAULT", "COERCE") or (
                _lemma(tok) in lex.reciprocal and tgt is None)):
            # "around 200 residents protested", "a newspaper called on Arabs to unite", "two
            # rival gangs fought", read as a modifier of the noun; a harm so read is a headline's
            # passive ("5 soldiers killed")
            src = _actor_of(tok.head, actor_at)
        elif ((tok.dep_ == "acl" and tok.tag_ == "VBN") or _attributive_participle(tok)) and tgt is None:
            tgt = _actor_of(tok.head, actor_at)   # "militants killed by ...", "the release of detained officials"
        elif tok.dep_ == "relcl" and tgt is None and any(
                c.dep_ == "nsubjpass" and c.lower_ in ("who", "that", "which") for c in tok.children):
            tgt = _actor_of(tok.head, actor_at)   # "four men who had been shot"
        elif tok.dep_ == "relcl" and tgt is None and e.rule.event_type in ("ASSAULT", "COERCE") and not any(
                c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS)
                for c in tok.children) and any(c.dep_ == "nsubj" for c in tok.children):
            tgt = _actor_of(tok.head, actor_at)   # "freed four soldiers they had kidnapped"
        elif tok.dep_ in ("xcomp", "oprd") and tgt is None and _harm(tok, lex):
            # "dozens of RSF fighters were reported killed", "two policemen were confirmed
            # killed": the subject of the passive verb of saying is the one harmed
            # (not a bare count: "dozens were reported killed on both sides" are no civilians)
            tgt = next((_actor_of(c, actor_at) for c in tok.head.children if c.dep_ == "nsubjpass"
                        and not ((c.like_num or c.lower_ in QUANTIFIERS)
                                 and not any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children))), None)
        if src is not None and s is not None and s.dep_ == "nsubj" and s.head.i == tok.i and \
                _bare_participle(tok) and _harm(tok, lex):
            src, tgt = None, tgt or src   # "5 soldiers killed.": a headline's passive, the soldiers died
        if src is None and _doerless(tok) and _harm(tok, lex):
            src = _cause_doer(tok, actor_at, lex)   # "were killed when RSF fighters attacked X"
        if tgt is None and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
            # "shot and killed a teacher": the object of the second verb is the first one's too
            partner = next((c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
            if partner is not None:
                tgt = next((_actor_of(g, actor_at) for g in partner.children if g.dep_ == "dobj"), None)
        if tgt is None:   # "threatened to attack Israel": the target of the content verb
            for c in tok.children:
                if c.dep_ == "xcomp":
                    tgt = next((_actor_of(g, actor_at) for g in c.children if g.dep_ == "dobj"), None)
    else:
        party = None   # "talks with X", "clashes between X and Y": a party, the doer only without a subject
        both_sides = False   # "between X and Y" names both sides; "with X" only the other one
        modifier = None      # the doer a modifier of the noun names ("Russian shelling")
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i in actor_at):
                own = _actor_of(c, actor_at)
                if own is None and c.dep_ == "poss" and c.lower_ in PRONOUNS:
                    own = _antecedent(c, actor_at, lex)   # "the ILO reiterated its demand"
                if c.dep_ == "poss" and (_harm(tok, lex) or e.rule.event_mode in OF_TARGET_MODES) \
                        and tok.tag_ == "NN" and own is not None and own["actor"].get("actor_kind") == "person" \
                        and c.lower_ not in ("its", "their") \
                        and not any(p.dep_ == "prep" and p.lower_ == "of" for p in tok.children):
                    # "during his arrest", "Navalny's detention": the one person it befell (not
                    # "Trump's deportations", "their arrest": a doer's acts, or a crowd's whose
                    # nearest actor is as often the doer)
                    tgt = tgt or own
                    continue
                src = src or own
                if src is own and c.dep_ != "poss":
                    modifier = own
            if c.dep_ == "prep":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                for g in objs:
                    if c.lower_ == "by":
                        # (the doer "by" names outranks a modifier that names the weapon's crew:
                        # "Artillery fire by the Rapid Support Forces")
                        by = _actor_of(g, actor_at)
                        src = by if by is not None and src is modifier else src or by
                        if (src is None or src is modifier) and g.tag_ == "JJ" and g.i + 1 in actor_at:
                            # "a drone strike by the rival Rapid Support Forces hit a market",
                            # the adjective parsed as the object and the name as the subject
                            src = actor_at[g.i + 1]
                    elif c.lower_ == "from" and e.carrier is None:
                        src = src or _actor_of(g, actor_at)   # "drawing criticism from EU officials"
                    elif c.lower_ in ("against", "on", "upon", "targeting"):
                        tgt = tgt or _actor_of(g, actor_at)
                    elif c.lower_ in ("between", "with", "among"):
                        if party is None:
                            party = _actor_of(g, actor_at)
                            both_sides = c.lower_ != "with" and party is not None
                            if both_sides:   # "between Meitei and Kuki groups": the side named first
                                party = next((actor_at[t.i] for t in g.subtree if t.i in actor_at), party)
                    elif c.lower_ == "of" and (_harm(tok, lex) or e.rule.event_mode in OF_TARGET_MODES):
                        by = _by_object(g)
                        if by is not None:   # "the killing of a colleague by a police officer"
                            src = src or _actor_of(by, actor_at)
                        victim = _actor_of(g, actor_at)
                        if victim is not None and victim is not src:
                            tgt = tgt or victim   # "the killing / arrest of two journalists"
        if src is None and _pos(tok) == "NOUN" and tok.dep_ == "dobj" and _pos(tok.head) == "VERB" \
                and not _passive(tok.head):
            # "marched to protest the killings of bus drivers by criminal gangs": a "by" the parser
            # hung on an active verb, right after its object, names the object's doer
            by = next((x for p in tok.head.children if p.dep_ == "prep" and p.lower_ == "by"
                       and p.i == tok.right_edge.i + 1 for x in p.children if x.dep_ == "pobj"), None)
            src = _actor_of(by, actor_at) if by is not None else None
        if tgt is None and e.carrier is not None and not _two_sided(e, lex):   # "the strike killed 2 PKK members"
            # (not "clashes between X and Y left 25 dead": the sides are the parties, see below)
            tgt = next((_actor_of(c, actor_at) for c in e.carrier.children
                        if c.dep_ == "dobj" and c.i != tok.i and not tok.is_ancestor(c)), None)
            if tgt is None:   # "imposed sanctions on Tuesday on three army officers"
                tgt = next((m for c in e.carrier.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "against")
                            for g in c.children if g.dep_ == "pobj"
                            for m in [_actor_of(g, actor_at)] if m is not None), None)
        for c in tok.children:   # "a drone strike attributed to Turkey", "a bombing blamed on ISIS"
            if src is None and c.dep_ == "acl" and c.tag_ == "VBN" and (
                    _lookup(c, lex.support_object) or _lemma(c) in ("commit", "perpetrate", "lead", "order")):
                # "assaults launched by jihadists", "raids carried out by the army" (not "the
                # offensive known by Americans as Mini-Tet", "an attack alleged by residents")
                agent = _by_agent(c)
                src = _actor_of(agent, actor_at) if agent is not None else None
            if src is None and c.dep_ == "acl" and _lemma(c) in ("attribute", "blame"):
                src = next((_actor_of(g, actor_at) for p in c.children if p.dep_ in ("prep", "agent")
                            and p.lower_ in ("to", "on") for g in p.children if g.dep_ == "pobj"), None)
        if src is None and party is None and e.carrier is not None:
            for c in e.carrier.children:
                if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                    party = next((_actor_of(g, actor_at) for g in c.children if g.dep_ == "pobj"), None)
        under = tok.dep_ == "pobj" and tok.head.lower_ == "under" and e.carrier is not None
        if under:
            # "a patrol came under fire", "they came under attack": the subject is fired on
            tgt = tgt or _named_by(_source_token(e.carrier), actor_at, lex)
        if src is None and e.carrier is not None and not under:
            s = _stative_subject(e.carrier, lex) or _source_token(e.carrier)
            # (not the noun itself: "an IED attack on a convoy of the army left 2 soldiers dead"
            # names in its own phrase whom it struck; its modifiers were read above)
            src = _named_by(s, actor_at, lex) if s is not None and s.i != tok.i else None
        if src is None and e.carrier is None and tok.dep_ == "dobj" and _pos(tok.head) == "VERB" \
                and lex.modality.get(_lemma(tok.head)) == "hypothetical":
            # "arrested al-Shabaab members who were planning an attack": those who plan the act
            # would carry it out (not the police, the nearest actor before it)
            src = _named_by(_source_token(tok.head), actor_at, lex)
        # ("after several days of fighting with the army": the days' phrase)
        spell = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and _lemma(tok.head.head) in TIME_UNITS and tok.head.head.dep_ == "pobj" else tok
        if src is None and party is not None and not both_sides and spell.dep_ == "pobj" and \
                spell.head.lower_ in ("after", "during", "in", "amid", "following") and _pos(spell.head.head) == "VERB":
            # "the army captured the village after a fierce battle with HTS": the fighters of
            # the verb fought the party (not "looters ransacked shops during clashes between
            # gangs and the police", which names both sides)
            s = _source_token(spell.head.head)
            subj = _actor_of(s, actor_at) if s is not None else None
            if subj is not None and subj["actor"]["actor_id"] != party["actor"]["actor_id"]:
                src = subj
        if src is None:
            src, party = party, None
        elif tgt is None and party is not None and party is not src:
            tgt = party   # "Fabius held talks with Romania's leaders"
        if src is None:
            claimer = _claimed_by(tok)
            src = _actor_of(claimer, actor_at) if claimer is not None else None
        if src is None and under:
            # "came under attack from al-Shabaab fighters": the attackers, the subject fired on
            src = next((_actor_of(g, actor_at) for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                        for g in c.children if g.dep_ == "pobj"), None)
        elif src is None and tok.dep_ in ("dobj", "pobj") and not (
                tok.dep_ == "pobj" and tok.head.lower_ in CIRCUMSTANCE_PREPS | MATTER_PREPS) and not (
                tok.dep_ == "pobj" and tok.head.lower_ in SEQUENCE_PREPS and not _same_kind_carried(tok.head.head, e, lex)):
            # only a verb that does the event lends it its subject ("began raids"); one that
            # talks about it does not ("the Council discussed the attacks"), nor one done
            # despite or amid it ("approved the law despite protests"), nor one whose act is
            # over it ("lodged a protest over the detention of a businessman": not Japan's)
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head
            lem = _lookup(verb, lex.support_object)
            if _lemma(verb) in ASPECT_HEADS or (lem and _has_particle(verb, lex.support_object[lem])
                                                 and not _told_before(lem, tok)):
                s = _source_token(verb)
                src = _actor_of(s, actor_at) if s is not None else None
    if src is None and _pos(tok) == "NOUN":
        # "The attack ... was blamed on the CODECO militia", "a drone attack blamed on the RSF
        # struck a mosque": whom the act is put down to did it
        blamed = [tok.head] if e.carrier is None and tok.dep_ == "nsubjpass" else []
        blamed += [c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        # (the first name after "on", whatever the parser hung it on: "blamed on the
        # paramilitary Rapid Support Forces", with the adjective taken for the object)
        src = next((actor_at[k] for v in blamed if _lemma(v) in ("blame", "attribute")
                    for a in v.children if a.dep_ == "prep" and a.lower_ in ("on", "to")
                    for k in _words_after(a) if k in actor_at), None)
    if src is None and _pos(tok) == "NOUN":
        # "a general strike called by the unions", "a protest organised by the union":
        # who called or organised the act did it
        src = next((m for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" and _lemma(c) in ORGANISING
                    for g in [_by_agent(c)] if g is not None for m in [_actor_of(g, actor_at)] if m), None)
    if src is None and e.rule.event_type in VIOLENT_TYPES:
        src = _blamed_doer(e, actor_at)
    # "recaptured the town from JNIM": the object is the ground, the loser is the target
    tgt = _loser(e, actor_at, lex) or tgt
    # "JNIM and the government reached an agreement on the release of prisoners": the second
    # party of a reciprocal act is its target, before what the act is about
    sides = _modifier_sides(e, actor_at, lex)
    if sides is not None:
        # "BNP and Awami League supporters clashed": each named body's supporters, one a side
        src, tgt = sides
    partner = _partner(e, src, actor_at, lex) if sides is None else None
    if partner is not None and src is not None and _pos(e.tok) == "VERB" \
            and partner["start"] < src["start"] < e.tok.idx and _both_in_subject(e, partner, src):
        # "Hindu and Muslim groups clashed": both sides are the subject, named in this order
        src, partner = partner, src
    tgt = partner or tgt
    if src is not None and tgt is not None and (src is tgt or (
            src["actor"]["actor_id"] == tgt["actor"]["actor_id"] and e.rule.event_type not in VIOLENT_TYPES)):
        # (drivers protesting "against the killings of drivers" protest no one of themselves;
        # rival factions of one cartel fighting each other keep both sides)
        tgt = None
    if tgt is not None and e.rule.event_type == "MOBILIZE" and _moved_forces(e, tgt):
        tgt = None   # "the army deployed troops", "police would be sent": the forces moved are no target
    if src is not None and e.rule.event_type == "PROTEST" and src["actor"]["sector_code"] in STATE_FORCE_SECTORS:
        s = _source_token(e.carrier if e.carrier is not None else e.tok)
        if s is not None and s.lower_ in PRONOUNS:
            # "police detained five students after they held a rally": a "they" read as the
            # state's forces does not protest; whom it stands for is left to the crowd the
            # sentence names
            src = None
    if tgt is not None and e.rule.event_type == "PROTEST" and _victim_of_the_grievance(e, tgt, lex):
        tgt = None   # "protested the killing of a taxi driver": the victim is not protested against
    if tgt is not None and src is not None \
            and tgt["actor"].get("country_code") in (None, src["actor"].get("country_code")):
        span = e.tok.doc.char_span(tgt["start"], tgt["end"], alignment_mode="expand")
        if span is not None and (_lemma(span.root) in WEAPON_OBJECTS or span.root.lower_ in WEAPON_OBJECTS):
            # "Iran launched 300 drones at Israel": the doer's own (or nobody's) weapons, not
            # whom they hit (unlike "shot down 12 Ukrainian drones")
            tgt = None
    return src, tgt, src is not None


def _stative_subject(tok: Token, lex: EventLexicon) -> Token | None:
    """The subject of a stance stated in the passive form ("Israel is opposed to French
    mediation", "Vietnam is committed to opening up"): the holder of the stance, not its target
    (`data/events_stative_passives.csv`). None for any other verb or with a "by" agent."""
    if _lemma(tok) not in lex.stative or tok.tag_ != "VBN" or any(c.dep_ == "agent" for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ == "nsubjpass"), None)


# Conjunctions of a clause that tells what caused a harm ("were killed when gunmen attacked").
CAUSE_MARKERS = {"when", "as", "after"}


def _cause_doer(tok: Token, actor_at: dict, lex: EventLexicon) -> dict | None:
    """The doer of the assault a clause under a doerless harm verb tells as its cause: "nine
    people were killed when RSF fighters attacked the village", "two died after militants
    opened fire". None when the clause is no assault or names no doer, or an unarmed crowd
    as the doer of a shooting or shelling."""
    for c in tok.children:
        if c.dep_ != "advcl" or not any(m.lower_ in CAUSE_MARKERS for m in c.children
                                        if m.dep_ in ("advmod", "mark")):
            continue
        rules = lex.rules.get((_lemma(c), "VERB"), [])
        if not any(r.event_type == "ASSAULT" for r in rules):
            continue
        s = _source_token(c)
        if s is not None and s.i != tok.i:
            men = _actor_of(s, actor_at)
            if men is not None and men["actor"]["sector_code"] in RIOT_SECTORS and any(
                    r.event_mode in ARMED_MODES for r in lex.rules.get((_lemma(tok), "VERB"), [])):
                return None   # "shot dead after protesters breached police lines": not the crowd's shots
            return men
    return None


def _both_in_subject(e: _Ev, a: dict, b: dict) -> bool:
    """Whether actor mentions a and b both lie in the phrase of the act's subject ("Hindu and
    Muslim groups clashed"; not "With the signing of an MOU, the government and the SPLM
    agreed", whose MOU is no party)."""
    heads = _subject_tokens(e)
    spans = [range(h.left_edge.idx, h.right_edge.idx + len(h.right_edge)) for h in heads]
    return all(any(m["start"] in r for r in spans) for m in (a, b))


def _subject_tokens(e: _Ev) -> list[Token]:
    """The doer's head word and its coordinated partners ("Armenia and Azerbaijan agreed")."""
    s = _source_token(e.tok) if _pos(e.tok) == "VERB" else None
    if s is None and e.carrier is not None:
        s = _source_token(e.carrier)
    if s is None:
        return []
    # the parser sometimes hangs the second of two coordinated subjects on the verb as a
    # subject of its own ("Sudanese Armed Forces (SAF) and RSF fought")
    twins = [c for c in s.head.children if c.dep_ == s.dep_ and c.i != s.i] \
        if s.dep_ in ("nsubj", "nsubjpass") else []
    return [s] + list(s.conjuncts) + twins


def _coordinated_modifiers(nouns: list[Token], deps: tuple[str, ...] = ("amod", "compound", "nmod")) -> list[Token]:
    """The coordinated modifiers of nouns, each with its partners ("the Armenian and
    Azerbaijani armies", "JNIM and ISSP militants"): parties a plural noun joins."""
    return [x for p in nouns for m in p.children if m.dep_ in deps and m.conjuncts for x in (m, *m.conjuncts)]


def _reciprocal(e: _Ev, lex: EventLexicon) -> bool:
    """Whether the trigger or its support verb is a reciprocal act ("clashed", "signed"), done by
    two parties to each other (`data/events_reciprocal.csv`)."""
    words = {_lemma(e.tok), e.tok.lower_} | ({_lemma(e.carrier)} if e.carrier is not None else set())
    return bool(words & lex.reciprocal)


def _modifier_sides(e: _Ev, actor_at: dict, lex: EventLexicon) -> tuple[dict, dict] | None:
    """The two named bodies whose people a reciprocal act's subject names by coordinated
    modifiers ("BNP and Awami League supporters clashed": the BNP's and the League's), or None."""
    if not _reciprocal(e, lex):
        return None
    if any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "with") for c in e.tok.children):
        return None   # ("U.S. and British warplanes clashed with Iraqi air defences": allies)
    named = []
    for t in _coordinated_modifiers(_subject_tokens(e)):
        men = actor_at.get(t.i)
        if men is not None and men["actor"]["actor_kind"] != "person" \
                and all(m["actor"]["actor_id"] != men["actor"]["actor_id"] for m in named):
            named.append(men)
    return (named[0], named[1]) if len(named) >= 2 else None


def _partner(e: _Ev, src: dict | None, actor_at: dict, lex: EventLexicon) -> dict | None:
    """For a reciprocal event ("X and Y clashed", "clashes between X and Y", "X and Y signed a
    peace agreement", `data/events_reciprocal.csv`) the second party is the target."""
    if src is None or not _reciprocal(e, lex):
        return None
    # "regime forces and Hezbollah clashed with HTS fighters": a with-object is the other side,
    # and the coordinated subjects fought together; so is an object ("the prime minister and
    # the army chief met Chinese officials")
    for c in (e.tok.children if _pos(e.tok) == "VERB" else ()):
        if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "with"):
            # (the object itself, not a party inside it: "exchanged lists of prisoners")
            other = actor_at.get(c.i) if c.dep_ == "dobj" else \
                next((m for g in c.children if g.dep_ == "pobj" and (m := _actor_of(g, actor_at)) is not None), None)
            if other is not None and other["actor"]["actor_id"] != src["actor"]["actor_id"]:
                return other
    parties = _subject_tokens(e)
    # "the Armenian and Azerbaijani armies exchanged fire": the parties are the subject's
    # coordinated modifiers, before the noun they share ("BNP and Awami League supporters
    # clashed": the League's supporters, not supporters at large)
    parties = _coordinated_modifiers(parties) + parties   # (and "JNIM and ISSP militants clashed")
    # "fighting took place between SAF and RSF": the phrase may hang on the support verb or
    # its object
    holders = [e.tok] + ([e.carrier] + [c for c in e.carrier.children if c.dep_ == "dobj"]
                         if e.carrier is not None else [])
    for c in (c for h in holders for c in h.children):
        if c.dep_ == "prep" and c.lower_ in ("between", "among"):
            parties += [g for g in c.children if g.dep_ == "pobj"]
            parties += [x for g in c.children if g.dep_ == "pobj" for x in g.conjuncts]
    # "members of the Hausa and Fulani communities clashed" (or "clashes between members of
    # ..."): the parties the members are of,
    # when they are two (not "supporters of PTI clashed with police": one side)
    # (or named in apposition: "members of rival gangs Los Choneros and Los Lobos")
    groups = [g for p in list(parties) for c in p.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj" and (g.conjuncts or any(
                  m.conjuncts for m in g.children if m.dep_ in ("amod", "compound", "nmod", "appos")))
              # (not a person's: "loyalists of ousted President Bashar Assad" are his men)
              and not (g.i in actor_at and actor_at[g.i]["actor"]["actor_kind"] == "person")]
    parties += [x for g in groups for x in (g, *g.conjuncts)]
    parties += _coordinated_modifiers(groups, ("amod", "compound", "nmod", "appos"))
    for t in parties:
        men = _actor_of(t, actor_at)
        if men is not None and men is not src and men["actor"]["actor_id"] != src["actor"]["actor_id"]:
            return men
    return None


def _moved_forces(e: _Ev, tgt: dict) -> bool:
    """Whether an actor is what a deployment moves: the object of "deployed" or "sent", or the
    subject of its passive."""
    span = e.tok.doc.char_span(tgt["start"], tgt["end"], alignment_mode="expand")
    verb = e.carrier if e.carrier is not None else e.tok
    return span is not None and span.root.dep_ in ("dobj", "nsubjpass") and span.root.head.i == verb.i


def _loser(e: _Ev, actor_at: dict, lex: EventLexicon) -> dict | None:
    """Whom something was taken from: "recaptured the town from JNIM militants"
    (`data/events_target_preps.csv`)."""
    preps = lex.target_preps.get(_lemma(e.tok)) or (
        lex.target_preps.get(_lemma(e.carrier)) if e.carrier is not None else None)   # ("sent aid to Sudan")
    if not preps or (_pos(e.tok) != "VERB" and e.carrier is None):
        return None
    holders = [e.tok] + [c for c in e.tok.children if c.dep_ in ("dobj", "prt")]   # "took over X from Y"
    if e.carrier is not None:
        holders.append(e.carrier)   # "issued an arrest warrant for X", the "for" hung on either
    for c in (c for h in holders for c in h.children):
        if c.dep_ == "prep" and c.lower_ in preps:
            return next((_actor_of(g, actor_at) for g in c.children if g.dep_ == "pobj"), None)
    return None


def _act_its_doer_retells(e: "_Ev", rec: dict, tolds: list["_Host"], actor_at: dict,
                          lex: EventLexicon) -> dict | None:
    """The assault told before, on the same day, that a later assault with a toll retells in
    its own doer's words ("The group said in a statement that it had killed 40 soldiers"), or
    None: the later row is the doer's account of that act, whose toll is its claim."""
    if rec["event_type"] != "ASSAULT" or not rec["source_actor_id"] or rec.get("_intercept") \
            or not (rec["fatalities"] or rec["injured_count"]):
        return None
    earlier = next((r for h in reversed(tolds) for r in h.assaults
                    if r["source_actor_id"] == rec["source_actor_id"] and r["event_date"] == rec["event_date"]), None)
    return earlier if earlier is not None and _told_by_its_doer(e, rec, actor_at, lex) else None


# Nouns by which a story refers to the armed group that claims an act ("the group said it had
# killed 30 soldiers").
CLAIMING_GROUP_NOUNS = {"group", "militants", "rebels", "insurgents", "jihadists", "militia", "movement",
                        "organisation", "organization", "faction", "fighters"}


def _told_by_its_doer(e: "_Ev", rec: dict, actor_at: dict, lex: EventLexicon) -> bool:
    """Whether an act is told in what its own doer says ("The group said it had killed 40
    soldiers", "the army said its troops had killed 20 militants")."""
    verb = e.carrier if e.carrier is not None else e.tok
    if verb.dep_ != "ccomp" or _lemma(verb.head) not in lex.reporting:
        return False
    saying = verb.head
    subj = next((c for c in saying.children if c.dep_ == "nsubj"), None)
    if subj is None and saying.tag_ == "VBG" and saying.dep_ in ("advcl", "xcomp", "conj"):
        # "the militants claimed the ambush, saying they had killed 12 soldiers":
        # the participle's speaker is its clause's subject
        subj = next((c for c in saying.head.children if c.dep_ == "nsubj"), None)
    who = _named_by(subj, actor_at, lex)
    if who is not None:
        return who["actor"]["actor_id"] == rec["source_actor_id"]
    # ("The group said in a statement that it had killed 30 soldiers": a definite noun of an
    # armed group that says "it" or "they" did it speaks of its own act)
    own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and own is not None and own.lower_ in ("it", "they", "we") \
        and any(d.lower_ == "the" for d in subj.children) and _lemma(subj) in CLAIMING_GROUP_NOUNS


def _claimed_in_passing(coded: list[tuple["_Ev", dict, object]], actor_at: dict,
                        sector_of: dict) -> list[tuple["_Ev", dict, object]]:
    """"A suicide bomber struck a checkpoint, killing six officers, police said, in an attack
    claimed by the Pakistani Taliban": the noun hung on the verb of saying tells the attack of
    the sentence again and names who claimed it. The claimant becomes the doer of the
    sentence's assaults whose doer is unnamed, and the noun makes no row of its own."""
    out = []
    claimant = None
    for e, rec, r in coded:
        tok = e.tok
        agent = next((g for c in tok.children if c.dep_ == "acl" and _lemma(c) == "claim"
                      for g in [_by_agent(c)] if g is not None), None)
        men = _actor_of(agent, actor_at) if agent is not None else None
        told = tok.dep_ == "pobj" and tok.head.lower_ == "in" and _pos(tok.head.head) == "VERB" and \
            not any(tok.head.head.i in x.heads for x, _y, _z in coded)
        if men is not None and rec["event_type"] == "ASSAULT" and told and _pos(tok) == "NOUN" and len(coded) > 1:
            claimant = men
            continue
        out.append((e, rec, r))
    if claimant is None:
        return coded
    for _e, rec, _r in out:
        src = rec["source_actor_id"]
        if rec["event_type"] == "ASSAULT" and (src is None or sector_of.get(src) in UNNAMED_DOERS):
            rec["source_actor_id"] = claimant["actor"]["actor_id"]
    sector_of[claimant["actor"]["actor_id"]] = claimant["actor"]["sector_code"]
    return out


def _claimed_by(tok: Token) -> Token | None:
    """Who claimed an attack: "ISWAP claimed responsibility for a suicide bombing", "the group
    claimed the attack". A claim names the doer as surely as a subject does."""
    verb = None
    if tok.dep_ == "pobj" and tok.head.lower_ == "for" and _lemma(tok.head.head) == "responsibility":
        verb = tok.head.head.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "for" and any(
            c.dep_ == "dobj" and _lemma(c) == "responsibility" for c in tok.head.head.children):
        verb = tok.head.head   # "claimed responsibility Monday for an attack", the "for" hung on the verb
    elif tok.dep_ == "dobj":
        verb = tok.head
    if verb is None or _lemma(verb) not in ("claim", "accept", "admit"):
        return None
    return _source_token(verb)


def _still_to_come(tok: Token, lex: EventLexicon) -> bool:
    """Whether a word before the token says it is still to come ("a planned rally", "the
    scheduled talks", "an upcoming march": `hypothetical` in events_modality.csv)."""
    return any(c.dep_ == "amod" and c.i < tok.i and lex.modality.get(_lemma(c)) == "hypothetical"
               for c in tok.children)


def _scheduled(e: _Ev, lex: EventLexicon) -> bool:
    """Whether an event noun is one still to come by the calendar ("ahead of the central bank
    meeting", "the planned talks"): hypothetical, but no one's offer (not an AGREE)."""
    tok = e.tok
    verb = e.carrier if e.carrier is not None else tok
    if verb.dep_ == "xcomp" and _lemma(verb.head) in PREDICTION_WORDS and (
            any(c.dep_ == "auxpass" for c in verb.head.children) or verb.head.pos_ == "ADJ"):
        return True   # "the two sides are expected to resume talks", "are due to meet": foretold, offered by none
    if _pos(tok) != "NOUN" or e.carrier is not None:
        return False
    if _still_to_come(tok, lex):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _lemma(tok.head.head) in ROUND_NOUNS \
            and tok.head.head.dep_ == "pobj" and tok.head.head.head.lower_ == "of":
        tok = tok.head.head   # "ahead of the next round of nuclear talks": the round's time
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "ahead"


# Nouns of one sitting of a series of talks ("the next round of talks").
ROUND_NOUNS = {"round", "session", "sitting"}


# Words that foretell an act without anyone offering it ("are expected to", "are due to").
PREDICTION_WORDS = {"expect", "due", "likely", "set", "schedule", "slate", "poise", "unlikely", "forecast", "predict"}
# Prepositions of a time or circumstance an act is told against: an act named in them keeps its
# own polarity ("failed to capture the town after a battle with the army").
CIRCUMSTANCE_TIME_PREPS = SEQUENCE_PREPS | {"during", "amid", "despite"}
# Tags of finite verbs: a conjunct with one of its own does not share the negation and modals
# of the verb it is joined to ("was not against the rallies and urged calm").
FINITE_TAGS = {"VBD", "VBZ", "VBP"}


def _conjunctions(t: Token) -> set[str]:
    """The words ("and", "or", "but") that join a conjunct to the word before it."""
    if t.dep_ != "conj":
        return set()
    return {c.lower_ for c in t.head.children if c.dep_ == "cc" and t.head.i < c.i < t.i}


def _aimed_at(tok: Token) -> bool:
    """Whether a verb is an infinitive describing a noun ("refused orders to shoot", "a plan to
    withdraw troops", "calls to boycott the vote"): the noun tells an act ordered, planned or
    called for, which the sentence does not say was done. Not after "the first" or "the only"
    ("the first country to send troops" did send them)."""
    if not (tok.dep_ == "acl" and _pos(tok) == "VERB" and _pos(tok.head) == "NOUN"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
        return False
    return not any(c.dep_ == "amod" and (c.lower_ in RANK_WORDS or c.tag_ == "JJS") or c.like_num
                   for c in tok.head.children)


# Words that rank the noun an infinitive describes by an act done ("the first to arrive").
RANK_WORDS = {"first", "second", "third", "last", "only", "latest", "next"}


def _flags(e: _Ev, lex: EventLexicon) -> tuple[bool, bool]:
    """(is_negated, is_hypothetical) from negation words, modals and governing verbs."""
    negated = hypothetical = False
    tokens = [e.tok] + ([e.carrier] if e.carrier is not None else [])
    t = tokens[-1]
    # (a verb the act is only coordinated with lends it no modality: "stopped a bus and shot
    # dead nine passengers" is no shooting stopped)
    beside: set[int] = set()
    own_from = None   # (the first of `tokens` above a time clause of its own, whose negation is not the act's)
    for _ in range(3):
        tokens.append(t)
        # ("did not arrest or beat them": "or" carries the "not" on, whatever tag "beat" gets)
        joining = _conjunctions(t)
        alternative = bool(joining & {"or", "nor"})
        if t.dep_ == "conj" and ((t.tag_ in FINITE_TAGS and not alternative)
                                 or any(c.dep_ in ("aux", "neg") for c in t.children)):
            # "would not withdraw the bill but invited them to talks", "would not resign and
            # would fight on", "was not against the protests and urged calm": a verb of its own
            # tense or with its own auxiliary (a finite verb is its own clause's: "did not
            # arrest and beat them" has one "did")
            break
        if t.dep_ == "pobj" and t.head.lower_ in CIRCUMSTANCE_TIME_PREPS | MATTER_PREPS:
            # "failed to capture the town after a 10-hour battle": the battle was fought; "has not
            # arrested anyone over the killings": the killings were done
            break
        if joining & {"but", "yet"}:
            break   # "did not attack Uvira as feared, but clashed with militias": a contrast, done
        if t.dep_ in ("ccomp", "conj") and t.head.i > t.i and any(
                x.text == ";" for x in t.doc[t.right_edge.i + 1:t.head.i]):
            break   # "Fano claimed to have killed 20 soldiers; the figure could not be verified":
            # a clause after a semicolon stands alone, however the parser hangs the one before
        if own_from is None and t.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKS for c in t.children):
            # "the army did not respond after the rebels shelled the town": a clause of its own,
            # whose act the main clause's "not" does not deny (a "will" above still makes it
            # one to come: "will enter the town once it is liberated")
            own_from = len(tokens)
        if t.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "pcomp", "advcl", "conj") and t.head.i != t.i:
            if t.dep_ == "conj" and t.tag_ in FINITE_TAGS:
                beside.add(t.head.i)
            t = t.head
            if t.pos_ == "ADP":
                t = t.head
        elif t.dep_ == "nsubjpass" and _pos(t) == "NOUN" and t.head.i != t.i:
            t = t.head   # "a hideout from which attacks were planned": what was planned
        else:
            break
    for i, t in enumerate(tokens):
        told = i > 0 and _lemma(t) in lex.reporting and any(
            x.dep_ == "ccomp" and x.head.i == t.i for x in tokens[:i])
        if told and any(c.dep_ == "neg" for c in t.children):
            # "did not say who carried out the attack": the saying is negated, not the act;
            # "did not say whether anyone was hurt" leaves it open
            clause = next(x for x in tokens[:i] if x.dep_ == "ccomp" and x.head.i == t.i)
            if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children):
                hypothetical = True
            continue
        for c in t.children:
            if (c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in ("det", "advmod", "neg"))) \
                    and (own_from is None or i < own_from):
                negated = True
            if c.dep_ in ("aux", "mark") and lex.modality.get(c.lower_) == "hypothetical" \
                    and not (i > 0 and c.lower_ == "could" and _lemma(t) in PERCEPTION_VERBS):
                hypothetical = True   # (not "we could hear them shooting": what was heard was done)
        if i == 0 and _aimed_at(t):
            hypothetical = True   # "orders to shoot", "a plan to withdraw": aimed at, not done
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in t.children) \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            hypothetical = True   # "called for Pashinyan to resign": wished for, not done
        if i == 0 and _still_to_come(t, lex):
            hypothetical = True   # "a planned rally", "the scheduled talks", "an upcoming march"
        if i > 0 and t.i != e.tok.i and t.i not in beside:
            eff = lex.modality.get(_lemma(t))
            if eff in ("hypothetical", "forbidden"):   # "banned the rallies": not held (as said)
                hypothetical = True
            elif eff == "negated" and (own_from is None or i < own_from) and tokens[i - 1].dep_ != "advcl":
                negated = True   # (not the result it is told with: "foiled the offensive, killing 12")
    if e.tok.dep_ in ("pobj", "pcomp") and e.tok.head.lower_ == "without":
        negated = True         # "seized the town without a fight", "handed it over without fighting"
    t = e.carrier if e.carrier is not None else e.tok
    if t.dep_ == "xcomp" and _lemma(t.head) in ("have", "be") and \
            any(c.lower_ == "yet" and c.dep_ == "advmod" for c in t.head.children):
        negated = True         # "the army has yet to enter the town", "is yet to be released"
    if any(_nobody(c) for c in e.tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")):
        negated = True         # "no one was killed"
    if e.carrier is None and _lemma(e.tok) in GAIN_VERBS | FIGHT_AIMS and _purpose_clause(e.tok) is not None:
        hypothetical = True    # "launched an offensive to retake the town", "sent troops to fight": an aim
    if _supposed_act(e):
        hypothetical = True    # "a Chinese attack on Taiwan could threaten Japan's survival"
    v = e.carrier if e.carrier is not None else e.tok
    if v.dep_ in ("acl", "ccomp") and _pos(v.head) == "NOUN" and lex.modality.get(_lemma(v.head)) == "hypothetical" \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children):
        hypothetical = True    # "after rumours that a holy book had been burned": unconfirmed
    if e.rule.event_type == "THREATEN":
        hypothetical = False   # the threat itself happened
    return negated, hypothetical


# Conjunctions of a clause told as what came before, after or at the time of another ("after",
# "when"): with a subject of its own, the clause keeps its own negation and modality.
TIME_MARKS = {"after", "before", "when", "since", "while", "because", "as", "once"}


# Verbs of perceiving: "could" on them is the past of "can", and what they perceived was done.
PERCEPTION_VERBS = {"hear", "see", "watch", "feel", "smell"}


def _supposed_act(e: _Ev) -> bool:
    """Whether an indefinite event noun is the subject of a verb with a modal ("a Chinese attack
    on Taiwan could threaten Japan", "an offensive would be catastrophic"): an act supposed, not
    told. Not "could have" (what a done act might have done) nor a definite act ("the attack
    will be investigated")."""
    tok = e.tok
    if _pos(tok) != "NOUN" or e.carrier is not None or tok.dep_ != "nsubj" or _definite(tok) \
            or any(c.dep_ == "poss" for c in tok.children):
        return False
    aux = [c.lower_ for c in tok.head.children if c.dep_ in ("aux", "auxpass")]
    return any(a in FUTURE_MODALS for a in aux) and "have" not in aux


PLACE_CHAIN_DEPS = ("compound", "amod", "nmod", "appos", "conj", "poss", "flat")
PLACE_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "flat")
OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "dative"}
SUBJECT_DEPS = {"nsubj", "csubj", "agent", "expl"}
PLACE_PREP_ROLES = ("locative", "part", "direction")   # roles of prepositions that say where
# Event types that take a stand or state a position (not physical acts, movements or aid).
STANCE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
                          "SANCTION"})
# Prepositions that name where a withdrawal went, not where it happened ("pulled back towards
# the border", "retreated into Niger").
DESTINATION_PREPS = frozenset({"to", "towards", "toward", "into"})
DEFAULT_PLACE_LEVEL = 3   # a feature code missing from events_place_levels.csv: between town and province
PINNED_LEVELS = {"enclosing": 2, "nearby": 2, "article_town": 1,   # place_precision of a pinned mention
                 "name_only": 2}                                     # ... or of one known by name only


def _crowd_control_on_protest_day(coded: list[tuple["_Ev", dict, object]], published: dt.date | None) -> None:
    """"Police fired tear gas at protesters who tried to march on parliament on Thursday": force
    used against a protest the sentence dates, with no date of its own, was used that day (the
    date sits in the clause describing the crowd, which otherwise dates nothing else). Not a
    protest still to come ("unions called a strike for Friday, and police fired tear gas"). In
    place."""
    dated = [rec for _e, rec, _r in coded if rec["event_type"] == "PROTEST" and rec["date_text"]
             and not rec["is_negated"] and not rec["is_hypothetical"]
             and not (published and rec["event_date"] and rec["event_date"] > published)]
    if len({(r["event_date"], r["date_precision"]) for r in dated}) != 1:
        return
    for _e, rec, _r in coded:
        if rec["event_mode"] == "crowd-control" and rec["date_text"] is None:
            rec.update(event_date=dated[0]["event_date"], date_precision=dated[0]["date_precision"],
                       date_text=dated[0]["date_text"])


def _nationwide(e: "_Ev") -> bool:
    """Whether the act is said to cover the whole country ("imposed a curfew nationwide",
    "shut down the internet across the country")."""
    verb = e.carrier if e.carrier is not None else e.tok
    # (a verb joined to one said to act nationwide shares it: "imposed a curfew nationwide and
    # shut down mobile internet")
    for c in [*verb.children, *(verb.head.children if verb.dep_ == "conj" else ())]:
        if c.lower_ in ("nationwide", "countrywide"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("across", "throughout") and any(
                g.lower_ in ("country", "nation") for g in c.children if g.dep_ == "pobj"):
            return True
    return False


def _country_place(place_of: dict, place: dict | None) -> str | None:
    """The place id of the country a place lies in, when the article names that country."""
    if place is None:
        return None
    return next((pid for pid, p in place_of.items() if (p.get("feature_code") or "").startswith("PCL")
                 and p.get("country_code") == place.get("country_code")), None)


# Nouns of "in the same district" and the GeoNames feature codes (by prefix) of the place
# they refer back to when no earlier name was said with the noun itself ("Bijapur district").
SAME_PLACE_NOUNS = {"town": ("PPL",), "city": ("PPL",), "village": ("PPL",), "locality": ("PPL",),
                    "neighbourhood": ("PPL",), "neighborhood": ("PPL",), "district": ("ADM", "PPL"),
                    "municipality": ("ADM", "PPL"), "county": ("ADM",), "province": ("ADM",),
                    "state": ("ADM",), "region": ("ADM", "RGN", "AREA"), "area": ("PPL", "ADM", "RGN", "AREA")}


def _same_place(sent, place_at: dict) -> str | None:
    """The place that "in the same district" (town, area ...) refers back to: the latest name
    said before with that noun ("Bijapur district ... in the same district"), else the latest
    earlier place of a fitting kind. A coder places the act there; the sentence names no other."""
    doc = sent.doc
    for t in sent:
        noun = t.head
        if t.lower_ != "same" or t.dep_ != "amod" or noun.lower_ not in SAME_PLACE_NOUNS \
                or noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "at", "near", "around", "from"):
            continue
        fitting = None
        for i in range(sent.start - 1, -1, -1):
            men = place_at.get(i)
            place = _mention_place(men) if men is not None else None
            if place is None or (i + 1 < len(doc) and place_at.get(i + 1) is men):
                continue   # (a name's last token is met first)
            if i + 1 < len(doc) and doc[i + 1].lower_ == noun.lower_:
                return place["place_id"]
            if fitting is None and (place.get("feature_code") or "").startswith(SAME_PLACE_NOUNS[noun.lower_]):
                fitting = place["place_id"]
        return fitting
    return None


def _mention_place(men: dict) -> dict | None:
    """The place a place mention stands for where an event happened: the capital it names
    ("in Somalia's capital", "the Kenyan capital"; see places.find_places), its resolved
    place, or else the name-only place of a toponym the gazetteer could not place."""
    return men.get("capital") or men.get("place") or men.get("candidate")


def _place_level(men: dict, span, lex: EventLexicon) -> int:
    """How large the named feature is (1 a spot or quarter ... 8 a continent).

    Of two places tied to the event equally closely the smaller one says more precisely where
    it happened ("in the eastern countryside of Homs province in central Syria"). The size
    comes from the GeoNames code. A name that says what it is ("Al-Sweida Governorate",
    "Takhar Province") is that large even when the gazetteer matched it to a town.
    A name the gazetteer lacks, pinned to the place the text puts it in or near, or a facility
    given its article's town, is smaller than that place: at most a town, or a spot.
    """
    level = _feature_level(str((_mention_place(men) or {}).get("feature_code") or ""), lex)
    if level < DEFAULT_PLACE_LEVEL:   # trust an administrative code; correct a town that is a governorate
        level = max(level, lex.noun_levels.get(_lemma(span[-1]), 0))
    if men.get("place") is None:
        return min(level, PINNED_LEVELS["name_only"])
    return min(level, PINNED_LEVELS.get(men.get("place_precision") or "", level))


def _phrase_preposition(tok: Token) -> str:
    """The preposition whose object the token's noun phrase is ("" when none)."""
    t = _chain_top(tok)
    return t.head.lower_ if t.dep_ == "pobj" else ""


def _chain_top(tok: Token) -> Token:
    """The head of the noun phrase a place token sits in, up its chain of compounds,
    modifiers, appositions and conjuncts ("Homs" in "the countryside of Homs province")."""
    t = tok
    while t.dep_ in PLACE_CHAIN_DEPS and t.head.i != t.i:
        t = t.head
    return t


def _in_locative_phrase(tok: Token, lex: EventLexicon) -> bool:
    """The token heads the object of a locative preposition ("police in Ireland", "near X's parliament")."""
    return lex.place_words.get(_phrase_preposition(tok)) == "locative"


def _party_phrase(tok: Token) -> bool:
    """Whether the token heads an object of "between" or "among": the parties of a clash or
    talks, not a scene, when they are actors."""
    return _phrase_preposition(tok) in ("between", "among")


# Nouns for help given, whose "from" names a backer ("with support from Australia").
SUPPORT_NOUNS = WORDS["support"]


def _speaking_from(tok: Token, lex: EventLexicon) -> bool:
    """Whether a place is where someone spoke from ("told Reuters from the nearby town of
    Afgoye", "said by telephone from Goma"): through "of" phrases up to a "from" on a verb
    of saying."""
    t = tok
    for _ in range(4):
        if t.dep_ != "pobj" or t.head.i == t.i:
            return False
        prep = t.head
        if prep.lower_ == "from":   # (not "reports from northern Hama": where the news is from)
            return prep.head.pos_ == "VERB" and _lemma(prep.head) in lex.reporting
        if prep.lower_ != "of" or prep.head.i == prep.i:
            return False
        t = prep.head
    return False


# Nouns of remembering a past act ("the anniversary of the protests").
REMEMBRANCE_NOUNS = WORDS["remembrance"]


def _charged_with(tok: Token) -> bool:
    """Whether an event noun (or one it is listed after) hangs from a charge noun by "of", "for"
    or "including" ("on charges of arson and assault"): an accusation's content, no act told."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in ("of", "for", "including") and tok.head.head.lower_ in CHARGE_NOUNS
# Participles that, with "to", describe a stance ("protesters opposed to the mine").
STANCE_PARTICIPLES = WORDS["stance_participle"]
# Verbs of taking a stand on what others did or said ("Kigali denies", "Washington condemned").
STANCE_VERBS = WORDS["stance_verb"]
# Verbs that take people away from a place, whose "from" says where the act happened (data).
TAKING_VERBS = WORDS["taking_verb"]


def _origin_of_object(prep: Token, actor_at: dict, lex: EventLexicon) -> bool:
    """Whether "from X" right after a verb's object names where the people it hit come from
    rather than where the act happened: spaCy hangs "from Punjab" on the verb in "shot dead
    seven labourers from Punjab", but a doer acts where its victims are, and says so with "in"
    or "near". Only for people named by a common noun ("seven labourers", not "ISIS" in
    "dislodge ISIS from Al-Bab"), and not after a verb that takes people away from a place
    ("abducted six villagers from Tillia", "evacuated civilians from Mariupol"), whose "from"
    is the scene."""
    if prep.lower_ != "from" or prep.head.pos_ != "VERB" or _lemma(prep.head) in TAKING_VERBS:
        return False
    obj = next((c for c in prep.head.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.right_edge.i + 1 == prep.i and obj.pos_ == "NOUN" and (
        _lemma(obj) in lex.person_nouns or (obj.i in actor_at and any(c.like_num for c in obj.children)))


def _proper_name_span(doc: Doc, men: dict) -> bool:
    """Whether an actor mention is a proper name throughout: every word capitalised but "in",
    "the", "of", "and" ("Islamic State in the Greater Sahara"; not "police in Ireland")."""
    span = doc.char_span(men["start"], men["end"], alignment_mode="expand")
    words = [t for t in span if t.is_alpha] if span is not None else []
    return len(words) > 2 and words[0].text[:1].isupper() and all(
        t.text[:1].isupper() or t.lower_ in ("in", "the", "of", "and", "for", "al", "el") for t in words)


def _not_a_location(span, actor_at: dict, lex: EventLexicon, place: dict | None = None) -> bool:
    """A place named as part of an actor, never where an event happened.

    Inside a longer actor mention or modifying an actor's word ("the EU delegation", "killed
    a US adviser", "Iraq's army"), unless that phrase is itself locative ("police in Ireland",
    "clashed near Pakistan's parliament"); the of-object of a name that belongs to an actor
    ("the Islamic State of Iraq and Al-Sham", "Almaas of Norway") or a name coordinated with
    an actor's name; the from-object of an actor's word ("warships from Britain"): origins,
    not scenes; a country after "with" (a partner, or the neighbour across a border); and a
    capital or country that speaks or takes a stand as a subject ("Moscow said"), or that a
    stand is taken against ("accusing Bogota of ...").
    """
    root = span.root
    men = actor_at.get(root.i)
    arg = _first_named(root)   # ("urged the United States and France")
    if men is not None and arg.dep_ == "nsubj" and men["start"] <= span.start_char and span.end_char <= men["end"] \
            and (_lemma(arg.head) in lex.reporting or _lemma(arg.head) in STANCE_VERBS):
        return True   # "a charge Kigali denies", "Moscow said": a government speaking, not a scene
    if men is not None and arg.dep_ == "dobj" and men["start"] <= span.start_char and span.end_char <= men["end"] \
            and _lemma(arg.head) in STANCE_VERBS:
        return True   # "after accusing Bogota of backing a plot": a government taken to task, not a scene
    if root.dep_ == "dobj" and _lemma(root.head) in ("border", "adjoin", "neighbour", "neighbor"):
        return True   # "the region, which borders Venezuela": the neighbour, not the scene
    country = _is_country(place)
    if country and root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i > root.i \
            and _lemma(root.head) not in TERRITORY_NOUNS \
            and lex.place_words.get(_lemma(root.head)) not in ("settlement", "admin", "area", "direction", "part", "route"):
        return True   # "a US operation", "the U.S. Treasury": whose act or body, not where (not "US territory")
    if men is not None and (men["start"] < span.start_char or men["end"] > span.end_char) \
            and men["start"] <= span.start_char and span.end_char <= men["end"] and _proper_name_span(span.doc, men):
        return True   # "the Islamic State in the Greater Sahara", "al-Qaeda in the Arabian Peninsula": a name
    if men is not None and (men["start"] < span.start_char or men["end"] > span.end_char) and \
            not _in_locative_phrase(root, lex):
        head = span.doc.char_span(men["start"], men["end"], alignment_mode="expand")
        if head is None or not _in_locative_phrase(head.root, lex):
            return True
    q = root
    while q.dep_ in ("conj", "compound", "flat", "appos") and q.head.i != q.i and q.head.i not in actor_at:
        q = q.head
    if q.dep_ == "conj" and q.head.pos_ == "PROPN" and actor_at.get(q.head.i) not in (None, men) and \
            any(c.dep_ == "prep" and c.lower_ == "of" for c in q.head.children):
        return True   # "the Islamic State of Iraq and Al-Sham" parsed as "State ... and Al-Sham"
    if q.dep_ == "conj" and country and actor_at.get(q.head.i) not in (None, men) and q.head.dep_ == "pobj" \
            and q.head.head.lower_ == "of" and not _in_locative_phrase(q.head, lex):
        return True   # "the governments of Mali and Algeria signed": Algeria's too, not a scene
    if root.dep_ in PLACE_MODIFIER_DEPS or q.dep_ in PLACE_MODIFIER_DEPS:
        owner = q.head if q.dep_ in PLACE_MODIFIER_DEPS else root.head
        other = actor_at.get(owner.i)
        if other is not None and other is not men and owner.pos_ in ("NOUN", "PROPN") and \
                (not _in_locative_phrase(owner, lex) or _party_phrase(owner)):
            return True   # "the EU delegation"; "clashes between the Al-Saida Tribes and ..."
        if owner.pos_ == "NOUN" and _lemma(owner) in lex.person_nouns and not _in_locative_phrase(owner, lex):
            return True   # "killed a US adviser", "three US sailors were killed": whose, not where
        if owner.pos_ == "NOUN" and lex.place_words.get(_lemma(owner)) == "owner" and country:
            return True   # "outside the US embassy", "over the US dollar": whose, not where
        if owner.pos_ == "NOUN" and lex.place_words.get(_lemma(owner)) == "named":
            return True   # "respect the Pretoria agreement": an accord's name, not a scene
    if _speaking_from(q, lex):
        return True   # "a captain told Reuters from the nearby town of Afgoye": the speaker's place
    if q.dep_ == "pobj" and _origin_of_object(q.head, actor_at, lex):
        return True   # "shot dead seven labourers from Punjab": where the dead came from
    top = q
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    if top.dep_ == "pobj" and top.head.dep_ == "agent":
        return True   # "a ceasefire brokered by Russia (and the US)": the doer of a passive, not a scene
    if q.dep_ != "pobj" or q.head.head.i == q.head.i:
        return False
    if q.head.lower_ == "with" and country:
        # "carried out with the United Kingdom", "met with Iran": a partner country; and "near
        # the border with Niger": the neighbour across it, not the side the event was on
        return True
    if q.head.lower_ == "from" and country and _lemma(q.head.head) in SUPPORT_NOUNS:
        return True   # "with support from Australia": a backer, not a scene
    prep, owner = q.head, q.head.head
    other = actor_at.get(owner.i)
    if other is None or other is men:
        return False
    if prep.lower_ == "of" and owner.pos_ == "PROPN":
        return True
    return lex.place_words.get(prep.lower_) == "origin" and owner.pos_ in ("NOUN", "PROPN")


def _own_prep_cap(tok: Token, lex: EventLexicon, e: "_Ev | None" = None) -> float:
    """The most a place can score given the preposition that introduces its phrase.

    1.0 when it says where ("in", "near", "the countryside of", and the "from" of a withdrawal
    `e`: "withdrew from Kidal"); 0.85 for a reference point
    ("south of the capital"), 0.6 for one at a distance ("100 miles northeast of Jammu") or a
    preposition that says what about ("a school for Quran recitation", "on behalf of").
    """
    t = _chain_top(tok)
    if t.dep_ not in ("pobj", "pcomp") or t.head.pos_ != "ADP":
        return 1.0
    prep = t.head
    role = lex.place_words.get(prep.lower_)
    if role == "part":
        owner_role = lex.place_words.get(_lemma(prep.head))
        if owner_role == "direction":
            owner = prep.head
            far = any(c.dep_ in ("npadvmod", "nummod") for c in owner.children) \
                or (owner.dep_ in ("appos", "npadvmod") and any(c.dep_ == "nummod" for c in owner.head.children))
            # (the parser hangs the direction on the distance when a bracket converts it:
            # "about 30 km (19 miles) west of Culiacán")
            return 0.6 if far else 0.85
        return 0.6 if owner_role == "nonspatial" else 1.0
    if _taken_from(prep) or _left_from(prep, e):
        return 1.0   # "abducted six villagers from Tillia": where the people were taken
    return 1.0 if role == "locative" else 0.6


def _left_from(prep: Token, e: "_Ev | None") -> bool:
    """Whether a "from" phrase of a withdrawal's trigger says where it withdrew from ("withdrew
    from Kidal"): the scene of the act, not an origin."""
    return e is not None and prep.lower_ == "from" and (e.rule.event_type, e.rule.event_mode) == WITHDRAWAL \
        and prep.head.i in e.heads


def _taken_from(prep: Token) -> bool:
    """Whether a "from" phrase says where a verb that takes people or things away took its
    object from ("abducted six villagers from Tillia"): the scene, not an origin."""
    return prep.lower_ == "from" and prep.head.pos_ == "VERB" and _lemma(prep.head) in TAKING_VERBS \
        and any(c.dep_ == "dobj" and c.i < prep.i for c in prep.head.children)


def _shares_subject(verb: Token) -> bool:
    """A coordinated verb without its own subject ("shot and killed"): same doer, same scene."""
    return not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


def _attachment(p: Token, e: _Ev, loc_heads: set[int], lex: EventLexicon) -> float:
    """How closely a place token is tied to the event (see `_link_score`), lowered when its own
    preposition does not simply say where (see `_own_prep_cap`)."""
    cap, link = _own_prep_cap(p, lex, e), _link_score(p, e, loc_heads, lex)
    return link if cap >= 1.0 else max(0.3, min(cap, link - 0.15))


def _link_score(p: Token, e: _Ev, loc_heads: set[int], lex: EventLexicon) -> float:
    """How closely a place token is tied to the event by the dependency parse.

    1.0 in a locative phrase of the trigger (or of its support verb, or of the noun its
    relative clause describes), 0.95 the territory acted on ("captured Goma"; 0.5 when the place
    is that of another event named in the object: "arrested the suspect in the Paris attacks"); 0.8 in a
    coordinated verb sharing the subject ("shot and killed ... in X"); 0.75 "from X" of the
    trigger; 0.7 inside the subject ("demonstrators in Nepal protested"); 0.6 behind a
    preposition that does not say where ("protested against the bombing in Belgrade"); 0.55
    in a clause the trigger governs (but 0.95 the ground it aims to take: "attacked to recapture
    X"), 0.5 in the clause that governs it, less for each further clause between; 0.4 in a
    coordinated clause with its own subject; 0.3 elsewhere.
    """
    t, prev, steps = p, p, 0
    other_event = False   # the path passed another event noun: "the suspect in the attacks in Paris"
    described = False     # ... or a description of a person ("an officer with the brigade in X")
    while steps < 14:
        if t.i in loc_heads and t.i not in e.heads:
            return 1.0
        if t.i not in e.heads and t is not p and _pos(t) == "NOUN" and (_lemma(t), "NOUN") in lex.rules:
            other_event = True
        if t.i in e.heads:
            if prev is t:   # the place is the trigger itself or part of it
                return 1.0
            link = prev
            if link.dep_ == "prep":
                role = lex.place_words.get(link.lower_)
                if role in PLACE_PREP_ROLES or _taken_from(link) or _left_from(link, e):
                    return 1.0
                return 0.75 if role == "origin" else 0.6
            if link.dep_ in SUBJECT_DEPS:
                return 0.7
            if link.dep_ == "conj":
                return 0.4
            if link.dep_ in OBJECT_DEPS:
                if link.dep_ == "nsubjpass" and described:
                    return 0.6   # "Kupczyk, an officer with the brigade in the Baltic port, was shot"
                return 0.5 if other_event else 0.95
            if link.dep_ in ("npadvmod", "advmod") or _pos(t) == "NOUN":
                return 1.0   # "the Baghdad bombing", "Syria's war", "east of Palmyra, jets struck"
            return 0.6
        if t.head.i == t.i:
            break
        described = described or t.dep_ == "appos" or (t.dep_ == "prep" and t.lower_ == "with")
        prev, t = t, t.head
        steps += 1
        if t.pos_ in ("VERB", "AUX") and t.i not in e.heads and lex.place_words.get(_lemma(t)) != "part":
            if prev.dep_ == "dobj" and _lemma(t) in GAIN_VERBS and (aim := _purpose_clause(t)) is not None \
                    and aim.i in e.heads:
                return 0.95   # "attacked army positions to recapture the village of X": the ground fought for
            if prev.dep_ == "prep" and lex.place_words.get(prev.lower_) == "locative" and _lemma(t) in CAUSE_VERBS \
                    and any(c.dep_ == "dobj" and c.i in e.heads for c in t.children):
                return 1.0    # "prompting protests across Turkey", the "across" hung on the verb: where they were
            return _clause_attachment(t, e, lex)
    return 0.3


def _clauses_between(verb: Token, head: Token) -> int:
    """Verbs strictly between `verb` and its ancestor `head` in the tree."""
    n, t = 0, verb.head
    while t.i != head.i and t.head.i != t.i:
        n += t.pos_ in ("VERB", "AUX")
        t = t.head
    return n


def _clause_attachment(verb: Token, e: _Ev, lex: EventLexicon) -> float:
    """Score of a place that belongs to another verb of the sentence (see `_attachment`)."""
    doc = e.tok.doc
    heads = [doc[i] for i in e.heads]
    above = next((h for h in heads if h in verb.ancestors), None)
    if above is not None:                                # a clause the trigger governs
        if verb.dep_ == "conj" and verb.head.i == above.i:
            return 0.8 if _shares_subject(verb) else 0.4
        if verb.dep_ == "xcomp" and verb.head.i == above.i and verb.tag_ in ("VBN", "VBG"):
            return 0.8   # "bodies were found dumped on a highway near X": the state it was found in
        return max(0.3, 0.55 - 0.1 * _clauses_between(verb, above))
    below = next((h for h in heads if verb in h.ancestors), None)
    if below is not None:                                # a clause that governs the trigger
        if _lemma(verb) in lex.reporting:
            return 0.3
        top = _clause_head(below)
        if top.dep_ == "conj" and top.head.i == verb.i:
            return 0.8 if _shares_subject(top) else 0.4
        return max(0.3, 0.5 - 0.1 * _clauses_between(top, verb))
    return 0.3


def _where_heads(e: _Ev) -> set[int]:
    """The noun a relative clause of the trigger describes: the scene ("the suburb of X, where 33
    were killed") or what was acted on ("a camp in Aceh Province, which was raided"). When that
    noun only qualifies the one before it ("the camp at Mauthausen, Austria, where they were
    executed"), the qualified noun is described as well; the smaller place then wins."""
    out: set[int] = set()
    for i in e.heads:
        v = _clause_head(e.tok.doc[i])
        if v.dep_ == "relcl" and v.head.i != v.i:
            h = v.head
            out.add(h.i)
            while h.dep_ == "appos" and h.head.i != h.i and h.head.pos_ == "PROPN":
                h = h.head
                out.add(h.i)
    return out


def _phrase_noun(tok: Token, lex: EventLexicon) -> bool:
    """A noun that a place name can be the name of ("Sontyo village", "Guma area"); not a
    facility or group ("the United States Consulate in Sao Paulo" is in Sao Paulo)."""
    return lex.place_words.get(_lemma(tok)) in ("settlement", "admin", "area")


def _locators(spans: dict[int, object], e: _Ev, lex: EventLexicon) -> dict[int, int]:
    """Places that only locate another place of the same phrase, each with the place it locates.

    "Y" in "X in Y", "X of Y", "X near Y", "X, the capital of Y", "Y's X district", "the X
    area of Y state"; but "X" in "the X town of Y" or "the X state of Y", where the of-object
    names the town or state and the modifier is its region. Two names side by side ("Adamawa
    State, Mubi") are left to their sizes.
    """
    phrase: dict[int, int] = {}
    for key, span in spans.items():
        for t in span:
            phrase[t.i] = key
        t = span.root
        while t.dep_ in ("compound", "amod", "nmod", "flat") and t.head.i != t.i and t.head.i not in e.heads \
                and _phrase_noun(t.head, lex):
            t = t.head
            phrase.setdefault(t.i, key)
    for key, span in spans.items():   # "the town of Al-Mansourah in Al-Raqqa": the town is Al-Mansourah
        prep = span.root.head
        if span.root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i != prep.i and \
                _names_the_noun(prep, prep.head, span, span[:0], lex):
            phrase.setdefault(prep.head.i, key)
    out: dict[int, int] = {}
    for key, span in spans.items():
        t, prev = span.root, span.root
        for _ in range(12):
            if t.head.i == t.i:
                break
            prev, t = t, t.head
            if t.pos_ in ("VERB", "AUX") or t.i in e.heads:
                break
            other = phrase.get(t.i)
            if other is None or other == key:
                continue
            if prev.dep_ == "conj" or (prev.i == span.root.i and prev.dep_ == "appos"):
                break   # (nor a phrase joined to another's: "the city of A and the villages of B")
            if _names_the_noun(prev, t, span, spans[other], lex):
                out.setdefault(other, key)
            elif _locative_path(span.root, t, lex):
                out.setdefault(key, other)
            break
    for key, span in spans.items():   # "Port-au-Prince (Ouest)", "Kwall (Bassa, Plateau)"
        doc = span.doc
        # (past the kind of place the name is: "Mwanza town (Nyamagana, Mwanza)")
        opening = span.end + 1 if span.end + 1 < len(doc) and doc[span.end].is_lower \
            and doc[span.end].lower_ in lex.place_words and doc[span.end + 1].text == "(" else span.end
        if opening < len(doc) and doc[opening].text == "(":
            close = next((i for i in range(opening + 1, min(len(doc), opening + 12)) if doc[i].text == ")"), None)
            for other, inner in spans.items():
                if close is not None and other != key and opening < inner.start and inner.end <= close:
                    out.setdefault(other, key)
        if span.end + 1 < len(doc) and doc[span.end].lower_ in ("'s", "’s"):
            # "in Pakistan's Balochistan", whatever the parse makes of a headline
            for other, inner in spans.items():
                if other != key and inner.start == span.end + 1:
                    out.setdefault(key, other)
        # "in Jaramana, on the outskirts of Damascus", "in Kadugli, 20 km south of Dilling": the
        # place after the comma and the tie says where the first one is, however the parser
        # hangs it (often on the verb)
        at = locator_after(doc, span.end, span.sent.end)
        for other, inner in spans.items():
            if at is not None and other != key and inner.start == at:
                out.setdefault(other, key)
    return out


def _locative_path(tok: Token, top: Token, lex: EventLexicon) -> bool:
    """Whether every preposition between a place and `top` says where ("X in Y", "X near Y",
    "X, the capital of Y"), so that the place locates `top`."""
    t = tok
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "pobj" and lex.place_words.get(t.head.lower_) not in PLACE_PREP_ROLES:
            return False
        t = t.head
    return True


def _names_the_noun(prep: Token, noun: Token, span, other, lex: EventLexicon) -> bool:
    """Whether `span`, reached from `noun` through `prep`, is the name of `noun` ("the West Bank
    town of Tulkarm", "the Mexican state of Hidalgo") rather than where `noun` lies."""
    if prep.dep_ != "prep" or prep.lower_ != "of" or other.start <= noun.i < other.end:
        return False
    if lex.place_words.get(_lemma(noun)) not in ("settlement", "admin"):
        return False
    if _lemma(noun) == "region" and other.end <= noun.i and other.root.tag_ in ("NNP", "NNPS") \
            and other.root.ent_type_ != "NORP":
        # "the Donetsk region of Ukraine", "the Eastern Ghouta region of the Damascus countryside": the name
        # before the noun is its own (not "the Mexican state of Hidalgo")
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)   # "of Tulkarm", not "of Borno State"
    t = span.root
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head   # "the cities of Muhajeriya and Labado"
    return obj is not None and (span.start <= obj.i < span.end or t.i == obj.i) and \
        lex.place_words.get(_lemma(obj)) not in ("admin", "settlement", "area")


# Verbs of taking people elsewhere: "to X" after them is where they were taken, not where the
# act was ("expelled them to Guatemala", "was extradited to the United States").
SENDING_VERBS = WORDS["sending"]
# Verbs of leaving for somewhere: "towards X" after them is where people went.
LEAVING_VERBS = WORDS["flight"]


# How closely the place of the speakers ties an act they report to it (see _place_for).
SPEAKERS_PLACE_SCORE = 0.3


def _local_police_speak(span, actor_at: dict, place: dict | None) -> bool:
    """Whether a speakers' place is where local police speak from as the subject of their
    report ("Police in Mandera said ..."): a town or district, not a capital or a country."""
    q = _chain_top(span.root)
    speaker = q.head.head
    men = actor_at.get(speaker.i)
    return place is not None and not str(place.get("feature_code") or "").startswith(("PCL", "PPLC")) \
        and men is not None and men["actor"].get("sector_code") == "COP" and speaker.dep_ == "nsubj"


def _speakers_place(span, e: _Ev, actor_at: dict, lex: EventLexicon) -> bool:
    """Whether a place only says where the source of a report is ("according to a police
    official in Quetta", "officials in Quetta said"), and the speakers take no part in the act
    they tell of (unlike "Police in Quetta said they arrested 12 protesters") nor were there
    (unlike "residents of Mbau said")."""
    q = _chain_top(span.root)
    if not (q.dep_ == "pobj" and q.head.lower_ in WHERE_PREPS and q.head.head.i in actor_at
            and _is_speaker(q.head.head, lex)):
        return False
    if _lemma(q.head.head) in ON_THE_SPOT:
        return False   # "residents of Mbau said rebels killed 14 people": they were there
    verb = _clause_head(e.carrier if e.carrier is not None else e.tok)
    return not any(t.lower_ in PARTY_PRONOUNS and t.dep_ in PARTY_DEPS for t in verb.subtree)


# Attack nouns in -ing a parse may take for an auxiliary ("Russian shelling wounded ...").
ING_SUBJECTS = WORDS["ing_subject"]
# Participles by which an event noun names its doer after "by" ("a strike called by unions").
ORGANISING = WORDS["organising"]
# Support verbs that carry only an object new to the story ("called a strike", not "called the
# attack cowardly").
NEW_OBJECT_ONLY = WORDS["new_object_only"]
# People who tell of what happened where they are ("residents", "witnesses"; events_words.csv).
ON_THE_SPOT = WORDS["on_the_spot"]
# Pronouns by which speakers name themselves, or are named, as parties to what they tell, and
# the roles they then hold ("Police in Quetta said they arrested 12 protesters").
PARTY_PRONOUNS = PERSONAL_PRONOUNS | OBJECT_PRONOUNS | {"us", "me"}
PARTY_DEPS = SUBJECT_DEPS | OBJECT_DEPS | {"pobj"}


def _sent_to(span, e: _Ev) -> bool:
    """Whether a place is the destination of a sending act ("deported 40 migrants to Mexico") or
    of a withdrawal ("the attackers withdrew towards Niger", "fled into the bush"): the act
    happened where it started, which the story names elsewhere. So is the end of a trip called
    off, for an act joined to the calling off ("cancelled a trip to China and ordered police to
    act"); acts told in a clause of their own keep it ("... after a siege was declared there")."""
    t = _chain_top(span.root)
    verb = e.carrier if e.carrier is not None else e.tok
    off = trip_called_off(t)
    if off is not None and verb.dep_ == "conj" and verb.head.i == off.i:
        return True
    if t.dep_ == "pobj" and t.head.lower_ in DESTINATION_PREPS:
        goer = t.head.head
        if goer.pos_ in ("NOUN", "PROPN", "PRON") and goer.dep_ == "pobj" and goer.head.dep_ == "prep":
            goer = goer.head.head   # ("fled with her children toward Hinche", the "toward" hung on them)
        if goer.i not in e.heads | {verb.i} and _lemma(goer) in LEAVING_VERBS:
            return True   # "residents fled towards Kisangani as the rebels advanced": where others went
    if t.dep_ != "pobj" or t.head.head.i not in e.heads | {verb.i}:
        return False
    if e.rule.event_type == "RETREAT" and e.rule.event_mode == "withdraw":
        return t.head.lower_ in DESTINATION_PREPS
    return t.head.lower_ == "to" and _lemma(verb) in SENDING_VERBS


def _another_acts_state(span, e: _Ev, actor_at: dict, men: dict) -> bool:
    """Whether a country is the doer of another verb of the sentence ("Russia recalled its
    ambassador ... after Moldovan authorities expelled a Russian diplomat"), or whom another verb
    goes or turns to: the state acting or dealt with, no scene of this event. For a statement,
    an appeal, a meeting or a sanction (not SCENE_TYPES) so is any country, or capital read as
    its government, named as a party to a verb, its subject or object ("urged the United States
    and France to pressure Israel", "a day after New Delhi ordered the departure of an
    official"); a material act on a country keeps it ("jets struck Syria")."""
    root = span.root
    place = _mention_place(men) or {}
    country = _is_country(place)
    party = actor_at.get(root.i)
    # (a country, or a place read as an actor by its own name: the capital as its government)
    if e.rule.event_type not in SCENE_TYPES and party is not None and (
            country or (party["start"] == span.start_char and party["end"] == span.end_char)):
        arg = _first_named(root)
        if arg.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") and arg.head.pos_ in ("VERB", "AUX"):
            return True
    if not country:
        return False
    own = e.heads | {e.tok.i} | ({e.carrier.i} if e.carrier is not None else set())
    if root.dep_ == "nsubj" and root.i in actor_at and root.head.i not in own:
        return True
    # "expelled French troops and turned to Russia for security assistance": the state another
    # verb turns to, no scene of this act (but "pledged aid to Ukraine" is the aid's)
    top = _chain_top(root)
    verb = top.head.head
    return top.dep_ == "pobj" and top.head.lower_ == "to" and verb.pos_ == "VERB" and verb.i not in own \
        and not verb.left_edge.i <= e.tok.i <= verb.right_edge.i


def _in_motive(span, e: _Ev) -> bool:
    """Whether a place lies inside the motive given for the act ("launched drones at Israel in
    retaliation for the strike on its consulate in Damascus"): where the earlier act was."""
    t = span.root
    for _ in range(12):
        if t.i in e.heads or t.head.i == t.i:
            return False
        t = t.head
        if _lemma(t) in MOTIVE_WORDS or t.lower_ in MOTIVE_WORDS or _lemma(t) in RESPONSE_NOUNS:
            return True   # (and "in response to a drone attack on Kursk")
        if t.dep_ == "prep" and t.lower_ == "over" and e.rule.event_type in OVER_WHAT_TYPES:
            return True   # "imposed sanctions on Russian firms over the war in Ukraine": what it is about
    return False


def _in_participant_background(span, e: _Ev, actor_at: dict, lex: EventLexicon) -> bool:
    """Whether a place lies in a relative clause telling the story of a person who takes part
    in the act ("The suspect, who had arrived in Germany as an asylum seeker in 2016, was
    detained at the scene"), or in a participle saying what the person is held for ("a man
    convicted of spying for Israel"): where that person once was or acted, not where the act
    was."""
    t = span.root
    for _ in range(8):
        if t.i in e.heads or t.head.i == t.i:
            return False
        if t.dep_ == "relcl" and t.i not in e.heads:
            noun = t.head
            finite = not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)   # (not "the way to storm X")
            if finite and noun.i not in e.heads and e.rule.event_mode != "investigate" and _dated_clause(t, e):
                return True   # "Zambada, who was arrested in Texas last July": a time of its own
            if finite and _doer_standing(t, noun, e):
                return True
            if finite and _described_role(t, noun, e):
                return True
            # (a story of before, told in the past perfect; "aid workers who worked for a
            # charity in Herat" may still say where they were shot)
            earlier = any(c.dep_ == "aux" and c.lower_ == "had" for c in t.children)
            return earlier and noun.dep_ in SUBJECT_DEPS | OBJECT_DEPS and noun.head.i in e.heads \
                and _lemma(noun) in lex.person_nouns
        if t.dep_ == "acl" and t.tag_ == "VBN" and t.i not in e.heads and not _coded_location(span) \
                and any(c.dep_ == "prep" and c.lower_ in ("of", "for", "over") for c in t.children):
            # "executes a man convicted of spying for Israel", "arrested three men suspected of
            # attacking a bank in Kano": what the person is held for, done elsewhere
            noun = t.head
            return noun.dep_ in SUBJECT_DEPS | OBJECT_DEPS and noun.head.i in e.heads \
                and _lemma(noun) in lex.person_nouns
        t = t.head
    return False


def _sentence_place_mentions(sent, place_at: dict) -> list[dict]:
    """The place mentions of a sentence, each once, in order (place_at maps every token of a
    mention to it)."""
    return list({id(place_at[i]): place_at[i] for i in range(sent.start, sent.end) if i in place_at}.values())


def _only_background_places(sent, e: _Ev, place_at: dict, actor_at: dict, lex: EventLexicon) -> bool:
    """Whether every place the sentence names lies in a clause telling a participant's other
    story (see _in_participant_background): "The attack was carried out by the coalition,
    which has been pushing into the Centre department" names no place of this act, and the
    scene of the paragraph goes on."""
    doc = sent.doc
    spans = [doc.char_span(m["start"], m["end"], alignment_mode="expand") for m in _sentence_place_mentions(sent, place_at)]
    return bool(spans) and all(s is not None and _in_participant_background(s, e, actor_at, lex) for s in spans)


def _coded_location(span) -> bool:
    """Whether a place is followed by a coder's bracket of its divisions ("in Mbarara town
    (Mbarara, Western)", "in Kisumu (Kisumu)"): the event's location as an ACLED-style note
    gives it, however the parser hangs the phrase ("lynched a man suspected of stealing a
    motorcycle in Mbarara town (Mbarara, Western)")."""
    doc = span.doc
    k = span.end
    if k < len(doc) and doc[k].is_lower and doc[k].pos_ == "NOUN":
        k += 1   # ("Mbarara town (...)")
    if not (k + 2 < len(doc) and doc[k].text == "(" and doc[k + 1].text[:1].isupper()):
        return False
    close = next((t.i for t in doc[k + 2:min(len(doc), k + 12)] if t.text == ")"), None)
    if close is None:
        return False
    # "(Mbarara, Western)"; or one division's name: "in Kisumu (Kisumu)", "(Nord-Ouest)" (not
    # an agency in capitals, "(AFP)")
    inner = doc[k + 1:close]
    return any(t.text == "," for t in inner) \
        or (len(inner) <= 5 and not any(t.is_upper and len(t) > 1 for t in inner)
            and all(t.is_alpha and t.text[0].isupper() or t.text == "-" for t in inner))


def _dated_clause(rel: Token, e: _Ev) -> bool:
    """Whether a relative clause outside the event carries a date of its own, a month or a
    year ("the faction of Zambada, who was arrested in Texas last July"; "the town, which
    rebels took in 2019"): it tells another episode, and its places are that episode's. A day
    of the week does not count (the parser often hangs the main act's day on the last clause:
    "killed two aid workers who worked for a charity in Herat on Thursday"), nor a span of
    time ("migrants who have lived in Assam for decades" may be where the act was)."""
    sub = range(rel.left_edge.i, rel.right_edge.i + 1)
    if any(h in sub for h in e.heads):
        return False
    doc = rel.doc
    return any(doc[k].ent_type_ == "DATE" and (MONTH_OR_YEAR.fullmatch(doc[k].text) or doc[k].lower_ == "ago")
               for k in sub)


# A month's name or a year: the words of a DATE that place it in its own time.
MONTH_OR_YEAR = re.compile(r"(?:1[89]|20)\d\d|January|February|March|April|May|June|July|August|September"
                           r"|October|November|December")


def _described_role(rel: Token, noun: Token, e: _Ev) -> bool:
    """Whether a relative clause on a participant of the act says what the person or body is,
    by "be" and a role ("a commander who was responsible for rocket launches towards northern
    Israel", "a man who is a member of the group in Gaza"): where that role's acts go, not where
    this act was. (Not "civilians who were in the market": a place said by "be" is where they
    were.)"""
    return noun.head.i in e.heads and _lemma(rel) == "be" \
        and any(c.dep_ in ("acomp", "attr") for c in rel.children)


def _doer_standing(rel: Token, noun: Token, e: _Ev) -> bool:
    """Whether a relative clause on the event's doer, in the present or present perfect,
    describes the doer's standing ("the attack was carried out by the coalition, which
    controls most of the capital and has been pushing into the Centre department"): where the
    group holds or moves, not where this act was. Only the doer: a victim's clause ("civilians
    who live near the base") often says where the act happened."""
    doer = noun.dep_ in SUBJECT_DEPS and noun.head.i in e.heads
    doer = doer or (noun.dep_ == "pobj" and noun.head.lower_ == "by" and noun.head.dep_ == "agent"
                    and noun.head.head.i in e.heads)
    if not doer:
        return False
    verbs = [rel, *[c for c in rel.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]]
    return all(v.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in v.children)
               for v in verbs)


def _cargo_origin(span, e: _Ev) -> bool:
    """Whether a place is where carried goods or people came from or were bound ("struck a boat
    it said was carrying drugs from Venezuela", "intercepted a flotilla carrying aid to Gaza"):
    not where an act on the carrier was (but where the carried aid went: the aid's own)."""
    t = span.root
    while t.dep_ in ("compound", "conj", "appos") and t.head.i != t.i:
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ not in ("from", "to"):
        return False
    owner = t.head.head
    if owner.pos_ in ("NOUN", "PROPN") and owner.dep_ in ("dobj", "nsubjpass"):
        if owner.i in e.heads:
            return False
        owner = owner.head   # ("carrying drugs from Venezuela", the "from" hung on the drugs)
    return _lemma(owner) in CARRY_VERBS and owner.i not in e.heads \
        and not any(c.dep_ == "dobj" and c.i in e.heads for c in owner.children)


CARRY_VERBS = WORDS["carry"]


# Event types whose "over X" says what they are about, not where they happened (a fight "over
# the town" is at it).
OVER_WHAT_TYPES = {"SANCTION", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "CONSULT", "AGREE"}


def _place_for(doc: Doc, sent, e: _Ev, place_at: dict, actor_at: dict,
               lex: EventLexicon, doerless: bool = False) -> tuple[dict | None, float]:
    """The place where this event happened, and how closely the parse ties it to the trigger.

    The best-attached places win (see `_attachment`). Among equally attached ones a place
    that only locates another ("Russia" in "Brest-Litovsk in Russia", "North Kivu" in "Goma,
    the capital of North Kivu") loses, then a name pinned to a district or larger area (see
    `_coarse_pin`), then the smaller feature wins, then one in the event's clause over one in
    a fronted scene-setting phrase (see `_scene_setter`), then the nearer one.
    Places that are part of an actor ("the Islamic State of Iraq", "warships from Britain")
    are skipped; a place inside another name ("a reporter for Radio France Internationale",
    "the house of Aden Hashi Ayro") is taken only when the sentence names no other place.
    """
    cands = {id(men): men for men in _sentence_place_mentions(sent, place_at)}
    spans = {}
    for key, men in cands.items():
        span = doc.char_span(men["start"], men["end"], alignment_mode="expand")
        if span is not None and (not _not_a_location(span, actor_at, lex, _mention_place(men))
                                 or men.get("local_body")   # "a Chicago police officer shot a man"
                                 or (men.get("in_name") and _in_site_name(span))
                                 or (doerless and span.root.head.i in e.heads and span.root.i not in actor_at)):
            # (a country naming the event itself is where it was when nobody else did it:
            # "Five soldiers dead in Mali ambush", unlike "a US operation")
            spans[key] = span
    spans = {key: span for key, span in spans.items() if not _sent_to(span, e) and not _in_motive(span, e)
             and not _cargo_origin(span, e) and not _in_participant_background(span, e, actor_at, lex)
             and not _taken_for_care(span) and not _another_acts_state(span, e, actor_at, cands[key])}
    speakers = {key: span for key, span in spans.items() if _speakers_place(span, e, actor_at, lex)}
    spans = {key: span for key, span in spans.items() if key not in speakers}
    if not spans and len(speakers) == 1 and e.rule.event_type not in STATEMENT_TYPES:
        key, span = next(iter(speakers.items()))
        if _local_police_speak(span, actor_at, _mention_place(cands[key])):
            # "Police in Mandera said al-Shabaab attacked a police post": where the local police
            # who speak are is the only place the report gives, and they tell of local acts
            # (ACLED codes the event there), with a lower score; not officials in a capital
            # ("Officials in Washington said a drone strike killed ...")
            return cands[key], SPEAKERS_PLACE_SCORE
    if not spans:
        return None, 0.0
    loc_heads = _where_heads(e)
    scores = {key: _attachment(span.root, e, loc_heads, lex) for key, span in spans.items()}
    if e.rule.event_type in STANCE_TYPES and e.rule.event_mode != "investigate":   # (an inquiry is where its matter is)
        spans = {key: span for key, span in spans.items() if _where_a_stand_is(span, e, actor_at, cands[key])}
        if not spans:
            return None, 0.0
    located = _locators(spans, e, lex)
    for a, b in list(located.items()):
        # "the Paris suburb of Nanterre": a town never locates a town five times its size, nor
        # in "the X suburb of Y" one larger than itself ("the Port-au-Prince suburb of
        # Carrefour", but a village X in "the X suburb of Damascus")
        pa, pb = _mention_place(cands[a]) or {}, _mention_place(cands[b]) or {}
        factor = 1 if _modifier_of_part(spans[b], spans[a]) else 5
        if str(pa.get("feature_code") or "").startswith("PPL") and str(pb.get("feature_code") or "").startswith("PPL") \
                and pa.get("country_code") == pb.get("country_code") and (pa.get("population") or 0) > 0 \
                and (pa.get("population") or 0) * factor < (pb.get("population") or 0) and b not in located:
            # (a town of unknown size is no smaller one: "Kfar Kila (Marjayoun, Nabatieh)")
            del located[a]
            located[b] = a
    for a, b in _province_capitals(spans, cands).items():
        located.setdefault(a, b)
    # a smaller place never only locates a country ("the Gara region of northern Iraq (Amedi,
    # Duhok)": the brackets say where in Iraq, and Amedi is the nearer answer), nor the province
    # it lies in ("a station in Sincelejo (Sincelejo, Sucre) in Colombia": the town repeated in
    # the brackets locates the town, not the province after it)
    levels = {key: _place_level(cands[key], span, lex) for key, span in spans.items()}
    located = {a: b for a, b in located.items()
               if not (levels[b] >= COUNTRY_LEVEL > levels[a])
               and not _inside_province(_mention_place(cands[a]), _mention_place(cands[b]))}
    for a, span in spans.items():
        # "repelled assaults near Pokrovsk in the eastern Donetsk region": a larger place right
        # after "in" locates the name before it, however the parser hangs the "in"
        at = locator_after(doc, span.end, span.sent.end, bare_in=True)
        for b, other in spans.items():
            if at is not None and b != a and other.start == at and levels[b] > levels[a] and b not in located:
                located[b] = a
    for a, span in spans.items():
        # "In Pakistan, gunmen shot dead a health worker escorted in Bajaur district": a country
        # fronted to set the scene says where the finer place of it the clause names lies
        country = (_mention_place(cands[a]) or {}).get("country_code")
        if not country or levels[a] < COUNTRY_LEVEL or a in located.values() or not _scene_setter(span, e) \
                or _chain_top(span.root).head.head.pos_ not in ("VERB", "AUX"):
            continue   # (a fronted phrase of the clause, not "a reporter in Nicaragua, was shot")
        finer = [b for b in spans if b != a and levels[b] < COUNTRY_LEVEL and scores[b] >= SCENE_FINER_SCORE
                 and (_mention_place(cands[b]) or {}).get("country_code") == country]
        if finer:
            located.setdefault(a, max(finer, key=lambda b: (scores[b], -levels[b])))
    for locator, place in located.items():   # a place is as close to the event as what locates it
        scores[place] = max(scores[place], scores[locator])
    # a road's end gives way to a town, spot or district the sentence names ("on the
    # Abuja-Kaduna highway near Katari", "along the Okene-Lokoja highway (Adavi, Kogi)"), not
    # to the province or country the road runs through
    ends = {key for key, span in spans.items() if _route_end(span, lex)}
    if not any(key not in ends and levels[key] <= DISTRICT_LEVEL for key in spans):
        ends = set()
    known_town = any(cands[key].get("place_precision") == "exact" and levels[key] <= TOWN_LEVEL and key not in ends
                     for key in spans)
    scored = []
    for key, span in spans.items():
        score = scores[key]
        tier = 1.0 if score >= 0.9 else score
        dist = abs(span.start - e.tok.i)
        scored.append(((not cands[key].get("in_name"), key not in ends, tier, key not in located,
                        not (known_town and _coarse_pin(cands[key], lex)), -levels[key], not _scene_setter(span, e),
                        -dist), score, cands[key]))
    best = max(scored, key=lambda x: x[0])
    return best[2], best[1]


# How closely a finer place must be tied to the event for a fronted country to locate it (see
# `_attachment`: a clause the trigger governs and up).
SCENE_FINER_SCORE = 0.5


# Prepositions whose phrase, under a stance or its object, names the matter of it ("lodged a
# protest over comments on Taiwan", "a row about the border").
MATTER_PREPS = {"over", "about", "regarding", "concerning"}


def _in_matter(tok: Token, e: _Ev) -> bool:
    """Whether a place lies in the matter a stance is about (MATTER_PREPS), up the parse to the
    trigger: what the protest is over, not where it was lodged."""
    t = tok
    for _ in range(10):
        if t.i in e.heads or t.head.i == t.i:
            return False
        if t.dep_ == "prep" and t.lower_ in MATTER_PREPS:
            return True
        t = t.head
    return False


def _where_a_stand_is(span, e: _Ev, actor_at: dict, men: dict) -> bool:
    """Whether a place may be where a stand (STANCE_TYPES) was taken. A stand is taken where
    its taker is: a place in another clause, which it governs or which describes its object,
    says where the matter lies ("imposed sanctions on four companies it accused of supplying
    drones to Russia for use in the war in Ukraine"), and a country named as a party to it is
    no scene either ("vetoed new EU sanctions on Russia"; "protesters in Russia demanded" still
    is)."""
    if _through_clause(span.root, e) or _in_matter(span.root, e):
        return False
    country = _is_country(_mention_place(men))
    # (where the party is, or whom an aid or pledge goes to, stays: "pledged $50 million in
    # aid to Sudan")
    where = span.root.dep_ == "pobj" and span.root.head.lower_ in WHERE_PREPS | {"to"}
    return not (country and span.root.i in actor_at and not where)


# Verbs by which a body makes public or orders a measure of its own ("announced new aid",
# "unveiled sanctions", "ordered the expulsion of diplomats"): their subject is the measure's doer.
ANNOUNCING_VERBS = frozenset({"announce", "declare", "unveil", "approve", "order"})


def _announced_in(tok: Token) -> Token | None:
    """The announcing verb whose object phrase holds an event noun, with no other verb between
    ("announced a joint package of $2 billion in military aid"), or None."""
    t, steps = tok, 0
    while t.dep_ in ("dobj", "pobj", "prep", "conj", "appos", "compound") and t.head.i != t.i and steps < 8:
        if t.dep_ == "prep" and t.lower_ not in ("of", "in", "on", "for"):
            return None   # ("approved the law despite protests": what it was approved against)
        t, steps = t.head, steps + 1
        if t.pos_ in ("VERB", "AUX"):
            return t if _lemma(t) in ANNOUNCING_VERBS else None
    return None


def _through_clause(tok: Token, e: _Ev) -> bool:
    """Whether the path up the parse from a place to the event passes through the clause of
    another verb that the event governs (its object's relative clause, a clause it reports);
    not the clause that governs the event ("protested in Tegucigalpa to demand ...": the demand
    is made where the protest is), the event's own participle clause ("talks mediated by Turkey
    in Ankara") or the act it agrees, offers or threatens to do ("agreed to reopen the border
    during talks in Asmara")."""
    t, steps = tok, 0
    while t.i not in e.heads and t.head.i != t.i and steps < 14:
        t, steps = t.head, steps + 1
        if t.i not in e.heads and t.pos_ in ("VERB", "AUX"):
            if t.dep_ == "xcomp" and t.head.i not in e.heads and t.head.pos_ in ("VERB", "AUX"):
                continue   # ("denying that it planned to seize the port of Assab": the clause above says)
            if t.dep_ == "xcomp" or (t.dep_ in ("acl", "relcl") and t.head.i in e.heads):
                return False   # "agreed to reopen the border during talks in Asmara", "talks mediated by Turkey in Ankara"
            return any(a.i in e.heads for a in t.ancestors)
    return False


def _is_country(place: dict | None) -> bool:
    """Whether a place (a `places` row) is a country (feature code PCL...)."""
    return str((place or {}).get("feature_code") or "").startswith("PCL")


def _first_named(tok: Token) -> Token:
    """The first of names coordinated with `tok` ("the United States and France": "States"),
    which holds the role in the clause that all of them share."""
    while tok.dep_ == "conj" and tok.head.i < tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head
    return tok


def _coarse_pin(men: dict, lex: EventLexicon) -> bool:
    """Whether a name the gazetteer lacks is pinned to a district or larger area it lies in or
    near: as small as a spot itself, it stands for that area in the data, so an equally tied
    town the gazetteer knows (not a road's end) says more ("In North Darfur, the RSF shelled
    the Abu Shouk camp near El Fasher": El Fasher, not North Darfur)."""
    if men.get("place_precision") not in ("enclosing", "nearby"):
        return False
    return _feature_level(str((_mention_place(men) or {}).get("feature_code") or ""), lex) >= DISTRICT_LEVEL


# The size (see `_place_level`) of a country, of a district (a second-order division) and of a town.
COUNTRY_LEVEL = 6
DISTRICT_LEVEL = 4
TOWN_LEVEL = 2


def _modifier_of_part(named, of_object) -> bool:
    """Whether `named` modifies the noun whose "of" holds `of_object`: "the X suburb of Y"."""
    prep = of_object.root.head
    noun = prep.head
    return of_object.root.dep_ == "pobj" and prep.lower_ == "of" and noun.i != prep.i \
        and named.root.head.i == noun.i and named.root.dep_ in ("compound", "nmod", "amod") and named.end <= noun.i


def _inside_province(a: dict | None, b: dict | None) -> bool:
    """Whether place a lies in first-level division b (and is not b itself)."""
    return bool(a and b and str(b.get("feature_code") or "") == "ADM1" and a.get("place_id") != b.get("place_id")
                and a.get("country_code") == b.get("country_code") and a.get("admin1_name")
                and a.get("admin1_name") == b.get("place_name"))


# Nouns for a populated place that, made definite ("the town"), refer to the last one named.
TOWN_NOUNS = WORDS["town_noun"]
# Prepositions of an act's place that such a noun may follow ("in the town").
REFERRED_PREPS = {"in", "into", "at", "on", "near", "inside", "outside", "around"}
# How closely a place referred to by "the town" is tied to the act: below a parsed tie.
REFERRED_PLACE_SCORE = 0.4


def _named_as_other_kind(doc: Doc, men: dict, lex: EventLexicon) -> bool:
    """Whether a place word after a name says it is no town ("Abu Shouk displacement camp",
    "Bwari Area Council"): a place word other than a settlement's within two words after it."""
    span = doc.char_span(men["start"], men["end"], alignment_mode="expand")
    if span is None:
        return False
    after = [t for t in doc[span.end:span.end + 2] if t.is_alpha]
    return any(lex.place_words.get(_lemma(t)) not in (None, "settlement") or _lemma(t) in ("camp", "district")
               for t in after)


def _town_told_before(sent, e: _Ev, place_at: dict, lex: EventLexicon) -> dict | None:
    """The town a sentence with no place of its own refers to as "the town", "the city" or
    "the village" ("Gang members stormed the town early on Monday"): the last town the
    article named before the sentence; "the capital" is the last capital it named. None when
    the act's object or place is no such noun."""
    verb = e.carrier if e.carrier is not None else e.tok
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    nouns += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in REFERRED_PREPS
              for g in c.children if g.dep_ == "pobj"]
    # (and the ground the act aims to take: "launch an offensive to retake the town")
    nouns += [g for c in verb.children if _lemma(c) in GAIN_VERBS and (aim := _purpose_clause(c)) is not None
              and aim.i == verb.i for g in c.children if g.dep_ == "dobj"]
    # (also where the act's victims were: "fired tear gas at thousands of protesters in the capital")
    nouns += [g for h in list(nouns) for c in h.children if c.dep_ == "prep" and c.lower_ in REFERRED_PREPS
              for g in c.children if g.dep_ == "pobj"]
    # (and the town whose site was hit: "a drone strike on the city's main hospital")
    nouns += [c for h in list(nouns) for c in h.children if c.dep_ == "poss"]
    # (and the town a direction is counted from: "bombed positions east of the city")
    nouns += [g for h in [verb, *nouns] for d in h.children if d.dep_ in ("advmod", "npadvmod")
              and lex.place_words.get(d.lower_) == "direction" for c in d.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
    said = next((_lemma(n) for n in nouns if (_lemma(n) in TOWN_NOUNS or _lemma(n) == "capital") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in n.children)
        and not any(c.dep_ in ("compound", "prep", "appos") for c in n.children)), None)
    if said is None:
        return None
    doc = sent.doc
    if said == "capital":
        # "in the capital": the capital the article named before the act (its dateline, say)
        return next((place_at[i] for i in range(min(e.heads) - 1, -1, -1) if i in place_at
                     and str((_mention_place(place_at[i]) or {}).get("feature_code") or "") == "PPLC"), None)
    for i in range(sent.start - 1, 1, -1):
        # the town the article introduced as one ("seized the town of Nyabiondo ... thousands
        # fled toward Goma ... vowed to retake the town"), before the last town named; or
        # by the word after its name ("attacked Kurmin Masara community ... stormed the
        # community")
        if i in place_at and _mention_place(place_at[i]) is not None and (
                (doc[i - 1].lower_ == "of" and _lemma(doc[i - 2]) == said)
                or (i + 1 < len(doc) and i + 1 not in place_at and _lemma(doc[i + 1]) == said
                    and doc[i + 1].is_lower)):
            return place_at[i]
    for i in range(sent.start - 1, -1, -1):
        men = place_at.get(i)
        place = _mention_place(men) if men is not None and not _in_brackets(doc, i) else None
        # (not a division in a coder's bracket: "raided Tammun (Tubas, West Bank) ... in the
        # town" is Tammun)
        # (a town the gazetteer lacks, known by its name: "seized the town of Rubaya"; not a
        # camp or district so named, "the Abu Shouk displacement camp", and not for "the city",
        # which the gazetteer's cities hold)
        if place is not None and (str(place.get("feature_code") or "").startswith("PPL")
                                  or (men.get("candidate") is place and place.get("place_name") and said != "city"
                                      and not _named_as_other_kind(doc, men, lex))):
            return men
    return None


def _in_brackets(doc: Doc, i: int) -> bool:
    """Whether token i stands inside round brackets opened a few words before it."""
    for k in range(i - 1, max(-1, i - 10), -1):
        if doc[k].text == ")":
            return False
        if doc[k].text == "(":
            return True
    return False


def _scene_setter(span, e: _Ev) -> bool:
    """Whether a place is in a phrase fronted before the event's clause and set off by a comma
    ("In southern Gaza, tanks pushed into the western part of Rafah"): it sets the wider scene,
    so a place as closely tied within the clause says better where the act was."""
    t = _chain_top(span.root)
    if t.dep_ != "pobj" or t.head.dep_ != "prep":
        return False
    prep = t.head
    end = prep.right_edge.i + 1
    return prep.i < min(e.heads) and end < len(span.doc) and span.doc[end].text == "," \
        and all(c.i > end for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass"))


# The last words of site names ("Airport", "Hospital"): the geoparser's FACILITY_WORDS
# (facility_words.txt), "university", whose town the geoparser keeps as a place of its own
# ("University of Alberta"), and the sites news names without a name ("the party
# headquarters", "government buildings", "the city authority's offices").
SITE_WORDS = FACILITY_WORDS | {"university", "buildings", "headquarters", "office", "offices", "premises"}


def _in_site_name(span) -> bool:
    """Whether a place is named inside a site's name ("students of the University of Dhaka",
    "the Kabul airport"): the site is where it is, so an event there happened in that place,
    unlike one involving an organisation named after a place ("a reporter for Radio France")."""
    t = span.root
    for _ in range(3):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.lower_ in SITE_WORDS:
            return True
        if t.pos_ not in ("ADP", "PROPN", "NOUN"):
            return False
    return False


def _province_capitals(spans: dict[int, object], cands: dict[int, dict]) -> dict[int, int]:
    """Towns named like their province, which a sentence often uses for the province ("In
    Kandahar, six civilians were killed ... in Maiwand district"), each with a place of that
    province the sentence also names: the town then only locates it, as the province would."""
    out: dict[int, int] = {}
    places = {k: _mention_place(cands[k]) or {} for k in spans}
    for a, pa in places.items():
        name = normalize_name(pa.get("place_name") or "")
        if not str(pa.get("feature_code") or "").startswith("PPL") or not name \
                or normalize_name(pa.get("admin1_name") or "") not in (name, name + " province"):
            continue
        for b, pb in places.items():
            if b != a and pb.get("place_id") != pa.get("place_id") and pb.get("admin1_name") == pa.get("admin1_name") \
                    and pb.get("geonames_id") is not None:
                out[a] = b
                break
    return out


def _route_end_places(sent, place_at: dict, lex: EventLexicon) -> set[str] | None:
    """The place ids of a sentence whose every place only names an end of a road ("blocked
    the Jos-Abuja road"), or None when it names any other place."""
    doc = sent.doc
    ids: set[str] = set()
    for men in _sentence_place_mentions(sent, place_at):
        span = doc.char_span(men["start"], men["end"], alignment_mode="expand")
        place = _mention_place(men)
        if span is None or place is None or not _route_end(span, lex):
            return None
        ids.add(place["place_id"])
    return ids or None


def _route_end(span, lex: EventLexicon) -> bool:
    """Whether a place only names an end of a road or line ("the Abuja-Kaduna highway",
    "the Kabul - Kandahar road", "the highway to Salamanca", "Okigwe road"): the event happened
    somewhere along it, so any other place of the sentence ("near Katari") says better where."""
    doc = span.doc
    t = span.root
    if t.dep_ == "pobj" and t.head.lower_ in ("to", "from", "toward", "towards") and t.head.head.i != t.head.i \
            and (lex.place_words.get(_lemma(t.head.head)) == "route" or any(
                c.dep_ == "dobj" and c.i < t.head.i and lex.place_words.get(_lemma(c)) == "route"
                for c in t.head.head.children)):
        # "at a checkpoint on the highway to Salamanca", "the road from Kano" (and "blocking the
        # road to Santa Cruz", the "to" hung on the verb)
        return True
    k = span.end
    if k + 1 < len(doc) and doc[k].text in {"-", "–", "—"} and doc[k + 1].text[:1].isupper():
        k += 1
        while k < len(doc) and k - span.end < 5 and (doc[k].text[:1].isupper() or doc[k].text in {"-", "al"}):
            k += 1
    elif k < len(doc) and doc[k].is_lower and lex.place_words.get(_lemma(doc[k])) == "route":
        return True   # "a village along Okigwe road": the road named for the town it leads to
    elif not (span.start >= 2 and doc[span.start - 1].text in {"-", "–", "—"} and doc[span.start - 2].text[:1].isupper()):
        return False
    return k < len(doc) and lex.place_words.get(_lemma(doc[k])) == "route"


def _describes_someone(e: _Ev) -> bool:
    """Whether an event is told in a relative clause describing a named actor ("Opposition
    leader Ousmane Sonko, who was released from prison last month, ..."): background about
    that actor, whose date is no date of the story's scene."""
    v = _clause_head(e.carrier if e.carrier is not None else e.tok)
    return v.dep_ == "relcl" and v.head.pos_ == "PROPN"


def _clause_head(tok: Token) -> Token:
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


COOPERATIVE_TYPES = {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
HOSTILE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "REJECT"}
INTENT_HEADS = WORDS["intent"]


def _is_speaker(tok: Token, lex: EventLexicon) -> bool:
    """True for the subject of a reporting verb ("officials said") or the object of "according to"."""
    t = tok
    while t.dep_ in ("compound", "amod", "appos", "conj", "poss") and t.head.i != t.i:
        t = t.head
    if t.dep_ in ("nsubj", "nsubjpass") and _lemma(t.head) in lex.reporting and not _believed_to_be(t) \
            and not (t.dep_ == "nsubjpass" and any(x.dep_ == "xcomp" for x in t.head.children)):
        # (not "men believed to be members of X attacked", "the attacker was believed to be
        # aiming for a market": what is said of them, not who says it)
        return True
    return t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according"


def _reports_it(tok: Token, event: Token, lex: EventLexicon) -> bool:
    """Whether `tok` is the subject of a clause whose participle reports the event ("Residents
    carried bodies to a square, saying the victims had been executed"): the residents tell of
    the killing, they are not its doer."""
    if tok.dep_ != "nsubj":
        return False
    return any(c.dep_ in ("advcl", "conj") and _lemma(c) in lex.reporting and c.i < event.i
               and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
               and event in c.subtree for c in tok.head.children)


def _readied(e: _Ev) -> bool:
    """An attack its doer is getting ready for ("the army prepared to resume shelling", "troops
    are preparing to storm the town"): PLOVER's MOBILIZE, raised readiness, not a threat."""
    tok = e.carrier if e.carrier is not None else e.tok
    return tok.dep_ == "xcomp" and tok.head.pos_ == "VERB" and _lemma(tok.head) == "prepare"


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


# Open waters a weapon is fired into when it is fired at nobody.
SEA_NOUNS = {"sea", "water", "waters", "ocean"}


def _into_the_sea(e: _Ev) -> bool:
    """Whether a weapon is fired "into the sea" (or waters, the ocean) with no target of its own."""
    verb = e.carrier if e.carrier is not None else e.tok
    return any(c.dep_ == "prep" and c.lower_ == "into" and any(_lemma(g) in SEA_NOUNS for g in c.children)
               for c in verb.children) and not any(c.dep_ == "prep" and c.lower_ in ("at", "against", "toward", "towards")
                                                   for c in verb.children)


def _into_the_air(e: _Ev) -> bool:
    """Whether shots are fired "in" or "into the air" with no target of their own."""
    verb = e.carrier if e.carrier is not None else e.tok
    return any(c.dep_ == "prep" and c.lower_ in ("in", "into") and any(g.lower_ == "air" and g.dep_ == "pobj"
                                                                        for g in c.children)
               for c in verb.children) and not any(c.dep_ == "prep" and c.lower_ in ("at", "against", "on")
                                                   and any(g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")
                                                           for g in c.children) for c in verb.children)


def _conditional(e: _Ev) -> bool:
    """Whether the event is the condition of an "if" or "unless" clause ("threatened to attack
    if the government did not release their leaders"): neither done nor refused."""
    verb = e.carrier if e.carrier is not None else e.tok
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def _retype(rule: TriggerRule, event_type: str) -> TriggerRule:
    """The same trigger coded as another type, without the old type's mode and crosswalk overrides."""
    return TriggerRule(rule.lemma, rule.pos, rule.with_, rule.context, rule.armed_source, event_type,
                       None, None, None)


# Nouns for a reply to an act ("in response to", "in retaliation for"): the act replied to is
# not the replier's.
RESPONSE_NOUNS = WORDS["response"]


# Nouns of military exercises (see _held_together).
EXERCISE_NOUNS = {"exercise", "drill", "war games", "game", "maneuver", "manoeuvre", "maneuvers", "manoeuvres"}


def _held_together(e: _Ev, actor_at: dict) -> bool:
    """Whether the doers of an act are of two or more countries, coordinated in its subject
    ("French and Egyptian warships", "the US and South Korea") or joined to it by "with"
    ("Russia held drills with China")."""
    subjects = _subject_tokens(e)
    parties = list(subjects) + _coordinated_modifiers(subjects)
    verb = e.carrier if e.carrier is not None else e.tok
    parties += [g for h in (verb, e.tok) for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children if g.dep_ == "pobj"]
    countries = {men["actor"].get("country_code") for t in parties for men in [actor_at.get(t.i)]
                 if men is not None and men["actor"].get("country_code")}
    return len(countries) >= 2


def _the_two(e: _Ev, actor_at: dict) -> tuple[dict, dict] | None:
    """The two actors a subject "the two leaders", "both sides" or "the two countries" stands
    for: the last two different ones named before it, in its sentence or the one before; None
    for any other subject."""
    subjects = _subject_tokens(e)
    if not subjects:
        return None
    s = subjects[0]
    kind = PAIR_NOUNS.get(_lemma(s))
    kids = {(c.dep_, c.lower_) for c in s.children}
    if kind is None or len(subjects) > 1 or not (
            {("nummod", "two"), ("det", "the")} <= kids or ("det", "both") in kids or ("predet", "both") in kids):
        return None   # (not "Both Cerar and Erjavec rejected": the pair is named there)
    doc = s.doc
    lo = doc[s.sent.start - 1].sent.start if s.sent.start > 0 else s.sent.start
    found: list[dict] = []
    for i in range(s.left_edge.i - 1, lo - 1, -1):
        men = actor_at.get(i)
        if men is not None and men["actor"]["actor_kind"] == kind \
                and all(men["actor"]["actor_id"] != f["actor"]["actor_id"] for f in found):
            found.append(men)
            if len(found) == 2:
                return found[1], found[0]
    return None


# Nouns that, as "the two <noun>" or "both <noun>", stand for the last two actors of a kind
# named before ("the two leaders" for two people, "both countries" for two states).
PAIR_NOUNS = {"leader": "person", "president": "person", "minister": "person", "premier": "person",
              "country": "state", "nation": "state", "state": "state", "neighbour": "state", "neighbor": "state"}


def _code_event(doc: Doc, sent, e: _Ev, lex: EventLexicon, actor_at: dict, place_at: dict,
                ev_tokens: set[int], sent_of: list[int]) -> dict | None:
    rule = e.rule
    if rule.event_type == "MOBILIZE" and _lemma(e.tok) in EXERCISE_NOUNS and _held_together(e, actor_at):
        # "French and Egyptian warships launched 10 days of war games": exercises two states
        # hold together are cooperation, as "joint exercises" are (events_triggers.csv)
        rule = replace(rule, event_type="COOPERATE", event_mode=None)
        e = replace(e, rule=rule)
    src, tgt, parsed = _participants(e, actor_at, lex)
    pair = _the_two(e, actor_at)
    if pair is not None:
        # "Lula hosted Xi in Brasilia, where the two leaders signed 37 agreements": the two
        # named before, one the doer, the other the partner
        src, tgt = pair[0], tgt if tgt is not None and tgt["actor"]["actor_id"] not in (
            pair[0]["actor"]["actor_id"], pair[1]["actor"]["actor_id"]) else pair[1]
    speaking_force = None   # (a state force that tells of a passive arrest or interception: its doer)
    caused = rule.event_type == "PROTEST" and e.carrier is None and e.tok.dep_ == "dobj" \
        and _lemma(e.tok.head) in CAUSE_VERBS and not any(c.dep_ == "prep" and c.lower_ == "by" for c in e.tok.children)
    if caused:
        src = None   # "the court ordered arrests, prompting protests": others protest what it did
        by = next((g for c in e.tok.head.children if c.dep_ == "prep" and c.lower_ == "by"
                   for g in c.children if g.dep_ == "pobj"), None)
        if by is not None:   # "sparked protests by hundreds of students", the "by" hung on the verb
            src = _actor_of(by, actor_at)
    own_end = min(e.span[1], e.tok.i + 1) if e.carrier is not None and e.carrier.i > e.tok.i else e.span[1]
    tgt_span = doc.char_span(tgt["start"], tgt["end"], alignment_mode="expand") if tgt is not None else None
    tgt_head = tgt_span.root if tgt_span is not None else None
    if tgt is not None and doc[e.span[0]].idx <= tgt["start"] < doc[own_end - 1].idx + len(doc[own_end - 1]) \
            and not _two_sided(e, lex) and not _placed_under(e, tgt_head) and not (
                # (but the people the trigger needs are its target: "summoned the Chinese
                # ambassador", "hosted his Somali counterpart")
                tgt_head is not None and (_lemma(tgt_head) in rule.with_ or tgt_head.lower_ in rule.with_)
                and _lemma(tgt_head) not in INSTRUMENT_NOUNS | WEAPON_OBJECTS
                # (not one's own people sent, withdrawn or moved: "withdrew its ambassador";
                # but those expelled are another's: "ordered the expulsion of Belarusian envoys")
                and (rule.event_type not in ("SANCTION", "RETREAT", "MOBILIZE", "AID")
                     or _lemma(e.tok) in ("expel", "expulsion"))):
        # "launched 15 Shahed drones at Odesa": the weapon the trigger names is no target (the
        # sides of "clashes between the army and the RSF left 25 dead" are; and the phrase
        # between an event noun and the verb after it is not the trigger's own: "an attack on a
        # convoy of the army left two dead" struck the army)
        tgt = None
    # (a seizure told by a finding verb is the finders' act: "soldiers recovered a weapons cache")
    finder = _pos(e.tok) == "VERB" and _lemma(e.tok) in lex.finders and rule.event_type != "COERCE"
    if finder:
        src = None   # "police found the bodies of six men": who killed them is not said
    speaker = _demand_speaker(e.tok, lex)
    if speaker is not None:
        # "Russia said Sudan must return the helicopter": Russia demands, Sudan is asked
        said_by = _named_by(_source_token(speaker), actor_at, lex)
        if said_by is not None:
            src, tgt, parsed = said_by, src or tgt, True
    if src is None and rule.event_type == "MOBILIZE" and _pos(e.tok) == "VERB" and _passive(e.tok) \
            and not any(c.dep_ == "agent" for c in e.tok.children):
        # "Troops were deployed to Kidal": the forces moved are whom the deployment is of
        src = next((_named_by(c, actor_at, lex) for c in e.tok.children if c.dep_ == "nsubjpass"), None)
        tgt = None if tgt is src else tgt
        parsed = src is not None
    confidence = 0.85
    gov = e.tok.head if e.tok.dep_ == "dobj" else e.tok.head.head
    # "struck ... in response to a drone attack": the act responded to is not the responder's
    responded_to = _pos(e.tok) == "NOUN" and e.tok.dep_ == "pobj" and e.tok.head.lower_ in ("to", "for") \
        and _lemma(e.tok.head.head) in RESPONSE_NOUNS
    # "residents fled the fighting": what people flee is somebody else's act
    fled = _pos(e.tok) == "NOUN" and e.carrier is None and (
        (e.tok.dep_ == "dobj" and _lemma(e.tok.head) in FLIGHT_VERBS)
        or (e.tok.dep_ == "pobj" and e.tok.head.lower_ == "from" and _lemma(e.tok.head.head) in FLIGHT_VERBS))
    # "called the strike a murder": who names an act did not do it
    named = _pos(e.tok) == "NOUN" and e.tok.dep_ in ("dobj", "oprd") and _lemma(e.tok.head) in NAMING_VERBS
    talked_about = responded_to or fled or named or _topic_of_talk(e.tok) or \
        _pos(e.tok) == "NOUN" and e.carrier is None and e.tok.dep_ in ("dobj", "pobj") and \
        (gov.i in ev_tokens or (_lemma(gov) in lex.reporting and _lemma(gov) not in ("announce", "declare"))
         or (e.tok.dep_ == "pobj" and e.tok.head.lower_ in MATTER_PREPS)   # "a complaint over the arrest of ..."
         or (e.tok.dep_ == "pobj" and e.tok.head.lower_ == "with"   # "arrested ... in connection with the murder"
             and e.tok.head.head.lower_ in ("connection", "relation"))
         or (e.tok.dep_ == "dobj" and _lemma(gov) in STOPPING_VERBS)   # "a judge blocked the deployment"
         or (e.tok.dep_ == "pobj" and _pos(gov) in ("NOUN", "PROPN") and gov.i not in actor_at
             and _lemma(gov) in lex.person_nouns))   # "a suspect in the attacks": no doer from the clause
    # "the bodies of four men who had been shot": a passive relative clause says what befell
    # the noun it describes, and so does a bare participle ("defused an IED planted on a road")
    passive_relative = (e.tok.dep_ == "relcl" and _passive(e.tok)) or (
        e.tok.dep_ == "acl" and e.tok.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in e.tok.children)) \
        or _attributive_participle(e.tok) \
        or _reduced_relative(e.tok)   # ("a violation of the ceasefire agreed in Doha", parsed as a clause)
    # "soldiers opened fire after he threw an explosive device at them": a doer the parse names
    # by a pronoun it cannot resolve is nobody the text names, not the nearest actor
    subject = _source_token(e.tok) if _pos(e.tok) == "VERB" else None
    unnamed = subject is not None and subject.lower_ in PERSONAL_PRONOUNS
    # ("a flotilla carrying aid to Gaza": what a thing the participle describes carries is its
    # own, and a thing is no actor; the nearest actor, the navy that stopped it, gave no aid)
    unnamed = unnamed or (_pos(e.tok) == "NOUN" and e.tok.dep_ == "dobj" and e.tok.head.tag_ == "VBG"
                          and e.tok.head.dep_ == "acl" and e.tok.head.head.i not in actor_at)
    # "parliament passed the bill despite protests", "troops advanced amid heavy shelling": the
    # circumstance the clause's doer acts against or among is somebody else's act
    # (nor is the clause's doer the doer of the hostile act it follows: "sacked the army chief
    # after the attack", "residents fled following the raid"; a meeting or deal is often its own)
    regardless = (e.tok.dep_ == "pobj" and (
        e.tok.head.lower_ in CIRCUMSTANCE_PREPS
        or (_pos(e.tok) == "NOUN" and e.tok.head.lower_ in SEQUENCE_PREPS and rule.event_type in HOSTILE_TYPES)
        or _undergone_by(e.tok, actor_at))) or _in_reason_clause(e) \
        or (_pos(e.tok) == "VERB" and _sequel_without_doer(e.tok)) \
        or (_pos(e.tok) == "VERB" and e.tok.dep_ in ("advcl", "conj") and _came_under(e.tok.head))
    # "a farmer who survived two years of torture": whom the act befell, not its doer
    endured = _endured_by(e.tok)
    if endured is not None:
        regardless = True
        tgt = tgt or _actor_of(endured, actor_at) or (
            _actor_of(endured.head, actor_at) if endured.dep_ == "appos" else None)   # "Omar, a farmer who ..."
    # "clashed ..., leaving 1 dead and 15 injured": a count and a harm participle are a toll,
    # parsed with the count as subject; the nearest actor did not do the injuring
    toll_phrase = _pos(e.tok) == "VERB" and e.tok.tag_ == "VBN" and _harm(e.tok, lex) is not None and (any(
        c.dep_ == "nsubj" and (c.like_num or c.lower_ in QUANTIFIERS) for c in e.tok.children)
        or (e.tok.dep_ == "oprd" and _lemma(e.tok.head) == "leave"))
    # ("protesters gathered before being dispersed": the nearest actor is whom it befell)
    regardless = regardless or toll_phrase or (_pos(e.tok) == "VERB" and _shared_passive_subject(e.tok) is not None)
    if src is None and _pos(e.tok) == "VERB" and e.tok.dep_ == "pcomp" and e.tok.head.lower_ == "for" \
            and _pos(e.tok.head.head) == "VERB":
        # "detained three women activists for protesting the ban": the act given as the reason
        # is that of the people it befell
        verb = e.tok.head.head
        src = next((_actor_of(c, actor_at) for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None) \
            or next((_actor_of(g, actor_at) for g in _under_dead(verb) if g.dep_ == "dobj"), None) \
            or next((_actor_of(g, actor_at) for c in verb.children if c.dep_ == "prep" and c.lower_ == "against"
                     for g in c.children if g.dep_ == "pobj"), None)   # "a case registered against X for assaulting"
        if src is None and verb.dep_ == "pobj" and verb.head.lower_ == "against" and verb.i in actor_at:
            src = actor_at[verb.i]   # (the "for" hung on the accused: "against a trader for assaulting")
    if src is None and _pos(e.tok) == "NOUN" and e.carrier is None:
        # "the United States and Britain announced a package of $2 billion in military aid":
        # who announces the measure gives it
        verb = _announced_in(e.tok)
        if verb is not None:
            src = _named_by(_source_token(verb), actor_at, lex)
            parsed = src is not None
    if src is None and _pos(e.tok) == "VERB" and _passive(e.tok) and _harm(e.tok, lex) is not None \
            and not any(c.dep_ == "agent" for c in e.tok.children):
        # "One person was killed and four were injured after Russian bombs hit the city": the
        # doer of the clause that tells the cause, hung on either harm verb
        cause = next((c for v in (e.tok, *e.tok.conjuncts) for c in v.children if c.dep_ == "advcl"
                      and any(m.dep_ == "mark" and m.lower_ in ("after", "when", "as") for m in c.children)
                      and _rules_of(c, "VERB", lex)), None)
        subj = next((x for x in cause.children if x.dep_ == "nsubj"), None) if cause is not None else None
        doer = _named_by(subj, actor_at, lex) if subj is not None else None
        if doer is not None and doer is not tgt and doer["actor"].get("sector_code") in ARMED_SECTORS:
            src, parsed = doer, True   # (not "after protesters breached police lines": no shooters)
    if src is None and not talked_about and not finder and not passive_relative and not unnamed and not regardless:
        # the nearest actor before the trigger, but not one who only reports it (nor the
        # subject of a verb that merely has the event noun as its object: "discussed the attacks")
        # ("Iraqi soldiers and police came under fire": the police were fired on too)
        fired_on = _coordinated(doc, tgt, actor_at, None, lex)[1]
        # (each mention judged by its head word: "The Syrian Observatory for Human Rights said
        # 745 civilians had been killed" names the speaker, whatever "Human" is a compound of)
        before = [actor_at[i] for i in range(sent.start, e.span[0])
                  if i in actor_at for r in [_mention_head(doc, i, actor_at)]
                  if (r.dep_ in ("nsubj", "appos", "conj") or _of_subject(r) or _modifies_a_doer(r)
                       or (r.dep_ == "ROOT" and r.pos_ in ("NOUN", "PROPN")))   # (a misparsed subject)
                  and not _is_speaker(r, lex) and not _reports_it(r, e.tok, lex) and not _is_patient(r, ev_tokens)
                  and not _in_scene(r, ev_tokens, lex)
                  and actor_at[i]["actor"]["actor_id"] not in fired_on]
        clause = _marked_clause(e)
        if clause is not None:
            # "Police have arrested 400 people since the violence began in Southport": a clause
            # with a subject of its own under "since", "after" or "because" names its own doer,
            # or none; the main clause's people did not do it
            before = [a for a in before if clause.left_edge.idx <= a["start"] < clause.right_edge.idx + 1]
        if rule.event_type == "PROTEST":
            # "police fired tear gas at protesters, as demonstrations turned violent": the
            # protesters demonstrate, even as the ones acted on, and the forces of the state do not
            crowd = [actor_at[i] for i in range(sent.start, e.span[0]) if i in actor_at
                     and _lemma(doc[i]) in DEMONSTRATOR_NOUNS and not _is_speaker(doc[i], lex)]
            before = crowd or ([] if caused else [a for a in before if a["actor"]["sector_code"] not in STATE_SECTORS])
        if rule.event_type == "ASSAULT" and tgt is not None and _state_side(tgt["actor"]):
            # "Authorities detained 343 people, adding that 123 police officers had been
            # injured": the state did not hurt its own forces; a guess names the other side
            before = [a for a in before if not (_state_side(a["actor"])
                                                and a["actor"]["country_code"] == tgt["actor"]["country_code"])]
        if before:
            src = before[-1]
            first = doc.char_span(src["start"], src["end"], alignment_mode="expand")
            head = first.root if first is not None else None   # (the mention's head word)
            if head is not None and actor_at.get(head.i) is src:
                src = _actor_of(head, actor_at) or src   # ("gunmen believed to be members of X": X)
            confidence -= 0.25
        else:
            confidence -= 0.15
    if src is None and (rule.event_mode == "arrest" or (rule.event_type == "ASSAULT" and _interception(e))) \
            and _pos(e.tok) == "VERB" and _passive(e.tok) and not any(c.dep_ == "agent" for c in e.tok.children):
        # "At least 100 people were arrested, the police said": the force that tells of the
        # arrests it does not name a doer for made them (only the state's forces arrest); so
        # for "the military said the missile was intercepted"
        forces = [actor_at[i] for i in range(sent.start, sent.end) if i in actor_at and _is_speaker(doc[i], lex)
                  and actor_at[i]["actor"]["sector_code"] in STATE_FORCE_SECTORS]
        if forces:
            src = speaking_force = forces[-1]
            confidence -= 0.2
    if src is not None and tgt is not None and src["actor"]["actor_id"] == tgt["actor"]["actor_id"] and not parsed:
        if src is speaking_force:
            tgt = None   # (the force that tells of its own interception is no target of it)
        else:
            src = None   # the guessed source is the parsed target: keep what the parse says
    if rule.context or rule.armed_source:
        confidence -= 0.05
    negated, hypothetical = _flags(e, lex)
    # PLOVER codes a refused cooperative act as REJECT ("will not accept refugees", "failed to
    # reach agreement"); a promise on a condition ("will withdraw unless ...") or an announced
    # hostile act ("said they would boycott", "plans to impose restrictions") as THREATEN; a
    # promised or offered cooperative act as AGREE ("will provide aid", "willing to withdraw");
    # and "X must do Y" as a REQUEST. The refusal, threat, offer or demand did happen.
    if rule.event_type == "PROTEST" and rule.lemma == "protest" and ((src is not None and (
            src["actor"]["sector_code"] == "GOV" or (src["actor"]["actor_kind"] == "state" and not src["actor"]["sector_code"])))
            or (e.carrier is not None and _lemma(e.carrier) in LODGING_VERBS)):
        # "the ministry summoned the envoy to protest": a government's protest is a diplomatic
        # complaint, not a demonstration; and a protest "lodged" with someone is a formal
        # complaint, whoever lodges it ("the border guards lodged a strong protest with ...")
        rule = TriggerRule(rule.lemma, rule.pos, rule.with_, rule.context, rule.armed_source,
                           "ACCUSE", "disapprove", None, None)
    taker = next((t for t in (e.tok, e.carrier, e.tok.head) if t is not None and _pos(t) == "VERB"
                  and _lemma(t) in GROUND_TAKING_VERBS), None)   # (also "took control", read at "control")
    if rule.event_type == "ASSAULT" and taker is not None and _unopposed(taker):
        # "the rebels took control of the town without a fight", "entered Kidal unopposed": a
        # seizure of ground, no battle (ACLED's non-violent transfer of territory)
        rule = TriggerRule(rule.lemma, rule.pos, rule.with_, rule.context, rule.armed_source,
                           "COERCE", "seize", None, "Strategic developments")
    heads = [e.tok] + ([e.carrier] if e.carrier is not None else [])
    marks = {m.lower_ for h in heads for c in h.children if c.dep_ == "advcl"
             for m in c.children if m.dep_ == "mark"}
    # "unless" makes any act a threat; "if" makes a hostile one a threat ("may halt mediation
    # if cooperation founders") and leaves a cooperative one an offer
    conditional = "unless" in marks or ("if" in marks and rule.event_type in HOSTILE_TYPES)
    if e.promised and any(t in HOSTILE_TYPES | {"THREATEN"} for t in e.promised):
        rule = _retype(rule, "THREATEN")   # "vowed to retake the town", "swore to fight on"
    elif negated and (_pos(e.tok) == "VERB" or e.carrier is not None) and \
            rule.event_type in COOPERATIVE_TYPES | {"AGREE"} and speaker is None and not _conditional(e):
        rule = _retype(rule, "REJECT")
        negated = hypothetical = False
    elif hypothetical and not negated and conditional and speaker is None:
        rule = _retype(rule, "THREATEN")
        hypothetical = False
    elif hypothetical and not negated and rule.event_type == "ASSAULT" and _readied(e):
        rule = _retype(rule, "MOBILIZE")   # "the army prepared to resume shelling": readiness, a material act
        hypothetical = False
    elif hypothetical and not negated and rule.event_type in HOSTILE_TYPES and _announced_intent(e, lex):
        rule = _retype(rule, "THREATEN")
        hypothetical = False
    elif speaker is not None:
        rule = rule if rule.event_type == "REQUEST" else _retype(rule, "REQUEST")
        hypothetical = negated = False
    elif hypothetical and not negated and rule.event_type in COOPERATIVE_TYPES and not _scheduled(e, lex):
        rule = _retype(rule, "AGREE")
        hypothetical = False
    elif any(c.dep_ == "aux" and lex.modality.get(c.lower_) == "obligation" for c in e.tok.children) \
            and rule.event_type not in ("REQUEST", "THREATEN"):
        rule = _retype(rule, "REQUEST")
        hypothetical = False
    if rule.event_type == "ASSAULT" and rule.event_mode in ("heavy-weapons", None) and _into_the_sea(e):
        # "fired a ballistic missile into the sea off its east coast": a weapons display, as a
        # test-firing is (PLOVER MOBILIZE weapons), no attack
        rule = TriggerRule(rule.lemma, rule.pos, rule.with_, rule.context, rule.armed_source,
                           "MOBILIZE", "weapons", None, "Strategic developments")
    elif rule.event_type == "ASSAULT" and rule.event_mode == "firearms" and _into_the_air(e):
        # "officers fired in the air": a show of force, as warning shots are, no shooting at
        # anyone; to disperse a crowd ("fired into the air to disperse the crowd"), crowd control
        verb = e.carrier if e.carrier is not None else e.tok
        dispersing = any(_purpose_clause(c) is not None and c.dep_ in ("advcl", "xcomp") for c in verb.children)
        rule = TriggerRule(rule.lemma, rule.pos, rule.with_, rule.context, rule.armed_source,
                           *(("ASSAULT", "crowd-control", None, None) if dispersing
                             else ("MOBILIZE", "troops", None, "Strategic developments")))
    # a place that is the source actor ("Iraq attacked"), or coordinated with it ("Armenia and
    # Azerbaijan agreed"), is not where the event happened
    busy = {i for i in range(src["start"], src["end"])} if src else set()
    if tgt is not None and str(lex.types[rule.event_type]["quad_class"]) in ("1", "3"):
        # "accused the United States of interfering": whom a statement is about, not where
        busy.update(range(tgt["start"], tgt["end"]))
    for t in _subject_tokens(e):
        other = actor_at.get(t.i)
        if other is not None and doc[t.i].dep_ == "conj":
            busy.update(range(other["start"], other["end"]))
    text = doc_text(doc)
    place_at = {i: m for i, m in place_at.items() if (m["start"] not in busy or
                (doc[i].dep_ == "pobj" and lex.place_words.get(doc[i].head.lower_) == "locative"))
                and not re.match(r"-[A-Za-z]", text[m["end"]:m["end"] + 2])}   # "a US-Kurdish operation", "Saudi-led"
    if src is not None and _ran_into_mine(e):
        src, tgt = None, tgt or src   # "their vehicle hit a landmine": the riders are its victims
    # (as the act is now coded: a government's "protest" is a stance, placed as one)
    place, place_score = _place_for(doc, sent, e if rule is e.rule else replace(e, rule=rule), place_at, actor_at,
                                    lex, doerless=src is None)
    if place is None or _is_country(_mention_place(place)):
        # ("launched drones at Ukraine, killing four people in the capital": the capital is
        # where, within the country)
        referred = _town_told_before(sent, e, place_at, lex)
        if referred is not None and (place is None or (_mention_place(referred) or {}).get("country_code")
                                     == (_mention_place(place) or {}).get("country_code")):
            place, place_score = referred, REFERRED_PLACE_SCORE
    also = _listed_places(doc, place, place_at, e.tok)
    if place is not None and place_score < 0.5:
        confidence -= 0.05
    type_row = lex.types[rule.event_type]
    mode_row = lex.modes.get((rule.event_type, rule.event_mode or ""), {})
    cameo = rule.cameo_root or mode_row.get("cameo_root") or type_row["cameo_root"]
    acled = rule.acled_event_type or (mode_row.get("acled_event_type") if mode_row else None) \
        or type_row["acled_event_type"] or None
    if rule.event_type == "ASSAULT" and rule.event_mode in (None, "firearms") and tgt is not None and \
            (tgt["actor"]["sector_code"] in CIVILIAN_SECTORS or _unarmed_official(doc, tgt, lex)) \
            and not _two_sided(e, lex):
        acled = "Violence against civilians"   # not a clash between armed sides that killed civilians
    elif rule.event_type == "ASSAULT" and rule.event_mode in (None, "firearms") and tgt is None and \
            src is not None and src["actor"]["sector_code"] in ARMED_SECTORS | {"CRM", "ETH"} and (
                _at_civilian_site(e) or (src["actor"]["sector_code"] in LOCAL_ARMED and _at_town(e, place_at))) \
            and not _two_sided(e, lex) and not (
                _lemma(e.tok) in TAKEOVER_VERBS and src["actor"]["sector_code"] not in {"UAF", "CRM", "ETH"}):
        # ("the army stormed the village": a battle for it)
        acled = "Violence against civilians"   # "bandits invaded two villages", "gunmen attacked a market"
    # one unnamed person ("a man") as the doer: a civilian unless he bears arms, and no crowd
    lone = src is not None and src["actor"]["sector_code"] in RIOT_SECTORS and _one_doer(doc, src, lex)
    if (rule.event_type == "ASSAULT" or rule.event_mode == "destroy") and src is not None and \
            src["actor"]["sector_code"] in RIOT_SECTORS and not lone and (
                rule.event_mode not in WEAPON_MODES
                or any(t.lower_ in CROWD_WEAPONS for c in e.tok.children if c.dep_ == "dobj" for t in c.subtree)):
        # rioters burning shops, a mob lynching a thief, demonstrators throwing petrol bombs:
        # ACLED's riots and mob violence (a crowd, not "a man stabbed three people"; nor a
        # bombing, whoever the text says did it)
        acled = "Riots"
    if rule.event_type == "PROTEST" and rule.event_mode == "obstruct" and src is not None and \
            src["actor"]["sector_code"] in ARMED_SECTORS | {"CRM", "ETH"}:
        # "JNIM besieged Djibo and blocked supply routes": CAMEO's obstruction (PLOVER PROTEST),
        # but an armed group's blockade is no demonstration to ACLED
        acled = "Strategic developments"
    intercepted = rule.event_type == "ASSAULT" and _interception(e)
    if intercepted:
        acled = "Strategic developments"   # "shot down 35 missiles": a strike disrupted, not one made
        said_by_force = src is not None and src["actor"]["sector_code"] in STATE_FORCE_SECTORS and any(
            _is_speaker(t, lex) for t in doc.char_span(src["start"], src["end"], alignment_mode="expand") or ())
        if _passive(e.tok) and not any(c.dep_ == "agent" for c in e.tok.children) and src is not None \
                and src is not speaking_force and not said_by_force:
            # "Russia fired 48 missiles, of which 39 were shot down": the doer the clause lends
            # is the one whose strike was disrupted
            src, tgt = None, tgt if tgt is not None and tgt is not src else src
    if src is not None and tgt is not None and src["actor"]["actor_id"] == tgt["actor"]["actor_id"] \
            and src["actor"]["sector_code"] in STATE_SECTORS and src["actor"]["actor_kind"] != "person":
        # "soldiers repelled an attack on an army post": the state's own forces acted on are
        # the scene, not a target; the other side is unnamed (a man who stabs three people
        # and the mob that lynches a thief are civilians acting on civilians)
        tgt = None
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
        "place_id": _mention_place(place)["place_id"] if place else None,
        "is_negated": negated,
        "is_hypothetical": hypothetical,
        "confidence": round(max(0.05, min(1.0, confidence)), 2),
        "_takes_people": _takes_people(e, actor_at),
        "_also_places": also,
        "_also_of": (_mention_place(place) or {}).get("place_id") if place else None,
        "_also_sources": _coordinated(doc, src, actor_at, tgt, lex),
        "_also_targets": _coordinated(doc, tgt, actor_at, src, lex),
        "_intercept": intercepted,
        "_replied_to": responded_to,
        "_weapons": rule.event_type == "COERCE" and rule.event_mode == "seize" and _seizes_weapons(e),
        "_lone": lone,
        "_quoted": _in_quote(doc, start_char),
        # "Soldiers blocked the march": a protest named again as what others acted on
        "_acted_on": _pos(e.tok) == "NOUN" and e.carrier is None and _definite(e.tok)
        and e.tok.dep_ in ("dobj", "nsubjpass") and _pos(e.tok.head) == "VERB",
        "_demonstrators": src is not None and _demonstrators(doc, src),
        "_at_demonstrators": tgt is not None and _demonstrators(doc, tgt),
        "_at_vessel": rule.event_mode == "crowd-control" and _at_vessel(e),
    }


# Hidden charges that a vehicle or a walker sets off ("hit a landmine", "stepped on an IED").
MINE_WORDS = WORDS["mine"]
MINE_VERBS = WORDS["mine_verb"]


def _ran_into_mine(e: "_Ev") -> bool:
    """Whether the act is someone running into a mine ("their vehicle hit a landmine", "a boy
    stepped on an explosive device"): the subject is its victim, no doer is named."""
    verb = e.carrier if e.carrier is not None else e.tok
    if _pos(verb) != "VERB" or _lemma(verb) not in MINE_VERBS:
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "over", "into")
             for g in c.children if g.dep_ == "pobj"]
    return any(_lemma(o) in MINE_WORDS or o.lower_ in MINE_WORDS for o in objs)


SEIZED_WEAPONS = WORDS["seized_weapon"]
# Boats and ships (see `_at_vessel`).
VESSEL_WORDS = WORDS["vessel"]


def _at_vessel(e: _Ev) -> bool:
    """Whether an act is aimed at a boat or ship ("fired water cannon at a supply boat"): force
    of a kind used on crowds, used at sea, disperses no protest."""
    doc = e.tok.doc
    objs = [c for h in e.heads for c in doc[h].children if c.dep_ == "dobj"]
    objs += [g for h in e.heads for c in doc[h].children if c.dep_ == "prep"
             and c.lower_ in ("at", "on", "against", "toward", "towards") for g in c.children if g.dep_ == "pobj"]
    return any(_lemma(o) in VESSEL_WORDS for o in objs)


# What an unarmed crowd throws ("petrol bombs", "stones"): a riot's weapons, not a bomber's.
CROWD_WEAPONS = WORDS["crowd_weapon"]


def _with_of_objects(o: Token) -> list[Token]:
    """A noun and the objects of its "of" ("35 of 40 missiles", "a cache of weapons"): what a
    counted or measured object is of."""
    return [o] + [g for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]


def _seizes_weapons(e: "_Ev") -> bool:
    """Whether a seizure takes weapons ("seized weapons and ammunition", "recovered a cache of
    weapons"): ACLED's disrupted weapons use when the state does it."""
    verb = e.carrier if e.carrier is not None else e.tok
    objs = [h for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for h in _with_of_objects(c)]
    objs += [x for o in list(objs) for x in o.conjuncts]
    return any(_lemma(o) in SEIZED_WEAPONS or o.lower_ in SEIZED_WEAPONS for o in objs)


INTERCEPT_VERBS = WORDS["intercept"]
WEAPON_OBJECTS = WORDS["weapon_object"]


def _interception(e: _Ev) -> bool:
    """Whether an assault only stops a weapon ("shot down 35 of 40 missiles", "drones were
    intercepted", "defused a bomb"): its object is a weapon, its verb one of stopping."""
    tok = e.tok
    if _pos(tok) != "VERB" or not (_lemma(tok) in INTERCEPT_VERBS or tok.lower_ in INTERCEPT_VERBS):
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "npadvmod")]   # "shot down 35 of 40 ..."
    for o in objs + [x for o in objs for x in o.conjuncts]:
        # "35 of 40 missiles": the counted noun is under "of"
        heads = _with_of_objects(o)
        if any(_lemma(h) in WEAPON_OBJECTS or h.lower_ in WEAPON_OBJECTS for h in heads):
            return True
        if any(h.lower_ in ("them", "those") for h in heads) and _weapons_just_told(tok):
            return True   # "launched 15 drones at Odesa ... Air defences shot down 12 of them"
    if not objs:
        # "shot down 12 of the 18 drones Russia launched": a count parsed as the subject of the
        # clause after it; the words right after the verb still name what was stopped
        for t in tok.doc[tok.i + 1:min(tok.i + 8, tok.sent.end)]:
            if _lemma(t) in WEAPON_OBJECTS or t.lower_ in WEAPON_OBJECTS:
                return True
            if not (t.like_num or t.pos_ in ("DET", "ADJ", "ADP", "ADV", "PART") or t.dep_ == "prt"):
                break
    return False


def _weapons_just_told(tok: Token) -> bool:
    """Whether the sentence of `tok` or the one before it names weapons launched or fired as
    an object ("launched 15 Shahed drones"), which a "them" after it stands for."""
    sent = tok.sent
    start = tok.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return any(t.dep_ in ("dobj", "nsubjpass") and (_lemma(t) in WEAPON_OBJECTS or t.lower_ in WEAPON_OBJECTS)
               for t in tok.doc[start:tok.i])


CIVILIAN_SITES = WORDS["civilian_site"]
TAKEOVER_VERBS = WORDS["takeover"]


# Armed men who are no party to a war (communal militias, unidentified gunmen, bandits): a town
# they attack is its people, not a position held against them.
LOCAL_ARMED = {"ETH", "UAF", "CRM"}


def _at_town(e: _Ev, place_at: dict) -> bool:
    """Whether the verb's object is a town the text names ("Fulani militiamen attacked Mangu")."""
    tok = e.tok
    if _pos(tok) != "VERB":
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    return any(o.i in place_at and str((_mention_place(place_at[o.i]) or {}).get("feature_code") or "").startswith("PPL")
               for o in objs)


def _at_civilian_site(e: _Ev) -> bool:
    """Whether the act is aimed at a place of civilian life: the verb's object ("invaded
    Kucheri and Yandoton villages") or what an attack noun is "on" ("an attack on a market")."""
    tok = e.tok
    objs = [c for c in tok.children if c.dep_ == "dobj"] if _pos(tok) == "VERB" else []
    objs += [g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("on", "at", "against")
             for g in p.children if g.dep_ == "pobj"]
    doc = tok.doc
    heads = objs + [x for o in objs for x in o.conjuncts]
    # (and the word right after a named object: "invaded Kucheri and Yandoton villages")
    heads += [doc[o.right_edge.i + 1] for o in heads if o.right_edge.i + 1 < len(doc)]
    return any(_lemma(o) in CIVILIAN_SITES or o.lower_ in CIVILIAN_SITES for o in heads)


def _one_row_per_place_and_partner(out: list[dict]) -> list[dict]:
    """One row more for each further place an act happened at (see `_listed_places`), and for
    each further doer or target coordinated with the row's own (see `_coordinated`): the copy
    differs from the first row in that one field, has its `row_ordinal` (1, 2, ...; the first
    row is 0), the incident of the act, and no toll (the toll stays on the first row, so
    summing an incident's rows counts it once)."""
    rows = []
    for rec in out:
        also = rec.pop("_also_places", None) or []
        if rec.pop("_also_of", None) != rec["place_id"]:
            also = []   # the row's place was changed since (a scene, an incident): no list
        extra = [("place_id", pid) for pid in also]
        for column, key in (("source_actor_id", "_also_sources"), ("target_actor_id", "_also_targets")):
            own, others = rec.pop(key, None) or (None, [])
            if own is not None and own == rec[column]:
                # (not when the row's doer or target was changed since: an incident's, a scene's)
                extra += [(column, aid) for aid in others
                          if aid not in (rec["source_actor_id"], rec["target_actor_id"])]
        rec["row_ordinal"] = 0
        rows.append(rec)
        for k, (column, value) in enumerate(extra, start=1):
            copy = dict(rec, row_ordinal=k, fatalities=None, injured_count=None)
            copy[column] = value
            copy["incident_of"] = rec.get("incident_of") or (rec["trigger_start"], rec["trigger_end"])
            rows.append(copy)
    return rows


def _coordinated(doc: Doc, men: dict | None, actor_at: dict, other: dict | None,
                 lex: EventLexicon) -> tuple[str | None, list[str]]:
    """The actor of a doer or target mention, and the other actors coordinated with it ("Iraqi
    and US forces", "Hamas and Islamic Jihad fired rockets", "killed a soldier and two
    civilians"), in order: each took part, and ACLED names such partners as associated actors;
    the act gets a row with each (see `_one_row_per_place_and_partner`). Not the other side of
    the act (`other`: "the army and the RSF clashed" is one row between them), nor a source the
    parse joins to the list ("burning dozens of homes, residents and a local official said")."""
    if men is None:
        return None, []
    span = doc.char_span(men["start"], men["end"], alignment_mode="expand")
    if span is None:
        return men["actor"]["actor_id"], []
    own = men["actor"]["actor_id"]
    if span.root.dep_ in ("amod", "compound", "nmod") and span.root.head.i in actor_at:
        return own, []   # a modifier of another actor's noun: the parse is no list of partners
    skip = {own, (other or {}).get("actor", {}).get("actor_id")}
    found: list[str] = []
    # (and the modifiers before it that name the same actor: "Somali and African Union troops"
    # are the troops of both)
    mods = [m for t in span for m in t.lefts if m.dep_ in ("amod", "compound", "nmod") and m.i < span.start
            and (actor_at.get(m.i) or {}).get("actor", {}).get("actor_id") == own]
    for t in [*span, *mods]:
        for c in t.conjuncts:
            partner = actor_at.get(c.i)
            if partner is None or span.start <= c.i < span.end or (
                    c.right_edge.i + 1 < len(doc) and _lemma(doc[c.right_edge.i + 1]) in lex.reporting):
                continue
            aid = partner["actor"]["actor_id"]
            if aid not in skip and aid not in found:
                found.append(aid)
    return own, found


def _place_class(p: dict) -> str:
    """"country", "division" or "place" (a town, a site, a place known by name only)."""
    code = p.get("feature_code") or ""
    return "country" if code.startswith("PCL") else "division" if code.startswith("ADM") else "place"


# Nouns for the spot where two roads meet: "the corner of X and Y" names one place.
CROSSING_NOUNS = WORDS["crossing"]


def _listed_places(doc: Doc, place: dict | None, place_at: dict, trigger: Token) -> list[str]:
    """Ids of the places listed with the event's place ("protests broke out in Mombasa, Kisumu
    and Nakuru"), in order: the act happened at each, and as ACLED codes one event per
    location, each gets a row (see `_one_row_per_place_and_partner`). Not the two ends of a
    route ("between Kaya and Dori") or the roads of a crossing ("the corner of X and Y"), places
    of another kind than the first (a town and a country or province), nor places in brackets
    after it ("Delmas (Port-au-Prince, Ouest)"), nor the list when the act is told in a clause
    on its last place ("rallies in Nis and Novi Sad, where protesters blocked a bridge"), nor two
    names joined by a comma alone ("in Solino, Port-au-Prince", a quarter and its city)."""
    if place is None:
        return []
    span = doc.char_span(place["start"], place["end"], alignment_mode="expand")
    if span is None:
        return []
    root = span.root
    listed = {root.i, *(c.i for c in root.conjuncts)}
    if any(t.dep_ == "relcl" and t.head.i in listed for t in (trigger, *trigger.ancestors)):
        return []
    top = root
    while top.dep_ == "conj":
        top = top.head
    if top.dep_ == "pobj" and top.head.lower_ in ("between", "from", "to"):
        return []
    if top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.dep_ == "pobj" \
            and top.head.head.head.lower_ == "between":
        return []   # "on the road between the villages of Kfar Kila and Adaisseh": one stretch
    if top.dep_ == "pobj" and top.head.lower_ == "of" and _lemma(top.head.head) in CROSSING_NOUNS:
        return []   # "the intersection of Chelsea Avenue and Watkins Street": one spot
    ends = sorted(listed)
    if len(ends) == 2 and not any(c.dep_ == "cc" for k in listed for c in doc[k].children) and not any(
            doc[k].lower_ in ("and", "or", "&") for k in range(ends[0], min(len(doc), doc[ends[-1]].right_edge.i + 3))):
        return []   # "in Solino, Port-au-Prince": a place and the city it is in, no list
    first = _mention_place(place) or {}
    out: list[str] = []
    others = list(root.conjuncts)
    nouns = others + (list(top.head.head.conjuncts) if top.dep_ == "pobj" and top.head.lower_ == "of" else [])
    # "in the town of Saraqib and the villages of Taftanaz and Binnish": the places
    # named after each place noun of the list, however the parser joins the nouns
    others += [x for n in nouns if n.i not in place_at for p in n.children if p.dep_ == "prep" and p.lower_ == "of"
               for g in p.children if g.dep_ == "pobj" for x in (g, *g.conjuncts)]
    for c in others:
        lo, hi = sorted((root.i, c.i))
        if any(t.text in "()[]" for t in doc[lo:hi + 1]):
            continue   # "Delmas (Port-au-Prince, Ouest)": where the first place lies, not another
        men = place_at.get(c.i)
        other = _mention_place(men) if men is not None else None
        if other is None or other.get("place_id") in (None, first.get("place_id"), *out):
            continue
        if _place_class(other) != _place_class(first):
            continue   # "Goma and North Kivu", "Mombasa and Kenya": a town and its division or country
        out.append(other["place_id"])
    return out


def _takes_people(e: _Ev, actor_at: dict) -> bool:
    """Whether the trigger verb's object is people ("captured three soldiers"), not a place
    ("captured the town"): ACLED's territory sub-events are about places."""
    tok = e.tok
    if _pos(tok) != "VERB":
        return False
    objs = [c for c in tok.children if c.dep_ == ("nsubjpass" if _passive(tok) else "dobj")]
    return any(o.i in actor_at for o in objs)


def _told_in_present(e: "_Ev") -> bool:
    """Whether the event's verb is in the simple present ("India denies the charge", "the
    group says it will fight on"): a stance held now, of the report's day, not of the day
    the paragraph told before."""
    verb = _clause_head(e.carrier if e.carrier is not None else e.tok)
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _one_of_a_ranking(tok: Token) -> bool:
    """Whether a number ranks the act among others ("..., one of the deadliest massacres in
    years"): "one of" an act or a time, no victim ("one of the victims" stays one)."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and _lemma(g) in TOLD_AGAIN_NOUNS | STRIKE_NOUNS | RANKED_NOUNS for g in c.children)
        for c in tok.children)


# Nouns a toll's act is ranked among ("one of the deadliest days of the war").
RANKED_NOUNS = {"massacre", "incident", "attack", "day", "days", "week", "year", "episode", "atrocity", "tragedy",
                "disaster", "event", "events"}


def _casualties(sent, lex: EventLexicon, actor_at: dict | None = None,
                date_toks: set[int] = frozenset()) -> list[tuple[str, int, int | None]]:
    """Stated death and injury counts: (kind 'dead'|'injured', number, governing token index).

    Counts only numbers tied to a kill or injury word through the parse ("killed 12",
    "12 people were killed", "at least three dead", "death toll rose to 20", "left 5 dead");
    numbers of fighters said to remain, of years, money or percentages are not casualties.
    A single named or singular victim counts one ("shot dead a local chief", "a soldier was
    killed"); "no casualties", "no one was hurt" count none (0), which is not the same as a
    toll left unsaid (null). The words are in `data/events_casualty_words.csv`.
    """
    words = lex.casualty
    out = []
    singles: set[tuple[str, int, int]] = set()   # singular victims coordinated with a number
    for tok in sent:
        if tok.i in date_toks or not (tok.like_num or tok.pos_ == "NUM" or tok.lower_ in NUMBER_WORDS) \
                or _nobody(tok) or _tens_of_compound(tok):
            continue
        if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY") and \
                words.get(_lemma(tok.head)) not in ("dead", "injured"):
            continue   # "3 tons", "10 percent"; but "3 killed" is a toll whatever the tagger says
        value = _number(tok)
        if value is None or _breakdown(tok) or _one_of_a_ranking(tok):
            continue
        h = tok.head if tok.dep_ in ("nummod", "quantmod", "compound", "amod") else tok
        while h.dep_ in ("quantmod",) and h.head.i != h.i:
            h = h.head
        if misparsed_speaker_conjunct(h):
            continue   # "killing 15 soldiers, two residents and a local official said": who said it
        first = None
        own = h
        while h.dep_ == "conj" and h.head.i != h.i:
            h = h.head          # "two soldiers and 10 militiamen were killed": 10 counts too
            first = h
        kind = gov = None
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < tok.sent.end else None
        if own is not h and nxt is not None and nxt.tag_ in ("VBN", "JJ") and words.get(_lemma(nxt)) in ("dead", "injured"):
            # "leaving two dead and 30 injured", parsed with 30 joined to "two": the word after
            # the number says which (not the "dead" of the number it is joined to)
            kind, gov = words[_lemma(nxt)], nxt.i
        after = tok.doc[own.i + 1] if own.i + 1 < tok.sent.end else None
        alone = False
        if kind is None and own is not h and after is not None and after.dep_ in ("aux", "auxpass") \
                and after.head.i > own.i and after.head.i != h.head.i and words.get(_lemma(after.head)) in ("dead", "injured"):
            # "shot dead a policeman and a boy ... and eight people were wounded", the people
            # parsed as one more victim of the shooting: the verb after them says what befell them
            kind, gov, first, h = words[_lemma(after.head)], after.head.i, None, own
            alone = True   # (and the victims it is joined to are not its)
        for v in dict.fromkeys([own, h]) if kind is None else ():   # "3 killed, 18 injured": the number's own participle says which
            hit = next((c for c in v.children if c.dep_ in ("acl", "amod") and c.i > v.i
                        and words.get(_lemma(c)) in ("dead", "injured")
                        # (not "two rival gangs fought ..., killing 12 people": the killers)
                        and not (c.tag_ == "VBG" and any(x.dep_ == "dobj" for x in c.children))), None)
            if hit is not None:
                kind, gov = words[_lemma(hit)], hit.i
                break
            # "offloaded seven passengers, who were later shot dead", "abducted five miners, who
            # were later found dead": what befell them, told in a relative clause on them
            rel = next((c for c in v.children if c.dep_ == "relcl" and c.i > v.i and any(
                x.dep_ in ("nsubj", "nsubjpass") and x.lower_ in ("who", "that") for x in c.children)), None)
            state = None if rel is None else (
                "dead" if any(x.lower_ == "dead" and x.dep_ in ("oprd", "acomp", "advcl", "xcomp") for x in rel.children)
                else _harm(rel, lex))
            if state in ("dead", "injured") and not any(x.dep_ == "neg" for x in rel.children):
                kind, gov = state, rel.i
                break
        if kind is None:
            # "left 6 hunters and 4 militants dead": the parser hangs the shared "dead" on the
            # last group of the list; it says what befell every group of it
            tail = [c for v in dict.fromkeys([own, *h.conjuncts]) if v.i != h.i for c in v.children
                    if c.dep_ in ("acl", "amod") and c.i > v.i and c.i == v.right_edge.i
                    and words.get(_lemma(c)) in ("dead", "injured")]
            if tail:
                kind, gov = words[_lemma(tail[-1])], tail[-1].i
        prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
        if kind is None and prev is not None and prev.lower_ == "dead" and prev.head.pos_ == "VERB":
            kind, gov = "dead", prev.head.i   # "shot dead 10 herders", however the rest is parsed
        if kind is None and h is tok and nxt is not None and nxt.tag_ in ("VBN", "JJ") \
                and words.get(_lemma(nxt)) in ("dead", "injured"):
            kind, gov = words[_lemma(nxt)], nxt.i   # "left 3 killed and 18 injured", however parsed
        if kind is None and h.dep_ == "nsubj" and h.head.i != h.i and _lemma(h.head) in lex.reporting \
                and h.left_edge.i > tok.sent.start:
            # "an air strike on a village killed at least 20 people, including six children,
            # residents and a group said": the parser makes the victims the speakers' subject
            before = tok.doc[h.left_edge.i - 1]   # ("..., killing at least 24 people, including ...")
            if before.tag_ in ("VBD", "VBN", "VBG") and words.get(_lemma(before)) in ("dead", "injured") \
                    and not any(c.dep_ == "dobj" for c in before.children):
                kind, gov = words[_lemma(before)], before.i
        # ("two soldiers lost their lives": they died)
        lost_lives = h.head.i != h.i and h.dep_ == "nsubj" and _lemma(h.head) in ("lose", "embrace") \
            and _harm(h.head, lex) == "dead"
        if kind is None and h.head.i != h.i and h.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in h.head.children) \
                and not lost_lives:
            kind = "skip"       # "two bombers killed 23 people": the subject did it, the object died
        if kind is None and h.head.i != h.i:
            w = h.head
            while h.dep_ == "appos" and w.dep_ == "appos" and w.head.i != w.i:
                w = w.head   # ("Fatalities: 6 soldiers, 15 militants", the list parsed as appositions)
            # ("gunned down three traders", "three traders were gunned down")
            found = ("dead" if _fatally(w) else None) or words.get(_lemma(w)) or words.get(w.lower_) or (
                _harm(w, lex) if h.dep_ in ("nsubjpass", "dobj") or lost_lives else None)
            if found is None and h.dep_ == "nsubjpass":
                # "two soldiers were ambushed and killed": the harm verb that shares the subject
                shared = next((c for c in w.children if c.dep_ == "conj" and c.tag_ == "VBN"
                               and (words.get(_lemma(c)) in ("dead", "injured") or _harm(c, lex))
                               and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)), None)
                if shared is not None:
                    found, w = words.get(_lemma(shared)) if words.get(_lemma(shared)) in ("dead", "injured") \
                        else _harm(shared, lex), shared
            if found in ("dead", "injured", "skip"):
                kind, gov = found, (w.i if found != "skip" else None)
            elif h.dep_ == "nsubjpass":
                # "14 militants were reported killed", "9 people were said to have died": the
                # harm word hangs under a passive verb of saying or believing
                harm = next((c for c in w.children if c.dep_ == "xcomp"
                             and words.get(_lemma(c)) in ("dead", "injured")), None)
                if harm is not None:
                    kind, gov = words[_lemma(harm)], harm.i
        if kind is None:
            # ("left 25 people injured", the participle parsed as the verb's clause)
            for c in list(h.children) + ([x for x in h.head.children if x.dep_ in ("oprd", "acomp") or (
                    x.dep_ in ("xcomp", "advcl") and x.i == h.right_edge.i + 1 and x.tag_ in ("VBN", "JJ")
                    and h.dep_ == "dobj" and _lemma(h.head) in TOLL_VERBS)] if h.head.i != h.i else []):
                if c.lower_ in ("dead", "killed") or _lemma(c) in ("dead",):
                    kind, gov = "dead", h.head.i if h.head.i != h.i else None
                elif c.lower_ in ("wounded", "injured", "hurt"):
                    kind, gov = "injured", h.head.i if h.head.i != h.i else None
        if kind is None and h.pos_ == "NOUN":
            # "and around 260 members of the police force were injured", the members hung
            # under "around": the passive harm verb whose own subject they are
            verb = next((v for v in sent if v.tag_ == "VBN" and v.i > h.i and words.get(_lemma(v)) in ("dead", "injured")
                         and (own_subj := _misparsed_passive_subject(v)) is not None
                         and (own_subj.i == h.i or h.is_ancestor(own_subj))), None)
            if verb is not None:
                kind, gov = words[_lemma(verb)], verb.i
        if kind is None and _lemma(h) in ("death", "fatality", "dead"):
            kind = "dead"
        if kind is None and h.pos_ == "NOUN" and words.get(_lemma(h)) == "dead":
            kind = "dead"       # "12 bodies", "two executions"
        if kind is None and h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.pos_ == "NOUN" \
                and words.get(_lemma(h.head.head)) in ("dead", "injured"):
            kind, gov = words[_lemma(h.head.head)], h.head.head.i   # "the bodies of six men"
        if kind is None and tok.dep_ == "pobj" and tok.head.lower_ in ("to", "at") and \
                any(_lemma(t) == "toll" for t in sent):
            kind = "dead"
        if kind is None and tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.lower_ == "coded" \
                and any(_lemma(t) in ("fatality", "death") for t in sent):
            kind = "dead"   # ACLED's "Fatalities unknown, coded as 3": the coder's count
        if kind in ("dead", "injured") and gov is not None and _attempted(tok.doc[gov]):
            kind = None   # "attempted to assassinate the prime minister": nobody is said to have died
        if kind in ("dead", "injured"):
            out.append((kind, value, gov))
            # the group's singular victims without a number ("a mother and her three children",
            # "two soldiers and a civilian") count one each
            top = first if first is not None else h
            for v in [top, *top.conjuncts] if gov is not None and not alone else []:
                if (kind, gov, v.i) not in singles and not any(c.dep_ == "nummod" or c.like_num for c in v.children) \
                        and _one_person(v, lex, actor_at or {}) and not misparsed_speaker_conjunct(v):
                    singles.add((kind, gov, v.i))
                    out.append((kind, 1, gov))
    # numbers of one harm word are groups of victims: "killed 3 soldiers and 2 civilians" is 5
    summed: dict[tuple[str, int], int] = {}
    for kind, value, gov in out:
        if gov is not None:
            summed[(kind, gov)] = summed.get((kind, gov), 0) + value
    out = [x for x in out if x[2] is None] + [(k, v, g) for (k, g), v in summed.items()]
    counted = {gov for _k, _v, gov in out if gov is not None}
    out += _single_victims(sent, lex, actor_at or {}, counted)
    out += _no_victims(sent, lex)
    return out


# Verbs of trying: a harm verb they govern kills or hurts nobody the text counts.
ATTEMPT_VERBS = WORDS["attempt_verb"]


def _attempted(tok: Token) -> bool:
    """Whether a harm verb is only tried ("tried to kill", "failed to assassinate")."""
    return tok.dep_ == "xcomp" and _lemma(tok.head) in ATTEMPT_VERBS


def _breakdown(tok: Token) -> bool:
    """Whether a number is in brackets right after another number, breaking that total down
    ("Fatalities: 6 (4 militants, 2 soldiers)"), or after "including" or "among them" with a
    count told before it ("killed eight people, among them three children"): counted once, in
    the total."""
    before = [t.lower_ for t in tok.doc[max(tok.sent.start, tok.i - 3):tok.i]]
    marker = next((i for i in range(len(before)) if before[i] == "including"
                   or before[i:i + 2] in (["among", "them"], ["among", "whom"])), None)
    if marker is not None and any(t.like_num and t.ent_type_ not in ("DATE", "TIME")
                                  for t in tok.doc[tok.sent.start:tok.i - len(before) + marker]):
        return True   # "killed eight people, among them three children": part of the count told
    k = tok.i - 1
    while k >= tok.sent.start and tok.doc[k].text not in ("(", ")"):
        k -= 1
    return k > tok.sent.start and tok.doc[k].text == "(" and tok.doc[k - 1].like_num


# Verbs of fleeing: what they take as object is what people flee, done by others.
FLIGHT_VERBS = WORDS["flight_verb"]
# Verbs of making possible: as a participle ("a pact allowing troops to train") they tell what
# another act or thing makes possible, not an act of their own.
ENABLING_VERBS = WORDS["enabling_verb"]
# Verbs by which an act brings about protests ("prompting protests"): not the protesters' act.
CAUSE_VERBS = WORDS["cause_verb"]
# Verbs of a court's judgement: "sentenced two soldiers to death" kills no one.
VERDICT_VERBS = WORDS["verdict"]


# Adverbs that make a harm verb a killing ("fatally stabbed", "mortally wounded").
FATAL_ADVERBS = {"fatally", "mortally"}


def _fatally(tok: Token) -> bool:
    """Whether a harm verb is said to have killed ("fatally stabbed", "mortally wounded")."""
    return _pos(tok) == "VERB" and any(c.dep_ == "advmod" and c.lower_ in FATAL_ADVERBS for c in tok.children)


def _harm(tok: Token, lex: EventLexicon) -> str | None:
    """'dead' or 'injured' for a word that says people were killed or hurt, including "shot
    dead" and "beaten to death"."""
    if _fatally(tok):
        return "dead"   # "was fatally shot", "fatally wounded three suspects", "mortally wounded"
    kind = lex.casualty.get(_lemma(tok)) or lex.casualty.get(tok.lower_)
    if kind in ("dead", "injured"):
        return kind
    if _pos(tok) != "VERB":
        return None
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "dead" and _passive(tok):
        return "dead"   # "were shot dead outside parliament", parsed with "dead" on the noun after
    for c in tok.children:
        if c.lower_ == "dead" and c.dep_ in ("acomp", "oprd", "advmod", "xcomp", "dobj", "amod", "prep"):
            return "dead"   # ("prep": "shot dead a shopkeeper", parsed with the victim under "dead")
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) \
                and _lemma(tok) not in VERDICT_VERBS:
            return "dead"
        if _lemma(tok) == "burn" and (c.lower_ == "alive" or any(
                g.lower_ == "alive" and g.dep_ == "amod" for g in c.children if c.dep_ == "dobj")):
            return "dead"   # "burned alive a suspected thief", "burned a man alive"
        if _lemma(tok) == "gun" and c.dep_ == "prt" and c.lower_ == "down":
            return "dead"   # "was gunned down", "gunned down a councillor"
        if _lemma(tok) == "lose" and c.dep_ == "dobj" and _lemma(c) == "life" and any(
                p.dep_ == "poss" for p in c.children):
            return "dead"   # "two soldiers lost their lives" (not "the army lost 12 lives", a toll)
        if _lemma(tok) == "embrace" and c.dep_ == "dobj" and c.lower_ in ("martyrdom", "shahadat"):
            return "dead"   # "two soldiers embraced martyrdom" (South Asian usage: were killed)
        if _lemma(tok) == "send" and c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "hell" for g in c.children):
            return "dead"   # "four terrorists were sent to hell" (likewise: were killed)
    return None


DEMONSTRATOR_NOUNS = WORDS["demonstrators"]


def _demonstrators(doc: Doc, men: dict) -> bool:
    """Whether an actor mention names its people as demonstrators ("protesters", "a group of
    rioters"): their violence is a violent demonstration, even in a story that tells no
    protest of theirs."""
    span = doc.char_span(men["start"], men["end"], alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    of = [g for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(_lemma(t) in DEMONSTRATOR_NOUNS for t in [root, *of])


# Most people a counted group of doers may have and still be a few strangers, not a crowd.
FEW_DOERS = 3


def _one_doer(doc: Doc, men: dict, lex: EventLexicon) -> bool:
    """Whether an actor mention is one person or a few ("a man", "a student", "two men"), not
    a crowd: ACLED's riots and mob violence need a crowd."""
    span = doc.char_span(men["start"], men["end"], alignment_mode="expand")
    if span is None or _lemma(span.root) not in lex.person_nouns:
        return False
    if span.root.dep_ == "compound" and span.root.head.tag_ == "NNS":
        return False   # "rival student groups": the plural noun it modifies is the crowd
    if span.root.tag_ == "NN":
        return True
    count = next((c for c in span.root.children if c.dep_ == "nummod"), None)
    value = _number(count) if count is not None else None
    return span.root.tag_ == "NNS" and value is not None and value <= FEW_DOERS


# Sectors of office holders: a person among them is unarmed (ACLED counts an attack on a
# village chief or a mayor as violence against civilians).
OFFICE_SECTORS = {"GOV", "LEG"}


def _unarmed_official(doc: Doc, men: dict, lex: EventLexicon) -> bool:
    """Whether an actor mention is an office holder as a person ("a village chief", "two local
    officials", "Governor Musa"), not the state itself ("the government")."""
    if men["actor"]["sector_code"] not in OFFICE_SECTORS:
        return False
    if men["actor"]["actor_kind"] == "person":
        return True
    span = doc.char_span(men["start"], men["end"], alignment_mode="expand")
    return span is not None and _lemma(span.root) in lex.person_nouns


def _one_person(tok: Token, lex: EventLexicon, actor_at: dict) -> bool:
    """A singular phrase naming one person: "a local chief", "the governor", "him", a name, "a
    Palestinian" (not "no civilian")."""
    if any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
        return False
    if tok.tag_ == "PRP":
        return tok.lower_ in ("him", "her", "he", "she")
    if tok.tag_ == "NNP" and (tok.ent_type_ == "PERSON" or
                              (tok.i in actor_at and actor_at[tok.i]["actor"]["actor_kind"] == "person")):
        return True
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children) and \
            (tok.i in actor_at or tok.ent_type_ == "NORP") and tok.tag_ in ("NN", "NNP", "JJ"):
        return True   # "shot dead a Palestinian": one member of a people or group
    if (tok.tag_ == "NN" or (tok.tag_ == "NNP" and tok.is_lower)) and _lemma(tok) in lex.person_nouns:
        return True   # (a lower-case noun the tagger took for a name: "injuring the imam")
    k = tok.i   # "a passer-by", split by the tokenizer into "passer", "-", "by"
    while k > tok.sent.start and not tok.doc[k - 1].whitespace_ and tok.doc[k - 1].text not in ("a", "an", "the"):
        k -= 1
    if k < tok.i and tok.doc[k:tok.i + 1].text.lower() in lex.person_nouns:
        return True
    return _doer_noun(tok)


# Endings of nouns for people by what they do ("barber", "rubber tapper", "vendor",
# "pharmacist", "electrician", "fisherman"), and nouns with those endings that name things.
PERSON_ENDINGS = tuple(WORDS["person_ending"])
NOT_PERSON_NOUNS = WORDS["not_person_noun"]


def _doer_noun(tok: Token) -> bool:
    """Whether a singular lower-case noun with an article names a person by trade, as the
    victim of a harm word ("shot dead a rubber tapper", "killed a barber", "stabbed a tea-stall
    owner"): the lexicon's person nouns cannot list every trade, and the count of one dead
    must not hang on it."""
    low = tok.lower_
    return tok.tag_ == "NN" and tok.is_lower and len(low) >= 5 and low.endswith(PERSON_ENDINGS) \
        and low not in NOT_PERSON_NOUNS and _lemma(tok) not in NOT_PERSON_NOUNS \
        and any(c.dep_ in ("det", "poss") and c.lower_ not in ("no", "every", "each") for c in tok.children)


def _single_victims(sent, lex: EventLexicon, actor_at: dict, counted: set[int]) -> list[tuple[str, int, int]]:
    """One victim per singular person a harm word acts on, when no number is given."""
    out = []
    for tok in sent:
        if tok.i in counted or (tok.dep_ == "amod" and tok.head.i > tok.i):
            continue
        misread = _shot_dead_misread(tok)
        kind = "dead" if misread is not None else _harm(tok, lex)
        if kind is None or any(c.dep_ == "neg" for c in tok.children) or _attempted(tok):
            continue
        if misread is not None:                # "gunmen on a motorbike shot dead a councillor"
            victims = [c for c in misread.children if c.dep_ == "dobj"]
        elif _pos(tok) == "VERB":
            deps = ("dobj", "nsubjpass") if _lemma(tok) != "die" else ("nsubj",)
            victims = [c for c in tok.children if c.dep_ in deps]
            if not victims and tok.dep_ == "acl" and tok.tag_ == "VBN":
                victims = [tok.head]          # "a soldier killed in the attack"
            if not victims:                   # "shot dead a shopkeeper", the victim parsed under "dead"
                victims = _under_dead(tok)
            if not victims and tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                # "a man was found with gunshot wounds and died", "was shot and killed": the
                # subject the verb shares with the one it is coordinated with (a passive's, or
                # any for "died"; not "gunmen fired and killed", who are the doers)
                shared = ("nsubjpass",) if _lemma(tok) != "die" else ("nsubj", "nsubjpass")
                victims = [c for c in tok.head.children if c.dep_ in shared]
        elif _lemma(tok) in ("death", "dead"):
            continue                           # "after the death of a trader": a cause, not this toll
        else:                                  # "the killing of a journalist"
            victims = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"]
        if len(victims) != 1:
            continue
        # (not "... and eight people were wounded", misparsed as one more of them: a clause of its own)
        group = [victims[0]] + [v for v in victims[0].conjuncts if not (
            v.i + 1 < len(v.doc) and v.doc[v.i + 1].dep_ in ("aux", "auxpass")
            and v.doc[v.i + 1].head.i > v.i and v.doc[v.i + 1].head.i != tok.i)]
        if all(_one_person(v, lex, actor_at) for v in group):
            out.append((kind, len(group), tok.i))
    return out


def _nobody(tok: Token) -> bool:
    """"nobody", "none", "no one", and people counted as none ("no guards", "no passengers")."""
    return tok.lower_ in ("nobody", "none", "noone") or (
        (tok.lower_ == "one" or tok.pos_ == "NOUN")   # (and "no civilian", "no soldier")
        and any(g.lower_ == "no" and g.dep_ in ("det", "advmod", "neg", "amod") for g in tok.children))


def _of_one_side(tok: Token, lex: EventLexicon) -> bool:
    """Whether a casualty noun counts one group's losses only ("no casualties among civilians",
    "no civilian casualties", "no Israeli casualties"): none of them is no zero toll for the
    act, which may have killed others."""
    sides = list(tok.children) + (list(tok.head.children) if tok.dep_ in ("nsubj", "nsubjpass") else [])
    return any((c.dep_ == "prep" and c.lower_ == "among")
               or (c.dep_ in ("amod", "compound") and (c.ent_type_ == "NORP" or _lemma(c) in lex.person_nouns
                                                        or c.lower_ in ("civilian", "military", "other")))
               for c in sides)


def _no_victims(sent, lex: EventLexicon) -> list[tuple[str, int, int]]:
    """Explicit nones: "no casualties were reported", "no one was killed", "nobody was hurt"."""
    out = []
    for tok in sent:
        kind = lex.casualty.get(_lemma(tok)) or lex.casualty.get(tok.lower_)
        if kind not in ("dead", "injured", "casualty"):
            continue
        none = False
        if _pos(tok) == "NOUN":
            none = any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children) and not _of_one_side(tok, lex)
        else:
            none = any(c.dep_ in ("nsubj", "nsubjpass") and _nobody(c) for c in tok.children)
        if none:
            kinds = ("dead", "injured") if kind == "casualty" else (kind,)
            out += [(k, 0, tok.i) for k in kinds]
    return out
