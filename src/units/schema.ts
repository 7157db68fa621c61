/**
 * Units: formations, from a team of infiltrators to an army, with the side
 * they fight for, their echelon (the MIL-STD-2525D echelon amplifiers), their
 * role, and the unit above them. Aliases hold names in any script (Скеля).
 *
 * @module
 */
import * as z from 'zod';
import { Id, Name, Properties, Ref, Text } from '../_lib/fields.js';
import { Position } from '../positions/schema.js';
import { LookAlikeFreeName } from '../personnel/_lookAlikes.js';
import type { normalizeCallSign } from '../personnel/callSign.js';

/**
 * Echelon, smallest first, as MIL-STD-2525D's echelon amplifiers name them.
 *
 * @example
 * ```ts
 * Echelon.safeParse('battalion').success;
 * //=> true
 * Echelon.safeParse('legion').success;
 * //=> false
 * ```
 *
 * @category Units
 */
export const Echelon = z.enum(
  ['team', 'squad', 'section', 'platoon', 'company', 'battalion', 'regiment', 'brigade', 'division', 'corps', 'army', 'army-group', 'region', 'command'],
  { error: 'echelon is one of team, squad, section, platoon, company, battalion, regiment, brigade, division, corps, army, army-group, region, command' },
);
/** Echelon of a unit, `team` … `command`. @category Units */
export type Echelon = z.infer<typeof Echelon>;

/**
 * What a unit does. Each role maps to a land-unit entity of MIL-STD-2525D
 * (see {@link unitSidc}).
 *
 * @example
 * ```ts
 * UnitRole.safeParse('assault').success;
 * //=> true
 * ```
 *
 * @category Units
 */
export const UnitRole = z.enum(
  [
    'infantry',
    'motorized-infantry',
    'mechanized-infantry',
    'assault',
    'airborne',
    'air-assault',
    'naval-infantry',
    'special-forces',
    'sabotage-reconnaissance',
    'reconnaissance',
    'armor',
    'artillery',
    'rocket-artillery',
    'mortar',
    'air-defense',
    'uav',
    'electronic-warfare',
    'engineer',
    'signal',
    'medical',
    'logistics',
    'military-police',
    'command-post',
    'headquarters',
    'territorial-defense',
    'other',
  ],
  { error: 'unknown unit role; see UnitRole for the list (infantry, assault, uav, artillery, command-post, …)' },
);
/** What a unit does. @category Units */
export type UnitRole = z.infer<typeof UnitRole>;

/**
 * What kind of force a unit is, apart from what it does (its role):
 * - `regular`: the armed forces of a state (the default when absent);
 * - `national-guard`: a state's gendarmerie or interior-ministry troops
 *   (Ukraine's National Guard, Russia's Rosgvardia);
 * - `territorial-defense`: a reserve raised and serving locally (Ukraine's
 *   Territorial Defence Forces);
 * - `volunteer`: a volunteer battalion or legion outside the regular chain
 *   of command, or only nominally in it;
 * - `private-military-company`: a company that fights for pay (Wagner);
 * - `irregular`: militia, partisans and other armed groups without a state's
 *   commission.
 *
 * MIL-STD-2525D has no code for most of these; see {@link unitSidc} for how
 * each is drawn.
 *
 * @example
 * ```ts
 * ForceKind.safeParse('private-military-company').success;
 * //=> true
 * ForceKind.safeParse('pmc').success;
 * //=> false
 * ```
 *
 * @category Units
 */
export const ForceKind = z.enum(['regular', 'national-guard', 'territorial-defense', 'volunteer', 'private-military-company', 'irregular'], {
  error: 'force is one of regular, national-guard, territorial-defense, volunteer, private-military-company, irregular',
});
/** What kind of force a unit is. @category Units */
export type ForceKind = z.infer<typeof ForceKind>;

/**
 * A formation.
 *
 * @example
 * ```ts
 * Unit.parse({ id: 'skala', name: 'Skala Assault Regiment', side: 'UA', echelon: 'regiment', role: 'assault', aliases: ['Скеля'] });
 * // A private military company: its kind of force apart from its role and size.
 * Unit.parse({ id: 'wagner', name: 'Wagner Group', side: 'RU', echelon: 'corps', role: 'assault', force: 'private-military-company', aliases: ['Вагнер', 'Wagner'] }).force;
 * //=> 'private-military-company'
 * ```
 * @category Units
 */
export const Unit = z.strictObject({
  /** Unique among units. */
  id: Id,
  /** The unit's name. */
  name: Name,
  /** The side it fights for (a side id). */
  side: Ref,
  /** Its size. */
  echelon: Echelon,
  /** What it does. */
  role: UnitRole,
  /** What kind of force it is; `regular` when absent. */
  force: ForceKind.optional(),
  /** The unit it belongs to (a unit id). */
  parent: Ref.optional(),
  /**
   * Other names, in any script. Words in different scripts side by side
   * are fine (`Скеля (Skala)`); a single word that mixes scripts through a
   * look-alike letter (Latin `Skala` typed with a Cyrillic `а`) is refused
   * with the message {@link normalizeCallSign} gives, because it looks
   * right to a reader and never matches in a search. A suffix in another
   * script goes after a hyphen (`HIMARS-ів`).
   */
  aliases: z.array(LookAlikeFreeName).optional(),
  /** Where it is (a headquarters, a command post). */
  position: Position.optional(),
  /** How many there are, when a record stands for several alike (e.g. infiltration teams). */
  count: z.number().int().positive().optional(),
  /** A note. */
  description: Text.optional(),
  /** Fields of your own. */
  properties: Properties.optional(),
});
/** A formation. @category Units */
export type Unit = z.infer<typeof Unit>;
