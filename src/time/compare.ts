/**
 * Comparing times that carry their precision. Every time stands for a span
 * (`"2025-12"` is the whole of December, `"2025-12-03T14:05Z"` one minute),
 * so two times compare as spans: one is `before` the other only when its
 * span ends before the other's begins, and they `overlap` otherwise. That is
 * comparison "at the coarser precision": the month `2025-12` overlaps the
 * day `2025-12-03`, and a claim dated to the day overlaps a video timed to
 * the minute within that day.
 *
 * @module
 */
import type { Claim } from '../claims/schema.js';
import { resolveTime, type ResolvedTime, type TimeRef } from './timeRef.js';
import { objectArg, optionsArg } from '../_lib/args.js';

/**
 * How two times stand to each other, as spans: `before`, `after`, or
 * `overlaps` (they share at least one instant).
 *
 * @category Time
 */
export type TimeOrder = 'before' | 'after' | 'overlaps';

/** A span in epoch milliseconds, `[start, end)`. */
function span(ref: TimeRef | ResolvedTime): { start: number; end: number } {
  const r = typeof ref === 'object' && ref !== null && 'start' in ref ? ref : resolveTime(ref as TimeRef);
  return { start: r.start.getTime(), end: r.end.getTime() };
}

/**
 * Orders two times at the coarser of their precisions: `'before'` when all
 * of `a` comes before all of `b`, `'after'` when all of it comes after, and
 * `'overlaps'` when their spans share an instant (the month `2025-12`
 * overlaps the day `2025-12-03`; the week `2025-W49` overlaps the day
 * `2025-12-01`).
 *
 * @param a - a time
 * @param b - another time
 * @returns `'before'`, `'after'` or `'overlaps'`
 * @throws {@link ContestedError} `invalid-input` when either is not a valid time
 * @category Time
 *
 * @example
 * ```ts
 * compareTimes('2025-12', '2025-12-03');
 * //=> 'overlaps'
 * compareTimes('2025-11-30', '2025-W49');
 * //=> 'before'
 * ```
 */
export function compareTimes(a: TimeRef, b: TimeRef): TimeOrder {
  const x = span(a);
  const y = span(b);
  if (x.end <= y.start) return 'before';
  if (y.end <= x.start) return 'after';
  return 'overlaps';
}

/**
 * Whether two times share an instant, each taken as the span its precision
 * gives it.
 *
 * @param a - a time
 * @param b - another time
 * @returns true when the spans overlap; false when one ends before the other begins
 * @throws {@link ContestedError} `invalid-input` when either is not a valid time
 * @category Time
 *
 * @example
 * ```ts
 * timesOverlap('2025-12-01', { at: '2025-12-03', precision: 'week' });
 * //=> true
 * timesOverlap('2025-12-01T10:30Z', '2025-12-02');
 * //=> false
 * ```
 */
export function timesOverlap(a: TimeRef, b: TimeRef): boolean {
  return compareTimes(a, b) === 'overlaps';
}

/**
 * The minutes between two times: from the end of the earlier span to the
 * start of the later one, so a gap is what no reading of either precision
 * can close. Always zero or more; which comes first is what
 * {@link compareTimes} says.
 *
 * @param a - a time
 * @param b - another time
 * @returns `null` when the spans overlap (no gap at these precisions);
 *   otherwise the minutes between them (`0` for spans that touch, such as
 *   two consecutive days)
 * @throws {@link ContestedError} `invalid-input` when either is not a valid time
 * @category Time
 *
 * @example
 * ```ts
 * timeGapMinutes('2025-12-02T05:40Z', '2025-12-02T05:55Z');
 * //=> 14 (05:41 is when the first minute ends)
 * timeGapMinutes('2025-12-01', '2025-W49');
 * //=> null
 * ```
 */
export function timeGapMinutes(a: TimeRef, b: TimeRef): number | null {
  const x = span(a);
  const y = span(b);
  if (x.end <= y.start) return (y.start - x.end) / 60_000;
  if (y.end <= x.start) return (x.start - y.end) / 60_000;
  return null;
}

/**
 * Options of {@link isValidAt}.
 *
 * @category Time
 */
export interface ValidAtOptions {
  /**
   * Let the claim stand from its `validAt` onward, as control maps do (a
   * claim holds until a later one overrules it). Off by default: the claim
   * is valid only at the time it is about.
   */
  standing?: boolean;
}

/**
 * Whether a claim speaks of a time: its `validAt` (or, without one, its
 * `statedAt`) overlaps `time` at the coarser of the two precisions. With
 * `standing`, a claim is also valid at any later time.
 *
 * @param claim - the claim (only `validAt` and `statedAt` are read)
 * @param time - the time asked about
 * @param options - `standing` to carry the claim forward in time
 * @returns true when the claim's time overlaps `time` (or, with `standing`,
 *   begins before `time` ends); false otherwise
 * @throws {@link ContestedError} `invalid-input` when a time is not valid
 * @category Time
 *
 * @example
 * ```ts
 * const claim = { statedAt: '2025-12-01' };
 * isValidAt(claim, '2025-12');
 * //=> true
 * isValidAt(claim, '2025-12-05');
 * //=> false
 * isValidAt(claim, '2025-12-05', { standing: true });
 * //=> true
 * ```
 */
export function isValidAt(claim: Pick<Claim, 'statedAt' | 'validAt'>, time: TimeRef, options: ValidAtOptions = {}): boolean {
  objectArg(claim, ['claim'], 'a claim');
  const order = compareTimes(claim.validAt ?? claim.statedAt, time);
  optionsArg(options);
  return order === 'overlaps' || (options.standing === true && order === 'before');
}
