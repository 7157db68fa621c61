/**
 * The start of a Python script that judges our shapes with GEOS in the
 * plane (shapely): its imports, and km² and boundary km of a geometry with
 * longitude scaled by cos(lat) at its centroid, 111.32 km a degree (about
 * 1 % from the geodesic figures; a bound on a sliver needs no more). The
 * tests that send their cases to GEOS add the loop over the cases.
 */
export const PLANAR_GEOS_PRELUDE = `
import json, math, sys
from shapely.geometry import shape
from shapely.ops import unary_union
from shapely.validation import explain_validity
def scale(g):
    lat = math.radians(g.centroid.y) if not g.is_empty else 0.0
    return 111.32 * math.cos(lat), 111.32
def km2(g):
    if g.is_empty: return 0.0
    kx, ky = scale(g); return g.area * kx * ky
def boundary_km(g):
    if g.is_empty: return 0.0
    kx, ky = scale(g); total = 0.0
    for line in ([g.boundary] if g.boundary.geom_type == 'LineString' else list(g.boundary.geoms)):
        c = list(line.coords)
        total += sum(math.hypot((c[i + 1][0] - c[i][0]) * kx, (c[i + 1][1] - c[i][1]) * ky) for i in range(len(c) - 1))
    return total
`;
