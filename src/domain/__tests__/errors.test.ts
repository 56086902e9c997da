import { fieldError, notAnObject } from '../errors';

describe('notAnObject', () => {
  it('refuses the whole body at the root path, in the language asked for', () => {
    expect(notAnObject('en')).toEqual({
      ok: false,
      errors: [fieldError([], 'Dữ liệu gửi lên không hợp lệ.', 'The submitted data is invalid.', 'en')],
    });
    expect(notAnObject('vi').ok).toBe(false);
  });
});
