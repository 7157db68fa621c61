/**
 * Issue 12: no catch-all may swallow a TypeError or RangeError. A catch
 * block in src/ names the error it handles and throws everything else on, so
 * every catch binds the error (no bare `catch {}`) and its block throws
 * that binding on (`throw error`). A block that only throws something new
 * (a ContestedError made from whatever was caught) would still turn a
 * TypeError into a user-facing error, so a `throw` of anything else does not
 * count. The one exception is listed with the reason it still throws.
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

/** Each catch clause in `text` (comments removed): its binding's name (or none) and its block. */
function catches(text: string): { bound: boolean; name: string | undefined; body: string; line: number }[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/[^\n]*/g, '');
  const found: { bound: boolean; name: string | undefined; body: string; line: number }[] = [];
  for (const match of code.matchAll(/\bcatch\s*(\([^)]*\))?\s*\{/g)) {
    let depth = 1;
    let i = match.index + match[0].length;
    for (; i < code.length && depth > 0; i++) depth += code[i] === '{' ? 1 : code[i] === '}' ? -1 : 0;
    found.push({ bound: match[1] !== undefined, name: /^\(\s*(\w+)/.exec(match[1] ?? '')?.[1], body: code.slice(match.index + match[0].length, i - 1), line: code.slice(0, match.index).split('\n').length });
  }
  return found;
}

/** Whether the block throws its own binding on (`throw error;`), not only something made from it. */
function rethrows(c: { name: string | undefined; body: string }): boolean {
  return c.name !== undefined && new RegExp(`\\bthrow\\s+${c.name}\\s*[;}\\n]`).test(`${c.body}\n`);
}

describe('catch blocks in src/', () => {
  const all = sources(SRC).flatMap((file) => catches(readFileSync(file, 'utf8')).map((c) => ({ ...c, file: relative(SRC, file) })));

  it('are found (the scan reads the code)', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(catches('try { f(); } catch { g(); }\ntry { f(); } catch (e) { if (x(e)) { return; } throw e; }')).toEqual([
      { bound: false, name: undefined, body: ' g(); ', line: 1 },
      { bound: true, name: 'e', body: ' if (x(e)) { return; } throw e; ', line: 2 },
    ]);
  });

  it('tell a rethrow of the binding from a throw of something new', () => {
    expect(rethrows(catches('try { f(); } catch (error) { if (ok(error)) return; throw error; }')[0]!)).toBe(true);
    expect(rethrows(catches('try { f(); } catch (error: unknown) { throw error; }')[0]!)).toBe(true);
    expect(rethrows(catches('try { f(); } catch (error) { throw new Error(String(error)); }')[0]!)).toBe(false);
    expect(rethrows(catches('try { f(); } catch (e) { throw errorOf(e); }')[0]!)).toBe(false);
  });

  it('each bind the error and throw what they are not for', () => {
    const wrong = all
      .filter((c) => !c.bound || (!rethrows(c) && DEFERRED[c.file] === undefined))
      .map((c) => `${c.file}:${c.line}${c.bound ? ` does not throw ${c.name ?? 'its binding'} on` : ' is a bare catch'}`);
    expect(wrong).toEqual([]);
  });
});
