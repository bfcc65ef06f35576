import type { ReactNode } from 'react';
import { Breadcrumb } from '../../../components/breadcrumb';
import { PageHead } from '../../../components/page-head';

/** The top of a page under a document (editing it, uploading a version): the way back, the title. */
export function DocumentSubpageHead({
  document,
  current,
  title,
  lead,
}: {
  document: { id: string; identifier: string };
  /** The page's name in the breadcrumb. */
  current: string;
  title: string;
  lead: ReactNode;
}) {
  return (
    <>
      <Breadcrumb
        trail={[
          { href: '/', label: 'Library' },
          { href: `/documents/${document.id}`, label: document.identifier },
        ]}
        current={current}
      />
      <PageHead title={title} lead={lead} />
    </>
  );
}
