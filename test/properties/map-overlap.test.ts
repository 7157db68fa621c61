/**
 * The overlap check of hand-built control maps judges each overlap by its
 * width, as the docs promise ("beyond a sliver, about 1 cm wide"), and not
 * by its share of the map. Random maps of lattice cells (neighbours share
 * edges exactly) get one injected overlap of width w: a cell pushed north
 * into its neighbour by w along their whole shared edge, or a strip L long
 * and w wide drawn inside a cell. The map is refused iff the overlap's
 * width, computed here by hand as the sliver rule defines it (twice the
 * area over the perimeter, longitudes scaled by cos φ: kLw / (kL + w)),
 * exceeds 1e-7° (1.1 cm); widths within 25 % of the limit, where the 1e-9°
 * grid may tip the balance, are not drawn. An accepted overlap is counted
 * in both regions: the diff's labels exceed the lattice's ground by its area.
 */
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, diffClaims, type ControlMap } from '../../src/index.js';
import { thrown } from '../_thrown.js';
import { GEOMETRY_RUNS, PROPERTY_TIMEOUT_MS } from './_maps.js';

const LIMIT_DEG = 1e-7;
const rect = (w: number, s: number, e: number, n: number): Polygon => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const feature = (id: string, geometry: Polygon): ControlMap['features'][number] => ({
  type: 'Feature',
  id,
  geometry: { type: 'MultiPolygon', coordinates: [geometry.coordinates] },
  properties: { status: 'controlled', side: id.length % 2 === 0 ? 'RU' : 'UA', claims: [id], km2: areaKm2(geometry), title: '', description: '', fill: '#000000', 'fill-opacity': 1, stroke: '#000000', 'stroke-width': 1 },
});

const scenario = fc.record({
  lon: fc.integer({ min: 200, max: 400 }).map((t) => t / 10),
  lat: fc.integer({ min: 400, max: 600 }).map((t) => t / 10),
  cell: fc.integer({ min: 1, max: 20 }).map((t) => t / 100),
  cols: fc.integer({ min: 1, max: 3 }),
  rows: fc.integer({ min: 2, max: 3 }),
  kind: fc.constantFrom('edge' as const, 'inside' as const),
  at: fc.nat(),
  // The strip's length as a share of the cell (for `inside`).
  share: fc.double({ min: 1e-5, max: 0.8, noNaN: true }),
  // Width in units of the limit: below 0.8 or above 1.25 of it, up to 1 km.
  w: fc.oneof(fc.double({ min: 0.05, max: 0.8, noNaN: true }), fc.double({ min: 1.25, max: 9e4, noNaN: true })).map((x) => x * LIMIT_DEG),
});

describe('an injected overlap is refused iff it is wider than the sliver width', () => {
  it(
    'random lattice maps, overlap along a whole edge or a strip inside a cell',
    () => {
      fc.assert(
        fc.property(scenario, ({ lon, lat, cell, cols, rows, kind, at, share, w }) => {
          const x = (c: number): number => lon + c * cell;
          const y = (r: number): number => lat + r * cell;
          const cells: [number, number][] = [];
          for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) cells.push([c, r]);
          const features = cells.map(([c, r]) => feature(`c${c}r${r}`, rect(x(c), y(r), x(c + 1), y(r + 1))));
          let overlap: Polygon;
          let pair: number[];
          if (kind === 'edge') {
            // A cell below the top row pushed north by w into the one above it.
            const [c, r] = cells.filter(([, r]) => r < rows - 1)[at % (cols * (rows - 1))]!;
            const i = cells.findIndex(([cc, rr]) => cc === c && rr === r);
            features[i] = feature(`c${c}r${r}`, rect(x(c), y(r), x(c + 1), y(r + 1) + w));
            overlap = rect(x(c), y(r + 1), x(c + 1), y(r + 1) + w);
            pair = [i, cells.findIndex(([cc, rr]) => cc === c && rr === r + 1)];
          } else {
            const [c, r] = cells[at % cells.length]!;
            const length = share * cell;
            const [cx, cy] = [x(c) + cell / 2, y(r) + cell / 2];
            overlap = rect(cx - length / 2, cy - w / 2, cx + length / 2, cy + w / 2);
            features.push(feature('strip', overlap));
            pair = [cells.findIndex(([cc, rr]) => cc === c && rr === r), features.length - 1];
          }
          // The sliver rule's width, by hand, for a rectangle L° of longitude by w° of latitude.
          const [[w0, s0], [e0], [, n0]] = overlap.coordinates[0]! as [[number, number], [number, number], [number, number]];
          const k = Math.cos((s0 * Math.PI) / 180);
          const length = (e0 - w0) * k;
          const height = n0 - s0;
          const width = (length * height) / (length + height);
          fc.pre(width < 0.8 * LIMIT_DEG || width > 1.25 * LIMIT_DEG);
          const map: ControlMap = { type: 'FeatureCollection', features, overruled: [] };
          if (width > LIMIT_DEG) {
            const error = thrown(() => diffClaims(map, []));
            expect(error.issues.map((i) => [i.code, i.path])).toEqual([['overlapping-regions', ['a', 'features', Math.max(...pair)]]]);
          } else {
            const diff = diffClaims(map, []);
            const labelled = Object.values(diff.summary).reduce((sum, l) => sum + l.km2, 0);
            const ground = areaKm2(rect(x(0), y(0), x(cols), y(rows)));
            expect(Math.abs(labelled - ground - areaKm2(overlap))).toBeLessThan(1e-7 + 1e-12 * ground);
          }
        }),
        { numRuns: GEOMETRY_RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
