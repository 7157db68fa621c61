import { readFileSync } from 'node:fs';
import { hasData } from '../../test/real-data/_data.js';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claims/schema.js';
import { km2Of } from '../../src/overlay/regions.js';
import { controlMap } from '../../src/control/controlMap.js';
import { clip } from '../../src/geometry/_engine.js';
import type { PolygonGeometry } from '../../src/geometry/schema.js';
import { fromDeepState } from '../../src/importers/deepstate.js';
import { regionsOf } from '../../src/control/_mapRegions.js';
import type { MapRegion, OverlayPiece } from '../../src/overlay/overlay.js';
import { stateClass } from '../../src/overlay/state.js';
import { changedOverlay, changeWindows } from '../../src/overlay/windows.js';

const rect = (w: number, s: number, e: number, n: number): PolygonGeometry => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const STATES = [
  { status: 'controlled' as const, side: 'UA' },
  { status: 'controlled' as const, side: 'RU' },
  { status: 'contested' as const, sides: ['RU', 'UA'] },
];
const claimArb = (day: number) =>
  fc.record({ x: fc.integer({ min: 0, max: 8 }), y: fc.integer({ min: 0, max: 8 }), w: fc.integer({ min: 1, max: 5 }), h: fc.integer({ min: 1, max: 5 }), s: fc.integer({ min: 0, max: 2 }) }).map(
    ({ x, y, w, h, s }): Omit<Claim, 'id'> => ({
      claimant: 'x',
      statedAt: `2025-12-0${day}`,
      basis: 'assessed',
      area: { geometry: rect(37 + x / 100, 48 + y / 100, 37 + (x + w) / 100, 48 + (y + h) / 100) },
      ...STATES[s]!,
    }),
  );
const withIds = (claims: Omit<Claim, 'id'>[], tag: string): Claim[] => claims.map((c, i) => ({ ...c, id: `${tag}${i}` }) as Claim);

/** Changed ground, per (from class, to class): km², and the ground itself. */
function changed(pieces: OverlayPiece[]): Map<string, { km2: number; coords: MapRegion['coords'] }> {
  const out = new Map<string, { km2: number; coords: MapRegion['coords'] }>();
  for (const p of pieces) {
    const from = p.a === null ? '-' : stateClass(p.a.state);
    const to = p.b === null ? '-' : stateClass(p.b.state);
    if (from === to) continue;
    const key = `${from} → ${to}`;
    const entry = out.get(key) ?? { km2: 0, coords: [] };
    entry.km2 += km2Of(p.coords);
    entry.coords.push(...p.coords);
    out.set(key, entry);
  }
  return out;
}

function expectSameChange(a: MapRegion[], b: MapRegion[]): void {
  const full = changed(changedOverlay(a, b, { km2: 0 }, 'full'));
  const fast = changed(changedOverlay(a, b, { km2: 0 }, 'windowed'));
  const total = [...full.values()].reduce((t, e) => t + e.km2, 0) + 1;
  expect([...fast.keys()].sort()).toEqual([...full.keys()].sort());
  for (const [key, { km2, coords }] of full) {
    const other = fast.get(key)!;
    expect(Math.abs(other.km2 - km2), key).toBeLessThan(1e-9 * total);
    // The same ground, not only the same amount: the symmetric difference is empty.
    expect(km2Of(clip('difference', [coords, other.coords])) + km2Of(clip('difference', [other.coords, coords])), key).toBeLessThan(1e-9 * total);
  }
}

describe('changedOverlay: windows around changed edges', () => {
  it('gives the same changed regions as the full overlay (property)', () => {
    fc.assert(
      fc.property(fc.array(claimArb(1), { minLength: 1, maxLength: 6 }), fc.array(claimArb(5), { minLength: 0, maxLength: 3 }), (before, news) => {
        const a = withIds(before, 'a');
        const mapA = controlMap(a);
        const mapB = controlMap([...a, ...withIds(news, 'b')]);
        expectSameChange(regionsOf(mapA, 'a', {}, undefined), regionsOf(mapB, 'b', {}, undefined));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same changed regions for unrelated maps too (every edge changed)', () => {
    fc.assert(
      fc.property(fc.array(claimArb(1), { minLength: 1, maxLength: 5 }), fc.array(claimArb(5), { minLength: 1, maxLength: 5 }), (x, y) => {
        expectSameChange(regionsOf(controlMap(withIds(x, 'a')), 'a', {}, undefined), regionsOf(controlMap(withIds(y, 'b')), 'b', {}, undefined));
      }),
      { numRuns: 50 },
    );
  });

  it('finds no changed edge between a region and the same region wound the other way', () => {
    const square: MapRegion = { state: STATES[0]!, claims: [], coords: [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]], box: [0, 0, 1, 1] };
    const reversed: MapRegion = { ...square, coords: [[[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]] };
    expect(changeWindows([square], [reversed])).toEqual({ windows: [], changed: 0, total: 8 });
  });

  const raw = fileURLToPath(new URL('../../../shared/data/deepstate-raw/', import.meta.url));
  const present = hasData('changedOverlay: DeepState', 'deepstate-raw/polygons-2025-12-01.geojson', 'deepstate-raw/polygons-2025-12-05.geojson');
  it.skipIf(!present)('gives the same change as the full overlay on DeepState 2025-12-01 → 2025-12-05', () => {
    const map = (date: string) => controlMap(fromDeepState(JSON.parse(readFileSync(`${raw}polygons-${date}.geojson`, 'utf8')), { asOf: date }));
    const [a, b] = [map('2025-12-01'), map('2025-12-05')].map((m, i) => regionsOf(m, String(i), {}, undefined)) as [MapRegion[], MapRegion[]];
    const { changed: n, total } = changeWindows(a, b);
    expect(n).toBeLessThan(0.05 * total);
    expectSameChange(a, b);
  });
});
