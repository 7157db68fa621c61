/**
 * Runs the `@example` blocks of the TSDoc in `src/` (see STYLE.md: "an
 * `@example` that runs"). Each block becomes a module in `.generated/`
 * (git-ignored; rewritten on every run), is type-checked under
 * `tsconfig.test.json`, and is imported; a `//=> value` after a statement
 * must be what the statement gives (`82.418…` means "starts with these
 * digits", `…` in an array or object means "and more"), prose after `//=>`
 * only has to evaluate, and `// throws ContestedError` must throw one.
 * Names the examples use without defining come from `fixtures.ts`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { collectExamples, toModule, type Names } from './extract.js';

const repo = resolve(__dirname, '..', '..');
const generated = join(__dirname, '.generated');
const examples = collectExamples(repo, join(repo, 'src'));

const config = ts.getParsedCommandLineOfConfigFile(join(repo, 'tsconfig.test.json'), {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  },
})!;
const options: ts.CompilerOptions = { ...config.options, noEmit: true };
const host = ts.createCompilerHost(options);
const index = join(repo, 'src', 'index.ts');
const fixtures = join(__dirname, 'fixtures.ts');
const base = ts.createProgram([index, fixtures], options, host);

const exportsOf = (file: string): ts.Symbol[] => {
  const checker = base.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(base.getSourceFile(file)!);
  return symbol === undefined ? [] : checker.getExportsOfModule(symbol);
};
const isValue = (symbol: ts.Symbol): boolean => {
  const checker = base.getTypeChecker();
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return (target.flags & ts.SymbolFlags.Value) !== 0 && !(symbol.declarations ?? []).some((d) => ts.isExportSpecifier(d) && d.isTypeOnly);
};
const packageExports = exportsOf(index);
const names: Names = {
  values: new Set(packageExports.filter(isValue).map((s) => s.name)),
  types: new Set(packageExports.filter((s) => !isValue(s)).map((s) => s.name)),
  fixtures: new Set(exportsOf(fixtures).map((s) => s.name)),
};

rmSync(generated, { recursive: true, force: true });
mkdirSync(generated, { recursive: true });
const modules = examples.map((example) => {
  const title = `${example.file} › ${example.name}${example.index > 1 ? ` #${example.index}` : ''}`;
  const path = join(generated, `${example.file.replace(/^src\//, '').replace(/\.ts$/, '').replace(/\W+/g, '_')}__${example.name.replace(/\W+/g, '_')}${example.index > 1 ? `_${example.index}` : ''}.ts`);
  try {
    const { code } = toModule(example, names);
    writeFileSync(path, code);
    return { title, path, error: undefined };
  } catch (error) {
    return { title, path, error: error as Error };
  }
});

const program = ts.createProgram(
  modules.filter((m) => m.error === undefined).map((m) => m.path),
  options,
  host,
  base,
);
const typeErrors = (path: string): string[] => {
  const source = program.getSourceFile(path);
  if (source === undefined) return [`${path} is not in the program`];
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
    const { line } = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: -1 };
    return `${path.slice(repo.length + 1)}:${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
};

describe('the @example blocks in src/', () => {
  it('are found', () => {
    expect(examples.length).toBeGreaterThan(50);
  });

  for (const { title, path, error } of modules) it(title, async () => {
    if (error !== undefined) throw error;
    let thrown: unknown;
    try {
      await import(pathToFileURL(path).href);
    } catch (e) {
      thrown = e;
    }
    const problems = typeErrors(path);
    if (thrown !== undefined) throw thrown instanceof Error ? Object.assign(thrown, { message: [thrown.message, ...problems].join('\n') }) : thrown;
    expect(problems, 'type errors in the example (see the generated module)').toEqual([]);
  });
});
