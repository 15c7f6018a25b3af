"""Tests of the site generator: schema coverage, safety, downloads, snippets, determinism."""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from pipeline import schemas
from pipeline.site import DOWNLOADS, GENERATED, ROOT, generate_pages
from pipeline.site_codebook import render_codebook
from pipeline.site_pages import render_evaluation
from pipeline.site_sample import HOSTILE_TITLE, build_sample_site, write_sample_package
from pipeline.site_text import md_text



@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A whole site built from the sample package in a scratch copy of docs/."""
    root = tmp_path_factory.mktemp("site")
    build_sample_site(root)
    return root


class _Text(HTMLParser):
    """Visible text of an HTML page (what a reader sees), and every link target."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.hrefs: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag == "script":
            self._in_script = True
            self.scripts.append(a.get("src") or "")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if not self._in_script:
            self.text.append(data)


def _parse(path: Path) -> _Text:
    p = _Text()
    p.feed(path.read_text(encoding="utf-8"))
    return p


# --- the schema is fully used and fully documented -------------------------------------------

def test_every_defined_field_is_used_by_some_table():
    used = {f for spec in schemas.tables().values() for f in spec["fields"]}
    unused = sorted(set(schemas.fields()) - used)
    assert not unused, f"fields defined in fields.yaml but used by no table: {unused}"


