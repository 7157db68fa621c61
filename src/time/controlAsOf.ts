/**
 * One claimant's control map as of a time: what that party said it held,
 * taking its latest word on every piece of ground.
 *
 * @module
 */
import { controlMap } from '../control/controlMap.js';
import type { ControlMap } from '../control/types.js';
import type { Dataset } from '../dataset/schema.js';
import { ContestedError } from '../errors/index.js';
import { quote } from '../_lib/quote.js';
import type { TimeRef } from './timeRef.js';
import { setOwn } from '../_lib/records.js';
import { datasetArg, optionsArg } from '../_lib/args.js';

/**
 * Options of {@link controlAsOf}.
 *
 * @category Time
 */
export interface ControlAsOfOptions {
  /**
   * The time the map is told from: only claims stated by then count.
   * Defaults to `date`, so nothing stated later shapes the map.
   */
  knownAt?: TimeRef | Date;
}

/**
 * The control map of one claimant's claims as of a time: a claim applies
 * once the time it is about (`validAt`, else `statedAt`) has ended by
 * `date`, and only if it was stated by `knownAt` (default `date`); among the
 * rest a claim about a later time overrules an earlier one where they
 * overlap (the rule of `controlMap`). Area expressions are resolved against the dataset's
 * places and regions are coloured with its sides' colours.
 *
 * @param dataset - the claims, places, actors and sides
 * @param claimant - the actor id whose claims are mapped
 * @param date - the time the map is drawn as of
 * @param options - `knownAt`, the time the map is told from (default `date`)
 * @returns a control map; no features when the claimant has claimed nothing by then
 * @throws {@link ContestedError} `not-found` when `claimant` is not an actor
 *   of the dataset, or an area names an unknown place; `invalid-input` for
 *   an invalid time
 * @category Time
 *
 * @example
 * ```ts
 * controlAsOf(dataset, 'kremlin', '2025-12-01').features.map((f) => [f.properties.status, f.properties.side]);
 * //=> [['controlled', 'RU']]
 * controlAsOf(dataset, 'kremlin', '2025-11-30').features.length;
 * //=> 0
 * ```
 */
export function controlAsOf(
  dataset: Pick<Dataset, 'claims' | 'places' | 'actors' | 'sides'>,
  claimant: string,
  date: TimeRef | Date,
  options: ControlAsOfOptions = {},
): ControlMap {
  datasetArg(dataset, ['claims', 'places', 'actors', 'sides']);
  optionsArg(options);
  if (!(dataset.actors ?? []).some((a) => a.id === claimant)) {
    throw new ContestedError('not-found', [{ code: 'unknown-reference', path: ['claimant'], message: `${quote(claimant)} is not the id of any actor` }]);
  }
  const colors: Record<string, string> = {};
  for (const side of dataset.sides ?? []) if (side.color !== undefined) setOwn(colors, side.id, side.color);
  const knownAt = options.knownAt === undefined ? {} : { knownAt: options.knownAt };
  return controlMap(dataset.claims ?? [], { claimant, asOf: date, ...knownAt, places: dataset.places ?? [], colors });
}
