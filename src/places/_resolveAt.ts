/**
 * The evaluation behind `resolveArea`, for callers that read an area
 * expression out of a larger input (a claim's `area` inside a dataset) and
 * want every error's path to start at it: place look-ups, splits by lines,
 * and the set operations, each re-rooting the paths of the geometry errors
 * it raises at the sub-expression that raised them.
 */
import type { MultiPolygon } from 'geojson';
import { rerooted } from '../_lib/reroot.js';
import { ContestedError, type IssuePath } from '../errors/index.js';
import { areaCoordinates, difference, intersection, multiPolygon, union } from '../geometry/boolean.js';
import { clip } from '../geometry/_engine.js';
import { keepSideOfLine, type LineInput } from '../geometry/split.js';
import type { LineGeometry } from '../geometry/schema.js';
import { MAX_AREA_DEPTH, areaRefDepth, checkAreaNode, type AreaRef, type LineRef } from './areaRef.js';
import type { PlacesOf } from './resolveArea.js';
import type { Place } from './schema.js';
import { datasetArg } from '../_lib/args.js';
import { quote, word } from '../_lib/quote.js';

/**
 * {@link resolveArea} for an expression found at `path` in a larger input
 * (`[3, 'area']` for the area of the fourth claim): every error's path
 * starts there.
 */
export function resolveAreaAt(dataset: PlacesOf, area: AreaRef, path: IssuePath): MultiPolygon {
  if (areaRefDepth(area) > MAX_AREA_DEPTH) {
    throw new ContestedError('limit-exceeded', [{ code: 'too-deep', path, message: `area expression nests deeper than ${MAX_AREA_DEPTH} levels` }]);
  }
  datasetArg(dataset, ['places']);
  const places = new Map<string, Place>();
  for (const place of dataset.places ?? []) if (!places.has(place.id)) places.set(place.id, place);
  return evaluate({ places, byObject: new Map(), byId: new Map() }, area, path);
}

/**
 * What one resolution knows: the places by id, and every sub-expression
 * already resolved, by identity (and place ids by id), so that an
 * expression naming one sub-expression at many places resolves it once —
 * 40 levels of `{ union: [x, x] }` are 40 unions, not 2^40.
 */
interface Resolving {
  places: ReadonlyMap<string, Place>;
  byObject: Map<object, MultiPolygon>;
  byId: Map<string, MultiPolygon>;
}

function evaluate(at: Resolving, ref: AreaRef, path: IssuePath): MultiPolygon {
  checkAreaNode(ref, path);
  const memo = typeof ref === 'string' ? at.byId.get(ref) : at.byObject.get(ref);
  if (memo !== undefined) return memo;
  const area = evaluateOnce(at, ref, path);
  if (typeof ref === 'string') at.byId.set(ref, area);
  else at.byObject.set(ref, area);
  return area;
}

function evaluateOnce(at: Resolving, ref: AreaRef, path: IssuePath): MultiPolygon {
  const places = at.places;
  if (typeof ref === 'string') return placeArea(places, ref, path);
  // Read through areaCoordinates rather than union(), so that a bad coordinate is reported where it is.
  if ('geometry' in ref) return multiPolygon(clip('union', [areaCoordinates(ref.geometry, [...path, 'geometry'])]));
  if ('split' in ref) {
    const { area, line, keep } = ref.split;
    const ground = evaluate(at, area, [...path, 'split', 'area']);
    const cutBy = lineOf(places, line, [...path, 'split', 'line']);
    return rerooted([...path, 'split'], () => keepSideOfLine(ground, cutBy, keep));
  }
  if ('union' in ref) return union(ref.union.map((r, i) => evaluate(at, r, [...path, 'union', i])));
  if ('intersection' in ref) return intersection(...ref.intersection.map((r, i) => evaluate(at, r, [...path, 'intersection', i])));
  const from = evaluate(at, ref.difference.area, [...path, 'difference', 'area']);
  return difference(from, evaluate(at, ref.difference.minus, [...path, 'difference', 'minus']));
}

function placeArea(places: ReadonlyMap<string, Place>, id: string, path: IssuePath): MultiPolygon {
  const g = placeGeometry(places, id, path);
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw wrongKind(id, g.type, 'an area (Polygon or MultiPolygon)', path);
  return union(g);
}

function lineOf(places: ReadonlyMap<string, Place>, ref: LineRef, path: IssuePath): LineInput {
  if (typeof ref !== 'string') return ref as LineGeometry;
  const g = placeGeometry(places, ref, path);
  if (g.type !== 'LineString' && g.type !== 'MultiLineString') throw wrongKind(ref, g.type, 'a line to split by', path);
  return g;
}

function placeGeometry(places: ReadonlyMap<string, Place>, id: string, path: IssuePath): Place['geometry'] {
  const place = places.get(id);
  if (place === undefined) {
    throw new ContestedError('not-found', [{ code: 'unknown-reference', path, message: `${quote(id)} is not the id of any place` }]);
  }
  return place.geometry;
}

function wrongKind(id: string, type: string, wanted: string, path: IssuePath): ContestedError {
  return new ContestedError('invalid-geometry', [{ code: 'wrong-place-kind', path, message: `place ${quote(id)} is a ${word(type)}, not ${wanted}` }]);
}

