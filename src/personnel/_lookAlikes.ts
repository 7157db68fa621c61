/**
 * Letters of one script that pass for letters of another, and the check that
 * finds them inside a word. A string such as Latin `Rabbit` typed with a
 * Cyrillic `а` looks right to a reader but never matches in a search, so
 * call signs (and aliases, which are searched the same way) refuse it; the
 * issues name each look-alike letter and suggest the spelling meant.
 */
import type { ContestedIssue } from '../errors/index.js';
import { MAX_NAME_LENGTH, Name } from '../_lib/fields.js';

type Script = 'Latin' | 'Cyrillic' | 'Greek' | 'other';

/**
 * Look-alike letters, by script: each entry is a letter, its Unicode name, and
 * the letter of the other script a reader takes it for. The set is the
 * Cyrillic and Greek letters that Unicode's confusables data (UTS #39) maps to
 * a single Latin letter, uppercase and lowercase.
 */
const LOOK_ALIKES: readonly (readonly [letter: string, name: string, script: Script, latin: string])[] = [
  ['а', 'CYRILLIC SMALL LETTER A', 'Cyrillic', 'a'],
  ['А', 'CYRILLIC CAPITAL LETTER A', 'Cyrillic', 'A'],
  ['В', 'CYRILLIC CAPITAL LETTER VE', 'Cyrillic', 'B'],
  ['с', 'CYRILLIC SMALL LETTER ES', 'Cyrillic', 'c'],
  ['С', 'CYRILLIC CAPITAL LETTER ES', 'Cyrillic', 'C'],
  ['ԁ', 'CYRILLIC SMALL LETTER KOMI DE', 'Cyrillic', 'd'],
  ['е', 'CYRILLIC SMALL LETTER IE', 'Cyrillic', 'e'],
  ['Е', 'CYRILLIC CAPITAL LETTER IE', 'Cyrillic', 'E'],
  ['Н', 'CYRILLIC CAPITAL LETTER EN', 'Cyrillic', 'H'],
  ['һ', 'CYRILLIC SMALL LETTER SHHA', 'Cyrillic', 'h'],
  ['і', 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I', 'Cyrillic', 'i'],
  ['І', 'CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I', 'Cyrillic', 'I'],
  ['ј', 'CYRILLIC SMALL LETTER JE', 'Cyrillic', 'j'],
  ['Ј', 'CYRILLIC CAPITAL LETTER JE', 'Cyrillic', 'J'],
  ['К', 'CYRILLIC CAPITAL LETTER KA', 'Cyrillic', 'K'],
  ['ӏ', 'CYRILLIC SMALL LETTER PALOCHKA', 'Cyrillic', 'l'],
  ['М', 'CYRILLIC CAPITAL LETTER EM', 'Cyrillic', 'M'],
  ['о', 'CYRILLIC SMALL LETTER O', 'Cyrillic', 'o'],
  ['О', 'CYRILLIC CAPITAL LETTER O', 'Cyrillic', 'O'],
  ['р', 'CYRILLIC SMALL LETTER ER', 'Cyrillic', 'p'],
  ['Р', 'CYRILLIC CAPITAL LETTER ER', 'Cyrillic', 'P'],
  ['ԛ', 'CYRILLIC SMALL LETTER QA', 'Cyrillic', 'q'],
  ['ѕ', 'CYRILLIC SMALL LETTER DZE', 'Cyrillic', 's'],
  ['Ѕ', 'CYRILLIC CAPITAL LETTER DZE', 'Cyrillic', 'S'],
  ['Т', 'CYRILLIC CAPITAL LETTER TE', 'Cyrillic', 'T'],
  ['ԝ', 'CYRILLIC SMALL LETTER WE', 'Cyrillic', 'w'],
  ['х', 'CYRILLIC SMALL LETTER HA', 'Cyrillic', 'x'],
  ['Х', 'CYRILLIC CAPITAL LETTER HA', 'Cyrillic', 'X'],
  ['у', 'CYRILLIC SMALL LETTER U', 'Cyrillic', 'y'],
  ['У', 'CYRILLIC CAPITAL LETTER U', 'Cyrillic', 'Y'],
  ['Α', 'GREEK CAPITAL LETTER ALPHA', 'Greek', 'A'],
  ['Β', 'GREEK CAPITAL LETTER BETA', 'Greek', 'B'],
  ['Ε', 'GREEK CAPITAL LETTER EPSILON', 'Greek', 'E'],
  ['Ζ', 'GREEK CAPITAL LETTER ZETA', 'Greek', 'Z'],
  ['Η', 'GREEK CAPITAL LETTER ETA', 'Greek', 'H'],
  ['Ι', 'GREEK CAPITAL LETTER IOTA', 'Greek', 'I'],
  ['Κ', 'GREEK CAPITAL LETTER KAPPA', 'Greek', 'K'],
  ['Μ', 'GREEK CAPITAL LETTER MU', 'Greek', 'M'],
  ['Ν', 'GREEK CAPITAL LETTER NU', 'Greek', 'N'],
  ['ν', 'GREEK SMALL LETTER NU', 'Greek', 'v'],
  ['Ο', 'GREEK CAPITAL LETTER OMICRON', 'Greek', 'O'],
  ['ο', 'GREEK SMALL LETTER OMICRON', 'Greek', 'o'],
  ['Ρ', 'GREEK CAPITAL LETTER RHO', 'Greek', 'P'],
  ['Τ', 'GREEK CAPITAL LETTER TAU', 'Greek', 'T'],
  ['Υ', 'GREEK CAPITAL LETTER UPSILON', 'Greek', 'Y'],
  ['Χ', 'GREEK CAPITAL LETTER CHI', 'Greek', 'X'],
];

/** A letter of another script → the Latin letter it passes for. */
const AS_LATIN = new Map(LOOK_ALIKES.map(([letter, name, script, latin]) => [letter, { name, script, latin }]));
/** A Latin letter → the letter it passes for, per script. */
const FROM_LATIN = new Map<string, Map<Script, string>>();
for (const [letter, , script, latin] of LOOK_ALIKES) {
  const byScript = FROM_LATIN.get(latin) ?? new Map<Script, string>();
  if (!byScript.has(script)) byScript.set(script, letter);
  FROM_LATIN.set(latin, byScript);
}


/**
 * The form a name is shown and checked in: Unicode NFKC, invisible format
 * characters (zero-width space, joiners, soft hyphen, direction marks)
 * removed, white space collapsed to one space and trimmed, case kept.
 * Checking the raw string instead would let a zero-width joiner split a
 * disguised word in two and hide it.
 */
export function displayForm(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}+/gu, '')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
}

