/**
 * Ground covered by two parts of one input counts once, wherever the input
 * is read (audit of 2026-12-03): a control map's feature whose MultiPolygon
 * is a square and its own east half, a frame of overlapping or adjacent
 * features, a region of `controlByRegion` drawn the same way, and the same
 * shapes in `frontLine`. Each had counted the common ground twice, or
 * read the border between two parts as an edge of the ground.
 *
 * The figures are hand-made: the square [37, 37.1] × [48, 48.1] is 82.8967
 * km² and its east half 41.4483 km² (pyproj's Geod on the rings densified
 * to 0.0005°: 82.896676 and 41.448338; counted twice, 124.345014), and the
 * edge at 37.1° is 11,119.13 m long (pyproj agrees). The library's own
 * `areaKm2` of the single square is the reference each total is held to,
 * so what is checked is that nothing is counted twice, or left out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { areaKm2 } from '../../src/geometry/index.js';
import { controlChange, frontLine } from '../../src/control/index.js';
import { diffClaims } from '../../src/diff/index.js';
import { controlByRegion, changeByRegion } from '../../src/regions/index.js';
import type { ControlMap } from '../../src/control/types.js';
import { thrown } from '../_thrown.js';
import { rectKm2 } from '../_rectKm2.js';
import { RUNS } from '../properties/_maps.js';

type Ring = [number, number][];
const rect = (x0: number, y0: number, x1: number, y1: number): Ring[] => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];
const polygon = (rings: Ring[]): Polygon => ({ type: 'Polygon', coordinates: rings });
const feature = <G extends Polygon | MultiPolygon>(geometry: G, properties: Record<string, unknown>): Feature<G> => ({ type: 'Feature', properties, geometry });
const collection = <G extends Polygon | MultiPolygon>(...features: Feature<G>[]): FeatureCollection<G> => ({ type: 'FeatureCollection', features });

/** A square and its own east half, as one MultiPolygon: 82.9 km² of ground, 124.3 km² counted part by part. */
const squareAndHalf: MultiPolygon = { type: 'MultiPolygon', coordinates: [rect(37, 48, 37.1, 48.1), rect(37.05, 48, 37.1, 48.1)] };
const squareKm2 = areaKm2(polygon(rect(37, 48, 37.1, 48.1)));
const map = (...features: Feature<Polygon | MultiPolygon>[]): ControlMap => collection(...features) as unknown as ControlMap;
const held = (geometry: Polygon | MultiPolygon, side: string): Feature<Polygon | MultiPolygon> => feature(geometry, { status: 'controlled', side, claims: [] });
const empty = map();

describe('a map feature with overlapping parts', () => {
  it('counts the common ground once where the other map is silent (diffClaims, controlChange)', () => {
    expect(squareKm2).toBeCloseTo(82.896676, 5);
    const a = map(held(squareAndHalf, 'RU'));
    const far = map(held(polygon(rect(38, 48, 38.1, 48.1)), 'UA'));
    for (const other of [empty, far]) {
      expect(diffClaims(a, other).summary['only-a'].km2).toBeCloseTo(squareKm2, 9);
      expect(controlChange(other, a).bySide['RU']?.gainedKm2).toBeCloseTo(squareKm2, 9);
      expect(controlChange(a, other).bySide['RU']?.lostKm2).toBeCloseTo(squareKm2, 9);
    }
  });

  it('counts it once in the parties\' totals, and where the other map covers it too', () => {
    const diff = diffClaims(map(held(squareAndHalf, 'RU')), map(held(polygon(rect(37, 48, 37.1, 48.1)), 'UA')));
    expect(diff.summary.conflict.km2).toBeCloseTo(squareKm2, 9);
    expect(diff.parties.a.totalKm2).toBeCloseTo(squareKm2, 9);
    expect(diff.parties.a.bySide['RU']?.controlledKm2).toBeCloseTo(squareKm2, 9);
  });

  it('counts it once in controlByRegion: no ground left unassigned, and the row is the region\'s ground', () => {
    const regions = collection(feature(polygon(rect(36.9, 47.9, 37.2, 48.2)), { name: 'R' }));
    const result = controlByRegion(map(held(squareAndHalf, 'RU')), regions);
    expect(result.rows[0]!.bySide['RU']?.km2).toBeCloseTo(squareKm2, 9);
    expect(result.unassignedKm2).toBeCloseTo(0, 9);
    expect(result.overlapKm2).toBeCloseTo(0, 9);
  });
});

