/**
 * Which polygons of one MultiPolygon overlap: ground that `areaKm2` counts
 * once per part, which GEOS calls invalid, and which every overlay reads as
 * the parts' union. `validateGeometry` warns of it (`overlapping-parts`)
 * and `normalizeGeometry` unites such parts, both through this one check.
 *
 * Only pairs whose outer rings' boxes overlap in more than a line are
 * looked at (one sort by west edge), and each such pair is intersected by
 * `intersection`, both cut to the overlap of their boxes first (so an
 * engine failure or a limit is its `ContestedError`). Parts
 * that only touch (at points, or along a shared edge) have an empty
 * intersection and are not reported; parts that overlap by any ground the
 * engine keeps are, with its km².
 *
 * @module
 */
import type { MultiPolygon, Position } from 'geojson';
import { polygonAreaM2 } from './_area.js';
import { intersection } from './boolean.js';
import { cropPolygons, ringBox, type Box } from './_crop.js';

/** Two parts (indices into the MultiPolygon's polygons, `first` < `second`) that overlap, and by how many km². */
export interface PartOverlap {
  first: number;
  second: number;
  km2: number;
}

/**
 * The pairs of `polygons` (each one outer ring and its holes, rings closed,
 * with no ring crossing another of its polygon) whose ground overlaps, in
 * order of `first`, then `second`.
 */
export function overlappingParts(polygons: readonly (readonly (readonly Position[])[])[]): PartOverlap[] {
  if (polygons.length < 2) return [];
  const boxes = polygons.map((polygon) => ringBox(polygon[0] ?? []));
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]![0] - boxes[b]![0]);
  const found: PartOverlap[] = [];
  for (let k = 0; k < order.length; k += 1) {
    const i = order[k]!;
    const a = boxes[i]!;
    for (let m = k + 1; m < order.length; m += 1) {
      const j = order[m]!;
      const b = boxes[j]!;
      if (b[0] >= a[2]) break; // sorted by west edge: no later box reaches into this one
      if (b[1] >= a[3] || a[1] >= b[3]) continue;
      const box: Box = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
      // Read as every overlay reads a part (either winding, as `intersection` takes it).
      const common = intersection(asArea(cropPolygons([polygons[i]!], box)), asArea(cropPolygons([polygons[j]!], box)));
      const km2 = common.coordinates.reduce((sum, polygon) => sum + polygonAreaM2(polygon), 0) / 1e6;
      if (km2 > 0) found.push({ first: Math.min(i, j), second: Math.max(i, j), km2 });
    }
  }
  return found.sort((x, y) => x.first - y.first || x.second - y.second);
}

function asArea(polygons: readonly (readonly (readonly (readonly number[])[])[])[]): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: polygons.map((rings) => rings.map((ring) => ring.map((p) => [p[0]!, p[1]!]))) };
}
