// callApiThenRedirect, the end of the forms' server actions, with the API call and Next's cache
// and navigation stubbed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiCall, ApiResponse } from '../lib/api';
import { callApiThenRedirect } from '../lib/call-then-redirect';

const stubs = vi.hoisted(() => ({
  callApi: vi.fn(async (_path: string, _call: ApiCall): Promise<ApiResponse<unknown>> => {
    throw new Error('each test answers for the API');
  }),
  revalidatePath: vi.fn((_page: string) => undefined),
  // Next's redirect throws, so nothing after it runs.
  redirect: vi.fn((_to: string): never => {
    throw new Error('NEXT_REDIRECT');
  }),
}));
vi.mock('../lib/api', () => ({ callApi: stubs.callApi }));
vi.mock('next/cache', () => ({ revalidatePath: stubs.revalidatePath }));
vi.mock('next/navigation', () => ({ redirect: stubs.redirect }));

const CALL: ApiCall = { method: 'POST', body: { slug: 'ofa' } };

describe('callApiThenRedirect', () => {
  beforeEach(() => {
    vi.clearAllMocks();
  });

  it('refreshes every page that shows the change, then redirects', async () => {
    stubs.callApi.mockResolvedValueOnce({ ok: true, data: { slug: 'ofa' } });
    await expect(
      callApiThenRedirect('/api/v1/registers', CALL, {
        refresh: ['/admin/registers', '/registers'],
        redirectTo: '/admin/registers?created=ofa',
      }),
    ).rejects.toThrow('NEXT_REDIRECT');
    expect(stubs.callApi.mock.calls).toEqual([['/api/v1/registers', CALL]]);
    expect(stubs.revalidatePath.mock.calls).toEqual([['/admin/registers'], ['/registers']]);
    expect(stubs.redirect.mock.calls).toEqual([['/admin/registers?created=ofa']]);
    const [redirected] = stubs.redirect.mock.invocationCallOrder;
    expect(redirected).toBeGreaterThan(Math.max(...stubs.revalidatePath.mock.invocationCallOrder));
  });

  it('on a refusal refreshes nothing, stays, and the form shows why with what was submitted', async () => {
    stubs.callApi.mockResolvedValueOnce({
      ok: false,
      error: { status: 409, code: 'conflict', message: 'A register ofa exists already.' },
    });
    const values = { slug: 'ofa', name: 'OFA' };
    const state = await callApiThenRedirect('/api/v1/registers', CALL, {
      refresh: ['/admin/registers', '/registers'],
      redirectTo: '/admin/registers?created=ofa',
      values,
    });
    expect(state).toMatchObject({
      status: 'error',
      code: 'conflict',
      message: 'A register ofa exists already.',
      values,
    });
    expect(stubs.revalidatePath).not.toHaveBeenCalled();
    expect(stubs.redirect).not.toHaveBeenCalled();
  });
});
