/**
 * Time with precision. A report says "early December 2025", a drone feed is
 * timed to the minute, ISW dates its layers to the day: a `TimeRef` keeps the
 * instant and how precisely it is known, as ACLED's and UCDP's codebooks do.
 * The serialized form is ISO 8601; a time of day must carry its UTC offset,
 * because "14:05" without a zone is an hour's worth of ambiguity on a front
 * that spans two time zones of reporting.
 *
 * @module
 */
import * as z from 'zod';
import { ContestedError } from '../errors/index.js';
import { isIsoTime, isTimeZone, parseIso, spanEnd, truncate } from './_iso.js';

/**
 * How precisely a time is known, finest first.
 *
 * @example
 * ```ts
 * TimePrecision.safeParse('week').success;
 * //=> true
 * TimePrecision.safeParse('fortnight').success;
 * //=> false
 * ```
 *
 * @category Time
 */
export const TimePrecision = z.enum(['second', 'minute', 'hour', 'day', 'week', 'month', 'year']);
/** How precisely a time is known: `second` … `year`. @category Time */
export type TimePrecision = z.infer<typeof TimePrecision>;

const PRECISION_RANK: Record<TimePrecision, number> = {
  second: 0,
  minute: 1,
  hour: 2,
  day: 3,
  week: 4,
  month: 5,
  year: 6,
};

/**
 * A time as it is known: an ISO 8601 string whose own form gives its
 * precision (`"2025"`, `"2025-12"`, `"2025-W49"`, `"2025-12-03"`,
 * `"2025-12-03T14Z"`, `"2025-12-03T14:05Z"`, `"2025-12-03T14:05:09+02:00"`),
 * or `{ at, precision }` when the precision is coarser than the string
 * (`{ at: "2025-12-03", precision: "week" }` — "in the first week of December").
 * The object form may name an IANA `timeZone`: its day, week, month or year
 * is then that zone's calendar unit (`{ at: "2023-05-21", precision: "day",
 * timeZone: "Europe/Moscow" }` is 2023-05-20T21:00Z to 2023-05-21T21:00Z),
 * and a time of day in `at` may leave out its offset. A date with an offset
 * (`"2023-05-21+03:00"`) is refused with that advice: an offset is not a
 * calendar.
 *
 * @category Time
 */
export type TimeRef =
  | string
  | {
      /** An ISO 8601 time inside the span meant. */
      at: string;
      /** How precisely the time is known: the span is `at` truncated to this. */
      precision: TimePrecision;
      /** IANA time zone whose calendar the span follows (`"Europe/Moscow"`); UTC when absent. */
      timeZone?: string;
    };

/**
 * The span of time a {@link TimeRef} stands for: `[start, end)` in UTC.
 *
 * @category Time
 */
export interface ResolvedTime {
  /** First instant of the span. */
  start: Date;
  /** First instant after the span. */
  end: Date;
  /** The precision the span was built from. */
  precision: TimePrecision;
}

/**
 * Why a time reference is not valid, or undefined when it is. The same
 * checks as {@link tryResolve}, without building the span: schema
 * validation runs this on every time of a dataset, and the span's end
 * (date arithmetic in UTC) is only needed when a time is used.
 */
function invalidReason(ref: TimeRef): string | undefined {
  if (typeof ref !== 'string') {
    const resolved = tryResolve(ref);
    return typeof resolved === 'string' ? resolved : undefined;
  }
  if (isIsoTime(ref)) return undefined;
  const parsed = parseIso(ref);
  return typeof parsed === 'string' ? parsed : undefined;
}

