import { Body1, Field, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import { PUPIL_FIELDS, type ColumnMapping, type PupilField, type RowError } from './pupil-import-api';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  tight: { margin: 0 },
  mapping: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: '12px' },
  rowColumn: { width: '64px' },
  columnColumn: { width: '160px' },
});

/** Which column of the file holds each field: as the server guessed it, changeable. */
export function PupilColumnMapping({ header, mapping, disabled, onChange }: { header: string[]; mapping: Partial<ColumnMapping>; disabled: boolean; onChange: (field: PupilField, column: string) => void }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="Column mapping">
      <Subtitle2 as="h3" className={styles.tight}>Columns</Subtitle2>
      <Body1 as="p" className={styles.tight}>Check which column of your file holds each item. Every other column (dates of birth, addresses…) is ignored and never stored.</Body1>
      <div className={styles.mapping}>
        {PUPIL_FIELDS.map(({ field, label }) => (
          <Field key={field} label={label} validationState={mapping[field] ? 'none' : 'error'} validationMessage={mapping[field] ? undefined : 'Choose the column'}>
            <Select aria-label={`Column for ${label}`} value={mapping[field] ?? ''} disabled={disabled} onChange={(_, data) => onChange(field, data.value)}>
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
  return (
    <section className={styles.section} aria-label="Problems in the file">
      <Subtitle2 as="h3" className={styles.tight}>
        {errorCount === 1 ? '1 problem' : `${errorCount.toLocaleString('en-GB')} problems`} to fix in the file — nothing has been imported
      </Subtitle2>
      <Body1 as="p" className={styles.tight}>Correct these in the MIS (or in the CSV file), then choose the file again.{errorCount > errors.length ? ` The first ${errors.length} are shown.` : ''}</Body1>
      <Table aria-label="Problems in the file" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.rowColumn}>Row</TableHeaderCell>
            <TableHeaderCell className={styles.columnColumn}>Column</TableHeaderCell>
            <TableHeaderCell>What is wrong</TableHeaderCell>
            <TableHeaderCell>How to fix it</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {errors.map((error, index) => (
            <TableRow key={`${error.line}-${error.field ?? ''}-${index}`} data-testid="import-error-row">
              <TableCell>{error.line}</TableCell>
              <TableCell>{error.column ? `${error.column}${label(error.field) ? ` (${label(error.field)})` : ''}` : '—'}</TableCell>
              <TableCell>{error.message}</TableCell>
              <TableCell>{error.fix ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
