/**
 * Benchmark 5: `parseDataset` on a dataset of 100,000 positions (as
 * geolocated evidence) and 10,000 claims (inline polygons), against a bare
 * zod schema of the same shape — the same fields and types, without
 * contested's messages, refinements (time precision, coordinate ranges,
 * ring closure, MGRS) and referential checks. Target: within 2×.
 *
 * How the two are timed (the table's figures): the same input, each parser
 * warmed up twice, then {@link ROUNDS} rounds in which each runs once, in
 * turn (the first to run alternates), with a full garbage collection before
 * every timed run. So neither pays for the garbage the other left, nor for
 * a collection that happened to fall in its turn; each pays for its own
 * allocations. Wall and CPU time (`process.cpuUsage`, the process's
 * threads, so the collector's helpers too) are both reported: on a loaded
 * machine the CPU figures move less.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { bench, describe } from 'vitest';
import { z } from 'zod';
import { parseDataset } from '../src/dataset/parse.js';
import { printTable } from './_data.js';

const POSITIONS = 100_000;
const CLAIMS = 10_000;

function build(): unknown {
  const claims = [];
  for (let i = 0; i < CLAIMS; i++) {
    const [x, y] = [30 + (i % 100) * 0.1, 46 + Math.floor(i / 100) * 0.05];
    claims.push({
      id: `claim-${i}`,
      claimant: i % 2 === 0 ? 'kremlin' : 'skala-command',
      statedAt: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      area: { geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.05, y], [x + 0.05, y + 0.04], [x, y + 0.04], [x, y]]] } },
      status: 'controlled',
      side: i % 2 === 0 ? 'RU' : 'UA',
      basis: 'claimed',
    });
  }
  const evidence = [];
  for (let i = 0; i < POSITIONS; i++) {
    evidence.push({
      id: `ev-${i}`,
      kind: 'drone-video',
      capturedAt: `2025-12-01T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`,
      position: { coordinates: [30 + (i % 1000) * 0.01, 46 + Math.floor(i / 1000) * 0.05], how: 'geolocated', accuracyM: 150 },
      shows: [{ kind: 'presence', side: i % 3 === 0 ? 'UA' : 'RU' }],
      source: 'skala-command',
    });
  }
  return {
    sides: [{ id: 'UA', name: 'Ukraine' }, { id: 'RU', name: 'Russia' }],
    actors: [{ id: 'kremlin', name: 'The Kremlin', kind: 'head-of-state' }, { id: 'skala-command', name: 'Skala command', kind: 'unit-command' }],
    claims,
    evidence,
  };
}

const lonLat = z.tuple([z.number(), z.number()]);
const Bare = z.object({
  sides: z.array(z.object({ id: z.string(), name: z.string() })),
  actors: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  claims: z.array(
    z.object({
      id: z.string(),
      claimant: z.string(),
      statedAt: z.string(),
      area: z.object({ geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(lonLat)) }) }),
      status: z.enum(['controlled', 'contested', 'advancing']),
      side: z.string().optional(),
      basis: z.enum(['claimed', 'assessed']),
    }),
  ),
  evidence: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      capturedAt: z.string(),
      position: z.object({ coordinates: lonLat, how: z.string(), accuracyM: z.number() }),
      shows: z.array(z.object({ kind: z.string(), side: z.string() })),
      source: z.string(),
    }),
  ),
});

/** Timed runs of each parser. */
const ROUNDS = 9;

/** A full garbage collection, or undefined where the runtime refuses `--expose-gc` at run time. */
function fullGc(): (() => void) | undefined {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? (gc as () => void) : undefined;
}

interface Timing {
  wall: number[];
  cpu: number[];
}

/** Times `runs` in turn, {@link ROUNDS} rounds, as the module comment says. */
function interleaved(runs: readonly (() => unknown)[], gc: (() => void) | undefined): Timing[] {
  const timings: Timing[] = runs.map(() => ({ wall: [], cpu: [] }));
  for (let warm = 0; warm < 2; warm++) for (const run of runs) run();
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < runs.length; k++) {
      const j = round % 2 === 0 ? k : runs.length - 1 - k;
      gc?.();
      const cpu = process.cpuUsage();
      const start = performance.now();
      (runs[j] as () => unknown)();
      const wall = performance.now() - start;
      const used = process.cpuUsage(cpu);
      (timings[j] as Timing).wall.push(wall);
      (timings[j] as Timing).cpu.push((used.user + used.system) / 1000);
    }
  }
  return timings;
}

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
};

const input = build();
let valid = true;
try {
  parseDataset(input);
} catch (error) {
  valid = false;
  console.warn('[parse] the generated dataset does not parse:', error instanceof Error ? error.message.slice(0, 400) : error);
}
if (valid) {
  const gc = fullGc();
  if (gc === undefined) console.warn('[parse] no full garbage collection between runs (the runtime refused --expose-gc): the figures include collections of the other parser\'s garbage');
  const [ours, bare] = interleaved([() => parseDataset(input), () => Bare.parse(input)], gc) as [Timing, Timing];
  const row = (name: string, t: Timing): (string | number)[] => [
    name,
    quantile(t.wall, 0.5),
    quantile(t.wall, 0.75) - quantile(t.wall, 0.25),
    quantile(t.cpu, 0.5),
    quantile(t.wall, 0.5) / quantile(bare.wall, 0.5),
    quantile(t.cpu, 0.5) / quantile(bare.cpu, 0.5),
  ];
  printTable(
    `parseDataset: ${POSITIONS.toLocaleString('en-US')} positions (evidence) and ${CLAIMS.toLocaleString('en-US')} claims (${ROUNDS} rounds, in turn${gc === undefined ? '' : ', full GC before each run'})`,
    ['parser', 'median ms', 'p75−p25 ms', 'median CPU ms', '× bare zod', '× bare zod, CPU'],
    [row('contested parseDataset (schemas + referential checks)', ours), row('bare zod schema, same shape', bare)],
  );
}

describe.skipIf(!valid)('parseDataset, 100k positions + 10k claims', () => {
  bench('contested parseDataset', () => void parseDataset(input), { iterations: 5, time: 0 });
  bench('bare zod schema', () => void Bare.parse(input), { iterations: 5, time: 0 });
});
