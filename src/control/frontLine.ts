/**
 * The line of contact between two sides of a control map, counted once:
 * where one side's ground meets the other's directly, or across contested
 * ground that lies between them.
 *
 * Rules. A side's *ground* is its `controlled` regions. The *zone* between
 * the two sides is every `contested` region (whose `sides`, when given, name
 * at least one of the two) and every `advancing` region of either side:
 * ground where a side operates without holding it is not yet that side's.
 * Zone regions are joined into components through shared boundaries, and a
 * component counts only when it touches both sides' ground: a gray pocket
 * inside one side's ground is no front. Each side's *forward edge* is the
 * part of its ground's boundary that touches the other side's ground or a
 * zone component between them.
 *
 * The line is drawn once. Where the sides touch directly their forward
 * edges are one line. Across a zone, the line follows the forward edge of
 * one side, `along` (the first of the two by default): the zone's edge on
 * that side, not both of its edges, and no invented centre line — the other
 * side's edge is measured in `lengthBySideM`. `directM` and
 * `acrossContestedM` split the length between the two cases.
 *
 * Not front: edges on the boundary of `within` (a border, a coastline) or
 * outside it; stretches within `borderM` metres (default 2,000) of that
 * boundary, where a detailed map laid on a coarser border leaves thin strips
 * of "ground" between the two; gaps narrower than `gapM` metres (default
 * 100) between one side's own regions, closed first so that two classes of
 * one side drawn a few metres apart do not put a front on each side of the
 * gap; and edges where a side's ground meets unclaimed ground.
 *
 * Checked on DeepState's maps of 2025-07-01 and 2025-12-01 with Ukraine's
 * boundary as `within`: 1,423 and 1,516 km along Russia's edge (1,361 and
 * 1,495 km along Ukraine's), inside the 1,330–1,520 km that independent
 * measurements of the line of contact give; the same rules written with GEOS
 * (buffers in a metric projection) give 1,430 and 1,516 km.
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
import { quote } from '../_lib/quote.js';
import { polygonsOf, type GeometryInput, type LocatedPolygon } from '../geometry/_input.js';
import { partsUnited } from '../geometry/_operand.js';
import { areaCoordinates } from '../geometry/boolean.js';
import { assertNoOverlap, type CheckedRegion } from '../overlay/mapCheck.js';
import { boxOf } from '../overlay/regions.js';
import { builtByControlMap } from './controlMap.js';
import type { ControlMap, ControlRegionProperties } from './types.js';
import { addRing, EdgeGrid, edgeLengthM, type Edge } from './_frontEdges.js';
import { coverage, insideWithin, intersect, readWithin, subtract, union, type Intervals } from './_frontIntervals.js';
import { markPockets, MetricEdges } from './_frontReach.js';
import { chain, piece, toFeature, type Piece } from './_frontChains.js';

/**
 * Options of {@link frontLine}.
 *
 * @category Claims & diffs
 */
