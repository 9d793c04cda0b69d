// The root tsconfig.json is a solution: `tsc -b` builds every workspace in
// dependency order and editors find each file's project through it. Its
// references, and each project's references to the workspaces it depends on,
// follow the package.json files; this script derives them so they never drift
// (scripts/project-references.unit.spec.ts fails when they do).
//   node scripts/project-references.mjs          report what differs (exit 1)
//   node scripts/project-references.mjs --write  rewrite the tsconfig files
import { execFileSync } from 'node:child_process';
import { existsSync, globSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const repoRoot = join(import.meta.dirname, '..');

/** Workspaces whose tsconfig.json emits (has an outDir): the projects `tsc -b` builds. e2e only type-checks and stays out. */
export function buildableProjects(root = repoRoot) {
  const { workspaces } = readJson(join(root, 'package.json'));
  const dirs = workspaces.flatMap((pattern) => globSync(pattern, { cwd: root })).sort();
  return dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')) && existsSync(join(root, dir, 'tsconfig.json')))
    .map((dir) => ({ dir, pkg: readJson(join(root, dir, 'package.json')), tsconfig: readJson(join(root, dir, 'tsconfig.json')) }))
    .filter((p) => p.tsconfig.compilerOptions?.outDir);
}

/** What each tsconfig.json should say: the root's references, and each project's composite settings and references. */
export function plannedConfigs(root = repoRoot) {
  const projects = buildableProjects(root);
  const dirByName = new Map(projects.map((p) => [p.pkg.name, p.dir]));
  const planned = new Map();
  planned.set('tsconfig.json', {
    // Nothing of its own: every file belongs to one workspace's project.
    files: [],
    references: projects.map((p) => ({ path: `./${p.dir}` })),
  });
  for (const { dir, pkg, tsconfig } of projects) {
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
      .filter((name) => dirByName.has(name))
      .sort();
    const references = deps.map((name) => ({ path: relative(join(root, dir), join(root, dirByName.get(name))) }));
    const { references: _old, ...rest } = tsconfig;
    planned.set(`${dir}/tsconfig.json`, {
      ...rest,
      // composite: what `tsc -b` requires of a referenced project; its build info stays with its output.
      compilerOptions: { ...tsconfig.compilerOptions, composite: true, tsBuildInfoFile: 'dist/.tsbuildinfo' },
      ...(references.length > 0 ? { references } : {}),
    });
  }
  return planned;
}

/** The tsconfig files whose content differs from the plan. */
export function driftedConfigs(root = repoRoot) {
  return [...plannedConfigs(root)].filter(([path, want]) => !existsSync(join(root, path)) || !sameJson(readJson(join(root, path)), want)).map(([path]) => path);
}

function sameJson(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Rewrites the tsconfig files that drifted (formatted as the repository formats JSON); returns their paths. */
export function writeProjectReferences(root = repoRoot) {
  const drifted = driftedConfigs(root);
  const planned = plannedConfigs(root);
  for (const path of drifted) writeFileSync(join(root, path), `${JSON.stringify(planned.get(path), null, 2)}\n`);
  if (drifted.length > 0)
    execFileSync(join(repoRoot, 'node_modules/.bin/prettier'), ['--write', '--log-level', 'warn', ...drifted], { cwd: root, stdio: 'inherit' });
  return drifted;
}

if (import.meta.filename === process.argv[1]) {
  if (process.argv.includes('--write')) {
    const drifted = writeProjectReferences();
    console.log(drifted.length === 0 ? 'project-references: every tsconfig already agrees' : `project-references: rewrote ${drifted.join(', ')}`);
  } else {
    const drifted = driftedConfigs();
    if (drifted.length > 0) {
      console.error(`project-references: out of date: ${drifted.join(', ')}. Run \`npm run tsconfig:references\`.`);
      process.exit(1);
    }
    console.log('project-references: every tsconfig agrees with the workspaces');
  }
}
