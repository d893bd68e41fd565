/**
 * Evidence on an incident is judged by its bytes, never its name, with the posting media's limits
 * and documents counted like photos.
 */
import { checkNewEvidence, officeFormat } from '../../../../bot/src/domain/incidents/incident-evidence';
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
  ])('%s is accepted as %s', (_what, format, bytes, name, size) => {
    expect(checkNewEvidence({ name, head: bytes.subarray(0, 64), size }, 0)).toEqual({ ok: true, format });
  });

  it.each<[string, Buffer, string, number, number, string, RegExp]>([
    ['a program called photo.png', program(), 'photo.png', 1000, 0, 'type', /photo\.png is not a kind of file the log keeps/],
    ['an empty file', pngImage(), 'blank.png', 0, 0, 'empty', /blank\.png is empty/],
    ['a photo over 20 MB', jpegPhoto(), 'big.jpg', 21 * MB, 0, 'too-big', /big\.jpg is 21 MB; a JPEG photo may be at most 20 MB/],
    ['a document over 20 MB', pdfDocument(), 'big.pdf', 21 * MB, 0, 'too-big', /a PDF document may be at most 20 MB/],
    ['a video over 250 MB', mp4Video(), 'long.mp4', 251 * MB, 0, 'too-big', /may be at most 250 MB/],
    ['a 21st file', pngImage(), 'more.png', 1000, 20, 'too-many', /at most 20 evidence files, and this one has 20/],
    ['a name with a direction override', pngImage(), 'gpj.\u202Eexe', 1000, 0, 'name', /file name/i],
  ])('%s is refused before anything is stored', (_what, bytes, name, size, attached, code, message) => {
    const verdict = checkNewEvidence({ name, head: bytes.subarray(0, 64), size }, attached);
    expect(verdict).toEqual({ ok: false, refusal: { code, message: expect.stringMatching(message) } });
  });
});

describe('which Office document a zip is', () => {
  it.each<[Parameters<typeof officeDocument>[0], string | undefined]>([
    ['docx', 'docx'],
    ['xlsx', 'xlsx'],
    ['pptx', 'pptx'],
    ['plain zip', undefined],
  ])('%s → %s', (kind, expected) => {
    expect(officeFormat(officeDocument(kind))).toBe(expected);
  });
});
