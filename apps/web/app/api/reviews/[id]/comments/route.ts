// A new review comment: its fields, then the optional file, streamed to the API (see
// lib/upload-proxy.ts).

import { idUploadRoute } from '../../../../../lib/upload-proxy';
import { UPLOAD_ROUTES } from '../../../../../lib/upload-routes';

export const dynamic = 'force-dynamic';

export const POST = idUploadRoute(UPLOAD_ROUTES.reviewComment);
