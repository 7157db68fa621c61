"""Native GEOS (shapely) doing the diff of the scaling benchmark: A∩B, A−B, B−A of two
MultiPolygons, with geodesic areas (pyproj). Reads {"a": geometry, "b": geometry} from the file
named on the command line; prints {"ms", "maxRssMb", "conflictKm2"} as JSON (one timed run after
parsing, as the TypeScript side times one diff). Benchmark only: the library never calls Python.
"""
import json
import resource
import sys
import time

from shapely.geometry import shape
from shapely.validation import make_valid

from _geos import GEOD


def main():
    spec = json.load(open(sys.argv[1]))
    # Decimated inputs (the small sizes) can cross themselves, which GEOS refuses; contested reads such
    # operands by its fill rule. GEOS gets them made valid first, outside the timing.
    a, b = (g if g.is_valid else make_valid(g) for g in (shape(spec["a"]), shape(spec["b"])))
    start = time.perf_counter()
    both = a.intersection(b)
    only_a = a.difference(b)
    only_b = b.difference(a)
    ms = (time.perf_counter() - start) * 1000
    area, _ = GEOD.geometry_area_perimeter(both)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"ms": ms, "maxRssMb": rss, "conflictKm2": abs(area) / 1e6, "pieces": [len(getattr(g, "geoms", [g])) for g in (both, only_a, only_b)]}))


main()
