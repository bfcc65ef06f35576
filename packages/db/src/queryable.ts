import type { Pool, PoolClient } from './pool.js';

/** Anything that runs a query: the pool, or one client inside a transaction. */
export type Queryable = Pool | PoolClient;
