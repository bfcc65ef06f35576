import { Fragment } from 'react';

const URL_PATTERN = /(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

/** Plain text with its http(s) addresses turned into links (nothing else is interpreted). */
export function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the split is stable for a given text
          <a key={index} href={part} rel="noopener noreferrer">
            {part}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the split is stable for a given text
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
