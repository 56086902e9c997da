import Database from 'better-sqlite3';
import type { FeedbackState } from '../feedback-public';
import {
  ANSWER_DUE_SQL,
  ANSWER_OVERDUE_SQL,
  answerDueDate,
  AWAITING_ANSWER_STATES,
  CURRENT_DUE_SQL,
  currentDueDate,
} from '../feedback-deadlines';

const STATES: FeedbackState[] = [
  'received',
  'not_accepted',
  'transferred',
  'accepted',
  'assigned',
  'answer_drafted',
  'answer_approved',
  'answered',
  'published',
];

describe('the due-date rules in SQL', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE feedbacks (state TEXT, classification_due_date TEXT, due_date TEXT, unit_due_date TEXT,
    publication_due_date TEXT)`);
  const insert = db.prepare('INSERT INTO feedbacks VALUES (?, ?, ?, ?, ?)');
  const rows = STATES.flatMap((state) =>
    [true, false].flatMap((publishAnswer) =>
      ['2021-09-20', null].map((unitDueDate) => ({
        state,
        classificationDueDate: '2021-09-08',
        transferDueDate: '2021-09-10',
        dueDate: '2021-09-24',
        unitDueDate,
        // Stored only when the submitter agreed to publication.
        publicationDueDate: publishAnswer ? '2021-10-01' : null,
        publishAnswer,
      }))
    )
  );
  afterAll(() => db.close());

  it('say what currentDueDate and answerDueDate say, in every state', () => {
    const select = db.prepare(
      `SELECT ${CURRENT_DUE_SQL} AS current_due, ${ANSWER_DUE_SQL} AS answer_due,
        ${ANSWER_OVERDUE_SQL} AS overdue FROM feedbacks f`
    );
    for (const row of rows) {
      db.exec('DELETE FROM feedbacks');
      insert.run(row.state, row.classificationDueDate, row.dueDate, row.unitDueDate, row.publicationDueDate);
      const got = select.get('2021-09-22') as {
        current_due: string | null;
        answer_due: string;
        overdue: number;
      };
      expect(got.current_due).toBe(currentDueDate(row));
      expect(got.answer_due).toBe(answerDueDate(row));
      const awaiting = (AWAITING_ANSWER_STATES as readonly string[]).includes(row.state);
      expect(Boolean(got.overdue)).toBe(awaiting && answerDueDate(row)! < '2021-09-22');
    }
  });
});
