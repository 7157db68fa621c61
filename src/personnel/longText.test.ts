/**
 * Look-alike issues in long text quote an excerpt around each letter, and
 * an error lists at most 100 of them: a megabyte of disguised words used to
 * make a message quoting the whole string per word.
 */
import { describe, expect, it } from 'vitest';
import { isContestedError } from '../errors/index.js';
import { normalizeCallSign } from './callSign.js';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('long text', () => {
  it('142 disguised words: 100 issues quoting their word, then one counting the other 42', () => {
    const text = 'Крoлик '.repeat(142).trim();
    const error = thrown(() => normalizeCallSign(text));
    if (!isContestedError(error)) throw error;
    expect(error.code).toBe('mixed-script');
    expect(error.issues).toHaveLength(101);
    expect(error.issues[0]?.message).toBe('"Крoлик"… mixes Cyrillic and Latin: "o" (U+006F LATIN SMALL LETTER O) at position 3 looks like Cyrillic "о"; did you mean "Кролик"…?');
    expect(error.issues[100]?.message).toBe('… and 42 more mixed-script issues like the above');
    expect(Math.max(...error.issues.map((i) => i.message.length))).toBeLessThan(200);
  });

  it('a short call sign is still quoted whole, with the whole fix', () => {
    const error = thrown(() => normalizeCallSign('Rаbbit 2'));
    if (!isContestedError(error)) throw error;
    expect(error.issues[0]?.message).toContain('"Rаbbit 2"');
    expect(error.issues[0]?.message).toContain('did you mean "Rabbit 2"?');
  });

  it('a megabyte is refused by its length at once', () => {
    const start = performance.now();
    const error = thrown(() => normalizeCallSign('Крoлик '.repeat(150_000)));
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(isContestedError(error) && error.issues[0]?.code).toBe('too-big');
  });
});