/** Resolves a time reference or returns the reason it is not one. */
function tryResolve(ref: TimeRef): ResolvedTime | string {
  // Callers outside TypeScript can pass anything: read only what a TimeRef has.
  const shaped = typeof ref === 'string' || (ref !== null && typeof ref === 'object' && typeof (ref as { at?: unknown }).at === 'string' &&
    Object.prototype.hasOwnProperty.call(PRECISION_RANK, (ref as { precision?: unknown }).precision as string));
  if (!shaped) return 'expected a time: an ISO 8601 string such as "2025-12-03", or { at, precision }';
  const text = typeof ref === 'string' ? ref : ref.at;
  const zone: unknown = typeof ref === 'string' ? undefined : ref.timeZone;
  if (zone !== undefined && (typeof zone !== 'string' || !isTimeZone(zone))) {
    return `time zone ${JSON.stringify(zone)} is not an IANA time zone name such as "Europe/Moscow" or "Europe/Kyiv"`;
  }
  const timeZone = typeof zone === 'string' ? zone : undefined;
  const parsed = parseIso(text, timeZone);
  if (typeof parsed === 'string') return parsed;
  if (typeof ref === 'string') {
    return { start: parsed.start, end: spanEnd(parsed.start, parsed.precision), precision: parsed.precision };
  }
  if (PRECISION_RANK[ref.precision] < PRECISION_RANK[parsed.precision]) {
    return `precision "${ref.precision}" is finer than "${text}" carries (${parsed.precision})`;
  }
  const start = truncate(parsed.start, ref.precision, timeZone);
  return { start, end: spanEnd(start, ref.precision, timeZone), precision: ref.precision };
}

const isoString = z.string({ error: 'expected an ISO 8601 time string' }).max(64, { error: 'a time string is at most 64 characters' });

/**
 * Schema of {@link TimeRef}: checks the ISO form, that the date exists, that
 * a time of day has an offset, and that an explicit precision is not finer
 * than the string.
 *
 * @example
 * ```ts
 * TimeRef.safeParse({ at: '2025-12-03', precision: 'week' }).success;
 * //=> true
 * TimeRef.safeParse('2025-02-30').success;
 * //=> false
 * ```
 *
 * @category Time
 */
export const TimeRef: z.ZodType<TimeRef> = z
  .union([isoString, z.strictObject({ at: isoString, precision: TimePrecision, timeZone: z.string().max(64).exactOptional() })], {
    error: 'expected a time: an ISO 8601 string such as "2025-12-03", or { at, precision }',
  })
  .check((ctx) => {
    const reason = invalidReason(ctx.value);
    if (reason !== undefined) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: reason, params: { contested: 'invalid-time' } });
    }
  });

/**
 * The span of time a {@link TimeRef} stands for, in UTC: `"2025-12"` is
 * `[2025-12-01T00:00Z, 2026-01-01T00:00Z)`.
 *
 * @param ref - a time as it is known
 * @returns its start, its (exclusive) end and its precision
 * @throws {@link ContestedError} `invalid-input` when `ref` is not a valid time
 * @category Time
 *
 * @example
 * ```ts
 * resolveTime('2025-12').precision;
 * //=> 'month'
 * ```
 */
export function resolveTime(ref: TimeRef): ResolvedTime {
  const resolved = tryResolve(ref);
  if (typeof resolved === 'string') {
    throw new ContestedError('invalid-input', [{ code: 'invalid-time', path: [], message: resolved }]);
  }
  return resolved;
}

/**
 * The precision of a time reference.
 *
 * @param ref - a time as it is known
 * @returns `'day'` for `"2025-12-03"`, `'month'` for `"2025-12"` …
 * @throws {@link ContestedError} `invalid-input` when `ref` is not a valid time
 * @category Time
 *
 * @example
 * ```ts
 * timePrecision({ at: '2025-12-03', precision: 'week' });
 * //=> 'week'
 * ```
 */
export function timePrecision(ref: TimeRef): TimePrecision {
  return resolveTime(ref).precision;
}

/**
 * Orders two precisions: negative when `a` is finer than `b`.
 *
 * @param a - a precision
 * @param b - another
 * @returns a negative number, zero or a positive number
 * @throws {@link ContestedError} `invalid-input` when either is not a precision
 * @category Time
 *
 * @example
 * ```ts
 * const precisions: TimePrecision[] = ['year', 'day', 'week'];
 * precisions.sort(comparePrecision);
 * //=> ['day', 'week', 'year']
 * ```
 */
export function comparePrecision(a: TimePrecision, b: TimePrecision): number {
  return rankOf(a, ['a']) - rankOf(b, ['b']);
}

/** The rank of a precision, refusing anything else (callers outside TypeScript can pass anything). */
function rankOf(precision: unknown, path: (string | number)[]): number {
  if (typeof precision === 'string' && Object.prototype.hasOwnProperty.call(PRECISION_RANK, precision)) {
    return PRECISION_RANK[precision as TimePrecision];
  }
  throw new ContestedError('invalid-input', [
    { code: 'invalid-type', path, message: `expected a time precision (${Object.keys(PRECISION_RANK).join(', ')})` },
  ]);
}
