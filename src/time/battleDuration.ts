/**
 * How long a battle has gone on: from the first thing the dataset records on
 * a place's ground to a given time, with the phrase a reporter would use.
 *
 * @module
 */
import { UTCDate } from '@date-fns/utc';
import { differenceInMonths } from 'date-fns';
import type { MultiPolygon } from 'geojson';
import type { Dataset } from '../dataset/schema.js';
import { ContestedError } from '../errors/index.js';
import { quote } from '../_lib/quote.js';
import { areaKm2 } from '../geometry/measure.js';
import { contains } from '../geometry/contains.js';
import { intersection } from '../geometry/boolean.js';
import type { AreaRef } from '../places/areaRef.js';
import { resolveArea } from '../places/resolveArea.js';
import type { Position } from '../positions/schema.js';
import { durationPhrase } from './durationPhrase.js';
import { begunBy, knownAt, timeWindow } from './_validAt.js';
import { resolveTime, type ResolvedTime, type TimeRef } from './timeRef.js';
import { datasetArg, optionsArg, stringArg } from '../_lib/args.js';

/**
 * Options of {@link battleDuration}.
 *
 * @category Time
 */
export interface BattleDurationOptions {
  /**
   * The time the duration is told from: only claims stated, and events that
   * happened, by then count. Defaults to `asOf`, so a summary published
   * later cannot move the start.
   */
  knownAt?: TimeRef | Date;
}

/**
 * The answer of {@link battleDuration}.
 *
 * @category Time
 */
export interface BattleDuration {
  /** When it began at the earliest: the start of the earliest record's time span. */
  start: Date;
  /**
   * The time it is told as of: the start of `asOf`'s span (`asOf` itself,
   * for a Date), and never before `start`.
   */
  end: Date;
  /** The record it began with. */
  startedBy: {
    /** An event or a claim. */
    kind: 'event' | 'claim';
    /** Its id. */
    id: string;
    /** Its time (`at` of an event; `validAt`, else `statedAt`, of a claim). */
    at: TimeRef;
  };
  /** Whole calendar months from `start` to `end` (date-fns `differenceInMonths`). */
  months: number;
  /** Whole days from `start` to `end`. */
  days: number;
  /**
   * In a reporter's words, by the rules of {@link durationPhrase}, qualified
   * by what is uncertain: `"about 18 months"` when the first record is known
   * only to the week or coarser, `"at least 2 days"` when `asOf` is a span
   * the duration may run on into.
   */
  phrase: string;
}

const COARSE: ReadonlySet<string> = new Set(['week', 'month', 'year']);

/**
 * How long the fighting for a place has gone on as of a time.
 *
 * The start is the earliest moment any record about the place could have
 * begun: the start of the span of the earliest event or claim that touches
 * the place — an event whose `position` lies in the place (its boundary
 * included), or an event or claim whose area shares ground with it (an
 * offensive on the surrounding district touches the city; a claim on a
 * neighbouring village that only meets the city's edge does not). Records
 * whose span begins after `asOf`, and records not yet known at `knownAt`
 * (claims by `statedAt`, events by `at`; default `asOf`), are left out.
 * The duration runs from that start to the start of `asOf` (a Date:
 * itself), never ending before the record it began with. Its phrase
 * follows {@link durationPhrase}, then says how uncertain it is: when the
 * first record is known only to the week, month or year, the start is
 * uncertain by that much and the phrase is "about n units"; otherwise, when
 * `asOf` is a span and the amount is whole, "at least n units" (the
 * duration runs on through `asOf`'s span).
 *
 * @param dataset - events, claims and the places their areas name
 * @param placeId - the place fought over (an area place)
 * @param asOf - the time the duration is told as of
 * @param options - `knownAt`, the time it is told from (default `asOf`)
 * @returns the start, end, whole months and days, and the phrase; `null`
 *   when nothing touches the place by `asOf`
 * @throws {@link ContestedError} `not-found` when `placeId` is not a place;
 *   `invalid-geometry` when it is a line; `invalid-input` for an invalid time
 * @category Time
 *
 * @example
 * ```ts
 * battleDuration(dataset, 'pokrovsk', '2025-W49')?.phrase;
 * //=> 'about 18 months'
 * ```
 */
export function battleDuration(
  dataset: Pick<Dataset, 'events' | 'claims' | 'places'>,
  placeId: string,
  asOf: TimeRef | Date,
  options: BattleDurationOptions = {},
): BattleDuration | null {
  datasetArg(dataset, ['events', 'claims', 'places']);
  stringArg(placeId, ['placeId'], 'a place id');
  optionsArg(options);
  if (!(dataset.places ?? []).some((p) => p.id === placeId)) {
    throw new ContestedError('not-found', [{ code: 'unknown-reference', path: ['placeId'], message: `${quote(placeId)} is not the id of any place` }]);
  }
  const place = resolveArea(dataset, placeId);
  const window = timeWindow(options.knownAt === undefined ? { asOf } : { asOf, knownAt: options.knownAt });
  const areaTouches = (area: AreaRef): boolean => sharesGround(place, resolveArea(dataset, area));
  const pointIn = (position: Position | undefined): boolean => position?.coordinates !== undefined && contains(place, position.coordinates);

  let best: { span: ResolvedTime; record: BattleDuration['startedBy'] } | undefined;
  const consider = (kind: 'event' | 'claim', id: string, at: TimeRef, known: TimeRef, touches: () => boolean): void => {
    const span = resolveTime(at);
    if (!begunBy(span, window) || (best !== undefined && span.start.getTime() >= best.span.start.getTime())) return;
    if (!knownAt(resolveTime(known), window)) return;
    if (touches()) best = { span, record: { kind, id, at } };
  };
  for (const e of dataset.events ?? []) {
    consider('event', e.id, e.at, e.at, () => pointIn(e.position) || (e.area !== undefined && areaTouches(e.area)));
  }
  for (const c of dataset.claims ?? []) consider('claim', c.id, c.validAt ?? c.statedAt, c.statedAt, () => areaTouches(c.area));
  if (best === undefined) return null;

  const start = best.span.start;
  const told = asOf instanceof Date ? asOf : resolveTime(asOf).start;
  const end = told.getTime() < start.getTime() ? start : told;
  const span = end.getTime() - start.getTime();
  const words = durationPhrase(start, end);
  const whole = Math.max(1, Math.round(words.amount));
  const unitWords = `${whole} ${words.unit}${whole === 1 ? '' : 's'}`;
  const phrase =
    span > 0 && COARSE.has(best.span.precision)
      ? `about ${unitWords}`
      : span > 0 && !(asOf instanceof Date) && words.phrase === unitWords
        ? `at least ${unitWords}`
        : words.phrase;
  return {
    start,
    end,
    startedBy: best.record,
    months: span <= 0 ? 0 : monthsOf(start, end),
    days: span <= 0 ? 0 : Math.floor(span / 86_400_000),
    phrase,
  };
}
function monthsOf(start: Date, end: Date): number {
  return differenceInMonths(new UTCDate(end.getTime()), new UTCDate(start.getTime()));
}

/** Two areas share ground of positive area (meeting at an edge or a point is not sharing). */
function sharesGround(a: MultiPolygon, b: MultiPolygon): boolean {
  return areaKm2(intersection(a, b)) > 1e-9;
}
