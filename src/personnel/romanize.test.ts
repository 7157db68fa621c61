import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isContestedError } from '../errors/index.js';
import { callSignKey, callSignKeys } from './callSign.js';
import { findByCallSign } from './findByCallSign.js';
import { findByName } from './findByName.js';
import { nameLanguage, romanize, schemesFor, type RomanizationScheme } from './romanize.js';

// The letter tables as the standards print them, lower case, in the order of the Russian alphabet.
const RUSSIAN = Array.from('абвгдеёжзийклмнопрстуфхцчшщъыьэюя');
// BGN/PCGN 1947 (Russian), with е ё in their plain (non-initial) form.
const BGN_PCGN = ['a', 'b', 'v', 'g', 'd', 'e', 'ë', 'zh', 'z', 'i', 'y', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'f', 'kh', 'ts', 'ch', 'sh', 'shch', '”', 'y', '’', 'e', 'yu', 'ya'];
// ISO 9:1995, system A.
const ISO_9 = ['a', 'b', 'v', 'g', 'd', 'e', 'ë', 'ž', 'z', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'f', 'h', 'c', 'č', 'š', 'ŝ', 'ʺ', 'y', 'ʹ', 'è', 'û', 'â'];
// The scholarly (scientific) transliteration of Russian.
const SCHOLARLY = ['a', 'b', 'v', 'g', 'd', 'e', 'ë', 'ž', 'z', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'f', 'x', 'c', 'č', 'š', 'šč', 'ʺ', 'y', 'ʹ', 'è', 'ju', 'ja'];

// Names and places as each system's users print them: BGN/PCGN as in the GEOnet Names Server and
// British and American maps; ISO 9 and scholarly as in library catalogues and Slavic studies.
const EXAMPLES: readonly (readonly [string, string, string, string])[] = [
  // Cyrillic, BGN/PCGN, ISO 9, scholarly
  ['Пригожин', 'Prigozhin', 'Prigožin', 'Prigožin'],
  ['Смирнов', 'Smirnov', 'Smirnov', 'Smirnov'],
  ['Ельцин', 'Yel’tsin', 'Elʹcin', 'Elʹcin'],
  ['Хрущёв', 'Khrushchëv', 'Hruŝëv', 'Xruščëv'],
  ['Чайковский', 'Chaykovskiy', 'Čajkovskij', 'Čajkovskij'],
  ['Ясная Поляна', 'Yasnaya Polyana', 'Âsnaâ Polâna', 'Jasnaja Poljana'],
  ['Ульяновск', 'Ul’yanovsk', 'Ulʹânovsk', 'Ulʹjanovsk'],
  ['Йошкар-Ола', 'Yoshkar-Ola', 'Joškar-Ola', 'Joškar-Ola'],
  ['Сыктывкар', 'Syktyvkar', 'Syktyvkar', 'Syktyvkar'],
  ['Элиста', 'Elista', 'Èlista', 'Èlista'],
  ['Ейск', 'Yeysk', 'Ejsk', 'Ejsk'],
  ['Объект', 'Ob”yekt', 'Obʺekt', 'Obʺekt'],
  ['Воронеж', 'Voronezh', 'Voronež', 'Voronež'],
  ['Щёкино', 'Shchëkino', 'Ŝëkino', 'Ščëkino'],
  ['Белгород', 'Belgorod', 'Belgorod', 'Belgorod'],
];

describe('romanize', () => {
  it.each([
    ['bgn-pcgn', BGN_PCGN],
    ['iso-9', ISO_9],
    ['scholarly', SCHOLARLY],
  ] as const)('follows the %s letter table', (scheme, table) => {
    // Inside a word (after a consonant), so that BGN/PCGN's initial ye/yë does not apply.
    expect(RUSSIAN.map((letter) => romanize(`б${letter}`, scheme).slice(1))).toEqual(table);
  });

  it.each(EXAMPLES)('%s is %s (BGN/PCGN), %s (ISO 9), %s (scholarly)', (cyrillic, bgn, iso, scholarly) => {
    expect(romanize(cyrillic, 'bgn-pcgn')).toBe(bgn);
    expect(romanize(cyrillic, 'iso-9')).toBe(iso);
    expect(romanize(cyrillic, 'scholarly')).toBe(scholarly);
  });

  it('writes BGN/PCGN ye yë at the start of a word and after a vowel, й, ъ or ь', () => {
    expect(romanize('Ежов Моисеев Семён Пётр Ёлкин Подъём Вьюн', 'bgn-pcgn')).toBe('Yezhov Moiseyev Semën Pëtr Yëlkin Pod”yëm V’yun');
  });

  it('writes the Ukrainian letters in ISO 9, and KMU 2010 is transliterate', () => {
    expect(romanize('Київ Ґорґани Єва Іван', 'iso-9')).toBe('Kiïv G̀org̀ani Êva Ìvan');
    expect(romanize('Скеля', 'kmu-2010')).toBe('Skelia');
  });

  it('keeps capitals as the source writes them', () => {
    expect(romanize('ЩЁКИНО', 'bgn-pcgn')).toBe('SHCHËKINO');
    expect(romanize('Щёкино', 'scholarly')).toBe('Ščëkino');
    expect(romanize('Юрьев', 'iso-9')).toBe('Ûrʹev');
  });

  it('refuses a scheme it does not know', () => {
    try {
      romanize('Пригожин', 'gost' as RomanizationScheme);
      expect.unreachable();
    } catch (error) {
      expect(isContestedError(error) && error.issues[0]?.message).toMatchInlineSnapshot(`"scheme is one of kmu-2010, bgn-pcgn, iso-9, scholarly; got "gost""`);
    }
  });
});

