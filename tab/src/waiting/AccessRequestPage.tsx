import { MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { getJson, type Credentials } from '../api';
import { FactList } from '../ui/FactList';
import { RecordHeading } from '../ui/RecordHeading';
import { ACCESS_STEPS } from './step-kinds';
import { StepForm, type StepAnswer } from './StepForm';
import { whenShown, type AccessRequestDetail } from './waiting-api';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px' },
});

/**
 * One request to open a blocked website (s.9, Appendix A), both halves of the form: read-only
 * apart from the steps this person may take now, which are the buttons its card gives them.
 */
export function AccessRequestPage({
  requestId,
  credentials,
  backLabel,
  onBack,
}: {
  requestId: string;
  credentials: Credentials;
  backLabel: string;
  onBack(): void;
}) {
  const styles = useStyles();
  const [request, setRequest] = useState<AccessRequestDetail>();
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'warning'; text: string }>();

  useEffect(() => {
    setRequest(undefined);
    setError(undefined);
    setOutcome(undefined);
    getJson<AccessRequestDetail>(`/api/access-requests/${encodeURIComponent(requestId)}`, credentials).then(setRequest, (failure: Error) =>
      setError(failure.message),
    );
  }, [requestId, credentials]);

  const answered = (answer: StepAnswer) => {
    const now = answer.body.request as AccessRequestDetail | undefined;
    if (now) setRequest(now);
    setOutcome(
      answer.outcome === 'done'
        ? { intent: 'success', text: ACCESS_STEPS.buttons[answer.verb]!.done }
        : { intent: 'warning', text: answer.message ?? '' },
    );
  };

  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!request) return <Spinner label="Loading the request…" />;
  const signed = (by: string, at: string) => `signed in Teams by ${by} on ${whenShown(at)}`;
  const { leadReview, decision, actioned } = request;
  return (
    <section className={styles.page} aria-labelledby="access-title" data-testid="access-request">
      <RecordHeading
        id="access-title"
        title={`Blocked website request ${request.reference}`}
        status={request.stateLabel}
        tone={request.state === 'refused' ? 'danger' : 'brand'}
        backLabel={backLabel}
        onBack={onBack}
      />
      {outcome && (
        <MessageBar key={outcome.text} intent={outcome.intent}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      <FactList
        facts={[
          ['Status', request.stateLabel],
          ['Requested by', `${request.requesterName}, ${whenShown(request.submittedAt)}`],
          ['Full URL', request.url],
          ['Site content', request.siteContent],
          ['Reasons for access', request.reasons],
          ['Identified risks and control measures', request.risksAndControls],
        ]}
      />
      {leadReview && (
        <>
          <Subtitle2 as="h3">Online safety lead review</Subtitle2>
          <FactList
            facts={[
              [
                leadReview.outcome === 'forwarded' ? 'Sent to the headteacher' : 'Returned to the requester',
                signed(leadReview.signedBy, leadReview.signedAt),
              ],
              ...(leadReview.note ? [[leadReview.outcome === 'returned' ? 'Reason' : 'Note', leadReview.note] as [string, string]] : []),
              ...(leadReview.addedRisksAndControls
                ? [['Further risks and control measures', leadReview.addedRisksAndControls] as [string, string]]
                : []),
            ]}
          />
        </>
      )}
      {decision && (
        <>
          <Subtitle2 as="h3">Authoriser</Subtitle2>
          <FactList
            facts={[
              ['Approved?', decision.approved ? '✓ Approved' : 'X Refused'],
              ...(decision.reasons ? [['Reasons', decision.reasons] as [string, string]] : []),
              ['Signature', signed(decision.signedBy, decision.signedAt)],
            ]}
          />
        </>
      )}
      {actioned && (
        <>
          <Subtitle2 as="h3">ICT action</Subtitle2>
          <FactList
            facts={[
              ['Site opened', signed(actioned.signedBy, actioned.signedAt)],
              ...(actioned.note ? [['What was changed', actioned.note] as [string, string]] : []),
            ]}
          />
        </>
      )}
      <StepForm
        kind={ACCESS_STEPS}
        recordId={request.id}
        reference={request.reference}
        version={request.version}
        steps={request.steps}
        credentials={credentials}
        onAnswer={answered}
      />
    </section>
  );
}
