/**
 * The one rule for the rings of an area, applied wherever an area is read
 * for measuring or clipping (`areaKm2`, `perimeterM`, the boolean operations
 * and everything built on them): an area the library cannot read one way
 * only is refused with a path, never read another way silently.
 *
 * - Coordinates are finite, in range, and no edge jumps the antimeridian
 *   (`checkEdges`).
 * - Every ring is closed: its last position repeats its first. An unclosed
 *   ring is refused (`unclosed-ring`), as `validateGeometry` reports it;
 *   `normalizeGeometry` closes rings and lists that repair.
 * - Every hole lies inside its outer ring. A hole reaching outside it
 *   (`hole-outside-shell`) is refused: measured as given, a hole larger than
 *   its shell made `areaKm2` negative.
 *
 * The checks are linear in the vertices (one point-in-ring test per hole,
 * after a bounding-box test), so they cost little beside an overlay.
 *
 * @module
 */
import type { Position } from 'geojson';
import { ContestedError, type ContestedIssue } from '../errors/index.js';
import { checkEdges, type LocatedPolygon } from './_input.js';
import { cleanMultiPolygon, type MultiPolygon2 } from './_clean.js';
import { onGrid, resolveRings } from './_engine.js';
import { ringContainsPoint } from './_pointInRing.js';
import { boxes, someOverlap } from './_sweep.js';

/** Checks one polygon's rings (see the module comment); throws `invalid-geometry` with the ring's path. */
export function checkPolygonRings(polygon: LocatedPolygon): void {
  polygon.rings.forEach((ring, index) => checkEdges(ring, [...polygon.path, index]));
  const issues: ContestedIssue[] = [];
  polygon.rings.forEach((ring, index) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1])) {
      issues.push({
        code: 'unclosed-ring',
        path: [...polygon.path, index],
        message: `ring ${index} is not closed: its last position [${last[0]}, ${last[1]}] differs from its first [${first[0]}, ${first[1]}]; ` +
          'repeat the first position at the end, or call normalizeGeometry, which closes rings and lists the repair',
      });
    }
  });
  const shell = polygon.rings[0];
  if (issues.length === 0 && shell !== undefined && shell.length > 0) {
    const box = boxOf(shell);
    polygon.rings.slice(1).forEach((hole, i) => {
      const outside = outsidePoint(shell, box, hole);
      if (outside !== undefined) {
        issues.push({
          code: 'hole-outside-shell',
          path: [...polygon.path, i + 1],
          message: `hole ${i + 1} reaches outside its outer ring (at [${outside[0]}, ${outside[1]}]): a hole must lie inside the ring it cuts; ` +
            'validateGeometry locates the problem, and a hole meant as separate ground belongs in a polygon of its own',
        });
      }
    });
  }
  if (issues.length > 0) throw new ContestedError('invalid-geometry', issues);
}

type Box = [number, number, number, number];

function boxOf(ring: readonly Position[]): Box {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of ring) {
    w = Math.min(w, p[0]!);
    e = Math.max(e, p[0]!);
    s = Math.min(s, p[1]!);
    n = Math.max(n, p[1]!);
  }
  return [w, s, e, n];
}

/** A vertex of `hole` outside `shell`, or undefined when the first vertex off the shell's boundary is inside it. */
function outsidePoint(shell: readonly Position[], box: Box, hole: readonly Position[]): Position | undefined {
  for (const p of hole) if (p[0]! < box[0] || p[1]! < box[1] || p[0]! > box[2] || p[1]! > box[3]) return p;
  for (const p of hole) {
    const placement = ringContainsPoint(shell, p[0]!, p[1]!);
    if (placement === 'outside') return p;
    if (placement === 'inside') return undefined;
  }
  return undefined;
}

/**
 * An operand of an overlay as the engine is to read it: exactly as
 * {@link normalizeGeometry} reads it. The engine fills by winding (the
 * Positive rule: shells wound up, holes down, ground where the count is
 * above zero), and that agrees with `normalizeGeometry`'s reading (each
 * ring by the even–odd rule, a polygon is its shell's ground minus its
 * holes', the parts united, so overlapping parts count once) whenever each
 * polygon's own rings neither cross nor touch one another or themselves
 * and no hole lies in another hole: each polygon then adds 1 on its ground
 * and 0 elsewhere. A polygon where that is not so (a self-crossing or
 * self-touching ring, a hole crossing or touching its shell or another
 * hole, a hole inside a hole) is replaced by its even–odd repair
 * (`resolveRings`, the very function `normalizeGeometry` uses), so a bow-tie
 * is two triangles in every overlay, as GEOS's MakeValid reads it. The test
 * is exact on the engine's grid and runs per polygon, as one sweep over its
 * edges' boxes (`_sweep.ts`); a valid operand costs that test and nothing
 * else.
 */
export function readAsNormalized(polygons: readonly (readonly Position[])[][]): MultiPolygon2 {
  const out: MultiPolygon2 = [];
  for (const rings of polygons) {
    // Checked before cleaning: cleaning drops a ring whose signed area is
    // zero, and a symmetric bow-tie's is.
    if (readsOneWay(rings)) out.push(...cleanMultiPolygon([rings]));
    else out.push(...resolveRings([rings.map((ring) => ring.map((p): [number, number] => [p[0]!, p[1]!]))]));
  }
  return out;
}

/** Up to this many edges, a polygon's edges are compared pair by pair (cheaper than sorting boxes). */
const PAIRWISE_EDGES = 24;

