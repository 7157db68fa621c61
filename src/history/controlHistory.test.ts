import fc from 'fast-check';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { controlChange } from '../control/controlChange.js';
import { controlMap } from '../control/controlMap.js';
import { isContestedError } from '../errors/index.js';
import { areaKm2 } from '../geometry/index.js';
import { fromGeoJSON } from '../importers/geojson.js';
import { controlHistory } from './controlHistory.js';

/** A rectangle of cells 0.01° wide east of 37.1°E, 48.25°N: columns [0, ru) Russian, [ru, 10) Ukrainian. */
function frontAt(ru: number, at: string) {
  const box = (w: number, e: number): Polygon => ({ type: 'Polygon', coordinates: [[[37.1 + w * 0.01, 48.25], [37.1 + e * 0.01, 48.25], [37.1 + e * 0.01, 48.26], [37.1 + w * 0.01, 48.26], [37.1 + w * 0.01, 48.25]]] });
  const claims = [
    ...(ru > 0 ? fromGeoJSON({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: box(0, ru) }] }, { claimant: 't', status: 'controlled', side: 'RU', asOf: at, idPrefix: 'ru-' }) : []),
    ...(ru < 10 ? fromGeoJSON({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: box(ru, 10) }] }, { claimant: 't', status: 'controlled', side: 'UA', asOf: at, idPrefix: 'ua-' }) : []),
  ];
  return { at, map: controlMap(claims), ruKm2: ru === 0 ? 0 : areaKm2(box(0, ru)) };
}

