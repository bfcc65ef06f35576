import pg from 'pg';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

export interface PoolOptions {
  /** How long to wait for a connection before failing; keeps /readyz fast when the server is down. */
  connectionTimeoutMillis?: number;
  max?: number;
  applicationName?: string;
}

export function createPool(databaseUrl: string, options: PoolOptions = {}): Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'liaison',
  });
  // An idle client whose server went away emits 'error' on the pool; without a listener that would
  // crash the process. The next query reports the problem instead.
  pool.on('error', () => {});
  // The same for a client checked out of the pool, whose connection drops between two queries.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return pool;
}

/** Throws when PostgreSQL does not answer a trivial query. */
export async function checkDatabase(pool: Pool): Promise<void> {
  await pool.query('select 1');
}

/** Runs `work` in a transaction on one connection: committed if it resolves, rolled back if it throws. */
export async function withTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
