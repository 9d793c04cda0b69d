import { join } from 'node:path';

/** Where `npm start` keeps its PostgreSQL (the one database every service has its schema in), shared with `npm run replay`. */
export function localPostgres(root: string, env: Record<string, string | undefined>) {
  return {
    dataDir: env.VITRINE_DATA_DIR ?? join(root, '.data', 'postgres'),
    port: Number(env.VITRINE_PG_PORT ?? 54329),
    database: 'vitrine',
  };
}
