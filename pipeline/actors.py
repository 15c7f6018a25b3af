"""Actors: who is named in an article, coded as canonical actors (country + sector).

An actor mention is found in one of these ways, tried in this order of trust:

1. a named actor of the lexicon (`data/actors.csv`, all aliases collapse to one id: IS, ISIS,
   Daesh -> `ISIL`);
2. a country reference (name, demonym or capital from `data/actors_countries.csv`, or a place
   mention of a country / demonym from the place finder) followed by an agent noun
   (`data/agents.csv`): "Iraqi forces" -> `IRQ-MIL`, "Senior Hungarian and Romanian officials"
   -> `HUN-GOV` and `ROU-GOV` (a list needs its "and": in "the edge of Baghdad, U.S. troops"
   only the troops are an actor); also "police in Nigeria", "the government of Iraq";
3. a person entity, with a title from `data/actors_titles.csv` ("Prime Minister Haider al-Abadi"
   -> person, sector GOV, and the country when the title says it: "Iraqi Prime Minister ..."),
   or a role in apposition, whose possessive country, demonym or "of Country" gives the person's
   country ("Salaheddine Sidhoum, Algeria's leading human rights activist," -> DZA, OPP; "the
   Iraqi prime minister, X,"); such a role phrase is the person, not another actor;
4. a country or its capital used as an agent ("Iraq attacked", "Washington said"), not as a
   location ("in Iraq");
5. other organisation entities, kept with null codes unless their name says the sector;
6. a bare agent noun ("the militants", "police"): a definite reference back to the last named
   actor of a compatible sector in the article ("the jihadists" after "Islamic State"), the
   forces, officials ... of the last named actor after "its" / "their", else
   a generic actor of that sector whose country comes from an attached "in/of PLACE" or, for
   the state's own sectors (government, police, courts, parliament, opposition), from the
   country the text is mostly about ("Police fired tear gas" in a story about Chile), and for
   local groups (civilians, workers, students, farmers, unidentified gunmen, criminals) from
   the one country of the places their sentence names ("people blocked streets in Hong Kong"
   is `HKG-CVL`, as ACLED codes "Protesters (Hong Kong)").

A lexicon name followed by another of its names in brackets and an agent noun is one mention
("Oromo Liberation Army (OLA) fighters"). Acronyms of state forces are lexicon aliases of the
country's sector actor ("SAA" is `SYR-MIL`, the same actor as "Syrian army").

Ethnic and religious communities (`data/actors_ethnic_groups.csv`) count as country references:
their home country, else the one a demonym or the text names ("Iraqi Kurds", "ethnic
Albanians" in Serbia). A lexicon organisation before an agent noun acts through it ("NATO
peacekeeping troops" is NATO).

Actor ids are functions of the actor alone, so the same actor gets the same id and attributes in
every article: lexicon ids, `ISO3` (state), `ISO3-SECTOR`, `ISO3-SECTOR-community` (a sector
drawn from one community: "Fulani militiamen" `NGA-ETH-fulani`, "Tiv farmers" `NGA-AGR-tiv`;
not for state bodies), `grp-SECTOR` (sector, no country), `per-slug`, `org-slug`, `grp-slug`.
The one exception is a person's country and sector, which come from the text;
`merge_actor_records` reconciles them across articles.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from pipeline.gazetteer import read_csv_rows, read_word_list, read_word_sets, slugify
from pipeline.nlp import BLANK_LINE, doc_dateline, doc_text, keep_whole, misparsed_speaker, paragraph_start, \
    person_end, self_named, sentence_indexes
from pipeline.places import FACILITY_WORDS, PLACE_VERBS, across_a_border, route_nouns

DATA_DIR = Path(__file__).parent / "data"
ACTOR_FIELDS = ("actor_id", "actor_name", "actor_kind", "country_code", "sector_code", "aliases")

# A country name governed by one of these prepositions is a location, not an actor.
LOCATIVE_PREPS = {
    "in", "at", "near", "into", "inside", "across", "throughout", "within", "around",
    "outside", "from", "to", "toward", "towards", "through", "over", "on", "of", "between",
    "along", "beyond", "via",
}
# Measures imposed "on" a state ("sanctions on Iran"): the country after "on" is their target.
IMPOSED_ON = {"sanction", "sanctions", "embargo", "tariff", "tariffs", "restriction", "restrictions", "ban",
              "blockade", "pressure",
              "call", "prevail"}   # (and the state "called on" or "prevailed on" to act: an addressee)
# Giving verbs, what is given and envoys whose "to" names a recipient or host state ("sent tanks
# to Ukraine", "pledged aid to Ukraine", "its ambassador to Ireland"), not where something happens.
GIVEN_TO = {"send", "deliver", "provide", "ship", "supply", "donate", "give", "sell", "export", "transfer",
            "grant", "pledge", "ambassador", "envoy", "embassy", "aid", "assistance", "loan", "funding",
            "extradite"}   # ("extradited a suspect to Colombia": the state that receives him)
# ... and envoys whose "from" names the host state a state's own envoy leaves ("recalled its
# ambassador from Montenegro"; "the ambassador from Brazil" is Brazil's).
ENVOYS = {"ambassador", "envoy", "diplomat", "embassy"}
# Words that may sit between a country reference and its agent noun ("Syrian government forces").
_MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "PUNCT", "VERB", "NUM"}
# Pseudo-country codes of actors that belong to no country (see `country_code` in fields.yaml).
PSEUDO_COUNTRIES = {"IGO", "NGO", "IMG"}
# Sectors that a bare noun ("the government", "police", "the judge", "the ruling party") most
# often means for the country the article is about, when the text names no other. Not the
# military: "soldiers" killed in a story led by "Russian forces shelled Kharkiv" are the other
# side's.
HOME_SECTORS = {"GOV", "COP", "JUD", "LEG", "OPP", "PTY"}
# ... but not a state's representatives abroad: "protesters attacked the embassies", "Western
# diplomats said" are another country's, whichever one the story is about.
ABROAD_NOUNS = frozenset(read_word_list("actors_abroad_nouns.txt", DATA_DIR))
# Nouns of a force of many states ("the coalition"): met bare, of no one country.
MULTINATIONAL_NOUNS = frozenset(read_word_list("actors_multinational_nouns.txt", DATA_DIR))
PLATFORM_HEADS = frozenset(read_word_list("actors_platform_heads.txt", DATA_DIR))
# Sectors of unarmed people: "armed" before one of their nouns makes an unidentified armed group.
UNARMED_SECTORS = {"CVL", "AGR", "LAB", "EDU", "BUS", "REL"}
# Sectors of local groups named only by a noun ("protesters", "gunmen", "villagers", "nurses",
# "journalists", "clansmen", "vigilantes"): as ACLED codes "Protesters (Kenya)", they belong to the country
# where the sentence places them.
LOCAL_SECTORS = {"CVL", "LAB", "EDU", "AGR", "UAF", "CRM", "MED", "JRN", "REL", "ETH", "BUS", "REB", "PRM"}
# Sectors of a descriptive noun phrase right before a group's name ("armed group ARSA"),
# which then names that group.
DESCRIPTOR_SECTORS = {"UAF", "REB", "PRM", "CRM", "ETH", "OPP", "PTY"}
_PRIORITY = {"lexicon": 0, "person": 1, "country_agent": 2, "state": 3, "org": 4, "agent": 5}


@dataclass
class ActorLexicon:
    """Everything the actor finder looks up, loaded once from the CSV files in `data/`."""

    named: dict[str, dict] = field(default_factory=dict)          # actor_id -> actor record
    alias_exact: dict[tuple[str, ...], str] = field(default_factory=dict)
    alias_lower: dict[tuple[str, ...], str] = field(default_factory=dict)
    # an alias several actors share ("SNA": the Somali or the Syrian National Army) -> all of them
    shared_aliases: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    # (alias, actor id) pairs that name the actor only in a story set in its country ("ADF" is
    # the Allied Democratic Forces in Congo, the Ambazonia Defence Forces in Cameroon, and in
    # Australia its defence force; "PDF" is Myanmar's People's Defence Force or a file format)
    local_aliases: set[tuple[tuple[str, ...], str]] = field(default_factory=set)
    country_names: dict[str, str] = field(default_factory=dict)   # ISO3 -> canonical name
    country_exact: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)  # -> (ISO3, how)
    agents: dict[tuple[str, ...], tuple[str | None, frozenset[str]]] = field(default_factory=dict)
    # agent nouns whose back-reference is to a doer only ("the attackers": the group that
    # attacked, not the last group named; agents.csv back_to = doer)
    back_to_doer: set[tuple[str, ...]] = field(default_factory=set)
    titles: dict[tuple[str, ...], str | None] = field(default_factory=dict)
    sectors: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (label, kind)
    org_words: dict[str, str | None] = field(default_factory=dict)
    demonym_heads: dict[str, str | None] = field(default_factory=dict)  # "air strikes" -> MIL
    surnames: set[str] = field(default_factory=set)   # one-word aliases of people
    # ethnic or religious community -> (home ISO3 or None, "demonym" | "people", group name)
    ethnic: dict[tuple[str, ...], tuple[str | None, str, str]] = field(default_factory=dict)
    # (agent noun, country where met) -> the country its people are of ("settlers" in PSE: ISR)
    outsiders: dict[tuple[str, str], str] = field(default_factory=dict)
    # a group that became its country's government, and since when (actors.csv governs_from):
    # "Taliban security forces" in a story published after 15 August 2021 are Afghanistan's
    governs_from: dict[str, dt.date] = field(default_factory=dict)
    max_len: int = 1


# ---------------------------------------------------------------- loading

def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def _tokens(text: str) -> tuple[str, ...]:
    """Tokenise a lexicon phrase the way spaCy's English tokenizer splits text."""
    return tuple(t.text for t in _TOKENIZER(text))


def _make_tokenizer():
    import spacy
    tokenizer = spacy.blank("en").tokenizer
    keep_whole(tokenizer)   # as the model's tokenizer does ("SPLM-N" is one token)
    return tokenizer


_TOKENIZER = _make_tokenizer()


def load_actor_lexicon(path: Path | None = None) -> ActorLexicon:
    """Load the actor lexicon from `path` (a folder holding actors.csv and its companions).

    Single-token aliases match case-sensitively ("IS", "WHO" must not match "is", "who");
    longer aliases match in any case.
    """
    base = Path(path) if path else DATA_DIR
    if base.is_file():
        base = base.parent
    lex = ActorLexicon()
    if (base / "actors_outsiders.csv").exists():
        for r in read_csv_rows(base / "actors_outsiders.csv"):
            lex.outsiders[(r["noun"].strip().lower(), r["place_country"].strip())] = r["actor_country"].strip()
    for r in read_csv_rows(base / "sectors.csv"):
        lex.sectors[r["sector_code"]] = (r["sector_label"], r["actor_kind"])
    for r in read_csv_rows(base / "actors.csv"):
        rec = {
            "actor_id": r["actor_id"], "actor_name": r["actor_name"], "actor_kind": r["actor_kind"],
            "country_code": r["country_code"] or None, "sector_code": r["sector_code"] or None,
        }
        lex.named[r["actor_id"]] = rec
        if (r.get("governs_from") or "").strip():
            lex.governs_from[r["actor_id"]] = dt.date.fromisoformat(r["governs_from"].strip())
        local = _split(r.get("local_aliases") or "")
        for alias in _split(r["aliases"]) + [r["actor_name"]] + local:
            toks = _tokens(alias)
            ids = lex.shared_aliases.setdefault(tuple(t.lower() for t in toks), [])
            if r["actor_id"] not in ids:
                ids.append(r["actor_id"])
            if alias in local:
                lex.local_aliases.add((tuple(t.lower() for t in toks), r["actor_id"]))
            if len(toks) == 1:
                lex.alias_exact.setdefault(toks, r["actor_id"])
            else:
                lex.alias_lower.setdefault(tuple(t.lower() for t in toks), r["actor_id"])
            lex.max_len = max(lex.max_len, len(toks))
    people_path = base / "actors_people.csv"
    if people_path.exists():
        for r in read_csv_rows(people_path):
            _add_person(lex, r)
    for r in read_csv_rows(base / "actors_countries.csv"):
        code = r["country_code"]
        lex.country_names[code] = r["country_name"]
        for how, col in (("name", "names"), ("demonym", "demonyms"), ("capital", "capitals")):
            for name in _split(r[col]):
                toks = _tokens(name)
                lex.country_exact.setdefault(toks, (code, how))
                if how == "name" and name.startswith("the "):
                    continue
                lex.max_len = max(lex.max_len, len(toks))
    for r in read_csv_rows(base / "agents.csv"):
        # (split as the tokenizer splits text: "sheriff's deputies", "asylum-seekers")
        lex.agents[_tokens(r["noun"].lower())] = (
            r["sector_code"] or None, frozenset(_split(r["refers_back"])))
        if (r.get("back_to") or "").strip() == "doer":
            lex.back_to_doer.add(_tokens(r["noun"].lower()))
    for r in read_csv_rows(base / "actors_titles.csv"):
        lex.titles[tuple(r["title"].lower().split())] = r["sector_code"] or None
    heads_path = base / "actors_demonym_heads.csv"
    if heads_path.exists():
        for r in read_csv_rows(heads_path):
            lex.demonym_heads[r["noun"].lower()] = r["sector_code"] or None
    ethnic_path = base / "actors_ethnic_groups.csv"
    if ethnic_path.exists():
        for r in read_csv_rows(ethnic_path):
            for how, col in (("demonym", "adjectives"), ("people", "plurals")):
                for name in _split(r[col]):
                    lex.ethnic.setdefault(_tokens(name), (r["country_code"] or None, how, r["group_name"]))
    org_path = base / "actors_org_words.csv"
    if org_path.exists():
        for r in read_csv_rows(org_path):
            lex.org_words[r["word"].lower()] = r["sector_code"] or None
    return lex


def _add_person(lex: ActorLexicon, row: dict) -> None:
    """One well-known person of `actors_people.csv`: a lexicon actor `per-slug` with its aliases.

    The id is the one the person finder would give the full name, so a person matched by the
    lexicon in one article and by the entity recogniser in another is one actor. A one-word
    alias (a surname: "Putin") is marked so that it only matches standing alone, never as the
    last word of another person's name ("Ahmed Abbas" is not Mahmoud Abbas).
    """
    name = row["person_name"].strip()
    aid = f"per-{slugify(name)}"
    sector = row["sector_code"] or None
    # an official of an international or non-governmental body belongs to no country: like the
    # body itself, the person carries its pseudo-country code (IGO, NGO)
    country = row["country_code"] or (sector if sector in PSEUDO_COUNTRIES else None)
    lex.named[aid] = {"actor_id": aid, "actor_name": name, "actor_kind": "person",
                      "country_code": country, "sector_code": sector}
    for alias in _split(row["aliases"]) + [name]:
        toks = _tokens(alias)
        if len(toks) == 1:
            lex.alias_exact.setdefault(toks, aid)
            lex.surnames.add(toks[0])
        else:
            lex.alias_lower.setdefault(tuple(t.lower() for t in toks), aid)
        lex.max_len = max(lex.max_len, len(toks))


# ---------------------------------------------------------------- canonical records

def _kind_for_sector(lex: ActorLexicon, sector: str | None, default: str = "group") -> str:
    return lex.sectors.get(sector or "", ("", default))[1] if sector else default


def _state_body_of(span: Span, lex: ActorLexicon) -> str | None:
    """The sector of a name "<state forces> of <country>" ("Armed Forces of the Philippines",
    "Navy of Sri Lanka"): the agent noun before "of", when it names a state's forces; else None."""
    words = [t.lower_ for t in span]
    if "of" not in words:
        return None
    head = tuple(w for w in words[:words.index("of")] if w != "the")
    for k in range(len(head)):
        sector = (lex.agents.get(head[k:]) or (None,))[0]
        if sector is not None:
            return sector if sector in STATE_FORCES else None
    return None


def country_sector_actor(lex: ActorLexicon, country: str, sector: str | None) -> dict:
    """Canonical record of a country's sector (`IRQ-MIL`), or of the state itself (`IRQ`)."""
    name = lex.country_names.get(country, country)
    if not sector:
        return _record(country, name, "state", country, None)
    label = lex.sectors.get(sector, (sector, "group"))[0]
    return _record(f"{country}-{sector}", f"{name} {label.lower()}",
                   _kind_for_sector(lex, sector), country, sector)


def community_actor(lex: ActorLexicon, country: str, sector: str | None, community: str) -> dict:
    """Canonical record of a country's sector drawn from one community (`NGA-ETH-fulani`,
    "Nigeria ethnic or communal group (Fulani)"; `NGA-AGR-tiv`): in a communal conflict both
    sides are of one country and often one sector, and only the community tells them apart
    ("Fulani militiamen attacked Tiv farmers"), as ACLED's communal actors do. A state body
    stays the state's ("Yoruba leaders" of the government are Nigeria's government), and a
    community's armed men the text does not otherwise name ("Fulani gunmen", "armed Kuki
    volunteers") are its communal militia, as ACLED names them."""
    base = country_sector_actor(lex, country, "ETH" if sector in (None, "UAF") else sector)
    if sector in STATE_BODIES:
        return base
    return _record(f"{base['actor_id']}-{slugify(community)}", f"{base['actor_name']} ({community})",
                   base["actor_kind"], country, base["sector_code"])


def generic_sector_actor(lex: ActorLexicon, sector: str) -> dict:
    """An actor known only by its sector ("police", "militants"): `grp-cop`."""
    label = lex.sectors.get(sector, (sector, "group"))[0]
    return _record(f"grp-{sector.lower()}", f"{label} (country not stated)", "group", None, sector)


def _record(actor_id: str, name: str, kind: str, country: str | None, sector: str | None) -> dict:
    return {"actor_id": actor_id, "actor_name": name, "actor_kind": kind,
            "country_code": country, "sector_code": sector, "aliases": []}


class ActorMerger:
    """Reconciles actor records seen in many articles into one record per actor_id.

    Aliases are unioned and sorted; for fields that can differ between articles (a person's
    country and sector come from the text around them) the most frequent non-null value wins,
    ties broken alphabetically, so the result does not depend on article order. Records are
    added one at a time, so a build can stream articles and keep only one entry per actor.
    """
    FIELDS = ("actor_name", "actor_kind", "country_code", "sector_code")

    def __init__(self) -> None:
        self._first: dict[str, dict] = {}
        self._votes: dict[str, dict[str, Counter]] = {}
        self._aliases: dict[str, set[str]] = {}

    def add(self, record: dict) -> None:
        aid = record["actor_id"]
        if aid not in self._first:
            self._first[aid] = dict(record)
            self._votes[aid] = {k: Counter() for k in self.FIELDS}
            self._aliases[aid] = set()
        for key in self.FIELDS:
            if record.get(key):
                self._votes[aid][key][record[key]] += 1
        self._aliases[aid].update(record.get("aliases") or [])

    def records(self) -> dict[str, dict]:
        out = {}
        for aid in sorted(self._first):
            merged = dict(self._first[aid])
            for key, votes in self._votes[aid].items():
                merged[key] = min(votes, key=lambda v: (-votes[v], v)) if votes else None
            merged["aliases"] = sorted(self._aliases[aid])
            out[aid] = merged
        return out


def merge_actor_records(records: Iterable[dict]) -> dict[str, dict]:
    """Merge actor dicts seen in many articles into one record per actor_id (see ActorMerger)."""
    merger = ActorMerger()
    for r in records:
        merger.add(r)
    return merger.records()


# ---------------------------------------------------------------- matching helpers

@dataclass
class _Cand:
    start: int          # token index
    end: int            # token index, exclusive
    how: str            # key of _PRIORITY
    actor: dict
    role: str | None = None


def _words(doc: Doc, lower: bool) -> list[str]:
    """Token texts (or lower-cased texts) of `doc`, computed once per doc: matching looks them
    up at every token, and building spaCy Token objects each time dominated the run time."""
    key = "actors_lower" if lower else "actors_text"
    words = doc.user_data.get(key)
    if words is None:
        words = [t.lower_ if lower else t.text for t in doc]
        doc.user_data[key] = words
    return words


def _lemmas(doc: Doc) -> list[str]:
    """Lower-cased lemmas of `doc`'s tokens, computed once per doc (see `_words`)."""
    lemmas = doc.user_data.get("actors_lemma")
    if lemmas is None:
        lemmas = doc.user_data["actors_lemma"] = [t.lemma_.lower() for t in doc]
    return lemmas


def _tags(doc: Doc) -> list[str]:
    """Coarse part-of-speech tags of `doc`'s tokens, computed once per doc (see `_words`)."""
    tags = doc.user_data.get("actors_pos")
    if tags is None:
        tags = doc.user_data["actors_pos"] = [t.pos_ for t in doc]
    return tags


# The state forces a coder names by their country ("Military Forces of Mali", "Police Forces of
# the Philippines (2016-2022)"), as ACLED's actor names do, and their sectors.
CODER_FORCES = {"military": "MIL", "police": "COP"}


