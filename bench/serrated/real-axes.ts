// Which axis sweepAxis picks on every real polygon file (each alone, and each day's pair with the next), with S along y and x.
import { readFileSync, readdirSync } from 'node:fs';
import { sweepAxis, sweepSize, workAtMost } from '../../src/geometry/_sweepWidth.js';
import type { MultiPolygon2 } from '../../src/geometry/_engine.js';
const files: string[] = [];
for (const d of ['deepstate', 'deepstate-daily', 'deepstate-raw', 'isw', 'ukraine', 'pokrovsk']) for (const f of readdirSync(`../shared/data/${d}`)) if (/json$/.test(f)) files.push(`../shared/data/${d}/${f}`);
const read = (f: string): MultiPolygon2 => { const j = JSON.parse(readFileSync(f, 'utf8')); const feats = j.features ?? [j]; const out: MultiPolygon2 = []; for (const ft of feats) { const g = ft.geometry ?? ft; if (g?.type === 'Polygon') out.push(g.coordinates); if (g?.type === 'MultiPolygon') out.push(...g.coordinates); } return out; };
let x = 0, measured = 0, maxRatio = 0;
const all = files.map((f) => [f, read(f)] as const);
for (let i = 0; i < all.length; i++) {
  const ops = i + 1 < all.length ? [all[i]![1], all[i + 1]![1]] : [all[i]![1]];
  const v = ops.reduce((t, m) => t + m.flat(1).reduce((k, r) => k + r.length, 0), 0);
  if (v < 4096) continue;
  measured++;
  const axis = sweepAxis(ops);
  const sy = sweepSize(ops, 'y').work; const sx = sweepSize(ops, 'x').work; const b = workAtMost(ops, 'y');
  maxRatio = Math.max(maxRatio, sy / sx);
  if (axis === 'x' || b > 5e7) { x += axis === 'x' ? 1 : 0; console.log(`${all[i]![0]}: n ${v} axis ${axis} S_y ${sy.toExponential(2)} bound ${b.toExponential(2)} S_x ${sx.toExponential(2)}`); }
}
console.log(`${all.length} files, ${measured} runs of >= 4096 vertices measured, ${x} transposed, largest S_y/S_x ${maxRatio.toFixed(2)}`);
