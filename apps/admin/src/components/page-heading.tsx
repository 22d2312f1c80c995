import { useEffect, useRef, type ReactNode } from 'react';

let firstPage = true;

/**
 * The page's h1. After a client-side page change it takes focus, so keyboard and
 * screen-reader users land at the top of the new page; on the very first page it does not.
 */
export function PageHeading({
  children,
  id,
  focusKey,
}: {
  children: ReactNode;
  id?: string;
  /** Takes focus again when this changes (a section of the same page). */ focusKey?: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus();
  }, [focusKey]);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
