import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../claims/schema.js';
import { areaKm2 } from '../geometry/index.js';
import { controlChange, type SideChange } from './controlChange.js';
import type { ControlMap, ControlState } from './types.js';

const SIZE = 0.05;
const cell = (i: number, j: number): Polygon => {
  const [x, y] = [30 + i * SIZE, 48 + j * SIZE];
  return { type: 'Polygon', coordinates: [[[x, y], [x + SIZE, y], [x + SIZE, y + SIZE], [x, y + SIZE], [x, y]]] };
};

/** A control map of grid cells, one region per cell that says something. */
function mapOf(states: (ControlState | null)[], width: number): ControlMap {
  const features: ControlMap['features'] = [];
  states.forEach((state, k) => {
    if (state === null) return;
    const geometry = cell(k % width, Math.floor(k / width));
    features.push({
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: [geometry.coordinates] },
      properties: { ...state, claims: [`c${k}`], km2: areaKm2(geometry), title: '', description: '', fill: '#000000', 'fill-opacity': 1, stroke: '#000000', 'stroke-width': 1 },
    });
  });
  return { type: 'FeatureCollection', features, overruled: [] };
}

const SIDES = ['A', 'B', 'C'] as const;
const stateArb: fc.Arbitrary<ControlState | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...SIDES).map((side): ControlState => ({ status: 'controlled', side })),
  fc.constantFrom(...SIDES).map((side): ControlState => ({ status: 'advancing', side })),
  fc.constant<ControlState>({ status: 'contested', sides: ['A', 'B'] }),
  fc.constantFrom(...SIDES).map((side): ControlState => ({ status: 'not-controlled', side })),
);

const empty = (): SideChange => ({ gainedKm2: 0, lostKm2: 0, netKm2: 0, toContestedKm2: 0, toAdvancingKm2: 0, gainedFrom: {}, lostTo: {}, inferredGainedKm2: 0, inferredLostKm2: 0 });

/** The transition table, cell by cell: the key the overlay's answer is checked against. */
function expected(before: (ControlState | null)[], after: (ControlState | null)[], width: number): Record<string, SideChange> {
  const out: Record<string, SideChange> = {};
  const side = (id: string): SideChange => (out[id] ??= empty());
  before.forEach((from, k) => {
    const to = after[k] ?? null;
    const km2 = areaKm2(cell(k % width, Math.floor(k / width)));
    const held = (s: ControlState | null): string | undefined => (s?.status === 'controlled' ? s.side : undefined);
    const [b, a] = [held(from), held(to)];
    if (b !== undefined) side(b);
    if (a !== undefined) side(a);
    if (a !== undefined && a !== b) {
      side(a).gainedKm2 += km2;
      if (b !== undefined) side(a).gainedFrom[b] = (side(a).gainedFrom[b] ?? 0) + km2;
    }
    if (b !== undefined && a !== b) {
      if (to?.status === 'advancing' && to.side === b) side(b).toAdvancingKm2 += km2;
      else if (to?.status === 'advancing' || to?.status === 'contested') side(b).toContestedKm2 += km2;
      else {
        side(b).lostKm2 += km2;
        if (a !== undefined) side(b).lostTo[a] = (side(b).lostTo[a] ?? 0) + km2;
      }
    }
  });
  for (const change of Object.values(out)) change.netKm2 = change.gainedKm2 - change.lostKm2;
  return out;
}

const heldKm2 = (states: (ControlState | null)[], width: number, id: string): number =>
  states.reduce((sum, s, k) => sum + (s?.status === 'controlled' && s.side === id ? areaKm2(cell(k % width, Math.floor(k / width))) : 0), 0);

