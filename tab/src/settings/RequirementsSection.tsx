import { Body1, Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { Credentials } from '../api';
import { DataTable, type Column } from '../ui/DataTable';
import { GrowingBadge } from '../ui/GrowingBadge';
import { NEW_REQUIREMENT, RequirementForm, toBody, toDraft, type RequirementDraft } from './RequirementForm';
import { roleNames, saveSetting, type Requirement, type SettingsData } from './settings-api';
import { Buttons, OutcomeBar, SettingsSection, useFormFocus, useSave } from './SettingsParts';

export function howOften(requirement: Requirement): string {
  const { rule } = requirement;
  switch (rule.kind) {
    case 'inductionThenEvery':
      return `At induction (within ${rule.inductionDays} days of starting), then every ${rule.months} months`;
    case 'every':
      return `Every ${rule.months} months`;
    case 'termly':
      return 'Every term';
    case 'by':
      return `By ${rule.dueOn}`;
  }
}

/** The standing training requirements of s.2 and s.11, kept by the online safety lead (and the headteacher). */
export function RequirementsSection({ data, credentials, onSaved }: { data: SettingsData; credentials: Credentials; onSaved(): void }) {
  const [draft, setDraft] = useState<RequirementDraft>();
  const save = useSave<Requirement>();
  const focus = useFormFocus(draft ? (draft.id ?? 'new') : undefined);
  const open = (next: RequirementDraft) => {
    save.reset();
    setDraft(next);
  };
  const submit = () =>
    draft &&
    save.run(
      () =>
        saveSetting<Requirement>(
          draft.id ? 'PUT' : 'POST',
          draft.id ? `/api/settings/training-requirements/${draft.id}` : '/api/settings/training-requirements',
          credentials,
          toBody(draft),
        ),
      {
        saved: (record) => {
          setDraft(undefined);
          onSaved();
          return record.retired ? `Retired ${record.title}.` : `Saved ${record.title}: ${howOften(record).toLowerCase()}.`;
        },
        conflict: (current) => {
          setDraft({ ...draft, version: current.version });
          onSaved();
          return `${current.title}, ${howOften(current).toLowerCase()}`;
        },
      },
    );
  const who = (requirement: Requirement) =>
    requirement.audience === 'pupils'
      ? 'Pupils (each class)'
      : requirement.audience === 'parents'
        ? 'Parents'
        : roleNames(requirement.roles ?? ['staff'], data.roles);
  const columns: Column<Requirement>[] = [
    {
      header: 'Training',
      cell: (requirement) => (
        <>
          {requirement.title} {requirement.retired && <GrowingBadge color="informative">Retired</GrowingBadge>}
        </>
      ),
    },
    { header: 'For', cell: who },
    { header: 'How often', cell: howOften },
    { header: 'Policy', cell: (requirement) => requirement.policy || '—' },
    ...(data.can.trainingRequirements
      ? [
          {
            header: 'Change',
            cell: (requirement: Requirement) => (
              <Button
                size="small"
                ref={focus.keep(requirement.id)}
                aria-label={`Edit ${requirement.title}`}
                onClick={() => open(toDraft(requirement))}
              >
                Edit
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <SettingsSection
      id="training-requirements"
      title="Training requirements"
      intro="Who must do which online safety training, and how often (sections 2 and 11): staff at induction and then every year, pupils every term, parents invited every year. Due dates and reminders come from these. The online safety lead and the headteacher keep them; the DSL adds refreshers on the Training tab."
    >
      <OutcomeBar outcome={save.outcome} />
      {data.trainingRequirements.length === 0 ? (
        <Body1 as="p">No training requirements yet, so nobody is reminded about training.</Body1>
      ) : (
        <DataTable
          label="Training requirements"
          columns={columns}
          rows={data.trainingRequirements}
          rowKey={(requirement) => requirement.id}
          rowProps={() => ({ 'data-testid': 'requirement-row' })}
        />
      )}
      {data.can.trainingRequirements && !draft && (
        <Buttons>
          <Button appearance="primary" ref={focus.keep('new')} onClick={() => open(NEW_REQUIREMENT)}>
            Add a training requirement
          </Button>
        </Buttons>
      )}
      {draft && (
        <RequirementForm
          draft={draft}
          errors={save.errors}
          saving={save.saving}
          roles={data.roles}
          onChange={setDraft}
          onSave={() => void submit()}
          onCancel={() => {
            setDraft(undefined);
            save.reset();
          }}
          firstFieldRef={focus.first}
        />
      )}
    </SettingsSection>
  );
}
