import { randomUUID } from 'node:crypto';
import {
  type Actor,
  CreateSubmissionFields,
  canCreateSubmission,
  canReadRegister,
  ForbiddenError,
  hasRole,
  InvalidInputError,
  SUBMISSION_MAX_FILES,
  type Submission,
  UnprocessableError,
} from '@liaison/core';
import {
  findIprPolicy,
  findRegister,
  findSubmission,
  insertSubmission,
  insertSubmissionFiles,
  lockIprPolicy,
  type Pool,
  type RegisterRecord,
  withTransaction,
} from '@liaison/db';
import { submissionMails } from '../notifications/submission-mails.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import {
  receiveUploadForm,
  type UploadPart,
  type UploadUseCaseDependencies,
} from '../uploads/receive-upload-form.js';
import { auditedFile, resolveAttachedVersions, withCopiedVersions } from './attached-versions.js';
import { IPR_HASH_MISSING, requireCurrentPolicy } from './ipr-acknowledgement.js';
import { submissionFileStorageKey } from './storage-keys.js';
import { loadSubmission } from './submission-view.js';

const IPR_NOT_ACCEPTED = {
  code: 'ipr_not_accepted',
  message: "Acknowledge the receiving organization's IPR policy: send acceptIpr=true",
};

/** The submitting organization: the one named, or the caller's only fitting one. */
function submittingParty(
  actor: Actor,
  form: CreateSubmissionFields,
  register: RegisterRecord,
): string {
  const parties = register.parties.map((party) => party.organization);
  if (form.from !== undefined) {
    if (form.from === form.to) {
      throw new UnprocessableError('An organization cannot submit to itself', 'submit_to_self');
    }
    if (!parties.includes(form.from)) {
      throw new UnprocessableError(
        `${form.from} is not a party of the register ${register.slug}`,
        'not_a_party',
      );
    }
    return form.from;
  }
  const candidates = parties.filter(
    (party) => party !== form.to && hasRole(actor, party, 'editor'),
  );
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    throw new InvalidInputError(
      `Say which organization submits: send 'from' (one of ${candidates.join(', ')})`,
      'from_required',
    );
  }
  if (hasRole(actor, form.to, 'editor')) {
    throw new UnprocessableError('An organization cannot submit to itself', 'submit_to_self');
  }
  throw new ForbiddenError(
    `Only editors and admins of another party of ${register.slug} may submit to ${form.to}`,
  );
}

/** Every rule that can be checked before any byte is stored. */
async function checkSubmission(pool: Pool, actor: Actor, form: CreateSubmissionFields) {
  const register = await findRegister(pool, form.register);
  const parties = register?.parties.map((party) => party.organization) ?? [];
  if (!register || !canReadRegister(actor, { state: register.state, parties })) {
    throw new UnprocessableError(`There is no register '${form.register}'`, 'unknown_register');
  }
  const policy = await findIprPolicy(pool, form.to);
  if (!policy) {
    throw new UnprocessableError(`There is no organization '${form.to}'`, 'unknown_organization');
  }
  if (!parties.includes(form.to)) {
    throw new UnprocessableError(
      `${form.to} is not a party of the register ${register.slug}`,
      'not_a_party',
    );
  }
  const from = submittingParty(actor, form, register);
  if (!canCreateSubmission(actor, { from, to: form.to }, { state: register.state, parties })) {
    if (register.state !== 'approved' && hasRole(actor, from, 'editor')) {
      throw new UnprocessableError(
        `The register ${register.slug} is a draft: submissions start once it is approved`,
        'register_not_approved',
      );
    }
    throw new ForbiddenError(`Only editors and admins of ${from} may submit on its behalf`);
  }
  if (policy.text.trim() === '') {
    throw new UnprocessableError(
      `${form.to} has no IPR policy, so it cannot receive submissions yet`,
      'no_ipr_policy',
    );
  }
  requireCurrentPolicy(policy.text, form.iprPolicySha256);
  return { register, from };
}

/**
 * Creates a submission from a multipart form: its text fields first (checked, with the IPR
 * acknowledgement, before any byte is stored), then one or more files, each streamed into storage.
 * The rows are written only after every object is stored, in one transaction with the audit event
 * (and whatever else must happen with a new submission); on any failure every stored object is
 * removed again, so a refused or broken request leaves nothing behind.
 */
export async function createSubmission(
  deps: UploadUseCaseDependencies,
  context: RequestContext,
  parts: AsyncIterable<UploadPart>,
): Promise<Submission> {
  const { userId } = requireUser(context.actor);
  const submissionId = randomUUID();

  return receiveUploadForm(
    deps,
    parts,
    {
      fields: CreateSubmissionFields,
      trimmed: ['title'],
      refusals: {
        acceptIpr: { missing: IPR_NOT_ACCEPTED, invalid: IPR_NOT_ACCEPTED },
        iprPolicySha256: { missing: IPR_HASH_MISSING, invalid: IPR_HASH_MISSING },
      },
      maxFiles: {
        count: SUBMISSION_MAX_FILES,
        code: 'too_many_files',
        message: `Send at most ${SUBMISSION_MAX_FILES} files`,
      },
      // Attached document versions may stand in for uploaded files.
      filesOptional: (form) => form.attach !== undefined,
      storageKey: (fileId) => submissionFileStorageKey(submissionId, fileId),
      check: async (form) => {
        const { register, from } = await checkSubmission(deps.pool, context.actor, form);
        const attached = await resolveAttachedVersions(deps.pool, context.actor, form.attach);
        return { from, registerId: register.id, attached };
      },
    },
    async ({ fields: form, checked: { from, registerId, attached }, files: uploaded }) => {
      if (uploaded.length + attached.length > SUBMISSION_MAX_FILES) {
        throw new InvalidInputError(`Send at most ${SUBMISSION_MAX_FILES} files`, 'too_many_files');
      }
      const description = form.description ?? '';
      return withCopiedVersions(deps, submissionId, attached, async (copies) => {
        const files = [...uploaded, ...copies];
        const record = await withTransaction(deps.pool, async (client) => {
          // The policy may have changed while the files streamed: the acknowledgement must still
          // match the text in force when the submission is made, and stay so until it commits.
          requireCurrentPolicy((await lockIprPolicy(client, form.to)) ?? '', form.iprPolicySha256);
          await insertSubmission(client, {
            id: submissionId,
            registerId,
            from,
            to: form.to,
            title: form.title,
            description,
            submittedBy: userId,
            iprPolicySha256: form.iprPolicySha256,
          });
          await insertSubmissionFiles(
            client,
            files.map((file) => ({ ...file, submissionId })),
          );
          await auditAction(client, context, from, {
            action: 'submission.create',
            objectType: 'submission',
            objectId: submissionId,
            details: {
              register: form.register,
              from,
              to: form.to,
              title: form.title,
              iprPolicySha256: form.iprPolicySha256,
              files: files.map(auditedFile),
            },
          });
          await submissionMails.created(client, { submissionId, actorEmail: context.actor.email });
          return (await findSubmission(client, submissionId))!;
        });
        return loadSubmission(deps.pool, record, context.actor);
      });
    },
  );
}
