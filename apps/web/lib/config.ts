// The web app's environment, read in one place and parsed once, on first use. Next.js's own
// variables stay where Next.js reads them: NEXT_RUNTIME (instrumentation.ts, replaced at build)
// and NEXT_OUTPUT (next.config.ts, read by the build).

export type Environment = Record<string, string | undefined>;

export const DEFAULT_API_URL = 'http://127.0.0.1:4000';

const SSO_CLIENT_SECRET = /^SSO_([A-Z0-9_]+)_CLIENT_SECRET$/;

export interface WebConfig {
  /** LIAISON_API_URL without a trailing slash, or the default. */
  apiUrl: string;
  /** NEXTAUTH_URL, the address the portal is reached at, when the operator set it. */
  publicUrl: string | undefined;
  /** NEXTAUTH_SECRET: the web app's key for its session cookie. */
  sessionSecret: string | undefined;
  /** WEB_TRUST_PROXY: the last X-Forwarded-For hop is the browser's address. */
  trustProxy: boolean;
  /** WEB_CLIENT_ADDRESS_SECRET: signs the browser's address for the API. */
  clientAddressSecret: string | undefined;
  /** NODE_ENV is development (`next dev`). */
  development: boolean;
  /** SSO_<SLUG>_CLIENT_SECRET values, by variable name. */
  ssoClientSecrets: ReadonlyMap<string, string>;
}

function trimmed(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

export function parseWebConfig(env: Environment): WebConfig {
  const ssoClientSecrets = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    const secret = trimmed(value);
    if (SSO_CLIENT_SECRET.test(name) && secret) ssoClientSecrets.set(name, secret);
  }
  return {
    apiUrl: (trimmed(env.LIAISON_API_URL) ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    publicUrl: trimmed(env.NEXTAUTH_URL),
    sessionSecret: env.NEXTAUTH_SECRET || undefined,
    trustProxy: /^(1|true|yes|on)$/i.test(env.WEB_TRUST_PROXY?.trim() ?? ''),
    clientAddressSecret: trimmed(env.WEB_CLIENT_ADDRESS_SECRET),
    development: env.NODE_ENV === 'development',
    ssoClientSecrets,
  };
}

let parsed: WebConfig | undefined;

/** This process's configuration. */
export function webConfig(): WebConfig {
  parsed ??= parseWebConfig(process.env);
  return parsed;
}
