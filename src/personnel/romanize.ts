/**
 * Romanization of Cyrillic names by the schemes English-language sources
 * actually use, and the choice between them. Ukrainian names are romanized
 * by Ukraine's KMU 2010 (see `transliterate`); Russian names by BGN/PCGN
 * (the British and American geographic names system: Prigozhin, Smirnov,
 * Yeysk), by ISO 9 (one Latin letter per Cyrillic letter: Prigožin) and by
 * the scholarly system of Slavists (Xruščëv). Which language a name is in is
 * read from its letters: `ы э ъ ё` are Russian only, `і ї є ґ` Ukrainian
 * only; a name with neither is tried both ways, and the answer says so.
 *
 * @module
 */
import { quote } from '../_lib/quote.js';
import { stringArg } from '../_lib/args.js';
import { ContestedError } from '../errors/index.js';
import { transliterate } from './transliterate.js';

/**
 * A romanization scheme:
 * - `kmu-2010`: Ukraine's national system (Скеля → Skelia), for Ukrainian;
 * - `bgn-pcgn`: BGN/PCGN 1947, for Russian (Пригожин → Prigozhin, Ельцин → Yel’tsin);
 * - `iso-9`: ISO 9:1995, one Latin letter per Cyrillic letter (Щёкино → Ŝëkino), Russian and Ukrainian;
 * - `scholarly`: the scientific transliteration of Russian (Хрущёв → Xruščëv).
 *
 * @category Call signs
 */
export type RomanizationScheme = 'kmu-2010' | 'bgn-pcgn' | 'iso-9' | 'scholarly';

/**
 * The language a Cyrillic name's letters point to: `uk` (it has one of
 * `і ї є ґ` and none of `ы э ъ ё`), `ru` (the reverse), `either` (neither:
 * Пригожин could be written in both), `mixed` (both: no name of either
 * language), or `none` (no Cyrillic letters).
 *
 * @category Call signs
 */
export type NameLanguage = 'uk' | 'ru' | 'either' | 'mixed' | 'none';

const UKRAINIAN_ONLY = /[іїєґ]/iu;
const RUSSIAN_ONLY = /[ыэъё]/iu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LETTER = /\p{L}/u;

const COMMON: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', з: 'z', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', ы: 'y',
};

/** BGN/PCGN 1947 (Russian). `е` and `ё` are handled by position. */
const BGN_PCGN: Readonly<Record<string, string>> = {
  ...COMMON, ж: 'zh', и: 'i', й: 'y', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '”', ь: '’', э: 'e', ю: 'yu', я: 'ya',
};

/** ISO 9:1995 (system A), Russian and Ukrainian letters. */
const ISO_9: Readonly<Record<string, string>> = {
  ...COMMON, е: 'e', ё: 'ë', ж: 'ž', и: 'i', й: 'j', х: 'h', ц: 'c', ч: 'č', ш: 'š', щ: 'ŝ', ъ: 'ʺ', ь: 'ʹ', э: 'è', ю: 'û', я: 'â',
  і: 'ì', ї: 'ï', є: 'ê', ґ: 'g̀',
};

/** The scholarly (scientific) transliteration of Russian. */
const SCHOLARLY: Readonly<Record<string, string>> = {
  ...COMMON, е: 'e', ё: 'ë', ж: 'ž', и: 'i', й: 'j', х: 'x', ц: 'c', ч: 'č', ш: 'š', щ: 'šč', ъ: 'ʺ', ь: 'ʹ', э: 'è', ю: 'ju', я: 'ja',
};

/** After these (and at the start of a word) BGN/PCGN writes е ё as ye yë. */
const BGN_YE_AFTER = /[аеёиоуыэюяйъь]/iu;

/**
 * Romanizes Cyrillic text by a named scheme.
 *
 * `kmu-2010` is {@link transliterate}. The other three follow their
 * published tables letter by letter; BGN/PCGN writes `е ё` as `ye yë` at the
 * start of a word and after a vowel, `й`, `ъ` or `ь`, and the signs `ъ ь` as
 * `” ’` (its optional middle dot between letters that could be misread is
 * not written). Case follows the source as in {@link transliterate};
 * characters that are not Cyrillic letters pass through, and so do Cyrillic
 * letters a scheme has no mapping for (Ukrainian `і` in BGN/PCGN's Russian
 * table).
 *
 * @param text - text in any script
 * @param scheme - the scheme
 * @returns the romanized text; `''` for `''`
 * @throws {@link ContestedError} `invalid-input` when `text` is not a string
 *   or `scheme` is not a {@link RomanizationScheme}
 * @category Call signs
 *
 * @example
 * ```ts
 * romanize('Пригожин', 'bgn-pcgn');
 * //=> 'Prigozhin'
 * romanize('Ельцин', 'bgn-pcgn');
 * //=> 'Yel’tsin'
 * romanize('Щёкино', 'iso-9');
 * //=> 'Ŝëkino'
 * romanize('Хрущёв', 'scholarly');
 * //=> 'Xruščëv'
 * ```
 */
