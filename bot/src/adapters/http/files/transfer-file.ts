import { evidenceFilesOf, type FileEvidence, type TransferFile } from '../../../app/pupil-transfers';
import { longDate } from '../../../domain/calendar/dates';
import { localDate, localTime } from '../../../domain/calendar/zoned-time';
import { markLabel } from '../../../domain/incidents/body-map';
import { CATEGORY_LABELS, INVOLVED_LABELS, STATUS_LABELS, WHERE_LABELS } from '../../../domain/incidents/incident';
import { describeEvidence, EVIDENCE_FORMATS } from '../../../domain/incidents/incident-evidence';
import { LINK_ROLE_LABELS } from '../../../domain/incidents/incident-people';
import type { TransferMethod } from '../../../domain/incidents/pupil-transfer';
import type { MediaStore } from '../../../ports/media-store.port';
import { pdfDocument, type PdfBlock } from './pdf-document';
import { zipArchive, type ZipEntry } from './zip-archive';

export const TRANSFER_METHOD_LABELS: Record<TransferMethod, string> = {
  secureEmail: 'Secure (encrypted) email',
  cpoms: 'CPOMS transfer',
  myConcern: 'MyConcern transfer',
  byHand: 'By hand, with a signed receipt',
  recordedDelivery: 'Recorded, signed-for delivery',
};

/** The evidence files put into one zip at most: a file is one download, held in memory while it is made. */
export const ZIP_EVIDENCE_BYTES = 100 * 1024 * 1024;

const when = (at: string) => `${longDate(localDate(new Date(at)))} ${localTime(new Date(at))}`;

/** "safeguarding-file-4B-2026-11-24": no name in the file's name, which lands in downloads folders and mail. */
export function transferFileName(file: TransferFile, extension: 'pdf' | 'zip'): string {
  return `safeguarding-file-${file.pupil.id}-${localDate(new Date(file.producedAt))}.${extension}`;
}

/** The file as a PDF: the pupil, then each incident (other pupils as "another pupil"), its chronology, and the evidence list. */
export function transferPdf(file: TransferFile): Buffer {
  const { pupil } = file;
  const blocks: PdfBlock[] = [
    { text: `Safeguarding file: ${pupil.displayName}`, style: 'title' },
    {
      text: 'STRICTLY CONFIDENTIAL - for the designated safeguarding lead of the receiving school. Keep separately from the main pupil file.',
      style: 'heading',
      gapBefore: 6,
    },
    {
      text: `Class ${pupil.className}, ${pupil.yearGroup}. On roll from ${longDate(pupil.onRollFrom.slice(0, 10))}${pupil.onRollTo ? ` to ${longDate(pupil.onRollTo.slice(0, 10))}` : ''}.`,
      gapBefore: 8,
    },
    {
      text: `Produced ${when(file.producedAt)} by ${file.producedByName}. ${file.incidents.length} incident(s). Other pupils are named "another pupil" and people outside school "someone outside school"; their part is kept.`,
    },
    { text: PRODUCER_SEES_NOTICE, gapBefore: 6 },
    ...(file.transfer?.sent
      ? [
          {
            text: `Sent on ${longDate(file.transfer.sent.on)} to ${file.transfer.sent.toDsl}, ${file.transfer.sent.toSchool} (${TRANSFER_METHOD_LABELS[file.transfer.sent.how]}).`,
            gapBefore: 6,
          },
        ]
      : []),
  ];
  for (const { reference, incident, role, people, entries, evidence } of file.incidents) {
    blocks.push(
      { text: `${reference} - ${CATEGORY_LABELS[incident.category]}`, style: 'heading', gapBefore: 16 },
      {
        text: `Reported ${when(incident.reportedAt)}; happened ${longDate(incident.occurredOn)}. Status: ${STATUS_LABELS[incident.status]}. ${pupil.displayName}'s part: ${LINK_ROLE_LABELS[role]}.`,
      },
      {
        text: `Where: ${WHERE_LABELS[incident.where]}${incident.platform ? ` (${incident.platform})` : ''}. Who was involved: ${INVOLVED_LABELS[incident.involved]}.${incident.cpomsReference ? ` CPOMS reference: ${incident.cpomsReference}.` : ''}`,
      },
      { text: 'What happened', style: 'heading', gapBefore: 6 },
      { text: incident.whatHappened },
      { text: 'People linked', style: 'heading', gapBefore: 6 },
      ...people.map((person) => ({
        text: `- ${person.isThisPupil ? pupil.displayName : person.name}${person.kind === 'other' ? '' : ` (${person.kind})`}: ${LINK_ROLE_LABELS[person.role]}`,
        indent: 10,
      })),
    );
    if (incident.police)
      blocks.push({
        text: `Police: ${incident.police.contacted ? 'contacted' : 'not contacted'}, decided by ${incident.police.decidedBy}: ${incident.police.reason}`,
        gapBefore: 6,
      });
    if (incident.bodyMap?.length)
      blocks.push(
        { text: 'Body map (where an injury was seen)', style: 'heading', gapBefore: 6 },
        ...incident.bodyMap.map((mark, index) => ({ text: `${index + 1}. ${markLabel(mark)}: ${mark.note}`, indent: 10 })),
      );
    if (incident.followUps?.length)
      blocks.push(
        { text: 'Follow-ups', style: 'heading', gapBefore: 6 },
        ...incident.followUps.map((followUp) => ({
          text: `- ${followUp.text} (due ${longDate(followUp.dueOn)}, ${followUp.assigneeName})${followUp.done ? `: done ${when(followUp.done.at)}` : ''}`,
          indent: 10,
        })),
      );
    blocks.push(
      { text: 'Chronology', style: 'heading', gapBefore: 6 },
      ...entries.map((entry) => ({ text: `${when(entry.at)} - ${entry.byName}: ${entry.text}`, indent: 10 })),
    );
    blocks.push(
      { text: 'Evidence', style: 'heading', gapBefore: 6 },
      ...(evidence.length
        ? evidence.map((item) => ({ text: `- ${evidenceLine(item)}`, indent: 10 }))
        : [{ text: 'None attached.', indent: 10 }]),
    );
  }
  return pdfDocument(`Safeguarding file - ${pupil.displayName}`, blocks);
}

