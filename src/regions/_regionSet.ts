/**
 * A set of named regions (oblasts, raions …) prepared once for many
 * breakdowns: each region's name, geometry, bounding box and km², and the
 * union of all of them, which says how much ground falls in no region.
 * Prepared sets are cached per input collection, so a history that breaks
 * 768 steps down by oblast reads and unions the oblasts once.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { ContestedError } from '../errors/index.js';
import { areaKm2, intersection, union } from '../geometry/index.js';
import { areaCoordinates } from '../geometry/boolean.js';
import { clip, gridScaleNow, onGrid, type MultiPolygon2 } from '../geometry/_engine.js';
import { objectArg } from '../_lib/args.js';
import { quote } from '../_lib/quote.js';

/** West, south, east, north. */
export type Box = readonly [number, number, number, number];

export interface PreparedRegion {
  name: string;
  geometry: Polygon | MultiPolygon;
  box: Box;
  km2: number;
}

export interface RegionSet {
  regions: PreparedRegion[];
  /** The union of every region, for the ground in none of them. */
  all: MultiPolygon;
  allBox: Box;
}

const cache = new WeakMap<object, Map<string, RegionSet>>();

/** Checks and prepares `regions`, labelling each by `nameProperty`; errors point into `regions`. */
export function prepareRegions(regions: FeatureCollection<Polygon | MultiPolygon>, nameProperty: string): RegionSet {
  const collection = objectArg(regions, ['regions'], 'a FeatureCollection of regions');
  const byName = cache.get(collection);
  const hit = byName?.get(nameProperty);
  if (hit !== undefined) return hit;
  const features = collection['features'];
  if (collection['type'] !== 'FeatureCollection' || !Array.isArray(features)) {
    throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: ['regions'], message: 'expected a GeoJSON FeatureCollection of Polygon or MultiPolygon regions' }]);
  }
  const prepared = (features as unknown[]).map((feature, index) => prepareOne(feature, index, nameProperty));
  const all = prepared.length === 0 ? { type: 'MultiPolygon' as const, coordinates: [] } : union(...prepared.map((r) => r.geometry));
  const set: RegionSet = { regions: prepared, all, allBox: boxOf(all) };
  if (byName === undefined) cache.set(collection, new Map([[nameProperty, set]]));
  else byName.set(nameProperty, set);
  return set;
}

function prepareOne(value: unknown, index: number, nameProperty: string): PreparedRegion {
  const path = ['regions', 'features', index];
  const feature = objectArg(value, path, 'a GeoJSON Feature') as unknown as Feature;
  const geometry = feature.geometry as Feature['geometry'] | undefined;
  if (geometry === null || geometry === undefined || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: [...path, 'geometry'], message: 'a region is a Polygon or MultiPolygon' }]);
  }
  const name = (feature.properties ?? {})[nameProperty] as unknown;
  if (typeof name !== 'string' || name === '') {
    throw new ContestedError('invalid-input', [
      { code: 'invalid-type', path: [...path, 'properties', nameProperty], message: `every region needs a non-empty string property ${quote(nameProperty)} to name its row (options.nameProperty)` },
    ]);
  }
  // Read first, as every area is read: a bad coordinate is refused with its path (not a TypeError in the box below).
  const read = areaCoordinates(geometry, [...path, 'geometry']);
  return { name, geometry, box: boxOf(geometry), km2: geometry.type === 'MultiPolygon' && geometry.coordinates.length > 1 ? groundKm2Of(read) : areaKm2(geometry) };
}

/**
 * km² of the ground a polygonal geometry covers: parts that overlap count
 * once, read as their union as every overlay reads them (`areaKm2` counts
 * each part, as it documents). A region of a square and its own east half
 * had a row of 124.3 km² over 82.9 km² of ground, and every share in it a
 * third too small (audit).
 */
function groundKm2(geometry: Polygon | MultiPolygon): number {
  if (geometry.type === 'Polygon' || geometry.coordinates.length < 2) return areaKm2(geometry);
  return groundKm2Of(areaCoordinates(geometry));
}

/** km² of coordinates as read (overlapping parts already united), their parts united with any they share an edge with. */
function groundKm2Of(read: MultiPolygon2): number {
  return areaKm2({ type: 'MultiPolygon', coordinates: clip('union', [read]) });
}

/** A Polygon or MultiPolygon of a map or change, as a MultiPolygon; anything else is refused at `path`. */
export function polygonal(value: unknown, path: (string | number)[]): MultiPolygon {
  const geometry = objectArg(value, path, 'a Polygon or MultiPolygon');
  if ((geometry['type'] !== 'Polygon' && geometry['type'] !== 'MultiPolygon') || !Array.isArray(geometry['coordinates'])) {
    throw new ContestedError('invalid-input', [{ code: 'invalid-type', path, message: 'expected a Polygon or MultiPolygon' }]);
  }
  return geometry['type'] === 'Polygon' ? { type: 'MultiPolygon', coordinates: [geometry['coordinates'] as Position[][]] } : (geometry as unknown as MultiPolygon);
}

/** The bounding box of a polygonal geometry. */
export function boxOf(geometry: Polygon | MultiPolygon): Box {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x! < w) w = x!;
      if (x! > e) e = x!;
      if (y! < s) s = y!;
      if (y! > n) n = y!;
    }
  }
  return [w, s, e, n];
}

export function boxesMeet(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * How much of `piece` lies in each region (indexed like `set.regions`, 0
 * where it misses), and how much lies in none. The rows together exceed
 * the piece by the ground two regions both cover: `overlapKm2`. What lies
 * in none is the piece's area less what lies inside, the piece measured as
 * the engine's runs read it (its vertices rounded to their grid): a piece on
 * a finer grid than the runs' (a local map counted by oblast) would
 * otherwise report the rounding as ground outside every region. So rows −
 * overlap + unassigned is the piece's area on that grid; a difference below
 * zero is the area sums' own rounding (1e-12 of the piece) and counts 0.
 * The piece's parts, where they overlap, count once (see `groundKm2`).
 */
export function splitByRegions(piece: MultiPolygon, set: RegionSet): { perRegion: number[]; unassignedKm2: number; overlapKm2: number } {
  // areaKm2 first: it checks the coordinates, so malformed input is a ContestedError, not a TypeError below.
  const raw = areaKm2(piece);
  const box = boxOf(piece);
  const scale = gridScaleNow([Math.min(box[0], set.allBox[0]), Math.min(box[1], set.allBox[1]), Math.max(box[2], set.allBox[2]), Math.max(box[3], set.allBox[3])]);
  const total = boxesMeet(box, set.allBox) ? groundKm2(roundedTo(piece, scale)) : piece.coordinates.length > 1 ? groundKm2(piece) : raw;
  const perRegion = set.regions.map((region) => (boxesMeet(box, region.box) ? areaKm2(intersection(piece, region.geometry)) : 0));
  const inside = boxesMeet(box, set.allBox) ? areaKm2(intersection(piece, set.all)) : 0;
  const counted = perRegion.reduce((sum, km2) => sum + km2, 0);
  return { perRegion, unassignedKm2: Math.max(0, total - inside), overlapKm2: Math.max(0, counted - inside) };
}

/** A polygonal geometry with every vertex rounded to the grid of 1 / `scale` degrees, as the engine reads it. */
function roundedTo(piece: MultiPolygon, scale: number): MultiPolygon {
  const round = (v: number): number => onGrid(v, scale) / scale;
  return { type: 'MultiPolygon', coordinates: piece.coordinates.map((polygon) => polygon.map((ring) => ring.map((p) => [round(p[0]!), round(p[1]!)]))) };
}
