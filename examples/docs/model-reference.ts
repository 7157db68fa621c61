/**
 * Writes `docs/model-reference.md`, the data model reference, from the zod
 * schemas themselves: every field of every entity with its type, whether it
 * is required, and its meaning (the field's doc comment in the schema's
 * source). `model-reference.test.ts` fails when the committed page differs
 * from what this script writes, so the reference cannot drift from the code.
 *
 * Regenerate with `npx tsx examples/docs/model-reference.ts`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { z } from 'zod';
import * as api from 'contested';

type Schema = z.core.$ZodType;
type Def = { type: string } & Record<string, unknown>;

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
/** Where the page is written. */
export const REFERENCE_PATH = join(root, 'docs', 'model-reference.md');

/** The entities, in the order the page lists them, with the sub-objects they are made of. */
const ENTITIES = [
  'Dataset', 'DatasetMeta', 'DatasetSource',
  'Side', 'Actor', 'Unit', 'Person', 'AgeAsOf', 'Position', 'Place', 'ApproximateGeometry',
  'Claim', 'StatedFigures', 'Evidence', 'Observation', 'Event', 'Statement',
] as const;

/** Enumerations listed with their values. */
const ENUMS = [
  'ControlStatus', 'ClaimBasis', 'SourceReliability', 'InformationCredibility', 'ActorKind', 'Echelon', 'UnitRole', 'ForceKind',
  'PositionSource', 'PlaceKind', 'SplitKeep', 'EvidenceKind', 'EventKind', 'TimePrecision',
] as const;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && '_zod' in value;
const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Exported schemas by identity, so a field typed `TimeRef.optional()` is shown as `TimeRef`. */
const NAMES = new Map<Schema, string>();
for (const [name, value] of Object.entries(api)) if (isSchema(value) && !NAMES.has(value)) NAMES.set(value, name);

function schemaOf(name: string): Schema {
  const value = (api as Record<string, unknown>)[name];
  if (!isSchema(value)) throw new Error(`${name} is not an exported zod schema`);
  return value;
}

// ---------------------------------------------------------------- comments

interface Literal {
  keys: string[];
  kind: string | undefined;
  docs: Map<string, string>;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (entry.endsWith('.ts') && !entry.endsWith('.test.ts') && !entry.endsWith('.test-d.ts')) out.push(path);
  }
  return out;
}

function docText(node: ts.Node, file: ts.SourceFile): string {
  const ranges = ts.getLeadingCommentRanges(file.text, node.getFullStart()) ?? [];
  const last = ranges.filter((r) => file.text.startsWith('/**', r.pos)).at(-1);
  if (last === undefined) return '';
  return file.text
    .slice(last.pos + 3, last.end - 2)
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
    .split(/\n\s*\n|\n@/)[0]!
    .replace(/\s+/g, ' ')
    .replace(/@category \S+( \S+)?/g, '')
    .trim();
}

