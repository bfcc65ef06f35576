import {
  enqueueMail,
  findSubmissionMailFacts,
  organizationAdminAddresses,
  type Queryable,
  type SubmissionMailFacts,
  userAddress,
} from '@liaison/db';

/** Which side of a submission someone acts for. */
export type SubmissionSide = 'submitting' | 'receiving';

/** The submitter and the submitting organization's admins, or the receiving organization's admins. */
async function sideAddresses(
  client: Queryable,
  facts: SubmissionMailFacts,
  side: SubmissionSide,
): Promise<string[]> {
  if (side === 'receiving') return organizationAdminAddresses(client, [facts.to.slug]);
  const admins = await organizationAdminAddresses(client, [facts.from.slug]);
  const submitter = facts.submittedById
    ? await userAddress(client, facts.submittedById)
    : undefined;
  return submitter ? [submitter, ...admins] : admins;
}

async function tell(
  client: Queryable,
  submissionId: string,
  event: {
    kind: string;
    /** The side told; the actor is left out (nobody is mailed about what they did). */
    side: SubmissionSide;
    actorEmail: string | null;
    subject: (facts: SubmissionMailFacts) => string;
    text: (facts: SubmissionMailFacts) => string[];
  },
): Promise<number> {
  const facts = await findSubmissionMailFacts(client, submissionId);
  if (!facts) return 0;
  const actor = event.actorEmail?.toLowerCase();
  const recipients = (await sideAddresses(client, facts, event.side)).filter(
    (address) => address.toLowerCase() !== actor,
  );
  return enqueueMail(client, {
    kind: event.kind,
    recipients,
    // People file and quote submissions by their reference.
    subject: `${event.subject(facts)} (${facts.reference})`,
    text: [
      ...event.text(facts),
      '',
      `Submission ${facts.reference} from ${facts.from.name} to ${facts.to.name} under "${facts.register.title}".`,
      // Comments and reasons stay in the portal: mail leaves it, the submission is confidential.
      'The details are in Liaison, readable only by the people it was submitted to and by.',
    ].join('\n'),
    linkPath: `/submissions/${facts.id}`,
  });
}

const DECISION_WORDS: Record<string, string> = {
  'under-review': 'is now under review',
  accepted: 'was accepted',
  declined: 'was declined',
  withdrawn: 'was withdrawn',
};

/**
 * The mails about a submission, each queued in the transaction of its event (call them inside
 * the service's `withTransaction`). Each returns how many mails it queued.
 */
export const submissionMails = {
  /** A new submission: to the receiving organization's admins. */
  created(client: Queryable, event: { submissionId: string; actorEmail: string | null }) {
    return tell(client, event.submissionId, {
      kind: 'submission.created',
      side: 'receiving',
      actorEmail: event.actorEmail,
      subject: (s) => `New submission from ${s.from.name}: ${s.title}`,
      text: (s) => [
        `${event.actorEmail ?? 'Someone'} submitted "${s.title}" from ${s.from.name} to ${s.to.name}, with an acknowledgement of your IPR policy.`,
        'As an admin of the receiving organization you review it and decide.',
      ],
    });
  },

  /** More files on an open submission: to the receiving organization's admins. */
  filesAdded(
    client: Queryable,
    event: { submissionId: string; actorEmail: string | null; count: number },
  ) {
    return tell(client, event.submissionId, {
      kind: 'submission.files-added',
      side: 'receiving',
      actorEmail: event.actorEmail,
      subject: (s) => `Files added to submission: ${s.title}`,
      text: (s) => [
        `${event.actorEmail ?? 'Someone'} added ${event.count === 1 ? 'a file' : `${event.count} files`} to the submission "${s.title}".`,
      ],
    });
  },

  /** A comment: to the other side than the commenter's. */
  commented(
    client: Queryable,
    event: { submissionId: string; actorEmail: string | null; side: SubmissionSide },
  ) {
    return tell(client, event.submissionId, {
      kind: 'submission.commented',
      side: event.side === 'submitting' ? 'receiving' : 'submitting',
      actorEmail: event.actorEmail,
      subject: (s) => `New comment on submission: ${s.title}`,
      text: (s) => [`${event.actorEmail ?? 'Someone'} commented on the submission "${s.title}".`],
    });
  },

  /**
   * A change of state, to the other side than the actor's: a review start or a decision by the
   * receiving side goes to the submitter and the submitting admins, a withdrawal to the
   * receiving admins.
   */
  transitioned(
    client: Queryable,
    event: { submissionId: string; actorEmail: string | null; side: SubmissionSide; to: string },
  ) {
    return tell(client, event.submissionId, {
      kind: `submission.${event.to}`,
      side: event.side === 'submitting' ? 'receiving' : 'submitting',
      actorEmail: event.actorEmail,
      subject: (s) => `Submission ${DECISION_WORDS[event.to] ?? event.to}: ${s.title}`,
      text: (s) => [
        `The submission "${s.title}" ${DECISION_WORDS[event.to] ?? `is now ${event.to}`} (by ${event.actorEmail ?? 'someone'}).`,
      ],
    });
  },
};
