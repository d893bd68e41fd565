import type { AccessRequestForm, AccessRequestInput } from '../../domain/access/access-request-input';
import { ACCESS_WORKFLOW } from '../../domain/access/access-workflow';
import { defaultUnblockEnd } from '../../domain/access/unblock';
import type { AppDeps } from '../app-deps';
import { readTermDates } from '../settings/term-dates';
import type { RequestKind } from './request-kinds';

/** Requests to open a site: a last day left empty is the end of the term, from the school's term dates. */
export const ACCESS_KIND: RequestKind = {
  workflow: ACCESS_WORKFLOW,
  store: (stores) => stores.accessRequests,
  storeName: 'accessRequests',
  async prepare(deps: AppDeps, form: AccessRequestForm): Promise<AccessRequestInput> {
    const { from, to } = form.period;
    return { ...form, period: { from, to: to ?? defaultUnblockEnd((await readTermDates(deps.stores)).calendar, from) } };
  },
};
