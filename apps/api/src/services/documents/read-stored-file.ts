import type { ObjectStorage } from '@liaison/storage';

/**
 * A stored file in one buffer of its known size (no growing and copying on the way): for the
 * work that needs the whole file at once, such as stamping a PDF.
 */
export async function readStoredFile(
  storage: ObjectStorage,
  key: string,
  size: number,
): Promise<Buffer> {
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  for await (const chunk of (await storage.getStream(key)) as AsyncIterable<Buffer>) {
    if (filled + chunk.length > size) throw new Error(`${key} is larger than its row says`);
    chunk.copy(bytes, filled);
    filled += chunk.length;
  }
  if (filled !== size) throw new Error(`${key} is shorter than its row says`);
  return bytes;
}
