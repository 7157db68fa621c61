"""The independent keys of the real-data tests (test/real-data/*.test.ts), written to keys.json beside this file.

Nothing here comes from this library: the files are read straight from ../shared/data, every overlay is
native GEOS (shapely 1.8, OverlayNG) on the lon/lat coordinates as they stand (the library's edges are
straight in lon/lat too), and every area is PROJ's geodesic area on the WGS84 ellipsoid of the rings
densified to 0.0001 degrees: the referee's method and code (test/referee/geos.py, `km2`, `safely`,
`dissolve`, `read_even_odd`; docs/geometry.md "The referee"). A feature GEOS calls invalid is read by
the library's documented rule (each ring by even-odd, holes taken out), built by the referee from GEOS's
own noding. Each figure is written to full double precision with the geodesic length of its boundary in
km, so that a test can allow the engine's grid term for small pieces (1.1e-7 km x boundary x stages).

Regenerate (takes a minute or two; needs Debian's python3-shapely and python3-pyproj):
    /usr/bin/python3 test/real-data/keys/make-keys.py
and commit keys.json. The tests read keys.json and need no Python at run time.
"""
import json
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / 'referee'))
import geos  # noqa: E402  (the referee: GEOS + PROJ only, no code of the library)
from shapely.geometry import shape  # noqa: E402

DATA = HERE.parents[3] / 'shared' / 'data'
EMPTY = geos.EMPTY


def load(path):
    return json.loads((DATA / path).read_text())


def read_feature(geometry):
    """A feature's geometry as the library reads it: as it stands when GEOS calls it valid, else by even-odd."""
    g = shape(geometry)
    return g if g.is_valid else geos.read_even_odd(geometry)


def dissolve(geoms):
    return geos.dissolve([g for g in geoms if not g.is_empty])


def minus(a, b):
    return geos.minus(a, b)


def meet(a, b):
    return EMPTY if a.is_empty or b.is_empty else geos.safely('intersection', a, b)


def figure(g):
    """[km2, boundary km] of a piece."""
    return [geos.km2(g), geos.perimeter_km(g)]


def english(name):
    part = name.split('///')[1] if '///' in name else name
    return ' '.join(part.split()).lower()


def deepstate_classes(path):
    """DeepState's per-class layer: RU (Occupied, CADR and CALR, Occupied Crimea), gray (Unknown status), liberated (Liberated ...) as drawn."""
    layer = load(path)
    out = {'ru': [], 'gray': [], 'liberated': []}
    for f in layer['features']:
        name = f['properties'].get('name')
        if f['geometry'] is None:
            continue
        n = english(name) if isinstance(name, str) else 'occupied'
        kind = 'ru' if n in ('occupied', 'cadr and calr', 'occupied crimea') else 'gray' if n == 'unknown status' else 'liberated' if n == 'liberated' or n.startswith('liberated ') else None
        if kind is not None:
            out[kind].append(read_feature(f['geometry']))
    return {k: dissolve(v) for k, v in out.items()}


def area_of(path):
    return dissolve([read_feature(f['geometry']) for f in load(path)['features'] if f['geometry'] is not None])


def change_keys(country):
    """deepstate-change.test.ts: RU (not gray) on 2025-11-01 that is Ukrainian on 2025-12-01."""
    a = deepstate_classes('deepstate-raw/polygons-2025-11-01.geojson')
    b = deepstate_classes('deepstate-raw/polygons-2025-12-01.geojson')
    # The map's rule (the smaller claim wins where claims of one time overlap): the gray zone, smallest, wins over RU.
    held_ru = minus(a['ru'], a['gray'])
    liberated_b = minus(b['liberated'], dissolve([b['ru'], b['gray']]))
    inferred_b = minus(country, dissolve([b['ru'], b['gray'], b['liberated']]))
    return {
        'ruToLiberated': figure(meet(held_ru, liberated_b)),
        # With no strip absorbed (sliverM 0): the whole inferred ground.
        'ruToInferredWithout': figure(meet(held_ru, inferred_b)),
        'ruToUaWithout': figure(meet(held_ru, dissolve([liberated_b, inferred_b]))),
    }


