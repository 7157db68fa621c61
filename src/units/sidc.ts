/**
 * Military map symbols for units: the 20-digit symbol identification code
 * (SIDC) of MIL-STD-2525D / NATO APP-6D, which renderers such as milsymbol
 * draw. A code says who sees the unit (friend or hostile), what kind of thing
 * it is (a land unit), how big it is (echelon) and what it does (role).
 *
 * Where the codes come from: echelon amplifiers from the 2525D amplifier
 * table, entities and modifiers from the 2525D land-unit tables, both as
 * published in the Joint Military Symbology XML (Esri/joint-military-symbology-xml,
 * `samples/coded_base_domain_tables/jmsml_Amplifier.csv` and
 * `samples/imagefile_name_category_tags/Military-Land-Unit-Source-Icons.csv`),
 * cross-checked against milsymbol's land-unit table
 * (`src/numbersidc/sidc/landunit.js`). The tests name the table row of every
 * code.
 *
 * @module
 */
import { ContestedError } from '../errors/index.js';
import type { Echelon, ForceKind, Unit, UnitRole } from './schema.js';
import { objectArg } from '../_lib/args.js';
import { quote } from '../_lib/quote.js';

/** Options for {@link unitSidc}. @category Units */
export interface UnitSidcOptions {
  /**
   * Whose map the symbol is drawn on: a side id (`'UA'`). A unit of that side
   * is a friend (standard identity 3, blue rectangle); a unit of any other
   * side is hostile (6, red diamond).
   */
  readonly viewpoint: string;
}

/** 2525D echelon amplifier codes (SIDC digits 9–10). */
const ECHELON_CODES: Readonly<Record<Echelon, string>> = {
  team: '11',
  squad: '12',
  section: '13',
  platoon: '14',
  company: '15',
  battalion: '16',
  regiment: '17',
  brigade: '18',
  division: '21',
  corps: '22',
  army: '23',
  'army-group': '24',
  region: '25',
  command: '26',
};

interface RoleCode {
  /** Entity, entity type and subtype (digits 11–16). */
  entity: string;
  /** Sector 1 modifier (digits 17–18). */
  modifier1?: string;
  /** Sector 2 modifier (digits 19–20). */
  modifier2?: string;
  /** Whether the symbol carries the headquarters staff (digit 8 = 2). */
  headquarters?: boolean;
}

/** Land-unit entity and modifiers per role (symbol set 10). */
const ROLE_CODES: Readonly<Record<UnitRole, RoleCode>> = {
  infantry: { entity: '121100' },
  'motorized-infantry': { entity: '121104' },
  'mechanized-infantry': { entity: '121102' },
  assault: { entity: '121100', modifier1: '84' },
  airborne: { entity: '121100', modifier2: '01' },
  'air-assault': { entity: '121100', modifier1: '01' },
  'naval-infantry': { entity: '121101' },
  'special-forces': { entity: '121700' },
  'sabotage-reconnaissance': { entity: '121300', modifier1: '63' },
  reconnaissance: { entity: '121300' },
  armor: { entity: '120500' },
  artillery: { entity: '130300' },
  'rocket-artillery': { entity: '130300', modifier1: '41' },
  mortar: { entity: '130800' },
  'air-defense': { entity: '130100' },
  uav: { entity: '121900' },
  'electronic-warfare': { entity: '150500' },
  engineer: { entity: '140700' },
  signal: { entity: '111000' },
  medical: { entity: '161300' },
  logistics: { entity: '163400' },
  'military-police': { entity: '141200' },
  'command-post': { entity: '110000', headquarters: true },
  headquarters: { entity: '110000', headquarters: true },
  'territorial-defense': { entity: '121100' },
  other: { entity: '000000' },
};

/** Sector 2 modifier per kind of force, where 2525D has one (58 Guerrilla). */
const FORCE_MODIFIER_2: Readonly<Record<ForceKind, string | undefined>> = {
  regular: undefined,
  'national-guard': undefined,
  'territorial-defense': undefined,
  volunteer: undefined,
  'private-military-company': undefined,
  irregular: '58',
};

