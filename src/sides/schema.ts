/**
 * Sides: the belligerent parties. A state's side uses its ISO 3166-1 alpha-2
 * code as id (`UA`, `RU`) so that datasets from different authors agree on
 * it without coordination.
 *
 * @module
 */
import * as z from 'zod';
import { Id, Name, Properties } from '../_lib/fields.js';

/**
 * A belligerent party.
 *
 * @example
 * ```ts
 * Side.parse({ id: 'UA', name: 'Ukraine', iso3166: 'UA' });
 * ```
 * @category Model
 */
export const Side = z.strictObject({
  /** Unique among sides; the ISO 3166-1 alpha-2 code where the side is a state. */
  id: Id,
  /** What the side is called. */
  name: Name,
  /** ISO 3166-1 alpha-2 code, when the side is a state. */
  iso3166: z
    .string()
    .regex(/^[A-Z]{2}$/, { error: 'an ISO 3166-1 alpha-2 code is two capital letters, such as "UA"' })
    .optional(),
  /** Colour used for this side on maps, as `#rrggbb`. */
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'a colour is written #rrggbb' })
    .optional(),
  /** Fields of your own. */
  properties: Properties.optional(),
});
/** A belligerent party. @category Model */
export type Side = z.infer<typeof Side>;
