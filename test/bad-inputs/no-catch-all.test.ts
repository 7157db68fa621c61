/**
 * Issue 12: no catch-all may swallow a TypeError or RangeError. A catch
 * block in src/ names the error it handles and throws everything else on, so
 * every catch binds the error (no bare `catch {}`) and its block has a
 * `throw`. The one exception is listed with the reason it still throws.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Catch blocks without a `throw` of their own, each with where the error is thrown after all. */
const DEFERRED: Record<string, string> = {
  'history/_pool.ts': 'a map that does not read stops the run: the error is kept in `failed` and thrown by runSteps once the tasks in flight end',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Each catch clause in `text` (comments removed): its binding and its block. */
function catches(text: string): { bound: boolean; body: string; line: number }[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/[^\n]*/g, '');
  const found: { bound: boolean; body: string; line: number }[] = [];
  for (const match of code.matchAll(/\bcatch\s*(\([^)]*\))?\s*\{/g)) {
    let depth = 1;
    let i = match.index + match[0].length;
    for (; i < code.length && depth > 0; i++) depth += code[i] === '{' ? 1 : code[i] === '}' ? -1 : 0;
    found.push({ bound: match[1] !== undefined, body: code.slice(match.index + match[0].length, i - 1), line: code.slice(0, match.index).split('\n').length });
  }
  return found;
}

describe('catch blocks in src/', () => {
  const all = sources(SRC).flatMap((file) => catches(readFileSync(file, 'utf8')).map((c) => ({ ...c, file: relative(SRC, file) })));

  it('are found (the scan reads the code)', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(catches('try { f(); } catch { g(); }\ntry { f(); } catch (e) { if (x(e)) { return; } throw e; }')).toEqual([
      { bound: false, body: ' g(); ', line: 1 },
      { bound: true, body: ' if (x(e)) { return; } throw e; ', line: 2 },
    ]);
  });

  it('each bind the error and throw what they are not for', () => {
    const wrong = all
      .filter((c) => !c.bound || (!/\bthrow\b/.test(c.body) && DEFERRED[c.file] === undefined))
      .map((c) => `${c.file}:${c.line}${c.bound ? ' has no throw' : ' is a bare catch'}`);
    expect(wrong).toEqual([]);
  });
});
