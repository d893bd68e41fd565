/** The policy library's API answers (`/api/policy-library…`). */

export type MustRead = 'nobody' | 'staff' | 'staffAndGovernors';

export interface PolicyVersionView {
  id: string;
  number: string;
  approvedOn: string;
  approvedByName: string;
  changes: string;
  mustRead: MustRead;
  file: { name: string; format: 'pdf' | 'docx'; bytes: number };
  /** Later reviews that kept this version as it was. */
  confirmations: { on: string; note: string; byName: string }[];
}

export interface LibraryEntryView {
  policy: { id: string; title: string; owner: string };
  /** Newest first: the first is the version in force. */
  versions: PolicyVersionView[];
  mine: { mustRead: boolean; readAt?: string };
}

export interface PolicyLibrary {
  entries: LibraryEntryView[];
  can: { publish: boolean; seeReaders: boolean; tell: boolean };
  /** The register's policies in force, for the publish form (empty for those who may not publish). */
  register: { id: string; title: string }[];
  /** The school's date (Europe/London), for the approval date's default and limit. */
  today: string;
}

export interface VersionReaders {
  title: string;
  number: string;
  read: { personId: string; name: string; at: string }[];
  notYet: { personId: string; name: string }[];
}

/** The short texts for pupils and parents about a version, and when and how each was told. */
export interface TellingView {
  pupilsText: string;
  parentsText: string;
  /** True until the headteacher saves them: the app's first draft from the summary of changes. */
  drafted: boolean;
  editedByName: string;
  editedAt: string;
  sent: { audience: 'pupils' | 'parents'; how: 'newsletter' | 'website' | 'classLessons'; on: string; byName: string }[];
}
