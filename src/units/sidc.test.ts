import { describe, expect, it } from 'vitest';
import { ContestedError } from '../errors/index.js';
import type { Echelon, UnitRole } from './schema.js';
import { unitSidc } from './sidc.js';

// Where every code comes from (2525D, symbol set 10 "Land Unit"):
// - digits 1-2 version 10, 3 context 0 reality, 4 standard identity 3 friend / 6 hostile,
//   5-6 symbol set 10, 7 status 0 present, 8 HQ/TF/dummy 0 or 2 (headquarters).
// - digits 9-10 echelon: JMSML samples/coded_base_domain_tables/jmsml_Amplifier.csv
//   (11 Team/Crew, 12 Squad, 13 Section, 14 Platoon/Detachment, 15 Company/Battery/Troop,
//   16 Battalion/Squadron, 17 Regiment/Group, 18 Brigade, 21 Division, 22 Corps/MEF, 23 Army,
//   24 Army Group/Front, 25 Region/Theater, 26 Command).
// - digits 11-16 entity: JMSML samples/imagefile_name_category_tags/Military-Land-Unit-Source-Icons.csv
//   rows "10" + entity, e.g. 10121100 "Movement and Maneuver : Infantry", cross-checked against
//   milsymbol src/numbersidc/sidc/landunit.js.
// - digits 17-20 modifiers: the "Land Units : Modifier 1/2" rows (mod1/10xx1, mod2/10xx2) of the
//   same CSV; modifier 1 code 84 "Assault" is not in the JMSML 2525D table but is in milsymbol's
//   land-unit sector 1 table (drawn "ASLT").
const ui = (side: string, echelon: Echelon, role: UnitRole) => ({ side, echelon, role });

