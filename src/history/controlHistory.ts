/**
 * `controlHistory`: the series analysts publish — km² gained, lost and net
 * per side, day by day, week by week or month by month — from a run of
 * snapshots of one tracker. Each step between consecutive snapshots is one
 * {@link controlChange} (the windowed overlay, which works only around the
 * edges that moved), and a period sums the steps whose later snapshot falls
 * in it.
 *
 * @module
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { changeOfRegions, type ControlChange } from '../control/controlChange.js';
import type { AreaLike, ControlMap } from '../control/types.js';
import { frameOf, regionsOf } from '../control/_mapRegions.js';
import type { Frame } from '../control/controlMap.js';
import { inputsBox, type MapRegion } from '../overlay/overlay.js';
import { onCallGrid } from '../geometry/_engine.js';
import { ContestedError } from '../errors/index.js';
import type { Place } from '../places/schema.js';
import { changeByRegion } from '../regions/changeByRegion.js';
import { periodKey, type PeriodUnit } from '../time/periodKey.js';
import { resolveTimeAt } from '../time/_resolveAt.js';
import type { TimeRef } from '../time/timeRef.js';
import { objectArg, optionsArg } from '../_lib/args.js';
import { ownEntry } from '../_lib/records.js';
import { openPool, runSteps, type HistoryPool } from './_pool.js';
import { packRegions, type PackedMap } from './_packed.js';
import { quote } from '../_lib/quote.js';

/**
 * One snapshot of a series: a control map and the time it shows.
 *
 * @category Claims & diffs
 */
export interface HistorySnapshot {
  /** When the map shows control (a download date is a fair stand-in). */
  at: TimeRef | Date;
  /** The control map ({@link controlMap}) of that time. */
  map: ControlMap;
}

/**
 * What {@link controlHistory} reads of an `AbortSignal` (any `AbortSignal`,
 * from an `AbortController` or `AbortSignal.timeout`, is one).
 *
 * @category Claims & diffs
 */
export interface AbortSignalLike {
  /** True once the signal has aborted. */
  readonly aborted: boolean;
}

/**
 * Options of {@link controlHistory}.
 *
 * @category Claims & diffs
 */
export interface ControlHistoryOptions {
  /** The period steps are summed by: each `'step'` on its own (default), or per UTC `'day'`, ISO `'week'` or calendar `'month'`. */
  by?: 'step' | PeriodUnit;
  /** Count only change inside this area. */
  within?: AreaLike;
  /** Places that area expressions name, typically `dataset.places`. */
  places?: readonly Place[];
  /** Break each period down by these regions too (see {@link changeByRegion}). */
  regions?: FeatureCollection<Polygon | MultiPolygon>;
  /** The property that names each region; `'name'` by default. */
  nameProperty?: string;
  /** Called after each step with how many of the steps are done. */
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Stops the run between steps: `controlHistory` then throws `ContestedError('aborted')`. */
  signal?: AbortSignalLike;
  /**
   * Node only: run the steps on this many threads — the calling thread and
   * `n − 1` worker threads (the optional dependency `tinypool` must be
   * installed; see {@link HistoryWorkers} for other ways) — in chunks of up
   * to 8 consecutive steps; `onProgress` then reports a worker's steps as its
   * chunk ends. Same result as serially. Each thread costs a fixed start (loading
   * the bundled worker module, then warming up the JIT) before it is as fast
   * as the main thread, so a call with few steps or small maps runs serially
   * by the rule of {@link HistoryWorkers} (the result's `workersUsed` says
   * which way it ran). Serial when `regions` is given.
   */
  workers?: number | HistoryWorkers;
}

/**
 * The threads of {@link controlHistory} and when they are used. The
 * rule: the steps run on `threads` threads when at least one worker thread
 * would start (`threads` ≥ 2, or ≥ 1 with `mainThread: false`) and there are
 * at least `minStepsPerThread × threads` steps and the snapshots' distinct
 * maps have at least `minMapVertices` vertices on average; otherwise they
 * run serially on the calling thread. Either way the periods are the same.
 *
 * @category Claims & diffs
 */
