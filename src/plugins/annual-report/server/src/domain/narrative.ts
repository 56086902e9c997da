/**
 * The narrative of a new report draft, prefilled from the period's figures: the results from the units' latest
 * task reports, the difficulties from the oversight difficulties raised in the period, and short starting texts
 * for the limitations and proposals that the Office completes. Pure module.
 */
import type { Figures, Narrative } from './figures';

/** The most a narrative section holds (characters). */
export const NARRATIVE_MAX = 20_000;

export interface DifficultyFact {
  unitName: string | null;
  what: string;
  proposal: string | null;
}

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

const cut = (text: string) => (text.length > NARRATIVE_MAX ? `${text.slice(0, NARRATIVE_MAX - 1)}…` : text);

export function prefillNarrative(figures: Figures, difficulties: DifficultyFact[]): Narrative {
  const { from, to } = figures.period;
  const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  const period = `từ ngày ${vnDate(from)} đến ngày ${vnDate(to)}`;

  const results: string[] = [
    `Trong kỳ báo cáo (${period}), đã đăng tải ${figures.articles.published} tin, bài; tiếp nhận ${figures.feedback.received} phản ánh, kiến nghị.`,
  ];
  const byUnit = new Map<string, string[]>();
  for (const report of figures.taskReports) {
    const unit = report.unit?.name ?? 'Đơn vị khác';
    const status = report.status === 'done' ? 'hoàn thành' : 'đang thực hiện';
    const line = `- ${clean(report.task.code)} ${clean(report.task.content)} (${status})${
      clean(report.results) ? `: ${clean(report.results)}` : ''
    }`;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), line]);
  }
  for (const [unit, lines] of byUnit) results.push('', `${unit}:`, ...lines);

  const difficultyLines = difficulties.map((d) => {
    const proposal = clean(d.proposal);
    return `- ${d.unitName ? `${d.unitName}: ` : ''}${clean(d.what)}${proposal ? ` Đề xuất: ${proposal}` : ''}`;
  });

  return {
    results: cut(results.join('\n')),
    limitations: 'Bên cạnh kết quả đạt được, việc thực hiện kế hoạch còn một số hạn chế: ',
    difficulties: cut(
      difficultyLines.length
        ? ['Các khó khăn, vướng mắc đơn vị đã báo cáo trong kỳ:', ...difficultyLines].join('\n')
        : 'Trong kỳ báo cáo, các đơn vị không báo cáo khó khăn, vướng mắc.'
    ),
    proposals: 'Để nâng cao hiệu quả công tác trong năm tới, Sở kiến nghị, đề xuất: ',
  };
}

/** The narrative sections in the order of the document. */
export const NARRATIVE_SECTIONS = ['results', 'limitations', 'difficulties', 'proposals'] as const;

export interface NarrativeWarning {
  section: (typeof NARRATIVE_SECTIONS)[number];
  /** `empty`: nothing written; `bareColon`: the text stops at a colon, with nothing after it. */
  problem: 'empty' | 'bareColon';
}

/**
 * What to check before exporting: the sections left empty, and the sections whose text ends in a bare colon (a
 * prefilled opening such as "…Sở kiến nghị, đề xuất:" that no one completed). Empty lists are fine.
 */
export function narrativeWarnings(narrative: Partial<Narrative> | null | undefined): NarrativeWarning[] {
  const warnings: NarrativeWarning[] = [];
  for (const section of NARRATIVE_SECTIONS) {
    const text = (narrative?.[section] ?? '').replace(/\s+/g, ' ').trim();
    if (!text) warnings.push({ section, problem: 'empty' });
    else if (/[:：]$/.test(text)) warnings.push({ section, problem: 'bareColon' });
  }
  return warnings;
}
