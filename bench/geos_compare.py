"""Native GEOS (shapely) doing the N-way overlay compareClaimants (and, with two maps, diffClaims) does,
with geodesic areas (pyproj).

Reads a JSON file {"within": geometry, "maps": [FeatureCollection, ...], "counts": [2, 4], "runs": n} of
control maps (one per claimant, properties.status and .side) and, for each count N, lays the first N maps
over each other inside `within` region by region, the way contested does and a GEOS user would: start
from `within`; for each claimant, split every piece into its intersection with each of the claimant's
regions that meet it and the rest (the piece less all of them). Prints, per N, {"median_ms", "p25_ms",
"p75_ms", "pieces", "allSpeakKm2", "anySpeaksKm2"} as JSON: the km² where all N claimants say something
and where at least one does, summed on the WGS84 ellipsoid, for a check against contested's figures.
Benchmark only: the library never calls Python.
"""
import json
import sys

from shapely.geometry import shape
from shapely.ops import unary_union
from shapely.prepared import prep

from _geos import km2, timed as timed_runs


def overlay(within, maps):
    boxes = {id(regions): [r.bounds for r in regions] for regions in maps}
    pieces = [(within, 0)]
    for regions in maps:
        nxt = []
        for geometry, speakers in pieces:
            # The piece is prepared once for its intersects tests against the claimant's regions (GEOS's
            # prepared geometry), and only regions whose boxes meet it are tested.
            prepared = prep(geometry)
            box = geometry.bounds
            meeting = [r for r, b in zip(regions, boxes[id(regions)]) if b[0] <= box[2] and box[0] <= b[2] and b[1] <= box[3] and box[1] <= b[3] and prepared.intersects(r)]
            for region in meeting:
                both = geometry.intersection(region)
                if not both.is_empty and both.area > 0:
                    nxt.append((both, speakers + 1))
            rest = geometry.difference(unary_union(meeting)) if meeting else geometry
            if not rest.is_empty and rest.area > 0:
                nxt.append((rest, speakers))
        pieces = nxt
    return pieces


def timed(within, maps, runs):
    quartiles, pieces = timed_runs(lambda: overlay(within, maps), runs)
    n = len(maps)
    return {
        **quartiles, "pieces": len(pieces),
        "allSpeakKm2": sum(km2(g) for g, s in pieces if s == n),
        "anySpeaksKm2": sum(km2(g) for g, s in pieces if s > 0),
    }


def main():
    spec = json.load(open(sys.argv[1]))
    within = shape(spec["within"])
    maps = [[shape(f["geometry"]) for f in fc["features"]] for fc in spec["maps"]]
    runs = spec.get("runs", 1)
    print(json.dumps({str(n): timed(within, maps[:n], runs) for n in spec["counts"]}))


main()
