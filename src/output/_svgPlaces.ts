/**
 * Map furniture taken from a dataset's places, for the SVG writer: the
 * boundary drawn underneath (an `admin-area` the data lies in), place names,
 * line places (railways, rivers, roads) drawn and named along their length,
 * outlines of hand-drawn places dashed and said to be approximate, and the
 * credit line built from the places' `source`. Only places that reach into
 * the view are used, and only their sources are credited.
 *
 * @module
 */
import type { Position } from 'geojson';
import type { IssuePath } from '../errors/index.js';
import type { Place } from '../places/schema.js';
import { invalidInput } from '../geometry/_input.js';
import { ringCentroid, twiceSignedArea } from '../geometry/_planar.js';
import { shapesOf, type SvgLineShape } from './_svgFeatures.js';
import type { Bounds } from './_svgProjection.js';
import { formatLength } from './_svgMarkup.js';

/** A name to write on the map at a position. */
export interface PlaceLabel {
  text: string;
  position: Position;
  /** Settlements are written larger than sites. */
  major: boolean;
}

/** What the places add to a map. */
export interface PlaceFurniture {
  /** Boundaries drawn underneath, with their names for the legend. */
  boundaries: { name: string; polygons: Position[][][] }[];
  /** Line places, and the dashed outlines of approximate areas. */
  lines: SvgLineShape[];
  labels: PlaceLabel[];
  /** Sources to credit, each once, in the order the places come. */
  credits: string[];
}

/** Dash of anything drawn by hand. */
export const APPROXIMATE_DASH = '6 4';

function boxOf(positions: readonly Position[]): Bounds | undefined {
  if (positions.length === 0) return undefined;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of positions) {
    west = Math.min(west, p[0]!);
    east = Math.max(east, p[0]!);
    south = Math.min(south, p[1]!);
    north = Math.max(north, p[1]!);
  }
  return { west, south, east, north };
}

function meets(a: Bounds, b: Bounds): boolean {
  return a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;
}

/** The centroid of a polygon's outer ring (shoelace), falling back to its box centre. */
function centroidOf(polygons: readonly Position[][][]): Position | undefined {
  let best: Position[] | undefined;
  let bestArea = -1;
  for (const polygon of polygons) {
    const ring = polygon[0] ?? [];
    const twice = Math.abs(twiceSignedArea(ring));
    if (twice > bestArea) [best, bestArea] = [ring, twice];
  }
  if (best === undefined || best.length === 0) return undefined;
  const centroid = ringCentroid(best);
  if (centroid !== undefined) return centroid;
  const box = boxOf(best)!;
  return [(box.west + box.east) / 2, (box.south + box.north) / 2];
}

/** The note a reader sees on a hand-drawn place: `±1 km`. */
function tolerance(place: Place): string {
  if (place.approximate === undefined) return '';
  const metres = place.approximate.toleranceM;
  return metres === undefined ? 'approximate' : `approximate, ±${formatLength(metres)}`;
}

/**
 * Reads the places that reach into `view`. Boundaries (`admin-area`) become
 * the basemap only when `wantBasemap`; a boundary that merely touches the
 * view is drawn too, since it frames the data.
 */
export function placeFurniture(places: unknown, view: Bounds | undefined, wantBasemap: boolean, path: IssuePath): PlaceFurniture {
  if (!Array.isArray(places)) throw invalidInput(path, 'expected an array of places, e.g. dataset.places');
  const furniture: PlaceFurniture = { boundaries: [], lines: [], labels: [], credits: [] };
  const credit = (place: Place): void => {
    if (place.source !== undefined && !furniture.credits.includes(place.source)) furniture.credits.push(place.source);
  };
  (places as Place[]).forEach((place, i) => {
    const at = [...path, i];
    if (place === null || typeof place !== 'object' || typeof place.name !== 'string') throw invalidInput(at, 'expected a place with a name and a geometry');
    const shapes = shapesOf(place.geometry, [...at, 'geometry']);
    const all = [...shapes.polygons.flat(2), ...shapes.lines.flat(), ...shapes.points];
    const box = boxOf(all);
    if (box === undefined || (view !== undefined && !meets(box, view))) return;
    const approximate = tolerance(place);
    if (shapes.polygons.length > 0) {
      if (place.kind === 'admin-area' || place.kind === 'region') {
        if (!wantBasemap) return;
        furniture.boundaries.push({ name: place.name, polygons: shapes.polygons });
        credit(place);
        return;
      }
      if (approximate !== '') {
        furniture.lines.push({
          lines: shapes.polygons.map((p) => p[0] ?? []),
          stroke: '#222222',
          strokeWidth: 1.5,
          dash: APPROXIMATE_DASH,
          title: `${place.name}, outline`,
          detail: `drawn by hand: ${approximate}`,
          unlabelled: true,
        });
      }
      const centre = centroidOf(shapes.polygons);
      if (centre !== undefined) furniture.labels.push({ text: place.name, position: centre, major: place.kind === 'settlement' || place.kind === 'district' });
      credit(place);
      return;
    }
    if (shapes.lines.length > 0) {
      furniture.lines.push({
        lines: shapes.lines,
        stroke: '#333333',
        strokeWidth: 2,
        dash: approximate === '' ? undefined : APPROXIMATE_DASH,
        title: place.name,
        detail: approximate === '' ? undefined : `drawn by hand: ${approximate}`,
      });
      credit(place);
      return;
    }
    for (const position of shapes.points) furniture.labels.push({ text: place.name, position, major: false });
    credit(place);
  });
  return furniture;
}
