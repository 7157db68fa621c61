import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../claims/schema.js';
import { controlChange } from '../control/controlChange.js';
import { builtByControlMap, controlMap } from '../control/controlMap.js';
import type { ControlMap } from '../control/types.js';
import { areaKm2 } from '../geometry/index.js';
import { controlByRegion } from '../regions/controlByRegion.js';
import { diffClaims } from './diffClaims.js';
import { thrown } from '../../test/_thrown.js';

const rect = (w: number, s: number, e: number, n: number): Polygon => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const region = (id: string, geometry: Polygon, side: string): ControlMap['features'][number] => ({
  type: 'Feature',
  id,
  geometry: { type: 'MultiPolygon', coordinates: [geometry.coordinates] },
  properties: { status: 'controlled', side, claims: [id], km2: areaKm2(geometry), title: '', description: '', fill: '#000000', 'fill-opacity': 1, stroke: '#000000', 'stroke-width': 1 },
});

// The issue's case: a frame of about 248.7 km² and a "map" of two regions
// that overlap, whose diff labels once summed to 331.6 km² (a share of 1.33).
const frame = rect(37.4, 48.0, 37.7, 48.1);
const overlapping: ControlMap = {
  type: 'FeatureCollection',
  features: [region('ru', rect(37.4, 48.0, 37.6, 48.1), 'RU'), region('ua', rect(37.5, 48.0, 37.7, 48.1), 'UA')],
  overruled: [],
};
const claims: Claim[] = [{ id: 'k', claimant: 'k', statedAt: '2025-12-01', area: { geometry: frame } as Claim['area'], status: 'controlled', side: 'RU', basis: 'claimed' }];

describe('maps whose regions overlap are refused, not double-counted', () => {
  it('the frame is the issue’s 248.7 km², and the two regions sum to its 331.6', () => {
    expect(areaKm2(frame)).toBeCloseTo(248.7, 1);
    expect(overlapping.features.reduce((sum, f) => sum + f.properties.km2, 0)).toBeCloseTo(331.6, 1);
  });

  it('diffClaims, controlChange and controlByRegion name both regions and the km² they share', () => {
    const shared = areaKm2(rect(37.5, 48.0, 37.6, 48.1));
    for (const [call, path] of [
      [() => diffClaims(claims, overlapping, { within: frame }), ['b', 'features', 1]],
      [() => controlChange(overlapping, claims), ['before', 'features', 1]],
      [() => controlByRegion(overlapping, { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'frame' }, geometry: frame }] }), ['map', 'features', 1]],
    ] as const) {
      const error = thrown(call);
      expect(error.code).toBe('invalid-input');
      expect(error.issues.map((i) => [i.code, i.path])).toEqual([['overlapping-regions', path]]);
      expect(error.issues[0]!.message).toContain('(ua) overlaps');
      expect(error.issues[0]!.message).toContain('(ru)');
      expect(error.issues[0]!.message).toContain(`${shared.toPrecision(3)} km²`);
    }
  });

  it('regions that only share an edge pass, and so does a controlMap result sent through JSON (no longer known to be built by controlMap)', () => {
    const touching: ControlMap = { ...overlapping, features: [region('ru', rect(37.4, 48.0, 37.5, 48.1), 'RU'), region('ua', rect(37.5, 48.0, 37.7, 48.1), 'UA')] };
    expect(controlChange(touching, claims).bySide['RU']!.gainedKm2).toBeCloseTo(areaKm2(rect(37.5, 48.0, 37.7, 48.1)), 6);
    const built = controlMap([
      ...claims,
      { id: 'u', claimant: 'k', statedAt: '2025-12-02', area: { geometry: rect(37.5, 48.0, 37.7, 48.1) } as Claim['area'], status: 'controlled', side: 'UA', basis: 'claimed' },
    ]);
    const cloned = JSON.parse(JSON.stringify(built)) as ControlMap;
    const diff = diffClaims(cloned, built, { within: frame });
    expect(diff.summary.agree.km2).toBeCloseTo(areaKm2(frame), 6);
  });
});

