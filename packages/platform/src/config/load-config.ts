import { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment against a schema and fails fast, naming every bad
 * variable at once, so a misconfigured service never half-starts.
 */
export function loadConfig<TShape extends z.ZodRawShape>(shape: TShape, env: Record<string, string | undefined> = process.env): z.infer<z.ZodObject<TShape>> {
  // `KAFKA_BROKERS=` in a shell or compose file means "unset", not an empty list.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = z.object(shape).safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const value = env[name];
      return value === undefined ? `${name}: missing (${issue.message})` : `${name}: ${issue.message}`;
    }),
  );
}