def _coder_forces(doc: Doc, lex: "ActorLexicon") -> list["_Cand"]:
    """Candidates for a coder's name of a country's military or police ("Military Forces of the
    Democratic Republic of Congo (2019-)"), read whole: the model splits it ("Police" and
    "Forces of Pakistan", read as the army) or misses the country after "the"."""
    lower, out = _words(doc, True), []
    for i in range(len(lower) - 3):
        sector = CODER_FORCES.get(lower[i])
        if sector is None or not doc[i].text[:1].isupper() or lower[i + 1] != "forces" or lower[i + 2] != "of":
            continue
        k = i + 3
        m = _match_at(doc, k, lex.country_exact, lex.max_len, lower=False)
        if m is None and lower[k] == "the":
            k += 1
            m = _match_at(doc, k, lex.country_exact, lex.max_len, lower=False)
        if m is None or m[1][1] != "name":
            continue
        end = k + m[0]
        if end < len(doc) and doc[end].text == "(":   # "(2021-)": the period of the force's name
            close = next((j for j in range(end + 1, min(len(doc), end + 7)) if doc[j].text == ")"), None)
            if close is not None and all(t.text.strip("-–").isdigit() or t.text in HYPHENS for t in doc[end + 1:close]):
                end = close + 1
        out.append(_Cand(i, end, "lexicon", country_sector_actor(lex, m[1][0], sector)))
    return out


# Participles that, joined by a hyphen to a state's name, say who backs a body ("Iran-backed"):
# the state is then no actor of the clause.
BACKING_PARTICIPLES = {"backed", "sponsored", "funded", "supported", "trained", "aligned", "allied", "armed"}
# Capitalised words that, before a lexicon alias, make a longer name of another body ("the
# National Security Council" is no UN Security Council).
NAME_EXTENDERS = {"national", "supreme", "federal", "provincial", "regional", "state", "high", "central"}
RUNNING_PARTICIPLES = {"run", "led", "controlled", "administered", "held", "backed"}
# Participles after a hyphen that make the office after them the named state's.
INSTALLING_PARTICIPLES = {"installed", "appointed", "imposed"}


def _runner_country(doc: Doc, start: int, cands: list) -> str | None:
    """The country of a named group joined by a hyphen to a participle of running right before
    token `start` ("Hamas-run", "Houthi-controlled"), or None: whose body the name after is."""
    if start < 3 or doc[start - 1].lower_ not in RUNNING_PARTICIPLES or doc[start - 2].text not in HYPHENS:
        return None
    return next((c.actor.get("country_code") for c in cands if c.end == start - 2 and c.how == "lexicon"
                 and c.actor.get("country_code") not in (None, *PSEUDO_COUNTRIES)), None)


def _governing(lex: ActorLexicon, aid: str, published: dt.date | None) -> bool:
    """Whether the lexicon group `aid` ran its country's state on the article's date."""
    since = lex.governs_from.get(aid)
    return since is not None and published is not None and published >= since


def _defined_as_name(doc: Doc, short: str) -> bool:
    """Whether the text gives `short` in brackets after a capitalised name of those initials
    ("the Civil Support Team (CST)"), not after words of a thing ("planted roadside bombs
    (IEDs)")."""
    m = re.search(r"((?:[A-Z][\w'’-]*\s+){%d})\(%s\)" % (len(short), re.escape(short)), doc_text(doc))
    return m is not None and "".join(w[0] for w in m.group(1).split()).upper() == short.upper()


def _match_at(doc: Doc, i: int, table: dict, max_len: int, lower: bool) -> tuple[int, object] | None:
    """Longest phrase of `table` starting at token i: (length, value)."""
    words = _words(doc, lower)
    for n in range(min(max_len, len(words) - i), 0, -1):
        key = tuple(words[i:i + n])
        if key in table:
            return n, table[key]
    return None


# Arabic articles that a name is written joined to by a hyphen ("Al-Shabaab").
NAME_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul"})
# Words after a hyphen that tie a body's name to the noun after it, besides any participle in
# -ed ("Hamas-led", "UN-brokered"): "RSF-held", "NATO-member", "Soviet-era". The name before
# them is the body's own, not the first word of a longer name.
HYPHEN_TIES = frozenset({"held", "run", "built", "made", "born", "style", "era", "friendly", "like", "type",
                         "member", "members"})


def _prefixed(doc: Doc, i: int, prefixes: tuple[str, ...] = ("pro", "anti", "pan", "trans")) -> bool:
    """Whether the token at i follows one of `prefixes` and a hyphen: a stance by default
    ("pro-Palestinian", "anti-Russian"), or a word of a wider whole ("the Pan-American
    Highway", "trans-Saharan"), not a nationality."""
    return i > 1 and doc[i - 1].text in HYPHENS and not doc[i - 2].whitespace_ and doc[i - 2].lower_ in prefixes


