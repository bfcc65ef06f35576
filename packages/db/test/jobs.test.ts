// The job queue comes with the schema, and a job queued inside a transaction exists only if that
// transaction commits: a version rolled back must not leave an extraction job behind.
import { describe, expect, it } from 'vitest';
import { enqueueJob, migrate, withTransaction } from '../src/index.js';
import { useScratchDatabase } from './scratch-database.js';

const scratch = useScratchDatabase({ state: 'migrated' });

async function queued(task: string): Promise<Array<{ payload: unknown; key: string | null }>> {
  const result = await scratch.pool.query<{ payload: unknown; key: string | null }>(
    'select payload, key from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = $1 order by j.id',
    [task],
  );
  return result.rows;
}

describe('enqueueJob', () => {
  it('queues a job that commits with its transaction and vanishes with a rollback', async () => {
    await withTransaction(scratch.pool, (client) =>
      enqueueJob(client, 'test-commit', { versionId: 'kept' }),
    );
    await expect(
      withTransaction(scratch.pool, async (client) => {
        await enqueueJob(client, 'test-rollback', { versionId: 'lost' });
        throw new Error('the upload failed after queueing');
      }),
    ).rejects.toThrow('the upload failed');
    expect(await queued('test-commit')).toEqual([{ payload: { versionId: 'kept' }, key: null }]);
    expect(await queued('test-rollback')).toEqual([]);
  });

  it('keeps one pending job per key, with the latest payload', async () => {
    await enqueueJob(scratch.pool, 'test-keyed', { run: 1 }, { jobKey: 'version:1' });
    await enqueueJob(scratch.pool, 'test-keyed', { run: 2 }, { jobKey: 'version:1' });
    expect(await queued('test-keyed')).toEqual([{ payload: { run: 2 }, key: 'version:1' }]);
  });

  it('survives migrating again (the queue schema is installed once)', async () => {
    await expect(migrate(scratch.pool)).resolves.toEqual([]);
    expect(await queued('test-commit')).toHaveLength(1);
  });
});
