/**
 * How two grounds lie when their boundaries stay apart: one inside the
 * other, or the two disjoint, decided without the engine. The N-way overlay
 * asks this of every piece and every region whose boxes meet; most such
 * pairs lie wholly inside or wholly outside each other, and an engine run
 * for each (an intersection that returns the piece, or nothing) was most of
 * `compareClaimants`' time.
 *
 * The rule is exact, not a tolerance: when no edge of A comes within
 * {@link APART_DEGREES} of an edge of B, every ring of A lies wholly inside
 * or wholly outside B's ground (and the other way round), so one vertex of
 * each ring tells where the whole ring is, and A ⊆ B or A ∩ B = ∅ follows
 * from those vertices alone (below). The margin is ten cells of the
 * engine's grid: far beyond the floating-point error of the tests here
 * (about 1e-14° at these coordinates), and beyond the reach of the engine's
 * own snap rounding (half a cell's diagonal), so the engine, given such a
 * pair, returns A itself or nothing. Any pair whose boundaries come closer,
 * touch or cross is left to the engine (`'unknown'`).
 *
 * Ground is read as the engine reads an operand: a polygon is its shell
 * less its holes, and the parts of a MultiPolygon are united.
 *
 * @module
 */
import Flatbush from 'flatbush';
import type { Box } from './_crop.js';
import { GRID_DEGREES, type MultiPolygon2, type Ring2 } from './_engine.js';

/** How far apart (degrees) two boundaries must stay everywhere for {@link relateApart} to answer: ten grid cells, 1e-8° (about 1 mm). */
export const APART_DEGREES = 10 * GRID_DEGREES;

/** Where A lies relative to B: `'within'` (A ⊆ B), `'disjoint'` (A ∩ B = ∅), or `'unknown'` (their boundaries come near: ask the engine). */
export type ApartRelation = 'within' | 'disjoint' | 'unknown';

/** Above this many edge pairs, the edges of B near A's box go into a packed R-tree instead of being compared pair by pair. */
const PAIRWISE_LIMIT = 4096;

/**
 * Where `a` lies relative to `b` (their boxes given), when their boundaries
 * stay {@link APART_DEGREES} apart; `'unknown'` otherwise.
 *
 * Why one vertex per ring suffices, the boundaries being apart: A ⊆ B fails
 * only if some point of A is outside B; then either a ring of A (A's
 * boundary) has points outside B, hence all of that ring, hence its first
 * vertex; or A's boundary lies inside B and a ring of B lies in A's
 * ground (the boundary of what of B's outside reaches into A), hence its
 * first vertex. Likewise A ∩ B = ∅ fails only if a ring of A lies in B's
 * ground or a ring of B in A's.
 */
export function relateApart(a: MultiPolygon2, aBox: Box, b: MultiPolygon2, bBox: Box, bEdges?: EdgeIndex): ApartRelation {
  const near = (box: Box): Box => [box[0] - APART_DEGREES, box[1] - APART_DEGREES, box[2] + APART_DEGREES, box[3] + APART_DEGREES];
  const edgesA = edgesIn(a, near(bBox));
  if (bEdges !== undefined) {
    if (edgesA.length > 0 && meetsIndexed(edgesA, bEdges.edges, bEdges.index)) return 'unknown';
  } else {
    const edgesB = edgesIn(b, near(aBox));
    if (edgesA.length > 0 && edgesB.length > 0 && boundariesMeet(edgesA, edgesB)) return 'unknown';
  }
  let aInB = 0;
  let rings = 0;
  for (const polygon of a) {
    for (const ring of polygon) {
      if (ring.length < 3) continue;
      rings += 1;
      if (inGround(ring[0]!, b, bBox)) aInB += 1;
    }
  }
  for (const polygon of b) {
    for (const ring of polygon) {
      if (ring.length >= 3 && inGround(ring[0]!, a, aBox)) return 'unknown';
    }
  }
  if (rings === 0) return 'unknown';
  if (aInB === rings) return 'within';
  return aInB === 0 ? 'disjoint' : 'unknown';
}

/**
 * Where up to `samples` of A's vertices, spread over its rings, lie
 * against B: how many inside B's ground and how many outside it, each at
 * least {@link APART_DEGREES} from B's boundary (a vertex nearer is
 * counted in neither). With some inside and none outside, A most likely
 * lies in B — its boundary running along B's edges where it is not inside
 * — which is a guess to order the engine's work by, not an answer.
 */
