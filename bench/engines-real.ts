/**
 * The engines on real data, in one run side by side with native GEOS:
 * A∩B and A−B of the scaling benchmark's inputs (Ukraine's outline and
 * DeepState's occupied outline of 2025-10-01, resampled to 100k and 1M
 * vertices in all: `scalingInputs` in `_data.ts`), planar, in degrees.
 * - ours: `clip()` of `src/geometry/_engine.ts` (clipper2-ts with snap
 *   rounding, ring splitting, nesting and cleaning);
 * - clipper2-ts bare: one `Clipper64` run on our 1e-9° grid, output paths
 *   flat (the engine without our wrapper);
 * - clipper2-wasm 0.4.0 (the C++ Clipper2): the same run on the same grid;
 * - geos-wasm 3.1.1 (GEOS in WebAssembly, floating precision);
 * - native GEOS through shapely (`geos_engines.py`), the operation only.
 * After an untimed warm-up on 10k vertices, each timing is the median of 3
 * runs (`RUNS` to change). For the bare and
 * wasm engines the operation ("op") is timed apart from converting GeoJSON
 * coordinates in and the result out ("conv"); `clip()` does both inside.
 * Areas are planar shoelace sums in square degrees, compared with native
 * GEOS's. Not part of `npm test` or `npm run bench:report` (about 2 minutes).
 * Run: `node --expose-gc --import tsx bench/engines-real.ts [100000 1000000]`.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Position } from 'geojson';
import { Clipper64, ClipType, FillRule, type Path64 } from 'clipper2-ts';
import { clip, type MultiPolygon2 } from '../src/geometry/_engine.js';
import { hasData, printTable, pythonWithGeos, scalingInputs } from './_data.js';
import { clipperDelete, clipperRun, fromClipperPaths, fromGeos, geosDestroy, geosRun, geosWasmVersion, toClipper, toGeos, wasmHeapBytes, type Multi } from './_wasm.js';

type Op = 'intersection' | 'difference';
/** One timed run: milliseconds converting in, in the operation, converting out, and the result's planar area. */
interface Run { conv: number; op: number; area: number }
interface Engine { name: string; run: (op: Op, a: Multi, b: Multi) => Run }

const RUNS = Number(process.env['RUNS'] ?? 3);
const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [100_000, 1_000_000];
const python = pythonWithGeos();
if (!hasData('engines-real', 'ukraine/ukraine-adm0.geojson', 'deepstate/occupied-2025-10-01.geojson')) process.exit(0);
if (python === undefined) {
  console.warn('[engines-real] skipped: no python with shapely and pyproj (apt-get install python3-shapely python3-pyproj)');
  process.exit(0);
}

/** Twice the signed area of a ring (closed or open). */
function twiceRing(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) sum += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return sum;
}
/** Planar area of polygons: each shell less its holes, whatever their winding. */
const polygonsArea = (m: readonly (readonly (readonly (readonly number[])[])[])[]): number =>
  m.reduce((t, [shell, ...holes]) => t + Math.abs(twiceRing(shell ?? [])) / 2 - holes.reduce((h, r) => h + Math.abs(twiceRing(r)) / 2, 0), 0);
/** Planar area of flat paths wound for the Positive rule (shells one way, holes the other). */
const pathsArea = (rings: readonly (readonly (readonly number[])[])[]): number => Math.abs(rings.reduce((t, r) => t + twiceRing(r), 0)) / 2;

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

const SCALE = 1e9;
/** Our grid and winding, as `toPaths` in `_engine.ts` makes them. */
function toPaths64(m: Multi): Path64[] {
  const paths: Path64[] = [];
  for (const polygon of m) {
    polygon.forEach((ring, r) => {
      const n = ring.length - 1;
      const path: Path64 = new Array(n);
      for (let i = 0; i < n; i += 1) path[i] = { x: Math.round(ring[i]![0]! * SCALE), y: Math.round(ring[i]![1]! * SCALE) };
      let twice = 0;
      for (let i = 0, j = n - 1; i < n; j = i, i += 1) twice += path[j]!.x * path[i]!.y - path[i]!.x * path[j]!.y;
      paths.push(twice > 0 === (r === 0) ? path : path.reverse());
    });
  }
  return paths;
}

