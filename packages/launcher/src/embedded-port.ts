import { findFreePort, waitForPort } from '@liaison/embedded-stack';

/** The configured port for an embedded server, or a free one when something else holds it. */
export async function embeddedPort(preferred: number): Promise<number> {
  const taken = await waitForPort(preferred, '127.0.0.1', 0).then(
    () => true,
    () => false,
  );
  return taken ? findFreePort() : preferred;
}
