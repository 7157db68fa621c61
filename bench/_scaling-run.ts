/**
 * One run of the scaling benchmark, in a process of its own so that its
 * peak memory (max RSS) is its own: `diffClaims` of Ukraine's outline
 * (controlled by UA) against DeepState's occupied outline of 2025-10-01
 * (controlled by RU), both resampled to `n` vertices in total — decimated
 * below their real size, densified along their own edges above it, so the
 * shapes stay the real ones (`scalingInputs` in `_data.ts`). Prints `{ n, vertices, ms, maxRssMb }` as JSON.
 * Run: `node --expose-gc --import tsx bench/_scaling-run.ts 100000 [inputs.json]`;
 * with a file name, the resampled inputs are written there for GEOS.
 */
import { writeFileSync } from 'node:fs';
import type { MultiPolygon } from 'geojson';
import { diffClaims } from '../src/diff/index.js';
import type { Claim } from '../src/claims/schema.js';
import { scalingInputs } from './_data.js';

const n = Number(process.argv[2] ?? 1000);
const { ukraine, occupied, a, b, count } = scalingInputs(n);
const claim = (id: string, geometry: MultiPolygon, side: string): Claim => ({ id, claimant: id, statedAt: '2025-10-01', basis: 'assessed', area: { geometry }, status: 'controlled', side }) as Claim;
// Warm the engine up on the real outlines first, so that small sizes time the work, not the JIT.
diffClaims([claim('ua', ukraine, 'UA')], [claim('ru', occupied, 'RU')]);
// The same inputs for native GEOS (bench/geos_diff.py), when a file is named.
if (process.argv[3] !== undefined) writeFileSync(process.argv[3], JSON.stringify({ a, b }));
(globalThis as { gc?: () => void }).gc?.();
const start = performance.now();
const diff = diffClaims([claim('ua', a, 'UA')], [claim('ru', b, 'RU')]);
const ms = performance.now() - start;
console.log(JSON.stringify({ n, vertices: count(a) + count(b), ms, maxRssMb: process.resourceUsage().maxRSS / 1024, conflictKm2: diff.summary.conflict.km2 }));
