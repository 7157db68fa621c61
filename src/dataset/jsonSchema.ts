/**
 * JSON Schema for every entity, from zod v4's converter, for users who
 * validate `contested` data in another language. The same schemas ship as
 * files in the package: `contested/schemas/claim.json` …
 *
 * @module
 */
import * as z from 'zod';
import { ContestedError } from '../errors/index.js';
import { ENTITY_NAMES, entitySchema, type EntityName } from './parse.js';

/**
 * The JSON Schema (draft 2020-12) of an entity's serialized form.
 *
 * Checks that JSON Schema cannot express — a date that exists, a ring that
 * does not cross itself, references between entities — are not in it; use
 * {@link parseDataset} for those.
 *
 * @param entity - which entity: its name (`'claim'`, `'dataset'` …), or
 *   its exported schema (`Claim`, `Dataset`, `StatedFigures` …), as
 *   `z.toJSONSchema` takes it
 * @returns a JSON Schema object
 * @throws {@link ContestedError} `invalid-input` when `entity` is neither
 *   an entity name nor a schema
 * @category Model
 *
 * @example
 * ```ts
 * toJsonSchema('side').type;
 * //=> 'object'
 * toJsonSchema(Claim).required;
 * //=> ['id', 'claimant', 'statedAt', 'area', 'status', 'basis']
 * ```
 */
export function toJsonSchema(entity: EntityName | z.ZodType): Record<string, unknown> {
  const schema = typeof entity === 'string' && (ENTITY_NAMES as readonly string[]).includes(entity) ? entitySchema(entity) : isSchema(entity) ? entity : undefined;
  if (schema === undefined) {
    const got = typeof entity === 'string' ? JSON.stringify(entity.slice(0, 60)) : entity === null ? 'null' : typeof entity;
    throw new ContestedError('invalid-input', [
      {
        code: 'invalid-value',
        path: ['entity'],
        message: `expected an entity name (${ENTITY_NAMES.join(', ')}) or an exported schema such as Claim; got ${got}`,
      },
    ]);
  }
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
}

function isSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}