describe('controlHistory', () => {
  it('sorts the snapshots, sums steps by their later snapshot, and counts a step over a missing day once', async () => {
    const s = [frontAt(2, '2025-01-30'), frontAt(4, '2025-01-31'), frontAt(3, '2025-02-01'), frontAt(6, '2025-02-03')];
    const history = await controlHistory([s[2]!, s[0]!, s[3]!, s[1]!], { by: 'month' });
    expect(history.periods.map((p) => [p.period, p.from, p.to, p.steps])).toEqual([
      ['2025-01', '2025-01-30', '2025-01-31', 1],
      ['2025-02', '2025-01-31', '2025-02-03', 2],
    ]);
    const feb = history.periods[1]!.bySide;
    // February: Russia lost a column on the 1st, gained three by the 3rd (over the missing 2nd).
    expect(feb['RU']!.lostKm2).toBeCloseTo(s[1]!.ruKm2 - s[2]!.ruKm2, 9);
    expect(feb['RU']!.gainedKm2).toBeCloseTo(s[3]!.ruKm2 - s[2]!.ruKm2, 9);
    expect(feb['UA']!.netKm2).toBeCloseTo(-feb['RU']!.netKm2, 9);
    const steps = await controlHistory(s);
    expect(steps.periods.map((p) => [p.period, p.steps])).toEqual([['2025-01-31', 1], ['2025-02-01', 1], ['2025-02-03', 1]]);
    const weeks = await controlHistory(s, { by: 'week' });
    expect(weeks.periods.map((p) => p.period)).toEqual(['2025-W05', '2025-W06']);
  });

  it('periods add up to the change of area from the first snapshot to the last (any run of fronts)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 6 }), fc.constantFrom('step' as const, 'day' as const, 'week' as const, 'month' as const), async (fronts, by) => {
        const snapshots = fronts.map((ru, i) => frontAt(ru, new Date(Date.UTC(2025, 0, 27 + i * 3)).toISOString().slice(0, 10)));
        const history = await controlHistory(snapshots, { by });
        const net = history.periods.reduce((sum, p) => sum + (p.bySide['RU']?.netKm2 ?? 0), 0);
        expect(net).toBeCloseTo(snapshots.at(-1)!.ruKm2 - snapshots[0]!.ruKm2, 6);
        expect(history.periods.reduce((sum, p) => sum + p.steps, 0)).toBe(fronts.length - 1);
      }),
      { numRuns: 25 },
    );
  });

  it('counts the slivers of a line redrawn a few millimetres off, so that the net is the change of area', async () => {
    // Russian ground west of a zigzag front (0.001° teeth); a redraw moves each front vertex by under 5 mm east or
    // west (multiples of the engine's 1e-9° grid). The ground between the two drawings is slivers narrower than a
    // centimetre: left out of the change's regions, but counted in the km² (DeepState 2024-09-14 has 0.0046 km² of them).
    const front = (offsets: readonly number[], at: string) => {
      const line = offsets.map((dx, i): [number, number] => [37.05 + (i % 2) * 0.001 + dx * 1e-9, 48.25 + i * 0.001]);
      const ring: [number, number][] = [[37.0, 48.25], ...line, [37.0, line.at(-1)![1]], [37.0, 48.25]];
      const geometry: Polygon = { type: 'Polygon', coordinates: [ring] };
      const claims = fromGeoJSON({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] }, { claimant: 't', status: 'controlled', side: 'RU', asOf: at });
      return { at, map: controlMap(claims), ruKm2: areaKm2(geometry) };
    };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: -45, max: 45 }), { minLength: 12, maxLength: 12 }), async (shift) => {
        const before = front(shift.map(() => 0), '2025-06-01');
        const after = front(shift, '2025-06-02');
        const [period] = (await controlHistory([before, after], { by: 'month' })).periods;
        const ru = period?.bySide['RU'] ?? { gainedKm2: 0, lostKm2: 0, netKm2: 0 };
        // Every piece here is a sliver: none reaches the regions, all reach the sums.
        const change = controlChange(before.map, after.map);
        expect(change.regions.features).toHaveLength(0);
        expect(change.sliversKm2).toBeCloseTo(ru.gainedKm2 + ru.lostKm2, 12);
        // Exact but for the engine's grid: a crossing of the two drawings is rounded to 1e-9° (≤ 0.08 mm off either
        // line), which moves a triangle of at most ½ × the edge (134 m) × 0.08 mm; 12 edges: 1e-7 km².
        expect(Math.abs(ru.netKm2 - (after.ruKm2 - before.ruKm2))).toBeLessThan(12 * 0.5 * 134 * 0.08e-3 * 1e-6);
      }),
      { numRuns: 30, examples: [[Array.from({ length: 12 }, () => 45)]] },
    );
  });

  it('is empty for fewer than two snapshots', async () => {
    expect(await controlHistory([])).toEqual({ periods: [], workersUsed: 0 });
    expect(await controlHistory([frontAt(3, '2025-01-01')])).toEqual({ periods: [], workersUsed: 0 });
  });

  it('breaks periods down by region, with the rows, overlap and unassigned ground adding up', async () => {
    // West region covers columns 0–5, east region 4–8 (overlapping 4–5); columns 8–10 are in neither.
    const region = (name: string, w: number, e: number) => ({ type: 'Feature' as const, properties: { name }, geometry: { type: 'Polygon' as const, coordinates: [[[37.1 + w * 0.01, 48.24], [37.1 + e * 0.01, 48.24], [37.1 + e * 0.01, 48.27], [37.1 + w * 0.01, 48.27], [37.1 + w * 0.01, 48.24]]] } });
    const regions: FeatureCollection<Polygon> = { type: 'FeatureCollection', features: [region('West', 0, 5), region('East', 4, 8)] };
    const s = [frontAt(1, '2025-03-01'), frontAt(9, '2025-03-02')];
    const [period] = (await controlHistory(s, { by: 'month', regions })).periods;
    const column = s[0]!.ruKm2;
    expect(period!.byRegion!.map((r) => [r.region, r.bySide['RU']!.gainedKm2 / column])).toEqual([
      ['West', expect.closeTo(4, 6)],
      ['East', expect.closeTo(4, 6)],
    ]);
    expect(period!.overlapKm2! / column).toBeCloseTo(1, 6);
    expect(period!.unassignedKm2! / column).toBeCloseTo(1, 6);
    const rows = period!.byRegion!.reduce((sum, r) => sum + r.bySide['RU']!.gainedKm2, 0);
    expect(rows - period!.overlapKm2! + period!.unassignedKm2!).toBeCloseTo(period!.bySide['RU']!.gainedKm2, 9);
  });

  it('reports progress and stops within one step when aborted', async () => {
    const s = [1, 2, 3, 4, 5].map((ru, i) => frontAt(ru, `2025-04-0${i + 1}`));
    const seen: number[] = [];
    const controller = new AbortController();
    const run = controlHistory(s, {
      signal: controller.signal,
      onProgress: ({ done, total }) => {
        seen.push(done);
        expect(total).toBe(4);
        if (done === 2) controller.abort();
      },
    });
    await expect(run).rejects.toSatisfy((error) => isContestedError(error) && error.code === 'aborted');
    expect(seen).toEqual([1, 2]);
  });

  it('refuses malformed snapshots and options with a path', async () => {
    const good = frontAt(1, '2025-01-01');
    for (const [snapshots, options, path] of [
      [[good, { at: 'yesterday', map: good.map }], {}, ['snapshots', 1, 'at']],
      [[good, { at: '2025-01-02', map: [] }], {}, ['snapshots', 1, 'map']],
      [[good, good], { by: 'year' }, ['options', 'by']],
      [[good, good], { workers: 2.5 }, ['options', 'workers']],
      [[good, good], { workers: 'two' }, ['options', 'workers']],
      [[good, good], { workers: { threads: -1 } }, ['options', 'workers', 'threads']],
    ] as const) {
      const error = await controlHistory(snapshots as never, options as never).catch((e: unknown) => e);
      expect(isContestedError(error) && error.issues[0]!.path).toEqual(path);
    }
  });

  it('runs serially by the workers rule when steps are few or maps small, and says so', async () => {
    const s = [frontAt(1, '2025-01-01'), frontAt(2, '2025-01-02'), frontAt(4, '2025-01-03')];
    const serial = await controlHistory(s);
    // Two steps are fewer than 4 per thread, and these maps have 5 vertices each: no worker starts (nor tinypool loads).
    for (const workers of [2, 8, { threads: 2, minStepsPerThread: 0 }, { threads: 2, minMapVertices: 0 }, { threads: 1, minStepsPerThread: 0, minMapVertices: 0 }]) {
      const history = await controlHistory(s, { workers });
      expect(history).toEqual(serial);
      expect(history.workersUsed).toBe(0);
    }
  });

  it('does not mutate its input', async () => {
    const s = [frontAt(2, '2025-01-02'), frontAt(1, '2025-01-01')];
    const copy = structuredClone(s);
    await controlHistory(s, { by: 'month' });
    expect(s).toEqual(copy);
  });
});
