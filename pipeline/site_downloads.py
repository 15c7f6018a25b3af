"""The downloads page: the package's files copied into the site, one zip, sizes and checksums.

Files are copied into the docs folder so that mkdocs copies them into site/ and every link
works when site/ is served as plain static files. The zip is written byte-for-byte
reproducibly (fixed timestamps, sorted entries), so its SHA-256 changes only when the data does.
"""
from __future__ import annotations

import hashlib
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pyarrow.parquet as pq
import yaml

from pipeline.site_data import Package, package_files
from pipeline.site_text import fmt_bytes, fmt_int, md_code, md_table, md_text

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # earliest date a zip can hold; fixed for reproducibility


@dataclass(frozen=True)
class Download:
    """One downloadable file: its name in the download folder, size, rows and checksum."""

    name: str
    size: int
    sha256: str
    rows: int | None
    kind: str


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def zip_name(pkg: Package) -> str:
    name = str(pkg.descriptor.get("name") or "data-package")
    return f"{_safe(name)}-{_safe(pkg.version)}.zip"


def _safe(s: str) -> str:
    return "".join(c if c.isalnum() or c in "-._" else "-" for c in s)


def write_zip(pkg: Package, files: list[str], dest: Path) -> None:
    """Zip `files` of the package under one folder named like the zip, reproducibly."""
    folder = dest.name.removesuffix(".zip")
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for rel in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{rel}", date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with (pkg.path / rel).open("rb") as src, zf.open(info, "w", force_zip64=True) as out:
                shutil.copyfileobj(src, out, 1 << 20)


def copy_downloads(pkg: Package, dest: Path, extra: list[Path] = ()) -> list[Download]:
    """Copy the package files (and `extra` files such as CITATION.cff) into `dest`, add the zip.

    Returns what was written, in the order the page lists it: datapackage.json, the tables in
    descriptor order, the extras, then the zip (which also holds the package README, if any).
    """
    dest.mkdir(parents=True, exist_ok=True)
    files = ["datapackage.json"] + [f for f in package_files(pkg.path, pkg.descriptor)
                                    if f != "datapackage.json"]
    # The package's README travels in the zip only: a .md file in docs/ would become a page.
    zipped = files + (["README.md"] if (pkg.path / "README.md").is_file() else [])
    out = []
    for rel in files:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pkg.path / rel, target)
        out.append(_describe(target, rel))
    for path in extra:
        if path.is_file():
            shutil.copyfile(path, dest / path.name)
            out.append(_describe(dest / path.name, path.name))
    zpath = dest / zip_name(pkg)
    write_zip(pkg, zipped, zpath)
    out.append(Download(zpath.name, zpath.stat().st_size, sha256_of(zpath), None, "zip"))
    return out


def _describe(path: Path, rel: str) -> Download:
    kind = path.suffix.lstrip(".") or "file"
    rows = None
    if kind == "parquet":
        rows = pq.ParquetFile(path).metadata.num_rows
    elif kind == "csv":
        rows = _csv_rows(path)
    return Download(rel, path.stat().st_size, sha256_of(path), rows, kind)


def _csv_rows(path: Path) -> int:
    """Data rows of a CSV file (records, not lines: a quoted field may hold a newline)."""
    import csv
    with path.open(newline="", encoding="utf-8") as fh:
        return max(sum(1 for _ in csv.reader(fh)) - 1, 0)


def render_downloads(pkg: Package, downloads: list[Download], folder: str) -> str:
    """Markdown body of the downloads page; `folder` is the download folder relative to docs."""
    d = pkg.descriptor
    zipped = [x for x in downloads if x.kind == "zip"]
    lines = [f"**Dataset version {md_text(pkg.version)}**"
             + (f" (pipeline {md_text(d['pipeline_version'])})" if d.get("pipeline_version")
                else "") + ".\n"]
    if zipped:
        z = zipped[0]
        lines.append(f"[Download everything as one zip ({fmt_bytes(z.size)})]"
                     f"({folder}/{quote(z.name)}){{ .md-button .md-button--primary }}\n")
    lines.append("## Files\n")
    rows = []
    for x in downloads:
        rows.append([f"[{md_code(x.name)}]({folder}/{quote(x.name)})", x.kind,
                     "" if x.rows is None else fmt_int(x.rows),
                     f"{fmt_bytes(x.size)}<br><small>{fmt_int(x.size)} bytes</small>",
                     f"<code class=\"sha256\">{x.sha256}</code>"])
    lines.append(md_table(["File", "Format", "Rows", "Size", "SHA-256"], rows,
                          ["l", "l", "r", "r", "l"]))
    lines.append("Check a file after downloading it with `sha256sum FILE` (Linux), "
                 "`shasum -a 256 FILE` (macOS) or `Get-FileHash FILE` (PowerShell).\n")
    lines.append("## Provenance\n")
    prov = [[f"`{k}`", md_text(d[k])] for k in
            ("name", "version", "pipeline_version", "model", "gazetteer", "corpus_sha256",
             "created") if d.get(k) not in (None, "")]
    lic = d.get("licenses") or []
    if lic:
        prov.append(["`licenses`", md_text(", ".join(str(x.get("name") or x.get("title") or x)
                                                     for x in lic))])
    lines.append(md_table(["Descriptor key", "Value"], prov))
    return "\n".join(lines)


def render_citation(cff_path: Path, version: str, folder: str) -> str:
    """A citation block from CITATION.cff: a plain reference, BibTeX, and the file itself."""
    if not cff_path.is_file():
        return ""
    cff: dict[str, Any] = yaml.safe_load(cff_path.read_text(encoding="utf-8")) or {}
    authors = [a.get("name") or " ".join(x for x in (a.get("given-names"),
                                                       a.get("family-names")) if x)
               for a in cff.get("authors", [])]
    title = str(cff.get("title", ""))
    year = str(cff.get("date-released", ""))[:4] or "n.d."
    url = str(cff.get("url") or cff.get("repository-code") or "")
    plain = (f"{md_text('; '.join(authors))} ({md_text(year)}). *{md_text(title)}* "
             f"(version {md_text(version)}).")
    if url:
        plain += f" {md_text(url)}"
    bib = ["@misc{" + _safe(title.lower().replace(" ", "_"))[:40] + ",",
           f"  title   = {{{title}}},", f"  author  = {{{' and '.join(authors)}}},",
           f"  year    = {{{year}}},", f"  version = {{{version}}},"]
    if url:
        bib.append(f"  url     = {{{url}}},")
    bib.append("}")
    return "\n".join([
        "## How to cite\n", plain + "\n", "```bibtex", *bib, "```\n",
        f"The machine-readable citation, [`CITATION.cff`]({folder}/CITATION.cff):\n",
        "```yaml", cff_path.read_text(encoding="utf-8").rstrip(), "```\n"])
