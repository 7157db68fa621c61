"""The geometry referee: native GEOS (shapely 1.8, OverlayNG) and PROJ's
geodesic area (pyproj.Geod, WGS84), computing independently what the library
computes, so that the tests can compare.

Reads one JSON document on stdin, {"cases": [...]}, and writes one on stdout,
{"results": [...]} in the same order. Each result maps a key ("result",
"left", a state, a diff label, ...) to [referee_km2, symmetric_difference_km2]:
the geodesic area of GEOS's answer, and the geodesic area of the symmetric
difference between GEOS's answer and the library's shape for that key. The
TypeScript side (test/referee/_geos.ts) holds the tolerance and compares.

Case kinds:
- boolean: {op: union|intersection|difference, operands: [geojson], ours: geojson,
            read?: "even-odd" (operands invalid on purpose, read by normalizeGeometry's rule)}
- split:   {area: geojson, line: [[lon, lat], ...], ours: {left, right}}
- area:    {geometry: geojson}                      (key "area", sym 0)
- map:     {mode: controlMap|diff|compare|change, parties: [[{geometry,
            state}] in priority order, winner first], within?: geojson,
            ours: {key: [geojson]}}
  controlMap keys: the state ("controlled:RU", "contested", "advancing:UA");
  diff keys: agree|conflict|partial|only-a|only-b|unclaimed;
  compare keys: the states of every party joined by "|", "-" for silence;
  change keys: "from>to" with "-" for no claim, only where from != to.

Why the densification step is 0.0001 degrees and not 0.0005: the library's
edges are straight in lon/lat and PROJ measures geodesics, so the referee
densifies before measuring. At 0.0005 degrees the densified area of a
0.05-degree triangle at 48 N differs from the exact lon/lat-straight area
by up to 3e-8 relative (measured), above the 1e-8 tolerance; at 0.0001
degrees the difference is below 2e-9. The difference grows with the tangent
of the latitude (a parallel curves more against the geodesic between two of
its points nearer the pole): at 80 N a 1.1 km2 polygon with a hole measured
1.02e-8 relative below the lon/lat-straight area at 0.0001 degrees (area
referee, seed 1013690673, case 44), 9e-10 at 0.00003 and 3e-12 at
0.000003. So beyond 60 degrees a ring's step is 0.0001 degrees times
tan(60) / tan(its highest latitude): 0.00003 at 80. Up to 60 (all of
Ukraine, every generated case but the area referee's) it is 0.0001 as it
was, and the figures tests pin from this referee stay as they were.

Runs under /usr/bin/python3 (Debian's python3-shapely, python3-pyproj).
"""
import json
import math
import sys

import numpy as np
from pyproj import Geod
from shapely.geometry import GeometryCollection, MultiPolygon, Polygon, shape, mapping
from shapely.ops import unary_union

STEP = 0.0001
GEOD = Geod(ellps="WGS84")
EMPTY = GeometryCollection()


def densified(coords):
    """The ring with points inserted every STEP degrees or less (less towards the poles: see above) along each lon/lat-straight edge."""
    a = np.asarray(coords, dtype=float)[:, :2]
    if len(a) < 2:
        return a[:, 0], a[:, 1]
    step = STEP * min(1.0, math.tan(math.radians(60)) / math.tan(math.radians(min(89.9, float(np.abs(a[:, 1]).max())))))
    delta = np.diff(a, axis=0)
    n = np.maximum(1, np.ceil(np.abs(delta).max(axis=1) / step)).astype(int)
    segment = np.repeat(np.arange(len(n)), n)
    t = (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)) / np.repeat(n, n)
    xs = np.append(a[segment, 0] + delta[segment, 0] * t, a[-1, 0])
    ys = np.append(a[segment, 1] + delta[segment, 1] * t, a[-1, 1])
    return xs, ys


def ring_m2(coords):
    xs, ys = densified(coords)
    area, _ = GEOD.polygon_area_perimeter(xs, ys)
    return abs(area)


