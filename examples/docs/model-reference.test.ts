import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITY_NAMES, toJsonSchema } from 'contested';
import * as examples from './model-reference-examples.js';
import { modelReference, REFERENCE_PATH } from './model-reference.js';

describe('the data model reference (docs/model-reference.md)', () => {
  const committed = readFileSync(REFERENCE_PATH, 'utf8');

  it('is what examples/docs/model-reference.ts writes (regenerate with `npx tsx examples/docs/model-reference.ts`)', () => {
    expect(committed).toBe(modelReference());
  });

  it('shows a denial, a stated figure and a Russian name that parse and do what the page says', () => {
    expect([examples.denial.status, examples.denial.side]).toEqual(['not-controlled', 'RU']);
    expect(examples.figures).toEqual([['areaKm2', 'consistent'], ['settlements', 'consistent']]);
    expect(examples.found).toEqual([['prigozhin', 'familyName', ['bgn-pcgn']]]);
    for (const region of ['denial', 'figures', 'name']) expect(committed).toContain(`model-reference-examples.ts#${region}}`);
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
