/**
 * Parsing entry points. Each validates unknown input (typically the result
 * of `JSON.parse`) and either returns typed data or throws a
 * {@link ContestedError} listing every problem with a path into the input;
 * each has a `safe…` twin that returns a {@link ParseResult} instead.
 *
 * @module
 */
import type { z } from 'zod';
import { ContestedError, isContestedError, type ContestedIssue } from '../errors/index.js';
import { isStackOverflow, withinStack } from '../_lib/stack.js';
import { quote } from '../_lib/quote.js';
import { jsonText } from '../_lib/json.js';
import { fromZodIssues } from '../_lib/zodIssues.js';
import { optionsArg } from '../_lib/args.js';
import { Actor } from '../actors/schema.js';
import { Claim } from '../claims/schema.js';
import { Evidence } from '../evidence/schema.js';
import { Event } from '../events/schema.js';
import { Person } from '../personnel/schema.js';
import { Place } from '../places/schema.js';
import { areaRefDepth, AreaRef } from '../places/areaRef.js';
import { Position } from '../positions/schema.js';
import { Side } from '../sides/schema.js';
import { Statement } from '../statements/schema.js';
import { Unit } from '../units/schema.js';
import { Dataset } from './schema.js';
import { checkIntegrity } from './_integrity.js';
import { unresolvableAreas, unresolvableAreasOf } from './_areas.js';
import { farPositionWarnings } from './_farPositions.js';
import { dateIssues, geoJsonIssue, under } from './_misfits.js';
import { guardDepth, protoIssues } from './_guards.js';
import { walk, type Walked } from '../_lib/walk.js';
import { DEFAULT_LIMITS, limitExceeded, resolveLimits, type Limits, type LimitsOption } from '../_lib/limits.js';
import { fastParseDataset } from './_fastParse.js';

/**
 * The outcome of a `safe…` parse: the data, or the error that `parse…` would
 * have thrown.
 *
 * @category Model
 */
export type ParseResult<T> =
  | {
      /** The input was valid. */
      success: true;
      /** The parsed value. */
      data: T;
      /**
       * Problems that leave the input valid but are almost certainly
       * mistakes, each with a path and what to do (datasets only): a claim
       * whose area resolves to no ground (`empty-area`), a contested claim
       * that names a `side` (`side-on-contested`), an evidence position
       * more than 500 km from every place and area of the dataset
       * (`far-position`: a swapped `[lat, lon]`?).
       */
      warnings?: ContestedIssue[];
    }
  | {
      /** The input was not valid. */
      success: false;
      /** Every problem found. */
      error: ContestedError;
    };

/**
 * The deepest JSON nesting accepted by the parsers. GeoJSON needs five
 * levels and area expressions a few per level of nesting; deeper input is
 * refused before any recursive code sees it.
 *
 * @example
 * ```ts
 * MAX_INPUT_DEPTH === DEFAULT_LIMITS.maxDepth;
 * //=> true
 * ```
 *
 * @category Model
 */
export const MAX_INPUT_DEPTH = DEFAULT_LIMITS.maxDepth;

/**
 * Options of the parsers.
 *
 * @category Model
 */
export interface ParseOptions extends LimitsOption {}

/**
 * The parsed type of every entity, by name.
 *
 * @category Model
 */
export interface EntityTypes {
  /** {@link Side} */
  side: Side;
  /** {@link Actor} */
  actor: Actor;
  /** {@link Unit} */
  unit: Unit;
  /** {@link Person} */
  person: Person;
  /** {@link Position} */
  position: Position;
  /** {@link Place} */
  place: Place;
  /** {@link AreaRef} */
  areaRef: AreaRef;
  /** {@link Claim} */
  claim: Claim;
  /** {@link Evidence} */
  evidence: Evidence;
  /** {@link Event} */
  event: Event;
  /** {@link Statement} */
  statement: Statement;
  /** {@link Dataset} */
  dataset: Dataset;
}

/**
 * The name of an entity schema: `'claim'`, `'unit'`, `'dataset'` …
 *
 * @category Model
 */
export type EntityName = keyof EntityTypes;

/**
 * The parsed type of an entity, by name: `EntityOf<'claim'>` is {@link Claim}.
 *
 * @category Model
 */
