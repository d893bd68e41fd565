import type { IsoDate } from '../calendar/dates';
import { officeFormat, sniffEvidence } from '../incidents/incident-evidence';
import { displayName, megabytes } from '../media/media-file';
import type { Person } from '../people/person';
import type { Role } from '../people/role';
import { hiddenCharacterProblem } from '../validation/typed-text';
import type { Telling } from './telling';

/** Who must read a version and say they have understood it (s.2: everyone aware of their responsibilities). */
export const MUST_READ = ['nobody', 'staff', 'staffAndGovernors'] as const;
export type MustRead = (typeof MUST_READ)[number];

const MUST_READ_ROLES: Record<MustRead, readonly Role[]> = {
  nobody: [],
  staff: ['staff'],
  staffAndGovernors: ['staff', 'governor', 'chairOfGovernors'],
};

/** A policy's document is a PDF or a Word document, up to 20 MB (the evidence limit for documents). */
export type PolicyFileFormat = 'pdf' | 'docx';
export const POLICY_FILE_FORMATS: Record<PolicyFileFormat, { label: string; contentType: string; extension: string }> = {
  pdf: { label: 'PDF document', contentType: 'application/pdf', extension: 'pdf' },
  docx: {
    label: 'Word document',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
};
export const POLICY_FILE_LIMITS = { bytes: 20 * 1024 * 1024, summary: 2000, number: 20 } as const;

export interface PolicyFile {
  name: string;
  format: PolicyFileFormat;
  bytes: number;
  /** Random: a file's address says nothing about another's. */
  storageKey: string;
}

/** A review that kept a version as it was (s.2, s.12): added to the version, never replacing its approval. */
export interface VersionConfirmation {
  on: IsoDate;
  note: string;
  byId: string;
  byName: string;
}

/**
 * One version of a policy's document. Never changed once published, except that later reviews
 * may confirm it: its approval date and who approved it stay as they were.
 */
export interface PolicyVersion {
  id: string;
  policyId: string;
  /** As the school numbers its versions ("3", "2.1"); unique within the policy. */
  number: string;
  approvedOn: IsoDate;
  approvedById: string;
  approvedByName: string;
  /** What changed from the previous version, in the school's words. */
  changes: string;
  file: PolicyFile;
  mustRead: MustRead;
  publishedAt: string;
  confirmations: VersionConfirmation[];
  /** The texts for pupils and parents about this change, once the headteacher has saved them. */
  telling?: Telling;
}

/** The version in force: the one approved latest (published latest on the same day). */
export function currentVersion<V extends Pick<PolicyVersion, 'approvedOn' | 'publishedAt'>>(versions: readonly V[]): V | undefined {
  return [...versions].sort((a, b) => a.approvedOn.localeCompare(b.approvedOn) || a.publishedAt.localeCompare(b.publishedAt)).at(-1);
}

/** Whether this person is one of those who must read the version. */
export function mustReadIt(person: Pick<Person, 'roles'>, version: Pick<PolicyVersion, 'mustRead'>): boolean {
  return MUST_READ_ROLES[version.mustRead].some((role) => person.roles.includes(role));
}

export type PolicyFileRefusal = { code: 'type' | 'too-big' | 'empty' | 'name'; message: string };

/** Judged from the name, the declared size and the first bytes, before anything is stored. */
export function checkPolicyFile(file: {
  name: string;
  head: Uint8Array;
  size: number;
}): { ok: true; format: PolicyFileFormat | 'zip' } | { ok: false; refusal: PolicyFileRefusal } {
  const name = displayName(file.name);
  const hidden = hiddenCharacterProblem('The file name', name);
  if (hidden) return { ok: false, refusal: { code: 'name', message: hidden } };
  if (file.size === 0) return { ok: false, refusal: { code: 'empty', message: `${name} is empty.` } };
  const sniffed = sniffEvidence(file.head);
  if (sniffed !== 'pdf' && sniffed !== 'zip')
    return {
      ok: false,
      refusal: { code: 'type', message: `${name} is not a PDF or Word document. Upload the policy as a PDF or a Word (.docx) file.` },
    };
  if (file.size > POLICY_FILE_LIMITS.bytes)
    return {
      ok: false,
      refusal: {
        code: 'too-big',
        message: `${name} is ${megabytes(file.size)}; a policy document may be at most ${megabytes(POLICY_FILE_LIMITS.bytes)}.`,
      },
    };
  return { ok: true, format: sniffed };
}

/** A whole zip is a policy document only if it is a Word document. */
export function wordDocument(bytes: Uint8Array): 'docx' | undefined {
  return officeFormat(bytes) === 'docx' ? 'docx' : undefined;
}
