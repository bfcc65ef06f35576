/** The portal's own URLs for liaison statements. Pure, and safe in client components. */

export function statementPath(id: string): string {
  return `/statements/${encodeURIComponent(id)}`;
}

/** An attachment's bytes, through the portal's streaming download proxy. */
export function statementAttachmentHref(id: string, attachmentId: string): string {
  return `${statementPath(id)}/attachments/${encodeURIComponent(attachmentId)}/download`;
}

/** The streaming upload proxy that adds a file to a draft. */
export function statementUploadUrl(id: string): string {
  return `/api/statements/${encodeURIComponent(id)}/attachments`;
}

/** The draft form: a new statement under a register, or a reply to `replyTo`. */
export function newStatementPath(register: string, options: { replyTo?: string } = {}): string {
  const query = new URLSearchParams({ register });
  if (options.replyTo) query.set('replyTo', options.replyTo);
  return `/statements/new?${query}`;
}

/** The Atom feed of a register's public statements. */
export function statementFeedPath(register: string): string {
  return `/feeds/registers/${encodeURIComponent(register)}/statements.atom`;
}
