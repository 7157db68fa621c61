/**
 * The line of contact between two sides of a control map: the edges where
 * ground one side controls meets ground the other controls, or the contested
 * zone between them.
 *
 * Rules. A side's *ground* is its `controlled` regions. The *zone* between
 * the two sides is every `contested` region (whose `sides`, when given, name
 * at least one of the two) and every `advancing` region of either side:
 * ground where a side operates without holding it is not yet that side's.
 * Each side's *forward edge* is the part of its ground's boundary that
 * touches the other side's ground or the zone. Where the sides touch
 * directly the two forward edges are one line, drawn once; where a zone lies
 * between them the front is the zone's two edges, one per side (no centre
 * line is invented), and `edgeOf` says whose ground each line bounds. Edges
 * on the boundary of `within` (a border, a coastline), edges outside it, and
 * edges where a side's ground meets unclaimed ground are not front.
 *
 * Two boundaries *coincide* where they run within `tolerance` degrees of each
 * other (default 1e-7°, about 1 cm) and are parallel to within 3°, so maps
 * whose regions were drawn independently, with slivers of gap or overlap,
 * give the same front as maps from a clipping engine. Edges are matched
 * through a uniform grid over their end points and interpolated sub-pieces,
 * never pair by pair, and T-junctions (a vertex of one region lying on an
 * edge of another) are handled by matching parameter intervals along each
 * edge rather than whole edges.
 *
 * @module
 */
