"""Independent check of controlHistory: per step between consecutive
DeepState daily files, the km^2 gained (after minus before) and lost
(before minus after), by GEOS (shapely 1.8, OverlayNG) and pyproj's Geod
(WGS84) on geometry densified to 0.0005 degrees, so that the straight
lon/lat edges the files mean are followed closely by the geodesic polygon.

Usage: /usr/bin/python3 geos_history.py file1 file2 ... ; prints JSON
{"steps": [{"gained": km2, "lost": km2}, ...], "seconds": time taken}.
"""
import json
import math
import sys
import time

from pyproj import Geod
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.geometry.polygon import orient

GEOD = Geod(ellps="WGS84")
STEP = 0.0005


def densify(ring):
    out = []
    coords = list(ring.coords)
    for (x0, y0), (x1, y1) in zip(coords, coords[1:]):
        n = max(1, math.ceil(max(abs(x1 - x0), abs(y1 - y0)) / STEP))
        out.extend((x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n) for i in range(n))
    out.append(coords[-1])
    return out


def km2(geometry):
    polygons = [geometry] if isinstance(geometry, Polygon) else list(getattr(geometry, "geoms", []))
    total = 0.0
    for p in polygons:
        if not isinstance(p, Polygon) or p.is_empty:
            continue
        p = orient(Polygon(densify(p.exterior), [densify(r) for r in p.interiors]), 1.0)
        area, _ = GEOD.geometry_area_perimeter(p)
        total += area
    return total / 1e6


def read(path):
    with open(path) as f:
        collection = json.load(f)
    geometry = shape(collection["features"][0]["geometry"])
    return geometry if geometry.is_valid else geometry.buffer(0)


def main(paths):
    started = time.time()
    before = read(paths[0])
    steps = []
    for path in paths[1:]:
        after = read(path)
        steps.append({"gained": km2(after.difference(before)), "lost": km2(before.difference(after))})
        before = after
    print(json.dumps({"steps": steps, "seconds": time.time() - started}))


if __name__ == "__main__":
    main(sys.argv[1:])
