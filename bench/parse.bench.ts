/**
 * Benchmark 5: `parseDataset` on a dataset of 100,000 positions (as
 * geolocated evidence) and 10,000 claims (inline polygons), against a bare
 * zod schema of the same shape — the same fields and types, without
 * contested's messages, refinements (time precision, coordinate ranges,
 * ring closure, MGRS) and referential checks. Target: within 2×.
 */
import { bench, describe } from 'vitest';
import { z } from 'zod';
import { parseDataset } from '../src/dataset/parse.js';
import { measure, printTable } from './_data.js';

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

const input = build();
let valid = true;
try {
  parseDataset(input);
} catch (error) {
  valid = false;
  console.warn('[parse] the generated dataset does not parse:', error instanceof Error ? error.message.slice(0, 400) : error);
}
if (valid) {
  const ours = measure(() => parseDataset(input), 5);
  const bare = measure(() => Bare.parse(input), 5);
  printTable(
    `parseDataset: ${POSITIONS.toLocaleString('en-US')} positions (evidence) and ${CLAIMS.toLocaleString('en-US')} claims`,
    ['parser', 'median ms', 'p75−p25 ms', '× bare zod'],
    [
      ['contested parseDataset (schemas + referential checks)', ours.median, ours.p75 - ours.p25, ours.median / bare.median],
      ['bare zod schema, same shape', bare.median, bare.p75 - bare.p25, 1],
    ],
  );
}

describe.skipIf(!valid)('parseDataset, 100k positions + 10k claims', () => {
  bench('contested parseDataset', () => void parseDataset(input), { iterations: 5, time: 0 });
  bench('bare zod schema', () => void Bare.parse(input), { iterations: 5, time: 0 });
});
