/**
 * Whether the polygons of one MultiPolygon overlap: ground that `areaKm2`
 * counts once per part, which GEOS calls invalid, and which every overlay
 * reads as the parts' union. `validateGeometry` warns of it
 * (`overlapping-parts`) and `normalizeGeometry` unites such parts, both
 * through this one check.
 *
 * Only parts whose outer rings' boxes overlap in more than a line can
 * overlap (one sort by west edge finds those pairs). The parts of such
 * pairs are united once by the engine, and what `areaKm2` counts twice is
 * their areas' sum less the union's. Rounding the vertices to the run's
 * grid moves that difference by up to a cell times the parts' boundary,
 * so it counts only beyond that (parts that only touch, at points or
 * along an edge, or with a vertex on the other's edge that the grid moves a
 * fraction of a cell, are not reported). Only then are the pairs looked at
 * one by one to name them (each intersected, cut to the overlap of their
 * boxes first; an intersection no wider than two cells is rounding), and
 * only up to {@link MAX_NAMED_PAIRS} candidate pairs: beyond that the total
 * is reported without names. So a MultiPolygon whose parts do not overlap
 * costs one union of the parts whose boxes meet, and the pairwise work is
 * spent only on one that is broken. Beyond {@link MAX_CANDIDATE_PAIRS}
 * pairs whose boxes overlap, nothing is checked, and the caller says so.
 *
 * @module
 */
import type { MultiPolygon, Position } from 'geojson';
import { polygonAreaM2 } from './_area.js';
import { cropPolygons, ringBox, type Box } from './_crop.js';
import { gridScaleNow, type Ring2 } from './_engine.js';
import { intersection, union } from './boolean.js';
import { boundaryDegrees, widerThanTwoCells } from './_operand.js';
import { boxesFrom, interiorPairs } from './_sweep.js';

/** Two parts (indices into the MultiPolygon's polygons, `first` < `second`) that overlap, and by how many km². */
export interface PartOverlap {
  first: number;
  second: number;
  km2: number;
}

/** What {@link overlappingParts} found: the km² counted twice, and the pairs (null when too many to name). */
export interface PartsOverlap {
  /** True (and the rest 0 and null) when the parts were not checked: more than {@link MAX_CANDIDATE_PAIRS} pairs of them have overlapping boxes. */
  tooMany?: true;
  /** The parts' areas less the area of their union: what `areaKm2` counts more than once. */
  km2: number;
  /** The overlapping pairs, in order of `first`, then `second`; null beyond {@link MAX_NAMED_PAIRS} candidates. */
  pairs: PartOverlap[] | null;
}

/** Up to this many pairs of parts whose boxes overlap, the overlapping ones are named. */
export const MAX_NAMED_PAIRS = 64;

/**
 * Beyond this many pairs of parts whose boxes overlap, the parts are not
 * checked (`tooMany`): the union can then cost what any overlay of such a
 * shape costs, far more than validating it (1,000 diagonal strips whose
 * boxes all overlap, 500,000 pairs: 15 s for the union alone).
 */
export const MAX_CANDIDATE_PAIRS = 10_000;

/** km² per square degree, at most (a degree of latitude is at most 111.7 km, of longitude 111.32 km). */
const KM2_PER_DEGREE2 = 111.7 * 111.32;

/**
 * Whether `polygons` (each an outer ring and its holes, rings closed, no
 * ring crossing another of its polygon) overlap each other, and where;
 * null when they do not.
 */
export function overlappingParts(polygons: readonly (readonly Ring2[])[]): PartsOverlap | null {
  if (polygons.length < 2) return null;
  const boxes = polygons.map((polygon) => ringBox(polygon[0] ?? []));
  const candidates = interiorPairs(boxesFrom(boxes), MAX_CANDIDATE_PAIRS);
  if (candidates.length === 0) return null;
  if (candidates.length > MAX_CANDIDATE_PAIRS) return { km2: 0, pairs: null, tooMany: true };
  const involved = [...new Set(candidates.flat())].sort((a, b) => a - b);
  const parts = involved.map((i) => polygons[i]!);
  const box = boxAround(involved.map((i) => boxes[i]!));
  const cell = 1 / gridScaleNow(box);
  const partsKm2 = parts.reduce((sum, polygon) => sum + polygonKm2(polygon), 0);
  const united = union(asArea(parts)).coordinates.reduce((sum, polygon) => sum + polygonKm2(polygon), 0);
  const twice = partsKm2 - united;
  // Rounding to the grid: every vertex moves by up to half a cell's diagonal, so the area of a
  // part, and of the union, by up to a cell times its boundary; and the sums' own rounding.
  const rounding = 2 * cell * parts.reduce((sum, polygon) => sum + boundaryDegrees(polygon), 0) * KM2_PER_DEGREE2 + 1e-12 * partsKm2;
  if (!(twice > rounding)) return null;
  if (candidates.length > MAX_NAMED_PAIRS) return { km2: twice, pairs: null };
  const pairs: PartOverlap[] = [];
  for (const [i, j] of candidates) {
    const a = boxes[i]!;
    const b = boxes[j]!;
    const common: Box = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
    const shared = intersection(asArea(cropPolygons([polygons[i]!], common)), asArea(cropPolygons([polygons[j]!], common))).coordinates;
    // A piece no wider than two cells (its area at most a cell times its boundary) is the grid's rounding.
    const wide = shared.filter((polygon) => widerThanTwoCells(polygon, cell));
    if (wide.length === 0) continue;
    pairs.push({ first: Math.min(i, j), second: Math.max(i, j), km2: wide.reduce((sum, polygon) => sum + polygonKm2(polygon), 0) });
  }
  if (pairs.length === 0) return null;
  return { km2: twice, pairs: pairs.sort((x, y) => x.first - y.first || x.second - y.second) };
}

function boxAround(boxes: readonly Box[]): Box {
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}

/** A polygon's km² (its outer ring's, less its holes'), winding aside. */
function polygonKm2(polygon: readonly (readonly (readonly number[])[])[]): number {
  return Math.abs(polygonAreaM2(polygon.slice(0, 1) as Position[][])) / 1e6 - polygon.slice(1).reduce((sum, hole) => sum + Math.abs(polygonAreaM2([hole as Position[]])) / 1e6, 0);
}

function asArea(polygons: readonly (readonly (readonly (readonly number[])[])[])[]): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: polygons.map((rings) => rings.map((ring) => ring.map((p) => [p[0]!, p[1]!]))) };
}
