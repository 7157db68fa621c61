/**
 * areaKm2 against PROJ's geodesic area (the referee: pyproj.Geod on rings
 * densified to 0.0001° along their lon/lat-straight edges), at the
 * referee's one tolerance (`bound`: 1e-8 relative, 1e-8 km² absolute):
 * random polygons from test/geometry/_areaCases.ts (holes, 1e-5° to 0.5°
 * across, a quarter on band boundaries of areaKm2's table), sent in one
 * batch; with REFEREE_DEEP=1 also every DeepState occupied snapshot (25 s
 * of densifying; the default suite compares them with the quadrature in
 * test/geometry/area-oracles.test.ts).
 *
 * Beyond 60° the referee's pieces shrink with the tangent of a ring's
 * highest latitude (geos.py: at 0.0001° everywhere, a 1.1 km² polygon at
 * 80° N was 1.02e-8 apart, seed 1013690673, the referee's error: finer
 * pieces converge on areaKm2's figure). Within 80° of the equator only: nearer the poles the
 * pieces would have to be too many (a 0.87 km² polygon at 89.8° S was
 * 3.5e-8 apart at 0.0001°), while the quadrature, which has no such
 * pieces, agrees with areaKm2 there.
 */
import fc from 'fast-check';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2 } from '../../src/geometry/index.js';
import { areaCases } from '../geometry/_areaCases.js';
import { hasData, readCollection } from '../real-data/_data.js';
import { bound, referee, refereeAvailable, type RefereeCase } from './_geos.js';

const SEED = Number(process.env['FC_SEED'] ?? Date.now() % 2 ** 31);
const DATES = ['2024-08-01', '2024-12-01', '2025-03-01', '2025-07-01', '2025-10-01', '2026-08-22'];
const DEEP = process.env['REFEREE_DEEP'] === '1';
const RUNS = DEEP ? 600 : 60;

const run = refereeAvailable('referee: area');

/** The cases that disagree with the referee, as readable lines. */
function disagreeing(cases: readonly { id: string; geometry: Geometry }[]): string[] {
  const answers = referee(cases.map(({ id, geometry }): RefereeCase => ({ id, kind: 'area', geometry })));
  const out: string[] = [];
  answers.forEach((answer, i) => {
    const reference = answer.keys?.['area']?.[0];
    const ours = areaKm2(cases[i]!.geometry);
    if (reference === undefined || !(Math.abs(ours - reference) <= bound(reference))) {
      out.push(`${answer.id}: ours ${ours} km², PROJ ${String(reference)} km² ${answer.error ?? ''} ${JSON.stringify(cases[i]!.geometry).slice(0, 400)}`);
    }
  });
  return out;
}

describe.runIf(run)('referee: areaKm2 against PROJ', () => {
  it(`agrees on ${RUNS} random polygons (seed ${SEED}; FC_SEED replays)`, () => {
    const cases = fc.sample(areaCases(0.5, 80), { numRuns: RUNS, seed: SEED }).map(({ polygon }, i) => ({ id: `random-${i}`, geometry: polygon }));
    expect(disagreeing(cases)).toEqual([]);
  });

  it.runIf(DEEP && hasData('referee: area', ...DATES.map((d) => `deepstate/occupied-${d}.geojson`)))('agrees on every DeepState occupied snapshot (REFEREE_DEEP=1)', () => {
    const cases = DATES.map((date) => ({ id: `deepstate-${date}`, geometry: readCollection(`deepstate/occupied-${date}.geojson`).features[0]!.geometry! }));
    expect(disagreeing(cases)).toEqual([]);
  });
});
