/**
 * Parameter intervals along one edge: which stretches of it another layer
 * runs along (`coverage`), the set operations `frontLine` combines them with,
 * and the cut of a front to the inside of `within`. An edge is parametrised
 * from 0 at its first end to 1 at its second, so a T-junction (a vertex of
 * one region on the middle of another's edge) is just an interval that stops
 * short of 1.
 */
import type { Position } from 'geojson';
import { polygonsOf, type AreaInput, type GeometryInput, type LocatedPolygon } from '../geometry/_input.js';
import { areaPlacement } from '../geometry/_pointInRing.js';
import { areaCoordinates } from '../geometry/boolean.js';
import { clip } from '../geometry/_engine.js';
import { addRing, alongside, crossing, type Edge, type EdgeGrid } from './_frontEdges.js';

/** A sorted list of disjoint parameter intervals [t0, t1] along an edge. */
export type Intervals = [number, number][];

/** The parts of `edge` that some edge of `layer` runs along, within `tolerance`. */
export function coverage(edge: Edge, layer: Edge['layer'], grid: EdgeGrid, tolerance: number): Intervals {
  const found: Intervals = [];
  for (const other of grid.near(edge, layer)) {
    const overlap = alongside(edge, other, tolerance);
    if (overlap !== null) found.push(overlap);
  }
  return union(found, tolerance / edge.length);
}

/** Merges intervals that overlap or lie closer than `gap`; snaps ends within `gap` of 0 and 1. */
export function union(intervals: Intervals, gap: number): Intervals {
  const sorted = intervals.slice().sort((p, q) => p[0] - q[0]);
  const out: Intervals = [];
  for (const [t0, t1] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && t0 <= last[1] + gap) last[1] = Math.max(last[1], t1);
    else out.push([t0, t1]);
  }
  const first = out[0];
  if (first !== undefined && first[0] <= gap) first[0] = 0;
  const end = out[out.length - 1];
  if (end !== undefined && end[1] >= 1 - gap) end[1] = 1;
  return out;
}

export function intersect(a: Intervals, b: Intervals): Intervals {
  const out: Intervals = [];
  for (const [a0, a1] of a) {
    for (const [b0, b1] of b) {
      const t0 = Math.max(a0, b0);
      const t1 = Math.min(a1, b1);
      if (t1 > t0) out.push([t0, t1]);
    }
  }
  return out;
}

export function subtract(a: Intervals, b: Intervals): Intervals {
  let out = a;
  for (const [b0, b1] of b) {
    out = out.flatMap(([t0, t1]): Intervals => {
      if (b1 <= t0 || b0 >= t1) return [[t0, t1]];
      const parts: Intervals = [];
      if (b0 > t0) parts.push([t0, b0]);
      if (b1 < t1) parts.push([b1, t1]);
      return parts;
    });
  }
  return out;
}

export interface Within {
  edges: Edge[];
  polygons: Position[][][];
}

/**
 * The frame's edges and polygons. A frame of several polygons (a
 * FeatureCollection of oblasts, a MultiPolygon) is read as their union: the
 * borders between its parts are not the frame's boundary, and read as such
 * they cut the front `borderM` either side of every internal border (two
 * adjacent features: 40.5 km of a 44.5 km front; audit). A frame of one
 * polygon is read as given.
 */
export function readWithin(within: AreaInput): Within {
  const path = ['options', 'within'];
  const given = polygonsOf(within as GeometryInput, 'refuse', path);
  // Read as every area is read (closed rings, holes inside their shells), whatever its parts.
  const read = areaCoordinates(within, path);
  const located: readonly LocatedPolygon[] = given.length < 2 ? given : clip('union', [read]).map((rings) => ({ rings, path }));
  const edges: Edge[] = [];
  for (const polygon of located) polygon.rings.forEach((ring, r) => addRing(edges, ring, [...polygon.path, r], 'border', -1, r > 0));
  return { edges, polygons: located.map((polygon) => polygon.rings) };
}

/** The parts of `front` inside `within` and off its boundary. */
export function insideWithin(edge: Edge, front: Intervals, within: Within, grid: EdgeGrid, tolerance: number): Intervals {
  const onBorder = coverage(edge, 'border', grid, tolerance);
  const cuts = new Set<number>();
  for (const other of grid.near(edge, 'border')) {
    const t = crossing(edge, other);
    if (t !== null) cuts.add(t);
  }
  const out: Intervals = [];
  for (const [t0, t1] of subtract(front, onBorder)) {
    const ends = [t0, ...[...cuts].filter((t) => t > t0 && t < t1).sort((p, q) => p - q), t1];
    for (let i = 1; i < ends.length; i += 1) {
      const mid = (ends[i - 1]! + ends[i]!) / 2;
      const placement = areaPlacement(within.polygons, edge.ax + mid * (edge.bx - edge.ax), edge.ay + mid * (edge.by - edge.ay));
      if (placement !== 'outside') out.push([ends[i - 1]!, ends[i]!]);
    }
  }
  return union(out, 0);
}
