import {
  enqueueJob,
  enqueueMail,
  listJobs,
  listOutbox,
  type Pool,
  withTransaction,
} from '@liaison/db';
import Fastify from 'fastify';
import type { CronItem, Runner, TaskList } from 'graphile-worker';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cronItemsFor, queueStartUpRuns, recurringTasks } from '../src/jobs/schedules.js';
import { startJobRunner } from '../src/jobs/start-job-runner.js';
import { buildTaskList } from '../src/jobs/task-list.js';
import { createSmtpSender } from '../src/services/notifications/mail-sender.js';
import { TestClient } from './client.js';
import { type RunningApi, startApi } from './helpers.js';
import { startSmtpServer } from './smtp-server.js';

const log = Fastify({ logger: false }).log;

/** Runners, SMTP servers and senders a test started, ended even when it fails. */
const cleanups: (() => Promise<void> | void)[] = [];
let api: RunningApi;
beforeEach(async () => {
  api = await startApi();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await api.close();
});

async function runner(taskList: TaskList, cronItems: CronItem[] = []): Promise<Runner> {
  const started = await startJobRunner({
    pool: api.pool,
    log,
    concurrency: 4,
    taskList,
    cronItems,
  });
  cleanups.push(() => started.stop());
  return started;
}

/** Polls until `done` holds; the deadline only keeps a broken run from hanging. */
async function waitUntil(what: string, done: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function jobsOf(pool: Pool, task: string): Promise<number> {
  const { rows } = await pool.query<{ count: number }>(
    'select count(*)::int as count from graphile_worker.jobs where task_identifier = $1',
    [task],
  );
  return rows[0]!.count;
}

describe('the job runner', () => {
  it('runs each scheduled time of a cron item once, with two runners on one database', async () => {
    // The schedule has been known for ten minutes and never ran: each runner backfills the last
    // five minutes' times as it starts, and both race to run them.
    await api.pool.query(
      `insert into graphile_worker._private_known_crontabs (identifier, known_since)
       values ('test-tick', now() - interval '10 minutes')`,
    );
    const handled: string[] = [];
    const taskList: TaskList = {
      tick: async (payload) => {
        handled.push((payload as { _cron: { ts: string } })._cron.ts);
      },
    };
    const cron: CronItem[] = [
      {
        task: 'tick',
        match: '* * * * *',
        identifier: 'test-tick',
        options: { backfillPeriod: 5 * 60_000 },
      },
    ];
    await Promise.all([runner(taskList, cron), runner(taskList, cron)]);
    await waitUntil(
      'the backfilled times ran',
      async () => handled.length >= 4 && (await jobsOf(api.pool, 'tick')) === 0,
    );
    expect(new Set(handled).size).toBe(handled.length);
    const { rows } = await api.pool.query<{ last: Date }>(
      `select last_execution as last from graphile_worker._private_known_crontabs
        where identifier = 'test-tick'`,
    );
    expect(handled.map((ts) => new Date(ts).getTime())).toContain(rows[0]!.last.getTime());
  });

  it('retries a failing task with backoff, then shows it to the operator as failed', async () => {
    let attempts = 0;
    await runner({
      'always-fails': async () => {
        attempts += 1;
        throw new Error(`the far end is down (attempt ${attempts})`);
      },
    });
    await enqueueJob(api.pool, 'always-fails', { about: 'test' }, { maxAttempts: 2 });
    await waitUntil(
      'the job ran out of attempts',
      async () => (await listJobs(api.pool, { state: 'failed', limit: 10 })).length === 1,
    );
    expect(attempts).toBe(2);

    const operator = await TestClient.signIn(api.url, 'operator@liaison.example', 'liaison-demo');
    const failed = await operator.json<{
      items: { task: string; attempts: number; maxAttempts: number; lastError: string }[];
    }>('GET', '/api/v1/admin/jobs?state=failed');
    expect(failed.status).toBe(200);
    expect(failed.body.items).toEqual([
      expect.objectContaining({
        task: 'always-fails',
        attempts: 2,
        maxAttempts: 2,
        lastError: expect.stringContaining('the far end is down (attempt 2)'),
        running: false,
      }),
    ]);
    const pending = await operator.json<{ items: { task: string }[] }>(
      'GET',
      '/api/v1/admin/jobs?state=pending',
    );
    expect(pending.body.items.map((job) => job.task)).not.toContain('always-fails');
    // Failed is what the operator is shown by default.
    expect((await operator.json('GET', '/api/v1/admin/jobs')).body).toEqual(failed.body);
    const bad = await operator.json('GET', '/api/v1/admin/jobs?state=dead');
    expect(bad.status).toBe(400);
  });
});

describe('the recurring tasks', () => {
  it('are scheduled on the clock under their names, and queued once at start-up however many replicas start (the daily digest on its schedule only)', async () => {
    const config = { ...api.config, reaper: { ...api.config.reaper, intervalMinutes: 0 } };
    const tasks = recurringTasks(config);
    // A reaper interval of 0: at start-up only, no schedule.
    expect(
      cronItemsFor(tasks).map(({ identifier, task, match }) => [identifier, task, match]),
    ).toEqual([
      ['deliver-mail', 'deliver-mail', '* * * * *'],
      ['remind-register-reviews', 'remind-register-reviews', '0 */6 * * *'],
      ['remind-statement-deadlines', 'remind-statement-deadlines', '0 */6 * * *'],
      ['queue-review-mail', 'queue-review-mail', '*/10 * * * *'],
      ['send-follow-digests', 'send-follow-digests', '0 0 * * *'],
    ]);

    await Promise.all([queueStartUpRuns(api.pool, tasks), queueStartUpRuns(api.pool, tasks)]);
    const { rows } = await api.pool.query<{ task: string; queue: string | null; count: number }>(
      `select task_identifier as task, queue_name as queue, count(*)::int as count
         from graphile_worker.jobs group by 1, 2 order by 1`,
    );
    expect(rows).toEqual([
      { task: 'deliver-mail', queue: null, count: 1 },
      { task: 'queue-review-mail', queue: null, count: 1 },
      { task: 'reap-orphaned-objects', queue: 'reaper', count: 1 },
      { task: 'remind-register-reviews', queue: null, count: 1 },
      { task: 'remind-statement-deadlines', queue: null, count: 1 },
    ]);
  });
});

describe('mail delivery as a job', () => {
  it('writes neither mail nor delivery for a rolled-back transaction, and one delivery for committed ones', async () => {
    expect(await jobsOf(api.pool, 'deliver-mail')).toBe(0);
    await expect(
      withTransaction(api.pool, async (client) => {
        await enqueueMail(client, {
          kind: 'test',
          recipients: ['a@example.com'],
          subject: 'Never',
          text: 'Body',
        });
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    expect(await jobsOf(api.pool, 'deliver-mail')).toBe(0);
    expect(await listOutbox(api.pool)).toEqual([]);

    for (const subject of ['One', 'Two']) {
      await withTransaction(api.pool, (client) =>
        enqueueMail(client, { kind: 'test', recipients: ['b@example.com'], subject, text: 'x' }),
      );
    }
    // However many mails were written, one delivery waits.
    expect(await jobsOf(api.pool, 'deliver-mail')).toBe(1);
  });

  it('delivers mail queued in transactions exactly once with two runners, without a schedule', async () => {
    const server = await startSmtpServer();
    cleanups.push(() => server.close());
    const runners = [1, 2].map(() => {
      const sender = createSmtpSender(`smtp://127.0.0.1:${server.port}`, 'Liaison <l@example.org>');
      cleanups.push(() => sender.close());
      return buildTaskList({
        pool: api.pool,
        storage: api.storage,
        log,
        config: api.config,
        mailSender: sender,
      });
    });
    // No cron items: only the job each transaction queued can deliver.
    await Promise.all(runners.map((taskList) => runner(taskList)));

    const recipients: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, event) =>
        withTransaction(api.pool, async (client) => {
          const mine = Array.from({ length: 5 }, (_, i) => `person${event}-${i}@example.com`);
          recipients.push(...mine);
          await enqueueMail(client, { kind: 'test', recipients: mine, subject: 'Hi', text: 'x' });
        }),
      ),
    );
    await waitUntil('every mail was sent', async () =>
      (await listOutbox(api.pool)).every((row) => row.sentAt !== null),
    );
    await waitUntil(
      'no delivery is left',
      async () => (await jobsOf(api.pool, 'deliver-mail')) === 0,
    );
    const received = server.received.flatMap((mail) => mail.to).sort();
    expect(received).toEqual([...recipients].sort());
    expect((await listOutbox(api.pool)).every((row) => row.attempts === 1)).toBe(true);
  });
});
