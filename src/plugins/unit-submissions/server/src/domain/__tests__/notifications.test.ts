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
    expect(
      mailsForTransition({ from: 'draft', to: 'submitted' }, context, false).map((m) => [m.audience, m.topic])
    ).toEqual([['it_center', 'submission.submitted:doc1']]);
  });

  it.each(['changes_requested', 'approved', 'rejected'] as const)(
    'tells the unit when %s, with the comment',
    (to) => {
      const [mail] = mailsForTransition({ from: 'in_review', to }, context, false);
      expect(mail.audience).toBe('unit');
      expect(mail.topic).toBe(`submission.${to}:doc1`);
      expect(mail.text).toContain('Bổ sung ảnh');
      expect(mail.text).toContain(context.link);
    }
  );

  it('tells the assignee, and nobody else when a review starts', () => {
    expect(
      mailsForTransition({ from: 'submitted', to: 'in_review' }, context, true).map((m) => m.audience)
    ).toEqual(['assignee']);
  });

  it('tells the assignee, and only them, that the unit resubmitted', () => {
    const mails = mailsForTransition({ from: 'changes_requested', to: 'in_review' }, context, false);
    expect(mails.map((m) => [m.audience, m.topic])).toEqual([['assignee', 'submission.resubmitted:doc1']]);
    expect(mails[0].subject).toContain('gửi lại');
    expect(mails[0].text).toContain(context.link);
  });

  it('sends nothing for withdrawal and publication', () => {
    expect(mailsForTransition({ from: 'submitted', to: 'withdrawn' }, context, false)).toEqual([]);
    expect(mailsForTransition({ from: 'approved', to: 'published' }, context, false)).toEqual([]);
  });
});