import type { AreaLike } from './types.js';
import type { AreaRef } from '../places/areaRef.js';
import type { Place } from '../places/schema.js';
import { resolveArea } from '../places/resolveArea.js';
import type { Feature, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { ContestedError } from '../errors/index.js';
import { polygonsOf, type GeometryInput } from '../geometry/_input.js';
import type { ControlMap, ControlRegionProperties } from './types.js';
import { addRing, EdgeGrid, edgeLengthM, type Edge } from './_frontEdges.js';
import { coverage, insideWithin, intersect, readWithin, subtract, union } from './_frontIntervals.js';
import { chain, piece, toFeature, type Piece } from './_frontChains.js';

/**
 * Options of {@link frontLine}.
 *
 * @category Claims & diffs
 */
export interface FrontLineOptions {
  /**
   * The area the front lies in: edges on its boundary (an international
   * border, a coastline) and outside it are not front. A Polygon,
   * MultiPolygon, a Feature or FeatureCollection of them, or an area
   * expression over `places`.
   */
  within?: AreaLike;
  /** Places that an area expression in `within` names, typically `dataset.places`. */
  places?: readonly Place[];
  /**
   * How far apart, in degrees, two boundaries may run and still count as
   * one. Default `1e-7` (about 1 cm); raise it for maps drawn by hand.
   */
  tolerance?: number;
  /** Line colour, `#rrggbb`. Default `#d62728`. */
  stroke?: string;
}

/**
 * Properties of the Feature {@link frontLine} returns.
 *
 * @category Claims & diffs
 */
export interface FrontLineProperties {
  /** The two sides, as asked. */
  sides: [string, string];
  /** Geodesic length of the geometry, metres (every line counted once). */
  lengthM: number;
  /**
   * Geodesic length of each side's forward edge, metres: the boundary of
   * its ground facing the other side or the zone. Either is "the length of
   * the front" as that side holds it.
   */
  lengthBySideM: Record<string, number>;
  /**
   * For each LineString of the geometry, in order, the side(s) whose ground
   * it bounds: both where they touch, one where it faces the zone.
   */
  edgeOf: string[][];
  /** Short label, `Front line UA–RU`. */
  title: string;
  /** The lengths in words. */
  description: string;
  /** Line colour. */
  stroke: string;
  /** Line width in pixels. */
  'stroke-width': number;
}

/**
 * The front line between two sides, as {@link frontLine} returns it.
 *
 * @category Claims & diffs
 */
export type FrontLine = Feature<MultiLineString, FrontLineProperties>;

/**
 * A map as {@link frontLine} reads it: a {@link ControlMap}, or any
 * FeatureCollection of Polygon/MultiPolygon features carrying `status`,
 * `side` and `sides` (regions drawn by hand or imported need not be built
 * with `controlMap` first).
 *
 * @category Claims & diffs
 */
export interface FrontLineMap {
  /** `FeatureCollection`. */
  type?: 'FeatureCollection';
  /** The regions; features without geometry or control state are skipped. */
  features: readonly Feature<Polygon | MultiPolygon | null, FrontLineRegion | null>[];
}

/**
 * What {@link frontLine} reads of a region: its status (regions of other
 * statuses, such as an assessed map's `unclaimed`, are skipped) and side(s).
 *
 * @category Claims & diffs
 */
export interface FrontLineRegion {
  /** `controlled`, `contested` or `advancing`; anything else is skipped. */
  status: string;
  /** The side that controls or advances. */
  side?: string | undefined;
  /** The sides fighting over contested ground. */
  sides?: readonly string[] | undefined;
}

/**
 * The line of contact between `sideA` and `sideB` on a control map.
 *
 * Returns one Feature whose MultiLineString holds each side's forward edge
 * (see the module comment for the rules), consecutive edges merged into
 * long LineStrings. `lengthM` is geodesic (GeographicLib, WGS84).
 *
 * @param map - a {@link ControlMap}, or any FeatureCollection of
 *   Polygon/MultiPolygon features carrying `status`, `side`, `sides`
 * @param sides - the two sides, e.g. `['UA', 'RU']`
 * @param options - `within`, `tolerance`, `stroke`
 * @returns the front; when the map is empty, a side holds no ground, or
 *   the sides do not meet, a Feature with an empty MultiLineString
 *   (`coordinates: []`) and `lengthM` 0
 * @throws {@link ContestedError} `invalid-input` when `map` is not a
 *   FeatureCollection, the two sides are the same, or `tolerance` is not a
 *   positive number; `invalid-geometry` for non-finite or out-of-range
 *   coordinates
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * const square = (x: number, side: string) => ({
 *   type: 'Feature' as const,
 *   properties: { status: 'controlled' as const, side },
 *   geometry: { type: 'Polygon' as const, coordinates: [[[x, 48], [x + 0.1, 48], [x + 0.1, 48.1], [x, 48.1], [x, 48]]] },
 * });
 * const front = frontLine({ type: 'FeatureCollection', features: [square(37, 'UA'), square(37.1, 'RU')] }, ['UA', 'RU']);
 * front.geometry.coordinates;
 * //=> [[[37.1, 48], [37.1, 48.1]]]
 * front.properties.lengthM;
 * //=> 11_119.1… (metres)
 * ```
 */
export function frontLine(map: FrontLineMap, sides: readonly [string, string], options: FrontLineOptions = {}): FrontLine {
  const [sideA, sideB] = checkArguments(map, sides, options);
  const tolerance = options.tolerance ?? 1e-7;
  const layers = readLayers(map, sideA, sideB);
  const border = options.within === undefined ? null : readWithin(isAreaRef(options.within) ? resolveArea({ places: options.places }, options.within) : options.within);
  const all = [...layers.a, ...layers.b, ...layers.zone, ...(border?.edges ?? [])];
  const grid = new EdgeGrid(all, tolerance);
  const pieces: Piece[] = [];
  const lengthBySideM: Record<string, number> = { [sideA]: 0, [sideB]: 0 };
  for (const [own, other, name] of [[layers.a, layers.b, sideA], [layers.b, layers.a, sideB]] as const) {
    for (const edge of own) {
      const facing = coverage(edge, other, grid, tolerance);
      const zone = coverage(edge, layers.zone, grid, tolerance);
      let front = union([...facing, ...zone], tolerance / edge.length);
      if (front.length === 0) continue;
      if (border !== null) front = insideWithin(edge, front, border, grid, tolerance);
      lengthBySideM[name]! += front.reduce((sum, [t0, t1]) => sum + edgeLengthM(edge, t0, t1), 0);
      // Direct contact is drawn once, from sideA's edge.
      const direct = name === sideA ? intersect(front, facing) : [];
      const drawn = name === sideA ? subtract(front, direct) : subtract(front, facing);
      for (const [t0, t1] of direct) pieces.push(piece(edge, t0, t1, `${sideA}\u0000${sideB}`));
      for (const [t0, t1] of drawn) pieces.push(piece(edge, t0, t1, name));
    }
  }
  return toFeature(chain(pieces), [sideA, sideB], lengthBySideM, options.stroke ?? '#d62728');
}

function checkArguments(map: FrontLineMap, sides: readonly [string, string], options: FrontLineOptions): [string, string] {
  const problem = (path: (string | number)[], message: string): ContestedError =>
    new ContestedError('invalid-input', [{ code: 'invalid-type', path, message }]);
  if (map === null || typeof map !== 'object' || !Array.isArray((map as { features?: unknown }).features)) {
    throw problem(['map'], 'expected a control map: a FeatureCollection with a `features` array');
  }
  const [sideA, sideB] = Array.isArray(sides) ? sides : [];
  if (typeof sideA !== 'string' || typeof sideB !== 'string' || sideA === sideB) {
    throw problem(['sides'], 'expected two different side ids, e.g. [\'UA\', \'RU\']');
  }
  const { tolerance } = options;
  if (tolerance !== undefined && !(typeof tolerance === 'number' && tolerance > 0 && Number.isFinite(tolerance))) {
    throw problem(['options', 'tolerance'], `tolerance must be a positive number of degrees (default 1e-7); got ${String(tolerance)}`);
  }
  return [sideA, sideB];
}

interface Layers {
  a: Edge[];
  b: Edge[];
  zone: Edge[];
}

function readLayers(map: FrontLineMap, sideA: string, sideB: string): Layers {
  const layers: Layers = { a: [], b: [], zone: [] };
  map.features.forEach((feature, index) => {
    const properties = feature?.properties;
    if (properties === null || properties === undefined || feature.geometry === null) return;
    const layer = layerOf(properties, sideA, sideB);
    if (layer === null) return;
    for (const polygon of polygonsOf(feature as GeometryInput, 'skip', ['map', 'features', index])) {
      polygon.rings.forEach((ring, r) => addRing(layers[layer], ring, [...polygon.path, r], layer));
    }
  });
  return layers;
}

function layerOf(properties: FrontLineRegion, sideA: string, sideB: string): keyof Layers | null {
  const { status, side, sides } = properties;
  if (status === 'controlled') return side === sideA ? 'a' : side === sideB ? 'b' : null;
  if (status === 'advancing') return side === sideA || side === sideB ? 'zone' : null;
  if (status === 'contested') {
    return sides === undefined || sides.length === 0 || sides.includes(sideA) || sides.includes(sideB) ? 'zone' : null;
  }
  return null;
}

function isAreaRef(within: AreaLike): within is AreaRef {
  return typeof within === 'string' || !('type' in within);
}

