import {
  type Actor,
  allowDocument,
  type DocumentAction,
  type DocumentSubject,
  ForbiddenError,
} from '@liaison/core';

const WHY: Record<DocumentAction, string> = {
  read: 'read this document',
  upload: 'upload versions (editors and admins of the owner organization)',
  edit: 'edit this document (editors and admins of the owner organization)',
  'share-with-partners':
    'change who sees this document (editors and admins of the owner organization)',
  release: 'make this document public or private again (admins of the owner organization)',
  'set-standard': 'set or clear the standard status (admins of the owner organization)',
  'withdraw-version': 'withdraw versions (admins of the owner organization)',
  'see-withdrawn-versions': 'see withdrawn versions (members of the owner organization)',
  'see-downloads':
    'see who downloaded this document (editors and admins of the owner organization)',
  delete: 'delete this document (admins of the owner organization)',
};

/** Throws ForbiddenError naming the first action the actor may not take on a readable document. */
export function requireDocumentActions(
  actor: Actor,
  subject: DocumentSubject,
  actions: readonly DocumentAction[],
) {
  for (const action of actions) {
    if (!allowDocument(actor, action, subject))
      throw new ForbiddenError(`Only some people may ${WHY[action]}`);
  }
}