export type EntityOf<K extends EntityName> = EntityTypes[K];

/** The entity schemas by name, for {@link parseEntity} and {@link toJsonSchema}. */
const ENTITIES: { readonly [K in EntityName]: z.ZodType<EntityTypes[K], unknown> } = {
  side: Side,
  actor: Actor,
  unit: Unit,
  person: Person,
  position: Position,
  place: Place,
  areaRef: AreaRef,
  claim: Claim,
  evidence: Evidence,
  event: Event,
  statement: Statement,
  dataset: Dataset,
};

/**
 * The names of every entity schema, in a stable order.
 *
 * @example
 * ```ts
 * ENTITY_NAMES.slice(0, 3);
 * //=> ['side', 'actor', 'unit']
 * ENTITY_NAMES.includes('dataset');
 * //=> true
 * ```
 *
 * @category Model
 */
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[];

/**
 * The schema of an entity by name, for use with zod directly.
 *
 * @internal
 */
export function entitySchema<K extends EntityName>(name: K): z.ZodType<EntityTypes[K], unknown> {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(ENTITIES, name)) {
    throw new ContestedError('invalid-input', [{ code: 'unknown-entity', path: ['name'], message: `${quote(name)} is not an entity name; expected one of ${ENTITY_NAMES.join(', ')}` }]);
  }
  return ENTITIES[name];
}

/**
 * Parses one entity by name without throwing.
 *
 * @param name - which entity: `'claim'`, `'unit'`, `'position'` …
 * @param input - unknown data
 * @param options - `limits`: the largest input accepted (see {@link Limits})
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @category Model
 *
 * @example
 * ```ts
 * const result = safeParseEntity('side', { id: 'UA' });
 * result.success;
 * //=> false
 * ```
 */
export function safeParseEntity<K extends EntityName>(name: K, input: unknown, options: ParseOptions = {}): ParseResult<EntityOf<K>> {
  const schema: z.ZodType<EntityOf<K>, unknown> = entitySchema(name);
  const limits = resolveLimits(optionsArg(options).limits);
  const walked = walk(input, limits);
  if (walked.tooLarge !== undefined) return { success: false, error: walked.tooLarge };
  const deep = name === 'areaRef' && areaRefDepth(input, limits.maxAreaDepth + 1) > limits.maxAreaDepth;
  const guard = deep ? [{ code: 'too-deep', path: [], message: `area expression nests deeper than ${limits.maxAreaDepth} levels` }] : guardDepth(input, false, walked, limits);
  if (guard.length > 0) return { success: false, error: new ContestedError('limit-exceeded', guard) };
  const pass = schemaPass(schema, input, walked);
  if ('error' in pass) return { success: false, error: pass.error };
  const { parsed: result, issues: schemaIssues } = pass;
  const issues = [...schemaIssues, ...protoIssues(walked.protoKeys, schemaIssues)];
  if (result.success && issues.length === 0) return { success: true, data: result.data };
  return { success: false, error: new ContestedError('invalid-input', issues, `invalid ${name}`) };
}

/**
 * Parses one entity by name.
 *
 * @param name - which entity: `'claim'`, `'unit'`, `'position'` …
 * @param input - unknown data
 * @param options - `limits`: the largest input accepted (see {@link Limits})
 * @returns the parsed entity
 * @throws {@link ContestedError} `invalid-input` listing every problem
 * @category Model
 *
 * @example
 * ```ts
 * parseEntity('side', { id: 'UA', name: 'Ukraine' }).name;
 * //=> 'Ukraine'
 * ```
 */