export interface HistoryWorkers {
  /** How many threads run the steps; with `mainThread` (the default), the calling thread is one of them. */
  threads: number;
  /** Run serially when there are fewer steps than this per thread; 4 by default. */
  minStepsPerThread?: number;
  /** Run serially when the snapshots' distinct maps have fewer vertices than this on average; 5,000 by default. */
  minMapVertices?: number;
  /**
   * Whether the calling thread runs steps too (default `true`): then `threads`
   * counts it, and `threads − 1` worker threads start. The calling thread
   * has its code compiled already, where each new thread runs its first steps
   * several times slower (about 1.5 s of CPU on DeepState's per-class maps),
   * so on two cores this is faster than two workers. With `false`, `threads`
   * worker threads run every step and the calling thread only hands them
   * out, its event loop free between messages.
   */
  mainThread?: boolean;
}

/**
 * One side's change over a period, km².
 *
 * @category Claims & diffs
 */
export interface PeriodSideChange {
  /** Sum over the period's steps of the ground the side gained. */
  gainedKm2: number;
  /** Sum over the period's steps of the ground the side lost. */
  lostKm2: number;
  /** `gainedKm2 − lostKm2`: the change of the side's area over the period. */
  netKm2: number;
}

/**
 * One region's change over a period.
 *
 * @category Claims & diffs
 */
export interface PeriodRegionChange {
  /** The region's name. */
  region: string;
  /** Per side id: gained, lost and net inside the region. */
  bySide: Record<string, PeriodSideChange>;
}

/**
 * One period of a {@link ControlHistory}.
 *
 * @category Claims & diffs
 */
export interface HistoryPeriod {
  /** `2025-11` (month), `2025-W47` (ISO week), `2025-11-18` (day); with `by: 'step'`, the later snapshot's time. */
  period: string;
  /** The earlier snapshot of the period's first step. */
  from: string;
  /** The later snapshot of the period's last step. */
  to: string;
  /** How many steps (consecutive snapshot pairs) the period holds; a step over a missing day spans two days. */
  steps: number;
  /** Per side id: gained, lost and net over the period. */
  bySide: Record<string, PeriodSideChange>;
  /** With `regions`: the period per region, in the order of the collection. */
  byRegion?: PeriodRegionChange[];
  /** With `regions`: km² of the period's changed ground in no region. */
  unassignedKm2?: number;
  /** With `regions`: km² of the period's changed ground two regions both cover. */
  overlapKm2?: number;
}

/**
 * The result of {@link controlHistory}.
 *
 * @category Claims & diffs
 */
export interface ControlHistory {
  /** The periods in time order; only periods that hold at least one step. */
  periods: HistoryPeriod[];
  /**
   * How many worker threads computed steps beside the calling thread; `0`
   * when they ran serially on it (see {@link HistoryWorkers}). Always set by
   * `controlHistory`; optional so that a history built or filtered by hand
   * is one too.
   */
  workersUsed?: number;
}

interface Dated {
  label: string;
  instant: number;
  map: ControlMap;
  /** Where the snapshot is in the caller's array. */
  index: number;
}

/** Defaults of {@link HistoryWorkers}' rule. */
export const WORKER_RULE = { minStepsPerThread: 4, minMapVertices: 5_000 } as const;

