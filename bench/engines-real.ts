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
 * - native GEOS through shapely (`geos_engines.py`), the operation only;
 * - polyclip-ts 0.16.8 and polygon-clipping 0.15.7 (the engines before
 *   clipper2-ts), one run of each operation in a process of its own
 *   (`_engine-js-run.ts`), stopped after `JS_LIMIT_S` seconds (120).
 * After an untimed warm-up on 10k vertices, each timing is the median of 3
 * runs (`RUNS` to change). For the bare and
 * wasm engines the operation ("op") is timed apart from converting GeoJSON
 * coordinates in and the result out ("conv"); `clip()` does both inside.
 * Areas are planar shoelace sums in square degrees, compared with native
 * GEOS's. Not part of `npm test` or `npm run bench:report` (about 2 minutes).
 * Run: `node --expose-gc --import tsx bench/engines-real.ts [100000 1000000]`.
 */
import { execFileSync } from 'node:child_process';
import { unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Position } from 'geojson';
import { Clipper64, ClipType, FillRule, type Path64 } from 'clipper2-ts';
import { clip, type MultiPolygon2 } from '../src/geometry/_engine.js';
import { twiceSignedArea, twiceSignedPathArea } from '../src/geometry/_planar.js';
import { hasData, polygonsArea, printTable, pythonWithGeos, scalingInputs } from './_data.js';
import { clipperDelete, clipperRun, fromClipperPaths, fromGeos, geosDestroy, geosRun, geosWasmVersion, toClipper, toGeos, wasmHeapBytes, type Multi } from './_wasm.js';

type Op = 'intersection' | 'difference';
/** One timed run: wall and CPU milliseconds in the operation and in converting in and out, and the result's planar area. */
interface Run { op: number; conv: number; opCpu: number; convCpu: number; area: number }
interface Engine { name: string; run: (op: Op, a: Multi, b: Multi) => Run }

const RUNS = Number(process.env['RUNS'] ?? 3);
const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [100_000, 1_000_000];
const python = pythonWithGeos();
if (!hasData('engines-real', 'ukraine/ukraine-adm0.geojson', 'deepstate/occupied-2025-10-01.geojson')) process.exit(0);
if (python === undefined) {
  console.warn('[engines-real] skipped: no python with shapely and pyproj (apt-get install python3-shapely python3-pyproj)');
  process.exit(0);
}

/** Planar area of flat paths wound for the Positive rule (shells one way, holes the other). */
const pathsArea = (rings: readonly (readonly (readonly number[])[])[]): number => Math.abs(rings.reduce((t, r) => t + twiceSignedArea(r), 0)) / 2;

/** A call's value, wall time and process CPU time (user + system; V8's helper threads count too), ms. */
function timed<T>(fn: () => T): [T, number, number] {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [value, wall, (used.user + used.system) / 1000];
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
      paths.push(twiceSignedPathArea(path) > 0 === (r === 0) ? path : path.reverse());
    });
  }
  return paths;
}

/**
 * A wasm engine's timed run: the operands converted into wasm memory, the
 * operation, the result converted out, and every wasm object freed.
 */
function inWasm<T, R>(into: (m: Multi) => T, operate: (op: Op, a: T, b: T) => T, out: (t: T) => R, free: (t: T) => void, area: (r: R) => number): Engine['run'] {
  return (op, a, b) => {
    const [[wa, wb], conv, convCpu] = timed(() => [into(a), into(b)] as const);
    const [result, ms, cpu] = timed(() => operate(op, wa, wb));
    const [read, back, backCpu] = timed(() => out(result));
    [wa, wb, result].forEach(free);
    return { op: ms, conv: conv + back, opCpu: cpu, convCpu: convCpu + backCpu, area: area(read) };
  };
}

