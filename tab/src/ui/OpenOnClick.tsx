import { Button, Spinner } from '@fluentui/react-components';
import { Suspense, useCallback, useState, type ReactNode } from 'react';

/**
 * A form that opens on a click (pass it a lazyComponent): its code is loaded then, not with the
 * page, so the page's first load stays light. Once open, the focus goes to its first field.
 */
export function OpenOnClick({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const focusFirstField = useCallback(
    (form: HTMLDivElement | null) => form?.querySelector<HTMLElement>('input, select, textarea')?.focus(),
    [],
  );
  if (!open)
    return (
      <div>
        <Button onClick={() => setOpen(true)}>{label}</Button>
      </div>
    );
  return (
    <Suspense fallback={<Spinner size="tiny" label="Loading the form…" />}>
      <div ref={focusFirstField}>{children}</div>
    </Suspense>
  );
}
