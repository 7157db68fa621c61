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
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { STEPS_PER_TASK, stepChunks } from '../../src/history/_pool.js';
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
    // 5 steps go one a task; 23 steps go three a task (stepChunks), the last task holding two.
    // The maps here are tiny, so the rule's thresholds are set to 0 to run them on workers all the same.
    const always = { minStepsPerThread: 0, minMapVertices: 0 };
    for (const fronts of [[1, 3, 2, 6, 5, 9], [1, 3, 2, 6, 5, 9, 8, 7, 9, 4, 2, 1, 3, 5, 7, 9, 8, 6, 4, 2, 3, 5, 7, 9]]) {
      const snapshots = fronts.map((ru, i) => front(ru, new Date(Date.UTC(2025, 4, 1 + i * 5)).toISOString().slice(0, 10)));
      // A map object in two snapshots is read and packed once; the result must not notice.
      snapshots[3] = { ...snapshots[3]!, map: snapshots[1]!.map };
      const serial = await controlHistory(snapshots, { by: 'week' });
      expect(serial.workersUsed).toBe(0);
      expect(serial.periods.length).toBeGreaterThan(2);
      for (const [workers, used] of [[{ threads: 2, ...always }, 1], [{ threads: 2, mainThread: false, ...always }, 2], [{ threads: 3, ...always }, 2]] as const) {
        const seen: number[] = [];
        const pooled = await controlHistory(snapshots, { by: 'week', workers, onProgress: ({ done }) => seen.push(done) });
        expect(pooled.workersUsed).toBe(used);
        expect(pooled.periods).toEqual(serial.periods);
        expect(seen).toEqual(Array.from({ length: fronts.length - 1 }, (_, i) => i + 1));
      }
      // By the default rule these few small maps run serially, with the same result.
      const ruled = await controlHistory(snapshots, { by: 'week', workers: 2 });
      expect(ruled.workersUsed).toBe(0);
      expect(ruled.periods).toEqual(serial.periods);
    }
  }, 120_000);

  it('stops a pooled run when its signal aborts, with ContestedError aborted', async () => {
    const { controlHistory, controlMap, fromGeoJSON } = await bundled();
    const snapshots = [1, 3, 2, 6, 5, 9, 8, 7, 9, 4, 2, 1, 3].map((ru, i) => {
      const at = new Date(Date.UTC(2025, 4, 1 + i)).toISOString().slice(0, 10);
      const geometry = { type: 'Polygon' as const, coordinates: [[[37.1, 48.25], [37.1 + ru * 0.01, 48.25], [37.1 + ru * 0.01, 48.26], [37.1, 48.26], [37.1, 48.25]]] };
      return { at, map: controlMap(fromGeoJSON({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] }, { claimant: 't', status: 'controlled', side: 'RU', asOf: at })) };
    });
    for (const mainThread of [true, false]) {
      const controller = new AbortController();
      let last = 0;
      const error = await controlHistory(snapshots, {
        workers: { threads: 2, mainThread, minStepsPerThread: 0, minMapVertices: 0 },
        signal: controller.signal,
        onProgress: ({ done }) => {
          last = done;
          controller.abort();
        },
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'ContestedError', code: 'aborted' });
      expect(last).toBeLessThan(snapshots.length - 1);
    }
  }, 120_000);

  it('checks a map that controlMap did not build once, on this thread, and names the snapshot of an overlapping one', async () => {
    const { controlHistory, controlMap, fromGeoJSON } = await bundled();
    const square = (w: number, e: number) => ({ type: 'Polygon' as const, coordinates: [[[37.1 + w * 0.01, 48.25], [37.1 + e * 0.01, 48.25], [37.1 + e * 0.01, 48.26], [37.1 + w * 0.01, 48.26], [37.1 + w * 0.01, 48.25]]] });
    const built = (ru: number, at: string) => controlMap(fromGeoJSON({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: square(0, ru) }] }, { claimant: 't', status: 'controlled', side: 'RU', asOf: at }));
    // The same map as plain JSON (a file's map): not built by controlMap, so it is checked.
    const copied = (ru: number, at: string) => JSON.parse(JSON.stringify(built(ru, at))) as ReturnType<typeof controlMap>;
    const snapshots = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((ru, i) => {
      const at = `2025-05-0${i + 1}`;
      return { at, map: i % 2 === 0 ? copied(ru, at) : built(ru, at) };
    });
    const always = { threads: 2, minStepsPerThread: 0, minMapVertices: 0 };
    const serial = await controlHistory(snapshots);
    expect((await controlHistory(snapshots, { workers: always })).periods).toEqual(serial.periods);
    // Snapshot 6 (given 7th) overlaps itself: a second region over the first.
    const bad = JSON.parse(JSON.stringify(snapshots[6]!.map)) as ReturnType<typeof controlMap>;
    bad.features.push({ ...bad.features[0]!, id: 'again' });
    snapshots[6] = { at: snapshots[6]!.at, map: bad };
    for (const options of [{}, { workers: always }, { workers: { ...always, mainThread: false } }]) {
      const error = await controlHistory(snapshots, options).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'invalid-input' });
      expect((error as { issues: { code: string; path: unknown[] }[] }).issues[0]).toMatchObject({ code: 'overlapping-regions', path: ['snapshots', 6, 'map', 'features', 1] });
    }
  }, 120_000);
});

describe('stepChunks', () => {
  it('cuts the steps into consecutive chunks of ⌈total / (4 × threads)⌉ steps, at most STEPS_PER_TASK', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 16 }), (total, threads) => {
        const chunks = stepChunks(total, threads);
        expect(chunks[0]![0]).toBe(0);
        expect(chunks.at(-1)![1]).toBe(total);
        chunks.forEach(([first, end], i) => {
          expect(end).toBeGreaterThan(first);
          const size = Math.min(STEPS_PER_TASK, Math.ceil(total / (4 * threads)));
          expect(end - first).toBe(i < chunks.length - 1 ? size : total - first);
          expect(end - first).toBeLessThanOrEqual(size);
          if (i > 0) expect(first).toBe(chunks[i - 1]![1]);
        });
      }),
    );
  });
});
