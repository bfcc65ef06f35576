/** A page URL's query, as Next hands it to the page. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** What Next hands a page with no dynamic segment: its query. */
export interface QueryPageProps {
  searchParams: Promise<SearchParams>;
}

/** What Next hands a page under one dynamic segment: `SegmentPageProps<'id'>` for `[id]`. */
export interface SegmentPageProps<Segment extends string> {
  params: Promise<Record<Segment, string>>;
  searchParams: Promise<SearchParams>;
}

/** The notice a page shows after an action, named by the `notice` of its query. */
export function noticeFrom(
  query: SearchParams,
  notices: Readonly<Record<string, string>>,
): string | undefined {
  return typeof query.notice === 'string' ? notices[query.notice] : undefined;
}
