/**
 * Field schemas shared by every entity: ids, names, free text, the
 * `properties` bag where users keep fields of their own, and references to
 * other entities by id. Limits on length are generous but finite, so that a
 * hostile 100 MB string fails fast with a clear message.
 */
import * as z from 'zod';
import { quote } from './quote.js';

/** Longest id, in characters. */
export const MAX_ID_LENGTH = 200;
/** Longest name or label. */
export const MAX_NAME_LENGTH = 1_000;
/** Longest free text (a quote, a description). */
export const MAX_TEXT_LENGTH = 100_000;

/** An entity's id: unique per kind in a dataset. */
export const Id = z
  .string({ error: 'expected an id (a string)' })
  .min(1, { error: 'an id must not be empty' })
  .max(MAX_ID_LENGTH, { error: `an id is at most ${MAX_ID_LENGTH} characters` })
  .check((ctx) => {
    if (ctx.value.trim() !== ctx.value) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `id ${quote(ctx.value)} has leading or trailing white space`,
        params: { contested: 'invalid-id' },
      });
    }
  });

/** A reference to another entity, by its id. */
export const Ref = Id;

/** A human-readable name. */
export const Name = z
  .string({ error: 'expected a name (a string)' })
  .min(1, { error: 'a name must not be empty' })
  .max(MAX_NAME_LENGTH, { error: `a name is at most ${MAX_NAME_LENGTH} characters` });

/** Free text: a quote, a description, a note. */
export const Text = z
  .string({ error: 'expected text (a string)' })
  .max(MAX_TEXT_LENGTH, { error: `text is at most ${MAX_TEXT_LENGTH} characters` });

/** A web address the data came from. */
export const Url = z.url({ error: 'expected an absolute URL' }).max(2_000);

/**
 * Fields of the user's own. Entities reject unknown top-level fields (so a
 * typo such as `claimnt` is caught); anything else belongs here and is kept
 * as it is, as JSON.
 */
export const Properties = z.record(z.string().max(MAX_NAME_LENGTH), z.json());

/** A list of references, each an id. */
export const Refs = z.array(Ref);
