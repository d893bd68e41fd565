/** A request to post and its files, as `GET /api/posting-requests/:id` answers. */
export interface PostingFile {
  id: string;
  name: string;
  kind: 'images' | 'videos';
  label: string;
  contentType: string;
  bytes: number;
  addedAt: string;
  deletedAt: string | null;
}

export interface PostingDetail {
  id: string;
  /** "P-7": how people refer to a request to post. */
  reference: string;
  version: number;
  kind: 'post' | 'parentReminder';
  state: string;
  stateLabel: string;
  requesterName: string;
  submittedAt: string;
  accountLabel: string;
  text: string;
  media: ('images' | 'videos')[];
  facesBlurred: boolean;
  groupLabel: string;
  postingDate: string;
  deviceLabel: string | null;
  pupils: { displayName: string; className: string }[];
  checks: string[];
  files: PostingFile[];
  canChangeMedia: boolean;
  /** The steps this person may take now (the buttons its card gives them). */
  steps: string[];
}

export interface PostingSummary {
  id: string;
  reference: string;
  kind: 'post' | 'parentReminder';
  state: string;
  stateLabel: string;
  accountLabel: string;
  requesterName: string;
  submittedAt: string;
  files: number;
}
