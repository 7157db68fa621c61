/**
 * Benchmark: the sizes of issue 18 — work bounded by what an input is, not
 * by how it is drawn.
 *
 * - many evidence: `findContradictions` / `findSupport` with 2,000 evidence
 *   (geolocated points spread over 10° × 6°) and 400 claims (a grid of
 *   boxes); the evidence is found by bounding box (flatbush), so the pairs
 *   never meet one by one. What is left is the geodesic distance of each
 *   finding (about 1,400 of them): measured on the ellipsoid only at the
 *   samples where the sphere says it can be least, then Brent's search to
 *   0.1 mm of distance; and each claim's area, resolved once per call.
 * - walk sizes: a `properties` bag of 61 objects each holding the next twice
 *   (2^60 paths), refused by `maxNodes` before any schema runs; an area
 *   expression naming one sub-expression twice at each of 40 levels,
 *   resolved once per sub-expression; and, for scale, `parseDataset` of a
 *   plain tree of 200,000 objects, walked once.
 */
import { bench, describe } from 'vitest';
import { findContradictions, findSupport } from '../src/evidence/contradictions.js';
import { parseDataset, parseEntity } from '../src/dataset/parse.js';
import { resolveArea } from '../src/places/resolveArea.js';
import { sharedArea, sharedBag } from '../test/bad-inputs/hostile.js';
import { measure, printTable } from './_data.js';

const EVIDENCE = 2_000;
const CLAIMS = 400;
type Loose = Record<string, unknown>;
const box = (w: number, s: number, e: number, n: number): number[][] => [[w, s], [e, s], [e, n], [w, n], [w, s]];

function manyEvidence(): { claims: Loose[]; evidence: Loose[] } {
  const claims: Loose[] = [];
  for (let i = 0; i < CLAIMS; i++) {
    const [x, y] = [30 + (i % 20) * 0.5, 45 + Math.floor(i / 20) * 0.3];
    claims.push({ id: `c${i}`, claimant: 'k', statedAt: '2025-12-01', area: { geometry: { type: 'Polygon', coordinates: [box(x, y, x + 0.4, y + 0.25)] } }, status: 'controlled', side: 'RU', basis: 'claimed' });
  }
  const evidence: Loose[] = [];
  for (let i = 0; i < EVIDENCE; i++) {
    const [x, y] = [30 + ((i * 7919) % 1000) / 100, 45 + ((i * 104729) % 600) / 100];
    evidence.push({ id: `e${i}`, kind: 'drone-video', capturedAt: '2025-12-01', position: { coordinates: [x, y] }, shows: [{ kind: i % 2 === 0 ? 'presence' : 'control', side: i % 3 === 0 ? 'RU' : 'UA' }] });
  }
  return { claims, evidence };
}

const refused = (run: () => unknown): void => {
  try {
    run();
  } catch {
    return;
  }
  throw new Error('expected the input to be refused');
};

const dataset = manyEvidence() as unknown as Parameters<typeof findContradictions>[0];
const bag = { id: 'UA', name: 'Ukraine', properties: { x: sharedBag(60) } };
const places = parseDataset({ places: [{ id: 'pokrovsk', name: 'Pokrovsk', kind: 'settlement', geometry: { type: 'Polygon', coordinates: [box(37.12, 48.25, 37.24, 48.32)] } }] }).places ?? [];
const area40 = sharedArea(40) as Parameters<typeof resolveArea>[1];
const tree = { sides: [{ id: 'UA', name: 'Ukraine', properties: { rows: Array.from({ length: 100_000 }, (_, i) => ({ i: { n: i } })) } }] };

const rows: (string | number)[][] = [
  [`findContradictions, ${EVIDENCE.toLocaleString('en-US')} evidence × ${CLAIMS} claims`, measure(() => findContradictions(dataset), 3).median],
  [`findSupport, ${EVIDENCE.toLocaleString('en-US')} evidence × ${CLAIMS} claims`, measure(() => findSupport(dataset), 3).median],
  ['parseEntity, properties of 61 objects standing for 2^60 paths (refused)', measure(() => refused(() => parseEntity('side', bag)), 5).median],
  ['parseDataset, the same bag in a dataset (refused)', measure(() => refused(() => parseDataset({ sides: [bag] })), 5).median],
  ['resolveArea, one sub-expression named twice at each of 40 levels', measure(() => resolveArea({ places }, area40), 3).median],
  ['parseDataset, a plain tree of 200,001 objects in properties', measure(() => parseDataset(tree), 3).median],
];
printTable('Hostile and large input (issue 18)', ['case', 'median ms'], rows);

describe('many evidence', () => {
  bench(`findContradictions ${EVIDENCE}×${CLAIMS}`, () => void findContradictions(dataset), { iterations: 3, time: 0 });
  bench(`findSupport ${EVIDENCE}×${CLAIMS}`, () => void findSupport(dataset), { iterations: 3, time: 0 });
});

describe('walk sizes', () => {
  bench('parseEntity, 2^60-path bag (refused)', () => refused(() => parseEntity('side', bag)), { iterations: 5, time: 0 });
  bench('resolveArea, 40 levels of { union: [x, x] }', () => void resolveArea({ places }, area40), { iterations: 3, time: 0 });
  bench('parseDataset, plain tree of 200,001 objects', () => void parseDataset(tree), { iterations: 3, time: 0 });
});
