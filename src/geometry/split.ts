/**
 * Splitting an area by a line — "the north of the city, up to the railway
 * line" — and naming the two sides by the line's direction (left, right) or
 * by compass word (north, south, east, west).
 *
 * The rule for awkward lines: the line is extended straight (in lon/lat)
 * from its first and its last segment until it leaves a box around the
 * area, so a line that stops short of the boundary or ends inside the area
 * still divides it. The extended line must not meet itself; then it divides
 * the plane into a left and a right side, and every part of the area falls
 * on one of them — a line that wiggles, or crosses the area several times,
 * is handled by that same rule. `splitByLine` refuses a line that does not
 * meet the area at all, or leaves all of it on one side, with
 * `invalid-geometry`; `keepSideOfLine` keeps such an area whole, or not at
 * all, when it lies wholly on one side of the extended line.
 *
 * @module
 */
import type { Feature, LineString, MultiLineString, MultiPolygon, Position } from 'geojson';
import { ContestedError, type IssuePath } from '../errors/index.js';
import type { MultiPolygon2 } from './_clean.js';
import { checkSimple, cuttingBox, extendLine, leftPolygon } from './_cut.js';
import { clip, onCallGrid } from './_engine.js';
import { cropPolygons, type Box as CropBox } from './_crop.js';
import { checkEdges, invalidInput, type AreaInput } from './_input.js';
import { findMeetings, type Segment } from './_segments.js';
import { areaCoordinates, multiPolygon } from './boolean.js';
import { ringContainsPoint } from './_pointInRing.js';

/**
 * A cutting line: a LineString, a MultiLineString of exactly one line, or a
 * Feature holding either.
 *
 * @category Geometry
 */
export type LineInput = LineString | MultiLineString | Feature<LineString | MultiLineString>;

/**
 * Which side of a split line to keep, as `AreaRef`'s `split` names it:
 * relative to the line's direction (`left`, `right`) or by compass word.
 *
 * @category Geometry
 */
export type SplitSide = 'north' | 'south' | 'east' | 'west' | 'left' | 'right';

/**
 * The two parts of an area cut by a line.
 *
 * @category Geometry
 */
export interface SplitParts {
  /** The part left of the line, looking along its direction. */
  left: MultiPolygon;
  /** The part right of the line. */
  right: MultiPolygon;
}

/**
 * Cuts an area by a line into the part left of the line's direction and
 * the part right of it. The parts share the line as their common edge and
 * add up to the area.
 *
 * The line is extended straight from its end segments to beyond the area,
 * so it may stop short of the area's boundary or end inside it; it may
 * wiggle and cross the area several times, as long as the extended line
 * does not meet itself.
 *
 * @param area - the area to cut
 * @param line - the cutting line; its direction (first to last position)
 *   decides which part is left
 * @returns `{ left, right }`, both non-empty MultiPolygons
 * @throws {@link ContestedError} `invalid-geometry` when the line does not
 *   meet the area (`line-misses-area`), leaves all of it on one side
 *   (`line-does-not-divide`), meets itself once extended
 *   (`line-crosses-itself`), has fewer than two distinct positions, or the
 *   area is empty; `invalid-input` when `line` is not a single line
 * @category Geometry
 *
 * @example
 * ```ts
 * const city: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] };
 * const railway: LineString = { type: 'LineString', coordinates: [[-1, 1], [3, 1]] };
 * splitByLine(city, railway).left.coordinates; // west → east: left is north
 * //=> [[[[0, 1], [2, 1], [2, 2], [0, 2], [0, 1]]]]
 * ```
 */
export function splitByLine(area: AreaInput, line: LineInput): SplitParts {
  const shape = areaCoordinates(area, ['area']);
  if (shape.length === 0) {
    throw new ContestedError('invalid-geometry', [{ code: 'empty-area', path: ['area'], message: 'the area to split is empty' }]);
  }
  const positions = linePositions(line, ['line']);
  if (!lineMeetsArea(shape, positions)) {
    throw new ContestedError('invalid-geometry', [
      { code: 'line-misses-area', path: ['line'], message: 'the split line does not cross the area: it neither touches its boundary nor runs inside it' },
    ]);
  }
  const { left, right } = cutAlong(shape, positions);
  if (left.length === 0 || right.length === 0) {
    const side = left.length === 0 ? 'right' : 'left';
    throw new ContestedError('invalid-geometry', [
      { code: 'line-does-not-divide', path: ['line'], message: `the split line touches the area but does not divide it: all of the area lies to its ${side}` },
    ]);
  }
  return { left: multiPolygon(left), right: multiPolygon(right) };
}

