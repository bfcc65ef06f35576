/**
 * `Content-Disposition` for a stored file name: a plain-ASCII `filename` for old clients and the
 * exact name as RFC 5987/8187 `filename*`. The name was validated at upload (no controls, no
 * paths), so only quoting and encoding are left to do here.
 */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const fallback = filename
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
