/**
 * The optional worker pool of `controlHistory(…, { workers })`: Node only,
 * loaded only when asked, so the library stays free of Node built-ins and
 * runs in browsers. tinypool (a maintained fork of piscina) runs the steps on
 * worker threads, in chunks of up to {@link STEPS_PER_TASK} consecutive steps:
 * a chunk of k steps copies k + 1 maps to its worker instead of 2k (copying
 * DeepState's 11,000-vertex per-class map costs 15–20 ms each way, about a
 * tenth of a full-overlay step), and there are still enough chunks for the
 * threads to share the work when steps differ in cost. Each worker also pays
 * a fixed cost before its first step: loading the library (about 0.6 s of
 * CPU, most of it the dependencies' modules) and warming up the JIT (about
 * 1.3 s over the first steps), so workers pay off on long histories only.
 * The results come back in step order, so the history is the same as a
 * serial run's.
 */
import type { ControlChangeOptions, SideChange } from '../control/controlChange.js';
import type { ControlMap } from '../control/types.js';
import { ContestedError } from '../errors/index.js';
import type { AbortSignalLike } from './controlHistory.js';

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
type TinypoolClass = new (options: { filename: string; minThreads?: number; maxThreads?: number; execArgv?: string[] }) => TinypoolLike;

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

export async function runStepsInWorkers(maps: readonly ControlMap[], options: ControlChangeOptions, workers: number, hooks: PoolHooks): Promise<Record<string, SideChange>[]> {
  const Tinypool = await loadTinypool();
  const { filename, execArgv } = await workerFile();
  const total = maps.length - 1;
  const chunks = stepChunks(total, Math.max(1, Math.floor(workers)));
  // Every thread starts at once (tinypool would otherwise start the second only when the first is busy).
  const threads = Math.max(1, Math.min(Math.floor(workers), chunks.length));
  const pool = new Tinypool({ filename, minThreads: threads, maxThreads: threads, execArgv });
  let done = 0;
  try {
    const tasks = chunks.map(([first, end]) => {
      if (hooks.signal?.aborted === true) return Promise.reject(hooks.aborted());
      const run = pool.run({ maps: maps.slice(first, end + 1), options }, hooks.signal === undefined ? {} : { signal: hooks.signal });
      return run.then(
        (result) => {
          for (let i = first; i < end; i++) hooks.onProgress?.({ done: ++done, total });
          return result as Record<string, SideChange>[];
        },
        (error: unknown) => {
          throw hooks.signal?.aborted === true ? hooks.aborted() : error;
        },
      );
    });
    return (await Promise.all(tasks)).flat();
  } finally {
    await pool.destroy();
  }
}

async function loadTinypool(): Promise<TinypoolClass> {
  try {
    const module = (await load('tinypool')) as { Tinypool?: TinypoolClass; default?: TinypoolClass };
    const Tinypool = module.Tinypool ?? module.default;
    if (Tinypool === undefined) throw new Error('tinypool exports no Tinypool class');
    return Tinypool;
  } catch (error) {
    throw new ContestedError('invalid-input', [
      { code: 'missing-dependency', path: ['options', 'workers'], message: `options.workers needs the optional dependency tinypool in Node (npm install tinypool): ${(error as Error).message}` },
    ]);
  }
}

/** The worker module beside this one (`dist/history/_historyWorker.js` in the package). */
async function workerFile(): Promise<{ filename: string; execArgv: string[] }> {
  const here = (import.meta as { url?: unknown }).url;
  if (typeof here !== 'string') {
    throw new ContestedError('invalid-input', [{ code: 'unsupported', path: ['options', 'workers'], message: 'options.workers needs the ES module build of contested (import, not require)' }]);
  }
  const { fileURLToPath } = (await load('node:url')) as { fileURLToPath: (url: string) => string };
  const { dirname, join } = (await load('node:path')) as { dirname: (path: string) => string; join: (...parts: string[]) => string };
  return { filename: join(dirname(fileURLToPath(here)), '_historyWorker.js'), execArgv: [] };
}
