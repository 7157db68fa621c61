"""Native GEOS (shapely) doing the overlay controlChange does, with geodesic areas (pyproj).

Reads a JSON file {"a": FeatureCollection, "b": FeatureCollection, "runs": n} of two control maps
(properties.status and .side), overlays them region by region as contested's full overlay does
(A∩B for pairs whose states differ, A less all of B, B less all of A) and, the way a GEOS user
would, class by class (after less before, before less after); sums km² on the WGS84 ellipsoid and
prints {"overlay": {"median_ms", "p25_ms", "p75_ms", "km2"}, "perClass": {...}} as JSON.
Benchmark only: the library never calls Python.
"""
import json
import sys

from shapely.geometry import shape
from shapely.ops import unary_union
from shapely.prepared import prep

from _geos import km2, timed as timed_runs


def state_class(props):
    return "contested" if props["status"] == "contested" else props["status"] + ":" + str(props.get("side"))


def regions(collection):
    return [(state_class(f["properties"]), shape(f["geometry"])) for f in collection["features"]]


def overlay(a, b):
    totals = {}
    add = lambda key, g: totals.__setitem__(key, totals.get(key, 0.0) + (km2(g) if not g.is_empty else 0.0))
    # Each region is prepared once for its intersects tests (GEOS's prepared geometry: an edge index
    # built once and reused), and each pair is tested once, as a GEOS user who cares about speed would.
    for ca, ga in a:
        prepared = prep(ga)
        meeting = [(cb, gb) for cb, gb in b if prepared.intersects(gb)]
        for cb, gb in meeting:
            if cb != ca:
                add(ca + " -> " + cb, ga.intersection(gb))
        add(ca + " -> none", ga.difference(unary_union([gb for _, gb in meeting])) if meeting else ga)
    for cb, gb in b:
        prepared = prep(gb)
        meeting = [ga for _, ga in a if prepared.intersects(ga)]
        add("none -> " + cb, gb.difference(unary_union(meeting)) if meeting else gb)
    return totals


def per_class(a, b):
    """What a GEOS user would write: per class, after less before (gained) and before less after (lost)."""
    totals = {}
    for cls in sorted({c for c, _ in a} | {c for c, _ in b}):
        ga = unary_union([g for c, g in a if c == cls])
        gb = unary_union([g for c, g in b if c == cls])
        totals[cls + " gained"] = km2(gb.difference(ga))
        totals[cls + " lost"] = km2(ga.difference(gb))
    return totals


def timed(fn, a, b, runs):
    quartiles, totals = timed_runs(lambda: fn(a, b), runs)
    return {**quartiles, "km2": totals}


def main():
    spec = json.load(open(sys.argv[1]))
    a, b = regions(spec["a"]), regions(spec["b"])
    runs = spec.get("runs", 10)
    print(json.dumps({"overlay": timed(overlay, a, b, runs), "perClass": timed(per_class, a, b, runs)}))


main()
