"""Validating the written package with frictionless: the gate before anything is published."""
from __future__ import annotations

from pathlib import Path

from frictionless import Package, system


class ValidationFailed(RuntimeError):
    """The package does not pass Frictionless validation; the message is a readable report."""


def validate_package(descriptor: Path, max_errors: int = 50) -> dict[str, int]:
    """Validate every resource (CSV and Parquet, foreign keys included) of `descriptor`.

    Returns rows checked per resource. Raises ValidationFailed listing the first errors.
    """
    with system.use_context(trusted=True):
        package = Package(str(descriptor))
        report = package.validate(limit_errors=max_errors)
    if report.valid:
        return {task.name: (task.stats.get("rows") or 0) for task in report.tasks}
    lines = []
    for task in report.tasks:
        for err in task.errors[:10]:
            lines.append(f"  {task.name}: {err.type}: {err.message}")
    for err in report.errors[:10]:
        lines.append(f"  package: {err.type}: {err.message}")
    raise ValidationFailed("the data package is not valid:\n" + "\n".join(lines[:max_errors]))


def check_tables(tables: dict) -> list[str]:
    """Checks the schema cannot express; each failed check is an error, not a warning.

    - every mention's and trigger's offsets point at its text in the article body;
    - every event's evidence sentence contains its trigger;
    - no event is dated after its article's publication date.
    Returns readable error lines (empty when all hold).
    """
    errors: list[str] = []
    arts = tables["articles"]
    body = dict(zip(arts["article_id"], arts["body_text"]))
    published = dict(zip(arts["article_id"], arts["published_date"]))
    for name in ("place_mentions", "actor_mentions"):
        df = tables[name]
        for aid, s, e, text in zip(df["article_id"], df["start"], df["end"], df["mention_text"]):
            if body.get(aid, "")[int(s):int(e)] != text:
                errors.append(f"{name}: offsets {s}-{e} in {aid} do not hold {text!r}")
    ev = tables["events"]
    for row in ev.itertuples(index=False):
        b = body.get(row.article_id, "")
        if b[int(row.trigger_start):int(row.trigger_end)] != row.trigger_text:
            errors.append(f"events: trigger offsets of {row.event_id} do not hold {row.trigger_text!r}")
        if row.trigger_text not in row.evidence_text:
            errors.append(f"events: evidence of {row.event_id} does not contain its trigger")
        pub = published.get(row.article_id)
        if row.event_date is not None and pub is not None and row.event_date > pub:
            errors.append(f"events: {row.event_id} is dated {row.event_date}, after publication {pub}")
    return errors
