"""Command line: `python -m pipeline build|validate|site|evaluate`.

Every failure a user can cause (missing input, missing model, invalid package) ends with one
line on stderr saying what is wrong and what to do, and a non-zero exit status; `--debug`
shows the traceback instead.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

from pipeline import __version__

DEFAULT_EVAL_DIR = Path("../shared/eval")


def _cmd_build(args: argparse.Namespace) -> int:
    from pipeline import build
    result = build.build(Path(args.raw), Path(args.out), model=args.model,
                         run_validation=not args.no_validate, jobs=max(1, args.jobs),
                         cache_dir=None if args.no_cache else Path(args.cache_dir),
                         show_progress=sys.stderr.isatty(), dask=args.dask)
    counts = result["counts"]
    print(f"built {args.out}: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from pipeline import validate
    rows = validate.validate_package(Path(args.package))
    print(f"valid: {len(rows)} resources, {sum(rows.values())} rows checked")
    return 0


def _cmd_site(args: argparse.Namespace) -> int:
    from pipeline import site
    site.generate_pages(Path(args.package), Path(args.docs))
    print(f"generated site pages in {args.docs}")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from pipeline import evaluate
    return evaluate.main(args.set, Path(args.eval_dir), limit=args.limit, model=args.model,
                         out=Path(args.json) if args.json else None)


def parser() -> argparse.ArgumentParser:
    from pipeline.nlp import DEFAULT_MODEL
    p = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Turn a folder of news articles into a validated data package of events, "
                    "actors and places (Parquet, CSV and datapackage.json).")
    p.add_argument("--version", action="version", version=f"pipeline {__version__}")
    p.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="ingest, extract, package and validate a folder of articles",
                       description="Read every article under --raw (.txt with optional .json "
                       "sidecar, .jsonl, .html, and .gz of each, and .parquet), extract places, actors and "
                       "events, and write OUT/datapackage.json with OUT/<table>.parquet and "
                       "OUT/<table>.csv for every table. The package is validated with "
                       "frictionless before it replaces the previous one.")
    b.add_argument("--raw", required=True, help="folder of raw articles (walked recursively)")
    b.add_argument("--out", required=True, help="folder to write the data package into")
    b.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy pipeline (default {DEFAULT_MODEL})")
    b.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="worker processes for NLP (default: the number of cores)")
    b.add_argument("--cache-dir", default="build/cache",
                   help="per-article extraction cache; unchanged articles are not parsed again "
                        "(default build/cache)")
    b.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    b.add_argument("--dask", default=None, metavar="ADDRESS",
                   help="run extraction on a Dask cluster: a scheduler address such as "
                        "tcp://scheduler:8786, or 'local' to start a LocalCluster of --jobs "
                        "workers; also writes OUT/partitioned/<table>/part-*.parquet")
    b.add_argument("--no-validate", action="store_true",
                   help="skip frictionless validation (faster; for experiments only)")
    b.set_defaults(func=_cmd_build)

    v = sub.add_parser("validate", help="validate a data package with frictionless",
                       description="Validate every resource of a datapackage.json (CSV and "
                       "Parquet, foreign keys included) and print a readable report.")
    v.add_argument("package", nargs="?", default="data/processed/datapackage.json",
                   help="path to datapackage.json (default data/processed/datapackage.json)")
    v.set_defaults(func=_cmd_validate)

    s = sub.add_parser("site", help="generate the site's pages from the schemas and a package",
                       description="Write the generated pages (home, data dictionary, codebook, "
                       "downloads, explore) into the MkDocs docs folder.")
    s.add_argument("--package", default="data/processed", help="folder holding datapackage.json")
    s.add_argument("--docs", default="docs", help="MkDocs docs folder")
    s.set_defaults(func=_cmd_site)

    e = sub.add_parser("evaluate", help="score extraction against gold-annotated sets",
                       description="Build the development sets through the pipeline and print "
                       "standard scores: toponym recognition and resolution (geo), event type, "
                       "actor country and event location (events). A set whose file is "
                       "missing is skipped with a message.")
    e.add_argument("set", nargs="?", default="all", choices=["all", "geo", "events"])
    e.add_argument("--eval-dir", default=str(DEFAULT_EVAL_DIR),
                   help="folder of gold sets (default ../shared/eval)")
    e.add_argument("--limit", type=int, default=None, help="score only the first N records of each set")
    e.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline")
    e.add_argument("--json", default=None, help="also write the scores to this JSON file")
    e.set_defaults(func=_cmd_evaluate)
    return p


# Seconds an interrupted command has to stop its worker processes and clean up before the
# system ends it: a process pool torn down after a Ctrl-C can wait forever on a queue lock a
# worker held (seen once in the full test suite under load), and a build must never hang.
INTERRUPT_GRACE_S = 20


def _interrupted(signum: int, frame: object) -> None:
    """SIGINT: raise KeyboardInterrupt as Python does, and arm SIGALRM with its default
    action (end the process), so that cleanup which hangs still ends."""
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.alarm(INTERRUPT_GRACE_S)
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _interrupted)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("error: interrupted; the previous package was left in place", file=sys.stderr)
        # (worker processes forked for extraction or validation are stopped now: one forked
        # while another thread held a lock may never finish, and the exit would wait for it)
        import multiprocessing
        for child in multiprocessing.active_children():
            child.kill()
        return 130
    except OSError as exc:
        if args.debug:
            raise
        import errno
        hint = {errno.ENOSPC: "free some disk space and run again",
                errno.EACCES: "check the permissions of that path",
                errno.EROFS: "write to another folder with --out"}.get(exc.errno, "")
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"error: {exc.strerror or exc}{where}{'; ' + hint if hint else ''}; "
              "the previous package was left in place", file=sys.stderr)
        return 1
    except Exception as exc:  # every failure becomes one readable line unless --debug
        if args.debug:
            raise
        msg = str(exc).strip() or exc.__class__.__name__
        first, _, rest = msg.partition("\n")
        print(f"error: {first}", file=sys.stderr)
        if rest:
            print(rest, file=sys.stderr)
        return 1
    finally:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, previous)