def km2(geom):
    """Geodesic area of a valid areal geometry, km2."""
    total = 0.0
    for polygon in polygons(geom):
        total += ring_m2(polygon.exterior.coords)
        for hole in polygon.interiors:
            total -= ring_m2(hole.coords)
    return total / 1e6


def sliver_km2(geom):
    """
    The area of a symmetric difference, km2, to about 1 %: planar lon/lat
    area scaled at each polygon's latitude. Enough to compare with a bound,
    and unlike an undensified geodesic area it does not drown a sliver a
    millimetre wide in the bulge of its long edges.
    """
    total = 0.0
    for polygon in polygons(geom):
        lat = math.radians(polygon.centroid.y)
        total += polygon.area * 111.32 * 111.32 * math.cos(lat) * (1 - 0.0067 * math.cos(2 * lat))
    return total


def polygons(geom):
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    out = []
    for part in getattr(geom, "geoms", []):
        out.extend(polygons(part))
    return out


def read(geojson):
    if geojson is None:
        return EMPTY
    if geojson.get("type") == "Feature":
        return read(geojson.get("geometry"))
    if geojson.get("type") == "MultiPolygon" and len(geojson["coordinates"]) == 0:
        return EMPTY
    return shape(geojson)


INVALID = []
NOT_JUDGED = -1.0


def ours_of(geojson, key="result"):
    """
    Our shape as GEOS reads it. A shape GEOS calls invalid (a zero-width
    spike, a ring touching itself) is a wrong answer in itself: it is noted
    in the case's "invalid" list, and compared after buffer(0) so that its
    area and shape are still judged (GEOS's make_valid, keeping the polygons).
    """
    g = read(geojson)
    if not g.is_empty and not g.is_valid:
        from shapely.validation import explain_validity
        from shapely.validation import make_valid
        INVALID.append(f"{key}: {explain_validity(g)}")
        g = dissolve(polygons(make_valid(g)))
    return g


def read_all(items, key):
    geoms = [ours_of(g, key) for g in items]
    geoms = [g for g in geoms if not g.is_empty]
    return unary_union(geoms) if geoms else EMPTY


def perimeter_km(geom):
    """Geodesic length of the boundary, km (0 when empty): what a grid-rounding engine's error scales with."""
    return 0.0 if geom.is_empty else GEOD.geometry_area_perimeter(geom)[1] / 1000


def compared(expected, ours, key="result"):
    """[referee km2, km2 of the symmetric difference with our shape (NOT_JUDGED when ours is invalid), boundary km]."""
    boundary = max(perimeter_km(expected), perimeter_km(ours))
    if expected.is_empty and ours.is_empty:
        return [0.0, 0.0, 0.0]
    if expected.is_empty:
        return [0.0, km2(ours), boundary]
    if ours.is_empty:
        return [km2(expected), km2(expected), boundary]
    if any(note.startswith(f"{key}: ") for note in INVALID):
        # An invalid shape of ours is reported as such; its repair says nothing reliable about the shape meant.
        return [km2(expected), NOT_JUDGED, boundary]
    return [km2(expected), sliver_km2(safely("symmetric_difference", expected, ours)), boundary]


def valid(geoms, name):
    """The referee compares valid inputs only: an invalid one is a generator bug, said so."""
    from shapely.validation import explain_validity
    for i, g in enumerate(geoms):
        if not g.is_empty and not g.is_valid:
            raise ValueError(f"{name} {i} is not valid: {explain_validity(g)}")


def crossings_odd(ring, x, y):
    """Whether a ray from (x, y) towards +x crosses the ring an odd number of times (the even-odd rule, by hand)."""
    odd = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            odd = not odd
    return odd