export function verticesPlaced(a: MultiPolygon2, b: MultiPolygon2, bBox: Box, samples = 16): { inside: number; outside: number } {
  let total = 0;
  for (const polygon of a) for (const ring of polygon) total += ring.length;
  const step = Math.max(1, Math.ceil(total / samples));
  const d2 = APART_DEGREES * APART_DEGREES;
  let inside = 0;
  let outside = 0;
  let k = 0;
  for (const polygon of a) {
    for (const ring of polygon) {
      for (const vertex of ring) {
        if (k++ % step !== 0) continue;
        const [x, y] = vertex as [number, number];
        if (x < bBox[0] - APART_DEGREES || x > bBox[2] + APART_DEGREES || y < bBox[1] - APART_DEGREES || y > bBox[3] + APART_DEGREES) {
          outside += 1;
          continue;
        }
        const place = placeOf(x, y, b, d2);
        if (place > 0) inside += 1;
        else if (place < 0) outside += 1;
      }
    }
  }
  return { inside, outside };
}

/**
 * Where (x, y) lies against the ground of `coords`, in one pass over its
 * edges: 0 within √d2 of an edge, else 1 inside (in a shell and in none of
 * its holes, by crossing number) or −1 outside.
 */
function placeOf(x: number, y: number, coords: MultiPolygon2, d2: number): number {
  const d = Math.sqrt(d2);
  const [west, east, south, north] = [x - d, x + d, y - d, y + d];
  let inGround = false;
  for (const polygon of coords) {
    let inPolygon = false;
    for (let r = 0; r < polygon.length; r += 1) {
      const ring = polygon[r]!;
      const n = ring.length;
      let inRing = false;
      for (let i = 0, j = n - 1; i < n; j = i, i += 1) {
        const p = ring[j]!;
        const q = ring[i]!;
        const x1 = p[0]!;
        const y1 = p[1]!;
        const x2 = q[0]!;
        const y2 = q[1]!;
        if (y2 > y !== y1 > y && x < x2 + ((y - y2) * (x1 - x2)) / (y1 - y2)) inRing = !inRing;
        // Only an edge whose box comes within d of the point can come within d of it.
        if ((x1 < west && x2 < west) || (x1 > east && x2 > east) || (y1 < south && y2 < south) || (y1 > north && y2 > north)) continue;
        if (pointSegment2(x, y, x1, y1, x2, y2) <= d2) return 0;
      }
      if (r === 0) inPolygon = inRing;
      else if (inRing) inPolygon = false;
    }
    if (inPolygon) inGround = true;
  }
  return inGround ? 1 : -1;
}

/** The edges of a multipolygon (as flat [x1, y1, x2, y2] quadruples) whose boxes meet `box`. */
function edgesIn(coords: MultiPolygon2, box: Box): number[] {
  const out: number[] = [];
  for (const polygon of coords) {
    for (const ring of polygon) {
      const n = ring.length;
      for (let i = 0; i < n; i += 1) {
        const [x1, y1] = ring[i]!;
        const [x2, y2] = ring[(i + 1) % n]!;
        if (Math.max(x1, x2) < box[0] || Math.min(x1, x2) > box[2] || Math.max(y1, y2) < box[1] || Math.min(y1, y2) > box[3]) continue;
        out.push(x1, y1, x2, y2);
      }
    }
  }
  return out;
}

/**
 * The edges of a ground in a packed R-tree, built once for a region that
 * {@link relateApart} compares with many pieces (the same answer as
 * without it: an edge of the piece near an edge of B is found either way).
 */
export interface EdgeIndex {
  edges: number[];
  index: Flatbush | null;
}

/** The edges of `coords` and their packed R-tree, for {@link relateApart}. */
export function edgeIndex(coords: MultiPolygon2): EdgeIndex {
  const edges = edgesIn(coords, [-Infinity, -Infinity, Infinity, Infinity]);
  if (edges.length === 0) return { edges, index: null };
  const index = new Flatbush(edges.length / 4);
  for (let j = 0; j < edges.length; j += 4) index.add(Math.min(edges[j]!, edges[j + 2]!), Math.min(edges[j + 1]!, edges[j + 3]!), Math.max(edges[j]!, edges[j + 2]!), Math.max(edges[j + 1]!, edges[j + 3]!));
  index.finish();
  return { edges, index };
}

/** Whether some edge of A comes within {@link APART_DEGREES} of some edge of B, B's edges given with their R-tree. */
function meetsIndexed(a: number[], b: number[], index: Flatbush | null): boolean {
  if (index === null) return false;
  const d = APART_DEGREES;
  for (let i = 0; i < a.length; i += 4) {
    const hits = index.search(Math.min(a[i]!, a[i + 2]!) - d, Math.min(a[i + 1]!, a[i + 3]!) - d, Math.max(a[i]!, a[i + 2]!) + d, Math.max(a[i + 1]!, a[i + 3]!) + d);
    for (const j of hits) if (edgesNear(a, i, b, 4 * j)) return true;
  }
  return false;
}

