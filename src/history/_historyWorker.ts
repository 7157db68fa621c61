/**
 * The task a worker thread runs for `controlHistory(…, { workers })`: one
 * step, compared with `controlChange`. Only the per-side sums go back to the
 * main thread; the changed regions stay here.
 */
import { controlChange, type ControlChangeOptions, type SideChange } from '../control/controlChange.js';
import type { ControlMap } from '../control/types.js';

export interface StepTask {
  before: ControlMap;
  after: ControlMap;
  options: ControlChangeOptions;
}

export default function runStep(task: StepTask): Record<string, SideChange> {
  return controlChange(task.before, task.after, task.options).bySide;
}
