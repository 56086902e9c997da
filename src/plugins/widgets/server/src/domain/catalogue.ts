/**
 * The widgets, as the iframe pages, the admin's preview and docs/WIDGETS.md name them: each with its element and the
 * attributes a page may set (besides `lang`, which all take).
 */
export interface WidgetListing {
  element: string;
  /** Attributes the iframe page passes from its query string to the element. */
  attributes: readonly string[];
  /** The page title of its iframe page and its name in the admin. */
  title: { vi: string; en: string };
}

export const WIDGETS = {
  'procedure-search': {
    element: 'tthc-procedure-search',
    attributes: ['q', 'page-size', 'detail-url'],
    title: { vi: 'Tra cứu thủ tục hành chính', en: 'Find an administrative procedure' },
  },
  procedure: {
    element: 'tthc-procedure',
    attributes: ['code', 'document-id'],
    title: { vi: 'Thủ tục hành chính', en: 'Administrative procedure' },
  },
  'feedback-form': {
    element: 'tthc-feedback-form',
    attributes: ['procedure'],
    title: { vi: 'Gửi phản ánh, kiến nghị', en: 'Send feedback on administrative rules' },
  },
  'feedback-status': {
    element: 'tthc-feedback-status',
    attributes: ['code'],
    title: { vi: 'Tra cứu phản ánh, kiến nghị', en: 'Track your feedback' },
  },
  'answered-feedback': {
    element: 'tthc-answered-feedback',
    attributes: ['q', 'page-size', 'procedure'],
    title: { vi: 'Kết quả trả lời phản ánh, kiến nghị', en: 'Published answers to feedback' },
  },
  'satisfaction-survey': {
    element: 'tthc-satisfaction-survey',
    attributes: ['procedure'],
    title: { vi: 'Đánh giá mức độ hài lòng', en: 'Rate our service' },
  },
  'satisfaction-summary': {
    element: 'tthc-satisfaction-summary',
    attributes: ['procedure', 'field', 'from', 'to'],
    title: { vi: 'Kết quả đánh giá mức độ hài lòng', en: 'Satisfaction figures' },
  },
} as const satisfies Record<string, WidgetListing>;

export type WidgetName = keyof typeof WIDGETS;
export const WIDGET_NAMES = Object.keys(WIDGETS) as WidgetName[];

export const isWidgetName = (name: string): name is WidgetName =>
  Object.prototype.hasOwnProperty.call(WIDGETS, name);
