"""The independent key of test/real-data/front-line.test.ts: frontLine's rules written with GEOS.

Reads DeepState's per-class layer and Ukraine's boundary straight from ../shared/data (nothing from
this library), builds RU ground (Occupied, CADR and CALR, Occupied Crimea), the gray zone (Unknown
status less RU) and inferred UA ground (the country less both), then in EPSG:3035 (metres): closes
gaps narrower than GAP_M in RU and UA ground, keeps gray components that touch both sides, takes
RU's boundary where it meets UA ground or a kept gray component, less BORDER_M along the country's
boundary, and measures it on the WGS84 ellipsoid with pyproj.

Run: /usr/bin/python3 test/real-data/front-line-geos.py 2025-12-01   (Debian's python3-shapely python3-pyproj)
"""
import json
import sys
from pathlib import Path

import pyproj
from shapely.geometry import shape
from shapely.ops import transform, unary_union

GAP_M = 100
BORDER_M = 2000
DATA = Path(__file__).resolve().parents[3] / 'shared' / 'data'

date = sys.argv[1]
to_m = pyproj.Transformer.from_crs(4326, 3035, always_xy=True).transform
to_deg = pyproj.Transformer.from_crs(3035, 4326, always_xy=True).transform
layer = json.loads((DATA / 'deepstate-raw' / f'polygons-{date}.geojson').read_text())
country = transform(to_m, unary_union([shape(f['geometry']) for f in json.loads((DATA / 'ukraine' / 'ukraine-adm0.geojson').read_text())['features']]))


def of(*names):
    return transform(to_m, unary_union([shape(f['geometry']).buffer(0) for f in layer['features'] if (f['properties'].get('name') or '').strip() in names]))


ru = of('Occupied', 'CADR and CALR', 'Occupied Crimea').intersection(country)
gray = of('Unknown status').difference(ru).intersection(country)
ua = country.difference(ru).difference(gray)
close = lambda g: g.buffer(GAP_M / 2).buffer(-GAP_M / 2)
ru_c, ua_c = close(ru), close(ua)
parts = list(gray.geoms) if hasattr(gray, 'geoms') else [gray]
kept = unary_union([p for p in parts if p.distance(ru) < 1 and p.distance(ua) < 1])
facing = unary_union([ua_c.difference(ru_c), kept]).buffer(1)
line = ru_c.boundary.intersection(facing).difference(country.boundary.buffer(BORDER_M)).intersection(country)
km = pyproj.Geod(ellps='WGS84').geometry_length(transform(to_deg, line)) / 1000
print(f'{date}: RU edge facing UA ground or gray between the sides {km:.1f} km')
