/**
 * The rules by which one observation bears on one statement of control, and
 * where a piece of evidence lies relative to an area. Shared by
 * `findContradictions`, `findSupport` and `assessControl`, so that the three
 * never disagree about what a flag in held ground means.
 */
import type { MultiLineString, MultiPolygon, Position } from 'geojson';
import type { ControlState } from '../control/types.js';
import { distanceToFront, nearestOnPaths } from '../control/distanceToFront.js';
import { contains } from '../geometry/contains.js';
import { areaCoordinates } from '../geometry/boolean.js';
import type { MultiPolygon2 } from '../geometry/_clean.js';
import { areaPlacement } from '../geometry/_pointInRing.js';
import type { Evidence, Observation } from './schema.js';

/**
 * Why evidence contradicts a claim; the rules are on `findContradictions`.
 *
 * @category Evidence
 */
export type ContradictionCode =
  | 'presence-of-other-side'
  | 'control-by-other-side'
  | 'fighting-in-held-ground'
  | 'control-in-contested-ground'
  | 'presence-of-denied-side'
  | 'control-by-denied-side'
  | 'refuted-by-later-evidence';

/**
 * Why evidence supports a claim; the rules are on `findSupport`.
 *
 * @category Evidence
 */
export type SupportCode = 'presence-of-holder' | 'control-by-holder' | 'presence-of-advancing-side' | 'fighting-in-contested-ground' | 'control-by-another-side';

/** Strongest first: the order in which a finding's codes are listed. */
export const CONTRADICTION_ORDER: readonly ContradictionCode[] = [
  'control-by-other-side',
  'control-by-denied-side',
  'presence-of-other-side',
  'presence-of-denied-side',
  'fighting-in-held-ground',
  'control-in-contested-ground',
  'refuted-by-later-evidence',
];
export const SUPPORT_ORDER: readonly SupportCode[] = ['control-by-holder', 'control-by-another-side', 'presence-of-holder', 'presence-of-advancing-side', 'fighting-in-contested-ground'];

export type Bearing = { bearing: 'contradicts'; code: ContradictionCode } | { bearing: 'supports'; code: SupportCode } | null;

/** How one observation bears on one state of control; `null` when it says nothing either way. */
export function judge(state: ControlState, seen: Observation): Bearing {
  const fighting = seen.kind === 'strike' || seen.kind === 'casualties';
  if (state.status === 'controlled') {
    const holder = state.side;
    if (seen.kind === 'presence') return seen.side === holder ? { bearing: 'supports', code: 'presence-of-holder' } : { bearing: 'contradicts', code: 'presence-of-other-side' };
    if (seen.kind === 'control') return seen.side === holder ? { bearing: 'supports', code: 'control-by-holder' } : { bearing: 'contradicts', code: 'control-by-other-side' };
    // The holder striking inside its own ground, or the enemy's dead inside
    // it, means the enemy was there. The enemy's strikes and the holder's own
    // casualties do not: held ground is shelled every day.
    if (seen.kind === 'strike' && seen.side !== undefined && seen.side === holder) return { bearing: 'contradicts', code: 'fighting-in-held-ground' };
    if (seen.kind === 'casualties' && seen.side !== undefined && seen.side !== holder) return { bearing: 'contradicts', code: 'fighting-in-held-ground' };
    return null;
  }
  if (state.status === 'not-controlled') {
    // A denial is contradicted by the denied side being there at all: the
    // claim "has not fallen" is about that side's presence in the ground.
    // Another side visibly in control supports it; fighting says nothing
    // about which side is denied.
    if (seen.kind === 'presence' && seen.side === state.side) return { bearing: 'contradicts', code: 'presence-of-denied-side' };
    if (seen.kind === 'control') return seen.side === state.side ? { bearing: 'contradicts', code: 'control-by-denied-side' } : { bearing: 'supports', code: 'control-by-another-side' };
    return null;
  }
  if (state.status === 'advancing') {
    if (seen.kind === 'presence' && seen.side === state.side) return { bearing: 'supports', code: 'presence-of-advancing-side' };
    if (fighting) return { bearing: 'supports', code: 'fighting-in-contested-ground' };
    return null;
  }
  if (fighting) return { bearing: 'supports', code: 'fighting-in-contested-ground' };
  if (seen.kind === 'control') return { bearing: 'contradicts', code: 'control-in-contested-ground' };
  return null;
}

