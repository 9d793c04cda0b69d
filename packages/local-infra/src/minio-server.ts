/**
 * A real S3-compatible server (MinIO) for tests, without Docker: built once
 * from the Go module proxy with `go install` into the cache folder (about 3
 * minutes, 150 MB), then started on 127.0.0.1 with a temporary data folder.
 * Unlike the Node and Python S3 emulators it checks request signatures (a
 * tampered presigned URL gets 403). MinIO is AGPL: it runs only as a separate
 * test server; nothing imports or ships it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { freePorts } from './free-port.js';
import { acquireLock } from './kafka-broker.js';

/** The module version `go list -m github.com/minio/minio@latest` gave in December 2026 (MinIO tags are not semver). */
export const DEFAULT_MINIO_VERSION = 'v0.0.0-20260212201848-7aac2a2c5b7c';

export interface MinioServerOptions {
  version?: string;
  /** Default `${VITRINE_CACHE_DIR:-~/.cache/vitrine}`; the binary goes to `<cacheDir>/minio/<version>/minio`. */
  cacheDir?: string;
  log?: (line: string) => void;
}

export interface RunningMinio {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
}

const BUILD_TIMEOUT_MS = 15 * 60_000;
const READY_TIMEOUT_MS = 60_000;
const execFileAsync = promisify(execFile);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startMinioServer(options: MinioServerOptions = {}): Promise<RunningMinio> {
  const version = options.version ?? DEFAULT_MINIO_VERSION;
  const log = options.log ?? (() => {});
  const cacheDir = options.cacheDir ?? process.env.VITRINE_CACHE_DIR ?? join(homedir(), '.cache', 'vitrine');
  const binary = await ensureMinioBinary(version, cacheDir, log);
  const dataDir = await mkdtemp(join(tmpdir(), 'vitrine-minio-'));
  const [port, consolePort] = await freePorts(2);
  const accessKeyId = 'vitrine-test';
  const secretAccessKey = randomBytes(18).toString('base64url');
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawnWithParentDeathSignal(
    binary,
    ['server', dataDir, '--address', `127.0.0.1:${port}`, '--console-address', `127.0.0.1:${consolePort}`, '--quiet'],
    {
      ...process.env,
      MINIO_ROOT_USER: accessKeyId,
      MINIO_ROOT_PASSWORD: secretAccessKey,
      MINIO_BROWSER: 'off',
      MINIO_UPDATE: 'off',
    },
  );
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      log(`minio: ${line}`);
    });
  }
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilLive(endpoint, exited, () => tail.join('\n'));
    log(`minio ready on ${endpoint} (data: ${dataDir})`);
    return { endpoint, accessKeyId, secretAccessKey, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitUntilLive(endpoint: string, exited: Promise<void>, tail: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`MinIO exited before it was ready:\n${tail()}`);
    const live = await fetch(`${endpoint}/minio/health/live`).then(
      (r) => r.ok,
      () => false,
    );
    if (live) return;
    await sleep(200);
  }
  throw new Error(`MinIO was not ready within ${READY_TIMEOUT_MS} ms:\n${tail()}`);
}

/**
 * Builds MinIO once per version with `go install` (the Go module proxy) into `<cacheDir>/minio/<version>/minio`;
 * concurrent callers wait for one build. The lock names its owner's pid: a build whose process died (a test hook that
 * timed out kills its worker) is taken over at once rather than waited for.
 */
export async function ensureMinio(options: Pick<MinioServerOptions, 'version' | 'cacheDir' | 'log'> = {}): Promise<string> {
  const version = options.version ?? DEFAULT_MINIO_VERSION;
  const cacheDir = options.cacheDir ?? process.env.VITRINE_CACHE_DIR ?? join(homedir(), '.cache', 'vitrine');
  return ensureMinioBinary(version, cacheDir, options.log ?? (() => {}));
}

async function ensureMinioBinary(version: string, cacheDir: string, log: (line: string) => void): Promise<string> {
  if (!/^v[0-9A-Za-z.+-]+$/.test(version)) throw new Error(`Invalid MinIO module version "${version}"`);
  const dir = join(cacheDir, 'minio', version);
  const binary = join(dir, 'minio');
  if (existsSync(binary)) return binary;
  await mkdir(dir, { recursive: true });
  const release = await acquireLock(join(dir, 'build.lock'));
  try {
    if (existsSync(binary)) return binary;
    const staging = join(dir, 'staging');
    await rm(staging, { recursive: true, force: true });
    log(`minio ${version}: building with go install into ${dir} (a few minutes, once)`);
    const started = Date.now();
    await execFileAsync('go', ['install', `github.com/minio/minio@${version}`], {
      env: { ...process.env, GOBIN: staging, CGO_ENABLED: '0' },
      timeout: BUILD_TIMEOUT_MS,
      maxBuffer: 16 << 20,
    }).catch((error: unknown) => {
      const e = error as { message: string; stderr?: string };
      throw new Error(`Building MinIO with go install failed (is Go installed?): ${e.message}\n${e.stderr ?? ''}`);
    });
    // Moved into place last, so an interrupted build is redone.
    await rename(join(staging, 'minio'), binary);
    await rm(staging, { recursive: true, force: true });
    await writeFile(join(dir, 'built-at'), `${new Date().toISOString()} in ${Date.now() - started} ms\n`);
    return binary;
  } finally {
    await release();
  }
}

/** The server must not outlive its parent: setpriv makes the kernel kill it when the parent dies. */
function spawnWithParentDeathSignal(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const setpriv = (process.env.PATH ?? '')
    .split(delimiter)
    .map((d) => join(d, 'setpriv'))
    .find(existsSync);
  const options = { env, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'] };
  return setpriv ? spawn(setpriv, ['--pdeathsig', 'KILL', '--', command, ...args], options) : spawn(command, args, options);
}
