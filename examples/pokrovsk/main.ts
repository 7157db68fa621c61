/**
 * The main job: validate the Pokrovsk dataset and print the report.
 * Run it with `npm run example`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDataset } from '../../src/index.js';
import { pokrovskReport } from './report.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataset = parseDataset(JSON.parse(readFileSync(join(here, 'pokrovsk.json'), 'utf8')));
console.log(pokrovskReport(dataset));
