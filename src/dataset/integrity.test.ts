import { describe, expect, it } from 'vitest';
import { ContestedError } from '../errors/index.js';
import { safeParseDataset } from './parse.js';
import { sampleDataset } from '../../test/model/arbitraries.js';

type Sample = ReturnType<typeof sampleDataset>;

/** The issues of the sample dataset after `breakIt`; the error must be a dataset-level one. */
function integrityIssues(breakIt: (d: Sample & Record<string, unknown>) => void) {
  const input = sampleDataset() as Sample & Record<string, unknown>;
  breakIt(input);
  const result = safeParseDataset(input);
  if (result.success) throw new Error('expected the dataset to be refused');
  expect(result.error).toBeInstanceOf(ContestedError);
  expect(result.error.code).toBe('invalid-dataset');
  return result.error.issues;
}

describe('dataset integrity', () => {
  it('accepts the sample dataset', () => {
    expect(safeParseDataset(sampleDataset()).success).toBe(true);
  });

  it('refuses duplicate ids per kind, and allows the same id across kinds', () => {
    expect(integrityIssues((d) => d.sides.push({ id: 'UA', name: 'Ukraine again', iso3166: 'UA' }))).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate-id",
          "message": "side id "UA" is already used by sides[0]",
          "path": [
            "sides",
            2,
            "id",
          ],
        },
      ]
    `);
    const sameIdOtherKind = sampleDataset();
    sameIdOtherKind.statements[0]!.id = 'skala'; // also a unit's id
    sameIdOtherKind.evidence[0]!.id = 'pokrovsk'; // also a place's id
    sameIdOtherKind.claims[1]!.evidence = ['pokrovsk'];
    expect(safeParseDataset(sameIdOtherKind).success).toBe(true);
  });

  it('refuses dangling references of every kind, naming the missing id', () => {
    expect(integrityIssues((d) => (d.claims[0]!.claimant = 'nobody'))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-reference",
          "message": "claimant "nobody" is not the id of any actor in actors",
          "path": [
            "claims",
            0,
            "claimant",
          ],
        },
      ]
    `);
    expect(integrityIssues((d) => (d.units[1]!.parent = 'nowhere'))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-reference",
          "message": "parent unit "nowhere" is not the id of any unit in units",
          "path": [
            "units",
            1,
            "parent",
          ],
        },
      ]
    `);
    expect(integrityIssues((d) => (d.persons[0]!.unit = 'ghost-unit'))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-reference",
          "message": "unit "ghost-unit" is not the id of any unit in units",
          "path": [
            "persons",
            0,
            "unit",
          ],
        },
      ]
    `);
    expect(integrityIssues((d) => (d.events[1]!.follows = ['detection', 'never']))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-reference",
          "message": "earlier event "never" is not the id of any event in events",
          "path": [
            "events",
            1,
            "follows",
            1,
          ],
        },
      ]
    `);
    expect(integrityIssues((d) => (d.claims[1]!.evidence = ['flag-feed', 'tape']))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-reference",
          "message": "evidence "tape" is not the id of any evidence in evidence",
          "path": [
            "claims",
            1,
            "evidence",
            1,
          ],
        },
      ]
    `);
    expect(integrityIssues((d) => (d.claims[1]!.refutes = ['no-such-claim']))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-reference",
          "message": "refuted claim "no-such-claim" is not the id of any claim in claims",
          "path": [
            "claims",
            1,
            "refutes",
            0,
          ],
        },
      ]
    `);
    expect(integrityIssues((d) => (d.statements[0]!.speaker = 'godfather'))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-reference",
          "message": "speaker "godfather" is not the id of any person in persons",
          "path": [
            "statements",
            0,
            "speaker",
          ],
        },
      ]
    `);
    expect(integrityIssues((d) => (d.evidence[0]!.shows = [{ kind: 'presence', side: 'BY' }]))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-reference",
          "message": "side "BY" is not the id of any side in sides",
          "path": [
            "evidence",
            0,
            "shows",
            0,
            "side",
          ],
        },
      ]
    `);
    expect(integrityIssues((d) => (d.events[0]!.units = ['skala-bn', 'ghosts']))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-reference",
          "message": "unit "ghosts" is not the id of any unit in units",
          "path": [
            "events",
            0,
            "units",
            1,
          ],
        },
      ]
    `);
    expect(integrityIssues((d) => (d.actors[1]!.unit = 'skala-2'))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-reference",
          "message": "unit "skala-2" is not the id of any unit in units",
          "path": [
            "actors",
            1,
            "unit",
          ],
        },
      ]
    `);
  });

  it('refuses area expressions naming unknown places or places of the wrong kind', () => {
    expect(integrityIssues((d) => (d.claims[1]!.area = { split: { area: 'atlantis', line: 'railway', keep: 'north' } }))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-reference",
          "message": "area "atlantis" is not the id of any place in places",
          "path": [
            "claims",
            1,
            "area",
            "split",
            "area",
          ],
        },
      ]
    `);
    expect(integrityIssues((d) => (d.claims[1]!.area = { split: { area: 'pokrovsk', line: 'pokrovsk', keep: 'north' } }))).toMatchInlineSnapshot(`
      [
        {
          "code": "wrong-place-kind",
          "message": "place "pokrovsk" is a settlement, not a line to split by",
          "path": [
            "claims",
            1,
            "area",
            "split",
            "line",
          ],
        },
      ]
    `);
    expect(integrityIssues((d) => (d.claims[0]!.area = 'railway'))).toMatchInlineSnapshot(`
      [
        {
          "code": "wrong-place-kind",
          "message": "place "railway" is a railway (a line), not an area",
          "path": [
            "claims",
            0,
            "area",
          ],
        },
      ]
    `);
    expect(
      integrityIssues((d) => (d.claims[0]!.area = { union: ['pokrovsk', { difference: { area: 'pokrovsk', minus: 'river' } }] } as never)),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-reference",
          "message": "area "river" is not the id of any place in places",
          "path": [
            "claims",
            0,
            "area",
            "union",
            1,
            "difference",
            "minus",
          ],
        },
      ]
    `);
  });

  it('refuses cycles of unit parents, each once', () => {
    expect(integrityIssues((d) => (d.units[0]!.parent = 'skala-bn'))).toMatchInlineSnapshot(`
      [
        {
          "code": "cycle",
          "message": "unit parents form a cycle: skala → skala-bn → skala",
          "path": [
            "units",
            0,
            "parent",
          ],
        },
      ]
    `);
    expect(integrityIssues((d) => (d.units[2]!.parent = 'ru-teams'))).toMatchInlineSnapshot(`
      [
        {
          "code": "cycle",
          "message": "unit parents form a cycle: ru-teams → ru-teams",
          "path": [
            "units",
            2,
            "parent",
          ],
        },
      ]
    `);
  });

  it("refuses a person whose unit is on another side", () => {
    expect(integrityIssues((d) => (d.persons[2]!.unit = 'ru-teams'))).toMatchInlineSnapshot(`
      [
        {
          "code": "side-mismatch",
          "message": "person is on side "UA" but unit "ru-teams" is on side "RU"",
          "path": [
            "persons",
            2,
            "unit",
          ],
        },
      ]
    `);
  });

  it('refuses a claim that refutes itself or a claim stated later', () => {
    expect(integrityIssues((d) => (d.claims[1]!.refutes = ['ua-north']))).toMatchInlineSnapshot(`
      [
        {
          "code": "self-reference",
          "message": "claim "ua-north" cannot refute itself",
          "path": [
            "claims",
            1,
            "refutes",
            0,
          ],
        },
      ]
    `);
    expect(
      integrityIssues((d) => {
        (d.claims[0] as Record<string, unknown>)['refutes'] = ['ua-north'];
        delete (d.claims[1] as Record<string, unknown>)['refutes'];
      }),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "refutes-later-claim",
          "message": "claim "kremlin-city" (stated "2025-12-01") cannot refute "ua-north", stated later ("2025-12-02")",
          "path": [
            "claims",
            0,
            "refutes",
            0,
          ],
        },
      ]
    `);
  });

  it('lets a claim refute one stated within the same span', () => {
    const d = sampleDataset();
    d.claims[0]!.statedAt = '2025-12';
    expect(safeParseDataset(d).success).toBe(true);
  });

  it('reports schema and integrity problems together, as invalid-input', () => {
    const d = sampleDataset();
    d.claims[0]!.claimant = 'nobody';
    d.units[0]!.echelon = 'legion';
    const result = safeParseDataset(d);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.issues.map((i) => i.code)).toEqual(['invalid-value', 'unknown-reference']);
  });
});
