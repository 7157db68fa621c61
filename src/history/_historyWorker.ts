/**
 * The task a worker thread runs for `controlHistory(…, { workers })`: a run
 * of consecutive snapshots' maps, packed flat and shared (see `_packed.ts`),
 * each step between two neighbours computed by the same `changeOfRegions`
 * the serial run uses. The maps were read and checked once on the main
 * thread; only the per-side sums go back, the changed regions stay here.
 *
 * The package ships this module bundled into one file
 * (`dist/history/_historyWorker.js`, see tsup.config.ts) with only what a
 * step needs, so that a worker starts in a fraction of the time loading the
 * whole library would take.
 */
import { changeOfRegions, type SideChange } from '../control/controlChange.js';
import type { MapRegion } from '../overlay/overlay.js';
import { onCallGrid } from '../geometry/_engine.js';
import { unpackRegions, type PackedMap } from './_packed.js';

export interface StepsTask {
  /** Consecutive snapshots' maps; the task is the steps between neighbours. */
  maps: PackedMap[];
  /** The box whose grid every step holds, as on the calling thread (`onCallGrid`). */
  gridBox?: [number, number, number, number];
}

export default function runSteps(task: StepsTask): Record<string, SideChange>[] {
  const out: Record<string, SideChange>[] = [];
  let before: MapRegion[] | undefined;
  for (const packed of task.maps) {
    const after = unpackRegions(packed);
    const prior = before;
    if (prior !== undefined) {
      const step = (): Record<string, SideChange> => changeOfRegions(prior, after).bySide;
      out.push(task.gridBox === undefined ? step() : onCallGrid([task.gridBox], step));
    }
    before = after;
  }
  return out;
}
