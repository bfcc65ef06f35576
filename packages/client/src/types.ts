/**
 * The API's wire types, derived from the same TypeBox schemas the API validates and serializes
 * with (packages/core). Imported as types only: the client carries none of the schemas' code.
 */
import type {
  ApiTokenSchema,
  CreateApiTokenBody,
  CreatedApiToken as CreatedApiTokenSchema,
  TokenResponse as TokenResponseSchema,
  UserSchema,
} from '@liaison/core';
import type { Static } from 'typebox';

export type {
  AcceptedInvitation,
  AcceptInvitationBody,
  CreateDocumentBody,
  CreateInvitationBody,
  CreateStatementBody,
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
  UpdateStatementBody,
  WithdrawStatementBody,
} from '@liaison/core';

export type User = Static<typeof UserSchema>;
export type ApiToken = Static<typeof ApiTokenSchema>;
export type CreateApiTokenRequest = Static<typeof CreateApiTokenBody>;
export type CreatedApiToken = Static<typeof CreatedApiTokenSchema>;
export type TokenResponse = Static<typeof TokenResponseSchema>;
