import { NARRATIVE_MAX, narrativeWarnings, prefillNarrative } from '../narrative';
import { sampleFigures } from './sample-figures';

describe('narrative prefill', () => {
  it('writes results from the task reports and difficulties with proposals', () => {
    const figures = sampleFigures();
    figures.taskReports = [
      {
        task: { code: 'T1', content: 'Tuyên truyền đất đai' },
        unit: { id: 1, code: 'P-A', name: 'Phòng A' },
        status: 'done',
        results: 'Đăng 12 tin',
        reportedAt: '2031-06-01T00:00:00.000Z',
      },
    ];
    const n = prefillNarrative(figures, [
      { unitName: 'Phòng A', what: 'Thiếu kinh phí', proposal: 'Bổ sung dự toán' },
      { unitName: null, what: 'Thiếu  người', proposal: null },
    ]);
    expect(n.results).toContain('từ ngày 15/12/2030 đến ngày 14/12/2031');
    expect(n.results).toContain('Phòng A:\n- T1 Tuyên truyền đất đai (hoàn thành): Đăng 12 tin');
    expect(n.difficulties).toContain('- Phòng A: Thiếu kinh phí Đề xuất: Bổ sung dự toán');
    expect(n.difficulties).toContain('- Thiếu người');
    expect(n.limitations.length).toBeGreaterThan(0);
    expect(n.proposals.length).toBeGreaterThan(0);
  });

  it('says when there were no difficulties and stays within the limit', () => {
    const figures = sampleFigures();
    figures.taskReports = Array.from({ length: 500 }, (_, i) => ({
      task: { code: `T${i}`, content: 'x'.repeat(100) },
      unit: null,
      status: 'in_progress' as const,
      results: 'y'.repeat(100),
      reportedAt: '2031-06-01T00:00:00.000Z',
    }));
    const n = prefillNarrative(figures, []);
    expect(n.difficulties).toMatch(/không báo cáo khó khăn/);
    expect(n.results.length).toBeLessThanOrEqual(NARRATIVE_MAX);
  });
});

describe('narrativeWarnings', () => {
  const written = {
    results: 'Đã hoàn thành.',
    limitations: 'Một số tin bài gửi chậm.',
    difficulties: 'Thiếu kinh phí.',
    proposals: 'Đề nghị bố trí kinh phí.',
  };
  it('finds nothing in a completed narrative', () => {
    expect(narrativeWarnings(written)).toEqual([]);
    expect(narrativeWarnings({ ...written, results: 'Kết quả:\n- Tin 1' })).toEqual([]);
  });
  it('warns about empty sections and sections that stop at a bare colon', () => {
    expect(
      narrativeWarnings({
        results: '   ',
        limitations: 'Còn một số hạn chế: ',
        difficulties: '',
        proposals: 'Sở kiến nghị, đề xuất:\n\n',
      })
    ).toEqual([
      { section: 'results', problem: 'empty' },
      { section: 'limitations', problem: 'bareColon' },
      { section: 'difficulties', problem: 'empty' },
      { section: 'proposals', problem: 'bareColon' },
    ]);
  });
  it('takes a missing narrative for four empty sections', () => {
    expect(narrativeWarnings(null).map((w) => w.problem)).toEqual(['empty', 'empty', 'empty', 'empty']);
  });
  it('warns about the prefilled openings no one completed', () => {
    const prefilled = prefillNarrative(sampleFigures(), []);
    expect(narrativeWarnings(prefilled)).toEqual([
      { section: 'limitations', problem: 'bareColon' },
      { section: 'proposals', problem: 'bareColon' },
    ]);
  });
});
