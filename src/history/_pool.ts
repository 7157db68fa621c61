/**
 * The optional worker pool of `controlHistory(…, { workers })`: Node only,
 * loaded only when asked, so the library stays free of Node built-ins and
 * runs in browsers. tinypool (a maintained fork of piscina) runs chunks of up
 * to {@link STEPS_PER_TASK} consecutive steps on worker threads, and by
 * default the calling thread runs chunks too (see {@link runSteps}).
 *
 * What a worker is sent: each snapshot's map is read and checked once on the
 * calling thread and packed flat into shared memory (`_packed.ts`); a task
 * names the packed maps of its consecutive snapshots, so a map's coordinates
 * are never copied, however many tasks use it. The threads are started
 * before the calling thread reads the first map, so that their start
 * (loading the bundled worker module, about 0.1 s) overlaps that work. Only
 * the chunks handed out hold maps, so a long history is never all in memory.
 * The results are put back in step order, so the history is the same as a
 * serial run's.
 */
import { changeOfRegions, type SideChange } from '../control/controlChange.js';
import type { MapRegion } from '../overlay/overlay.js';
import { onCallGrid } from '../geometry/_engine.js';
import { ContestedError } from '../errors/index.js';
import type { AbortSignalLike } from './controlHistory.js';
import type { PackedMap } from './_packed.js';
import type { StepsTask } from './_historyWorker.js';

/** Most steps one task holds; progress is reported as each task ends. */
export const STEPS_PER_TASK = 8;

interface PoolHooks {
  onProgress: ((progress: { done: number; total: number }) => void) | undefined;
  signal: AbortSignalLike | undefined;
  aborted: () => ContestedError;
}

interface TinypoolLike {
  run(task: unknown, options?: { signal?: AbortSignalLike }): Promise<unknown>;
  destroy(): Promise<void>;
}
type TinypoolClass = new (options: { filename: string; minThreads?: number; maxThreads?: number; idleTimeout?: number }) => TinypoolLike;

// A specifier in a variable keeps bundlers from trying to resolve Node-only modules for browsers.
const load = (specifier: string): Promise<unknown> => import(/* @vite-ignore */ specifier);

/**
 * The chunks `[first, end)` of `total` steps, each of `⌈total / (4 × threads)⌉`
 * steps but at most {@link STEPS_PER_TASK} (the last may be shorter): about
 * four chunks a thread for short histories, so that the threads share the
 * work when steps differ in cost.
 */
export function stepChunks(total: number, threads: number): [number, number][] {
  const size = Math.max(1, Math.min(STEPS_PER_TASK, Math.ceil(total / (4 * threads))));
  const chunks: [number, number][] = [];
  for (let first = 0; first < total; first += size) chunks.push([first, Math.min(total, first + size)]);
  return chunks;
}

/** A started pool: `workers` worker threads, and whether the calling thread runs steps too. */
export interface HistoryPool {
  workers: number;
  mainThread: boolean;
  pool: TinypoolLike;
}

/** Loads tinypool and starts `workers` worker threads (they load the worker module while the caller goes on). */
export async function openPool(workers: number, mainThread: boolean): Promise<HistoryPool> {
  const Tinypool = await loadTinypool();
  const filename = await workerFile();
  // minThreads = maxThreads: every thread starts now (tinypool would otherwise start the second only when the first is busy).
  return { workers, mainThread, pool: new Tinypool({ filename, minThreads: workers, maxThreads: workers }) };
}

/** Where the steps' maps come from: each snapshot's map read once on this thread, as regions or packed for a worker. */
export interface StepMaps {
  regions(index: number): MapRegion[];
  packed(index: number): PackedMap;
  /** The box whose grid every step holds (`controlHistory`'s inputs), if any. */
  gridBox: readonly [number, number, number, number] | undefined;
}

/**
 * Runs steps `0 … total − 1`, in chunks of consecutive steps handed out in
 * order to whichever thread is free: each worker holds one chunk at a time,
 * and with `mainThread` the calling thread takes the next chunk itself and
 * runs it step by step, yielding to the event loop between steps (so that a
 * worker's result is taken and its next chunk sent at once). The calling
 * thread is warm, where a new thread runs its first steps several times
 * slower until the JIT has compiled the clipping engine (about 1.5 s of CPU
 * for DeepState's per-class maps), so on two cores one worker beside the
 * calling thread beats two workers. Destroys the pool.
 */
