import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AddSubmissionFilesFields,
  CreateDocumentFromSubmissionBody,
  CreateSubmissionFields,
  IprPolicySchema,
  LinkSubmissionDocumentBody,
  OrganizationParams,
  SUBMISSION_DESCRIPTION_MAX_LENGTH,
  SUBMISSION_MAX_FILES,
  SubmissionCommentBody,
  SubmissionFileParams,
  SubmissionIdParams,
  SubmissionList,
  SubmissionListQuery,
  SubmissionSchema,
  SubmissionTransitionBody,
} from '@liaison/core';
import type { FastifyRequest } from 'fastify';
import { type FormLimitMessages, formParts, receiveUpload } from '../http/multipart-form.js';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { sendStoredFile, storedFileRead, storedFileRoute } from '../http/send-stored-file.js';
import { addSubmissionFiles } from '../services/submissions/add-submission-files.js';
import {
  createDocumentFromSubmission,
  linkSubmissionDocument,
} from '../services/submissions/adopt-submission.js';
import { commentOnSubmission } from '../services/submissions/comment-on-submission.js';
import { createSubmission } from '../services/submissions/create-submission.js';
import { getIprPolicy } from '../services/submissions/get-ipr-policy.js';
import { getSubmission } from '../services/submissions/get-submission.js';
import { listSubmissions } from '../services/submissions/list-submissions.js';
import { openSubmissionFile } from '../services/submissions/open-submission-file.js';
import { transitionSubmission } from '../services/submissions/transition-submission.js';

// Room for the form's boundaries, headers and text fields around the files themselves.
const MULTIPART_OVERHEAD_BYTES = 256 * 1024;
const TEXT_FIELD_COUNT = Object.keys(CreateSubmissionFields.properties).length;

/** This form's own limits, wider than the app-wide ones made for a version's label and file. */
function formLimits(maxUploadBytes: number) {
  return {
    fileSize: maxUploadBytes + 1,
    files: SUBMISSION_MAX_FILES + 1,
    // With the 'size' field a client may send before each file.
    fields: TEXT_FIELD_COUNT + SUBMISSION_MAX_FILES,
    // The longest field, the description, in characters of up to 4 bytes each.
    fieldSize: SUBMISSION_DESCRIPTION_MAX_LENGTH * 4,
    parts: TEXT_FIELD_COUNT + 2 * SUBMISSION_MAX_FILES + 1,
  };
}

/** The add-files form: at most the `attach` field, and a `size` field before each file. */
function addFilesLimits(maxUploadBytes: number) {
  const textFields = Object.keys(AddSubmissionFilesFields.properties).length;
  return {
    ...formLimits(maxUploadBytes),
    fields: textFields + SUBMISSION_MAX_FILES,
    parts: textFields + 2 * SUBMISSION_MAX_FILES + 1,
  };
}

const SUBMISSION_FORM: FormLimitMessages = {
  fileTooLarge: 'A file is larger than the limit',
  tooManyFiles: { message: `Send at most ${SUBMISSION_MAX_FILES} files`, code: 'too_many_files' },
  tooManyFields: 'The form holds more fields than a submission has',
};