def _demonym_as_person(doc: Doc, s: int, e: int) -> bool:
    """Whether a singular demonym stands for a person of that nation: after "a", "an" or
    "another", heading its own phrase ("killed a Yemeni", "a Palestinian stabbed two
    soldiers"), not an adjective before its noun ("a Palestinian man", "an Israeli strike")."""
    if s == 0 or doc[s - 1].lower_ not in ("a", "an", "another"):
        return False
    if e < len(doc) and doc[e].pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and not doc[e].is_punct:
        return False
    return doc[e - 1].head.i < s or (doc[e - 1].head.i >= e and doc[e - 1].dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"))


def _country_refs(doc: Doc, lex: ActorLexicon, place_mentions: list[dict]
                  ) -> tuple[dict[int, tuple[int, str, str]], dict[int, str]]:
    """Token start -> (token end, ISO3, how) for every country name, demonym or capital, and
    token start -> community name for the references that name an ethnic or religious
    community ("Fulani", "Iraqi Kurds")."""
    refs: dict[int, tuple[int, str, str]] = {}
    i = 0
    while i < len(doc):
        m = _match_at(doc, i, lex.country_exact, lex.max_len, lower=False)
        if m is None and doc[i].text.endswith("s") and len(doc[i].text) > 4:
            code_how = lex.country_exact.get((doc[i].text[:-1],))  # "Palestinians", "Israelis"
            if code_how and code_how[1] == "demonym":
                m = (1, (code_how[0], "people"))
        if m and _prefixed(doc, i):
            m = None   # "pro-Palestinian students", "anti-American protesters": a stance, not a nationality
        if m and m[1][1] == "name" and doc[i].ent_type_ == "PERSON" and i + m[0] < len(doc) \
                and doc[i + m[0]].ent_iob_ == "I" and doc[i + m[0]].text[:1].isupper():
            m = None   # "Jordan Matthews, 24, was jailed": a first name, no country
        if m and m[1][1] == "demonym" and _demonym_as_person(doc, i, i + m[0]):
            m = (m[0], (m[1][0], "people"))   # "shot dead a Palestinian", "an Israeli was stabbed"
        if m and m[1][1] in ("demonym", "people") and i > 0 and doc[i - 1].lower_ in REGION_WORDS \
                and doc[i - 1].text[:1].isupper() and doc[i - 1].whitespace_:
            m = None   # "Latin American diplomats", "North American leaders": a region's, no country's
        if m:
            n, (code, how) = m
            refs[i] = (i + n, code, how)
            i += n
        else:
            i += 1
    for pm in place_mentions:
        place = pm.get("place") or {}
        code = place.get("country_code")
        if not code:
            continue
        is_country = pm.get("mention_kind") == "demonym" or str(place.get("feature_code") or "").startswith("PCL")
        if not is_country:
            continue
        span = doc.char_span(pm["start"], pm["end"], alignment_mode="expand")
        if span is None or any(s <= span.start < refs[s][0] for s in refs) or _prefixed(doc, span.start):
            continue
        how = "demonym" if pm.get("mention_kind") == "demonym" else "name"
        refs[span.start] = (span.end, code, how)
    # "Port Sudan", "Mexico City", "the Niger Delta": a country's name inside a longer place
    # name names no country (a demonym before one still does: "the Syrian Golan Heights")
    for pm in place_mentions:
        if pm.get("mention_kind", "name") != "name" \
                or str((pm.get("place") or {}).get("feature_code") or "").startswith("PCL"):
            continue
        span = doc.char_span(pm["start"], pm["end"], alignment_mode="expand")
        if span is None:
            continue
        for s in [s for s, (e, _code, how) in refs.items()
                  if how == "name" and span.start <= s and e <= span.end and e - s < len(span)]:
            del refs[s]
        # "London, Ontario", "Rome, Georgia", "Georgia's governor" in an American story: a
        # country's name or capital that the geoparser read as a town or province elsewhere
        # names that place's country
        other = (pm.get("place") or {}).get("country_code")
        hit = refs.get(span.start)
        if other and hit is not None and hit[0] == span.end and hit[2] in ("name", "capital") and hit[1] != other:
            refs[span.start] = (hit[0], other, hit[2])
    return refs, _add_ethnic_refs(doc, lex, refs, place_mentions)


def _place_countries(doc: Doc, place_mentions: list[dict]) -> dict[int, tuple[int, str]]:
    """Token index -> (start token of the mention, ISO3) of the resolved place covering it."""
    out: dict[int, tuple[int, str]] = {}
    for pm in place_mentions:
        code = (pm.get("place") or {}).get("country_code")
        span = doc.char_span(pm["start"], pm["end"], alignment_mode="expand") if code else None
        if span is not None:
            out.update({t: (span.start, code) for t in range(span.start, span.end)})
    return out


def _names_an_envoy(doc: Doc, end: int) -> bool:
    """Whether a country reference ending at token `end` modifies a noun for a state's people
    abroad ("the French ambassador", "Chinese diplomats"; ABROAD_NOUNS)."""
    k = end
    while k < len(doc) and doc[k].is_lower and doc[k].pos_ == "ADJ":
        k += 1
    return k < len(doc) and doc[k].lemma_.lower() in ABROAD_NOUNS


def _trip_goal(doc: Doc, i: int) -> bool:
    """Whether the name at token i is where a trip called off would have gone ("cancelled a
    trip to China"; see trip_called_off)."""
    return trip_called_off(_top_of(doc[i])) is not None


def main_country(refs: dict, places: dict[int, tuple[int, str]], exclude: str | None = None) -> str | None:
    """The country the text is mostly about: the most often named (countries, demonyms,
    capitals, places inside it; the first one named counts once more), or None on a tie. Short news items name it once or twice, and
    an unqualified "the government" or "ethnic Albanians" refers to it."""
    seen = [(s, code) for s, (_e, code, _h) in refs.items() if code != exclude]
    seen += [(start, code) for start, code in {v for t, v in places.items() if t not in refs}
             if code != exclude and start not in refs]
    counts: Counter = Counter(code for _s, code in seen)
    if seen:
        counts[min(seen)[1]] += 1   # the lead (or dateline) names the story's country first
    if not counts:
        return None
    top = counts.most_common(2)
    if len(top) > 1 and top[0][1] == top[1][1]:
        return None
    return top[0][0]


def _add_ethnic_refs(doc: Doc, lex: ActorLexicon, refs: dict, place_mentions: list[dict]) -> dict[int, str]:
    """Country references of communities, added to `refs` in place; returns token start ->
    community name of those references.

    An ethnic or religious community ("Yoruba leaders", "Kurds") belongs to its home country
    when it has one, else to the country the text is about. A demonym before it names the
    country ("Iraqi Kurds", "Bosnian Serbs"); "ethnic Albanians" are a minority living in
    another country than Albania, and "the Albanians of southern Serbia" live in Serbia.
    """
    words = _words(doc, False)
    ethnic: dict[int, tuple[int, str | None, str]] = {}
    communities: dict[int, str] = {}
    covered = {t for s, (e, _c, _h) in refs.items() for t in range(s, e)}
    i = 0
    while i < len(doc):
        m = _match_at(doc, i, lex.ethnic, 3, lower=False) if i not in covered else None
        if m:
            ethnic[i] = (i + m[0], m[1][0], m[1][1])
            communities[i] = m[1][2]
            i += m[0]
        else:
            i += 1
    if not ethnic and not refs:
        return communities
    places = _place_countries(doc, place_mentions)
    for s, (e, code, how) in list(refs.items()):
        if how != "demonym" or s not in refs:
            continue
        if e in ethnic:
            e2, _home, how2 = ethnic.pop(e)
            refs[s] = (e2, code, how2)
            communities[s] = communities.pop(e)   # "Iraqi Kurds"
        elif e in refs and refs[e][2] == "people":
            refs[s] = (refs.pop(e)[0], code, "people")
    main = main_country(refs, places)
    for s, (e, home, how) in ethnic.items():
        code = home
        if code is None:
            # a community of many countries is of the one its sentence places it in ("Hindu
            # protesters gathered outside the Bangladeshi consulate in Toronto": Canada's),
            # else of the story's
            sent = doc[s].sent
            here = {pm["place"]["country_code"] for pm in place_mentions
                    if pm.get("place") and pm["place"].get("country_code") and pm.get("mention_kind", "name") == "name"
                    and sent.start_char <= pm["start"] < sent.end_char and _after_locative_word(doc, pm["start"])}
            code = next(iter(here)) if len(here) == 1 else main
        if code:
            refs[s] = (e, code, how)
        else:
            communities.pop(s, None)
    for s, (e, code, how) in list(refs.items()):
        if how not in ("demonym", "people"):
            continue
        minority = s > 0 and words[s - 1].lower() == "ethnic"
        k = e
        placed_noun = s in ethnic and k + 2 < len(doc) and doc[k].pos_ == "NOUN" and words[k + 1] == "in"
        if placed_noun:
            k += 1   # "Kurdish fighters in northern Syria": the fighters of where they are
        if (how == "people" or placed_noun) and k + 1 < len(doc) and (
                words[k] == "of" or words[k] == "in" and (minority or s in ethnic)):
            k += 1
            if k + 1 < len(doc) and words[k - 1] == "in" and words[k].lower() == "the":   # "in the Qandil mountains"
                k += 1
            if k + 1 < len(doc) and doc[k].pos_ == "ADJ":   # "of southern Serbia"
                k += 1
            there = refs[k][1] if k in refs and refs[k][2] == "name" else places.get(k, (0, None))[1]
            if there:
                refs[s] = (e, there, how)
                continue
        if minority:
            other = main_country(refs, places, exclude=code)
            if other:
                refs[s] = (e, other, how)
    return communities


# Prepositions that say where a place is that people are in ("in Toronto", "outside Kabul").
WHERE_WORDS = {"in", "at", "near", "outside", "inside", "across", "around", "throughout"}


def _after_locative_word(doc: Doc, start_char: int) -> bool:
    """Whether the place mention starting at `start_char` follows "in", "near" and the like
    (past "the"): where people are, not a state acting ("unless Israel rescinded ...")."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    k = span.start - 1 if span is not None else -1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].lower_ in WHERE_WORDS


HYPHENS = {"-", "–"}
# Counts that, standing alone as a subject, are a crowd of people.
CROWD_COUNTS = {"thousands", "hundreds", "dozens", "scores", "tens"}


# Phrases whose last word is an agent noun but which name a thing ("social media", "storage
# tanks"; data/actors_not_agents.txt).
NOT_AGENTS = frozenset(read_word_list("actors_not_agents.txt", DATA_DIR))


# Sites and units a state's forces hold or form, after whose adjective they are named ("a
# military base", "a military convoy"; data/actors_force_sites.txt).
FORCE_SITES = frozenset(read_word_list("actors_force_sites.txt", DATA_DIR))


def _agent_at(doc: Doc, i: int, lex: ActorLexicon) -> tuple[int, str | None, frozenset[str]] | None:
    """Agent noun starting at token i (1 to 3 tokens, by lemma or text: "sheriff 's deputies"):
    (length, sector, refers_back)."""
    lower, lemmas, pos = _words(doc, True), _lemmas(doc), _tags(doc)
    tok = doc[i]
    if i > 0 and f"{lower[i - 1]} {lower[i]}" in NOT_AGENTS:
        return None   # "a social media ban", "storage tanks": a thing, no people
    if i + 1 < len(doc) and f"{lower[i]} {lower[i + 1]}" in NOT_AGENTS:
        return None   # "Konduga local government area": a division, no government
    if lower[i] == "people" and i > 0 and tok.text[:1].isupper() and not tok.is_sent_start \
            and doc[i - 1].text[:1].isupper() and i + 2 < len(doc) and lower[i + 1] in ("'s", "’s") \
            and doc[i + 2].text[:1].isupper():
        return None   # "the Donetsk People's Republic": a word of a name (not "the Syrian Army's ...")
    if i > 0 and tok.text[:1].isupper() and tok.dep_ == "compound" and pos[i - 1] == "PROPN" \
            and doc[i - 1].text[:1].isupper() and not doc[i - 1].ent_type_ and not tok.is_sent_start \
            and tok.head.pos_ == "NOUN" and tok.head.text.islower():
        return None   # "the Galaxy Leader ship": a word of a thing's name, no leader
    if tok.text[:1].isupper() and not tok.is_sent_start and (lower[i],) in lex.titles and i + 1 < len(doc) \
            and pos[i + 1] == "PROPN" and doc[i + 1].text[:1].isupper():
        return None   # "Governor Gabriel Suswam's village": a title of the name after it, no body
    if pos[i] == "ADJ" and tok.dep_ == "amod" and lemmas[tok.head.i] in FORCE_SITES \
            and (lex.agents.get((lower[i],)) or (None,))[0] in STATE_FORCES:
        return 1, *lex.agents[(lower[i],)]   # "attacked a military base": the forces holding it
    for n in (3, 2, 1):
        if i + n > len(lower):
            continue
        if pos[i + n - 1] not in ("NOUN", "PROPN") and not _plural_taken_for_verb(doc[i + n - 1]) \
                and not (n > 1 and tuple(lower[i:i + n]) in lex.agents):   # ("union parishad", "parishad" a verb)
            continue
        keys = [tuple(lower[i:i + n]), tuple(lemmas[i:i + n])]
        if n == 1 and tok.is_sent_start and tok.tag_ == "NNP" and not tok.ent_type_ and lower[i].endswith("s"):
            # "Mobs later set fire to cars": a plural opening the sentence, taken by the tagger for
            # a name, keeps no lemma of its own
            keys.append((lower[i][:-1],))
        for key in keys:
            if key in lex.agents:
                sector, back = lex.agents[key]
                if sector == "REF" and i + n < len(lower) and lemmas[i + n] == "camp":
                    return None   # "the Jenin refugee camp": a place, its people unnamed
                if lemmas[i + n - 1] == "company" and i + n < len(lower) and lower[i + n] == "of":
                    return None   # "a company of paratroopers": a unit of the men named after it
                if sector in UNARMED_SECTORS and i > 0 and (lower[i - 1] == "armed" or (
                        i > 1 and lower[i - 2] == "armed" and doc[i - 1].text[:1].isupper()
                        and doc[i - 1].dep_ in ("compound", "amod", "nmod"))):
                    # "armed herders", "armed youths", "armed Kuki volunteers": an armed group the
                    # text does not name (a community's name between keeps it armed)
                    sector = "UAF"
                if sector in UNARMED_SECTORS and i + n < len(lower) and lower[i + n] == "armed" and any(
                        c.dep_ == "prep" and c.lower_ == "with" for c in doc[i + n].children):
                    sector = "UAF"   # "men armed with guns and machetes", "youths armed with sticks"
                return n, sector, back
    if lower[i] in CROWD_COUNTS and pos[i] in ("NOUN", "NUM") and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in doc[i].children) and doc[i].dep_ in ("nsubj", "nsubjpass"):
        return 1, "CVL", frozenset()   # "as thousands took to the streets": a crowd (not "thousands of soldiers")
    return None


def _weapon_in_hand(tok: Token) -> bool:
    """Whether a bare aircraft or drone (PLATFORM_HEADS) is what someone acted with ("ISWAP
    fighters attacked a base with gun trucks and drones"): a means in the doer's hands, no
    force of its own to give a country to."""
    if tok.lower_ not in PLATFORM_HEADS or any(c.dep_ in ("amod", "compound", "nmod", "poss", "det")
                                               and c.lower_ not in ("a", "an") for c in tok.children):
        return False
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ == "with"   # (however the "with" is hung)


def _plural_taken_for_verb(tok: Token) -> bool:
    """Whether a plural noun was tagged as a verb in the third person ("inmates of the Litoral
    penitentiary rioted", with "inmates" a VBZ) although the parse gives it a noun's place
    (subject, object or object of a preposition)."""
    return tok.tag_ == "VBZ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and tok.lower_.endswith("s")


# The sector of office nouns ("leader", "officials"), which give way to the sector of a body
# named before them.
OFFICE_SECTOR = "GOV"
# Nouns for the holders of an office in a body, or its members, whose body "of" names ("the
# leader of Hamas", "the deputy chief of the militia", "activists of the ruling party"),
# unlike "the government of President Putin".
OFFICE_HOLDERS = {"chief", "leader", "official", "head", "commander", "activist", "member", "officer",
                  "militant"}
# ... and armed men whose group "of" names when it is a name ("fighters of the ELN"; not
# "fighters of both sides").
NAMED_GROUP_MEN = {"fighter", "gunman", "combatant", "guerrilla", "rebel"}
# Sectors of bodies whose members an office noun after them names ("ruling party activists").
BODY_SECTORS = {"GOV", "PTY", "OPP", "REB", "MIL", "COP", "PRM", "LAB", "JUD", "LEG"}
# Sectors of the kind of group a name before their noun names ("the Lyari gang", "the Imbonerakure
# militia"): the name and the noun are one group of that sector.
NAMED_GROUP_SECTORS = {"CRM", "PRM", "REB", "ETH"}
# ... the nouns for such a kind (not its members: "KDB fighters" are the KDB's, see below).
GROUP_KIND_NOUNS = {"gang", "militia", "cartel", "clan", "faction", "mafia"}
# Nouns for the rank and file of a body ("party members", "union supporters").
MEMBER_NOUNS = {"member", "supporter", "activist", "worker", "cadre", "loyalist"}
# ... of those, the ones a named body's "of" makes that body ("supporters of the BNP"; not
# "workers of the bus company", who are labour).
FOLLOWER_NOUNS = MEMBER_NOUNS - {"worker"}


def _named_body_at(cands: list, doc: Doc, j: int) -> bool:
    """Whether an organisation the text names (from the lexicon or by its name) starts at token
    j, after an article, whose sector is known ("supporters of the BNP"): its rank and file are
    that body, as ACLED names a party's supporters by the party (not "supporters of the
    president")."""
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    return any(c.start == j and c.how in ("lexicon", "org") and c.actor.get("actor_kind") == "organization"
               and c.actor.get("sector_code") for c in cands)


def _agent_after(doc: Doc, j: int, lex: ActorLexicon, refs: dict) -> tuple[int, str | None] | None:
    """The agent noun heading the noun phrase that starts at token j ("government forces")."""
    best = None
    adj_sector = None   # "an Indonesian military spokesman": "military" tagged an adjective
    k = j
    while k < len(doc) and k - j < 5:
        tok = doc[k]
        if k in refs and k > j:
            break
        a = _agent_at(doc, k, lex)
        if a:
            # "rebel group": the sector-less head keeps the sector of the noun before it, and
            # so does an office noun ("opposition leader", "rebel officials", "army officials"):
            # the office is held in the body the noun before it names
            # ("ruling party activists", "union members": the members of the body named)
            before = best[1] if best else adj_sector
            member = doc[k + a[0] - 1].lemma_.lower() in OFFICE_HOLDERS and before in BODY_SECTORS
            best = (k + a[0], before if before and (a[1] in (None, OFFICE_SECTOR) or member) else a[1])
            k += a[0]
            continue
        if tok.pos_ not in _MODIFIER_POS or tok.is_sent_start or tok.text in {",", "(", ")", "'s"}:
            break
        if tok.pos_ == "ADJ" and tok.is_lower and (tok.lower_,) in lex.agents:
            adj_sector = lex.agents[(tok.lower_,)][0] or adj_sector
        if tok.pos_ == "VERB" and not tok.text.endswith("-led") and tok.text != "led":
            break
        if tok.pos_ == "PUNCT" and tok.text not in {"-"}:
            break
        if best and tok.pos_ not in ("NOUN", "PROPN"):
            break
        k += 1
    return best


# Words before a title that say its holder no longer holds it (sector ELI, former officials).
FORMER_WORDS = {"former", "ousted", "deposed", "exiled", "erstwhile", "ex", "overthrown", "toppled", "jailed"}


def _former_word(doc: Doc, k: int) -> bool:
    """Whether token k says the office after it is no longer held ("former", "ousted", "ex-")."""
    if doc[k].text in HYPHENS and k > 0 and doc[k - 1].lower_ == "ex":
        return True
    # (a participle describing the holder, not the verb of the clause: "Soldiers ousted President X")
    return doc[k].lower_ in FORMER_WORDS and (doc[k].pos_ != "VERB" or doc[k].dep_ in ("amod", "compound"))


def _title_before(doc: Doc, start: int, lex: ActorLexicon, refs: dict) -> tuple[int, str, str | None, str | None]:
    """A title (and a country before it) right before a person name.

    Returns (new start token, role text, sector, ISO3 or None)."""
    best = (start, "", None, None)
    for n in range(4, 0, -1):
        s = start - n
        if s < 0:
            continue
        key = tuple(t.lower_ for t in doc[s:start])
        if key in lex.titles:
            best = (s, doc[s:start].text, lex.titles[key], None)
            break
    s = best[0]
    if best[1] and s > 0 and doc[s - 1].dep_ == "compound" and doc[s - 1].pos_ in ("NOUN", "PROPN"):
        # "Army spokesman Nabil Abdallah", "police commander George Seda": the title is held in
        # the body named before it, whatever body the title alone suggests
        body = lex.agents.get((doc[s - 1].lower_,)) or lex.agents.get((doc[s - 1].lemma_.lower(),))
        if body is not None and body[0] is not None:
            s -= 1
            best = (s, doc[s:start].text, body[0], None)
    if best[1] and best[2] in (None, "PTY", "GOV") and s > 0:
        body = _lexicon_body_ending(doc, s, lex)
        if body is not None and body.get("sector_code") in PARTY_SECTORS | NON_STATE_ARMED:
            # "PTI chairman Gohar Ali Khan", "Hamas chief Yahya Sinwar": the title is held in
            # the party or group named right before it (the name stays that body's mention)
            return s, best[1], body["sector_code"], body.get("country_code")
    if best[1]:
        # "Iraqi Prime Minister", "Iraq's Prime Minister", "U.S. Secretary of State"
        k = s - 1
        if k >= 0 and doc[k].text in ("'s", "’s"):
            k -= 1
        for rs, (re_, code, how) in refs.items():
            if re_ - 1 == k and how in ("name", "demonym", "capital"):
                return rs, best[1], best[2], code
        # "Defence Minister" with a modifier in between: "British Defence Secretary"
        k2 = s - 2
        for rs, (re_, code, how) in refs.items():
            if re_ - 1 == k2 and doc[s - 1].pos_ in ("PROPN", "NOUN", "ADJ") and how == "demonym":
                return rs, doc[s - 1:start].text, best[2], code
    return best


# Sectors of political parties and movements, whose titles their leaders hold.
PARTY_SECTORS = {"PTY", "OPP"}


def _lexicon_body_ending(doc: Doc, end: int, lex: ActorLexicon) -> dict | None:
    """The actor lexicon's body whose alias ends right before token `end` ("PTI" in "PTI
    chairman"), or None."""
    for n in range(min(lex.max_len, end), 0, -1):
        toks = tuple(t.text for t in doc[end - n:end])
        aid = lex.alias_lower.get(tuple(t.lower() for t in toks)) if n > 1 else lex.alias_exact.get(toks)
        if aid is not None:
            return lex.named.get(aid)
    return None


# ---------------------------------------------------------------- finder

def find_actors(doc: Doc, lexicon: ActorLexicon, place_mentions: list[dict],
                published: dt.date | None = None) -> list[dict]:
    """Actor mentions of one parsed article, sorted by start and non-overlapping.

    `published` (the article's date, if known) tells whether a group that took power was then
    the state: its name before a state body's noun is that body ("Taliban police" in 2023).

    Each item: start, end (character offsets), mention_text (== doc.text[start:end]),
    sentence_index, actor_role (title given at this mention, or None), actor (a dict with
    exactly the actors-table fields; `aliases` is a list holding this mention's surface form).
    """
    lex = lexicon
    sent_of = sentence_indexes(doc)
    refs, communities = _country_refs(doc, lex, place_mentions)
    place_countries = _place_countries(doc, place_mentions)
    # (an envoy's country is the other party: "the junta expelled the French ambassador" is no
    # story about France)
    # (nor is a trip's goal called off: "cancelled a trip to China" is no story about China)
    main = main_country({s: r for s, r in refs.items() if not _names_an_envoy(doc, r[0]) and not _trip_goal(doc, s)},
                        {t: v for t, v in place_countries.items() if not _trip_goal(doc, t)})
    # a toponym is no person or organisation, whether or not the gazetteer could place it
    # ("an air strike on Thantlang (Chin)"); an unplaced demonym may still name a people
    place_tokens = set()
    placed_tokens = set()   # (of the toponyms the gazetteer knows, or read as a place by name)
    place_words = set()     # one-word toponyms, which a lone name elsewhere repeats
    for pm in place_mentions:
        span = doc.char_span(pm["start"], pm["end"], alignment_mode="expand")
        if span is not None and (pm.get("place") or pm.get("mention_kind", "name") == "name"):
            place_tokens.update(range(span.start, span.end))
            if len(span) == 1 and pm.get("mention_kind", "name") == "name":
                place_words.add(span.text)
            if pm.get("place") or pm.get("candidate") or pm.get("needs_country") \
                    or pm.get("unresolved_reason_code") != "not_in_gazetteer":
                placed_tokens.update(range(span.start, span.end))
    cands: list[_Cand] = _coder_forces(doc, lex)

    # 1. lexicon actors
    placed = {c for _s, c in place_countries.values()}   # the countries the text's places lie in
    i = 0
    while i < len(doc):
        m = _match_at(doc, i, lex.alias_lower, lex.max_len, lower=True) or \
            _match_at(doc, i, lex.alias_exact, 1, lower=False)
        first = None
        if m and m[0] == 1 and doc[i].text in lex.surnames:
            # "Abdelaziz Bouteflicka": a listed spelling of the surname after the person's own
            # first name is that person; after another first name it is someone else
            first = lex.named[m[1]]["actor_name"].split()[0]
            if not (i > 0 and doc[i - 1].text == first) and _inside_other_name(doc, i, lex):
                m = None
            elif i + 1 < len(doc) and doc[i + 1].ent_type_ == "PERSON" and doc[i + 1].ent_iob_ == "I" \
                    and doc[i + 1].is_title and doc[i + 1].text not in lex.surnames \
                    and doc[i + 1].lower_ not in FACILITY_WORDS:   # (not "Trump Tower")
                m = None   # "senator Clinton Kipkorir", "lawmaker Sharon Haskel": a first name
            elif i in placed_tokens and first != doc[i].text \
                    and any(pm.get("place") and pm["start"] == doc[i].idx and pm["end"] == doc[i].idx + len(doc[i])
                            for pm in place_mentions):
                m = None   # "Co. Kerry", "Kerry County Council": the place the geoparser settled
        if m and m[0] == 1 and 0 < i < len(doc) - 1 and doc[i - 1].text in HYPHENS and doc[i + 1].text in HYPHENS \
                and not doc[i - 1].whitespace_ and not doc[i].whitespace_:
            m = None   # "PORT-AU-PRINCE": a piece of a hyphenated name, no African Union
        if m and i > 1 and doc[i - 1].text in HYPHENS and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
                and doc[i - 2].is_alpha and doc[i - 2].text[:1].isupper() and doc[i - 2].lower_ not in NAME_ARTICLES:
            m = None   # "Abdel-Ghani al-Kikli": the end of a longer hyphenated name, no Ashraf Ghani
        if m and i + m[0] + 1 < len(doc) and doc[i + m[0]].text in HYPHENS and not doc[i + m[0] - 1].whitespace_ \
                and not doc[i + m[0]].whitespace_ and doc[i + m[0] + 1].is_alpha \
                and doc[i + m[0] + 1].lower_ not in HYPHEN_TIES and not doc[i + m[0] + 1].lower_.endswith("ed"):
            m = None   # "Jamaat-ul-Ahrar": the first word of a longer hyphenated name, no Jamaat-e-Islami
            # (but "Hamas-led", "ISIS-linked": the body itself, tied to what follows)
        if m and i > 0 and doc[i - 1].lower_ in NAME_EXTENDERS and doc[i - 1].text[:1].isupper():
            m = None   # "Iran's Supreme National Security Council": a longer name, no UN Security Council
        if m and _prefixed(doc, i, ("anti", "counter", "pro")):
            m = None   # "anti-ISIS forces" fight the group and "pro-EU demonstrators" back it: neither is it
        if m:
            n, aid = m
            key = tuple(t.lower_ for t in doc[i:i + n])
            sharing = [a for a in lex.shared_aliases.get(key, [aid]) if (key, a) not in lex.local_aliases
                       or lex.named[a]["country_code"] == main or lex.named[a]["country_code"] in placed]
            if not sharing:
                i += 1   # an abbreviation that names an actor only in a story set in its country
                continue
            aid = aid if aid in sharing else sharing[0]
            if len(sharing) > 1:
                # "SNA" in a story about Syria is the Syrian National Army, in one about Somalia
                # the Somali National Army: the actor of the text's main country, else of a
                # country its places are in
                aid = next((a for a in sharing if lex.named[a]["country_code"] == main), None) or next(
                    (a for a in sharing if lex.named[a]["country_code"] in placed), aid)
            rec, start, role = _lexicon_record(lex, aid), i, None
            end = i + n
            if first and i > 0 and doc[i - 1].text == first:
                start = i - 1
            owner = _owner_country(doc, i, refs)
            if rec["actor_kind"] != "person" and rec["country_code"] not in (None, *PSEUDO_COUNTRIES) \
                    and owner is not None and owner[1] != rec["country_code"] and rec["sector_code"] in STATE_BODIES:
                # "Brazil's Congress", "Kenya's parliament": that country's body of the same sector
                rec, start = country_sector_actor(lex, owner[1], rec["sector_code"]), owner[0]
            if rec["actor_kind"] == "person":   # "Iraqi Prime Minister Haider al-Abadi"
                start, role, _sector, _country = _title_before(doc, i, lex, refs)
                role = role or None
                ag = _agent_after(doc, end, lex, refs) if doc[end - 1].dep_ in ("compound", "poss") else None
                if ag is not None and ag[1] and rec["country_code"] and ag[0] - end <= 2:
                    # "the Bush administration", "the Assad regime": the person's state
                    rec, end, role = country_sector_actor(lex, rec["country_code"], ag[1]), ag[0], None
            elif _same_in_brackets(doc, end, aid, lex):
                # "Oromo Liberation Army (OLA) fighters": the name, its acronym and its members
                end = next(k for k in range(end, len(doc)) if doc[k].text == ")") + 1
                ag = _agent_after(doc, end, lex, refs)
                if ag is not None and ag[0] - end <= 2:
                    end = ag[0]
            elif doc[end - 1].head.i >= end and doc[end - 1].dep_ in ("compound", "amod", "nmod"):
                # "NATO peacekeeping troops", "Red Cross officials", "Hezbollah guerrillas": the
                # organisation acts through its members
                ag = _agent_after(doc, end, lex, refs)
                if ag is not None and ag[0] - end <= 3 and doc[end - 1].head.i < ag[0]:
                    end = ag[0]
                    if ag[1] in STATE_BODIES and _governing(lex, aid, published):
                        # "the Taliban government", "Taliban security forces" after 2021: the
                        # body of the state the group runs (as ACLED codes "Police Forces of
                        # Afghanistan (2021-)"); the group's own name stays the group
                        rec = country_sector_actor(lex, rec["country_code"], ag[1])
            elif end + 2 < len(doc) and doc[end].text in HYPHENS and doc[end + 1].lower_ in RUNNING_PARTICIPLES \
                    and _governing(lex, aid, published):
                # "the Taliban-led government" after 2021: the state's body as well
                ag = _agent_after(doc, end + 2, lex, refs)
                if ag is not None and ag[1] in STATE_BODIES and ag[0] - end <= 4:
                    rec, end = country_sector_actor(lex, rec["country_code"], ag[1]), ag[0]
            cands.append(_Cand(start, end, "lexicon", rec, role))
            i = max(i + n, end)
        else:
            i += 1

    # 2. country + agent noun, with coordination ("Iraqi and US forces")
    starts = sorted(refs)
    consumed: set[int] = set()
    for idx, s in enumerate(starts):
        if s in consumed:
            continue
        chain = [s]
        e = refs[s][0]
        joined = False   # a list needs its "and" / "or": "X, Y troops" is a place, then an actor
        while True:   # collect "X and Y" / "X, Y and Z" demonyms sharing one agent noun
            k = e
            if k < len(doc) and doc[k].lower_ in ("and", ",", "or") and k + 1 in refs:
                joined = joined or doc[k].lower_ != ","
                chain.append(k + 1)
                e = refs[k + 1][0]
                continue
            if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in ("and", "or") and k + 2 in refs:
                joined = True
                chain.append(k + 2)
                e = refs[k + 2][0]
                continue
            break
        if not joined:
            chain = chain[-1:]   # "on the edge of Baghdad, U.S. troops clashed": only "U.S. troops"
        last_end = refs[chain[-1]][0]
        if doc[last_end - 1].text in ("'s", "’s") or (last_end < len(doc) and doc[last_end].text in ("'s", "’s")):
            ag = _agent_after(doc, last_end + (1 if doc[last_end - 1].text not in ("'s", "’s") else 0), lex, refs)
        else:
            ag = _agent_after(doc, last_end, lex, refs)
        if ag is None and last_end < len(doc) and doc[last_end].lower_ in COMMUNITY_WORDS \
                and all(_match_at(doc, c, lex.ethnic, 3, lower=False) for c in chain):
            ag = (last_end + 1, "ETH")   # "the Kuki and Meitei communities": communal groups
        if ag is None and not joined and refs[s][2] != "people" and last_end < len(doc) \
                and doc[last_end].lower_ in ("and", "or"):
            # "Somali and African Union troops", "Afghan and NATO forces": a demonym joined to a
            # name that is no country's, both modifying one agent noun
            mod = doc[last_end - 1]
            noun = mod.head
            a = _agent_at(doc, noun.i, lex) if mod.dep_ in ("amod", "compound", "nmod") and noun.i > last_end \
                and any(c.i > last_end and c.i < noun.i for c in mod.conjuncts) else None
            if a is not None and a[1]:
                cands.append(_Cand(s, last_end, "country_agent", country_sector_actor(lex, refs[s][1], a[1])))
                consumed.add(s)
            continue
        if ag is None or refs[chain[-1]][2] == "people":
            continue
        agent_end, sector = ag
        for c in chain:
            code = refs[c][1]
            end = agent_end if c == chain[-1] else refs[c][0]
            if doc[agent_end - 1].lower_.startswith("militia") and _match_at(doc, c, lex.ethnic, 3, lower=False):
                sector = "ETH"   # "Fulani militia": a communal militia, as ACLED codes it
            actor = community_actor(lex, code, sector, communities[c]) if c in communities \
                else country_sector_actor(lex, code, sector)
            cands.append(_Cand(c, end, "country_agent", actor))
            consumed.add(c)

    # "police in Nigeria", "the government of Iraq"
    for i, tok in enumerate(doc):
        a = _agent_at(doc, i, lex)
        if not a or not a[1]:
            continue
        j = i + a[0]
        if any(e_ == i or (e_ == i - 1 and doc[i - 1].pos_ in ("ADJ", "NOUN", "PROPN")) for e_, _c, _h in refs.values()):
            continue   # "U.S. forces in Afghanistan" are American, not Afghan
        if i > 0 and doc[i - 1].lower_ in ("its", "their"):
            continue   # "Israel has strengthened its forces in Lebanon": Israel's, see _resolve_agent
        if j + 1 < len(doc) and doc[j].lower_ in ("of", "in") and j + 1 in refs and refs[j + 1][2] == "name" \
                and not (refs[j + 1][0] < len(doc) and doc[refs[j + 1][0]].text in ("'s", "’s")):
            # (not "the chief of Israel's militia ally": the militia's)
            cands.append(_Cand(i, refs[j + 1][0], "country_agent", country_sector_actor(lex, refs[j + 1][1], a[1])))
            # "the foreign ministers of India and China": the office of each country named
            for c in doc[j + 1].conjuncts:
                if c.i > j + 1 and c.i in refs and refs[c.i][2] == "name" and refs[c.i][1] != refs[j + 1][1]:
                    cands.append(_Cand(c.i, refs[c.i][0], "country_agent", country_sector_actor(lex, refs[c.i][1], a[1])))

    # 3. people
    # (the words of full names: "John Kelly" makes a lone "Kelly" a person wherever it stands)
    full_name_words = {t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
    role_spans: list[tuple[int, int]] = []   # "Algeria's leading human rights activist" of a person
    for ent in sorted([*doc.ents, *_untagged_titled_names(doc, lex)], key=lambda x: x.start):
        if ent.label_ != "PERSON" and not _titled_name(doc, ent, lex):
            continue
        if len(ent) == 1 and ent.label_ == "PERSON" and ent[0].is_sent_start and ent[0].lower_ in EVENT_NOUNS:
            continue   # "Gunfire was heard near the palace": a sentence's first word taken for a name
        start, end = ent.start, person_end(doc, ent) if ent.label_ == "PERSON" else ent.end
        while end > start and doc[end - 1].text in ("'s", "’s", "'"):
            end -= 1
        if end <= start or any(t in place_tokens for t in range(start, end)) \
                or _in_place_brackets(doc, start, end, place_tokens):
            continue
        if end - start == 1 and doc[start].text in place_words and ent.label_ == "PERSON" \
                and doc[start].dep_ == "pobj" and doc[start].text not in full_name_words \
                and not _title_before(doc, start, lex, refs)[1]:
            continue   # "condemned the attack on Zamzam" after "the Zamzam camp": the place again
        if end - start == 1 and ent.label_ == "PERSON" and doc[start].dep_ == "pobj" \
                and doc[start].head.lower_ in ("in", "near", "at", "outside", "around") \
                and (doc[start].head.head.pos_ in ("VERB", "AUX")
                     or (doc[start].head.head.pos_ == "NOUN" and doc[start].head.head.is_lower)) \
                and doc[start].text not in full_name_words and not _title_before(doc, start, lex, refs)[1]:
            continue   # "abducted three quarry workers in Elwak": where, a name the model took for a person's
        if not any(t.text[:1].isupper() for t in doc[start:end]):
            continue   # "killed by stray shells": a name has a capital; a lower-case phrase is none
        if end - start == 1 and start > 0 and doc[start - 1].lower_ == "the" \
                and not (end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN")):
            continue   # "a bridge over the Danube": one name after "the" is a river or a site, no person
        if start in refs and refs[start][0] >= end:
            continue   # "Bosnian Serbs", "Hutu": a people the model took for a person
        if any(start < r < end and refs[r][0] == end for r in communities) and _agent_after(doc, end, lex, refs):
            continue   # "Lou Nuer youths": a section of a people and its men, no person
        agent = _agent_at(doc, start, lex)
        if agent is not None and start + agent[0] >= end:
            continue   # "— Gang members stormed ...": an agent noun the model took for a name
        if _body_word_after(doc, end, lex) in NAMESAKE_SECTORS:
            continue   # "the Nasser hospital said": the hospital named after him speaks, no person
        name_span = doc[start:end]
        body = _group_appositive(doc, name_span, refs)
        if body is not None:
            # "Plataforma Decide, a civil society group, said": a body's name, not a person's
            (b_start, b_end), b_sector, b_country = body
            if b_country is None and b_sector in HOME_SECTORS and main:
                b_country = main
            role_spans.append((b_start, b_end))
            cands.append(_Cand(start, end, "org", _record(f"org-{slugify(name_span.text)}", name_span.text,
                                                          "organization", b_country, b_sector)))
            continue
        # the model often folds the title into the entity ("President Bush")
        t_start, role, sector, country = start, None, None, None
        for n in range(min(3, len(name_span) - 1), 0, -1):
            key = tuple(t.lower_ for t in doc[start:start + n])
            if key in lex.titles:
                role, sector = doc[start:start + n].text, lex.titles[key]
                name_span = doc[start + n:end]
                break
        if role is None:
            t_start, role, sector, country = _title_before(doc, start, lex, refs)
            role = role or None
        elif start > 0:
            s2, _r, _s, country = _title_before(doc, start + len(role.split()), lex, refs)
            if country:
                t_start = s2
        if country is None and role and t_start == start and start > 0:
            k = start - 1
            if doc[k].text in ("'s", "’s"):
                k -= 1
            for rs, (re_, code, how) in refs.items():
                if re_ - 1 == k:
                    country, t_start = code, rs
        if country is None and end + 1 < len(doc) and doc[end].lower_ == "of" and end + 1 in refs \
                and refs[end + 1][2] == "name" and role:
            country = refs[end + 1][1]   # "King Hassan of Morocco"
        if country is None or sector is None:
            app = _appositive_role(doc, doc[start:end], lex, refs)
            if app is not None:
                a_span, a_role, a_sector, a_country = app
                if country is None and a_country:
                    country = a_country
                sector, role = sector or a_sector, role or a_role
                role_spans.append(a_span)
        if country is None and role and role.split()[-1].lower() in LOCAL_OFFICES:
            # "In Kharkiv, ... Mayor Ihor Terekhov said" in a story mostly about Russia: a town's
            # or province's officer is of the country the sentence's places lie in
            sent = doc[start].sent
            here = {pm["place"]["country_code"] for pm in place_mentions if pm.get("place")
                    and pm.get("mention_kind", "name") == "name" and pm["place"].get("country_code")
                    and sent.start_char <= pm["start"] < sent.end_char}
            country = here.pop() if len(here) == 1 else None
        if country is None and sector in HOME_SECTORS | STATE_FORCES and main \
                and main not in _counterparts(doc[start].sent, refs):
            # "Judge Alejandro Rivera" in a story about Chile, "Army spokesman ..." (but not one
            # who meets "her Chinese counterpart" in a story about China: of another country)
            country = main
        name = name_span.text.strip()
        if not name or name_span[0].is_punct:
            continue
        if role and sector in STATE_BODIES | {None} \
                and any(_former_word(doc, k) for k in range(max(0, t_start - 1), start)):
            # "former president Evo Morales", "Bolivian former president", "ex-minister": no
            # longer in office
            sector = "ELI"
            if t_start > 0 and _former_word(doc, t_start - 1):
                t_start -= 2 if doc[t_start - 1].text in HYPHENS else 1
        actor = _record(f"per-{slugify(name)}", name, "person", country, sector if (country or sector) else None)
        cands.append(_Cand(t_start, end, "person", actor, role))

    # a person named in full and later by the surname alone, which the model left unlabelled
    # ("Venancio Mondlane ... Mondlane, who says the vote was rigged, called for a strike"): the
    # same person (see _resolve, which gives the bare surname the full name's actor)
    named_people = [ent for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1]
    for tok in doc:
        if tok.pos_ == "PROPN" and not tok.ent_type_ and tok.i not in place_tokens and tok.is_title \
                and any(ent.end <= tok.i and doc[ent.end - 1].text == tok.text for ent in named_people) \
                and not any(c.start <= tok.i < c.end for c in cands):
            cands.append(_Cand(tok.i, tok.i + 1, "person", _record(f"per-{slugify(tok.text)}", tok.text, "person",
                                                                   None, None)))

    # the role phrase in apposition to a person describes that person, not another actor
    cands = [c for c in cands if c.how not in ("country_agent",) or
             not any(rs <= c.start and c.end <= re_ for rs, re_ in role_spans)]

    # 4. a country (or capital) acting by itself
    for s, (e, code, how) in refs.items():
        if s in consumed or any(rs <= s < re_ for rs, re_ in role_spans):
            continue
        if across_a_border(doc, s, located=True):
            continue   # "near the border with Rwanda and Burundi": a neighbour, no actor
        if e + 2 < len(doc) and doc[e].text in HYPHENS and doc[e + 1].lower_ in INSTALLING_PARTICIPLES:
            ag = _agent_after(doc, e + 2, lex, refs)
            if ag is not None and ag[0] - e <= 5 and ag[1] in STATE_BODIES:
                # "the Russian-installed governor", "Moscow-appointed officials": the installer's
                # men, as ACLED codes occupation authorities
                cands.append(_Cand(s, ag[0], "state", country_sector_actor(lex, code, ag[1])))
                continue
        if e + 1 < len(doc) and doc[e].text in HYPHENS and doc[e + 1].lower_ in BACKING_PARTICIPLES:
            continue   # "the Rwanda-backed group captured ...": the backer, not the doer (but
            # "the US-led campaign" is the leader's)
        head = doc[e - 1]
        if how == "demonym":
            # "Israeli air strikes", "a Saudi businessman": the country acts through the noun
            noun = head.head
            if e < len(doc) and doc[e].lower_ in lex.demonym_heads and doc[e].is_lower \
                    and doc[e].pos_ in ("AUX", "VERB"):
                noun = doc[e]   # "Ukrainian shelling damaged ...", the demonym made the subject
                # (and the noun read as a verb: "Ukrainian shelling killed two civilians")
            # (a head word of the list whatever its tag: "Russian shelling wounded ...", with
            # "shelling" taken for an auxiliary)
            listed = noun.lower_ in lex.demonym_heads and noun.is_lower
            if (head.dep_ in ("amod", "compound", "nmod") or noun.i == e) and noun.i > head.i \
                    and (noun.pos_ in ("NOUN", "PROPN") or listed) \
                    and noun.i - head.i <= 3 and not _agent_at(doc, noun.i, lex):
                lemma = noun.lemma_.lower() if noun.pos_ in ("NOUN", "PROPN") else noun.lower_
                if lemma in lex.demonym_heads:
                    cands.append(_Cand(s, e, "state", country_sector_actor(lex, code, lex.demonym_heads[lemma])))
            continue
        if how == "people":
            cands.append(_Cand(s, e, "state", community_actor(lex, code, "CVL", communities[s]) if s in communities
                               else country_sector_actor(lex, code, "CVL")))
            continue
        if doc[s:e].root.i != head.i and _is_locative(doc[s:e].root):
            continue   # a hyphenated name's first word heads it: "in Port-au-Prince"
        if (_is_locative(head) and not (how == "name" and _between_parties(head))) or _in_place_brackets(doc, s, e):
            continue
        if head.dep_ in ("compound", "amod") and head.head.i > head.i and not _agent_at(doc, head.head.i, lex):
            # (the parser may tag a name before a noun as an adjective: "in the Kyiv region")
            noun = head.head
            short = doc[s:e].text.replace(".", "")
            if short.isupper() and len(short) <= 4 and noun.i - head.i <= 3 \
                    and noun.lemma_.lower() in lex.demonym_heads:
                # "a US drone strike", "UK air raids": an abbreviated name used as the adjective is
                # the doer, as a demonym is (a full name is more often where: "the Moscow attack")
                cands.append(_Cand(s, e, "state", country_sector_actor(lex, code, lex.demonym_heads[noun.lemma_.lower()])))
            continue   # "the Iraq war"
        sector = "GOV" if how == "capital" else None
        cands.append(_Cand(s, e, "state", country_sector_actor(lex, code, sector)))

    # 5. other organisations
    unknown_tokens = place_tokens - placed_tokens   # (of the toponyms the gazetteer lacks)
    for ent in [*doc.ents, *_untagged_bodies(doc, lex)]:
        group_as_place = _group_named_as_place(doc, ent, placed_tokens, unknown_tokens, lex)
        if ent.label_ not in ("ORG", "NORP") and not group_as_place:
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        while end > start and doc[end - 1].text in ("'s", "’s", "'"):
            end -= 1
        for k in range(start + 1, end):
            # "the Ministry of Interior in Colombo (Colombo, Western": the model ran the name on
            # into where the body is and into the bracket after it
            if (doc[k].text == "(" and not any(doc[j].text == ")" for j in range(k, end))) \
                    or (doc[k].lower_ in ("in", "at", "near") and k + 1 in place_tokens):
                end = k
                break
        if end <= start or _in_place_brackets(doc, start, end, place_tokens):
            continue
        if (end - start > 1 and doc[end - 1].lower_ in route_nouns()) \
                or (end < len(doc) and doc[end].is_lower and doc[end].lower_ in route_nouns()):
            continue   # "the Pan-American Highway", "the Interoceanic highway": a road, no body
        if all(t.like_num or ORDINAL_WORD.fullmatch(t.text) for t in doc[start:end]) \
                and doc[end - 1].head.i >= end and doc[end - 1].head.pos_ == "NOUN" and doc[end - 1].head.is_lower:
            continue   # "the 365th consecutive day", taken by the model for a body (not "the 101st captured")
        inside = [t for t in range(start, end) if t in place_tokens and not group_as_place]
        # A place inside the name is the organisation's, not a misread place, only when the
        # name is built around it ("Islamic Movement of Uzbekistan", "Bank of England") or is
        # a country's body ("Nigeria Labour Congress", "Uganda Law Society"; a city's is its
        # place and an agent noun: "Toronto Police Service")
        if inside and not any(doc[k].lower_ in ("of", "in", "for") for k in range(start + 1, inside[0])) \
                and not (end - start > 1 and _body_word(doc[end - 1], lex) and start in refs) \
                and not (end - start > 1 and doc[end - 1].lower_ in TOWN_UNIT_WORDS and doc[end - 1].is_title):
            continue   # (but "the Jenin Brigade", an armed unit named after its town, is a body)
        span = doc[start:end]
        if ent.label_ == "NORP":
            ag = _agent_after(doc, end, lex, refs)
            if ag is None or any(start <= r < end for r in refs) or (end - start > 2 and _prefixed(doc, start + 2)):
                continue   # (and "pro-Palestinian students" are students where they are)
            text = doc[start:ag[0]].text
            rec = _record(f"grp-{slugify(text)}", text, "group", None, ag[1])
            head = doc[ag[0] - 1]
            back = (lex.agents.get((head.lower_,)) or lex.agents.get((head.lemma_.lower(),)) or (None, None))[1]
            if back and start > 0 and doc[start - 1].lower_ == "the" and ag[0] < len(doc) \
                    and doc[ag[0]].lower_ not in ("of", "from", "(", ",", "-", "–", "—", "led", "linked"):
                # "the Islamist group", "the jihadist fighters": after a named group, that
                # group (the model's NORP only says what kind it is); else a group of its own
                # (and so when the phrase goes on to name them: "the Islamist rebels of Jaysh
                # al-Islam")
                rec["_refer_back"] = back
            cands.append(_Cand(start, ag[0], "org", rec))
            continue
        if any(start <= r < end for r in refs) and not len(span) > 2:
            continue
        if (a := _agent_at(doc, start, lex)) is not None and start + a[0] == end:
            continue   # "Guerrillas attacked ...", a sentence's first word taken for a name: the agent noun
        if end - start == 1 and doc[start].lower_ in NOT_ACRONYMS and not _defined_as_name(doc, doc[start].text):
            continue   # "An FIR was registered": a thing, whatever the model labels it (unless the
            # text gives it as a body's short name: "the Civil Support Team (CST)")
        if end - start == 1 and doc[start].is_sent_start and doc[start].tag_ == "JJ" and doc[start].dep_ == "amod" \
                and doc[start].head.is_lower:
            continue   # "Communal clashes broke out ...": a sentence's first adjective, no body
        sector = None
        for t in span:
            if lex.org_words.get(t.lower_) and sector not in STATE_FORCES:
                sector = lex.org_words[t.lower_]   # (a state force's word wins: "Armed Police Battalion")
        # (the kind the text says before the name wins over a word in it: "the rebel group
        # Union des Patriotes" is no trade union)
        sector = _descriptor_before(doc, start, lex) or sector or _body_word_after(doc, end, lex)
        numbered = re.fullmatch(r"\d+(st|nd|rd|th)", span[0].lower_) is not None
        if sector == "REB" and numbered:
            sector = "MIL"   # "the 137th Brigade", "the 94th Infantry Battalion": a numbered unit of an army
        country = next((refs[r][1] for r in refs if start <= r < end), None)
        if country is None and sector == "MIL" and numbered and main:
            country = main   # (of the story's country's army: "the 20th Infantry Battalion pursued the rebels")
        if country is None and sector in HOME_SECTORS - {"OPP"}:
            # "the Hamas-run health ministry": the country of the group that runs the body
            country = _runner_country(doc, start, cands)
        if country is None and sector in (HOME_SECTORS - {"OPP"}) | {"LAB"}:
            # "the Ministry of Education in Dhaka": the country of the place the name is put in
            country = _seat_after(doc, end, place_mentions)
        if country is None and sector in (HOME_SECTORS - {"OPP"}) | {"LAB"} and main:
            # "the army-aligned Sovereignty Council", "the National Assembly", "the Teachers'
            # Union": a state body or a union the story names without its country is of the
            # story's country, as "the government" is
            country = main
        if group_as_place and end < len(doc) and doc[end].lower_ in TOWN_UNIT_WORDS:
            end, span = end + 1, doc[start:end + 1]   # "the Zintan brigade": the unit's whole name
        name = span.text
        if doc[end - 1].dep_ in ("compound", "amod", "nmod") and doc[end - 1].head.i >= end:
            # "CHP officials", "Amhara Association members": the organisation acts through its
            # people (their noun does not make them another actor)
            ag = _agent_after(doc, end, lex, refs)
            if ag is not None and ag[0] - end <= 2 and doc[ag[0] - 1].lemma_.lower() in OFFICE_HOLDERS | MEMBER_NOUNS:
                end = ag[0]
            elif ag is not None and ag[0] - end == 1 and ag[1] in NAMED_GROUP_SECTORS and doc[end - 1].head.i == end \
                    and doc[end].lemma_.lower() in GROUP_KIND_NOUNS:
                # "the Lyari gang", "the Tren de Aragua gang": a group named by its name and its kind
                end, sector = ag[0], sector or ag[1]
            elif ag is not None and ag[0] - end == 1 and doc[end - 1].head.i == end \
                    and doc[end].lemma_.lower() in NAMED_GROUP_MEN | {"militant"} \
                    and (name.isupper() or any(ch.isdigit() for ch in name)):   # (not "Kordofan rebels": of Kordofan)
                # "MPC rebels", "M23 fighters": a group the lexicon lacks, acting through its men
                end, sector = ag[0], sector or ag[1]
        forces = _state_body_of(span, lex) if country is not None and sector is None else None
        if forces is not None:
            # "the Armed Forces of the Philippines", "the National Police of Colombia": the
            # country's forces, as "Philippine armed forces" are
            cands.append(_Cand(start, end, "org", country_sector_actor(lex, country, forces)))
            continue
        cands.append(_Cand(start, end, "org", _record(f"org-{slugify(name)}", name, "organization", country, sector)))
    # ... and an acronym the model gave no entity ("the TPNPB claimed ..."): a group unknown
    # to the lexicon is still kept, with no codes, when it acts or is acted on
    for tok in doc:
        if not tok.ent_type_ and tok.i not in place_tokens and tok.i not in refs \
                and _agent_at(doc, tok.i, lex) is None:   # (not "IDPs", an agent noun)
            if _unlabelled_acronym(tok):
                cands.append(_Cand(tok.i, tok.i + 1, "org", _record(
                    f"org-{slugify(tok.text)}", tok.text, "organization", None, _body_word_after(doc, tok.i + 1, lex))))
            elif _unlabelled_acronym(tok, roles=("compound",)) and tok.head.i == tok.i + 1 \
                    and (ag := _agent_at(doc, tok.i + 1, lex)) is not None and ag[0] == 1 \
                    and tok.head.lemma_.lower() in NAMED_GROUP_MEN | {"militant"}:
                # "FPRC fighters attacked ...": the men of a group the model did not label
                cands.append(_Cand(tok.i, tok.i + 2, "org", _record(
                    f"org-{slugify(tok.text)}", tok.text, "organization", None, ag[1])))

    # ... and a gang, militia or cartel the model labelled no organisation ("members of the Gran
    # Grif gang", "the Bwa Kale militia"): the capitalised words before the kind noun name it
    taken = {t for c in cands for t in range(c.start, c.end)}
    for tok in doc:
        if tok.lemma_.lower() not in GROUP_KIND_NOUNS or tok.pos_ != "NOUN" or tok.i == 0:
            continue
        k = tok.i
        while k > 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].text[:1].isupper() \
                and doc[k - 1].dep_ == "compound" and doc[k - 1].head.i >= k - 1 \
                and doc[k - 1].ent_type_ not in ("ORG", "PERSON", "GPE", "LOC", "NORP"):
            k -= 1
        name_toks = range(k, tok.i)
        if k == tok.i or doc[k].is_sent_start or any(t in taken or t in place_tokens or t in refs for t in name_toks):
            continue
        ag = _agent_at(doc, tok.i, lex)
        name = doc[k:tok.i].text
        cands.append(_Cand(k, tok.i + 1, "org", _record(f"org-{slugify(name)}", name, "organization", None,
                                                          ag[1] if ag is not None else None)))

    # 6. bare agent nouns
    for i, tok in enumerate(doc):
        a = _agent_at(doc, i, lex)
        if not a or any(rs <= i < re_ for rs, re_ in role_spans):
            continue
        n, sector, back = a
        last = doc[i + n - 1].lemma_.lower()
        if n == 1 and _weapon_in_hand(doc[i]):
            continue   # "attacked a base with gun trucks and drones": the attackers' means
        if i + n + 1 < len(doc) and doc[i + n].text == "-" and doc[i + n + 1].lower_ in DESCRIBING_SUFFIXES \
                and sector not in DESCRIPTOR_SECTORS:
            continue   # "an intelligence-based operation", "a police-style raid": no actor, a kind
            # (but "clan-based clashes", "gang-related killings" name who fights)
        if i in place_tokens and doc[i].text[:1].isupper() and sector in ("GOV", "LEG"):
            continue   # "Zangon Kataf Local Government Area": a word of a division's name (not
            # "the Kindi Hospital", "the Military Airport", whose people are hit with it)
        if i + n < len(doc) and doc[i + n].lower_ == "of" and doc[i + n].head.i == i + n - 1 and (
                last in OFFICE_HOLDERS or (last in NAMED_GROUP_MEN and any(t.pos_ == "PROPN" for t in doc[i + n].subtree))
                or (last in FOLLOWER_NOUNS and _named_body_at(cands, doc, i + n + 1))):
            # "the deputy chief of Israel's militia ally", "the leader of Hamas", "fighters of the
            # ELN", "supporters of the BNP": the body's
            continue
        prev = cands[-1] if cands and cands[-1].end == i and cands[-1].how == "agent" else None
        joined = _joined_sector(prev.actor["_sector"], sector, doc[i + n - 1].lemma_.lower() in ARMED_HEADS,
                                doc[i + n - 1].lemma_.lower() in OFFICE_HOLDERS) \
            if prev is not None \
            and doc[i - 1].head.i == i + n - 1 and doc[i - 1].dep_ in ("compound", "amod", "nmod") else None
        if joined is not None:
            # "the opposition leader", "government troops", "rebel forces": one body
            # (a government's forces are, like the government, the home country's by default)
            home = prev.actor["_sector"] == OFFICE_SECTOR or prev.actor.get("_home", False)
            cands[-1] = _Cand(prev.start, i + n, "agent", {"_sector": joined, "_back": back, "_home": home})
            continue
        cands.append(_Cand(i, i + n, "agent", {"_sector": sector, "_back": back,
                                               "_home": doc[i + n - 1].lemma_.lower() in HOME_NOUNS}))

    # "the Nigeria Labour Congress": a body named after its country ends in a word for a body;
    # neither the country nor an alias inside its name ("Congress") is another actor
    bodies = [(c.start, c.end) for c in cands if c.how == "org" and c.end - c.start > 2 and c.start in refs
              and _body_word(doc[c.end - 1], lex)]
    cands = [c for c in cands if not (c.how in ("lexicon", "state") and any(
        s <= c.start and c.end <= e and (s, e) != (c.start, c.end) for s, e in bodies))]
    return _resolve(doc, lex, cands, sent_of, refs, place_mentions, main)


# A number written as an ordinal ("365th", "2nd").
ORDINAL_WORD = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)


def _untagged_bodies(doc: Doc, lex: ActorLexicon) -> list[Span]:
    """Names of bodies the model tagged as nothing: after "the", two to six capitalised words
    ending in a word for a body ("members of the Radaa Force and the Stability Support
    Apparatus clashed"), as ORG spans for the organisations step."""
    out = []
    tagged = {t.i for ent in doc.ents for t in ent}
    for t in doc[1:]:
        if not (_body_word(t, lex) and t.is_title and t.tag_ in ("NNP", "NNPS") and t.i not in tagged):
            continue
        start = t.i
        while start > 0 and t.i - start < 6 and start - 1 not in tagged and doc[start - 1].is_title \
                and doc[start - 1].is_alpha and doc[start - 1].tag_ in ("NNP", "NNPS"):
            start -= 1
        if t.i > start and start > 0 and doc[start - 1].lower_ == "the" and not doc[start - 1].is_sent_start:
            out.append(Span(doc, start, t.i + 1, label="ORG"))
    return out


def _untagged_titled_names(doc: Doc, lex: ActorLexicon) -> list[Span]:
    """Person names the model tagged as nothing after a capitalised one-word title ("President
    Umaro Sissoco Embalo told French media ..."): two to four capitalised words, none of them a
    body's word or an agent noun, as PERSON spans for the people step."""
    out = []
    tagged = {t.i for ent in doc.ents for t in ent}
    for t in doc[:-2]:
        if not (t.text[:1].isupper() and (t.lower_,) in lex.titles and t.i not in tagged):
            continue
        end = t.i + 1
        while end < len(doc) and end - t.i <= 4 and end not in tagged and doc[end].is_alpha \
                and doc[end].text[:1].isupper() and doc[end].tag_ in ("NNP", "NNPS") \
                and doc[end].lower_ not in BODY_WORDS and not _agent_at(doc, end, lex) \
                and (doc[end].lower_,) not in lex.titles:
            end += 1
        if end - t.i >= 3:   # (the title and two words at least: a first name and a surname)
            out.append(Span(doc, t.i + 1, end, label="PERSON"))
    return out


def _titled_name(doc: Doc, ent: Span, lex: ActorLexicon) -> bool:
    """Whether an entity the model called an organisation is a person's name after a lower-case
    title ("regional governor Oleh Kiper said", labelled ORG): two or three capitalised words
    with no word of a body's name, right after a title of actors_titles.csv."""
    if ent.label_ != "ORG" or not 2 <= len(ent) <= 3 or ent.start == 0:
        return False
    prev = doc[ent.start - 1]
    return prev.is_lower and (prev.lower_,) in lex.titles and all(
        t.text[:1].isupper() and t.is_alpha and t.lower_ not in BODY_WORDS and not _agent_at(doc, t.i, lex)
        for t in ent)


def _group_named_as_place(doc: Doc, ent: Span, placed_tokens: set[int], unknown_tokens: set[int],
                          lex: ActorLexicon) -> bool:
    """Whether an entity the model labelled a place or person, whose name the gazetteer does not
    know (`unknown_tokens`: toponyms it lacks; `placed_tokens`: the others), names the group
    whose men the noun after it are ("clashed with Los Viagras members", "Wagner fighters"):
    an organisation unknown to the lexicon, kept with no codes."""
    toks = range(ent.start, ent.end)
    start = ent.start + (doc[ent.start].lower_ == "the")
    if ent.label_ in ("GPE", "LOC", "PERSON", "FAC") and self_named(doc, start):
        return True   # "a group calling itself the Kashmir Resistance"
    if ent.label_ in ("GPE", "LOC") and ent.end < len(doc) and doc[ent.end].lower_ in TOWN_UNIT_WORDS \
            and doc[ent.end - 1].head.i == ent.end:
        return True   # "the Zintan brigade": an armed unit named after its town, known or not
    # (an initialism no toponym was found in: "FPRC fighters", labelled a place)
    initialism = ent.end - ent.start == 1 and _unlabelled_acronym(doc[ent.start], roles=("compound",))
    if ent.label_ not in ("GPE", "LOC", "PERSON") or any(t in placed_tokens for t in toks) \
            or (ent.label_ != "PERSON" and not initialism and not all(t in unknown_tokens for t in toks)):
        return False   # (a known town's "Mosul fighters" are of Mosul)
    if ent.end - ent.start == 1 and (doc[ent.start].lower_ in GROUP_KIND_NOUNS or _agent_at(doc, ent.start, lex)):
        return False   # ("— Gang members stormed a hospital": a common noun the model took for a name)
    last = doc[ent.end - 1]
    men = NAMED_GROUP_MEN | {"member", "militant"} if ent.label_ == "PERSON" \
        else MEMBER_NOUNS | NAMED_GROUP_MEN | {"militant"}   # ("Trump supporters" are a person's)
    return ent.end < len(doc) and last.dep_ == "compound" and last.head.i == ent.end \
        and last.head.lemma_.lower() in men


# Head nouns that only say "armed men" ("forces", "fighters", "troops"): the noun before them
# says whose they are. (data file)
ARMED_HEADS = frozenset(read_word_list("actors_armed_heads.txt", DATA_DIR))
# Words that end a body's name ("Nigeria Labour Congress"; data/actors_body_words.txt).
BODY_WORDS = frozenset(read_word_list("actors_body_words.txt", DATA_DIR))


# Kinds of body that a phrase in apposition gives a name the model took for a person's, with
# their sectors ("Plataforma Decide, a civil society group"; data/actors_group_kinds.csv).
GROUP_KINDS = {tuple(r["phrase"].split()): r["sector_code"] or None
               for r in read_csv_rows(DATA_DIR / "actors_group_kinds.csv")}


def _apposed_nouns(name: Span) -> list[Token]:
    """The common nouns in apposition to a name: after it ("Plataforma Decide, a civil society
    group"), or the one it is apposed to before it ("a community guard group (Yan Sakai)")."""
    root = name.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i >= name.end]
    if root.dep_ == "appos" and root.head.i < name.start and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    return nouns


def _group_appositive(doc: Doc, name: Span, refs: dict) -> tuple[tuple[int, int], str | None, str | None] | None:
    """The body a phrase in apposition says a name is ("Plataforma Decide, a civil society
    group"; "a community guard group (Yan Sakai)"): (token span of the phrase, sector, ISO3 of a
    country it names), or None when no such phrase stands beside the name."""
    for noun in _apposed_nouns(name):
        words = [t.lower_ for t in doc[noun.left_edge.i:noun.i + 1] if t.dep_ != "det"]
        for n in range(min(3, len(words)), 0, -1):
            key = tuple(words[-n:])
            if key in GROUP_KINDS:
                country = next((code for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                                for code in [_ref_code(c, refs)] if code), None)
                return (noun.left_edge.i, noun.i + 1), GROUP_KINDS[key], country
    return None


# Words for an armed unit that a town's name before them names ("the Zintan brigade").
TOWN_UNIT_WORDS = {"brigade", "brigades", "battalion", "battalions"}
# Adjectives saying that people are from abroad, whose country the text does not give
# ("foreign troops", "foreign fighters"; not "the foreign minister", a portfolio).
FOREIGN_WORDS = {"foreign", "overseas", "expatriate"}
# Capitalised words that make the demonym after them a region's (data/actors_region_words.txt).
REGION_WORDS = frozenset(read_word_list("actors_region_words.txt", DATA_DIR))
# Words that make a government noun after them a local body ("regional authorities";
# data/actors_local_words.txt).
LOCAL_WORDS = frozenset(read_word_list("actors_local_words.txt", DATA_DIR))
# Titles of a town's or a province's officers ("Mayor", "Governor"), whose country is where the
# sentence's places lie rather than the story's main country (data/actors_local_offices.txt).
LOCAL_OFFICES = frozenset(read_word_list("actors_local_offices.txt", DATA_DIR))
# Nouns for bodies that rule or serve at home, whatever their sector ("the junta": the military
# ruling the story's country; data/actors_home_nouns.txt).
HOME_NOUNS = frozenset(read_word_list("actors_home_nouns.txt", DATA_DIR))
# Plurals that name the bodies of several states ("the governments of 20 European states"),
# never the story's own country's.
MANY_STATES_NOUNS = {"governments", "parliaments", "legislatures"}


def _many_states(head: Token) -> bool:
    """Whether a plural government noun names several states' bodies (MANY_STATES_NOUNS), not
    the local ones of one country ("our local governments", "provincial governments")."""
    return head.lower_ in MANY_STATES_NOUNS and not any(
        c.dep_ in ("amod", "compound") and c.lower_ in LOCAL_WORDS for c in head.children)


ACRONYM_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"}
NOT_ACRONYMS = frozenset(read_word_list("actors_not_acronyms.txt", DATA_DIR))


def _descriptor_before(doc: Doc, start: int, lex: ActorLexicon) -> str | None:
    """The sector of a noun phrase right before a name the lexicon lacks that says what kind of
    body it is ("opposition party Chadema", "the rebel group CPC"): a party, a rebel or armed
    group, a gang or a community's body (see DESCRIPTOR_SECTORS). A modifier's sector comes
    before the kind noun's ("opposition party": the opposition)."""
    if start < 1 or not doc[start - 1].is_lower:
        return None
    kind = doc[start - 1]
    own = _agent_at(doc, start - 1, lex)
    sector = own[1] if own is not None and own[0] == 1 else lex.org_words.get(kind.lower_) or None
    if sector is None and kind.lower_ not in GROUP_KIND_WORDS:
        return None
    if start >= 2 and doc[start - 2].is_lower:
        mod = _agent_at(doc, start - 2, lex)
        if mod is not None and mod[0] == 1 and mod[1] in DESCRIPTOR_SECTORS:
            return mod[1]
    return sector if sector in DESCRIPTOR_SECTORS else None


# Sectors of the bodies often named after a person ("the Nasser hospital", "the Mandela
# university", "the Bishop Ford church"): the name before such a word is the body's.
NAMESAKE_SECTORS = {"MED", "EDU", "REL"}

# Nouns for a kind of body that say nothing of its sector ("the group", "the movement").
GROUP_KIND_WORDS = {"group", "movement", "faction", "coalition", "alliance", "organisation", "organization"}


def _body_word_after(doc: Doc, end: int, lex: ActorLexicon) -> str | None:
    """The sector of a lower-case word for a kind of body that a name ending at token `end`
    modifies ("a CNL party member", "a PTI party office": a party's), if any."""
    if end >= len(doc) or not doc[end].is_lower or doc[end - 1].head.i not in (end, doc[end].head.i):
        return None
    return lex.org_words.get(doc[end].lower_) or None


def _unlabelled_acronym(tok: Token, roles: "set[str] | tuple[str, ...]" = ACRONYM_ROLES) -> bool:
    """A capitalised initialism (3 to 8 letters, "TPNPB", "FLEC") standing where an actor
    stands: the subject, object or a preposition's object (or another of `roles`); not one
    that names a thing ("IED", "GDP": actors_not_acronyms.txt)."""
    text = tok.text
    return 3 <= len(text) <= 8 and text.isalpha() and text.isupper() and tok.tag_ == "NNP" \
        and tok.dep_ in roles and tok.lower_ not in NOT_ACRONYMS


def _body_word(tok: Token, lex: ActorLexicon) -> bool:
    """Whether a word ends the name of a body: a word of actors_body_words.txt or of the
    organisation words ("Uganda Law Society", "Kenya Police Force")."""
    return tok.lower_ in BODY_WORDS or tok.lower_ in lex.org_words
# Sectors whose noun, before an armed head noun, names the armed body ("rebel forces",
# "militia fighters", "army soldiers").
ARMED_BODY_SECTORS = {"MIL", "REB", "PRM", "CRM", "ETH", "UAF", "COP"}


# Nouns that, after an ethnic or religious community's name, make it that community acting as
# a group ("the Kuki community", "Hausa and Fulani communities"): ACLED's communal group.
COMMUNITY_WORDS = {"community", "communities", "minority", "minorities"}


def _joined_sector(modifier: str | None, head: str | None, armed_head: bool, member_head: bool = False) -> str | None:
    """The sector of two agent nouns read as one body, the first modifying the second, or None
    when they stay two actors ("opposition supporters", "opposition coalition"). An office
    noun takes the sector before it ("the opposition leader", "union officials"), and so does
    a member noun after a body ("ruling party activists", `member_head`); armed men
    (`armed_head`: see ARMED_HEADS) are a government's forces ("government troops" keep
    their own sector), the opposition's rebels ("opposition forces"), or of the armed body
    named before them ("rebel forces", "militia fighters")."""
    if modifier is None or head is None:
        return None
    if head == OFFICE_SECTOR:
        return modifier if modifier != OFFICE_SECTOR else None
    if member_head and modifier in BODY_SECTORS:
        return modifier
    if not armed_head:
        return None
    if modifier == OFFICE_SECTOR:
        return head
    if modifier == "OPP":
        return "REB"
    return modifier if modifier in ARMED_BODY_SECTORS else None


def _in_place_brackets(doc: Doc, s: int, e: int, after_place: "set[int] | None" = None) -> bool:
    """Whether a name stands in the brackets that say where a place lies ("the Omdurman market
    (Omdurman, Khartoum)", "Goma (Nord-Kivu)"): a location, never the state acting, nor a person
    or organisation when the gazetteer lacks the division ("(Debre Markos, Misraq Gojjam)"). Given
    `after_place` (the tokens of place mentions), the brackets must follow a place ("the Prime
    Minister (Abiy Ahmed)" names a person)."""
    k = s - 1
    while k >= 0 and s - k <= 8 and doc[k].text != "(":
        if doc[k].text == ")" or not (doc[k].text == "," or doc[k].text[:1].isupper() or doc[k].text == "-"):
            return False
        k -= 1
    if k < 0 or doc[k].text != "(" or (after_place is not None and k - 1 not in after_place):
        return False
    j = e
    while j < len(doc) and j - e <= 8 and doc[j].text != ")":
        if not (doc[j].text == "," or doc[j].text[:1].isupper() or doc[j].text == "-"):
            return False
        j += 1
    return j < len(doc) and doc[j].text == ")"


def _same_in_brackets(doc: Doc, end: int, aid: str, lex: ActorLexicon) -> bool:
    """Whether the lexicon actor `aid` ending at token `end` is followed by another of its names
    in brackets: "Oromo Liberation Army (OLA)"."""
    if end + 2 >= len(doc) or doc[end].text != "(":
        return False
    m = _match_at(doc, end + 1, lex.alias_lower, lex.max_len, lower=True) or \
        _match_at(doc, end + 1, lex.alias_exact, 1, lower=False)
    return m is not None and m[1] == aid and end + 1 + m[0] < len(doc) and doc[end + 1 + m[0]].text == ")"


def _role_noun(doc: Doc, noun: Token, lex: ActorLexicon) -> tuple[str, str | None] | None:
    """(role text, sector) when `noun` heads a title ("prime minister") or an agent noun
    ("activist", "rebel commander"); a sector-giving modifier wins ("rebel commander" is REB)."""
    mods = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ not in ("GPE", "NORP")]
    first = min((c.left_edge.i for c in mods), default=noun.i)
    text = doc[first:noun.i + 1].text
    sector: str | None = None
    known = False
    for k in range(max(first, noun.i - 3), noun.i + 1):
        key = tuple(t.lower_ for t in doc[k:noun.i + 1])
        if key in lex.titles:
            known, sector = True, lex.titles[key]
            break
    if not known:
        own = lex.agents.get((noun.lower_,)) or lex.agents.get((noun.lemma_.lower(),))
        if own is None:
            return None
        sector = own[0]
    for c in mods:
        mod = lex.agents.get((c.lower_,)) or lex.agents.get((c.lemma_.lower(),))
        if mod is not None and mod[0]:
            return text, mod[0]
    return text, sector


def _appositive_role(doc: Doc, name: object, lex: ActorLexicon,
                     refs: dict) -> tuple[tuple[int, int], str, str | None, str | None] | None:
    """The role a person is given in apposition, with the country it names.

    "Salaheddine Sidhoum, Algeria's leading human rights activist," and "the Iraqi prime
    minister, Haider al-Abadi," say who the person is and for which country: a possessive
    country, a demonym or "of Country" on the role noun. Returns (token span of the role
    phrase, role text, sector, ISO3 or None), or None when there is no such role.
    """
    # (not the noun before a misparsed speaker: "killing two women, regional governor X said"
    # is not his role)
    nouns = [n for n in _apposed_nouns(name) if n.i > name.start or not misparsed_speaker(name.root)]
    for noun in nouns:
        country = None
        for c in noun.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                country = country or _ref_code(c, refs)
            elif c.dep_ == "prep" and c.lower_ == "of":
                country = country or next((_ref_code(g, refs) for g in c.children if g.dep_ == "pobj"), None)
        role = _role_noun(doc, noun, lex)
        if role is None and country is not None:   # "a Colombian lawyer": the country, no sector
            mods = [c for c in noun.lefts if c.dep_ in ("amod", "compound") and _ref_code(c, refs) is None]
            role = (doc[min([c.left_edge.i for c in mods] + [noun.i]):noun.i + 1].text, None)
        if role is None:
            continue
        end = max([noun.i + 1] + [c.right_edge.i + 1 for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"])
        if country is None:
            # "head of the defence committee in Russia's Duma": the country
            # whose body the role is in, named inside the role's phrase
            country = next((code for k in range(noun.i + 1, end) if doc[k].dep_ in ("poss", "pobj")
                            and (doc[k].dep_ == "poss" or doc[k].head.lower_ == "in")
                            for code in [_ref_code(doc[k], refs)] if code), None)
        return (noun.left_edge.i, end), role[0], role[1], country
    return None


def _counterparts(sent: Span, refs: dict) -> set[str]:
    """Countries of the counterparts a sentence names ("met his Chinese counterpart"): the
    other party's, so not the country of whoever meets them."""
    return {code for t in sent if t.lemma_.lower() == "counterpart"
            for c in t.children if c.dep_ in ("amod", "compound", "poss") and (code := _ref_code(c, refs))}


def _ref_code(tok: Token, refs: dict) -> str | None:
    """ISO3 of the country name or demonym covering `tok` (not an ethnic people)."""
    for s, (e, code, how) in refs.items():
        if s <= tok.i < e and how in ("name", "demonym", "capital"):
            return code
    return None


def _inside_other_name(doc: Doc, i: int, lex: ActorLexicon) -> bool:
    """True when token i ends a longer capitalised name that is not a title + surname."""
    if i == 0:
        return False
    prev = doc[i - 1]
    if not prev.text[:1].isupper() or prev.is_sent_start and prev.lower_ in ("the",):
        return False
    if prev.lower_ in ("president", "premier", "minister", "chancellor", "king", "queen", "prince",
                       "emir", "sheikh", "general", "gen.", "mr.", "mrs.", "ms.", "dr.", "ayatollah",
                       "sultan", "pope", "secretary", "leader", "mr", "mrs", "ms", "dr", "senator", "judge") or \
            (prev.lower_,) in lex.titles:
        return False
    return prev.pos_ == "PROPN" and prev.ent_type_ == "PERSON"


def _lexicon_record(lex: ActorLexicon, aid: str) -> dict:
    r = lex.named[aid]
    return _record(aid, r["actor_name"], r["actor_kind"], r["country_code"], r["sector_code"])


# Nouns after which "between X and Y" names parties (data/actors_party_nouns.txt).
PARTY_NOUNS = frozenset(read_word_list("actors_party_nouns.txt", DATA_DIR))


def _between_parties(tok: Token) -> bool:
    """Whether a country's name is a party named after "between" ("talks between Israel and
    Hamas"), not one end of a stretch of land ("the border between Iraq and Syria")."""
    while tok.dep_ in ("conj", "appos") and tok.head.i < tok.i:
        tok = tok.head
    noun = tok.head.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "between" and (noun.lower_ in PARTY_NOUNS
                                                                    or noun.lemma_.lower() in PARTY_NOUNS)


# Nouns for a place's parts and divisions: the place that owns one is where, not who
# (data/actors_place_parts.txt).
POSSESSED_PLACE_PARTS = frozenset(read_word_list("actors_place_parts.txt", DATA_DIR))


def _is_locative(tok: Token) -> bool:
    """True when the token names a place where something happens ("in Iraq", "Iraq's north",
    "in Iraq and Syria", "in Kabul (Kabul)": a conjunct or apposition of a place is one too)."""
    while tok.dep_ in ("conj", "appos") and tok.head.i < tok.i:
        tok = tok.head   # "in Iraq and Syria", "in Dakar (Dakar)"
    while tok.dep_ in ("nmod", "compound") and tok.head.i > tok.i and tok.head.ent_type_ in ("GPE", "LOC"):
        tok = tok.head   # "in Port-au-Prince (Ouest)" parsed as one name modifying the next
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS:
        # but "a strike attributed to Turkey", "an attack blamed on Iran" name a doer,
        # "sanctions on Iran", "an embargo on Russia" the state they are imposed on, and "sent
        # arms to Ukraine", "its ambassador to Ireland" the state that receives or hosts
        governor = tok.head.head.lemma_.lower()
        return governor not in ("attribute", "blame") and not (tok.head.lower_ == "on" and governor in IMPOSED_ON) \
            and not (tok.head.lower_ == "to" and governor in GIVEN_TO) \
            and not (tok.head.lower_ == "from" and governor in ENVOYS
                     and any(c.dep_ == "poss" for c in tok.head.head.children))   # (its own envoy)
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in PLACE_VERBS:
        return True   # "left Bamako", "entered Kabul": a capital one goes to is a place
    if tok.dep_ == "poss" and (tok.head.lower_ in POSSESSED_PLACE_PARTS or tok.head.lemma_.lower() in POSSESSED_PLACE_PARTS):
        return True   # "Iraq's north", "Mogadishu's Hodan district", "Kenya's Mandera county"
    return False


def _resolve(doc: Doc, lex: ActorLexicon, cands: list[_Cand], sent_of: list[int],
             refs: dict, place_mentions: list[dict], main: str | None = None) -> list[dict]:
    """Pick non-overlapping candidates (trust first, then length) and resolve back-references."""
    cands.sort(key=lambda c: (_PRIORITY[c.how], -(c.end - c.start), c.start))
    taken: set[int] = set()
    chosen: list[_Cand] = []
    for c in cands:
        if any(t in taken for t in range(c.start, c.end)):
            continue
        chosen.append(c)
        taken.update(range(c.start, c.end))
    chosen.sort(key=lambda c: c.start)
    dateline = _dateline_span(doc)
    if dateline is not None:   # "NAIROBI, Kenya (AP) -": neither the wire that sent the story nor
        # the place it was filed from is an actor in it
        # (an agent noun after it is the lead's subject, which the parser may join to the
        # dateline's country: "NAIROBI, Kenya - Police arrested": the police only)
        for c in chosen:
            if dateline[0] <= doc[c.start].idx < dateline[1] and doc[c.end - 1].idx >= dateline[1] \
                    and c.how in ("country_agent", "agent"):
                c.start = next(k for k in range(c.start, c.end) if doc[k].idx >= dateline[1])
        chosen = [c for c in chosen if not (dateline[0] <= doc[c.start].idx < dateline[1])]
    # "a police informer": an agent noun that only modifies a civilian's noun says what kind
    # of civilian that is, not that a second actor is there ("government officials" and "army
    # reservists" are the government's and the army's)
    civilian_starts = {c.start for c in chosen if c.how == "agent" and c.actor.get("_sector") == "CVL"}
    chosen = [c for c in chosen if not (c.how == "agent" and doc[c.end - 1].dep_ == "compound"
                                        and doc[c.end - 1].head.i >= c.end
                                        and doc[c.end - 1].head.i in civilian_starts)]
    # "Amnesty International Kenya", "UNICEF Sudan": a country named right after an international
    # body's name, as the head the name modifies, is the body's branch there, not another actor
    body_ends = {c.end for c in chosen if c.how == "lexicon" and c.actor.get("country_code") in PSEUDO_COUNTRIES}
    chosen = [c for c in chosen if not (c.how == "state" and c.start in body_ends and c.start > 0
                                        and doc[c.start - 1].dep_ == "compound"
                                        and c.start <= doc[c.start - 1].head.i < c.end)]
    owner = {t: c.actor for c in chosen if c.how != "agent" for t in range(c.start, c.end)}

    out = []
    recent: list[dict] = []   # named actors seen so far, latest last
    recent_sent: list[tuple[int, bool]] = []   # ... the sentence each was named in, and if as a doer
    persons: dict[str, dict | None] = {}
    acronyms = _bracketed_acronyms(doc, chosen)   # "Sudanese Armed Forces (SAF)": SAF is them
    for text, named in _initialled(doc, chosen).items():
        acronyms.setdefault(text, named)          # "the National Citizen Party ... NCP activists"
    spelled = _spelled_out(doc, chosen)           # "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"
    for c in chosen:
        actor = c.actor
        if c.how == "org" and (doc[c.start:c.end].text in acronyms or c.actor.get("actor_name") in acronyms):
            # (the acronym alone, or with its men: "KDB fighters")
            actor = acronyms.get(doc[c.start:c.end].text) or acronyms[c.actor["actor_name"]]
        if id(c) in spelled:
            actor = spelled[id(c)]
        if c.how == "org" and actor.get("_refer_back"):
            # (named in an earlier sentence: "ISIS launched an offensive against the Islamist
            # rebels of north Aleppo" are not ISIS)
            before = [k for k, (sent, _doer) in enumerate(recent_sent) if sent < sent_of[c.start]]
            actor = _referred(doc, lex, c, actor["_refer_back"], [recent[k] for k in before],
                              [recent_sent[k][1] for k in before]) or actor
        if c.how == "country_agent" and actor.get("sector_code") in NON_STATE_ARMED | {"UAF"}:
            actor = _apposed_group(doc, c, owner, actor["sector_code"]) or actor
        if c.how == "agent":
            actor = _resolve_agent(doc, lex, c, recent, refs, place_mentions, owner, main, out,
                                   [doer for _k, doer in recent_sent])
            if actor is None:
                continue
            head = doc[c.end - 1]
            away = lex.outsiders.get((head.lower_, actor.get("country_code") or "")) \
                or lex.outsiders.get((head.lemma_.lower(), actor.get("country_code") or ""))
            if away:   # "settlers attacked farmers near Ramallah": Israel's, where they act in Palestine
                actor = country_sector_actor(lex, away, actor.get("sector_code"))
            prev = out[-1] if out else None
            if actor.get("sector_code") in STATE_FORCES and prev is not None and c.start > 0 \
                    and doc[c.start - 1].dep_ == "compound" and doc[c.start - 1].idx < prev["end"] \
                    and prev["actor"].get("sector_code") == "GOV" and prev["actor"].get("country_code") \
                    and prev["actor"]["country_code"] not in PSEUDO_COUNTRIES:
                # "government forces", "regime troops": the forces of that government, one actor
                out.pop()
                first = doc.char_span(prev["start"], prev["end"], alignment_mode="expand")
                c = _Cand(first.start if first is not None else c.start - 1, c.end, c.how, c.actor, c.role)
                actor = country_sector_actor(lex, prev["actor"]["country_code"], actor["sector_code"])
            if actor.get("country_code") is None and actor.get("sector_code") in STATE_FORCES:
                # "ambushed a Myanmar military convoy, killing 11 soldiers": the soldiers are
                # that country's, when the sentence names its forces of the same sector
                same = [a for a, (k, doer) in zip(recent, recent_sent) if k == sent_of[c.start] and not doer
                        and a.get("sector_code") == actor["sector_code"] and a.get("country_code")
                        and a["country_code"] not in PSEUDO_COUNTRIES]
                if len({a["country_code"] for a in same}) == 1:
                    actor = same[-1]
            elif c.actor["_back"] and (actor.get("country_code") is None or (c.start > 0 and doc[c.start - 1].like_num)):
                # "an operation against TTP militants, killing 5 militants", "clashed with the
                # Sinaloa Cartel, killing 6 gunmen": the group the sentence named on the same
                # side is the one the count is of
                same = [a for a, (k, doer) in zip(recent, recent_sent) if k == sent_of[c.start] and not doer
                        and a.get("sector_code") in c.actor["_back"]]
                if len({a["actor_id"] for a in same}) == 1:
                    actor = same[-1]
        elif c.how == "person":
            words = actor["actor_name"].split()
            if len(words) == 1 and persons.get(words[0]):
                actor = persons[words[0]]
            else:
                _index_person(persons, actor)
        elif c.how == "org" and c.end - c.start == 1 and persons.get(doc[c.start].text) \
                and not actor.get("sector_code") and not actor.get("country_code"):
            actor = persons[doc[c.start].text]   # "Wang accused ...": spaCy's organisation is the person
        elif not _possessor(doc, c):
            if actor.get("actor_kind") == "person":
                _index_person(persons, actor)   # a person the lexicon knows ("Wang Yi")
            # "JNIM, al Qaeda's affiliate, ...": "the group" later is JNIM, not the possessor
            recent.append(actor)
            recent_sent.append((sent_of[c.start], _is_doer(doc[c.start:c.end].root)))
        start, end = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)
        text = doc_text(doc)[start:end]
        rec = {k: actor[k] for k in ACTOR_FIELDS}
        rec["aliases"] = [text]
        prev = out[-1] if out else None
        if c.how == "lexicon" and prev is not None and (prev["_how"] in ("agent", "country_agent") or (
                prev["_how"] == "org" and prev["actor"]["actor_id"].startswith("grp-"))) \
                and doc_text(doc)[prev["end"]:start] == " " \
                and prev["actor"]["sector_code"] in DESCRIPTOR_SECTORS | {None}:
            # "the Rohingya armed group ARSA", "rebel group M23": the noun phrase before the
            # name describes the group it names
            prev["actor"] = dict(rec, aliases=[prev["mention_text"]])
        out.append({"start": start, "end": end, "mention_text": text, "_how": c.how,
                    "sentence_index": sent_of[c.start], "actor_role": c.role, "actor": rec})
    for m in out:
        del m["_how"]
    return out


def _index_person(persons: dict[str, dict | None], actor: dict) -> None:
    """Index a named person by the words a later bare mention may use: the surname
    ("Blinken"), or the first word of a name written surname first ("Wang" for Wang Yi). A
    word two people share names neither (None)."""
    words = actor["actor_name"].split()
    for tok in dict.fromkeys([words[-1], words[0]] if len(words) > 1 else words):
        if tok in persons and persons[tok] is not None and persons[tok]["actor_id"] != actor["actor_id"]:
            persons[tok] = None
        else:
            persons.setdefault(tok, actor)


def _dateline_span(doc: Doc) -> tuple[int, int] | None:
    """Character span of a wire dateline ("NAIROBI, Kenya (AP) —"), if the text opens with one."""
    dl = doc_dateline(doc)
    return (0, dl.end) if dl is not None else None


def _bracketed_acronyms(doc: Doc, chosen: list[_Cand]) -> dict[str, dict]:
    """Acronyms an article defines in brackets after a named actor ("the Sudanese Armed Forces
    (SAF)", "Ansar Dine (AD)"), each with that actor: the acronym names it there and later.
    Only an acronym the actor lexicon does not know is taken (a known one keeps its own actor)."""
    out: dict[str, dict] = {}
    for a, b in zip(chosen, chosen[1:]):
        text = doc[b.start:b.end].text
        initials = {t.text[0].upper() for t in doc[a.start:a.end] if t.text[:1].isalpha()}
        if a.how != "agent" and b.how == "org" and b.start == a.end + 1 and doc[a.end].text == "(" \
                and _acronym_in_brackets(doc, b) and text not in out and set(text) <= initials:
            # (each letter an initial of the name, in any order: "FDLR" of the Democratic
            # Forces for the Liberation of Rwanda; "Kenya (AP)" names the wire, not Kenya)
            out[text] = a.actor
    return out


# Small words a name's initials skip ("Democratic Forces for the Liberation of Rwanda").
INITIAL_SKIPS = {"of", "the", "for", "and", "in", "de", "du", "des", "la", "le", "al", "el"}


def _initialled(doc: Doc, chosen: list[_Cand]) -> dict[str, dict]:
    """Unknown acronyms whose letters are, in order, the initials of one organisation named
    earlier in the article and not known to the lexicon by that acronym ("clashes between the
    BNP and the National Citizen Party ... NCP activists tried to hold a rally"), each with
    that organisation. News often spells a party out once and then uses its initials without
    the brackets; an acronym two named bodies share is left alone."""
    named: dict[str, list[dict]] = {}
    out: dict[str, dict] = {}
    for c in chosen:
        text = c.actor.get("actor_name") if c.how == "org" else None
        if text and text.isupper() and 2 <= len(text) <= 6 and c.actor["actor_id"].startswith("org-"):
            if len(named.get(text, [])) == 1:
                out.setdefault(text, named[text][0])
            continue
        words = [t.text for t in doc[c.start:c.end] if t.text[:1].isalpha()]
        if c.how != "agent" and c.actor.get("actor_kind") == "organization" and len(words) >= 2:
            initials = "".join(w[0].upper() for w in words if w.lower() not in INITIAL_SKIPS)
            if len(initials) >= 2 and all(a["actor_id"] != c.actor["actor_id"] for a in named.get(initials, [])):
                named.setdefault(initials, []).append(c.actor)
    return out


def _acronym_in_brackets(doc: Doc, c: _Cand) -> bool:
    """Whether a candidate is one capitalised word of 2 to 8 letters closed by a bracket: the
    "(SAF)" of "Sudanese Armed Forces (SAF)"."""
    text = doc[c.start].text
    return c.end - c.start == 1 and text.isupper() and 2 <= len(text) <= 8 \
        and c.end < len(doc) and doc[c.end].text == ")"


# Armed groups outside the state, whose "fighters" or "members" are the group itself.
NON_STATE_ARMED = {"REB", "PRM", "CRM", "ETH"}
# State forces a bare agent noun ("soldiers", "police") may name.
STATE_FORCES = {"MIL", "COP"}
# Verbs whose object is forces the subject owns ("Uganda sent special forces to Juba").
DEPLOYING_VERBS = frozenset({"send", "deploy", "dispatch", "mobilize", "mobilise", "station", "withdraw",
                           "recall", "rush", "airlift", "contribute", "commit", "redeploy", "pull"})
# Sectors of a state's own bodies: "Congress" after another country's name is that country's.
STATE_BODIES = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY"}
# State bodies whose word on forces they do not name makes those forces theirs ("the defence
# ministry said air defences had destroyed 57 drones").
SPEAKING_BODIES = {"GOV", "MIL", "COP"}


def _is_doer(tok: Token) -> bool:
    """Whether the noun phrase of a token is a clause's subject, a passive's "by" agent
    ("Russian forces shelled ...": the soldiers they kill are not theirs) or the "by" of an act
    told by its noun ("repelled an attack by Islamic State militants")."""
    t = tok
    while t.dep_ in ("compound", "amod", "nmod", "poss", "appos", "conj") and t.head.i != t.i:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass", "csubj") or (t.dep_ == "pobj" and t.head.dep_ == "agent") \
        or (t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.pos_ == "NOUN")


def _owner_country(doc: Doc, i: int, refs: dict) -> tuple[int, str] | None:
    """(start token, country) of a country named as the owner right before token i ("Brazil's
    Congress", "the Nigerian Senate"; not "pro-Iranian Hezbollah"), or None."""
    k = i - 1
    if k >= 0 and doc[k].lower_ in ("'s", "’s"):
        k -= 1
    for s, (e, code, *_rest) in refs.items():
        if e == k + 1 and s <= k and code and not (s > 0 and doc[s - 1].text in ("-", "pro") or
                                                    doc[s].lower_.startswith("pro-")):
            return s, code
    return None


def _possessor(doc: Doc, c: _Cand) -> bool:
    """Whether a named actor only owns the noun after it ("al Qaeda's affiliate", "Iran's
    ally"), which is the one the text goes on about; not a part of it ("Hamas's armed wing")."""
    root = doc[c.start:c.end].root
    if root.dep_ == "compound" and root.head.lemma_.lower() in KIN_BODY_NOUNS:
        return True   # "JNIM, an al-Qaida affiliate, said its fighters ...": the affiliate's
    return root.dep_ == "poss" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() not in PART_NOUNS


# Nouns for another body tied to the one named before them ("an al-Qaida affiliate", "a Hamas
# ally", "an Islamic State offshoot"): the noun, not the name, is what the text goes on about.
KIN_BODY_NOUNS = {"affiliate", "ally", "offshoot", "splinter", "franchise", "proxy", "partner"}


# Nouns for a part of a body that acts for it ("Hamas's armed wing said its fighters ..."): the
# possessor is still the one the text goes on about.
PART_NOUNS = {"wing", "arm", "branch", "faction", "unit", "cell"}


# Most tokens of a name between an unknown name's end and the bracket of its known acronym
# ("Jama'at Nusrat al-Islam [wal-Muslimin] (JNIM)": spaCy often cuts a long name short).
SPELLED_GAP = 4


def _spelled_out(doc: Doc, chosen: list[_Cand]) -> dict[int, dict]:
    """Unknown names spelled out before an acronym the lexicon knows ("Jama'at Nusrat
    al-Islam wal-Muslimin (JNIM)", "Ahl al-Sunnah wal Jamaah (ASWJ)"), each (by id of its
    candidate) with the acronym's actor: the article's spelling is another name of that actor,
    not a person or an organisation of its own."""
    out: dict[int, dict] = {}
    for a, b in zip(chosen, chosen[1:]):
        if a.how not in ("org", "person") or b.how != "lexicon" or not _acronym_in_brackets(doc, b):
            continue
        k = a.end
        while k < b.start - 1 and k - a.end < SPELLED_GAP and (doc[k].text[:1].isupper() or doc[k].text == "-"
                                                               or doc[k].is_lower and len(doc[k].text) <= 3):
            k += 1
        if k == b.start - 1 and doc[k].text == "(":
            out[id(a)] = b.actor
    return out


# Portfolios whose ministers, named in the plural, meet from many countries ("EU foreign
# ministers", "G7 finance ministers", "defence ministers meeting in Brussels").
PORTFOLIO_WORDS = frozenset({"foreign", "defence", "defense", "finance", "interior", "health", "energy", "trade",
                             "agriculture", "economy", "environment", "justice", "education"})


def _ministers_of_many(head: Token) -> bool:
    """Whether a bare plural "ministers" of a portfolio ("foreign ministers meeting in
    Brussels") are those of several countries, none of them the story's by default."""
    return head.lower_ == "ministers" and any(
        c.dep_ in ("amod", "compound") and c.lower_ in PORTFOLIO_WORDS for c in head.children)


def _head_at(doc: Doc, m: dict) -> Token | None:
    """The head word of a resolved mention (its phrase's root), or None off token bounds."""
    span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
    return span.root if span is not None else None


def _to_doer(doc: Doc, lex: ActorLexicon, c: _Cand) -> bool:
    """Whether an agent noun only refers back to a doer ("the attackers"; agents.csv)."""
    words = [t.lower_ for t in doc[c.start:c.end]]
    return any(tuple(words[-len(k):]) == k for k in lex.back_to_doer if len(k) <= len(words))


def _described_as(doc: Doc, c: _Cand, back: frozenset[str], resolved: list[dict]) -> dict | None:
    """The named actor an earlier apposition described with this noun, when the latest actor
    of its sectors is only part of that description ("the White Army, an armed youth group
    from the Nuer community ... The government blamed the group": the White Army, not the
    community the description mentions)."""
    noun = doc[c.end - 1].lemma_.lower()
    latest = next((m for m in reversed(resolved) if m["actor"].get("sector_code") in back), None)
    if latest is None:
        return None
    for m in reversed(resolved):
        if m is latest or m["start"] >= latest["start"] or m["actor"].get("sector_code") not in back:
            continue
        head = _head_at(doc, m)
        if head is None:
            continue
        for ap in head.children:
            if ap.dep_ == "appos" and ap.lemma_.lower() == noun \
                    and ap.left_edge.idx <= latest["start"] < ap.right_edge.idx + len(ap.right_edge):
                return m["actor"]
    return None


def _latest_doer(doc: Doc, sectors: set[str], resolved: list[dict]) -> dict | None:
    """The actor of the latest mention before this one that is of `sectors` and named as a
    doer (see _is_doer), or None."""
    for m in reversed(resolved):
        if m["actor"].get("sector_code") in sectors:
            head = _head_at(doc, m)
            if head is not None and _is_doer(head):
                if m["actor"]["actor_id"].startswith("grp-"):
                    # "Islamist militants from the Allied Democratic Forces killed 43 ...":
                    # men of a named group are that group
                    objs = {g.idx for p in head.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
                            for g in p.children if g.dep_ == "pobj"}
                    named = next((n["actor"] for n in resolved if any(n["start"] <= x < n["end"] for x in objs)
                                  and not n["actor"]["actor_id"].startswith("grp-")
                                  and n["actor"].get("actor_kind") == "organization"), None)
                    if named is not None:
                        return named
                return m["actor"]
    return None


def _referred(doc: Doc, lex: ActorLexicon, c: _Cand, back: frozenset[str], recent: list[dict],
              doers: list[bool] | None) -> dict | None:
    """The named actor a definite agent noun refers back to: the latest one of the sectors in
    `back`, and for a noun that only refers to a doer ("the attackers"), the latest named as one."""
    to_doer = _to_doer(doc, lex, c)
    for k in range(len(recent) - 1, -1, -1):
        prev = recent[k]
        if prev.get("sector_code") in back and not (to_doer and not (doers and doers[k])):
            return prev
    return None


# Words that make "the <adjective> group" another body than the one named (data file).
CONTRAST_WORDS = frozenset(read_word_list("actors_contrast_words.txt", DATA_DIR))


def _determiner(doc: Doc, start: int, end: int, past_backer: bool = False) -> str:
    """The determiner of the agent noun doc[start:end], past the words that only say what kind
    of body it is: "the same group", "the militant group", "the paramilitary group" refer back
    as "the group" does. A word of contrast, a superlative, comparative or number stops there
    ("the rival group", "the largest group"), so the reference is not taken for a back one.
    With `past_backer`, so does who backs it ("the Rwanda-backed group"; for a noun of no
    sector: "the Turkish-backed rebels" are other rebels than those just named)."""
    k = start - 1
    while k > 0 and doc[k].dep_ in ("amod", "compound") and start <= doc[k].head.i < end \
            and doc[k].tag_ in ("JJ", "NN", "VBN") and doc[k].lower_ not in CONTRAST_WORDS \
            and doc[k].ent_type_ not in ("ORDINAL", "CARDINAL"):
        k -= 1
        if past_backer and k > 1 and doc[k + 1].lower_ in BACKING_PARTICIPLES and doc[k].text in HYPHENS:
            k -= 2   # ("the Rwanda-backed group": who backs it says what kind it is)
    return doc[k].lower_ if k >= 0 else ""


def _apposed_group(doc: Doc, c: _Cand, owner: dict[int, dict], sector: str | None) -> dict | None:
    """The named body in apposition after an agent noun, of its sector or another armed group's
    ("Colombia's largest guerrilla group, the National Liberation Army (ELN), attacked": the
    noun describes the group named beside it), or None."""
    for m in doc[c.end - 1].children:
        named = owner.get(m.i) if m.dep_ == "appos" and m.i > c.end - 1 else None
        if named is not None and named.get("actor_kind") != "person" and named.get("country_code") \
                and sector in NON_STATE_ARMED | {"UAF"} and named.get("sector_code") in NON_STATE_ARMED | {"UAF"}:
            return named   # (a body of no known country or kind leaves the noun its own codes)
    return None


def _resolve_agent(doc: Doc, lex: ActorLexicon, c: _Cand, recent: list[dict], refs: dict,
                   place_mentions: list[dict], owner: dict[int, dict] | None = None,
                   main: str | None = None, resolved: list[dict] | None = None,
                   doers: list[bool] | None = None) -> dict | None:
    """A bare agent noun: back-reference, country from an attached place or person, the
    country the text is about (for the state's own sectors), or a generic actor.

    `owner` maps tokens to the named actors chosen there ("the government of President
    Prosper Avril" is his country's); `main` is the text's main country (see main_country);
    `doers` tells, for each of `recent`, whether it was named as a doer (see _is_doer)."""
    owner = owner or {}
    sector, back = c.actor["_sector"], c.actor["_back"]
    det = _determiner(doc, c.start, c.end, past_backer=sector is None)
    named = _apposed_group(doc, c, owner, sector)
    if named is not None:
        return named
    for m in doc[c.end - 1].children:
        if m.dep_ == "amod" and m.lower_ == "led" and m.i < c.end - 1:
            # "Hamas-led militants": the armed group that leads them (a state's is its
            # forces already: "Saudi-led coalition jets")
            leader = next((owner[g.i] for g in m.children if g.i in owner), None)
            if leader is not None and leader.get("sector_code") in NON_STATE_ARMED and sector in NON_STATE_ARMED | {None}:
                return leader
        if m.dep_ == "amod" and m.lower_ in RUNNING_PARTICIPLES and m.i < c.end - 1 and sector in HOME_SECTORS:
            # "the Houthi-controlled interior ministry": a body of the runner's country
            runner = next((owner[g.i] for g in m.children if g.i in owner), None)
            if runner is not None and runner.get("country_code") not in (None, *PSEUDO_COUNTRIES):
                return country_sector_actor(lex, runner["country_code"], sector)
    poss = next((m for m in doc[c.end - 1].children if m.dep_ == "poss" and m.pos_ in ("NOUN", "PROPN")), None)
    if poss is not None and (sector in NON_STATE_ARMED | {"UAF"} or doc[c.end - 1].lemma_.lower() in ARMED_HEADS):
        # "the group's fighters", "the militia's gunmen": the men of the group that noun
        # stands for, as "its fighters" are
        held = next((m["actor"] for m in reversed(resolved or []) if m["start"] <= poss.idx < m["end"]), None)
        if held is not None and held.get("sector_code") in NON_STATE_ARMED:
            return held
    if poss is not None and sector in STATE_FORCES | {"GOV"}:
        # "the European Union's naval force", "the African Union's mission": an international
        # body's force acts as that body (it has no country whose force it could be)
        held = next((m["actor"] for m in reversed(resolved or []) if m["start"] <= poss.idx < m["end"]), None)
        if held is not None and held.get("sector_code") == "IGO":
            return held
    # ("Police repulsed the attack, killing 2 militants": a count of the group's men told
    # before is of that group, as "the militants" are; not of a state's forces, where either
    # side's men may be meant)
    counted = sector not in STATE_FORCES and any(ch.dep_ == "nummod" for ch in doc[c.end - 1].children)
    if back and det in ("the", "these", "those") and _to_doer(doc, lex, c):
        # "Unidentified gunmen shot dead an official. The attackers fled": the doer named last,
        # named or not, rather than the last group the story named as one
        prev = _latest_doer(doc, back | {"UAF"}, resolved or [])
        if prev is not None:
            return prev
    if back and det in ("the", "these", "those", "this", "that"):
        described = _described_as(doc, c, back, resolved or [])
        if described is not None:
            return described
    if back and (det in ("the", "these", "those", "this", "that") or counted):
        prev = _referred(doc, lex, c, back, recent, doers)
        if prev is not None:
            return prev
    if back and back <= STATE_FORCES | {"PRM"} and det not in ("our", "my", "its", "their"):
        # "officers": police or soldiers, whichever the story has named last (the force, not
        # a person of it: "officers" after "police commander George Seda" are Kenya's police);
        # "volunteers" after the VDP are the VDP
        for m in reversed(resolved or []):
            prev = m["actor"]
            if prev.get("sector_code") not in back or doc_text(doc)[m["start"]:m["end"]].split()[-1].lower() \
                    in PLATFORM_HEADS:
                continue   # (not the drones of "attacked a police patrol with drones, wounding 3 officers")
            if prev.get("actor_kind") != "person":
                return prev
            if prev.get("country_code") not in (None, *PSEUDO_COUNTRIES):
                return country_sector_actor(lex, prev["country_code"], prev["sector_code"])
    if not sector:
        return None
    if sector != "GOV" and any(m.dep_ == "amod" and m.lower_ in FOREIGN_WORDS for m in doc[c.end - 1].children):
        # "a convoy of foreign troops near Kabul airport", "foreign fighters": not of the place
        # or story they are in, and the text does not say whose
        return generic_sector_actor(lex, sector)
    if doc[c.end - 1].lower_ in MULTINATIONAL_NOUNS and c.end - c.start == 1 and not any(
            ch.dep_ in ("det", "amod", "compound", "nmod", "poss", "prep") for ch in doc[c.end - 1].children):
        # "a coalition drone struck ...", "coalition jets": a bare coalition is many states'
        # forces, none of them the story's country's army ("the US-led coalition", "the
        # coalition" told before and "a coalition of rebel groups" say whose)
        return generic_sector_actor(lex, sector)
    if det in ("our", "my") and sector in UNARMED_SECTORS:
        return None   # "Our men repelled the attackers," the police spokesman said: the speaker's, unnamed
    head = doc[c.end - 1]
    if c.start == head.i and head.dep_ == "conj" and head.head.i < head.i and head.head.pos_ in ("NOUN", "PROPN"):
        # "Israeli troops and settlers", "Iraqi soldiers and police": a bare noun coordinated
        # with one that a country's name or demonym modifies is of that country too
        code = next((code for m in head.head.children if m.dep_ in ("amod", "compound", "nmod")
                     and m.i < head.head.i for code in [_ref_code(m, refs)] if code), None)
        if code is not None and code not in PSEUDO_COUNTRIES:
            return country_sector_actor(lex, code, sector)
    speaker = _clause_speaker(doc[c.end - 1], resolved or [], owner if det == "our" else None) \
        if det in ("its", "their", "our") else None
    if speaker is not None:
        # "the army said its forces had repelled an RSF attack": the speaker's own, whoever the
        # story named last
        if speaker.get("sector_code") in (sector, *NON_STATE_ARMED) or not speaker.get("country_code") \
                or speaker["country_code"] in PSEUDO_COUNTRIES:
            return speaker
        return country_sector_actor(lex, speaker["country_code"], sector)
    if sector in STATE_FORCES and not any(ch.dep_ in ("det", "poss") and ch.lower_ != "the"
                                          for ch in doc[c.end - 1].children):
        said = _clause_speaker(doc[c.end - 1], resolved or [])
        if said is not None and said.get("sector_code") in SPEAKING_BODIES \
                and said.get("country_code") not in (None, *PSEUDO_COUNTRIES):
            # "Russia's defence ministry said air defences had destroyed 57 drones": the forces
            # a state's body tells of, with no word of whose, are that state's
            return country_sector_actor(lex, said["country_code"], sector)
    # (past bodies the text names with no codes: "JNIM claimed the attack in a statement shared
    # by the SITE Intelligence Group. It said its fighters ...")
    last = next((r for r in reversed(recent) if r.get("sector_code") or r.get("country_code")), None)
    if det in ("its", "their") and last is not None and last.get("sector_code") in NON_STATE_ARMED \
            and (sector in {"REB", "UAF", last["sector_code"]} or doc[c.end - 1].lemma_.lower() in ARMED_HEADS):
        # "Hamas said its fighters destroyed two tanks", "the RSF said its forces attacked army
        # camps": the group's own, the group
        return last
    if det in ("its", "their") and recent and recent[-1].get("country_code") not in (None, *PSEUDO_COUNTRIES):
        # "Bosnian Serbs said their forces had withdrawn": the forces of the actor just named
        return country_sector_actor(lex, recent[-1]["country_code"], sector)
    # "police in Lagos", "opposition groups in Zimbabwe": the country of the place the noun
    # phrase is attached to
    head = doc[c.end - 1]
    while head.dep_ in ("compound", "amod") and head.head.i > head.i and head.head.i - c.end < 2:
        head = head.head
    subject = head
    while subject.dep_ in ("compound", "amod", "nmod", "poss", "appos", "conj", "nummod") and subject.head.i != subject.i:
        subject = subject.head
    acting = subject.dep_ in ("nsubj", "csubj") or (subject.dep_ == "pobj" and subject.head.dep_ == "agent")
    # (where ministers of many countries meet is no country of theirs; nor is where weapons
    # strike theirs: "artillery fire in El Fasher", "drone strikes in Kursk")
    weapon = doc[c.end - 1].lower_ in PLATFORM_HEADS or doc[c.end - 1].lemma_.lower() in PLATFORM_HEADS
    for prep in head.children if not _ministers_of_many(doc[c.end - 1]) else ():
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "from", "throughout", "across") \
                and not (weapon and prep.lower_ not in ("of", "from")):   # ("warplanes of the US" say whose)
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                # "the government of Sindh province": the place may be a modifier of the object
                if prep.lower_ in ("of", "from") and obj.i in owner and owner[obj.i].get("sector_code") == sector \
                        and owner[obj.i].get("actor_kind") != "person":
                    return owner[obj.i]   # "two soldiers of the FARDC": the force named
                for t in [obj] + [t for t in obj.lefts if t.dep_ in ("compound", "amod")]:
                    code = _country_of_token(doc, t, refs, place_mentions)
                    if code is None and t.i in owner and owner[t.i]["actor_kind"] == "person":
                        code = owner[t.i]["country_code"]
                        code = code if code not in PSEUDO_COUNTRIES else None
                    if code:
                        enemy = _enemy_forces(subject, sector, recent, resolved or [], {code}) \
                            if sector in STATE_FORCES and not acting else None
                        return country_sector_actor(lex, enemy or code, sector)
    if det == "the" and c.end - c.start == 1 and sector in STATE_FORCES | NON_STATE_ARMED | {"CRM", "UAF"}:
        # "the European Union's naval force said ... the force, known as Atalanta, said",
        # "Somali pirates hijacked ... the pirates": a bare "the force" is the one the text named
        # with that noun and a word of whose (not the forces of the story's main country)
        # (not a rebel army for "the army": "the White Army overran a base ... The army said
        # it had bombarded White Army positions" is the state's)
        same = next((m["actor"] for m in reversed(resolved or []) if m["actor"].get("actor_kind") != "person"
                     and m["actor"].get("country_code")
                     and not (sector in STATE_FORCES and m["actor"].get("sector_code") in NON_STATE_ARMED)
                     for h in [_head_at(doc, m)] if h is not None and h.lemma_.lower() == doc[c.start].lemma_.lower()
                     and any(x.dep_ in ("amod", "compound", "poss") for x in h.children)), None)
        if same is not None:
            return same
    if (sector in HOME_SECTORS | STATE_FORCES or c.actor.get("_home")) and doc[c.end - 1].lemma_.lower() not in ABROAD_NOUNS \
            and not _ministers_of_many(doc[c.end - 1]) and not _many_states(doc[c.end - 1]):
        fronted, as_country = _fronted_country(doc, doc[c.start].sent, place_mentions) or (None, False)
        if fronted is not None and (sector in HOME_SECTORS | {"COP"} or c.actor.get("_home") or main in (None, fronted)
                                    or as_country):
            # "In Saudi Arabia, authorities executed two men", "In Uganda, the army said ...": a
            # round-up's paragraph opened by its country; its bodies are that country's (but
            # soldiers may act abroad: "In Lebanon, troops shelled ..." in a story about Israel
            # are not Lebanon's on that word alone)
            return country_sector_actor(lex, fronted, sector)
    if (sector in HOME_SECTORS or c.actor.get("_home")) and main and doc[c.end - 1].lemma_.lower() not in ABROAD_NOUNS \
            and not _ministers_of_many(doc[c.end - 1]) and not _many_states(doc[c.end - 1]):
        sent = doc[c.start].sent
        here = _places_where(doc, place_mentions, sent.start_char, sent.end_char)
        there = {p["country_code"] for p in here}
        opening = paragraph_start(doc_text(doc), sent.start_char)
        told = _places_where(doc, place_mentions, opening, sent.start_char) if not there else []
        scene = {p["country_code"] for p in told}
        local = sector == "GOV" and (any(m.dep_ in ("amod", "compound") and m.lower_ in LOCAL_WORDS
                                         for m in doc[c.end - 1].children)
                                     or doc[c.end - 1].lemma_.lower() in LOCAL_OFFICES)
        if local and len(there) == 1 and main not in there:
            # "In Sumy, regional authorities said ...": the sentence's place's own
            return country_sector_actor(lex, next(iter(there)), sector)
        towns = {p["country_code"] for p in here if not str(p.get("feature_code") or "").startswith("PCL")}
        if local and len(towns) == 1 and main not in towns:
            # "Russia attacked Odesa ..., the mayor said": a town's or province's office is of
            # the towns the sentence names, not of the country that acts on them
            return country_sector_actor(lex, next(iter(towns)), sector)
        if len(scene) == 1 and main not in scene and (local or any(
                (p.get("feature_code") or "").startswith(("PCL", "ADM1", "PPLC")) for p in told)):
            # "On 3 May, men set fire to a bus in Kumasi, Ghana. Police said they had arrested
            # three youths": the police of the paragraph's one country, named as a country, a
            # province or its capital, in a round-up whose main country is another (not when
            # the paragraph names the main one too, nor on one town's word, unless the body is
            # a local one: "Russian forces struck Sumy ... Regional authorities reported 9
            # injured")
            return country_sector_actor(lex, scene.pop(), sector)
        if sector == "COP" and acting and len(there) == 1 and main not in there:
            # "police dispersed students in Port Moresby", in a round-up whose main country is
            # another: police act at home, so they are the police of the sentence's one country
            # (soldiers may act abroad: "troops shelled villages in Lebanon")
            return country_sector_actor(lex, next(iter(there)), sector)
        if sector in ACTED_ON_AT_HOME and not acting and len(there) == 1 and main not in there \
                and _stands_in(doc, doc[c.end - 1], place_mentions, there):
            # "students marched on parliament in Jakarta", in a story mostly about another
            # country: an institution acted on where its clause says is that place's
            return country_sector_actor(lex, next(iter(there)), sector)
        if not (sector in STATE_FORCES and not acting and len(there) == 1 and main not in there):
            return country_sector_actor(lex, main, sector)
        # ("rioters burned a police station in Rangpur" in a story mostly about Kenya: the
        # police of the place acted on, below)
    if sector in STATE_FORCES and not acting and subject.dep_ == "dobj" and subject.head.lemma_.lower() in DEPLOYING_VERBS:
        # "Uganda sent special forces to Juba", "Venezuela has deployed troops along its coast":
        # the forces a state sends are its own, wherever they go
        doer = _clause_doer(subject, resolved or [])
        if doer is not None and doer.get("actor_kind") == "state" \
                and doer.get("country_code") not in (None, *PSEUDO_COUNTRIES):
            return country_sector_actor(lex, doer["country_code"], sector)
    if sector in STATE_FORCES and not acting and doc[c.end - 1].dep_ == "compound":
        # "the Israeli army responded with artillery fire on Kfar Kila": the guns of the doer
        doer = _clause_doer(subject, resolved or [])
        if doer is not None and doer.get("sector_code") == sector and doer.get("country_code"):
            return doer
    if sector == "ETH" and (det == "the" or doc[c.start].is_sent_start or not doc[c.start - 1].is_alpha):
        # "Israeli settlers attacked farmers near Ramallah. Settlers also torched two cars":
        # a communal group told again is the people the story named it by, not of the place
        # where it acts
        named = next((a for a in reversed(recent) if a.get("sector_code") == "ETH"
                      and a.get("country_code") not in (None, *PSEUDO_COUNTRIES)), None)
        if named is not None:
            return named
    if sector in LOCAL_SECTORS or (sector in STATE_FORCES and not acting):
        # "Hundreds of people blocked streets in Hong Kong": where they act, when the sentence
        # names places of one country only; and so for soldiers or police who are acted on
        # ("killed 21 soldiers in an ambush in western Niger"), not for those who act, who
        # may be foreign ("troops shelled villages in Lebanon")
        sent = doc[c.start].sent
        text = doc_text(doc)

        def codes_in(span, acting: bool = True) -> set[str]:
            return {pm["place"]["country_code"] for pm in place_mentions
                    if pm.get("place") and pm.get("mention_kind", "name") == "name"
                    and pm["place"].get("country_code") and span.start_char <= pm["start"] < span.end_char
                    # "Ukraine's air force shot down drones": whose the shooters are, not whose the drones
                    and not (sector in STATE_FORCES and text[pm["end"]:pm["end"] + 2] in ("'s", "’s"))
                    # "the attackers' positions near the border with Niger": the neighbour's name
                    and not _across_border(doc, pm)
                    # "rebels shot a New Zealand pilot": the pilot's country, not the scene's
                    and not _names_whose_person(doc, pm)
                    # "Israel struck targets in southern Lebanon, killing two people": the
                    # state acting, not where (see below)
                    and (acting or not _state_acting(doc, pm))
                    # "20 people were killed in US strikes": whose the strikes are
                    and not _doer_of_act(doc, pm)
                    # ("which the United States has designated a terrorist organisation")
                    and not _designating_state(doc, pm)
                    # "cancelled a trip to China and ordered police to act": where one goes
                    and not _destination(doc, pm)
                    # "the Islamic State of Iraq ... targeting a military installation": a word
                    # of a group's name, not a place the sentence tells of
                    and not _in_body_name(doc, pm, owner)}
        codes = codes_in(sent)
        if sector in UNARMED_SECTORS | {"REF", "MED", "JRN"} and len(codes) > 1:
            # unarmed people where a state acts abroad are of the place it acts in, not of the
            # state ("Israel struck ... in southern Lebanon, killing two people"); forces and
            # agents stay the acting state's ("France will contribute troops to a force in
            # Liberia", "North Korea has trained hackers ... against the United States")
            codes = codes_in(sent, acting=False) or codes
        if sector in STATE_FORCES and len(codes) <= 1:
            enemy = _enemy_forces(subject, sector, recent, resolved or [], codes)
            if enemy is not None:
                return country_sector_actor(lex, enemy, sector)
        before = _sentence_before_in_paragraph(doc, sent)
        if not codes and sector in LOCAL_SECTORS and before is not None:
            # "A car bomb exploded in Azaz. 5 people were killed.": the scene of the sentence
            # before, in the same paragraph, when this one names no place
            codes = codes_in(before)
        if not codes and sector in LOCAL_SECTORS and main:
            # a story all of whose places lie in one country: its crowds and gunmen are local
            codes = codes_in(doc[:])
            codes = codes if codes == {main} else set()
        if not codes and sector in LOCAL_SECTORS and not acting:
            # "Turkish police detained 37 people in raids across 12 provinces": with no place
            # to say otherwise, a police force acts on the people at home
            doer = _clause_doer(subject, resolved or [])
            if doer is not None and doer.get("sector_code") == "COP" \
                    and doer.get("country_code") not in (None, *PSEUDO_COUNTRIES):
                return country_sector_actor(lex, doer["country_code"], sector)
        if len(codes) == 1:
            return country_sector_actor(lex, codes.pop(), sector)
        if sector in STATE_FORCES and main in codes:
            # "in western Niger near the border with Mali", in a story about Niger
            return country_sector_actor(lex, main, sector)
        if sector in STATE_FORCES and not codes and main and main not in PSEUDO_COUNTRIES:
            # "the RSF said its forces attacked three army camps in the area": the forces a
            # rebel group fights in a story about one country, with no place to say otherwise,
            # are that country's
            doer = _clause_doer(subject, resolved or [])
            if doer is not None and doer.get("sector_code") in NON_STATE_ARMED | {"UAF"}:
                return country_sector_actor(lex, main, sector)
        if sector in STATE_FORCES and not codes and det == "the":
            # "... raped by soldiers of the FARDC. The soldiers were later arrested": "the"
            # refers back to the forces of that kind the story named, when of one country only
            named = _named_forces(recent, sector)
            if len(named) == 1:
                return country_sector_actor(lex, named.pop(), sector)
    if sector == "MIL" and acting and _intercepts(subject):
        # "Russia launched 40 drones at Ukraine. Air defence units shot down 30 of them": the
        # forces that stop the weapons defend the country they were aimed at, the one where the
        # paragraph (else the one before) places the strikes
        sent = doc[c.start].sent
        text = doc_text(doc)
        opening = paragraph_start(text, sent.start_char)
        nxt = BLANK_LINE.search(text, sent.end_char)
        for lo, hi in ((opening, nxt.start() if nxt else len(text)),
                       (paragraph_start(text, max(0, opening - 2)), opening)):
            # (where weapons were launched at counts: "launched 40 drones at Ukraine")
            codes = {pm["place"]["country_code"] for pm in place_mentions if pm.get("place")
                     and pm.get("mention_kind", "name") == "name" and pm["place"].get("country_code")
                     and lo <= pm["start"] < hi and not _across_border(doc, pm) and not _state_acting(doc, pm)}
            if len(codes) == 1:
                return country_sector_actor(lex, codes.pop(), sector)
            if codes:
                break
    if sector in STATE_FORCES:
        # "The Israeli military said ... In southern Gaza, tanks pushed deeper into Rafah": the
        # story's forces of that kind, when it has named those of one country only (and forces
        # acted on or speaking, "eight soldiers were killed", "the army said", when that country
        # is the story's and every place it names lies there)
        named = _named_forces(recent, sector)
        if len(named) == 1 and (acting or (named == {main} and _story_places(doc, place_mentions) == {main})):
            return country_sector_actor(lex, named.pop(), sector)
        if not acting and not named and main and main not in PSEUDO_COUNTRIES \
                and _story_places(doc, place_mentions) == {main} and not {
                    a["country_code"] for a in [*recent, *owner.values()] if a.get("country_code")
                    and a["country_code"] not in PSEUDO_COUNTRIES} - {main}:
            return country_sector_actor(lex, main, sector)
    if sector in STATE_FORCES and acting:
        if (main in named or (not named and det == "the")) and main not in PSEUDO_COUNTRIES:
            # "... expelled French troops. ... soldiers repelled an attack near Ouallam": of the
            # forces named, those of the story's country, when it is the only one the sentence
            # has places in (and "the army said it had bombarded positions around Nasir", no
            # forces named yet: the army of the story's country, where it acts)
            sent = doc[c.start].sent
            here = {pm["place"]["country_code"] for pm in place_mentions if pm.get("place")
                    and pm["place"].get("country_code") and sent.start_char <= pm["start"] < sent.end_char}
            if here == {main}:
                return country_sector_actor(lex, main, sector)
        if not named and main and main not in PSEUDO_COUNTRIES and doc[c.end - 1].lower_ not in PLATFORM_HEADS:
            # "soldiers detained three suspects outside Celaya" in a story whose every place
            # and named actor is of one country: that country's forces
            # (a group across borders does not make them foreign: JNIM, coded to Mali, in a
            # story about Burkina Faso)
            # (nor do another country's civilians, traders or medics: "medics at the Saudi hospital")
            others = {a["country_code"] for a in [*recent, *owner.values()] if a.get("country_code")
                      and a["country_code"] not in PSEUDO_COUNTRIES
                      and a.get("sector_code") not in NON_STATE_ARMED | UNARMED_SECTORS | {"UAF", "MED", "JRN"}} - {main}
            where = _story_places(doc, place_mentions)
            # (nor a country named only across a border: "positions near the border with Niger")
            others -= _story_places(doc, place_mentions, across=True) - where
            if not others and where == {main}:
                return country_sector_actor(lex, main, sector)
    if sector == "COP" and acting:
        # "police fired tear gas at students in Bujumbura", in a round-up of several countries:
        # police act at home, so they are the police of the sentence's one country, or of the
        # sentence before in the paragraph when this one names no place ("a mob lynched a man
        # in Kibera. Police recovered the body.")
        sent = doc[c.start].sent
        before = _sentence_before_in_paragraph(doc, sent)
        there = {p["country_code"] for p in _places_where(doc, place_mentions, sent.start_char, sent.end_char)}
        if not there and before is not None:
            there = {p["country_code"] for p in _places_where(doc, place_mentions, before.start_char, before.end_char)}
        if len(there) == 1:
            return country_sector_actor(lex, there.pop(), sector)
    if sector in STATE_FORCES:
        # "a joint team of the Army, CRPF and J&K Police": forces listed with a state's own
        # forces or organs are that state's
        partners = {a["country_code"] for t in head.conjuncts for a in [owner.get(t.i)]
                    if a is not None and a.get("sector_code") in STATE_FORCES | {"GOV", "SPY"} and a.get("country_code")
                    and a["country_code"] not in PSEUDO_COUNTRIES}
        if len(partners) == 1:
            return country_sector_actor(lex, partners.pop(), sector)
    return generic_sector_actor(lex, sector)


def _stands_in(doc: Doc, noun: Token, place_mentions: list[dict], codes: set[str]) -> bool:
    """Whether a place of one of `codes` is where the clause of `noun` is ("marched on
    parliament in Jakarta", "the court in Istanbul"): after "in", "at", "outside" or "inside",
    hung on the noun, the verb it depends on, or that verb's head."""
    clause = {noun.i, noun.head.i, noun.head.head.i}
    for pm in place_mentions:
        if not pm.get("place") or pm["place"].get("country_code") not in codes:
            continue
        span = doc.char_span(pm["start"], pm["end"], alignment_mode="expand")
        tok = span.root if span is not None else None
        if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "outside", "inside") \
                and tok.head.head.i in clause:
            return True
    return False


