/**
 * The inputs of the diff, change and history functions made into overlay
 * regions: claims (through `controlMap`) or a control map, cut to the
 * comparison's frame. It lives in `control/` because it builds control maps:
 * `diff/` and `history/` import it from here, and `control/` imports nothing
 * from `diff/`. The overlay itself lives in `src/overlay/`.
 */
import { ContestedError } from '../errors/index.js';
import { engineRooted } from '../_lib/reroot.js';
import type { Claim } from '../claims/schema.js';
import type { MultiPolygon2 } from '../geometry/_engine.js';
import type { MapRegion } from '../overlay/overlay.js';
import { areaCoordinates } from '../geometry/boolean.js';
import type { Place } from '../places/schema.js';
import type { TimeRef } from '../time/timeRef.js';
import { boxesMeet, boxOf, intersectCropped, type AreaLike } from '../overlay/regions.js';
import { builtByControlMap, ClaimAreas, controlMap, controlMapIn, coordinatesOf, frameFrom, isControlMap, type Frame } from './controlMap.js';
import { assertNoOverlap, type CheckedRegion } from '../overlay/mapCheck.js';
import type { ControlMap, ControlState } from '../overlay/types.js';

/** What the diff, change and history functions need to turn claims into maps. */
export interface MapSourceOptions {
  asOf?: TimeRef | Date;
  knownAt?: TimeRef | Date;
  within?: AreaLike;
  places?: readonly Place[];
}

/**
 * Claims or a control map, as regions clipped to `frame`. Claims are made
 * into a map inside the frame from the start (`controlMapIn`: the frame
 * first, each area resolved only near it), through `areas` when the caller
 * shares one between parties; a map is cut to the frame region by region.
 * The slivers `controlMap` leaves out of a map it makes here (its
 * `sliversKm2`) are added to `made`, which callers report as
 * `claimSliversKm2` (not in their own `sliversKm2`: that ground lies in no
 * region of its map, and so in the other party's label or in `unclaimed`,
 * which would count it twice); a map passed in reported its slivers when it
 * was made.
 */
export function regionsOf(
  source: readonly Claim[] | ControlMap,
  name: string,
  options: MapSourceOptions,
  frame: Frame | undefined,
  areas?: ClaimAreas,
  made?: { km2: number },
): MapRegion[] {
  let map: ControlMap;
  let framed = false;
  if (Array.isArray(source)) {
    const mapOptions: Parameters<typeof controlMap>[1] = {};
    if (options.asOf !== undefined) mapOptions.asOf = options.asOf;
    if (options.knownAt !== undefined) mapOptions.knownAt = options.knownAt;
    if (options.places !== undefined) mapOptions.places = options.places;
    try {
      map = controlMapIn(source as readonly Claim[], mapOptions, areas ?? new ClaimAreas(options.places, frame));
      framed = true;
      if (made !== undefined) made.km2 += map.sliversKm2 ?? 0;
    } catch (error) {
      // A claim's problem is reported as `[i, 'area']` by controlMap; say whose claims they were.
      if (!(error instanceof ContestedError)) throw error;
      const cause: unknown = error.cause;
      throw new ContestedError(error.code, error.issues.map((i) => (typeof i.path[0] === 'number' ? { ...i, path: [name, ...i.path] } : i)), undefined, cause === undefined ? undefined : { cause });
    }
  } else if (isControlMap(source)) {
    map = source as ControlMap;
  } else {
    throw new ContestedError('invalid-input', [
      { code: 'invalid-type', path: [name], message: `${name} must be a list of claims or a control map (a FeatureCollection)` },
    ]);
  }
  const regions: MapRegion[] = [];
  const checked: CheckedRegion[] = [];
  map.features.forEach((feature, i) => {
    const props = feature.properties;
    if (props === null || typeof props !== 'object' || typeof props.status !== 'string') {
      throw new ContestedError('invalid-input', [
        { code: 'invalid-type', path: [name, 'features', i, 'properties', 'status'], message: 'a control map region needs a status' },
      ]);
    }
    // A map made from claims here is the engine's own output, and lies in
    // the frame already: it is not read again as an operand. A map from
    // elsewhere is read (and checked) as every operand is.
    let coords = framed ? (feature.geometry.coordinates as MultiPolygon2) : areaCoordinates(feature.geometry, [name, 'features', i, 'geometry']);
    if (frame !== undefined && !framed) {
      const cut = coords;
      const box = boxOf(cut);
      // Cut by the overlay core's rule (both to the boxes' overlap first), as controlMap cuts claims to its frame.
      coords = boxesMeet(box, frame.box) ? engineRooted([name, 'features', i, 'geometry'], () => intersectCropped(cut, box, frame.coords, frame.box)) : [];
    }
    if (coords.length === 0) return;
    const state: ControlState = { status: props.status };
    if (props.side !== undefined) state.side = props.side;
    if (props.sides !== undefined) state.sides = props.sides;
    if (props.inferred === true) state.inferred = true;
    const region: MapRegion = { state, claims: Array.isArray(props.claims) ? [...props.claims] : [], coords, box: boxOf(coords) };
    regions.push(region);
    checked.push({ coords, box: region.box, path: [name, 'features', i], id: typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : undefined });
  });
  // A map from elsewhere may overlap itself; one controlMap built cannot.
  if (!Array.isArray(source) && !builtByControlMap(source)) assertNoOverlap(checked, name);
  return regions;
}

/** The frame of a comparison, when `within` is given. */
export function frameOf(options: MapSourceOptions): Frame | undefined {
  return options.within === undefined ? undefined : frameFrom(coordinatesOf(options.within, options.places, ['within']));
}
