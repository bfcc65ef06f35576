'use client';

import { usePathname } from 'next/navigation';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

/**
 * The header's navigation and account corner. Signed in, on a narrow screen, they fold behind a
 * "Menu" button (aria-expanded; Escape closes it and returns to the button); on a wide screen
 * the button is hidden and everything shows in one line (globals.css, .site-header__menu).
 */
export function HeaderMenu({
  collapsible,
  children,
}: {
  collapsible: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const toggle = useRef<HTMLButtonElement>(null);
  const id = useId();

  // A followed link closes the menu.
  useEffect(() => {
    if (pathname !== null) setOpen(false);
  }, [pathname]);

  if (!collapsible) return <div className="site-header__menu">{children}</div>;

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the open menu closes it; the button and links inside take the focus.
    <div className="site-header__collapsible" onKeyDown={closeOnEscape}>
      <button
        ref={toggle}
        type="button"
        className="site-header__toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        Menu
      </button>
      <div id={id} className="site-header__menu" data-open={open}>
        {children}
      </div>
    </div>
  );
}