def _fronted_country(doc: Doc, sent: Span, place_mentions: list[dict]) -> tuple[str, bool] | None:
    """The country of the place a sentence of this paragraph (this one or one before it) opens
    with as "In <place>," ("In Saudi Arabia, authorities ...", "In Kenya's capital Nairobi,
    police ..."), and whether a place there names that country as such (a round-up's "In
    Uganda,"); or None: the scene the paragraph sets for all it tells."""
    text = doc_text(doc)
    opening = paragraph_start(text, sent.start_char)
    for s in reversed([x for x in doc.sents if opening <= x.start_char <= sent.start_char]):
        first = doc[s.start]
        if first.lower_ != "in" or s.start + 1 >= len(doc):
            continue
        comma = next((t for t in doc[s.start + 1:min(s.end, s.start + 8)] if t.text == ","), None)
        if comma is None:
            continue
        k = s.start + 2 if doc[s.start + 1].lower_ == "the" else s.start + 1
        if k >= len(doc) or not any(pm.get("place") and pm["start"] == doc[k].idx for pm in place_mentions):
            continue   # (the place right after "In": not "In his haste to leave Syria, Trump ...")
        here = [p for pm in place_mentions if pm.get("place") and pm.get("mention_kind", "name") == "name"
                and s.start_char < pm["start"] < comma.idx for p in [pm["place"]] if p.get("country_code")]
        codes = {p["country_code"] for p in here}
        if len(codes) == 1:
            return codes.pop(), any(str(p.get("feature_code") or "").startswith("PCL") for p in here)
    return None


