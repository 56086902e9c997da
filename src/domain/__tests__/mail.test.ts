import { mailLines, topicsOf, viewLink } from '../mail';

describe('mail pieces', () => {
  it('joins the lines given and leaves out the absent ones', () => {
    expect(mailLines('a', null, undefined, false, '', 'b')).toBe('a\nb');
  });

  it('ends a staff mail with the link to the record', () => {
    expect(mailLines('Hello', viewLink('https://cms/x'))).toBe('Hello\nXem / View: https://cms/x');
  });

  it('names the outbox topic by kind, event and record', () => {
    expect(topicsOf('feedback', 'abc')('assigned')).toBe('feedback.assigned:abc');
  });
});
