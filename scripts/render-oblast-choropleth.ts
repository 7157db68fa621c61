/**
 * The choropleth `docs/history.md` shows: DeepState's occupied ground on
 * 2026-08-22 by oblast (OCHA ADM1), each oblast coloured by Russia's share,
 * drawn by `toSvg(controlByRegion(…).regions)`. Reads the shared data
 * (`../shared/data`); run with `npx tsx scripts/render-oblast-choropleth.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { controlByRegion, controlMap, fromDeepState, toSvg } from '../src/index.js';

const data = new URL('../../shared/data/', import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(new URL(file, data), 'utf8'));
const map = controlMap(fromDeepState(read('deepstate-daily/occupied-2026-08-22.geojson'), { asOf: '2026-08-22' }));
const byOblast = controlByRegion(map, read('ukraine/oblasts-adm1.geojson'), { nameProperty: 'ADM1_EN' });
writeFileSync(new URL('../docs/media/deepstate-oblasts.svg', import.meta.url), toSvg(byOblast.regions, { title: 'Occupied share of each oblast, DeepStateMap 2026-08-22' }));
console.log('wrote docs/media/deepstate-oblasts.svg');
