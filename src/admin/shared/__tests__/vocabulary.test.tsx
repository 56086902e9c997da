import { isOneOf, messages, SUBMISSION_STATE_NAMES, SUBMISSION_STATES } from '../vocabulary';

describe('vocabulary', () => {
  it('gives the plugin’s message ids, prefix.key, with the Vietnamese names as defaults', () => {
    expect(messages('state', { draft: 'Đang soạn', submitted: 'Đã gửi' })).toEqual({
      draft: { id: 'state.draft', defaultMessage: 'Đang soạn' },
      submitted: { id: 'state.submitted', defaultMessage: 'Đã gửi' },
    });
  });

  it('names every submission state', () => {
    expect(Object.keys(SUBMISSION_STATE_NAMES).sort()).toEqual([...SUBMISSION_STATES].sort());
  });

  it('tells one of a list of values from anything else', () => {
    const isState = isOneOf(['open', 'resolved'] as const);
    expect(isState('open')).toBe(true);
    expect(isState('closed')).toBe(false);
    expect(isState(undefined)).toBe(false);
    expect(isState(1)).toBe(false);
  });
});
