import * as React from 'react';
import { Button, Grid, NumberInput, TextInput, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import type { ThemeKey } from '#widgets/domain/theme';
import { Section } from '#admin/shared/Section';
import { FormField } from '#admin/shared/kit';
import { COLOUR_FIELDS, DEFAULT_THEME, pickerColour, type ColourField, type FormValues } from '../form';
import { useT, type Translate } from '../i18n';

type ThemeValues = FormValues['theme'];

interface ThemeSectionProps {
  theme: ThemeValues;
  onChange: (key: ThemeKey, value: string) => void;
  /** Empties every value: the defaults, once saved. */
  onRestore: () => void;
  /** The form's errors, `theme.<key>` for a field. */
  errors: Record<string, string>;
}

const colourLabel = (t: Translate, key: ColourField) =>
  ({
    primary: t('theme.primary', 'Màu chủ đạo'),
    text: t('theme.text', 'Màu chữ'),
    background: t('theme.background', 'Màu nền'),
  })[key];

const colourHint = (t: Translate, key: ColourField) =>
  ({
    primary: t(
      'theme.primaryHint',
      'Nút, liên kết và điểm nhấn. Chữ trên nút màu trắng, nên chọn màu đậm. Để trống: {value}.',
      {
        value: DEFAULT_THEME.primary,
      }
    ),
    text: t('theme.textHint', 'Để trống: {value}.', { value: DEFAULT_THEME.text }),
    background: t('theme.backgroundHint', 'Để trống: {value} (trắng).', { value: DEFAULT_THEME.background }),
  })[key];

const SWATCH: React.CSSProperties = {
  inlineSize: 28,
  blockSize: 28,
  padding: 0,
  border: '1px solid #8e8ea9',
  borderRadius: 4,
  background: 'none',
  cursor: 'pointer',
  flex: 'none',
};

/** A colour: the browser's colour picker and the hex text, kept together. */
const ColourField = ({
  name,
  value,
  onChange,
  error,
}: {
  name: ColourField;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) => {
  const t = useT();
  const label = colourLabel(t, name);
  return (
    <FormField name={`theme.${name}`} label={label} hint={colourHint(t, name)} error={error}>
      <TextInput
        value={value}
        placeholder={DEFAULT_THEME[name]}
        maxLength={7}
        autoComplete="off"
        spellCheck={false}
        data-testid={`theme-${name}`}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        startAction={
          <input
            type="color"
            aria-label={t('theme.picker', 'Bảng màu: {label}', { label })}
            value={pickerColour(name, value)}
            onChange={(event) => onChange(event.target.value)}
            style={SWATCH}
            data-testid={`theme-${name}-picker`}
          />
        }
      />
    </FormField>
  );
};

/** The widgets' look on every website: three colours, the font and the corner radius; empty is the default. */
export const ThemeSection = ({ theme, onChange, onRestore, errors }: ThemeSectionProps) => {
  const t = useT();
  const untouched = Object.values(theme).every((value) => value.trim() === '');
  return (
    <Section
      title={t('theme.title', 'Giao diện')}
      testId="theme"
      action={
        <Button
          variant="tertiary"
          startIcon={<ArrowClockwise />}
          onClick={onRestore}
          disabled={untouched}
          data-testid="theme-restore"
        >
          {t('theme.restore', 'Khôi phục mặc định')}
        </Button>
      }
    >
      <Typography tag="p" textColor="neutral700">
        {t(
          'theme.intro',
          'Áp dụng cho mọi tiện ích trên mọi website. Ô để trống dùng giá trị mặc định; website vẫn có thể tự đặt lại bằng biến CSS.'
        )}
      </Typography>
      <Grid.Root gap={5}>
        {COLOUR_FIELDS.map((key) => (
          <Grid.Item key={key} col={4} m={6} xs={12} direction="column" alignItems="stretch">
            <ColourField
              name={key}
              value={theme[key]}
              onChange={(value) => onChange(key, value)}
              error={errors[`theme.${key}`]}
            />
          </Grid.Item>
        ))}
        <Grid.Item col={8} m={12} xs={12} direction="column" alignItems="stretch">
          <FormField
            name="theme.font"
            label={t('theme.font', 'Phông chữ')}
            hint={t(
              'theme.fontHint',
              'Tên phông, cách nhau bởi dấu phẩy, ví dụ: Roboto, Arial, sans-serif. Để trống: phông hệ thống. Bản xem trước dùng phông đầu tiên.'
            )}
            error={errors['theme.font']}
          >
            <TextInput
              value={theme.font}
              placeholder="Roboto, Arial, sans-serif"
              maxLength={120}
              autoComplete="off"
              data-testid="theme-font"
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange('font', event.target.value)}
            />
          </FormField>
        </Grid.Item>
        <Grid.Item col={4} m={6} xs={12} direction="column" alignItems="stretch">
          <FormField
            name="theme.radius"
            label={t('theme.radius', 'Bo góc (px)')}
            hint={t('theme.radiusHint', 'Từ 0 đến 32. Để trống: {value}.', { value: DEFAULT_THEME.radius })}
            error={errors['theme.radius']}
          >
            <NumberInput
              value={theme.radius === '' ? undefined : Number(theme.radius)}
              placeholder={DEFAULT_THEME.radius}
              step={1}
              min={0}
              max={32}
              data-testid="theme-radius"
              onValueChange={(value) => onChange('radius', value === undefined ? '' : String(value))}
            />
          </FormField>
        </Grid.Item>
      </Grid.Root>
    </Section>
  );
};
