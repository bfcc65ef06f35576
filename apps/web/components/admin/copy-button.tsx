'use client';

import { useState } from 'react';
import styles from './admin.module.css';

/** Copies a value to the clipboard and says so (to screen readers too). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <>
      <button type="button" className={styles.secondary} onClick={copy}>
        {copied === 'copied' ? 'Copied' : 'Copy'}
        <span className="visually-hidden"> {label}</span>
      </button>
      <span role="status" className="visually-hidden">
        {copied === 'copied'
          ? 'Copied to the clipboard.'
          : copied === 'failed'
            ? 'Copying failed: select the text and copy it yourself.'
            : ''}
      </span>
    </>
  );
}
