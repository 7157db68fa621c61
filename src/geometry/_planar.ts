/**
 * The one planar (lon/lat as x/y) signed area of a ring, for orientation and
 * shape tests only; sizes come from `_area.ts`, on the ellipsoid. The
 * geometry cleaner, validation, normalisation, the overlay's change windows
 * and its sliver test, the winding of a front's edges (`control/`) and the
 * SVG output's choice of a label's ring and its centroid (`ringCentroid`) all use this one; the clipping engine
 * and the offsets of `_thin.ts` its twin on `{ x, y }` paths
 * (`twiceSignedPathArea`). `test/geometry/one-signed-area.test.ts` fails on
 * a sum of cross products anywhere else in `src/`.
 *
 * @module
 */

/**
 * Twice the planar signed area of a ring in degrees², as a fan of
 * triangles from its first vertex (which keeps the products small, so far
 * from the origin nothing cancels); positive when counterclockwise. The
 * ring may or may not repeat its first position: the edges into and out of
 * the first vertex add nothing either way.
 */
export function twiceSignedArea(ring: readonly (readonly number[])[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const x0 = ring[0]![0]!;
  const y0 = ring[0]![1]!;
  let sum = 0;
  for (let i = 1; i < n - 1; i += 1) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += (a[0]! - x0) * (b[1]! - y0) - (b[0]! - x0) * (a[1]! - y0);
  }
  return sum;
}

/**
 * The same fan of triangles over `{ x, y }` paths (no repeated closing
 * point): the engine's integer paths, for the winding of the rings it reads
 * and writes, and Clipper2's projected offset paths in `_thin.ts`. It is
 * {@link twiceSignedArea} on the other representation, kept as its own
 * loop: one function reading both through accessors ran six times slower
 * (60 ms per million vertices against 10), and the engine sums every vertex
 * of every result.
 */
export function twiceSignedPathArea(path: readonly { readonly x: number; readonly y: number }[]): number {
  const n = path.length;
  if (n < 3) return 0;
  const x0 = path[0]!.x;
  const y0 = path[0]!.y;
  let sum = 0;
  for (let i = 1; i < n - 1; i += 1) {
    const a = path[i]!;
    const b = path[i + 1]!;
    sum += (a.x - x0) * (b.y - y0) - (b.x - x0) * (a.y - y0);
  }
  return sum;
}

/**
 * The planar centroid of a ring (lon/lat as x/y) by the same fan of
 * triangles as {@link twiceSignedArea}: each triangle's centroid weighted
 * by its signed area. `undefined` when the ring encloses no area (below
 * 1e-18 degrees², twice over), where a centroid is not defined.
 */
export function ringCentroid(ring: readonly (readonly number[])[]): [number, number] | undefined {
  const n = ring.length;
  if (n < 3) return undefined;
  const x0 = ring[0]![0]!;
  const y0 = ring[0]![1]!;
  let twice = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 1; i < n - 1; i += 1) {
    const ax = ring[i]![0]! - x0;
    const ay = ring[i]![1]! - y0;
    const bx = ring[i + 1]![0]! - x0;
    const by = ring[i + 1]![1]! - y0;
    const cross = ax * by - bx * ay;
    twice += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
  }
  if (Math.abs(twice) < 1e-18) return undefined;
  return [x0 + cx / (3 * twice), y0 + cy / (3 * twice)];
}
