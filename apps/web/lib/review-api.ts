import 'server-only';
import type { ResolutionLog, Review, ReviewComment } from '@liaison/core';
import { type AllPages, type ApiOptions, type ApiResponse, fromApi, fromApiAllPages } from './api';
import type { LogFilters } from './review-rules';

// The review calls the pages make, as the signed-in person. A review or comment they may not
// read answers 404 like a missing one.

export function getReview(id: string, options: ApiOptions = {}): Promise<ApiResponse<Review>> {
  return fromApi((client) => client.getReview(id), options);
}

export function listDocumentReviews(
  documentId: string,
  options: ApiOptions = {},
): Promise<ApiResponse<AllPages<Review>>> {
  return fromApiAllPages((client, page) => client.listDocumentReviews(documentId, page), options);
}

/** The open reviews the person may comment on, closing soonest first. */
export function listOpenReviews(options: ApiOptions = {}): Promise<ApiResponse<AllPages<Review>>> {
  return fromApiAllPages((client, page) => client.listReviews({ open: true, ...page }), options);
}

export function listComments(
  reviewId: string,
  filters: LogFilters = {},
  options: ApiOptions = {},
): Promise<ApiResponse<AllPages<ReviewComment>>> {
  return fromApiAllPages(
    (client, page) => client.listComments(reviewId, { ...filters, ...page }),
    options,
  );
}

export function getResolutionLog(
  reviewId: string,
  filters: LogFilters = {},
  options: ApiOptions = {},
): Promise<ApiResponse<ResolutionLog>> {
  return fromApi((client) => client.getResolutionLog(reviewId, filters), options);
}
