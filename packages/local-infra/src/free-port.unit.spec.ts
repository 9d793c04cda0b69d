import { describe, expect, it } from 'vitest';
import { choosablePorts, ephemeralRange, freePorts } from './free-port.js';

describe('free ports', () => {
  it('are chosen below the ephemeral range, or above it when too little room is left below', () => {
    expect(choosablePorts({ low: 32_768, high: 60_999 })).toEqual({ low: 10_000, high: 32_767 });
    expect(choosablePorts({ low: 10_500, high: 60_999 })).toEqual({ low: 61_000, high: 65_535 });
  });

  it('differ and lie outside the ephemeral range', async () => {
    const range = ephemeralRange();
    const ports = await freePorts(5);
    expect(new Set(ports).size).toBe(5);
    for (const port of ports) expect(port < range.low || port > range.high).toBe(true);
  });
});
