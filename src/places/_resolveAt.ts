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
import { clip, type MultiPolygon2 } from '../geometry/_engine.js';
import type { Box } from '../geometry/_crop.js';
import { areaKm2 } from '../geometry/measure.js';
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
  return new AreaResolver(dataset).resolve(area, path);
}

/**
 * Resolves many area expressions over one list of places — the claims of
 * one call, of one claimant or of several — each place and each
 * sub-expression once: by place id, and by identity for expression objects
 * (so 40 levels of `{ union: [x, x] }` are 40 unions, not 2^40).
 *
 * With `crop`, every area is resolved only as far as it reaches into that
 * box (padded by 1e-6°; see `geometry/_crop.ts`): a claim on half a country
 * costs what lies near the frame, not the country. Each place and inline
 * geometry is checked whole (a problem anywhere in it is refused as
 * without the box), then cut to the box before it is normalised; union,
 * intersection and difference then work on the cut operands, which leaves
 * their result inside the box unchanged (intersection distributes over
 * each). A `split` is cut whole and its result cropped: where the line
 * runs, and whether it divides its area at all, is a property of the whole
 * area, not of the part in the box.
 */
export class AreaResolver {
  private places: ReadonlyMap<string, Place> | undefined;
  private readonly byObject = new Map<object, MultiPolygon>();
  private readonly byId = new Map<string, MultiPolygon>();
  private readonly sizes = new Map<unknown, number>();
  private wholeResolver: AreaResolver | undefined;

  /**
   * @param dataset - where place ids are looked up (its `places` are checked on first use)
   * @param crop - resolve only what lies in this box
   */
  constructor(
    private readonly dataset: PlacesOf,
    readonly crop?: Box,
  ) {}

  /** The ground an area expression found at `path` names (inside `crop` when given). */
  resolve(area: AreaRef, path: IssuePath): MultiPolygon {
    checkDepth(area, path);
    return this.evaluate(area, path);
  }

  /**
   * An inline geometry (`{ geometry }`), read and checked as
   * {@link resolve} reads it (inside `crop` when given) but not yet
   * dissolved: the engine's operand, for a caller that cuts it at once (the
   * cut dissolves it in the same run, filling by the same rule).
   * `undefined` for any other expression, which {@link resolve} then
   * evaluates. Not memoised: the caller keeps what it makes of it.
   */
  operand(area: AreaRef, path: IssuePath): MultiPolygon2 | undefined {
    if (typeof area !== 'object' || area === null || !('geometry' in area)) return undefined;
    // The same checks as resolve's, in the same order: a frame changes no error.
    checkDepth(area, path);
    this.placesById();
    checkAreaNode(area, path);
    return areaCoordinates(area.geometry, [...path, 'geometry'], this.crop);
  }

  /**
   * How large an area is for the one ordering of claims (the smaller, more
   * specific area wins a tie in time), km², measured on the whole area
   * whatever `crop` is: `areaKm2` of an inline geometry or a place's
   * geometry as given (signed areas: a ring that crosses itself cancels its
   * lobes, overlapping parts count twice; reading it as the overlays do
   * cost half the time of a comparison of eight claimants, see the
   * geometry guide), and of the resolved ground of an expression. Call it after {@link resolve} has accepted the
   * area.
   */
  rankKm2(area: AreaRef, path: IssuePath): number {
    const key = typeof area === 'string' ? `p${area}` : area;
    const known = this.sizes.get(key);
    if (known !== undefined) return known;
    let km2: number;
    if (typeof area === 'string') {
      const g = placeGeometry(this.placesById(), area, path);
      if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw wrongKind(area, g.type, 'an area (Polygon or MultiPolygon)', path);
      km2 = areaKm2(g);
    }
    else if ('geometry' in area) km2 = areaKm2(area.geometry);
    else {
      this.wholeResolver ??= this.crop === undefined ? this : new AreaResolver(this.dataset);
      km2 = areaKm2(this.wholeResolver.resolve(area, path));
    }
    this.sizes.set(key, km2);
    return km2;
  }

  private placesById(): ReadonlyMap<string, Place> {
    if (this.places === undefined) {
      datasetArg(this.dataset, ['places']);
      const places = new Map<string, Place>();
      for (const place of this.dataset.places ?? []) if (!places.has(place.id)) places.set(place.id, place);
      this.places = places;
    }
    return this.places;
  }

  private evaluate(ref: AreaRef, path: IssuePath): MultiPolygon {
    const places = this.placesById();
    checkAreaNode(ref, path);
    const memo = typeof ref === 'string' ? this.byId.get(ref) : this.byObject.get(ref);
    if (memo !== undefined) return memo;
    const area = this.evaluateOnce(places, ref, path);
    if (typeof ref === 'string') this.byId.set(ref, area);
    else this.byObject.set(ref, area);
    return area;
  }

  private evaluateOnce(places: ReadonlyMap<string, Place>, ref: AreaRef, path: IssuePath): MultiPolygon {
    if (typeof ref === 'string') return placeArea(places, ref, path, this.crop);
    // Read through areaCoordinates rather than union(), so that a bad coordinate is reported where it is.
    if ('geometry' in ref) return multiPolygon(clip('union', [areaCoordinates(ref.geometry, [...path, 'geometry'], this.crop)]));
    if ('split' in ref) {
      if (this.crop !== undefined) {
        this.wholeResolver ??= new AreaResolver(this.dataset);
        const whole = this.wholeResolver.evaluate(ref, path);
        return multiPolygon(clip('union', [areaCoordinates(whole, path, this.crop)]));
      }
      const { area, line, keep } = ref.split;
      const ground = this.evaluate(area, [...path, 'split', 'area']);
      const cutBy = lineOf(places, line, [...path, 'split', 'line']);
      return rerooted([...path, 'split'], () => keepSideOfLine(ground, cutBy, keep));
    }
    if ('union' in ref) return union(ref.union.map((r, i) => this.evaluate(r, [...path, 'union', i])));
    if ('intersection' in ref) return intersection(...ref.intersection.map((r, i) => this.evaluate(r, [...path, 'intersection', i])));
    const from = this.evaluate(ref.difference.area, [...path, 'difference', 'area']);
    return difference(from, this.evaluate(ref.difference.minus, [...path, 'difference', 'minus']));
  }
}

function placeArea(places: ReadonlyMap<string, Place>, id: string, path: IssuePath, crop: Box | undefined): MultiPolygon {
  const g = placeGeometry(places, id, path);
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw wrongKind(id, g.type, 'an area (Polygon or MultiPolygon)', path);
  // As union(g) reads it (errors at [0, …]), cut to the box when there is one.
  return crop === undefined ? union(g) : multiPolygon(clip('union', [areaCoordinates(g, [0], crop)]));
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

/** Refuses an area expression nested deeper than {@link MAX_AREA_DEPTH} levels (a cycle included), as every reading of one does first. */
function checkDepth(area: AreaRef, path: IssuePath): void {
  if (areaRefDepth(area) > MAX_AREA_DEPTH) {
    throw new ContestedError('limit-exceeded', [{ code: 'too-deep', path, message: `area expression nests deeper than ${MAX_AREA_DEPTH} levels` }]);
  }
}

