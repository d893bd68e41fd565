/**
 * Evidence on an incident is judged by its bytes, never its name, with the posting media's limits
 * and documents counted like photos.
 */
import {
  checkNewEvidence,
  describeEvidence,
  EVIDENCE_FORMATS,
  EVIDENCE_LIMITS,
  liveEvidence,
  officeFormat,
  type EvidenceFile,
} from '../../../../bot/src/domain/incidents/incident-evidence';
import { heicPhoto, jpegPhoto, movVideo, mp4Video, officeDocument, pdfDocument, pngImage, program } from '../../../fixtures/media-files';

const MB = 1024 * 1024;

describe('what an evidence file is, from its first bytes', () => {
  it.each<[string, string, Buffer, string, number]>([
    ['a screenshot', 'png', pngImage(), 'screenshot.png', 1000],
    ['a photo named like a document', 'jpeg', jpegPhoto(), 'statement.docx', 1000],
    ['an iPhone photo', 'heic', heicPhoto(), 'IMG_1.HEIC', 1000],
    ['a video', 'mp4', mp4Video(), 'clip.mp4', 200 * MB],
    ['a MOV video', 'mov', movVideo(), 'clip.mov', 1000],
    ['a PDF', 'pdf', pdfDocument(), 'letter.pdf', 1000],
    ['a Word document (a zip, told apart once read whole)', 'zip', officeDocument('docx'), 'notes.docx', 1000],
    ['a photo of exactly 20 MB', 'jpeg', jpegPhoto(), 'photo.jpg', 20 * MB],
    ['a document of exactly 20 MB', 'pdf', pdfDocument(), 'letter.pdf', 20 * MB],
    ['a Word document of exactly 20 MB', 'zip', officeDocument('docx'), 'notes.docx', 20 * MB],
    ['a video of exactly 250 MB', 'mp4', mp4Video(), 'clip.mp4', 250 * MB],
  ])('%s is accepted as %s', (_what, format, bytes, name, size) => {
    expect(checkNewEvidence({ name, head: bytes.subarray(0, 64), size }, 0)).toEqual({ ok: true, format });
  });

  it.each<[string, Buffer, string, number, number, string, RegExp]>([
    ['a program called photo.png', program(), 'photo.png', 1000, 0, 'type', /photo\.png is not a kind of file the log keeps/],
    ['an empty file', pngImage(), 'blank.png', 0, 0, 'empty', /blank\.png is empty/],
    ['a photo over 20 MB', jpegPhoto(), 'big.jpg', 21 * MB, 0, 'too-big', /big\.jpg is 21 MB; a JPEG photo may be at most 20 MB/],
    ['a document over 20 MB', pdfDocument(), 'big.pdf', 21 * MB, 0, 'too-big', /a PDF document may be at most 20 MB/],
    ['a video over 250 MB', mp4Video(), 'long.mp4', 251 * MB, 0, 'too-big', /may be at most 250 MB/],
    [
      'a Word document over 20 MB',
      officeDocument('docx'),
      'notes.docx',
      21 * MB,
      0,
      'too-big',
      /^notes\.docx is 21 MB; a document may be at most 20 MB\.$/,
    ],
    ['a 21st file', pngImage(), 'more.png', 1000, 20, 'too-many', /at most 20 evidence files, and this one has 20/],
    ['a name with a direction override', pngImage(), 'gpj.\u202Eexe', 1000, 0, 'name', /file name/i],
  ])('%s is refused before anything is stored', (_what, bytes, name, size, attached, code, message) => {
    const verdict = checkNewEvidence({ name, head: bytes.subarray(0, 64), size }, attached);
    expect(verdict).toEqual({ ok: false, refusal: { code, message: expect.stringMatching(message) } });
  });

  it.each<[string, Buffer, string | undefined]>([
    ['a PDF of no more than its signature', Buffer.from('%PDF-', 'latin1'), 'pdf'],
    ['a zip of no more than its signature', Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'zip'],
    ['a text file that begins with "P"', Buffer.from('Please see the screenshots', 'latin1'), undefined],
  ])('%s (the first bytes are the whole file)', (_what, head, format) => {
    const verdict = checkNewEvidence({ name: 'file', head, size: head.length }, 0);
    expect(verdict.ok ? verdict.format : verdict.refusal.code).toBe(format ?? 'type');
  });

  it('a 20th file is still taken', () => {
    expect(checkNewEvidence({ name: 'more.png', head: pngImage().subarray(0, 64), size: 1000 }, 19)).toEqual({ ok: true, format: 'png' });
  });
});

