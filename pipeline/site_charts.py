"""Static SVG charts drawn at build time with matplotlib.

Static images keep the site free of JavaScript charting libraries and of any network access at
view time. Output is byte-reproducible: a fixed `svg.hashsalt`, no date in the metadata, and
text kept as text (`svg.fonttype: none`), so an unchanged package gives unchanged files.
Labels may come from articles; matplotlib escapes them for XML, and math parsing is off so a
`$` in a name is just a dollar sign.
"""
from __future__ import annotations

import io
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from pipeline import schemas  # noqa: E402

RC = {"svg.hashsalt": "news-events-site", "svg.fonttype": "none", "text.parse_math": False,
      "font.family": "DejaVu Sans", "font.size": 9, "axes.spines.top": False,
      "axes.spines.right": False}


def _svg(fig: plt.Figure) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def type_colors() -> dict[str, tuple]:
    """A fixed colour per PLOVER event type, in codebook order, so charts stay comparable."""
    cmap = plt.get_cmap("tab20")
    types = list(schemas.fields()["event_type"].get("enum") or {})
    return {t: cmap(i % 20) for i, t in enumerate(types)}


def time_bucket(dates: pd.Series) -> tuple[pd.Series, pd.PeriodIndex, str]:
    """Dates as days, months or years (whichever gives a readable number of bars), and every
    period from the first to the last, so that periods without events show as gaps."""
    d = pd.to_datetime(dates)
    span = (d.max() - d.min()).days if len(d) else 0
    freq, unit = ("D", "day") if span <= 62 else ("M", "month") if span <= 366 * 4 else \
        ("Y", "year")
    periods = d.dt.to_period(freq)
    return periods, pd.period_range(periods.min(), periods.max(), freq=freq), unit


def _empty_chart(fig, ax, message: str) -> str:
    """A chart with nothing to draw says so in place of the plot."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return _svg(fig)


def events_over_time_svg(events: pd.DataFrame) -> str:
    """Stacked bars: number of dated events per period, coloured by event type."""
    dated = events.dropna(subset=["event_date"])
    with plt.rc_context(RC):
        fig, ax = plt.subplots(figsize=(9, 4.2))
        if dated.empty:
            return _empty_chart(fig, ax, "No dated events in this build")
        bucket, full, unit = time_bucket(dated["event_date"])
        table = pd.crosstab(bucket.astype(str).to_numpy(),
                            dated["event_type"].astype(str).to_numpy())
        table = table.reindex([str(p) for p in full], fill_value=0)
        colors = type_colors()
        order = [t for t in colors if t in table.columns] + \
                sorted(t for t in table.columns if t not in colors)
        bottom = pd.Series(0, index=table.index)
        x = range(len(table.index))
        for t in order:
            ax.bar(x, table[t], bottom=bottom, label=t, color=colors.get(t, "#999999"),
                   width=0.85)
            bottom = bottom + table[t]
        step = max(1, math.ceil(len(table.index) / 24))
        ax.set_xticks(list(x)[::step], list(table.index)[::step], rotation=60,
                      ha="right")
        ax.set_ylabel(f"events per {unit}")
        ax.legend(ncols=1, fontsize=8, frameon=False, loc="upper left",
                  bbox_to_anchor=(1.01, 1.0))
        ax.yaxis.get_major_locator().set_params(integer=True)
        return _svg(fig)


def country_outlines() -> list[list[tuple[float, float]]]:
    """Country outline rings (lon, lat) from the GeoJSON that `countryinfo` ships, for a base
    map that needs no download; empty if the package is missing (the map then has a grid only).
    """
    try:
        import countryinfo
    except ImportError:
        return []
    rings = []
    for country in countryinfo.all_countries():
        try:
            geo = country.geo_json() or {}
        except Exception:  # noqa: BLE001 - a country without outline data is simply skipped
            continue
        for feature in geo.get("features", []):
            geom = feature.get("geometry") or {}
            polys = geom.get("coordinates") or []
            if geom.get("type") == "Polygon":
                polys = [polys]
            for poly in polys:
                if poly and len(poly[0]) > 2:
                    rings.append([(float(x), float(y)) for x, y, *_ in poly[0]])
    return rings


def events_map_svg(events: pd.DataFrame, places: pd.DataFrame, labels: int = 12) -> str:
    """Events plotted at their places' coordinates over country outlines, dot area by number
    of events; the names of the busiest places give orientation. Places known only by name
    (no GeoNames id, at their country's point) are left off: their dot would be no place."""
    counts = events.dropna(subset=["place_id"]).groupby("place_id").size().rename("n")
    pts = places.set_index("place_id").join(counts, how="inner").dropna(subset=["latitude", "longitude"])
    pts = pts[pts.index.astype(str).str.startswith("gn:")]
    with plt.rc_context(RC):
        fig, ax = plt.subplots(figsize=(9, 5))
        if pts.empty:
            return _empty_chart(fig, ax, "No located events in this build")
        from matplotlib.collections import PolyCollection
        ax.add_collection(PolyCollection(country_outlines(), facecolors="#eeeeee",
                                         edgecolors="#bbbbbb", linewidths=0.4, zorder=0))
        lon = pts["longitude"].astype(float)
        lat = pts["latitude"].astype(float)
        n = pts["n"].astype(float)
        ax.scatter(lon, lat, s=12 + 240 * (n / n.max()) ** 0.5, alpha=0.6, color="#3f51b5",
                   edgecolors="white", linewidths=0.5, zorder=2)
        pad = 3.0
        x0, x1 = max(lon.min() - pad, -180), min(lon.max() + pad, 180)
        y0, y1 = max(lat.min() - pad, -90), min(lat.max() + pad, 90)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect(1 / max(math.cos(math.radians((y0 + y1) / 2)), 0.2))
        ax.grid(True, color="#dddddd", linewidth=0.5)
        ax.set_xlabel("longitude (\u00b0)")
        ax.set_ylabel("latitude (\u00b0)")
        top = pts.assign(name=pts["place_name"].astype(str)).sort_values(
            ["n", "name"], ascending=[False, True]).head(labels)
        for _, r in top.iterrows():
            ax.annotate(r["name"][:30], (float(r["longitude"]), float(r["latitude"])),
                        xytext=(4, 3), textcoords="offset points", fontsize=8)
        return _svg(fig)