export interface FrontLineOptions {
  /**
   * The area the front lies in: edges on its boundary (an international
   * border, a coastline), within `borderM` of it, and outside it are not
   * front. A Polygon, MultiPolygon, a Feature or FeatureCollection of them,
   * or an area expression over `places`. Several polygons (oblasts as a
   * FeatureCollection) are read as their union: the borders between them
   * are not its boundary.
   */
  within?: AreaLike;
  /** Places that an area expression in `within` names, typically `dataset.places`. */
  places?: readonly Place[];
  /**
   * The side whose forward edge the line follows across contested ground
   * (where the sides meet directly, their edges are one line). Default: the
   * first of `sides`.
   */
  along?: string;
  /**
   * Stretches of a side's boundary closer than this many metres to the
   * boundary of `within` are not front. Default `2000`: a detailed map laid
   * on a coarser border or coastline leaves strips up to several hundred
   * metres wide between them, which are no line of contact. A front that
   * meets the boundary head-on therefore stops `borderM` short of it. When
   * `within` is a frame of your own (a city, a district) rather than a
   * coarse border around a detailed map, pass `0`: then only stretches on
   * the boundary itself are left out.
   */
  borderM?: number;
  /**
   * Gaps narrower than this many metres between one side's own regions
   * (and slivers of one side this narrow) are closed before the front is
   * drawn. Default `100`: two classes of one side drawn a few metres apart
   * do not make a front on each side of the gap. `0` closes nothing.
   */
  gapM?: number;
  /**
   * How far apart, in degrees, two boundaries may run and still count as
   * one (shared). Default `1e-7` (about 1 cm); raise it for maps drawn by hand.
   * Keep it at or above `1e-9` (0.1 mm): a side's overlapping parts, and a
   * frame of several polygons, are read as their union on the engine's grid
   * of 1e-9° or finer, so their vertices may move by up to that much.
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
  /** The side whose forward edge the line follows across contested ground. */
  along: string;
  /** Geodesic length of the line, metres (every stretch counted once): `directM + acrossContestedM`. */
  lengthM: number;
  /** The same, in kilometres. */
  lengthKm: number;
  /** Metres of the line where the two sides' ground meets directly. */
  directM: number;
  /** Metres of the line that run along `along`'s edge facing contested or advancing ground between the sides. */
  acrossContestedM: number;
  /**
   * Geodesic length of each side's forward edge, metres, by the same rules:
   * the boundary of its ground facing the other side's ground or the zone
   * between them. The line follows `along`'s.
   */
  lengthBySideM: Record<string, number>;
  /**
   * For each LineString of the geometry, in order, the side(s) whose ground
   * it bounds: both where they meet directly, `along` alone across the zone.
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
 * The line of contact between `sideA` and `sideB` on a control map, counted
 * once.
 *
 * Returns one Feature whose MultiLineString holds the line (see the module
 * comment for the rules), consecutive stretches merged into long
 * LineStrings. Where the sides' ground meets directly the line is that
 * shared boundary; across contested ground between them it follows the
 * forward edge of `options.along` (default: the first side). Gray pockets
 * that touch one side only, stretches within `borderM` of the boundary of
 * `within`, and gaps narrower than `gapM` in one side's own ground are not
 * front. Lengths are geodesic (GeographicLib, WGS84).
 *
 * @param map - a {@link ControlMap}, or any FeatureCollection of
 *   Polygon/MultiPolygon features carrying `status`, `side`, `sides`
 * @param sides - the two sides, e.g. `['UA', 'RU']`
 * @param options - `within`, `along`, `borderM`, `gapM`, `tolerance`, `stroke`
 * @returns the front; when the map is empty, a side holds no ground, or
 *   the sides do not meet, a Feature with an empty MultiLineString
 *   (`coordinates: []`) and `lengthM` 0
 * @throws {@link ContestedError} `invalid-input` when `map` is not a
 *   FeatureCollection, the two sides are the same, `along` is neither side,
 *   or `tolerance`, `borderM` or `gapM` is not a number ≥ 0 (`tolerance`
 *   > 0), or when two of the map's regions that take part in the front
 *   overlap beyond a sliver of about 1 cm (`overlapping-regions`, naming
 *   both; a map {@link controlMap} built is disjoint and not checked again
 *   while its features are the ones it returned, unedited);
 *   `invalid-geometry` for
 *   non-finite or out-of-range coordinates
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
 * front.properties.directM === front.properties.lengthM;
 * //=> true
 * ```
 */
export function frontLine(map: FrontLineMap, sides: readonly [string, string], options: FrontLineOptions = {}): FrontLine {
  const { sideA, sideB, along, tolerance, borderM, gapM } = checkArguments(map, sides, options);
  checkDisjoint(map, sideA, sideB);
  const layers = readLayers(map, sideA, sideB);
  const border = options.within === undefined ? null : readWithin(isAreaRef(options.within) ? resolveArea({ places: options.places }, options.within) : options.within);
  const all = [...layers.a, ...layers.b, ...layers.zone, ...(border?.edges ?? [])];
  const grid = new EdgeGrid(all, tolerance);
  markPockets(layers.zone, grid, tolerance, layers.advancing);
  const metric = gapM > 0 || (border !== null && borderM > 0) ? new MetricEdges(all, Math.max(gapM, border === null ? 0 : borderM)) : null;
  // First what each edge faces, so that the gap rule can ask it of the far edge of a sliver.
  const facing = new Map<number, Intervals>();
  const raw = new Map<number, Intervals>();
  for (const [own, otherLayer] of [[layers.a, 'b'], [layers.b, 'a']] as const) {
    for (const edge of own) {
      const other = coverage(edge, otherLayer, grid, tolerance);
      const front = union([...other, ...coverage(edge, 'zone', grid, tolerance)], tolerance / edge.length);
      if (front.length === 0) continue;
      facing.set(edge.id, other);
      raw.set(edge.id, front);
    }
  }
  const facesFront = (id: number): boolean => raw.has(id);
  const pieces: Piece[] = [];
  const lengthBySideM: Record<string, number> = { [sideA]: 0, [sideB]: 0 };
  let directM = 0;
  let acrossContestedM = 0;
  for (const [own, name] of [[layers.a, sideA], [layers.b, sideB]] as const) {
    for (const edge of own) {
      let front = raw.get(edge.id);
      if (front === undefined) continue;
      if (metric !== null && gapM > 0) front = subtract(front, metric.gaps(edge.id, gapM, facesFront));
      if (border !== null) {
        front = insideWithin(edge, front, border, grid, tolerance);
        if (borderM > 0) front = subtract(front, metric!.near(edge.id, 'border', borderM));
      }
      const lengthOf = (intervals: Intervals): number => intervals.reduce((sum, [t0, t1]) => sum + edgeLengthM(edge, t0, t1), 0);
      lengthBySideM[name]! += lengthOf(front);
      if (name !== along) continue;
      // Direct contact is one line, drawn from `along`'s edge; so is the zone's edge on its side.
      const direct = intersect(front, facing.get(edge.id)!);
      const across = subtract(front, direct);
      directM += lengthOf(direct);
      acrossContestedM += lengthOf(across);
      for (const [t0, t1] of direct) pieces.push(piece(edge, t0, t1, `${sideA}\u0000${sideB}`));
      for (const [t0, t1] of across) pieces.push(piece(edge, t0, t1, name));
    }
  }
  return toFeature(chain(pieces), { sides: [sideA, sideB], along, lengthBySideM, directM, acrossContestedM, stroke: options.stroke ?? '#d62728' });
}

interface Checked {
  sideA: string;
  sideB: string;
  along: string;
  tolerance: number;
  borderM: number;
  gapM: number;
}

function checkArguments(map: FrontLineMap, sides: readonly [string, string], options: FrontLineOptions): Checked {
  const problem = (path: (string | number)[], message: string): ContestedError =>
    new ContestedError('invalid-input', [{ code: 'invalid-type', path, message }]);
  if (map === null || typeof map !== 'object' || !Array.isArray((map as { features?: unknown }).features)) {
    throw problem(['map'], 'expected a control map: a FeatureCollection with a `features` array');
  }
  const [sideA, sideB] = Array.isArray(sides) ? sides : [];
  if (typeof sideA !== 'string' || typeof sideB !== 'string' || sideA === sideB) {
    throw problem(['sides'], 'expected two different side ids, e.g. [\'UA\', \'RU\']');
  }
  const { tolerance = 1e-7, borderM = 2000, gapM = 100, along = sideA } = options;
  if (!(typeof tolerance === 'number' && tolerance > 0 && Number.isFinite(tolerance))) {
    throw problem(['options', 'tolerance'], `tolerance must be a positive number of degrees (default 1e-7); got ${quote(tolerance)}`);
  }
  for (const [key, value, fallback] of [['borderM', borderM, 2000], ['gapM', gapM, 100]] as const) {
    if (!(typeof value === 'number' && value >= 0 && Number.isFinite(value))) {
      throw problem(['options', key], `${key} must be a number of metres ≥ 0 (default ${fallback}); got ${quote(value)}`);
    }
  }
  if (along !== sideA && along !== sideB) {
    throw problem(['options', 'along'], `along must be one of the two sides, '${sideA}' or '${sideB}'; got ${quote(along)}`);
  }
  const { within } = options as { within?: unknown };
  if (within !== undefined && typeof within !== 'string' && (within === null || typeof within !== 'object')) {
    throw problem(['options', 'within'], `within must be an area: a place id, an area expression or a GeoJSON geometry; got ${quote(within)}`);
  }
  return { sideA, sideB, along, tolerance, borderM, gapM };
}

interface Layers {
  a: Edge[];
  b: Edge[];
  zone: Edge[];
  /** The zone polygons (by group) where one of the sides advances: that side's presence. */
  advancing: Map<number, 'a' | 'b'>;
}

function readLayers(map: FrontLineMap, sideA: string, sideB: string): Layers {
  const layers: Layers = { a: [], b: [], zone: [], advancing: new Map() };
  let groups = 0;
  map.features.forEach((feature, index) => {
    const properties = feature?.properties;
    if (properties === null || properties === undefined || feature.geometry === null) return;
    const layer = layerOf(properties, sideA, sideB);
    if (layer === null) return;
    for (const polygon of groundOnce(polygonsOf(feature as GeometryInput, 'skip', ['map', 'features', index]), ['map', 'features', index, 'geometry'])) {
      const group = groups++;
      if (properties.status === 'advancing') layers.advancing.set(group, properties.side === sideA ? 'a' : 'b');
      polygon.rings.forEach((ring, r) => addRing(layers[layer], ring, [...polygon.path, r], layer, group, r > 0));
    }
  });
  return layers;
}

/**
 * A feature's polygons with the parts that overlap united, as every overlay
 * reads them: a part repeated, or overlapping another, put the same edge
 * in twice, and the front along it came out twice as long, or not at all
 * (its twin read as a gap of the side's own ground; audit). Parts that do
 * not overlap are read as given.
 */
function groundOnce(located: readonly LocatedPolygon[], path: (string | number)[]): readonly LocatedPolygon[] {
  if (located.length < 2) return located;
  const read = located.map((polygon) => polygon.rings.map((ring) => ring.map((p): [number, number] => [p[0]!, p[1]!])));
  const united = partsUnited(read);
  return united === read ? located : united.map((rings) => ({ rings, path }));
}

/**
 * A map from elsewhere than {@link controlMap} may overlap itself, and then
 * the same ground faces the front twice; the regions that take part in the
 * front (each side's and the zone between them) are checked as every
 * function that takes a control map checks them.
 */
function checkDisjoint(map: FrontLineMap, sideA: string, sideB: string): void {
  if (builtByControlMap(map)) return;
  const regions: CheckedRegion[] = [];
  map.features.forEach((feature, index) => {
    const properties = feature?.properties;
    const geometry = feature?.geometry;
    if (properties === null || properties === undefined || geometry === null || geometry === undefined) return;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return;
    if (layerOf(properties, sideA, sideB) === null) return;
    const coords = areaCoordinates(geometry, ['map', 'features', index, 'geometry']);
    if (coords.length > 0) regions.push({ coords, box: boxOf(coords), path: ['map', 'features', index], id: typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : undefined });
  });
  assertNoOverlap(regions, 'map');
}

function layerOf(properties: FrontLineRegion, sideA: string, sideB: string): 'a' | 'b' | 'zone' | null {
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

