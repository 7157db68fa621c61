/**
 * Internal representation shared by control maps, diffs and change: a
 * region is 2-D lon/lat coordinates with a bounding box (for cheap "do these
 * two even meet?" tests before anything is clipped) and its area.
 */
import type { MultiPolygon } from 'geojson';
import { polygonAreaM2 } from '../geometry/_area.js';
import { clip, type MultiPolygon2 } from '../geometry/_engine.js';
import { twiceSignedArea } from '../geometry/_planar.js';
import { areaCoordinates } from '../geometry/boolean.js';
import type { AreaInput } from '../geometry/_input.js';
import { resolveAreaAt } from '../places/_resolveAt.js';
import type { Place } from '../places/schema.js';
import type { IssuePath } from '../errors/index.js';
import type { AreaLike } from './types.js';

/** `[west, south, east, north]`. */
export type Box = [number, number, number, number];

export const EMPTY_BOX: Box = [Infinity, Infinity, -Infinity, -Infinity];

export function boxOf(coords: MultiPolygon2): Box {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const polygon of coords) {
    const outer = polygon[0];
    if (outer === undefined) continue;
    for (const [x, y] of outer) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  }
  return [w, s, e, n];
}

export function boxesMeet(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Exact ellipsoidal area of 2-D coordinates, km². */
export function km2Of(coords: MultiPolygon2): number {
  let m2 = 0;
  for (const polygon of coords) m2 += polygonAreaM2(polygon);
  return m2 / 1e6;
}

export function toGeometry(coords: MultiPolygon2): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: coords };
}

export type { AreaLike } from './types.js';

function isGeoJson(value: AreaLike): value is AreaInput {
  return typeof value === 'object' && value !== null && 'type' in value;
}

/** Resolves GeoJSON or an area expression to checked 2-D coordinates. */
export function coordinatesOf(area: AreaLike, places: readonly Place[] | undefined, path: IssuePath): MultiPolygon2 {
  if (isGeoJson(area)) return areaCoordinates(area, path);
  return areaCoordinates(resolveAreaAt({ places }, area, path), path);
}

/**
 * Narrowest polygon an overlay keeps, in degrees of latitude (≈ 1 cm).
 * Intersecting the same boundary computed two ways (a city, and the halves
 * of the city split by a railway) leaves pieces a few nanometres wide and
 * a few square micrometres large: numerical artefacts, not ground anybody
 * claims. Overlays drop them and count what they dropped.
 */
export const SLIVER_WIDTH_DEG = 1e-7;

/**
 * Removes polygons narrower than {@link SLIVER_WIDTH_DEG}. Width is twice the
 * area over the perimeter, measured in a plane where a degree of longitude
 * is scaled by the cosine of the latitude.
 */
export function dropSlivers(coords: MultiPolygon2): { kept: MultiPolygon2; droppedKm2: number } {
  let droppedKm2 = 0;
  const kept: MultiPolygon2 = [];
  for (const polygon of coords) {
    if (isSliver(polygon)) droppedKm2 += km2Of([polygon]);
    else kept.push(polygon);
  }
  return { kept, droppedKm2 };
}

function isSliver(polygon: MultiPolygon2[number]): boolean {
  let area = 0;
  let perimeter = 0;
  polygon.forEach((ring, index) => {
    const first = ring[0];
    if (first === undefined) return;
    // Planar, with longitudes shrunk by cos φ at the ring's first vertex.
    const k = Math.cos((first[1] * Math.PI) / 180);
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i]!;
      const [x2, y2] = ring[i + 1]!;
      perimeter += Math.hypot((x2 - x1) * k, y2 - y1);
    }
    area += (index === 0 ? 1 : -1) * Math.abs((k * twiceSignedArea(ring)) / 2);
  });
  return perimeter > 0 && (2 * area) / perimeter < SLIVER_WIDTH_DEG;
}

/**
 * The intersection of two coordinate sets, each first cut down to the
 * overlap of their boxes: `A ∩ B` lies inside both boxes, so nothing
 * outside their common part can matter, and the engine is spared the bulk
 * of a large neighbour.
 */
export function intersectCropped(a: MultiPolygon2, aBox: Box, b: MultiPolygon2, bBox: Box): MultiPolygon2 {
  const common: Box = [Math.max(aBox[0], bBox[0]), Math.max(aBox[1], bBox[1]), Math.min(aBox[2], bBox[2]), Math.min(aBox[3], bBox[3])];
  if (common[0] > common[2] || common[1] > common[3]) return [];
  return clip('intersection', [cropToBox(a, common), cropToBox(b, common)]);
}

/**
 * Cuts coordinates down to what lies in a box (Sutherland–Hodgman, ring by
 * ring), so that the clipping engine sees a few hundred vertices of a big
 * neighbour instead of all of them.
 *
 * Only ever used as the *other* operand of an operation whose subject lies
 * inside `box`: the cut adds edges along the box's border (some of them
 * doubled back on themselves where a concave ring leaves and re-enters),
 * and those lie outside the subject, so they cannot reach the result —
 * `subject ∩ crop(other) = subject ∩ other` and likewise for difference.
 * The box is padded so the border never touches the subject.
 */
export function cropToBox(coords: MultiPolygon2, box: Box): MultiPolygon2 {
  const pad = 1e-6 + 1e-9 * Math.max(Math.abs(box[0]), Math.abs(box[2]), 1);
  const w = box[0] - pad;
  const s = box[1] - pad;
  const e = box[2] + pad;
  const n = box[3] + pad;
  const out: MultiPolygon2 = [];
  for (const polygon of coords) {
    const pb = boxOf([polygon]);
    if (pb[0] > e || pb[2] < w || pb[1] > n || pb[3] < s) continue;
    if (pb[0] >= w && pb[2] <= e && pb[1] >= s && pb[3] <= n) {
      out.push(polygon);
      continue;
    }
    const rings: MultiPolygon2[number] = [];
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

type Pt = [number, number];

function clipRing(ring: readonly Pt[], w: number, s: number, e: number, n: number): Pt[] | null {
  // The ring is closed (last = first); work on its open form.
  let pts: Pt[] = ring.slice(0, -1) as Pt[];
  pts = clipEdge(pts, (p) => p[0] >= w, (a, b) => [w, a[1] + ((b[1] - a[1]) * (w - a[0])) / (b[0] - a[0])]);
  pts = clipEdge(pts, (p) => p[0] <= e, (a, b) => [e, a[1] + ((b[1] - a[1]) * (e - a[0])) / (b[0] - a[0])]);
  pts = clipEdge(pts, (p) => p[1] >= s, (a, b) => [a[0] + ((b[0] - a[0]) * (s - a[1])) / (b[1] - a[1]), s]);
  pts = clipEdge(pts, (p) => p[1] <= n, (a, b) => [a[0] + ((b[0] - a[0]) * (n - a[1])) / (b[1] - a[1]), n]);
  if (pts.length < 3) return null;
  const first = pts[0]!;
  return [...pts, [first[0], first[1]]];
}

/**
 * Where an edge crosses the box's border, computed from its endpoints in one
 * fixed order: an edge two regions share, walked one way by each, is then
 * cut at the very same point for both, so cut neighbours still meet exactly.
 */
function crossing(p: Pt, q: Pt, cross: (a: Pt, b: Pt) => Pt): Pt {
  return p[0] < q[0] || (p[0] === q[0] && p[1] < q[1]) ? cross(p, q) : cross(q, p);
}

function clipEdge(pts: readonly Pt[], inside: (p: Pt) => boolean, cross: (a: Pt, b: Pt) => Pt): Pt[] {
  const out: Pt[] = [];
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