/**
 * Returns the 20-digit MIL-STD-2525D / APP-6D symbol identification code of a
 * land unit, as seen from one side.
 *
 * The digits: `10` (2525D), `0` (reality), standard identity `3` friend when
 * `unit.side === viewpoint` and `6` hostile otherwise, `10` (land unit), `0`
 * (present), headquarters `2` for the `command-post` and `headquarters` roles
 * and `0` otherwise, the two-digit echelon amplifier (`team` 11 … `regiment`
 * 17, `brigade` 18, `division` 21 … `command` 26), the six-digit entity of
 * the role, and the two sector modifiers (`00` when the role needs none).
 * Roles map to entities thus: infantry and territorial defence 121100;
 * motorized infantry 121104; mechanized 121102; naval infantry 121101
 * (amphibious); assault 121100 with modifier 1 `84` (assault, drawn "ASLT");
 * air assault 121100 with modifier 1 `01` (airmobile/air assault); airborne
 * 121100 with modifier 2 `01`; special forces 121700; sabotage-reconnaissance
 * 121300 with modifier 1 `63` (special operations forces); reconnaissance
 * 121300; armor 120500; artillery 130300; rocket artillery 130300 with
 * modifier 1 `41` (multiple rocket launcher); mortar 130800; air defense
 * 130100; UAV 121900 (unmanned aerial systems); electronic warfare 150500;
 * engineer 140700; signal 111000; medical 161300; logistics 163400 (supply);
 * military police 141200; command post and headquarters 110000 (command and
 * control) with the headquarters staff; other 000000 (frame only).
 *
 * The kind of force ({@link ForceKind}): 2525D codes what a unit does and
 * how big it is, not whose commission it holds, so `regular`,
 * `national-guard`, `territorial-defense`, `volunteer` and
 * `private-military-company` give the code of their role and echelon
 * unchanged (write the kind in the symbol's unique-designation text, e.g.
 * "Wagner (PMC)"). `irregular` sets sector 2 modifier `58` (guerrilla) when
 * the role has no sector 2 modifier of its own (an airborne unit keeps
 * `01`). Every code this function can give — every role, echelon, kind and
 * viewpoint — is checked valid by milsymbol in the tests.
 *
 * @param unit - the unit (only `side`, `echelon`, `role` and `force` are read)
 * @param options - `viewpoint`: the side whose map it is
 * @returns the 20-character code, e.g. `'10031000171211000000'`
 * @throws {@link ContestedError} `invalid-input` when the viewpoint is empty
 *   or the echelon, role or force is not one of {@link Echelon} / {@link UnitRole} / {@link ForceKind}
 * @category Units
 *
 * @example
 * ```ts
 * const regiment = { side: 'UA', echelon: 'regiment', role: 'infantry' } as const;
 * unitSidc(regiment, { viewpoint: 'UA' });
 * //=> '10031000171211000000'
 * unitSidc(regiment, { viewpoint: 'RU' });
 * //=> '10061000171211000000'
 * ```
 */
export function unitSidc(unit: Pick<Unit, 'side' | 'echelon' | 'role'> & Partial<Pick<Unit, 'force'>>, options: UnitSidcOptions): string {
  objectArg(unit, ['unit'], 'a unit');
  const { viewpoint } = objectArg(options, ['options'], 'options { viewpoint }');
  if (typeof viewpoint !== 'string' || viewpoint.trim() === '') {
    throw new ContestedError('invalid-input', [
      {
        code: 'invalid-viewpoint',
        path: ['viewpoint'],
        message: `viewpoint must be a side id such as "UA" (got ${quote(viewpoint)})`,
      },
    ]);
  }
  const echelon = Object.hasOwn(ECHELON_CODES, unit.echelon) ? ECHELON_CODES[unit.echelon] : undefined;
  if (echelon === undefined) {
    throw new ContestedError('invalid-input', [
      {
        code: 'invalid-value',
        path: ['echelon'],
        message: `unknown echelon ${quote(unit.echelon)}; expected one of ${Object.keys(ECHELON_CODES).join(', ')}`,
      },
    ]);
  }
  const role = Object.hasOwn(ROLE_CODES, unit.role) ? ROLE_CODES[unit.role] : undefined;
  if (role === undefined) {
    throw new ContestedError('invalid-input', [
      {
        code: 'invalid-value',
        path: ['role'],
        message: `unknown unit role ${quote(unit.role)}; expected one of ${Object.keys(ROLE_CODES).join(', ')}`,
      },
    ]);
  }
  const force = unit.force ?? 'regular';
  if (!Object.hasOwn(FORCE_MODIFIER_2, force)) {
    throw new ContestedError('invalid-input', [
      { code: 'invalid-value', path: ['force'], message: `unknown force ${quote(force)}; expected one of ${Object.keys(FORCE_MODIFIER_2).join(', ')}` },
    ]);
  }
  const identity = unit.side === viewpoint ? '3' : '6';
  return [
    '10', // version: MIL-STD-2525D
    '0', // context: reality
    identity,
    '10', // symbol set: land unit
    '0', // status: present
    role.headquarters === true ? '2' : '0',
    echelon,
    role.entity,
    role.modifier1 ?? '00',
    role.modifier2 ?? FORCE_MODIFIER_2[force] ?? '00',
  ].join('');
}
