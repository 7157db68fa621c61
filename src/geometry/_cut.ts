/**
 * The geometry behind `splitByLine`: a cutting line is extended straight
 * (in lon/lat) from its first and last segments to a box around the area,
 * and closed along the box's edge, counterclockwise, into the polygon that
 * lies to the line's left. Clipping the area by that polygon gives the left
 * part, and subtracting it gives the right part, so the two add up to the
 * whole by construction.
 *
 * @module
 */
import type { Position } from 'geojson';
import { ContestedError, type IssuePath } from '../errors/index.js';
import type { MultiPolygon2, Ring2 } from './_clean.js';
import { findMeetings, isJoint, type Segment } from './_segments.js';

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A box around the area and the line, with room to spare, inside the world. */
export function cuttingBox(area: MultiPolygon2, line: readonly Position[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (p: readonly number[]): void => {
    minX = Math.min(minX, p[0]!);
    maxX = Math.max(maxX, p[0]!);
    minY = Math.min(minY, p[1]!);
    maxY = Math.max(maxY, p[1]!);
  };
  for (const polygon of area) for (const ring of polygon) ring.forEach(add);
  line.forEach(add);
  const pad = Math.max(1, (maxX - minX) * 0.1, (maxY - minY) * 0.1);
  return { minX: Math.max(-180, minX - pad), minY: Math.max(-90, minY - pad), maxX: Math.min(180, maxX + pad), maxY: Math.min(90, maxY + pad) };
}

/** Where a ray from `from` along `direction` leaves the box. */
function exitPoint(box: Box, from: readonly number[], dx: number, dy: number): [number, number] {
  let t = Infinity;
  if (dx > 0) t = Math.min(t, (box.maxX - from[0]!) / dx);
  if (dx < 0) t = Math.min(t, (box.minX - from[0]!) / dx);
  if (dy > 0) t = Math.min(t, (box.maxY - from[1]!) / dy);
  if (dy < 0) t = Math.min(t, (box.minY - from[1]!) / dy);
  const x = dx === 0 ? from[0]! : clamp(from[0]! + t * dx, box.minX, box.maxX);
  const y = dy === 0 ? from[1]! : clamp(from[1]! + t * dy, box.minY, box.maxY);
  // Snap to the edge hit, so the point lies exactly on the box.
  if (t === (box.maxX - from[0]!) / dx) return [box.maxX, y];
  if (t === (box.minX - from[0]!) / dx) return [box.minX, y];
  if (t === (box.maxY - from[1]!) / dy) return [x, box.maxY];
  return [x, box.minY];
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** The line with its end segments extended to the box. */
export function extendLine(line: readonly Position[], box: Box): Ring2 {
  const points: Ring2 = line.map((p) => [p[0]!, p[1]!]);
  const [a, b] = [points[0]!, points[1]!];
  const [y, z] = [points[points.length - 2]!, points[points.length - 1]!];
  const start = exitPoint(box, a, a[0] - b[0], a[1] - b[1]);
  const end = exitPoint(box, z, z[0] - y[0], z[1] - y[1]);
  const same = (p: readonly number[], q: readonly number[]): boolean => p[0] === q[0] && p[1] === q[1];
  // A line that already ends on the box needs no extension there.
  return [...(same(start, a) ? [] : [start]), ...points, ...(same(end, z) ? [] : [end])];
}

/** Refuses an extended line that crosses or touches itself, saying where. */
export function checkSimple(extended: Ring2, path: IssuePath): void {
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < extended.length; i += 1) {
    const [p, q] = [extended[i]!, extended[i + 1]!];
    segments.push({ ax: p[0], ay: p[1], bx: q[0], by: q[1], ring: 0, edge: i });
  }
  const [meeting] = findMeetings(segments, (m) => !isJoint(m, segments.length, false), 1);
  if (meeting === undefined) return;
  const extension = (edge: number): boolean => edge === 0 || edge === segments.length - 1;
  const why = extension(meeting.first.edge) || extension(meeting.second.edge)
    ? 'once its end segments are extended straight to the edge of the area, it meets itself'
    : 'it meets itself';
  throw new ContestedError('invalid-geometry', [
    {
      code: 'line-crosses-itself',
      path,
      message: `the split line cannot divide the area into a left and a right side: ${why} at [${meeting.at[0]}, ${meeting.at[1]}]. ` +
        'Trim the line to the stretch that crosses the area, or split in several steps',
    },
  ]);
}

/** Position of a point on the box boundary, counterclockwise from the south-west corner. */
function perimeterPosition(box: Box, p: readonly number[]): number {
  const width = box.maxX - box.minX;
  const height = box.maxY - box.minY;
  if (p[1] === box.minY) return p[0]! - box.minX;
  if (p[0] === box.maxX) return width + (p[1]! - box.minY);
  if (p[1] === box.maxY) return width + height + (box.maxX - p[0]!);
  return 2 * width + height + (box.maxY - p[1]!);
}

/** The polygon left of the extended line: the line, then the box edge back to its start. */
export function leftPolygon(extended: Ring2, box: Box): MultiPolygon2 {
  const start = extended[0]!;
  const end = extended[extended.length - 1]!;
  const width = box.maxX - box.minX;
  const height = box.maxY - box.minY;
  const perimeter = 2 * (width + height);
  const corners: [number, [number, number]][] = [
    [width, [box.maxX, box.minY]],
    [width + height, [box.maxX, box.maxY]],
    [2 * width + height, [box.minX, box.maxY]],
    [perimeter, [box.minX, box.minY]],
  ];
  const from = perimeterPosition(box, end);
  let to = perimeterPosition(box, start);
  if (to <= from) to += perimeter;
  const ring: Ring2 = extended.map((p): [number, number] => [p[0], p[1]]);
  // Walk counterclockwise from the line's end to its start, turning at corners.
  for (const lap of [0, perimeter]) {
    for (const [at, corner] of corners) {
      if (at + lap > from && at + lap < to) ring.push([corner[0], corner[1]]);
    }
  }
  ring.push([start[0], start[1]]);
  return [[ring]];
}
