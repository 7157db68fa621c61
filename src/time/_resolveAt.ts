/**
 * `resolveTime` for a time found inside a larger input (`[3, 'statedAt']`
 * for the fourth claim's), so that an invalid time is reported where it is.
 */
import type { IssuePath } from '../errors/index.js';
import { rerooted } from '../_lib/reroot.js';
import { resolveTime, type ResolvedTime, type TimeRef } from './timeRef.js';

export function resolveTimeAt(ref: TimeRef, path: IssuePath): ResolvedTime {
  return rerooted(path, () => resolveTime(ref));
}

/**
 * The first instant after `asOf`: records that begin at or after it are
 * "not yet" as of `asOf`. A time reference covers its whole span (`'2025-12'`
 * includes December 31st); a Date is an instant, and a record beginning at
 * exactly that instant counts as begun.
 */
export function asOfEnd(asOf: TimeRef | Date, path: IssuePath): number {
  return asOf instanceof Date ? asOf.getTime() + 1 : resolveTimeAt(asOf, path).end.getTime();
}
