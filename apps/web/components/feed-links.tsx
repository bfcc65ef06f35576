import { ATOM_MEDIA_TYPE } from '../lib/atom';
import { releaseFeedPath } from '../lib/release-feed';

/**
 * The library's visible links to the Atom feeds of releases: the portal's, and the filtered
 * organization's when there is one. Plain links, not <Link>: feeds are not pages.
 */
export function FeedLinks({
  organization,
  organizationNames,
}: {
  /** The library's organization filter ('' for none). */
  organization: string;
  organizationNames: ReadonlyMap<string, string>;
}) {
  const name = organizationNames.get(organization);
  return (
    <p className="muted">
      Follow new releases in a feed reader:{' '}
      <a href={releaseFeedPath()} type={ATOM_MEDIA_TYPE}>
        Atom feed of all releases
      </a>
      {name && (
        <>
          {' · '}
          <a href={releaseFeedPath(organization)} type={ATOM_MEDIA_TYPE}>
            {name} releases only
          </a>
        </>
      )}
    </p>
  );
}
