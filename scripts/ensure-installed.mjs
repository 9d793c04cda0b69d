// Runs on the machine's own Node (any version >= 18) before anything else, so
// that a fresh clone needs only Node and npm: installs the workspace (which
// brings the pinned Node 24 as a dependency) when it is missing or stale.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);
if (stale) {
  console.log('[vitrine] installing dependencies (first run or lockfile changed)...');
  const ci = existsSync(lock) && process.env.CI ? 'ci' : 'install';
  execSync(`npm ${ci} --no-audit --no-fund`, { stdio: 'inherit' });
}
