import { mailsForTransition } from '../notifications';

const context = {
  documentId: 'doc1',
  title: 'Tập huấn kiểm soát TTHC',
  unitName: 'Phòng Quản lý đất đai',
  actorName: 'Trần Biên Tập',
  comment: 'Bổ sung ảnh',
  link: 'http://cms/admin/x',
};

describe('workflow mails', () => {
  it('tells the IT Center about a submission', () => {
    expect(mailsForTransition('submitted', context, false).map((m) => [m.audience, m.topic])).toEqual([
      ['it_center', 'submission.submitted:doc1'],
    ]);
  });

  it.each(['changes_requested', 'approved', 'rejected'] as const)(
    'tells the unit when %s, with the comment',
    (to) => {
      const [mail] = mailsForTransition(to, context, false);
      expect(mail.audience).toBe('unit');
      expect(mail.topic).toBe(`submission.${to}:doc1`);
      expect(mail.text).toContain('Bổ sung ảnh');
      expect(mail.text).toContain(context.link);
    }
  );

  it('tells the assignee, and nobody else when a review starts', () => {
    expect(mailsForTransition('in_review', context, true).map((m) => m.audience)).toEqual(['assignee']);
  });

  it('sends nothing for withdrawal and publication', () => {
    expect(mailsForTransition('withdrawn', context, false)).toEqual([]);
    expect(mailsForTransition('published', context, false)).toEqual([]);
  });
});
