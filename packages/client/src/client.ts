import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { PassThrough, pipeline, type Readable } from 'node:stream';
import { parseDocumentRef } from './document-ref.js';
import { LiaisonApiError, LiaisonNetworkError } from './errors.js';
import { apiError, type Exchange, readText, send } from './transport.js';
import type {
  AcceptedInvitation,
  AcceptInvitationBody,
  AddMemberBody,
  AuditList,
  AuditListQuery,
  CommentKind,
  CreateApiTokenRequest,
  CreateDocumentBody,
  CreatedApiToken,
  CreateInvitationBody,
  CreateStatementBody,
  DispositionBody,
  Document,
  DocumentDownloadList,
  DocumentDownloadsQuery,
  DocumentList,
  DocumentListQuery,
  DocumentSummary,
  DocumentVersion,
  Invitation,
  InvitationList,
  InvitationPreview,
  IprPolicy,
  Member,
  MemberList,
  OpenReviewBody,
  OrganizationAdminList,
  OrganizationList,
  PasswordChangeBody,
  PasswordChanged,
  PasswordResetRequested,
  ProfileUpdateBody,
  RegisterHistory,
  RegisterPage,
  ResolutionLog,
  ResolutionLogQuery,
  Review,
  ReviewComment,
  ReviewCommentList,
  ReviewCommentListQuery,
  ReviewList,
  Statement,
  StatementList,
  StatementListQuery,
  StatementSummary,
  Submission,
  SubmissionList,
  SubmissionListQuery,
  TokenResponse,
  UpdateCommentBody,
  UpdateDocumentBody,
  UpdateReviewBody,
  UpdateStatementBody,
  User,
  VersionComparison,
  WhatsNew,
  WhatsNewCount,
  WorkRegisterList,
} from './types.js';
import { formBody, mediaTypeOf, type UploadBody } from './upload-body.js';

export interface ClientOptions {
  /** The API's address: `https://liaison.example.org` (a trailing `/api/v1` is accepted too). */
  url: string;
  /** A personal API token or an access token; without one, the client is anonymous. */
  token?: string | undefined;
  /** A connection is given up after this long without a byte either way; default 2 minutes. */
  idleTimeoutMs?: number;
  /**
   * A JSON call is given up after this long in all, however slowly its answer trickles in; no
   * limit by default. Streamed uploads and downloads take as long as their files need, so only
   * idleTimeoutMs applies to them.
   */
  timeoutMs?: number | undefined;
  /** Sent with every request, e.g. the web app's signed browser address; the client's own win. */
  headers?: Record<string, string>;
  userAgent?: string;
}

export type Progress = (transferred: number, total: number) => void;

export interface UploadRequest {
  label: string;
  /** What changed in this version (at most 2000 characters). */
  changeNote?: string;
  /** The file on disk; it is streamed, never read whole. */
  path: string;
  /** Defaults to the file's own name. */
  filename?: string;
  /** Defaults to what the file name's extension suggests. */
  mediaType?: string;
  onProgress?: Progress;
}

export interface UploadedVersion {
  version: DocumentVersion;
  /** SHA-256 of the bytes this client sent, to compare with `version.sha256`. */
  sentSha256: string;
}

export interface SubmissionRequest {
  register: string;
  to: string;
  /** Needed only when the caller is an editor of more than one other party of the register. */
  from?: string;
  title: string;
  description?: string;
  /** The caller acknowledges the receiver's IPR policy: the one with this SHA-256. */
  acceptIpr: true;
  iprPolicySha256: string;
  /** Files on disk, streamed in this order. */
  files: Array<{ path: string; filename?: string; mediaType?: string }>;
  /** Liaison document versions the API copies in as further files (the caller must read them). */
  attach?: Array<{ documentId: string; versionId: string }>;
  onProgress?: Progress;
}

export interface SubmittedFiles {
  submission: Submission;
  /** SHA-256 of each file as this client sent it, in order. */
  sentSha256: string[];
}

export interface VersionDownload {
  /** The version's bytes from `offset` to the end. A broken connection fails it with LiaisonNetworkError. */
  body: Readable;
  /** Where `body` starts in the file: the requested offset when the API honoured the range, else 0. */
  offset: number;
  /** The size of the whole file. */
  size: number;
  /** The strong ETag (the quoted SHA-256). */
  etag: string | undefined;
}

