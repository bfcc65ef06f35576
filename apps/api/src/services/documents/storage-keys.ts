/** Where a version's bytes live: generated here, never derived from anything the client sent. */
export function versionStorageKey(documentId: string, versionId: string): string {
  return `documents/${documentId}/${versionId}`;
}

/** Every version object lives under this prefix; the reaper looks nowhere else. */
export const VERSION_KEY_PREFIX = 'documents/';
