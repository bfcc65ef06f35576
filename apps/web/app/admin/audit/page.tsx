import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS, type AuditEvent, isAuditAction } from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../../../components/admin/admin.module.css';
import { AdminPageHead } from '../../../components/admin/admin-page-head';
import { ApiErrorNotice } from '../../../components/admin/api-error-notice';
import { CaptionedTable } from '../../../components/captioned-table';
import { HiddenTitleSection } from '../../../components/hidden-title-section';
import { DateTime } from '../../../components/register/dates';
import tables from '../../../components/register/registers.module.css';
import { ChoiceOptions } from '../../../components/select-options';
import { adminOrganizations, canReadAudit } from '../../../lib/admin-access';
import { fromApi } from '../../../lib/api';
import {
  auditApiQuery,
  auditPageLinks,
  auditSearch,
  hasAuditFilters,
  parseAuditFilters,
} from '../../../lib/audit-filters';
import type { QueryPageProps } from '../../../lib/page-props';
import { requireViewer } from '../../../lib/session';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Audit log' };

const PAGE_SIZE = 50;

export default async function AuditPage({ searchParams }: QueryPageProps) {
  const viewer = await requireViewer('/admin/audit');
  if (!canReadAudit(viewer)) {
    return (
      <>
        <h1>Audit log</h1>
        <div className={styles.info}>
          <p>The audit log is for organization admins and the portal operator.</p>
        </div>
      </>
    );
  }

  const { filters, cursor, trail, problems } = parseAuditFilters(await searchParams);
  const mine = adminOrganizations(viewer);
  const [events, organizations] = await Promise.all([
    fromApi((client) =>
      client.listAuditEvents(auditApiQuery(filters, { cursor, limit: PAGE_SIZE })),
    ),
    fromApi((client) => client.listOrganizations()),
  ]);
  const organizationOptions = (organizations.ok ? organizations.data.items : [])
    .filter((org) => viewer.operator || mine.includes(org.slug))
    .map((org) => ({ value: org.slug, label: org.name }));
  const names = new Map(organizationOptions.map((o) => [o.value, o.label]));
  const links = auditPageLinks(
    filters,
    { cursor, trail },
    events.ok ? events.data.nextCursor : null,
  );
  const filtered = hasAuditFilters(filters);

  return (
    <>
      <AdminPageHead title="Audit log">
        Every sign-in, upload, download of a non-public file and change of visibility, status,
        membership or token, newest first.{' '}
        {viewer.operator
          ? 'As the portal operator you see every organization’s events.'
          : `You see events about the objects of ${mine.map((slug) => names.get(slug) ?? slug).join(', ')}, events done on its behalf (what its members did elsewhere in its name), and its members’ sign-ins since they joined.`}{' '}
        Times are in UTC.
      </AdminPageHead>

      <form
        method="get"
        action="/admin/audit"
        className={styles.panel}
        aria-labelledby="filters-title"
      >
        <h2 id="filters-title">Filter events</h2>
        <div className={styles.filters}>
          <FilterSelect
            label="Action"
            name="action"
            value={filters.action}
            error={problems.action}
            anyLabel="Any action"
            options={AUDIT_ACTION_NAMES.map((action) => ({
              value: action,
              label: `${AUDIT_ACTIONS[action]} (${action})`,
            }))}
          />
          <Filter label="Actor (e-mail)" name="actor" type="email" value={filters.actor} />
          <Filter
            label="Object ID"
            name="object"
            value={filters.object}
            hint="A document, version or token ID"
          />
          {(viewer.operator || mine.length > 1) && (
            <FilterSelect
              label="Organization"
              name="organization"
              value={filters.organization}
              error={problems.organization}
              anyLabel={viewer.operator ? 'All organizations' : 'All of mine'}
              options={organizationOptions}
            />
          )}
          <Filter
            label="From (UTC date)"
            name="from"
            type="date"
            value={filters.from}
            error={problems.from}
          />
          <Filter
            label="To (UTC date, included)"
            name="to"
            type="date"
            value={filters.to}
            error={problems.to}
          />
        </div>
        <div className={styles.actions} style={{ marginTop: '1rem' }}>
          <button type="submit" className={styles.primary}>
            Apply filters
          </button>
          {filtered && (
            <Link className={styles.linkButton} href="/admin/audit">
              Clear filters
            </Link>
          )}
          <a className={styles.linkButton} href={`/admin/audit/export${auditSearch(filters)}`}>
            Export CSV
            <span className="visually-hidden"> of {filtered ? 'the filtered' : 'all'} events</span>
          </a>
        </div>
      </form>

      <HiddenTitleSection
        id="events-title"
        title="Events"
        className={styles.tableBlock}
        style={{ marginTop: '1.5rem' }}
      >
        {!events.ok ? (
          <ApiErrorNotice error={events.error} what="the audit log" returnTo="/admin/audit" />
        ) : events.data.items.length === 0 ? (
          <p className={tables.empty}>
            {filtered ? 'No events match these filters.' : 'No events recorded yet.'}
          </p>
        ) : (
          <CaptionedTable
            caption={
              <>
                Audit events{filtered ? ' matching the filters' : ''}, newest first (page{' '}
                {links.page})
              </>
            }
            columns={[
              'When (UTC)',
              'Actor',
              'Action',
              'Object',
              'Organization',
              'On behalf of',
              'Details',
            ]}
            className={styles.auditTable}
          >
            {events.data.items.map((event) => (
              <tr key={event.id}>
                <th scope="row" className={styles.when}>
                  <DateTime value={event.occurredAt} />
                </th>
                <td data-label="Actor" className={styles.actor}>
                  {event.actor ? (
                    <Email address={event.actor} />
                  ) : (
                    <span className="muted">System</span>
                  )}
                </td>
                <td data-label="Action">
                  {isAuditAction(event.action) && <>{AUDIT_ACTIONS[event.action]} </>}
                  <code className={styles.action}>{event.action}</code>
                </td>
                <td data-label="Object">
                  {event.objectType}
                  {event.objectName && <span> {event.objectName}</span>}
                  {event.objectId && (
                    <Link
                      className={styles.objectId}
                      href={`/admin/audit${auditSearch({ ...filters, object: event.objectId })}`}
                      title="Show only this object’s events"
                    >
                      {event.objectName ? 'only this' : event.objectId}
                    </Link>
                  )}
                </td>
                <td data-label="Organization">
                  {event.organization ? (names.get(event.organization) ?? event.organization) : '—'}
                </td>
                <td data-label="On behalf of">
                  {event.onBehalfOf ? (names.get(event.onBehalfOf) ?? event.onBehalfOf) : '—'}
                </td>
                <td data-label="Details">
                  <EventDetails event={event} />
                </td>
              </tr>
            ))}
          </CaptionedTable>
        )}

        {events.ok && (links.previous || links.next) && (
          <nav className={styles.pager} aria-label="Audit log pages">
            <span className="muted">Page {links.page}</span>
            <ul>
              {links.first && links.page > 2 && (
                <li>
                  <Link href={`/admin/audit${links.first}`}>Newest</Link>
                </li>
              )}
              {links.previous && (
                <li>
                  <Link href={`/admin/audit${links.previous}`} rel="prev">
                    ← Newer events
                  </Link>
                </li>
              )}
              {links.next && (
                <li>
                  <Link href={`/admin/audit${links.next}`} rel="next">
                    Older events →
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        )}
      </HiddenTitleSection>
    </>
  );
}

function Filter({
  label,
  name,
  value,
  type = 'text',
  hint,
  error,
  list,
}: {
  label: string;
  name: string;
  value: string;
  type?: string;
  hint?: string;
  error?: string;
  list?: string;
}) {
  const id = `filter-${name}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={value}
        list={list}
        className={styles.input}
        autoComplete="off"
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
      />
      {hint && (
        <p className={styles.hint} id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FilterError id={id} error={error} />
    </div>
  );
}

/** A filter chosen from a list, its empty choice meaning no filter. */
function FilterSelect({
  label,
  name,
  value,
  error,
  anyLabel,
  options,
}: {
  label: string;
  name: string;
  value: string;
  error?: string;
  anyLabel: string;
  options: { value: string; label: string }[];
}) {
  const id = `filter-${name}`;
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        className={styles.select}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{anyLabel}</option>
        <ChoiceOptions options={options} />
      </select>
      <FilterError id={id} error={error} />
    </div>
  );
}

function FilterError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className={styles.fieldError} id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

/** An e-mail address that may wrap after its @ rather than anywhere. */
function Email({ address }: { address: string }) {
  const at = address.lastIndexOf('@');
  if (at <= 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at)}
      <wbr />@{address.slice(at + 1)}
    </>
  );
}

function EventDetails({ event }: { event: AuditEvent }) {
  const entries = Object.entries(event.details ?? {});
  if (entries.length === 0 && !event.address) return <span className="muted">—</span>;
  return (
    <ul className={styles.details}>
      {event.address && (
        <li>
          from <code>{event.address}</code>
        </li>
      )}
      {entries.slice(0, 6).map(([key, value]) => (
        <li key={key}>
          {key}: <code>{truncate(typeof value === 'string' ? value : JSON.stringify(value))}</code>
        </li>
      ))}
      {entries.length > 6 && <li>… {entries.length - 6} more in the CSV export</li>}
    </ul>
  );
}

function truncate(text: string | undefined, max = 120): string {
  if (text === undefined) return '';
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
