/**
 * The overlay of labelled regions: the one pipeline every comparison of
 * ground runs through (control maps, their diffs and changes, claimant
 * comparisons and assessments). Two lists of non-overlapping regions go in;
 * out come the pieces of ground either covers, each with the region of A
 * and of B it lies in. Where the two meet, the pieces are "intersect what
 * meets, subtract the cropped rest, drop slivers"; which pairs meet at all
 * is found through a spatial index of bounding boxes (flatbush), so that
 * the work follows the pairs that touch, not every pair.
 *
 * @module
 */
import Flatbush from 'flatbush';
import { clip, type MultiPolygon2 } from '../geometry/_engine.js';
import { boxesMeet, boxOf, cropToBox, dropSlivers, intersectCropped, type Box } from './regions.js';
import type { ControlState } from './types.js';

/** A region of an input map, ready to clip. */
export interface MapRegion {
  state: ControlState;
  claims: string[];
  coords: MultiPolygon2;
  box: Box;
}

/** One piece of the overlay. */
export interface OverlayPiece {
  coords: MultiPolygon2;
  a: MapRegion | null;
  b: MapRegion | null;
}

/**
 * Where an overlay's slivers go: their total km², and, when `pieces` is
 * given, the slivers themselves with the regions of A and B they lie in (so
 * that a caller summing km² per pair, like `controlChange`, can count them).
 */
export interface DroppedSlivers {
  km2: number;
  pieces?: OverlayPiece[];
}

/**
 * Overlays two non-overlapping region lists. Slivers (see `dropSlivers`)
 * are left out; their total is added to `dropped.km2` (and the slivers to
 * `dropped.pieces` when it is given). `wanted` picks the
 * pairs whose common ground is computed (all by default): a caller that
 * ignores some pairs' pieces spares the engine their intersection.
 */
export function overlay(
  a: readonly MapRegion[],
  b: readonly MapRegion[],
  dropped: DroppedSlivers = { km2: 0 },
  wanted: (ra: MapRegion, rb: MapRegion) => boolean = () => true,
): OverlayPiece[] {
  const pieces: OverlayPiece[] = [];
  const keep = (coords: MultiPolygon2, pa: MapRegion | null, pb: MapRegion | null): MultiPolygon2 => {
    const { kept, droppedKm2 } = dropSlivers(coords);
    dropped.km2 += droppedKm2;
    if (dropped.pieces !== undefined && kept.length < coords.length) {
      const isKept = new Set(kept);
      dropped.pieces.push({ coords: coords.filter((p) => !isKept.has(p)), a: pa, b: pb });
    }
    return kept;
  };
  const bMeets: MapRegion[][] = b.map(() => []);
  const index = boxIndex(b);
  for (const ra of a) {
    const meeting: MapRegion[] = [];
    for (const j of meetingIn(index, ra.box)) {
      const rb = b[j]!;
      meeting.push(rb);
      bMeets[j]?.push(ra);
      if (!wanted(ra, rb)) continue;
      const both = keep(intersectCropped(ra.coords, ra.box, rb.coords, rb.box), ra, rb);
      if (both.length > 0) pieces.push({ coords: both, a: ra, b: rb });
    }
    const onlyA = meeting.length === 0 ? ra.coords : keep(clip('difference', [ra.coords, ...meeting.map((r) => cropToBox(r.coords, ra.box))]), ra, null);
    if (onlyA.length > 0) pieces.push({ coords: onlyA, a: ra, b: null });
  }
  b.forEach((rb, j) => {
    const meeting = bMeets[j] ?? [];
    const onlyB = meeting.length === 0 ? rb.coords : keep(clip('difference', [rb.coords, ...meeting.map((r) => cropToBox(r.coords, rb.box))]), null, rb);
    if (onlyB.length > 0) pieces.push({ coords: onlyB, a: null, b: rb });
  });
  return pieces;
}

/** What is left of `frame` once every region is taken away, slivers dropped and counted. */
export function uncovered(frame: MultiPolygon2, regions: readonly MapRegion[], dropped: { km2: number } = { km2: 0 }): MultiPolygon2 {
  const box = boxOf(frame);
  const meeting = regions.filter((r) => boxesMeet(r.box, box));
  if (meeting.length === 0) return frame;
  const { kept, droppedKm2 } = dropSlivers(clip('difference', [frame, ...meeting.map((r) => cropToBox(r.coords, box))]));
  dropped.km2 += droppedKm2;
  return kept;
}

/** A packed R-tree of the regions' boxes (null when there are none). */
export function boxIndex(regions: readonly { box: Box }[]): Flatbush | null {
  if (regions.length === 0) return null;
  const index = new Flatbush(regions.length);
  for (const { box } of regions) index.add(box[0], box[1], box[2], box[3]);
  index.finish();
  return index;
}

/** Indices of the regions whose boxes meet `box`, in the regions' order (so results do not depend on the tree). */
export function meetingIn(index: Flatbush | null, box: Box): number[] {
  if (index === null) return [];
  return index.search(box[0], box[1], box[2], box[3]).sort((x, y) => x - y);
}
