import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_PATH, pokrovskOutput } from './pokrovsk-output.js';

describe('the Pokrovsk guide', () => {
  it('shows what `npm run example` prints (regenerate with `npx tsx examples/docs/pokrovsk-output.ts`)', () => {
    expect(readFileSync(OUTPUT_PATH, 'utf8')).toBe(pokrovskOutput());
  });

  it('embeds the committed SVG map, which is a standalone SVG of the diff', () => {
    const guide = readFileSync(join(__dirname, '..', '..', 'docs', 'pokrovsk.md'), 'utf8');
    expect(guide).toContain('](media/pokrovsk-diff.svg)');
    const svg = readFileSync(join(__dirname, '..', '..', 'docs', 'media', 'pokrovsk-diff.svg'), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Pokrovsk: the Kremlin vs Skala');
  });
});