/** Whether a polygon's rings neither meet one another nor themselves (adjacent edges aside), and no hole lies in another. */
function readsOneWay(polygon: readonly (readonly Position[])[]): boolean {
  let edges = 0;
  for (const ring of polygon) if (ring.length >= 4) edges += ring.length - 1;
  const xs = new Float64Array(edges);
  const ys = new Float64Array(edges);
  // Edge e runs from vertex e to vertex next[e].
  const next = new Int32Array(edges);
  let e = 0;
  for (const ring of polygon) {
    const n = ring.length - 1; // closed rings (checked before): the last position repeats the first
    if (n < 3) continue; // fewer than three corners: cleaning drops it
    const start = e;
    for (let i = 0; i < n; i += 1, e += 1) {
      xs[e] = onGrid(ring[i]![0]!);
      ys[e] = onGrid(ring[i]![1]!);
      next[e] = i + 1 === n ? start : e + 1;
    }
  }
  const pair = (f: number, g: number): boolean => {
    const f2 = next[f]!;
    const g2 = next[g]!;
    return segmentsMeet(xs[f]!, ys[f]!, xs[f2]!, ys[f2]!, xs[g]!, ys[g]!, xs[g2]!, ys[g2]!, f2 === g || g2 === f);
  };
  if (edges <= PAIRWISE_EDGES) {
    for (let f = 0; f < edges; f += 1) for (let g = f + 1; g < edges; g += 1) if (pair(f, g)) return false;
    return noHoleInAHole(polygon);
  }
  const box = boxes(edges);
  for (let k = 0; k < edges; k += 1) {
    const j = next[k]!;
    box.minX[k] = Math.min(xs[k]!, xs[j]!);
    box.maxX[k] = Math.max(xs[k]!, xs[j]!);
    box.minY[k] = Math.min(ys[k]!, ys[j]!);
    box.maxY[k] = Math.max(ys[k]!, ys[j]!);
  }
  if (someOverlap(box, pair)) return false;
  return noHoleInAHole(polygon);
}

/** Whether no hole lies in another (the rings are known not to meet, so a hole's first vertex decides). */
function noHoleInAHole(polygon: readonly (readonly Position[])[]): boolean {
  if (polygon.length < 3) return true;
  const ringBoxes = polygon.map(boxOf);
  for (let h = 1; h < polygon.length; h += 1) {
    const x = polygon[h]![0]![0]!;
    const y = polygon[h]![0]![1]!;
    for (let g = 1; g < polygon.length; g += 1) {
      const b = ringBoxes[g]!;
      if (g !== h && x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && ringContainsPoint(polygon[g]!, x, y) === 'inside') return false;
    }
  }
  return true;
}

/**
 * Whether segments p1-p2 and q1-q2 (integers on the grid) share a point:
 * a crossing, a touch, or an overlap. Adjacent edges share their common
 * vertex by construction; for them only an overlap (a spike) counts.
 */
function segmentsMeet(p1x: number, p1y: number, p2x: number, p2y: number, q1x: number, q1y: number, q2x: number, q2y: number, adjacent: boolean): boolean {
  if (Math.max(p1x, p2x) < Math.min(q1x, q2x) || Math.max(q1x, q2x) < Math.min(p1x, p2x)) return false;
  if (Math.max(p1y, p2y) < Math.min(q1y, q2y) || Math.max(q1y, q2y) < Math.min(p1y, p2y)) return false;
  const d1 = orientation(p1x, p1y, p2x, p2y, q1x, q1y);
  const d2 = orientation(p1x, p1y, p2x, p2y, q2x, q2y);
  if (adjacent) {
    // Sharing one endpoint: they overlap only when collinear and pointing the same way from it.
    if (d1 !== 0 || d2 !== 0) return false;
    const [sx, sy, ax, ay, bx, by] = p1x === q1x && p1y === q1y ? [p1x, p1y, p2x, p2y, q2x, q2y] : p1x === q2x && p1y === q2y ? [p1x, p1y, p2x, p2y, q1x, q1y] : p2x === q1x && p2y === q1y ? [p2x, p2y, p1x, p1y, q2x, q2y] : [p2x, p2y, p1x, p1y, q1x, q1y];
    return (ax - sx) * (bx - sx) + (ay - sy) * (by - sy) > 0;
  }
  // Otherwise they meet unless one lies wholly on one side of the other
  // (collinear ones meet here too: their boxes overlap and they share a line).
  if (d1 * d2 > 0) return false;
  return orientation(q1x, q1y, q2x, q2y, p1x, p1y) * orientation(q1x, q1y, q2x, q2y, p2x, p2y) <= 0;
}

/** Sign of the turn a → b → c on the grid (1 left, −1 right, 0 collinear), exact: floating point when it is sure, BigInt when not. */
function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const l = (bx - ax) * (cy - ay);
  const r = (by - ay) * (cx - ax);
  const det = l - r;
  // Products below 2^53 are exact, and so is their difference's sign.
  if (Math.abs(l) < 9e15 && Math.abs(r) < 9e15) return Math.sign(det);
  // Otherwise each product is within 2^-52 of itself; beyond this bound the sign is certain.
  if (Math.abs(det) > (Math.abs(l) + Math.abs(r)) * 4.5e-16) return Math.sign(det);
  const exact = BigInt(bx - ax) * BigInt(cy - ay) - BigInt(by - ay) * BigInt(cx - ax);
  return exact > 0n ? 1 : exact < 0n ? -1 : 0;
}
