import { pino, type Logger } from 'pino';
import type { GatewayConfig } from './config.js';

export function createLogger(config: Pick<GatewayConfig, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'gateway', pid: process.pid } });
}
