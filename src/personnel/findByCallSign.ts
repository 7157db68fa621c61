/**
 * Looking people up by call sign. Call signs are not unique — two sides can
 * each have a Ghost, and one brigade can have three — so the lookup returns
 * every match and leaves the choice to the caller, who can narrow it by unit
 * or side.
 *
 * @module
 */
import type { ContestedError } from '../errors/index.js';
import type { Unit } from '../units/schema.js';
import { callSignKeys, type normalizeCallSign } from './callSign.js';
import { keysOrNone } from './_keys.js';
import type { Person } from './schema.js';
import { personnelScope } from './_scope.js';

/**
 * The part of a dataset {@link findByCallSign} reads. A whole `Dataset` fits.
 *
 * @category Call signs
 */
export interface PersonnelOf<P extends Pick<Person, 'side' | 'unit' | 'callSign' | 'aliases'> = Person> {
  /** The dataset's units; read only when the search is scoped by `unit`. */
  readonly units?: readonly Pick<Unit, 'id' | 'parent'>[] | undefined;
  /** The dataset's people. */
  readonly persons?: readonly P[] | undefined;
}

/** Options for {@link findByCallSign}. @category Call signs */
export interface FindByCallSignOptions {
  /** Only people of this unit or of a unit under it (a unit id). */
  readonly unit?: string | undefined;
  /** Only people of this side (a side id). */
  readonly side?: string | undefined;
}

/**
 * Returns every person whose call sign or one of whose aliases matches
 * `callSign`, in dataset order.
 *
 * Matching is by {@link callSignKeys}: case, diacritics and spelling in
 * Cyrillic or Latin do not matter, so `krolyk` finds a person whose alias is
 * `Кролик` (Ukrainian, KMU 2010) and `Prizrak` one whose alias is `Призрак`
 * (Russian, BGN/PCGN); a name whose letters do not say which language it is
 * is tried both ways. An alias that is not a valid call sign (for instance one that
 * mixes scripts through look-alike letters) never matches. When more than one
 * person matches, all are returned: call signs repeat across sides and units,
 * and guessing would hide that.
 *
 * @param dataset - an object with the `persons` (and, to scope by unit, `units`) arrays
 * @param callSign - the call sign to look for
 * @param options - `unit`: only that unit and the units under it; `side`: only that side
 * @returns the matching people; `[]` when nobody matches
 * @throws {@link ContestedError} as {@link normalizeCallSign} does when
 *   `callSign` is empty or mixes scripts; `not-found` when `options.unit` is
 *   not a unit of the dataset; `invalid-input` when a person's `aliases` is
 *   not a list
 * @category Call signs
 *
 * @example
 * ```ts
 * const persons = [
 *   { id: 'ghost-ua', callSign: 'Ghost', side: 'UA' },
 *   { id: 'ghost-ru', callSign: 'Ghost', side: 'RU', aliases: ['Призрак'] },
 * ];
 * findByCallSign({ persons }, 'GHOST').map((person) => person.id);
 * //=> ['ghost-ua', 'ghost-ru']
 * findByCallSign({ persons }, 'ghost', { side: 'RU' }).map((person) => person.id);
 * //=> ['ghost-ru']
 * findByCallSign({ persons }, 'Pryzrak').map((person) => person.id);
 * //=> ['ghost-ru']
 * ```
 */
export function findByCallSign<P extends Pick<Person, 'side' | 'unit' | 'callSign' | 'aliases'>>(
  dataset: PersonnelOf<P>,
  callSign: string,
  options: FindByCallSignOptions = {},
): P[] {
  const { persons, inScope } = personnelScope(dataset, options);
  const keys = new Set(callSignKeys(callSign));
  return persons.filter((person) => {
    if (!inScope(person)) return false;
    const names = [person.callSign, ...(person.aliases ?? [])];
    return names.some((name) => name !== undefined && keysOrNone(name).some((k) => keys.has(k)));
  });
}
