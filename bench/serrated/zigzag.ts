import { difference, union, validateGeometry } from '../../src/index.js';
// A strip 1e-6° tall whose two long sides zig-zag by 3 grid cells at every cell (n vertices per side), minus the same strip moved 0.4 cell east and 500 cells north.
const n = Number(process.argv[2] ?? 20000);
const zig = (dx: number, dy: number) => { const p: number[][] = []; for (let i = 0; i < n; i++) p.push([37 + i * 1e-9 + dx, 48 + (i % 2 ? 3e-9 : 0) + dy]); for (let i = n - 1; i >= 0; i--) p.push([37 + i * 1e-9 + dx, 48 + 1e-6 + (i % 2 ? 3e-9 : 0) + dy]); p.push(p[0]!); return { type: 'Polygon' as const, coordinates: [p] }; };
const a = zig(0, 0), b = zig(4e-10, 5e-7);
const c0 = process.cpuUsage(); const t = performance.now(); const d = difference(a, b); const c = process.cpuUsage(c0);
console.log(`difference of two ${2 * n}-vertex zig-zag strips: ${(performance.now() - t).toFixed(0)} ms wall, ${((c.user + c.system) / 1000).toFixed(0)} ms CPU, valid ${validateGeometry(d).valid}`);
