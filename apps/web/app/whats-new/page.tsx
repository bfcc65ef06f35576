import type { WhatsNewItem } from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiErrorNotice } from '../../components/admin/api-error-notice';
import { PageHead } from '../../components/page-head';
import { formatDateTime } from '../../lib/format';
import { requireViewer } from '../../lib/session';
import { visitWhatsNew } from '../../lib/whats-new-api';
import { shownItem } from '../../lib/whats-new-rules';
import styles from './whats-new.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: "What's new" };

/**
 * What changed since the previous visit, among what the person may read. Opening the page records
 * the visit: what was new until now stays marked here, and the header's count starts again.
 */
export default async function WhatsNewPage() {
  await requireViewer('/whats-new');
  const result = await visitWhatsNew();
  if (!result.ok) {
    return (
      <>
        <h1>What's new</h1>
        <ApiErrorNotice error={result.error} what="what's new" returnTo="/whats-new" />
      </>
    );
  }
  const { previousVisit, items } = result.data;
  const fresh = items.filter((item) => item.new);
  const earlier = items.filter((item) => !item.new);

  return (
    <>
      <PageHead
        title="What's new"
        lead={
          <>
            New versions of documents you may read, decisions on your submissions and statements
            sent to your organizations,{' '}
            {previousVisit
              ? `since your previous visit (${formatDateTime(previousVisit)}).`
              : 'in the last 28 days.'}
          </>
        }
      />
      <section className="section" aria-labelledby="whats-new-fresh">
        <h2 id="whats-new-fresh">New ({fresh.length})</h2>
        {fresh.length === 0 ? (
          <p className="empty">Nothing new since your previous visit.</p>
        ) : (
          <ItemList items={fresh} />
        )}
      </section>
      {earlier.length > 0 && (
        <section className="section" aria-labelledby="whats-new-earlier">
          <h2 id="whats-new-earlier">Earlier, in the last 28 days</h2>
          <ItemList items={earlier} />
        </section>
      )}
    </>
  );
}

function ItemList({ items }: { items: WhatsNewItem[] }) {
  return (
    <ol className={styles.list}>
      {items.map((item) => {
        const shown = shownItem(item);
        return (
          <li key={shown.key} className={item.new ? styles.new : undefined}>
            <span className={styles.tag}>
              {item.new && <span className="visually-hidden">New: </span>}
              {shown.tag}
            </span>
            <Link className={styles.title} href={shown.href}>
              {shown.title}
            </Link>
            <span className={styles.detail}>
              {shown.detail} · <time dateTime={item.at}>{formatDateTime(item.at)}</time>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
