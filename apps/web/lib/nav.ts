/**
 * Whether `pathname` is in the section of `href`, its first path segment ("/" is the library:
 * itself and documents; "/submissions/incoming" is in the submissions section like "/submissions").
 */
export function isCurrentSection(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/' || pathname.startsWith('/documents');
  const section = `/${href.split('/')[1]}`;
  return pathname === section || pathname.startsWith(`${section}/`);
}
