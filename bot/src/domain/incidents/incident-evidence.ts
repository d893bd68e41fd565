/**
 * Evidence attached to an incident: screenshots, photos, videos, PDFs and Office documents. What a
 * file is comes from its bytes, never its name (the posting media's rule, `sniffFormat`, extended
 * with documents); the limits are the posting media's, documents counted like photos.
 */
import { hiddenCharacterProblem } from '../validation/typed-text';
import { displayName, MEDIA_FORMATS, MEDIA_LIMITS, megabytes, sniffFormat, type MediaFormat } from '../media/media-file';

export type DocumentFormat = 'pdf' | 'docx' | 'xlsx' | 'pptx';
export type EvidenceFormat = MediaFormat | DocumentFormat;

export const EVIDENCE_FORMATS: Record<
  EvidenceFormat,
  { kind: 'image' | 'video' | 'document'; label: string; contentType: string; extension: string }
> = {
  ...(Object.fromEntries(
    Object.entries(MEDIA_FORMATS).map(([format, { kind, label, contentType, extension }]) => [
      format,
      { kind: kind === 'images' ? 'image' : 'video', label, contentType, extension },
    ]),
  ) as Record<MediaFormat, { kind: 'image' | 'video'; label: string; contentType: string; extension: string }>),
  pdf: { kind: 'document', label: 'PDF document', contentType: 'application/pdf', extension: 'pdf' },
  docx: {
    kind: 'document',
    label: 'Word document',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  xlsx: {
    kind: 'document',
    label: 'Excel workbook',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  pptx: {
    kind: 'document',
    label: 'PowerPoint presentation',
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
  },
};

/** As many files as a request to post; a document may be as big as a photo. */
export const EVIDENCE_LIMITS = {
  files: MEDIA_LIMITS.files,
  imageBytes: MEDIA_LIMITS.imageBytes,
  documentBytes: MEDIA_LIMITS.imageBytes,
  videoBytes: MEDIA_LIMITS.videoBytes,
  reason: 500,
} as const;

export const EVIDENCE_TYPES =
  'screenshots and photos (JPEG, PNG or HEIC, up to 20 MB), videos (MP4 or MOV, up to 250 MB), PDF and Word, Excel or PowerPoint documents (up to 20 MB)';

/** A file attached to an incident, as the incident records it. */
export interface EvidenceFile {
  /** Random: one file's address says nothing about another's. */
  id: string;
  name: string;
  format: EvidenceFormat;
  bytes: number;
  storageKey: string;
  addedAt: string;
  addedById: string;
  addedByName: string;
  /** Removed by the DSL, with the reason: the entry stays, the bytes are deleted. */
  removed?: { at: string; byName: string; reason: string };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An Office Open XML package names its main part; the names are stored uncompressed in the zip. */
const OFFICE_PARTS: [DocumentFormat, string][] = [
  ['docx', 'word/document.xml'],
  ['xlsx', 'xl/workbook.xml'],
  ['pptx', 'ppt/presentation.xml'],
];

/** What the first bytes say the file is; a zip is only "maybe Office" until its parts are read (`officeFormat`). */
export function sniffEvidence(head: Uint8Array): EvidenceFormat | 'zip' | undefined {
  const media = sniffFormat(head);
  if (media) return media;
  if (head.length >= 5 && String.fromCharCode(...head.subarray(0, 5)) === '%PDF-') return 'pdf';
  if (head.length >= 4 && ZIP.every((byte, i) => head[i] === byte)) return 'zip';
  return undefined;
}

/** Which Office document a whole zip is, from the parts it holds; undefined for any other zip. */
export function officeFormat(bytes: Uint8Array): DocumentFormat | undefined {
  // Names are ASCII: a single-byte decoding keeps them as they are.
  const text = new TextDecoder('latin1').decode(bytes);
  if (!text.includes('[Content_Types].xml')) return undefined;
  return OFFICE_PARTS.find(([, part]) => text.includes(part))?.[0];
}

export function maxEvidenceBytes(format: EvidenceFormat | 'zip'): number {
  if (format === 'zip') return EVIDENCE_LIMITS.documentBytes;
  const kind = EVIDENCE_FORMATS[format].kind;
  return kind === 'video' ? EVIDENCE_LIMITS.videoBytes : kind === 'image' ? EVIDENCE_LIMITS.imageBytes : EVIDENCE_LIMITS.documentBytes;
}

export type EvidenceRefusal = { code: 'type' | 'too-big' | 'empty' | 'too-many' | 'name'; message: string };

/** Judged before anything is stored: the name, how many files the incident has, the first bytes, the declared size. */
export function checkNewEvidence(
  file: { name: string; head: Uint8Array; size: number },
  alreadyAttached: number,
): { ok: true; format: EvidenceFormat | 'zip' } | { ok: false; refusal: EvidenceRefusal } {
  const name = displayName(file.name);
  const hidden = hiddenCharacterProblem('The file name', name);
  if (hidden) return refused('name', hidden);
  if (alreadyAttached >= EVIDENCE_LIMITS.files)
    return refused(
      'too-many',
      `${name}: an incident can have at most ${EVIDENCE_LIMITS.files} evidence files, and this one has ${alreadyAttached}.`,
    );
  if (file.size === 0) return refused('empty', `${name} is empty: there is nothing in it to attach.`);
  const format = sniffEvidence(file.head);
  if (!format) return refused('type', `${name} is not a kind of file the log keeps. Attach ${EVIDENCE_TYPES}.`);
  const max = maxEvidenceBytes(format);
  if (file.size > max)
    return refused(
      'too-big',
      `${name} is ${megabytes(file.size)}; ${format === 'zip' ? 'a document' : `a ${EVIDENCE_FORMATS[format].label}`} may be at most ${megabytes(max)}.`,
    );
  return { ok: true, format };
}

function refused(code: EvidenceRefusal['code'], message: string): { ok: false; refusal: EvidenceRefusal } {
  return { ok: false, refusal: { code, message } };
}

export function liveEvidence(files: readonly EvidenceFile[] | undefined): EvidenceFile[] {
  return (files ?? []).filter((file) => !file.removed);
}

/** "screenshot.png (PNG image, 120 KB)": how a file is named in the chronology. */
export function describeEvidence(file: Pick<EvidenceFile, 'name' | 'format' | 'bytes'>): string {
  return `${file.name} (${EVIDENCE_FORMATS[file.format].label}, ${megabytes(file.bytes)})`;
}
