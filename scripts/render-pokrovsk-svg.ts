/**
 * Draws the Pokrovsk claim diff — the Kremlin's "the city is taken" against
 * Skala's "we hold the north up to the railway" — as the SVG the docs show,
 * `docs/media/pokrovsk-diff.svg`. Run with `npx tsx scripts/render-pokrovsk-svg.ts`;
 * `src/output/svg.test.ts` checks the committed file is what this writes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, LineString, Point } from 'geojson';
import { parseDataset } from '../src/dataset/parse.js';
import { diffClaims } from '../src/diff/diffClaims.js';
import { toSvg } from '../src/output/svg.js';
import { sideColor } from '../src/output/style.js';

/** Where the picture is committed. */
export const POKROVSK_SVG = new URL('../docs/media/pokrovsk-diff.svg', import.meta.url);

/** The Pokrovsk diff as SVG, from the example dataset. */
export function renderPokrovskSvg(): string {
  const dataset = parseDataset(JSON.parse(readFileSync(new URL('../examples/pokrovsk/pokrovsk.json', import.meta.url), 'utf8')));
  const places = dataset.places ?? [];
  const claims = dataset.claims ?? [];
  const kremlinClaims = claims.filter((c) => c.claimant === 'kremlin');
  const skalaClaims = claims.filter((c) => c.claimant === 'skala-command');
  const diff = diffClaims(kremlinClaims, skalaClaims, { within: 'pokrovsk', places });

  const place = (id: string) => {
    const found = places.find((p) => p.id === id);
    if (found === undefined) throw new Error(`the example dataset has no place "${id}"`);
    return found;
  };
  const railway: Feature<LineString> = {
    type: 'Feature',
    properties: { title: 'railway (approx.)', stroke: '#333333', 'stroke-width': 2.5, 'stroke-dasharray': '7 4' },
    geometry: place('railway').geometry as LineString,
  };
  const flag = (dataset.evidence ?? []).find((e) => e.id === 'flag-drone-feed');
  const at = flag?.position?.coordinates;
  const points: Feature<Point>[] = at === undefined ? [] : [{
    type: 'Feature',
    properties: { title: 'UA flag on drone feed (approx.)', 'marker-color': sideColor('UA') },
    geometry: { type: 'Point', coordinates: at },
  }];
  const hromada = place('pokrovska-hromada').geometry;
  if (hromada.type !== 'Polygon' && hromada.type !== 'MultiPolygon') throw new Error('the hromada should be an area');

  return toSvg(diff, {
    title: 'Pokrovsk: the Kremlin vs Skala, December 2025',
    partyNames: { a: 'the Kremlin', b: 'Skala' },
    basemap: hromada,
    lines: [railway],
    points,
    width: 820,
  });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(new URL('.', POKROVSK_SVG), { recursive: true });
  writeFileSync(POKROVSK_SVG, renderPokrovskSvg());
  console.log(`wrote ${fileURLToPath(POKROVSK_SVG)}`);
}
