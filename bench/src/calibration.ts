import { pbkdf2Sync } from 'node:crypto';

/**
 * How fast this machine is right now, on one core: the median of a few runs
 * of a fixed CPU-bound job (PBKDF2-SHA256, 100,000 iterations), taken before
 * the stack starts. A shared virtual machine can be half as fast one hour
 * as the next without any steal time showing; figures of two reports are
 * comparable only when their calibrations are close.
 */
export function calibrate(runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    pbkdf2Sync('vitrine', 'calibration', 100_000, 32, 'sha256');
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
