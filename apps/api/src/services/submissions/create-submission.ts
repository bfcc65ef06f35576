import { randomUUID } from 'node:crypto';
import {
  type Actor,
  ConflictError,
  canCreateSubmission,
  canReadRegister,
  ForbiddenError,
  hasRole,
  InvalidInputError,
  isSingleLineText,
  isSlug,
  PayloadTooLargeError,
  SUBMISSION_DESCRIPTION_MAX_LENGTH,
  SUBMISSION_MAX_FILES,
  type Submission,
  TITLE_MAX_LENGTH,
  UnprocessableError,
} from '@liaison/core';
import { normalizeMediaType, validateUploadFilename } from '@liaison/core/server';
import {
  findIprPolicy,
  findRegister,
  findSubmission,
  insertSubmission,
  insertSubmissionFiles,
  lockIprPolicy,
  type NewSubmissionFile,
  type Pool,
  type RegisterRecord,
  recordAuditEvent,
  withTransaction,
} from '@liaison/db';
import { type ObjectStorage, ObjectTooLargeError, SourceStreamError } from '@liaison/storage';
import type { FastifyBaseLogger } from 'fastify';
import type { UploadPart } from '../documents/upload-version.js';
import { submissionMails } from '../notifications/submission-mails.js';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { submissionFileStorageKey } from './storage-keys.js';
import { iprPolicySha256, loadSubmission } from './submission-view.js';

export interface CreateSubmissionDependencies {
  pool: Pool;
  storage: ObjectStorage;
  log: FastifyBaseLogger;
  /** The most all files of one submission may hold together. */
  maxUploadBytes: number;
}

const TEXT_FIELDS = [
  'register',
  'to',
  'from',
  'title',
  'description',
  'acceptIpr',
  'iprPolicySha256',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];

const SHA256 = /^[0-9a-f]{64}$/;

interface SubmissionForm {
  register: string;
  to: string;
  from: string | undefined;
  title: string;
  description: string;
  iprPolicySha256: string;
}

function isTextField(name: string): name is TextField {
  return (TEXT_FIELDS as readonly string[]).includes(name);
}

function slugField(fields: Map<TextField, string>, name: 'register' | 'to' | 'from') {
  const value = fields.get(name);
  if (value === undefined) {
    if (name === 'from') return undefined;
    throw new InvalidInputError(`The '${name}' field is missing`, 'invalid_input');
  }
  if (!isSlug(value)) {
    throw new InvalidInputError(`The '${name}' field must be a slug (e.g. dmtf)`, 'invalid_input');
  }
  return value;
}

/** The text fields, checked; the acknowledgement first, since without it nothing else matters. */
function readForm(fields: Map<TextField, string>): SubmissionForm {
  if (fields.get('acceptIpr') !== 'true') {
    throw new InvalidInputError(
      "Acknowledge the receiving organization's IPR policy: send acceptIpr=true",
      'ipr_not_accepted',
    );
  }
  const sha = fields.get('iprPolicySha256');
  if (sha === undefined || !SHA256.test(sha)) {
    throw new InvalidInputError(
      "Send 'iprPolicySha256': the SHA-256 (64 lowercase hex digits) of the policy text shown",
      'ipr_not_accepted',
    );
  }
  const title = (fields.get('title') ?? '').trim();
  if (title.length < 1 || title.length > TITLE_MAX_LENGTH) {
    throw new InvalidInputError(
      `The title must be 1-${TITLE_MAX_LENGTH} characters`,
      'invalid_input',
    );
  }
  if (!isSingleLineText(title)) {
    throw new InvalidInputError(
      "The 'title' field must be one line without control characters",
      'invalid_input',
    );
  }
  const description = fields.get('description') ?? '';
  if (description.length > SUBMISSION_DESCRIPTION_MAX_LENGTH) {
    throw new InvalidInputError(
      `The description must be at most ${SUBMISSION_DESCRIPTION_MAX_LENGTH} characters`,
      'invalid_input',
    );
  }
  return {
    register: slugField(fields, 'register')!,
    to: slugField(fields, 'to')!,
    from: slugField(fields, 'from'),
    title,
    description,
    iprPolicySha256: sha,
  };
}

