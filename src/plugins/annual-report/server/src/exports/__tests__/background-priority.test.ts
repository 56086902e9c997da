import os from 'os';
import { runInBackground } from '../background-priority';

describe('runInBackground', () => {
  it("never lowers the main thread's priority (the thread that answers requests)", () => {
    const before = os.getPriority(process.pid);
    expect(runInBackground()).toBeNull();
    expect(os.getPriority(process.pid)).toBe(before);
  });
});
