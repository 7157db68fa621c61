/**
 * Reading GeoJSON into the shapes the SVG writer draws: areas (rings, holes
 * included), lines and points, each with its simplestyle colours and title.
 * Structure is checked by the geometry layer's own reader, so a bad input
 * is refused with a path into what the caller passed, and every coordinate
 * is checked (finite, in range) before it is projected.
 *
 * @module
 */
import type { Position } from 'geojson';
import type { IssuePath } from '../errors/index.js';
import { checkEdges, geometriesOf, invalidInput, type GeometryInput } from '../geometry/_input.js';
import { safeColor, safeNumber } from './_svgMarkup.js';

/** A feature's properties as far as the writer reads them. */
export type Properties = Readonly<Record<string, unknown>>;

/** What one feature holds, split by kind of geometry. */
export interface FeatureShapes {
  /** Polygons: outer ring then holes. */
  polygons: Position[][][];
  /** Lines. */
  lines: Position[][];
  /** Points. */
  points: Position[];
  /** The feature's properties (`{}` when null). */
  properties: Properties;
}

/** A line to draw, with its style and optional label. */
export interface SvgLineShape {
  lines: Position[][];
  stroke: string;
  strokeWidth: number;
  dash: string | undefined;
  title: string | undefined;
  /** Shown in the legend only, not written along the line (outlines, the front line). */
  unlabelled?: boolean;
  /** A second line for the legend: `drawn by hand: approximate, ±500 m`. */
  detail?: string | undefined;
}

/** A point to draw, with its marker colour and optional label. */
export interface SvgPointShape {
  position: Position;
  color: string;
  title: string | undefined;
}

export const LINE_COLOR = '#333333';
export const POINT_COLOR = '#111111';

/** The shapes of one Feature (or bare geometry), coordinates checked. */
export function shapesOf(input: unknown, path: IssuePath): FeatureShapes {
  const shapes: FeatureShapes = { polygons: [], lines: [], points: [], properties: propertiesOf(input, path) };
  for (const { geometry, path: at } of geometriesOf(input as GeometryInput, path)) {
    const where = [...at, 'coordinates'];
    switch (geometry.type) {
      case 'Polygon':
        shapes.polygons.push(checkedPolygon(geometry.coordinates, where));
        break;
      case 'MultiPolygon':
        geometry.coordinates.forEach((p, i) => shapes.polygons.push(checkedPolygon(p, [...where, i])));
        break;
      case 'LineString':
        checkEdges(geometry.coordinates, where);
        shapes.lines.push(geometry.coordinates);
        break;
      case 'MultiLineString':
        geometry.coordinates.forEach((line, i) => {
          checkEdges(line, [...where, i]);
          shapes.lines.push(line);
        });
        break;
      case 'Point':
        checkEdges([geometry.coordinates], where);
        shapes.points.push(geometry.coordinates);
        break;
      case 'MultiPoint':
        checkEdges(geometry.coordinates, where);
        shapes.points.push(...geometry.coordinates);
        break;
      default:
        break;
    }
  }
  return shapes;
}

/** The features of a FeatureCollection, each read with {@link shapesOf}. */
export function featuresOf(collection: unknown, path: IssuePath): FeatureShapes[] {
  const features = (collection as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) throw invalidInput([...path, 'features'], 'a FeatureCollection needs a `features` array');
  return features.map((feature: unknown, i: number) => {
    const at = [...path, 'features', i];
    if ((feature as { type?: unknown } | null)?.type !== 'Feature') throw invalidInput([...at, 'type'], 'expected a Feature');
    return shapesOf(feature, at);
  });
}

/** The `title` (or `name`) of a feature, when it has one. */
export function titleOf(properties: Properties): string | undefined {
  const title = properties['title'] ?? properties['name'];
  return typeof title === 'string' && title.trim() !== '' ? title : undefined;
}

