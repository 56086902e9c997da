/**
 * The kinds of an article (`api::article.article` `kind`, its schema's enumeration): what the dashboard and the
 * annual report count articles by.
 */
export const ARTICLE_KINDS = [
  'news',
  'article',
  'reportage',
  'documentary',
  'video_clip',
  'photo_story',
] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];
