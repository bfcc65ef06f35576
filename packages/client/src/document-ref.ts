const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How a person names a document: its id, or its owner's slug and its identifier. */
export type DocumentRef =
  | { kind: 'id'; id: string }
  | { kind: 'identifier'; organization: string; identifier: string };

/**
 * `3f2c…-…` or `ofa/OFA-FAB-1`; undefined when it is neither. The parts are not validated here:
 * the API checks them against its own schemas.
 */
export function parseDocumentRef(text: string): DocumentRef | undefined {
  if (UUID.test(text)) return { kind: 'id', id: text.toLowerCase() };
  const [organization, identifier, ...rest] = text.split('/');
  if (!organization || !identifier || rest.length > 0) return undefined;
  return { kind: 'identifier', organization, identifier };
}
