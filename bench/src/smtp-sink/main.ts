#!/usr/bin/env node
// The bench's SMTP server process (`node bench/dist/smtp-sink/main.js`), started by stack.ts for notifications'
// emails: SMTP on SMTP_PORT, its tally and readiness over HTTP on PORT, both on loopback.
import { startSmtpSink } from './sink.js';

const port = (name: string) => {
  const value = Number(process.env[name]);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) {
    console.error(`${name} must be a port number, not ${process.env[name] ?? '(unset)'}`);
    process.exit(1);
  }
  return value;
};

const sink = await startSmtpSink({ smtpPort: port('SMTP_PORT'), httpPort: port('PORT') });
const stop = () => void sink.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
