'use client';

import { useRef, useState } from 'react';

/**
 * The one file chosen for an upload form and the input it is picked with. `choose` keeps the
 * first file picked or dropped and calls `onChosen`; with `onSeveralDropped`, dropping several
 * files calls that instead. `clear` forgets the file and empties the input, once it is sent.
 */
export function useChosenFile({
  onChosen,
  onSeveralDropped,
}: {
  onChosen: () => void;
  onSeveralDropped?: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const choose = (files: FileList | null | undefined, how: 'chosen' | 'dropped') => {
    if (onSeveralDropped && how === 'dropped' && files && files.length > 1) {
      onSeveralDropped();
      return;
    }
    const chosen = files?.[0];
    if (!chosen) return;
    setFile(chosen);
    onChosen();
  };
  const clear = () => {
    setFile(null);
    if (inputRef.current) inputRef.current.value = '';
  };
  return { file, inputRef, choose, clear };
}

export type ChosenFile = ReturnType<typeof useChosenFile>;
