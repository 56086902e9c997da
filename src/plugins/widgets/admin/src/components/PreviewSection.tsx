import * as React from 'react';
import { Box, Grid, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import type { WidgetName } from '#widgets/domain/catalogue';
import { Section } from '#admin/shared/Section';
import { FormField } from '#admin/shared/kit';
import { useTestIdRef } from '#admin/shared/testId';
import { LANGUAGES, type Lang } from '../form';
import { useT, type Translate } from '../i18n';

export const languageName = (t: Translate, lang: Lang) =>
  ({ vi: t('language.vi', 'Tiếng Việt'), en: t('language.en', 'Tiếng Anh') })[lang];

// A new frame starts at the browser's default height and grows to what its page reports (a page reports at least
// its frame's height, so a frame never learns to shrink); the box around it keeps the last height meanwhile, so that
// the admin page does not jump. A very long list scrolls inside.
const START_HEIGHT = 150;
const MAX_HEIGHT = 3000;
// Typing in the theme reloads the preview once it pauses.
const SETTLE_MS = 400;

interface PreviewSectionProps {
  /** The catalogue's names, with their titles in the admin's language. */
  widgets: { name: WidgetName; title: string }[];
  widget: WidgetName;
  onWidget: (name: WidgetName) => void;
  lang: Lang;
  onLang: (lang: Lang) => void;
  /** The iframe page's address, with the unsaved theme. */
  src: string;
  /** Its title attribute. */
  frameTitle: string;
}

/**
 * The height that the page at `src` reports (elements/frame/page.ts: `{ type: 'tthc:height', height }`), from
 * that frame only, or null before it does; and the last height reported by any page, for the box around it.
 */
function useReportedHeight(frame: React.RefObject<HTMLIFrameElement | null>, src: string) {
  const [report, setReport] = React.useState<{ src: string; height: number } | null>(null);
  const [last, setLast] = React.useState(START_HEIGHT);
  React.useEffect(() => {
    const origin = new URL(src, window.location.href).origin;
    const listener = (event: MessageEvent) => {
      const data = event.data as { type?: unknown; height?: unknown } | null;
      if (!frame.current || event.source !== frame.current.contentWindow || event.origin !== origin) return;
      if (!data || data.type !== 'tthc:height') return;
      const height = Math.min(Math.ceil(Number(data.height)), MAX_HEIGHT);
      if (!(height > 0)) return;
      setReport({ src, height });
      setLast(height);
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [frame, src]);
  return { height: report?.src === src ? report.height : null, last };
}

/** The address once it has stopped changing for a moment. */
function useSettled(value: string) {
  const [settled, setSettled] = React.useState(value);
  React.useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [value]);
  return settled;
}

/** The chosen widget, live in its iframe page, with the look being edited. */
export const PreviewSection = ({
  widgets,
  widget,
  onWidget,
  lang,
  onLang,
  src,
  frameTitle,
}: PreviewSectionProps) => {
  const t = useT();
  const frame = React.useRef<HTMLIFrameElement>(null);
  const shown = useSettled(src);
  const { height, last } = useReportedHeight(frame, shown);
  const widgetRef = useTestIdRef('preview-widget');
  const langRef = useTestIdRef('preview-lang');

  return (
    <Section title={t('preview.title', 'Xem trước')} testId="preview">
      <Typography tag="p" textColor="neutral700">
        {t(
          'preview.intro',
          'Tiện ích hiển thị như trên website, với giao diện đang chỉnh (kể cả khi chưa lưu) và dữ liệu thật của hệ thống.'
        )}
      </Typography>
      <Grid.Root gap={4}>
        <Grid.Item col={8} xs={12} direction="column" alignItems="stretch">
          <FormField name="preview.widget" label={t('preview.widget', 'Tiện ích')}>
            <SingleSelect
              ref={widgetRef}
              value={widget}
              onChange={(chosen) => {
                const found = widgets.find((candidate) => candidate.name === chosen);
                if (found) onWidget(found.name);
              }}
            >
              {widgets.map(({ name, title }) => (
                <SingleSelectOption key={name} value={name}>
                  {title}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </FormField>
        </Grid.Item>
        <Grid.Item col={4} xs={12} direction="column" alignItems="stretch">
          <FormField name="preview.lang" label={t('preview.lang', 'Ngôn ngữ của tiện ích')}>
            <SingleSelect
              ref={langRef}
              value={lang}
              onChange={(chosen) => {
                const found = LANGUAGES.find((candidate) => candidate === chosen);
                if (found) onLang(found);
              }}
            >
              {LANGUAGES.map((code) => (
                <SingleSelectOption key={code} value={code}>
                  {languageName(t, code)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </FormField>
        </Grid.Item>
      </Grid.Root>
      <Box
        padding={3}
        background="neutral100"
        hasRadius
        borderColor="neutral200"
        borderStyle="solid"
        borderWidth="1px"
        style={{ minHeight: `calc(${last}px + 2 * 1.2rem + 2px)` }}
      >
        {/* A new frame for each address: changing a frame's src would add to the admin's history. */}
        <iframe
          key={shown}
          ref={frame}
          src={shown}
          title={frameTitle}
          data-testid="preview-frame"
          data-height={height ?? undefined}
          style={{
            display: 'block',
            width: '100%',
            height: height ?? START_HEIGHT,
            border: 0,
            background: 'transparent',
          }}
        />
      </Box>
    </Section>
  );
};
