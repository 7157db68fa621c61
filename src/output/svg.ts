/**
 * Pictures: `toSvg` draws a control map, a claim diff, a control change, an
 * N-way comparison or any simplestyle FeatureCollection as a standalone SVG
 * — regions coloured, a legend with km² and shares, a scale bar measured
 * geodesically, a north arrow, and optional basemap, lines and points.
 *
 * The projection is equirectangular with its standard parallel at the
 * centre latitude of the data (x = Δλ · k·N cos φ₀ / M, y = −Δφ · k, both
 * factors measured on WGS84 with GeographicLib): true to shape and scale at
 * the centre, and within 1 % of it for areas up to a few hundred km, which
 * is what a battle map shows. It is not for continents.
 *
 * The writer is pure: no DOM, no fonts fetched (`font-family="sans-serif"`),
 * no random ids, no dates. Numbers are written with a fixed number of
 * decimals and everything is drawn in input order, so the same input gives
 * the same bytes. All text is escaped.
 *
 * @module
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Point, Position } from 'geojson';
import type { Place } from '../places/schema.js';
import type { ControlChange } from '../control/controlChange.js';
import type { ControlMap } from '../control/types.js';
import type { ClaimantComparison } from '../diff/compareClaimants.js';
import type { ClaimDiff } from '../diff/diffClaims.js';
import type { AreaInput } from '../geometry/_input.js';
import { checkOptions, drawMap, sceneBounds } from './_svgDraw.js';
import { basemapMeta, basemapOf, lineShapesOf, pointShapesOf, shapesOf } from './_svgFeatures.js';
import { placeFurniture, type PlaceLabel } from './_svgPlaces.js';
import { checkEdges, invalidInput } from '../geometry/_input.js';
import { sceneOf } from './_svgScene.js';
import { optionsArg } from '../_lib/args.js';

/**
 * What {@link toSvg} draws: a {@link ControlMap}, a {@link ClaimDiff}, a
 * {@link ControlChange}, a {@link ClaimantComparison}, or any GeoJSON
 * FeatureCollection whose features carry simplestyle properties (`fill`,
 * `fill-opacity`, `stroke`, `stroke-width`, `title`; `marker-color` for
 * points).
 *
 * @category Output
 */
export type SvgInput = ControlMap | ClaimDiff | ControlChange | ClaimantComparison | FeatureCollection<Geometry | null>;

/**
 * Line features for {@link SvgOptions.lines}: a geometry, a Feature, a
 * FeatureCollection or an array of Features. `stroke`, `stroke-width`,
 * `stroke-dasharray` and `title` are read from their properties.
 *
 * @category Output
 */
export type SvgLines =
  | LineString
  | MultiLineString
  | FeatureCollection<LineString | MultiLineString | null>
  | Feature<LineString | MultiLineString | null>
  | readonly Feature<LineString | MultiLineString | null>[];

/**
 * Points for {@link SvgOptions.points}: `[lon, lat]` positions or Point
 * Features (with `title` and `marker-color`), or a FeatureCollection of them.
 *
 * @category Output
 */
export type SvgPoints = readonly (Position | Feature<Point | null>)[] | FeatureCollection<Point | null>;

/**
 * A name written on the map at a position, for {@link SvgOptions.labels}.
 *
 * @category Output
 */
export interface SvgLabel {
  /** The words, e.g. `Myrnohrad`. */
  text: string;
  /** Where, `[lon, lat]`. */
  position: Position;
}

/**
 * Options of {@link toSvg}.
 *
 * @category Output
 */
export interface SvgOptions {
  /** Width of the picture in pixels, 320–10 000. Default 800. */
  width?: number;
  /** Height in pixels, 200–10 000. Default: whatever the data's shape needs at `width`. */
  height?: number;
  /** A title, drawn above the map and used as the SVG's `<title>`. Default: what the input is (`Claim diff` …), not drawn. */
  title?: string;
  /** The SVG's `<desc>`. Default: a sentence listing the legend with km² and shares. */
  description?: string;
  /** Draw the legend. Default true. */
  legend?: boolean;
  /**
   * Ground drawn underneath in light grey, e.g. the hromada or the Ukraine
   * boundary, with a legend row named by its (first) feature's `name` or
   * `title` (else `boundary`) and its `source` in the credit line. The view
   * fits the data, widened by a fifth on each side so the ground around it
   * shows. Default: the `admin-area` and `region` places of `places` that
   * reach into the view; `false` draws none.
   */
  basemap?: AreaInput | false;
  /**
   * The dataset's places. Those that reach into the view add a map's
   * furniture: boundaries drawn underneath (unless `basemap` is given),
   * place names written without overlapping, railways, rivers and roads
   * drawn and named along their length, hand-drawn (`approximate`) places
   * drawn dashed and said to be approximate in the legend, and a credit
   * line from their `source` (the OCHA hromada boundary is CC BY-IGO, which
   * asks for it).
   */
  places?: readonly Place[];
  /** More names to write on the map, e.g. villages the dataset has no place for. */
  labels?: readonly SvgLabel[];
  /** A credit for the data, added to the credit line after the places' sources: `Data: DeepStateMap.live`. */
  credit?: string;
  /**
   * A front line to draw, as {@link frontLine} returns it (or any line
   * geometry): a heavy dark line with a legend row, not labelled.
   */
  frontLine?: Feature<LineString | MultiLineString | null> | LineString | MultiLineString;
  /** Lines drawn over the regions, with their titles as labels: the railway, the front line. */
  lines?: SvgLines;
  /** Points drawn on top, with their titles as labels: positions, evidence. */
  points?: SvgPoints;
  /** Names of the two parties of a diff, for its legend (`only Kremlin speaks`). */
  partyNames?: {
    /** Party A of the diff, e.g. `the Kremlin`. */
    a: string;
    /** Party B of the diff, e.g. `Skala`. */
    b: string;
  };
  /** Margin around everything, pixels, 0–200. Default 16. */
  padding?: number;
  /** Decimals of every coordinate written, 0–6. Default 1. */
  decimals?: number;
}

