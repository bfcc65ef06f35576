import { createHash, randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '@liaison/db';

/** What a load run did: every request counted, every failure kept with its reason. */
export interface LoadReport {
  sent: number;
  failed: number;
  failures: string[];
  longestMs: number;
  byKind: Record<string, number>;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The account replicas.test.ts locks with wrong passwords ("counts failed sign-ins"). */
export const LOCKED_BY_THE_LIMITER_TEST = 'member@snia.example';

const SIGN_IN_PEOPLE = ['ofa', 'dmtf', 'snia']
  .flatMap((organization) =>
    ['admin', 'editor', 'member'].map((role) => `${role}@${organization}.example`),
  )
  .filter((email) => email !== LOCKED_BY_THE_LIMITER_TEST);

/** Sign-ins the load has sent, to take the accounts in turn. */
let signIns = 0;

export async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export function uploadForm(label: string, content: Uint8Array, filename = 'spec.pdf'): FormData {
  const form = new FormData();
  form.append('label', label);
  form.append('file', new Blob([content], { type: 'application/pdf' }), filename);
  return form;
}

export interface LoadTargets {
  apiUrl: string;
  webUrl: string;
  /** An editor's token (ofa), a document of theirs with one version and its bytes. */
  token: string;
  documentId: string;
  versionId: string;
  versionSha256: string;
  iprSha256: string;
}

type Operation = (targets: LoadTargets, step: number) => Promise<void>;

async function expectStatus(
  response: Response,
  status: number,
  what: string,
): Promise<ArrayBuffer> {
  const body = await response.arrayBuffer();
  if (response.status !== status) {
    throw new Error(`${what}: ${response.status} ${Buffer.from(body).toString().slice(0, 200)}`);
  }
  return body;
}

const auth = (targets: LoadTargets) => ({ authorization: `Bearer ${targets.token}` });

/** The mix each load worker runs through, one after the other. */
export const OPERATIONS: [string, Operation][] = [
  [
    'list',
    async (t) => {
      await expectStatus(
        await fetch(`${t.apiUrl}/api/v1/documents?limit=20`, { headers: auth(t) }),
        200,
        'list',
      );
    },
  ],
  [
    'download',
    async (t) => {
      const body = await expectStatus(
        await fetch(
          `${t.apiUrl}/api/v1/documents/${t.documentId}/versions/${t.versionId}/content`,
          {
            headers: auth(t),
          },
        ),
        200,
        'download',
      );
      if (sha256(new Uint8Array(body)) !== t.versionSha256)
        throw new Error('download: other bytes');
    },
  ],
  [
    'upload',
    async (t, step) => {
      const label = `load-${process.pid}-${step}-${randomBytes(3).toString('hex')}`;
      await expectStatus(
        await fetch(`${t.apiUrl}/api/v1/documents/${t.documentId}/versions`, {
          method: 'POST',
          headers: auth(t),
          body: uploadForm(label, randomBytes(256 * 1024)),
        }),
        201,
        'upload',
      );
    },
  ],
  [
    'sign-in',
    async (t) => {
      // Each sign-in takes the next of the eight accounts: sign-ins of one account in flight
      // together count against its limit of five attempts, as a password-guessing burst would.
      // (Picked by `step`, the one sign-in step of every cycle of operations used only three.)
      await signIn(t.apiUrl, SIGN_IN_PEOPLE[signIns++ % SIGN_IN_PEOPLE.length]!);
    },
  ],
  [
    'submission',
    async (t, step) => {
      const form = new FormData();
      const fields = {
        register: 'ofa-dmtf',
        to: 'dmtf',
        title: `Load submission ${step}`,
        description: 'Sent during the scale-out test',
        acceptIpr: 'true',
        iprPolicySha256: t.iprSha256,
      };
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append(
        'file',
        new Blob([randomBytes(64 * 1024)], { type: 'application/pdf' }),
        'load.pdf',
      );
      await expectStatus(
        await fetch(`${t.apiUrl}/api/v1/submissions`, {
          method: 'POST',
          headers: auth(t),
          body: form,
        }),
        201,
        'submission',
      );
    },
  ],
  [
    'web page',
    async (t) => {
      await expectStatus(await fetch(`${t.webUrl}/login`), 200, 'web page');
    },
  ],
];

/**
 * Runs `workers` loops of the operation mix until `until` resolves, then lets the requests in
 * flight end. Counts every request; a failure is any status other than the expected one, or no
 * answer at all.
 */
export async function runLoad(
  targets: LoadTargets,
  workers: number,
  until: Promise<unknown>,
): Promise<LoadReport> {
  const report: LoadReport = { sent: 0, failed: 0, failures: [], longestMs: 0, byKind: {} };
  let done = false;
  until.finally(() => {
    done = true;
  });
  const worker = async (index: number) => {
    for (let step = index; !done; step += 1) {
      const [kind, operation] = OPERATIONS[step % OPERATIONS.length]!;
      const started = performance.now();
      report.sent += 1;
      report.byKind[kind] = (report.byKind[kind] ?? 0) + 1;
      try {
        await operation(targets, step);
      } catch (error) {
        report.failed += 1;
        report.failures.push(`${kind}: ${(error as Error).message}`);
      }
      report.longestMs = Math.max(report.longestMs, performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, index) => worker(index)));
  return report;
}
