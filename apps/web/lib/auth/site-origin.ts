import { type WebConfig, webConfig } from '../config';

/**
 * The portal's origin as next-auth sees it: NEXTAUTH_URL's when the operator set it, else the
 * address the person used (X-Forwarded-Host or Host, and X-Forwarded-Proto), which is what
 * next-auth does with AUTH_TRUST_HOST (the launcher's setting for a local portal).
 */
export function siteOrigin(
  headers: { get(name: string): string | null },
  config: WebConfig = webConfig(),
): string | undefined {
  try {
    if (config.publicUrl) return new URL(config.publicUrl).origin;
    const host = headers.get('x-forwarded-host') ?? headers.get('host');
    if (!host) return undefined;
    const protocol = headers.get('x-forwarded-proto') === 'http' ? 'http' : 'https';
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    return undefined;
  }
}
