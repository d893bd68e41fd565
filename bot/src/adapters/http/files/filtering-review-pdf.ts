import type { FilteringReviewPackView } from '../../../contracts/governance';
import { longDate } from '../../../domain/calendar/dates';
import { pdfDocument, type PdfBlock } from './pdf-document';

const shown = (count: number | null) => (count === null ? 'fewer than 3' : String(count));

/** "filtering-review-2026-27.pdf": the year, nothing else. */
export function filteringReviewFileName(year: string): string {
  return `filtering-review-${year}.pdf`;
}

/**
 * The annual filtering and monitoring review pack as a PDF, from the very view the tab shows (so the
 * same people see it, with the same counts hidden and the same names taken out): the decisions, the
 * sites open now, the incidents, training, the policies in force, the review as recorded with its
 * actions, and lines for the reviewers' signatures.
 */
export function filteringReviewPdf(pack: FilteringReviewPackView): Buffer {
  const title = `Filtering and monitoring review ${pack.year}`;
  const heading = (text: string): PdfBlock => ({ text, style: 'heading', gapBefore: 16 });
  const blocks: PdfBlock[] = [
    { text: title, style: 'title' },
    {
      text: `${pack.schoolName}: ${longDate(pack.from)} to ${longDate(pack.to)}. Reviewed by ${pack.reviewers.lead || 'the senior leader (not named in School settings yet)'} and ${pack.reviewers.governor || 'the governor (not named in School settings yet)'}, as the DfE filtering and monitoring standards ask, at least once a year.`,
      gapBefore: 8,
    },
    heading('What was blocked or allowed, and why'),
    ...(pack.decisions.length === 0
      ? [{ text: `No request to open a blocked site was decided in ${pack.year}.` }]
      : pack.decisions.flatMap((decision): PdfBlock[] => [
          { text: `${decision.reference}: ${decision.url}`, style: 'body', gapBefore: 6 },
          { text: `Why it was asked for: ${decision.reasons} (${decision.siteContent})`, indent: 12 },
          { text: `Risks and controls: ${decision.risksAndControls}`, indent: 12 },
          {
            text: `${decision.approved ? 'Opened' : 'Kept blocked'} by ${decision.decidedBy} on ${longDate(decision.decidedOn)}${decision.decisionReasons ? `: ${decision.decisionReasons}` : ''}`,
            indent: 12,
          },
          { text: `For: ${decision.scope ?? 'no period or scope recorded'}`, indent: 12 },
        ])),
    heading('Sites open now'),
    ...(pack.openUnblocks.length === 0
      ? [{ text: 'No blocked site is open.' }]
      : pack.openUnblocks.map((site) => ({
          text: `${site.reference}: ${site.url} - approved by ${site.approvedBy} on ${longDate(site.approvedOn)}; ${site.openedOn ? `opened ${longDate(site.openedOn)}` : 'waiting for the ICT technician'}; for ${site.scope ?? 'no period or scope recorded'}.`,
          gapBefore: 4,
        }))),
    heading('Incidents filtering and monitoring should have stopped'),
    ...(pack.smallCountsHidden
      ? [
          {
            text: 'Counts of 1 or 2 are shown as "fewer than 3": in a small school a small number can point to a child.',
            style: 'small' as const,
          },
        ]
      : []),
    ...pack.incidents.map((row) => ({
      text: `${row.label}: ${shown(row.count)}${row.references.length > 0 ? ` (${row.references.join(', ')})` : ''}`,
      gapBefore: 4,
    })),
    heading('Training'),
    ...pack.training.map((group) => ({
      text: `${group.audience}: ${group.group} - up to date ${group.upToDate} (${group.percentUpToDate}%), due soon ${group.dueSoon}, overdue ${group.overdue}`,
      gapBefore: 4,
    })),
    heading('Policies in force'),
    ...pack.policies.map((policy) => ({
      text: `${policy.title} - approved ${policy.approvedOn ? longDate(policy.approvedOn) : 'no date recorded'}; next review ${policy.nextReviewDue ? longDate(policy.nextReviewDue) : 'listed for reference'}`,
      gapBefore: 4,
    })),
    heading('Outcome of the review'),
    ...(pack.recorded.entries.length === 0
      ? [{ text: 'Not recorded in the app yet: what the reviewers found, and the actions agreed (who, by when):' }]
      : pack.recorded.entries.flatMap((entry): PdfBlock[] => [
          {
            text: `Reviewed on ${longDate(entry.reviewedOn)} by ${entry.seniorLeader} (senior leader) and ${entry.governor} (governor); recorded by ${entry.recordedBy} on ${longDate(entry.recordedOn)}.`,
            gapBefore: 6,
          },
          { text: entry.outcome, indent: 12, gapBefore: 2 },
          ...(entry.actions.length === 0
            ? [{ text: 'No actions were agreed.', indent: 12 }]
            : entry.actions.map((action) => ({
                text: `${action.reference ? `${action.reference}: ` : ''}${action.description} - ${action.assignee}, due by ${longDate(action.due)}: ${
                  action.done
                    ? `done on ${longDate(action.done.on)} (${action.done.by}): ${action.done.note}`
                    : action.status === 'overdue'
                      ? 'overdue'
                      : 'open'
                }`,
                indent: 12,
                gapBefore: 2,
              }))),
        ])),
    { text: `Senior leader: ${pack.reviewers.lead}`, gapBefore: 28 },
    { text: 'Signed and dated: ______________________________', gapBefore: 14 },
    { text: `Governor: ${pack.reviewers.governor}`, gapBefore: 20 },
    { text: 'Signed and dated: ______________________________', gapBefore: 14 },
  ];
  return pdfDocument(title, blocks);
}
