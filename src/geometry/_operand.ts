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
import { clip, gridDegreesOf, gridScaleNow, markSimple, onGrid, resolveRings } from './_engine.js';
import { twiceSignedArea } from './_planar.js';
import { cropInCall, onCropCall, ringBox, vertexCount } from './_crop.js';
import { ringContainsPoint } from './_pointInRing.js';
import { boxes, interiorPairs, someOverlap, type Boxes } from './_sweep.js';

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
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (let i = 0; i < ring.length; i += 1) {
    const p = ring[i]!;
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
 * polygon's own rings never cross one another or themselves, never share a
 * stretch of boundary, and no hole lies in another hole: each polygon then
 * adds 1 on its ground and 0 elsewhere. Rings may touch at points (a hole's
 * vertex on its shell, a ring through one of its own vertices twice) so
 * long as the boundaries do not cross there. A polygon where that is not so
 * (a self-crossing ring, a hole crossing its shell or another hole, rings
 * along one another, a ring wound twice, a hole inside a hole) is replaced
 * by its even–odd repair (`resolveRings`, the very function
 * `normalizeGeometry` uses), so a bow-tie is two triangles in every
 * overlay, as GEOS's MakeValid reads it. The test is exact on the engine's
 * grid and runs per polygon, as one sweep over its edges' boxes
 * (`_sweep.ts`) and a look at the passages through each point where rings
 * touch; a valid operand costs that test and nothing else.
 */
export function readAsNormalized(polygons: readonly (readonly Position[])[][]): MultiPolygon2 {
  const out: MultiPolygon2 = [];
  // The grid a run on this operand alone computes on (see `gridDegreesFor`).
  const gridScale = gridScaleNow(boxOfAll(polygons));
  for (const rings of polygons) {
    // Checked before cleaning: cleaning drops a ring whose signed area is
    // zero, and a symmetric bow-tie's is.
    const reading = readingOf(rings, gridScale);
    if (reading === REPAIR) {
      out.push(...resolveRings([rings.map((ring) => ring.map((p): [number, number] => [p[0]!, p[1]!]))]));
      continue;
    }
    const cleaned = cleanMultiPolygon([rings]);
    // Rings that neither meet nor touch on the grid: a union of this
    // operand alone passes the polygon through when it is apart from the
    // others too (see `clip`).
    if (reading === SIMPLE) for (const polygon of cleaned) markSimple(polygon, gridScale);
    out.push(...cleaned);
  }
  return partsUnited(out);
}

/**
 * Whether a piece of the common ground of two parts is more than the grid's
 * rounding: wider than two cells of the run that made it (its area more
 * than a cell times its boundary). Parts that touch along an edge, or with
 * a vertex a fraction of a cell off the other's edge, leave such slivers;
 * they are no overlap. The one rule for it: {@link partsUnited} unites by
 * it, and `overlappingParts` (`_parts.ts`) names the pairs it warns of by it.
 */
export function widerThanTwoCells(piece: readonly (readonly (readonly number[])[])[], cell: number): boolean {
  return Math.abs(twiceSignedArea(piece[0] ?? [])) / 2 > cell * boundaryDegrees(piece);
}

/** The length of a polygon's rings (closed, as read), in degrees (planar). */
export function boundaryDegrees(polygon: readonly (readonly (readonly number[])[])[]): number {
  let length = 0;
  for (const ring of polygon) {
    for (let k = 1; k < ring.length; k += 1) length += Math.hypot(ring[k]![0]! - ring[k - 1]![0]!, ring[k]![1]! - ring[k - 1]![1]!);
  }
  return length;
}

/**
 * Up to this many pairs of parts whose boxes overlap, each pair is tested
 * on its own (one engine run on the two cut to the overlap of their
 * boxes, tens of microseconds for the small ones: Ukraine's outline, 42
 * polygons whose islands lie in the mainland's box, has 71 such pairs);
 * beyond it, all the parts go through one union, which costs what any
 * overlay of so crowded a shape costs.
 */
const PAIRS_TESTED = 1000;

/**
 * The pair tests may send the engine at most this many times the parts'
 * vertices (cut to the pairs' boxes); past that, all the parts go through
 * one union (concentric rings of thousands of vertices, each pair's boxes
 * the whole of the inner one, cost more tested pair by pair).
 */
const PAIRS_WORK = 2;

/**
 * The parts of an operand as their union where they overlap, so that an
 * operand as read covers each point once: every overlay reads overlapping
 * parts as their union (the engine's Positive rule), but a region that no
 * run touches (the other map silent there) was passed on as read, and its
 * km² counted the common ground twice (audit: a map feature of a square
 * and its own east half, 82.9 km² of ground, gave `only-a` 124.3 km², and
 * a frame of two overlapping features a `withinKm2` of their sum). Parts
 * whose boxes overlap in more than a line are tested pair by pair, each
 * pair cut to the overlap of their boxes and intersected (common ground
 * counts when wider than the grid's rounding, {@link widerThanTwoCells});
 * the parts of each group found to overlap are united by one engine run and put where
 * its first part was. Parts that only touch, at points or along an edge,
 * have no common ground and stay as they are; so do all parts when none
 * overlap (the common case: islands in a coastline's box), at the cost of
 * those runs. The same rule as `normalizeGeometry`'s, which unites
 * overlapping parts and records it (`united-overlapping-parts`), and which
 * `validateGeometry` warns of (`overlapping-parts`). Returns `polygons`
 * itself when no parts overlap.
 */
export function partsUnited(polygons: MultiPolygon2): MultiPolygon2 {
  if (polygons.length < 2) return polygons;
  // Parts with no outer ring (a raw reading may hold one) have no box and meet nothing.
  const parts = polygons.filter((polygon) => (polygon[0]?.length ?? 0) > 0);
  const box = boxes(parts.length);
  parts.forEach((polygon, i) => {
    [box.minX[i], box.minY[i], box.maxX[i], box.maxY[i]] = ringBox(polygon[0]!);
  });
  const pairs = interiorPairs(box, PAIRS_TESTED);
  if (pairs.length === 0) return polygons;
  if (pairs.length > PAIRS_TESTED) return clip('union', [polygons]);
  // Within a call's scope (a public call holds one), or one of its own: a large part met by many
  // small ones is then cut through one pyramid, not once per pair (review: 900 islands in the hole
  // of a 200,000-vertex ring took 17.1 s in `union` outside a call; 2.6 s so).
  const united = onCropCall(() => groupsThatOverlap(parts, box, pairs));
  if (united === null) return polygons;
  const out: MultiPolygon2 = [];
  for (const group of united) out.push(...(group.length === 1 ? group : clip('union', [group])));
  return out;
}

/**
 * The parts in groups, each group's parts overlapping (a group of one
 * overlaps nothing), in the order of their first parts; null when no two
 * overlap. Stops testing pairs, and puts all the parts in one group, once
 * the cut parts it has sent to the engine exceed {@link PAIRS_WORK} times
 * the parts' vertices: one union of everything then costs less.
 */
function groupsThatOverlap(parts: MultiPolygon2, box: Boxes, pairs: readonly [number, number][]): MultiPolygon2[] | null {
  const root = parts.map((_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] = root[root[i]!]!;
    return i;
  };
  let budget = PAIRS_WORK * vertexCount(parts);
  // Each part as a list of one, kept for the call: a large part is then cut through one pyramid (`cropInCall`).
  const alone = parts.map((polygon) => [polygon]);
  let overlaps = false;
  for (const [i, j] of pairs) {
    if (find(i) === find(j)) continue; // one group already: the union takes both
    const common: Box = [Math.max(box.minX[i]!, box.minX[j]!), Math.max(box.minY[i]!, box.minY[j]!), Math.min(box.maxX[i]!, box.maxX[j]!), Math.min(box.maxY[i]!, box.maxY[j]!)];
    const a = cropInCall(alone[i]!, common);
    const b = cropInCall(alone[j]!, common);
    budget -= vertexCount(a) + vertexCount(b);
    if (budget < 0) return [parts];
    const shared = clip('intersection', [a, b]);
    const cell = gridDegreesOf(shared);
    if (!shared.some((piece) => widerThanTwoCells(piece, cell))) continue;
    root[find(i)] = find(j);
    overlaps = true;
  }
  if (!overlaps) return null;
  const groups = new Map<number, MultiPolygon2>();
  parts.forEach((polygon, i) => {
    const group = groups.get(find(i));
    if (group === undefined) groups.set(find(i), [polygon]);
    else group.push(polygon);
  });
  return [...groups.values()];
}

/** Up to this many edges, a polygon's edges are compared pair by pair (cheaper than sorting boxes). */
const PAIRWISE_EDGES = 24;

/**
 * Whether a polygon reads one way: its rings (on the engine's grid) never
 * cross one another or themselves, never run along one another, and no
 * hole lies in another. Rings may *touch*: where boundaries meet at a
 * point (a vertex on a vertex, or on another edge), the passages through
 * that point are compared, and only passages that cross there (one's two
 * edges on both sides of the other's) count. A family of closed curves
 * that only touch is the limit of disjoint simple curves (pull the
 * passages apart where they touch), so each ring still adds ±1 on its
 * even–odd ground and 0 elsewhere, and the Positive rule reads the polygon
 * as `normalizeGeometry` does. Rings that share a stretch of boundary
 * (whichever way they run) are repaired, as before: a ring wound twice
 * shares every edge with itself.
 */
export function readsOneWay(polygon: readonly (readonly Position[])[]): boolean {
  return readingOf(polygon, gridScaleNow(boxOfAll([polygon]))) !== REPAIR;
}

/** The box around every position of a multipolygon's rings ([∞, ∞, −∞, −∞] when there is none). */
function boxOfAll(polygons: readonly (readonly (readonly Position[])[])[]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i < ring.length; i += 1) {
        const x = ring[i]![0]!;
        const y = ring[i]![1]!;
        if (x < box[0]) box[0] = x;
        if (x > box[2]) box[2] = x;
        if (y < box[1]) box[1] = y;
        if (y > box[3]) box[3] = y;
      }
    }
  }
  return box;
}

