/** Where a statement attachment's bytes live: generated here, never derived from the file name. */
export function statementAttachmentStorageKey(statementId: string, attachmentId: string): string {
  return `statements/${statementId}/${attachmentId}`;
}

/** Every statement attachment lives under this prefix (the reaper lists it too). */
export const STATEMENT_KEY_PREFIX = 'statements/';