/** The area left and right of the line extended straight from its end segments; either may be empty. */
function cutAlong(shape: MultiPolygon2, positions: readonly Position[]): { left: MultiPolygon2; right: MultiPolygon2 } {
  const box = cuttingBox(shape, positions);
  const extended = extendLine(positions, box);
  checkSimple(extended, ['line']);
  // The left side reaches a degree or more beyond the shape (the cutting
  // box's pad); cut down to the shape's own box (padded by 1e-6°: exact
  // there, see `cropPolygons`) it leaves the ground of both results as it
  // was, and the runs' grid is the shape's own (`gridDegreesFor`), not a
  // box a degree wider.
  // Both runs hold the grid of the shape's box padded by SPLIT_GRID_PAD, so
  // that the two sides are rounded to one grid and fit together.
  const own = boxOfShape(shape);
  const leftSide = cropPolygons(leftPolygon(extended, box), own) as MultiPolygon2;
  const held: CropBox = [own[0] - SPLIT_GRID_PAD, own[1] - SPLIT_GRID_PAD, own[2] + SPLIT_GRID_PAD, own[3] + SPLIT_GRID_PAD];
  return onCallGrid([held], () => ({ left: clip('intersection', [shape, leftSide]), right: clip('difference', [shape, leftSide]) }));
}

/**
 * Resolves a side word to `left` or `right` of the line's direction, the
 * direction being the straight course from its first to its last position.
 * `north`/`south` need a line that runs more east–west than north–south (a
 * west→east line has north on its left); `east`/`west` need one that runs
 * more north–south (a south→north line has west on its left).
 *
 * @param line - the cutting line
 * @param keep - the side asked for
 * @returns `'left'` or `'right'`; `left`/`right` are returned as given
 * @throws {@link ContestedError} `invalid-input` when `keep` is not one of
 *   the six sides; `invalid-geometry` (`ambiguous-side`) when
 *   the compass word does not fit the line's course (north of a north–south
 *   line), or the line ends where it starts
 * @category Geometry
 *
 * @example
 * ```ts
 * sideOfLine({ type: 'LineString', coordinates: [[37.1, 48.29], [37.25, 48.27]] }, 'north');
 * //=> 'left'
 * ```
 */
export function sideOfLine(line: LineInput, keep: SplitSide): 'left' | 'right' {
  if (!(SPLIT_SIDES as readonly unknown[]).includes(keep)) {
    throw invalidInput(['keep'], `keep is one of ${SPLIT_SIDES.join(', ')}`);
  }
  if (keep === 'left' || keep === 'right') return keep;
  const positions = linePositions(line, ['line']);
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  const midLat = ((first[1]! + last[1]!) / 2) * (Math.PI / 180);
  // East–west degrees shrink with latitude; compare on the ground.
  const east = (last[0]! - first[0]!) * Math.cos(midLat);
  const north = last[1]! - first[1]!;
  const alongParallel = keep === 'north' || keep === 'south';
  if (alongParallel ? Math.abs(east) <= Math.abs(north) : Math.abs(north) <= Math.abs(east)) {
    const course = east === 0 && north === 0 ? 'ends where it starts' : alongParallel ? 'runs more north–south than east–west' : 'runs more east–west than north–south';
    throw new ContestedError('invalid-geometry', [
      { code: 'ambiguous-side', path: ['keep'], message: `cannot keep the ${keep} side: the line ${course}; use ${alongParallel ? "'east'/'west'" : "'north'/'south'"} or 'left'/'right'` },
    ]);
  }
  if (alongParallel) return (east > 0) === (keep === 'north') ? 'left' : 'right';
  return (north > 0) === (keep === 'west') ? 'left' : 'right';
}

/**
 * The part of an area on one side of a line: {@link splitByLine} then
 * {@link sideOfLine}. This is what `AreaRef`'s `split` evaluates.
 *
 * "Each village south of the road": where the line does not divide the
 * area — it does not reach it, or only touches it — the line is extended
 * straight from its end segments as {@link splitByLine} extends it, and an
 * area lying wholly on one side of that is kept whole when that is the side
 * asked for, and not at all otherwise. Where the line does not reach the
 * area but its extension cuts through it, which part is meant is ambiguous,
 * and that is refused.
 *
 * @param area - the area to cut
 * @param line - the cutting line
 * @param keep - the side to keep
 * @returns the kept part; the whole area, or an empty MultiPolygon
 *   (`coordinates: []`), when the area lies wholly on one side
 * @throws {@link ContestedError} as {@link splitByLine} and {@link sideOfLine};
 *   `line-misses-area` only when the line does not reach the area and its
 *   extension cuts through it
 * @category Geometry
 *
 * @example
 * ```ts
 * // "Ukraine holds the north, up to the railway."
 * const north = keepSideOfLine(pokrovsk, railway, 'north');
 * areaKm2(north);
 * //=> 17.00… (km², of the city's 38.01)
 * ```
 */