/** How {@link readsOneWay} reads a polygon: its rings neither meet nor touch on the grid, or touch only, or need the repair. */
const SIMPLE = 0;
const TOUCHING = 1;
const REPAIR = 2;

function readingOf(polygon: readonly (readonly Position[])[], gridScale: number): number {
  let vertices = 0;
  for (const ring of polygon) if (ring.length >= 4) vertices += ring.length - 1;
  const xs = new Float64Array(vertices);
  const ys = new Float64Array(vertices);
  // Edge e runs from vertex e to vertex next[e]; prev[e] is the vertex before e.
  const next = new Int32Array(vertices);
  const prev = new Int32Array(vertices);
  const ringStart: (number | undefined)[] = [];
  let e = 0;
  for (let r = 0; r < polygon.length; r += 1) {
    const ring = polygon[r]!;
    const n = ring.length - 1; // closed rings (checked before): the last position repeats the first
    if (n < 3) continue; // fewer than three corners: cleaning drops it
    const start = e;
    for (let i = 0; i < n; i += 1) {
      const x = onGrid(ring[i]![0]!, gridScale);
      const y = onGrid(ring[i]![1]!, gridScale);
      // A position repeated on the grid adds no edge.
      if (e > start && xs[e - 1] === x && ys[e - 1] === y) continue;
      xs[e] = x;
      ys[e] = y;
      e += 1;
    }
    while (e > start + 1 && xs[e - 1] === xs[start] && ys[e - 1] === ys[start]) e -= 1;
    if (e - start < 3) return REPAIR; // collapsed on the grid: the repair reads it
    for (let k = start; k < e; k += 1) {
      next[k] = k + 1 === e ? start : k + 1;
      prev[k] = k === start ? e - 1 : k - 1;
    }
    ringStart[r] = start;
  }
  const edges = e;
  // The points where two edges touch, as the pairs of edges that touch there.
  const touches: number[] = [];
  const pair = (f: number, g: number): boolean => {
    const f2 = next[f]!;
    const g2 = next[g]!;
    const contact = contactOf(xs[f]!, ys[f]!, xs[f2]!, ys[f2]!, xs[g]!, ys[g]!, xs[g2]!, ys[g2]!, f2 === g || g2 === f);
    if (contact === TOUCH) touches.push(f, g);
    return contact === CROSS;
  };
  if (edges <= PAIRWISE_EDGES) {
    for (let f = 0; f < edges; f += 1) for (let g = f + 1; g < edges; g += 1) if (pair(f, g)) return REPAIR;
  } else {
    const box = boxes(edges);
    for (let k = 0; k < edges; k += 1) {
      const j = next[k]!;
      box.minX[k] = Math.min(xs[k]!, xs[j]!);
      box.maxX[k] = Math.max(xs[k]!, xs[j]!);
      box.minY[k] = Math.min(ys[k]!, ys[j]!);
      box.maxY[k] = Math.max(ys[k]!, ys[j]!);
    }
    if (someOverlap(box, pair)) return REPAIR;
  }
  if (touches.length > 0 && !touchesOnly(touches, xs, ys, next, prev)) return REPAIR;
  if (!noHoleInAHole(ringStart, xs, ys, next)) return REPAIR;
  return touches.length > 0 ? TOUCHING : SIMPLE;
}

