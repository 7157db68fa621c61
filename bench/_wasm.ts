/**
 * Two engines compiled to WebAssembly, for the engine comparison only
 * (`bench/engines.ts`, `bench/engines-real.ts`); the library never imports
 * them. Both initialise asynchronously (emscripten), hence the `await`s.
 * - geos-wasm (GEOS's C API, LGPL-3.0-or-later): doubles in, GEOS's own
 *   floating precision model (OverlayNG), as native GEOS runs in the other
 *   benchmarks. Every geometry made here is destroyed after use.
 * - clipper2-wasm (the C++ Clipper2, BSL-1.0): coordinates × 1e9 as int64,
 *   the 1e-9° grid of `src/geometry/_engine.ts`, filled by the Positive rule
 *   as ours is. Every embind object (paths, clipper, tree) is deleted after use.
 * Converting in, the operation and converting out are separate functions
 * (`toGeos` / `geosRun` / `fromGeos`, `toClipper` / `clipperRun` /
 * `fromClipperPaths`), so that the real-data benchmark can time the
 * operation without the conversions.
 */
import type { Position } from 'geojson';
import initGeosJs from 'geos-wasm';
import Clipper2Z, { type Clipper2Module, type Path64, type Paths64, type PolyPath64 } from 'clipper2-wasm/dist/es/clipper2z.js';

/** Polygons as GeoJSON coordinates (a MultiPolygon's). */
export type Multi = Position[][][];
/** The operations compared. */
export type Operation = 'union' | 'intersection' | 'difference';

/** GEOS's geometry type ids (geos_c.h `GEOSGeomTypes`). */
const POLYGON = 3;
const MULTIPOLYGON = 6;
const COLLECTION = 7;

const geosErrors: string[] = [];
const geos = await initGeosJs({ errorHandler: (message: string) => void geosErrors.push(message) });
const clipper: Clipper2Module = await Clipper2Z();

/** The GEOS version inside geos-wasm (its C API's `GEOSversion()`). */
export const geosWasmVersion: string = geos.GEOSversion();

/** Bytes of the wasm heaps now (wasm memory grows and never shrinks: steady figures mean no leak). */
export function wasmHeapBytes(): { geos: number; clipper: number } {
  return { geos: geos.Module.HEAPU8.byteLength, clipper: clipper.HEAPU8.byteLength };
}

/** A GEOS coordinate sequence of one ring (closed, as GEOS wants it). */
function geosRing(ring: Position[]): number {
  const closed = ring.length > 0 && (ring[0]![0] !== ring[ring.length - 1]![0] || ring[0]![1] !== ring[ring.length - 1]![1]) ? [...ring, ring[0]!] : ring;
  const buffer = geos.Module._malloc(closed.length * 16);
  const view = new Float64Array(geos.Module.HEAPF64.buffer, buffer, closed.length * 2);
  closed.forEach(([x, y], i) => {
    view[2 * i] = x!;
    view[2 * i + 1] = y!;
  });
  const sequence = geos.GEOSCoordSeq_copyFromBuffer(buffer, closed.length, 0, 0);
  geos.Module._free(buffer);
  return geos.GEOSGeom_createLinearRing(sequence);
}

/** An array of pointers in GEOS's heap (the caller frees it). */
function pointerArray(pointers: number[]): number {
  const at = geos.Module._malloc(Math.max(4, pointers.length * 4));
  geos.Module.HEAPU32.set(pointers, at / 4);
  return at;
}

/** A GEOS MultiPolygon of `m` (the caller destroys it). */
export function toGeos(m: Multi): number {
  const polygons = m.filter((p) => p.length > 0 && p[0]!.length >= 3).map((polygon) => {
    const [shell, ...holes] = polygon.map(geosRing);
    const holeArray = pointerArray(holes);
    const made = geos.GEOSGeom_createPolygon(shell!, holeArray, holes.length);
    geos.Module._free(holeArray);
    return made;
  });
  const array = pointerArray(polygons);
  const made = geos.GEOSGeom_createCollection(MULTIPOLYGON, array, polygons.length);
  geos.Module._free(array);
  return made;
}