/** A request's query: undefined, null and '' values are left out. */
export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
}

export interface AttachmentRequest {
  /** The file on disk; it is streamed, never read whole. */
  path: string;
  /** Defaults to the file's own name. */
  filename?: string;
  /** Defaults to what the file name's extension suggests. */
  mediaType?: string;
  onProgress?: Progress;
}

export interface UploadedAttachment {
  /** The draft with the new attachment. */
  statement: Statement;
  /** SHA-256 of the bytes this client sent, to compare with the stored attachment's. */
  sentSha256: string;
}

export interface CommentRequest {
  /** The reviewed version: a comment on any other answers 422 wrong_version. */
  versionId: string;
  kind: CommentKind;
  body: string;
  /** Page, section or line, free text. */
  location?: string;
  proposedChange?: string;
  /** When the review requires it: the caller acknowledges the owner's IPR policy with this SHA-256. */
  iprPolicySha256?: string;
  /** One optional file on disk, streamed after the fields. */
  attachment?: AttachmentRequest;
}

export interface PostedComment {
  comment: ReviewComment;
  /** SHA-256 of the attachment as this client sent it; null without one. */
  sentSha256: string | null;
}

/** A file's bytes from the API: a document version or a statement attachment. */
export type ContentDownload = VersionDownload;

const invitationsPath = (organization: string) =>
  `/api/v1/organizations/${encodeURIComponent(organization)}/invitations`;
const membersPath = (organization: string) =>
  `/api/v1/organizations/${encodeURIComponent(organization)}/members`;

const statementPath = (id: string) => `/api/v1/statements/${encodeURIComponent(id)}`;
const reviewPath = (id: string) => `/api/v1/reviews/${encodeURIComponent(id)}`;
const commentPath = (id: string) => `/api/v1/comments/${encodeURIComponent(id)}`;

/** The API's base address from what a person typed: no trailing slash, no `/api/v1`. */
export function normalizeApiUrl(input: string): string {
  const url = new URL(input);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`${input} is not an http(s) address`);
  }
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  return url.toString().replace(/\/+$/, '');
}

/** A typed client of the Liaison API: JSON calls, and uploads and downloads streamed from and to disk. */
export class LiaisonClient {
  readonly url: string;
  readonly token: string | undefined;
  private readonly options: ClientOptions;
  private readonly idleTimeoutMs: number;

  constructor(options: ClientOptions) {
    this.url = normalizeApiUrl(options.url);
    this.token = options.token;
    this.options = options;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 120_000;
  }

  /** The same API as someone else (e.g. with the access token a sign-in answered). */
  withToken(token: string | undefined): LiaisonClient {
    return new LiaisonClient({ ...this.options, token });
  }