/** How two edges meet: not at all, at one point without crossing there (so far as the two edges show), or otherwise. */
const APART = 0;
const TOUCH = 1;
const CROSS = 2;

/**
 * How segments p1-p2 and q1-q2 (integers on the grid, neither of zero
 * length) meet: `CROSS` for a crossing through both interiors or a shared
 * stretch, `TOUCH` for one common point that is an end of one of them,
 * `APART` otherwise. Adjacent edges share their common vertex by
 * construction: for them only a shared stretch (a spike) counts.
 */
function contactOf(p1x: number, p1y: number, p2x: number, p2y: number, q1x: number, q1y: number, q2x: number, q2y: number, adjacent: boolean): number {
  if (Math.max(p1x, p2x) < Math.min(q1x, q2x) || Math.max(q1x, q2x) < Math.min(p1x, p2x)) return APART;
  if (Math.max(p1y, p2y) < Math.min(q1y, q2y) || Math.max(q1y, q2y) < Math.min(p1y, p2y)) return APART;
  const d1 = orientation(p1x, p1y, p2x, p2y, q1x, q1y);
  const d2 = orientation(p1x, p1y, p2x, p2y, q2x, q2y);
  if (adjacent) {
    // Sharing one endpoint: they overlap only when collinear and pointing the same way from it.
    if (d1 !== 0 || d2 !== 0) return APART;
    const [sx, sy, ax, ay, bx, by] = p1x === q1x && p1y === q1y ? [p1x, p1y, p2x, p2y, q2x, q2y] : p1x === q2x && p1y === q2y ? [p1x, p1y, p2x, p2y, q1x, q1y] : p2x === q1x && p2y === q1y ? [p2x, p2y, p1x, p1y, q2x, q2y] : [p2x, p2y, p1x, p1y, q1x, q1y];
    return (ax - sx) * (bx - sx) + (ay - sy) * (by - sy) > 0 ? CROSS : APART;
  }
  if (d1 * d2 > 0) return APART;
  const d3 = orientation(q1x, q1y, q2x, q2y, p1x, p1y);
  const d4 = orientation(q1x, q1y, q2x, q2y, p2x, p2y);
  if (d3 * d4 > 0) return APART;
  if (d1 === 0 && d2 === 0) {
    // Collinear, boxes meeting: one common point (an end of each) is a touch, more is a shared stretch.
    const along = p1x !== p2x ? (x: number, _y: number): number => x : (_x: number, y: number): number => y;
    const [pLo, pHi] = [Math.min(along(p1x, p1y), along(p2x, p2y)), Math.max(along(p1x, p1y), along(p2x, p2y))];
    const [qLo, qHi] = [Math.min(along(q1x, q1y), along(q2x, q2y)), Math.max(along(q1x, q1y), along(q2x, q2y))];
    return Math.min(pHi, qHi) > Math.max(pLo, qLo) ? CROSS : TOUCH;
  }
  // One point in common; a crossing unless it is an end of one of them.
  return d1 === 0 || d2 === 0 || d3 === 0 || d4 === 0 ? TOUCH : CROSS;
}

