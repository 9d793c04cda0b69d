import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { kafkaBrokers } from '@vitrine/testing';
import { createKafkaBus } from './create-bus.js';
import type { EventBus } from './event-bus.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const opened: EventBus[] = [];
afterAll(() => Promise.all(opened.map((bus) => bus.close())));

// What a Node process loads when it imports the platform's built entry, as a service's main does.
async function modulesLoadedByImporting(specifier: string): Promise<string[]> {
  const script = `
    import { registerHooks } from 'node:module';
    const loaded = [];
    registerHooks({ resolve: (specifier, context, next) => { const r = next(specifier, context); loaded.push(r.url); return r; } });
    await import(${JSON.stringify(specifier)});
    console.log(JSON.stringify(loaded));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: packageDir });
  return JSON.parse(stdout) as string[];
}

describe('the Kafka transport, loaded on first use', () => {
  it('is not loaded by importing the platform (a service on the embedded transport never carries the client)', async () => {
    const loaded = await modulesLoadedByImporting('@vitrine/platform');
    expect(loaded.some((url) => url.includes('/packages/platform/dist/service/start-service.js'))).toBe(true);
    expect(loaded.filter((url) => url.includes('@platformatic/kafka') || url.includes('/bus/kafka-bus.js'))).toEqual([]);
  });

  it('opens a working bus when asked for', async () => {
    const bus = await createKafkaBus({ brokers: kafkaBrokers(), clientId: 'create-bus-test', logger: quiet });
    opened.push(bus);
    expect(bus.transport).toBe('kafka');
    await expect(bus.ping()).resolves.toBeUndefined();
  });
});