def _places_where(doc: Doc, place_mentions: list[dict], lo: int, hi: int) -> list[dict]:
    """The places, with a country, that name mentions between characters lo and hi give as
    where people are: not a neighbour across a border, a state that designates, nor where a
    trip or a vehicle was bound."""
    return [pm["place"] for pm in place_mentions
            if pm.get("place") and pm.get("mention_kind", "name") == "name" and pm["place"].get("country_code")
            and lo <= pm["start"] < hi and not _across_border(doc, pm)
            and not _designating_state(doc, pm) and not _destination(doc, pm) and not _doer_of_act(doc, pm)]


def _seat_after(doc: Doc, end: int, place_mentions: list[dict]) -> str | None:
    """The country of a place named right after a body's name with "in" ("the Ministry of
    Education in Dhaka"), or None."""
    if end + 1 >= len(doc) or doc[end].lower_ != "in":
        return None
    at = doc[end + 1].idx
    return next((pm["place"]["country_code"] for pm in place_mentions if pm.get("place") and pm["start"] == at
                 and pm.get("mention_kind", "name") == "name" and pm["place"].get("country_code")), None)


def _sentence_before_in_paragraph(doc: Doc, sent: Span) -> Span | None:
    """The sentence before `sent` when no blank line parts them, else None."""
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    gap = doc_text(doc)[before.start_char:sent.start_char]
    return None if BLANK_LINE.search(gap[len(gap.rstrip()):]) else before


