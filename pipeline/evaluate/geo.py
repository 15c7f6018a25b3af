"""Toponym recognition and resolution scores on a gold set in the GeoWebNews format.

The definitions are those of ../shared/eval/README.md and its score.py, so the figures agree:
- recognition: a gold toponym whose `type` is a literal place (every type except Non_Toponym,
  Non_Lit_Expression and Non_Literal_Modifier; offsets flagged bad are skipped) is found when
  any predicted mention overlaps it. Recall = found / gold; precision = found / predicted
  mentions (all rows, demonyms included); F1 their harmonic mean.
- the same three again on named toponyms only (`toponym_*`): GeoWebNews also marks common
  nouns that denote a place as Literal_Expression ("the area", "home", "the court", "the
  incident"), about two in five of its literal gold spans and none with coordinates. Those are
  not toponyms in the sense of a gazetteer, so a reader comparing with geoparsers scored on
  names wants the figure without them; found named toponyms are over the same predicted rows.
- recall per gold type (`recall_<type>`), which shows where the misses are.
- resolution, on found gold toponyms that have coordinates: the first overlapping mention's
  place (by start offset) is compared with the gold point. Unresolved counts as 20,038 km
  (half the Earth's circumference). Accuracy within 161 km (100 miles), exact GeoNames id on
  those that have one, mean and median error (the upper median, as score.py), and the AUC of
  the log error curve (Gritta et al. 2018: area under log(1 + error) over sorted errors,
  scaled by log(20039); 0 is perfect, lower is better).
"""
from __future__ import annotations

import math

import pandas as pd

NON_LITERAL = {"Non_Toponym", "Non_Lit_Expression", "Non_Literal_Modifier"}
# Gold types that are common-noun phrases rather than names (left out of the `toponym_*` scores).
EXPRESSION_TYPES = {"Literal_Expression"}
UNRESOLVED_KM = 20038.0
MAX_KM = 20039.0


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in km on a sphere of radius 6,371 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def log_error_auc(errors_km: list[float]) -> float:
    """Area under the curve of log(1 + error) over errors sorted ascending, in [0, 1]."""
    if not errors_km:
        return float("nan")
    ys = [math.log(1.0 + e) for e in sorted(errors_km)]
    if len(ys) == 1:
        return ys[0] / math.log(MAX_KM)
    area = sum((a + b) / 2 for a, b in zip(ys, ys[1:]))
    return area / ((len(ys) - 1) * math.log(MAX_KM))


def score_geo(gold_records: list[dict], place_mentions: pd.DataFrame, places: pd.DataFrame) -> dict[str, float]:
    """Scores of predicted place mentions against gold toponyms.

    gold_records: GeoWebNews-style records (`id`, `toponyms` with start, end, type, lat, lon,
    geonameid). place_mentions: the published table with a `source_id` column naming the gold
    record instead of `article_id`. places: the published places table.
    Returns precision, recall, f1, the same for named toponyms (toponym_precision,
    toponym_recall, toponym_f1), acc_161km, exact_id, mean_km, median_km, auc, recall_<type> for
    each gold type, and the counts predicted_n, gold_n, toponym_gold_n, resolution_n, exact_n.
    """
    coords = {}
    for r in places.itertuples(index=False):
        coords[r.place_id] = (float(r.latitude), float(r.longitude), str(r.geonames_id).split(".")[0])
    ids = {str(d["id"]) for d in gold_records}
    pm = place_mentions[place_mentions["source_id"].astype(str).isin(ids)]
    pm = pm.sort_values(["start", "end"], kind="stable")
    pred: dict[str, list[tuple[int, int, object]]] = {}
    for sid, s, e, pid in zip(pm["source_id"].astype(str), pm["start"], pm["end"], pm["place_id"]):
        pred.setdefault(sid, []).append((int(s), int(e), pid))
    tp = fn = exact = exact_n = 0
    by_type: dict[str, list[int]] = {}  # type -> [found, gold]
    errors: list[float] = []
    for d in gold_records:
        ps = pred.get(str(d["id"]), [])
        for g in d["toponyms"]:
            if g.get("type") in NON_LITERAL or not g.get("offset_ok", True):
                continue
            hit = [p for p in ps if p[0] < g["end"] and g["start"] < p[1]]
            counts = by_type.setdefault(str(g.get("type")), [0, 0])
            counts[0] += bool(hit)
            counts[1] += 1
            if not hit:
                fn += 1
                continue
            tp += 1
            if g.get("lat") is None:
                continue
            pid = hit[0][2]
            if not isinstance(pid, str) or pid not in coords:
                errors.append(UNRESOLVED_KM)
                continue
            lat, lon, gid = coords[pid]
            errors.append(great_circle_km(float(g["lat"]), float(g["lon"]), lat, lon))
            if g.get("geonameid"):
                exact_n += 1
                exact += gid == str(g["geonameid"])
    n = len(pm)
    precision, recall, f1 = _prf(tp, tp + fn, n)
    named = [c for t, c in by_type.items() if t not in EXPRESSION_TYPES]
    named_tp, named_gold = sum(c[0] for c in named), sum(c[1] for c in named)
    named_p, named_r, named_f1 = _prf(named_tp, named_gold, n)
    errors.sort()
    return {
        "precision": precision, "recall": recall, "f1": f1,
        "toponym_precision": named_p, "toponym_recall": named_r, "toponym_f1": named_f1,
        "acc_161km": sum(e <= 161 for e in errors) / max(1, len(errors)),
        "exact_id": exact / max(1, exact_n),
        "mean_km": sum(errors) / len(errors) if errors else float("nan"),
        "median_km": errors[len(errors) // 2] if errors else float("nan"),
        "auc": log_error_auc(errors),
        "predicted_n": float(n), "gold_n": float(tp + fn), "resolution_n": float(len(errors)),
        "exact_n": float(exact_n), "toponym_gold_n": float(named_gold),
        **{f"recall_{t}": c[0] / c[1] for t, c in sorted(by_type.items())},
    }


def _prf(found: int, gold: int, predicted: int) -> tuple[float, float, float]:
    """Precision (found over predicted rows), recall (found over gold) and F1."""
    precision = found / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
