import type { ReactNode } from 'react';

/** One entry of a `facts` list (`<dl>`): what it is, then its value. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