/**
 * Whether the boundaries only touch where the pairs of edges in `touches`
 * meet: at each such point, every two passages through it (a vertex there,
 * with its edges in and out, or an edge through it) stay on one side of
 * each other. Passages are compared by the directions of their two edges
 * from the point, with exact orientation tests.
 */
function touchesOnly(touches: readonly number[], xs: Float64Array, ys: Float64Array, next: Int32Array, prev: Int32Array): boolean {
  // Passages by point: a vertex v as -(v + 1), an edge through the point's interior as e.
  const at = new Map<string, Set<number>>();
  const add = (x: number, y: number, passage: number): void => {
    const key = `${x},${y}`;
    const set = at.get(key);
    if (set === undefined) at.set(key, new Set([passage]));
    else set.add(passage);
  };
  const place = (edge: number, x: number, y: number): void => {
    const b = next[edge]!;
    if (xs[edge] === x && ys[edge] === y) add(x, y, -(edge + 1));
    else if (xs[b] === x && ys[b] === y) add(x, y, -(b + 1));
    else add(x, y, edge);
  };
  for (let t = 0; t < touches.length; t += 2) {
    const f = touches[t]!;
    const g = touches[t + 1]!;
    // The common point is an end of f or of g.
    const [x, y] = commonEnd(f, g, xs, ys, next);
    place(f, x, y);
    place(g, x, y);
  }
  for (const [key, passages] of at) {
    if (passages.size < 2) continue;
    const [x, y] = key.split(',').map(Number) as [number, number];
    // Each passage as the two points its edges lead to from (x, y).
    const ends = [...passages].map((p) => (p < 0 ? [prev[-p - 1]!, next[-p - 1]!] : [p, next[p]!]));
    for (let i = 0; i < ends.length; i += 1) {
      for (let j = i + 1; j < ends.length; j += 1) {
        const [u1, u2] = ends[i]!;
        const [v1, v2] = ends[j]!;
        const side1 = inSector(x, y, xs[u1!]!, ys[u1!]!, xs[u2!]!, ys[u2!]!, xs[v1!]!, ys[v1!]!);
        const side2 = inSector(x, y, xs[u1!]!, ys[u1!]!, xs[u2!]!, ys[u2!]!, xs[v2!]!, ys[v2!]!);
        if (side1 !== side2) return false;
      }
    }
  }
  return true;
}

