/**
 * Every pattern and length limit a value must meet, in one place. The TypeBox wire schemas, the
 * API's multipart form readers and the web forms (HTML `pattern`/`maxLength` attributes and their
 * client-side checks) all import from here, so a rule changes in one line. Pure and browser-safe.
 *
 * The SQL CHECK constraints in packages/db/migrations repeat some of these on purpose: they are the
 * database's own guard, kept even if a bug let a bad value past the API.
 */

/** An organization, register or login slug without anchors, for embedding in a larger pattern. */
export const SLUG_BODY = '[a-z0-9][a-z0-9-]{0,62}';
export const SLUG_PATTERN = `^${SLUG_BODY}$`;
export const SLUG_MAX_LENGTH = 63;
/**
 * For an HTML `pattern` attribute: browsers compile it with the `v` flag, where a `-` inside a
 * character class must be escaped.
 */
export const SLUG_INPUT_PATTERN = SLUG_BODY.replace('-]', '\\-]');
const slug = new RegExp(SLUG_PATTERN);

export function isSlug(value: string): boolean {
  return slug.test(value);
}

/** A document's identifier, unique per owner organization, e.g. DSP0266. */
export const DOCUMENT_IDENTIFIER_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
export const DOCUMENT_IDENTIFIER_MAX_LENGTH = 64;

/** A version's label, e.g. 1.2.0 or 0.9a. */
export const VERSION_LABEL_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$';
export const VERSION_LABEL_MAX_LENGTH = 64;