def ring_even_odd(ring):
    """
    A ring's ground by the even-odd rule, built by GEOS and a hand parity
    test only: the ring's linework noded by GEOS (unary_union), every face
    GEOS's polygonize finds, and the faces an odd number of crossings deep.
    """
    from shapely.geometry import LineString
    from shapely.ops import polygonize
    ring = [tuple(p[:2]) for p in ring]
    faces = list(polygonize(unary_union(LineString(ring))))
    inside = [f for f in faces if crossings_odd(ring, *f.representative_point().coords[0])]
    return unary_union(inside) if inside else EMPTY


def read_even_odd(geojson):
    """
    An operand as normalizeGeometry's documented rule reads it: each ring by
    even-odd, each polygon its shell's ground minus its holes', the parts
    united (overlapping parts count once).
    """
    if geojson.get("type") == "Feature":
        return read_even_odd(geojson.get("geometry"))
    polygons = [geojson["coordinates"]] if geojson["type"] == "Polygon" else geojson["coordinates"]
    grounds = []
    for rings in polygons:
        ground = ring_even_odd(rings[0])
        holes = [ring_even_odd(h) for h in rings[1:]]
        holes = [h for h in holes if not h.is_empty]
        if holes and not ground.is_empty:
            ground = ground.difference(unary_union(holes))
        if not ground.is_empty:
            grounds.append(ground)
    return dissolve(grounds) if grounds else EMPTY


def boolean(case):
    if case.get("read") == "even-odd":
        # Invalid operands on purpose: GEOS is given their even-odd reading, built above from GEOS's noding.
        operands = [read_even_odd(g) for g in case["operands"]]
    else:
        operands = [read(g) for g in case["operands"]]
    valid(operands, "operand")
    op = case["op"]
    if op == "union":
        expected = dissolve(operands)
    elif op == "intersection":
        expected = operands[0] if operands else EMPTY
        for g in operands[1:]:
            expected = EMPTY if expected.is_empty or g.is_empty else safely("intersection", expected, g)
    elif op == "difference":
        expected = operands[0]
        rest = [g for g in operands[1:] if not g.is_empty]
        if rest and not expected.is_empty:
            expected = safely("difference", expected, dissolve(rest))
    else:
        raise ValueError(op)
    return {"result": compared(expected, ours_of(case["ours"]))}


def split(case):
    """
    The left and right parts by GEOS alone: the line extended straight from
    its first and last segments by 10 degrees (the library's documented
    rule), GEOS's split of the area by it, and each piece put on the side of
    the line its interior point lies on.
    """
    from shapely.geometry import LineString, Point
    from shapely.ops import split as split_by

    area = read(case["area"])
    line = [list(p[:2]) for p in case["line"]]

    def beyond(p, q):
        dx, dy = p[0] - q[0], p[1] - q[1]
        length = math.hypot(dx, dy)
        return [p[0] + 10 * dx / length, p[1] + 10 * dy / length]

    extended = LineString([beyond(line[0], line[1])] + line + [beyond(line[-1], line[-2])])
    left, right = [], []
    for piece in polygons(split_by(area, extended)):
        point = piece.representative_point()
        d = extended.project(point)
        a = extended.interpolate(max(d - 1e-7, 0))
        b = extended.interpolate(min(d + 1e-7, extended.length))
        cross = (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x)
        (left if cross > 0 else right).append(piece)
    return {
        "left": compared(dissolve(left), ours_of(case["ours"]["left"], "left"), "left"),
        "right": compared(dissolve(right), ours_of(case["ours"]["right"], "right"), "right"),
    }


def party_map(claims, within):
    """A party's control map by state: each claim takes what higher-priority claims left."""
    covered = EMPTY
    by_state = {}
    for claim in claims:
        g = claim["geometry"]
        valid([g], "claim geometry")
        if within is not None:
            g = safely("intersection", g, within)
        if g.is_empty:
            continue
        g = without_crumbs(g)
        piece = g if covered.is_empty else safely("difference", g, covered)
        covered = g if covered.is_empty else safely("union", covered, g)
        if not piece.is_empty:
            by_state.setdefault(claim["state"], []).append(piece)
    return {state: dissolve(parts) for state, parts in by_state.items()}


