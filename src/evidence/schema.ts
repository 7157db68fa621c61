/**
 * Evidence: observations that bear on claims — a drone feed of a flag, a
 * geolocated video, a satellite image, a casualty record. Each says what it
 * shows (a side present, a strike, casualties), where and when it was
 * captured, who supplied it, and how credible it is.
 *
 * @module
 */
import * as z from 'zod';
import { Id, Name, Properties, Ref, Text, Url } from '../_lib/fields.js';
import { InformationCredibility } from '../actors/schema.js';
import { AreaRef } from '../places/areaRef.js';
import { Position } from '../positions/schema.js';
import { TimeRef } from '../time/timeRef.js';

/**
 * The kind of observation.
 *
 * @example
 * ```ts
 * EvidenceKind.safeParse('drone-video').success;
 * //=> true
 * ```
 *
 * @category Evidence
 */
export const EvidenceKind = z.enum(
  ['drone-video', 'geolocated-photo', 'geolocated-video', 'eyewitness', 'satellite-image', 'casualty-record', 'official-statement', 'osint-map', 'intercept', 'other'],
  { error: 'evidence kind is one of drone-video, geolocated-photo, geolocated-video, eyewitness, satellite-image, casualty-record, official-statement, osint-map, intercept, other' },
);
/** The kind of observation. @category Evidence */
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/**
 * One thing an observation shows.
 * - `presence`: soldiers of `side` were there (a flag raised, a patrol filmed);
 * - `strike`: a strike hit there (by `side`, when known);
 * - `casualties`: casualties of `side` (`count` when known);
 * - `control`: the ground is visibly held by `side` (checkpoints, flags on buildings).
 *
 * @example
 * ```ts
 * Observation.safeParse({ kind: 'presence', side: 'RU' }).success;
 * //=> true
 * Observation.safeParse({ kind: 'presence' }).success;
 * //=> false
 * ```
 *
 * @category Evidence
 */
export const Observation = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      /** Soldiers of `side` were there. */
      kind: z.literal('presence'),
      /** The side present. */
      side: Ref,
    }),
    z.strictObject({
      /** A strike hit there. */
      kind: z.literal('strike'),
      /** The side that struck, when known. */
      side: Ref.optional(),
    }),
    z.strictObject({
      /** Casualties there. */
      kind: z.literal('casualties'),
      /** The side that suffered them, when known. */
      side: Ref.optional(),
      /** How many, when known. */
      count: z.number().int().nonnegative().optional(),
    }),
    z.strictObject({
      /** The ground is visibly held. */
      kind: z.literal('control'),
      /** The side holding it. */
      side: Ref,
    }),
  ],
  { error: 'an observation kind is one of presence, strike, casualties, control' },
);
/** One thing an observation shows. @category Evidence */
export type Observation = z.infer<typeof Observation>;

/**
 * An observation that bears on claims. It needs a `position` or an `area`.
 *
 * @example
 * ```ts
 * Evidence.parse({
 *   id: 'flag-feed', kind: 'drone-video', capturedAt: '2025-12-01T10:30Z',
 *   position: { coordinates: [37.176, 48.292], how: 'geolocated', accuracyM: 150 },
 *   shows: [{ kind: 'presence', side: 'UA' }], source: 'skala-command', credibility: 2,
 * });
 * ```
 * @category Evidence
 */
export const Evidence = z
  .strictObject({
    /** Unique among evidence. */
    id: Id,
    /** What sort of observation it is. */
    kind: EvidenceKind,
    /** A short title. */
    title: Name.optional(),
    /** When it was captured (not published). */
    capturedAt: TimeRef,
    /** When it was published. */
    publishedAt: TimeRef.optional(),
    /** Where it was captured. */
    position: Position.optional(),
    /** The ground it covers, when wider than a point. */
    area: AreaRef.optional(),
    /** What it shows. */
    shows: z.array(Observation).min(1, { error: 'evidence shows at least one thing' }),
    /** Who supplied it (an actor id). */
    source: Ref.optional(),
    /** Admiralty information credibility, 1 (confirmed) … 6 (cannot be judged). */
    credibility: InformationCredibility.optional(),
    /** Where it can be seen. */
    url: Url.optional(),
    /** What it shows, in words. */
    description: Text.optional(),
    /** Fields of your own. */
    properties: Properties.optional(),
  })
  .check((ctx) => {
    if (ctx.value.position === undefined && ctx.value.area === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['position'],
        message: 'evidence needs a position or an area: where was it captured?',
        params: { contested: 'missing-location' },
      });
    }
  });
/** An observation that bears on claims. @category Evidence */
export type Evidence = z.infer<typeof Evidence>;