function geosCoordinates(ring: number): Position[] {
  const sequence = geos.GEOSGeom_getCoordSeq(ring);
  const sizeAt = geos.Module._malloc(4);
  geos.GEOSCoordSeq_getSize(sequence, sizeAt);
  const size = geos.Module.HEAPU32[sizeAt / 4]!;
  geos.Module._free(sizeAt);
  const buffer = geos.Module._malloc(Math.max(16, size * 16));
  geos.GEOSCoordSeq_copyToBuffer(sequence, buffer, 0, 0);
  const view = new Float64Array(geos.Module.HEAPF64.buffer, buffer, size * 2);
  const out: Position[] = new Array(size);
  for (let i = 0; i < size; i += 1) out[i] = [view[2 * i]!, view[2 * i + 1]!];
  geos.Module._free(buffer);
  return out;
}

/** The polygons of a GEOS geometry (lines and points of a collection are left out); does not destroy it. */
export function fromGeos(geometry: number, out: Multi = []): Multi {
  const type = geos.GEOSGeomTypeId(geometry);
  if (type === POLYGON) {
    if (geos.GEOSisEmpty(geometry) === 1) return out;
    const rings = [geosCoordinates(geos.GEOSGetExteriorRing(geometry))];
    const holes = geos.GEOSGetNumInteriorRings(geometry);
    for (let h = 0; h < holes; h += 1) rings.push(geosCoordinates(geos.GEOSGetInteriorRingN(geometry, h)));
    out.push(rings);
  } else if (type === MULTIPOLYGON || type === COLLECTION) {
    const parts = geos.GEOSGetNumGeometries(geometry);
    for (let p = 0; p < parts; p += 1) fromGeos(geos.GEOSGetGeometryN(geometry, p), out);
  }
  return out;
}

/** One GEOS operation on two GEOS geometries; throws GEOS's message when GEOS reports an error (null result). */
export function geosRun(operation: Operation, a: number, b: number): number {
  geosErrors.length = 0;
  const result = operation === 'union' ? geos.GEOSUnion(a, b) : operation === 'intersection' ? geos.GEOSIntersection(a, b) : geos.GEOSDifference(a, b);
  if (result === 0) throw new Error(`geos-wasm ${operation}: ${geosErrors.join('; ') || 'no result'}`);
  return result;
}

/** Destroys a GEOS geometry. */
export function geosDestroy(geometry: number): void {
  geos.GEOSGeom_destroy(geometry);
}

/** `a op b` through geos-wasm, GeoJSON coordinates in and out, every GEOS geometry destroyed. */
export function geosWasm(operation: Operation, a: Multi, b: Multi): Multi {
  const [ga, gb] = [toGeos(a), toGeos(b)];
  try {
    const result = geosRun(operation, ga, gb);
    try {
      return fromGeos(result);
    } finally {
      geosDestroy(result);
    }
  } finally {
    geosDestroy(ga);
    geosDestroy(gb);
  }
}

const SCALE = 1e9;

/** Twice the signed area of a closed-or-open ring of `[x, y]` pairs, flat. */
function twiceArea(flat: ArrayLike<number>, stride: number): number {
  const n = flat.length / stride;
  let sum = 0;
  for (let i = 0, j = n - 1; i < n; j = i, i += 1) sum += flat[j * stride]! * flat[i * stride + 1]! - flat[i * stride]! * flat[j * stride + 1]!;
  return sum;
}

/**
 * clipper2-wasm paths of `m` on the 1e-9° grid, wound for the Positive rule
 * (shells counter-clockwise, holes clockwise, whatever the input's winding),
 * as `toPaths` in `src/geometry/_engine.ts` does. The caller deletes them.
 */
export function toClipper(m: Multi): Paths64 {
  const paths = new clipper.Paths64();
  for (const polygon of m) {
    polygon.forEach((ring, r) => {
      const n = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.length - 1 : ring.length;
      if (n < 3) return;
      const grid = new Float64Array(2 * n);
      for (let i = 0; i < n; i += 1) {
        grid[2 * i] = Math.round(ring[i]![0]! * SCALE);
        grid[2 * i + 1] = Math.round(ring[i]![1]! * SCALE);
      }
      const reverse = twiceArea(grid, 2) > 0 !== (r === 0);
      // The build has Clipper2's USINGZ: a point is (x, y, z) in the path's int64 buffer. The int64s are
      // written as two 32-bit words each (little-endian, as wasm memory is), which makes no BigInt per
      // coordinate; |value| < 2^53 here (1.8e11 at most), so the split is exact.
      const xyz = new BigInt64Array(3 * n);
      const words = new Int32Array(xyz.buffer);
      for (let i = 0; i < n; i += 1) {
        const k = reverse ? n - 1 - i : i;
        for (let c = 0; c < 2; c += 1) {
          const v = grid[2 * k + c]!;
          const high = Math.floor(v / 4294967296);
          words[6 * i + 2 * c] = v - high * 4294967296;
          words[6 * i + 2 * c + 1] = high;
        }
      }
      const path = new clipper.Path64();
      path.assign(xyz);
      paths.push_back(path);
      path.delete();
    });
  }
  return paths;
}

