import { Label, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { ReactNode } from 'react';

// Laid out as Fluent's Field lays out a label above its control.
const useStyles = makeStyles({
  field: { display: 'grid' },
  label: {
    maxWidth: 'max-content',
    paddingBlock: tokens.spacingVerticalXXS,
    marginBottom: tokens.spacingVerticalXXS,
  },
});

/**
 * A label above one control (a filter, a choice), tied to it by id. Fluent's Field does the same
 * and more (hints, validation messages with their icons) for about 3 KB gzipped more: this is for
 * the controls a page opens with, which need only their label; forms keep Field.
 */
export function Labelled({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const styles = useStyles();
  const id = useId('control-');
  return (
    <div className={styles.field}>
      <Label htmlFor={id} className={styles.label}>
        {label}
      </Label>
      {children(id)}
    </div>
  );
}
