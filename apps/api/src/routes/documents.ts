import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CompareQuery,
  CreateDocumentBody,
  DocumentDownloadList,
  DocumentDownloadsQuery,
  DocumentIdParams,
  DocumentList,
  DocumentListQuery,
  DocumentSchema,
  IdentifierSchema,
  OrganizationParams,
  UpdateDocumentBody,
  VersionComparisonSchema,
} from '@liaison/core';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { compareVersions } from '../services/documents/compare-versions.js';
import { createDocument } from '../services/documents/create-document.js';
import { deleteDocument } from '../services/documents/delete-document.js';
import { documentListCacheKey } from '../services/documents/document-list-cache.js';
import { getDocument } from '../services/documents/get-document.js';
import { getDocumentByIdentifier } from '../services/documents/get-document-by-identifier.js';
import { listDocumentDownloads } from '../services/documents/list-document-downloads.js';
import { listDocuments } from '../services/documents/list-documents.js';
import { updateDocument } from '../services/documents/update-document.js';

export const documentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/documents',
    documented('documents', 'Create a document (editors and admins of the owner organization)', {
      body: CreateDocumentBody,
      response: { 201: DocumentSchema },
    }),
    async (request, reply) =>
      reply.status(201).send(await createDocument(app.deps.pool, contextOf(request), request.body)),
  );

  app.get(
    '/api/v1/documents',
    documented('documents', 'Documents the caller may read, newest first', {
      querystring: DocumentListQuery,
      response: { 200: DocumentList },
    }),
    async (request, reply) => {
      const context = contextOf(request);
      const body = await app.documentListCache.answer(
        documentListCacheKey(context.actor, request.query),
        async () =>
          Buffer.from(
            String(reply.serialize(await listDocuments(app.deps.pool, context, request.query))),
          ),
      );
      // Serialized by the response schema above (reply.serialize), once per cached answer.
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(body);
    },
  );

  app.get(
    '/api/v1/documents/:id',
    documented('documents', 'A document with its versions and what the caller may do with it', {
      params: DocumentIdParams,
      response: { 200: DocumentSchema },
    }),
    async (request) => getDocument(app.deps.pool, contextOf(request), request.params.id),
  );

  app.get(
    '/api/v1/documents/:id/downloads',
    documented(
      'documents',
      'Who downloaded its versions, newest first, from the audit log (editors and admins of the owner organization, the operator)',
      {
        params: DocumentIdParams,
        querystring: DocumentDownloadsQuery,
        response: { 200: DocumentDownloadList },
      },
    ),
    async (request) =>
      listDocumentDownloads(app.deps.pool, contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/documents/:id/compare',
    documented(
      'documents',
      'What changed in the text between two versions (ids or labels), word by word and page by page',
      {
        params: DocumentIdParams,
        querystring: CompareQuery,
        response: { 200: VersionComparisonSchema },
      },
    ),
    async (request) =>
      compareVersions(app.deps.pool, contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/organizations/:slug/documents/:identifier',
    documented(
      'documents',
      "A document by its owner organization's slug and its identifier (e.g. ofa/OFA-FAB-1)",
      {
        params: Type.Object(
          { slug: OrganizationParams.properties.slug, identifier: IdentifierSchema },
          { additionalProperties: false },
        ),
        response: { 200: DocumentSchema },
      },
    ),
    async (request) =>
      getDocumentByIdentifier(
        app.deps.pool,
        contextOf(request),
        request.params.slug,
        request.params.identifier,
      ),
  );

  app.patch(
    '/api/v1/documents/:id',
    documented('documents', 'Change title, abstract, status, visibility or registers', {
      params: DocumentIdParams,
      body: UpdateDocumentBody,
      response: { 200: DocumentSchema },
    }),
    async (request) =>
      updateDocument(
        { pool: app.deps.pool, watermarkMaxBytes: app.deps.config.watermarkMaxBytes },
        contextOf(request),
        request.params.id,
        request.body,
      ),
  );

  app.delete(
    '/api/v1/documents/:id',
    documented(
      'documents',
      'Delete a document and all its versions (admins of the owner organization)',
      {
        params: DocumentIdParams,
        response: { 204: Type.Null() },
      },
    ),
    async (request, reply) => {
      await deleteDocument(
        { ...app.deps, log: request.log },
        contextOf(request),
        request.params.id,
      );
      return reply.status(204).send(null);
    },
  );
};
