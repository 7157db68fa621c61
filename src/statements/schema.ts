/**
 * Statements: quotes attributed to a person or an actor, with the time and
 * language they were spoken in, and the claims or events they bear on —
 * "surrender is not an option".
 *
 * @module
 */
import * as z from 'zod';
import { Id, Properties, Ref, Refs, Text, Url } from '../_lib/fields.js';
import { TimeRef } from '../time/timeRef.js';

/**
 * A quote. It needs a `speaker` (person id) or an `actor` (actor id).
 *
 * @example
 * ```ts
 * Statement.parse({ id: 'q1', speaker: 'sasha', text: 'Surrender is not an option.', language: 'en', at: '2025-12' });
 * ```
 * @category Model
 */
export const Statement = z
  .strictObject({
    /** Unique among statements. */
    id: Id,
    /** Who said it (a person id). */
    speaker: Ref.optional(),
    /** On whose behalf, or who said it when no person is named (an actor id). */
    actor: Ref.optional(),
    /** The words, as published. */
    text: Text.min(1, { error: 'a statement has text' }),
    /** Language of `text`, as a BCP 47 tag (`en`, `uk`, `ru`). */
    language: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, { error: 'language is a BCP 47 tag such as "en" or "uk"' })
      .optional(),
    /** The words in the original language, when `text` is a translation. */
    original: Text.optional(),
    /** When it was said. */
    at: TimeRef,
    /** Claims it makes or bears on (claim ids). */
    claims: Refs.optional(),
    /** Events it speaks of (event ids). */
    events: Refs.optional(),
    /** Where it was published. */
    url: Url.optional(),
    /** Fields of your own. */
    properties: Properties.optional(),
  })
  .check((ctx) => {
    if (ctx.value.speaker === undefined && ctx.value.actor === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['speaker'],
        message: 'a statement needs a speaker (person id) or an actor (actor id)',
        params: { contested: 'missing-speaker' },
      });
    }
  });
/** A quote attributed to a person or an actor. @category Model */
export type Statement = z.infer<typeof Statement>;
