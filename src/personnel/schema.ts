/**
 * Personnel: people identified the way soldiers name each other — by call
 * sign (Rabbit, Ghost, Godfather) — and/or by given name, with their role,
 * rank, unit and side. Age is stated *as of a date*, because "Sasha, 25"
 * is true only in the report's December.
 *
 * @module
 */
import * as z from 'zod';
import { Id, MAX_NAME_LENGTH, Name, Properties, Ref, Text } from '../_lib/fields.js';
import { Position } from '../positions/schema.js';
import { TimeRef } from '../time/timeRef.js';
import { normalizeCallSign } from './callSign.js';
import { isContestedError } from '../errors/index.js';
import type { findByCallSign } from './findByCallSign.js';

/**
 * A call sign: checked by {@link normalizeCallSign} (no mixed-script
 * look-alikes, not empty), kept as written.
 *
 * @example
 * ```ts
 * CallSign.safeParse('Кролик').success;
 * //=> true
 * CallSign.safeParse('R\u0430bbit').success;
 * //=> false
 * ```
 *
 * @category Call signs
 */
export const CallSign = Name.check((ctx) => {
  // Over-long text is already refused by Name's length limit; checking it letter by letter would cost its length again.
  if (ctx.value.length > MAX_NAME_LENGTH) return;
  try {
    normalizeCallSign(ctx.value);
  } catch (error) {
    // normalizeCallSign refuses a call sign with a ContestedError; anything else is not the data's problem.
    if (!isContestedError(error)) throw error;
    const first = error.issues[0];
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: first?.message ?? error.message,
      params: { contested: first?.code ?? 'invalid-call-sign' },
    });
  }
});
/** A call sign, as written. @category Call signs */
export type CallSign = z.infer<typeof CallSign>;

/**
 * An age in whole years, true as of a date.
 *
 * @example
 * ```ts
 * AgeAsOf.parse({ years: 25, asOf: '2025-12' }).years;
 * //=> 25
 * ```
 *
 * @category Model
 */
export const AgeAsOf = z.strictObject({
  /** Whole years. */
  years: z.number().int({ error: 'age is a whole number of years' }).min(0).max(130, { error: 'age is at most 130 years' }),
  /** The date the age is true at. */
  asOf: TimeRef,
});
/** An age in whole years, true as of a date. @category Model */
export type AgeAsOf = z.infer<typeof AgeAsOf>;

/**
 * A person, by call sign and/or given name. At least one of `callSign`,
 * `givenName` or `familyName` is required.
 *
 * @example
 * ```ts
 * Person.parse({ id: 'sasha', givenName: 'Sasha', side: 'UA', role: 'battalion commander', age: { years: 25, asOf: '2025-12' } });
 * ```
 * @category Model
 */
export const Person = z
  .strictObject({
    /** Unique among persons. */
    id: Id,
    /** The call sign used on the radio. */
    callSign: CallSign.optional(),
    /** First name, as reported. */
    givenName: Name.optional(),
    /** Family name, as reported. */
    familyName: Name.optional(),
    /** The side the person fights for (a side id). */
    side: Ref,
    /** The person's unit (a unit id); it must belong to the same side. */
    unit: Ref.optional(),
    /** What the person does ("battalion commander"). */
    role: Name.optional(),
    /** Military rank, as reported. */
    rank: Name.optional(),
    /** Age as of a date. */
    age: AgeAsOf.optional(),
    /**
     * Other names and call signs, in any script. {@link findByCallSign}
     * searches them as call signs, so each is checked as a {@link CallSign}
     * is: not blank, and no word disguising a letter of one script as
     * another (Latin `Rabbit` typed with a Cyrillic `а` is refused).
     */
    aliases: z.array(CallSign).optional(),
    /** Where the person is. */
    position: Position.optional(),
    /** A note. */
    description: Text.optional(),
    /** Fields of your own. */
    properties: Properties.optional(),
  })
  .check((ctx) => {
    const p = ctx.value;
    if (p.callSign === undefined && p.givenName === undefined && p.familyName === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: p,
        path: ['callSign'],
        message: 'a person needs a call sign, a given name or a family name',
        params: { contested: 'missing-name' },
      });
    }
  });
/** A person. @category Model */
export type Person = z.infer<typeof Person>;
