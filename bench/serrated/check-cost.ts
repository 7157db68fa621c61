// What sweepAxis costs on the 100k scaling input (bench/_data.ts scalingInputs), beside the diff's engine run along y.
import { scalingInputs } from '../_data.js';
import { sweepAxis, sweepSize, workAtMost } from '../../src/geometry/_sweepWidth.js';
import { clipAlong, type MultiPolygon2 } from '../../src/geometry/_engine.js';
const n = Number(process.argv[2] ?? 100000);
const { a, b } = scalingInputs(n);
const ops = [a.coordinates as MultiPolygon2, b.coordinates as MultiPolygon2];
const cpu = <T>(f: () => T): readonly [T, number] => { const c0 = process.cpuUsage(); const r = f(); const c = process.cpuUsage(c0); return [r, (c.user + c.system) / 1000] as const; };
for (let i = 0; i < 8; i++) {
  const [axis, t] = cpu(() => sweepAxis(ops));
  const [bound, tb] = cpu(() => workAtMost(ops, "y"));
  console.log(`bound along y ${bound.toExponential(2)} (${tb.toFixed(1)} ms)`);
  const [y, ty] = cpu(() => sweepSize(ops, 'y'));
  const [x, tx] = cpu(() => sweepSize(ops, 'x'));
  console.log(`sweepAxis ${axis} ${t.toFixed(1)} ms; along y W ${y.width} S ${y.work.toExponential(2)} (${ty.toFixed(1)} ms); along x W ${x.width} S ${x.work.toExponential(2)} (${tx.toFixed(1)} ms); n ${y.vertices}`);
}
if (process.argv[3] === 'run') for (const axis of ['y', 'x'] as const) { const [r, t] = cpu(() => clipAlong(axis, 'difference', ops)); console.log(`difference along ${axis}: ${t.toFixed(0)} ms CPU, ${r.length} polygons`); }
