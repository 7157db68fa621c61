"""The independent key of test/real-data/deepstate-change.test.ts: fromDeepState's inference and
controlChange's RU → UA figure written with GEOS.

Reads DeepState's per-class layers of two dates and Ukraine's boundary straight from ../shared/data
(nothing from this library), and in EPSG:3035 (metres) builds RU ground (Occupied, CADR and CALR,
Occupied Crimea), the gray zone (Unknown status), liberated ground (less RU and gray), and inferred
Ukrainian-held ground (the country less all three). Inferred ground narrower than W metres (eroded by
W/2 with round joins, grown back by W/2 + 1 m mitred) within W of the country's boundary is absorbed.
Prints the absorbed km² per date and the km² that go from RU (not gray) before to UA (liberated or
inferred) after, on the WGS84 ellipsoid with pyproj.

Run: /usr/bin/python3 test/real-data/change-geos.py 1000 2025-11-01 2025-12-01   (Debian's python3-shapely python3-pyproj)
"""
import json
import sys
from pathlib import Path

import pyproj
from shapely.geometry import shape
from shapely.ops import transform, unary_union

DATA = Path(__file__).resolve().parents[3] / 'shared' / 'data'
W = float(sys.argv[1])
BEFORE, AFTER = sys.argv[2], sys.argv[3]
to_m = pyproj.Transformer.from_crs(4326, 3035, always_xy=True).transform
to_deg = pyproj.Transformer.from_crs(3035, 4326, always_xy=True).transform
geod = pyproj.Geod(ellps='WGS84')
country = transform(to_m, unary_union([shape(f['geometry']) for f in json.loads((DATA / 'ukraine' / 'ukraine-adm0.geojson').read_text())['features']]))
inner = country.buffer(-W) if W > 0 else country


def km2(g):
    return 0.0 if g.is_empty else abs(geod.geometry_area_perimeter(transform(to_deg, g))[0]) / 1e6


def english(name):
    name = name or ''
    part = name.split('///')[1] if '///' in name else name
    return ' '.join(part.split()).lower()


def classes(date):
    layer = json.loads((DATA / 'deepstate-raw' / f'polygons-{date}.geojson').read_text())

    def of(keep):
        return transform(to_m, unary_union([shape(f['geometry']).buffer(0) for f in layer['features'] if keep(english(f['properties'].get('name')))]))

    ru = of(lambda n: n in ('occupied', 'cadr and calr', 'occupied crimea'))
    gray = of(lambda n: n == 'unknown status')
    liberated = of(lambda n: n == 'liberated' or n.startswith('liberated ')).difference(unary_union([ru, gray]))
    inferred = country.difference(unary_union([ru, gray, liberated]))
    if W > 0:
        opened = inferred.buffer(-W / 2).buffer(W / 2 + 1, join_style=2, mitre_limit=100)
        absorbed = inferred.difference(opened).difference(inner)
        inferred = inferred.difference(absorbed)
    else:
        absorbed = inferred.difference(inferred)
    return ru, gray, liberated, inferred, absorbed


ru_a, gray_a, _, _, absorbed_a = classes(BEFORE)
_, _, liberated_b, inferred_b, absorbed_b = classes(AFTER)
held_ru = ru_a.difference(gray_a)
print(f'W {W:g} m; absorbed {BEFORE} {km2(absorbed_a):.3f} km2, {AFTER} {km2(absorbed_b):.3f} km2')
print(f'RU -> UA {km2(held_ru.intersection(unary_union([liberated_b, inferred_b]))):.3f} km2, of which into inferred ground {km2(held_ru.intersection(inferred_b)):.3f} km2')