/**
 * Draws a control map, claim diff, control change, claimant comparison or
 * simplestyle FeatureCollection as a standalone SVG document.
 *
 * Regions are coloured by their simplestyle `fill` (diff regions by label,
 * with {@link DIFF_COLORS}); holes are cut with `fill-rule="evenodd"`. The
 * legend lists each label or status with its km² and share (of `within` for
 * a diff, of the ground drawn otherwise). The scale bar is a round length
 * (1, 2 or 5 × 10ⁿ m) measured geodesically at the centre latitude.
 *
 * @param input - what to draw
 * @param options - size, title, legend, basemap, lines, points, precision
 * @returns an SVG document as a string (`<svg xmlns=…>…</svg>`); when there
 *   is nothing to draw, a valid SVG of the same size with a "no data" note
 * @throws {@link ContestedError} `invalid-input` (with a path into the input
 *   or `options`) when the input is none of the accepted shapes, a feature or
 *   option is malformed, or a diff region has an unknown label;
 *   `invalid-geometry` when a coordinate is not finite or out of range
 * @category Output
 *
 * @example
 * ```ts
 * const svg = toSvg(diffClaims(kremlinClaims, skalaClaims, { within: 'pokrovsk', places }), { title: 'Pokrovsk' });
 * svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"');
 * //=> true
 * ```
 */
export function toSvg(input: SvgInput, options: SvgOptions = {}): string {
  const settings = checkOptions(optionsArg(options));
  const scene = sceneOf(input, options.partyNames);
  const lines = [...scene.lines, ...(options.lines === undefined ? [] : lineShapesOf(options.lines, ['options', 'lines']))];
  const points = [...scene.points, ...(options.points === undefined ? [] : pointShapesOf(options.points, ['options', 'points']))];
  const drawn = { ...scene, lines, points };
  const places = options.places === undefined ? undefined : placeFurniture(options.places, sceneBounds(drawn), options.basemap === undefined, ['options', 'places']);
  let basemap: Position[][][] = [];
  let basemapName: string | undefined;
  const basemapCredit: string[] = [];
  if (options.basemap !== undefined && options.basemap !== false) {
    basemap = basemapOf(options.basemap, ['options', 'basemap']);
    const meta = basemapMeta(options.basemap);
    basemapName = meta.name ?? 'boundary';
    if (meta.source !== undefined) basemapCredit.push(meta.source);
  } else if (places !== undefined && places.boundaries.length > 0) {
    basemap = places.boundaries.flatMap((b) => b.polygons);
    basemapName = places.boundaries.map((b) => b.name).join(', ');
  }
  const furniture = {
    lines: [...(places?.lines ?? []), ...(options.frontLine === undefined ? [] : frontLineShapes(options.frontLine))],
    labels: [...(places?.labels ?? []), ...labelsOf(options.labels)],
    basemapName,
    credits: [...new Set([...basemapCredit, ...(places?.credits ?? []), ...creditOf(options.credit)])],
  };
  return drawMap(drawn, basemap, settings, options, furniture);
}

/** The front line option as a line shape: heavy, dark, in the legend, not written along. */
function frontLineShapes(input: unknown): ReturnType<typeof lineShapesOf> {
  const shapes = shapesOf(input, ['options', 'frontLine']);
  if (shapes.lines.length === 0) return [];
  return [{ lines: shapes.lines, stroke: '#111111', strokeWidth: 3, dash: undefined, title: 'front line', unlabelled: true }];
}

function labelsOf(input: unknown): PlaceLabel[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) throw invalidInput(['options', 'labels'], 'expected an array of { text, position }');
  return input.map((label: unknown, i: number) => {
    const value = label as { text?: unknown; position?: unknown } | null;
    if (typeof value?.text !== 'string') throw invalidInput(['options', 'labels', i, 'text'], 'a label needs its text, a string');
    if (!Array.isArray(value.position)) throw invalidInput(['options', 'labels', i, 'position'], 'a label needs a [lon, lat] position');
    checkEdges([value.position as Position], ['options', 'labels', i, 'position']);
    return { text: value.text, position: value.position as Position, major: false };
  });
}

function creditOf(input: unknown): string[] {
  if (input === undefined) return [];
  if (typeof input !== 'string') throw invalidInput(['options', 'credit'], 'a credit is a string');
  return input.trim() === '' ? [] : [input];
}
