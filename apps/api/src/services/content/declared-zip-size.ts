/**
 * The uncompressed size a ZIP archive (a DOCX) declares for all its entries together, read from
 * its central directory without inflating anything; undefined when the archive cannot be read that
 * way (not a ZIP, truncated, or ZIP64, whose sizes no DOCX needs). A zip bomb declares its size
 * honestly or lies; the first is refused here, the second runs into the worker's memory limit.
 */
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_LENGTH = 22;
const ENTRY_HEADER_LENGTH = 46;
const MAX_COMMENT_LENGTH = 0xffff;
const ZIP64_MARKER = 0xffffffff;

export function declaredUncompressedSize(archive: Uint8Array): number | undefined {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const lowest = Math.max(0, archive.byteLength - END_RECORD_LENGTH - MAX_COMMENT_LENGTH);
  let end = -1;
  for (let at = archive.byteLength - END_RECORD_LENGTH; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (entries === 0xffff || directoryOffset === ZIP64_MARKER) return undefined;

  let total = 0;
  let at = directoryOffset;
  for (let entry = 0; entry < entries; entry++) {
    if (at + ENTRY_HEADER_LENGTH > end || view.getUint32(at, true) !== CENTRAL_DIRECTORY_ENTRY) {
      return undefined;
    }
    const uncompressed = view.getUint32(at + 24, true);
    if (uncompressed === ZIP64_MARKER) return undefined;
    total += uncompressed;
    at +=
      ENTRY_HEADER_LENGTH +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return total;
}
