/**
 * The names of the exported files: short, ASCII, without spaces or characters a file system or a mail client
 * mangles ("bao-cao-2021.docx", "bao-cao-2021-danh-sach-pakn.csv"), and the list a CSV job holds, read back from
 * its name. Pure module.
 */

export type ExportFormat = 'docx' | 'xlsx' | 'csv';

/** The private store's folder of the exported files, and a file's key in it. */
export const EXPORTS_FOLDER = 'annual-report-exports';
export const exportKey = (storedName: string) => `${EXPORTS_FOLDER}/${storedName}`;
export type ListName = 'articles' | 'feedback';

const LIST_SLUG: Record<ListName, string> = {
  articles: 'danh-sach-tin-bai',
  feedback: 'danh-sach-pakn',
};

/** "bao-cao-2021.docx"; a CSV list gets the list's name ("bao-cao-2021-danh-sach-pakn.csv"). */
export function exportFileName(year: number, format: ExportFormat, list: ListName | null = null): string {
  const base = `bao-cao-${Number.isInteger(year) ? year : 'nam'}`;
  return list ? `${base}-${LIST_SLUG[list]}.${format}` : `${base}.${format}`;
}

/** The list of a CSV job from its file name (also the names written before these ones); null for other formats. */
export function listOfFileName(format: ExportFormat, fileName: string | null | undefined): ListName | null {
  if (format !== 'csv') return null;
  const name = fileName ?? '';
  return name.endsWith(`${LIST_SLUG.feedback}.csv`) || name.endsWith('Danh sách PAKN.csv')
    ? 'feedback'
    : 'articles';
}
