import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { subgraphs, subgraphUrlVariable } from '@vitrine/gateway';

// There is no Docker engine here, so docker-compose.yml is kept in step with the services by these checks
// (and by `docker compose config -q` in .ci/run wherever the compose client exists).
const root = join(import.meta.dirname, '../..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });

describe('docker-compose.yml', () => {
  it('runs every subgraph on PostgreSQL and Kafka, from a folder that exists', () => {
    for (const { name } of subgraphs) {
      const service = compose.services[name];
      expect(service, `service ${name}`).toBeDefined();
      expect(service.environment).toMatchObject({ EVENT_TRANSPORT: 'kafka', KAFKA_BROKERS: 'kafka:9092' });
      expect(service.environment.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      const folder: string = service.build.args.SERVICE;
      expect(existsSync(join(root, folder, 'src/main.ts')), `${folder}/src/main.ts`).toBe(true);
    }
  });

  it('points the gateway at every subgraph', () => {
    const env = compose.services.gateway.environment;
    for (const { name } of subgraphs) {
      expect(env[subgraphUrlVariable(name)]).toBe(`http://${name}:4000/graphql`);
    }
  });

  it('serves the storefront from its build, on the gateway, which holds it to its registered documents', () => {
    const web = compose.services.web;
    expect(web.build.args.SERVICE).toBe('apps/web');
    const entry: string = web.build.args.ENTRY;
    expect(entry).toBe('apps/web/dist/node/main.js');
    expect(existsSync(join(root, entry.replace('dist/node/', 'src/server/').replace(/\.js$/, '.ts'))), `${entry}'s source`).toBe(true);
    expect(web.environment.GATEWAY_URL).toBe('http://gateway:4000/graphql');
    expect(web.depends_on.gateway).toEqual({ condition: 'service_healthy' });
    const gateway = compose.services.gateway.environment;
    expect(gateway.TRUSTED_DOCUMENTS_REQUIRED_FOR).toBe('web');
    expect(gateway.TRUSTED_DOCUMENTS_PATH).toBe('/app/apps/web/dist/trusted-documents.json');
    const manifestScript = readFileSync(join(root, 'apps/web/scripts/trusted-documents.mjs'), 'utf8');
    expect(manifestScript, 'the web build writes the manifest the gateway reads').toContain('trusted-documents.json');
  });

  it('runs Kafka in KRaft mode and PostgreSQL with a health check', () => {
    expect(compose.services.kafka.image).toMatch(/^apache\/kafka:/);
    expect(compose.services.kafka.environment.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(compose.services.postgres.healthcheck).toBeDefined();
  });
});
