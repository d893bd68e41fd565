import { Body1, Button, Field, Input, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { Credentials } from '../api';
import { saveSetting, type SchoolDetails, type SettingsData } from './settings-api';
import { Buttons, FormButtons, OutcomeBar, SettingsForm, SettingsSection, useFormFocus, useSave } from './SettingsParts';

const useStyles = makeStyles({ line: { margin: 0 } });

type Draft = { name: string; contactForAccess: string; filteringLead: string; filteringGovernor: string; version?: number };

/** The school's name, as every card shows it, and who staff should ask when the app does not know them. */
export function SchoolDetailsSection({ data, credentials, onSaved }: { data: SettingsData; credentials: Credentials; onSaved(): void }) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>();
  const save = useSave<SchoolDetails>();
  const focus = useFormFocus(draft ? 'school' : undefined);
  const school = data.school;
  const open = () => {
    save.reset();
    setDraft({
      name: school?.name ?? '',
      contactForAccess: school?.contactForAccess ?? '',
      filteringLead: school?.filteringLead ?? '',
      filteringGovernor: school?.filteringGovernor ?? '',
      ...(school ? { version: school.version } : {}),
    });
  };
  const submit = () =>
    draft &&
    save.run(() => saveSetting<SchoolDetails>('PUT', '/api/settings/school', credentials, draft), {
      saved: (record) => {
        setDraft(undefined);
        onSaved();
        return `Saved. Cards now say ${record.name}.`;
      },
      conflict: (current) => {
        setDraft({ ...draft, version: current.version });
        onSaved();
        return `"${current.name}", staff to ask ${current.contactForAccess}`;
      },
    });

  return (
    <SettingsSection
      id="school"
      title="The school"
      intro="The school's name, as the bot's cards show it, who staff should ask when the app does not know them yet, and who reviews filtering and monitoring each year. The headteacher and the admin team keep these."
    >
      <OutcomeBar outcome={save.outcome} />
      {!draft && (
        <>
          <Body1 as="p" className={styles.line} data-testid="school-name">
            Name: {school?.name ?? 'not entered yet (cards say "your school")'}
          </Body1>
          <Body1 as="p" className={styles.line}>
            Staff who are not known are told to ask: {school?.contactForAccess ?? 'not entered yet ("your online safety lead")'}
          </Body1>
          <Body1 as="p" className={styles.line} data-testid="filtering-reviewers">
            Filtering and monitoring reviewed by: {school?.filteringLead || 'no senior leader named yet'} (senior leader) and{' '}
            {school?.filteringGovernor || 'no governor named yet'} (governor)
          </Body1>
          {data.can.school && (
            <Buttons>
              <Button ref={focus.keep('school')} onClick={open}>
                {school ? "Change the school's details" : "Enter the school's details"}
              </Button>
            </Buttons>
          )}
        </>
      )}
      {draft && (
        <SettingsForm label="The school's details" onSubmit={() => void submit()}>
          <Field label="School name" required validationMessage={save.errors.name}>
            <Input
              ref={focus.first}
              value={draft.name}
              maxLength={120}
              onChange={(_, value) => setDraft({ ...draft, name: value.value })}
            />
          </Field>
          <Field
            label="Who staff should ask"
            hint='Shown to people the app does not know yet, for example "the school office (Mrs Robbins)".'
            required
            validationMessage={save.errors.contactForAccess}
          >
            <Input
              value={draft.contactForAccess}
              maxLength={120}
              onChange={(_, value) => setDraft({ ...draft, contactForAccess: value.value })}
            />
          </Field>
          <Field
            label="Senior leader for filtering and monitoring"
            hint="The member of the senior leadership team named for filtering and monitoring, who reviews it each year with the governor."
            validationMessage={save.errors.filteringLead}
          >
            <Input
              value={draft.filteringLead}
              maxLength={120}
              onChange={(_, value) => setDraft({ ...draft, filteringLead: value.value })}
            />
          </Field>
          <Field
            label="Governor for filtering and monitoring"
            hint="The governor named for filtering and monitoring."
            validationMessage={save.errors.filteringGovernor}
          >
            <Input
              value={draft.filteringGovernor}
              maxLength={120}
              onChange={(_, value) => setDraft({ ...draft, filteringGovernor: value.value })}
            />
          </Field>
          <FormButtons
            saving={save.saving}
            onCancel={() => {
              setDraft(undefined);
              save.reset();
            }}
          />
        </SettingsForm>
      )}
    </SettingsSection>
  );
}
