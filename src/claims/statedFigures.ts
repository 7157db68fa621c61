/**
 * The numbers a claimant states with a claim — "we have taken 1,000 km² and
 * 28 settlements", "advanced 2 km" — kept as data, so that they can be
 * checked against the ground the claim draws (see `checkStatedFigures`).
 *
 * @module
 */
import * as z from 'zod';
import { Text } from '../_lib/fields.js';

const positive = (what: string) =>
  z
    .number({ error: `${what} is a number` })
    .positive({ error: `${what} is more than 0` })
    .max(1e8, { error: `${what} is at most 100,000,000` });

/**
 * What a claimant said in numbers: the area taken or held (km²), the number
 * of settlements, the distance advanced (km), and the words that said it.
 * At least one figure is given.
 *
 * @example
 * ```ts
 * StatedFigures.parse({ areaKm2: 1000, settlements: 28, quote: 'we have taken 1,000 km² and 28 settlements' }).settlements;
 * //=> 28
 * StatedFigures.safeParse({ quote: 'a lot' }).success;
 * //=> false
 * ```
 *
 * @category Claims & diffs
 */
export const StatedFigures = z
  .strictObject({
    /** The area stated, km². */
    areaKm2: positive('areaKm2').optional(),
    /** The number of settlements stated. */
    settlements: z.number({ error: 'settlements is a number' }).int({ error: 'settlements is a whole number' }).min(0, { error: 'settlements is 0 or more' }).max(1e6).optional(),
    /** The distance advanced, km. */
    advancedKm: positive('advancedKm').optional(),
    /** The figures in the claimant's words. */
    quote: Text.optional(),
  })
  .check((ctx) => {
    const f = ctx.value;
    if (f.areaKm2 === undefined && f.settlements === undefined && f.advancedKm === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: f,
        path: [],
        message: 'stated figures give at least one of areaKm2, settlements, advancedKm (a quote alone belongs in the claim\'s quote)',
        params: { contested: 'no-figures' },
      });
    }
  });
/** What a claimant said in numbers. @category Claims & diffs */
export type StatedFigures = z.infer<typeof StatedFigures>;
