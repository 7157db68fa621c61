/**
 * A map's regions, read and checked once on the main thread, packed flat for
 * the worker threads of `controlHistory(…, { workers })`: every coordinate in
 * one `Float64Array` and the ring structure in one `Int32Array`, both over a
 * `SharedArrayBuffer`, so posting a packed map to a worker shares its memory
 * instead of copying ~15,000 nested coordinate pairs (structured cloning
 * DeepState's per-class map cost 15–20 ms per copy, and a map shared by two
 * tasks was copied twice). Only the regions' states (a few small objects) are
 * cloned with each task.
 *
 * Unpacking gives the same coordinates, bit for bit, so a step on a worker is
 * the same computation as on the main thread.
 */
import type { MultiPolygon2 } from '../geometry/_engine.js';
import type { MapRegion } from '../overlay/overlay.js';
import { boxOf } from '../overlay/regions.js';
import type { ControlState } from '../overlay/types.js';

/**
 * One snapshot's map as a worker receives it. `checked` is the explicit
 * mark that the main thread read this map with `regionsOf` — its geometry
 * validated and, unless `controlMap` built it, its regions checked for
 * overlaps — so the worker neither repeats the check nor skips one: it never
 * sees a map that was not checked.
 */
export interface PackedMap {
  checked: true;
  /** Per region: its polygon count; per polygon: its ring count; per ring: its point count. */
  layout: Int32Array;
  /** x, y of every point, in the order of `layout`. */
  coords: Float64Array;
  /** Each region's control state. */
  states: ControlState[];
}

/** A buffer of `bytes` the workers can share (SharedArrayBuffer in Node), or a plain one where there is none. */
function sharedBuffer(bytes: number): ArrayBufferLike {
  return typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/** Packs regions that `regionsOf` returned (and so checked). */
export function packRegions(regions: readonly MapRegion[]): PackedMap {
  let ints = 0;
  let points = 0;
  for (const region of regions) {
    ints += 1;
    for (const polygon of region.coords) {
      ints += 1 + polygon.length;
      for (const ring of polygon) points += ring.length;
    }
  }
  const layout = new Int32Array(sharedBuffer(ints * 4));
  const coords = new Float64Array(sharedBuffer(points * 16));
  let i = 0;
  let c = 0;
  for (const region of regions) {
    layout[i++] = region.coords.length;
    for (const polygon of region.coords) {
      layout[i++] = polygon.length;
      for (const ring of polygon) {
        layout[i++] = ring.length;
        for (const point of ring) {
          coords[c++] = point[0]!;
          coords[c++] = point[1]!;
        }
      }
    }
  }
  return { checked: true, layout, coords, states: regions.map((r) => r.state) };
}

/**
 * The regions of a packed map, ready for the overlay. Claims are not packed:
 * a change is computed from the regions' states and ground alone.
 */
export function unpackRegions(packed: PackedMap): MapRegion[] {
  if ((packed as { checked?: unknown }).checked !== true) throw new Error('contested: a worker received a map that was not read and checked on the main thread');
  const { layout, coords } = packed;
  const regions: MapRegion[] = [];
  let i = 0;
  let c = 0;
  for (const state of packed.states) {
    const multi: MultiPolygon2 = [];
    const polygons = layout[i++]!;
    for (let p = 0; p < polygons; p++) {
      const rings = layout[i++]!;
      const polygon: MultiPolygon2[number] = [];
      for (let r = 0; r < rings; r++) {
        const count = layout[i++]!;
        const ring = new Array<[number, number]>(count);
        for (let k = 0; k < count; k++, c += 2) ring[k] = [coords[c]!, coords[c + 1]!];
        polygon.push(ring);
      }
      multi.push(polygon);
    }
    regions.push({ state, claims: [], coords: multi, box: boxOf(multi) });
  }
  return regions;
}