describe('an overlap is judged by its width, not by its share of the map (audit F1)', () => {
  const square = (x: number, y: number, w: number): Polygon => rect(x, y, x + w, y + w);
  const big = rect(30, 46, 36, 50);
  const sameBig: ControlMap = { type: 'FeatureCollection', features: [region('ru2', big, 'RU')], overruled: [] };

  it('a 91 m square drawn inside a 199,101 km² region is refused, naming both features', () => {
    const inner = square(33, 48, 0.001);
    expect(areaKm2(inner)).toBeCloseTo(0.0083, 4);
    const map: ControlMap = { type: 'FeatureCollection', features: [region('ru', big, 'RU'), region('ua', inner, 'UA')], overruled: [] };
    const error = thrown(() => diffClaims(map, sameBig));
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['overlapping-regions', ['a', 'features', 1]]]);
    expect(error.issues[0]!.message).toContain('a.features[1] (ua) overlaps a.features[0] (ru) by 0.00830 km²');
    expect(error.issues[0]!.message).toContain('cut one region out of the other');
  });

  // 0.9e-7° of latitude is 1.0 cm (111.2 km a degree at 48° N); the sliver rule's width is 1e-7°.
  const edge = (widthDeg: number): ControlMap => ({
    type: 'FeatureCollection',
    features: [region('ru', rect(37.4, 48.0, 37.6, 48.1), 'RU'), region('ua', rect(37.4, 48.1 - widthDeg, 37.6, 48.2), 'UA')],
    overruled: [],
  });

  it('a 1 cm wide overlap along a 14.9 km shared edge is a sliver: accepted, and counted in both regions (the labels exceed the ground by its area)', () => {
    const overlapKm2 = areaKm2(rect(37.4, 48.1 - 0.9e-7, 37.6, 48.1));
    // By hand: 14.9 km × 1.0 cm = 1.49e-4 km².
    expect(overlapKm2).toBeCloseTo(0.2 * 111.32 * Math.cos((48.1 * Math.PI) / 180) * 0.9e-7 * 111.2, 5);
    const map = edge(0.9e-7);
    const ground = rect(37.4, 48.0, 37.6, 48.2);
    const diff = diffClaims(map, [], { within: ground });
    const labelled = Object.values(diff.summary).reduce((sum, l) => sum + l.km2, 0);
    expect(labelled - areaKm2(ground)).toBeCloseTo(overlapKm2, 7);
    expect(labelled - areaKm2(ground)).toBeGreaterThan(0.9 * overlapKm2);
  });

  it('the same edge overlapping by 2 cm is refused', () => {
    const error = thrown(() => diffClaims(edge(1.8e-7), []));
    expect(error.issues.map((i) => i.path)).toEqual([['a', 'features', 1]]);
  });
});

