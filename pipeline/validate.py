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
