/**
 * Fuzzing over real data: the DeepState per-class layer and ISW's 2022
 * layers (read in place from `../shared/data`, skipped with a message when
 * absent), each mutated at random — a vertex nudged, thrown far away or made
 * NaN, a ring dropped or left unclosed, a position's coordinates swapped to
 * [lat, lon] — and imported. Every result must be claims or a
 * ContestedError refusing the input; never a TypeError, an engine failure
 * (`geometry-engine`), a hang or a crash. Mutations are seeded
 * (`FUZZ_SEED`), and each test gets a time budget (`FUZZ_MS`, 15 s; ~50 s in all).
 */
import fc from 'fast-check';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { areaKm2, controlChange, fromDeepState, fromIsw, isContestedError } from '../../src/index.js';
import { hasData, readCollection } from '../real-data/_data.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20251201);
const BUDGET_MS = Number(process.env['FUZZ_MS'] ?? 15_000);

type Layer = FeatureCollection<Geometry | null>;
type Rings = Position[][];

/** Every ring (or line) of a layer, as a mutable reference. */
function ringsOf(layer: Layer): Rings {
  const out: Rings = [];
  for (const feature of layer.features) {
    const g = feature.geometry;
    if (g?.type === 'Polygon') out.push(...g.coordinates);
    else if (g?.type === 'MultiPolygon') for (const p of g.coordinates) out.push(...p);
  }
  return out;
}

interface Mutation {
  kind: 'nudge' | 'far' | 'nan' | 'swap' | 'drop-ring' | 'unclose' | 'duplicate' | 'string';
  ring: number;
  vertex: number;
  amount: number;
}
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('nudge', 'nudge', 'far', 'nan', 'swap', 'drop-ring', 'unclose', 'duplicate', 'string'),
  ring: fc.nat(),
  vertex: fc.nat(),
  amount: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
});

/** Applies 1–5 mutations to a deep copy of `layer`. */
function mutate(layer: Layer, mutations: Mutation[]): Layer {
  const copy = structuredClone(layer);
  for (const m of mutations) {
    const rings = ringsOf(copy);
    if (rings.length === 0) break;
    const ring = rings[m.ring % rings.length]!;
    if (ring.length === 0) continue;
    const i = m.vertex % ring.length;
    const p = ring[i]!;
    switch (m.kind) {
      case 'nudge': p[0]! += m.amount; p[1]! += m.amount / 2; break;
      case 'far': p[0] = p[0]! + m.amount * 10_000; break;
      case 'nan': p[1] = NaN; break;
      case 'swap': ring[i] = [p[1]!, p[0]!]; break;
      case 'drop-ring': ring.length = 0; break;
      case 'unclose': ring.pop(); break;
      case 'duplicate': ring.splice(i, 0, [...p]); break;
      case 'string': (p as unknown[])[0] = String(p[0]); break;
    }
  }
  return copy;
}

/** Runs `run` on mutated copies until the budget is spent; counts outcomes. */
function fuzz(layer: Layer, run: (mutated: Layer) => unknown): { runs: number; errors: Record<string, number> } {
  const errors: Record<string, number> = {};
  let runs = 0;
  const start = performance.now();
  const samples = fc.sample(fc.array(mutationArb, { minLength: 1, maxLength: 5 }), { seed: SEED, numRuns: 10_000 });
  for (const mutations of samples) {
    if (performance.now() - start > BUDGET_MS) break;
    runs += 1;
    const mutated = mutate(layer, mutations);
    try {
      run(mutated);
    } catch (error) {
      // A refusal of bad input passes; an engine failure (geometry-engine) is a bug and fails.
      if (!isContestedError(error) || error.code === 'geometry-engine') throw new Error(`mutations ${JSON.stringify(mutations)} gave ${String(error)}`, { cause: error });
      errors[error.code] = (errors[error.code] ?? 0) + 1;
    }
  }
  return { runs, errors };
}

const DEEPSTATE = 'deepstate-raw/polygons-2025-12-01.geojson';
const ISW = ['2022-11-15-assessed-russian-control.geojson', '2022-11-15-claimed-russian-control.geojson'].map((f) => `isw/${f}`);

describe.runIf(hasData('fuzz: DeepState', DEEPSTATE))('fuzz: DeepState 2025-12-01, mutated', () => {
  // Read when the tests run, not when they are collected: a skipped suite's body still runs.
  let layer: Layer;
  let original: ReturnType<typeof fromDeepState>;
  beforeAll(() => {
    layer = readCollection(DEEPSTATE);
    original = fromDeepState(layer, { asOf: '2025-12-01' });
  });

  it('imports to claims with finite areas, or a ContestedError', () => {
    const { runs, errors } = fuzz(layer, (mutated) => {
      for (const claim of fromDeepState(mutated, { asOf: '2025-12-01' })) {
        expect(Number.isFinite(areaKm2((claim.area as { geometry: never }).geometry))).toBe(true);
      }
    });
    console.log(`DeepState: ${runs} mutated imports; ContestedErrors by code: ${JSON.stringify(errors)}`);
    expect(runs).toBeGreaterThanOrEqual(5);
  });

  it('diffs against the original, or a ContestedError', () => {
    const { runs, errors } = fuzz(layer, (mutated) => {
      const change = controlChange(original, fromDeepState(mutated, { asOf: '2025-12-01' }));
      for (const side of Object.values(change.bySide)) expect(Number.isFinite(side.netKm2)).toBe(true);
    });
    console.log(`DeepState change: ${runs} mutated diffs; ContestedErrors by code: ${JSON.stringify(errors)}`);
    expect(runs).toBeGreaterThanOrEqual(2);
  });
});

describe.runIf(hasData('fuzz: ISW', ...ISW))('fuzz: ISW 2022-11-15, mutated', () => {
  it('imports to claims, or a ContestedError', () => {
    const [assessed, claimed] = ISW.map(readCollection) as [Layer, Layer];
    const { runs, errors } = fuzz(assessed, (mutated) => fromIsw({ assessedControl: mutated, claimedControl: claimed }, { asOf: '2022-11-15' }));
    console.log(`ISW: ${runs} mutated imports; ContestedErrors by code: ${JSON.stringify(errors)}`);
    expect(runs).toBeGreaterThanOrEqual(5);
  });
});