/** Whether some edge of A comes within {@link APART_DEGREES} of some edge of B. */
function boundariesMeet(a: number[], b: number[]): boolean {
  const na = a.length / 4;
  const nb = b.length / 4;
  const d = APART_DEGREES;
  if (na * nb <= PAIRWISE_LIMIT) {
    for (let i = 0; i < a.length; i += 4) {
      for (let j = 0; j < b.length; j += 4) if (edgesNear(a, i, b, j)) return true;
    }
    return false;
  }
  const index = new Flatbush(nb);
  for (let j = 0; j < b.length; j += 4) index.add(Math.min(b[j]!, b[j + 2]!), Math.min(b[j + 1]!, b[j + 3]!), Math.max(b[j]!, b[j + 2]!), Math.max(b[j + 1]!, b[j + 3]!));
  index.finish();
  for (let i = 0; i < a.length; i += 4) {
    const hits = index.search(Math.min(a[i]!, a[i + 2]!) - d, Math.min(a[i + 1]!, a[i + 3]!) - d, Math.max(a[i]!, a[i + 2]!) + d, Math.max(a[i + 1]!, a[i + 3]!) + d);
    for (const j of hits) if (edgesNear(a, i, b, 4 * j)) return true;
  }
  return false;
}

/** Whether edge i of `a` and edge j of `b` come within {@link APART_DEGREES} of each other (crossing included). */
function edgesNear(a: number[], i: number, b: number[], j: number): boolean {
  const d = APART_DEGREES;
  const ax1 = a[i]!;
  const ay1 = a[i + 1]!;
  const ax2 = a[i + 2]!;
  const ay2 = a[i + 3]!;
  const bx1 = b[j]!;
  const by1 = b[j + 1]!;
  const bx2 = b[j + 2]!;
  const by2 = b[j + 3]!;
  if (Math.max(ax1, ax2) + d < Math.min(bx1, bx2) || Math.max(bx1, bx2) + d < Math.min(ax1, ax2)) return false;
  if (Math.max(ay1, ay2) + d < Math.min(by1, by2) || Math.max(by1, by2) + d < Math.min(ay1, ay2)) return false;
  // Two segments that do not cross are as close as the closest of the four endpoints to the other segment.
  if (crosses(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2)) return true;
  const d2 = d * d;
  return (
    pointSegment2(ax1, ay1, bx1, by1, bx2, by2) <= d2 ||
    pointSegment2(ax2, ay2, bx1, by1, bx2, by2) <= d2 ||
    pointSegment2(bx1, by1, ax1, ay1, ax2, ay2) <= d2 ||
    pointSegment2(bx2, by2, ax1, ay1, ax2, ay2) <= d2
  );
}

/** Whether two segments cross properly (a touch is caught by the distance test, which is zero there). */
function crosses(ax1: number, ay1: number, ax2: number, ay2: number, bx1: number, by1: number, bx2: number, by2: number): boolean {
  const o1 = (ax2 - ax1) * (by1 - ay1) - (ay2 - ay1) * (bx1 - ax1);
  const o2 = (ax2 - ax1) * (by2 - ay1) - (ay2 - ay1) * (bx2 - ax1);
  const o3 = (bx2 - bx1) * (ay1 - by1) - (by2 - by1) * (ax1 - bx1);
  const o4 = (bx2 - bx1) * (ay2 - by1) - (by2 - by1) * (ax2 - bx1);
  return ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0));
}

/** Squared distance from (px, py) to the segment (x1, y1)–(x2, y2). */
function pointSegment2(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length2 = dx * dx + dy * dy;
  let t = length2 === 0 ? 0 : ((px - x1) * dx + (py - y1) * dy) / length2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = x1 + t * dx - px;
  const ey = y1 + t * dy - py;
  return ex * ex + ey * ey;
}

/** Whether a point (at least {@link APART_DEGREES} from every ring) lies in the ground: in some polygon's shell and in none of its holes. */
function inGround(point: readonly number[], coords: MultiPolygon2, box: Box): boolean {
  const x = point[0]!;
  const y = point[1]!;
  if (x < box[0] || x > box[2] || y < box[1] || y > box[3]) return false;
  return coords.some((polygon) => polygon.length > 0 && inRing(x, y, polygon[0]!) && !polygon.slice(1).some((hole) => inRing(x, y, hole)));
}

/** Crossing number of a rightward ray (the point is never on the ring here). */
function inRing(x: number, y: number, ring: Ring2): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < xi + ((y - yi) * (xj - xi)) / (yj - yi)) inside = !inside;
  }
  return inside;
}
