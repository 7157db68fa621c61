"""Native GEOS (shapely) walking DeepState's daily archive the way a GEOS user would, with geodesic areas (pyproj).

Reads a JSON file {"files": [[date, path], ...]} of daily snapshots in date order (each a FeatureCollection of
Russian-held ground), parses them all first (untimed, as the TypeScript side reads and resolves its maps before
the timer starts), then times the loop: for each pair of consecutive snapshots, gained = after less before and
lost = before less after, km² on the WGS84 ellipsoid, summed into the month of the later snapshot. Prints
{"ms", "steps", "months": {"YYYY-MM": {"gained", "lost"}}} as JSON.
Benchmark only: the library never calls Python.
"""
import json
import sys
import time

from shapely.geometry import shape
from shapely.ops import unary_union

from _geos import km2


def read(path):
    collection = json.load(open(path))
    return unary_union([shape(f["geometry"]) for f in collection["features"] if f.get("geometry")])


def main():
    spec = json.load(open(sys.argv[1]))
    snapshots = [(date, read(path)) for date, path in spec["files"]]
    months = {}
    start = time.perf_counter()
    for (_, before), (date, after) in zip(snapshots, snapshots[1:]):
        month = months.setdefault(date[:7], {"gained": 0.0, "lost": 0.0})
        month["gained"] += km2(after.difference(before))
        month["lost"] += km2(before.difference(after))
    ms = (time.perf_counter() - start) * 1000
    print(json.dumps({"ms": ms, "steps": len(snapshots) - 1, "months": months}))


main()