export function parseEntity<K extends EntityName>(name: K, input: unknown, options: ParseOptions = {}): EntityOf<K> {
  const result = safeParseEntity(name, input, options);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Parses a whole dataset without throwing: the schema of every entity, then
 * the dataset's integrity (unique ids per kind, references that resolve,
 * unit parents without cycles, a person's unit on the person's side), and
 * that every area expression resolves to ground. Every problem of all three
 * kinds is reported in one pass, each with a path such as
 * `claims[2].claimant`. A valid dataset is read by a fast pass in plain
 * code, which gives the same data as the schemas; anything else goes
 * through the exported schemas, so the issues are theirs (see the guide
 * "Errors and validation").
 *
 * @param input - unknown data, typically from `JSON.parse`
 * @param options - `limits`: the largest input accepted (see {@link Limits});
 *   {@link DEFAULT_LIMITS} by default
 * @returns `{ success: true, data, warnings }` (`warnings` lists what is
 *   valid but almost certainly a mistake: a claim whose area resolves to no
 *   ground, a contested claim with a `side`, an evidence position more than
 *   500 km from the lon/lat box of every place and inline area of the
 *   dataset (`far-position`, the mark of a swapped `[lat, lon]`); `[]` when
 *   there is none) or
 *   `{ success: false, error }` with
 *   `error.code` `invalid-input` (a schema failed), `invalid-dataset`
 *   (entities are fine, the whole is not), `limit-exceeded` (the input
 *   is larger or deeper than `limits` allows; the issue names the limit and
 *   the size seen) or `geometry-engine` (the clipping engine failed while
 *   resolving an area: not a problem of the data)
 * @category Model
 *
 * @example
 * ```ts
 * const result = safeParseDataset({ claims: [{ id: 'c1' }] });
 * if (!result.success) console.log(result.error.issues.length > 0);
 * //=> true
 * ```
 */
export function safeParseDataset(input: unknown, options: ParseOptions = {}): ParseResult<Dataset> {
  // The limits are measured on one read of the input; a getter that answers with something deeper (or circular)
  // on a later read can still overflow a recursive reader: that, too, is limit-exceeded, not a RangeError.
  try {
    return withinStack(() => parseDatasetOnce(input, options), [], 'the input (or what its getters answered on a later read)');
  } catch (error) {
    if (isContestedError(error) && error.code === 'limit-exceeded') return { success: false, error };
    throw error;
  }
}

function parseDatasetOnce(input: unknown, options: ParseOptions): ParseResult<Dataset> {
  const limits = resolveLimits(optionsArg(options).limits);
  const fast = fastPass(input, limits);
  // Valid by the fast pass: the data is what the full schemas would return, so the checks below run on it
  // (read once, from plain objects of our own) and reach the same verdict as on the input.
  if (fast !== undefined) return judge(input, fast, [], checkIntegrity(fast, false));
  return fullParseDataset(input, limits);
}

/**
 * The fast schema pass (`_fastParse.ts`), or `undefined` when the full pass must answer. The one error
 * that means "the fast pass cannot decide" is a stack overflow in a schema under lifted limits: the full
 * pass then reads the input again and reports `limit-exceeded` in its own way. Anything else passes
 * through: an exception from the caller's getter (as the full pass would let it), and a bug of ours,
 * which the full pass must not hide.
 */
function fastPass(input: unknown, limits: Limits): Dataset | undefined {
  try {
    return fastParseDataset(input, limits);
  } catch (error) {
    // A RangeError, but only "Maximum call stack size exceeded" (isStackOverflow tests the message).
    if (isStackOverflow(error)) return undefined;
    throw error;
  }
}

/**
 * The full pass: the input walk, the guards, the `Dataset` schema, then the checks; every problem of
 * every kind is reported. The reference the fast pass is tested against.
 *
 * @internal
 */
export function fullParseDataset(input: unknown, limits: Limits): ParseResult<Dataset> {
  const walked = walk(input, limits);
  if (walked.tooLarge !== undefined) return { success: false, error: walked.tooLarge };
  const guard = guardDepth(input, true, walked, limits);
  if (guard.length > 0) return { success: false, error: new ContestedError('limit-exceeded', guard) };
  const geoJson = geoJsonIssue(input);
  if (geoJson !== undefined) return { success: false, error: new ContestedError('invalid-input', [geoJson], 'invalid dataset: this is GeoJSON') };
  const pass = schemaPass(Dataset, input, walked);
  if ('error' in pass) return { success: false, error: pass.error };
  const { parsed, issues: zodIssues } = pass;
  const schemaIssues = [...zodIssues, ...protoIssues(walked.protoKeys, zodIssues)];
  return judge(input, parsed.success ? parsed.data : undefined, schemaIssues, checkIntegrity(input));
}

/**
 * The verdict once the schemas have spoken: areas are checked in the same pass, whatever else is wrong,
 * so that every kind of problem is reported at once. `data` is the parsed dataset, when the schemas
 * returned one.
 */
