/**
 * Evaluates an {@link AreaRef} to ground: looks up places, splits by lines,
 * and combines areas with the clipping engine. This is where "the north of
 * the city, up to the railway" becomes a MultiPolygon with an area in km².
 *
 * @module
 */
import type { MultiPolygon } from 'geojson';
import type { ContestedError } from '../errors/index.js';
import type { AreaRef, MAX_AREA_DEPTH } from './areaRef.js';
import type { Place } from './schema.js';
import { resolveAreaAt } from './_resolveAt.js';

/**
 * What {@link resolveArea} needs of a dataset: its places.
 *
 * @category Geometry
 */
export interface PlacesOf {
  /** Named geometry, looked up by id. */
  readonly places?: readonly Place[] | undefined;
}

/**
 * The ground an area expression names, as a MultiPolygon.
 *
 * @param dataset - where place ids are looked up
 * @param area - a place id, an inline geometry, or an expression over them
 * @returns the ground; an empty MultiPolygon (`coordinates: []`) when, for
 *   instance, an intersection has no overlap
 * @throws {@link ContestedError} `not-found` for an unknown place id;
 *   `invalid-geometry` when a line place is used as an area (or the
 *   reverse), when a split line does not cross its area, or for an
 *   expression nested deeper than {@link MAX_AREA_DEPTH}
 * @category Geometry
 *
 * @example
 * ```ts
 * const north = resolveArea(dataset, { split: { area: 'pokrovsk', line: 'railway', keep: 'north' } });
 * areaKm2(north);
 * //=> 17.00… (km² of the city north of the railway)
 * ```
 */
export function resolveArea(dataset: PlacesOf, area: AreaRef): MultiPolygon {
  return resolveAreaAt(dataset, area, []);
}
