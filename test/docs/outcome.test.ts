/**
 * The docs-examples harness itself: how a `//=>` comment is read, and that a
 * false one fails (a harness that passes everything would prove nothing).
 */
import { describe, expect, it } from 'vitest';
import { parseOutcome, toModule, type DocExample } from './extract.js';
import { docExample, mismatch } from './outcome.js';

describe('parseOutcome', () => {
  it('reads a number with "…" as its leading digits, and ignores the prose after it', () => {
    expect(parseOutcome('82.418… (km²)')).toEqual({ kind: 'number', digits: '82.418', prefix: true });
    expect(parseOutcome('3_197.2…')).toEqual({ kind: 'number', digits: '3197.2', prefix: true });
  });

  it('reads arrays and objects with "…" for "and more"', () => {
    const outcome = parseOutcome("{ valid: false, problems: [{ code: 'x', … }, …, 'last'] }")!;
    expect(mismatch({ valid: false, problems: [{ code: 'x', at: 1 }, 2, 3, 'last'] }, outcome)).toBeUndefined();
    expect(mismatch({ valid: false, problems: [{ code: 'y' }, 'last'] }, outcome)).toMatch(/expected "x", got "y"/);
  });

  it('treats a closed object as exact', () => {
    expect(mismatch({ a: 1, b: 2 }, parseOutcome('{ a: 1 }')!)).toMatch(/unexpected keys b/);
  });

  it('reads prose as prose', () => {
    expect(parseOutcome('the km² north of the railway')).toBeUndefined();
    expect(parseOutcome('km² Russia took')).toBeUndefined();
  });

  it('checks "starts with these digits" by truncation', () => {
    const outcome = parseOutcome('6_339.4…')!;
    expect(mismatch(6339.38, outcome)).toMatch(/expected 6339.4…/);
    expect(mismatch(6339.49, outcome)).toBeUndefined();
    expect(mismatch(37.05, parseOutcome('37.0500…')!)).toBeUndefined();
  });
});

describe('toModule', () => {
  const example = (code: string): DocExample => ({ file: 'src/x.ts', name: 'x', index: 1, code, lines: code.split('\n').map((_, i) => 10 + i) });
  const names = { values: new Set(['areaKm2']), types: new Set<string>(), fixtures: new Set(['pokrovsk']) };

  it('imports what the example uses and wraps each //=> statement in a check', () => {
    const { code, checks } = toModule(example("const city = pokrovsk;\nareaKm2(city);\n//=> 38.01…\n'a // b'.length; //=> 6"), names);
    expect(checks).toBe(2);
    expect(code).toContain("import { areaKm2 } from '../../../src/index.js';");
    expect(code).toContain("import { pokrovsk } from '../fixtures.js';");
    expect(code).toContain('__doc.check(1, (areaKm2(city)), {"kind":"number","digits":"38.01","prefix":true}, "src/x.ts:12")');
    expect(code).toContain("__doc.check(2, ('a // b'.length)");
  });

  it('rejects a //=> it cannot attach to a value', () => {
    expect(() => toModule(example('for (const x of [1]) {}\n//=> 1'), names)).toThrow(/src\/x.ts:11: \/\/=> must follow an expression statement/);
  });

  it('fails when a //=> is never reached', () => {
    const doc = docExample('x');
    expect(() => doc.done(1)).toThrow(/never reached/);
  });
});
