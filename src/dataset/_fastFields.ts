/**
 * The fast pass's reading of the fields every entity shares — ids, names,
 * text, times, enums — and of GeoJSON positions, lines, rings and the
 * geometries made of them. Each function accepts exactly what its zod
 * schema accepts on the common path (`src/_lib/fields.ts`,
 * `src/time/timeRef.ts`, `src/geometry/schema.ts`), returns what that
 * schema would return (new arrays and objects, keys in the schema's order),
 * and gives up (`bail`) on anything else, including input the schema might
 * accept in a rarer form (a geometry with a `bbox` or foreign members, a
 * time written as `{ at, precision }`): the caller then hands that part to
 * the schema itself.
 */
import { MAX_ID_LENGTH, MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../_lib/fields.js';
import { isIsoTime, parseIso } from '../time/_iso.js';
import { bail, Keys, onlyKeys, type Reader, type Rec } from './_fastReader.js';

/** Whether a character code is one `String.prototype.trim` may remove (or might: anything outside printable ASCII is checked by `trim` itself). */
const maybeSpace = (code: number): boolean => code <= 32 || code >= 127;

/** An `Id` (or `Ref`): 1–200 characters, no white space at either end. */
export function id(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) bail();
  if ((maybeSpace(value.charCodeAt(0)) || maybeSpace(value.charCodeAt(value.length - 1))) && value.trim() !== value) bail();
  return value;
}

/** A `Name`: 1–1,000 characters. */
export function name(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_NAME_LENGTH) bail();
  return value;
}

/** A `Text`: at most 100,000 characters. */
export function text(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_TEXT_LENGTH) bail();
  return value;
}

/** One of an enum's values. */
export function oneOf<T extends string>(value: unknown, values: ReadonlySet<string>): T {
  if (typeof value !== 'string' || !values.has(value)) bail();
  return value as T;
}

/** A list of refs (`Refs`), at least `min` long. */
export function refs(r: Reader, value: unknown, min = 0): string[] {
  const list = r.list(value);
  if (list.length < min) bail();
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) out.push(id(list[i]));
  return out;
}

/**
 * A `TimeRef` written as an ISO 8601 string (the object form gives up):
 * at most 64 characters, a form and a date that exist, a time of day with
 * its offset — the checks of `TimeRef`'s refinement, by the same functions.
 */
export function time(r: Reader, value: unknown): string {
  if (typeof value !== 'string' || value.length > 64) bail();
  if (!r.times.has(value)) {
    if (!isIsoTime(value) && typeof parseIso(value) === 'string') bail();
    r.times.add(value);
  }
  return value;
}

/** A finite number (zod's `z.number()`). */
export function finite(value: unknown): number {
  if (typeof value !== 'number' || value - value !== 0) bail();
  return value;
}

/** A `GeoPosition`: `[lon, lat]` or `[lon, lat, altitude]`, in range. */
export function position(r: Reader, value: unknown): number[] {
  if (!Array.isArray(value)) bail();
  if (++r.nodes > r.limits.maxNodes) bail();
  const lon: unknown = value[0];
  const lat: unknown = value[1];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) bail();
  if (value.length === 2) return [lon, lat];
  if (value.length !== 3) bail();
  return [lon, lat, finite(value[2])];
}

/** Positions of a line or ring, at least `min`. */
function positions(r: Reader, value: unknown, min: number): number[][] {
  const list = r.list(value);
  if (list.length < min) bail();
  const out: number[][] = [];
  for (let i = 0; i < list.length; i++) out.push(position(r, list[i]));
  return out;
}

/** A linear ring: at least 4 positions, the first repeated last. */
function ring(r: Reader, value: unknown): number[][] {
  const out = positions(r, value, 4);
  const first = out[0] as number[];
  const last = out[out.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) bail();
  return out;
}

function polygon(r: Reader, value: unknown): number[][][] {
  const list = r.list(value);
  if (list.length < 1) bail();
  const out: number[][][] = [];
  for (let i = 0; i < list.length; i++) out.push(ring(r, list[i]));
  return out;
}

function multi<T>(r: Reader, value: unknown, each: (r: Reader, v: unknown) => T): T[] {
  const list = r.list(value);
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) out.push(each(r, list[i]));
  return out;
}

const GEOMETRY_KEYS = new Keys(['type', 'coordinates']);
const line = (r: Reader, v: unknown): number[][] => positions(r, v, 2);
const point = (r: Reader, v: unknown): number[] => position(r, v);

/** The geometry types the fast pass reads, with their coordinates. */
const COORDINATES: Record<string, (r: Reader, value: unknown) => unknown> = {
  Polygon: polygon,
  MultiPolygon: (r, v) => multi(r, v, polygon),
  LineString: line,
  MultiLineString: (r, v) => multi(r, v, line),
  Point: point,
};

/** Whether `value` is an object with no keys but `type` and `coordinates` (the form {@link geometry} reads). */
export function isBareGeometry(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  let count = 0;
  for (const key in value) {
    if (key !== 'type' && key !== 'coordinates') return false;
    count++;
  }
  return count === 2;
}

/**
 * A GeoJSON geometry of one of `types`, written as `{ type, coordinates }`
 * only: one with a `bbox` or foreign members gives up, for the schema.
 */
export function geometry(r: Reader, value: unknown, types: ReadonlySet<string>): { type: string; coordinates: unknown } {
  const o = r.rec(value);
  const type = o['type'];
  if (typeof type !== 'string' || !types.has(type)) bail();
  onlyKeys(o, GEOMETRY_KEYS, 2);
  return { type, coordinates: (COORDINATES[type] as (r: Reader, value: unknown) => unknown)(r, o['coordinates']) };
}