export function romanize(text: string, scheme: RomanizationScheme): string {
  stringArg(text, ['text']);
  if (scheme === 'kmu-2010') return transliterate(text);
  const table = scheme === 'bgn-pcgn' ? BGN_PCGN : scheme === 'iso-9' ? ISO_9 : scheme === 'scholarly' ? SCHOLARLY : undefined;
  if (table === undefined) {
    throw new ContestedError('invalid-input', [
      { code: 'invalid-value', path: ['scheme'], message: `scheme is one of kmu-2010, bgn-pcgn, iso-9, scholarly; got ${quote(scheme)}` },
    ]);
  }
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    const lower = char.toLowerCase();
    let latin = table[lower];
    if (scheme === 'bgn-pcgn' && (lower === 'е' || lower === 'ё')) {
      const previous = chars[i - 1];
      const iotated = previous === undefined || !LETTER.test(previous) || BGN_YE_AFTER.test(previous);
      latin = (iotated ? 'y' : '') + (lower === 'е' ? 'e' : 'ë');
    }
    if (latin === undefined) {
      out += char;
      continue;
    }
    out += lower === char ? latin : capitalize(latin, inCapitals(chars, i));
  }
  return out;
}

/**
 * The language a name's Cyrillic letters point to (see {@link NameLanguage}).
 *
 * @param text - a name or call sign
 * @returns `uk`, `ru`, `either`, `mixed` or `none`
 * @throws {@link ContestedError} `invalid-input` when `text` is not a string
 * @category Call signs
 *
 * @example
 * ```ts
 * nameLanguage('Скеля');
 * //=> 'either'
 * nameLanguage('Київ');
 * //=> 'uk'
 * nameLanguage('Крым');
 * //=> 'ru'
 * nameLanguage('Rabbit');
 * //=> 'none'
 * ```
 */
export function nameLanguage(text: string): NameLanguage {
  stringArg(text, ['text']);
  if (!CYRILLIC.test(text)) return 'none';
  const uk = UKRAINIAN_ONLY.test(text);
  const ru = RUSSIAN_ONLY.test(text);
  return uk && ru ? 'mixed' : uk ? 'uk' : ru ? 'ru' : 'either';
}

/**
 * The schemes a name is romanized by for matching: KMU 2010 for Ukrainian,
 * BGN/PCGN, ISO 9 and scholarly for Russian, all four when its letters do not
 * tell (`either`, `mixed`); none for a name with no Cyrillic letters.
 *
 * @param text - a name or call sign
 * @returns the schemes, KMU 2010 first when it applies
 * @throws {@link ContestedError} `invalid-input` when `text` is not a string
 * @category Call signs
 *
 * @example
 * ```ts
 * schemesFor('Пригожин');
 * //=> ['kmu-2010', 'bgn-pcgn', 'iso-9', 'scholarly']
 * schemesFor('Семён');
 * //=> ['bgn-pcgn', 'iso-9', 'scholarly']
 * schemesFor('Київ');
 * //=> ['kmu-2010']
 * ```
 */
export function schemesFor(text: string): RomanizationScheme[] {
  const language = nameLanguage(text);
  if (language === 'none') return [];
  if (language === 'uk') return ['kmu-2010'];
  if (language === 'ru') return ['bgn-pcgn', 'iso-9', 'scholarly'];
  return ['kmu-2010', 'bgn-pcgn', 'iso-9', 'scholarly'];
}

function capitalize(latin: string, allCapitals: boolean): string {
  if (allCapitals) return latin.toUpperCase();
  // A scheme's sign (” ’ ʺ ʹ) has no capital; the letter after it is the word's own.
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}

function inCapitals(chars: readonly string[], i: number): boolean {
  const next = chars[i + 1];
  const previous = chars[i - 1];
  const neighbour = next !== undefined && LETTER.test(next) ? next : previous;
  return neighbour !== undefined && LETTER.test(neighbour) && neighbour !== neighbour.toLowerCase();
}
