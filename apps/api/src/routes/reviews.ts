import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CommentFields,
  DispositionBody,
  DocumentIdParams,
  DocumentReviewListQuery,
  MyReviewListQuery,
  OpenReviewBody,
  REVIEW_COMMENT_MAX_LENGTH,
  ResolutionLogQuery,
  ResolutionLogSchema,
  ReviewCommentList,
  ReviewCommentListQuery,
  ReviewCommentSchema,
  ReviewIdParams,
  ReviewList,
  ReviewSchema,
  UpdateCommentBody,
  UpdateReviewBody,
} from '@liaison/core';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../http/content-disposition.js';
import { type FormLimitMessages, formParts, receiveUpload } from '../http/multipart-form.js';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { sendStoredFile, storedFileRead, storedFileRoute } from '../http/send-stored-file.js';
import { closeReview } from '../services/reviews/close-review.js';
import { getComment } from '../services/reviews/get-comment.js';
import { getResolutionLog } from '../services/reviews/get-resolution-log.js';
import { getReview } from '../services/reviews/get-review.js';
import { listComments } from '../services/reviews/list-comments.js';
import { listMyReviews, listReviewsOfDocument } from '../services/reviews/list-reviews.js';
import { openCommentAttachment } from '../services/reviews/open-comment-attachment.js';
import { openReview } from '../services/reviews/open-review.js';
import { postComment } from '../services/reviews/post-comment.js';
import { publishResolutionLog } from '../services/reviews/publish-resolution-log.js';
import { setDisposition } from '../services/reviews/set-disposition.js';
import { updateComment } from '../services/reviews/update-comment.js';
import { updateReview } from '../services/reviews/update-review.js';
import { withdrawComment } from '../services/reviews/withdraw-comment.js';

// Room for the form's boundaries, headers and text fields around the attachment itself.
const MULTIPART_OVERHEAD_BYTES = 256 * 1024;
const TEXT_FIELD_COUNT = Object.keys(CommentFields.properties).length;

/** The comment form's own limits: its long text fields and at most one file. */
function formLimits(maxUploadBytes: number) {
  return {
    fileSize: maxUploadBytes + 1,
    files: 2,
    // With the 'size' field a client may send before the file.
    fields: TEXT_FIELD_COUNT + 1,
    // The longest fields, the comment and the proposed change, in characters of up to 4 bytes.
    fieldSize: REVIEW_COMMENT_MAX_LENGTH * 4,
    parts: TEXT_FIELD_COUNT + 3,
  };
}

const COMMENT_FORM: FormLimitMessages = {
  fileTooLarge: 'The attachment is larger than the limit',
  tooManyFiles: { message: 'Attach at most one file', code: 'too_many_files' },
  tooManyFields: 'The form holds more fields than a comment has',
};

