"""Escaping and formatting for text that goes into generated Markdown pages.

Titles, names and evidence sentences come from untrusted articles. Every value a generator
puts into a page passes through `md_text`, which turns it into inert text: HTML is escaped,
and every character Markdown, the pymdownx extensions or a template engine could read as
syntax becomes a numeric character reference, so the browser shows it but no parser acts on it.
"""
from __future__ import annotations

import html
import math
from typing import Any

from pipeline.schemas import is_null as is_missing

# Characters that start Markdown syntax (links, emphasis, code, tables, headings, lists,
# escapes), pymdownx syntax (snippets `--8<--`, attribute lists `{: }`, critic, mark, tilde) or
# template syntax (`{{ }}`, `{% %}`). `&`, `<`, `>`, quotes are handled by html.escape first.
_MARKDOWN_SPECIALS = "\\`*_[](){}#+-!|~^=:%$@"
_ENTITY = {ord(c): f"&#{ord(c)};" for c in _MARKDOWN_SPECIALS}


def md_text(value: Any, limit: int | None = None) -> str:
    """`value` as inert inline text for a Markdown table cell or paragraph.

    Newlines become spaces (a newline would end a table row or start a block), long values are
    cut to `limit` characters with an ellipsis, and the result contains no character that any
    Markdown extension, HTML parser or template engine would treat as syntax.
    """
    if is_missing(value):
        return ""
    text = " ".join(str(value).split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return html.escape(text, quote=True).translate(_ENTITY)


def md_code(value: Any, limit: int | None = None) -> str:
    """`value` shown in a monospace span; safe for the same reasons as `md_text`.

    Uses an HTML <code> element rather than backticks, because a backtick in the value would
    end a Markdown code span early.
    """
    text = md_text(value, limit)
    return f"<code>{text}</code>" if text else ""


def fmt_int(n: int | float) -> str:
    """An integer with thousands separators, e.g. 12,345."""
    return f"{int(n):,}"


def fmt_share(share: float) -> str:
    """A share in 0..1 as a percentage that never rounds a non-zero share to 0% or 100%."""
    if share <= 0:
        return "0%"
    if share >= 1:
        return "100%"
    pct = share * 100
    if pct < 0.1:
        return "&lt;0.1%"
    if pct > 99.9:
        return "&gt;99.9%"
    return f"{pct:.1f}%"


def fmt_bytes(n: int) -> str:
    """A file size in binary units, e.g. 1.4 MiB, for people choosing what to download."""
    if n < 1024:
        return f"{n} B"
    units = ["KiB", "MiB", "GiB", "TiB"]
    exp = min(int(math.log(n, 1024)), len(units))
    return f"{n / 1024 ** exp:.1f} {units[exp - 1]}"


def md_table(header: list[str], rows: list[list[str]], align: list[str] | None = None) -> str:
    """A Markdown pipe table from cells that are already escaped or trusted."""
    align = align or ["l"] * len(header)
    rule = {"l": ":--", "r": "--:", "c": ":-:"}
    lines = ["| " + " | ".join(header) + " |",
             "| " + " | ".join(rule[a] for a in align) + " |"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def md_prose(value: Any) -> str:
    """Project-written prose (schema descriptions, codebook meanings) as safe inline text that
    keeps its `code` spans: each backtick-delimited part becomes a <code> element, everything
    else is escaped exactly like `md_text`."""
    parts = str(value).split("`")
    if len(parts) % 2 == 0:  # unbalanced backticks: show them as they are
        return md_text(value)
    return "".join(md_code(p) if i % 2 else md_text(p) for i, p in enumerate(parts))
