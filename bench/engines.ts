/**
 * Robustness of clipping engines on adversarial pairs: shared edges,
 * shared vertices, jittered shared front lines, T-junctions. For each pair
 * (A, B) every engine computes A∪B, A∩B and A−B; a run "throws" when the
 * engine throws, and is "wrong" when the areas do not satisfy
 * area(A∩B) + area(A−B) = area(A) and area(A∪B) = area(A) + area(B) −
 * area(A∩B) to 1e-7 relative (the ceiling issue 12 sets on the grid's error) (areas by contested's areaKm2).
 * geos-wasm (GEOS in WebAssembly, LGPL: benchmark only) and clipper2-wasm
 * (the C++ Clipper2 in WebAssembly, on our 1e-9° grid) run beside them
 * through `bench/_wasm.ts`, which frees every wasm object it makes; the
 * wasm heaps' size is printed before and after (steady means no leak).
 * Also times areaKm2 against @turf/area. Run: `npx tsx bench/engines.ts`
 * (or `npx tsx bench/engines.ts wasm` for the engines whose name holds "wasm").
 */
import turfArea from '@turf/area';
import type { MultiPolygon, Position } from 'geojson';
import * as martinez from 'martinez-polygon-clipping';
import polygonClipping from 'polygon-clipping';
import * as polyclip from 'polyclip-ts';
import { areaKm2 } from '../src/geometry/index.js';
import { clip, type MultiPolygon2 } from '../src/geometry/_engine.js';
import { clipperWasm, geosWasm, geosWasmVersion, wasmHeapBytes } from './_wasm.js';

type Multi = Position[][][];
type Op = (a: Multi, b: Multi) => Multi;
interface Engine { name: string; union: Op; intersection: Op; difference: Op }
const engines = ([
  { name: 'clipper2-ts (ours, the run\'s grid: 1e-10° here)', union: (a, b) => clip('union', [a as MultiPolygon2, b as MultiPolygon2]), intersection: (a, b) => clip('intersection', [a as MultiPolygon2, b as MultiPolygon2]), difference: (a, b) => clip('difference', [a as MultiPolygon2, b as MultiPolygon2]) },
  { name: 'polyclip-ts', union: (a, b) => polyclip.union(a as never, b as never), intersection: (a, b) => polyclip.intersection(a as never, b as never), difference: (a, b) => polyclip.difference(a as never, b as never) },
  { name: 'polygon-clipping', union: (a, b) => polygonClipping.union(a as never, b as never), intersection: (a, b) => polygonClipping.intersection(a as never, b as never), difference: (a, b) => polygonClipping.difference(a as never, b as never) },
  { name: 'martinez', union: (a, b) => (martinez.union(a as never, b as never) ?? []) as Multi, intersection: (a, b) => (martinez.intersection(a as never, b as never) ?? []) as Multi, difference: (a, b) => (martinez.diff(a as never, b as never) ?? []) as Multi },
  { name: `geos-wasm (GEOS ${geosWasmVersion.split('-')[0]})`, union: (a, b) => geosWasm('union', a, b), intersection: (a, b) => geosWasm('intersection', a, b), difference: (a, b) => geosWasm('difference', a, b) },
  { name: 'clipper2-wasm (1e-9° grid)', union: (a, b) => clipperWasm('union', a, b), intersection: (a, b) => clipperWasm('intersection', a, b), difference: (a, b) => clipperWasm('difference', a, b) },
] satisfies Engine[] as Engine[]).filter((engine) => process.argv[2] === undefined || engine.name.includes(process.argv[2]));

let seed = 42;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

/** A front line from (37, 48) to (37, 48.3) with `n` wobbly vertices. */
function front(n: number, jitter: number): Position[] {
  const line: Position[] = [];
  for (let i = 0; i <= n; i += 1) line.push([37 + 0.02 * Math.sin(i * 1.7 + random()) + (i > 0 && i < n ? (random() - 0.5) * jitter : 0), 48 + (0.3 * i) / n]);
  return line;
}
function pairs(): [string, Multi, Multi][] {
  const out: [string, Multi, Multi][] = [];
  for (let k = 0; k < 500; k += 1) {
    const line = front(5 + Math.floor(random() * 40), 0);
    const west = [[...line, [36.8, 48.3], [36.8, 48], line[0]!]];
    const east = [[...line, [37.2, 48.3], [37.2, 48], line[0]!]];
    out.push(['shared-edge', [west], [east]]);
    const jittered = line.map(([x, y], i) => (i > 0 && i < line.length - 1 ? [x! + (random() - 0.5) * 1e-11, y!] : [x!, y!]));
    out.push(['jittered-front', [west], [[[...jittered, [37.2, 48.3], [37.2, 48], jittered[0]!]]]]);
    const v = line[Math.floor(line.length / 2)]!;
    out.push(['shared-vertex', [west], [[[[v[0]!, v[1]!], [v[0]! + 0.1, v[1]! - 0.05], [v[0]! + 0.1, v[1]! + 0.05], [v[0]!, v[1]!]]]]]);
    const [p, q] = [line[1]!, line[2]!];
    const mid = [(p[0]! + q[0]!) / 2, (p[1]! + q[1]!) / 2];
    out.push(['t-junction', [west], [[[[mid[0]!, mid[1]!], [mid[0]! + 0.1, mid[1]!], [mid[0]! + 0.1, mid[1]! + 0.1], [mid[0]!, mid[1]!]]]]]);
  }
  return out;
}

const area = (m: Multi): number => areaKm2({ type: 'MultiPolygon', coordinates: m } as MultiPolygon);
const cases = pairs();
console.log('wasm heaps before (bytes):', JSON.stringify(wasmHeapBytes()));
for (const engine of engines) {
  const tally: Record<string, { throws: number; wrong: number; runs: number }> = {};
  const start = performance.now();
  for (const [kind, a, b] of cases) {
    const t = (tally[kind] ??= { throws: 0, wrong: 0, runs: 0 });
    t.runs += 1;
    try {
      const [u, i, d] = [engine.union(a, b), engine.intersection(a, b), engine.difference(a, b)];
      const [aa, ab] = [area(a), area(b)];
      const bad = Math.abs(area(i) + area(d) - aa) > 1e-7 * aa || Math.abs(area(u) - (aa + ab - area(i))) > 1e-7 * (aa + ab);
      if (bad) t.wrong += 1;
    } catch (error) {
      if (t.throws === 0 && process.env['VERBOSE']) console.error(engine.name, kind, error);
      t.throws += 1;
    }
  }
  console.log(engine.name.padEnd(30), `${(performance.now() - start).toFixed(0)} ms`, JSON.stringify(tally));
}
console.log('wasm heaps after (bytes):', JSON.stringify(wasmHeapBytes()));

// Speed of areaKm2 against @turf/area (spherical, so not the same answer) on a 10,000-vertex ring.
const ring: Position[] = [];
for (let i = 0; i < 10_000; i += 1) ring.push([37 + Math.cos((2 * Math.PI * i) / 10_000), 48 + Math.sin((2 * Math.PI * i) / 10_000)]);
ring.push(ring[0]!);
const polygon = { type: 'Polygon' as const, coordinates: [ring] };
for (const [name, fn] of [['areaKm2', () => areaKm2(polygon)], ['@turf/area', () => turfArea(polygon)]] as const) {
  for (let i = 0; i < 50; i += 1) fn();
  const start = performance.now();
  for (let i = 0; i < 500; i += 1) fn();
  console.log(name.padEnd(12), `${((performance.now() - start) / 500 * 1000).toFixed(1)} µs per 10k-vertex ring`);
}
