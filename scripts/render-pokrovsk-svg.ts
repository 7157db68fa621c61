/**
 * Draws the Pokrovsk claim diff — the Kremlin's "the city is taken" against
 * Skala's "we hold the north up to the railway" — as the SVG the docs show,
 * `docs/media/pokrovsk-diff.svg`. Run with `npx tsx scripts/render-pokrovsk-svg.ts`;
 * `src/output/svg.test.ts` checks the committed file is what this writes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDataset } from '../src/dataset/parse.js';
import { pokrovskDiffSvg } from '../examples/pokrovsk/map.js';

/** Where the picture is committed. */
export const POKROVSK_SVG = new URL('../docs/media/pokrovsk-diff.svg', import.meta.url);

/** The Pokrovsk diff as SVG, from the example dataset. */
export function renderPokrovskSvg(): string {
  return pokrovskDiffSvg(parseDataset(JSON.parse(readFileSync(new URL('../examples/pokrovsk/pokrovsk.json', import.meta.url), 'utf8'))));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(new URL('.', POKROVSK_SVG), { recursive: true });
  writeFileSync(POKROVSK_SVG, renderPokrovskSvg());
  console.log(`wrote ${fileURLToPath(POKROVSK_SVG)}`);
}
