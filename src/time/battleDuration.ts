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
import { asOfEnd } from './_resolveAt.js';
import { resolveTime, type TimeRef } from './timeRef.js';
import { datasetArg, stringArg } from '../_lib/args.js';

/**
 * The answer of {@link battleDuration}.
 *
 * @category Time
 */
export interface BattleDuration {
  /** When it began: the middle of the earliest record's time span. */
  start: Date;
  /** The time it is told as of: the middle of `asOf`'s span (or `asOf` itself, for a Date). */
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
  /** In a reporter's words, by the rules of {@link durationPhrase}: `"nearly 18 months"`. */
  phrase: string;
}

/** The middle of a time's span: the best single instant for an imprecise time. */
function middle(time: TimeRef | Date): Date {
  if (time instanceof Date) return time;
  const { start, end } = resolveTime(time);
  return new Date((start.getTime() + end.getTime()) / 2);
}

/**
 * How long the fighting for a place has gone on as of a time.
 *
 * The start is the earliest event or claim that touches the place: an event
 * whose `position` lies in the place (its boundary included), or an event or
 * claim whose area shares ground with it (an offensive on the surrounding
 * district touches the city; a claim on a neighbouring village that only
 * meets the city's edge does not). Records that begin after `asOf` are left
 * out. Imprecise times are read at the middle of their span (`"2024-06"` is
 * 16 June 2024), because a reporter counting "nearly 18 months" from "June
 * 2024" counts from mid-June; the months and days are whole units from that
 * start, the phrase follows {@link durationPhrase}.
 *
 * @param dataset - events, claims and the places their areas name
 * @param placeId - the place fought over (an area place)
 * @param asOf - the time the duration is told as of
 * @returns the start, end, whole months and days, and the phrase; `null`
 *   when nothing touches the place before `asOf`
 * @throws {@link ContestedError} `not-found` when `placeId` is not a place;
 *   `invalid-geometry` when it is a line; `invalid-input` for an invalid time
 * @category Time
 *
 * @example
 * ```ts
 * battleDuration(dataset, 'pokrovsk', '2025-W49')?.phrase;
 * //=> 'nearly 18 months'
 * ```
 */
export function battleDuration(dataset: Pick<Dataset, 'events' | 'claims' | 'places'>, placeId: string, asOf: TimeRef | Date): BattleDuration | null {
  datasetArg(dataset, ['events', 'claims', 'places']);
  stringArg(placeId, ['placeId'], 'a place id');
  if (!(dataset.places ?? []).some((p) => p.id === placeId)) {
    throw new ContestedError('not-found', [{ code: 'unknown-reference', path: ['placeId'], message: `${quote(placeId)} is not the id of any place` }]);
  }
  const place = resolveArea(dataset, placeId);
  const limit = asOfEnd(asOf, ['asOf']);
  const areaTouches = (area: AreaRef): boolean => sharesGround(place, resolveArea(dataset, area));
  const pointIn = (position: Position | undefined): boolean => position?.coordinates !== undefined && contains(place, position.coordinates);

  let best: { begins: number; record: BattleDuration['startedBy'] } | undefined;
  const consider = (kind: 'event' | 'claim', id: string, at: TimeRef, touches: () => boolean): void => {
    const begins = resolveTime(at).start.getTime();
    if (begins >= limit || (best !== undefined && begins >= best.begins)) return;
    if (touches()) best = { begins, record: { kind, id, at } };
  };
  for (const e of dataset.events ?? []) {
    consider('event', e.id, e.at, () => pointIn(e.position) || (e.area !== undefined && areaTouches(e.area)));
  }
  for (const c of dataset.claims ?? []) consider('claim', c.id, c.validAt ?? c.statedAt, () => areaTouches(c.area));
  if (best === undefined) return null;

  const start = middle(best.record.at);
  const end = middle(asOf);
  const span = end.getTime() - start.getTime();
  const words = durationPhrase(start, end.getTime() < start.getTime() ? start : end);
  return {
    start,
    end,
    startedBy: best.record,
    months: span <= 0 ? 0 : monthsOf(start, end),
    days: span <= 0 ? 0 : Math.floor(span / 86_400_000),
    phrase: words.phrase,
  };
}

function monthsOf(start: Date, end: Date): number {
  return differenceInMonths(new UTCDate(end.getTime()), new UTCDate(start.getTime()));
}

/** Two areas share ground of positive area (meeting at an edge or a point is not sharing). */
function sharesGround(a: MultiPolygon, b: MultiPolygon): boolean {
  return areaKm2(intersection(a, b)) > 1e-9;
}
