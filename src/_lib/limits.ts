/**
 * Resource limits: the largest input a call accepts before it refuses with
 * `ContestedError('limit-exceeded')`, naming the limit and the size it saw.
 * The library keeps no global state, so limits are passed per call (the
 * `limits` option of the parsers, `areaKm2`, `controlMap` …) and anything not
 * given falls back to {@link DEFAULT_LIMITS}.
 *
 * Sizes are counted before any work is done and without copying: vertices by
 * the lengths of the coordinate arrays, never by visiting each position, so
 * a 10-million-vertex polygon is refused in microseconds.
 */
import { ContestedError, type IssuePath } from '../errors/index.js';
import { quote } from './quote.js';

/**
 * The largest input a call accepts. Every field is optional where limits
 * are passed; what is left out keeps its default ({@link DEFAULT_LIMITS}).
 *
 * @category Model
 */
export interface Limits {
  /** Positions (vertices) in one input: every ring, line and point counted. Default 5,000,000. */
  maxVertices: number;
  /** Features in one collection, or entities in one list of a dataset (claims, places …), or claims passed to one call. Default 1,000,000. */
  maxFeatures: number;
  /** JSON nesting depth of an input. Default 512. */
  maxDepth: number;
  /** Nesting depth of one area expression (`split` of a `union` of …). Default 64. */
  maxAreaDepth: number;
  /** Characters in one string (a key or a value), anywhere in the input. Default 1,000,000. */
  maxStringLength: number;
  /**
   * Objects and arrays in one input, each counted at every place it is
   * reached: one object referred to from two places counts twice, because
   * every reader (the schemas, `JSON.stringify`, your own code) walks it
   * twice. Positions are counted by `maxVertices` instead. Default
   * 20,000,000.
   */
  maxNodes: number;
}

/**
 * The limits used when a call is given none. They are generous for the data
 * the library is built for — a DeepState snapshot is about 50,000 vertices
 * in a few hundred features, all of Ukraine's boundary about 100,000, the
 * benchmarks go to 1,000,000 — and small enough that an input over them is
 * refused before it can exhaust memory or time.
 *
 * They bound sizes, not shapes. A boolean operation's time also grows with
 * how many edges one line across the operands crosses: the engine sweeps
 * along whichever axis crosses far fewer (a comb of 30,000 teeth along one
 * edge, 31 s of CPU before, takes under a second), but an operand serrated
 * both ways (a star of thousands of thin spikes) still costs about its
 * vertices times that number, seconds at 16,000 vertices, and is not
 * refused: simplify or split such a polygon first (docs/geometry.md,
 * "Serrated edges").
 *
 * @example
 * ```ts
 * DEFAULT_LIMITS.maxDepth;
 * //=> 512
 * DEFAULT_LIMITS.maxAreaDepth;
 * //=> 64
 * ```
 *
 * @category Model
 */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxVertices: 5_000_000,
  maxFeatures: 1_000_000,
  maxDepth: 512,
  maxAreaDepth: 64,
  maxStringLength: 1_000_000,
  maxNodes: 20_000_000,
});

/**
 * The `limits` option that functions taking limits accept.
 *
 * @category Model
 */
export interface LimitsOption {
  /** Limits to apply instead of the defaults; fields left out keep theirs. */
  limits?: Partial<Limits>;
}

const NAMES = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];

/**
 * Limits with defaults filled in, each checked to be a positive whole number
 * (or `Infinity`, to lift a limit).
 *
 * @internal
 */
export function resolveLimits(overrides: Partial<Limits> | undefined, path: IssuePath = ['options', 'limits']): Limits {
  if (overrides === undefined) return DEFAULT_LIMITS;
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new ContestedError('invalid-input', [{ code: 'invalid-type', path, message: 'limits must be an object such as { maxVertices: 1e6 }' }]);
  }
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(overrides)) {
    if (!NAMES.includes(key as keyof Limits)) {
      throw new ContestedError('invalid-input', [{ code: 'unknown-field', path: [...path, key], message: `unknown limit ${quote(key)}; the limits are ${NAMES.join(', ')}` }]);
    }
    const value = (overrides as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value === Infinity || (Number.isInteger(value) && value > 0))) {
      throw new ContestedError('invalid-input', [{ code: 'invalid-value', path: [...path, key], message: `${key} must be a positive whole number or Infinity; got ${quote(value)}` }]);
    }
    limits[key as keyof Limits] = value;
  }
  return limits;
}

/** What each limit counts, for messages. */
const UNITS: Record<keyof Limits, string> = {
  maxVertices: 'vertices',
  maxFeatures: 'features',
  maxDepth: 'levels of nesting',
  maxAreaDepth: 'levels of area expression',
  maxStringLength: 'characters',
  maxNodes: 'objects and arrays (each counted wherever it is reached)',
};

/**
 * The error for an input over a limit: the limit's name, its value and the
 * size seen (or "more than" when counting stopped early).
 *
 * @internal
 */
export function limitExceeded(limit: keyof Limits, max: number, seen: number, path: IssuePath, atLeast = false): ContestedError {
  const size = `${atLeast ? 'at least ' : ''}${seen.toLocaleString('en-US')} ${UNITS[limit]}`;
  return new ContestedError('limit-exceeded', [
    {
      code: 'too-large',
      path,
      message: `input has ${size}; ${limit} is ${max.toLocaleString('en-US')}: pass a higher limit ({ limits: { ${limit}: … } }) if this size is intended`,
    },
  ]);
}