const engines: Engine[] = [
  {
    name: 'ours: clip() (clipper2-ts 2.0.1 + wrapper)',
    run: (op, a, b) => {
      const [out, ms, cpu] = timed(() => clip(op, [a as MultiPolygon2, b as MultiPolygon2]));
      return { op: ms, conv: 0, opCpu: cpu, convCpu: 0, area: polygonsArea(out) };
    },
  },
  {
    name: 'clipper2-ts 2.0.1 bare (Clipper64, 1e-9° grid)',
    run: (op, a, b) => {
      const [[pa, pb], conv, convCpu] = timed(() => [toPaths64(a), toPaths64(b)] as const);
      const [out, ms, cpu] = timed(() => {
        const engine = new Clipper64();
        engine.addSubject(pa);
        engine.addClip(pb);
        const paths: Path64[] = [];
        if (!engine.execute(op === 'intersection' ? ClipType.Intersection : ClipType.Difference, FillRule.Positive, paths)) throw new Error(`clipper2-ts ${op} failed`);
        return paths;
      });
      const [rings, back, backCpu] = timed(() => out.map((path) => path.map((p): Position => [p.x / SCALE, p.y / SCALE])));
      return { op: ms, conv: conv + back, opCpu: cpu, convCpu: convCpu + backCpu, area: pathsArea(rings) };
    },
  },
  { name: 'clipper2-wasm 0.4.0 (C++ Clipper2, 1e-9° grid)', run: inWasm(toClipper, clipperRun, fromClipperPaths, clipperDelete, pathsArea) },
  { name: `geos-wasm 3.1.1 (GEOS ${geosWasmVersion.split('-')[0]}, floating)`, run: inWasm(toGeos, geosRun, fromGeos, geosDestroy, polygonsArea) },
];

