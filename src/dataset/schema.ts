/**
 * The dataset: every entity of a report together — sides, actors, units,
 * persons, places, claims, evidence, events and statements — plus a note of
 * where it came from. The schema checks each entity; {@link parseDataset}
 * also checks that the whole holds together.
 *
 * @module
 */
import * as z from 'zod';
import { Name, Properties, Text, Url } from '../_lib/fields.js';
import { Actor } from '../actors/schema.js';
import { Claim } from '../claims/schema.js';
import { Evidence } from '../evidence/schema.js';
import { Event } from '../events/schema.js';
import { Person } from '../personnel/schema.js';
import { Place } from '../places/schema.js';
import { Side } from '../sides/schema.js';
import { Statement } from '../statements/schema.js';
import { TimeRef } from '../time/timeRef.js';
import { Unit } from '../units/schema.js';

/**
 * A source a dataset was built from.
 *
 * @example
 * ```ts
 * DatasetSource.safeParse({ title: 'DeepStateMap', url: 'https://example.org/deepstate' }).success;
 * //=> true
 * ```
 *
 * @category Model
 */
export const DatasetSource = z.strictObject({
  /** Its title. */
  title: Name,
  /** Where it is. */
  url: Url.optional(),
  /** Who published it. */
  publisher: Name.optional(),
  /** When it was published. */
  publishedAt: TimeRef.optional(),
  /** Its licence, with the attribution it asks for. */
  license: Text.optional(),
});
/** A source a dataset was built from. @category Model */
export type DatasetSource = z.infer<typeof DatasetSource>;

/**
 * What a dataset is and where it came from.
 *
 * @example
 * ```ts
 * DatasetMeta.safeParse({ title: 'Pokrovsk, December 2025', asOf: '2025-12' }).success;
 * //=> true
 * ```
 *
 * @category Model
 */
export const DatasetMeta = z.strictObject({
  /** A title. */
  title: Name,
  /** What it covers. */
  description: Text.optional(),
  /** The time the dataset describes, e.g. the date of the report. */
  asOf: TimeRef.optional(),
  /** Sources, with licences. */
  sources: z.array(DatasetSource).optional(),
  /** The dataset's own licence. */
  license: Text.optional(),
});
/** What a dataset is and where it came from. @category Model */
export type DatasetMeta = z.infer<typeof DatasetMeta>;

/**
 * All entities of a report together. Every list is optional; ids are
 * unique per kind. Use {@link parseDataset} rather than `Dataset.parse` to
 * also check references between entities.
 *
 * @example
 * ```ts
 * Dataset.safeParse({ sides: [{ id: 'UA', name: 'Ukraine' }] }).success;
 * //=> true
 * Dataset.safeParse({ sides: [{ id: 'UA' }] }).success;
 * //=> false
 * ```
 *
 * @category Model
 */
export const Dataset = z.strictObject({
  /** What the dataset is. */
  meta: DatasetMeta.optional(),
  /** Belligerent parties. */
  sides: z.array(Side).optional(),
  /** Whoever states or assesses. */
  actors: z.array(Actor).optional(),
  /** Formations. */
  units: z.array(Unit).optional(),
  /** Personnel. */
  persons: z.array(Person).optional(),
  /** Named geometry. */
  places: z.array(Place).optional(),
  /** Claims of control. */
  claims: z.array(Claim).optional(),
  /** Observations. */
  evidence: z.array(Evidence).optional(),
  /** Things that happened. */
  events: z.array(Event).optional(),
  /** Quotes. */
  statements: z.array(Statement).optional(),
  /** Fields of your own. */
  properties: Properties.optional(),
}, {
  error: (issue) => (issue.code === 'invalid_type' ? 'expected a dataset: an object such as { "sides": [...], "claims": [...] }' : undefined),
});
/** All entities of a report together. @category Model */
export type Dataset = z.infer<typeof Dataset>;
/** A dataset as written, before parsing (an MGRS-only position has no coordinates yet). @category Model */
export type DatasetInput = z.input<typeof Dataset>;