/** Every object literal passed to `z.strictObject`/`z.looseObject`/`z.object`, with its fields' doc comments. */
const LITERALS: Literal[] = [];
/** The doc comment of every exported `const`, by name. */
const SUMMARIES = new Map<string, string>();
for (const path of sourceFiles(join(root, 'src'))) {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isVariableStatement(node) && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      for (const decl of node.declarationList.declarations) {
        if (ts.isIdentifier(decl.name) && !SUMMARIES.has(decl.name.text)) SUMMARIES.set(decl.name.text, docText(node, file));
      }
    }
    if (ts.isCallExpression(node) && /\b(strictObject|looseObject|object)$/.test(node.expression.getText(file))) {
      const arg = node.arguments[0];
      if (arg !== undefined && ts.isObjectLiteralExpression(arg)) {
        const literal: Literal = { keys: [], kind: undefined, docs: new Map() };
        for (const prop of arg.properties) {
          if (!ts.isPropertyAssignment(prop) || prop.name === undefined) continue;
          const key = prop.name.getText(file).replace(/^['"]|['"]$/g, '');
          literal.keys.push(key);
          literal.docs.set(key, docText(prop, file));
          const kind = /^z\.literal\('([^']+)'\)$/.exec(prop.initializer.getText(file));
          if (key === 'kind' && kind !== null) literal.kind = kind[1];
        }
        LITERALS.push(literal);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

function docsFor(keys: string[], kind: string | undefined): Map<string, string> {
  const found = LITERALS.filter((l) => l.keys.join() === keys.join() && l.kind === kind);
  if (found.length !== 1) throw new Error(`found ${found.length} object literals with the fields ${keys.join(', ')}`);
  return found[0]!.docs;
}

// ---------------------------------------------------------------- types

const code = (text: string): string => `\`${text}\``;
const escape = (text: string): string => text.replace(/\|/g, '\\|');

/** The type of a field as a reader should see it. */
function typeOf(schema: Schema, top = false): string {
  const named = NAMES.get(schema);
  if (named !== undefined && !top) return `{@link ${named}}`;
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return typeOf(def['innerType'] as Schema);
    case 'pipe':
      return typeOf(def['in'] as Schema);
    case 'lazy':
      return typeOf((def['getter'] as () => Schema)());
    case 'string':
      return code('string');
    case 'number':
      return code('number');
    case 'boolean':
      return code('boolean');
    case 'literal':
      return (def['values'] as unknown[]).map((v) => code(JSON.stringify(v).replace(/"/g, "'"))).join(' | ');
    case 'enum':
      return Object.values(def['entries'] as Record<string, string>).map((v) => code(`'${v}'`)).join(' | ');
    case 'array':
      return `${typeOf(def['element'] as Schema)}[]`;
    case 'tuple':
      return `[${(def['items'] as Schema[]).map((i) => typeOf(i)).join(', ')}]`;
    case 'record':
      return 'object of any JSON';
    case 'union':
      return (def['options'] as Schema[]).map((o) => typeOf(o)).join(' | ');
    case 'object':
      return `{ ${Object.keys(def['shape'] as object).join(', ')} }`;
    default:
      return code(def.type);
  }
}

function unwrap(schema: Schema): { inner: Schema; optional: boolean } {
  const def = defOf(schema);
  if (def.type === 'optional') return { inner: def['innerType'] as Schema, optional: true };
  return { inner: schema, optional: false };
}

function objectOf(schema: Schema): Record<string, Schema> {
  const def = defOf(schema);
  if (def.type === 'object') return def['shape'] as Record<string, Schema>;
  if (def.type === 'pipe') return objectOf(def['in'] as Schema);
  throw new Error(`not an object schema: ${def.type}`);
}

function fieldTable(shape: Record<string, Schema>, kind: string | undefined): string[] {
  const keys = Object.keys(shape);
  const docs = docsFor(keys, kind);
  const rows = ['| field | type | required | meaning |', '| --- | --- | --- | --- |'];
  for (const key of keys) {
    const { inner, optional } = unwrap(shape[key]!);
    rows.push(`| ${code(key)} | ${escape(typeOf(inner))} | ${optional ? 'no' : 'yes'} | ${escape(docs.get(key) ?? '')} |`);
  }
  return rows;
}

// ---------------------------------------------------------------- the page

/** The reference page, as markdown. */
export function modelReference(): string {
  const out: string[] = [
    '---',
    'title: Data model reference',
    '---',
    '',
    '# Data model reference',
    '',
    '<!-- Written by examples/docs/model-reference.ts from the zod schemas; do not edit by hand. -->',
    '',
    'Every entity of the model and every field, as the schemas define them. A',
    'dataset is one JSON object; each list in it is optional, and every entity',
    'has a string `id`, unique among entities of its kind. Entities refer to',
    'each other by id. Unknown fields are rejected; fields of your own go in',
    '`properties` (see the errors guide). Times are {@link TimeRef}s: ISO 8601',
    'strings whose precision is the precision of the string (`"2025-12"` is',
    'the month), or `{ at, precision }`. Areas are {@link AreaRef}s: a place',
    'id, `{ geometry }`, or an expression over places. Coordinates are WGS84',
    '`[lon, lat]`.',
    '',
    'The same schemas as JSON Schema: {@link toJsonSchema}, or the files in',
    '`contested/schemas/`.',
    '',
  ];
  for (const name of ENTITIES) {
    const schema = schemaOf(name);
    out.push(`## ${name}`, '');
    const summary = SUMMARIES.get(name);
    if (summary) out.push(summary, '');
    const def = defOf(schema);
    if (def.type === 'union') {
      out.push('One of these, told apart by `kind`:', '');
      for (const option of def['options'] as Schema[]) {
        const shape = objectOf(option);
        const kind = (defOf(shape['kind']!)['values'] as string[])[0];
        out.push(`### ${code(`kind: '${kind}'`)}`, '', ...fieldTable(shape, kind), '');
      }
    } else {
      out.push(...fieldTable(objectOf(schema), undefined), '');
    }
  }
  out.push(
    '## Claims as people make them',
    '',
    'A denial — "Pokrovsk has not fallen yet" — is a {@link Claim} with `status: \'not-controlled\'` and the side it denies; the table on {@link ControlStatus} says what it agrees and conflicts with:',
    '',
    '{@includeCode ../examples/docs/model-reference-examples.ts#denial}',
    '',
    'What a claimant said in numbers is `statedFigures` ({@link StatedFigures}), which {@link checkStatedFigures} compares with the ground drawn:',
    '',
    '{@includeCode ../examples/docs/model-reference-examples.ts#figures}',
    '',
    'Names are kept in their own script; a Russian name is found by the spelling English-language sources use (BGN/PCGN), with no alias, and {@link findByName} says which name and which reading matched:',
    '',
    '{@includeCode ../examples/docs/model-reference-examples.ts#name}',
    '',
    '## AreaRef',
    '',
    SUMMARIES.get('AreaRef') ?? '',
    '',
    '| form | meaning |',
    '| --- | --- |',
    '| `"pokrovsk"` | the place with that id (an area kind of {@link Place}) |',
    '| `{ geometry }` | an inline Polygon or MultiPolygon |',
    '| `{ split: { area, line, keep } }` | the part of `area` on one side of `line` (a place id or a line geometry); `keep` is a {@link SplitKeep} |',
    '| `{ union: [a, b, …] }` | ground in any of two or more areas |',
    '| `{ intersection: [a, b, …] }` | ground in all of them |',
    '| `{ difference: { area, minus } }` | ground in `area` and not in `minus` |',
    '',
    `Expressions nest, up to {@link MAX_AREA_DEPTH} levels; {@link resolveArea} turns one into a MultiPolygon.`,
    '',
    '## TimeRef',
    '',
    '| form | meaning |',
    '| --- | --- |',
    '| `"2025"`, `"2025-12"`, `"2025-W49"`, `"2025-12-03"` | a year, month, ISO week or day: the whole span |',
    '| `"2025-12-03T14Z"`, `"2025-12-03T14:05Z"`, `"2025-12-03T14:05:30+02:00"` | an hour, minute or second; a time of day needs an offset |',
    '| `{ at, precision }` | an ISO string read at a coarser {@link TimePrecision} than it is written: `{ at: "2025-12-03", precision: "week" }` |',
    '',
  );
  out.push('## Enumerations', '', '| name | values | meaning |', '| --- | --- | --- |');
  for (const name of ENUMS) {
    const schema = schemaOf(name);
    const def = defOf(schema);
    const values =
      def.type === 'enum'
        ? typeOf(schema, true)
        : name === 'InformationCredibility'
          ? '`1` … `6`'
          : typeOf(schema, true);
    out.push(`| {@link ${name}} | ${escape(values)} | ${escape(SUMMARIES.get(name) ?? '')} |`);
  }
  out.push('');
  return out.join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(REFERENCE_PATH, modelReference());
  console.log(`wrote ${REFERENCE_PATH}`);
}
