// `npm run test:infra`: one PostgreSQL and one Kafka broker that stay up, so
// that several `vitest run <file>` in a row (or in parallel worktrees) skip
// the broker's start. Prints the two variables the test setup reads instead
// of starting its own servers; Ctrl-C stops both.
import { startKafkaBroker, startPostgresServer } from '@vitrine/local-infra';

const [postgres, kafka] = await Promise.all([startPostgresServer({ fast: true }), startKafkaBroker()]);
console.log(`export DATABASE_URL=${postgres.adminUrl}`);
console.log(`export KAFKA_BROKERS=${kafka.brokers.join(',')}`);
const stop = async () => {
  await Promise.allSettled([kafka.stop(), postgres.stop()]);
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
