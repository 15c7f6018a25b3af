"""The data dictionary page, generated from `pipeline/schemas/` and the built tables.

Everything a researcher needs to read a column comes from the one schema definition (type,
unit, description, constraints, allowed values and their meanings, keys), and two facts come
from the data itself (share of nulls, an example value), so the page can never disagree with
the files it describes.
"""
from __future__ import annotations

import html
from typing import Any

import pandas as pd

from pipeline import schemas
from pipeline.site_data import Package
from pipeline.site_text import fmt_int, fmt_share, md_code, md_prose, md_table, md_text

DIAGRAM_PATH = "generated/relationships.svg"  # relative to the docs folder


def render_dictionary(pkg: Package, diagram_path: str = DIAGRAM_PATH) -> str:
    """Markdown body of the data dictionary: a relationship diagram, then one section a table."""
    out = ["## Tables and how they relate\n",
           f"![Tables and their foreign keys: each arrow points from a table to the table "
           f"its key refers to.]({diagram_path}){{ .relationships }}\n",
           md_table(["Table", "One row per", "Rows", "Primary key"],
                    [[f"[`{t}`](#{t})", md_prose(spec["description"]),
                      fmt_int(len(pkg.frame(t))), _keys(spec["primary_key"])]
                     for t, spec in schemas.tables().items()],
                    ["l", "l", "r", "l"])]
    for table in schemas.table_names():
        out.append(_table_section(table, pkg.frame(table)))
    return "\n".join(out)


def _keys(names: list[str]) -> str:
    return ", ".join(f"`{n}`" for n in names)


def _table_section(table: str, df: pd.DataFrame) -> str:
    """One table's section: description, keys, then one row per field."""
    spec = schemas.tables()[table]
    lines = [f"## {table} {{#{table}}}\n",
             f"**{md_text(spec.get('title', table))}.** {md_prose(spec['description'])}\n",
             f"- Files: `{table}.csv`, `{table}.parquet` ({fmt_int(len(df))} rows)",
             f"- Primary key: {_keys(spec['primary_key'])}"]
    for fk in spec.get("foreign_keys", []):
        lines.append(f"- Foreign key: {_keys(fk['fields'])} \u2192 "
                     f"[`{fk['table']}`](#{fk['table']}).{_keys(fk['reference'])}")
    lines.append("")
    rows = []
    for name in spec["fields"]:
        f = schemas.fields()[name]
        col = df[name] if name in df.columns else pd.Series([], dtype=object)
        kind = f["type"] + (f" ({md_text(f['unit'])})" if f.get("unit") else "")
        rows.append([f"`{name}`", kind, md_prose(f["description"]), _constraints(f),
                     _null_share(col), _example(col, f)])
    lines.append(md_table(["Field", "Type (unit)", "Description", "Constraints and values",
                           "Null", "Example"], rows, ["l", "l", "l", "l", "r", "l"]))
    return "\n".join(lines)


def _constraints(f: dict[str, Any]) -> str:
    """Constraints in words, and every allowed value with its meaning."""
    parts = []
    for key, value in (f.get("constraints") or {}).items():
        if key == "pattern":
            parts.append(f"pattern {md_code(value)}")
        elif key == "minimum":
            parts.append(f"\u2265 {md_text(value)}")
        elif key == "maximum":
            parts.append(f"\u2264 {md_text(value)}")
        else:
            parts.append(f"{md_text(key)}: {md_text(value)}")
    for value, meaning in (f.get("enum") or {}).items():
        parts.append(f"{md_code(value)}: {md_prose(meaning)}")
    return "<br>".join(parts)


def _null_share(col: pd.Series) -> str:
    if len(col) == 0:
        return "\u2013"
    return fmt_share(float(col.isna().mean()))


