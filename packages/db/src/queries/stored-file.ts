/**
 * A file kept in object storage, as the row that names it describes it: a document version, a
 * submission file, a statement's or a comment's attachment.
 */
export interface StoredFileRecord {
  filename: string;
  size: number;
  mediaType: string;
  sha256: string;
  storageKey: string;
}