export const submissionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { maxUploadBytes } = app.deps.config;

  /** A multipart form of files for a submission, handed as parts to `use`, drained if refused. */
  function receiveFiles<Result>(
    request: FastifyRequest,
    what: string,
    limits: (maxUploadBytes: number) => ReturnType<typeof formLimits>,
    use: (parts: ReturnType<typeof formParts>) => Promise<Result>,
  ): Promise<Result> {
    const refusals = {
      notMultipart: `Send ${what} as multipart/form-data`,
      maxBytes: maxUploadBytes + MULTIPART_OVERHEAD_BYTES,
      tooLarge: `The files are larger than the limit of ${maxUploadBytes} bytes together`,
    };
    return receiveUpload(request, refusals, () =>
      use(formParts(request, SUBMISSION_FORM, limits(maxUploadBytes))),
    );
  }

  app.get(
    '/api/v1/organizations/:slug/ipr-policy',
    documented(
      'submissions',
      "The organization's IPR policy for submissions it receives, with its SHA-256",
      {
        params: OrganizationParams,
        response: { 200: IprPolicySchema },
      },
    ),
    async (request) => getIprPolicy(app.deps.pool, request.params.slug),
  );

  app.post(
    '/api/v1/submissions',
    documented(
      'submissions',
      "Submit to another party of a register: multipart with the fields register, to, [from], title, [description], acceptIpr=true, iprPolicySha256, [attach] first, then 'file' parts (one or more, unless attach names document versions)",
      {
        consumes: ['multipart/form-data'],
        response: { 201: SubmissionSchema },
      },
    ),
    async (request, reply) => {
      const submission = await receiveFiles(request, 'the submission', formLimits, (parts) =>
        createSubmission(
          { ...app.deps, log: request.log, maxUploadBytes },
          contextOf(request),
          parts,
        ),
      );
      return reply.status(201).send(submission);
    },
  );

  app.post(
    '/api/v1/submissions/:id/files',
    documented(
      'submissions',
      "Add files to a submission before its decision (the submitter, submitting admins): multipart with an optional 'attach' field first, then 'file' parts",
      {
        consumes: ['multipart/form-data'],
        params: SubmissionIdParams,
        response: { 201: SubmissionSchema },
      },
    ),
    async (request, reply) => {
      const submission = await receiveFiles(request, 'the files', addFilesLimits, (parts) =>
        addSubmissionFiles(
          { ...app.deps, log: request.log, maxUploadBytes },
          contextOf(request),
          request.params.id,
          parts,
        ),
      );
      return reply.status(201).send(submission);
    },
  );

  app.get(
    '/api/v1/submissions',
    documented(
      'submissions',
      'Submissions the caller may read, newest first (box=outgoing|incoming)',
      {
        querystring: SubmissionListQuery,
        response: { 200: SubmissionList },
      },
    ),
    async (request) => listSubmissions(app.deps.pool, contextOf(request), request.query),
  );

  app.get(
    '/api/v1/submissions/:id',
    documented(
      'submissions',
      'A submission with its files, history, comments and what the caller may do',
      {
        params: SubmissionIdParams,
        response: { 200: SubmissionSchema },
      },
    ),
    async (request) => getSubmission(app.deps.pool, contextOf(request), request.params.id),
  );

  app.get(
    '/api/v1/submissions/:id/files/:fileId/content',
    storedFileRoute(
      'submissions',
      'The bytes of a submission file (Range and If-None-Match supported; audited)',
      SubmissionFileParams,
    ),
    async (request, reply) => {
      const read = storedFileRead(request);
      const content = await openSubmissionFile(app.deps, contextOf(request), {
        submissionId: request.params.id,
        fileId: request.params.fileId,
        ...read,
      });
      return sendStoredFile(reply, content.file, content, read);
    },
  );

  app.post(
    '/api/v1/submissions/:id/transitions',
    documented(
      'submissions',
      'Move a submission: under-review, accepted or declined (receiving admins; a reason to decide), withdrawn (the submitter side, before a decision)',
      {
        params: SubmissionIdParams,
        body: SubmissionTransitionBody,
        response: { 200: SubmissionSchema },
      },
    ),
    async (request) =>
      transitionSubmission(app.deps.pool, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/submissions/:id/comments',
    documented('submissions', "Comment (receiving admins) or answer (the submitter's side)", {
      params: SubmissionIdParams,
      body: SubmissionCommentBody,
      response: { 201: SubmissionSchema },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await commentOnSubmission(
            app.deps.pool,
            contextOf(request),
            request.params.id,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/v1/submissions/:id/document',
    documented(
      'submissions',
      "Make an accepted submission's file the first version of a new document of the receiving organization (its admins)",
      {
        params: SubmissionIdParams,
        body: CreateDocumentFromSubmissionBody,
        response: { 201: SubmissionSchema },
      },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createDocumentFromSubmission(
            { ...app.deps, log: request.log },
            contextOf(request),
            request.params.id,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/v1/submissions/:id/document-link',
    documented(
      'submissions',
      'Link an accepted submission to an existing document of the receiving organization (its admins)',
      {
        params: SubmissionIdParams,
        body: LinkSubmissionDocumentBody,
        response: { 200: SubmissionSchema },
      },
    ),
    async (request) =>
      linkSubmissionDocument(
        app.deps.pool,
        contextOf(request),
        request.params.id,
        request.body.document,
      ),
  );
};
