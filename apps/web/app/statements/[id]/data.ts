import 'server-only';
import { detailLoader } from '../../../lib/detail-loader';
import { getStatement } from '../../../lib/statement-api';
import { statementPath } from '../../../lib/statement-links';

/** The statement as the visitor may see it (a 404 where the API answers one). */
export const loadStatement = detailLoader(getStatement, statementPath);
