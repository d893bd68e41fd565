/** A school social media account as the tab shows and edits it (the form itself is AccountForm.tsx, loaded when opened). */
export interface SocialAccount {
  id: string;
  version: number;
  platform: string;
  handle: string;
  purpose: string;
  reason: string;
  ownerId: string;
  ownerName: string;
  schoolEmail: string;
  successMeasure: string;
  active: boolean;
}

export type Draft = Omit<SocialAccount, 'id' | 'version' | 'ownerName'>;
export type Errors = Partial<Record<keyof Draft, string>>;
/** The form's content: a new account (no id) or a change to one (at the version it was read). */
export type Editing = { id?: string; version?: number; draft: Draft };

export const EMPTY: Draft = {
  platform: '',
  handle: '',
  purpose: '',
  reason: '',
  ownerId: '',
  schoolEmail: '',
  successMeasure: '',
  active: true,
};

export function toDraft(account: SocialAccount): Draft {
  const { id: _id, version: _version, ownerName: _owner, ...draft } = account;
  return draft;
}
