/**
 * Actors: whoever states or assesses. The Kremlin, a regiment's command, an
 * OSINT tracker and a newspaper are all actors; what separates them is
 * kind and how reliable a source they have proved, graded on the NATO
 * Admiralty scale (STANAG 2511 / AJP-2.1).
 *
 * @module
 */
import * as z from 'zod';
import { Id, Name, Properties, Ref, Text, Url } from '../_lib/fields.js';
import { LookAlikeFreeName } from '../personnel/_lookAlikes.js';
import type { normalizeCallSign } from '../personnel/callSign.js';

/**
 * Admiralty source reliability: `A` completely reliable, `B` usually
 * reliable, `C` fairly reliable, `D` not usually reliable, `E` unreliable,
 * `F` reliability cannot be judged.
 *
 * @example
 * ```ts
 * SourceReliability.safeParse('B').success;
 * //=> true
 * SourceReliability.safeParse('G').success;
 * //=> false
 * ```
 *
 * @category Model
 */
export const SourceReliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F'], {
  error: 'source reliability is one letter A–F (Admiralty scale)',
});
/** Admiralty source reliability, `A`–`F`. @category Model */
export type SourceReliability = z.infer<typeof SourceReliability>;

/**
 * Admiralty information credibility: `1` confirmed by other sources,
 * `2` probably true, `3` possibly true, `4` doubtful, `5` improbable,
 * `6` truth cannot be judged.
 *
 * @example
 * ```ts
 * InformationCredibility.safeParse(2).success;
 * //=> true
 * InformationCredibility.safeParse(7).success;
 * //=> false
 * ```
 *
 * @category Model
 */
export const InformationCredibility = z
  .number({ error: 'information credibility is a whole number 1–6 (Admiralty scale)' })
  .int({ error: 'information credibility is a whole number 1–6 (Admiralty scale)' })
  .min(1, { error: 'information credibility is a whole number 1–6 (Admiralty scale)' })
  .max(6, { error: 'information credibility is a whole number 1–6 (Admiralty scale)' });
/** Admiralty information credibility, 1–6. @category Model */
export type InformationCredibility = z.infer<typeof InformationCredibility>;

/**
 * What kind of party an actor is.
 *
 * @example
 * ```ts
 * ActorKind.safeParse('osint-tracker').success;
 * //=> true
 * ```
 *
 * @category Model
 */
export const ActorKind = z.enum([
  'head-of-state',
  'government',
  'ministry',
  'military-command',
  'unit-command',
  'person',
  'osint-tracker',
  'think-tank',
  'media',
  'other',
], {
  error: 'actor kind is one of head-of-state, government, ministry, military-command, unit-command, person, osint-tracker, think-tank, media, other',
});
/** What kind of party an actor is. @category Model */
export type ActorKind = z.infer<typeof ActorKind>;

/**
 * Anyone who states or assesses: a head of state, a ministry, a unit's
 * command, a person, an OSINT tracker, a media outlet.
 *
 * @example
 * ```ts
 * Actor.parse({ id: 'kremlin', name: 'The Kremlin', kind: 'head-of-state', side: 'RU' });
 * ```
 * @category Model
 */
export const Actor = z.strictObject({
  /** Unique among actors. */
  id: Id,
  /** What the actor is called. */
  name: Name,
  /** What kind of party it is. */
  kind: ActorKind,
  /** The side it belongs to or speaks for; absent for independent actors. */
  side: Ref.optional(),
  /** The unit whose command this is, for `unit-command` actors. */
  unit: Ref.optional(),
  /** The person, for `person` actors. */
  person: Ref.optional(),
  /** Admiralty source reliability as judged by the dataset's author. */
  reliability: SourceReliability.optional(),
  /**
   * Other names, in any script. Words in different scripts side by side
   * are fine (`Скеля (Skala)`); a single word that mixes scripts through a
   * look-alike letter (Latin `Skala` typed with a Cyrillic `а`) is refused
   * with the message {@link normalizeCallSign} gives, because it looks
   * right to a reader and never matches in a search. A suffix in another
   * script goes after a hyphen (`HIMARS-ів`).
   */
  aliases: z.array(LookAlikeFreeName).optional(),
  /** Where the actor publishes. */
  url: Url.optional(),
  /** A note on who this is. */
  description: Text.optional(),
  /** Fields of your own. */
  properties: Properties.optional(),
});
/** Anyone who states or assesses. @category Model */
export type Actor = z.infer<typeof Actor>;
