/**
 * Guards for the arguments of public functions. Most functions take data
 * that `parseDataset` already checked, but callers in plain JavaScript (or
 * with `as any`) can hand them anything; these guards turn a wrong shape at
 * the boundary into a {@link ContestedError} with a path, instead of a
 * `TypeError` from deep inside. They check shape only (an object, an array
 * of objects, a string), never content: content is the schemas' job, and a
 * full schema pass on every call would cost what parsing already paid.
 */
import { ContestedError, type IssuePath } from '../errors/index.js';
import { DEFAULT_LIMITS, limitExceeded, type Limits } from './limits.js';

type Rec = Record<string, unknown>;

/** What a value is, in a few words, for messages: never the value itself, which may be huge or hostile. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'object') return Object.getPrototypeOf(value) === null ? 'an object without a prototype' : value instanceof Date ? 'a Date' : 'an object';
  return typeof value === 'bigint' ? 'a BigInt' : typeof value === 'symbol' ? 'a Symbol' : typeof value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function wrongType(path: IssuePath, expected: string, value: unknown): ContestedError {
  return new ContestedError('invalid-input', [{ code: 'invalid-type', path, message: `expected ${expected}; got ${describe(value)}` }]);
}

/** A plain object (not null, not an array). */
export function objectArg(value: unknown, path: IssuePath, expected = 'an object'): Rec {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw wrongType(path, expected, value);
  return value as Rec;
}

/** An options object: `undefined` stands for `{}`. */
export function optionsArg<T extends object>(value: T | undefined, path: IssuePath = ['options']): T {
  if (value === undefined) return {} as T;
  return objectArg(value, path, 'an options object') as T;
}

/** An optional list: `undefined` stands for `[]`; anything else but an array is refused. */
export function listArg(value: unknown, path: IssuePath, expected = 'a list (an array)'): readonly unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw wrongType(path, expected, value);
  return value;
}

/** A string. */
export function stringArg(value: unknown, path: IssuePath, expected = 'a string'): string {
  if (typeof value !== 'string') throw wrongType(path, expected, value);
  return value;
}

/** An array whose every item is an object (entities, features). */
export function objectsArg(value: unknown, path: IssuePath, expected = 'an array of objects'): readonly Rec[] {
  if (!Array.isArray(value)) throw wrongType(path, expected, value);
  // By index, not forEach: a hole in a sparse array is a missing object, not nothing.
  for (let i = 0; i < value.length; i++) objectArg(value[i], [...path, i]);
  return value as Rec[];
}

/**
 * A dataset-shaped argument: an object whose named lists, where present,
 * are arrays of objects.
 */
export function datasetArg(value: unknown, lists: readonly string[], path: IssuePath = ['dataset']): Rec {
  const dataset = objectArg(value, path, 'a dataset (an object such as { claims: [...], places: [...] })');
  for (const list of lists) if (dataset[list] !== undefined) objectsArg(dataset[list], [...path, list]);
  return dataset;
}

/**
 * A list of claims, as far as the functions over claims read them: objects
 * with a string `id`, `claimant` and `status`. Times and areas are checked
 * where they are read (`resolveTime`, `resolveArea`), with their own paths.
 */
export function claimsArg(value: unknown, path: IssuePath, limits: Limits = DEFAULT_LIMITS): void {
  if (Array.isArray(value) && value.length > limits.maxFeatures) throw limitExceeded('maxFeatures', limits.maxFeatures, value.length, path);
  objectsArg(value, path, 'a list of claims').forEach((claim, i) => {
    for (const key of ['id', 'claimant', 'status'] as const) stringArg(claim[key], [...path, i, key]);
  });
}

/** A claimant filter: one id, a list of ids, or `undefined` for every claimant. */
export function claimantFilter(value: unknown, path: IssuePath): ReadonlySet<string> | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return new Set([value]);
  if (!Array.isArray(value)) throw wrongType(path, 'a claimant id or a list of claimant ids', value);
  value.forEach((id: unknown, i) => stringArg(id, [...path, i], 'a claimant id (a string)'));
  return new Set(value as string[]);
}
