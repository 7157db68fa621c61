/**
 * Looking people up by any name they go by — call sign, alias, given name,
 * family name, or given and family name together — in Cyrillic or Latin,
 * through the romanizations English-language sources use. Each match says
 * which name matched and which reading of it, so that a match that rests on
 * reading a name as Russian rather than Ukrainian (or the reverse) is
 * visible, never silently guessed.
 *
 * @module
 */
import { personnelScope } from './_scope.js';
import { callSignKeys, normalizeCallSign } from './callSign.js';
import { schemeKeys } from './_fold.js';
import type { FindByCallSignOptions, PersonnelOf } from './findByCallSign.js';
import { keysOrNone } from './_keys.js';
import { nameLanguage, schemesFor, type NameLanguage, type RomanizationScheme } from './romanize.js';
import type { Person } from './schema.js';

/**
 * One person found by {@link findByName}, and how.
 *
 * @typeParam P - the person type of the dataset
 * @category Call signs
 */
export interface NameMatch<P> {
  /** The person. */
  person: P;
  /** Which of the person's names matched. */
  field: 'callSign' | 'alias' | 'givenName' | 'familyName' | 'fullName';
  /** That name, as stored. */
  name: string;
  /**
   * The romanizations of the stored name under which it matched the query
   * (empty when both are in the same script and match as written).
   */
  schemes: RomanizationScheme[];
  /**
   * The language the stored name's letters point to. `either` means they do
   * not tell, and the match rests on one reading: check it.
   */
  language: NameLanguage;
}

/**
 * Every person any of whose names matches `name`, in dataset order, with
 * the name and the reading that matched (the first matching name of each
 * person, in the order call sign, aliases, given name, family name, full
 * name).
 *
 * Names match as in {@link callSignKeys}: `Prigozhin` finds `Пригожин`
 * (BGN/PCGN), `Pryhozhyn` finds it too (KMU 2010), `Smirnov` finds
 * `Смирнов`. A spelling no scheme gives (`Wagner` for `Вагнер`, whose
 * romanizations are Vahner and Vagner) needs an alias in the data.
 *
 * @param dataset - an object with the `persons` (and, to scope by unit, `units`) arrays
 * @param name - the name to look for
 * @param options - `unit`, `side`, as in {@link findByCallSign}
 * @returns the matches; `[]` when nobody matches
 * @throws {@link ContestedError} as {@link findByCallSign}
 * @category Call signs
 *
 * @example
 * ```ts
 * const persons = [{ id: 'prigozhin', givenName: 'Евгений', familyName: 'Пригожин', side: 'RU' }];
 * findByName({ persons }, 'Prigozhin').map((m) => [m.person.id, m.field, m.schemes, m.language]);
 * //=> [['prigozhin', 'familyName', ['bgn-pcgn'], 'either']]
 * findByName({ persons }, 'Yevgeniy Prigozhin').map((m) => m.field);
 * //=> ['fullName']
 * ```
 */
export function findByName<P extends Pick<Person, 'side' | 'unit' | 'callSign' | 'aliases' | 'givenName' | 'familyName'>>(dataset: PersonnelOf<P>, name: string, options: FindByCallSignOptions = {}): NameMatch<P>[] {
  const { persons, inScope } = personnelScope(dataset, options);
  const keys = new Set(callSignKeys(name));
  const out: NameMatch<P>[] = [];
  for (const person of persons) {
    if (!inScope(person)) continue;
    const names: [NameMatch<P>['field'], string | undefined][] = [
      ['callSign', person.callSign],
      ...(person.aliases ?? []).map((a): [NameMatch<P>['field'], string] => ['alias', a]),
      ['givenName', person.givenName],
      ['familyName', person.familyName],
      ['fullName', person.givenName !== undefined && person.familyName !== undefined ? `${person.givenName} ${person.familyName}` : undefined],
    ];
    for (const [field, stored] of names) {
      if (stored === undefined || !keysOrNone(stored).some((k) => keys.has(k))) continue;
      out.push({ person, field, name: stored, schemes: matchingSchemes(stored, keys), language: nameLanguage(stored) });
      break;
    }
  }
  return out;
}

/** The schemes under which `stored` gives one of `keys`. */
function matchingSchemes(stored: string, keys: ReadonlySet<string>): RomanizationScheme[] {
  const display = normalizeCallSign(stored);
  return schemesFor(display).filter((scheme) => schemeKeys(display, scheme).some((k) => keys.has(k)));
}
