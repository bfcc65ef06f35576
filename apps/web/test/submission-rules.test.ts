import {
  actorFromMemberships,
  type DocumentSummary,
  type Role,
  SUBMISSION_STATES,
} from '@liaison/core';
import { validateUploadFilename } from '@liaison/core/server';
import { describe, expect, it } from 'vitest';
import {
  attachOptions,
  commentError,
  decisionChoices,
  decisionReasonError,
  describeSubmissionError,
  filenameError,
  historyLabel,
  isSubmissionDecision,
  SUBMISSION_STATE_LABELS,
  SUBMISSION_STATE_TONES,
  type SubmissionDraft,
  submissionDraftErrors,
  submissionRoutes,
  submissionsLabel,
} from '../lib/submission-rules';

const NONE = {
  comment: false,
  startReview: false,
  accept: false,
  decline: false,
  withdraw: false,
  adopt: false,
  addFiles: false,
};

const USER = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'a@example.org',
  operator: false,
};
const actor = (...memberships: { organization: string; role: Role }[]) =>
  actorFromMemberships(USER, memberships);

type RegisterSummary = Parameters<typeof submissionRoutes>[0][number];

const PARTY_NAMES = { ofa: 'OpenFabrics Alliance', dmtf: 'DMTF', snia: 'SNIA' } as const;

/** A register whose parties, in this order, have their names from PARTY_NAMES. */
function register(
  slug: string,
  title: string,
  state: RegisterSummary['state'],
  parties: (keyof typeof PARTY_NAMES)[],
): RegisterSummary {
  return {
    slug,
    title,
    state,
    parties: parties.map((organization) => ({ organization, name: PARTY_NAMES[organization] })),
  };
}

const REGISTERS = [
  register('ofa-dmtf', 'OFA/DMTF Work Register', 'approved', ['ofa', 'dmtf']),
  register('snia-dmtf', 'SNIA/DMTF Work Register', 'draft', ['snia', 'dmtf']),
  register('three-way', 'Three-way register', 'approved', ['ofa', 'dmtf', 'snia']),
];

describe('submission states', () => {
  it('have a label and a badge tone for every state the API knows', () => {
    for (const state of SUBMISSION_STATES) {
      expect(SUBMISSION_STATE_LABELS[state]).toMatch(/^[A-Z]/);
      expect(SUBMISSION_STATE_TONES[state]).toBeTruthy();
    }
    expect(SUBMISSION_STATE_TONES.accepted).toBe('success');
    expect(SUBMISSION_STATE_TONES.declined).toBe('danger');
    expect(new Set(Object.values(SUBMISSION_STATE_LABELS)).size).toBe(SUBMISSION_STATES.length);
  });

  it('name each history step', () => {
    expect(historyLabel(null, 'submitted')).toBe('Submitted');
    expect(historyLabel('submitted', 'under-review')).toBe('Review started');
    expect(historyLabel('under-review', 'accepted')).toBe('Accepted');
    expect(historyLabel('submitted', 'withdrawn')).toBe('Withdrawn');
  });
});

describe('decision buttons', () => {
  it('follow the API’s permissions and nothing else', () => {
    expect(decisionChoices(NONE)).toEqual([]);
    expect(decisionChoices({ ...NONE, comment: true, adopt: true })).toEqual([]);
    expect(decisionChoices({ ...NONE, startReview: true }).map((c) => c.to)).toEqual([
      'under-review',
    ]);
    expect(
      decisionChoices({ ...NONE, accept: true, decline: true, withdraw: true }).map((c) => [
        c.to,
        c.label,
        c.reasonRequired,
      ]),
    ).toEqual([
      ['accepted', 'Accept', true],
      ['declined', 'Decline', true],
      ['withdrawn', 'Withdraw', false],
    ]);
  });

  it('accept only the four targets, and ask a reason to accept or decline', () => {
    for (const to of ['under-review', 'accepted', 'declined', 'withdrawn']) {
      expect(isSubmissionDecision(to)).toBe(true);
    }
    for (const to of ['submitted', 'deleted', '', undefined, 3]) {
      expect(isSubmissionDecision(to)).toBe(false);
    }
    expect(decisionReasonError('accepted', '')).toMatch(/reason for accepting/);
    expect(decisionReasonError('declined', '')).toMatch(/reason for declining/);
    expect(decisionReasonError('under-review', '')).toBeUndefined();
    expect(decisionReasonError('withdrawn', '')).toBeUndefined();
    expect(decisionReasonError('accepted', 'Fits DSP0268.')).toBeUndefined();
    expect(decisionReasonError('withdrawn', 'x'.repeat(10_001))).toMatch(/10,000/);
  });

  it('refuse empty and overlong comments', () => {
    expect(commentError('')).toBeDefined();
    expect(commentError('Looks good')).toBeUndefined();
    expect(commentError('x'.repeat(20_001))).toMatch(/20,000/);
  });
});

