import type { ReactNode } from 'react';
import {
  type ApiResult,
  listOrganizations,
  listRegisters,
  type Organization,
  type WorkRegister,
} from '../lib/api';

// Always render on request: the lists come from the API, never from the build.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const [organizations, registers] = await Promise.all([listOrganizations(), listRegisters()]);
  const failed = [organizations, registers].filter(
    (result): result is Extract<typeof result, { ok: false }> => !result.ok,
  );

  return (
    <>
      <div className="page-intro">
        <h1>Alliance overview</h1>
        <p>The organizations taking part in the alliance and the work registers between them.</p>
      </div>

      {failed.length > 0 && <ApiUnavailable failures={failed} />}

      <section className="section" aria-labelledby="organizations-title">
        <h2 id="organizations-title">Organizations</h2>
        <ResultView result={organizations} what="organizations">
          {(items) => <OrganizationList organizations={items} />}
        </ResultView>
      </section>

      <section className="section" aria-labelledby="registers-title">
        <h2 id="registers-title">Work registers</h2>
        <ResultView result={registers} what="work registers">
          {(items) => (
            <RegisterList
              registers={items}
              knownOrganizations={
                new Set(organizations.ok ? organizations.data.map((org) => org.slug) : [])
              }
            />
          )}
        </ResultView>
      </section>
    </>
  );
}

function ApiUnavailable({
  failures,
}: {
  failures: { baseUrl: string; error: { message: string } }[];
}) {
  const baseUrl = failures[0]?.baseUrl ?? '';
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">
        The Liaison API is not reachable at <code>{baseUrl}</code>
      </p>
      <ul className="notice__details">
        {failures.map((failure) => (
          <li key={failure.error.message}>{failure.error.message}</li>
        ))}
      </ul>
      <p className="notice__hint">
        Check that the API is running and that <code>LIAISON_API_URL</code> points to it, then
        reload this page.
      </p>
    </div>
  );
}

function ResultView<T>({
  result,
  what,
  children,
}: {
  result: ApiResult<T[]>;
  what: string;
  children: (items: T[]) => ReactNode;
}) {
  if (!result.ok) return <p className="muted">The {what} cannot be shown right now.</p>;
  if (result.data.length === 0) return <p className="muted">There are no {what} yet.</p>;
  return children(result.data);
}

function OrganizationList({ organizations }: { organizations: Organization[] }) {
  return (
    <ul className="card-grid">
      {organizations.map((org) => (
        <li key={org.slug} id={`org-${org.slug}`} className="card">
          <h3 className="card__title">{org.name}</h3>
          <p className="card__meta">
            <span className="visually-hidden">Identifier: </span>
            <code>{org.slug}</code>
          </p>
          {org.description && <p className="card__body">{org.description}</p>}
        </li>
      ))}
    </ul>
  );
}

function RegisterList({
  registers,
  knownOrganizations,
}: {
  registers: WorkRegister[];
  knownOrganizations: Set<string>;
}) {
  return (
    <ul className="card-list">
      {registers.map((register) => (
        <li key={register.slug} className="card">
          <div className="card__heading">
            <h3 className="card__title">{register.title}</h3>
            <span className={`badge badge--${badgeTone(register.state)}`}>
              <span className="visually-hidden">State: </span>
              {capitalize(register.state)}
            </span>
          </div>
          <dl className="facts">
            <div>
              <dt>Version</dt>
              <dd>{register.version}</dd>
            </div>
            <div>
              <dt>Initiated</dt>
              <dd>
                <DateText value={register.initiatedOn} />
              </dd>
            </div>
            <div>
              <dt>Review due</dt>
              <dd>
                <DateText value={register.reviewDue} />
              </dd>
            </div>
          </dl>
          <h4 className="parties__title">Parties</h4>
          {register.parties.length === 0 ? (
            <p className="muted">No parties recorded.</p>
          ) : (
            <ul className="parties">
              {register.parties.map((party) => (
                <li key={party.organization}>
                  {knownOrganizations.has(party.organization) ? (
                    <a href={`#org-${party.organization}`}>{party.name}</a>
                  ) : (
                    party.name
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Renders an ISO calendar date (YYYY-MM-DD) readably; anything else is shown as given. */
function DateText({ value }: { value: string | null }) {
  if (!value) return <span className="muted">Not set</span>;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime())) return <>{value}</>;
  return <time dateTime={value}>{dateFormat.format(date)}</time>;
}

function badgeTone(state: string): 'success' | 'warning' | 'neutral' {
  if (state === 'approved') return 'success';
  if (state === 'draft') return 'warning';
  return 'neutral';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
