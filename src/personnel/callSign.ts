/**
 * Call signs: the names soldiers use on the radio (Rabbit, Ghost, Godfather).
 * {@link normalizeCallSign} gives the form to display and rejects a call sign
 * that hides a letter of another script behind a look-alike (Latin `Rabbit`
 * typed with a Cyrillic `а`), because such a string looks identical to a
 * reader but never matches in a search; {@link callSignKey} gives the form to
 * match on, equal across case, diacritics and Cyrillic/Latin spelling.
 *
 * @module
 */
import { ContestedError } from '../errors/index.js';
import { displayForm, lookAlikeIssues } from './_lookAlikes.js';
import { transliterate } from './transliterate.js';
import { schemesFor } from './romanize.js';
import { fold, schemeKey, schemeKeys } from './_fold.js';
import { stringArg } from '../_lib/args.js';
import { MAX_NAME_LENGTH } from '../_lib/fields.js';

/**
 * Returns a call sign's display form: Unicode NFKC, trimmed, inner white space
 * collapsed to one space, invisible format characters (zero-width space,
 * joiners, soft hyphen, direction marks) removed, case kept.
 *
 * The mixed-script rule, applied word by word (a word is a run of letters):
 * a word whose letters all belong to one script is fine (`Rabbit`, `Кролик`);
 * so are words of different scripts side by side (`Кролик Rabbit`), and
 * digits, hyphens and punctuation, which belong to no script (`Ghost-2`,
 * `Скеля 7`). A word that mixes scripts is rejected when a letter outside the
 * word's main script (the one most of its letters are in; on a tie, the first
 * letter's) is a look-alike of a letter of the main script — Latin `Rabbit`
 * typed with a Cyrillic `а`, or Cyrillic `Кролик` with a Latin `o`. A mix
 * with no look-alike (the Latin `Z` in a Cyrillic word) is kept: it is
 * visible to a reader, so it is not a disguise.
 *
 * @param callSign - the call sign as written
 * @returns the display form
 * @throws {@link ContestedError} with code `invalid-input` (issue code
 *   `empty-call-sign`) when nothing but white space is left, or (issue code
 *   `too-big`) when the call sign is longer than a name may be (1,000
 *   characters); with code
 *   `mixed-script` (one issue, code `mixed-script`, per look-alike letter)
 *   when a word mixes scripts through look-alike letters
 * @category Call signs
 *
 * @example
 * ```ts
 * normalizeCallSign('  Ghost \t 2 ');
 * //=> 'Ghost 2'
 * normalizeCallSign('R\u0430bbit');
 * // throws ContestedError: "Rаbbit" mixes Latin and Cyrillic: "а" (U+0430
 * // CYRILLIC SMALL LETTER A) at position 2 looks like Latin "a"; did you mean "Rabbit"?
 * ```
 */
export function normalizeCallSign(callSign: string): string {
  stringArg(callSign, ['callSign'], 'a call sign (a string)');
  // A call sign is a name: longer text is refused before it is normalized
  // and checked letter by letter, which costs time and memory in its length.
  if (callSign.length > MAX_NAME_LENGTH) {
    throw new ContestedError('invalid-input', [
      { code: 'too-big', path: [], message: `a call sign is at most ${MAX_NAME_LENGTH.toLocaleString('en-US')} characters (got ${callSign.length.toLocaleString('en-US')})` },
    ]);
  }
  const display = displayForm(callSign);
  if (display === '') {
    throw new ContestedError('invalid-input', [
      {
        code: 'empty-call-sign',
        path: [],
        message: `a call sign must contain something besides white space (got ${callSign.length > 40 ? `${callSign.length.toLocaleString('en-US')} characters of it` : JSON.stringify(callSign)})`,
      },
    ]);
  }
  const issues = lookAlikeIssues(display);
  if (issues.length > 0) throw new ContestedError('mixed-script', issues);
  return display;
}

/**
 * Returns the key two call signs are matched on: the display form
 * ({@link normalizeCallSign}), romanized ({@link transliterate}), with
 * diacritics removed and lower-cased. `Кролик` and `Krolyk` share a key, as do
 * `RABBIT` and `rabbit`, and `Zoë` and `Zoe`.
 *
 * @param callSign - the call sign as written
 * @returns the matching key, never empty
 * @throws {@link ContestedError} as {@link normalizeCallSign} does
 * @category Call signs
 *
 * @example
 * ```ts
 * callSignKey('Кролик') === callSignKey('KROLYK');
 * //=> true
 * callSignKey('Хрещений Батько');
 * //=> 'khreshchenyi batko'
 * ```
 */
export function callSignKey(callSign: string): string {
  // Romanization drops the soft and hard signs, which can leave white space
  // at an end or doubled ("ъ а" → " a"): collapse it again afterwards.
  return transliterate(normalizeCallSign(callSign))
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Returns every key a call sign or name is matched on: one per
 * romanization its letters allow ({@link schemesFor}) — KMU 2010 for a
 * Ukrainian name, BGN/PCGN, ISO 9 and scholarly for a Russian one, all four
 * when its letters do not tell — folded as {@link callSignKey} folds
 * (diacritics and case dropped, the schemes' signs for `ъ ь` too), and for a
 * name with `ё` also the English `yo` (Семён → Semyon, Пётр → Pyotr). A name
 * with no Cyrillic letters has one key. Two names match when their keys
 * meet: `Prigozhin` and `Пригожин`, `Smirnov` and `Смирнов`, `Krolyk` and
 * `Кролик`.
 *
 * @param callSign - the call sign or name as written
 * @returns the keys, without repeats, never empty
 * @throws {@link ContestedError} as {@link normalizeCallSign} does
 * @category Call signs
 *
 * @example
 * ```ts
 * callSignKeys('Пригожин');
 * //=> ['pryhozhyn', 'prigozhin', 'prigozin']
 * callSignKeys('Prigozhin');
 * //=> ['prigozhin']
 * ```
 */
export function callSignKeys(callSign: string): string[] {
  const display = normalizeCallSign(callSign);
  const schemes = schemesFor(display);
  if (schemes.length === 0) return [fold(display)];
  // Each scheme's key; BGN/PCGN's "ë" also as English "yo" (Semyon, Pyotr, Khrushchyov), last.
  const keys = schemes.map((scheme) => schemeKey(display, scheme));
  for (const scheme of schemes) keys.push(...schemeKeys(display, scheme).slice(1));
  return [...new Set(keys)];
}
