/** Whether `pathname` is in the section of `href` ("/" is the library: itself and documents). */
export function isCurrentSection(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/' || pathname.startsWith('/documents');
  return pathname === href || pathname.startsWith(`${href}/`);
}
