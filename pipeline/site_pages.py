"""Generated fragments of the home, explore and methodology pages.

Each function returns Markdown built only from the package (or the evaluation report) and
escapes every value that came from an article.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import schemas
from pipeline.site_data import Package
from pipeline.site_text import fmt_int, md_code, md_prose, md_table, md_text

TOP_N = 20


def render_home(pkg: Package) -> str:
    """Counts of the main tables and of what ingest did with the input files."""
    counts = [[f"[{t}](dictionary.md#{t})", fmt_int(len(pkg.frame(t)))]
              for t in ("articles", "events", "actors", "places")]
    log = pkg.frame("ingest_log")
    status = log["status"].value_counts() if "status" in log else pd.Series(dtype=int)
    ingest = [[md_code(s), fmt_int(status.get(s, 0)), md_prose(meaning)]
              for s, meaning in (schemas.fields()["status"].get("enum") or {}).items()]
    events = pkg.frame("events")
    dates = pd.to_datetime(events["event_date"]).dropna() if len(events) else pd.Series([])
    span = (f"Events dated from **{dates.min():%Y-%m-%d}** to **{dates.max():%Y-%m-%d}**."
            if len(dates) else "No event in this build has a date.")
    if "incident_id" in events and len(events):
        # several triggers of one sentence may tell one act: researchers count incidents
        span += (f" The {fmt_int(len(events))} event rows tell {fmt_int(events['incident_id'].nunique())} "
                 f"incidents (rows sharing an `incident_id`).")
    return "\n".join([
        f"**Dataset version {md_text(pkg.version)}.** {span}\n",
        md_table(["Table", "Rows"], counts, ["l", "r"]),
        f"Of the {fmt_int(len(log))} input files and records:\n",
        md_table(["Ingest status", "Inputs", "Meaning"], ingest, ["l", "r", "l"])])


def _actor_counts(events: pd.DataFrame, actors: pd.DataFrame) -> list[list[str]]:
    src = events["source_actor_id"].dropna().value_counts().rename("as_source")
    tgt = events["target_actor_id"].dropna().value_counts().rename("as_target")
    both = pd.concat([src, tgt], axis=1).fillna(0).astype(int)
    both["total"] = both["as_source"] + both["as_target"]
    both = both.join(actors.set_index("actor_id")[["actor_name", "country_code", "sector_code"]])
    both = both.assign(key=both.index.astype(str)).sort_values(
        ["total", "key"], ascending=[False, True]).head(TOP_N)
    return [[md_text(r["actor_name"]), md_code(k), md_text(r["country_code"]),
             md_text(r["sector_code"]), fmt_int(r["as_source"]), fmt_int(r["as_target"])]
            for k, r in both.iterrows()]


def _place_counts(events: pd.DataFrame, mentions: pd.DataFrame,
                  places: pd.DataFrame) -> list[list[str]]:
    ev = events["place_id"].dropna().value_counts().rename("events")
    mn = mentions["place_id"].dropna().value_counts().rename("mentions")
    both = pd.concat([ev, mn], axis=1).fillna(0).astype(int)
    both = both.join(places.set_index("place_id")[["place_name", "country_code",
                                                   "feature_code"]])
    both = both.assign(key=both.index.astype(str)).sort_values(
        ["events", "mentions", "key"], ascending=[False, False, True]).head(TOP_N)
    return [[md_text(r["place_name"]), md_code(k), md_text(r["country_code"]),
             md_text(r["feature_code"]), fmt_int(r["events"]), fmt_int(r["mentions"])]
            for k, r in both.iterrows()]


def _type_counts(events: pd.DataFrame) -> list[list[str]]:
    enum = schemas.fields()["event_type"].get("enum") or {}
    counts = events["event_type"].dropna().astype(str).value_counts()
    return [[md_code(t), fmt_int(counts.get(t, 0)), md_prose(m)] for t, m in enum.items()]


def _busiest_articles(events: pd.DataFrame, articles: pd.DataFrame) -> list[list[str]]:
    n = events["article_id"].value_counts().rename("events")
    top = articles.set_index("article_id").join(n, how="inner")
    top = top.assign(key=top.index.astype(str)).sort_values(
        ["events", "key"], ascending=[False, True]).head(10)
    return [[md_text(r["title"], limit=120), md_text(r["source_name"]),
             md_text(r["published_date"]), fmt_int(r["events"])] for _, r in top.iterrows()]


def render_explore(pkg: Package, chart: str, map_svg: str) -> str:
    """Markdown body of the explore page; `chart` and `map_svg` are paths relative to docs."""
    events = pkg.frame("events")
    undated = int(events["event_date"].isna().sum()) if len(events) else 0
    unplaced = int(events["place_id"].isna().sum()) if len(events) else 0
    return "\n".join([
        "## Events over time\n",
        f"![Stacked bar chart of the number of events per period, by PLOVER event type]"
        f"({chart}){{ .chart #events-over-time }}\n",
        f"Events are counted at their `event_date`; month- and year-precision dates fall on "
        f"the first day of their period. {fmt_int(undated)} of {fmt_int(len(events))} events "
        f"have no date and are not shown.\n",
        "## Events by type\n",
        md_table(["Event type", "Events", "Meaning"], _type_counts(events), ["l", "r", "l"]),
        "## Map of events\n",
        f"![Map of events: one dot per place, larger for more events]"
        f"({map_svg}){{ .chart #events-map }}\n",
        f"{fmt_int(unplaced)} events have no resolved place and are not shown.\n",
        "## Top actors\n",
        f"The {TOP_N} actors that take part in the most events, as source (who did it) or "
        f"target (to whom).\n",
        md_table(["Actor", "`actor_id`", "Country", "Sector", "As source", "As target"],
                 _actor_counts(events, pkg.frame("actors")),
                 ["l", "l", "l", "l", "r", "r"]),
        "## Top places\n",
        f"The {TOP_N} places with the most events, with how often they are mentioned.\n",
        md_table(["Place", "`place_id`", "Country", "Feature", "Events", "Mentions"],
                 _place_counts(events, pkg.frame("place_mentions"), pkg.frame("places")),
                 ["l", "l", "l", "l", "r", "r"]),
        "## Articles with the most events\n",
        md_table(["Title", "Source", "Published", "Events"],
                 _busiest_articles(events, pkg.frame("articles")), ["l", "l", "l", "r"]),
    ])


def find_evaluation(package_dir: Path) -> Path | None:
    """The evaluation report next to or inside the package, if the pipeline wrote one."""
    for p in (package_dir / "evaluation.json", package_dir.parent / "evaluation.json"):
        if p.is_file():
            return p
    return None


def _flatten(prefix: str, value: Any, out: list[tuple[str, Any]]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(f"{prefix} / {k}" if prefix else str(k), v, out)
    else:
        out.append((prefix, value))


def render_evaluation(path: Path | None) -> str:
    """The evaluation scores as a table, whatever the report's nesting; a note if absent.

    The report format is owned by `python -m pipeline evaluate`; any JSON object of scores
    (nested by data set and metric) is flattened to one row per score.
    """
    if path is None:
        return ("No evaluation report was found next to this build of the package. Run "
                "`python -m pipeline evaluate` to score the extractors on the development "
                "sets.\n")
    data = json.loads(path.read_text(encoding="utf-8"))
    rows: list[tuple[str, Any]] = []
    _flatten("", data, rows)
    cells = [[md_text(k), md_text(f"{v:.3f}" if isinstance(v, float) else v)] for k, v in rows]
    return f"Scores from `{md_text(path.name)}`:\n\n" + md_table(["Measure", "Value"], cells,
                                                                   ["l", "r"])
