/**
 * The clipping engines judged by the referee (issue 12: "evaluate ... on the
 * referee of the previous issue"): the generated boolean overlays of
 * `test/referee/boolean.referee.test.ts` (random polygons with holes,
 * multipolygons, shared and nearly shared edges 1e-9°–1e-6° apart, vertices
 * on edges; 2 to 4 operands), computed by each engine and sent to native
 * GEOS, which answers with its own area and the area of the symmetric
 * difference between the engine's shape and its own. Per engine: cases
 * that threw, disagreements beyond the referee's bound (`bound` in
 * test/referee/_geos.ts, the same as the tests use), shapes GEOS calls
 * invalid, and the time spent in the engine. Ours is the library's `union`,
 * `intersection` and `difference` (clipper2-ts on the run's grid, 1e-11° or
 * 1e-12° for these cases' extents, with snap
 * rounding and the output repair); the others are called bare, as a user of
 * them would (the wasm engines through `bench/_wasm.ts`, which frees what it makes). Run: `npx tsx bench/engines-referee.ts [cases]` (default 2,000;
 * needs /usr/bin/python3 with shapely and pyproj, `npm run bench:setup`).
 */
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import * as martinez from 'martinez-polygon-clipping';
import polygonClipping from 'polygon-clipping';
import * as polyclip from 'polyclip-ts';
import { ContestedError } from '../src/errors/index.js';
import { areaKm2, difference, intersection, union } from '../src/geometry/index.js';
import { disagreements, referee, refereeMissing, type RefereeCase } from '../test/referee/_geos.js';
import { clipperWasm, geosWasm, geosWasmVersion } from './_wasm.js';
import { Random, booleanOperands } from '../test/referee/_generate.js';

type Multi = Position[][][];
type Op = 'union' | 'intersection' | 'difference';
/** An engine: the result of `op` over the operands (the first less the rest for a difference), as a MultiPolygon. */
interface Engine {
  name: string;
  run: (op: Op, operands: Multi[]) => Multi;
}

const multi = (g: Polygon | MultiPolygon): Multi => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const asGeometry = (m: Multi): Geometry => ({ type: 'MultiPolygon', coordinates: m });
const ours = (op: Op, operands: Multi[]): Multi => {
  const geometries = operands.map((m) => asGeometry(m) as MultiPolygon);
  const result = op === 'union' ? union(...geometries) : op === 'intersection' ? intersection(...geometries) : difference(geometries[0]!, ...geometries.slice(1));
  return result === null ? [] : multi(result as Polygon | MultiPolygon);
};
/** Folds a two-operand engine call over the operands. */
const fold = (two: (op: Op, a: Multi, b: Multi) => Multi) => (op: Op, operands: Multi[]): Multi => operands.slice(1).reduce((a, b) => two(op, a, b), operands[0]!);

export const engines: Engine[] = [
  { name: 'clipper2-ts (the library: the run\'s grid, snap rounding)', run: ours },
  { name: 'polyclip-ts 0.16.8', run: fold((op, a, b) => (op === 'union' ? polyclip.union : op === 'intersection' ? polyclip.intersection : polyclip.difference)(a as never, b as never) as Multi) },
  { name: 'polygon-clipping 0.15.7', run: fold((op, a, b) => (op === 'union' ? polygonClipping.union : op === 'intersection' ? polygonClipping.intersection : polygonClipping.difference)(a as never, b as never) as Multi) },
  { name: 'martinez-polygon-clipping 0.8.1', run: fold((op, a, b) => ((op === 'union' ? martinez.union : op === 'intersection' ? martinez.intersection : martinez.diff)(a as never, b as never) ?? []) as Multi) },
  { name: `geos-wasm 3.1.1 (GEOS ${geosWasmVersion.split('-')[0]}, floating)`, run: fold((op, a, b) => geosWasm(op, a, b)) },
  { name: 'clipper2-wasm 0.4.0 (1e-9° grid, bare)', run: fold((op, a, b) => clipperWasm(op, a, b)) },
];

