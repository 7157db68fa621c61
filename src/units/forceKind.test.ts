/**
 * Kinds of force, and every code unitSidc can give — every role × echelon ×
 * kind × viewpoint — checked by an independent renderer, milsymbol, whose
 * `isValid` says whether a 2525D code names a symbol it knows.
 */
import ms from 'milsymbol';
import { describe, expect, it } from 'vitest';
import { ContestedError } from '../errors/index.js';
import { Echelon, ForceKind, Unit, UnitRole } from './schema.js';
import { unitSidc } from './sidc.js';

describe('ForceKind', () => {
  it('is a documented set; a unit may name one, and regular is the default', () => {
    expect(ForceKind.options).toEqual(['regular', 'national-guard', 'territorial-defense', 'volunteer', 'private-military-company', 'irregular']);
    const wagner = Unit.parse({ id: 'wagner', name: 'Wagner Group', side: 'RU', echelon: 'corps', role: 'assault', force: 'private-military-company', aliases: ['Вагнер', 'Wagner'] });
    expect(wagner.force).toBe('private-military-company');
    expect(Unit.safeParse({ id: 'w', name: 'W', side: 'RU', echelon: 'corps', role: 'assault', force: 'pmc' }).error?.issues.map((i) => [i.path, i.message])).toMatchInlineSnapshot(`
      [
        [
          [
            "force",
          ],
          "force is one of regular, national-guard, territorial-defense, volunteer, private-military-company, irregular",
        ],
      ]
    `);
  });

  it('draws irregular forces with the guerrilla modifier, and leaves the rest to the role', () => {
    const unit = (force: ForceKind, role: UnitRole = 'infantry') => unitSidc({ side: 'RU', echelon: 'battalion', role, force }, { viewpoint: 'UA' });
    expect(unit('irregular')).toBe('10061000161211000058');
    expect(unit('private-military-company')).toBe(unitSidc({ side: 'RU', echelon: 'battalion', role: 'infantry' }, { viewpoint: 'UA' }));
    expect(unit('irregular', 'airborne')).toBe('10061000161211000001');
    expect(() => unitSidc({ side: 'RU', echelon: 'battalion', role: 'infantry', force: 'toString' as ForceKind }, { viewpoint: 'UA' })).toThrow(ContestedError);
  });

  it('gives only codes milsymbol knows, for every role, echelon, kind and viewpoint', () => {
    const invalid: string[] = [];
    let checked = 0;
    for (const role of UnitRole.options) {
      for (const echelon of Echelon.options) {
        for (const force of ForceKind.options) {
          for (const viewpoint of ['UA', 'RU']) {
            const code = unitSidc({ side: 'UA', echelon, role, force }, { viewpoint });
            checked++;
            if (new ms.Symbol(code).isValid() !== true) invalid.push(`${role} ${echelon} ${force} ${viewpoint}: ${code}`);
          }
        }
      }
    }
    expect(checked).toBe(UnitRole.options.length * Echelon.options.length * ForceKind.options.length * 2);
    expect(invalid).toEqual([]);
    // And milsymbol does refuse a code it does not know: the check can fail.
    expect(new ms.Symbol('10031000171299990000').isValid()).toBe(false);
  });
});
