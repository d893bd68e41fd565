import { sendJson, type Credentials } from '../api';
import type { PolicyVersionView } from '../../../bot/src/contracts/policy-library';

export type {
  LibraryEntryView,
  MustRead,
  PolicyLibrary,
  PolicyVersionView,
  TellingView,
  VersionReaders,
} from '../../../bot/src/contracts/policy-library';
import { longDate as longDateOf, longDateTime } from '../ui/dates';

export interface VersionDraft {
  policyId: string;
  number: string;
  approvedOn: string;
  changes: string;
  mustRead: string;
}

export type VersionErrors = Partial<Record<'number' | 'approvedOn' | 'changes' | 'mustRead' | 'file', string>>;

export const MUST_READ_LABELS: Record<string, string> = {
  staff: 'All staff',
  staffAndGovernors: 'All staff and governors',
  nobody: 'Nobody (for reference)',
};

/** The document as the body, the typed details beside it (URL-encoded JSON in one header). */
export async function publishVersion(credentials: Credentials, draft: VersionDraft, file: File) {
  const { policyId, ...details } = draft;
  return sendJson<{ version?: PolicyVersionView; fields?: VersionErrors }>(
    'POST',
    `/api/policy-library/${encodeURIComponent(policyId)}/versions`,
    credentials,
    file,
    {
      'x-file-name': encodeURIComponent(file.name),
      'x-version-details': encodeURIComponent(JSON.stringify(details)),
    },
  );
}

export const longDate = (iso: string) => longDateOf(iso.slice(0, 10));
export const signedAt = (iso: string) => longDateTime(iso);
