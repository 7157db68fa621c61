/**
 * The fast schema pass of `parseDataset`: one walk over the input that
 * checks what the `Dataset` schema and the input walk check and builds the
 * same data, in plain code, for the entities large datasets are made of
 * (claims, evidence, places); the other entities, and the rarer forms of
 * fields, go to their own zod schemas item by item.
 *
 * It answers only "valid, and here is the data" — the same data, key for
 * key, as `Dataset.safeParse` — or `undefined`: "ask the full schemas".
 * Every problem, and everything it is not sure of (a Date, a `__proto__`
 * key, an input near a limit, an object other than a plain one), gets
 * `undefined`, and `parseDataset` then runs the full pass, which reports
 * the problems in its own words. So no issue, path or message comes from
 * here. Each value is read once: a getter that answers differently on a
 * second read is judged on the first answer, which is also what the data
 * holds. `test/properties/fast-parse.test.ts` checks the two passes agree.
 *
 * Why not zod's own speed-ups: its objects are already compiled (JIT) when
 * `eval` is allowed, and what remains is the refinements, unions and
 * per-field payloads of our schemas. `z.compile` (zod 4.6) refuses schemas
 * that recurse (area expressions, `properties`' JSON), and our peer range
 * starts at zod 4.1, which has none.
 */
import { MAX_TEXT_LENGTH } from '../_lib/fields.js';
import type { Limits } from '../_lib/limits.js';
import { Actor } from '../actors/schema.js';
import { Event } from '../events/schema.js';
import { Person } from '../personnel/schema.js';
import { Side } from '../sides/schema.js';
import { Statement } from '../statements/schema.js';
import { Unit } from '../units/schema.js';
import { Properties } from '../_lib/fields.js';
import { claim, evidence, place } from './_fastEntities.js';
import { BAIL, Keys, onlyKeys, Reader, type Rec } from './_fastReader.js';
import { DatasetMeta, type Dataset } from './schema.js';

type Item = (r: Reader, value: unknown, depth: number) => unknown;

const viaSchema =
  (schema: { safeParse(input: unknown): { success: true; data: unknown } | { success: false } }): Item =>
  (r, value, depth) =>
    r.zod(schema, value, depth);

/** The dataset's lists in the schema's order, each with the reader of its items. */
const LISTS: readonly [string, Item][] = [
  ['sides', viaSchema(Side)],
  ['actors', viaSchema(Actor)],
  ['units', viaSchema(Unit)],
  ['persons', viaSchema(Person)],
  ['places', place],
  ['claims', claim],
  ['evidence', evidence],
  ['events', viaSchema(Event)],
  ['statements', viaSchema(Statement)],
];
const DATASET_KEYS = new Keys(['meta', ...LISTS.map(([key]) => key), 'properties']);

/**
 * The nesting the fast pass reads without counting levels (a MultiPolygon's
 * position in a claim's area is level 9) and the string length every
 * field's own maximum stays within: under tighter limits the full pass runs.
 */
const FIXED_DEPTH = 12;

/**
 * The dataset as `Dataset.safeParse` would return it, or `undefined` when
 * the full pass must answer (see the module comment).
 *
 * @throws whatever a getter of the input throws; nothing else
 */
export function fastParseDataset(input: unknown, limits: Limits): Dataset | undefined {
  if (limits.maxDepth < FIXED_DEPTH || limits.maxStringLength < MAX_TEXT_LENGTH) return undefined;
  const r = new Reader(limits);
  try {
    const o = r.rec(input);
    const out: Rec = {};
    let n = 0;
    const meta = o['meta'];
    if (meta !== undefined) (n++, (out['meta'] = r.zod(DatasetMeta, meta, 2)));
    for (const [key, item] of LISTS) {
      const value = o[key];
      if (value === undefined) continue;
      const list = r.list(value);
      const items: unknown[] = [];
      for (let i = 0; i < list.length; i++) items.push(item(r, list[i], 3));
      n++;
      out[key] = items;
    }
    const properties = o['properties'];
    if (properties !== undefined) (n++, (out['properties'] = r.zod(Properties, properties, 2)));
    onlyKeys(o, DATASET_KEYS, n);
    return out as Dataset;
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}