/** The submitting organization: the one named, or the caller's only fitting one. */
function submittingParty(actor: Actor, form: SubmissionForm, register: RegisterRecord): string {
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
async function checkSubmission(pool: Pool, actor: Actor, form: SubmissionForm) {
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

function requireCurrentPolicy(text: string, acknowledgedSha256: string) {
  if (iprPolicySha256(text) !== acknowledgedSha256) {
    throw new ConflictError(
      'The IPR policy changed since it was shown: read the current text and acknowledge it again',
      'ipr_policy_changed',
    );
  }
}

function storageFailure(error: unknown): unknown {
  if (error instanceof ObjectTooLargeError) {
    return new PayloadTooLargeError(
      `The files are larger than the limit of ${error.limit} bytes together`,
    );
  }
  if (error instanceof SourceStreamError) {
    const cause = (error as { cause?: { statusCode?: number } }).cause;
    if (cause?.statusCode === 413)
      return new PayloadTooLargeError('The files are larger than the limit');
    return new InvalidInputError(
      'The upload ended before the file was complete',
      'incomplete_upload',
    );
  }
  return error;
}

/**
 * Creates a submission from a multipart form: its text fields first (checked, with the IPR
 * acknowledgement, before any byte is stored), then one or more files, each streamed into storage.
 * The rows are written only after every object is stored, in one transaction with the audit event
 * (and whatever else must happen with a new submission); on any failure every stored object is
 * removed again, so a refused or broken request leaves nothing behind.
 */
export async function createSubmission(
  deps: CreateSubmissionDependencies,
  context: RequestContext,
  parts: AsyncIterable<UploadPart>,
): Promise<Submission> {
  const { userId } = requireUser(context.actor);
  const submissionId = randomUUID();
  const fields = new Map<TextField, string>();
  const stored: NewSubmissionFile[] = [];
  let checked: { form: SubmissionForm; from: string; registerId: string } | undefined;
  let storedBytes = 0;

  try {
    for await (const part of parts) {
      if (part.kind === 'field') {
        if (!isTextField(part.name)) {
          throw new InvalidInputError(
            `Unknown field '${part.name}'; send ${TEXT_FIELDS.join(', ')} and then 'file'`,
            'unknown_field',
          );
        }
        if (checked) {
          throw new InvalidInputError('Send every text field before the files', 'invalid_form');
        }
        if (fields.has(part.name)) {
          throw new InvalidInputError(`Send the '${part.name}' field once`, 'invalid_form');
        }
        fields.set(part.name, part.value);
        continue;
      }
      if (part.name !== 'file') {
        throw new InvalidInputError(
          `Unknown file field '${part.name}'; files go in 'file'`,
          'unknown_field',
        );
      }
      if (!checked) {
        const form = readForm(fields);
        const { register, from } = await checkSubmission(deps.pool, context.actor, form);
        checked = { form, from, registerId: register.id };
      }
      if (stored.length >= SUBMISSION_MAX_FILES) {
        throw new InvalidInputError(`Send at most ${SUBMISSION_MAX_FILES} files`, 'too_many_files');
      }
      const filename = validateUploadFilename(part.filename);
      const mediaType = normalizeMediaType(part.mediaType);
      const fileId = randomUUID();
      const storageKey = submissionFileStorageKey(submissionId, fileId);
      const object = await deps.storage
        .putStream(storageKey, part.stream, {
          contentType: mediaType,
          maxBytes: deps.maxUploadBytes - storedBytes,
        })
        .catch((error: unknown) => {
          throw storageFailure(error);
        });
      storedBytes += object.size;
      stored.push({
        id: fileId,
        submissionId,
        filename,
        size: object.size,
        mediaType,
        sha256: object.sha256,
        storageKey,
      });
    }
    if (!checked) {
      readForm(fields);
      throw new InvalidInputError("Send one or more files in 'file'", 'file_missing');
    }

    const { form, from, registerId } = checked;
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
        description: form.description,
        submittedBy: userId,
        iprPolicySha256: form.iprPolicySha256,
      });
      await insertSubmissionFiles(client, stored);
      await recordAuditEvent(client, {
        ...auditedBy(context, [from]),
        action: 'submission.create',
        objectType: 'submission',
        objectId: submissionId,
        organization: from,
        details: {
          register: form.register,
          from,
          to: form.to,
          title: form.title,
          iprPolicySha256: form.iprPolicySha256,
          files: stored.map((file) => ({
            id: file.id,
            filename: file.filename,
            size: file.size,
            sha256: file.sha256,
          })),
        },
      });
      await submissionMails.created(client, { submissionId, actorEmail: context.actor.email });
      return (await findSubmission(client, submissionId))!;
    });
    return loadSubmission(deps.pool, record, context.actor);
  } catch (error) {
    await Promise.all(
      stored.map((file) =>
        deps.storage
          .delete(file.storageKey)
          .catch((cleanup: unknown) =>
            deps.log.warn(
              { err: cleanup, key: file.storageKey },
              'could not remove the object of a failed submission; the reaper will',
            ),
          ),
      ),
    );
    throw error;
  }
}
