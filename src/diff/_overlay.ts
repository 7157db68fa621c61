/**
 * The overlay of two control maps: every piece of ground either map covers,
 * with what each says there. Both maps are already non-overlapping, so each
 * piece is one region of A met with one region of B, or a region of one
 * less all of the other. Bounding boxes decide which pairs are clipped at
 * all: on real front lines most pairs never meet.
 */
import { ContestedError } from '../errors/index.js';
import type { Claim } from '../claims/schema.js';
import { clip, type MultiPolygon2 } from '../geometry/_engine.js';
import { areaCoordinates } from '../geometry/boolean.js';
import type { Place } from '../places/schema.js';
import type { TimeRef } from '../time/timeRef.js';
import { boxesMeet, boxOf, coordinatesOf, cropToBox, dropSlivers, intersectCropped, type AreaLike, type Box } from '../control/_regions.js';
import { controlMap, isControlMap } from '../control/controlMap.js';
import type { ControlMap, ControlState } from '../control/types.js';

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

/** What the diff functions need to turn claims into maps. */
export interface MapSourceOptions {
  asOf?: TimeRef | Date;
  knownAt?: TimeRef | Date;
  within?: AreaLike;
  places?: readonly Place[];
}

/** Claims or a control map, as regions clipped to `frame`. */
export function regionsOf(source: readonly Claim[] | ControlMap, name: string, options: MapSourceOptions, frame: MultiPolygon2 | undefined): MapRegion[] {
  let map: ControlMap;
  if (Array.isArray(source)) {
    const mapOptions: Parameters<typeof controlMap>[1] = {};
    if (options.asOf !== undefined) mapOptions.asOf = options.asOf;
    if (options.knownAt !== undefined) mapOptions.knownAt = options.knownAt;
    if (options.places !== undefined) mapOptions.places = options.places;
    try {
      map = controlMap(source as readonly Claim[], mapOptions);
    } catch (error) {
      // A claim's problem is reported as `[i, 'area']` by controlMap; say whose claims they were.
      if (!(error instanceof ContestedError)) throw error;
      throw new ContestedError(error.code, error.issues.map((i) => (typeof i.path[0] === 'number' ? { ...i, path: [name, ...i.path] } : i)));
    }
  } else if (isControlMap(source)) {
    map = source as ControlMap;
  } else {
    throw new ContestedError('invalid-input', [
      { code: 'invalid-type', path: [name], message: `${name} must be a list of claims or a control map (a FeatureCollection)` },
    ]);
  }
  const frameBox = frame === undefined ? undefined : boxOf(frame);
  const regions: MapRegion[] = [];
  map.features.forEach((feature, i) => {
    const props = feature.properties;
    if (props === null || typeof props !== 'object' || typeof props.status !== 'string') {
      throw new ContestedError('invalid-input', [
        { code: 'invalid-type', path: [name, 'features', i, 'properties', 'status'], message: 'a control map region needs a status' },
      ]);
    }
    let coords = areaCoordinates(feature.geometry, [name, 'features', i, 'geometry']);
    if (frame !== undefined && frameBox !== undefined) coords = boxesMeet(boxOf(coords), frameBox) ? clip('intersection', [coords, frame]) : [];
    if (coords.length === 0) return;
    const state: ControlState = { status: props.status };
    if (props.side !== undefined) state.side = props.side;
    if (props.sides !== undefined) state.sides = props.sides;
    regions.push({ state, claims: Array.isArray(props.claims) ? [...props.claims] : [], coords, box: boxOf(coords) });
  });
  return regions;
}

/** The frame of a comparison, when `within` is given. */
export function frameOf(options: MapSourceOptions): MultiPolygon2 | undefined {
  return options.within === undefined ? undefined : coordinatesOf(options.within, options.places, ['within']);
}

/**
 * Overlays two non-overlapping region lists. Slivers (see `dropSlivers`)
 * are left out; their total is added to `dropped.km2`. `wanted` picks the
 * pairs whose common ground is computed (all by default): a caller that
 * ignores some pairs' pieces spares the engine their intersection.
 */
export function overlay(
  a: readonly MapRegion[],
  b: readonly MapRegion[],
  dropped: { km2: number } = { km2: 0 },
  wanted: (ra: MapRegion, rb: MapRegion) => boolean = () => true,
): OverlayPiece[] {
  const pieces: OverlayPiece[] = [];
  const keep = (coords: MultiPolygon2): MultiPolygon2 => {
    const { kept, droppedKm2 } = dropSlivers(coords);
    dropped.km2 += droppedKm2;
    return kept;
  };
  const bMeets: MapRegion[][] = b.map(() => []);
  for (const ra of a) {
    const meeting: MapRegion[] = [];
    b.forEach((rb, j) => {
      if (!boxesMeet(ra.box, rb.box)) return;
      meeting.push(rb);
      bMeets[j]?.push(ra);
      if (!wanted(ra, rb)) return;
      const both = keep(intersectCropped(ra.coords, ra.box, rb.coords, rb.box));
      if (both.length > 0) pieces.push({ coords: both, a: ra, b: rb });
    });
    const onlyA = meeting.length === 0 ? ra.coords : keep(clip('difference', [ra.coords, ...meeting.map((r) => cropToBox(r.coords, ra.box))]));
    if (onlyA.length > 0) pieces.push({ coords: onlyA, a: ra, b: null });
  }
  b.forEach((rb, j) => {
    const meeting = bMeets[j] ?? [];
    const onlyB = meeting.length === 0 ? rb.coords : keep(clip('difference', [rb.coords, ...meeting.map((r) => cropToBox(r.coords, rb.box))]));
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