/** The generated overlays, as the boolean referee makes them (its seeds, its operation per seed). */
function generated(count: number): { id: string; op: Op; operands: Multi[] }[] {
  const ops: Op[] = ['union', 'intersection', 'difference'];
  const out: { id: string; op: Op; operands: Multi[] }[] = [];
  for (let seed = 1; out.length < count; seed += 1) {
    const random = new Random(seed);
    const op = ops[seed % ops.length]!;
    out.push({ id: `seed ${seed} (${op})`, op, operands: booleanOperands(random).map(multi) });
  }
  return out;
}

/** Judges one engine on the overlays: threw, disagreed with GEOS beyond the bound, invalid in GEOS's sense, ms in the engine. */
export function judgeEngine(engine: Engine, overlays: ReturnType<typeof generated>): { threw: number; open: number; refused: number; disagreed: number; invalid: number; notJudged: number; ms: number; examples: string[] } {
  const cases: RefereeCase[] = [];
  const areas: number[] = [];
  let threw = 0;
  let open = 0;
  let refused = 0;
  let ms = 0;
  const examples: string[] = [];
  for (const { id, op, operands } of overlays) {
    let result: Multi;
    const start = performance.now();
    try {
      result = engine.run(op, operands);
    } catch (error) {
      threw += 1;
      if (examples.length < 3) examples.push(`${id}: threw ${String(error).slice(0, 120)}`);
      continue;
    } finally {
      ms += performance.now() - start;
    }
    // Some engines leave rings open (the last position not repeating the first): closed here, and counted.
    const closed = result.map((polygon) => polygon.map((ring) => (ring.length > 0 && (ring[0]![0] !== ring.at(-1)![0] || ring[0]![1] !== ring.at(-1)![1]) ? (open += 1, [...ring, ring[0]!]) : ring)));
    cases.push({ id, kind: 'boolean', op, operands: operands.map(asGeometry), ours: asGeometry(closed) });
    // A result areaKm2's operand checks refuse (a hole outside its shell, rings crossing) is counted, and judged by
    // its shape alone (GEOS's symmetric difference), since it has no area of its own to compare.
    try {
      areas.push(areaKm2(asGeometry(closed)));
    } catch (error) {
      if (!(error instanceof ContestedError)) throw error;
      refused += 1;
      areas.push(NaN);
    }
  }
  const answers = referee(cases);
  let disagreed = 0;
  let invalid = 0;
  let notJudged = 0;
  answers.forEach((answer, i) => {
    if (answer.error?.startsWith('RefereeInconsistent') === true) notJudged += 1;
    if (answer.invalid !== undefined) invalid += 1;
    const area = areas[i]!;
    const wrong = disagreements(answer, { result: Number.isNaN(area) ? (answer.keys?.['result']?.[0] ?? 0) : area });
    if (wrong.length > 0) {
      disagreed += 1;
      const w = wrong[0]!;
      if (examples.length < 3) examples.push(`${answer.id}: ${w.key} ${w.oursKm2} km² vs GEOS ${w.refereeKm2} km² (symmetric difference ${w.symmetricDifferenceKm2.toExponential(2)})`);
    }
  });
  return { threw, open, refused, disagreed, invalid, notJudged, ms, examples };
}

const missing = refereeMissing();
if (missing !== null) console.warn(`[engines-referee] skipped: ${missing} (npm run bench:setup)`);
else if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 2000);
  const overlays = generated(count);
  console.log(`${count} generated overlays (test/referee/_generate.ts booleanOperands), judged by native GEOS within the referee's bound`);
  console.log('| engine | threw | rings left open | refused by the areaKm2 checks | disagreed with GEOS | invalid in GEOS | not judged | ms in the engine |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const engine of engines) {
    const r = judgeEngine(engine, overlays);
    console.log(`| ${engine.name} | ${r.threw} | ${r.open} | ${r.refused} | ${r.disagreed} | ${r.invalid} | ${r.notJudged} | ${r.ms.toFixed(0)} |`);
    for (const e of r.examples) console.log(`  ${e}`);
  }
}
