/**
 * How wide the engine's sweep is over a set of operands, along each axis,
 * and which axis the engine should sweep along.
 *
 * Clipper2 sweeps a line along y and keeps the edges that line crosses in
 * an active edge list; it walks that list for every scanbeam, and scans it
 * to insert each local minimum and to pair each maximum. Its cost is
 * therefore about the number of vertices times the length of that list,
 * which is small on maps (a parallel crosses a few dozen edges of a
 * country's outline) and as long as the input on a serrated edge: a comb
 * of 10,000 vertical teeth, as a rasterised edge is drawn, puts 20,000
 * edges on one parallel and took 3 s where GEOS takes 0.2 s (audit finding
 * F3). A meridian crosses two or three edges of the same comb, so the
 * engine runs on such operands with x and y swapped (`clip` in
 * `_engine.ts`, when {@link sweepAxis} says 'x').
 *
 * @module
 */
import type { MultiPolygon2 } from './_clean.js';

/** The sweep's size along one axis. */
export interface SweepSize {
  /** Vertices of all operands (closing positions not counted). */
  vertices: number;
  /** The most edges one line across the axis crosses (edges along the line not counted). */
  width: number;
  /**
   * The edges a line through each vertex reaches (crosses, or ends on),
   * summed over the vertices: about the length of the engine's active edge
   * list summed over the places the sweep stops, its work in list steps.
   */
  work: number;
}

/**
 * Below this many vertices in a run nothing is measured and the engine
 * sweeps along y: its list steps are at most 4,096², about 17 million,
 * tens of milliseconds.
 */
export const SWEEP_MEASURED_FROM = 4096;

/**
 * The engine sweeps along x when its work along y is above this many list
 * steps (about a second of CPU at the rate measured on Clipper2: see
 * docs/geometry.md, "Serrated edges") and more than
 * {@link SWEEP_GAIN} times its work along x.
 */
export const SWEEP_TRANSPOSE_WORK = 50_000_000;

/** How much less work along x a transposed run must promise. */
export const SWEEP_GAIN = 4;

/**
 * The axis the engine should sweep `operands` along: 'y' (Clipper2's own)
 * unless the sweep along y would be long ({@link SWEEP_TRANSPOSE_WORK}) and
 * the sweep along x is much shorter ({@link SWEEP_GAIN}).
 */
export function sweepAxis(operands: readonly MultiPolygon2[]): 'x' | 'y' {
  let vertices = 0;
  for (const polygons of operands) for (const polygon of polygons) for (const ring of polygon) vertices += ring.length;
  if (vertices < SWEEP_MEASURED_FROM) return 'y';
  if (workAtMost(operands, 'y') <= SWEEP_TRANSPOSE_WORK) return 'y';
  const alongY = sweepSize(operands, 'y');
  if (alongY.work <= SWEEP_TRANSPOSE_WORK) return 'y';
  return sweepSize(operands, 'x').work * SWEEP_GAIN < alongY.work ? 'x' : 'y';
}

/**
 * A bound on {@link SweepSize.work} along `axis` in two passes and no sort
 * (a map's operands are settled by it): the axis cut into as many bands as
 * there are vertices (at most 65,536), each edge counted in every band it
 * reaches, and each vertex charged its band's count, which is at least the
 * number of edges reaching the vertex.
 */
export function workAtMost(operands: readonly MultiPolygon2[], axis: 'x' | 'y'): number {
  const c = axis === 'y' ? 1 : 0;
  let low = Infinity;
  let high = -Infinity;
  let vertices = 0;
  for (const polygons of operands) {
    for (const polygon of polygons) {
      for (const ring of polygon) {
        vertices += ring.length;
        for (let i = 0; i < ring.length; i += 1) {
          const v = ring[i]![c]!;
          if (v < low) low = v;
          if (v > high) high = v;
        }
      }
    }
  }
  if (!(high > low)) return 0;
  const bands = Math.min(vertices, 65536);
  const per = bands / (high - low);
  const band = (v: number): number => Math.min(bands - 1, Math.floor((v - low) * per));
  const count = new Int32Array(bands + 1);
  for (const polygons of operands) {
    for (const polygon of polygons) {
      for (const ring of polygon) {
        // Each edge, and the closing one if the ring is left open.
        for (let i = 0; i < ring.length; i += 1) {
          const a = ring[i]![c]!;
          const b = ring[i + 1 === ring.length ? 0 : i + 1]![c]!;
          if (a === b) continue;
          count[band(a < b ? a : b)]! += 1;
          count[band(a < b ? b : a) + 1]! -= 1;
        }
      }
    }
  }
  for (let k = 1; k < bands; k += 1) count[k]! += count[k - 1]!;
  let work = 0;
  for (const polygons of operands) for (const polygon of polygons) for (const ring of polygon) for (let i = 0; i < ring.length; i += 1) work += count[band(ring[i]![c]!)]!;
  return work;
}

/**
 * The sweep along `axis` over the edges of `operands`, all of them together
 * (as one engine run sees them). One pass over the edges and two sorts of
 * their extents: O(n log n).
 */
export function sweepSize(operands: readonly MultiPolygon2[], axis: 'x' | 'y'): SweepSize {
  const c = axis === 'y' ? 1 : 0;
  let edges = 0;
  for (const polygons of operands) for (const polygon of polygons) for (const ring of polygon) edges += ring.length;
  const lo = new Float64Array(edges);
  const hi = new Float64Array(edges);
  const at = new Float64Array(edges);
  let m = 0;
  let vertices = 0;
  for (const polygons of operands) {
    for (const polygon of polygons) {
      for (const ring of polygon) {
        const n = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.length - 1 : ring.length;
        if (n < 3) continue;
        for (let i = 0; i < n; i += 1) {
          const a = ring[i]![c]!;
          const b = ring[i + 1 === n ? 0 : i + 1]![c]!;
          at[vertices++] = a;
          if (a === b) continue;
          lo[m] = a < b ? a : b;
          hi[m] = a < b ? b : a;
          m += 1;
        }
      }
    }
  }
  return { vertices, ...widthAndWork(lo.subarray(0, m).sort(), hi.subarray(0, m).sort(), at.subarray(0, vertices).sort()) };
}

/**
 * Over intervals (lo < hi each, both sorted): the most that contain one
 * coordinate strictly inside them, and the sum over the points `at`
 * (sorted) of the intervals reaching each (containing it, ends included:
 * the engine's list holds the edges that start at a stop while it inserts
 * the next, and those that end there until it removes them).
 */
function widthAndWork(lo: Float64Array, hi: Float64Array, at: Float64Array): { width: number; work: number } {
  const n = lo.length;
  let width = 0;
  let work = 0;
  let i = 0; // lo[0..i) are at or below the current coordinate
  let j = 0; // hi[0..j) are below it
  let k = 0;
  // (j reaches n only after i: every interval ends above its start.)
  while (j < n) {
    const v = i < n && lo[i]! <= hi[j]! ? lo[i]! : hi[j]!;
    // Points below v see what was open after the previous coordinate.
    while (k < at.length && at[k]! < v) {
      work += i - j;
      k += 1;
    }
    while (i < n && lo[i] === v) i += 1;
    const reaching = i - j;
    while (k < at.length && at[k] === v) {
      work += reaching;
      k += 1;
    }
    while (j < n && hi[j] === v) j += 1;
    if (i - j > width) width = i - j;
  }
  // Points above every interval reach none.
  return { width, work };
}
