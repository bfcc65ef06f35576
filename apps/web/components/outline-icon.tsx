import type { ReactNode } from 'react';

/** A decorative icon drawn in outline with the text's colour; screen readers pass over it. */
export function OutlineIcon({
  className,
  viewBox,
  size,
  children,
}: {
  className: string;
  viewBox: string;
  size: number;
  children: ReactNode;
}) {
  return (
    <svg
      className={className}
      viewBox={viewBox}
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}
