import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContestedError } from '../errors/index.js';
import { callSignKey, normalizeCallSign } from './callSign.js';
import { CallSign } from './schema.js';
import { thrown } from '../../test/_thrown.js';

describe('normalizeCallSign', () => {
  it('returns the display form: NFKC, trimmed, white space collapsed, case kept', () => {
    expect(normalizeCallSign('  Ghost \t\n 2 ')).toBe('Ghost 2');
    expect(normalizeCallSign('Ｒａｂｂｉｔ')).toBe('Rabbit'); // fullwidth → ASCII by NFKC
    expect(normalizeCallSign('Godfather')).toBe('Godfather');
    expect(normalizeCallSign('rabbit')).toBe('rabbit');
    expect(normalizeCallSign('Zoe\u0308')).toBe('Zoë'); // composed
    expect(normalizeCallSign('Rab\u200Bbit\u00AD')).toBe('Rabbit'); // invisible format characters
    expect(normalizeCallSign('Ghost\u00A0\u2003 2')).toBe('Ghost 2'); // no-break and em spaces
  });

  it('accepts call signs in one script, several words in different scripts, and digits', () => {
    for (const ok of ['Кролик', 'Хрещений Батько', 'Кролик Rabbit', 'Ghost-2', 'Скеля 7', 'T-72', 'Zлой', 'Α-1']) {
      expect(normalizeCallSign(ok)).toBe(ok);
    }
  });

  it('rejects a Latin word written with a Cyrillic look-alike', () => {
    const error = thrown(() => normalizeCallSign('R\u0430bbit'));
    expect(error.code).toBe('mixed-script');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.code).toBe('mixed-script');
    expect(error.issues[0]?.message).toMatchInlineSnapshot(
      `""Rаbbit" mixes Latin and Cyrillic: "а" (U+0430 CYRILLIC SMALL LETTER A) at position 2 looks like Latin "a"; did you mean "Rabbit"?"`,
    );
    expect(error.message).toMatchInlineSnapshot(`
      "mixed-script: 1 problem found
      ✖ "Rаbbit" mixes Latin and Cyrillic: "а" (U+0430 CYRILLIC SMALL LETTER A) at position 2 looks like Latin "a"; did you mean "Rabbit"?
        → at (root)"
    `);
  });

  it('rejects a Cyrillic word written with Latin look-alikes, one issue per letter', () => {
    const error = thrown(() => normalizeCallSign('  Kр\u006Fлик '));
    expect(error.code).toBe('mixed-script');
    expect(error.issues.map((issue) => issue.message)).toMatchInlineSnapshot(`
      [
        ""Kрoлик" mixes Cyrillic and Latin: "K" (U+004B LATIN CAPITAL LETTER K) at position 1 looks like Cyrillic "К"; did you mean "Кролик"?",
        ""Kрoлик" mixes Cyrillic and Latin: "o" (U+006F LATIN SMALL LETTER O) at position 3 looks like Cyrillic "о"; did you mean "Кролик"?",
      ]
    `);
  });

  it('rejects Greek look-alikes in a Latin word', () => {
    expect(thrown(() => normalizeCallSign('G\u03BFdfather')).issues[0]?.message).toMatchInlineSnapshot(
      `""Gοdfather" mixes Latin and Greek: "ο" (U+03BF GREEK SMALL LETTER OMICRON) at position 2 looks like Latin "o"; did you mean "Godfather"?"`,
    );
  });

  it('checks each word on its own', () => {
    expect(thrown(() => normalizeCallSign('Ghost R\u0430bbit')).issues[0]?.message).toContain('at position 8');
  });

  it('rejects an empty call sign', () => {
    for (const empty of ['', '   ', '\t\n', '\u200B']) {
      const error = thrown(() => normalizeCallSign(empty));
      expect(error.code).toBe('invalid-input');
      expect(error.issues[0]?.code).toBe('empty-call-sign');
    }
    expect(thrown(() => normalizeCallSign('  ')).message).toMatchInlineSnapshot(`
      "invalid-input: 1 problem found
      ✖ a call sign must contain something besides white space (got "  ")
        → at (root)"
    `);
  });

  it('is idempotent (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 20 });
    fc.assert(
      fc.property(text, (raw) => {
        let once: string;
        try {
          once = normalizeCallSign(raw);
        } catch (error) {
          expect(error).toBeInstanceOf(ContestedError);
          return;
        }
        expect(normalizeCallSign(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('feeds the CallSign schema, which reports the same message', () => {
    const result = CallSign.safeParse('R\u0430bbit');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('"а" (U+0430 CYRILLIC SMALL LETTER A) at position 2');
  });
});

describe('callSignKey', () => {
  it('matches across case, diacritics and Cyrillic/Latin spelling', () => {
    expect(callSignKey('RABBIT')).toBe(callSignKey('rabbit'));
    expect(callSignKey('Кролик')).toBe(callSignKey('Krolyk'));
    expect(callSignKey('Кролик')).toBe('krolyk');
    expect(callSignKey('Zoë')).toBe('zoe');
    expect(callSignKey('Скеля')).toBe(callSignKey('SKELIA'));
    expect(callSignKey(' Хрещений   Батько ')).toBe('khreshchenyi batko');
  });

  it('keeps different call signs apart', () => {
    expect(callSignKey('Ghost')).not.toBe(callSignKey('Ghost 2'));
    expect(callSignKey('Rabbit')).not.toBe(callSignKey('Krolyk'));
  });

  it('throws as normalizeCallSign does', () => {
    expect(thrown(() => callSignKey('R\u0430bbit')).code).toBe('mixed-script');
    expect(thrown(() => callSignKey(' ')).code).toBe('invalid-input');
  });
});
