"""Native GEOS (shapely) side of bench/engines-real.ts: A∩B and A−B of two MultiPolygons in
degrees, each timed `runs` times (every run's wall and CPU time in ms; the operation only, on
geometries already in GEOS), with their planar areas in square degrees. Reads {"a": geometry, "b": geometry}
from the file named first, `runs` second (default 3); prints JSON. Benchmark only: the library never
calls Python.
"""
import json
import sys
import time

import shapely
from shapely.geos import geos_version_string
from shapely.geometry import shape
from shapely.validation import make_valid


def main():
    spec = json.load(open(sys.argv[1]))
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    raw = [shape(spec["a"]), shape(spec["b"])]
    # The inputs come repaired (normalizeGeometry); should GEOS still find one invalid, it is made
    # valid outside the timing, and the output says so.
    made_valid = [not g.is_valid for g in raw]
    a, b = (make_valid(g) if bad else g for g, bad in zip(raw, made_valid))
    out = {"geos": geos_version_string, "shapely": shapely.__version__, "madeValid": made_valid}
    for name, op in (("intersection", lambda: a.intersection(b)), ("difference", lambda: a.difference(b))):
        times, cpu = [], []
        result = None
        for _ in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            result = op()
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        out[name] = {"runs": times, "cpuRuns": cpu, "area": result.area}
    print(json.dumps(out))


main()
