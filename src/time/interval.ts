/**
 * Intervals of time whose ends carry their own precision: "from summer 2024
 * until 2025-12-03". An interval with no `end` is open: still going on.
 *
 * @module
 */
import * as z from 'zod';
import { TimeRef, resolveTime } from './timeRef.js';
import { isContestedError } from '../errors/index.js';

/**
 * A span between two times, each with its own precision. `end`, when
 * present, must not be before `start`.
 *
 * @example
 * ```ts
 * Interval.safeParse({ start: '2025-12-01', end: '2025-12-05' }).success;
 * //=> true
 * Interval.safeParse({ start: '2025-12-05', end: '2025-12-01' }).success;
 * //=> false
 * ```
 *
 * @category Time
 */
export const Interval = z
  .strictObject({
    /** When it began. */
    start: TimeRef,
    /** When it ended; absent while it goes on. */
    end: TimeRef.optional(),
  })
  .check((ctx) => {
    const { start, end } = ctx.value;
    if (end === undefined) return;
    // Both ends were validated by their own schemas before this runs; a
    // failed resolve here means one was invalid, and that is reported there.
    let s: Date;
    let e: Date;
    try {
      s = resolveTime(start).start;
      e = resolveTime(end).end;
    } catch (error) {
      // resolveTime's ContestedError; anything else passes through.
      if (isContestedError(error)) return;
      throw error;
    }
    if (e.getTime() <= s.getTime()) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['end'],
        message: `interval ends (${JSON.stringify(end)}) before it starts (${JSON.stringify(start)})`,
        params: { contested: 'end-before-start' },
      });
    }
  });
/** A span of time between two {@link TimeRef}s. @category Time */
export type Interval = z.infer<typeof Interval>;
