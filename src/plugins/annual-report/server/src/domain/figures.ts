/**
 * The figures of an annual report, as frozen into a report draft (the snapshot) and written to DOCX, XLSX and CSV.
 * Decree 63/2010 Art. 35 (e) feedback received and handled, (g) communication supporting procedure control; plan
 * §III.1, §III.3. Every figure counts the items of the period: local days `from` to `to`, both included.
 *
 * Where each figure is read (services/figures.ts):
 * - **From the rollups** (../rollups.ts, per unit or none and local half month): `feedback` and `articles`. A
 *   period's whole half months are summed from the counters; the report's period (15/12 to 14/12) has nothing else.
 *   A period's edge days (one that does not start on the 1st or the 15th) are computed from the rows by the same
 *   SQL, through the indexes on the instants (received, closed, answer published, published). An article published
 *   in several rows (its locales) is counted by its document id, so that it counts once in a period.
 * - **From the rows**, because the definition does not add up by slice or the table stays small:
 *   - `submissions.medianDaysToPublication`: a median; `submissions`' counts come from one indexed read beside it;
 *   - `procedures`: the catalogue's state on the last day, not events in the period;
 *   - `satisfaction` (means), `oversight`, `taskReports`: small tables.
 */

export interface Count {
  key: string;
  count: number;
}

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export interface Figures {
  period: { from: string; to: string };
  /** ISO instant the figures were computed. */
  computedAt: string;
  articles: {
    published: number;
    byKind: Count[];
    byChannel: Count[];
    byCampaign: { campaign: { documentId: string; title: string } | null; count: number }[];
    byUnit: { unit: UnitRef; published: number; target: number }[];
    /** The plan's tasks against their target counts. */
    byTask: {
      task: { documentId: string; code: string; content: string; unitCode: string | null };
      target: number;
      published: number;
    }[];
  };
  submissions: {
    total: number;
    byUnit: { unit: UnitRef; total: number; byState: Count[] }[];
    /** Median days from submission to publication of the submissions published in the period; null when none. */
    medianDaysToPublication: number | null;
  };
  procedures: {
    /** Procedures in force and publicly listed at the end of the period. */
    listed: number;
    byField: { field: { code: string; name: string }; count: number }[];
    byLevel: Count[];
    added: number;
    amended: number;
    abolished: number;
  };
  feedback: {
    received: number;
    byChannel: Count[];
    byKind: Count[];
    notAccepted: number;
    transferred: number;
    answered: number;
    onTime: number;
    late: number;
    /** onTime × 100 / (onTime + late), one decimal; null when nothing closed. */
    onTimeRate: number | null;
    answersPublished: number;
  };
  satisfaction: {
    responses: number;
    /** Mean rating (1–5, two decimals) per criterion of Decree 61/2018 Art. 31; null without ratings. */
    criteria: { criterion: string; mean: number | null; responses: number }[];
  };
  oversight: {
    remindersSent: number;
    checks: number;
    difficultiesRaised: number;
    difficultiesResolved: number;
    difficultiesEscalated: number;
  };
  taskReports: {
    task: { code: string; content: string };
    unit: UnitRef | null;
    status: 'in_progress' | 'done';
    results: string;
    reportedAt: string;
  }[];
}

export type ReportState = 'draft' | 'issued';

/** What names a report and its period, in the API's lists and views and in the exports. */
export interface ReportHeading {
  documentId: string;
  title: string;
  year: number;
  /** YYYY-MM-DD. */
  periodFrom: string;
  periodTo: string;
  state: ReportState;
}

/** The narrative sections the Office writes (prefilled from the units' reports and difficulties). */
export interface Narrative {
  results: string;
  limitations: string;
  difficulties: string;
  proposals: string;
}
