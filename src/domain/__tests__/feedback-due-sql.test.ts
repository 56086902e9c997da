import knex from 'knex';
import { FEEDBACK_STATES } from '../feedback-states';
import {
  answerDueDate,
  answerDueSql,
  answerOverdueSql,
  AWAITING_ANSWER_STATES,
  currentDueDate,
  currentDueSql,
  type FeedbackDueColumns,
} from '../feedback-deadlines';

// The columns as the register's queries name them: the stored names, on the feedback table aliased `f`.
const STORED: FeedbackDueColumns = {
  state: 'f.state',
  dueDate: 'f.due_date',
  unitDueDate: 'f.unit_due_date',
  classificationDueDate: 'f.classification_due_date',
  publicationDueDate: 'f.publication_due_date',
};

describe('the due-date rules in SQL', () => {
  const db = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  const rows = FEEDBACK_STATES.flatMap((state) =>
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
  beforeAll(() =>
    db.raw(`CREATE TABLE feedbacks (state TEXT, classification_due_date TEXT, due_date TEXT, unit_due_date TEXT,
      publication_due_date TEXT)`)
  );
  afterAll(() => db.destroy());

  it('say what currentDueDate and answerDueDate say, in every state', async () => {
    for (const row of rows) {
      await db('feedbacks').delete();
      await db('feedbacks').insert({
        state: row.state,
        classification_due_date: row.classificationDueDate,
        due_date: row.dueDate,
        unit_due_date: row.unitDueDate,
        publication_due_date: row.publicationDueDate,
      });
      const [got] = (await db('feedbacks as f').select(
        db.raw(`${currentDueSql(STORED)} AS current_due`),
        db.raw(`${answerDueSql(STORED)} AS answer_due`),
        db.raw(`${answerOverdueSql(STORED)} AS overdue`, ['2021-09-22'])
      )) as { current_due: string | null; answer_due: string; overdue: number }[];
      expect(got.current_due).toBe(currentDueDate(row));
      expect(got.answer_due).toBe(answerDueDate(row));
      const awaiting = (AWAITING_ANSWER_STATES as readonly string[]).includes(row.state);
      expect(Boolean(got.overdue)).toBe(awaiting && answerDueDate(row)! < '2021-09-22');
    }
  });
});
