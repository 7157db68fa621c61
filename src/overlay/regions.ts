/**
 * Internal representation shared by control maps, diffs and change: a
 * region is 2-D lon/lat coordinates with a bounding box (for cheap "do these
 * two even meet?" tests before anything is clipped) and its area.
 */
import type { MultiPolygon } from 'geojson';
import { polygonAreaM2 } from '../geometry/_area.js';
import { clip, type MultiPolygon2 } from '../geometry/_engine.js';
import { cropInCall, polygonsBox, type Box } from '../geometry/_crop.js';
import { twiceSignedArea } from '../geometry/_planar.js';

export type { Box } from '../geometry/_crop.js';

export const EMPTY_BOX: Box = [Infinity, Infinity, -Infinity, -Infinity];

/** The box of a region's coordinates (their outer rings'). */
export function boxOf(coords: MultiPolygon2): Box {
  return polygonsBox(coords);
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
 * Cuts coordinates down to what lies in a box (padded; see `_crop.ts`), so
 * that the clipping engine sees a few hundred vertices of a big neighbour
 * instead of all of them. Exact inside the box: `subject ∩ crop(other) =
 * subject ∩ other` and likewise for difference, for a subject inside it.
 * Within an overlay (which holds a call's grid, `onCallGrid`), a large
 * region cut to the boxes of many small ones is cut through one pyramid of
 * cuts (`cropInCall`), not once over all its vertices per box.
 */
export function cropToBox(coords: MultiPolygon2, box: Box): MultiPolygon2 {
  return cropInCall(coords, box);
}

/** Whether two coordinate sets are the same, vertex for vertex. */
export function sameCoordinates(a: MultiPolygon2, b: MultiPolygon2): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((polygon, p) => {
    const other = b[p]!;
    return (
      polygon.length === other.length &&
      polygon.every((ring, r) => {
        const otherRing = other[r]!;
        return ring.length === otherRing.length && ring.every((point, i) => point[0] === otherRing[i]![0] && point[1] === otherRing[i]![1]);
      })
    );
  });
}
