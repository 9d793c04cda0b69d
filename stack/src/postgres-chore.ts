import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const chores = join(dirname(fileURLToPath(import.meta.url)), 'postgres-chores.js');

/** Runs one of `postgres-chores.js`'s chores in a process of its own: what it printed, or its error. */
export function postgresChore(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [chores, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(err.trim() || `PostgreSQL's ${args[0]} failed (exit ${code})`))));
  });
}