function evidenceLine(item: FileEvidence): string {
  const added = `added ${when(item.addedAt)} by ${item.addedByName}`;
  return item.removed
    ? `${item.name} (${EVIDENCE_FORMATS[item.format].label}), ${added}; removed ${when(item.removed.at)} by ${item.removed.byName}: ${item.removed.reason}`
    : `${describeEvidence(item)}, ${added}`;
}

/**
 * In every file, whoever produced it and whatever the pupil's record holds: the file has what its
 * producer may see. Said always, never counted, so it tells nobody that a concern about them exists.
 */
export const PRODUCER_SEES_NOTICE =
  'This file holds the incidents linked to this pupil that its producer may see. A headteacher never sees a concern about themselves: where the headteacher is also the DSL, the chair of governors and a deputy DSL check the file is complete.';

/**
 * The zip for secure transfer: the PDF, the evidence files of the pupil's incidents (each under its
 * incident's reference) and a manifest listing every file, what it is and whether it is in the zip.
 * Files past ZIP_EVIDENCE_BYTES in all, or missing from the store, are listed as not included.
 */
export async function transferZip(file: TransferFile, store: MediaStore): Promise<Buffer> {
  const pdfName = transferFileName(file, 'pdf');
  const entries: ZipEntry[] = [{ name: pdfName, bytes: transferPdf(file) }];
  const manifest = [
    `Safeguarding file of ${file.pupil.displayName}, produced ${when(file.producedAt)} by ${file.producedByName}.`,
    'STRICTLY CONFIDENTIAL - for the designated safeguarding lead of the receiving school.',
    '',
    `${pdfName}: the pupil's incidents and chronology (PDF).`,
  ];
  let total = 0;
  for await (const { incident, evidence, bytes } of evidenceFilesOf(store, file)) {
    const name = `evidence/${incident}/${evidence.id}-${safeName(evidence.name, EVIDENCE_FORMATS[evidence.format].extension)}`;
    if (!bytes || total + evidence.bytes > ZIP_EVIDENCE_BYTES) {
      manifest.push(
        `NOT INCLUDED - ${incident}: ${describeEvidence(evidence)}, ${bytes ? 'too large for one download: send it separately' : 'missing from the evidence store'}.`,
      );
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of bytes) chunks.push(Buffer.from(chunk));
    const content = Buffer.concat(chunks);
    total += content.length;
    entries.push({ name, bytes: content });
    manifest.push(`${name} - ${incident}: ${describeEvidence(evidence)}, added ${when(evidence.addedAt)} by ${evidence.addedByName}.`);
  }
  manifest.push('', PRODUCER_SEES_NOTICE);
  entries.splice(1, 0, { name: 'manifest.txt', bytes: Buffer.from(`${manifest.join('\r\n')}\r\n`, 'utf8') });
  return zipArchive(entries, new Date(file.producedAt));
}

/** A file name safe on every system: letters, digits, dot, dash and underscore, with its real extension. */
function safeName(name: string, extension: string): string {
  const base =
    name
      .replace(/\.[^.]*$/, '')
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'file';
  return `${base}.${extension}`;
}
