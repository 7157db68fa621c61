/**
 * Transliteration of Cyrillic names into Latin letters by Ukraine's national
 * romanization: the table of the Cabinet of Ministers of Ukraine, resolution
 * No. 55 of 27 January 2010 ("KMU 2010"), the system Ukrainian passports,
 * road signs and the Skala regiment's own English name (Скеля → Skelia) use.
 * Call signs are matched through it, so an alias written `Кролик` finds a
 * soldier filed as `Krolyk`.
 *
 * @module
 */
import { stringArg } from '../_lib/args.js';

/** Letters whose romanization does not depend on where they stand in a word. */
const PLAIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'y',
  і: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '',
  // Russian-only letters, which KMU 2010 does not cover (see transliterate's docs).
  ы: 'y', э: 'e', ъ: '',
};

/** Letters written one way at the start of a word and another inside it. */
const POSITIONAL: Readonly<Record<string, readonly [initial: string, inner: string]>> = {
  є: ['ye', 'ie'],
  ї: ['yi', 'i'],
  й: ['y', 'i'],
  ю: ['yu', 'iu'],
  я: ['ya', 'ia'],
  ё: ['yo', 'io'],
};

/** Apostrophes as Ukrainian writes them inside words (Мар'їне, Знам’янка). */
const APOSTROPHE = /['’ʼʹ`]/u;
const LETTER = /\p{L}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * Romanizes Ukrainian (and Russian) Cyrillic by the Ukrainian national
 * system, KMU 2010.
 *
 * The rules, as the resolution states them: `Є Ї Й Ю Я` are written `Ye Yi Y
 * Yu Ya` at the start of a word and `ie i i iu ia` inside it; `Г` is `H` and
 * `Ґ` is `G`; `зг` is `zgh` (Згурівка → Zghurivka) so that it is not read as
 * `ж`; the soft sign and the apostrophe are omitted. Letters Ukrainian does not
 * have get a mapping of our own, in the same spirit: `ы` → `y`, `э` → `e`,
 * `ъ` omitted, `ё` → `yo` at the start of a word and `io` inside it.
 *
 * Case follows the source: a capital gives a capital first letter (`Щ` →
 * `Shch`), and a word in capitals stays in capitals (`ЩЕРБУХИ` →
 * `SHCHERBUKHY`). Characters that are not Cyrillic letters (Latin letters,
 * digits, spaces, hyphens) pass through unchanged; an apostrophe inside a
 * Cyrillic word is dropped.
 *
 * @param text - text in any script
 * @returns the romanized text; `''` for `''`
 * @throws never
 * @category Call signs
 *
 * @example
 * ```ts
 * transliterate('Скеля');
 * //=> 'Skelia'
 * transliterate('Юрій Згурівка');
 * //=> 'Yurii Zghurivka'
 * ```
 */
export function transliterate(text: string): string {
  const chars = Array.from(stringArg(text, ['text']));
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    const lower = char.toLowerCase();
    const previous = chars[i - 1];
    if (APOSTROPHE.test(char) && isLetter(previous) && isLetter(chars[i + 1]) && (isCyrillic(previous) || isCyrillic(chars[i + 1]))) continue;
    let latin: string | undefined;
    const positional = POSITIONAL[lower];
    if (positional !== undefined) {
      latin = startsWord(chars, i) ? positional[0] : positional[1];
    } else if (lower === 'г' && previous?.toLowerCase() === 'з') {
      latin = 'gh';
    } else {
      latin = PLAIN[lower];
    }
    if (latin === undefined) {
      out += char;
      continue;
    }
    out += lower === char ? latin : capitalize(latin, inCapitals(chars, i));
  }
  return out;
}

function isCyrillic(char: string | undefined): boolean {
  return char !== undefined && CYRILLIC.test(char);
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && LETTER.test(char);
}

/** A letter starts a word unless a letter (or a letter and an apostrophe) precedes it. */
function startsWord(chars: readonly string[], i: number): boolean {
  const previous = chars[i - 1];
  if (isLetter(previous)) return false;
  if (previous !== undefined && APOSTROPHE.test(previous) && isLetter(chars[i - 2])) return false;
  return true;
}

/** Whether the capital at `i` stands in a word written in capitals. */
function inCapitals(chars: readonly string[], i: number): boolean {
  const neighbour = isLetter(chars[i + 1]) ? chars[i + 1] : chars[i - 1];
  return neighbour !== undefined && isLetter(neighbour) && neighbour !== neighbour.toLowerCase();
}

function capitalize(latin: string, allCapitals: boolean): string {
  if (allCapitals) return latin.toUpperCase();
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}
