import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { describeIssues } from '../domain/describe-issues';

const envSchema = z.object({
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 8080),
  HOST: z._default(z.string(), '0.0.0.0'),
  DATA_DIR: z._default(z.string().check(z.minLength(1)), './data'),
  DATABASE_URL: z.optional(
    z
      .string()
      .check(
        z.regex(/^postgres(ql)?:\/\//, { error: 'must start with postgres:// or postgresql://' }),
      ),
  ),
  STATIC_DIR: z._default(z.string().check(z.minLength(1)), './dist'),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  staticDir: string;
}

/** Reads the environment once, at start-up; a bad value stops the server with its name. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const nonEmpty = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const result = envSchema.safeParse(nonEmpty);
  if (!result.success)
    throw new Error(`Invalid configuration: ${describeIssues(result.error.issues)}`);
  const c = result.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    staticDir: resolve(c.STATIC_DIR),
  };
}
