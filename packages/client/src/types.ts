/**
 * The API's wire types, derived from the same TypeBox schemas the API validates and serializes
 * with (packages/core). Imported as types only: the client carries none of the schemas' code.
 */
import type {
  ApiTokenSchema,
  AuditList as AuditListSchema,
  CreateApiTokenBody,
  CreatedApiToken as CreatedApiTokenSchema,
  TokenResponse as TokenResponseSchema,
  UserSchema,
} from '@liaison/core';
import type { Static } from 'typebox';

export type {
  AcceptedInvitation,
  AcceptInvitationBody,
  AddMemberBody,
  AuditEvent,
  AuditListQuery,
  CommentDisposition,
  CommentKind,
  CreateDocumentBody,
  CreateInvitationBody,
  CreateStatementBody,
  Disposition,
  DispositionBody,
  Document,
  DocumentList,
  DocumentListQuery,
  DocumentSummary,
  DocumentVersion,
  ErrorBody,
  Invitation,
  InvitationList,
  InvitationPreview,
  IprPolicy,
  MarkStatementAnsweredBody,
  Member,
  MemberList,
  OpenReviewBody,
  Organization,
  OrganizationList,
  PasswordChangeBody,
  PasswordChanged,
  PasswordResetRequested,
  ProfileUpdateBody,
  RegisterPage,
  ResolutionLog,
  ResolutionLogQuery,
  Review,
  ReviewComment,
  ReviewCommentList,
  ReviewCommentListQuery,
  ReviewList,
  ReviewPermissions,
  ReviewState,
  Statement,
  StatementAttachment,
  StatementBox,
  StatementContact,
  StatementLink,
  StatementList,
  StatementListQuery,
  StatementPermissions,
  StatementPurpose,
  StatementState,
  StatementSummary,
  StatementVisibility,
  Submission,
  SubmissionList,
  SubmissionListQuery,
  SubmissionSummary,
  UpdateCommentBody,
  UpdateDocumentBody,
  UpdateReviewBody,
  UpdateStatementBody,
  WithdrawStatementBody,
  WorkRegisterList,
  WorkRegisterSummary,
} from '@liaison/core';

export type User = Static<typeof UserSchema>;
export type AuditList = Static<typeof AuditListSchema>;
export type ApiToken = Static<typeof ApiTokenSchema>;
export type CreateApiTokenRequest = Static<typeof CreateApiTokenBody>;
export type CreatedApiToken = Static<typeof CreatedApiTokenSchema>;
export type TokenResponse = Static<typeof TokenResponseSchema>;
