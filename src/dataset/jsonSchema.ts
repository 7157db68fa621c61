/**
 * JSON Schema for every entity, from zod v4's converter, for users who
 * validate `contested` data in another language. The same schemas ship as
 * files in the package: `contested/schemas/claim.json` …
 *
 * @module
 */
import * as z from 'zod';
import { entitySchema, type EntityName } from './parse.js';

/**
 * The JSON Schema (draft 2020-12) of an entity's serialized form.
 *
 * Checks that JSON Schema cannot express — a date that exists, a ring that
 * does not cross itself, references between entities — are not in it; use
 * {@link parseDataset} for those.
 *
 * @param name - which entity: `'claim'`, `'dataset'` …
 * @returns a JSON Schema object
 * @category Model
 *
 * @example
 * ```ts
 * toJsonSchema('side').type;
 * //=> 'object'
 * ```
 */
export function toJsonSchema(name: EntityName): Record<string, unknown> {
  return z.toJSONSchema(entitySchema(name), { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
}
