import { Checkbox, Field, Input, Radio, RadioGroup, Switch, makeStyles } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { Errors, Requirement, SettingsData } from './settings-api';
import { FormButtons, SettingsForm } from './SettingsParts';

export interface RequirementDraft {
  id?: string;
  version?: number;
  title: string;
  audience: Requirement['audience'];
  roles: string[];
  frequency: 'inductionThenEvery' | 'every' | 'termly';
  months: string;
  graceDays: string;
  policy: string;
  retired: boolean;
}

export const NEW_REQUIREMENT: RequirementDraft = {
  title: '',
  audience: 'staff',
  roles: ['staff'],
  frequency: 'inductionThenEvery',
  months: '12',
  graceDays: '30',
  policy: 's.11',
  retired: false,
};

const useStyles = makeStyles({
  roles: { display: 'flex', flexWrap: 'wrap', columnGap: '12px' },
});

export function toDraft(requirement: Requirement): RequirementDraft {
  const { rule } = requirement;
  return {
    id: requirement.id,
    version: requirement.version,
    title: requirement.title,
    audience: requirement.audience,
    roles: requirement.roles ?? ['staff'],
    frequency: rule.kind === 'by' ? 'every' : rule.kind,
    months: 'months' in rule ? String(rule.months) : '12',
    graceDays: rule.kind === 'inductionThenEvery' ? String(rule.inductionDays) : '30',
    policy: requirement.policy,
    retired: requirement.retired,
  };
}

/** The body the server takes: numbers as numbers, only what the chosen frequency needs. */
export function toBody(draft: RequirementDraft): object {
  const number = (value: string) => (value.trim() === '' ? undefined : Number(value));
  return {
    title: draft.title,
    audience: draft.audience,
    ...(draft.audience === 'staff' ? { roles: draft.roles } : {}),
    frequency: draft.frequency,
    ...(draft.frequency !== 'termly' ? { months: number(draft.months) } : {}),
    ...(draft.frequency === 'inductionThenEvery' ? { graceDays: number(draft.graceDays) } : {}),
    policy: draft.policy,
    retired: draft.retired,
    ...(draft.version ? { version: draft.version } : {}),
  };
}

/** Add or change a standing training requirement (s.11): who it is for, how often, the grace period for new starters. */
export function RequirementForm({
  draft,
  errors,
  saving,
  roles,
  onChange,
  onSave,
  onCancel,
  firstFieldRef,
}: {
  draft: RequirementDraft;
  errors: Errors;
  saving: boolean;
  roles: SettingsData['roles'];
  onChange(next: RequirementDraft): void;
  onSave(): void;
  onCancel(): void;
  firstFieldRef: Ref<HTMLInputElement>;
}) {
  const styles = useStyles();
  const set = (changes: Partial<RequirementDraft>) => onChange({ ...draft, ...changes });
  return (
    <SettingsForm label={draft.id ? `Change ${draft.title}` : 'Add a training requirement'} onSubmit={onSave}>
      <Field label="Training" required validationMessage={errors.title}>
        <Input ref={firstFieldRef} value={draft.title} maxLength={120} onChange={(_, data) => set({ title: data.value })} />
      </Field>
      <Field label="Who it is for" required validationMessage={errors.audience}>
        <RadioGroup
          value={draft.audience}
          onChange={(_, data) =>
            set({
              audience: data.value as RequirementDraft['audience'],
              ...(data.value !== 'staff' && draft.frequency === 'inductionThenEvery'
                ? { frequency: data.value === 'pupils' ? 'termly' : 'every' }
                : {}),
            })
          }
        >
          <Radio value="staff" label="People holding a role (staff, governors…), each one" />
          <Radio value="pupils" label="Pupils, class by class" />
          <Radio value="parents" label="Parents, invited as one group" />
        </RadioGroup>
      </Field>
      {draft.audience === 'staff' && (
        <Field label="Roles it is for" required validationMessage={errors.roles ?? errors['roles.0']}>
          <div className={styles.roles} role="group" aria-label="Roles it is for">
            {roles.map((role) => (
              <Checkbox
                key={role.value}
                label={role.label}
                checked={draft.roles.includes(role.value)}
                onChange={(_, data) =>
                  set({ roles: data.checked ? [...draft.roles, role.value] : draft.roles.filter((value) => value !== role.value) })
                }
              />
            ))}
          </div>
        </Field>
      )}
      <Field label="How often" required validationMessage={errors.frequency}>
        <RadioGroup value={draft.frequency} onChange={(_, data) => set({ frequency: data.value as RequirementDraft['frequency'] })}>
          {draft.audience === 'staff' && <Radio value="inductionThenEvery" label="At induction, then every so many months" />}
          <Radio value="every" label="Every so many months" />
          <Radio value="termly" label="Every term (from the term dates)" />
        </RadioGroup>
      </Field>
      {draft.frequency !== 'termly' && (
        <Field label="Months between trainings" required validationMessage={errors.months}>
          <Input type="number" min={1} max={60} value={draft.months} onChange={(_, data) => set({ months: data.value })} />
        </Field>
      )}
      {draft.frequency === 'inductionThenEvery' && (
        <Field
          label="Grace period for new starters (days)"
          hint="Induction training is due this many days after a person's first day (their hire date in Entra ID, or the day they first appear to the app)."
          required
          validationMessage={errors.graceDays}
        >
          <Input type="number" min={0} max={365} value={draft.graceDays} onChange={(_, data) => set({ graceDays: data.value })} />
        </Field>
      )}
      <Field label="Policy sections" hint="Shown beside the training, for example s.11." validationMessage={errors.policy}>
        <Input value={draft.policy} maxLength={40} onChange={(_, data) => set({ policy: data.value })} />
      </Field>
      <Switch
        label="In force (switch off to retire it: training already recorded keeps its meaning)"
        checked={!draft.retired}
        onChange={(_, data) => set({ retired: !data.checked })}
      />
      <FormButtons saving={saving} onCancel={onCancel} />
    </SettingsForm>
  );
}
