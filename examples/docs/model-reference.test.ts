import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkStatedFigures, ENTITY_NAMES, findByName, parseDataset, parseEntity, toJsonSchema, type Claim } from '../../src/index.js';
import pokrovskJson from '../pokrovsk/pokrovsk.json' with { type: 'json' };
import { modelReference, REFERENCE_PATH } from './model-reference.js';

describe('the data model reference (docs/model-reference.md)', () => {
  const committed = readFileSync(REFERENCE_PATH, 'utf8');

  it('is what examples/docs/model-reference.ts writes (regenerate with `npx tsx examples/docs/model-reference.ts`)', () => {
    expect(committed).toBe(modelReference());
  });

  it('shows a denial, a stated figure and a Russian name that parse and do what the page says', () => {
    const section = committed.slice(committed.indexOf('## Claims as people make them'), committed.indexOf('## AreaRef'));
    const blocks = [...section.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]!) as unknown);
    expect(blocks).toHaveLength(3);
    const denial = parseEntity('claim', blocks[0]);
    expect([denial.status, denial.side]).toEqual(['not-controlled', 'RU']);
    const stated: Claim = parseEntity('claim', blocks[1]);
    const places = parseDataset(pokrovskJson).places;
    expect(checkStatedFigures({ places, claims: [stated] }).map((c) => c.verdict)).toEqual(['consistent', 'consistent']);
    const person = parseEntity('person', blocks[2]);
    expect(findByName({ persons: [person] }, 'Prigozhin').map((m) => [m.field, m.schemes])).toEqual([['familyName', ['bgn-pcgn']]]);
  });

  it('lists every field of every entity, by its JSON Schema too', () => {
    for (const name of ENTITY_NAMES) {
      if (name === 'areaRef') continue; // an expression, explained in the guides rather than tabled
      const schema = toJsonSchema(name) as { properties?: Record<string, unknown> };
      for (const key of Object.keys(schema.properties ?? {})) {
        expect(committed, `${name}.${key}`).toContain(`| \`${key}\` |`);
      }
    }
  });
});
