#!/usr/bin/env node
// `npm start`'s one-off PostgreSQL chores, each in a short-lived process: the runner, which stays up all along, never
// loads a database client (bench/README.md, Memory).
//   initialise <data folder>          initdb, unless done already
//   create-database <admin URL> <name> the database, unless it exists; prints its URL
import { createDatabase, initialisePostgresData } from '@vitrine/local-infra';

const [chore, ...args] = process.argv.slice(2);
try {
  if (chore === 'initialise' && args.length === 1) await initialisePostgresData(args[0]!);
  else if (chore === 'create-database' && args.length === 2) process.stdout.write(`${await createDatabase(args[0]!, args[1]!)}\n`);
  else throw new Error(`usage: postgres-chores.js initialise <data folder> | create-database <admin URL> <name> (got: ${process.argv.slice(2).join(' ')})`);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
