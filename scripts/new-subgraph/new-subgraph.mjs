// `npm run new:subgraph -- <name>`: writes services/<name> from ./template and
// registers it where the platform looks for services: the gateway's list (the
// one list everything derives from), gateway's dependencies (build order) and
// docker-compose.yml, and the root tsconfig.json's references. Then `npm install` links the new workspace.
//   --root <dir>   act on another checkout (the generator's own test uses a temp copy)
//   --no-install   skip `npm install`
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeProjectReferences } from '../project-references.mjs';

const templateRoot = join(dirname(fileURLToPath(import.meta.url)), 'template');

export function generateSubgraph(name, { root }) {
  if (!/^[a-z][a-z0-9]{1,30}$/.test(name)) throw new Error(`"${name}": a service name is one lowercase word (letters and digits), e.g. payments`);
  const folder = join(root, 'services', name);
  if (existsSync(folder)) throw new Error(`services/${name} exists already`);
  const written = copyTemplate(templateRoot, folder, (text) => text.replaceAll('__name__', name));
  const port = registerInGatewayList(join(root, 'gateway/src/subgraphs.ts'), name);
  addGatewayDependency(join(root, 'gateway/package.json'), name);
  addComposeService(join(root, 'docker-compose.yml'), name);
  // The root solution config and the new project's references (tsc -b, editors).
  writeProjectReferences(root);
  return { files: written.map((f) => relative(root, f)), port };
}

function copyTemplate(from, to, fill) {
  const written = [];
  for (const entry of readdirSync(from)) {
    const source = join(from, entry);
    const target = join(to, fill(entry).replace(/\.tmpl$/, ''));
    if (statSync(source).isDirectory()) {
      written.push(...copyTemplate(source, target, fill));
    } else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, fill(readFileSync(source, 'utf8')));
      written.push(target);
    }
  }
  return written;
}

function registerInGatewayList(path, name) {
  const source = readFileSync(path, 'utf8');
  const entries = [...source.matchAll(/subgraph\('([a-z0-9]+)', (\d+)\)/g)];
  if (entries.some(([, existing]) => existing === name)) throw new Error(`${name} is in the gateway's list already`);
  const port = Math.max(...entries.map(([, , p]) => Number(p))) + 1;
  const end = source.indexOf('] as const;');
  if (end < 0 || entries.length === 0) throw new Error(`${path}: cannot find the subgraph list`);
  // The list may be on one line (prettier joins short lists) with no comma after its last entry.
  const before = source.slice(0, end).trimEnd();
  const separator = before.endsWith(',') || before.endsWith('[') ? '' : ',';
  writeFileSync(path, `${before}${separator}\n  subgraph('${name}', ${port}),\n${source.slice(end)}`);
  return port;
}

function addGatewayDependency(path, name) {
  const pkg = JSON.parse(readFileSync(path, 'utf8'));
  pkg.devDependencies = Object.fromEntries(Object.entries({ ...pkg.devDependencies, [`@vitrine/${name}`]: '*' }).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
}

function addComposeService(path, name) {
  let compose = readFileSync(path, 'utf8');
  const block = `  ${name}:\n    <<: *service\n    build: { context: ., dockerfile: Dockerfile, args: { SERVICE: services/${name} } }\n    environment: { <<: *service-env }\n    healthcheck: *ready\n\n`;
  compose = insertBefore(compose, /^ {2}gateway:\n/m, block);
  // Within the gateway's own block: services after it (the storefront) have depends_on entries too.
  compose = withinService(compose, 'gateway', (gateway) => {
    gateway = insertAfterLast(gateway, /^ {6}[a-z0-9]+: \{ condition: service_healthy \}\n/gm, `      ${name}: { condition: service_healthy }\n`);
    return insertAfterLast(gateway, /^ {6}SUBGRAPH_[A-Z0-9_]+_URL: .*\n/gm, `      SUBGRAPH_${name.toUpperCase()}_URL: http://${name}:4000/graphql\n`);
  });
  writeFileSync(path, compose);
}

/** Applies `edit` to one service's block of docker-compose.yml (from its name to the next top-level entry). */
function withinService(text, service, edit) {
  const start = new RegExp(`^ {2}${service}:\\n`, 'm').exec(text);
  if (!start) throw new Error(`docker-compose.yml: cannot find service ${service}`);
  const rest = text.slice(start.index + start[0].length);
  const next = /^ {0,2}[a-z0-9-]+:/m.exec(rest);
  const end = next ? start.index + start[0].length + next.index : text.length;
  return text.slice(0, start.index) + edit(text.slice(start.index, end)) + text.slice(end);
}

function insertBefore(text, pattern, insert) {
  const match = pattern.exec(text);
  if (!match) throw new Error(`docker-compose.yml: cannot find ${pattern}`);
  return text.slice(0, match.index) + insert + text.slice(match.index);
}

function insertAfterLast(text, pattern, insert) {
  const matches = [...text.matchAll(pattern)];
  const last = matches.at(-1);
  if (!last) throw new Error(`docker-compose.yml: cannot find ${pattern}`);
  const at = last.index + last[0].length;
  return text.slice(0, at) + insert + text.slice(at);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (flag) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const root = option('--root') ?? join(dirname(fileURLToPath(import.meta.url)), '../..');
  const install = !args.includes('--no-install');
  const [name] = args.filter((a) => !a.startsWith('--'));
  if (!name) {
    console.error('usage: npm run new:subgraph -- <name>   (one lowercase word, e.g. payments)');
    process.exit(2);
  }
  try {
    const { files, port } = generateSubgraph(name, { root });
    console.log(
      `[new:subgraph] wrote ${files.length} files in services/${name}; registered in gateway/src/subgraphs.ts (local port ${port}), gateway/package.json and docker-compose.yml`,
    );
    if (install) execSync('npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
    console.log(
      `[new:subgraph] next: entities in services/${name}/src/store, then \`npm run migration:create -w services/${name} -- initial\`; its events in packages/contracts/src/events/${name}/; \`npm test\` composes the supergraph.`,
    );
  } catch (err) {
    console.error(`[new:subgraph] ${err.message}`);
    process.exit(1);
  }
}
