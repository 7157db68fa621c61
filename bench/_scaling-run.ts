/**
 * One run of the scaling benchmark, in a process of its own so that its
 * peak memory (max RSS) is its own: `diffClaims` of Ukraine's outline
 * (controlled by UA) against DeepState's occupied outline of 2025-10-01
 * (controlled by RU), both resampled to `n` vertices in total — decimated
 * below their real size, densified along their own edges above it, so the
 * shapes stay the real ones. Prints `{ n, vertices, ms, maxRssMb }` as JSON.
 * Run: `node --expose-gc --import tsx bench/_scaling-run.ts 100000 [inputs.json]`;
 * with a file name, the resampled inputs are written there for GEOS.
 */
import { writeFileSync } from 'node:fs';
import type { MultiPolygon, Position } from 'geojson';
import { diffClaims } from '../src/diff/index.js';
import { normalizeGeometry } from '../src/geometry/index.js';
import type { Claim } from '../src/claims/schema.js';
import { readCollection } from './_data.js';

const n = Number(process.argv[2] ?? 1000);
const ukraine = readCollection('ukraine/ukraine-adm0.geojson').features[0]!.geometry as MultiPolygon;
const occupied = readCollection('deepstate/occupied-2025-10-01.geojson').features[0]!.geometry as MultiPolygon;
const count = (m: MultiPolygon): number => m.coordinates.flat(1).reduce((t, r) => t + r.length - 1, 0);
const factor = n / (count(ukraine) + count(occupied));

function resample(m: MultiPolygon): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: m.coordinates.map((polygon) =>
      polygon.map((ring) => {
        const open = ring.slice(0, -1);
        const out: Position[] = [];
        if (factor < 1) {
          const step = Math.max(1, Math.round(1 / factor));
          for (let i = 0; i < open.length; i += step) out.push(open[i]!);
          if (out.length < 3) out.splice(0, out.length, ...open.slice(0, 3));
        } else {
          const k = Math.max(1, Math.round(factor));
          open.forEach((p, i) => {
            const q = open[(i + 1) % open.length]!;
            for (let j = 0; j < k; j++) out.push([p[0]! + ((q[0]! - p[0]!) * j) / k, p[1]! + ((q[1]! - p[1]!) * j) / k]);
          });
        }
        return [...out, out[0]!];
      }),
    ),
  };
}

const claim = (id: string, geometry: MultiPolygon, side: string): Claim => ({ id, claimant: id, statedAt: '2025-10-01', basis: 'assessed', area: { geometry }, status: 'controlled', side }) as Claim;
// Warm the engine up on the real outlines first, so that small sizes time the work, not the JIT.
diffClaims([claim('ua', ukraine, 'UA')], [claim('ru', occupied, 'RU')]);
// Decimation can push a hole across its shell, which overlays refuse; such inputs are repaired first, untimed, as
// GEOS's side makes them valid (bench/geos_diff.py), so both diff the same ground.
const repaired = (m: MultiPolygon): MultiPolygon => normalizeGeometry(m).geometry as MultiPolygon;
const a = repaired(resample(ukraine));
const b = repaired(resample(occupied));
// The same inputs for native GEOS (bench/geos_diff.py), when a file is named.
if (process.argv[3] !== undefined) writeFileSync(process.argv[3], JSON.stringify({ a, b }));
(globalThis as { gc?: () => void }).gc?.();
const start = performance.now();
const diff = diffClaims([claim('ua', a, 'UA')], [claim('ru', b, 'RU')]);
const ms = performance.now() - start;
console.log(JSON.stringify({ n, vertices: count(a) + count(b), ms, maxRssMb: process.resourceUsage().maxRSS / 1024, conflictKm2: diff.summary.conflict.km2 }));
