/**
 * Writes the bad-input corpus: one JSON file per malformed input under
 * `cases/`, each `{ entry, input, expect: { code, path, issueCode? }, why }`,
 * and `.txt` files of truncated JSON under `text/` (their expectation sits in
 * `text/expect.json`). The table below is the source; the files are what the
 * runner reads, so that a person (or another tool) can open any one input.
 *
 * Run `npx tsx test/bad-inputs/make-corpus.ts` after editing the table.
 * NaN and ±Infinity are not JSON: they are written `{ "$number": "NaN" }`
 * and decoded by the runner.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleDataset } from '../model/arbitraries.js';
import { CASES } from './cases.js';

const here = dirname(fileURLToPath(import.meta.url));
const encode = (_key: string, value: unknown): unknown =>
  typeof value === 'number' && !Number.isFinite(value) ? { $number: String(value) } : value;

rmSync(join(here, 'cases'), { recursive: true, force: true });
mkdirSync(join(here, 'cases'), { recursive: true });
const names = new Set<string>();
for (const c of CASES(sampleDataset)) {
  if (names.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
  names.add(c.name);
  const { name, ...file } = c;
  writeFileSync(join(here, 'cases', `${name}.json`), `${JSON.stringify(file, encode, 1)}\n`);
}
console.log(`wrote ${names.size} cases`);
