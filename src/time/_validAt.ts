/**
 * The two times of a question, as bitemporal databases keep them, and the
 * one rule every function uses to decide whether a record counts.
 *
 * - `asOf` is the time the answer describes ("who held what on 10 August").
 *   A claim applies at `asOf` only once the whole of the time it is about
 *   has passed: its `validAt` (else `statedAt`) span must END no later than
 *   `asOf` ends. "In August, Ukraine held 1,100 km²" says nothing about
 *   5 August — the ground may have been taken on the 30th — so a claim
 *   about a coarse time never applies before it could have been true.
 * - `knownAt` is the time the answer is told from: only records stated,
 *   captured or reported by then count. A record counts once its whole
 *   `statedAt` span (evidence: `publishedAt`, else `capturedAt`; an event:
 *   `at`) has passed by the end of `knownAt`. Its default is `asOf`, so that
 *   nothing stated after the moment a map describes shapes it; hindsight is
 *   opt-in, with a `knownAt` later than `asOf`. Without either, everything
 *   counts.
 *
 * A time reference stands for its whole span (`asOf: '2024-08'` is the end
 * of August); a Date is an instant, and a span ending exactly then counts.
 */
import type { IssuePath } from '../errors/index.js';
import { asOfEnd } from './_resolveAt.js';
import type { ResolvedTime, TimeRef } from './timeRef.js';

/** The options every time-dependent function takes. */
export interface BitemporalOptions {
  asOf?: TimeRef | Date | undefined;
  knownAt?: TimeRef | Date | undefined;
}

/** The limits of a question in epoch ms: a span counts when it ends no later than the limit. */
export interface TimeWindow {
  /** Latest end of a claim's `validAt` span that applies; undefined: no `asOf`. */
  validBy: number | undefined;
  /** Latest end of a statement's span that is known; undefined: everything is known. */
  knownBy: number | undefined;
  /** First instant after `asOf`: a span that starts before it may have begun by `asOf`. */
  begunBefore: number | undefined;
}

/** The last instant a span may end at and still count, for `asOf` or `knownAt`. */
function limitOf(time: TimeRef | Date, path: IssuePath): number {
  // asOfEnd is the first instant after `time`: a span ending exactly there counts.
  return asOfEnd(time, path) - (time instanceof Date ? 1 : 0);
}

/** The window of a question: `knownAt` defaults to `asOf`. */
export function timeWindow(options: BitemporalOptions, path: IssuePath = []): TimeWindow {
  const validBy = options.asOf === undefined ? undefined : limitOf(options.asOf, [...path, 'asOf']);
  const knownBy = options.knownAt !== undefined ? limitOf(options.knownAt, [...path, 'knownAt']) : validBy;
  const begunBefore = options.asOf === undefined ? undefined : asOfEnd(options.asOf, [...path, 'asOf']);
  return { validBy, knownBy, begunBefore };
}

/** Whether a claim about `valid` applies at the window's `asOf` (always, without one). */
export function appliesAt(valid: ResolvedTime, window: TimeWindow): boolean {
  return window.validBy === undefined || valid.end.getTime() <= window.validBy;
}

/** Whether something stated (captured, reported) in `stated` was known at the window's `knownAt`. */
export function knownAt(stated: ResolvedTime, window: TimeWindow): boolean {
  return window.knownBy === undefined || stated.end.getTime() <= window.knownBy;
}

/**
 * Whether a record about `valid` may have begun by `asOf`: its span starts
 * no later than `asOf` ends. For questions about when something began
 * (`battleDuration`), where the earliest possible moment is what is asked.
 */
export function begunBy(valid: ResolvedTime, window: TimeWindow): boolean {
  return window.begunBefore === undefined || valid.start.getTime() < window.begunBefore;
}
