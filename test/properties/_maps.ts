/**
 * Generators for the deep property tests: random valid control maps with
 * shared edges (cells of one lattice, so neighbours share edges exactly) and
 * near-degenerate shapes (strips about 11 cm wide, and vertices moved by
 * 1e-11° to 5e-9° either way, so that the edges neighbours share become
 * near-shared, below, at and above the engine's 1e-9° grid cell), plus
 * helpers shared by the property files.
 */
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import type { Claim } from '../../src/claims/schema.js';
import { perimeterM } from '../../src/index.js';
import { REFEREE_TOLERANCE } from '../referee/_geos.js';

/** Runs per property: 1,000 in CI, more with `FC_RUNS` (`npm run test:deep`). */
export const RUNS = Number(process.env['FC_RUNS'] ?? 1_000);

/**
 * The time a property file's tests may take: 1,000 generated datasets through `parseDataset` take
 * about 43 s alone on one core, and went past the default 60 s with the other test files running
 * beside them on a loaded 2-core machine (no regression: the same code passed alone).
 */
export const PROPERTY_TIMEOUT_MS = 180_000;
/** Runs for properties that clip geometry: as many (kept affordable by small maps). */
export const GEOMETRY_RUNS = RUNS;

const ORIGIN = [37.1, 48.25] as const;
const CELL = 0.01;
/** A lattice cell's side, degrees. */
export const CELL_DEGREES = CELL;

/**
 * A lattice cell, closed and counter-clockwise; `thin` makes it a strip
 * about 11 cm high (1e-6°), ten times the overlay's sliver width (about
 * 1 cm; docs/geometry.md, "The overlay core"), so that its pieces stay
 * pieces rather than slivers dropped into `sliversKm2`.
 * `jitter` (degrees) moves the south-east corner east, the north-east corner
 * north and the north-west corner west (inward when negative), so each edge
 * the cell shares with a neighbour is tilted off it by up to `jitter`.
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
  // Near-shared edges: three corners of the cell move by this much, outward (the cell overlaps its
  // neighbours in a wedge) or inward (a wedge-shaped gap), below, at and above the engine's
  // 1e-9° grid cell (docs/geometry.md, "Engine and grid"); 0 keeps edges shared exactly.
  jitter: fc.tuple(fc.constantFrom(0, 0, 1e-11, 1e-10, 3e-10, 1e-9, 5e-9), fc.constantFrom(1, -1)).map(([j, sign]) => j * sign),
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

/** How far a claim's cell was jittered (degrees; 0 on the lattice), read back from its corners. */
export function jitterOf(claim: Claim): number {
  const ring = (claim.area as { geometry: Polygon }).geometry.coordinates[0]!;
  return ring[1]![0]! - ring[2]![0]!;
}

/**
 * How far a km² figure may move where claims' edges are near-shared: half
 * a grid cell times the jittered claims' perimeters, per stage (a diff or a
 * change is 2 stages). The jitter tilts each edge of a cell off the
 * lattice, so two neighbours' edges meet in a wedge a few cells wide at its
 * wide end. On the 1e-9° grid such a wedge can still move by a triangle of
 * that edge: Clipper2 drops an output triangle whose corners lie under two
 * cells apart, i.e. one cell wide (docs/geometry.md, "Rules"), and snap
 * rounding routes an edge through a vertex within a cell of it ("Engine and
 * grid"), straightening a tilt of one cell. Either triangle is at most half
 * a cell (`REFEREE_TOLERANCE.gridStripKm / 2`, 0.055 mm) times the edge's
 * length. Claims on the lattice share their edges exactly: for them the
 * bound is 0. The overlay counts the triangles it can tell were dropped in
 * `sliversKm2` (docs/geometry.md, "One-cell wedges"), so a control map
 * comes out exact but in rare cases (3.4e-8 km² once in 5,000 runs); a
 * diff's or a change's pieces may still be a triangle off where snap
 * rounding moved an edge in one piece and not in its neighbour. This bound
 * is a quarter of the grid's reach these
 * properties allowed before (a cell on each side of every edge), and on
 * 1,000 runs the worst case used 7 % of it (4.13e-8 km², one triangle one
 * cell wide and 0.01° long: 4.12e-8 km² by hand).
 */
export function wedgeReachKm2(claims: readonly Claim[], stages: number): number {
  const km = claims.filter((c) => jitterOf(c) !== 0).reduce((sum, c) => sum + perimeterM((c.area as { geometry: Polygon }).geometry) / 1000, 0);
  return (REFEREE_TOLERANCE.gridStripKm / 2) * km * stages;
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
