import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Someone sent to the incident log (an old link, a colleague's bookmark) who may not open it; `reason` is the server's sentence. */
export function IncidentsDenied({ reason }: { reason?: string }) {
  return (
    <MessageBar intent="warning" data-testid="access-denied" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>You don't have access to the incident log</MessageBarTitle>
        {reason && `${reason} `}Incidents are safeguarding records, so only the people the Social Media Policy names can open them. To
        report a concern, type <b>report a concern</b> to the Online Safety Desk bot.
      </MessageBarBody>
    </MessageBar>
  );
}
