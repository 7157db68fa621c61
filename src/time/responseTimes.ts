/**
 * Response times over linked events: how long from a detection to the strike
 * that follows it. "Infiltrators are destroyed 15–20 minutes after detection"
 * becomes a minimum, a median and a maximum over the events that record it.
 *
 * @module
 */
import type { Dataset } from '../dataset/schema.js';
import type { Event, EventKind } from '../events/schema.js';
import { comparePrecision, resolveTime } from './timeRef.js';
import { datasetArg, objectArg } from '../_lib/args.js';

/**
 * Options of {@link responseTimes}.
 *
 * @category Time
 */
export interface ResponseTimeOptions {
  /** The kind of event the clock starts at, e.g. `'detection'`. */
  from: EventKind;
  /** The kind of event the clock stops at, e.g. `'strike'` or `'destruction'`. */
  to: EventKind;
}

/**
 * One measured pair: a `to` event and the `from` event it follows.
 *
 * @category Time
 */
export interface ResponsePair {
  /** The id of the earlier event (the detection). */
  from: string;
  /** The id of the later event (the strike). */
  to: string;
  /** Minutes from the start of one to the start of the other. */
  minutes: number;
}

/**
 * A linked pair that could not be measured, and why.
 *
 * @category Time
 */
export interface SkippedPair {
  /** The id of the earlier event. */
  from: string;
  /** The id of the later event. */
  to: string;
  /**
   * `too-coarse`: a time is known less precisely than to the minute (an hour
   * or a day cannot give a 15-minute response time); `negative`: the later
   * event is timed before the one it follows.
   */
  reason: 'too-coarse' | 'negative';
}

/**
 * The answer of {@link responseTimes}.
 *
 * @category Time
 */
export interface ResponseTimes {
  /** How many pairs were measured. */
  count: number;
  /** The shortest, in minutes; `null` when nothing was measured. */
  minMinutes: number | null;
  /** The median (the mean of the middle two for an even count); `null` when nothing was measured. */
  medianMinutes: number | null;
  /** The longest, in minutes; `null` when nothing was measured. */
  maxMinutes: number | null;
  /** Every measured pair, shortest first. */
  pairs: ResponsePair[];
  /** Linked pairs left out, with the reason. */
  skipped: SkippedPair[];
}

/**
 * Response times between linked events: for every event of kind `to`, the
 * events of kind `from` it follows, directly or through a chain of
 * `follows` (a destruction that follows a strike that follows a detection
 * is timed from the detection). The search back along a chain stops at the
 * first `from` event on each path.
 *
 * Precision: a pair is measured only when both times are known to the minute
 * or second; a pair with an hour-, day- or coarser time is listed under
 * `skipped` as `too-coarse`, never guessed. Minutes run from the start of one
 * time to the start of the other (exact for two minute-precision times).
 *
 * @param dataset - the events
 * @param options - the kinds of event the clock starts and stops at
 * @returns count, min, median and max minutes and the pairs; a count of 0
 *   and `null` statistics when no pair can be measured
 * @throws {@link ContestedError} `invalid-input` when an event time is invalid
 * @category Time
 *
 * @example
 * ```ts
 * const t = responseTimes(dataset, { from: 'detection', to: 'strike' });
 * [t.minMinutes, t.medianMinutes, t.maxMinutes];
 * //=> [15, 17.5, 20]
 * ```
 */
export function responseTimes(dataset: Pick<Dataset, 'events'>, options: ResponseTimeOptions): ResponseTimes {
  datasetArg(dataset, ['events']);
  objectArg(options, ['options'], 'options { from, to }');
  const events = dataset.events ?? [];
  const byId = new Map<string, Event>();
  for (const e of events) if (!byId.has(e.id)) byId.set(e.id, e);
  const pairs: ResponsePair[] = [];
  const skipped: SkippedPair[] = [];
  for (const to of events) {
    if (to.kind !== options.to) continue;
    for (const from of origins(to, options.from, byId)) {
      const a = resolveTime(from.at);
      const b = resolveTime(to.at);
      if (comparePrecision(a.precision, 'minute') > 0 || comparePrecision(b.precision, 'minute') > 0) {
        skipped.push({ from: from.id, to: to.id, reason: 'too-coarse' });
        continue;
      }
      const minutes = (b.start.getTime() - a.start.getTime()) / 60_000;
      if (minutes < 0) skipped.push({ from: from.id, to: to.id, reason: 'negative' });
      else pairs.push({ from: from.id, to: to.id, minutes });
    }
  }
  pairs.sort((p, q) => p.minutes - q.minutes);
  const values = pairs.map((p) => p.minutes);
  const mid = Math.floor(values.length / 2);
  const median = values.length === 0 ? null : values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
  return {
    count: values.length,
    minMinutes: values[0] ?? null,
    medianMinutes: median,
    maxMinutes: values[values.length - 1] ?? null,
    pairs,
    skipped,
  };
}

/** The `from`-kind events an event follows, walking back along `follows`. */
function origins(event: Event, kind: EventKind, byId: ReadonlyMap<string, Event>): Event[] {
  const found: Event[] = [];
  const seen = new Set<string>([event.id]);
  const queue = [...(event.follows ?? [])];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const earlier = byId.get(id);
    if (earlier === undefined) continue;
    if (earlier.kind === kind) found.push(earlier);
    else queue.push(...(earlier.follows ?? []));
  }
  return found;
}
