/**
 * The kinds of feedback on administrative rules (Decree 20/2008 Art. 5), with their labels in both languages. A
 * module of its own, importing nothing, so that the citizen widgets bundle the same list the server checks.
 */
export type FeedbackKind =
  | 'official_conduct'
  | 'impractical_rule'
  | 'inconsistent_rules'
  | 'unlawful_rule'
  | 'treaty_conflict'
  | 'other_issue'
  | 'proposed_solution'
  | 'new_rule_initiative';

/** Decree 20/2008 Art. 5, clauses 1–8, in the law's order. */
export const FEEDBACK_KINDS: readonly { value: FeedbackKind; label: { vi: string; en: string } }[] = [
  {
    value: 'official_conduct',
    label: {
      vi: 'Vướng mắc do cơ quan, cán bộ, công chức chậm trễ, gây phiền hà hoặc thực hiện không đúng quy định hành chính',
      en: 'Problems caused by agencies or officials who delay, harass, or fail to apply or misapply a rule',
    },
  },
  {
    value: 'impractical_rule',
    label: { vi: 'Quy định hành chính không phù hợp với thực tế', en: 'A rule does not fit reality' },
  },
  {
    value: 'inconsistent_rules',
    label: {
      vi: 'Các quy định hành chính không đồng bộ, không thống nhất',
      en: 'Rules are inconsistent with one another',
    },
  },
  {
    value: 'unlawful_rule',
    label: { vi: 'Quy định hành chính không hợp pháp', en: 'A rule is unlawful' },
  },
  {
    value: 'treaty_conflict',
    label: {
      vi: 'Quy định hành chính trái với điều ước quốc tế mà Việt Nam đã ký kết hoặc gia nhập',
      en: 'A rule conflicts with an international treaty Viet Nam has signed or joined',
    },
  },
  {
    value: 'other_issue',
    label: {
      vi: 'Vấn đề khác liên quan đến quy định hành chính',
      en: 'Another issue concerning administrative rules',
    },
  },
  {
    value: 'proposed_solution',
    label: {
      vi: 'Phương án xử lý các vấn đề nêu trên',
      en: 'A proposed solution to one of the issues above',
    },
  },
  {
    value: 'new_rule_initiative',
    label: {
      vi: 'Sáng kiến ban hành mới quy định hành chính',
      en: 'An initiative for a new administrative rule',
    },
  },
];
