/**
 * The output of `npm run example` (the Pokrovsk report), kept as
 * `examples/docs/pokrovsk-output.txt` so the Pokrovsk guide can show it.
 * `pokrovsk-output.test.ts` fails when the committed text differs from what
 * the example prints; regenerate with `npx tsx examples/docs/pokrovsk-output.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDataset } from 'contested';
import { pokrovskReport } from '../pokrovsk/report.js';

const here = dirname(fileURLToPath(import.meta.url));
/** Where the text is kept. */
export const OUTPUT_PATH = join(here, 'pokrovsk-output.txt');

/** What `npm run example` prints about the report (without the line about the SVG file). */
export function pokrovskOutput(): string {
  const dataset = parseDataset(JSON.parse(readFileSync(join(here, '..', 'pokrovsk', 'pokrovsk.json'), 'utf8')));
  return `${pokrovskReport(dataset)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OUTPUT_PATH, pokrovskOutput());
  console.log(`wrote ${OUTPUT_PATH}`);
}
