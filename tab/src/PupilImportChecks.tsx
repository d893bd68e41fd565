import { Body1, Field, Select, Subtitle2, makeStyles } from '@fluentui/react-components';
import { DataTable, type Column } from './ui/DataTable';
import { PUPIL_FIELDS, type ColumnMapping, type PupilField, type RowError } from './pupil-import-api';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  tight: { margin: 0 },
  mapping: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(220px, 100%), 1fr))', gap: '12px' },
});

/** "1 problem", "1,234 problems". */
export const problemsText = (count: number) => (count === 1 ? '1 problem' : `${count.toLocaleString('en-GB')} problems`);

/**
 * Which column of the file holds each field: as the server guessed it, changeable. The selects stay
 * usable while a check runs (the panel keeps only the latest answer), so the focus is never lost from one.
 */
export function PupilColumnMapping({
  header,
  mapping,
  onChange,
}: {
  header: string[];
  mapping: Partial<ColumnMapping>;
  onChange: (field: PupilField, column: string) => void;
}) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="Column mapping">
      <Subtitle2 as="h3" block className={styles.tight}>
        Columns
      </Subtitle2>
      <Body1 as="p" className={styles.tight}>
        Check which column of your file holds each item. Every other column (dates of birth, addresses…) is ignored and never stored.
      </Body1>
      <div className={styles.mapping}>
        {PUPIL_FIELDS.map(({ field, label }) => (
          <Field
            key={field}
            label={label}
            validationState={mapping[field] ? 'none' : 'error'}
            validationMessage={mapping[field] ? undefined : 'Choose the column'}
          >
            <Select aria-label={`Column for ${label}`} value={mapping[field] ?? ''} onChange={(_, data) => onChange(field, data.value)}>
              <option value="">(choose a column)</option>
              {header.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
    </section>
  );
}

/** Every problem found, by row, with what to change; nothing is imported until there are none. */
export function PupilImportErrors({ errors, errorCount }: { errors: RowError[]; errorCount: number }) {
  const styles = useStyles();
  const label = (field?: PupilField) => PUPIL_FIELDS.find((entry) => entry.field === field)?.label;
  const columns: Column<RowError & { index: number }>[] = [
    { header: 'Row', width: '4em', cell: (error) => error.line },
    {
      header: 'Column',
      width: '10em',
      cell: (error) => (error.column ? `${error.column}${label(error.field) ? ` (${label(error.field)})` : ''}` : '—'),
    },
    { header: 'What is wrong', cell: (error) => error.message },
    { header: 'How to fix it', cell: (error) => error.fix ?? '' },
  ];
  return (
    <section className={styles.section} aria-label="Problems in the file">
      <Subtitle2 as="h3" block className={styles.tight}>
        {problemsText(errorCount)} to fix in the file — nothing has been imported
      </Subtitle2>
      <Body1 as="p" className={styles.tight}>
        Correct these in the MIS (or in the CSV file), then choose the file again.
        {errorCount > errors.length ? ` The first ${errors.length} are shown.` : ''}
      </Body1>
      <DataTable
        label="Problems in the file"
        columns={columns}
        rows={errors.map((error, index) => ({ ...error, index }))}
        rowKey={(error) => `${error.line}-${error.field ?? ''}-${error.index}`}
        rowProps={() => ({ 'data-testid': 'import-error-row' })}
      />
    </section>
  );
}