export const DOCUMENT_STATUSES = ['work-in-progress', 'informational', 'standard'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export function isDocumentStatus(value: unknown): value is DocumentStatus {
  return typeof value === 'string' && (DOCUMENT_STATUSES as readonly string[]).includes(value);
}

/** Widest first. */
export const VISIBILITIES = ['public', 'partners', 'organization'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export function isVisibility(value: unknown): value is Visibility {
  return typeof value === 'string' && (VISIBILITIES as readonly string[]).includes(value);
}

export const TITLE_MAX_LENGTH = 300;
export const ABSTRACT_MAX_LENGTH = 10_000;
/** Why a version was withdrawn. */
export const WITHDRAWAL_REASON_MAX_LENGTH = 1000;
/** What changed in a version, as its uploader writes it (optional). */
export const CHANGE_NOTE_MAX_LENGTH = 2000;

export const SUBMISSION_DESCRIPTION_MAX_LENGTH = 20_000;
export const SUBMISSION_MAX_FILES = 20;
export const SUBMISSION_COMMENT_MAX_LENGTH = 20_000;
/** The reason given when accepting or declining a submission. */
export const DECISION_REASON_MAX_LENGTH = 10_000;

/**
 * The only files a browser is allowed to show in the page rather than save: PDFs, which browsers
 * render in their own sandboxed viewer. Everything else is served as an attachment.
 */
export function isShownInline(mediaType: string): boolean {
  return mediaType === 'application/pdf';
}

/** An uploaded file's name, counted in UTF-8 bytes. */
export const FILENAME_MAX_BYTES = 255;

/** The shortest password a person may choose (longer is better; any characters count). */
export const MIN_PASSWORD_LENGTH = 12;

/** A liaison statement's Markdown body. */
export const STATEMENT_BODY_MAX_LENGTH = 100_000;
/** The sender's or receiver's own reference number for a statement, e.g. "OFA-LS-2026-004". */
export const STATEMENT_REFERENCE_MAX_LENGTH = 100;
export const STATEMENT_MAX_ATTACHMENTS = 20;
/** Response contacts and technical contacts, each. */
export const STATEMENT_MAX_CONTACTS = 20;
/** The earlier statements one statement refers to. */
export const STATEMENT_MAX_REFERS_TO = 20;
/** A contact's name, as written in a statement. */
export const CONTACT_NAME_MAX_LENGTH = 200;
/** Why a sent statement was withdrawn, or how it was answered. */
export const STATEMENT_NOTE_MAX_LENGTH = 2000;

/** A review comment's text, and the change it proposes. */
export const REVIEW_COMMENT_MAX_LENGTH = 20_000;
/** Where in the document a comment points: a page, section or line, as the commenter writes it. */
export const COMMENT_LOCATION_MAX_LENGTH = 200;
/** The owner's response in a comment's disposition. */
export const DISPOSITION_RESPONSE_MAX_LENGTH = 20_000;
/** The note that opens a call for comments. */
export const REVIEW_NOTE_MAX_LENGTH = 10_000;

/**
 * A request id a caller (a load balancer, the web app) may hand on in `x-request-id`: letters,
 * digits and `._:-`, at most 128, safe in a header and a log line. Anything else is replaced.
 */
export const REQUEST_ID_HEADER = 'x-request-id';
const requestId = /^[A-Za-z0-9._:-]{1,128}$/;

export function isAcceptedRequestId(value: unknown): value is string {
  return typeof value === 'string' && requestId.test(value);
}
/** An e-mail address (RFC 5321's longest path). */
export const EMAIL_MAX_LENGTH = 320;
/** What a password may be at the most, so hashing one stays cheap. */
export const PASSWORD_MAX_LENGTH = 1024;
/** A person's display name. */
export const PERSON_NAME_MAX_LENGTH = 200;

export const ORGANIZATION_NAME_MAX_LENGTH = 200;
export const ORGANIZATION_DESCRIPTION_MAX_LENGTH = 10_000;
/** The intellectual-property policy that whoever submits to an organization acknowledges. */
export const IPR_POLICY_MAX_LENGTH = 100_000;

/** Where an organization publishes its official policy: an https address, nothing else. */
export const IPR_POLICY_URL_PATTERN = '^https://\\S+$';

/** The longest such address. */
export const IPR_POLICY_URL_MAX_LENGTH = 2000;

/** The secret in a mailed link (an invitation, a password reset): whoever knows it may use it. */
export const LINK_TOKEN_PATTERN = '^[A-Za-z0-9_-]{16,128}$';
const linkToken = new RegExp(LINK_TOKEN_PATTERN);

export function isLinkToken(value: string): boolean {
  return linkToken.test(value);
}

/** A personal API token's name, e.g. the script or machine that uses it. */
export const API_TOKEN_NAME_MAX_LENGTH = 100;
/** How long a personal API token may live, in days, and how long when not told. */
export const API_TOKEN_MAX_DAYS = 366;
export const API_TOKEN_DEFAULT_DAYS = 90;

/** The audit log's filter on an event's object id. */
export const AUDIT_FILTER_MAX_LENGTH = 100;

/** The free-text search over documents. */
export const SEARCH_QUERY_MAX_LENGTH = 200;

export const REGISTER_VERSION_MAX_LENGTH = 50;
export const REGISTER_SUMMARY_MAX_LENGTH = 20_000;
/** How many organizations may be party to one register. */
export const REGISTER_MAX_PARTIES = 20;
/**
 * A register's paragraphs and notes: an item's text, a party's role, the review process, an item
 * as the register wrote it.
 */
export const REGISTER_TEXT_MAX_LENGTH = 2_000;
/** A milestone's deliverable and its timeframe as the register writes it ("Oct 2018"). */
export const MILESTONE_DELIVERABLE_MAX_LENGTH = 500;
export const TIMEFRAME_MAX_LENGTH = 100;
/** A point of contact's role, e.g. "DMTF VP of Alliances". */
export const CONTACT_ROLE_MAX_LENGTH = 300;
/** The body that approves a register for its organization (e.g. "OFA Board"), and its resolution. */
export const APPROVAL_BODY_MAX_LENGTH = 200;

/**
 * Text extraction from version files (for search inside files and compare). Each file is read in a
 * worker thread that is stopped at the time limit or when it outgrows its memory; larger files,
 * and DOCX archives that declare more than the uncompressed limit, are not read at all.
 */
export const TEXT_EXTRACTION_LIMITS = {
  maxFileBytes: 64 * 1024 * 1024,
  timeLimitMs: 60_000,
  memoryLimitMb: 512,
  /** The sum of a DOCX archive's declared uncompressed entry sizes (a zip bomb declares more). */
  maxDocxUncompressedBytes: 256 * 1024 * 1024,
  /** Text stored per version, in characters; the rest is dropped (search covers the start). */
  maxStoredChars: 2_000_000,
} as const;
export type TextExtractionLimits = { -readonly [K in keyof typeof TEXT_EXTRACTION_LIMITS]: number };
