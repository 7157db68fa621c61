/**
 * The guard and the scope that `findByCallSign` and `findByName` share: the
 * dataset's shape, each option read once and checked, every person's aliases
 * a list, and which persons the `side` and `unit` options leave in (the
 * unit and every unit under it).
 */
import { datasetArg, listArg, optionsArg, stringArg } from '../_lib/args.js';
import { subordinates } from '../units/chain.js';
import type { FindByCallSignOptions, PersonnelOf } from './findByCallSign.js';
import type { Person } from './schema.js';

/** The persons to search, with a test for whether one is in the scope the options give. */
export function personnelScope<P extends Pick<Person, 'side' | 'unit' | 'callSign' | 'aliases'>>(
  dataset: PersonnelOf<P>,
  options: FindByCallSignOptions,
): { persons: readonly P[]; inScope: (person: P) => boolean } {
  datasetArg(dataset, ['persons', 'units']);
  // Each option read once: a getter that answers differently on a second read cannot split the check from the use.
  const { unit, side } = optionsArg(options);
  if (unit !== undefined) stringArg(unit, ['options', 'unit'], 'a unit id (a string)');
  if (side !== undefined) stringArg(side, ['options', 'side'], 'a side id (a string)');
  let units: Set<string> | undefined;
  if (unit !== undefined) {
    units = new Set([unit]);
    for (const below of subordinates({ units: dataset.units }, unit)) units.add(below.id);
  }
  const persons = dataset.persons ?? [];
  persons.forEach((person, i) => listArg(person.aliases, ['dataset', 'persons', i, 'aliases'], 'a list of aliases'));
  const inScope = (person: P): boolean => {
    if (side !== undefined && person.side !== side) return false;
    return units === undefined || (person.unit !== undefined && units.has(person.unit));
  };
  return { persons, inScope };
}
