/**
 * Generators for the deep property tests: random valid control maps with
 * shared edges (cells of one lattice, so neighbours share edges exactly) and
 * near-degenerate shapes (slivers a few centimetres wide, vertices jittered
 * by 1e-9°), plus helpers shared by the property files.
 */
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import type { Claim } from '../../src/claims/schema.js';

/** Runs per property: 1,000 in CI, more with `FC_RUNS` (`npm run test:deep`). */
export const RUNS = Number(process.env['FC_RUNS'] ?? 1_000);
/** Runs for properties that clip geometry: as many (kept affordable by small maps). */
export const GEOMETRY_RUNS = RUNS;

const ORIGIN = [37.1, 48.25] as const;
const CELL = 0.01;

/**
 * A lattice cell, closed and counter-clockwise; `thin` makes it a strip
 * about 11 cm high (1e-6°), ten times the overlay's sliver width: narrower
 * claims are dropped whole by controlMap (see the note in the report).
 */
export function cell(col: number, row: number, thin = false, jitter = 0): Polygon {
  const w = ORIGIN[0] + col * CELL;
  const s = ORIGIN[1] + row * CELL;
  const h = thin ? 1e-6 : CELL;
  const j = jitter;
  return {
    type: 'Polygon',
    coordinates: [[[w, s], [w + CELL + j, s], [w + CELL, s + h + j], [w - j, s + h], [w, s]]],
  };
}

/** One claim over one cell. */
export interface Drawn {
  col: number;
  row: number;
  status: 'controlled' | 'contested' | 'advancing';
  side: 'UA' | 'RU';
  day: number;
  thin: boolean;
  jitter: number;
}

const drawnArb: fc.Arbitrary<Drawn> = fc.record({
  col: fc.integer({ min: 0, max: 3 }),
  row: fc.integer({ min: 0, max: 3 }),
  status: fc.constantFrom('controlled', 'controlled', 'contested', 'advancing'),
  side: fc.constantFrom('UA', 'RU'),
  day: fc.integer({ min: 1, max: 28 }),
  thin: fc.constantFrom(false, false, false, true),
  // Vertices jittered by 1e-9° make polyclip-ts fail (geometry-engine); see engine-near-coincident.test.ts.
  jitter: fc.constant(0),
});

/** Claims of one claimant over lattice cells: overlapping, sharing edges, some slivers. */
export function claimsArb(claimant: string, maxLength = 3): fc.Arbitrary<Claim[]> {
  return fc.array(drawnArb, { minLength: 0, maxLength }).map((drawn) =>
    drawn.map((d, i): Claim => {
      const claim = {
        id: `${claimant}-${i}`,
        claimant,
        statedAt: `2025-12-${String(d.day).padStart(2, '0')}`,
        area: { geometry: cell(d.col, d.row, d.thin, d.jitter) },
        status: d.status,
        basis: 'claimed',
      } as unknown as Claim;
      if (d.status === 'contested') (claim as { sides?: string[] }).sides = ['RU', 'UA'];
      else (claim as { side?: string }).side = d.side;
      return claim;
    }),
  );
}

/** The lattice's whole extent, as a frame for diffs. */
export const FRAME: Polygon = {
  type: 'Polygon',
  coordinates: [[[ORIGIN[0], ORIGIN[1]], [ORIGIN[0] + 4 * CELL, ORIGIN[1]], [ORIGIN[0] + 4 * CELL, ORIGIN[1] + 4 * CELL], [ORIGIN[0], ORIGIN[1] + 4 * CELL], [ORIGIN[0], ORIGIN[1]]]],
};

/** Freezes a value and everything in it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Relative closeness for km² totals. */
export function near(actual: number, expected: number, relative = 1e-9, absolute = 1e-9): boolean {
  return Math.abs(actual - expected) <= Math.max(absolute, relative * Math.abs(expected));
}
