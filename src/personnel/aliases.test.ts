import { describe, expect, it } from 'vitest';
import { safeParseDataset } from '../dataset/parse.js';
import { Actor } from '../actors/schema.js';
import { Unit } from '../units/schema.js';
import { Person } from './schema.js';

const side = { id: 'UA', name: 'Ukraine' };

/** The error message of a dataset that does not parse. */
function refusal(input: unknown): string {
  const result = safeParseDataset(input);
  if (result.success) throw new Error('expected the dataset to be refused');
  return result.error.message;
}

describe('aliases and look-alike letters', () => {
  it('refuses a person alias that hides a Cyrillic letter in a Latin word, as a call sign', () => {
    const persons = [{ id: 'spoof', callSign: 'Fox', side: 'UA', aliases: ['Fox', 'R\u0430bbit'] }];
    expect(refusal({ sides: [side], persons })).toMatchInlineSnapshot(`
      "invalid dataset: 1 problem
      ✖ "Rаbbit" mixes Latin and Cyrillic: "а" (U+0430 CYRILLIC SMALL LETTER A) at position 2 looks like Latin "a"; did you mean "Rabbit"?
        → at persons[0].aliases[1]"
    `);
  });

  it('refuses a blank person alias, as a call sign', () => {
    expect(refusal({ sides: [side], persons: [{ id: 'fox', callSign: 'Fox', side: 'UA', aliases: [' '] }] })).toMatchInlineSnapshot(`
      "invalid dataset: 1 problem
      ✖ a call sign must contain something besides white space (got " ")
        → at persons[0].aliases[0]"
    `);
  });

  it('accepts person aliases in one script each, or in several words of different scripts', () => {
    expect(Person.safeParse({ id: 'rabbit', callSign: 'Rabbit', side: 'UA', aliases: ['Кролик', 'Кролик Rabbit', 'Ghost-2'] }).success).toBe(true);
  });

  it('refuses a unit alias that mixes scripts inside one word', () => {
    const units = [{ id: 'skala', name: 'Skala Assault Regiment', side: 'UA', echelon: 'regiment', role: 'assault', aliases: ['Скеля', 'Sk\u0430la'] }];
    expect(refusal({ sides: [side], units })).toMatchInlineSnapshot(`
      "invalid dataset: 1 problem
      ✖ "Skаla" mixes Latin and Cyrillic: "а" (U+0430 CYRILLIC SMALL LETTER A) at position 3 looks like Latin "a"; did you mean "Skala"?
        → at units[0].aliases[1]"
    `);
  });

  it('accepts a unit alias of two words in two scripts, and a suffix after a hyphen', () => {
    const unit = { id: 'skala', name: 'Skala Assault Regiment', side: 'UA', echelon: 'regiment', role: 'assault', aliases: ['Скеля (Skala)', 'HIMARS-ів', 'Zлой'] };
    expect(Unit.safeParse(unit).success).toBe(true);
  });

  it('refuses an actor alias that mixes scripts inside one word, and accepts one per script', () => {
    const actors = [{ id: 'mod', name: 'Ministry of Defence', kind: 'ministry', side: 'UA', aliases: ['Міноборони', 'M\u0456nistry'] }];
    expect(refusal({ sides: [side], actors })).toMatchInlineSnapshot(`
      "invalid dataset: 1 problem
      ✖ "Mіnistry" mixes Latin and Cyrillic: "і" (U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I) at position 2 looks like Latin "i"; did you mean "Ministry"?
        → at actors[0].aliases[1]"
    `);
    expect(Actor.safeParse({ ...actors[0], aliases: ['Міноборони', 'MoD (Міноборони)'] }).success).toBe(true);
  });
});
