/** Where a submission file's bytes live: generated here, never derived from anything the client sent. */
export function submissionFileStorageKey(submissionId: string, fileId: string): string {
  return `submissions/${submissionId}/${fileId}`;
}

/** Every submission file lives under this prefix (the reaper lists it too). */
export const SUBMISSION_KEY_PREFIX = 'submissions/';