def label(a, b):
    if a == b:
        return "agree"
    if a.startswith("controlled:") and b.startswith("controlled:"):
        return "conflict"
    return "partial"


def add(pieces, key, geom):
    if not geom.is_empty:
        pieces.setdefault(key, []).append(geom)


def whole(m):
    return dissolve(list(m.values()))


def snapped(g, digits=11):
    """g with coordinates rounded to 1e-11 degrees (about 1 micrometre), made valid again."""
    from shapely.ops import transform
    return transform(lambda x, y, z=None: (np.round(x, digits), np.round(y, digits)), g).buffer(0)


CRUMB_DEG2 = 1e-14


def without_crumbs(g):
    """
    g without polygons under 1e-14 square degrees (about 1e-4 m2, 1e-10 km2,
    far below the tolerance). GEOS's floating overlay can leave such
    collapsed slivers, and an overlay taking one as input can answer wrongly
    (measured: an intersection 1.7 km2 outside both operands); dropping them
    keeps the referee's own chain of overlays sound.
    """
    parts = polygons(g)
    kept = [p for p in parts if p.area >= CRUMB_DEG2]
    if len(kept) == len(parts):
        return g
    return unary_union(kept) if kept else EMPTY


def dissolve(parts):
    parts = [g for g in parts if not g.is_empty]
    return without_crumbs(unary_union(parts)) if parts else EMPTY


class RefereeInconsistent(Exception):
    """GEOS contradicted itself on a case even after rounding: the referee cannot judge it."""


def consistent(operation, a, b, result):
    """
    Whether a result agrees with the areas of its operands: GEOS's floating
    overlay has been measured to answer a difference with ground outside its
    first operand on nearly coincident edges (a 1.7e-6 square-degree piece
    that is not in it). A difference must satisfy |a - b| + |a & b| = |a|.
    """
    tolerance = 1e-9 * max(a.area, b.area) + CRUMB_DEG2
    if operation == "difference":
        return abs(result.area + without_crumbs(a.intersection(b)).area - a.area) <= tolerance and placed(result, a, b, False)
    if operation == "intersection":
        return result.area <= min(a.area, b.area) + tolerance and placed(result, a, b, True)
    return True


def placed(result, a, b, in_b):
    """
    Whether a point inside each polygon of the result lies where the
    operation puts it: in `a`, and in `b` (intersection) or not inside it
    (difference), by GEOS's point-in-polygon predicates, which do not share
    the overlay's noding. GEOS has been measured to answer an intersection
    with a 1.1e-8 square-degree piece (9.4e-5 km2) that lies in one operand
    and in no part of the other, a piece its own difference of the two and
    of the result and that operand agree with (map seed 1500039), so no area
    sum of its overlays catches it.
    """
    from shapely.prepared import prep

    pieces = [polygon for polygon in polygons(result) if polygon.area >= CRUMB_DEG2]
    if not pieces:
        return True
    # Prepared once per check: each point is then placed without a pass over every edge.
    in_a, on_b = prep(a), prep(b)
    for polygon in pieces:
        point = polygon.representative_point()
        if not in_a.covers(point) or (on_b.covers(point) if in_b else on_b.contains(point)) != in_b:
            return False
    return True


def safely(operation, a, b):
    """
    a.operation(b), checked (see `consistent`); when GEOS's floating overlay
    gives up (a TopologyException on nearly coincident edges) or contradicts
    itself, once more on both operands rounded to 1e-11 degrees. The
    rounding moves no edge by more than a micrometre, so areas change by far
    less than the tolerance.
    """
    try:
        result = without_crumbs(getattr(a, operation)(b))
        if consistent(operation, a, b, result):
            return result
    except Exception:
        pass
    a, b = snapped(a), snapped(b)
    result = without_crumbs(getattr(a, operation)(b))
    if not consistent(operation, a, b, result):
        raise RefereeInconsistent(f"GEOS's {operation} contradicts itself here, even on operands rounded to 1e-11 degrees")
    return result