const clipTypes = { union: () => clipper.ClipType.Union, intersection: () => clipper.ClipType.Intersection, difference: () => clipper.ClipType.Difference } as const;

/** One Clipper64 run (Positive fill rule, as ours), its output paths flat; the caller deletes them. */
export function clipperRun(operation: Operation, subject: Paths64, clip: Paths64): Paths64 {
  const engine = new clipper.Clipper64();
  try {
    engine.AddSubject(subject);
    engine.AddClip(clip);
    const out = new clipper.Paths64();
    if (!engine.ExecutePath(clipTypes[operation](), clipper.FillRule.Positive, out)) {
      out.delete();
      throw new Error(`clipper2-wasm ${operation}: execute returned false`);
    }
    return out;
  } finally {
    engine.delete();
  }
}

/** One path as a closed ring in degrees (the int64 view is copied out at once: wasm memory may grow and detach it). */
function ringOf(path: Path64): Position[] {
  const xyz = path.view();
  const n = xyz.length / 3;
  // Read as 32-bit words (low unsigned, high signed), as written in `toClipper`: no BigInt per coordinate.
  const low = new Uint32Array(xyz.buffer, xyz.byteOffset, 6 * n);
  const high = new Int32Array(xyz.buffer, xyz.byteOffset, 6 * n);
  const ring: Position[] = new Array(n + 1);
  for (let i = 0; i < n; i += 1) ring[i] = [(high[6 * i + 1]! * 4294967296 + low[6 * i]!) / SCALE, (high[6 * i + 3]! * 4294967296 + low[6 * i + 2]!) / SCALE];
  ring[n] = ring[0]!;
  return ring;
}

/** Output paths as rings in degrees (flat, as Clipper2 gives them: shells positive, holes negative); does not delete `paths`. */
export function fromClipperPaths(paths: Paths64): Position[][] {
  const rings: Position[][] = [];
  for (let p = 0; p < paths.size(); p += 1) {
    const path = paths.get(p); // a copy (embind returns the C++ reference by value): deleted here
    rings.push(ringOf(path));
    path.delete();
  }
  return rings;
}

/** The polygons of a PolyTree node's subtree: its children are outer rings, their children holes, theirs outer rings again. */
function fromTree(node: PolyPath64, out: Multi): void {
  // `child()` hands out the tree's own node (a raw pointer): deleting it would free it twice. `polygon()` is a copy.
  for (let c = 0; c < node.count(); c += 1) {
    const outer = node.child(c);
    const shell = outer.polygon();
    const rings = [ringOf(shell)];
    shell.delete();
    for (let h = 0; h < outer.count(); h += 1) {
      const hole = outer.child(h);
      const path = hole.polygon();
      rings.push(ringOf(path));
      path.delete();
      fromTree(hole, out);
    }
    out.push(rings);
  }
}

/** `a op b` through clipper2-wasm on the 1e-9° grid, nested into polygons by Clipper2's PolyTree; every object deleted. */
export function clipperWasm(operation: Operation, a: Multi, b: Multi): Multi {
  const [pa, pb] = [toClipper(a), toClipper(b)];
  const engine = new clipper.Clipper64();
  const tree = new clipper.PolyPath64();
  try {
    engine.AddSubject(pa);
    engine.AddClip(pb);
    if (!engine.ExecutePoly(clipTypes[operation](), clipper.FillRule.Positive, tree)) throw new Error(`clipper2-wasm ${operation}: execute returned false`);
    const out: Multi = [];
    fromTree(tree, out);
    return out;
  } finally {
    tree.delete();
    engine.delete();
    pa.delete();
    pb.delete();
  }
}

/** Deletes an embind object (paths, clipper). */
export function clipperDelete(object: { delete(): void }): void {
  object.delete();
}
