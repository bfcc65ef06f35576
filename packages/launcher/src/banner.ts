import { DEMO_OPERATOR_EMAIL, DEMO_PASSWORD, demoOrganizations } from '@liaison/db';

export function banner(options: {
  webUrl: string;
  apiUrl: string;
  embedded: boolean;
  /** The API delivers mail to its local catcher (demo mode). */
  mailCatcher: boolean;
  dataDir: string;
  databaseUrl: string;
  s3Endpoint: string;
  /** The version of the Node.js that runs the API and the web app, e.g. "v24.21.0". */
  nodeVersion: string;
}) {
  const logins = [
    ...demoOrganizations.flatMap((organization) =>
      ['admin', 'editor', 'member'].map(
        (role) =>
          `    ${`${role}@${organization.slug}.example`.padEnd(28)} ${role} of ${organization.name}`,
      ),
    ),
    `    ${DEMO_OPERATOR_EMAIL.padEnd(28)} portal operator`,
  ];
  const lines = [
    '',
    '  Liaison is running.',
    '',
    `    Web portal       ${options.webUrl}`,
    `    API              ${options.apiUrl}/api/v1`,
    `    API docs         ${options.apiUrl}/api/docs`,
    `    Readiness        ${options.apiUrl}/readyz`,
    `    Node.js          ${options.nodeVersion} (API and web app)`,
    '',
  ];
  if (options.embedded) {
    lines.push(
      `  Embedded stack (data in ${options.dataDir}):`,
      `    PostgreSQL       ${options.databaseUrl}`,
      `    S3               ${options.s3Endpoint} (access key S3RVER, secret S3RVER)`,
      ...(options.mailCatcher
        ? [`    Mail             caught locally: ${options.webUrl}/admin/mail (operator)`]
        : []),
      '',
      `  Demo logins (password: ${DEMO_PASSWORD}):`,
      ...logins,
      '',
    );
  }
  lines.push('  Press Ctrl-C to stop.', '');
  return lines.join('\n');
}