describe('controlByRegion counts the same ground in rows and in what lies outside them', () => {
  it('leaves advances and denials outside every region out of unassignedKm2, as out of the rows', () => {
    const regions = collection(feature(polygon(rect(36.9, 47.9, 37.2, 48.2)), { name: 'R' }));
    const result = controlByRegion(
      map(
        held(polygon(rect(37, 48, 37.1, 48.1)), 'RU'),
        feature(polygon(rect(38, 48, 38.1, 48.1)), { status: 'advancing', side: 'RU', claims: [] }),
        feature(polygon(rect(39, 48, 39.1, 48.1)), { status: 'not-controlled', side: 'UA', claims: [] }),
        feature(polygon(rect(40, 48, 40.1, 48.1)), { status: 'contested', claims: [] }),
      ),
      regions,
    );
    expect(result.rows[0]!.bySide['RU']?.km2).toBeCloseTo(squareKm2, 9);
    // Only the contested square outside the region: the advance and the denial are in no row, and not here.
    expect(result.unassignedKm2).toBeCloseTo(areaKm2(polygon(rect(40, 48, 40.1, 48.1))), 9);
  });
});

describe('a region or frame of overlapping parts', () => {
  it('measures a region of overlapping parts by its ground: its share held whole is 1', () => {
    const regions = collection(feature(squareAndHalf, { name: 'R' }));
    const whole = map(held(polygon(rect(36.9, 47.9, 37.2, 48.2)), 'RU'));
    const row = controlByRegion(whole, regions).rows[0]!;
    expect(row.km2).toBeCloseTo(squareKm2, 9);
    expect(row.bySide['RU']?.share).toBeCloseTo(1, 12);
    const change = changeByRegion(controlChange(empty, whole), regions).rows[0]!;
    expect(change.km2).toBeCloseTo(squareKm2, 9);
  });

  it('reads a frame of overlapping features as their union: withinKm2 is its ground and the labels fill it', () => {
    const within = collection(feature(polygon(rect(37, 48, 37.1, 48.1)), {}), feature(polygon(rect(37.05, 48, 37.15, 48.1)), {}));
    const ground = areaKm2(polygon(rect(37, 48, 37.15, 48.1)));
    const diff = diffClaims(map(held(polygon(rect(36.9, 47.9, 37.2, 48.2)), 'RU')), map(held(polygon(rect(36.9, 47.9, 37.2, 48.2)), 'UA')), { within });
    expect(diff.withinKm2).toBeCloseTo(ground, 9);
    expect(diff.summary.conflict.km2).toBeCloseTo(ground, 9);
    expect(diff.summary.conflict.share).toBeCloseTo(1, 9);
  });
});

