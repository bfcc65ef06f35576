import type { IdUploadRouteOptions } from './upload-proxy';

/**
 * What each upload route under `[id]` posts to and how it words its refusals, side by side so the
 * routes answer alike; each route file serves its entry through idUploadRoute.
 */
export const UPLOAD_ROUTES = {
  version: {
    notFound: 'No such document',
    apiPath: (id) => `/api/v1/documents/${id}/versions`,
    messages: {
      crossSite: 'Uploads are accepted from the Liaison portal only',
      notMultipart: 'Upload the file as multipart/form-data',
      noBody: "The 'file' field is missing",
    },
  },
  statementAttachment: {
    notFound: 'No such statement',
    apiPath: (id) => `/api/v1/statements/${id}/attachments`,
    messages: {
      crossSite: 'Attachments are accepted from the Liaison portal only',
      notMultipart: 'Upload the attachment as multipart/form-data',
      noBody: "The 'file' field is missing",
    },
  },
  submissionFiles: {
    notFound: 'No such submission',
    apiPath: (id) => `/api/v1/submissions/${id}/files`,
    messages: {
      crossSite: 'Files are accepted from the Liaison portal only',
      notMultipart: 'Send the files as multipart/form-data',
      noBody: 'Add at least one file or Liaison document',
    },
  },
  reviewComment: {
    notFound: 'No such review',
    apiPath: (id) => `/api/v1/reviews/${id}/comments`,
    messages: {
      crossSite: 'Comments are accepted from the Liaison portal only',
      notMultipart: 'Send the comment as multipart/form-data',
      noBody: 'The comment is empty',
    },
  },
} satisfies Record<string, IdUploadRouteOptions>;
