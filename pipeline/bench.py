"""`make bench`: throughput and memory of the pipeline against bare spaCy, on the same texts.

Generates a corpus of N articles by recombining the sentences of the sample corpus (with
weekdays, years and country names varied, so the texts differ), then measures in one run:
bare `nlp.pipe` with the full spaCy pipeline, the toponym recogniser and resolver on the same
docs, the pipeline end to end (ingest to validated package, no cache) with one process and
with --jobs, time per stage, and peak memory.
Not a test: numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
COUNTRIES = ["Iraq", "Syria", "Nigeria", "Kenya", "France", "Ukraine", "Yemen", "Sudan",
             "Myanmar", "Mali", "Colombia", "Pakistan", "Turkey", "Brazil", "Ethiopia"]


def sample_sentences(raw_dir: Path) -> list[str]:
    """Sentences (roughly: paragraph pieces ending in a full stop) of the English sample texts."""
    out = []
    for path in sorted(raw_dir.rglob("*.txt")):
        side = path.with_suffix(".json")
        if side.exists() and json.loads(side.read_text()).get("language", "en") != "en":
            continue
        for para in path.read_text(encoding="utf-8").split("\n\n")[1:]:
            out += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", para) if len(s.split()) > 6]
    return out


def make_corpus(raw_dir: Path, n: int, out_dir: Path, seed: int = 7) -> int:
    """Write `n` articles as JSONL shards of 1,000 into out_dir; returns the word count."""
    rng = random.Random(seed)
    sents = sample_sentences(raw_dir)
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    words = 0
    shard = None
    for i in range(n):
        if i % 1000 == 0:
            if shard:
                shard.close()
            shard = open(out_dir / f"shard-{i // 1000:05d}.jsonl", "w", encoding="utf-8")
        swap = dict(zip(COUNTRIES, rng.sample(COUNTRIES, len(COUNTRIES))))
        body = []
        for _ in range(rng.randint(8, 16)):
            s = rng.choice(sents)
            s = re.sub("|".join(WEEKDAYS), lambda m: rng.choice(WEEKDAYS), s)
            s = re.sub(r"\b(19|20)\d\d\b", lambda m: str(rng.randint(2005, 2024)), s)
            s = re.sub(r"\b(" + "|".join(COUNTRIES) + r")\b", lambda m: swap[m.group(1)], s)
            body.append(s)
        text = "\n\n".join(" ".join(body[j:j + 3]) for j in range(0, len(body), 3))
        words += len(text.split())
        day = f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        shard.write(json.dumps({"id": f"bench-{i:06d}", "title": body[0][:80], "text": text,
                                "published": day, "source": "Bench Wire", "language": "en"}) + "\n")
    if shard:
        shard.close()
    return words


def peak_rss_mb() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(me, kids) / 1024


def bare_spacy(raw_dir: Path, model: str) -> tuple[float, float]:
    """Seconds for the full spaCy pipeline over every text (one process, batches of 32), and
    seconds that toponym recognition and resolution (`places.find_places`) add on the same docs.

    Why both here: the geoparser's cost is judged against the parse it runs on (issue: under
    10 % of spaCy's time), so it is timed on exactly these documents.
    """
    import spacy

    from pipeline import gazetteer, places
    from pipeline.nlp import keep_text
    texts = [json.loads(line)["text"] for p in sorted(raw_dir.glob("*.jsonl"))
             for line in p.read_text(encoding="utf-8").splitlines()]
    nlp = spacy.load(model)
    gaz = gazetteer.load_gazetteer()
    places.find_places(nlp("Warm-up in Baghdad."), gaz)  # first-use costs are not per-article work
    parse = geo = 0.0
    t0 = time.perf_counter()
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=32)):
        keep_text(doc, text)   # (as the build's parse step does: extract.parse_batch)
        t1 = time.perf_counter()
        parse += t1 - t0
        places.find_places(doc, gaz)
        t0 = time.perf_counter()
        geo += t0 - t1
    return parse, geo


def end_to_end(raw_dir: Path, out_dir: Path, model: str, jobs: int, cache_dir: Path | None = None,
               edited: bool = False) -> dict:
    """Run a build in a child process (fresh memory); returns its timings and peak memory.

    With `cache_dir`, the build reads and fills that cache; `edited` makes it run as after a
    lexicon edit (a new extractor version: every article is extracted again, from its
    cached parse when there is one).
    """
    t0 = time.perf_counter()
    code = ("import json, resource, sys; from pathlib import Path; from pipeline import build; "
            + ("build.extractor_version = lambda version: 'bench-edited-lexicon'; " if edited else "")
            + f"r = build.build(Path({str(raw_dir)!r}), Path({str(out_dir)!r}), model={model!r}, "
            f"jobs={jobs}, log=lambda m: None, "
            f"cache_dir={('Path(' + repr(str(cache_dir)) + ')') if cache_dir else None}); "
            "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; "
            "me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; "
            "print(json.dumps({'timings': r['timings'], 'peak_mb': max(me, kids) / 1024}))")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if p.returncode:
        raise SystemExit(f"bench: build failed: {p.stderr.strip()[-500:]}")
    result = json.loads(p.stdout.strip().splitlines()[-1])
    result["seconds"] = time.perf_counter() - t0
    return result


def main(argv: list[str] | None = None) -> int:
    from pipeline.nlp import DEFAULT_MODEL
    ap = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="articles to generate (default 2000)")
    ap.add_argument("--raw", default="data/raw", help="sample corpus to recombine")
    ap.add_argument("--work", default="build/bench", help="scratch folder")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument("--lexicon-edit", action="store_true",
                    help="also time a cold build that fills the cache, then a rebuild as after a "
                         "lexicon edit (every article extracted again from its cached parse)")
    ap.add_argument("--only-jobs", type=int, default=None,
                    help="skip bare spaCy and run end to end with this many jobs only "
                         "(for memory runs on large N)")
    a = ap.parse_args(argv)
    work = Path(a.work)
    raw = work / "raw"
    words = make_corpus(Path(a.raw), a.n, raw)
    print(f"corpus: {a.n} articles, {words} words ({words / a.n:.0f} words per article)")
    bare = None
    if a.only_jobs is None:
        bare, geo = bare_spacy(raw, a.model)
        print(f"bare spaCy nlp.pipe (full pipeline, 1 process): {bare:.1f} s, "
              f"{a.n / bare:.1f} articles/s, {words / bare:.0f} words/s")
        print(f"toponym recognition and resolution on the same docs: {geo:.1f} s, "
              f"{100 * geo / bare:.1f} % of the spaCy time")
    for jobs in [a.only_jobs] if a.only_jobs else sorted({1, a.jobs}):
        r = end_to_end(raw, work / f"out-{jobs}", a.model, jobs)
        total = r["seconds"]
        stages = ", ".join(f"{k} {v:.1f} s" for k, v in r["timings"].items())
        print(f"end to end, --jobs {jobs}: {total:.1f} s, {a.n / total:.1f} articles/s, "
              + (f"ratio to bare spaCy {bare / total:.2f}; " if bare else "")
              + f"stages: {stages}; peak memory (largest process) {r['peak_mb']:.0f} MB")
    if a.lexicon_edit:
        cache = work / "cache"
        shutil.rmtree(cache, ignore_errors=True)
        jobs = a.only_jobs or a.jobs
        cold = end_to_end(raw, work / "out-cold", a.model, jobs, cache)
        edit = end_to_end(raw, work / "out-edit", a.model, jobs, cache, edited=True)
        print(f"with the cache, --jobs {jobs}: cold build {cold['seconds']:.1f} s; rebuild after a "
              f"lexicon edit (no NLP, parses from the cache) {edit['seconds']:.1f} s "
              f"({cold['seconds'] / edit['seconds']:.1f}x faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