export const reviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { maxUploadBytes } = app.deps.config;

  app.post(
    '/api/v1/documents/:id/reviews',
    documented(
      'reviews',
      'Open a call for comments on one version (editors and admins of the owner; one open review per document)',
      {
        params: DocumentIdParams,
        body: OpenReviewBody,
        response: { 201: ReviewSchema },
      },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(await openReview(app.deps.pool, contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/documents/:id/reviews',
    documented('reviews', "The document's reviews, newest first (whoever may read the document)", {
      params: DocumentIdParams,
      querystring: DocumentReviewListQuery,
      response: { 200: ReviewList },
    }),
    async (request) =>
      listReviewsOfDocument(app.deps.pool, contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/reviews',
    documented(
      'reviews',
      'The reviews the caller may comment on; open=true: those open now, closing soonest first',
      {
        querystring: MyReviewListQuery,
        response: { 200: ReviewList },
      },
    ),
    async (request) => listMyReviews(app.deps.pool, contextOf(request), request.query),
  );

  app.get(
    '/api/v1/reviews/:id',
    documented('reviews', 'A review, with the counts of the comments the caller may read', {
      params: ReviewIdParams,
      response: { 200: ReviewSchema },
    }),
    async (request) => getReview(app.deps.pool, contextOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/reviews/:id',
    documented(
      'reviews',
      'Extend, retitle or re-note an open review (editors and admins of the owner)',
      {
        params: ReviewIdParams,
        body: UpdateReviewBody,
        response: { 200: ReviewSchema },
      },
    ),
    async (request) =>
      updateReview(app.deps.pool, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/reviews/:id/close',
    documented(
      'reviews',
      'Close an open review before its date (editors and admins of the owner)',
      {
        params: ReviewIdParams,
        response: { 200: ReviewSchema },
      },
    ),
    async (request) => closeReview(app.deps.pool, contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/reviews/:id/comments',
    documented(
      'reviews',
      "Comment: multipart with versionId, [location], kind, body, [proposedChange], [acceptIpr=true, iprPolicySha256] first, then at most one 'file'",
      {
        consumes: ['multipart/form-data'],
        params: ReviewIdParams,
        response: { 201: ReviewCommentSchema },
      },
    ),
    async (request, reply) => {
      const refusals = {
        notMultipart: 'Send the comment as multipart/form-data',
        maxBytes: maxUploadBytes + MULTIPART_OVERHEAD_BYTES,
        tooLarge: `The attachment is larger than the limit of ${maxUploadBytes} bytes`,
      };
      const comment = await receiveUpload(request, refusals, () =>
        postComment(
          { ...app.deps, log: request.log, maxUploadBytes },
          contextOf(request),
          request.params.id,
          formParts(request, COMMENT_FORM, formLimits(maxUploadBytes)),
        ),
      );
      return reply.status(201).send(comment);
    },
  );

  app.get(
    '/api/v1/reviews/:id/comments',
    documented('reviews', 'The comments the caller may read, oldest first', {
      params: ReviewIdParams,
      querystring: ReviewCommentListQuery,
      response: { 200: ReviewCommentList },
    }),
    async (request) =>
      listComments(app.deps.pool, contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/comments/:id',
    documented(
      'reviews',
      'A comment (its author, their organization, the owner’s editors and admins; everyone once the log is published)',
      {
        params: ReviewIdParams,
        response: { 200: ReviewCommentSchema },
      },
    ),
    async (request) => getComment(app.deps.pool, contextOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/comments/:id',
    documented(
      'reviews',
      'Edit a comment (its author, before a disposition, while the review is open)',
      {
        params: ReviewIdParams,
        body: UpdateCommentBody,
        response: { 200: ReviewCommentSchema },
      },
    ),
    async (request) =>
      updateComment(app.deps.pool, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/comments/:id/withdraw',
    documented('reviews', 'Withdraw a comment (its author, before a disposition)', {
      params: ReviewIdParams,
      response: { 200: ReviewCommentSchema },
    }),
    async (request) => withdrawComment(app.deps.pool, contextOf(request), request.params.id),
  );

  app.put(
    '/api/v1/comments/:id/disposition',
    documented(
      'reviews',
      "Give a comment its disposition (editors and admins of the document's owner)",
      {
        params: ReviewIdParams,
        body: DispositionBody,
        response: { 200: ReviewCommentSchema },
      },
    ),
    async (request) =>
      setDisposition(app.deps.pool, contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/comments/:id/attachment/content',
    storedFileRoute(
      'reviews',
      "The bytes of a comment's attachment (Range and If-None-Match supported; audited)",
      ReviewIdParams,
    ),
    async (request, reply) => {
      const read = storedFileRead(request);
      const content = await openCommentAttachment(app.deps, contextOf(request), {
        commentId: request.params.id,
        ...read,
      });
      return sendStoredFile(reply, content.file, content, read);
    },
  );

  app.get(
    '/api/v1/reviews/:id/log',
    documented(
      'reviews',
      'The resolution log as JSON or CSV (editors and admins of the owner; every reader of the document once published)',
      {
        params: ReviewIdParams,
        querystring: ResolutionLogQuery,
        // With format=csv the answer is text/csv instead (a string goes out as it is).
        response: { 200: ResolutionLogSchema },
      },
    ),
    async (request, reply) => {
      const answer = await getResolutionLog(
        app.deps.pool,
        contextOf(request),
        request.params.id,
        request.query,
      );
      reply.header('cache-control', 'private, no-cache');
      if (answer.format === 'json') return reply.send(answer.log);
      return (reply as FastifyReply)
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition('attachment', answer.filename))
        .send(answer.text);
    },
  );

  app.post(
    '/api/v1/reviews/:id/log/publish',
    documented(
      'reviews',
      'Publish the resolution log to every reader of the document, attributed to organizations (editors and admins of the owner)',
      {
        params: ReviewIdParams,
        response: { 200: ReviewSchema },
      },
    ),
    async (request) => publishResolutionLog(app.deps.pool, contextOf(request), request.params.id),
  );
};