describe('frontLine and parts read once', () => {
  const ua = (geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => feature(geometry, { status: 'controlled', side: 'UA' });
  const ru = feature(polygon(rect(37.1, 48, 37.2, 48.1)), { status: 'controlled', side: 'RU' });
  const edgeM = frontLine(map(ua(polygon(rect(37, 48, 37.1, 48.1))), ru), ['UA', 'RU']).properties.lengthM;

  it('finds the front of a side whose parts overlap once, whatever the gap rule', () => {
    expect(edgeM).toBeCloseTo(11_119.13, 1);
    for (const gapM of [0, 100]) {
      const front = frontLine(map(ua(squareAndHalf), ru), ['UA', 'RU'], { gapM });
      expect(front.properties.lengthM).toBeCloseTo(edgeM, 6);
      expect(front.properties.lengthBySideM['UA']).toBeCloseTo(edgeM, 6);
    }
  });

  it('does not cut the front at the border between the features of a frame', () => {
    const tall = map(ua(polygon(rect(37, 48, 37.1, 48.4))), feature(polygon(rect(37.1, 48, 37.2, 48.4)), { status: 'controlled', side: 'RU' }));
    const band = (y0: number, y1: number): Feature<Polygon> => feature(polygon(rect(36.5, y0, 37.7, y1)), {});
    const one = frontLine(tall, ['UA', 'RU'], { within: polygon(rect(36.5, 47.5, 37.7, 48.9)) }).properties.lengthM;
    for (const within of [collection(band(47.5, 48.2), band(48.2, 48.9)), collection(band(47.5, 48.21), band(48.19, 48.9))]) {
      expect(frontLine(tall, ['UA', 'RU'], { within }).properties.lengthM).toBeCloseTo(one, 3);
    }
  });
});

describe('reading parts once keeps the error paths and odd parts as they were (review)', () => {
  it('reads a side with an empty polygon among its parts as without it', () => {
    const ru = feature(polygon(rect(37.1, 48, 37.2, 48.1)), { status: 'controlled', side: 'RU' });
    const withEmpty: MultiPolygon = { type: 'MultiPolygon', coordinates: [rect(37, 48, 37.1, 48.1), []] };
    const plain = frontLine(map(feature(polygon(rect(37, 48, 37.1, 48.1)), { status: 'controlled', side: 'UA' }), ru), ['UA', 'RU']).properties.lengthM;
    expect(frontLine(map(feature(withEmpty, { status: 'controlled', side: 'UA' }), ru), ['UA', 'RU']).properties.lengthM).toBeCloseTo(plain, 9);
  });

  it('refuses a bad frame or region of several parts at its own path', () => {
    const tall = map(feature(polygon(rect(37, 48, 37.1, 48.4)), { status: 'controlled', side: 'UA' }), feature(polygon(rect(37.1, 48, 37.2, 48.4)), { status: 'controlled', side: 'RU' }));
    const badFrame: MultiPolygon = { type: 'MultiPolygon', coordinates: [rect(36.5, 47.5, 37.7, 48.2), [[[36.5, 48.2], [Number.NaN, 48.2], [37.7, 48.9], [36.5, 48.2]]]] };
    expect(thrown(() => frontLine(tall, ['UA', 'RU'], { within: badFrame })).issues[0]!.path).toEqual(['options', 'within', 'coordinates', 1, 0, 1]);
    const badRegion = collection<Polygon | MultiPolygon>(feature(polygon(rect(36, 47, 36.1, 47.1)), { name: 'A' }), feature({ type: 'MultiPolygon', coordinates: [rect(36.5, 47.5, 37.7, 48.2), 'x'] } as unknown as MultiPolygon, { name: 'B' }));
    expect(thrown(() => controlByRegion(tall, badRegion)).issues[0]!.path).toEqual(['regions', 'features', 1, 'geometry', 'coordinates', 1]);
  });
});

describe('parts read once, on random rectangles against the closed form', () => {
  // Rectangles on a lattice of 0.01° cells: overlapping, nested, repeated, touching along edges or at
  // corners, or apart. Their ground is the lattice cells any of them covers, each measured in closed
  // form (test/_rectKm2.ts, no code shared with the library).
  const CELL = 0.01;
  const rectangle = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }));
  const parts = fc.array(rectangle, { minLength: 2, maxLength: 7 }).chain((list) => fc.constantFrom(list, [...list, list[0]!]));
  const groundOf = (list: readonly [number, number, number, number][]): number => {
    let km2 = 0;
    for (let i = 0; i < 12; i += 1) {
      for (let j = 0; j < 12; j += 1) {
        if (list.some(([x, y, w, h]) => i >= x && i < x + w && j >= y && j < y + h)) km2 += rectKm2(37 + i * CELL, 48 + j * CELL, 37 + (i + 1) * CELL, 48 + (j + 1) * CELL);
      }
    }
    return km2;
  };
  const shape = (list: readonly [number, number, number, number][]): MultiPolygon => ({
    type: 'MultiPolygon',
    coordinates: list.map(([x, y, w, h]) => rect(37 + x * CELL, 48 + y * CELL, 37 + (x + w) * CELL, 48 + (y + h) * CELL)),
  });
  // The grid (1e-11° or finer here) moves each vertex by under a cell: far below this.
  const close = (got: number | null | undefined, want: number): void => expect(Math.abs((got ?? Number.NaN) - want)).toBeLessThanOrEqual(1e-9 * want);

  it('measures the ground once: a map silent elsewhere, a change from nothing, a region, a frame', () => {
    fc.assert(
      fc.property(parts, (list) => {
        const ground = groundOf(list);
        const a = map(held(shape(list), 'RU'));
        close(diffClaims(a, empty).summary['only-a'].km2, ground);
        close(controlChange(empty, a).bySide['RU']?.gainedKm2, ground);
        close(controlByRegion(a, collection(feature(shape(list), { name: 'R' }))).rows[0]!.km2, ground);
        const frame = collection(...shape(list).coordinates.map((rings) => feature(polygon(rings as Ring[]), {})));
        const all = polygon(rect(36.9, 47.9, 37.2, 48.2));
        close(diffClaims(map(held(all, 'RU')), map(held(all, 'UA')), { within: frame }).withinKm2, ground);
      }),
      { numRuns: Math.ceil(RUNS / 10) },
    );
  });
});
