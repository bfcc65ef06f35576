import { DEMO_PASSWORD } from '@liaison/db';

/** The JSON body the API answers a refused request with. */
export type { ErrorBody as ErrorAnswer } from '@liaison/core';

/** A minimal HTTP client for tests: JSON in and out, with an optional bearer token. */
export class TestClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  static async signIn(
    baseUrl: string,
    email: string,
    password = DEMO_PASSWORD,
  ): Promise<TestClient> {
    const response = await fetch(`${baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200)
      throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { accessToken: string };
    return new TestClient(baseUrl, body.accessToken);
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...extra };
  }

  fetch(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      ...init,
      headers: { ...this.headers(), ...((init.headers as Record<string, string>) ?? {}) },
    });
  }

  async json<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await this.fetch(path, {
      method,
      ...(body !== undefined
        ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
        : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** Uploads a version as multipart/form-data: `label` first, then `file`. */
  async upload(
    documentId: string,
    label: string,
    content: Blob | string,
    filename = 'spec.pdf',
    type = 'application/pdf',
    changeNote?: string,
  ) {
    const form = new FormData();
    form.append('label', label);
    if (changeNote !== undefined) form.append('changeNote', changeNote);
    form.append(
      'file',
      typeof content === 'string' ? new Blob([content], { type }) : content,
      filename,
    );
    const response = await this.fetch(`/api/v1/documents/${documentId}/versions`, {
      method: 'POST',
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
}
