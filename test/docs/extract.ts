/**
 * Reads the `@example` blocks out of the TSDoc comments in `src/` and turns
 * each into a module that runs: the names it uses are imported (from the
 * package, from `fixtures.ts`, or as GeoJSON types), and every `//=> value`
 * after a statement becomes a check that the statement gives that value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { Outcome } from './outcome.js';

/** One fenced ```ts block under an `@example` tag. */
export interface DocExample {
  /** The source file, relative to the repository, with `/` separators. */
  file: string;
  /** The documented declaration (`Class.member` for a member). */
  name: string;
  /** 1-based, when the declaration has several examples. */
  index: number;
  /** The example's code, with the comment's ` * ` stripped. */
  code: string;
  /** The source line (1-based) of each line of `code`. */
  lines: number[];
}

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });

const DECLARATION =
  /^\s*(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/;
const MEMBER = /^\s*(?:(?:public|protected|private|static|readonly|override|async|get|set)\s+)*([A-Za-z_$][\w$]*)\s*[(:<?=]/;

/** Every ```ts block under an `@example` tag in the non-test `.ts` files under `srcDir`. */
export function collectExamples(repoDir: string, srcDir: string): DocExample[] {
  const examples: DocExample[] = [];
  for (const path of sourceFiles(srcDir).sort()) {
    const text = readFileSync(path, 'utf8');
    const file = relative(repoDir, path).split('\\').join('/');
    let lastClass: string | undefined;
    const counts = new Map<string, number>();
    for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
      const start = comment.index;
      const end = start + comment[0].length;
      const before = text.slice(0, start);
      const classes = [...before.matchAll(/^(?:export\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/gm)];
      lastClass = classes.at(-1)?.[1];
      if (!comment[0].includes('@example')) continue;
      const after = text.slice(end).replace(/^\s*\n/, '').split('\n')[0] ?? '';
      const indented = /^\s+\S/.test(after);
      const name = indented ? `${lastClass ?? '?'}.${MEMBER.exec(after)?.[1] ?? '?'}` : (DECLARATION.exec(after)?.[1] ?? '(file)');
      const firstLine = before.split('\n').length;
      const lines = comment[0].split('\n').map((line, i) => ({ text: line.replace(/^\s*\/?\*+\/?\s?/, '').replace(/\s*\*\/$/, ''), line: firstLine + i }));
      let inExample = false;
      let fence: { code: string[]; lines: number[] } | undefined;
      for (const { text: line, line: lineNumber } of lines) {
        if (fence !== undefined) {
          if (/^```\s*$/.test(line)) {
            const n = (counts.get(name) ?? 0) + 1;
            counts.set(name, n);
            examples.push({ file, name, index: n, code: fence.code.join('\n'), lines: fence.lines });
            fence = undefined;
          } else {
            fence.code.push(line);
            fence.lines.push(lineNumber);
          }
          continue;
        }
        if (/^@example\b/.test(line)) inExample = true;
        else if (/^@\w/.test(line)) inExample = false;
        else if (inExample && /^```(ts|typescript)\s*$/.test(line)) fence = { code: [], lines: [] };
      }
    }
  }
  return examples;
}

// ---------------------------------------------------------------------------
// `//=>` values

class Incomplete extends Error {}

/** Reads the literal at the start of `text`; `undefined` when `text` is prose. Throws {@link Incomplete} when it runs out inside a bracket. */
export function parseOutcome(text: string): Outcome | undefined {
  let at = 0;
  const space = (): void => {
    while (at < text.length && /\s/.test(text[at]!)) at += 1;
  };
  const ellipsis = (): boolean => {
    space();
    if (text.startsWith('…', at)) return ((at += 1), true);
    if (text.startsWith('...', at)) return ((at += 3), true);
    return false;
  };
  const fail = (): never => {
    throw new SyntaxError(`not a literal at ${at}`);
  };
  const value = (): Outcome => {
    space();
    if (at >= text.length) throw new Incomplete();
    const char = text[at]!;
    if (char === '[') {
      at += 1;
      const head: Outcome[] = [];
      const tail: Outcome[] = [];
      let open = false;
      for (;;) {
        space();
        if (at >= text.length) throw new Incomplete();
        if (text[at] === ']') return ((at += 1), { kind: 'array', head, tail, open });
        if (ellipsis()) open = true;
        else (open ? tail : head).push(value());
        space();
        if (text[at] === ',') at += 1;
        else if (text[at] !== ']') (at >= text.length ? (() => { throw new Incomplete(); })() : fail());
      }
    }
    if (char === '{') {
      at += 1;
      const entries: [string, Outcome][] = [];
      let open = false;
      for (;;) {
        space();
        if (at >= text.length) throw new Incomplete();
        if (text[at] === '}') return ((at += 1), { kind: 'object', entries, open });
        if (ellipsis()) open = true;
        else {
          let key: string;
          if (text[at] === "'" || text[at] === '"') {
            const parsed = value();
            if (parsed.kind !== 'value' || typeof parsed.value !== 'string') return fail();
            key = parsed.value;
          } else {
            const match = /^[A-Za-z_$][\w$]*/.exec(text.slice(at)) ?? fail();
            key = match[0];
            at += key.length;
          }
          space();
          if (text[at] !== ':') fail();
          at += 1;
          entries.push([key, value()]);
        }
        space();
        if (text[at] === ',') at += 1;
        else if (text[at] !== '}') (at >= text.length ? (() => { throw new Incomplete(); })() : fail());
      }
    }
    if (char === "'" || char === '"') {
      let out = '';
      at += 1;
      for (;;) {
        if (at >= text.length) return fail();
        const c = text[at]!;
        if (c === char) return ((at += 1), { kind: 'value', value: out });
        if (c === '\\') {
          const next = text[at + 1] ?? fail();
          if (next === 'u') {
            out += String.fromCharCode(parseInt(text.slice(at + 2, at + 6), 16));
            at += 6;
          } else {
            out += ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[next] ?? next;
            at += 2;
          }
        } else {
          out += c;
          at += 1;
        }
      }
    }
    const number = /^-?\d[\d_]*(?:\.\d[\d_]*)?(?:e[+-]?\d+)?/.exec(text.slice(at));
    if (number !== null) {
      at += number[0].length;
      const prefix = text.startsWith('…', at);
      if (prefix) at += 1;
      return { kind: 'number', digits: number[0].replace(/_/g, ''), prefix };
    }
    const word = /^(true|false|null|undefined)(?![\w$])/.exec(text.slice(at));
    if (word !== null) {
      at += word[0].length;
      if (word[1] === 'undefined') return { kind: 'undefined' };
      return { kind: 'value', value: word[1] === 'null' ? null : word[1] === 'true' };
    }
    return fail();
  };
  try {
    const outcome = value();
    // A literal may be followed by prose: `//=> 82.418… (km²)`, `//=> '82.9': claimed by …`.
    if (at < text.length && !/^[\s(:;,—–-]/.test(text.slice(at))) return undefined;
    return outcome;
  } catch (error) {
    if (error instanceof Incomplete) throw error;
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// Example → module

/** Where the generated modules find what an example may use. */
export interface Names {
  /** Value exports of `src/index.ts`. */
  values: ReadonlySet<string>;
  /** Type-only exports of `src/index.ts`. */
  types: ReadonlySet<string>;
  /** Exports of `test/docs/fixtures.ts`. */
  fixtures: ReadonlySet<string>;
}

const GEOJSON_TYPES = new Set([
  'BBox', 'Feature', 'FeatureCollection', 'GeoJSON', 'GeoJsonProperties', 'Geometry', 'GeometryCollection',
  'LineString', 'MultiLineString', 'MultiPoint', 'MultiPolygon', 'Point', 'Polygon', 'Position',
]);

const bindingNames = (name: ts.BindingName): string[] =>
  ts.isIdentifier(name) ? [name.text] : name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNames(e.name)));

/** A generated module: its code, and how many checks it has. */
export interface ExampleModule {
  code: string;
  checks: number;
}

/** Turns `example` into a module in `test/docs/.generated/`. Throws when a `//=>` follows something it cannot check. */
export function toModule(example: DocExample, names: Names): ExampleModule {
  const { code } = example;
  const where = (offset: number): string => `${example.file}:${example.lines[code.slice(0, offset).split('\n').length - 1] ?? '?'}`;
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);

  // Strings and templates, so that a `//` inside one is not read as a comment.
  const literals: [number, number][] = [];
  const statements: { node: ts.Statement; depth: number }[] = [];
  const used = new Set<string>();
  const visit = (node: ts.Node, depth: number): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      literals.push([node.getStart(source), node.end]);
    }
    if (node.kind >= ts.SyntaxKind.FirstStatement && node.kind <= ts.SyntaxKind.LastStatement) statements.push({ node: node as ts.Statement, depth });
    if (ts.isIdentifier(node)) used.add(node.text);
    ts.forEachChild(node, (child) => visit(child, depth + 1));
  };
  visit(source, 0);
  const declared = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) bindingNames(d.name).forEach((n) => declared.add(n));
    else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name) {
      declared.add(statement.name.text);
    }
  }

  const edits: { start: number; end: number; text: string }[] = [];
  let checks = 0;
  const lines = code.split('\n');
  let lineStart = 0;
  const starts = lines.map((line) => ((lineStart += line.length + 1), lineStart - line.length - 1));
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    let column = -1;
    for (const m of line.matchAll(/\/\//g)) {
      const offset = starts[i]! + m.index;
      if (!literals.some(([s, e]) => offset >= s && offset < e)) {
        column = m.index;
        break;
      }
    }
    if (column < 0) continue;
    const comment = line.slice(column);
    const offset = starts[i]! + column;
    const isValue = comment.startsWith('//=>');
    const throwsMatch = /^\/\/\s*throws\b\s*([A-Za-z]\w*)?/.exec(comment);
    if (!isValue && throwsMatch === null) continue;

    const target = statements
      .filter(({ node }) => node.end <= offset)
      .sort((a, b) => b.node.end - a.node.end || b.depth - a.depth)[0]?.node;
    const fail = (why: string): never => {
      throw new Error(`${where(offset)}: ${why}`);
    };
    if (target === undefined) fail(`"${comment}" follows no statement`);
    checks += 1;
    const id = checks;
    const at = JSON.stringify(where(offset));

    if (!isValue) {
      if (!ts.isExpressionStatement(target!)) fail(`"// throws" must follow an expression statement`);
      const expression = (target as ts.ExpressionStatement).expression;
      edits.push({
        start: expression.getStart(source),
        end: expression.end,
        text: `__doc.throws(${id}, () => (${expression.getText(source)}), ${JSON.stringify(throwsMatch![1] ?? '')}, ${at})`,
      });
      continue;
    }

    let text = comment.slice(4);
    let outcome: Outcome | undefined;
    for (;;) {
      try {
        outcome = parseOutcome(text.trim());
        break;
      } catch {
        const next = lines[i + 1];
        const more = next === undefined ? null : /^\s*\/\/(?!=>)(.*)$/.exec(next);
        if (more === null) fail(`the value after //=> is not closed: ${text.trim()}`);
        text += '\n' + more![1]!;
        i += 1;
      }
    }
    const promise: Outcome = outcome ?? { kind: 'prose', text: text.trim() };
    const checkOf = (expression: string): string => `__doc.check(${id}, (${expression}), ${JSON.stringify(promise)}, ${at})`;
    if (ts.isExpressionStatement(target!)) {
      // `console.log(x); //=> v` checks x (and prints nothing).
      const expression = target.expression;
      const logged = ts.isCallExpression(expression) && expression.expression.getText(source) === 'console.log' && expression.arguments.length === 1;
      const value = logged ? expression.arguments[0]! : expression;
      edits.push({ start: expression.getStart(source), end: expression.end, text: checkOf(value.getText(source)) });
    } else if (ts.isIfStatement(target!) && target.elseStatement === undefined && ts.isExpressionStatement(target.thenStatement)) {
      const call = target.thenStatement.expression;
      const inner = ts.isCallExpression(call) && call.expression.getText(source) === 'console.log' && call.arguments.length === 1 ? call.arguments[0]! : call;
      edits.push({ start: call.getStart(source), end: call.end, text: checkOf(inner.getText(source)) });
    } else if (ts.isVariableStatement(target!)) {
      const last = target.declarationList.declarations.at(-1)!;
      if (!ts.isIdentifier(last.name)) fail('//=> after a destructuring declaration: say which value it is about');
      edits.push({ start: target.end, end: target.end, text: ` ${checkOf((last.name as ts.Identifier).text)};` });
    } else {
      fail(`//=> must follow an expression statement, not a ${ts.SyntaxKind[target!.kind]}`);
    }
  }

  let body = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) body = body.slice(0, edit.start) + edit.text + body.slice(edit.end);

  const free = [...used].filter((n) => !declared.has(n)).sort();
  const values = free.filter((n) => names.values.has(n));
  const types = free.filter((n) => names.types.has(n));
  const fixtures = free.filter((n) => !names.values.has(n) && !names.types.has(n) && names.fixtures.has(n));
  const geojson = free.filter((n) => !names.values.has(n) && !names.types.has(n) && !names.fixtures.has(n) && GEOJSON_TYPES.has(n));
  const imports = [
    `import { docExample } from '../outcome.js';`,
    values.length + types.length > 0 ? `import { ${[...values, ...types.map((t) => `type ${t}`)].join(', ')} } from '../../../src/index.js';` : '',
    fixtures.length > 0 ? `import { ${fixtures.join(', ')} } from '../fixtures.js';` : '',
    geojson.length > 0 ? `import type { ${geojson.join(', ')} } from 'geojson';` : '',
  ].filter((line) => line !== '');
  const title = `${example.file} › ${example.name}${example.index > 1 ? ` #${example.index}` : ''}`;
  return {
    checks,
    code: [
      `// Generated by test/docs/examples.test.ts from ${example.file}:${example.lines[0]} (${example.name}); do not edit.`,
      ...imports,
      '',
      `const __doc = docExample(${JSON.stringify(title)});`,
      '',
      body,
      '',
      `__doc.done(${checks});`,
      '',
    ].join('\n'),
  };
}
