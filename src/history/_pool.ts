/**
 * The optional worker pool of `controlHistory(…, { workers })`: Node only,
 * loaded only when asked, so the library stays free of Node built-ins and
 * runs in browsers. tinypool (a maintained fork of piscina) runs each step in
 * a worker thread; the results come back in step order, so the history is the
 * same as a serial run's.
 */
import type { ControlChangeOptions, SideChange } from '../control/controlChange.js';
import type { ControlMap } from '../control/types.js';
import { ContestedError } from '../errors/index.js';
import type { AbortSignalLike } from './controlHistory.js';

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

export async function runStepsInWorkers(maps: readonly ControlMap[], options: ControlChangeOptions, workers: number, hooks: PoolHooks): Promise<Record<string, SideChange>[]> {
  const Tinypool = await loadTinypool();
  const { filename, execArgv } = await workerFile();
  const pool = new Tinypool({ filename, minThreads: 1, maxThreads: Math.max(1, Math.floor(workers)), execArgv });
  const total = maps.length - 1;
  let done = 0;
  try {
    const tasks = Array.from({ length: total }, (_, i) => {
      if (hooks.signal?.aborted === true) return Promise.reject(hooks.aborted());
      const run = pool.run({ before: maps[i], after: maps[i + 1], options }, hooks.signal === undefined ? {} : { signal: hooks.signal });
      return run.then(
        (result) => {
          done += 1;
          hooks.onProgress?.({ done, total });
          return result as Record<string, SideChange>;
        },
        (error: unknown) => {
          throw hooks.signal?.aborted === true ? hooks.aborted() : error;
        },
      );
    });
    return await Promise.all(tasks);
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
