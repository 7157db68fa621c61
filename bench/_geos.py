"""
What the native GEOS benchmark scripts share: geodesic km² on WGS84 (pyproj's
Geod, the same as the tests' independent key) and the timing loop (one
warm-up, then `runs` timed calls; median and quartiles in ms). Imported by
bench/geos_*.py, which Python runs with this folder on its path.
"""
import time

from pyproj import Geod

GEOD = Geod(ellps="WGS84")


def km2(geometry):
    """Geodesic area in km² (0 for an empty geometry)."""
    if geometry.is_empty:
        return 0.0
    area, _ = GEOD.geometry_area_perimeter(geometry)
    return abs(area) / 1e6


def timed(run, runs):
    """Call `run()` once to warm up, then `runs` times; returns (quartiles in ms, the last result)."""
    run()
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    at = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    return {"median_ms": at(0.5), "p25_ms": at(0.25), "p75_ms": at(0.75)}, result
