"""Generate the site's data-driven pages from a built, validated data package.

`generate_pages` is the build step between the package and `mkdocs build`: it reads the
package once and writes

- `docs/generated/*.md`: page bodies that the hand-written pages pull in with
  pymdownx.snippets (`--8<-- "dictionary.md"`), so prose stays in docs/ and data stays out
  of version control; mkdocs.yml excludes these from the site itself;
- `docs/generated/*.svg`: charts, the map and the relationship diagram;
- `docs/downloads/`: the package files, CITATION.cff and one zip, served as-is by mkdocs.

All three are rebuilt from scratch on every run and ignored by git; never edit them by hand.
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from pipeline.site_charts import events_map_svg, events_over_time_svg
from pipeline.site_codebook import render_codebook
from pipeline.site_data import load_package
from pipeline.site_dictionary import DIAGRAM_PATH, relationships_svg, render_dictionary
from pipeline.site_downloads import copy_downloads, render_citation, render_downloads
from pipeline.site_pages import find_evaluation, render_evaluation, render_explore, render_home

ROOT = Path(__file__).resolve().parent.parent
GENERATED = "generated"           # page bodies (excluded from the site), relative to docs_dir
ASSETS = "generated"              # images, relative to docs_dir
DOWNLOADS = "downloads"           # package files, relative to docs_dir
CHART = f"{ASSETS}/events_over_time.svg"
MAP = f"{ASSETS}/events_map.svg"


def generate_pages(package_dir: Path, docs_dir: Path) -> None:
    """Write every generated page body, image and download of the site into `docs_dir`."""
    package_dir, docs_dir = Path(package_dir), Path(docs_dir)
    # load
    pkg = load_package(package_dir)
    for sub in dict.fromkeys((GENERATED, ASSETS, DOWNLOADS)):
        if (docs_dir / sub).exists():
            shutil.rmtree(docs_dir / sub)
        (docs_dir / sub).mkdir(parents=True)
    # process and save
    downloads = copy_downloads(pkg, docs_dir / DOWNLOADS, extra=[ROOT / "CITATION.cff"])
    images = {
        DIAGRAM_PATH: relationships_svg(),
        CHART: events_over_time_svg(pkg.frame("events")),
        MAP: events_map_svg(pkg.frame("events"), pkg.frame("places")),
    }
    for rel, svg in images.items():
        (docs_dir / rel).write_text(svg, encoding="utf-8")
    changelog = ROOT / "CHANGELOG.md"
    bodies = {
        "home.md": render_home(pkg),
        "dictionary.md": render_dictionary(pkg),
        "codebook.md": render_codebook(),
        "downloads.md": render_downloads(pkg, downloads, DOWNLOADS),
        "citation.md": render_citation(ROOT / "CITATION.cff", pkg.version, DOWNLOADS),
        "explore.md": render_explore(pkg, CHART, MAP),
        "evaluation.md": render_evaluation(find_evaluation(package_dir)),
        "changelog.md": _demote_title(changelog.read_text(encoding="utf-8"))
        if changelog.is_file() else "No changelog yet.\n",
    }
    for name, text in bodies.items():
        (docs_dir / GENERATED / name).write_text(text.rstrip() + "\n", encoding="utf-8")


def _demote_title(text: str) -> str:
    """CHANGELOG.md without its own top-level title (the site page has one)."""
    lines = text.splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return "\n".join(lines).lstrip("\n")


def main(argv: list[str] | None = None) -> None:
    """`python -m pipeline.site --package DIR --docs DIR`."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--package", type=Path, default=ROOT / "data" / "processed")
    ap.add_argument("--docs", type=Path, default=ROOT / "docs")
    args = ap.parse_args(argv)
    generate_pages(args.package, args.docs)


if __name__ == "__main__":
    main()
