// The sweep's width W and work S of a run's operands along y and x, beside the run's CPU time along each axis.
import { readFileSync } from 'node:fs';
import { clipAlong, type MultiPolygon2 } from '../../src/geometry/_engine.js';
import { sweepSize } from '../../src/geometry/_sweepWidth.js';

type Case = { name: string; op: 'difference' | 'intersection' | 'union'; operands: MultiPolygon2[] };
const cases: Case[] = [];
const comb = (n: number): MultiPolygon2[] => {
  const w = 1e-4;
  const p: [number, number][] = [[30, 50.01]];
  for (let i = 0; i < n; i++) { const x = 30 + 2 * i * w; p.push([x, 50], [x + w, 50], [x + w, 50.005]); }
  p.push([30 + 2 * n * w, 50.005], [30 + 2 * n * w, 50.01], [30, 50.01]);
  const box: [number, number][] = [[29.9, 50.0025], [30 + n * w, 50.0025], [30 + n * w, 50.02], [29.9, 50.02], [29.9, 50.0025]];
  return [[[p.reverse()]], [[box.reverse()]]];
};
const zig = (n: number): MultiPolygon2[] => {
  const one = (dx: number, dy: number): MultiPolygon2 => { const p: [number, number][] = []; for (let i = 0; i < n; i++) p.push([37 + i * 1e-9 + dx, 48 + (i % 2 ? 3e-9 : 0) + dy]); for (let i = n - 1; i >= 0; i--) p.push([37 + i * 1e-9 + dx, 48 + 1e-6 + (i % 2 ? 3e-9 : 0) + dy]); p.push(p[0]!); return [[p.reverse()]]; };
  return [one(0, 0), one(4e-10, 5e-7)];
};
const star = (k: number): MultiPolygon2[] => {
  const one = (r0: number, r1: number, phase: number): MultiPolygon2 => { const p: [number, number][] = []; for (let i = 0; i < 2 * k; i++) { const t = (Math.PI * i) / k + phase; const r = i % 2 ? r0 : r1; p.push([30 + r * Math.cos(t), 48 + r * Math.sin(t)]); } p.push(p[0]!); return [[p]]; };
  return [one(0.1, 1, 0), one(0.1, 1, Math.PI / (2 * k))];
};
const args = process.argv.slice(2);
for (const a of args) {
  const [kind, size] = a.split(':'); const n = Number(size);
  if (kind === 'comb') cases.push({ name: `comb ${n}`, op: 'difference', operands: comb(n) });
  if (kind === 'zig') cases.push({ name: `zig ${n}`, op: 'difference', operands: zig(n) });
  if (kind === 'star') cases.push({ name: `star ${n}`, op: 'difference', operands: star(n) });
  if (kind === 'real') {
    const g = (f: string) => (JSON.parse(readFileSync(`../shared/data/${f}`, 'utf8')).features[0].geometry.coordinates) as MultiPolygon2;
    cases.push({ name: 'ukraine − occupied', op: 'difference', operands: [g('ukraine/ukraine-adm0.geojson'), g('deepstate/occupied-2025-10-01.geojson')] });
  }
}
const axes = (process.env.AXES ?? 'y,x').split(',') as ('x' | 'y')[];
for (const c of cases) {
  const t0 = process.cpuUsage();
  const y = sweepSize(c.operands, 'y'), x = sweepSize(c.operands, 'x');
  const tw = process.cpuUsage(t0);
  const line = [`${c.name}: n ${y.vertices}; along y W ${y.width} S ${y.work.toExponential(2)}; along x W ${x.width} S ${x.work.toExponential(2)}; measuring both ${((tw.user + tw.system) / 1000).toFixed(1)} ms`];
  for (const axis of axes) {
    const c0 = process.cpuUsage(); const r = clipAlong(axis, c.op, c.operands); const d = process.cpuUsage(c0);
    const area = r.flat(1).reduce((t, ring, _i) => t, 0);
    line.push(`  run along ${axis}: ${((d.user + d.system) / 1000).toFixed(0)} ms CPU, ${r.length} polygons ${area}`);
  }
  console.log(line.join('\n'));
}