def pokrovsk_keys(country):
    """pokrovsk-diff.test.ts: the hromada, and DeepState 2025-12-01's occupied, gray and Ukrainian ground in it."""
    hromada = area_of('pokrovsk/pokrovska-hromada.geojson')
    c = deepstate_classes('deepstate-raw/polygons-2025-12-01.geojson')
    ru = minus(c['ru'], c['gray'])
    # Ukrainian ground: liberated or inferred, i.e. the extent less RU and gray. With Ukraine's boundary as the extent,
    # the strips the importer absorbs lie within sliverM (1 km) of that boundary: check they cannot reach the hromada.
    border_km = hromada.distance(country.boundary) * 111.32 * 0.67  # degrees to km at 48 N, a lower bound for east-west
    assert border_km > 10, border_km
    return {
        'hromada': figure(hromada),
        'agree': figure(meet(hromada, ru)),
        'partial': figure(meet(hromada, c['gray'])),
        'conflictHromadaExtent': figure(minus(hromada, dissolve([c['ru'], c['gray']]))),
        'conflictUkraineExtent': figure(minus(meet(hromada, country), dissolve([c['ru'], c['gray']]))),
        'hromadaToBorderKm': border_km,
    }


def oblast_keys():
    """deepstate-history.test.ts: each oblast's area, the occupied km2 in it on 2025-08-22 and 2026-08-22, and the year's change in it (file order)."""
    oblasts = [read_feature(f['geometry']) for f in load('ukraine/oblasts-adm1.geojson')['features']]
    names = [f['properties']['ADM1_EN'] for f in load('ukraine/oblasts-adm1.geojson')['features']]
    out = {'names': names, 'oblast': [figure(o) for o in oblasts]}
    occupied = {}
    for date in ('2025-08-22', '2026-08-22'):
        occupied[date] = area_of(f'deepstate-daily/occupied-{date}.geojson')
        out[f'ru {date}'] = [figure(meet(o, occupied[date])) for o in oblasts]
    # The year's change per oblast: RU gained (occupied after, not before) and lost, each cut to the oblast.
    gained = minus(occupied['2026-08-22'], occupied['2025-08-22'])
    lost = minus(occupied['2025-08-22'], occupied['2026-08-22'])
    out['gained'] = [figure(meet(o, gained)) for o in oblasts]
    out['lost'] = [figure(meet(o, lost)) for o in oblasts]
    return out


def occupied_keys():
    """deepstate-occupied.test.ts: the merged occupied area per date, and RU gained / lost between consecutive dates."""
    dates = ['2024-08-01', '2024-12-01', '2025-03-01', '2025-07-01', '2025-10-01', '2026-08-22']
    areas = [area_of(f'deepstate/occupied-{d}.geojson') for d in dates]
    return {
        'dates': dates,
        'occupied': [figure(g) for g in areas],
        'gained': [figure(minus(b, a)) for a, b in zip(areas, areas[1:])],
        'lost': [figure(minus(a, b)) for a, b in zip(areas, areas[1:])],
    }


def isw_keys():
    """isw-claimed-vs-assessed.test.ts: claimed and assessed Russian control per date, and their diff."""
    out = {}
    for date in ('2022-04-15', '2022-09-15', '2022-11-15'):
        claimed = area_of(f'isw/{date}-claimed-russian-control.geojson')
        assessed = area_of(f'isw/{date}-assessed-russian-control.geojson')
        out[date] = {
            'claimed': figure(claimed),
            'assessed': figure(assessed),
            'agree': figure(meet(claimed, assessed)),
            'only-a': figure(minus(claimed, assessed)),
            'only-b': figure(minus(assessed, claimed)),
        }
    counter = [read_feature(f['geometry']) for f in load('isw/2022-09-15-claimed-ukrainian-counteroffensives.geojson')['features']]
    out['2022-09-15 counteroffensives'] = {'sumOfFeatures': sum(geos.km2(g) for g in counter), 'union': figure(dissolve(counter))}
    return out