/** The common point of two touching edges: an end of one lying on the other. */
function commonEnd(f: number, g: number, xs: Float64Array, ys: Float64Array, next: Int32Array): [number, number] {
  for (const [v, other] of [[f, g], [next[f]!, g], [g, f], [next[g]!, f]] as const) {
    const a = other;
    const b = next[other]!;
    const x = xs[v]!;
    const y = ys[v]!;
    if (orientation(xs[a]!, ys[a]!, xs[b]!, ys[b]!, x, y) === 0 && x >= Math.min(xs[a]!, xs[b]!) && x <= Math.max(xs[a]!, xs[b]!) && y >= Math.min(ys[a]!, ys[b]!) && y <= Math.max(ys[a]!, ys[b]!)) return [x, y];
  }
  /* c8 ignore next */
  throw new RangeError('touching edges with no common end');
}

/**
 * Whether the direction from o to v lies strictly inside the sector swept
 * counterclockwise from the direction o→a to the direction o→b. (No
 * direction here equals another: that would be a shared stretch.)
 */
function inSector(ox: number, oy: number, ax: number, ay: number, bx: number, by: number, vx: number, vy: number): boolean {
  const turn = orientation(ox, oy, ax, ay, bx, by);
  if (turn > 0) return orientation(ox, oy, ax, ay, vx, vy) > 0 && orientation(ox, oy, vx, vy, bx, by) > 0;
  if (turn < 0) return !(orientation(ox, oy, bx, by, vx, vy) >= 0 && orientation(ox, oy, vx, vy, ax, ay) >= 0);
  return orientation(ox, oy, ax, ay, vx, vy) > 0; // a straight passage: the half-plane on its left
}