/** The lines of the `lines` option (or of a generic input's line features). */
export function lineShapesOf(input: unknown, path: IssuePath): SvgLineShape[] {
  const items: FeatureShapes[] = Array.isArray(input)
    ? input.map((item: unknown, i: number) => shapesOf(item, [...path, i]))
    : (input as { type?: unknown } | null)?.type === 'FeatureCollection' ? featuresOf(input, path) : [shapesOf(input, path)];
  return items.filter((s) => s.lines.length > 0).map((s) => lineShape(s));
}

/** A line shape from a feature's lines and simplestyle properties. */
export function lineShape(shapes: FeatureShapes): SvgLineShape {
  const p = shapes.properties;
  const dash = p['stroke-dasharray'];
  return {
    lines: shapes.lines,
    stroke: safeColor(p['stroke'], LINE_COLOR),
    strokeWidth: safeNumber(p['stroke-width'], 0, 20, 2),
    dash: typeof dash === 'string' && /^[\d.\s,]+$/.test(dash) ? dash : undefined,
    title: titleOf(p),
  };
}

/** The points of the `points` option: `[lon, lat]` positions, Point features or a FeatureCollection of them. */
export function pointShapesOf(input: unknown, path: IssuePath): SvgPointShape[] {
  if (Array.isArray(input)) {
    return input.flatMap((item: unknown, i: number) => {
      if (Array.isArray(item)) {
        checkEdges([item as Position], [...path, i]);
        return [{ position: item as Position, color: POINT_COLOR, title: undefined }];
      }
      return pointShapesOfFeature(shapesOf(item, [...path, i]));
    });
  }
  if ((input as { type?: unknown } | null)?.type !== 'FeatureCollection') {
    throw invalidInput(path, 'expected an array of [lon, lat] positions or Point features, or a FeatureCollection of Points');
  }
  return featuresOf(input, path).flatMap(pointShapesOfFeature);
}

/** Point shapes from a feature's points and its `marker-color`. */
export function pointShapesOfFeature(shapes: FeatureShapes): SvgPointShape[] {
  const color = safeColor(shapes.properties['marker-color'], POINT_COLOR);
  const title = titleOf(shapes.properties);
  return shapes.points.map((position) => ({ position, color, title }));
}

/** What a basemap says of itself: the `name` (or `title`) and `source` of its first feature that has them. */
export function basemapMeta(input: unknown): { name: string | undefined; source: string | undefined } {
  const value = input as { type?: unknown; features?: unknown; properties?: unknown } | null;
  const features: unknown[] = value?.type === 'FeatureCollection' && Array.isArray(value.features) ? value.features : [value];
  for (const feature of features) {
    const p = (feature as { properties?: unknown } | null)?.properties;
    if (p === null || typeof p !== 'object') continue;
    const name = titleOf(p as Properties);
    const source = (p as Properties)['source'];
    if (name !== undefined || typeof source === 'string') return { name, source: typeof source === 'string' ? source : undefined };
  }
  return { name: undefined, source: undefined };
}

/** Every polygon of an area input (the basemap). */
export function basemapOf(input: unknown, path: IssuePath): Position[][][] {
  const items = (input as { type?: unknown } | null)?.type === 'FeatureCollection' ? featuresOf(input, path) : [shapesOf(input, path)];
  return items.flatMap((s) => s.polygons);
}

function checkedPolygon(rings: Position[][], path: IssuePath): Position[][] {
  if (!Array.isArray(rings)) throw invalidInput(path, 'a polygon is an array of rings');
  rings.forEach((ring, i) => {
    if (!Array.isArray(ring)) throw invalidInput([...path, i], 'a ring is an array of positions');
    checkEdges(ring, [...path, i]);
  });
  return rings;
}

function propertiesOf(input: unknown, path: IssuePath): Properties {
  const value = input as { type?: unknown; properties?: unknown } | null;
  if (value?.type !== 'Feature') return {};
  const properties = value.properties;
  if (properties === null || properties === undefined) return {};
  if (typeof properties !== 'object' || Array.isArray(properties)) throw invalidInput([...path, 'properties'], 'Feature properties must be an object or null');
  return properties as Properties;
}
