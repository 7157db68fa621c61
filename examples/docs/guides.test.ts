/**
 * Checks on the guides themselves (`docs/*.md`): every `{@includeCode}`
 * names a file that exists and a region that the file marks; line ranges of
 * the Pokrovsk JSON cover whole top-level sections; no guide has a code
 * block of its own except shell commands, so every sample is a tested file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const docs = join(__dirname, '..', '..', 'docs');
const guides = readdirSync(docs).filter((f) => f.endsWith('.md'));

describe.each(guides)('docs/%s', (name) => {
  const text = readFileSync(join(docs, name), 'utf8');

  it('has a title in its front matter', () => {
    expect(text).toMatch(/^---\ntitle: .+\n---\n/);
  });

  it('includes only files and regions that exist', () => {
    const targets = [...text.matchAll(/\{@includeCode ([^}]+)\}/g)];
    // Every include the guide mentions is one this test reads (none is skipped by a malformed tag).
    expect(targets.length).toBe(text.split('{@includeCode').length - 1);
    for (const [, target] of targets) {
      const [file, region] = target!.trim().split('#');
      const [path, lines] = file!.split(':');
      const full = resolve(dirname(join(docs, name)), path!);
      expect(existsSync(full), target).toBe(true);
      const source = readFileSync(full, 'utf8');
      if (region !== undefined) {
        expect(source, target).toContain(`// #region ${region}\n`);
        expect(source, target).toContain(`// #endregion ${region}\n`);
      }
      if (lines !== undefined) {
        const [from, to] = lines.split('-').map(Number);
        const all = source.split('\n');
        expect(all[from! - 1], `${target}: first line`).toMatch(/^ {2}"\w+": [[{]$/);
        expect(all[to! - 1], `${target}: last line`).toMatch(/^ {2}[\]}],?$/);
      }
    }
  });

  it('has no code block of its own except shell commands', () => {
    const languages = [...text.matchAll(/^```(\w*)/gm)].map((m) => m[1]).filter((_, i) => i % 2 === 0);
    expect(languages.filter((language) => !['sh', 'bash', 'text'].includes(language ?? ''))).toEqual([]);
  });
});
