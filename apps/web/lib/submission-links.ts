/** The portal's own URLs for submissions. Pure, and safe in client components. */

export function submissionPath(id: string): string {
  return `/submissions/${encodeURIComponent(id)}`;
}

/** The page a browser lands on for a file that cannot be served (it answers 404). */
export function submissionFilePath(id: string, fileId: string): string {
  return `${submissionPath(id)}/files/${encodeURIComponent(fileId)}`;
}

/** The file's bytes, through the portal's streaming download proxy. */
export function submissionDownloadHref(id: string, fileId: string): string {
  return `${submissionFilePath(id, fileId)}/download`;
}
