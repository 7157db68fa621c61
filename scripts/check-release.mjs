// The checks only a release needs, after `npm test`: CHANGELOG.md has a
// section for package.json's version, and the README's Bundle size table
// shows the sizes recorded in scripts/bundle-budget.json. Under `npm publish`
// (prepublishOnly) the version's section must also be dated, not "Unreleased".
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (file) => readFileSync(join(root, file), 'utf8');
const { version } = JSON.parse(read('package.json'));
const problems = [];

const heading = read('CHANGELOG.md').match(new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\](.*)$`, 'm'));
if (heading === null) problems.push(`CHANGELOG.md has no "## [${version}]" section`);
else if (!/\d{4}-\d{2}-\d{2}/.test(heading[1])) {
  if (process.env.npm_lifecycle_event === 'prepublishOnly') problems.push(`CHANGELOG.md's ${version} section is not dated: date it before publishing`);
  else console.log(`note: CHANGELOG.md's ${version} section is "${heading[1].replace(/^\s*-\s*/, '')}"; date it before publishing`);
}

const budgets = JSON.parse(read('scripts/bundle-budget.json'));
const readme = read('README.md');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
for (const [name, budget] of Object.entries(budgets)) {
  if (name.startsWith('$')) continue;
  const row = readme.split('\n').find((line) => line.startsWith(`| ${name} `) || line.startsWith(`| \`${name}\``));
  const wanted = [kb(budget.measured.min), kb(budget.measured.gzip)];
  if (row === undefined || !wanted.every((size) => row.includes(size))) {
    problems.push(`README's Bundle size table should show ${name}: ${wanted.join(', ')} (scripts/bundle-budget.json)`);
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`FAIL ${problem}`);
  process.exit(1);
}
console.log(`release check: ok (version ${version})`);
