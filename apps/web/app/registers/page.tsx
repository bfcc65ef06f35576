import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiErrorNotice } from '../../components/admin/api-error-notice';
import { RegisterStateBadge } from '../../components/register/badges';
import { RegisterFacts } from '../../components/register/register-parts';
import shared from '../../components/register/registers.module.css';
import { getViewer } from '../../lib/session';
import { listRegisters } from './data';
import styles from './registers.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Work registers' };

export default async function RegistersPage() {
  const [viewer, registers] = await Promise.all([getViewer(), listRegisters()]);
  const now = new Date();

  return (
    <>
      <div className="page-intro">
        <h1>Work registers</h1>
        <p>
          A work register is the alliance agreement between standards organizations: who the parties
          are, what they work on together and which documents they share under it.
          {viewer
            ? ' Besides the approved registers, you see the drafts your organizations are party to.'
            : ' Approved registers are public; sign in to see drafts your organization is party to.'}
        </p>
      </div>

      {!registers.ok ? (
        <ApiErrorNotice error={registers.error} what="the work registers" returnTo="/registers" />
      ) : registers.data.items.length === 0 ? (
        <p className={shared.empty}>There are no work registers yet.</p>
      ) : (
        <ul className="card-list">
          {registers.data.items.map((register) => (
            <li key={register.slug} className={styles.card}>
              <div className="card__heading">
                <h2 className={styles.cardTitle}>
                  <Link href={`/registers/${register.slug}`}>{register.title}</Link>
                </h2>
                <RegisterStateBadge state={register.state} />
              </div>
              <RegisterFacts register={register} initiatedLabel="Initiated" now={now} />
              <p className={styles.partiesLabel} id={`parties-${register.slug}`}>
                Parties
              </p>
              {register.parties.length === 0 ? (
                <p className="muted">No parties recorded.</p>
              ) : (
                <ul className={styles.parties} aria-labelledby={`parties-${register.slug}`}>
                  {register.parties.map((party) => (
                    <li key={party.organization}>{party.name}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
