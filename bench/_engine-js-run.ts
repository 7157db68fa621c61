/**
 * One run of a JavaScript engine that can hang (polyclip-ts 0.16.8,
 * polygon-clipping 0.15.7) on the inputs `engines-real.ts` wrote to a file,
 * in a process of its own so that the caller can stop it at a time limit.
 * Prints `{ ms, cpu, area }` (wall and process CPU ms of the operation
 * alone, the result's planar area in square degrees) as JSON, or
 * `{ error }` when the engine throws.
 * Run: `node --import tsx bench/_engine-js-run.ts polyclip-ts|polygon-clipping intersection|difference inputs.json`.
 */
import { readFileSync } from 'node:fs';
import type { Position } from 'geojson';
import polygonClipping from 'polygon-clipping';
import * as polyclip from 'polyclip-ts';
import { polygonsArea } from './_data.js';

type Multi = Position[][][];
const [engine, op, file] = process.argv.slice(2) as ['polyclip-ts' | 'polygon-clipping', 'intersection' | 'difference', string];
const { a, b } = JSON.parse(readFileSync(file, 'utf8')) as { a: { coordinates: Multi }; b: { coordinates: Multi } };
const library = engine === 'polyclip-ts' ? polyclip : polygonClipping;
const operate = (library as unknown as Record<typeof op, (x: Multi, y: Multi) => Multi>)[op];
const cpu = process.cpuUsage();
const start = performance.now();
try {
  const out = operate(a.coordinates, b.coordinates);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ ms, cpu: (used.user + used.system) / 1000, area: polygonsArea(out) }));
} catch (error) {
  console.log(JSON.stringify({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
}
