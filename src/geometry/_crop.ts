/**
 * Cutting areas down to a box (Sutherland–Hodgman, ring by ring), so that
 * the clipping engine sees the few hundred vertices of a large area that
 * lie near the ground it works on instead of all of them.
 *
 * What the cut keeps is exact inside the box, for any rings, valid or not:
 * clipping a ring against a convex box leaves the winding number of every
 * point strictly inside the box as it was, so the even–odd reading of each
 * ring, a polygon's shell less its holes, and the union of the parts are
 * all unchanged there. Outside the box nothing is left. The cut adds edges
 * along the box's border (some doubled back on themselves where a concave
 * ring leaves and re-enters); the box is padded, so those edges lie at
 * least 1e-6° outside the box asked for and never touch ground inside it.
 *
 * @module
 */

/** `[west, south, east, north]`, degrees. */
export type Box = [number, number, number, number];

type Pt = [number, number];

/** A position as the cut reads it: longitude and latitude first (a third value is carried along untouched). */
type Xy = readonly number[];

/** The box [west, south, east, north] of a ring's positions. */
export function ringBox(ring: readonly Xy[]): Box {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of ring) {
    const x = p[0]!;
    const y = p[1]!;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/**
 * The polygons (outer ring, then holes; rings closed) cut down to `box`,
 * padded by 1e-6° plus 1e-9 of the largest longitude: polygons wholly
 * outside are dropped, polygons wholly inside kept as they are (the same
 * ring arrays), the rest cut ring by ring. A polygon whose outer ring
 * leaves nothing inside is dropped with its holes.
 */
export function cropPolygons<P extends Xy>(polygons: readonly (readonly (readonly P[])[])[], box: Box): (P | Pt)[][][] {
  const pad = 1e-6 + 1e-9 * Math.max(Math.abs(box[0]), Math.abs(box[2]), 1);
  const w = box[0] - pad;
  const s = box[1] - pad;
  const e = box[2] + pad;
  const n = box[3] + pad;
  const out: (P | Pt)[][][] = [];
  for (const polygon of polygons) {
    const shell = polygon[0];
    if (shell === undefined) continue;
    // Holes lie in their shell's box (checkPolygonRings refuses one that
    // does not), so the shell's box is the polygon's.
    const [pw, ps, pe, pn] = ringBox(shell);
    if (pw > e || pe < w || ps > n || pn < s) continue;
    if (pw >= w && pe <= e && ps >= s && pn <= n) {
      out.push(polygon as (P | Pt)[][]);
      continue;
    }
    const rings: (P | Pt)[][] = [];
    for (let i = 0; i < polygon.length; i++) {
      const ring = clipRing(polygon[i]!, w, s, e, n);
      if (ring === null) {
        if (i === 0) break;
        continue;
      }
      rings.push(ring);
    }
    if (rings.length > 0) out.push(rings);
  }
  return out;
}

function clipRing<P extends Xy>(ring: readonly P[], w: number, s: number, e: number, n: number): (P | Pt)[] | null {
  // The ring is closed (last = first); work on its open form.
  let pts: (P | Pt)[] = ring.slice(0, -1);
  pts = clipEdge(pts, (p) => p[0]! >= w, (a, b) => [w, a[1]! + ((b[1]! - a[1]!) * (w - a[0]!)) / (b[0]! - a[0]!)]);
  pts = clipEdge(pts, (p) => p[0]! <= e, (a, b) => [e, a[1]! + ((b[1]! - a[1]!) * (e - a[0]!)) / (b[0]! - a[0]!)]);
  pts = clipEdge(pts, (p) => p[1]! >= s, (a, b) => [a[0]! + ((b[0]! - a[0]!) * (s - a[1]!)) / (b[1]! - a[1]!), s]);
  pts = clipEdge(pts, (p) => p[1]! <= n, (a, b) => [a[0]! + ((b[0]! - a[0]!) * (n - a[1]!)) / (b[1]! - a[1]!), n]);
  if (pts.length < 3) return null;
  const first = pts[0]!;
  return [...pts, [first[0]!, first[1]!]];
}

/**
 * Where an edge crosses the box's border, computed from its endpoints in one
 * fixed order: an edge two regions share, walked one way by each, is then
 * cut at the very same point for both, so cut neighbours still meet exactly.
 */
function crossing(p: Xy, q: Xy, cross: (a: Xy, b: Xy) => Pt): Pt {
  return p[0]! < q[0]! || (p[0] === q[0] && p[1]! < q[1]!) ? cross(p, q) : cross(q, p);
}

function clipEdge<P extends Xy>(pts: readonly P[], inside: (p: Xy) => boolean, cross: (a: Xy, b: Xy) => Pt): (P | Pt)[] {
  const out: (P | Pt)[] = [];
  for (let i = 0; i < pts.length; i++) {
    const cur = pts[i]!;
    const prev = pts[(i + pts.length - 1) % pts.length]!;
    const curIn = inside(cur);
    if (curIn) {
      if (!inside(prev)) out.push(crossing(prev, cur, cross));
      out.push(cur);
    } else if (inside(prev)) {
      out.push(crossing(prev, cur, cross));
    }
  }
  return out;
}

/**
 * A node of a {@link CropPyramid}: polygons cut down to a box, and its four
 * quarters, cut when first asked for; `null` for a quarter that kept most
 * of the node's vertices (see {@link PYRAMID_SHRINK}).
 */
interface CropNode<P extends Xy> {
  box: Box;
  polygons: readonly (readonly (readonly (P | Pt)[])[])[];
  vertices: number;
  quarters: (CropNode<P> | null | undefined)[];
}

/**
 * A quarter is kept only when its cut holds at most this share of its
 * parent's vertices. Where the edges do not leave a quarter (a comb of long
 * teeth through a narrow strip), every quarter along them would hold about
 * all of them, and a pyramid of such quarters costs the depth times the
 * vertices for every box: boxes there are cut from the parent instead. The
 * rule reads only the quarter's own cut, so a box is cut the same whatever
 * was asked before.
 */
const PYRAMID_SHRINK = 0.6;

/** A node of at most this many vertices is cut to its boxes directly, not split into quarters. */
const PYRAMID_LEAF_VERTICES = 1024;

/** How many times a pyramid may halve its box (a quarter's side is 2^-12 of the whole's, at the finest). */
const PYRAMID_MAX_DEPTH = 12;

/**
 * One large set of polygons cut down to many boxes: `crop(box)` gives what
 * `cropPolygons(polygons, box)` gives, exact inside the padded box, for a
 * fraction of its cost when the polygons are large and the boxes small.
 * The polygons are cut to the quarters of their box, those to their own
 * quarters, and so on (each quarter cut once, when first asked for, from
 * its parent's cut), down to quarters of at most
 * {@link PYRAMID_LEAF_VERTICES} vertices, and only while a quarter sheds
 * vertices ({@link PYRAMID_SHRINK}); a box inside the polygons' box is cut
 * from the smallest kept quarter that holds it, any other from the whole.
 * Cutting is exact inside a box for any rings (module comment), and a box
 * inside a quarter has its padding inside the quarter's (the padding grows
 * with the box's longitude; a box inside the polygons' box has its
 * longitudes inside every quarter's on its path), so a cut from a quarter
 * keeps the same ground as a cut from the whole; what can differ is the
 * last bit of the points added on the padded border, 1e-6° outside the
 * box, where no ground inside the box lies. n vertices cut to k boxes
 * spread over them cost about n log k rather than n·k; where edges crowd
 * through a strip that no split thins, about the direct cuts' n·k, plus
 * one pass over n for each quarter found not to shed.
 */
export class CropPyramid<P extends Xy> {
  private readonly root: CropNode<P>;

  /** `box`: the box of the polygons, as {@link ringBox} gives it for their shells. */
  constructor(polygons: readonly (readonly (readonly P[])[])[], box: Box) {
    this.root = { box, polygons, vertices: vertexCount(polygons), quarters: [] };
  }

  /** The polygons cut down to `box`, as {@link cropPolygons} cuts them. */
  crop(box: Box): (P | Pt)[][][] {
    let node = this.root;
    // Only a box inside the polygons' box goes down (its padding then lies inside each quarter's on the way);
    // any other box (reaching beyond them, or not finite) is cut from the whole.
    const [rw, rs, re, rn] = node.box;
    const inside = box[0] >= rw && box[2] <= re && box[1] >= rs && box[3] <= rn;
    for (let depth = 0; inside && depth < PYRAMID_MAX_DEPTH && node.vertices > PYRAMID_LEAF_VERTICES; depth++) {
      const [w, s, e, n] = node.box;
      const midX = (w + e) / 2;
      const midY = (s + n) / 2;
      const east = box[0] >= midX ? 1 : box[2] <= midX ? 0 : -1;
      const north = box[1] >= midY ? 1 : box[3] <= midY ? 0 : -1;
      if (east < 0 || north < 0) break;
      const k = 2 * north + east;
      let quarter = node.quarters[k];
      if (quarter === undefined) {
        const quarterBox: Box = [east === 1 ? midX : w, north === 1 ? midY : s, east === 1 ? e : midX, north === 1 ? n : midY];
        const polygons = cropPolygons(node.polygons, quarterBox);
        const vertices = vertexCount(polygons);
        quarter = vertices > PYRAMID_SHRINK * node.vertices ? null : { box: quarterBox, polygons, vertices, quarters: [] };
        node.quarters[k] = quarter;
      }
      if (quarter === null) break;
      node = quarter;
    }
    return cropPolygons(node.polygons, box);
  }
}

/** Polygons of at least this many vertices are cut through a {@link CropPyramid} within a call ({@link cropInCall}). */
export const PYRAMID_FROM_VERTICES = 2048;

/** The pyramids of the call under way ({@link onCropCall}), by the polygons they cut; null outside a call. */
let callPyramids: WeakMap<object, CropPyramid<Xy>> | null = null;

/**
 * Runs `work` as one call whose cuts ({@link cropInCall}) share their
 * pyramids: a large set of polygons cut to many boxes — a claim of 100,000
 * vertices over 900 small regions, which cut directly cost 900 passes over
 * all its vertices — has its pyramid built once. Polygons are told apart
 * by identity, and the pyramids live no longer than the outermost call:
 * within it, the polygons cut are ones it made or read and does not change.
 * Calls nest; the outermost holds the pyramids.
 */
export function onCropCall<T>(work: () => T): T {
  if (callPyramids !== null) return work();
  callPyramids = new WeakMap();
  try {
    return work();
  } finally {
    callPyramids = null;
  }
}

/**
 * The polygons cut down to `box`, as {@link cropPolygons} cuts them; within
 * a call ({@link onCropCall}), polygons of at least
 * {@link PYRAMID_FROM_VERTICES} vertices are cut through their
 * {@link CropPyramid} (the same ground inside the box; see there). Which
 * way a cut goes depends only on the polygons and the box, never on the
 * cuts made before it, so a cut is the same whichever overlay asks first.
 */
export function cropInCall<P extends Xy>(polygons: readonly (readonly (readonly P[])[])[], box: Box): (P | Pt)[][][] {
  if (callPyramids === null || vertexCount(polygons) < PYRAMID_FROM_VERTICES) return cropPolygons(polygons, box);
  let pyramid = callPyramids.get(polygons) as CropPyramid<P> | undefined;
  if (pyramid === undefined) {
    pyramid = new CropPyramid(polygons, polygonsBox(polygons));
    callPyramids.set(polygons, pyramid);
  }
  return pyramid.crop(box);
}

/** The box of the polygons' shells (holes lie in their shell's box); `[Infinity, Infinity, -Infinity, -Infinity]` for none. */
export function polygonsBox(polygons: readonly (readonly (readonly Xy[])[])[]): Box {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    const shell = polygon[0];
    if (shell === undefined) continue;
    const [pw, ps, pe, pn] = ringBox(shell);
    if (pw < w) w = pw;
    if (ps < s) s = ps;
    if (pe > e) e = pe;
    if (pn > n) n = pn;
  }
  return [w, s, e, n];
}

/** How many positions the rings of the polygons hold. */
export function vertexCount(polygons: readonly (readonly (readonly unknown[])[])[]): number {
  let count = 0;
  for (const polygon of polygons) for (const ring of polygon) count += ring.length;
  return count;
}