def test_dictionary_documents_every_table_and_field(built):
    text = (built / "docs" / GENERATED / "dictionary.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.M)
    by_table = {s.split(" ", 1)[0]: s for s in sections[1:]}
    for table, spec in schemas.tables().items():
        assert table in by_table, f"no section for {table}"
        for name in spec["fields"]:
            assert f"| `{name}` |" in by_table[table], f"{table}.{name} missing"
        for fk in spec.get("foreign_keys", []):
            assert f"(#{fk['table']})" in by_table[table]


def test_dictionary_shows_null_share_and_example_from_data(built):
    text = (built / "docs" / GENERATED / "dictionary.md").read_text(encoding="utf-8")
    events = text.split("## events ")[1]
    # 1 of 4 sample events has no event_mode; every event has an event_type
    assert re.search(r"\| `event_mode` \|.*\| 25\.0% \| <code>", events)
    row = next(line for line in events.splitlines() if line.startswith("| `fatalities` |"))
    assert "| 75.0% | <code>3</code> |" in row


def test_generated_pages_are_deterministic(tmp_path):
    pkg = write_sample_package(tmp_path / "pkg")
    outs = []
    for name in ("a", "b"):
        docs = tmp_path / name
        generate_pages(pkg, docs)
        outs.append({p.relative_to(docs).as_posix(): p.read_bytes()
                     for p in sorted(docs.rglob("*")) if p.is_file()})
    assert outs[0].keys() == outs[1].keys()
    changed = [k for k in outs[0] if outs[0][k] != outs[1][k]]
    assert not changed, f"regenerating changed {changed}"


def test_generated_dictionary_in_docs_is_not_stale(made, tmp_path):
    """The dictionary make wrote into docs/ equals what the current schema and data give."""
    package, _ = made
    current = ROOT / "docs" / GENERATED / "dictionary.md"
    generate_pages(package, tmp_path / "docs")
    fresh = (tmp_path / "docs" / GENERATED / "dictionary.md").read_text(encoding="utf-8")
    assert current.read_text(encoding="utf-8") == fresh, \
        "docs/generated/dictionary.md is stale: run `make` (never edit it by hand)"


# --- safety ----------------------------------------------------------------------------------

@pytest.mark.parametrize("hostile", [
    HOSTILE_TITLE, "a | b\n| c", "*em* _u_ `code` ~~s~~ ==m== ^^i^^", "{{ x }} {% if %}",
    "<img src=x onerror=alert(1)>", "![i](http://x/y.png) <http://x>", "# heading", "&lt;b&gt;",
    '--8<-- "secret.txt"', "{: .cls #id onclick=x }",
])
def test_md_text_leaves_no_syntax(hostile):
    out = md_text(hostile)
    bare = re.sub(r"&(#[0-9]+|[a-z]+);", "", out)  # character references are inert
    assert not re.search(r"[<>\[\]()`*_|{}#~^=&\n]|--8", bare), out
    # and it decodes back to the original text (whitespace folded)
    import html
    assert html.unescape(out) == " ".join(hostile.split())


def test_hostile_title_renders_as_text_in_built_site(built):
    site = built / "site"
    shown, whole = 0, 0
    for page in site.rglob("*.html"):
        raw = page.read_text(encoding="utf-8")
        assert "<script>alert" not in raw, page
        assert 'href="javascript:' not in raw, page
        parsed = _parse(page)
        assert all(not src.startswith(("http:", "https:", "//")) for src in parsed.scripts)
        text = "".join(parsed.text)
        if 'alert("x")' in text:
            shown += 1
            assert '<script>alert("x")</script>' in text
            whole += HOSTILE_TITLE in text
    assert shown >= 2, "the sample's hostile title should appear (as text) on some pages"
    assert whole >= 1, "the whole title (link, Jinja, emphasis) should be shown verbatim"


def test_snippet_syntax_in_data_is_not_included(built):
    """A `--8<--` line in article text must not pull a file into the page."""
    text = (built / "site" / "explore" / "index.html").read_text(encoding="utf-8")
    assert "root:" not in text


# --- downloads -------------------------------------------------------------------------------

def test_downloads_hold_every_package_file_with_its_checksum(built):
    pkg = built / "package"
    dl = built / "docs" / DOWNLOADS
    page = (built / "docs" / GENERATED / "downloads.md").read_text(encoding="utf-8")
    files = ["datapackage.json"] + [f"{t}.{ext}" for t in schemas.table_names()
                                    for ext in ("csv", "parquet")]
    for name in files:
        data = (dl / name).read_bytes()
        assert data == (pkg / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() in page
        assert f"]({DOWNLOADS}/{name})" in page
    rows = len(pd.read_parquet(pkg / "events.parquet"))
    assert re.search(rf"\[<code>events\.parquet</code>\].*\| parquet \| {rows} \|", page)
    zips = list(dl.glob("*.zip"))
    assert len(zips) == 1 and hashlib.sha256(zips[0].read_bytes()).hexdigest() in page
    with zipfile.ZipFile(zips[0]) as zf:
        names = {n.split("/", 1)[1] for n in zf.namelist()}
        assert names - {"README.md"} == set(files)
        inner = next(n for n in zf.namelist() if n.endswith("/events.csv"))
        assert zf.read(inner) == (pkg / "events.csv").read_bytes()
    assert (built / "site" / DOWNLOADS / zips[0].name).is_file()
    assert (built / "site" / DOWNLOADS / "CITATION.cff").is_file()


def test_version_and_citation_on_site(built):
    version = json.loads((built / "package" / "datapackage.json").read_text())["version"]
    for page in ("index.html", "downloads/index.html"):
        assert f"Dataset version {version}" in "".join(_parse(built / "site" / page).text)
    text = "".join(_parse(built / "site" / "downloads" / "index.html").text)
    assert "@misc{" in text and "cff-version" in text


def test_home_counts_match_tables(built):
    text = (built / "docs" / GENERATED / "home.md").read_text(encoding="utf-8")
    pkg = built / "package"
    for table in ("articles", "events", "actors", "places"):
        n = len(pd.read_parquet(pkg / f"{table}.parquet"))
        assert f"[{table}](dictionary.md#{table}) | {n} |" in text
    log = pd.read_parquet(pkg / "ingest_log.parquet")["status"].value_counts()
    for status, n in log.items():
        assert f"<code>{status}</code> | {n} |" in text


# --- quick start -----------------------------------------------------------------------------

def _snippets(lang: str) -> list[str]:
    text = (ROOT / "docs" / "quickstart.md").read_text(encoding="utf-8")
    return re.findall(rf"^```{lang}\n(.*?)^```", text, flags=re.M | re.S)


@pytest.mark.parametrize("which", ["sample", "real"])
def test_quickstart_python_snippets_run(tmp_path, which, request):
    pkg = write_sample_package(tmp_path / "pkg") if which == "sample" else request.getfixturevalue("made")[0]
    snippets = _snippets("python")
    assert len(snippets) >= 2, "quick start should have pandas and DuckDB snippets"
    assert any("read_parquet" in s for s in snippets)
    assert any("import duckdb" in s for s in snippets)
    for code in snippets:
        run = subprocess.run([sys.executable, "-c", code], cwd=pkg, capture_output=True,
                             text=True)
        assert run.returncode == 0, f"snippet failed:\n{code}\n{run.stderr}"
        assert run.stdout.strip(), "snippet printed nothing"


def test_quickstart_frictionless_snippet_validates_package(tmp_path):
    pkg = write_sample_package(tmp_path / "pkg")
    (cmd,) = [s.strip() for s in _snippets("bash")]
    exe = Path(sys.executable).parent / "frictionless"
    if not exe.exists():
        pytest.fail("frictionless command not installed next to this Python")
    args = cmd.split()
    run = subprocess.run([str(exe)] + args[1:], cwd=pkg, capture_output=True, text=True,
                         env=dict(os.environ, NO_COLOR="1"))
    assert args[0] == "frictionless"
    assert run.returncode == 0, run.stdout[-2000:]


# --- codebook and evaluation -----------------------------------------------------------------

def test_codebook_renders_every_column_of_the_data_files(tmp_path):
    (tmp_path / "event_types.csv").write_text(
        "event_type,quad_class,cameo_root,acled_event_type,description,new_column\n"
        "ASSAULT,4,19,Battles,Use <b>armed</b> force [x](y),extra\n", encoding="utf-8")
    (tmp_path / "sectors.csv").write_text("code,label,meaning\nMIL,Military,Armed forces\n",
                                          encoding="utf-8")
    (tmp_path / "lexicon.csv").write_text("a,b\n1,2\n3,4\n", encoding="utf-8")
    text = render_codebook(tmp_path)
    assert "<code>new&#95;column</code>" in text
    assert "<code>acled&#95;event&#95;type</code>" in text
    assert "Use &lt;b&gt;armed&lt;/b&gt; force &#91;x&#93;&#40;y&#41;" in text
    assert "## Sector codes" in text and "Armed forces" in text
    assert "<code>lexicon.csv</code> | 2 |" in text
    assert "## Date precision levels" in text
    for level in schemas.fields()["date_precision"]["enum"]:
        assert f"<code>{level}</code>" in text


def test_codebook_falls_back_to_schema_without_data_files(tmp_path):
    text = render_codebook(tmp_path / "missing")
    for t in schemas.fields()["event_type"]["enum"]:
        assert f"<code>{t}</code>" in text


def test_evaluation_scores_are_shown_when_a_report_exists(tmp_path):
    report = tmp_path / "evaluation.json"
    report.write_text(json.dumps({"geowebnews": {"toponym_f1": 0.71234, "n": 120}}))
    text = render_evaluation(report)
    assert "geowebnews / toponym&#95;f1 | 0.712 |" in text and "| 120 |" in text
    assert "No evaluation report" in render_evaluation(None)


def test_real_package_builds_a_site(made, tmp_path):
    """The site builds warning-free from the package `make` produced from the sample corpus."""
    package, _ = made
    site = build_sample_site(tmp_path, package)
    assert (site / "dictionary" / "index.html").is_file()
    shutil.rmtree(tmp_path / "docs" / DOWNLOADS)


def test_charts_escape_hostile_names_and_are_reproducible():
    from pipeline.site_charts import events_map_svg, events_over_time_svg
    places = pd.DataFrame({"place_id": ["gn:1", "gn:2"], "latitude": [10.0, 20.0],
                           "longitude": [30.0, 40.0],
                           "place_name": ['<script>alert(1)</script>', "$x^2$ & co"]})
    events = pd.DataFrame({"place_id": ["gn:1", "gn:2", "gn:2"],
                           "event_type": ["ASSAULT", "PROTEST", "NOT_A_TYPE"],
                           "event_date": pd.to_datetime(["2020-01-01", "2020-03-05", None])})
    svg = events_map_svg(events, places)
    assert "<script" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "$x^2$ &amp; co" in svg  # shown literally, not as mathtext
    assert svg == events_map_svg(events, places)
    chart = events_over_time_svg(events)
    assert chart == events_over_time_svg(events) and "ASSAULT" in chart
    assert "2020-02" in chart  # the empty month between two events is shown


def test_the_map_leaves_off_places_known_only_by_name():
    from pipeline.site_charts import events_map_svg
    places = pd.DataFrame({"place_id": ["gn:1", "nm:syr:zorbatang"], "latitude": [10.0, 35.0],
                           "longitude": [30.0, 38.0], "place_name": ["Goodtown", "Zorbatang"]})
    events = pd.DataFrame({"place_id": ["gn:1", "nm:syr:zorbatang"], "event_type": ["ASSAULT", "ASSAULT"],
                           "event_date": pd.to_datetime(["2020-01-01", "2020-01-02"])})
    svg = events_map_svg(events, places)
    assert "Goodtown" in svg and "Zorbatang" not in svg


def test_the_home_page_counts_incidents_as_well_as_event_rows(tmp_path):
    from pipeline.site_data import load_package
    from pipeline.site_pages import render_home
    pkg = load_package(write_sample_package(tmp_path / "pkg"))
    events = pkg.frame("events")
    text = render_home(pkg)
    assert len(events) and f"tell {events['incident_id'].nunique()} incidents" in text