describe('controlChange: the transition table', () => {
  it('matches the table cell by cell with every status present; A gains from B what B loses to A; held after − before = gained − lost − toContested − toAdvancing', () => {
    const grid = fc.integer({ min: 2, max: 4 }).chain((width) =>
      fc.tuple(fc.constant(width), fc.array(fc.tuple(stateArb, stateArb), { minLength: width * 2, maxLength: width * 2 })),
    );
    fc.assert(
      fc.property(grid, ([width, pairs]) => {
        const before = pairs.map(([b]) => b);
        const after = pairs.map(([, a]) => a);
        const change = controlChange(mapOf(before, width), mapOf(after, width));
        const want = expected(before, after, width);
        expect(Object.keys(change.bySide).sort()).toEqual(Object.keys(want).sort());
        for (const [id, got] of Object.entries(change.bySide)) {
          const w = want[id]!;
          for (const key of ['gainedKm2', 'lostKm2', 'netKm2', 'toContestedKm2', 'toAdvancingKm2'] as const) expect(got[key]).toBeCloseTo(w[key], 6);
          expect(Object.keys(got.gainedFrom).sort()).toEqual(Object.keys(w.gainedFrom).sort());
          for (const [other, km2] of Object.entries(got.gainedFrom)) {
            expect(km2).toBeCloseTo(w.gainedFrom[other]!, 6);
            expect(change.bySide[other]!.lostTo[id]).toBeCloseTo(km2, 9);
          }
          const delta = heldKm2(after, width, id) - heldKm2(before, width, id);
          expect(got.gainedKm2 - got.lostKm2 - got.toContestedKm2 - got.toAdvancingKm2).toBeCloseTo(delta, 6);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('controlled → advancing by the same side is toAdvancingKm2, not a loss; by another side it is toContestedKm2', () => {
    const before = mapOf([{ status: 'controlled', side: 'A' }, { status: 'controlled', side: 'A' }], 2);
    const after = mapOf([{ status: 'advancing', side: 'A' }, { status: 'advancing', side: 'B' }], 2);
    const a = controlChange(before, after).bySide['A']!;
    expect([a.lostKm2, a.gainedKm2]).toEqual([0, 0]);
    expect(a.toAdvancingKm2).toBeCloseTo(areaKm2(cell(0, 0)), 9);
    expect(a.toContestedKm2).toBeCloseTo(areaKm2(cell(1, 0)), 9);
  });

  it('marks change in inferred ground and counts it apart', () => {
    const claim = (id: string, i: number, side: string, basis: Claim['basis'], at: string): Claim => ({ id, claimant: 'ds', statedAt: at, area: { geometry: cell(i, 0) } as Claim['area'], status: 'controlled', side, basis });
    const before = [claim('ru-0', 0, 'RU', 'assessed', '2025-11-01'), claim('ru-1', 1, 'RU', 'assessed', '2025-11-01')];
    const after = [claim('lib-0', 0, 'UA', 'assessed', '2025-12-01'), claim('inf-1', 1, 'UA', 'inferred', '2025-12-01')];
    const change = controlChange(before, after);
    const ua = change.bySide['UA']!;
    expect(ua.gainedKm2).toBeCloseTo(areaKm2(cell(0, 0)) + areaKm2(cell(1, 0)), 9);
    expect(ua.inferredGainedKm2).toBeCloseTo(areaKm2(cell(1, 0)), 9);
    expect(change.bySide['RU']!.inferredLostKm2).toBeCloseTo(areaKm2(cell(1, 0)), 9);
    expect(change.regions.features.map((f) => [f.properties.to?.side, f.properties.inferred ?? false]).sort()).toEqual([['UA', false], ['UA', true]]);
  });

  it('paints regions as toSvg’s change legend does: gains in the side colour, contested grey, unclaimed unfilled', () => {
    const before = mapOf([{ status: 'controlled', side: 'RU' }, { status: 'controlled', side: 'RU' }, { status: 'controlled', side: 'RU' }], 3);
    const after = mapOf([{ status: 'controlled', side: 'UA' }, { status: 'contested' }, null], 3);
    const styles = controlChange(before, after).regions.features.map((f) => [f.properties.to?.status ?? null, f.properties.fill, f.properties['fill-opacity']]);
    expect(styles.sort()).toEqual([[null, '#fcfcfc', 0], ['contested', '#444444', 0.65], ['controlled', '#1f5fbf', 0.55]].sort());
  });
});
