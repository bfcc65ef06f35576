import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateStatementBody,
  MarkStatementAnsweredBody,
  StatementAttachmentParams,
  StatementIdParams,
  StatementList,
  StatementListQuery,
  StatementSchema,
  UpdateStatementBody,
  WithdrawStatementBody,
} from '@liaison/core';
import { Type } from 'typebox';
import {
  type FormLimitMessages,
  formParts,
  oneFileUploadRefusals,
  receiveUpload,
} from '../http/multipart-form.js';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { sendStoredFile, storedFileRead, storedFileRoute } from '../http/send-stored-file.js';
import { addStatementAttachment } from '../services/statements/add-statement-attachment.js';
import { createStatement } from '../services/statements/create-statement.js';
import { deleteStatement } from '../services/statements/delete-statement.js';
import { getStatement } from '../services/statements/get-statement.js';
import { listStatements } from '../services/statements/list-statements.js';
import { markStatementAnswered } from '../services/statements/mark-statement-answered.js';
import { openStatementAttachment } from '../services/statements/open-statement-attachment.js';
import { removeStatementAttachment } from '../services/statements/remove-statement-attachment.js';
import { sendStatement } from '../services/statements/send-statement.js';
import { updateStatement } from '../services/statements/update-statement.js';
import { withdrawStatement } from '../services/statements/withdraw-statement.js';

const ATTACHMENT_FORM: FormLimitMessages = {
  fileTooLarge: 'The file is larger than the limit',
  tooManyFiles: { message: 'Send one file per attachment', code: 'multiple_files' },
  tooManyFields: "The form holds only the 'file'",
};

export const statementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { maxUploadBytes } = app.deps.config;
  const uploadRefusals = oneFileUploadRefusals(maxUploadBytes);

  app.get(
    '/api/v1/statements',
    documented(
      'statements',
      'Liaison statements the caller may read, newest first (box=incoming|outgoing|awaiting-approval; owed=true: soonest deadline first)',
      {
        querystring: StatementListQuery,
        response: { 200: StatementList },
      },
    ),
    async (request) => listStatements(app.deps.pool, contextOf(request), request.query),
  );

  app.post(
    '/api/v1/statements',
    documented(
      'statements',
      'Write a draft statement from a party of an approved register to other parties (editors and admins of the sender)',
      {
        body: CreateStatementBody,
        response: { 201: StatementSchema },
      },
    ),
    async (request, reply) =>
      reply.status(201).send(await createStatement(app.deps, contextOf(request), request.body)),
  );

  app.get(
    '/api/v1/statements/:id',
    documented(
      'statements',
      'A statement with its thread, attachments, history and what the caller may do',
      {
        params: StatementIdParams,
        response: { 200: StatementSchema },
      },
    ),
    async (request) => getStatement(app.deps.pool, contextOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/statements/:id',
    documented(
      'statements',
      'Change a draft: only the fields given (editors and admins of the sender)',
      {
        params: StatementIdParams,
        body: UpdateStatementBody,
        response: { 200: StatementSchema },
      },
    ),
    async (request) =>
      updateStatement(app.deps.pool, contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/statements/:id',
    documented(
      'statements',
      'Discard a draft with its attachments (editors and admins of the sender)',
      {
        params: StatementIdParams,
        response: { 204: Type.Null() },
      },
    ),
    async (request, reply) => {
      await deleteStatement(
        { ...app.deps, log: request.log },
        contextOf(request),
        request.params.id,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/statements/:id/attachments',
    documented('statements', "Attach a file to a draft: multipart with one 'file' part", {
      consumes: ['multipart/form-data'],
      params: StatementIdParams,
      response: { 201: StatementSchema },
    }),
    async (request, reply) => {
      const statement = await receiveUpload(request, uploadRefusals, () =>
        addStatementAttachment(
          { ...app.deps, log: request.log, maxUploadBytes },
          contextOf(request),
          request.params.id,
          formParts(request, ATTACHMENT_FORM),
        ),
      );
      return reply.status(201).send(statement);
    },
  );

  app.delete(
    '/api/v1/statements/:id/attachments/:attachmentId',
    documented('statements', 'Remove an attachment from a draft', {
      params: StatementAttachmentParams,
      response: { 204: Type.Null() },
    }),
    async (request, reply) => {
      await removeStatementAttachment({ ...app.deps, log: request.log }, contextOf(request), {
        statementId: request.params.id,
        attachmentId: request.params.attachmentId,
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/statements/:id/attachments/:attachmentId/content',
    storedFileRoute(
      'statements',
      'The bytes of a statement attachment (Range and If-None-Match supported; audited)',
      StatementAttachmentParams,
    ),
    async (request, reply) => {
      const read = storedFileRead(request);
      const content = await openStatementAttachment(app.deps, contextOf(request), {
        statementId: request.params.id,
        attachmentId: request.params.attachmentId,
        ...read,
      });
      return sendStoredFile(reply, content.file, content, read);
    },
  );

  app.post(
    '/api/v1/statements/:id/send',
    documented(
      'statements',
      'Send a draft (admins of the sender); a response marks the statements it answers answered',
      {
        params: StatementIdParams,
        response: { 200: StatementSchema },
      },
    ),
    async (request) => sendStatement(app.deps.pool, contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/statements/:id/withdraw',
    documented('statements', 'Withdraw a sent statement, with a reason (admins of the sender)', {
      params: StatementIdParams,
      body: WithdrawStatementBody,
      response: { 200: StatementSchema },
    }),
    async (request) =>
      withdrawStatement(app.deps.pool, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/statements/:id/answered',
    documented(
      'statements',
      'Mark an owed comment/action statement answered (admins of a receiving organization)',
      {
        params: StatementIdParams,
        body: MarkStatementAnsweredBody,
        response: { 200: StatementSchema },
      },
    ),
    async (request) =>
      markStatementAnswered(app.deps.pool, contextOf(request), request.params.id, request.body),
  );
};
