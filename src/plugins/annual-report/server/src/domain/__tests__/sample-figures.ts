import type { Figures } from '../figures';

/** A small set of figures for the pure modules' tests. */
export function sampleFigures(): Figures {
  return {
    period: { from: '2030-12-15', to: '2031-12-14' },
    computedAt: '2031-12-20T00:00:00.000Z',
    articles: {
      published: 3,
      byKind: [{ key: 'news', count: 3 }],
      byChannel: [{ key: 'website', count: 3 }],
      byCampaign: [{ campaign: null, count: 3 }],
      byUnit: [{ unit: { id: 1, code: 'P-A', name: 'Phòng A' }, published: 3, target: 5 }],
      byTask: [
        {
          task: { documentId: 'x'.repeat(24), code: 'T1', content: 'Nhiệm vụ', unitCode: 'P-A' },
          target: 5,
          published: 2,
        },
      ],
    },
    submissions: { total: 2, byUnit: [], medianDaysToPublication: 1.5 },
    procedures: { listed: 4, byField: [], byLevel: [], added: 1, amended: 0, abolished: 0 },
    feedback: {
      received: 5,
      byChannel: [{ key: 'web', count: 5 }],
      byKind: [],
      notAccepted: 0,
      transferred: 0,
      answered: 2,
      onTime: 1,
      late: 1,
      onTimeRate: 50,
      answersPublished: 0,
    },
    satisfaction: { responses: 0, criteria: [{ criterion: 'timeliness', mean: null, responses: 0 }] },
    oversight: {
      remindersSent: 0,
      checks: 0,
      difficultiesRaised: 0,
      difficultiesResolved: 0,
      difficultiesEscalated: 0,
    },
    taskReports: [],
  };
}
