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
import { datasetArg } from '../_lib/args.js';

/**
 * The control map of one claimant's claims as of a time: claims whose
 * `validAt` (or `statedAt`) begins after `date` are left out, and among the
 * rest a later claim overrules an earlier one where they overlap (the rule
 * of `controlMap`). Area expressions are resolved against the dataset's
 * places and regions are coloured with its sides' colours.
 *
 * @param dataset - the claims, places, actors and sides
 * @param claimant - the actor id whose claims are mapped
 * @param date - the time the map is drawn as of
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
export function controlAsOf(dataset: Pick<Dataset, 'claims' | 'places' | 'actors' | 'sides'>, claimant: string, date: TimeRef | Date): ControlMap {
  datasetArg(dataset, ['claims', 'places', 'actors', 'sides']);
  if (!(dataset.actors ?? []).some((a) => a.id === claimant)) {
    throw new ContestedError('not-found', [{ code: 'unknown-reference', path: ['claimant'], message: `${quote(claimant)} is not the id of any actor` }]);
  }
  const colors: Record<string, string> = {};
  for (const side of dataset.sides ?? []) if (side.color !== undefined) setOwn(colors, side.id, side.color);
  return controlMap(dataset.claims ?? [], { claimant, asOf: date, places: dataset.places ?? [], colors });
}
