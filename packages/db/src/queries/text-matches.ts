import type { Queryable } from '../queryable.js';
import { readableDocumentCondition } from './readable-documents.js';

/** Where a search was found inside a document's files. */
export interface TextMatchRecord {
  documentId: string;
  versionId: string;
  versionLabel: string;
  mediaType: string;
  filename: string;
  page: number;
  /**
   * Words around the match, each matched word between HIGHLIGHT_START and HIGHLIGHT_END (control
   * characters removed from the text itself, so they mark nothing else).
   */
  snippet: string;
}

export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

/**
 * For each listed document, the best place its files' text matches `tsquery` (for
 * to_tsquery('english', …)): in the newest version that is not withdrawn and has a match, the
 * page that matches best (the first of equals). Only documents the viewer may read are looked at.
 */
export async function findTextMatches(
  db: Queryable,
  request: {
    documentIds: readonly string[];
    tsquery: string;
    viewerOrganizations: readonly string[];
  },
): Promise<TextMatchRecord[]> {
  if (request.documentIds.length === 0) return [];
  const result = await db.query<TextMatchRecord>(
    `with query as (select to_tsquery('english', $2::text) as q),
          best as (
            select distinct on (v.document_id)
                   v.document_id, v.id as version_id, v.label, v.media_type, v.filename, p.page, p.body
              from documents d
              join document_versions v on v.document_id = d.id and v.withdrawn_at is null
              join version_text_pages p on p.version_id = v.id
              cross join query
             where d.id = any($1::uuid[]) and ${readableDocumentCondition('$3::text[]')}
               and p.search @@ query.q
             order by v.document_id, v.created_at desc, v.id desc,
                      ts_rank_cd(p.search, query.q) desc, p.page)
     select best.document_id as "documentId", best.version_id as "versionId",
            best.label as "versionLabel", best.media_type as "mediaType", best.filename, best.page,
            ts_headline('english', regexp_replace(best.body, '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f]', ' ', 'g'),
                        query.q, $4) as snippet
       from best cross join query`,
    [
      request.documentIds,
      request.tsquery,
      request.viewerOrganizations,
      `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=35, MinWords=15`,
    ],
  );
  return result.rows;
}