/**
 * Whether no hole lies in another. The rings do not cross, so a vertex of
 * one hole off the other's boundary decides; the test runs on the grid,
 * exactly, as the touches were found.
 */
function noHoleInAHole(ringStart: readonly (number | undefined)[], xs: Float64Array, ys: Float64Array, next: Int32Array): boolean {
  const holes: number[] = [];
  for (let r = 1; r < ringStart.length; r += 1) if (ringStart[r] !== undefined) holes.push(r);
  if (holes.length < 2) return true;
  const box = (r: number): [number, number, number, number] => {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    let k = ringStart[r]!;
    do {
      w = Math.min(w, xs[k]!);
      e = Math.max(e, xs[k]!);
      s = Math.min(s, ys[k]!);
      n = Math.max(n, ys[k]!);
      k = next[k]!;
    } while (k !== ringStart[r]);
    return [w, s, e, n];
  };
  const boxes = new Map(holes.map((r) => [r, box(r)]));
  for (const h of holes) {
    const hb = boxes.get(h)!;
    for (const g of holes) {
      const gb = boxes.get(g)!;
      if (g === h || hb[0] < gb[0] || hb[2] > gb[2] || hb[1] < gb[1] || hb[3] > gb[3]) continue;
      let k = ringStart[h]!;
      do {
        const where = gridPlacement(ringStart[g]!, next, xs, ys, xs[k]!, ys[k]!);
        if (where !== 0) {
          if (where > 0) return false;
          break;
        }
        k = next[k]!;
      } while (k !== ringStart[h]);
    }
  }
  return true;
}

/** 1 inside the ring starting at vertex `start`, -1 outside, 0 on its boundary: crossing number with exact orientation tests. */
function gridPlacement(start: number, next: Int32Array, xs: Float64Array, ys: Float64Array, x: number, y: number): number {
  let inside = false;
  let i = start;
  do {
    const j = next[i]!;
    const xi = xs[i]!;
    const yi = ys[i]!;
    const xj = xs[j]!;
    const yj = ys[j]!;
    if (!((yi > y && yj > y) || (yi < y && yj < y))) {
      const turn = orientation(xi, yi, xj, yj, x, y);
      if (turn === 0 && x >= Math.min(xi, xj) && x <= Math.max(xi, xj) && y >= Math.min(yi, yj) && y <= Math.max(yi, yj)) return 0;
      // The edge crosses the rightward ray from (x, y) when it straddles y and the point is on its left going up.
      if ((yi > y) !== (yj > y) && (yj > yi ? turn > 0 : turn < 0)) inside = !inside;
    }
    i = j;
  } while (i !== start);
  return inside ? 1 : -1;
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
