/** The portal's own URL of a version's file (the streaming download proxy). */
export function downloadHref(documentId: string, versionId: string, inline = false): string {
  return `/documents/${documentId}/versions/${versionId}/download${inline ? '?inline=1' : ''}`;
}