/** The time limit of one run of polyclip-ts or polygon-clipping, ms (`JS_LIMIT_S` to change). */
const JS_LIMIT_MS = 1000 * (Number(process.env['JS_LIMIT_S']) || 120);
type JsRun = { ms: number; cpu: number; area: number } | { error: string } | { limit: number };
/** One run of polyclip-ts or polygon-clipping in a child process (`_engine-js-run.ts`), stopped at {@link JS_LIMIT_MS}. */
function jsRun(name: 'polyclip-ts' | 'polygon-clipping', op: Op, file: string): JsRun {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('_engine-js-run.ts', import.meta.url)), name, op, file], { encoding: 'utf8', timeout: JS_LIMIT_MS, maxBuffer: 1 << 20 });
    return JSON.parse(out.trim().split('\n').pop()!) as JsRun;
  } catch (error) {
    // Stopped at the limit: ETIMEDOUT (a child killed for too much output says ENOBUFS instead).
    const failed = error as { code?: string; signal?: string; stderr?: string; message?: string };
    if (failed.code === 'ETIMEDOUT') return { limit: JS_LIMIT_MS };
    // Crashed (out of memory, a signal): the cause is at the end of its standard error, not in the command line.
    const said = (failed.stderr ?? '').trim().split('\n').slice(-3).join(' ');
    return { error: `${failed.signal ?? 'exit'}: ${said || failed.message || String(error)}` };
  }
}

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const gc = (globalThis as { gc?: () => void }).gc;
// Warm-up, untimed: every engine once per operation on the 10k-vertex inputs, so that the timed runs meet compiled code.
{
  const { a, b } = scalingInputs(10_000);
  for (const engine of engines) for (const op of ['intersection', 'difference'] as const) engine.run(op, structuredClone(a.coordinates), structuredClone(b.coordinates));
}
const rows: (string | number)[][] = [];
const summary: (string | number)[][] = [];
interface Native { geos: string; madeValid: boolean[]; intersection: { runs: number[]; cpuRuns: number[]; area: number }; difference: { runs: number[]; cpuRuns: number[]; area: number } }
const fmt = (xs: number[]): string => xs.map((t) => t.toFixed(0)).join('/');
for (const n of sizes) {
  const { a, b, count } = scalingInputs(n);
  const file = join(tmpdir(), `contested-engines-real-${process.pid}-${n}.json`);
  writeFileSync(file, JSON.stringify({ a, b }));
  const runNative = (): Native => JSON.parse(execFileSync(python, [fileURLToPath(new URL('geos_engines.py', import.meta.url)), file, String(RUNS)], { encoding: 'utf8' }).trim()) as Native;
  const vertices = count(a) + count(b);
  // Native GEOS runs before and after the other engines (the machine is shared and its load drifts); its figures are the median of both.
  const before = runNative();
  const results: { engine: Engine; runs: Record<Op, Run[]> }[] = [];
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
    results.push({ engine, runs });
  }
  // The engines clipper2-ts replaced, each operation once in a process of
  // its own (no warm-up: their runs take seconds), stopped at the limit.
  const jsRuns = (['polyclip-ts', 'polygon-clipping'] as const).map((name) => ({ name, intersection: jsRun(name, 'intersection', file), difference: jsRun(name, 'difference', file) }));
  const after = runNative();
  unlinkSync(file);
  const native = (op: Op, key: 'runs' | 'cpuRuns'): number => median([...before[op][key], ...after[op][key]]);
  const [nWall, nCpu] = [native('intersection', 'runs') + native('difference', 'runs'), native('intersection', 'cpuRuns') + native('difference', 'cpuRuns')];
  console.log(`n=${n}: ${vertices} vertices; native GEOS ${before.geos} (made valid: ${before.madeValid.join(', ')}): ∩ ${fmt(before.intersection.runs)} then ${fmt(after.intersection.runs)} ms, − ${fmt(before.difference.runs)} then ${fmt(after.difference.runs)} ms`);
  rows.push([`native GEOS ${before.geos.split('-')[0]} (shapely)`, vertices, native('intersection', 'runs'), native('difference', 'runs'), '', nWall, 1, 1, 1, 1, before.intersection.area.toPrecision(12), before.difference.area.toPrecision(12), 0]);
  summary.push(['native GEOS', vertices, nWall, nCpu, 1, 1, 0]);
  for (const { engine, runs } of results) {
    const pick = (op: Op, key: Exclude<keyof Run, 'area'>): number => median(runs[op].map((r) => r[key]));
    const sum = (key: Exclude<keyof Run, 'area'>): number => pick('intersection', key) + pick('difference', key);
    const [iArea, dArea] = [runs.intersection[0]!.area, runs.difference[0]!.area];
    const agree = Math.max(Math.abs(iArea - before.intersection.area) / before.intersection.area, Math.abs(dArea - before.difference.area) / before.difference.area);
    const [wall, cpu] = [sum('op') + sum('conv'), sum('opCpu') + sum('convCpu')];
    rows.push([engine.name, vertices, pick('intersection', 'op'), pick('difference', 'op'), sum('conv'), wall, sum('op') / nWall, wall / nWall, sum('opCpu') / nCpu, cpu / nCpu, iArea.toPrecision(12), dArea.toPrecision(12), agree]);
    summary.push([engine.name, vertices, wall, cpu, wall / nWall, cpu / nCpu, agree]);
    console.log(`  ${engine.name}: ∩ op ${fmt(runs.intersection.map((r) => r.op))} ms, − op ${fmt(runs.difference.map((r) => r.op))} ms`);
  }
  for (const { name, intersection: i, difference: d } of jsRuns) {
    const said = (r: JsRun): string => ('limit' in r ? `over ${r.limit / 1000} s` : 'error' in r ? `threw (${r.error.slice(0, 160)})` : '');
    if ('ms' in i && 'ms' in d) {
      const agree = Math.max(Math.abs(i.area - before.intersection.area) / before.intersection.area, Math.abs(d.area - before.difference.area) / before.difference.area);
      rows.push([`${name} (one run each, own process)`, vertices, i.ms, d.ms, '', i.ms + d.ms, (i.ms + d.ms) / nWall, (i.ms + d.ms) / nWall, (i.cpu + d.cpu) / nCpu, (i.cpu + d.cpu) / nCpu, i.area.toPrecision(12), d.area.toPrecision(12), agree]);
      summary.push([name, vertices, i.ms + d.ms, i.cpu + d.cpu, (i.ms + d.ms) / nWall, (i.cpu + d.cpu) / nCpu, agree]);
    } else {
      rows.push([`${name} (one run each, own process)`, vertices, 'ms' in i ? i.ms : said(i), 'ms' in d ? d.ms : said(d), '', '', '', '', '', '', 'ms' in i ? i.area.toPrecision(12) : '', 'ms' in d ? d.area.toPrecision(12) : '', '']);
      summary.push([name, vertices, `∩ ${'ms' in i ? `${i.ms.toFixed(0)} ms` : said(i)}, − ${'ms' in d ? `${d.ms.toFixed(0)} ms` : said(d)}`, '', '', '', '']);
    }
    console.log(`  ${name}: ∩ ${JSON.stringify(i)}, − ${JSON.stringify(d)}`);
  }
  console.log(`  wasm heaps now (bytes): ${JSON.stringify(wasmHeapBytes())}`);
}
printTable(
  `A∩B and A−B of Ukraine's outline and DeepState occupied 2025-10-01, resampled (median of ${RUNS} runs each, wall ms; conv = GeoJSON in and out, both operations; areas in square degrees, planar)`,
  ['engine', 'vertices', '∩ op', '− op', 'conv', 'total', '× GEOS op (wall)', '× GEOS total (wall)', '× GEOS op (CPU)', '× GEOS total (CPU)', '∩ area', '− area', 'max rel. area diff vs GEOS'],
  rows,
);
printTable('Summary (∩ + −, conversions included)', ['engine', 'vertices', 'wall ms', 'CPU ms', '× native GEOS (wall)', '× native GEOS (CPU)', 'area vs GEOS (rel.)'], summary);
