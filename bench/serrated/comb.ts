import { difference, intersection, validateGeometry } from '../../src/index.js';
// A comb: n rectangular teeth 1e-4° wide (about 7 m) hanging from a bar, every tooth's tip on the same latitude (a rasterised edge), minus / intersected with a plain box over half of it.
const n = Number(process.argv[2] ?? 10000), w = 1e-4;
const p: number[][] = [[30, 50.01]];
for (let i = 0; i < n; i++) { const x = 30 + 2 * i * w; p.push([x, 50], [x + w, 50], [x + w, 50.005]); }
p.push([30 + 2 * n * w, 50.005], [30 + 2 * n * w, 50.01], [30, 50.01]);
const comb = { type: 'Polygon' as const, coordinates: [p.reverse()] };
const box = { type: 'Polygon' as const, coordinates: [[[29.9, 50.0025], [30 + n * w, 50.0025], [30 + n * w, 50.02], [29.9, 50.02], [29.9, 50.0025]]] };
for (const [name, f] of [['difference', () => difference(comb, box)], ['intersection', () => intersection(comb, box)]] as const) {
  const c0 = process.cpuUsage(); const r = f(); const c = process.cpuUsage(c0);
  console.log(`${name} comb of ${p.length} vertices and a box: ${((c.user + c.system) / 1000).toFixed(0)} ms CPU, valid ${validateGeometry(r).valid}`);
}
