/**
 * DeepStateMap's polygon classes, read from its labels. DeepState names each
 * polygon in three parts, `Ukrainian /// English /// key`; archives that
 * re-export the layer keep only the English part, and some labels carry
 * stray line breaks ("Liberated\n25.03"). Besides the classes that describe
 * the war in Ukraine, the layer holds political and satirical polygons far
 * outside it (Transnistria, Abkhazia, Karelia, the Kurils, "East Prussia is
 * temporarily occupied.") that are no claim about this war.
 *
 * @module
 */
import { stringArg } from '../_lib/args.js';

/**
 * A DeepStateMap polygon class that says something about control in Ukraine:
 *
 * | class | DeepState label | meaning |
 * | --- | --- | --- |
 * | `occupied` | `Occupied` | occupied since 24 February 2022 |
 * | `occupied-2014` | `CADR and CALR` | parts of Donetsk and Luhansk oblasts held since 2014 |
 * | `occupied-crimea` | `Occupied Crimea` | Crimea, held since 2014 |
 * | `unknown-status` | `Unknown status` | the gray zone: contested or unverified |
 * | `liberated` | `Liberated`, `Liberated dd.mm…` | ground Ukraine has retaken (historical) |
 *
 * @category Claims & diffs
 */
export type DeepStateClass = 'occupied' | 'occupied-2014' | 'occupied-crimea' | 'unknown-status' | 'liberated';

const EXACT: ReadonlyMap<string, DeepStateClass> = new Map([
  ['occupied', 'occupied'],
  ['cadr and calr', 'occupied-2014'],
  ['occupied crimea', 'occupied-crimea'],
  ['unknown status', 'unknown-status'],
]);

/**
 * The English part of a DeepState label, with runs of white space (line
 * breaks included) collapsed to one space and the ends trimmed.
 *
 * @param label - a label as DeepState writes it (`"Окуповано /// Occupied /// occupied"`) or as archives keep it (`"Occupied"`)
 * @returns the English text; `""` for an empty label
 * @throws never
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * deepStateEnglishName('Звільнено /// Liberated\n25.03 /// liberated');
 * //=> 'Liberated 25.03'
 * ```
 */
export function deepStateEnglishName(label: string): string {
  const parts = stringArg(label, ['label'], 'a DeepState label (a string)').split('///');
  const english = parts.length >= 2 ? parts[1]! : parts[0]!;
  return english.replace(/\s+/g, ' ').trim();
}

/**
 * The class of a DeepState polygon label, or `undefined` for a label that
 * is not about control in Ukraine (the political and satirical polygons).
 * Matching is on the English part, ignoring case and white space; every
 * label that starts with the word `Liberated` is `liberated`.
 *
 * @param label - a DeepState label, raw or English only
 * @returns the class; `undefined` when the label is none of the five classes
 * @throws never
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * deepStateClass('CADR and CALR');                //=> 'occupied-2014'
 * deepStateClass('Unknown status\n');             //=> 'unknown-status'
 * deepStateClass('Liberated 31.03 - 02.04');      //=> 'liberated'
 * deepStateClass('Transnistria');                 //=> undefined
 * ```
 */
export function deepStateClass(label: string): DeepStateClass | undefined {
  const english = deepStateEnglishName(label).toLowerCase();
  const exact = EXACT.get(english);
  if (exact !== undefined) return exact;
  return /^liberated(?:\s|$)/.test(english) ? 'liberated' : undefined;
}