describe('where a person may submit', () => {
  it('goes from each approved register’s party they edit for to every other party', () => {
    const routes = submissionRoutes(REGISTERS, actor({ organization: 'ofa', role: 'editor' }));
    expect(routes.map((r) => `${r.register.slug}:${r.from.slug}->${r.to.slug}`)).toEqual([
      'ofa-dmtf:ofa->dmtf',
      'three-way:ofa->dmtf',
      'three-way:ofa->snia',
    ]);
    expect(routes[0]?.to.name).toBe('DMTF');
  });

  it('is nowhere for members, for non-parties and under drafts', () => {
    expect(submissionRoutes(REGISTERS, actor({ organization: 'ofa', role: 'member' }))).toEqual([]);
    expect(submissionRoutes(REGISTERS, actor({ organization: 'other', role: 'admin' }))).toEqual(
      [],
    );
    expect(
      submissionRoutes(REGISTERS, actor({ organization: 'snia', role: 'admin' })).map(
        (r) => r.register.slug,
      ),
    ).toEqual(['three-way', 'three-way']);
  });

  it('offers both directions to someone who edits for two parties', () => {
    const routes = submissionRoutes(
      REGISTERS.slice(0, 1),
      actor({ organization: 'ofa', role: 'admin' }, { organization: 'dmtf', role: 'editor' }),
    );
    expect(routes.map((r) => `${r.from.slug}->${r.to.slug}`)).toEqual(['ofa->dmtf', 'dmtf->ofa']);
  });
});

describe('the new-submission form', () => {
  const routes = submissionRoutes(REGISTERS, actor({ organization: 'ofa', role: 'editor' }));
  const file = { name: 'fabric-model.pdf', size: 1234 };
  const draft: SubmissionDraft = {
    register: 'ofa-dmtf',
    from: 'ofa',
    to: 'dmtf',
    title: 'Fabric model',
    description: '',
    acceptIpr: true,
    files: [file],
    attached: 0,
  };

  it('accepts a complete draft', () => {
    expect(submissionDraftErrors(draft, routes)).toEqual({});
  });

  it('refuses a submission without the IPR acknowledgement', () => {
    expect(submissionDraftErrors({ ...draft, acceptIpr: false }, routes)).toEqual({
      acceptIpr: expect.stringMatching(/no acknowledgement, no submission/i),
    });
  });

  it('refuses a route the person may not take', () => {
    for (const change of [
      { to: 'ofa' },
      { to: 'snia' },
      { register: 'snia-dmtf' },
      { from: 'dmtf' },
    ]) {
      expect(submissionDraftErrors({ ...draft, ...change }, routes)).toHaveProperty('route');
    }
  });

  it('checks title, description and files', () => {
    expect(submissionDraftErrors({ ...draft, title: '   ' }, routes)).toHaveProperty('title');
    expect(submissionDraftErrors({ ...draft, title: 'x'.repeat(301) }, routes)).toHaveProperty(
      'title',
    );
    expect(
      submissionDraftErrors({ ...draft, description: 'x'.repeat(20_001) }, routes),
    ).toHaveProperty('description');
    expect(submissionDraftErrors({ ...draft, files: [] }, routes).files).toMatch(/at least one/);
    // An attached Liaison document stands in for an uploaded file, and counts like one.
    expect(submissionDraftErrors({ ...draft, files: [], attached: 1 }, routes)).toEqual({});
    expect(submissionDraftErrors({ ...draft, attached: 20 }, routes).files).toMatch(/at most 20/);
    expect(
      submissionDraftErrors(
        { ...draft, files: Array.from({ length: 21 }, (_, i) => ({ name: `${i}.pdf`, size: 1 })) },
        routes,
      ).files,
    ).toMatch(/at most 20/);
    expect(submissionDraftErrors({ ...draft, files: [file, file] }, routes).files).toMatch(
      /added twice/,
    );
    expect(
      submissionDraftErrors({ ...draft, files: [{ name: '../etc/passwd', size: 1 }] }, routes)
        .files,
    ).toMatch(/path/);
  });
});

