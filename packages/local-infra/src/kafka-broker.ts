/**
 * A real single-node Apache Kafka broker (KRaft) for local runs and tests,
 * without Docker: the broker's jars come from Maven Central once (cached
 * outside git) and run on the machine's Java 17+.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePorts } from './free-port.js';
import { processAlive } from './process-alive.js';

export interface KafkaBrokerOptions {
  /** Apache Kafka version (org.apache.kafka:kafka_2.13 on Maven Central). */
  version?: string;
  /** Reused across starts when given (and then not deleted); a fresh temp dir otherwise. */
  dataDir?: string;
  /** Default `${VITRINE_CACHE_DIR:-~/.cache/vitrine}`; the jars go to `<cacheDir>/kafka/<version>/libs`. */
  cacheDir?: string;
  /**
   * The client port; a free one when omitted. Given with `dataDir`, a stopped broker starts
   * again where its clients left it (the fault tests restart it under running services).
   */
  port?: number;
  /** How long the broker may take to answer metadata requests after its start (default 60 s); a loaded machine's JVM can need more. */
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface RunningKafkaBroker {
  brokers: string[];
  stop(): Promise<void>;
}

/**
 * 4.2.0 is the newest broker that @platformatic/kafka 2.12 lists as supported
 * (3.5.0 to 4.2.0, tested in its CI); Kafka 4.x brokers run on Java 17.
 */
export const DEFAULT_KAFKA_VERSION = '4.2.0';

const POM = fileURLToPath(new URL('../kafka/pom.xml', import.meta.url));
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
const FETCH_TIMEOUT_MS = 10 * 60_000;
const LOCK_STALE_MS = FETCH_TIMEOUT_MS + 60_000;
const execFileAsync = promisify(execFile);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startKafkaBroker(options: KafkaBrokerOptions = {}): Promise<RunningKafkaBroker> {
  const version = options.version ?? DEFAULT_KAFKA_VERSION;
  const log = options.log ?? (() => {});
  const cacheDir = options.cacheDir ?? process.env.VITRINE_CACHE_DIR ?? join(homedir(), '.cache', 'vitrine');
  const libs = await ensureKafkaLibs(version, cacheDir, log);
  // A free port can be taken by someone else before the broker binds it: try again on new ports.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(version, libs, options, log);
    } catch (error) {
      // A port of the caller's choosing stays taken: only free ports are worth another try.
      if (attempt >= 3 || !(error instanceof PortTakenError) || options.port !== undefined) throw error;
      log('kafka: a port was taken before the broker bound it; retrying on new ports');
    }
  }
}

async function startOnce(
  version: string,
  libs: string,
  { dataDir: givenDataDir, port: givenPort, readyTimeoutMs = READY_TIMEOUT_MS }: KafkaBrokerOptions,
  log: (line: string) => void,
): Promise<RunningKafkaBroker> {
  const ownsDataDir = !givenDataDir;
  const dataDir = givenDataDir ?? (await mkdtemp(join(tmpdir(), 'vitrine-kafka-')));
  // The controller's port may change between starts (a static voter set), so it is always a free one.
  const [anyPort, controllerPort] = await freePorts(2);
  const port = givenPort ?? anyPort;
  const brokers = [`127.0.0.1:${port}`];
  const started = Date.now();
  let child: ChildProcess | undefined;
  let portTaken = false;
  try {
    await mkdir(dataDir, { recursive: true });
    const configFile = join(dataDir, 'server.properties');
    const log4jFile = join(dataDir, 'log4j2.properties');
    await writeFile(configFile, serverProperties(dataDir, port!, controllerPort!));
    await writeFile(log4jFile, LOG4J2_PROPERTIES);
    const jvm = [
      '-Xmx512m',
      '-Xms128m',
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${log4jFile}`,
      '-cp',
      join(libs, '*'),
    ];

    // A reused data dir keeps its cluster id; formatting it again would fail.
    if (!existsSync(join(dataDir, 'logs', 'meta.properties'))) {
      await execFileAsync('java', [...jvm, 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', configFile], { timeout: 60_000 }).catch(
        (error: unknown) => {
          throw withOutput('Formatting Kafka storage failed', error);
        },
      );
    }
    child = spawnWithParentDeathSignal('java', [...jvm, 'kafka.Kafka', configFile], dataDir);
    const broker = superviseChild(child, join(dataDir, 'kafka.log'), (line) => {
      portTaken ||= line.includes('Address already in use');
      log(line);
    });
    await waitUntilReady(brokers, broker.exited, broker.tail, readyTimeoutMs);
    log(`kafka ${version} ready on ${brokers[0]} in ${Date.now() - started} ms (data: ${dataDir})`);

    let stopping: Promise<void> | undefined;
    return {
      brokers,
      stop: () =>
        (stopping ??= (async () => {
          await broker.stop();
          if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
        })()),
    };
  } catch (error) {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true }).catch(() => {});
    throw portTaken ? new PortTakenError((error as Error).message) : error;
  }
}

/** Downloads the broker's jars once per version; concurrent callers wait for a single fetch. */
async function ensureKafkaLibs(version: string, cacheDir: string, log: (line: string) => void): Promise<string> {
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`Invalid Kafka version "${version}"`);
  const dir = join(cacheDir, 'kafka', version);
  const libs = join(dir, 'libs');
  // Written last, so a fetch that was interrupted half-way is redone.
  const marker = join(dir, 'complete');
  if (existsSync(marker)) return libs;

  await mkdir(dir, { recursive: true });
  const release = await acquireLock(join(dir, 'fetch.lock'));
  try {
    if (existsSync(marker)) return libs;
    const started = Date.now();
    log(`kafka ${version}: fetching the broker's jars from Maven Central into ${libs}`);
    await rm(libs, { recursive: true, force: true });
    // Maven runs on a copy so that nothing is written next to the pom in the work tree.
    const pom = join(dir, 'pom.xml');
    await copyFile(POM, pom);
    await execFileAsync(
      'mvn',
      ['-q', '-B', '-f', pom, `-Dkafka.version=${version}`, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${libs}`],
      { timeout: FETCH_TIMEOUT_MS, maxBuffer: 16 << 20 },
    ).catch((error: unknown) => {
      throw withOutput(`Fetching Kafka ${version} with Maven failed`, error);
    });
    await writeFile(marker, `${new Date().toISOString()}\n`);
    log(`kafka ${version}: fetched in ${Date.now() - started} ms`);
    return libs;
  } finally {
    await release();
  }
}

/** mkdir is atomic, which makes a directory a lock that works across processes. */
export async function acquireLock(lock: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(join(lock, 'pid'), String(process.pid));
      return () => rm(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStaleLock(lock)) {
      await rm(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the lock ${lock}`);
    await sleep(500);
  }
}

async function isStaleLock(lock: string): Promise<boolean> {
  const pid = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''));
  if (pid > 0 && !processAlive(pid)) return true;
  // No pid yet (its owner is between mkdir and writeFile) or a live owner: stale only when very old.
  const age = await stat(lock).then(
    (s) => Date.now() - s.mtimeMs,
    () => 0,
  );
  return age > (pid > 0 ? LOCK_STALE_MS : 30_000);
}

