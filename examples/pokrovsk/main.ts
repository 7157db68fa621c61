/**
 * The main job: validate the Pokrovsk dataset and print the report.
 * Run it with `npm run example`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDataset } from 'contested';
import { pokrovskDiffSvg } from './map.js';
import { pokrovskReport } from './report.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataset = parseDataset(JSON.parse(readFileSync(join(here, 'pokrovsk.json'), 'utf8')));
console.log(pokrovskReport(dataset));

// The picture of the diff, for reports and quick looks (git-ignored folder).
const artifacts = join(here, '..', '..', 'artifacts');
mkdirSync(artifacts, { recursive: true });
writeFileSync(join(artifacts, 'pokrovsk-diff.svg'), pokrovskDiffSvg(dataset));
console.log(`\nWrote the diff map to artifacts/pokrovsk-diff.svg`);
