import 'server-only';
import { detailLoader } from '../../../lib/detail-loader';
import { getReview } from '../../../lib/review-api';
import { reviewPath } from '../../../lib/review-rules';

/** The review as the visitor may see it (a 404 where the API answers one). */
export const loadReview = detailLoader(getReview, reviewPath);
