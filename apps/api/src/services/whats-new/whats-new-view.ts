import {
  type Actor,
  administeredOrganizations,
  organizationsOf,
  statementWritingOrganizations,
  type WhatsNew,
  type WhatsNewItem,
} from '@liaison/core';
import type { WhatsNewRecord, WhatsNewViewer } from '@liaison/db';

/** The signed-in caller as the read rules of the three lists see them. */
export function whatsNewViewerOf(actor: Actor, userId: string): WhatsNewViewer {
  return {
    userId,
    memberOf: organizationsOf(actor),
    adminOf: administeredOrganizations(actor),
    writerOf: statementWritingOrganizations(actor),
  };
}

function toItem(record: WhatsNewRecord): WhatsNewItem {
  const common = { id: record.id, at: record.at.toISOString(), new: record.new };
  switch (record.kind) {
    case 'version': {
      const { documentId, identifier, title, organization, label } = record.subject;
      return {
        kind: 'version',
        ...common,
        document: { id: documentId, identifier, title, organization },
        label,
      };
    }
    case 'decision': {
      const { submissionId, reference, title, from, to, state } = record.subject;
      return {
        kind: 'decision',
        ...common,
        submission: { id: submissionId, reference, title, from, to },
        decision: state,
      };
    }
    case 'statement': {
      const { statementId, title, from, purpose, state, deadline } = record.subject;
      return {
        kind: 'statement',
        ...common,
        statement: { id: statementId, title, from, purpose, state, deadline },
      };
    }
  }
}

export function toWhatsNew(previousVisit: Date | null, records: WhatsNewRecord[]): WhatsNew {
  return { previousVisit: previousVisit?.toISOString() ?? null, items: records.map(toItem) };
}
