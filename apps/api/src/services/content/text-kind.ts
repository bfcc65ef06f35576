/** The file types whose text is extracted, told by media type or, failing that, file name. */
export type TextKind = 'pdf' | 'plain' | 'docx';

const BY_MEDIA_TYPE: Record<string, TextKind> = {
  'application/pdf': 'pdf',
  'text/plain': 'plain',
  'text/markdown': 'plain',
  'text/x-markdown': 'plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

const BY_EXTENSION: Record<string, TextKind> = {
  pdf: 'pdf',
  txt: 'plain',
  text: 'plain',
  md: 'plain',
  markdown: 'plain',
  docx: 'docx',
};

/**
 * Browsers and scripts often send `application/octet-stream` for files they do not know, so the
 * name's extension decides when the media type says nothing more specific.
 */
export function textKindOf(mediaType: string, filename: string): TextKind | undefined {
  const byType = BY_MEDIA_TYPE[mediaType];
  if (byType) return byType;
  if (mediaType !== 'application/octet-stream') return undefined;
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  return extension ? BY_EXTENSION[extension] : undefined;
}