function judge(input: unknown, data: Dataset | undefined, schemaIssues: ContestedIssue[], integrityIssues: ContestedIssue[]): ParseResult<Dataset> {
  let areas: { issues: ContestedIssue[]; warnings: ContestedIssue[] };
  try {
    areas = data !== undefined && schemaIssues.length === 0 && integrityIssues.length === 0
      ? unresolvableAreas(data)
      : { issues: unresolvableAreasOf(input, [...schemaIssues, ...integrityIssues]), warnings: [] };
  } catch (error) {
    // The clipping engine failed while resolving an area: that is the engine's failure, not the data's.
    if (isContestedError(error) && error.code === 'geometry-engine') return { success: false, error };
    throw error;
  }
  if (schemaIssues.length === 0 && integrityIssues.length === 0 && areas.issues.length === 0 && data !== undefined) {
    return { success: true, data, warnings: [...areas.warnings, ...claimWarnings(data), ...farPositionWarnings(data)] };
  }
  integrityIssues.push(...areas.issues);
  const issues = [...schemaIssues, ...integrityIssues];
  const code = schemaIssues.length > 0 ? 'invalid-input' : 'invalid-dataset';
  const noun = issues.length === 1 ? 'problem' : 'problems';
  return { success: false, error: new ContestedError(code, issues, `invalid dataset: ${issues.length} ${noun}`) };
}

/** Claims that parse but say something the model ignores. */
function claimWarnings(dataset: Dataset): ContestedIssue[] {
  const warnings: ContestedIssue[] = [];
  (dataset.claims ?? []).forEach((claim, i) => {
    if (claim.status === 'contested' && claim.side !== undefined) {
      warnings.push({
        code: 'side-on-contested',
        path: ['claims', i, 'side'],
        message: `a contested claim is about no one side, so "side" (${quote(claim.side)}) is ignored: name the sides fighting over the ground in "sides", or make the claim controlled or advancing`,
      });
    }
  });
  return warnings;
}

/**
 * Parses a whole dataset; see {@link safeParseDataset} for what is checked
 * (and for the warnings, which this function does not return).
 *
 * @param input - unknown data, typically from `JSON.parse`
 * @param options - `limits`: the largest input accepted (see {@link Limits});
 *   {@link DEFAULT_LIMITS} by default
 * @returns the dataset, typed
 * @throws {@link ContestedError} listing every problem found
 * @category Model
 *
 * @example
 * ```ts
 * const dataset = parseDataset({ sides: [{ id: 'UA', name: 'Ukraine' }] });
 * dataset.sides?.[0]?.name;
 * //=> 'Ukraine'
 * ```
 */