export async function runSteps(open: HistoryPool, total: number, maps: StepMaps, hooks: PoolHooks): Promise<Record<string, SideChange>[]> {
  const { pool, workers, mainThread } = open;
  const chunks = stepChunks(total, workers + (mainThread ? 1 : 0));
  const results: Record<string, SideChange>[] = new Array(total);
  // tinypool listens for 'abort' on a real AbortSignal; a bare { aborted } is polled between steps and tasks.
  const signal = hooks.signal !== undefined && typeof (hooks.signal as { addEventListener?: unknown }).addEventListener === 'function' ? hooks.signal : undefined;
  const inFlight = new Set<Promise<void>>();
  let failed: { error: unknown } | undefined;
  let next = 0;
  let done = 0;
  const report = (): void => hooks.onProgress?.({ done: ++done, total });
  const isAborted = (): boolean => hooks.signal?.aborted === true;
  // Without the calling thread, a second chunk queued per worker keeps it busy while this thread packs the next maps.
  const perWorker = mainThread ? 1 : 2;
  const dispatch = (): void => {
    while (failed === undefined && next < chunks.length && inFlight.size < perWorker * workers && !isAborted()) {
      const [first, end] = chunks[next++]!;
      const task: StepsTask = maps.gridBox === undefined ? { maps: [] } : { maps: [], gridBox: [...maps.gridBox] };
      try {
        for (let j = first; j <= end; j++) task.maps.push(maps.packed(j));
      } catch (error) {
        // A map that does not read (or overlaps itself) stops the run, as it would a serial one.
        failed ??= { error };
        return;
      }
      const running = pool.run(task, signal === undefined ? {} : { signal }).then(
        (result) => {
          (result as Record<string, SideChange>[]).forEach((bySide, k) => (results[first + k] = bySide));
          for (let i = first; i < end; i++) report();
        },
        (error: unknown) => {
          failed ??= { error: isAborted() ? hooks.aborted() : error };
        },
      );
      inFlight.add(running);
      void running.then(() => {
        inFlight.delete(running);
        dispatch();
      });
    }
  };
  try {
    dispatch();
    while (failed === undefined && (next < chunks.length || inFlight.size > 0)) {
      if (isAborted()) throw hooks.aborted();
      if (mainThread && next < chunks.length) {
        const [first, end] = chunks[next++]!;
        const regions: MapRegion[][] = [];
        for (let j = first; j <= end; j++) regions.push(maps.regions(j));
        for (let i = first; i < end; i++) {
          if (isAborted()) throw hooks.aborted();
          const step = (): Record<string, SideChange> => changeOfRegions(regions[i - first]!, regions[i - first + 1]!).bySide;
          results[i] = maps.gridBox === undefined ? step() : onCallGrid([maps.gridBox], step);
          report();
          await nextTurn();
          if (failed !== undefined) break;
        }
      } else {
        await Promise.race(inFlight);
      }
      dispatch();
    }
    if (failed !== undefined) throw failed.error;
    if (isAborted()) throw hooks.aborted();
    return results;
  } finally {
    await pool.destroy();
  }
}

/** Resolves once the event loop has taken the messages waiting (a worker's result among them). */
function nextTurn(): Promise<void> {
  const node = globalThis as unknown as { setImmediate: (callback: () => void) => unknown };
  return new Promise((resolve) => node.setImmediate(resolve));
}

async function loadTinypool(): Promise<TinypoolClass> {
  let module: { Tinypool?: TinypoolClass; default?: TinypoolClass };
  try {
    module = (await load('tinypool')) as typeof module;
  } catch (error) {
    if (!isModuleNotFound(error)) throw error;
    throw missingTinypool(String((error as { message?: unknown }).message));
  }
  const Tinypool = module.Tinypool ?? module.default;
  if (Tinypool === undefined) throw missingTinypool('tinypool exports no Tinypool class');
  return Tinypool;
}

function missingTinypool(why: string): ContestedError {
  return new ContestedError('invalid-input', [
    { code: 'missing-dependency', path: ['options', 'workers'], message: `options.workers needs the optional dependency tinypool in Node (npm install tinypool): ${why.slice(0, 200)}` },
  ]);
}

/**
 * Whether a failed `import()` means the module is not installed: the code
 * `ERR_MODULE_NOT_FOUND` (Node's ESM loader, Bun) or `MODULE_NOT_FOUND`
 * (CommonJS). Anything else — an exception while the module ran, a bug —
 * passes through.
 */
export function isModuleNotFound(error: unknown): boolean {
  const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

/** The worker module beside this one (`dist/history/_historyWorker.js` in the package). */
async function workerFile(): Promise<string> {
  const here = (import.meta as { url?: unknown }).url;
  if (typeof here !== 'string') {
    throw new ContestedError('invalid-input', [{ code: 'unsupported', path: ['options', 'workers'], message: 'options.workers needs the ES module build of contested (import, not require)' }]);
  }
  const { fileURLToPath } = (await load('node:url')) as { fileURLToPath: (url: string) => string };
  const { dirname, join } = (await load('node:path')) as { dirname: (path: string) => string; join: (...parts: string[]) => string };
  return join(dirname(fileURLToPath(here)), '_historyWorker.js');
}
