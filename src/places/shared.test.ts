/**
 * Area expressions that name one sub-expression many times: resolved once
 * per sub-expression, with the same answer as the same expression written
 * out as a tree (a JSON copy shares nothing), and measured level by level.
 */
import { describe, expect, it } from 'vitest';
import { areaKm2 } from '../geometry/measure.js';
import { areaRefDepth, areaRefPlaces, type AreaRef } from './areaRef.js';
import { resolveArea } from './resolveArea.js';
import type { Place } from './schema.js';

const box = (w: number, s: number, e: number, n: number): [number, number][] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const places: Place[] = [
  { id: 'west', name: 'West', kind: 'settlement', geometry: { type: 'Polygon', coordinates: [box(37.1, 48.2, 37.2, 48.3)] } },
  { id: 'east', name: 'East', kind: 'settlement', geometry: { type: 'Polygon', coordinates: [box(37.15, 48.25, 37.3, 48.35)] } },
];
function doubled(levels: number, core: AreaRef): AreaRef {
  let v = core;
  for (let i = 0; i < levels; i++) v = i % 2 === 0 ? { union: [v, v] } : { intersection: [v, { union: [v, 'east'] }] };
  return v;
}

describe('shared sub-expressions', () => {
  it('resolve as the same expression written out as a tree', () => {
    const shared = doubled(8, { difference: { area: 'west', minus: 'east' } });
    const tree = JSON.parse(JSON.stringify(shared)) as AreaRef;
    expect(areaKm2(resolveArea({ places }, shared))).toBeCloseTo(areaKm2(resolveArea({ places }, tree)), 9);
  });

  it('40 levels of { union: [x, x] } (2^40 paths) resolve in well under a second', () => {
    let v: AreaRef = 'west';
    for (let i = 0; i < 40; i++) v = { union: [v, v] };
    const start = performance.now();
    expect(areaKm2(resolveArea({ places }, v))).toBeCloseTo(areaKm2(places[0]!.geometry as Parameters<typeof areaKm2>[0]), 6);
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(areaRefDepth(v)).toBe(41);
    expect(() => areaRefPlaces(v)).toThrow(/maxNodes/);
  });

  it('a circular expression is too deep, not an endless loop', () => {
    const loop: { union: unknown[] } = { union: ['west'] };
    loop.union.push(loop);
    expect(areaRefDepth(loop)).toBeGreaterThan(64);
    expect(() => resolveArea({ places }, loop as AreaRef)).toThrow(/deeper than 64/);
  });
});