export function parseDataset(input: unknown, options: ParseOptions = {}): Dataset {
  const result = safeParseDataset(input, options);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Parses a dataset from JSON text without throwing: `JSON.parse`, then
 * {@link safeParseDataset}. Text that is not JSON (truncated, hand-edited)
 * comes back as `invalid-input` with the issue code `invalid-json` and the
 * position `JSON.parse` reported, instead of a `SyntaxError`. A leading
 * byte-order mark is skipped.
 *
 * A `"__proto__"` key in the text becomes an own key of the parsed object,
 * as `JSON.parse` makes it, and is then reported as `forbidden-key` (see
 * {@link safeParseDataset}); `Object.prototype` is never touched.
 *
 * @param text - JSON text, e.g. a file's contents
 * @param options - `limits`, as {@link safeParseDataset}; `maxStringLength`
 *   also bounds the length of `text`, ×100
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @category Model
 *
 * @example
 * ```ts
 * const result = safeParseDatasetJson('{"sides": [{"id": "UA", "name": "Ukr');
 * result.success ? null : result.error.issues[0]?.code;
 * //=> 'invalid-json'
 * ```
 */
export function safeParseDatasetJson(text: string, options: ParseOptions = {}): ParseResult<Dataset> {
  const limits = resolveLimits(optionsArg(options).limits);
  if (typeof text !== 'string') {
    return { success: false, error: new ContestedError('invalid-input', [{ code: 'invalid-type', path: [], message: 'expected JSON text (a string)' }]) };
  }
  const maxText = limits.maxStringLength * 100;
  if (text.length > maxText) return { success: false, error: limitExceeded('maxStringLength', maxText, text.length, []) };
  let input: unknown;
  try {
    // A byte-order mark is how some editors start a UTF-8 file; it is not part of the JSON.
    input = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    // JSON.parse of a string throws a SyntaxError and nothing else.
    if (!(error instanceof SyntaxError)) throw error;
    return { success: false, error: new ContestedError('invalid-input', [{ code: 'invalid-json', path: [], message: `not valid JSON (${error.message}); is the file truncated?` }]) };
  }
  return safeParseDataset(input, options);
}

/**
 * Parses a dataset from JSON text; see {@link safeParseDatasetJson}.
 *
 * @param text - JSON text, e.g. a file's contents
 * @param options - `limits`, as {@link safeParseDataset}
 * @returns the dataset, typed
 * @throws {@link ContestedError} `invalid-input` (issue `invalid-json`) when
 *   the text is not JSON; otherwise as {@link parseDataset}
 * @category Model
 *
 * @example
 * ```ts
 * parseDatasetJson('{"sides": [{"id": "UA", "name": "Ukraine"}]}').sides?.[0]?.id;
 * //=> 'UA'
 * ```
 */
export function parseDatasetJson(text: string, options: ParseOptions = {}): Dataset {
  const result = safeParseDatasetJson(text, options);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Writes a dataset as JSON text that {@link parseDataset} reads back to an
 * equal dataset.
 *
 * @param dataset - a parsed dataset
 * @param indent - spaces of indentation; 2 by default, 0 for one line
 * @returns JSON text
 * @throws {@link ContestedError} `limit-exceeded` when the dataset is over
 *   {@link DEFAULT_LIMITS} — counting an object referred to from several
 *   places once per place, as the JSON text will hold it; `invalid-input`
 *   (issue `circular`) when it contains itself, or when it holds a value
 *   JSON cannot (a BigInt). An error thrown by a `toJSON` method of your
 *   own passes through unchanged.
 * @category Model
 *
 * @example
 * ```ts
 * serializeDataset({ sides: [{ id: 'UA', name: 'Ukraine' }] }, 0);
 * //=> '{"sides":[{"id":"UA","name":"Ukraine"}]}'
 * ```
 */
export function serializeDataset(dataset: Dataset, indent = 2): string {
  const walked = walk(dataset, DEFAULT_LIMITS);
  if (walked.tooLarge !== undefined) throw walked.tooLarge;
  if (walked.deepAt !== undefined) {
    throw new ContestedError('limit-exceeded', [{ code: 'too-deep', path: walked.deepAt, message: `the dataset nests deeper than ${DEFAULT_LIMITS.maxDepth} levels` }]);
  }
  // A BigInt is not a parsed dataset's; an exception from the caller's own toJSON passes through.
  return jsonText(dataset, indent === 0 ? undefined : indent, {
    bigint: (key, big) => new ContestedError('invalid-input', [{ code: 'invalid-type', path: [], message: `cannot write the dataset as JSON: ${quote(key)} holds a BigInt (${quote(big)}), which JSON cannot` }]),
    circular: (key) => new ContestedError('invalid-input', [{ code: 'circular', path: [], message: `cannot write the dataset as JSON: ${quote(key)} holds an object it is inside of (a getter answered with it on a later read)` }]),
  });
}

/**
 * One schema's verdict on the input: its issues, with a JS Date where a
 * time is expected named as such (and not again in zod's words). A stack
 * overflow inside zod (a caller who lifted `maxDepth`) comes back as the
 * `limit-exceeded` error.
 */
function schemaPass<T>(
  schema: { safeParse(input: unknown): z.ZodSafeParseResult<T> },
  input: unknown,
  walked: Walked,
): { error: ContestedError } | { parsed: z.ZodSafeParseResult<T>; issues: ContestedIssue[] } {
  let parsed: z.ZodSafeParseResult<T>;
  try {
    parsed = withinStack(() => schema.safeParse(input));
  } catch (error) {
    if (isContestedError(error)) return { error };
    throw error;
  }
  const dates = dateIssues(walked.dates);
  const zodIssues = parsed.success ? [] : fromZodIssues(parsed.error.issues, [], input).filter((i) => !under(i, dates.map((d) => d.path)));
  return { parsed, issues: [...dates, ...zodIssues] };
}
