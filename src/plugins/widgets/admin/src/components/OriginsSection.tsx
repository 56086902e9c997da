import * as React from 'react';
import { Box, Button, Field, Flex, Grid, IconButton, TextInput, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { Section } from '#admin/shared/Section';
import { newRow, rowField, type OriginRow } from '../form';
import { useT } from '../i18n';

interface OriginsSectionProps {
  rows: OriginRow[];
  onChange: (rows: OriginRow[]) => void;
  /** The form's errors: `allowedOrigins` for the list, `origin.<key>` for a row. */
  errors: Record<string, string>;
  clearError: (field: string) => void;
  /** WIDGET_ALLOWED_ORIGINS, read only. */
  environmentOrigins: string[];
}

/** The websites allowed to use the widgets, one per row, beside those of the server's configuration. */
export const OriginsSection = ({
  rows,
  onChange,
  errors,
  clearError,
  environmentOrigins,
}: OriginsSectionProps) => {
  const t = useT();
  const listId = React.useId();
  const inputs = React.useRef(new Map<number, HTMLInputElement>());
  const [focusKey, setFocusKey] = React.useState<number | null>(null);

  // A new row gets the focus, where the user goes on typing.
  React.useEffect(() => {
    if (focusKey === null) return;
    inputs.current.get(focusKey)?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a one-shot request, done once the row is there
    setFocusKey(null);
  }, [focusKey]);

  const add = () => {
    const row = newRow();
    onChange([...rows, row]);
    setFocusKey(row.key);
    clearError('allowedOrigins');
  };

  const remove = (key: number) => {
    onChange(rows.filter((row) => row.key !== key));
    clearError(rowField(key));
    clearError('allowedOrigins');
  };

  return (
    <Section title={t('origins.title', 'Website được phép')} testId="origins">
      <Typography tag="p" textColor="neutral700">
        {t(
          'origins.intro',
          'Trình duyệt chỉ cho các trang của những website dưới đây dùng tiện ích (gọi dữ liệu và hiển thị trong iframe); trang của website khác sẽ bị từ chối. Máy chủ gọi API trực tiếp không bị ảnh hưởng.'
        )}
      </Typography>
      <Grid.Root gap={6}>
        <Grid.Item col={7} m={12} xs={12} direction="column" alignItems="stretch">
          <Flex
            direction="column"
            alignItems="stretch"
            gap={3}
            role="group"
            aria-labelledby={listId}
            data-testid="origins-list"
          >
            <Typography id={listId} variant="pi" fontWeight="bold" textColor="neutral800">
              {t('origins.list', 'Khai báo tại đây')}
            </Typography>
            {rows.length === 0 && (
              <Box padding={4} background="neutral100" hasRadius data-testid="origins-empty">
                <Typography textColor="neutral600">
                  {t(
                    'origins.empty',
                    'Chưa có website nào. Chỉ các website trong cấu hình máy chủ (nếu có) dùng được tiện ích.'
                  )}
                </Typography>
              </Box>
            )}
            {rows.map((row, index) => {
              const label = t('origins.row', 'Website {number}', { number: index + 1 });
              return (
                <Field.Root
                  key={row.key}
                  name={`allowedOrigins.${index}`}
                  error={errors[rowField(row.key)]}
                  data-testid="origin-row"
                >
                  <Flex gap={2} alignItems="center">
                    <Box flex="1" minWidth={0}>
                      <TextInput
                        ref={(node: HTMLInputElement | null) => {
                          if (node) inputs.current.set(row.key, node);
                          else inputs.current.delete(row.key);
                        }}
                        aria-label={label}
                        value={row.value}
                        placeholder="https://cong.example.gov.vn"
                        inputMode="url"
                        autoComplete="off"
                        spellCheck={false}
                        maxLength={300}
                        data-testid="origin-input"
                        onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
                          const value = event.target.value;
                          onChange(
                            rows.map((other) => (other.key === row.key ? { ...other, value } : other))
                          );
                          clearError(rowField(row.key));
                        }}
                      />
                    </Box>
                    <IconButton
                      label={
                        row.value.trim()
                          ? t('origins.remove', 'Xóa {origin}', { origin: row.value.trim() })
                          : t('origins.removeRow', 'Xóa dòng {number}', { number: index + 1 })
                      }
                      variant="tertiary"
                      onClick={() => remove(row.key)}
                      data-testid="origin-remove"
                    >
                      <Trash />
                    </IconButton>
                  </Flex>
                  <Field.Error />
                </Field.Root>
              );
            })}
            {errors.allowedOrigins && (
              <Typography role="alert" variant="pi" textColor="danger600" data-testid="origins-error">
                {errors.allowedOrigins}
              </Typography>
            )}
            <Typography variant="pi" textColor="neutral600">
              {t(
                'origins.hint',
                'Mỗi dòng một địa chỉ: giao thức và tên miền, kèm cổng nếu không phải cổng mặc định, không có đường dẫn. Ví dụ: https://cong.example.gov.vn.'
              )}
            </Typography>
            <Box>
              <Button variant="secondary" startIcon={<Plus />} onClick={add} data-testid="origin-add">
                {t('origins.add', 'Thêm website')}
              </Button>
            </Box>
          </Flex>
        </Grid.Item>
        <Grid.Item col={5} m={12} xs={12} direction="column" alignItems="stretch">
          <Box padding={4} background="neutral100" hasRadius data-testid="origins-environment">
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Typography variant="pi" fontWeight="bold" textColor="neutral800">
                {t('origins.environment', 'Theo cấu hình máy chủ')}
              </Typography>
              {environmentOrigins.length === 0 ? (
                <Typography textColor="neutral600">{t('origins.environmentNone', 'Không có.')}</Typography>
              ) : (
                <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
                  {environmentOrigins.map((origin) => (
                    <li key={origin}>
                      <Typography textColor="neutral800" style={{ overflowWrap: 'anywhere' }}>
                        {origin}
                      </Typography>
                    </li>
                  ))}
                </Box>
              )}
              <Typography variant="pi" textColor="neutral600">
                {t(
                  'origins.environmentHint',
                  'Đặt bằng biến môi trường WIDGET_ALLOWED_ORIGINS, chỉ sửa được trên máy chủ. Các website này cũng được phép.'
                )}
              </Typography>
            </Flex>
          </Box>
        </Grid.Item>
      </Grid.Root>
    </Section>
  );
};