describe('evidence as the chronology and the incident show it (s.8: the DSL keeps the log)', () => {
  const file = (name: string, extra: Partial<EvidenceFile> = {}): EvidenceFile => ({
    id: name,
    name,
    format: 'png',
    bytes: 120 * 1024,
    storageKey: 'k',
    addedAt: '2026-11-24T10:00:00.000Z',
    addedById: 'p-dsl',
    addedByName: 'Patti Fernandez',
    ...extra,
  });

  it.each<[string, EvidenceFile, string]>([
    ['a screenshot', file('screenshot.png'), 'screenshot.png (PNG image, 120 KB)'],
    ['a Word document', file('statement.docx', { format: 'docx', bytes: 3 * MB }), 'statement.docx (Word document, 3.0 MB)'],
    ['a video', file('clip.mp4', { format: 'mp4', bytes: 40 * MB }), 'clip.mp4 (MP4 video, 40 MB)'],
  ])('%s is named with its kind and size', (_what, evidence, line) => {
    expect(describeEvidence(evidence)).toBe(line);
  });

  it('a file the DSL removed is no longer among the evidence; its entry stays', () => {
    const removed = file('wrong.png', { removed: { at: '2026-11-25T09:00:00.000Z', byName: 'Patti Fernandez', reason: 'Wrong pupil' } });
    expect(liveEvidence([file('a.png'), removed, file('b.png')]).map((evidence) => evidence.name)).toEqual(['a.png', 'b.png']);
    expect(liveEvidence(undefined)).toEqual([]);
  });
});

describe('which Office document a zip is', () => {
  it.each<[Parameters<typeof officeDocument>[0], string | undefined]>([
    ['docx', 'docx'],
    ['xlsx', 'xlsx'],
    ['pptx', 'pptx'],
    // An Office package of another kind (a Visio drawing) is none of the three.
    ['visio', undefined],
    ['plain zip', undefined],
  ])('%s → %s', (kind, expected) => {
    expect(officeFormat(officeDocument(kind))).toBe(expected);
  });

  it('a zip that only names a Word part, without the package list every Office document has, is not one', () => {
    expect(officeFormat(Buffer.from('PK\x03\x04 word/document.xml', 'latin1'))).toBeUndefined();
  });
});

/** What the DSL is told when a file is refused, and how each kind of document is named (s.8: the DSL keeps the log). */
describe('the words and limits of evidence, exactly (s.8)', () => {
  it('a file of another kind is refused with the list of what the log keeps', () => {
    expect(checkNewEvidence({ name: 'setup.exe', head: program().subarray(0, 64), size: 1000 }, 0)).toEqual({
      ok: false,
      refusal: {
        code: 'type',
        message:
          'setup.exe is not a kind of file the log keeps. Attach screenshots and photos (JPEG, PNG or HEIC, up to 20 MB), videos (MP4 or MOV, up to 250 MB), PDF and Word, Excel or PowerPoint documents (up to 20 MB).',
      },
    });
  });

  it.each<['pdf' | 'docx' | 'xlsx' | 'pptx', string, string, string]>([
    ['pdf', 'PDF document', 'application/pdf', 'pdf'],
    ['docx', 'Word document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['xlsx', 'Excel workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['pptx', 'PowerPoint presentation', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'],
  ])('a %s is a document called "%s", stored as %s', (format, label, contentType, extension) => {
    expect(EVIDENCE_FORMATS[format]).toEqual({ kind: 'document', label, contentType, extension });
    expect(describeEvidence({ name: `file.${extension}`, format, bytes: 1024 })).toBe(`file.${extension} (${label}, 1 KB)`);
  });

  it('the limits: 20 files, 20 MB photos and documents, 250 MB videos, a 500-character reason', () => {
    expect(EVIDENCE_LIMITS).toEqual({
      files: 20,
      imageBytes: 20 * 1024 * 1024,
      documentBytes: 20 * 1024 * 1024,
      videoBytes: 250 * 1024 * 1024,
      reason: 500,
    });
  });
});
