import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiErrorNotice } from '../../../components/admin/ApiErrorNotice';
import { RegisterStateBadge, ReviewDue } from '../../../components/registers/Badges';
import { CalendarDate } from '../../../components/registers/Dates';
import { DocumentTable } from '../../../components/registers/DocumentTable';
import { Linkified } from '../../../components/registers/Linkified';
import shared from '../../../components/registers/registers.module.css';
import { getRegister, listOrganizations } from '../data';
import styles from '../registers.module.css';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const lookup = await getRegister(slug);
  return { title: lookup.kind === 'found' ? lookup.register.title : 'Work register' };
}

export default async function RegisterPage({ params }: Props) {
  const { slug } = await params;
  const [lookup, organizations] = await Promise.all([getRegister(slug), listOrganizations()]);
  if (lookup.kind === 'missing') notFound();

  const breadcrumb = (
    <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
      <Link href="/registers">← All work registers</Link>
    </nav>
  );

  if (lookup.kind === 'error') {
    return (
      <>
        {breadcrumb}
        <h1>Work register</h1>
        <ApiErrorNotice
          error={lookup.error}
          what="this work register"
          returnTo={`/registers/${slug}`}
        />
      </>
    );
  }

  const { register, truncated } = lookup;
  const names = new Map<string, string>(
    organizations.ok ? organizations.data.items.map((org) => [org.slug, org.name]) : [],
  );
  for (const party of register.parties) names.set(party.organization, party.name);

  return (
    <>
      {breadcrumb}
      <div className={styles.titleRow}>
        <h1>{register.title}</h1>
        <RegisterStateBadge state={register.state} />
      </div>
      {register.state === 'draft' && (
        <p className="muted">
          This register is a draft: only members of its parties and the portal operator can see it.
        </p>
      )}

      <dl className={shared.facts}>
        <div>
          <dt>Version</dt>
          <dd>{register.version || <span className="muted">Not set</span>}</dd>
        </div>
        <div>
          <dt>Initiated</dt>
          <dd>
            <CalendarDate value={register.initiatedOn} />
          </dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>{register.state === 'approved' ? 'Approved' : 'Draft'}</dd>
        </div>
        <div>
          <dt>Review due</dt>
          <dd>
            <ReviewDue value={register.reviewDue} />
          </dd>
        </div>
      </dl>

      {register.summary && (
        <p className={styles.prose}>
          <Linkified text={register.summary} />
        </p>
      )}

      <section className={styles.section} aria-labelledby="parties-title">
        <h2 id="parties-title">Parties</h2>
        {register.parties.length === 0 ? (
          <p className={shared.empty}>No parties recorded.</p>
        ) : (
          <ul className={styles.partyList}>
            {register.parties.map((party) => (
              <li key={party.organization}>
                <h3>{party.name}</h3>
                <p className={styles.slug}>{party.organization}</p>
                {party.description && <p>{party.description}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {register.reviewProcess && (
        <section className={styles.section} aria-labelledby="review-title">
          <h2 id="review-title">Review process</h2>
          <p className={styles.prose}>
            <Linkified text={register.reviewProcess} />
          </p>
        </section>
      )}

      <section className={styles.section} aria-labelledby="documents-title">
        <h2 id="documents-title">Documents shared under this register</h2>
        <DocumentTable
          documents={register.documents}
          caption={
            <>
              Documents shared under the {register.title} that you may read
              <span className="muted"> ({register.documents.length})</span>
            </>
          }
          organizationNames={names}
          empty="No documents you may read are shared under this register yet."
        />
        {truncated && (
          <p className="muted">Only the first {register.documents.length} documents are listed.</p>
        )}
      </section>
    </>
  );
}
