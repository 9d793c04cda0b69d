import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { choosablePorts, claimPort, ephemeralRange, freePorts, portClaimsDir } from './free-port.js';

const dir = mkdtempSync(join(tmpdir(), 'port-claims-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('free ports', () => {
  it('are chosen below the ephemeral range, or above it when too little room is left below', () => {
    expect(choosablePorts({ low: 32_768, high: 60_999 })).toEqual({ low: 10_000, high: 32_767 });
    expect(choosablePorts({ low: 10_500, high: 60_999 })).toEqual({ low: 61_000, high: 65_535 });
  });

  it('differ, lie outside the ephemeral range, and are claimed by this process', async () => {
    const range = ephemeralRange();
    const ports = await freePorts(5);
    expect(new Set(ports).size).toBe(5);
    for (const port of ports) {
      expect(port < range.low || port > range.high).toBe(true);
      expect(readFileSync(join(portClaimsDir(), String(port)), 'utf8')).toBe(String(process.pid));
    }
  });
});

describe('port claims', () => {
  it('a port claimed by a live process is not given to another; its own process may claim it again', () => {
    expect(claimPort(20_001, dir, process.pid)).toBe(true);
    expect(claimPort(20_001, dir, process.pid)).toBe(true);
    // This process's parent is alive: it holds the port as long as it lives.
    expect(claimPort(20_002, dir, process.ppid)).toBe(true);
    expect(claimPort(20_002, dir, process.pid)).toBe(false);
    expect(readFileSync(join(dir, '20002'), 'utf8')).toBe(String(process.ppid));
  });

  it('a claim whose process has ended is taken over', () => {
    const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
    expect(claimPort(20_003, dir, ended)).toBe(true);
    expect(claimPort(20_003, dir, process.pid)).toBe(true);
    expect(readFileSync(join(dir, '20003'), 'utf8')).toBe(String(process.pid));
  });
});
