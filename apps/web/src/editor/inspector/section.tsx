import { type ReactNode, useId, useState } from 'react';
import { IconChevronDown } from '../../ui/icons';

/** A collapsible group of fields in the inspector; its header is a button (keyboard: Enter/Space). */
export function Section({
  title,
  children,
  defaultOpen = true,
  aside,
}: {
  title: string;
  children: ReactNode;
  defaultOpen?: boolean;
  aside?: ReactNode;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  return (
    <section className={`insp-section${open ? ' is-open' : ''}`}>
      <h3 className="insp-section-head">
        <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((v) => !v)}>
          <IconChevronDown className="insp-chevron" />
          {title}
        </button>
        {aside}
      </h3>
      {open ? (
        <div className="insp-section-body" id={id}>
          {children}
        </div>
      ) : null}
    </section>
  );
}
