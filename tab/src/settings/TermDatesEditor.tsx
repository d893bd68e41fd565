import { Body1, Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { Errors, TermDateEntry } from './settings-api';
import { Buttons, FormButtons, SettingsForm } from './SettingsParts';

const useStyles = makeStyles({
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: '8px',
    padding: '8px',
    margin: 0,
    minWidth: 0,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  name: { flexGrow: 1, minWidth: '12em' },
});

/**
 * One school year's terms and closures as editable lines. `errorOf(index, field)` is the server's
 * message for that line and field.
 */
export function TermDatesEditor({
  year,
  lines,
  errorOf,
  otherErrors,
  saving,
  onChange,
  onSave,
  onCancel,
  firstFieldRef,
}: {
  year: string;
  lines: TermDateEntry[];
  errorOf(index: number, field: keyof TermDateEntry): string | undefined;
  otherErrors: string[];
  saving: boolean;
  onChange(lines: TermDateEntry[]): void;
  onSave(): void;
  onCancel(): void;
  firstFieldRef: Ref<HTMLButtonElement>;
}) {
  const styles = useStyles();
  const set = (index: number, changes: Partial<TermDateEntry>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...changes } : line)));
  const add = (kind: TermDateEntry['kind']) => onChange([...lines, { kind, name: kind === 'term' ? '' : 'Half term', start: '', end: '' }]);
  return (
    <SettingsForm label={`Term dates for ${year}`} onSubmit={onSave}>
      {lines.length === 0 && <Body1 as="p">No term dates for {year} yet: add its terms, then the closures inside them.</Body1>}
      {lines.map((line, index) => (
        <fieldset key={index} className={styles.line} data-testid="term-date-line">
          <legend>
            <Body1>Line {index + 1}</Body1>
          </legend>
          <Field label="Type" validationMessage={errorOf(index, 'kind')}>
            <Select value={line.kind} onChange={(_, data) => set(index, { kind: data.value as TermDateEntry['kind'] })}>
              <option value="term">Term</option>
              <option value="closure">Closure (half term, INSET day, bank holiday)</option>
            </Select>
          </Field>
          <Field label="Name" className={styles.name} validationMessage={errorOf(index, 'name')}>
            <Input value={line.name} maxLength={60} onChange={(_, data) => set(index, { name: data.value })} />
          </Field>
          <Field label="First day" validationMessage={errorOf(index, 'start')}>
            <Input type="date" value={line.start} onChange={(_, data) => set(index, { start: data.value, end: line.end || data.value })} />
          </Field>
          <Field label="Last day" validationMessage={errorOf(index, 'end')}>
            <Input type="date" value={line.end} onChange={(_, data) => set(index, { end: data.value })} />
          </Field>
          <Button onClick={() => onChange(lines.filter((_, i) => i !== index))}>Remove line {index + 1}</Button>
        </fieldset>
      ))}
      {otherErrors.map((error) => (
        <Body1 key={error} role="alert">
          {error}
        </Body1>
      ))}
      <Buttons>
        <Button ref={firstFieldRef} onClick={() => add('term')}>
          Add a term
        </Button>
        <Button onClick={() => add('closure')}>Add a closure</Button>
      </Buttons>
      <FormButtons saving={saving} saveLabel={`Save ${year}`} onCancel={onCancel} />
    </SettingsForm>
  );
}
