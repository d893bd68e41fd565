import { Body1, Button, Checkbox, Field, Input, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { Ref } from 'react';
import { longDate, type Errors, type Policy, type SettingsData } from './settings-api';
import { Buttons, FormButtons, SettingsForm } from './SettingsParts';

export interface ReviewDraft {
  id?: string;
  name: string;
  reviewers: string[];
  cycleMonths: string;
  nextReviewDue: string;
}

export interface PolicyDraft {
  id?: string;
  version?: number;
  title: string;
  owner: string;
  approvedOn: string;
  reviews: ReviewDraft[];
  retired: boolean;
}

/** The two reviews the policy itself names (s.12 and s.2), offered ready to fill in. */
const PRESETS: { label: string; review: Omit<ReviewDraft, 'nextReviewDue'> }[] = [
  {
    label: "Add the headteacher's review (every two years)",
    review: { name: 'Headteacher with the online safety lead', reviewers: ['headteacher', 'onlineSafetyLead'], cycleMonths: '24' },
  },
  {
    label: "Add the governing board's review (every year)",
    review: { name: 'Governing board', reviewers: ['governor', 'chairOfGovernors'], cycleMonths: '12' },
  },
];

const useStyles = makeStyles({
  review: {
    display: 'grid',
    gap: '8px',
    padding: '12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    minWidth: 0,
  },
  roles: { display: 'flex', flexWrap: 'wrap', columnGap: '12px' },
  history: { margin: 0, paddingInlineStart: '20px' },
});

export function toDraft(policy: Policy): PolicyDraft {
  return {
    id: policy.id,
    version: policy.version,
    title: policy.title,
    owner: policy.owner,
    approvedOn: policy.approvals.at(-1)?.approvedOn ?? '',
    reviews: policy.reviews.map((review) => ({ ...review, cycleMonths: String(review.cycleMonths) })),
    retired: Boolean(policy.retiredOn),
  };
}

/** The body the server takes: months as numbers (an empty box is sent as missing, and marked). */
export function toBody(draft: PolicyDraft): object {
  const months = (value: string) => (value.trim() === '' ? null : Number(value));
  return { ...draft, reviews: draft.reviews.map((review) => ({ ...review, cycleMonths: months(review.cycleMonths) })) };
}

/** Add or change a policy in the register: title, owner, approval date, each review, in force or retired. */
export function PolicyForm({
  draft,
  history,
  errors,
  saving,
  roles,
  today,
  onChange,
  onSave,
  onCancel,
  firstFieldRef,
}: {
  draft: PolicyDraft;
  history: Policy['approvals'];
  errors: Errors;
  saving: boolean;
  roles: SettingsData['roles'];
  today: string;
  onChange(next: PolicyDraft): void;
  onSave(): void;
  onCancel(): void;
  firstFieldRef: Ref<HTMLInputElement>;
}) {
  const styles = useStyles();
  const set = (changes: Partial<PolicyDraft>) => onChange({ ...draft, ...changes });
  const setReview = (index: number, changes: Partial<ReviewDraft>) =>
    set({ reviews: draft.reviews.map((review, i) => (i === index ? { ...review, ...changes } : review)) });
  return (
    <SettingsForm label={draft.id ? `Change ${draft.title}` : 'Add a policy'} onSubmit={onSave}>
      <Field label="Title" required validationMessage={errors.title}>
        <Input ref={firstFieldRef} value={draft.title} maxLength={150} onChange={(_, data) => set({ title: data.value })} />
      </Field>
      <Field label="Owner" hint="Who looks after it, for example Headteacher." required validationMessage={errors.owner}>
        <Input value={draft.owner} maxLength={100} onChange={(_, data) => set({ owner: data.value })} />
      </Field>
      <Field
        label="Approval date"
        hint="A new date is added to the policy's history; earlier approvals are kept."
        validationMessage={errors.approvedOn}
      >
        <Input type="date" value={draft.approvedOn} max={today} onChange={(_, data) => set({ approvedOn: data.value })} />
      </Field>
      {history.length > 0 && (
        <ul className={styles.history} aria-label="Approvals so far">
          {history.map((approval) => (
            <li key={approval.recordedAt}>
              <Body1>
                {longDate(approval.approvedOn)}: {approval.note} ({approval.recordedByName})
              </Body1>
            </li>
          ))}
        </ul>
      )}
      {draft.reviews.map((review, index) => {
        const error = (field: string) => errors[`reviews.${index}.${field}`];
        return (
          <fieldset key={review.id ?? `new-${index}`} className={styles.review} data-testid="review-fields">
            <legend>
              <Body1>
                Review {index + 1}
                {review.name ? `: ${review.name}` : ''}
              </Body1>
            </legend>
            <Field label="What the review is" required validationMessage={error('name')}>
              <Input value={review.name} maxLength={100} onChange={(_, data) => setReview(index, { name: data.value })} />
            </Field>
            <Field label="Who reviews it (they are reminded)" required validationMessage={error('reviewers') ?? error('reviewers.0')}>
              <div className={styles.roles} role="group" aria-label={`Who does review ${index + 1}`}>
                {roles.map((role) => (
                  <Checkbox
                    key={role.value}
                    label={role.label}
                    checked={review.reviewers.includes(role.value)}
                    onChange={(_, data) =>
                      setReview(index, {
                        reviewers: data.checked
                          ? [...review.reviewers, role.value]
                          : review.reviewers.filter((value) => value !== role.value),
                      })
                    }
                  />
                ))}
              </div>
            </Field>
            <Field label="Every (months)" required validationMessage={error('cycleMonths')}>
              <Input
                type="number"
                min={1}
                max={60}
                value={review.cycleMonths}
                onChange={(_, data) => setReview(index, { cycleMonths: data.value })}
              />
            </Field>
            <Field label="Next review date" required validationMessage={error('nextReviewDue')}>
              <Input type="date" value={review.nextReviewDue} onChange={(_, data) => setReview(index, { nextReviewDue: data.value })} />
            </Field>
            <Buttons>
              <Button onClick={() => set({ reviews: draft.reviews.filter((_, i) => i !== index) })}>Remove review {index + 1}</Button>
            </Buttons>
          </fieldset>
        );
      })}
      <Buttons>
        {PRESETS.map((preset) => (
          <Button key={preset.label} onClick={() => set({ reviews: [...draft.reviews, { ...preset.review, nextReviewDue: '' }] })}>
            {preset.label}
          </Button>
        ))}
        <Button onClick={() => set({ reviews: [...draft.reviews, { name: '', reviewers: [], cycleMonths: '12', nextReviewDue: '' }] })}>
          Add another review
        </Button>
      </Buttons>
      {errors.reviews && <Body1 role="alert">{errors.reviews}</Body1>}
      <Switch
        label="In force (switch off to retire it: it stays in the register with its history, and nobody is reminded)"
        checked={!draft.retired}
        onChange={(_, data) => set({ retired: !data.checked })}
      />
      <FormButtons saving={saving} onCancel={onCancel} />
    </SettingsForm>
  );
}