/**
 * The change of control over a run of snapshots, step by step or summed per
 * day, ISO week or month.
 *
 * The rules: snapshots are sorted by time (ties keep their order); each pair
 * of consecutive snapshots is one step, compared with
 * {@link controlChange}; a step belongs to the period of its *later*
 * snapshot, so churn inside a period is counted and the periods add up to
 * the whole. A missing day is not filled in: the step over it spans two days
 * and its period's `steps` says so. Ground turned contested counts as
 * neither gained nor lost, as in `controlChange`.
 *
 * @param snapshots - `{ at, map }` pairs, in any order
 * @param options - `by`, `within`, `places`, `regions` and `nameProperty`,
 *   `onProgress`, `signal`, `workers`
 * @returns `{ periods }`; `periods` is `[]` for fewer than two snapshots
 * @throws {@link ContestedError} `invalid-input` when `snapshots` is not an
 *   array of `{ at, map }` (path `snapshots[3].at`) or `by` is unknown;
 *   `aborted` when `signal` aborts (checked before every step)
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * const history = await controlHistory([
 *   { at: '2025-12-05', map: controlMap(deepStateDec5) },
 *   { at: '2025-12-01', map: controlMap(deepStateDec1) },
 * ], { by: 'month' });
 * history.periods.map((p) => [p.period, p.from, p.to, p.steps]);
 * //=> [['2025-12', '2025-12-01', '2025-12-05', 1]]
 * history.periods[0]?.bySide.RU?.netKm2;
 * //=> km² Russia's area grew by
 * ```
 */
export async function controlHistory(snapshots: readonly HistorySnapshot[], options: ControlHistoryOptions = {}): Promise<ControlHistory> {
  const opts = optionsArg(options);
  const by = opts.by ?? 'step';
  if (!['step', 'day', 'week', 'month'].includes(by)) {
    throw new ContestedError('invalid-input', [{ code: 'invalid-value', path: ['options', 'by'], message: `expected 'step', 'day', 'week' or 'month'; got ${quote(by)}` }]);
  }
  const dated = datedSnapshots(snapshots);
  const total = Math.max(0, dated.length - 1);
  const changeOptions: { within?: AreaLike; places?: readonly Place[] } = {};
  if (opts.within !== undefined) changeOptions.within = opts.within;
  if (opts.places !== undefined) changeOptions.places = opts.places;
  // One grid for the whole series, as controlChange holds one for its pair: every map read, every
  // step (here or on a worker) computes on the grid of everything the call is given, so the steps
  // fit together and, where a pair spans as wide as the series (Ukraine-wide maps), each step is
  // controlChange's figure for that pair to the bit. The walk cannot span an await: it is held
  // around each synchronous piece of work instead.
  const gridBox = inputsBox([dated.map((d) => d.map), changeOptions]);
  const held = <T>(work: () => T): T => (gridBox === undefined ? work() : onCallGrid([gridBox], work));

  const periods: HistoryPeriod[] = [];
  const addStep = (i: number, change: Pick<ControlChange, 'bySide'>, regional: ReturnType<typeof changeByRegion> | undefined): void => {
    const later = dated[i + 1]!;
    const key = by === 'step' ? later.label : periodKey(new Date(later.instant), by);
    let period = periods[periods.length - 1];
    if (period === undefined || period.period !== key) {
      period = { period: key, from: dated[i]!.label, to: later.label, steps: 0, bySide: {} };
      periods.push(period);
    }
    period.to = later.label;
    period.steps += 1;
    for (const [side, sideChange] of Object.entries(change.bySide)) addTo(ownEntry(period.bySide, side, zero), sideChange);
    if (regional !== undefined) {
      period.byRegion ??= regional.rows.map((row) => ({ region: row.region, bySide: {} }));
      regional.rows.forEach((row, r) => {
        for (const [side, sideChange] of Object.entries(row.bySide)) addTo(ownEntry(period.byRegion![r]!.bySide, side, zero), sideChange);
      });
      period.unassignedKm2 = (period.unassignedKm2 ?? 0) + regional.unassignedKm2;
      period.overlapKm2 = (period.overlapKm2 ?? 0) + regional.overlapKm2;
    }
  };

  const plan = workerPlan(opts.workers, dated, opts.regions !== undefined);
  // Start the worker threads first: they load their module while this thread reads the maps.
  let pool: HistoryPool | undefined = plan.workers > 0 ? await openPool(plan.workers, plan.mainThread) : undefined;
  try {
    const frame = held(() => frameOf(changeOptions));
    const read = new SnapshotMaps(dated, (d) => held(() => readMap(d, changeOptions, frame)));
    if (pool !== undefined) {
      const open = pool;
      pool = undefined; // runSteps destroys it
      const changes = await runSteps(open, total, { regions: (j) => read.at(j).regions, packed: (j) => read.packed(j), gridBox }, { onProgress: opts.onProgress, signal: opts.signal, aborted });
      changes.forEach((bySide, i) => addStep(i, { bySide }, undefined));
    } else {
      for (let i = 0; i < total; i++) {
        if (opts.signal?.aborted === true) throw aborted();
        const change = held(() => changeOfRegions(read.at(i).regions, read.at(i + 1).regions));
        const regional = opts.regions === undefined ? undefined : held(() => changeByRegion(change, opts.regions!, opts.nameProperty === undefined ? {} : { nameProperty: opts.nameProperty }));
        addStep(i, change, regional);
        opts.onProgress?.({ done: i + 1, total });
        // Yield between steps so that an abort requested by a timer or an event can land.
        if (opts.signal !== undefined) await nextTask();
      }
    }
  } finally {
    await pool?.pool.destroy();
  }
  for (const period of periods) {
    for (const side of Object.values(period.bySide)) side.netKm2 = side.gainedKm2 - side.lostKm2;
    for (const row of period.byRegion ?? []) for (const side of Object.values(row.bySide)) side.netKm2 = side.gainedKm2 - side.lostKm2;
  }
  return { periods, workersUsed: plan.workers };
}

