/**
 * Test servers written in Go (Mailpit) are built once from the Go module
 * proxy into the cache folder, like Kafka's jars: `go install module@version`
 * with GOBIN pointing there. `.ci/run` installs a Go toolchain where a
 * machine has none.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { acquireLock } from './kafka-broker.js';

const execFileAsync = promisify(execFile);
const BUILD_TIMEOUT_MS = 10 * 60_000;

/** `GO`, then `go` on PATH, then the usual install folders (`/usr/local/go`, Debian's `/usr/lib/go-1.N`, newest first). */
export function findGoToolchain(): string | undefined {
  if (process.env.GO && existsSync(process.env.GO)) return process.env.GO;
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'go'))
    .find(existsSync);
  if (onPath) return onPath;
  const debian = existsSync('/usr/lib')
    ? readdirSync('/usr/lib')
        .filter((d) => /^go-1\.\d+$/.test(d))
        .sort((a, b) => Number(b.split('.')[1]) - Number(a.split('.')[1]))
        .map((d) => `/usr/lib/${d}/bin/go`)
    : [];
  return ['/usr/local/go/bin/go', ...debian].find(existsSync);
}

export interface GoBinaryOptions {
  /** The module path, e.g. `github.com/axllent/mailpit`. */
  module: string;
  /** A pinned version tag (`v1.2.3`). */
  version: string;
  /** The binary `go install` writes (the module's last path segment). */
  binary: string;
  /** Default `${VITRINE_CACHE_DIR:-~/.cache/vitrine}`. */
  cacheDir?: string;
  log?: (line: string) => void;
}

/** Builds `module@version` once into `<cacheDir>/<binary>/<version>/`; concurrent callers wait for a single build. */
export async function ensureGoBinary(options: GoBinaryOptions): Promise<string> {
  if (!/^v\d+\.\d+\.\d+$/.test(options.version)) throw new Error(`Invalid version "${options.version}" for ${options.module}`);
  const log = options.log ?? (() => {});
  const cacheDir = options.cacheDir ?? process.env.VITRINE_CACHE_DIR ?? join(homedir(), '.cache', 'vitrine');
  const dir = join(cacheDir, options.binary, options.version);
  const binary = join(dir, options.binary);
  // Written last, so an interrupted build is redone.
  const marker = join(dir, 'complete');
  if (existsSync(marker) && existsSync(binary)) return binary;
  await mkdir(dir, { recursive: true });
  const release = await acquireLock(join(dir, 'build.lock'));
  try {
    if (existsSync(marker) && existsSync(binary)) return binary;
    const go = findGoToolchain();
    if (!go) throw new Error(`${options.binary} is built with the Go toolchain: install Go (.ci/run does) or set GO=/path/to/go`);
    const started = Date.now();
    log(`${options.binary} ${options.version}: building with ${go} into ${dir}`);
    await execFileAsync(go, ['install', `${options.module}@${options.version}`], {
      env: { ...process.env, GOBIN: dir },
      timeout: BUILD_TIMEOUT_MS,
      maxBuffer: 16 << 20,
    }).catch((error: unknown) => {
      const { stderr = '' } = error as { stderr?: string };
      throw new Error(`Building ${options.module}@${options.version} failed: ${(error as Error).message}\n${stderr.split('\n').slice(-20).join('\n')}`, {
        cause: error,
      });
    });
    await writeFile(marker, `${new Date().toISOString()}\n`);
    log(`${options.binary} ${options.version}: built in ${Date.now() - started} ms`);
    return binary;
  } finally {
    await release();
  }
}