  /**
   * Any JSON call, for the routes without a typed method: `path` starts at the API's root
   * (`/api/v1/…`). Resolves to the answer's JSON, typed by the caller (undefined for 204).
   */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const url = this.address(path, options.query);
    const body =
      options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body), 'utf8');
    const exchange = await send(url, {
      method,
      headers: {
        ...this.headers(),
        ...(body ? { 'content-type': 'application/json', 'content-length': body.length } : {}),
      },
      ...(body ? { body } : {}),
      idleTimeoutMs: this.idleTimeoutMs,
      timeoutMs: this.options.timeoutMs,
    });
    return this.answer<T>(exchange, url, `${method} ${path}`);
  }

  /** Who the token belongs to; LiaisonApiError 401 when it is missing, wrong or expired. */
  me(): Promise<User> {
    return this.request('GET', '/api/v1/me');
  }

  /** Changes the caller's own name; answers the account as `me()` does. */
  updateProfile(body: ProfileUpdateBody): Promise<User> {
    return this.request('PATCH', '/api/v1/me', { body });
  }

  /** Changes the caller's password given the current one; the account's other sessions end. */
  changePassword(body: PasswordChangeBody): Promise<PasswordChanged> {
    return this.request('POST', '/api/v1/me/password', { body });
  }

  /** What changed since the caller's previous visit to What's new, without recording a visit. */
  whatsNew(): Promise<WhatsNew> {
    return this.request('GET', '/api/v1/me/whats-new');
  }

  /** Opens What's new: answers it as `whatsNew()` does and records the visit. */
  visitWhatsNew(): Promise<WhatsNew> {
    return this.request('POST', '/api/v1/me/whats-new/visits');
  }

  /** How many of What's new's items are new (the header's badge), counted up to 100. */
  whatsNewCount(): Promise<WhatsNewCount> {
    return this.request('GET', '/api/v1/me/whats-new/count');
  }

  /** Mails the account a one-time link to choose a new password (anonymous; same answer for all). */
  requestPasswordReset(email: string): Promise<PasswordResetRequested> {
    return this.request('POST', '/api/v1/auth/password-reset', { body: { email } });
  }

  /** Sets a new password with the mailed link's token; every session of the account ends. */
  resetPassword(token: string, password: string): Promise<void> {
    return this.request('POST', '/api/v1/auth/password-reset/complete', {
      body: { token, password },
    });
  }

  /** A short-lived access token for an e-mail and password. */
  signIn(email: string, password: string): Promise<TokenResponse> {
    return this.request('POST', '/api/v1/auth/token', { body: { email, password } });
  }

  /** A personal API token for scripts; the secret is in this answer only. */
  createApiToken(request: CreateApiTokenRequest): Promise<CreatedApiToken> {
    return this.request('POST', '/api/v1/tokens', { body: request });
  }

  /** An organization's admins, name and address (its members, the operator). */
  listOrganizationAdmins(organization: string): Promise<OrganizationAdminList> {
    return this.request('GET', `/api/v1/organizations/${encodeURIComponent(organization)}/admins`);
  }

  /** An organization's members (its admins, the operator). */
  listMembers(organization: string): Promise<MemberList> {
    return this.request('GET', membersPath(organization));
  }

  /** Adds an existing account to an organization (its admins, the operator). */
  addMember(organization: string, body: AddMemberBody): Promise<Member> {
    return this.request('POST', membersPath(organization), { body });
  }

  changeMemberRole(organization: string, userId: string, role: Member['role']): Promise<Member> {
    return this.request('PATCH', `${membersPath(organization)}/${encodeURIComponent(userId)}`, {
      body: { role },
    });
  }

  removeMember(organization: string, userId: string): Promise<void> {
    return this.request('DELETE', `${membersPath(organization)}/${encodeURIComponent(userId)}`);
  }

  /** Invites a person to an organization (its admins, the operator); the link is mailed to them. */
  createInvitation(organization: string, body: CreateInvitationBody): Promise<Invitation> {
    return this.request('POST', invitationsPath(organization), { body });
  }

  /** The organization's invitations that can still be accepted. */
  listInvitations(organization: string): Promise<InvitationList> {
    return this.request('GET', invitationsPath(organization));
  }

  /** Revokes a pending invitation: its link stops working. */
  revokeInvitation(organization: string, id: string): Promise<void> {
    return this.request('DELETE', `${invitationsPath(organization)}/${encodeURIComponent(id)}`);
  }

  /** What an invitation link offers; needs no sign-in (the token is the credential). */
  getInvitation(token: string): Promise<InvitationPreview> {
    return this.request('GET', `/api/v1/invitations/${encodeURIComponent(token)}`);
  }

  /**
   * Accepts an invitation: signed in as the invited account (no body), or, for an address new to
   * Liaison, with the name and password of the account it creates.
   */
  acceptInvitation(token: string, account: AcceptInvitationBody = {}): Promise<AcceptedInvitation> {
    return this.request('POST', `/api/v1/invitations/${encodeURIComponent(token)}/accept`, {
      body: account,
    });
  }

  /** The organizations taking part (public). */
  listOrganizations(): Promise<OrganizationList> {
    return this.request('GET', '/api/v1/organizations');
  }

  /** The work registers the caller may see: approved ones for everyone, drafts for their parties. */
  listRegisters(): Promise<WorkRegisterList> {
    return this.request('GET', '/api/v1/registers');
  }

  /** A register's page with the first page of its documents; 404 when missing or not visible. */
  getRegister(slug: string): Promise<RegisterPage> {
    return this.request('GET', `/api/v1/registers/${encodeURIComponent(slug)}`);
  }

  /** Who changed what in a register, newest first (members of its parties, the operator). */
  getRegisterHistory(slug: string): Promise<RegisterHistory> {
    return this.request('GET', `/api/v1/registers/${encodeURIComponent(slug)}/history`);
  }

  /** One page of the documents the caller may read, newest first; `nextCursor` leads on. */
  listDocuments(query: DocumentListQuery = {}): Promise<DocumentList> {
    return this.request('GET', '/api/v1/documents', { query });
  }

  /** Every document matching the query, page after page. */
  async *documents(query: Omit<DocumentListQuery, 'cursor'> = {}): AsyncGenerator<DocumentSummary> {
    let cursor: string | undefined;
    do {
      const page = await this.listDocuments({ ...query, ...(cursor ? { cursor } : {}) });
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  getDocument(id: string): Promise<Document> {
    return this.request('GET', `/api/v1/documents/${encodeURIComponent(id)}`);
  }

  /** Who downloaded the document's versions, newest first (for those who manage it). */
  listDocumentDownloads(
    id: string,
    query: DocumentDownloadsQuery = {},
  ): Promise<DocumentDownloadList> {
    return this.request('GET', `/api/v1/documents/${encodeURIComponent(id)}/downloads`, { query });
  }

  /**
   * What changed in the text between two versions (ids or labels), word by word, page by page;
   * `status: 'text-missing'` when a version's text is not extracted.
   */
  compareVersions(documentId: string, from: string, to: string): Promise<VersionComparison> {
    return this.request('GET', `/api/v1/documents/${encodeURIComponent(documentId)}/compare`, {
      query: { from, to },
    });
  }

  getDocumentByIdentifier(organization: string, identifier: string): Promise<Document> {
    return this.request(
      'GET',
      `/api/v1/organizations/${encodeURIComponent(organization)}/documents/${encodeURIComponent(identifier)}`,
    );
  }

  /** A document by id or by `<organization>/<identifier>`; TypeError when `ref` is neither. */
  getDocumentByRef(ref: string): Promise<Document> {
    const parsed = parseDocumentRef(ref);
    if (!parsed)
      throw new TypeError(`${ref} is neither a document id nor <organization>/<identifier>`);
    return parsed.kind === 'id'
      ? this.getDocument(parsed.id)
      : this.getDocumentByIdentifier(parsed.organization, parsed.identifier);
  }

  createDocument(body: CreateDocumentBody): Promise<Document> {
    return this.request('POST', '/api/v1/documents', { body });
  }

  updateDocument(id: string, body: UpdateDocumentBody): Promise<Document> {
    return this.request('PATCH', `/api/v1/documents/${encodeURIComponent(id)}`, { body });
  }

  deleteDocument(id: string): Promise<void> {
    return this.request('DELETE', `/api/v1/documents/${encodeURIComponent(id)}`);
  }

  /** One page of the submissions sent (`outgoing`) or received (`incoming`) by the caller's organizations. */
  listSubmissions(query: SubmissionListQuery = {}): Promise<SubmissionList> {
    return this.request('GET', '/api/v1/submissions', { query });
  }

  /** A submission; 404 when missing or not visible. */
  getSubmission(id: string): Promise<Submission> {
    return this.request('GET', `/api/v1/submissions/${encodeURIComponent(id)}`);
  }

  /** Uploads a file as a new version, streamed from disk with its progress reported. */
  async uploadVersion(documentId: string, upload: UploadRequest): Promise<UploadedVersion> {
    const { size } = await stat(upload.path);
    const filename = upload.filename ?? basename(upload.path);
    const form = formBody(
      [
        ['label', upload.label],
        ...(upload.changeNote ? [['changeNote', upload.changeNote] as const] : []),
      ],
      [{ path: upload.path, size, filename, mediaType: upload.mediaType ?? mediaTypeOf(filename) }],
      upload.onProgress,
    );
    const version = await this.postForm<DocumentVersion>(
      `/api/v1/documents/${encodeURIComponent(documentId)}/versions`,
      form,
    );
    return { version, sentSha256: form.sha256s()[0]! };
  }

  /** One page of the audit log, newest first: what the caller may read (admins, the operator). */
  listAuditEvents(query: AuditListQuery = {}): Promise<AuditList> {
    return this.request('GET', '/api/v1/audit', { query });
  }

  /** The IPR policy an organization receives submissions under, with the SHA-256 of its text. */
  getIprPolicy(organization: string): Promise<IprPolicy> {
    return this.request(
      'GET',
      `/api/v1/organizations/${encodeURIComponent(organization)}/ipr-policy`,
    );
  }

  /** Submits files to another party of a register, streamed from disk with progress reported. */
  async createSubmission(request: SubmissionRequest): Promise<SubmittedFiles> {
    const files = await Promise.all(
      request.files.map(async (file) => {
        const filename = file.filename ?? basename(file.path);
        return {
          path: file.path,
          size: (await stat(file.path)).size,
          filename,
          mediaType: file.mediaType ?? mediaTypeOf(filename),
        };
      }),
    );
    const fields: Array<[string, string]> = [
      ['register', request.register],
      ['to', request.to],
      ...(request.from ? [['from', request.from] as [string, string]] : []),
      ['title', request.title],
      ...(request.description ? [['description', request.description] as [string, string]] : []),
      ['acceptIpr', String(request.acceptIpr)],
      ['iprPolicySha256', request.iprPolicySha256],
      ...(request.attach?.length
        ? [
            [
              'attach',
              request.attach.map((item) => `${item.documentId}@${item.versionId}`).join(' '),
            ] as [string, string],
          ]
        : []),
    ];
    const form = formBody(fields, files, request.onProgress);
    const submission = await this.postForm<Submission>('/api/v1/submissions', form);
    return { submission, sentSha256: form.sha256s() };
  }

  /** Streams a version's bytes, from `offset` on when given (a Range request, to resume). */
  async downloadVersion(
    documentId: string,
    versionId: string,
    options: { offset?: number } = {},
  ): Promise<VersionDownload> {
    const path = `/api/v1/documents/${encodeURIComponent(documentId)}/versions/${encodeURIComponent(versionId)}/content`;
    return this.downloadContent(path, options);
  }

  // Liaison statements (docs/statements.md): formal letters between the parties of a register.

  /** One page of the statements the caller may read; `nextCursor` leads on. */
  listStatements(query: StatementListQuery = {}): Promise<StatementList> {
    return this.request('GET', '/api/v1/statements', { query });
  }

  /** Every statement matching the query, page after page. */
  async *statements(
    query: Omit<StatementListQuery, 'cursor'> = {},
  ): AsyncGenerator<StatementSummary> {
    let cursor: string | undefined;
    do {
      const page = await this.listStatements({ ...query, ...(cursor ? { cursor } : {}) });
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  getStatement(id: string): Promise<Statement> {
    return this.request('GET', statementPath(id));
  }

  /** A new draft, sent later by an admin of the sending organization (`sendStatement`). */
  createStatement(body: CreateStatementBody): Promise<Statement> {
    return this.request('POST', '/api/v1/statements', { body });
  }

  /** Changes a draft: only the fields given. */
  updateStatement(id: string, body: UpdateStatementBody): Promise<Statement> {
    return this.request('PATCH', statementPath(id), { body });
  }

  /** Discards a draft with its attachments. */
  deleteStatement(id: string): Promise<void> {
    return this.request('DELETE', statementPath(id));
  }

  /** Adds a file to a draft, streamed from disk with its progress reported. */
  async uploadStatementAttachment(
    id: string,
    upload: AttachmentRequest,
  ): Promise<UploadedAttachment> {
    const { size } = await stat(upload.path);
    const filename = upload.filename ?? basename(upload.path);
    const form = formBody(
      [],
      [{ path: upload.path, size, filename, mediaType: upload.mediaType ?? mediaTypeOf(filename) }],
      upload.onProgress,
    );
    const statement = await this.postForm<Statement>(`${statementPath(id)}/attachments`, form);
    return { statement, sentSha256: form.sha256s()[0]! };
  }

  deleteStatementAttachment(id: string, attachmentId: string): Promise<void> {
    return this.request(
      'DELETE',
      `${statementPath(id)}/attachments/${encodeURIComponent(attachmentId)}`,
    );
  }

  /** Streams an attachment's bytes, from `offset` on when given. */
  downloadStatementAttachment(
    id: string,
    attachmentId: string,
    options: { offset?: number } = {},
  ): Promise<ContentDownload> {
    return this.downloadContent(
      `${statementPath(id)}/attachments/${encodeURIComponent(attachmentId)}/content`,
      options,
    );
  }

  /** Sends a draft (admins of the sending organization: an editor gets 403). */
  sendStatement(id: string): Promise<Statement> {
    return this.request('POST', `${statementPath(id)}/send`);
  }

  withdrawStatement(id: string, reason: string): Promise<Statement> {
    return this.request('POST', `${statementPath(id)}/withdraw`, { body: { reason } });
  }

  /** Marks an owed statement answered (admins of a receiving organization). */
  markStatementAnswered(id: string, note?: string): Promise<Statement> {
    return this.request('POST', `${statementPath(id)}/answered`, {
      body: note === undefined ? {} : { note },
    });
  }

  // Reviews of work in progress (docs/reviews.md): calls for comments, comments, dispositions.

  /** Opens a call for comments on one version (editors and admins of the owner). */
  openReview(documentId: string, body: OpenReviewBody): Promise<Review> {
    return this.request('POST', `/api/v1/documents/${encodeURIComponent(documentId)}/reviews`, {
      body,
    });
  }

  /** A document's reviews the caller may see, newest first. */
  listDocumentReviews(
    documentId: string,
    query: { limit?: number; cursor?: string } = {},
  ): Promise<ReviewList> {
    return this.request('GET', `/api/v1/documents/${encodeURIComponent(documentId)}/reviews`, {
      query,
    });
  }

  /** The reviews the caller may comment on; with `open`, the open ones closing soonest first. */
  listReviews(
    query: { open?: boolean; limit?: number; cursor?: string } = {},
  ): Promise<ReviewList> {
    return this.request('GET', '/api/v1/reviews', { query });
  }

  getReview(id: string): Promise<Review> {
    return this.request('GET', reviewPath(id));
  }

  /** Extends or retitles an open review (its owner's editors and admins). */
  updateReview(id: string, body: UpdateReviewBody): Promise<Review> {
    return this.request('PATCH', reviewPath(id), { body });
  }

  /** Closes an open review before its date. */
  closeReview(id: string): Promise<Review> {
    return this.request('POST', `${reviewPath(id)}/close`);
  }

  /** Posts a comment: the fields first, then the optional attachment streamed from disk. */
  async postComment(reviewId: string, request: CommentRequest): Promise<PostedComment> {
    const fields: Array<[string, string]> = [
      ['versionId', request.versionId],
      ['kind', request.kind],
      ['body', request.body],
    ];
    if (request.location) fields.push(['location', request.location]);
    if (request.proposedChange) fields.push(['proposedChange', request.proposedChange]);
    if (request.iprPolicySha256) {
      fields.push(['acceptIpr', 'true'], ['iprPolicySha256', request.iprPolicySha256]);
    }
    const file = request.attachment;
    const files = [];
    if (file) {
      const filename = file.filename ?? basename(file.path);
      files.push({
        path: file.path,
        size: (await stat(file.path)).size,
        filename,
        mediaType: file.mediaType ?? mediaTypeOf(filename),
      });
    }
    const form = formBody(fields, files, file?.onProgress);
    const comment = await this.postForm<ReviewComment>(`${reviewPath(reviewId)}/comments`, form);
    return { comment, sentSha256: file ? form.sha256s()[0]! : null };
  }

  /** One page of the review's comments the caller may read, oldest first. */
  listComments(reviewId: string, query: ReviewCommentListQuery = {}): Promise<ReviewCommentList> {
    return this.request('GET', `${reviewPath(reviewId)}/comments`, { query });
  }

  getComment(id: string): Promise<ReviewComment> {
    return this.request('GET', commentPath(id));
  }

  /** Changes a comment (its author, before a disposition, while the review is open). */
  updateComment(id: string, body: UpdateCommentBody): Promise<ReviewComment> {
    return this.request('PATCH', commentPath(id), { body });
  }

  withdrawComment(id: string): Promise<ReviewComment> {
    return this.request('POST', `${commentPath(id)}/withdraw`);
  }

  /** Gives a comment its disposition (the owner's editors and admins). */
  setDisposition(id: string, body: DispositionBody): Promise<ReviewComment> {
    return this.request('PUT', `${commentPath(id)}/disposition`, { body });
  }

  /** Streams a comment's attachment, from `offset` on when given. */
  downloadCommentAttachment(
    id: string,
    options: { offset?: number } = {},
  ): Promise<ContentDownload> {
    return this.downloadContent(`${commentPath(id)}/attachment/content`, options);
  }

  /** The resolution log as JSON: counts per disposition and every comment with its answer. */
  getResolutionLog(
    reviewId: string,
    query: Omit<ResolutionLogQuery, 'format'> = {},
  ): Promise<ResolutionLog> {
    return this.request('GET', `${reviewPath(reviewId)}/log`, { query });
  }

  /** The resolution log as CSV text. */
  async downloadResolutionLogCsv(
    reviewId: string,
    query: Omit<ResolutionLogQuery, 'format'> = {},
  ): Promise<string> {
    const path = `${reviewPath(reviewId)}/log`;
    const url = this.address(path, { ...query, format: 'csv' });
    const exchange = await send(url, {
      method: 'GET',
      headers: { ...this.headers(), accept: 'text/csv' },
      idleTimeoutMs: this.idleTimeoutMs,
      timeoutMs: this.options.timeoutMs,
    });
    const status = exchange.response.statusCode ?? 0;
    if (status !== 200) return apiError(exchange, url, `GET ${path}`);
    return readText(exchange, url);
  }

  /** Publishes the log to every reader of the document, attributed to organizations only. */
  publishResolutionLog(reviewId: string): Promise<Review> {
    return this.request('POST', `${reviewPath(reviewId)}/log/publish`);
  }

  /** Streams bytes from a content route, from `offset` on when given (a Range request). */
  private async downloadContent(
    path: string,
    options: { offset?: number },
  ): Promise<ContentDownload> {
    const url = this.address(path);
    const offset = options.offset ?? 0;
    const exchange = await send(url, {
      method: 'GET',
      headers: { ...this.headers(), ...(offset > 0 ? { range: `bytes=${offset}-` } : {}) },
      idleTimeoutMs: this.idleTimeoutMs,
    });
    const { response } = exchange;
    const status = response.statusCode ?? 0;
    if (status !== 200 && status !== 206) return apiError(exchange, url, `GET ${path}`);

    const etag = response.headers.etag;
    let start = 0;
    let size = Number(response.headers['content-length']);
    if (status === 206) {
      const range = /^bytes (\d+)-\d+\/(\d+)$/.exec(response.headers['content-range'] ?? '');
      if (!range) {
        exchange.request.destroy();
        throw new LiaisonApiError(
          status,
          'invalid_content_range',
          'The API answered a range without a valid Content-Range',
          `GET ${path}`,
        );
      }
      start = Number(range[1]);
      size = Number(range[2]);
    }
    const body = new PassThrough({ highWaterMark: 1024 * 1024 });
    pipeline(response, body, (error) => {
      exchange.request.destroy();
      if (error && !body.destroyed) {
        body.destroy(
          new LiaisonNetworkError(
            `${url.origin}: the download broke off (${error.message})`,
            url.origin,
            {
              cause: error,
            },
          ),
        );
      }
    });
    return { body, offset: start, size, etag };
  }

  /** POSTs a streamed multipart body and reads the JSON answer. */
  private async postForm<T>(path: string, form: UploadBody): Promise<T> {
    const url = this.address(path);
    const exchange = await send(url, {
      method: 'POST',
      headers: {
        ...this.headers(),
        'content-type': form.contentType,
        'content-length': form.length,
      },
      body: form.stream,
      idleTimeoutMs: this.idleTimeoutMs,
    });
    return this.answer<T>(exchange, url, `POST ${path}`);
  }

  private address(path: string, query: Query = {}): URL {
    if (!path.startsWith('/')) throw new TypeError(`${path} does not start with /`);
    const url = new URL(`${this.url}${path}`);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') {
        url.searchParams.set(name, String(value));
      }
    }
    return url;
  }

  private headers(): Record<string, string> {
    return {
      ...this.options.headers,
      'user-agent': this.options.userAgent ?? 'liaison-client/0.1.0',
      accept: 'application/json',
      ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
    };
  }

  private async answer<T>(exchange: Exchange, url: URL, what: string): Promise<T> {
    const status = exchange.response.statusCode ?? 0;
    if (status < 200 || status >= 300) return apiError(exchange, url, what);
    const text = await readText(exchange, url);
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new LiaisonApiError(status, 'invalid_response', 'The answer is not valid JSON', what);
    }
  }
}