describe('controlMap’s maps are trusted only while their features are as returned (audit F2)', () => {
  const sq = (x: number, y: number, w: number): Polygon => rect(x, y, x + w, y + w);
  const claim = (id: string, side: string, geometry: Polygon): Claim => ({ id, claimant: 'x', statedAt: '2025-01-01', area: { geometry } as Claim['area'], status: 'controlled', side, basis: 'claimed' });
  const two = (): ControlMap => controlMap([claim('a', 'RU', sq(37, 48, 0.1)), claim('b', 'UA', sq(37.1, 48, 0.1)), claim('c', 'UA', sq(37.05, 48.05, 0.1))]);
  const other = controlMap([claim('o', 'RU', sq(37, 48, 0.2))]);

  it('a copy of a feature pushed into the map is refused (it was agree = conflict = the whole ground)', () => {
    const m = controlMap([claim('a', 'RU', sq(37, 48, 0.1))]);
    expect(builtByControlMap(m)).toBe(true);
    m.features.push({ ...m.features[0]!, properties: { ...m.features[0]!.properties, side: 'UA', claims: ['c'] } });
    expect(builtByControlMap(m)).toBe(false);
    const error = thrown(() => diffClaims(m, other));
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['overlapping-regions', ['a', 'features', 1]]]);
    // The same feature object twice is no better.
    const twice = controlMap([claim('a', 'RU', sq(37, 48, 0.1))]);
    twice.features.push(twice.features[0]!);
    expect(thrown(() => diffClaims(twice, other)).issues[0]!.code).toBe('overlapping-regions');
  });

  it('a map filtered in place or into a new object is still proven disjoint, and its diff is the diff of what it kept', () => {
    const m = two();
    expect(m.features.length).toBeGreaterThan(2);
    const kept = m.features.filter((f) => f.properties.side === 'UA');
    const copy: ControlMap = { ...m, features: kept };
    expect(builtByControlMap(copy)).toBe(true);
    m.features.splice(0, 1);
    expect(builtByControlMap(m)).toBe(true);
    const checked = JSON.parse(JSON.stringify(copy)) as ControlMap;
    expect(builtByControlMap(checked)).toBe(false);
    expect(diffClaims(copy, other).summary).toEqual(diffClaims(checked, other).summary);
  });

  it('features of two calls, a replaced geometry or coordinates edited in place are checked again', () => {
    const [m, n] = [two(), two()];
    expect(builtByControlMap({ ...m, features: [m.features[0]!, n.features[1]!] })).toBe(false);
    const replaced = two();
    replaced.features[0]!.geometry = { ...replaced.features[0]!.geometry };
    expect(builtByControlMap(replaced)).toBe(false);
    const edited = two();
    expect(builtByControlMap(edited)).toBe(true);
    const ring = edited.features[0]!.geometry.coordinates[0]![0]!;
    ring[1] = [ring[1]![0]! + 0.05, ring[1]![1]!];
    expect(builtByControlMap(edited)).toBe(false);
    const moved = two();
    const vertex = moved.features[1]!.geometry.coordinates[0]![0]![1]!;
    vertex[0] = vertex[0]! + 1e-9;
    expect(builtByControlMap(moved)).toBe(false);
    // Properties cannot make regions overlap: changing them keeps the trust.
    const renamed = two();
    renamed.features[0]!.properties.side = 'XX';
    expect(builtByControlMap(renamed)).toBe(true);
  });

  it('any one coordinate edited in place (one ulp, a sign, a swap with another) loses the trust, and putting it back restores it', () => {
    const m = two();
    const numbers: [number[], number][] = [];
    for (const f of m.features) for (const polygon of f.geometry.coordinates) for (const ring of polygon) for (const p of ring) for (let k = 0; k < 2; k++) numbers.push([p, k]);
    const bits = new Float64Array(1);
    const words = new Uint32Array(bits.buffer);
    const ulp = (x: number, up: boolean): number => {
      bits[0] = x;
      words[0] = (words[0]! + (up ? 1 : -1)) >>> 0;
      return bits[0]!;
    };
    fc.assert(
      fc.property(fc.nat(numbers.length - 1), fc.nat(numbers.length - 1), fc.constantFrom('ulp+', 'ulp-', 'negate', 'swap'), (i, j, edit) => {
        const [p, k] = numbers[i]!;
        const [q, l] = numbers[j]!;
        const before = p[k]!;
        const after = edit === 'ulp+' ? ulp(before, true) : edit === 'ulp-' ? ulp(before, false) : edit === 'negate' ? -before : q[l]!;
        fc.pre(!Object.is(after, before));
        p[k] = after;
        if (edit === 'swap') q[l] = before;
        expect(builtByControlMap(m)).toBe(false);
        p[k] = before;
        if (edit === 'swap') q[l] = after;
        expect(builtByControlMap(m)).toBe(true);
      }),
      { numRuns: 300, seed: 64 },
    );
  });
});
