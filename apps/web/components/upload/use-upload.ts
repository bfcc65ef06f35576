'use client';

import { useEffect, useRef, useState } from 'react';
import type { UploadCallbacks, UploadFailure, UploadHandle } from '../../lib/multipart-upload';

type Failure = Exclude<UploadFailure, { aborted: true }>;

/** Where an upload to one of the portal's streaming proxies stands. */
export type UploadPhase<Success> =
  | { kind: 'idle' }
  | { kind: 'sending'; loaded: number; total: number }
  | { kind: 'storing' }
  | { kind: 'done'; result: Success }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

const INTERRUPTED =
  'The upload was interrupted: the connection to Liaison failed. Check your connection and try again.';

/**
 * The state machine every upload form shares: progress, cancel, the warning before leaving the
 * page mid-upload, and focus on the result (the element given `resultRef`) once it is known.
 */
export function useUpload<Success extends { ok: true }>() {
  const [phase, setPhase] = useState<UploadPhase<Success>>({ kind: 'idle' });
  const handle = useRef<UploadHandle<Success | UploadFailure> | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const uploading = phase.kind === 'sending' || phase.kind === 'storing';

  // Leaving the page mid-upload would silently cancel it: ask first.
  useEffect(() => {
    if (!uploading) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [uploading]);

  useEffect(() => () => handle.current?.abort(), []);

  useEffect(() => {
    if (phase.kind === 'done' || phase.kind === 'failed' || phase.kind === 'cancelled') {
      resultRef.current?.focus();
    }
  }, [phase.kind]);

  /**
   * Sends `total` request bytes with `begin` and settles the phase. `describe` words a failure
   * the API answered; the failure is also returned so a form can mark the field it concerns.
   */
  const start = async (
    total: number,
    begin: (callbacks: UploadCallbacks) => UploadHandle<Success | UploadFailure>,
    describe: (failure: Failure) => string,
  ): Promise<Success | UploadFailure> => {
    setPhase({ kind: 'sending', loaded: 0, total });
    const current = begin({
      onProgress: (loaded, sent) =>
        setPhase((now) =>
          now.kind === 'sending' ? { kind: 'sending', loaded, total: sent } : now,
        ),
      onSent: () => setPhase((now) => (now.kind === 'sending' ? { kind: 'storing' } : now)),
    });
    handle.current = current;
    const outcome = await current.done;
    handle.current = null;
    if (outcome.ok) setPhase({ kind: 'done', result: outcome });
    else if (outcome.aborted) setPhase({ kind: 'cancelled' });
    else {
      setPhase({
        kind: 'failed',
        message: outcome.status === 0 ? INTERRUPTED : describe(outcome),
      });
    }
    return outcome;
  };

  return {
    phase,
    uploading,
    resultRef,
    start,
    cancel: () => handle.current?.abort(),
    reset: () => setPhase({ kind: 'idle' }),
  };
}
