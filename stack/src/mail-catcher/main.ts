#!/usr/bin/env node
// The mail catcher's process (`node stack/dist/mail-catcher/main.js`), which `npm start` runs beside the servers:
// its messages and mailparser live here, not in the runner that supervises everything (bench/README.md, Memory).
import { stopWithParent, stopWithParentVariable } from '@vitrine/platform/process';
import { mailCatcherOptions, startMailCatcher } from './mail-catcher.js';
import { mailCatcherPorts } from './ports.js';

// `npm start` gives it settled ports; run alone, it settles its own.
const catcher = await mailCatcherPorts(mailCatcherOptions(process.env))
  .then(startMailCatcher)
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
console.log(`catching mail at ${catcher.smtpUrl}, read at ${catcher.pageUrl}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void catcher.stop().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (process.env[stopWithParentVariable] === '1') stopWithParent(stop);
