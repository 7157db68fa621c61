import { describe, expectTypeOf, it } from 'vitest';
import {
  ContestedError,
  type ContestedIssue,
  parseDataset,
  parseEntity,
  safeParseDataset,
  type Claim,
  type ContestedErrorCode,
  type Dataset,
  type Evidence,
  type Person,
  type Position,
  type Side,
  type TimeRef,
  type Unit,
  type AreaRef,
} from '../../src/index.js';

describe('inferred model types', () => {
  it('Unit: echelon and role are unions of lower-case words; parent is an optional id', () => {
    expectTypeOf<Unit['echelon']>().toEqualTypeOf<
      'team' | 'squad' | 'section' | 'platoon' | 'company' | 'battalion' | 'regiment' | 'brigade' | 'division' | 'corps' | 'army' | 'army-group' | 'region' | 'command'
    >();
    expectTypeOf<'infantry' | 'assault' | 'uav' | 'artillery' | 'command-post' | 'sabotage-reconnaissance'>().toExtend<Unit['role']>();
    expectTypeOf<Unit['parent']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Unit>().toHaveProperty('side').toEqualTypeOf<string>();
  });

  it("Claim: status is 'controlled' | 'contested' | 'advancing' | 'not-controlled', basis claimed | assessed | inferred, area an AreaRef", () => {
    expectTypeOf<Claim['status']>().toEqualTypeOf<'controlled' | 'contested' | 'advancing' | 'not-controlled'>();
    expectTypeOf<Claim['basis']>().toEqualTypeOf<'claimed' | 'assessed' | 'inferred'>();
    expectTypeOf<Claim['area']>().toEqualTypeOf<AreaRef>();
    expectTypeOf<Claim['statedFigures']>().toEqualTypeOf<{ areaKm2?: number | undefined; settlements?: number | undefined; advancedKm?: number | undefined; quote?: string | undefined } | undefined>();
    expectTypeOf<Claim['statedAt']>().toEqualTypeOf<TimeRef>();
    expectTypeOf<Claim['credibility']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Claim['refutes']>().toEqualTypeOf<string[] | undefined>();
  });

  it('TimeRef is a string or { at, precision }', () => {
    expectTypeOf<'2025-12'>().toExtend<TimeRef>();
    expectTypeOf<{ at: string; precision: 'week' }>().toExtend<TimeRef>();
    expectTypeOf<{ at: string; precision: 'fortnight' }>().not.toExtend<TimeRef>();
  });

  it('Position: coordinates are [lon, lat] or [lon, lat, altitude], optional as written', () => {
    expectTypeOf<[number, number]>().toExtend<NonNullable<Position['coordinates']>>();
    expectTypeOf<[number, number, number]>().toExtend<NonNullable<Position['coordinates']>>();
    expectTypeOf<[number]>().not.toExtend<NonNullable<Position['coordinates']>>();
    expectTypeOf<Position['mgrs']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Position['how']>().toEqualTypeOf<'gps' | 'geolocated' | 'reported' | 'estimated' | undefined>();
  });

  it('Evidence observations are a union discriminated by kind', () => {
    type Shown = Evidence['shows'][number];
    expectTypeOf<Shown['kind']>().toEqualTypeOf<'presence' | 'strike' | 'casualties' | 'control'>();
    expectTypeOf<Extract<Shown, { kind: 'presence' }>['side']>().toEqualTypeOf<string>();
  });

  it('Person and Side carry what the docs say', () => {
    expectTypeOf<Person['callSign']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<Person['age']>['years']>().toEqualTypeOf<number>();
    expectTypeOf<Side['id']>().toEqualTypeOf<string>();
  });

  it('Dataset lists every kind, each optional', () => {
    expectTypeOf<Dataset['units']>().toEqualTypeOf<Unit[] | undefined>();
    expectTypeOf<Dataset['claims']>().toEqualTypeOf<Claim[] | undefined>();
    expectTypeOf<Dataset['sides']>().toEqualTypeOf<Side[] | undefined>();
  });
});

describe('parsing entry points', () => {
  it('parseDataset returns Dataset; safeParseDataset the discriminated union', () => {
    expectTypeOf(parseDataset).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseDataset).returns.toEqualTypeOf<Dataset>();
    expectTypeOf(safeParseDataset).returns.toEqualTypeOf<{ success: true; data: Dataset; warnings?: ContestedIssue[] } | { success: false; error: ContestedError }>();
    const result = safeParseDataset({});
    if (result.success) expectTypeOf(result.data).toEqualTypeOf<Dataset>();
    else expectTypeOf(result.error).toEqualTypeOf<ContestedError>();
  });

  it('parseEntity returns the entity named', () => {
    expectTypeOf(parseEntity('claim', {})).toEqualTypeOf<Claim>();
    expectTypeOf(parseEntity('unit', {})).toEqualTypeOf<Unit>();
    expectTypeOf(parseEntity('position', {})).toEqualTypeOf<Position>();
    // @ts-expect-error: not an entity name
    parseEntity('regiment', {});
  });

  it('ContestedError carries a code from the union and plain issues', () => {
    expectTypeOf<ContestedError['code']>().toEqualTypeOf<ContestedErrorCode>();
    expectTypeOf<ContestedError['issues'][number]>().toEqualTypeOf<{ code: string; path: (string | number)[]; message: string }>();
    expectTypeOf<ContestedError>().toExtend<Error>();
  });
});