/** How many worker threads run the steps by {@link HistoryWorkers}' rule (0: a serial run), and whether this thread runs steps too. */
function workerPlan(workers: number | HistoryWorkers | undefined, dated: readonly Dated[], byRegion: boolean): { workers: number; mainThread: boolean } {
  const serial = { workers: 0, mainThread: true };
  if (workers === undefined) return serial;
  const rule = (typeof workers === 'number' ? { threads: workers } : objectArg(workers, ['options', 'workers'], 'a number of threads or { threads }') as unknown) as HistoryWorkers;
  const path = typeof workers === 'number' ? ['options', 'workers'] : ['options', 'workers', 'threads'];
  if (typeof rule.threads !== 'number' || !Number.isInteger(rule.threads) || rule.threads < 0) {
    throw new ContestedError('invalid-input', [{ code: 'invalid-value', path, message: `expected a whole number of worker threads; got ${quote(rule.threads)}` }]);
  }
  const steps = dated.length - 1;
  const mainThread = rule.mainThread !== false;
  const pooled = mainThread ? rule.threads - 1 : rule.threads;
  if (byRegion || pooled < 1 || steps < 2 || steps < (rule.minStepsPerThread ?? WORKER_RULE.minStepsPerThread) * rule.threads) return serial;
  const distinct = new Set(dated.map((d) => d.map));
  let vertices = 0;
  for (const map of distinct) vertices += vertexCount(map);
  return vertices >= (rule.minMapVertices ?? WORKER_RULE.minMapVertices) * distinct.size ? { workers: pooled, mainThread } : serial;
}

/** Positions in a map's polygons (the maps are read properly later; this only weighs them). */
function vertexCount(map: ControlMap): number {
  let n = 0;
  for (const feature of Array.isArray(map.features) ? map.features : []) {
    const geometry = feature?.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    const coordinates = geometry?.coordinates;
    if (!Array.isArray(coordinates)) continue;
    const polygons = (geometry?.type === 'Polygon' ? [coordinates] : coordinates) as unknown[];
    for (const polygon of polygons) if (Array.isArray(polygon)) for (const ring of polygon) if (Array.isArray(ring)) n += ring.length;
  }
  return n;
}

/** A snapshot's map read by `regionsOf` (geometry validated, cut to the frame, checked for overlaps unless `controlMap` built it); errors name `snapshots[i].map`. */
function readMap(d: Dated, options: { within?: AreaLike; places?: readonly Place[] }, frame: Frame | undefined): MapRegion[] {
  const name = `snapshots[${d.index}].map`;
  try {
    return regionsOf(d.map, name, options, frame);
  } catch (error) {
    if (!(error instanceof ContestedError)) throw error;
    const issues = error.issues.map((issue) => (issue.path[0] === name ? { ...issue, path: ['snapshots', d.index, 'map', ...issue.path.slice(1)] } : issue));
    throw new ContestedError(error.code, issues, error.message.split('\n')[0]);
  }
}

