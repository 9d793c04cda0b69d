/**
 * stripe-mock (Stripe's own mock of its API, MIT) for the payments adapter's
 * contract tests: built once from the Go module proxy into the cache folder
 * (like Kafka's jars), then started on loopback ports. It validates requests
 * against Stripe's OpenAPI spec and answers with fixtures; it keeps no state.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { freePorts } from './free-port.js';
import { acquireLock, spawnWithParentDeathSignal } from './kafka-broker.js';

/** Pinned: the adapter's contract tests are written against this version's fixtures. */
export const STRIPE_MOCK_VERSION = 'v0.203.0';

export interface StripeMockOptions {
  version?: string;
  /** Default `${VITRINE_CACHE_DIR:-~/.cache/vitrine}`; the binary goes to `<cacheDir>/stripe-mock/<version>/stripe-mock`. */
  cacheDir?: string;
  log?: (line: string) => void;
}

export interface RunningStripeMock {
  /** Plain HTTP, for the SDK's `{ host, port, protocol: 'http' }`. */
  host: string;
  port: number;
  url: string;
  stop(): Promise<void>;
}

const execFileAsync = promisify(execFile);
const BUILD_TIMEOUT_MS = 10 * 60_000;
const READY_TIMEOUT_MS = 30_000;

/**
 * The Go toolchain: `GO`, then `go` on PATH, then the usual install folders
 * (`/usr/local/go`, Debian's `/usr/lib/go-1.N`, newest first). `.ci/run`
 * installs one where a machine has none.
 */
export function findGo(): string | undefined {
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
  return ['/usr/local/go/bin/go', ...debian, join(homedir(), 'go', 'bin', 'go')].find(existsSync);
}

/** Builds stripe-mock once per version (`go install`, ~25 s); concurrent callers wait for a single build. */
export async function ensureStripeMock(options: StripeMockOptions = {}): Promise<string> {
  const version = options.version ?? STRIPE_MOCK_VERSION;
  if (!/^v\d+\.\d+\.\d+$/.test(version)) throw new Error(`Invalid stripe-mock version "${version}"`);
  const log = options.log ?? (() => {});
  const cacheDir = options.cacheDir ?? process.env.VITRINE_CACHE_DIR ?? join(homedir(), '.cache', 'vitrine');
  const dir = join(cacheDir, 'stripe-mock', version);
  const binary = join(dir, 'stripe-mock');
  const marker = join(dir, 'complete');
  if (existsSync(marker) && existsSync(binary)) return binary;
  await mkdir(dir, { recursive: true });
  const release = await acquireLock(join(dir, 'build.lock'));
  try {
    if (existsSync(marker) && existsSync(binary)) return binary;
    const go = findGo();
    if (!go) throw new Error('stripe-mock needs the Go toolchain (>= 1.22): install it (.ci/run does) or set GO=/path/to/go');
    const started = Date.now();
    log(`stripe-mock ${version}: building with ${go} into ${dir}`);
    await execFileAsync(go, ['install', `github.com/stripe/stripe-mock@${version}`], {
      env: { ...process.env, GOBIN: dir },
      timeout: BUILD_TIMEOUT_MS,
      maxBuffer: 16 << 20,
    }).catch((error: unknown) => {
      const { stderr = '' } = error as { stderr?: string };
      throw new Error(`Building stripe-mock ${version} failed: ${(error as Error).message}\n${stderr.split('\n').slice(-20).join('\n')}`, { cause: error });
    });
    await writeFile(marker, `${new Date().toISOString()}\n`);
    log(`stripe-mock ${version}: built in ${Date.now() - started} ms`);
    return binary;
  } finally {
    await release();
  }
}

/** Starts stripe-mock on two free loopback ports (HTTP and HTTPS; it binds every interface unless told). */
export async function startStripeMock(options: StripeMockOptions = {}): Promise<RunningStripeMock> {
  const binary = await ensureStripeMock(options);
  const log = options.log ?? (() => {});
  const [port, httpsPort] = await freePorts(2);
  const host = '127.0.0.1';
  const child: ChildProcess = spawnWithParentDeathSignal(binary, ['-http-addr', `${host}:${port}`, '-https-addr', `${host}:${httpsPort}`], process.cwd());
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => {
      lines.push(line);
      if (lines.length > 40) lines.shift();
      log(line);
    });
  }
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`stripe-mock exited before it was ready:\n${lines.join('\n')}`);
    const ok = await fetch(`${url}/v1/balance`, { headers: { authorization: 'Bearer sk_test_probe' }, signal: AbortSignal.timeout(1_000) }).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`stripe-mock not ready after ${READY_TIMEOUT_MS} ms:\n${lines.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { host, port: port!, url, stop };
}

/** For `.ci/run` and diagnostics: the toolchain's version, e.g. `go1.26.8`. */
export async function goVersion(go = findGo()): Promise<string | undefined> {
  if (!go) return undefined;
  const { stdout } = await execFileAsync(go, ['version']);
  return /go\d+\.\d+(\.\d+)?/.exec(stdout)?.[0];
}
