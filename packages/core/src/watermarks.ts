/**
 * Watermarked copies of confidential PDFs: which copies are stamped. The stamp itself (reader,
 * organization, e-mail, date, download id) is the API's work; the decision of who gets a stamped
 * copy lives here, next to the rest of the document rules, so the API and the web app agree.
 */
import { type Actor, hasRole } from './policy/actor.js';
import type { Visibility } from './rules.js';

/** New partners and organization documents require watermarks unless their creator says not. */
export function defaultWatermark(visibility: Visibility): boolean {
  return visibility !== 'public';
}

/**
 * A PDF by its declared type or, for files sent as a generic type, by its name: a PDF uploaded as
 * application/octet-stream is still stamped.
 */
export function isPdfFile(file: { mediaType: string; filename: string }): boolean {
  return file.mediaType === 'application/pdf' || /\.pdf$/i.test(file.filename);
}

/**
 * Whether `actor`'s copy of the file is stamped: PDFs of a document that requires watermarks and is
 * not public, read by anyone who is not a member of the owner organization. The owner's members
 * get the original bytes.
 */
export function isCopyWatermarked(
  actor: Actor,
  document: { owner: string; visibility: Visibility; watermark: boolean },
  file: { mediaType: string; filename: string },
): boolean {
  return (
    document.watermark &&
    document.visibility !== 'public' &&
    !hasRole(actor, document.owner, 'member') &&
    isPdfFile(file)
  );
}
