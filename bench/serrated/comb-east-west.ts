// The comb of bench/serrated/comb.ts turned a quarter (teeth running east to west, x and y swapped), through the public difference: where does the time go now?
import { difference, validateGeometry } from '../../src/index.js';
const n = Number(process.argv[2] ?? 10000), w = 1e-4;
const p: number[][] = [[50.01, 30]];
for (let i = 0; i < n; i++) { const y = 30 + 2 * i * w; p.push([50, y], [50, y + w], [50.005, y + w]); }
p.push([50.005, 30 + 2 * n * w], [50.01, 30 + 2 * n * w], [50.01, 30]);
const comb = { type: 'Polygon' as const, coordinates: [p] };
const box = { type: 'Polygon' as const, coordinates: [[[50.0025, 29.9], [50.0025, 30 + n * w], [50.02, 30 + n * w], [50.02, 29.9], [50.0025, 29.9]]] };
const c0 = process.cpuUsage(); const r = difference(comb, box); const c = process.cpuUsage(c0);
console.log(`east-west comb of ${p.length} vertices minus a box: ${((c.user + c.system) / 1000).toFixed(0)} ms CPU, ${r.coordinates.length} polygons, valid ${validateGeometry(r).valid}`);