describe('unitSidc', () => {
  it('codes a friendly infantry regiment (JMSML 10121100 Infantry, amplifier 17)', () => {
    expect(unitSidc(ui('UA', 'regiment', 'infantry'), { viewpoint: 'UA' })).toBe('10031000171211000000');
  });

  it('codes the same regiment as hostile from the other side (standard identity 6)', () => {
    expect(unitSidc(ui('UA', 'regiment', 'infantry'), { viewpoint: 'RU' })).toBe('10061000171211000000');
  });

  it('codes a battalion (amplifier 16) and a team (amplifier 11)', () => {
    expect(unitSidc(ui('UA', 'battalion', 'infantry'), { viewpoint: 'UA' })).toBe('10031000161211000000');
    // Russian infiltration team, seen by Ukraine
    expect(unitSidc(ui('RU', 'team', 'infantry'), { viewpoint: 'UA' })).toBe('10061000111211000000');
  });

  it('codes a UAV unit (JMSML 10121900 "Movement and Maneuver : Unmanned Aerial Systems")', () => {
    expect(unitSidc(ui('UA', 'company', 'uav'), { viewpoint: 'UA' })).toBe('10031000151219000000');
  });

  it('codes a command post with the headquarters staff (digit 8 = 2, JMSML 10110000 Command and Control)', () => {
    expect(unitSidc(ui('UA', 'battalion', 'command-post'), { viewpoint: 'UA' })).toBe('10031002161100000000');
    expect(unitSidc(ui('UA', 'regiment', 'headquarters'), { viewpoint: 'RU' })).toBe('10061002171100000000');
  });

  it('codes the Skala Assault Regiment: infantry with modifier 1 "Assault" (84)', () => {
    expect(unitSidc(ui('UA', 'regiment', 'assault'), { viewpoint: 'UA' })).toBe('10031000171211008400');
  });

  it('codes every echelon with its 2525D amplifier', () => {
    const expected: Record<Echelon, string> = {
      team: '11', squad: '12', section: '13', platoon: '14', company: '15', battalion: '16', regiment: '17',
      brigade: '18', division: '21', corps: '22', army: '23', 'army-group': '24', region: '25', command: '26',
    };
    for (const [echelon, code] of Object.entries(expected)) {
      expect(unitSidc(ui('UA', echelon as Echelon, 'infantry'), { viewpoint: 'UA' }).slice(8, 10)).toBe(code);
    }
  });

  it('codes every role from the land-unit table', () => {
    // role → digits 11-20 (entity + modifier 1 + modifier 2), with the JMSML row name
    const expected: Record<UnitRole, string> = {
      infantry: '1211000000', // 121100 Movement and Maneuver : Infantry
      'motorized-infantry': '1211040000', // 121104 Infantry : Motorized
      'mechanized-infantry': '1211020000', // 121102 Infantry : Armored/Mechanized/Tracked
      assault: '1211008400', // 121100 Infantry + mod1 84 Assault (milsymbol)
      airborne: '1211000001', // 121100 Infantry + mod2 01 Mobility : Airborne
      'air-assault': '1211000100', // 121100 Infantry + mod1 01 Airmobile/Air Assault
      'naval-infantry': '1211010000', // 121101 Infantry : Amphibious
      'special-forces': '1217000000', // 121700 Special Forces
      'sabotage-reconnaissance': '1213006300', // 121300 Reconnaissance/Cavalry/Scout + mod1 63 SOF
      reconnaissance: '1213000000', // 121300 Reconnaissance/Cavalry/Scout
      armor: '1205000000', // 120500 Armor/Armored/Mechanized/Self-Propelled/Tracked (milsymbol)
      artillery: '1303000000', // 130300 Fires : Field Artillery
      'rocket-artillery': '1303004100', // 130300 Field Artillery + mod1 41 Multiple Rocket Launcher
      mortar: '1308000000', // 130800 Fires : Mortar
      'air-defense': '1301000000', // 130100 Fires : Air Defense
      uav: '1219000000', // 121900 Movement and Maneuver : Unmanned Aerial Systems
      'electronic-warfare': '1505000000', // 150500 Intelligence : Electronic Warfare
      engineer: '1407000000', // 140700 Protection : Engineer
      signal: '1110000000', // 111000 Command and Control : Signal
      medical: '1613000000', // 161300 Sustainment : Medical (milsymbol)
      logistics: '1634000000', // 163400 Sustainment : Supply
      'military-police': '1412000000', // 141200 Protection : Military Police
      'command-post': '1100000000', // 110000 Command and Control (+ HQ digit)
      headquarters: '1100000000', // 110000 Command and Control (+ HQ digit)
      'territorial-defense': '1211000000', // 121100 Infantry
      other: '0000000000', // no entity: the frame alone
    };
    for (const [role, code] of Object.entries(expected)) {
      const sidc = unitSidc(ui('UA', 'company', role as UnitRole), { viewpoint: 'UA' });
      expect(sidc).toHaveLength(20);
      expect(sidc).toMatch(/^\d{20}$/);
      expect(sidc.slice(10)).toBe(code);
    }
  });

  it('rejects an empty viewpoint and unknown echelons or roles', () => {
    const error = (run: () => unknown) => {
      try {
        run();
      } catch (caught) {
        return caught as ContestedError;
      }
      throw new Error('expected an error');
    };
    expect(error(() => unitSidc(ui('UA', 'team', 'uav'), { viewpoint: '' })).message).toMatchInlineSnapshot(`
      "invalid-input: 1 problem found
      ✖ viewpoint must be a side id such as "UA" (got "")
        → at viewpoint"
    `);
    const badRole = error(() => unitSidc({ side: 'UA', echelon: 'team', role: 'drone' as UnitRole }, { viewpoint: 'UA' }));
    expect(badRole).toBeInstanceOf(ContestedError);
    expect(badRole.issues[0]?.path).toEqual(['role']);
    const badEchelon = error(() => unitSidc({ side: 'UA', echelon: 'toString' as Echelon, role: 'uav' }, { viewpoint: 'UA' }));
    expect(badEchelon.issues[0]?.path).toEqual(['echelon']);
  });
});
