import { describe, expect, it } from 'vitest';
import * as guide from './errors.js';

describe('the "Errors and validation" guide', () => {
  it('throws one error listing every problem, schema and references together', () => {
    expect(guide.thrownCode).toBe('invalid-input');
    expect(guide.thrownIssues).toEqual([
      { code: 'invalid-time', path: ['claims', 0, 'statedAt'], message: '2025-02-30 is not a date (that month has fewer days)' },
      { code: 'unknown-reference', path: ['claims', 0, 'claimant'], message: 'claimant "kremlin" is not the id of any actor in actors' },
      { code: 'unknown-reference', path: ['claims', 0, 'area'], message: 'area "pokrovsk" is not the id of any place in places' },
    ]);
    expect(guide.thrownMessage).toMatchInlineSnapshot(`
      "invalid dataset: 3 problems
      ✖ 2025-02-30 is not a date (that month has fewer days)
        → at claims[0].statedAt
      ✖ claimant "kremlin" is not the id of any actor in actors
        → at claims[0].claimant
      ✖ area "pokrovsk" is not the id of any place in places
        → at claims[0].area"
    `);
  });

  it('returns the same error from the safe twins', () => {
    expect(guide.safeCode).toBe('invalid-dataset');
    expect(guide.safeIssues.map((i) => i.code)).toEqual(['unknown-reference', 'unknown-reference']);
    expect(guide.sidePaths).toEqual(['name']);
  });

  it('formats issues and paths', () => {
    expect(guide.printed).toMatchInlineSnapshot(`
      "the claims do not resolve
      ✖ claimant "kremlin" is not the id of any actor in actors
        → at claims[0].claimant
      ✖ area "pokrovsk" is not the id of any place in places
        → at claims[0].area"
    `);
    expect(guide.path).toBe('claims[3].area.split.line');
  });

  it('rejects unknown fields and keeps properties', () => {
    expect(guide.typoIssue).toEqual({ code: 'unknown-field', path: ['flagg'], message: 'unknown field "flagg": put fields of your own under "properties"' });
    expect(guide.roundTrip).toBe('{"sides":[{"id":"UA","name":"Ukraine","properties":{"flag":"blue-yellow","wikidata":"Q212"}}]}');
  });

  it('refuses __proto__ keys and too-deep input', () => {
    expect(guide.protoIssue).toEqual({ code: 'forbidden-key', path: ['sides', 0, 'properties', '__proto__'], message: 'the key "__proto__" cannot be stored: rename it' });
    expect(guide.limitCode).toBe('limit-exceeded');
  });

  it('gives function errors the same shape', () => {
    expect(guide.mixedScript).toBe(
      'mixed-script / mixed-script: "R\u0430bbit" mixes Latin and Cyrillic: "\u0430" (U+0430 CYRILLIC SMALL LETTER A) at position 2 looks like Latin "a"; did you mean "Rabbit"?',
    );
    expect(guide.notFound).toBe('not-found / unknown-reference: "pokrovsk" is not the id of any place');
  });
});
