/**
 * Writes the JSON Schema of every entity to `schemas/<name>.json`, shipped in
 * the package (`contested/schemas/claim.json` …) for users in other languages.
 * Run by `npm run build`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTITY_NAMES, toJsonSchema } from '../src/index.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
mkdirSync(outDir, { recursive: true });
const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
for (const name of ENTITY_NAMES) {
  const schema = { $id: `contested/schemas/${kebab(name)}.json`, title: name, ...toJsonSchema(name) };
  writeFileSync(join(outDir, `${kebab(name)}.json`), `${JSON.stringify(schema, null, 2)}\n`);
}
console.log(`wrote ${ENTITY_NAMES.length} JSON Schemas to schemas/`);
