/**
 * The chart the README and `docs/history.md` show, Russia's monthly gains
 * from DeepState's whole archive: reads `artifacts/deepstate-history.json`
 * (written by `npm run test:archive`), keeps Russia's side, and writes the
 * series as `docs/media/deepstate-monthly.json` and the chart as
 * `docs/media/deepstate-monthly.svg`. `examples/deepstate-history/main.test.ts`
 * checks that the committed SVG is what `monthlyChart` draws from the
 * committed series. Run with `npx tsx scripts/render-history-chart.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { ControlHistory } from '../src/index.js';
import { monthlyChart } from '../examples/deepstate-history/main.js';

const history = JSON.parse(readFileSync(new URL('../artifacts/deepstate-history.json', import.meta.url), 'utf8')) as ControlHistory;
const russia: ControlHistory = { periods: history.periods.map((p) => ({ period: p.period, from: p.from, to: p.to, steps: p.steps, bySide: { RU: p.bySide['RU']! } })) };
writeFileSync(new URL('../docs/media/deepstate-monthly.json', import.meta.url), `${JSON.stringify(russia, null, 1)}\n`);
writeFileSync(new URL('../docs/media/deepstate-monthly.svg', import.meta.url), monthlyChart(russia));
console.log(`wrote docs/media/deepstate-monthly.json and .svg (${russia.periods.length} months)`);
