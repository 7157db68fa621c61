/**
 * Events: things that happened at a time (or over an interval) and a place —
 * a detection, a strike, an infiltration, an assault, a flag displayed —
 * linked to the units and persons involved and to the earlier events that
 * led to them, so that "destroyed 15–20 minutes after detection" can be
 * measured rather than repeated.
 *
 * @module
 */
import * as z from 'zod';
import { Id, Name, Properties, Ref, Refs, Text, Url } from '../_lib/fields.js';
import { AreaRef } from '../places/areaRef.js';
import { Position } from '../positions/schema.js';
import { TimeRef } from '../time/timeRef.js';
import { resolveTime } from '../time/timeRef.js';
import { isContestedError } from '../errors/index.js';

/**
 * What kind of thing happened.
 *
 * @example
 * ```ts
 * EventKind.safeParse('flag-display').success;
 * //=> true
 * ```
 *
 * @category Model
 */
export const EventKind = z.enum(
  ['detection', 'strike', 'destruction', 'infiltration', 'assault', 'flag-display', 'withdrawal', 'capture', 'evacuation', 'shelling', 'other'],
  { error: 'event kind is one of detection, strike, destruction, infiltration, assault, flag-display, withdrawal, capture, evacuation, shelling, other' },
);
/** What kind of thing happened. @category Model */
export type EventKind = z.infer<typeof EventKind>;

/**
 * Something that happened. `at` is when it happened (or began); `until`,
 * when present, when it ended.
 *
 * @example
 * ```ts
 * Event.parse({ id: 'det-1', kind: 'detection', at: '2025-11-28T06:10Z', units: ['uav-team'] });
 * ```
 * @category Model
 */
export const Event = z
  .strictObject({
    /** Unique among events. */
    id: Id,
    /** What happened. */
    kind: EventKind,
    /** A short title. */
    title: Name.optional(),
    /** When it happened, or began. */
    at: TimeRef,
    /** When it ended, for events that last. */
    until: TimeRef.optional(),
    /** Where it happened. */
    position: Position.optional(),
    /** The ground it happened on. */
    area: AreaRef.optional(),
    /** The side that acted. */
    side: Ref.optional(),
    /** Units involved (unit ids). */
    units: Refs.optional(),
    /** Persons involved (person ids). */
    persons: Refs.optional(),
    /** Earlier events that led to this one (event ids): a strike follows a detection. */
    follows: Refs.optional(),
    /** Evidence of it (evidence ids). */
    evidence: Refs.optional(),
    /** Where it was reported. */
    url: Url.optional(),
    /** What happened, in words. */
    description: Text.optional(),
    /** Fields of your own. */
    properties: Properties.optional(),
  })
  .check((ctx) => {
    const { at, until } = ctx.value;
    if (until === undefined) return;
    try {
      if (resolveTime(until).end.getTime() <= resolveTime(at).start.getTime()) {
        ctx.issues.push({
          code: 'custom',
          input: until,
          path: ['until'],
          message: `event ends (${JSON.stringify(until)}) before it begins (${JSON.stringify(at)})`,
          params: { contested: 'end-before-start' },
        });
      }
    } catch (error) {
      // An invalid time (resolveTime's ContestedError) is reported by its own schema; anything else passes through.
      if (!isContestedError(error)) throw error;
    }
  });
/** Something that happened. @category Model */
export type Event = z.infer<typeof Event>;
