/**
 * `controlHistory(…, { workers })` runs the steps on tinypool worker threads.
 * Workers load JavaScript, not TypeScript, so this test bundles the library
 * and its worker module side by side (as the package ships them,
 * `dist/history/_pool.js` beside `dist/history/_historyWorker.js`) and runs
 * the pooled history against the serial one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Contested from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'contested-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundled(): Promise<typeof Contested> {
  const { build } = await import('esbuild');
  const src = new URL('../../src/', import.meta.url).pathname;
  const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' } as const;
  await build({ ...common, entryPoints: [`${src}index.ts`], outfile: join(dir, 'index.js'), external: ['tinypool'] });
  await build({ ...common, entryPoints: [`${src}history/_historyWorker.ts`], outfile: join(dir, '_historyWorker.js') });
  return (await import(pathToFileURL(join(dir, 'index.js')).href)) as typeof Contested;
}

describe('controlHistory with workers (Node, tinypool)', () => {
  it('gives the same periods as the serial run, and progress for every step', async () => {
    const { controlHistory, controlMap, fromGeoJSON } = await bundled();
    const front = (ru: number, at: string) => ({
      at,
      map: controlMap(fromGeoJSON({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[37.1, 48.25], [37.1 + ru * 0.01, 48.25], [37.1 + ru * 0.01, 48.26], [37.1, 48.26], [37.1, 48.25]]] } }] }, { claimant: 't', status: 'controlled', side: 'RU', asOf: at })),
    });
    const snapshots = [1, 3, 2, 6, 5, 9].map((ru, i) => front(ru, `2025-05-${String(i * 5 + 1).padStart(2, '0')}`));
    const serial = await controlHistory(snapshots, { by: 'week' });
    const seen: number[] = [];
    const pooled = await controlHistory(snapshots, { by: 'week', workers: 2, onProgress: ({ done }) => seen.push(done) });
    expect(pooled).toEqual(serial);
    expect(serial.periods.length).toBeGreaterThan(2);
    expect(seen.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  }, 120_000);
});