/**
 * Each distinct map of the snapshots read once (by identity: a map object
 * that appears in several snapshots is read once), asked for in
 * non-decreasing snapshot order; a map is let go once no later step needs it.
 */
class SnapshotMaps {
  private readonly lastUse = new Map<ControlMap, number>();
  private readonly cache = new Map<ControlMap, { regions: MapRegion[]; packed?: PackedMap }>();

  constructor(
    private readonly dated: readonly Dated[],
    private readonly read: (d: Dated) => MapRegion[],
  ) {
    dated.forEach((d, i) => this.lastUse.set(d.map, i));
  }

  at(index: number): { regions: MapRegion[]; packed?: PackedMap } {
    for (const map of this.cache.keys()) if (this.lastUse.get(map)! < index - 1) this.cache.delete(map);
    const d = this.dated[index]!;
    let value = this.cache.get(d.map);
    if (value === undefined) {
      value = { regions: this.read(d) };
      this.cache.set(d.map, value);
    }
    return value;
  }

  /** The map of snapshot `index` packed for the workers (packed once). */
  packed(index: number): PackedMap {
    const value = this.at(index);
    return (value.packed ??= packRegions(value.regions));
  }
}

const zero = (): PeriodSideChange => ({ gainedKm2: 0, lostKm2: 0, netKm2: 0 });

function addTo(sum: PeriodSideChange, step: { gainedKm2: number; lostKm2: number }): void {
  sum.gainedKm2 += step.gainedKm2;
  sum.lostKm2 += step.lostKm2;
}

/** Resolves after the event loop has run once (timers included), where `setTimeout` exists. */
function nextTask(): Promise<void> {
  const timers = globalThis as unknown as { setTimeout?: (callback: () => void, ms: number) => unknown };
  return new Promise((resolve) => (timers.setTimeout === undefined ? resolve() : timers.setTimeout(resolve, 0)));
}

function aborted(): ContestedError {
  return new ContestedError('aborted', [{ code: 'aborted', path: ['options', 'signal'], message: 'the history was aborted by its signal before it finished' }]);
}

/** The snapshots with a label and an instant each, sorted by time (stable). */
function datedSnapshots(snapshots: readonly HistorySnapshot[]): Dated[] {
  if (!Array.isArray(snapshots)) throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: ['snapshots'], message: 'expected an array of { at, map } snapshots' }]);
  // Array.from visits the holes of a sparse array, where map would skip them.
  const dated = Array.from(snapshots as readonly unknown[], (snapshot: unknown, i): Dated => {
    const s = snapshot as Partial<HistorySnapshot> | null;
    if (s === null || typeof s !== 'object') throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: ['snapshots', i], message: 'expected { at, map }' }]);
    const map = s.map;
    if (map === null || typeof map !== 'object' || (map as { type?: unknown }).type !== 'FeatureCollection') {
      throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: ['snapshots', i, 'map'], message: 'expected a control map (see controlMap)' }]);
    }
    const at = s.at;
    if (at instanceof Date) {
      if (Number.isNaN(at.getTime())) throw new ContestedError('invalid-input', [{ code: 'invalid-time', path: ['snapshots', i, 'at'], message: 'an invalid Date' }]);
      return { label: at.toISOString(), instant: at.getTime(), map, index: i };
    }
    const resolved = resolveTimeAt(at as TimeRef, ['snapshots', i, 'at']);
    return { label: typeof at === 'string' ? at : (at as { at: string }).at, instant: resolved.start.getTime(), map, index: i };
  });
  return dated.map((d, i) => ({ d, i })).sort((a, b) => a.d.instant - b.d.instant || a.i - b.i).map(({ d }) => d);
}