def _example(col: pd.Series, f: dict[str, Any]) -> str:
    """The most common non-null value in the built data (ties broken by value, so the page is
    stable), else the schema's example; long text is cut so the table stays readable."""
    values = col.dropna()
    if len(values):
        counts = values.astype(str).value_counts()
        top = counts.max()
        value: Any = sorted(counts[counts == top].index)[0]
    elif "example" in f:
        value = f["example"]
    else:
        return ""
    return md_code(value, limit=60)


def relationships_svg() -> str:
    """An SVG diagram of the tables (with their key fields) and arrows for foreign keys.

    Drawn here rather than with Mermaid because Material loads Mermaid's script from a CDN at
    view time, and the site must work with no network. Layout: tables nobody else refers to
    sit in the bottom row, the tables they refer to in the top row, in schema order.
    """
    specs = schemas.tables()
    referenced = {fk["table"] for s in specs.values() for fk in s.get("foreign_keys", [])}
    top = [t for t in specs if t in referenced or not specs[t].get("foreign_keys")]
    bottom = [t for t in specs if t not in top]
    char_w, line_h, pad, gap = 7.2, 18, 10, 28

    def box_lines(t: str) -> list[str]:
        s = specs[t]
        fk_of = {f: fk["table"] for fk in s.get("foreign_keys", []) for f in fk["fields"]}
        out = []
        for name in s["fields"]:
            if name in s["primary_key"]:
                out.append(f"PK {name}" + (f" \u2192 {fk_of[name]}" if name in fk_of else ""))
            elif name in fk_of:
                out.append(f"FK {name} \u2192 {fk_of[name]}")
        rest = len(s["fields"]) - len(out)
        if rest:
            out.append(f"+ {rest} more fields")
        return out

    boxes: dict[str, tuple[float, float, float, float]] = {}
    row_y, width = 10.0, 0.0
    for row in (top, bottom):
        x, row_h = 10.0, 0.0
        for t in row:
            lines = box_lines(t)
            w = max(len(s) for s in [t] + lines) * char_w + 2 * pad
            h = (len(lines) + 1) * line_h + 2 * pad
            boxes[t] = (x, row_y, w, h)
            x += w + gap
            row_h = max(row_h, h)
        width = max(width, x)
        row_y += row_h + 90
    height = row_y - 80

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
             f'width="{width:.0f}" height="{height:.0f}" font-family="DejaVu Sans Mono, '
             f'monospace" font-size="12" role="img">',
             "<title>Tables of the data package and their foreign keys</title>",
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
             'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
             'fill="#555"/></marker></defs>']
    edges = [(t, fk["table"]) for t, s in specs.items() for fk in s.get("foreign_keys", [])]
    for i, (src, dst) in enumerate(edges):
        sx, sy, sw, _ = boxes[src]
        dx, dy, dw, dh = boxes[dst]
        n_out = sum(1 for e in edges if e[0] == src)
        k = sum(1 for e in edges[:i] if e[0] == src)
        x1 = sx + sw * (k + 1) / (n_out + 1)
        # spread the arrowheads along the target's edge, ordered by where the arrows start
        incoming = sorted((boxes[e[0]][0], j) for j, e in enumerate(edges) if e[1] == dst)
        m = [j for _, j in incoming].index(i)
        x2 = dx + dw * (m + 1) / (len(incoming) + 1)
        parts.append(f'<line x1="{x1:.1f}" y1="{sy:.1f}" x2="{x2:.1f}" y2="{dy + dh:.1f}" '
                     f'stroke="#555" stroke-width="1.2" marker-end="url(#arrow)"/>')
    for t, (x, y, w, h) in boxes.items():
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="4" '
                     f'fill="#f5f7ff" stroke="#3f51b5"/>')
        parts.append(f'<text x="{x + pad:.1f}" y="{y + pad + 12:.1f}" font-weight="bold" '
                     f'fill="#1a237e">{html.escape(t)}</text>')
        for j, line in enumerate(box_lines(t)):
            parts.append(f'<text x="{x + pad:.1f}" y="{y + pad + 12 + (j + 1) * line_h:.1f}" '
                         f'fill="#222">{html.escape(line)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
