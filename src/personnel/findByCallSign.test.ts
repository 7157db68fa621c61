import { describe, expect, it } from 'vitest';
import { ContestedError } from '../errors/index.js';
import type { Unit } from '../units/schema.js';
import { findByCallSign } from './findByCallSign.js';
import type { Person } from './schema.js';

const units: Unit[] = [
  { id: 'skala', name: 'Skala Assault Regiment', side: 'UA', echelon: 'regiment', role: 'assault', aliases: ['Скеля'] },
  { id: 'skala-1', name: '1st Assault Battalion', side: 'UA', echelon: 'battalion', role: 'assault', parent: 'skala' },
  { id: 'skala-1-1', name: '1st Company', side: 'UA', echelon: 'company', role: 'assault', parent: 'skala-1' },
  { id: 'other-bde', name: 'Another Brigade', side: 'UA', echelon: 'brigade', role: 'mechanized-infantry' },
  { id: 'ru-teams', name: 'Infiltration teams', side: 'RU', echelon: 'team', role: 'assault' },
];

const persons: Person[] = [
  { id: 'yuri', givenName: 'Yuri', side: 'UA', unit: 'skala', role: 'regiment commander', aliases: ['Юрій'] },
  { id: 'rabbit', callSign: 'Rabbit', side: 'UA', unit: 'skala-1-1', aliases: ['Кролик'] },
  { id: 'ghost-ua', callSign: 'Ghost', side: 'UA', unit: 'skala-1' },
  { id: 'ghost-ru', callSign: 'Призрак', side: 'RU', unit: 'ru-teams', aliases: ['Ghost'] },
  { id: 'ghost-bde', callSign: 'GHOST', side: 'UA', unit: 'other-bde' },
  { id: 'godfather', callSign: 'Godfather', side: 'UA', aliases: ['Хрещений Батько'] },
  // a spoofed alias (Cyrillic а) must not make this person a "Rabbit"
  { id: 'spoof', callSign: 'Fox', side: 'RU', aliases: ['R\u0430bbit'] },
];
const dataset = { units, persons };
const ids = (found: readonly Person[]) => found.map((person) => person.id);

describe('findByCallSign', () => {
  it('returns every match, so ambiguity is visible', () => {
    expect(ids(findByCallSign(dataset, 'Ghost'))).toEqual(['ghost-ua', 'ghost-ru', 'ghost-bde']);
  });

  it('narrows by side', () => {
    expect(ids(findByCallSign(dataset, 'Ghost', { side: 'RU' }))).toEqual(['ghost-ru']);
    expect(ids(findByCallSign(dataset, 'Ghost', { side: 'UA' }))).toEqual(['ghost-ua', 'ghost-bde']);
  });

  it('narrows by unit, including the units under it', () => {
    expect(ids(findByCallSign(dataset, 'ghost', { unit: 'skala' }))).toEqual(['ghost-ua']);
    expect(ids(findByCallSign(dataset, 'rabbit', { unit: 'skala' }))).toEqual(['rabbit']);
    expect(ids(findByCallSign(dataset, 'rabbit', { unit: 'skala-1-1' }))).toEqual(['rabbit']);
    expect(ids(findByCallSign(dataset, 'rabbit', { unit: 'other-bde' }))).toEqual([]);
    expect(ids(findByCallSign(dataset, 'ghost', { unit: 'skala', side: 'RU' }))).toEqual([]);
  });

  it('matches Cyrillic aliases through their romanization, and case-insensitively', () => {
    expect(ids(findByCallSign(dataset, 'Krolyk'))).toEqual(['rabbit']);
    expect(ids(findByCallSign(dataset, 'кролик'))).toEqual(['rabbit']);
    expect(ids(findByCallSign(dataset, 'RABBIT'))).toEqual(['rabbit']);
    expect(ids(findByCallSign(dataset, 'Pryzrak'))).toEqual(['ghost-ru']);
    expect(ids(findByCallSign(dataset, 'Khreshchenyi Batko'))).toEqual(['godfather']);
    expect(ids(findByCallSign(dataset, 'Yurii'))).toEqual(['yuri']);
  });

  it('returns [] when nobody matches, or the dataset has nobody', () => {
    expect(findByCallSign(dataset, 'Badger')).toEqual([]);
    expect(findByCallSign({}, 'Ghost')).toEqual([]);
  });

  it('throws on a mixed-script query', () => {
    expect(() => findByCallSign(dataset, 'R\u0430bbit')).toThrow(ContestedError);
    try {
      findByCallSign(dataset, 'R\u0430bbit');
    } catch (error) {
      expect((error as ContestedError).code).toBe('mixed-script');
    }
  });

  it('throws not-found for an unknown unit scope', () => {
    try {
      findByCallSign(dataset, 'Ghost', { unit: 'nope' });
      expect.unreachable();
    } catch (error) {
      expect((error as ContestedError).code).toBe('not-found');
      expect((error as ContestedError).issues[0]?.message).toMatchInlineSnapshot(`"no unit has id "nope" (the dataset has 5 units)"`);
    }
  });

  it('does not mutate its input', () => {
    const before = structuredClone(dataset);
    findByCallSign(dataset, 'Ghost', { unit: 'skala' });
    expect(dataset).toEqual(before);
  });
});
