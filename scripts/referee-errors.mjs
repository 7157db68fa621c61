#!/usr/bin/env node
/**
 * Summarises a `REFEREE_ERRORS` file (one JSON line per comparison the
 * referee made, see test/referee/_geos.ts): by the referee's area of the
 * piece, how many pieces, the largest relative error |ours − GEOS| / GEOS
 * and relative symmetric difference, and how many exceed 1e-8 and 1e-7
 * relative, both as measured and beyond the slivers the library reported
 * having left out (`allowanceKm2`: `sliversKm2` and `claimSliversKm2` of
 * the call); and the largest share of the grid bound any piece used.
 * Run: `rm -f /tmp/e.jsonl; REFEREE_ERRORS=/tmp/e.jsonl npx vitest run test/referee && node scripts/referee-errors.mjs /tmp/e.jsonl`
 * (the referee appends: start from no file).
 */
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: node scripts/referee-errors.mjs <REFEREE_ERRORS file>');
  process.exit(2);
}
const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));
const classes = [
  ['< 0.001 km²', 0, 1e-3],
  ['0.001–0.01', 1e-3, 1e-2],
  ['0.01–0.1', 1e-2, 1e-1],
  ['0.1–1', 1e-1, 1],
  ['1–10', 1, 10],
  ['10–100', 10, 100],
  ['≥ 100 km²', 100, Infinity],
];
console.log(`${rows.length} comparisons`);
console.log('| GEOS area | pieces | max rel. error | max rel. sym. diff. | > 1e-8 | > 1e-7 | max rel. error beyond the reported slivers | > 1e-8 beyond | > 1e-7 beyond | max used share of the grid term |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [name, lo, hi] of classes) {
  const inClass = rows.filter((r) => r.refereeKm2 > 0 && r.refereeKm2 >= lo && r.refereeKm2 < hi);
  if (inClass.length === 0) continue;
  let maxRel = 0;
  let maxSym = 0;
  let over8 = 0;
  let over7 = 0;
  let maxShare = 0;
  let maxBeyond = 0;
  let over8Beyond = 0;
  let over7Beyond = 0;
  for (const r of inClass) {
    const rel = Math.abs(r.oursKm2 - r.refereeKm2) / r.refereeKm2;
    // What the library reported having left out (slivers of the overlay and of the maps it made) explains that much.
    const beyond = Math.max(0, Math.abs(r.oursKm2 - r.refereeKm2) - (r.allowanceKm2 ?? 0)) / r.refereeKm2;
    maxBeyond = Math.max(maxBeyond, beyond);
    if (beyond > 1e-8) over8Beyond += 1;
    if (beyond > 1e-7) over7Beyond += 1;
    const sym = r.symmetricDifferenceKm2 > 0 ? r.symmetricDifferenceKm2 / r.refereeKm2 : 0;
    maxRel = Math.max(maxRel, rel);
    maxSym = Math.max(maxSym, sym);
    if (rel > 1e-8) over8 += 1;
    if (rel > 1e-7) over7 += 1;
    // The bound's own parts, as the referee wrote them: the share of the grid term a piece used beyond the rest.
    const beyondRelative = Math.abs(r.oursKm2 - r.refereeKm2) - (r.limitKm2 - r.gridKm2);
    if (r.gridKm2 > 0 && beyondRelative > 0) maxShare = Math.max(maxShare, beyondRelative / r.gridKm2);
  }
  console.log(`| ${name} | ${inClass.length} | ${maxRel.toExponential(1)} | ${maxSym.toExponential(1)} | ${over8} | ${over7} | ${maxBeyond.toExponential(1)} | ${over8Beyond} | ${over7Beyond} | ${maxShare.toFixed(2)} |`);
}
