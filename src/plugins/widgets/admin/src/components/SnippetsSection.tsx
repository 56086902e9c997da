import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { WIDGETS, type WidgetName } from '#widgets/domain/catalogue';
import { Section } from '#admin/shared/Section';
import { exampleAttributes, iframeSnippet, optionalAttributes, scriptSnippet, type Lang } from '../form';
import { useT } from '../i18n';

const CODE: React.CSSProperties = {
  margin: 0,
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fontSize: '1.3rem',
  lineHeight: 1.6,
};

/** Copies text: the Clipboard API, or, where the page is not a secure context, the older command. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

/** One way of embedding: its name, what it suits, the code and its Copy button. */
const Snippet = ({
  title,
  description,
  code,
  testId,
}: {
  title: string;
  description: string;
  code: string;
  testId: string;
}) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const headingId = React.useId();
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid={testId}>
      <Flex justifyContent="space-between" alignItems="flex-start" gap={3} wrap="wrap">
        <Flex direction="column" alignItems="flex-start" gap={1} style={{ flex: '1 1 20rem' }}>
          <Typography id={headingId} tag="h3" variant="omega" fontWeight="bold">
            {title}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {description}
          </Typography>
        </Flex>
        <Button
          variant="secondary"
          startIcon={<Duplicate />}
          aria-label={t('snippets.copyLabel', 'Sao chép mã: {title}', { title })}
          data-testid={`${testId}-copy`}
          onClick={async () => {
            const copied = await copyText(code);
            toggleNotification(
              copied
                ? { type: 'success', message: t('snippets.copied', 'Đã sao chép mã nhúng.') }
                : {
                    type: 'warning',
                    message: t(
                      'snippets.copyFailed',
                      'Không sao chép được; hãy chọn đoạn mã và sao chép thủ công.'
                    ),
                  }
            );
          }}
        >
          {t('snippets.copy', 'Sao chép')}
        </Button>
      </Flex>
      <Box
        tag="pre"
        padding={4}
        background="neutral100"
        hasRadius
        borderColor="neutral200"
        borderStyle="solid"
        borderWidth="1px"
        aria-labelledby={headingId}
        style={CODE}
        data-testid={`${testId}-code`}
      >
        <code>{code}</code>
      </Box>
    </Flex>
  );
};

interface SnippetsSectionProps {
  widget: WidgetName;
  lang: Lang;
  /** Where the CMS serves the widgets. */
  origin: string;
}

/** The code a website pastes for the chosen widget, either way. */
export const SnippetsSection = ({ widget, lang, origin }: SnippetsSectionProps) => {
  const t = useT();
  const examples = Object.keys(exampleAttributes(widget));
  const optional = optionalAttributes(widget);
  return (
    <Section title={t('snippets.title', 'Mã nhúng')} testId="snippets">
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography tag="p" textColor="neutral700">
          {t(
            'snippets.intro',
            'Dán vào trang của một website được phép, nơi muốn hiện tiện ích “{title}”. Chỉ cần một trong hai cách.',
            { title: WIDGETS[widget].title[lang] }
          )}
        </Typography>
        {examples.length > 0 && (
          <Typography tag="p" variant="pi" textColor="neutral600" data-testid="snippets-examples">
            {t(
              'snippets.examples',
              'Giá trị của {names} trong mã chỉ là ví dụ: hãy thay bằng giá trị thật.',
              { names: examples.join(', ') }
            )}
          </Typography>
        )}
        {optional.length > 0 && (
          <Typography tag="p" variant="pi" textColor="neutral600" data-testid="snippets-optional">
            {t('snippets.optional', 'Thuộc tính tùy chọn: {names}.', { names: optional.join(', ') })}
          </Typography>
        )}
      </Flex>
      <Snippet
        title={t('snippets.script', 'Cách 1: thẻ tiện ích (khuyên dùng)')}
        description={t(
          'snippets.scriptHint',
          'Tiện ích nằm ngay trong trang và tự co giãn theo trang. Thẻ script chỉ cần đặt một lần cho mỗi trang, dù trang có nhiều tiện ích.'
        )}
        code={scriptSnippet(origin, widget, lang)}
        testId="snippet-script"
      />
      <Snippet
        title={t('snippets.iframe', 'Cách 2: iframe')}
        description={t(
          'snippets.iframeHint',
          'Cho website chỉ cho phép dán iframe. Tiện ích ở trên trang riêng của hệ thống; frame.js chỉnh chiều cao khung cho vừa nội dung.'
        )}
        code={iframeSnippet(origin, widget, lang)}
        testId="snippet-iframe"
      />
    </Section>
  );
};