def _in_body_name(doc: Doc, pm: dict, owner: dict[int, dict]) -> bool:
    """Whether a place mention lies inside the name of a body coded to another country than the
    place's, a pseudo-country included ("the Islamic State of Iraq", IMG: a militant group
    across borders): the name says nothing of where its sentence is. A body of the place's own
    country, or of no known one, keeps it ("a U.S. helicopter", "drivers of the Lagos Metro
    Transport Company")."""
    span = doc.char_span(pm["start"], pm["end"], alignment_mode="expand")
    a = owner.get(span.start) if span is not None else None
    return a is not None and a.get("actor_kind") == "organization" and a.get("country_code") is not None \
        and a["country_code"] != pm["place"]["country_code"]


# Verbs by which forces stop weapons ("shot down 30 drones", "intercepted two missiles"), and
# what they stop: the event coder's lists in events_words.csv ("them": weapons told just before).
_EVENT_WORDS = read_word_sets(DATA_DIR / "events_words.csv")
INTERCEPT_VERBS = _EVENT_WORDS["intercept"] | {"destroy", "repel"}
STOPPED_WEAPONS = _EVENT_WORDS["weapon_object"] | {"shahed", "them"}


def _intercepts(subject: Token) -> bool:
    """Whether forces are the subject of stopping weapons ("shot down 97 of the drones",
    "intercepted four missiles")."""
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    if not (lemma in INTERCEPT_VERBS or (lemma == "shoot" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "down"
                                                                   for c in verb.children))):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in STOPPED_WEAPONS or o.lower_ in STOPPED_WEAPONS for o in objects)


