/**
 * The mistakes people make with inputs, and the pointed answers they get
 * (issue 15): each message pinned, so that a change to it is a decision.
 */
import { describe, expect, it } from 'vitest';
import { Claim } from '../claims/schema.js';
import { isContestedError } from '../errors/index.js';
import { toJsonSchema } from './jsonSchema.js';
import { safeParseDataset, safeParseEntity } from './parse.js';

const failure = (result: ReturnType<typeof safeParseDataset>) => (result.success ? 'parsed' : result.error.message);
const town = { id: 'town', name: 'Town', kind: 'settlement', geometry: { type: 'Polygon', coordinates: [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48]]] } };
const actors = [{ id: 'x', name: 'X', kind: 'other' }];

describe('pointed answers to common mistakes', () => {
  it('says GeoJSON passed to parseDataset is GeoJSON, and what to use', () => {
    expect(failure(safeParseDataset({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: town.geometry }] }))).toMatchInlineSnapshot(`
      "invalid dataset: this is GeoJSON
      ✖ this is GeoJSON (a FeatureCollection), not a dataset: read a control layer into claims with fromGeoJSON(geojson, { claimant, status, side, asOf }) (fromDeepState and fromIsw read those trackers' layers), and put the claims under "claims"; put a place's geometry under "places"
        → at (root)"
    `);
    expect(safeParseDataset(town.geometry).success).toBe(false);
  });

  it('says a JS Date is not a time, with the string to write instead', () => {
    const claim = { id: 'c', claimant: 'x', statedAt: new Date('2025-12-01T00:00:00Z'), area: 'town', status: 'contested', basis: 'claimed' };
    expect(failure(safeParseDataset({ actors, places: [town], claims: [claim] }))).toMatchInlineSnapshot(`
      "invalid dataset: 1 problem
      ✖ a JavaScript Date is not a time here: write an ISO 8601 string (date.toISOString() gives "2025-12-01T00:00:00.000Z"), or { at, precision } to say how precise it is
        → at claims[0].statedAt"
    `);
    const entity = safeParseEntity('claim', { ...claim, validAt: new Date(Number.NaN) });
    expect(entity.success ? [] : entity.error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['date-object', 'statedAt'],
      ['date-object', 'validAt'],
    ]);
  });

  it('says a toleranceM of 0 is not a tolerance', () => {
    const place = { ...town, approximate: { toleranceM: 0, note: 'traced from a news map' } };
    expect(failure(safeParseDataset({ places: [place] }))).toMatchInlineSnapshot(`
      "invalid dataset: 1 problem
      ✖ toleranceM is a distance in metres, more than 0; leave it out when the tolerance is not known
        → at places[0].approximate.toleranceM"
    `);
  });

  it('takes the exported schema as well as the name in toJsonSchema, and says what it takes', () => {
    expect(toJsonSchema(Claim)).toEqual(toJsonSchema('claim'));
    // The JSON Schema files (scripts/write-json-schemas.ts writes toJsonSchema(name)) carry the new fields.
    const claimProperties = toJsonSchema('claim')['properties'] as Record<string, { enum?: string[]; properties?: Record<string, unknown> }>;
    expect(Object.keys(claimProperties['statedFigures']?.properties ?? {})).toEqual(['areaKm2', 'settlements', 'advancedKm', 'quote']);
    expect(claimProperties['status']?.enum).toContain('not-controlled');
    const unitProperties = toJsonSchema('unit')['properties'] as Record<string, { enum?: string[] }>;
    expect(unitProperties['force']?.enum).toContain('private-military-company');
    try {
      toJsonSchema('Claim' as 'claim');
      expect.unreachable();
    } catch (error) {
      expect(isContestedError(error) && error.message).toMatchInlineSnapshot(`
        "invalid-input: 1 problem found
        ✖ expected an entity name (side, actor, unit, person, position, place, areaRef, claim, evidence, event, statement, dataset) or an exported schema such as Claim; got "Claim"
          → at entity"
      `);
    }
  });
});
