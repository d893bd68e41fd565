import { listRequests } from '../../app/requests/view-request';
import type { RequestOf } from '../../app/requests/request-kinds';
import { stateLabel } from '../../domain/workflow/workflow-rules';
import { WORKFLOWS } from '../../domain/workflow/workflows';
import type { Person } from '../../domain/people/person';
import { REQUEST_TYPES, type RequestType } from '../../domain/records/record-type';
import { adaptiveCard, executeAction, heading, text, userText, type AdaptiveCard, type CardElement } from './cards/card-elements';
import { formatDateTime } from './cards/format';
import { requestVerbs } from './requests/request-card';
import { specOf } from './requests/request-specs';
import type { TeamsDeps } from './teams-deps';

const SHOWN = 10;

/** The "my requests" card: the person's latest requests of every type, each opening its card. */
export async function myRequests(deps: TeamsDeps, person: Person): Promise<AdaptiveCard> {
  const pages = await Promise.all(
    REQUEST_TYPES.map(async (type) => [type, await listRequests(deps, type, person, { limit: SHOWN, onlyMine: true })] as const),
  );
  return myRequestsCard(
    Object.fromEntries(pages.map(([type, page]) => [type, page.items])) as { [T in RequestType]?: RequestOf<T>[] },
    pages.some(([, page]) => Boolean(page.next)),
  );
}

/** The person's own requests, newest first, type by type. */
export function myRequestsCard(requests: { [T in RequestType]?: RequestOf<T>[] }, hasMore: boolean): AdaptiveCard {
  if (REQUEST_TYPES.every((type) => !requests[type]?.length)) {
    return adaptiveCard([
      heading('Your requests'),
      text(
        `You have not made any requests yet. Type ${REQUEST_TYPES.map((type) => `**${specOf(type).command.typed}**`).join(' or ')} to ask.`,
      ),
    ]);
  }
  return adaptiveCard([
    heading('Your requests'),
    ...REQUEST_TYPES.flatMap((type) => section(type, requests[type] ?? [])),
    ...(hasMore ? [text('Only your most recent requests are shown here. The My requests tab lists them all.', { subtle: true })] : []),
  ]);
}

function section<T extends RequestType>(type: T, requests: readonly RequestOf<T>[]): CardElement[] {
  if (requests.length === 0) return [];
  const spec = specOf(type);
  const workflow = WORKFLOWS[type];
  return [
    text(spec.list.title, { weight: 'Bolder' }),
    ...requests.map((request): CardElement => ({
      type: 'Container',
      separator: true,
      items: [
        text(
          `**${workflow.reference(request.id)}** · ${stateLabel(workflow, request.state, true)} · ${formatDateTime(request.submittedAt)}`,
          { spacing: 'None' },
        ),
        { ...userText(shorten(spec.list.detail(request), 120)), spacing: 'None' },
      ],
      selectAction: executeAction(`Open ${spec.noun} ${request.id}`, requestVerbs(type).open, { requestId: request.id }),
    })),
  ];
}

function shorten(value: string, length: number): string {
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}
