'use client';

import { useState } from 'react';
import type { SubmissionRoute } from '../../lib/submission-rules';

export function unique<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The register, sender and receiver chosen among the routes the person may submit on. A choice
 * that the other two rule out falls back to the first one still open.
 */
export function useRouteChoice(
  routes: SubmissionRoute[],
  initial: { register?: string | undefined; to?: string | undefined },
) {
  const registers = unique(
    routes.map((route) => route.register),
    (register) => register.slug,
  );
  const [register, setRegister] = useState(
    registers.find((r) => r.slug === initial.register)?.slug ?? registers[0]?.slug ?? '',
  );
  const fromChoices = unique(
    routes.filter((route) => route.register.slug === register).map((route) => route.from),
    (from) => from.slug,
  );
  const [fromChoice, setFrom] = useState(fromChoices[0]?.slug ?? '');
  const from = fromChoices.some((f) => f.slug === fromChoice)
    ? fromChoice
    : (fromChoices[0]?.slug ?? '');
  const toChoices = routes
    .filter((route) => route.register.slug === register && route.from.slug === from)
    .map((route) => route.to);
  const [toChoice, setTo] = useState(initial.to ?? '');
  const to = toChoices.some((t) => t.slug === toChoice) ? toChoice : (toChoices[0]?.slug ?? '');
  return {
    registers,
    register,
    setRegister,
    fromChoices,
    from,
    fromName: fromChoices.find((f) => f.slug === from)?.name ?? from,
    setFrom,
    toChoices,
    to,
    toName: toChoices.find((t) => t.slug === to)?.name ?? to,
    setTo,
  };
}

export type RouteChoice = ReturnType<typeof useRouteChoice>;
