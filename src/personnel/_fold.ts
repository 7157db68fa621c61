/**
 * Folding a romanized name into a matching key: diacritics, case, doubled
 * white space and the schemes' signs for `ъ ь` (” ’ ʺ ʹ) are dropped, so
 * that `Yel’tsin`, `Elʹcin` and `yeltsin` compare as readers compare them.
 */
import { romanize, type RomanizationScheme } from './romanize.js';

/** The key of Latin (or any) text. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** The key of a normalized name read by one scheme. */
export function schemeKey(display: string, scheme: RomanizationScheme): string {
  return fold(romanize(display, scheme).replace(/[”’ʺʹ]/gu, ''));
}

/**
 * The keys of a normalized name read by one scheme: one, and for BGN/PCGN a
 * second with `ё` written the English way, `yo` (Semyon, Pyotr), when the
 * name has one.
 */
export function schemeKeys(display: string, scheme: RomanizationScheme): string[] {
  const key = schemeKey(display, scheme);
  if (scheme !== 'bgn-pcgn' || !/ё/iu.test(display)) return [key];
  return [key, schemeKey(display.replace(/ё/gu, 'йо').replace(/Ё/gu, 'Йо'), scheme)];
}
