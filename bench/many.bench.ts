/**
 * Many operands (the sizes of issue 18): `controlMap` over 10,000 claims on
 * one city and over 2,000 overlapping squares, and `intersection` of 500
 * overlapping squares (2,000 vertices in all). Before the clipper2-ts engine
 * and the overlay core these took 42 s, 11 s and 40–60 s; the target is well
 * under 1–2 s each.
 */
import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { bench, describe } from 'vitest';
import type { Claim } from '../src/claims/schema.js';
import { controlMap } from '../src/control/index.js';
import { intersection } from '../src/geometry/index.js';
import { measure, printTable } from './_data.js';

const pokrovsk = JSON.parse(readFileSync(new URL('../examples/pokrovsk/pokrovsk.json', import.meta.url), 'utf8')) as { places: { geometry: Polygon }[] };
const city = pokrovsk.places[0]!.geometry;

const claim = (i: number, geometry: Polygon): Claim =>
  ({ id: `c${i}`, claimant: `k${i % 7}`, statedAt: `2025-0${1 + (i % 9)}-1${i % 10}`, status: 'controlled', side: i % 3 === 0 ? 'UA' : 'RU', area: { geometry } }) as unknown as Claim;

let seed = 1;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const square = (x: number, y: number, s: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });

const onOneCity = Array.from({ length: 10_000 }, (_, i) => claim(i, city));
const squares = Array.from({ length: 2_000 }, (_, i) => claim(i, square(37 + random(), 48 + random(), 0.05 + 0.1 * random())));
const stacked = Array.from({ length: 500 }, () => square(37 + 0.1 * random(), 48 + 0.1 * random(), 1));

const cases: [string, () => unknown][] = [
  ['controlMap, 10,000 claims on one city', () => controlMap(onOneCity)],
  ['controlMap, 2,000 overlapping squares', () => controlMap(squares)],
  ['intersection of 500 overlapping squares (2,000 vertices)', () => intersection(...stacked)],
];
printTable(
  'many operands (issue 18 sizes): median of 3 after one warm-up',
  ['case', 'median ms', 'p75−p25 ms', 'before (issue 18)', 'target'],
  cases.map(([name, fn], i) => {
    const t = measure(fn, 3);
    return [name, t.median, t.p75 - t.p25, ['42 s', '11 s', '40–60 s'][i]!, '≤ 1–2 s'];
  }),
);

describe('many operands', () => {
  for (const [name, fn] of cases) bench(name, () => void fn(), { iterations: 1, time: 0, warmupIterations: 0 });
});
