import { Button, Dropdown, Field, Input, Option, Switch, Textarea, makeStyles } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { Draft, Editing, Errors } from './social-accounts';

const FIELDS: { key: keyof Draft; label: string; multiline?: boolean; hint?: string }[] = [
  { key: 'platform', label: 'Platform', hint: 'For example X, Facebook, Instagram' },
  { key: 'handle', label: 'Handle or page name' },
  { key: 'purpose', label: 'Purpose', multiline: true },
  {
    key: 'reason',
    label: 'Pedagogical or business reason',
    multiline: true,
    hint: 'Policy section 5: accounts are never created for trivial reasons.',
  },
  { key: 'schoolEmail', label: 'Linked school email account' },
  { key: 'successMeasure', label: 'How success is evaluated', multiline: true },
];

const useStyles = makeStyles({
  form: { display: 'grid', gap: '12px', maxWidth: '640px' },
  buttons: { display: 'flex', gap: '8px' },
});

/** Register or change a school account; `firstFieldRef` takes the focus when the form opens. */
export function AccountForm({
  editing,
  owners,
  errors,
  onChange,
  onSave,
  onCancel,
  firstFieldRef,
}: {
  editing: Editing;
  owners: { id: string; displayName: string }[];
  errors: Errors;
  onChange(next: Editing): void;
  onSave(): void;
  onCancel(): void;
  firstFieldRef: Ref<HTMLInputElement>;
}) {
  const styles = useStyles();
  const set = (changes: Partial<Draft>) => onChange({ ...editing, draft: { ...editing.draft, ...changes } });
  return (
    <form
      className={styles.form}
      aria-label={editing.id ? 'Change the account' : 'Register an account'}
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      {FIELDS.map((field, index) => {
        const value = String(editing.draft[field.key]);
        return (
          <Field key={field.key} label={field.label} hint={field.hint} validationMessage={errors[field.key]} required>
            {field.multiline ? (
              <Textarea value={value} onChange={(_, data) => set({ [field.key]: data.value })} />
            ) : (
              <Input ref={index === 0 ? firstFieldRef : undefined} value={value} onChange={(_, data) => set({ [field.key]: data.value })} />
            )}
          </Field>
        );
      })}
      <Field label="Owner (the DSL or designated staff)" validationMessage={errors.ownerId} required>
        <Dropdown
          value={owners.find((owner) => owner.id === editing.draft.ownerId)?.displayName ?? ''}
          selectedOptions={[editing.draft.ownerId]}
          onOptionSelect={(_, data) => data.optionValue && set({ ownerId: data.optionValue })}
        >
          {owners.map((owner) => (
            <Option key={owner.id} value={owner.id}>
              {owner.displayName}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Switch
        label="In use (untick to retire the account; it is never deleted)"
        checked={editing.draft.active}
        onChange={(_, data) => set({ active: data.checked })}
      />
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit">
          Save
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