def consensus_keys():
    """consensus.test.ts: inside Kharkiv oblast, ground where ISW (2022-11-15) and DeepState (2024-09-16) put the same side forward with different statuses."""
    kharkiv = dissolve([read_feature(f['geometry']) for f in load('ukraine/oblasts-adm1.geojson')['features'] if f['properties']['ADM1_EN'] == 'Kharkivska'])
    layers = [('assessed-russian-control', 'controlled:RU'), ('claimed-russian-control', 'controlled:RU'), ('assessed-russian-advances', 'advancing:RU'), ('claimed-ukrainian-counteroffensives', 'advancing:UA')]
    isw = [{'geometry': area_of(f'isw/2022-11-15-{layer}.geojson'), 'state': state} for layer, state in layers]
    # One claimant's claims of one date: where they overlap the smaller claim wins (controlMap's rule; the four differ in
    # size). The referee's party_map takes the claims winner first, each keeping what the earlier ones left.
    isw_map = geos.party_map(sorted(isw, key=lambda c: geos.km2(c['geometry'])), kharkiv)
    c = deepstate_classes('deepstate-raw/polygons-2024-09-16.geojson')
    ds = {'controlled:RU': minus(meet(c['ru'], kharkiv), c['gray']), 'controlled:UA': minus(meet(c['liberated'], kharkiv), dissolve([c['ru'], c['gray']]))}
    agree_side = dissolve([meet(isw_map.get('advancing:RU', EMPTY), ds['controlled:RU']), meet(isw_map.get('advancing:UA', EMPTY), ds['controlled:UA'])])
    return {'agreeSide': figure(agree_side)}


def history_keys():
    """deepstate-history.test.ts: RU gained and lost at each step of September 2024 (the daily files 2024-08-31 ... 09-30)."""
    files = sorted(p.name for p in (DATA / 'deepstate-daily').glob('occupied-*.geojson') if '2024-08-31' <= p.name[9:19] <= '2024-09-30')
    maps = [area_of(f'deepstate-daily/{name}') for name in files]
    steps = [{'from': a[9:19], 'to': b[9:19], 'gained': figure(minus(y, x)), 'lost': figure(minus(x, y))} for a, b, x, y in zip(files, files[1:], maps, maps[1:])]
    return {'2024-09': steps}


def main():
    started = time.time()
    country = area_of('ukraine/ukraine-adm0.geojson')
    keys = {}
    for name, make in (('change', lambda: change_keys(country)), ('pokrovsk', lambda: pokrovsk_keys(country)), ('oblasts', oblast_keys), ('occupied', occupied_keys), ('isw', isw_keys), ('consensus', consensus_keys), ('history', history_keys)):
        t = time.time()
        keys[name] = make()
        print(f'{name}: {time.time() - t:.1f} s', file=sys.stderr)
    from shapely import geos as shapely_geos
    import pyproj
    import shapely
    keys['made'] = {
        'by': 'test/real-data/keys/make-keys.py',
        'shapely': shapely.__version__,
        'geos': shapely_geos.geos_version_string,
        'pyproj': pyproj.__version__,
        'densifyDegrees': geos.STEP,
        'seconds': round(time.time() - started, 1),
        'figures': '[km2, boundary km] unless named otherwise',
    }
    text = json.dumps(keys, indent=1)
    # One figure per line: [km2, boundary km].
    text = re.sub(r'\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]', r'[\1, \2]', text)
    (HERE / 'keys.json').write_text(text + '\n')


if __name__ == '__main__':
    main()
