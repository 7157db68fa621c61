/**
 * The README's example, run by `examples/readme/main.test.ts` so the README
 * cannot drift from the code.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { areaKm2, diffClaims, findByCallSign, findContradictions, parseDataset, resolveArea, toSvg, unitSidc } from 'contested';

// The worked example's dataset ships with the package (`contested/examples/pokrovsk/pokrovsk.json`):
const text = readFileSync(createRequire(import.meta.url).resolve('contested/examples/pokrovsk/pokrovsk.json'), 'utf8');
const dataset = parseDataset(JSON.parse(text)); // throws ContestedError listing every problem, with paths

// "The north of the city, up to the railway line", as an area expression, measured on the WGS84 ellipsoid:
export const northKm2 = areaKm2(resolveArea(dataset, { split: { area: 'pokrovsk', line: 'railway', keep: 'north' } }));

// Where the Kremlin's claim and Ukraine's disagree, in km² and share of the city:
const claims = dataset.claims ?? [];
const kremlin = claims.filter((c) => c.claimant === 'kremlin');
const ukraine = claims.filter((c) => c.claimant === 'skala-command');
const diff = diffClaims(kremlin, ukraine, { within: 'pokrovsk', places: dataset.places ?? [] });
export const conflict = diff.summary.conflict; // { km2: 17.0…, share: 0.447… }

// Which claims the evidence contradicts (the flag on the drone feed):
export const contradictions = findContradictions(dataset).map((c) => `${c.claim} ← ${c.evidence}`);

// Personnel by call sign (every match, [] when none), and the 2525D symbol code:
export const ghosts = findByCallSign(dataset, 'ghost', { side: 'UA' }).map((p) => p.id);
const skala = dataset.units?.find((u) => u.id === 'skala');
export const sidc = skala === undefined ? undefined : unitSidc(skala, { viewpoint: 'RU' }); // hostile, as Russia sees it

// A standalone SVG map of the diff, with legend and scale bar:
export const svg = toSvg(diff, { title: 'Pokrovsk: the Kremlin vs Ukraine' });
