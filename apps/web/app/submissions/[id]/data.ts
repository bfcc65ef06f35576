import 'server-only';
import { detailLoader } from '../../../lib/detail-loader';
import { getSubmission } from '../../../lib/submission-api';
import { submissionPath } from '../../../lib/submission-links';

/** The submission as the session's user may see it (a 404 where the API answers one). */
export const loadSubmission = detailLoader(getSubmission, submissionPath);
