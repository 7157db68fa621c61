/**
 * Boolean operations on areas: union, intersection, difference. All three
 * go through the one clipping engine (`_engine.ts`), never mutate their
 * input, and return a MultiPolygon whose rings are clean (no repeated
 * points, spikes or zero-area rings) and wound as RFC 7946 asks. An empty
 * result is `{ type: 'MultiPolygon', coordinates: [] }`.
 *
 * Each argument is one area: a FeatureCollection counts as the union of its
 * features. An array argument counts as several areas.
 *
 * Invalid operands are read as `normalizeGeometry` reads them (see
 * `readAsNormalized` in `_operand.ts` and docs/geometry.md): rings by the
 * even–odd rule, holes cut from their shell, parts united. Every result is
 * valid in GEOS's sense.
 *
 * @module
 */
import type { MultiPolygon } from 'geojson';
import type { IssuePath } from '../errors/index.js';
import type { MultiPolygon2 } from './_clean.js';
import { clip } from './_engine.js';
import { cropPolygons, type Box } from './_crop.js';
import { polygonsOf, type AreaInput } from './_input.js';
import { checkPolygonRings, readAsNormalized } from './_operand.js';

/**
 * One or more areas: an {@link AreaInput} or an array of them.
 *
 * @category Geometry
 */
export type AreaOperand = AreaInput | readonly AreaInput[];

/**
 * The ground covered by any of the areas, dissolved into non-overlapping
 * polygons.
 *
 * An operand that is not valid is read exactly as {@link normalizeGeometry}
 * reads it, never another way: each ring by the even–odd rule (a bow-tie is
 * two triangles), a polygon is its outer ring's ground minus its holes',
 * and the parts of a MultiPolygon are united (overlapping parts count
 * once). The result is valid in GEOS's sense (no ring touching or crossing
 * itself or another, no disconnected interior), so {@link validateGeometry}
 * accepts it.
 *
 * @param areas - areas, or arrays of areas; a FeatureCollection counts as
 *   the union of its features, so `union(collection)` dissolves it
 * @returns a MultiPolygon; empty (`coordinates: []`) when no area is given
 *   or all are empty
 * @throws {@link ContestedError} `invalid-input` when an operand holds a
 *   point or line; `invalid-geometry` for bad coordinates, antimeridian
 *   crossings, an unclosed ring (`unclosed-ring`) or a hole reaching
 *   outside its outer ring (`hole-outside-shell`), each with the ring's
 *   path; `geometry-engine` if the clipping engine fails
 * @category Geometry
 *
 * @example
 * ```ts
 * const west: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
 * const east: Polygon = { type: 'Polygon', coordinates: [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]] };
 * union(west, east).coordinates.length;
 * //=> 1 (one polygon: the shared edge dissolves)
 * ```
 */
export function union(...areas: AreaOperand[]): MultiPolygon {
  return multiPolygon(clip('union', operandsOf(areas, 0)));
}

/**
 * The ground covered by every one of the areas. Invalid operands are read
 * as {@link normalizeGeometry} reads them, and the result is valid, as for
 * {@link union}.
 *
 * @param areas - areas, or arrays of areas
 * @returns a MultiPolygon; empty when the areas do not overlap (touching
 *   along an edge is not overlap), when any area is empty, or when none is
 *   given
 * @throws {@link ContestedError} as {@link union}
 * @category Geometry
 *
 * @example
 * ```ts
 * const a: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] };
 * const b: Polygon = { type: 'Polygon', coordinates: [[[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]] };
 * intersection(a, b).coordinates;
 * //=> [[[[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]]]
 * ```
 */
export function intersection(...areas: AreaOperand[]): MultiPolygon {
  if (areas.length === 0) return multiPolygon([]);
  return multiPolygon(clip('intersection', operandsOf(areas, 0)));
}

/**
 * The ground of `area` that none of `subtract` covers. Invalid operands
 * are read as {@link normalizeGeometry} reads them, and the result is
 * valid, as for {@link union}.
 *
 * @param area - the area to cut from
 * @param subtract - areas, or arrays of areas, to remove
 * @returns a MultiPolygon; empty when `subtract` covers all of `area`;
 *   `area` itself, cleaned, when nothing is subtracted
 * @throws {@link ContestedError} as {@link union}
 * @category Geometry
 *
 * @example
 * ```ts
 * const city: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] };
 * const north: Polygon = { type: 'Polygon', coordinates: [[[0, 1], [2, 1], [2, 2], [0, 2], [0, 1]]] };
 * difference(city, north).coordinates;
 * //=> [[[[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]]]]
 * ```
 */
export function difference(area: AreaInput, ...subtract: AreaOperand[]): MultiPolygon {
  // One area, never a list: an array here is not an AreaInput, and is refused as such.
  const subject = areaCoordinates(area, ['area']);
  return multiPolygon(clip('difference', [subject, ...operandsOf(subtract, 1)]));
}

/** Wraps coordinates as a MultiPolygon geometry. */
export function multiPolygon(coordinates: MultiPolygon2): MultiPolygon {
  return { type: 'MultiPolygon', coordinates };
}

/**
 * The operands of a call, each checked and converted to 2-D coordinates.
 * Paths say which argument was wrong: `[argumentIndex, …]`, or
 * `[argumentIndex, arrayIndex, …]` inside an array argument.
 */
function operandsOf(areas: readonly AreaOperand[], firstIndex: number, rootPath?: IssuePath): MultiPolygon2[] {
  const operands: MultiPolygon2[] = [];
  areas.forEach((operand, index) => {
    const base: IssuePath = rootPath ?? [index + firstIndex];
    if (Array.isArray(operand)) {
      (operand as readonly AreaInput[]).forEach((area, inner) => operands.push(areaCoordinates(area, [...base, inner])));
    } else operands.push(areaCoordinates(operand as AreaInput, base));
  });
  return operands;
}

/**
 * An area as checked 2-D coordinates for the engine. With `crop`, only
 * what lies in that box (padded by 1e-6°) is read, after the whole area is
 * checked: the result is the same ground inside the box (see `_crop.ts`),
 * and an area with a problem anywhere is refused all the same.
 */
export function areaCoordinates(area: AreaInput, path: IssuePath = [], crop?: Box): MultiPolygon2 {
  const polygons = polygonsOf(area, 'refuse', path);
  for (const polygon of polygons) checkPolygonRings(polygon);
  const rings = polygons.map((polygon) => polygon.rings);
  // Pre-cleaning removes what engines choke on (spikes, repeated points,
  // collapsed rings) without changing the ground the area covers; a polygon
  // whose rings cross or touch is then read by normalizeGeometry's rule.
  return readAsNormalized(crop === undefined ? rings : cropPolygons(rings, crop));
}
