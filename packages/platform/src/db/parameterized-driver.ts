import type { Configuration, LoggingOptions, Transaction } from '@mikro-orm/core';
import { PostgreSqlConnection, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { CompiledQuery, type Kysely } from 'kysely';
import { nativeStatement, type ParameterPlatform } from './native-parameters.js';

type ExecuteMethod = 'all' | 'get' | 'run';

/**
 * MikroORM's PostgreSQL connection, sending a statement's values as parameters (`native-parameters.ts`) instead of
 * inlining them into its text. Everything else (logging, transactions, result shapes, errors) is MikroORM's own.
 * A statement given as a query builder, with named parameters or with an abort signal goes MikroORM's way.
 */
export class ParameterizedConnection extends PostgreSqlConnection {
  override async execute<T extends Awaited<ReturnType<PostgreSqlConnection['execute']>>>(
    query: Parameters<PostgreSqlConnection['execute']>[0],
    params: readonly unknown[] | Record<string, unknown> = [],
    method: ExecuteMethod = 'all',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    const abort = (loggerContext as { signal?: unknown; inflightQueryAbortStrategy?: unknown } | undefined) ?? {};
    if (typeof query !== 'string' || !Array.isArray(params) || params.length === 0 || abort.signal != null || abort.inflightQueryAbortStrategy != null) {
      return super.execute<T>(query, params, method, ctx, loggerContext);
    }
    await this.ensureConnection();
    const sql = this.config.get('onQuery')(query, params);
    const statement = nativeStatement(sql, params, this.platform as unknown as ParameterPlatform);
    const client = (ctx as Kysely<unknown> | undefined) ?? this.getClient();
    return this.executeQuery(
      sql,
      async () => this.transformRawResult<T>(await client.executeQuery(CompiledQuery.raw(statement.text, statement.values)), method),
      { query: sql, params, ...loggerContext },
    );
  }
}

/** MikroORM's PostgreSQL driver on `ParameterizedConnection` (read replicas included). */
export class ParameterizedDriver extends PostgreSqlDriver {
  constructor(config: Configuration) {
    super(config);
    const self = this as unknown as { connection: unknown; replicas: unknown[]; createReplicas(make: (conf: unknown) => unknown): unknown[] };
    self.connection = new ParameterizedConnection(config);
    self.replicas = self.createReplicas((conf) => new ParameterizedConnection(config, conf as never, 'read'));
  }
}
