import type { ReactNode } from 'react';

/** A captioned preview of a portal page (drawn here, or the portal itself in a frame). */
export function PreviewFrame({
  name,
  caption,
  className,
  children,
}: {
  /** `{name}-caption` is the caption's id, `{name}` the test id. */
  name: string;
  caption: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <figure
      className={className ? `preview-frame ${className}` : 'preview-frame'}
      aria-labelledby={`${name}-caption`}
      data-testid={name}
    >
      <figcaption id={`${name}-caption`} className="preview-caption">
        {caption}
      </figcaption>
      {children}
    </figure>
  );
}
