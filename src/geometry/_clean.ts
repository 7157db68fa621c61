/**
 * Cleaning clipping-engine output so that it validates. Engines can emit
 * repeated points, zero-width spikes (A, B, A) and rings that enclose no
 * area (polyclip-ts once produced such a spike on a real DeepState overlay,
 * which GEOS rejects). This module removes them and rewinds rings to
 * RFC 7946 order (outer counterclockwise, holes clockwise), without moving
 * any remaining vertex.
 *
 * @module
 */
import type { Position } from 'geojson';
import { twiceSignedArea } from './_planar.js';

/** 2-D ring, polygon and multipolygon coordinates as engines exchange them. */
export type Ring2 = [number, number][];
export type Polygon2 = Ring2[];
export type MultiPolygon2 = Polygon2[];

/**
 * Cleans every polygon; polygons whose outer ring vanishes are dropped.
 * With `owned`, the positions are the caller's own fresh `[x, y]` pairs
 * (the engine's output) and are kept, not copied.
 */
export function cleanMultiPolygon(polygons: readonly (readonly (readonly Position[])[])[], owned = false): MultiPolygon2 {
  const out: MultiPolygon2 = [];
  for (const polygon of polygons) {
    const rings: Polygon2 = [];
    for (let index = 0; index < polygon.length; index += 1) {
      const ring = cleanRing(polygon[index]!, owned);
      if (ring === null) {
        if (index === 0) break; // no shell, so its holes mean nothing
        continue;
      }
      const ccw = twiceSignedArea(ring) > 0;
      // RFC 7946: outer rings counterclockwise, holes clockwise.
      if ((index === 0) !== ccw) ring.reverse();
      rings.push(ring);
    }
    if (rings.length > 0) out.push(rings);
  }
  return out;
}

/**
 * Removes repeated points and zero-width spikes from a ring; returns the
 * closed ring, or null when fewer than three distinct corners or no area
 * remain.
 */
export function cleanRing(ring: readonly Position[], owned = false): Ring2 | null {
  const stack: Ring2 = [];
  for (let i = 0; i < ring.length; i += 1) {
    const position = ring[i]!;
    const point: [number, number] = owned ? (position as [number, number]) : [position[0]!, position[1]!];
    pushCorner(stack, point);
  }
  // The ring wraps around: its start may form a spike or repeat with its end.
  let changed = true;
  while (changed && stack.length >= 3) {
    changed = false;
    const first = stack[0]!;
    const last = stack[stack.length - 1]!;
    if (samePoint(first, last)) {
      stack.pop();
      changed = true;
    } else if (isSpike(stack[stack.length - 2]!, last, first)) {
      stack.pop();
      changed = true;
    } else if (isSpike(last, first, stack[1]!)) {
      stack.shift();
      changed = true;
    }
  }
  if (stack.length < 3 || twiceSignedArea(stack) === 0) return null;
  stack.push([stack[0]![0], stack[0]![1]]);
  return stack;
}

function pushCorner(stack: Ring2, point: [number, number]): void {
  for (;;) {
    const top = stack[stack.length - 1];
    if (top !== undefined && samePoint(top, point)) return;
    const below = stack[stack.length - 2];
    if (top !== undefined && below !== undefined && isSpike(below, top, point)) {
      stack.pop();
      continue;
    }
    stack.push(point);
    return;
  }
}

function samePoint(a: readonly number[], b: readonly number[]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** B is a spike when A, B, C are collinear and the path turns back at B. */
function isSpike(a: readonly number[], b: readonly number[], c: readonly number[]): boolean {
  const abx = b[0]! - a[0]!;
  const aby = b[1]! - a[1]!;
  const bcx = c[0]! - b[0]!;
  const bcy = c[1]! - b[1]!;
  return abx * bcy - aby * bcx === 0 && abx * bcx + aby * bcy < 0;
}

