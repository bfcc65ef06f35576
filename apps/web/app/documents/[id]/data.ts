import 'server-only';
import { getDocument } from '../../../lib/api';
import { detailLoader } from '../../../lib/detail-loader';

/** The document as the session's user may see it (a 404 where the API answers one). */
export const loadDocument = detailLoader((id) => getDocument(id));