export function keepSideOfLine(area: AreaInput, line: LineInput, keep: SplitSide): MultiPolygon {
  const side = sideOfLine(line, keep);
  const shape = areaCoordinates(area, ['area']);
  if (shape.length === 0) {
    throw new ContestedError('invalid-geometry', [{ code: 'empty-area', path: ['area'], message: 'the area to split is empty' }]);
  }
  const positions = linePositions(line, ['line']);
  const parts = cutAlong(shape, positions);
  if (parts.left.length > 0 && parts.right.length > 0 && !lineMeetsArea(shape, positions)) {
    throw new ContestedError('invalid-geometry', [
      {
        code: 'line-misses-area',
        path: ['line'],
        message: 'the split line does not reach the area, and the line extended straight from its ends cuts through it, so which part is meant is ambiguous: extend the line across the area',
      },
    ]);
  }
  return multiPolygon(parts[side]);
}

const SPLIT_SIDES = ['north', 'south', 'east', 'west', 'left', 'right'] as const;

/** The distinct positions of a single cutting line, checked. */
function linePositions(line: LineInput, path: IssuePath): Position[] {
  if (line === null || typeof line !== 'object') throw invalidInput(path, 'expected a LineString, a MultiLineString of one line, or a Feature holding one');
  const geometry = (line as { type?: unknown }).type === 'Feature' ? (line as Feature<LineString | MultiLineString>).geometry : line;
  let positions: unknown;
  if (geometry?.type === 'LineString') positions = geometry.coordinates;
  else if (geometry?.type === 'MultiLineString' && geometry.coordinates.length === 1) positions = geometry.coordinates[0];
  else throw invalidInput(path, 'a split line must be one LineString (or a MultiLineString of exactly one line); join or pick the line first');
  if (!Array.isArray(positions)) throw invalidInput(path, 'a split line needs a coordinates array');
  checkEdges(positions as Position[], path);
  const distinct: Position[] = [];
  for (const p of positions as Position[]) {
    const previous = distinct[distinct.length - 1];
    if (previous === undefined || previous[0] !== p[0] || previous[1] !== p[1]) distinct.push(p);
  }
  if (distinct.length < 2) {
    throw new ContestedError('invalid-geometry', [{ code: 'degenerate-line', path, message: 'a split line needs at least two distinct positions' }]);
  }
  return distinct;
}

/** Whether the line touches the area's boundary or has a vertex inside it. */
function lineMeetsArea(area: MultiPolygon2, line: readonly Position[]): boolean {
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < line.length; i += 1) {
    segments.push({ ax: line[i]![0]!, ay: line[i]![1]!, bx: line[i + 1]![0]!, by: line[i + 1]![1]!, ring: -1, edge: i });
  }
  area.forEach((polygon) => polygon.forEach((ring) => {
    for (let i = 0; i + 1 < ring.length; i += 1) {
      segments.push({ ax: ring[i]![0], ay: ring[i]![1], bx: ring[i + 1]![0], by: ring[i + 1]![1], ring: 0, edge: i });
    }
  }));
  const crossing = findMeetings(segments, (m) => (m.first.ring === -1) !== (m.second.ring === -1), 1);
  if (crossing.length > 0) return true;
  const [x, y] = [line[0]![0]!, line[0]![1]!];
  return area.some((polygon) => ringContainsPoint(polygon[0]!, x, y) === 'inside' && polygon.slice(1).every((hole) => ringContainsPoint(hole, x, y) === 'outside'));
}

/**
 * The pad, degrees, around the shape's box whose grid `splitByLine`'s two
 * runs hold: wider than the crop's (1e-6° plus 1e-9 of the longitude), so
 * both runs lie within the held box and compute on exactly its grid,
 * `gridDegreesFor` of the shape's box widened by 1e-5° on each side.
 */
export const SPLIT_GRID_PAD = 1e-5;

/** The box around a shape's vertices. */
function boxOfShape(shape: MultiPolygon2): CropBox {
  const box: CropBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of shape) {
    for (const ring of polygon) {
      for (const [x, y] of ring) {
        if (x < box[0]) box[0] = x;
        if (x > box[2]) box[2] = x;
        if (y < box[1]) box[1] = y;
        if (y > box[3]) box[3] = y;
      }
    }
  }
  return box;
}