def _story_places(doc: Doc, place_mentions: list[dict], across: bool = False) -> set[str]:
    """The countries of the places a story tells of: not the dateline's town, where the
    reporter files from ("CAIRO ... - ... El Fasher"), nor (unless `across`) a country named
    only across a border ("positions near the border with Niger"), nor where a trip goes ("a
    trip to China"); the dateline's when the story names no other place."""
    dateline = _dateline_span(doc) or (0, 0)
    placed = [pm for pm in place_mentions if pm.get("place") and pm["place"].get("country_code")
              and (across or not _across_border(doc, pm)) and not _destination(doc, pm)
              and not _origin_of_goods(doc, pm)]
    # (a story that names no place but its dateline's is set there: "ANTANANARIVO, Madagascar")
    return {pm["place"]["country_code"] for pm in placed if not dateline[0] <= pm["start"] < dateline[1]} \
        or {pm["place"]["country_code"] for pm in placed}


# What comes before the name of the country across a border ("near the border with Niger",
# "Nigeria's frontier with Cameroon"): the neighbour, not where the people are. The border
# nouns are the events' word set `border` (events_words.csv).
_BORDER_NOUNS = sorted(r["word"] for r in read_csv_rows(DATA_DIR / "events_words.csv") if r["set"] == "border")
ACROSS_BORDER = re.compile(r"\b(?:" + "|".join(map(re.escape, _BORDER_NOUNS)) + r")s?(?:\s+[a-z]+)?\s+with\s+(?:the\s+)?$",
                           re.IGNORECASE)   # (and "the border region with Venezuela")