function serverProperties(dataDir: string, port: number, controllerPort: number): string {
  return `${[
    'process.roles=broker,controller',
    'node.id=1',
    // A static voter set rather than a dynamic (--standalone) one: the dynamic one stores the controller's
    // endpoint in the metadata log, so a reused data dir would not start again on new ports.
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${join(dataDir, 'logs')}`,
    'num.partitions=3',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    'offsets.topic.replication.factor=1',
    // Few partitions for the internal topics: 50 of them make the first consumer group slow to start.
    'offsets.topic.num.partitions=3',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=3',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
  ].join('\n')}\n`;
}

// Warnings only, plus the "started" line; the broker is very chatty at INFO.
const LOG4J2_PROPERTIES = `status = warn
shutdownHook = disable
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.out.ref = out
logger.server.name = kafka.server.KafkaRaftServer
logger.server.level = INFO
`;

/** Kafka cluster ids are 16 random bytes in URL-safe base64; a leading '-' would read as a CLI flag. */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * The broker must not outlive its parent: setpriv (util-linux) makes the kernel kill it when the
 * parent dies, even by SIGKILL; an 'exit' hook covers machines without setpriv.
 */
export function spawnWithParentDeathSignal(command: string, args: string[], cwd: string): ChildProcess {
  const setpriv = (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'setpriv'))
    .find(existsSync);
  return setpriv
    ? spawn(setpriv, ['--pdeathsig', 'KILL', '--', command, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

function superviseChild(child: ChildProcess, logFile: string, log: (line: string) => void) {
  const file = createWriteStream(logFile, { flags: 'a' });
  const lastLines: string[] = [];
  const record = (line: string) => {
    file.write(`${line}\n`);
    lastLines.push(line);
    if (lastLines.length > 40) lastLines.shift();
    log(line);
  };
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream! }).on('line', record);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const exited = new Promise<string>((resolve) => {
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      process.off('exit', killOnExit);
      resolve(signal ? `signal ${signal}` : `code ${code}`);
    };
    child.once('exit', done);
    // Spawning itself failed (no java on PATH): 'exit' never comes.
    child.once('error', (error) => {
      record(`kafka: ${error.message}`);
      done(null, null);
    });
  });
  const waitExit = (ms: number) =>
    new Promise<boolean>((resolve) => {
      // Cleared on exit, so a stopped broker does not keep the event loop alive for the grace period.
      const timer = setTimeout(() => resolve(false), ms);
      void exited.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  return {
    exited,
    tail: () => lastLines.join('\n'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        if (!(await waitExit(STOP_GRACE_MS))) {
          child.kill('SIGKILL');
          await waitExit(5_000);
        }
      }
      await new Promise((resolve) => file.end(resolve));
    },
  };
}

async function waitUntilReady(brokers: string[], exited: Promise<string>, tail: () => string, timeoutMs: number): Promise<void> {
  let exitReason: string | undefined;
  void exited.then((reason) => (exitReason = reason));
  // requestTimeout, not timeout, bounds a request that gets no answer (the library's default is 30 s).
  // Loaded here, not at import: launchers that never start a broker (`npm start`) do not carry the Kafka client.
  const { Admin } = await import('@platformatic/kafka');
  const admin = new Admin({ clientId: 'vitrine-kafka-probe', bootstrapBrokers: brokers, retries: 0, connectTimeout: 1_000, requestTimeout: 2_000 });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exitReason) throw new Error(`Kafka broker exited (${exitReason}) before it was ready. Last log lines:\n${tail()}`);
      const metadata = await admin.metadata({ topics: [], forceUpdate: true }).catch(() => undefined);
      if (metadata && metadata.brokers.size > 0) return;
      if (Date.now() > deadline) {
        throw new Error(`Kafka broker not ready after ${timeoutMs} ms. Last log lines:\n${tail()}`);
      }
      await Promise.race([sleep(250), exited]);
    }
  } finally {
    await admin.close().catch(() => {});
  }
}

class PortTakenError extends Error {}

function withOutput(message: string, error: unknown): Error {
  const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
  const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-30).join('\n');
  return new Error(`${message}: ${(error as Error).message}${output ? `\n${output}` : ''}`, { cause: error });
}
