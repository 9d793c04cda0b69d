// `npm test`, after the build: the generated artifacts that are committed must
// equal what the code generates now. The build rewrote them; any difference
// from the commit (or an artifact never committed) means the commit is stale.
// With CI set this fails; on a developer's machine it warns, since uncommitted
// edits to the code legitimately change them until they are committed.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
// gateway/supergraph.graphql is a build artifact too, but not committed (gateway/.gitignore): composition is checked by the build itself.
const artifacts = [':(glob)services/*/schema.graphql', 'packages/contracts/asyncapi.json'];

let status;
try {
  status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', ...artifacts], { cwd: root, encoding: 'utf8' });
} catch (error) {
  console.warn(`check-generated: skipped, not a git work tree (${error.message.split('\n')[0]})`);
  process.exit(0);
}
const changed = status.split('\n').filter(Boolean);
if (changed.length === 0) {
  console.log('check-generated: the committed subgraph SDL and AsyncAPI document match what the code generates');
  process.exit(0);
}
const strict = Boolean(process.env.CI) && process.env.CI !== 'false';
const report = [
  `check-generated: generated artifacts differ from the commit (${strict ? 'CI: failing' : 'warning only outside CI'}):`,
  ...changed.map((line) => `  ${line}`),
  execFileSync('git', ['diff', '--stat', '--', ...artifacts], { cwd: root, encoding: 'utf8' }).trimEnd(),
  'Run `npm run build` and commit the regenerated files with the code that changed them.',
].filter(Boolean);
if (strict) {
  console.error(report.join('\n'));
  process.exit(1);
}
console.warn(report.join('\n'));