const engines: Engine[] = [
  {
    name: 'ours: clip() (clipper2-ts 2.0.1 + wrapper)',
    run: (op, a, b) => {
      const [out, ms] = timed(() => clip(op, [a as MultiPolygon2, b as MultiPolygon2]));
      return { conv: 0, op: ms, area: polygonsArea(out) };
    },
  },
  {
    name: 'clipper2-ts 2.0.1 bare (Clipper64, 1e-9° grid)',
    run: (op, a, b) => {
      const [[pa, pb], conv] = timed(() => [toPaths64(a), toPaths64(b)] as const);
      const [out, ms] = timed(() => {
        const engine = new Clipper64();
        engine.addSubject(pa);
        engine.addClip(pb);
        const paths: Path64[] = [];
        if (!engine.execute(op === 'intersection' ? ClipType.Intersection : ClipType.Difference, FillRule.Positive, paths)) throw new Error(`clipper2-ts ${op} failed`);
        return paths;
      });
      const [rings, back] = timed(() => out.map((path) => path.map((p): Position => [p.x / SCALE, p.y / SCALE])));
      return { conv: conv + back, op: ms, area: pathsArea(rings) };
    },
  },
  {
    name: 'clipper2-wasm 0.4.0 (C++ Clipper2, 1e-9° grid)',
    run: (op, a, b) => {
      const [[pa, pb], conv] = timed(() => [toClipper(a), toClipper(b)] as const);
      const [out, ms] = timed(() => clipperRun(op, pa, pb));
      const [rings, back] = timed(() => fromClipperPaths(out));
      [pa, pb, out].forEach(clipperDelete);
      return { conv: conv + back, op: ms, area: pathsArea(rings) };
    },
  },
  {
    name: `geos-wasm 3.1.1 (GEOS ${geosWasmVersion.split('-')[0]}, floating)`,
    run: (op, a, b) => {
      const [[ga, gb], conv] = timed(() => [toGeos(a), toGeos(b)] as const);
      const [out, ms] = timed(() => geosRun(op, ga, gb));
      const [polygons, back] = timed(() => fromGeos(out));
      [ga, gb, out].forEach(geosDestroy);
      return { conv: conv + back, op: ms, area: polygonsArea(polygons) };
    },
  },
];

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const gc = (globalThis as { gc?: () => void }).gc;
// Warm-up, untimed: every engine once per operation on the 10k-vertex inputs, so that the timed runs meet compiled code.
{
  const { a, b } = scalingInputs(10_000);
  for (const engine of engines) for (const op of ['intersection', 'difference'] as const) engine.run(op, structuredClone(a.coordinates), structuredClone(b.coordinates));
}
const rows: (string | number)[][] = [];
const summary: (string | number)[][] = [];
for (const n of sizes) {
  const { a, b, count } = scalingInputs(n);
  const file = join(tmpdir(), `contested-engines-real-${process.pid}-${n}.json`);
  writeFileSync(file, JSON.stringify({ a, b }));
  const geos = JSON.parse(execFileSync(python, [fileURLToPath(new URL('geos_engines.py', import.meta.url)), file, String(RUNS)], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim()) as {
    geos: string;
    madeValid: boolean[];
    intersection: { ms: number; runs: number[]; area: number };
    difference: { ms: number; runs: number[]; area: number };
  };
  const vertices = count(a) + count(b);
  const native = geos.intersection.ms + geos.difference.ms;
  console.log(`n=${n}: ${vertices} vertices; native GEOS ${geos.geos} (made valid: ${geos.madeValid.join(', ')}): ∩ ${geos.intersection.runs.map((t) => t.toFixed(0)).join('/')} ms, − ${geos.difference.runs.map((t) => t.toFixed(0)).join('/')} ms`);
  rows.push([`native GEOS ${geos.geos.split('-')[0]} (shapely)`, vertices, geos.intersection.ms, '', geos.difference.ms, '', native, 1, 1, geos.intersection.area.toPrecision(12), geos.difference.area.toPrecision(12), 0]);
  summary.push(['native GEOS', vertices, native, 1, 0]);
  for (const engine of engines) {
    const runs: Record<Op, Run[]> = { intersection: [], difference: [] };
    for (const op of ['intersection', 'difference'] as const) {
      for (let r = 0; r < RUNS; r += 1) {
        // Fresh copies each run (untimed), so that no engine meets an input object twice.
        const [ca, cb] = [structuredClone(a.coordinates), structuredClone(b.coordinates)];
        gc?.();
        runs[op].push(engine.run(op, ca, cb));
      }
    }
    const pick = (op: Op, key: keyof Run): number => median(runs[op].map((r) => r[key]));
    const [iOp, iConv, dOp, dConv] = [pick('intersection', 'op'), pick('intersection', 'conv'), pick('difference', 'op'), pick('difference', 'conv')];
    const [iArea, dArea] = [runs.intersection[0]!.area, runs.difference[0]!.area];
    const agree = Math.max(Math.abs(iArea - geos.intersection.area) / geos.intersection.area, Math.abs(dArea - geos.difference.area) / geos.difference.area);
    const total = iOp + iConv + dOp + dConv;
    rows.push([engine.name, vertices, iOp, iConv, dOp, dConv, total, (iOp + dOp) / native, total / native, iArea.toPrecision(12), dArea.toPrecision(12), agree]);
    summary.push([engine.name, vertices, total, total / native, agree]);
    console.log(`  ${engine.name}: ∩ op ${runs.intersection.map((r) => r.op.toFixed(0)).join('/')} ms, − op ${runs.difference.map((r) => r.op.toFixed(0)).join('/')} ms; wasm heaps ${JSON.stringify(wasmHeapBytes())}`);
  }
}
printTable(
  `A∩B and A−B of Ukraine's outline and DeepState occupied 2025-10-01, resampled (median of ${RUNS} runs each, ms; areas in square degrees, planar)`,
  ['engine', 'vertices', '∩ op', '∩ conv', '− op', '− conv', '∩ + − total', '× GEOS (op)', '× GEOS (total)', '∩ area', '− area', 'max rel. area diff vs GEOS'],
  rows,
);
printTable('Summary', ['engine', 'vertices', '∩ + − ms', '× native GEOS', 'area vs GEOS (rel.)'], summary);
