/**
 * The task a worker thread runs for `controlHistory(…, { workers })`: a run
 * of consecutive snapshots, each step between two of them compared with
 * `controlChange`. A chunk of k steps carries k + 1 maps, so a map shared by
 * two steps of the chunk is copied to the worker once, not twice. Only the
 * per-side sums go back to the main thread; the changed regions stay here.
 */
import { controlChange, type ControlChangeOptions, type SideChange } from '../control/controlChange.js';
import type { ControlMap } from '../control/types.js';

export interface StepsTask {
  /** Consecutive snapshots' maps; the task is the steps between neighbours. */
  maps: ControlMap[];
  options: ControlChangeOptions;
}

export default function runSteps(task: StepsTask): Record<string, SideChange>[] {
  const out: Record<string, SideChange>[] = [];
  for (let i = 0; i + 1 < task.maps.length; i++) out.push(controlChange(task.maps[i]!, task.maps[i + 1]!, task.options).bySide);
  return out;
}