/**
 * A name no word of which disguises a letter of one script as another (the
 * rule of `normalizeCallSign`, without its call-sign-only check for blank
 * names): the schema of unit and actor aliases. The first look-alike is
 * reported, as `CallSign` reports it.
 */
export const LookAlikeFreeName = Name.check((ctx) => {
  if (ctx.value.length > MAX_NAME_LENGTH) return; // refused by Name's length limit already
  const first = lookAlikeIssues(displayForm(ctx.value))[0];
  if (first !== undefined) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: first.message, params: { contested: first.code } });
  }
});

function scriptOf(letter: string): Script {
  if (/\p{Script=Latin}/u.test(letter)) return 'Latin';
  if (/\p{Script=Cyrillic}/u.test(letter)) return 'Cyrillic';
  if (/\p{Script=Greek}/u.test(letter)) return 'Greek';
  return 'other';
}

interface Letter {
  char: string;
  /** 1-based position in the display form, in code points. */
  position: number;
  script: Script;
}

export function lookAlikeIssues(display: string): ContestedIssue[] {
  const chars = Array.from(display);
  const words: Letter[][] = [];
  let word: Letter[] = [];
  chars.forEach((char, index) => {
    if (/\p{L}/u.test(char)) {
      word.push({ char, position: index + 1, script: scriptOf(char) });
    } else if (!/\p{M}/u.test(char)) {
      if (word.length > 0) words.push(word);
      word = [];
    }
  });
  if (word.length > 0) words.push(word);

  const offenders: { letter: Letter; word: Letter[]; main: Script; passesFor: string; name: string }[] = [];
  for (const letters of words) {
    const main = mainScript(letters);
    for (const letter of letters) {
      if (letter.script === main) continue;
      const found = passesFor(letter, main);
      if (found !== undefined) offenders.push({ letter, word: letters, main, ...found });
    }
  }
  if (offenders.length === 0) return [];

  const suggestion = Array.from(chars);
  for (const { letter, passesFor } of offenders) suggestion[letter.position - 1] = passesFor;
  // A short name is quoted whole, with the whole fix; in a long text each
  // issue quotes only the stretch around its letter, so that a megabyte of
  // disguised words makes issues of a line each, not a megabyte each.
  const short = chars.length <= QUOTE_WHOLE;
  const quoted = (from: readonly string[], letter: Letter, word: readonly Letter[]): string => {
    if (short) return JSON.stringify(from.join(''));
    const start = Math.max((word[0] as Letter).position - 1, letter.position - 1 - EXCERPT);
    const end = Math.min((word[word.length - 1] as Letter).position, letter.position + EXCERPT);
    return `${start > 0 ? '…' : ''}${JSON.stringify(from.slice(start, end).join(''))}${end < from.length ? '…' : ''}`;
  };
  return offenders.map(({ letter, word, main, passesFor, name }) => ({
    code: 'mixed-script',
    path: [],
    message:
      `${quoted(chars, letter, word)} mixes ${main} and ${letter.script}: ${JSON.stringify(letter.char)} ` +
      `(${codePoint(letter.char)} ${name}) at position ${letter.position} looks like ${main} ` +
      `${JSON.stringify(passesFor)}; did you mean ${quoted(suggestion, letter, word)}?`,
  }));
}

/** Names up to this many characters are quoted whole in an issue. */
const QUOTE_WHOLE = 60;
/** Otherwise, this many characters either side of the look-alike, within its word. */
const EXCERPT = 20;

function mainScript(letters: readonly Letter[]): Script {
  const counts = new Map<Script, number>();
  for (const { script } of letters) counts.set(script, (counts.get(script) ?? 0) + 1);
  let main = (letters[0] as Letter).script;
  for (const [script, count] of counts) if (count > (counts.get(main) ?? 0)) main = script;
  return main;
}

/** The letter of `main` that `letter` can be taken for, with `letter`'s Unicode name. */
function passesFor(letter: Letter, main: Script): { passesFor: string; name: string } | undefined {
  if (main === 'Latin') {
    const entry = AS_LATIN.get(letter.char);
    return entry === undefined ? undefined : { passesFor: entry.latin, name: entry.name };
  }
  if (letter.script !== 'Latin') return undefined;
  const target = FROM_LATIN.get(letter.char)?.get(main);
  return target === undefined ? undefined : { passesFor: target, name: latinName(letter.char) };
}

function latinName(char: string): string {
  const kind = char === char.toUpperCase() ? 'CAPITAL' : 'SMALL';
  return `LATIN ${kind} LETTER ${char.toUpperCase()}`;
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