def _across_border(doc: Doc, pm: dict) -> bool:
    """Whether a place mention names the country across a border (see ACROSS_BORDER), also as
    a later name of a list ("the border with Rwanda and Burundi")."""
    if ACROSS_BORDER.search(doc_text(doc)[max(0, pm["start"] - 25):pm["start"]]) is not None:
        return True
    span = doc.char_span(pm["start"], pm["end"], alignment_mode="expand")
    return span is not None and across_a_border(doc, span.start, located=True)


REPORTING_LEMMAS = frozenset(r["lemma"] for r in read_csv_rows(DATA_DIR / "events_reporting_verbs.csv"))
# Nouns for one person ("a pilot", "an engineer"); a place that modifies one says whose the
# person is, not where an act happened ("rebels shot a New Zealand pilot").
PERSON_NOUNS = frozenset(r["noun"] for r in read_csv_rows(DATA_DIR / "events_person_nouns.csv"))
# Event nouns of the trigger lexicon: a sentence's capitalised first word among them is no name.
EVENT_NOUNS = frozenset(r["lemma"] for r in read_csv_rows(DATA_DIR / "event_triggers.csv") if r["pos"] == "NOUN")


# Nouns of going somewhere, and verbs that call a trip off: whose "to" names a place no one
# went to, not where people are.
TRAVEL_NOUNS = {"trip", "visit", "journey", "tour", "flight", "voyage", "travel", "pilgrimage"}
CALL_OFF_VERBS = {"cancel", "postpone", "scrap", "delay", "abandon", "suspend", "shelve"}
# Vehicles and routes whose "to" is where they are bound ("a bus to France").
CARRIER_NOUNS = {"bus", "train", "ferry", "flight", "plane", "boat", "ship", "coach", "ticket"}


def trip_called_off(tok: Token) -> Token | None:
    """The verb that called a trip off, when `tok` (the head of a place's phrase) is where the
    trip would have gone ("cancelled a trip to China": "cancelled"); else None. The events read
    it too: the place is no scene of the act joined to that verb."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "to" or tok.head.head.lemma_.lower() not in TRAVEL_NOUNS:
        return None
    off = tok.head.head.head
    return off if off.lemma_.lower() in CALL_OFF_VERBS else None


def _phrase_top(doc: Doc, pm: dict) -> Token | None:
    """The head of the phrase a place mention stands in, past the names joined to it ("from
    Senegal and Ivory Coast": "Senegal"), or None when the mention is no span of tokens."""
    span = doc.char_span(pm["start"], pm["end"], alignment_mode="expand")
    return _top_of(span.root) if span is not None else None


def _top_of(t: Token) -> Token:
    """The head of the phrase a word stands in, past the names joined to it."""
    while t.dep_ in ("conj", "appos", "compound") and t.head.i != t.i:
        t = t.head
    return t


def _origin_of_goods(doc: Doc, pm: dict) -> bool:
    """Whether a place is only where things or people on the move come from ("fuel convoys
    heading to Bamako from Senegal and Ivory Coast", "fighters from Chad"): the story happens
    where they go or act, not there."""
    t = _phrase_top(doc, pm)
    if t is None or t.dep_ != "pobj" or t.head.lower_ != "from":
        return False
    by = t.head.head
    return by.pos_ in ("NOUN", "PROPN") or (by.tag_ == "VBG" and by.dep_ in ("acl", "amod"))


def _destination(doc: Doc, pm: dict) -> bool:
    """Whether a place is where a trip called off would have gone ("cancelled a trip to China"),
    where a vehicle someone boards is bound ("tried to board a bus to France"), or where people
    fled to ("fled to Chad"): not where the story's people are."""
    t = _phrase_top(doc, pm)
    if t is None:
        return False
    if t.dep_ == "pobj" and t.head.lower_ == "to" and ((t.head.head.pos_ == "NOUN"
                                                        and t.head.head.lemma_.lower() in CARRIER_NOUNS) or any(
            c.dep_ == "dobj" and c.lemma_.lower() in CARRIER_NOUNS for c in t.head.head.children)):
        return True   # (however the "to" is hung: "board a bus to France")
    if t.dep_ == "pobj" and t.head.lower_ in ("to", "into", "towards", "toward") \
            and t.head.head.lemma_.lower() in _EVENT_WORDS["flight"]:
        return True   # "fled to Chad after clashes between the army and the RSF": where they went
    return trip_called_off(t) is not None


def _state_acting(doc: Doc, pm: dict) -> bool:
    """Whether a country's name is the subject of its clause ("Israel struck ...", "Russia
    said") or says whose a thing is ("a U.S. request"): the state acting, not a place of the
    scene."""
    span = doc.char_span(pm["start"], pm["end"], alignment_mode="expand")
    if span is None or not (pm["place"].get("feature_code") or "").startswith("PCL"):
        return False
    t = span.root
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head   # ("Thailand and Cambodia exchanged fire": both act)
    return t.dep_ in ("nsubj", "nsubjpass", "compound", "poss", "amod", "nmod")


def _doer_of_act(doc: Doc, pm: dict) -> bool:
    """Whether a country's name modifies an event noun ("killed in US strikes", "Russia's
    shelling"): the state that acts, not where the people it hit are."""
    if not _state_acting(doc, pm):
        return False
    tok = doc.char_span(pm["start"], pm["end"], alignment_mode="expand").root
    return tok.dep_ != "nsubj" and tok.head.i > tok.i and tok.head.lemma_.lower() in EVENT_NOUNS


def _designating_state(doc: Doc, pm: dict) -> bool:
    """Whether a country's name is the subject of a relative clause ("The Viv Ansanm coalition,
    which the United States has designated a terrorist organisation, set fire to a police
    station"): a state acting in a clause that describes something else, no place of the scene."""
    if not _state_acting(doc, pm):
        return False
    span = doc.char_span(pm["start"], pm["end"], alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.dep_ == "relcl"


def _names_whose_person(doc: Doc, pm: dict) -> bool:
    """Whether a place mention modifies a person noun after it ("a New Zealand pilot")."""
    span = doc.char_span(pm["start"], pm["end"], alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i and tok.head.pos_ == "NOUN" \
        and tok.head.lemma_.lower() in PERSON_NOUNS


def _clause_speaker(head: Token, resolved: list[dict], own: dict[int, dict] | None = None) -> dict | None:
    """The group or state that says the clause a noun is the subject of ("the army said its
    forces had repelled ..."): the actor found as the subject of the verb of saying above it;
    not a person (whose "its" is some body's). For "our forces", `own` maps tokens to the
    named actors of the whole text: a person speaking for a body named with them is that body
    ("'Our forces have liberated Walikale,' M23 spokesman Lawrence Kanyuka said")."""
    t = head
    while t.dep_ in ("compound", "amod", "nmod", "poss") and t.head.i != t.i:
        t = t.head
    clause = t.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head   # ("Pakistan said that ..., and that its forces had shot down ...")
    if t.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_LEMMAS:
        said = _said_by_itself(t)
        if said is None:
            return None
        clause = said.head
    subj = next((x for x in clause.head.children if x.dep_ == "nsubj"), None)
    if subj is None:
        return None
    actor = next((m["actor"] for m in resolved if m["start"] <= subj.idx < m["end"]), None)
    if own is not None and (actor is None or actor.get("actor_kind") == "person"):
        actor = next((own[t.i] for t in subj.subtree if t.i in own and own[t.i].get("actor_kind") != "person"), actor)
    return actor if actor is not None and actor.get("actor_kind") != "person" else None


def _said_by_itself(tok: Token) -> Token | None:
    """The subject "it" or "they" of a reported clause that holds `tok` deeper down ("the
    military said it had targeted militants planning attacks on its troops"): that pronoun is
    the speaker, and so is the "its" of a noun inside the clause. None otherwise."""
    for clause in list(tok.ancestors)[:10]:
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING_LEMMAS:
            own = next((x for x in clause.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            return own if own is not None and own.lower_ in ("it", "they") else None
    return None


def _clause_doer(np_top: Token, resolved: list[dict]) -> dict | None:
    """The actor already found as the subject of the verb whose object (or prepositional
    object) is the noun phrase topped by `np_top`; a coordinated or governed verb without a
    subject of its own takes its first conjunct's or its governor's."""
    verb = np_top.head.head if np_top.dep_ == "pobj" else np_top.head if np_top.dep_ == "dobj" else None
    # (and a verb a claim or aim governs takes its subject: "the AA claimed to have detained 40 soldiers")
    while verb is not None and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i \
            and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subj is None:
        return None
    return next((m["actor"] for m in resolved if m["start"] <= subj.idx < m["end"]), None)


def _named_forces(recent: list[dict], sector: str) -> set[str]:
    """The countries whose forces of `sector` the story has named so far (`recent` actors)."""
    return {a["country_code"] for a in recent if a.get("sector_code") == sector
            and a.get("country_code") and a["country_code"] not in PSEUDO_COUNTRIES}


# Second halves of hyphenated adjectives that make the noun before them a kind, no actor
# ("intelligence-based", "military-style").
DESCRIBING_SUFFIXES = {"based", "related", "style", "like", "free", "type", "wide", "friendly", "grade"}


# Sectors of a state's institutions, which stand where they are: one acted on in a sentence
# whose places all lie in one country is that country's ("stormed the parliament in Tbilisi").
ACTED_ON_AT_HOME = {"GOV", "LEG", "JUD"}


def _enemy_forces(np_top: Token, sector: str, recent: list[dict], resolved: list[dict],
                  codes: set[str]) -> str | None:
    """The country of bare forces a group attacks on its own ground, when the story has named
    the forces of one other country ("Hamas fighters fired mortars at troops near Kissufim",
    after "Israeli tanks"): those forces, not the group's own. None otherwise - a doer who is
    those forces ("Russian forces shelled Kharkiv, killing three soldiers"), a story naming
    none or several, or a place outside the doer's country keeps the reading by place."""
    named = _named_forces(recent, sector)
    if len(named) != 1:
        return None
    doer = _clause_doer(np_top, resolved)
    own = doer.get("country_code") if doer else None
    other = next(iter(named))
    if own in (None, other, *PSEUDO_COUNTRIES) or doer.get("sector_code") in STATE_FORCES or (codes and codes != {own}):
        return None
    return other


def _country_of_token(doc: Doc, tok: Token, refs: dict, place_mentions: list[dict]) -> str | None:
    for s, (e, code, how) in refs.items():
        if s <= tok.i < e:
            return code
    for pm in place_mentions:
        if pm["start"] <= tok.idx < pm["end"] and pm.get("place"):
            return pm["place"].get("country_code")
    return None
