import { Body1, Button, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { Credentials } from '../api';
import { DataTable, type Column } from '../ui/DataTable';
import { GrowingBadge } from '../ui/GrowingBadge';
import { PolicyForm, toBody, toDraft, type PolicyDraft } from './PolicyForm';
import { longDate, roleNames, saveSetting, type Policy, type SettingsData } from './settings-api';
import { Buttons, OutcomeBar, SettingsSection, useFormFocus, useSave } from './SettingsParts';

const useStyles = makeStyles({
  reviews: { margin: 0, paddingInlineStart: '16px' },
});

const NEW: PolicyDraft = { title: '', owner: '', approvedOn: '', reviews: [], retired: false };

/**
 * The policy register (s.1, s.2, s.12): this policy and the related ones, who owns each, when it
 * was approved, and each of its reviews with its own cycle, date and reviewers.
 */
export function PolicyRegisterSection({ data, credentials, onSaved }: { data: SettingsData; credentials: Credentials; onSaved(): void }) {
  const styles = useStyles();
  const [draft, setDraft] = useState<PolicyDraft>();
  const save = useSave<Policy>();
  const focus = useFormFocus(draft ? (draft.id ?? 'new') : undefined);
  const open = (next: PolicyDraft) => {
    save.reset();
    setDraft(next);
  };
  const submit = () =>
    draft &&
    save.run(
      () =>
        saveSetting<Policy>(
          draft.id ? 'PUT' : 'POST',
          draft.id ? `/api/settings/policies/${draft.id}` : '/api/settings/policies',
          credentials,
          toBody(draft),
        ),
      {
        saved: (record) => {
          setDraft(undefined);
          onSaved();
          return record.retiredOn ? `Retired ${record.title}; it stays in the register.` : `Saved ${record.title}.`;
        },
        conflict: (current) => {
          setDraft({ ...draft, version: current.version });
          onSaved();
          return `${current.title}, ${current.reviews.map((review) => `${review.name} next ${longDate(review.nextReviewDue)}`).join('; ') || 'no reviews'}`;
        },
      },
    );

  const columns: Column<Policy>[] = [
    {
      header: 'Policy',
      cell: (policy) => (
        <>
          {policy.title} {policy.retiredOn && <GrowingBadge color="informative">Retired {longDate(policy.retiredOn)}</GrowingBadge>}
        </>
      ),
    },
    { header: 'Owner', cell: (policy) => policy.owner },
    { header: 'Approved', cell: (policy) => (policy.approvals.length ? longDate(policy.approvals.at(-1)!.approvedOn) : '—') },
    {
      header: 'Reviews',
      cell: (policy) =>
        policy.reviews.length === 0 ? (
          'None (listed for reference)'
        ) : (
          <ul className={styles.reviews}>
            {policy.reviews.map((review) => (
              <li key={review.id}>
                {review.name}, every {review.cycleMonths} months: next {longDate(review.nextReviewDue)} (
                {roleNames(review.reviewers, data.roles)})
              </li>
            ))}
          </ul>
        ),
    },
    ...(data.can.policies
      ? [
          {
            header: 'Change',
            cell: (policy: Policy) => (
              <Button size="small" ref={focus.keep(policy.id)} aria-label={`Edit ${policy.title}`} onClick={() => open(toDraft(policy))}>
                Edit
              </Button>
            ),
          },
        ]
      : []),
  ];
  const editing = draft?.id ? data.policies.find((policy) => policy.id === draft.id) : undefined;

  return (
    <SettingsSection
      id="policies"
      title="Policy register"
      intro="This policy and the policies it works with. Each review has its own cycle and reviewers, who are reminded 90, 30 and 7 days before it is due: the headteacher with the online safety lead every two years (section 12), the governing board every year (section 2). The headteacher and the admin team keep the register; the headteacher records completed reviews on the Training tab."
    >
      <OutcomeBar outcome={save.outcome} />
      {data.policies.length === 0 ? (
        <Body1 as="p">The register is empty.</Body1>
      ) : (
        <DataTable
          label="Policy register"
          columns={columns}
          rows={data.policies}
          rowKey={(policy) => policy.id}
          rowProps={() => ({ 'data-testid': 'policy-row' })}
        />
      )}
      {data.can.policies && !draft && (
        <Buttons>
          <Button appearance="primary" ref={focus.keep('new')} onClick={() => open(NEW)}>
            Add a policy
          </Button>
        </Buttons>
      )}
      {draft && (
        <PolicyForm
          draft={draft}
          history={editing?.approvals ?? []}
          errors={save.errors}
          saving={save.saving}
          roles={data.roles}
          today={data.today}
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
