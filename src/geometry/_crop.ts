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