def minus(g, other):
    return g if other.is_empty else safely("difference", g, other)


def labelled(case):
    """
    The expected pieces, checked to be a partition: their areas must add up
    to the area they cover together. GEOS's floating overlay has been seen to
    put one point in two pieces on nearly coincident edges; then the whole
    case is computed again on claims rounded to 1e-11 degrees, and if GEOS
    still contradicts itself the case is reported as not judged.
    """
    expected = expected_pieces(case, lambda g: g)
    if not partition(expected):
        expected = expected_pieces(case, snapped)
        if not partition(expected):
            raise RefereeInconsistent("GEOS's pieces overlap each other, even on claims rounded to 1e-11 degrees")
    ours = {key: read_all(items, key) for key, items in case["ours"].items()}
    keys = set(expected) | set(ours)
    return {key: compared(expected.get(key, EMPTY), ours.get(key, EMPTY), key) for key in sorted(keys)}


def partition(pieces):
    total = sum(g.area for g in pieces.values())
    covered = dissolve(list(pieces.values())).area
    return abs(total - covered) <= 1e-9 * covered + len(pieces) * CRUMB_DEG2


def expected_pieces(case, prepare):
    within = prepare(read(case["within"])) if case.get("within") is not None else None
    parties = [[{"geometry": prepare(read(c["geometry"])), "state": c["state"]} for c in claims] for claims in case["parties"]]
    maps = [party_map(claims, within) for claims in parties]
    mode = case["mode"]
    pieces = {}
    if mode == "controlMap":
        for state, g in maps[0].items():
            add(pieces, state, g)
    elif mode in ("diff", "change"):
        a, b = maps
        ua, ub = whole(a), whole(b)
        for sa, ga in a.items():
            for sb, gb in b.items():
                if mode == "change" and sa == sb:
                    continue
                key = label(sa, sb) if mode == "diff" else f"{sa}>{sb}"
                add(pieces, key, safely("intersection", ga, gb))
            add(pieces, "only-a" if mode == "diff" else f"{sa}>-", minus(ga, ub))
        for sb, gb in b.items():
            add(pieces, "only-b" if mode == "diff" else f"->{sb}", minus(gb, ua))
        if mode == "diff" and within is not None:
            add(pieces, "unclaimed", minus(within, dissolve([ua, ub])))
    elif mode == "compare":
        start = within if within is not None else dissolve([whole(m) for m in maps])
        current = [([], start)] if not start.is_empty else []
        for m in maps:
            following = []
            for says, g in current:
                for state, region in m.items():
                    both = safely("intersection", g, region)
                    if not both.is_empty and both.area > 0:
                        following.append((says + [state], both))
                rest = minus(g, whole(m))
                if not rest.is_empty and rest.area > 0:
                    following.append((says + ["-"], rest))
            current = following
        for says, g in current:
            add(pieces, "|".join(says), g)
    else:
        raise ValueError(mode)
    return {key: dissolve(parts) for key, parts in pieces.items()}


def area(case):
    return {"area": [km2(read(case["geometry"])), 0.0]}


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--version":
        from shapely import geos
        import pyproj
        import shapely
        print(json.dumps({"shapely": shapely.__version__, "geos": geos.geos_version_string, "pyproj": pyproj.__version__}))
        return
    cases = json.load(sys.stdin)["cases"]
    kinds = {"boolean": boolean, "split": split, "map": labelled, "area": area}
    results = []
    for case in cases:
        try:
            INVALID.clear()
            result = {"id": case["id"], "keys": kinds[case["kind"]](case)}
            if INVALID:
                result["invalid"] = list(INVALID)
            results.append(result)
        except Exception as error:  # reported per case, so one bad case does not hide the others
            import traceback
            lines = [str(f.lineno) for f in traceback.extract_tb(error.__traceback__) if f.filename == __file__]
            results.append({"id": case["id"], "error": f"{type(error).__name__}: {error} (geos.py lines {', '.join(lines)})"})
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
