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

/** The Vietnamese name of each kind: the admin's default labels and the annual report's figure labels. */
export const ARTICLE_KIND_NAMES: Record<ArticleKind, string> = {
  news: 'Tin',
  article: 'Bài viết',
  reportage: 'Phóng sự',
  documentary: 'Phim tài liệu',
  video_clip: 'Video clip',
  photo_story: 'Phóng sự ảnh',
};

/** Where an article is published (its `channel`, and where a unit proposes it be), named in Vietnamese. */
export const ARTICLE_CHANNEL_NAMES = {
  website: 'Trang thông tin điện tử',
  press: 'Báo chí',
  television: 'Truyền hình',
  radio: 'Phát thanh',
  social_media: 'Mạng xã hội',
};