describe('file names', () => {
  const names = [
    'fabric-model.pdf',
    'Spec v1.2 (draft).docx',
    'résumé.pdf',
    '',
    '   ',
    '../up.pdf',
    'a\\b.pdf',
    '..',
    ' leading.pdf',
    'trailing.pdf ',
    'tab\there.pdf',
    'evil\u202Efdp.exe',
    `${'é'.repeat(128)}.pdf`,
    `${'a'.repeat(255)}`,
    `${'a'.repeat(256)}`,
  ];
  it('are refused exactly when the API would refuse them', () => {
    for (const name of names) {
      let apiRefuses = false;
      try {
        validateUploadFilename(name);
      } catch {
        apiRefuses = true;
      }
      expect(filenameError(name) !== undefined, JSON.stringify(name)).toBe(apiRefuses);
    }
  });
});

describe('messages and labels', () => {
  it('explain the API’s submission errors', () => {
    expect(describeSubmissionError({ status: 409, code: 'ipr_policy_changed' })).toMatch(
      /changed its IPR policy/,
    );
    expect(
      describeSubmissionError({ status: 409, code: 'illegal_transition', detail: 'Not now.' }),
    ).toBe('Not now. Reload the page to see the submission as it is now.');
    expect(describeSubmissionError({ status: 404 })).toMatch(/no longer exists/);
    expect(describeSubmissionError({ status: 0 })).toMatch(/cannot be reached/);
    expect(describeSubmissionError({ status: 422, code: 'x', detail: 'Not a party' })).toBe(
      'Not a party',
    );
    expect(describeSubmissionError({ status: 500 })).toMatch(/HTTP 500/);
  });

  it('show how many incoming submissions wait, when any do', () => {
    expect(submissionsLabel(null)).toBe('Submissions');
    expect(submissionsLabel(0)).toBe('Submissions');
    expect(submissionsLabel(3)).toBe('Submissions (3 new)');
    expect(submissionsLabel(100)).toBe('Submissions (99+ new)');
  });
});

describe('the Liaison documents a submission may attach', () => {
  const summary = (
    identifier: string,
    fields: { watermark: boolean; visibility: 'public' | 'organization'; version: boolean },
  ) =>
    ({
      id: `id-${identifier}`,
      identifier,
      title: `Title ${identifier}`,
      watermark: fields.watermark,
      visibility: fields.visibility,
      latestVersion: fields.version
        ? { id: `v-${identifier}`, label: '1.0', createdAt: '2026-01-01T00:00:00.000Z' }
        : null,
    }) as unknown as DocumentSummary;

  it('offers the latest version of each document, except watermarked ones and empty ones', () => {
    expect(
      attachOptions([
        summary('PLAIN', { watermark: false, visibility: 'organization', version: true }),
        summary('MARKED', { watermark: true, visibility: 'organization', version: true }),
        summary('PUBLIC', { watermark: true, visibility: 'public', version: true }),
        summary('EMPTY', { watermark: false, visibility: 'organization', version: false }),
      ]),
    ).toEqual([
      { value: 'id-PLAIN@v-PLAIN', label: 'PLAIN version 1.0: Title PLAIN' },
      { value: 'id-PUBLIC@v-PUBLIC', label: 'PUBLIC version 1.0: Title PUBLIC' },
    ]);
  });
});