describe('choosing the scheme by the letters', () => {
  it('reads ы э ъ ё as Russian, і ї є ґ as Ukrainian, neither as either, both as mixed', () => {
    expect(['Крым', 'Эдуард', 'Подъезд', 'Семён', 'Київ', 'Ґалаґан', 'Євген', 'Пригожин', 'Скеля', 'Крым Київ', 'Ghost'].map(nameLanguage)).toEqual([
      'ru', 'ru', 'ru', 'ru', 'uk', 'uk', 'uk', 'either', 'either', 'mixed', 'none',
    ]);
    expect(schemesFor('Крым')).toEqual(['bgn-pcgn', 'iso-9', 'scholarly']);
    expect(schemesFor('Київ')).toEqual(['kmu-2010']);
    expect(schemesFor('Крым Київ')).toEqual(['kmu-2010', 'bgn-pcgn', 'iso-9', 'scholarly']);
    expect(schemesFor('Ghost')).toEqual([]);
  });

  it('keys a Ukrainian name by KMU 2010 alone, a Russian one by the Russian schemes, an undecided one both ways', () => {
    expect(callSignKeys('Київ')).toEqual(['kyiv']);
    expect(callSignKeys('Семён')).toEqual(['semen', 'semyon']);
    expect(callSignKeys('Пётр Хрущёв')).toEqual(['petr khrushchev', 'petr hrusev', 'petr xruscev', 'pyotr khrushchyov']);
    expect(callSignKeys('Смирнов')).toEqual(['smyrnov', 'smirnov']);
  });

  it('keeps the KMU 2010 key of any name its letters do not mark as Russian (property)', () => {
    const letter = fc.constantFrom(...Array.from('абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЮЯ'));
    const word = fc.array(letter, { minLength: 1, maxLength: 12 }).map((l) => l.join('')).filter((w) => /[^ьЬ]/u.test(w));
    fc.assert(
      fc.property(word, (name) => {
        expect(callSignKeys(name)).toContain(callSignKey(name));
        for (const key of callSignKeys(name)) expect(key).toMatch(/^[a-z]+$/);
      }),
    );
  });

  it('keeps the mixed-script guard', () => {
    expect(() => callSignKeys('Prig\u043ezhin')).toThrow(/mixes Latin and Cyrillic/);
  });
});

describe('finding Russian names by their English spelling', () => {
  const persons = [
    { id: 'prigozhin', givenName: 'Евгений', familyName: 'Пригожин', side: 'RU' },
    { id: 'smirnov', familyName: 'Смирнов', side: 'RU' },
    { id: 'wagner-commander', callSign: 'Вагнер', aliases: ['Wagner'], side: 'RU' },
    { id: 'ghost-ru', callSign: 'Призрак', side: 'RU' },
    { id: 'semyon', givenName: 'Семён', side: 'RU' },
  ];

  it('finds Prigozhin without an alias, and says which reading matched', () => {
    expect(findByName({ persons }, 'Prigozhin').map((m) => [m.person.id, m.field, m.schemes, m.language])).toEqual([['prigozhin', 'familyName', ['bgn-pcgn'], 'either']]);
    expect(findByName({ persons }, 'Pryhozhyn').map((m) => m.schemes)).toEqual([['kmu-2010']]);
    expect(findByName({ persons }, 'Prigožin').map((m) => m.schemes)).toEqual([['iso-9', 'scholarly']]);
    expect(findByName({ persons }, 'Yevgeniy Prigozhin').map((m) => m.field)).toEqual(['fullName']);
    expect(findByName({ persons }, 'Пригожин').map((m) => m.person.id)).toEqual(['prigozhin']);
  });

  it('finds Smirnov and Semyon; Wagner only through the alias the data gives, Vagner through BGN/PCGN', () => {
    expect(findByName({ persons }, 'Smirnov').map((m) => m.person.id)).toEqual(['smirnov']);
    expect(findByName({ persons }, 'Semyon').map((m) => [m.person.id, m.schemes, m.language])).toEqual([['semyon', ['bgn-pcgn'], 'ru']]);
    expect(findByName({ persons }, 'Wagner').map((m) => [m.person.id, m.field])).toEqual([['wagner-commander', 'alias']]);
    expect(findByName({ persons }, 'Vagner').map((m) => [m.person.id, m.field, m.schemes])).toEqual([['wagner-commander', 'callSign', ['bgn-pcgn', 'iso-9', 'scholarly']]]);
    expect(findByName({ persons: persons.map((p) => ({ ...p, aliases: [] })) }, 'Wagner')).toEqual([]);
  });

  it('makes findByCallSign find Russian call signs by BGN/PCGN too', () => {
    expect(findByCallSign({ persons }, 'Prizrak').map((p) => p.id)).toEqual(['ghost-ru']);
    expect(findByCallSign({ persons }, 'Pryzrak').map((p) => p.id)).toEqual(['ghost-ru']);
  });
});