/** Every bearing of an evidence item on a state, contradictions and support apart, strongest first. */
export function bearings(state: ControlState, evidence: Evidence): { contradicts: ContradictionCode[]; supports: SupportCode[] } {
  const contradicts = new Set<ContradictionCode>();
  const supports = new Set<SupportCode>();
  for (const seen of evidence.shows) {
    const b = judge(state, seen);
    if (b?.bearing === 'contradicts') contradicts.add(b.code);
    else if (b?.bearing === 'supports') supports.add(b.code);
  }
  return {
    contradicts: CONTRADICTION_ORDER.filter((c) => contradicts.has(c)),
    supports: SUPPORT_ORDER.filter((c) => supports.has(c)),
  };
}

/** Where evidence was captured: a point when it has coordinates (and the radius it may be off by, 0 when none is given), otherwise its area. */
export type EvidenceLocation = { kind: 'point'; at: Position; accuracyM: number } | { kind: 'area'; area: MultiPolygon };

/** A claim's ground, read once for every piece of evidence weighed against it. */
export interface Ground {
  /** The area. */
  area: MultiPolygon;
  /** Its polygons, cleaned as the point-in-area test reads them. */
  shape: MultiPolygon2;
  /** Its edge: every ring, holes included. */
  edge: MultiLineString;
}

/** Reads an area once: its polygons for the point-in-area test and its rings for the distances. */
export function groundOf(area: MultiPolygon): Ground {
  return { area, shape: areaCoordinates(area, ['area']), edge: edgesOf(area) };
}

/**
 * Where evidence lies relative to a claim's ground, as a signed geodesic
 * distance to the ground's edge in metres: positive inside, 0 on the edge
 * (to a millimetre), negative outside. An area of evidence counts as inside
 * only when all of it lies inside; its distance is then the shortest from
 * its edge to the ground's.
 *
 * Evidence bears on the ground only when it lies inside it, or, for a
 * position with an accuracy radius, within that radius outside its edge
 * (it may have been filmed inside): otherwise the answer is `undefined`, and
 * no distance is measured.
 */
export function placement(ground: Ground, place: EvidenceLocation): { inside: boolean; distanceM: number } | undefined {
  if (ground.shape.length === 0) return undefined;
  const edge = ground.edge;
  if (place.kind === 'point') {
    const inside = areaPlacement(ground.shape, place.at[0]!, place.at[1]!) !== 'outside';
    if (!inside && !(place.accuracyM > 0)) return undefined;
    const d = onEdge(nearestOnPaths(place.at[0]!, place.at[1]!, edge.coordinates, 'distance').distanceM);
    if (!inside && d > place.accuracyM) return undefined;
    return { inside, distanceM: inside ? d : -d };
  }
  if (!contains(ground.area, place.area)) return undefined;
  const theirs = edgesOf(place.area);
  let d = Infinity;
  for (const line of theirs.coordinates) for (const p of line) d = Math.min(d, nearestOnPaths(p[0]!, p[1]!, edge.coordinates, 'distance').distanceM);
  for (const line of edge.coordinates) for (const p of line) d = Math.min(d, distanceToFront(p, theirs).distanceM);
  return { inside: true, distanceM: onEdge(d) };
}
/** Distances under a millimetre are the edge itself: the search is exact to 0.1 mm, coordinates rarely finer. */
const onEdge = (d: number): number => (d < 1e-3 ? 0 : d);

/** Every ring of an area as a line: the area's edge, holes included. */
export function edgesOf(area: MultiPolygon): MultiLineString {
  return { type: 'MultiLineString', coordinates: area.coordinates.flatMap((polygon) => polygon) };
}
