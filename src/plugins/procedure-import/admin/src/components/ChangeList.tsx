import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { FieldChange } from '#domain/procedure-import';
import type { ChannelRow, DossierItem, LegalBasis } from '#domain/procedure-fields';
import { PRE } from '#admin/shared/common';
import { channelChange, partDiff, type ItemDiff, type PartDiff } from '../diff';
import { useT, type Translate } from '../i18n';
import { Stack } from './Stack';
import { CHANNEL_LABELS, FIELD_LABELS, labelOf, levelsText, ONLINE_LEVEL_LABELS } from '../labels';

type Tone = 'removed' | 'added' | 'changed';

const TONES = {
  removed: { background: 'danger100', color: 'danger700' },
  added: { background: 'success100', color: 'success700' },
  changed: { background: 'warning100', color: 'warning700' },
} as const satisfies Record<Tone, { background: string; color: string }>;

/** One line of a diff: its tag ("Trước", "Thêm"…) then the text, coloured by what happened to it. */
const Line = ({ tone, tag, children }: { tone: Tone; tag: string; children: React.ReactNode }) => (
  <Flex
    gap={2}
    alignItems="flex-start"
    padding={2}
    hasRadius
    background={TONES[tone].background}
    data-tone={tone}
  >
    <Typography variant="sigma" textColor={TONES[tone].color} style={{ flexShrink: 0, minWidth: '4.5em' }}>
      {tag}
    </Typography>
    <Typography textColor="neutral800" style={PRE}>
      {children}
    </Typography>
  </Flex>
);

/** A value as the diff shows it: levels and online levels by their labels, an empty value as "(trống)". */
function valueText(t: Translate, change: FieldChange, value: unknown): string {
  const empty = t('diff.empty', '(trống)');
  if (change.field === 'levels') return (value as string[]).length ? levelsText(t, value as string[]) : empty;
  if (change.field === 'onlineLevel') return value ? labelOf(t, ONLINE_LEVEL_LABELS, String(value)) : empty;
  return typeof value === 'string' && value.trim() ? value : empty;
}

const stepText = (step: string) => step;

const dossierText = (t: Translate, item: DossierItem) =>
  [
    item.caseGroup ? `${item.caseGroup}: ` : '',
    t('diff.dossierItem', '{name} ({originals} bản chính, {copies} bản sao)', {
      name: item.name,
      originals: item.originals,
      copies: item.copies,
    }),
    item.formTemplateName ? ` · ${t('diff.form', 'mẫu {form}', { form: item.formTemplateName })}` : '',
  ].join('');

const legalBasisText = (basis: LegalBasis) => [basis.symbol, basis.title].filter(Boolean).join(' — ');

const channelText = (t: Translate, row: ChannelRow) =>
  [
    labelOf(t, CHANNEL_LABELS, row.channel),
    row.processingTime,
    row.fee.split(/\r?\n/).filter(Boolean).join('; '),
  ]
    .filter(Boolean)
    .join(' · ');

/** A channel whose time, fees or description changed: each difference, fees line by line. */
const ChannelChangeLines = ({ before, after }: { before: ChannelRow; after: ChannelRow }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const { processingTime, processingDays, description, feeAmount, fee } = channelChange(before, after);
  const empty = t('diff.empty', '(trống)');
  const text = (value: string) => value || empty;
  const money = (value: number | null) =>
    value === null ? empty : t('diff.money', '{amount} đồng', { amount: formatNumber(value) });
  return (
    <Stack gap={1} data-testid="diff-channel" data-channel={after.channel}>
      <Typography fontWeight="semiBold" textColor="neutral800">
        {labelOf(t, CHANNEL_LABELS, after.channel)}
      </Typography>
      {processingTime && (
        <Line tone="changed" tag={t('diff.tag.time', 'Thời hạn')}>
          {`${text(processingTime.before)} → ${text(processingTime.after)}`}
        </Line>
      )}
      {/* The days are read from the time: said apart only when the text stayed the same. */}
      {!processingTime && processingDays && (
        <Line tone="changed" tag={t('diff.tag.days', 'Số ngày')}>
          {`${processingDays.before ?? empty} → ${processingDays.after ?? empty}`}
        </Line>
      )}
      {fee.removed.map((line, index) => (
        <Line key={`r${index}`} tone="removed" tag={t('diff.tag.feeRemoved', 'Phí cũ')}>
          {line}
        </Line>
      ))}
      {fee.added.map((line, index) => (
        <Line key={`a${index}`} tone="added" tag={t('diff.tag.feeAdded', 'Phí mới')}>
          {line}
        </Line>
      ))}
      {feeAmount && (
        <Line tone="changed" tag={t('diff.tag.feeAmount', 'Mức phí')}>
          {`${money(feeAmount.before)} → ${money(feeAmount.after)}`}
        </Line>
      )}
      {description && (
        <Line tone="changed" tag={t('diff.tag.description', 'Mô tả')}>
          {`${text(description.before)} → ${text(description.after)}`}
        </Line>
      )}
    </Stack>
  );
};

/** The items of a part that went, came or changed, and how many stayed. */
function ItemLines<T>({
  items,
  text,
  changed,
}: {
  items: ItemDiff<T>;
  text: (item: T) => string;
  changed?: (pair: { before: T; after: T }, index: number) => React.ReactNode;
}) {
  const t = useT();
  return (
    <>
      {items.removed.map((item, index) => (
        <Line key={`r${index}`} tone="removed" tag={t('diff.tag.removed', 'Bỏ')}>
          {text(item)}
        </Line>
      ))}
      {items.added.map((item, index) => (
        <Line key={`a${index}`} tone="added" tag={t('diff.tag.added', 'Thêm')}>
          {text(item)}
        </Line>
      ))}
      {items.changed.map((pair, index) =>
        changed ? (
          changed(pair, index)
        ) : (
          <Line key={`c${index}`} tone="changed" tag={t('diff.tag.changed', 'Sửa')}>
            {`${text(pair.before)} → ${text(pair.after)}`}
          </Line>
        )
      )}
      {items.kept > 0 && (
        <Typography variant="pi" textColor="neutral600">
          {t('diff.kept', '{count, plural, other {# mục không đổi}}', { count: items.kept })}
        </Typography>
      )}
    </>
  );
}

const PartLines = ({ diff }: { diff: PartDiff }) => {
  const t = useT();
  switch (diff.field) {
    case 'steps':
      return <ItemLines items={diff.items} text={stepText} />;
    case 'dossier':
      return <ItemLines items={diff.items} text={(item) => dossierText(t, item)} />;
    case 'legalBases':
      return <ItemLines items={diff.items} text={legalBasisText} />;
    case 'channels':
      return (
        <ItemLines
          items={diff.items}
          text={(row) => channelText(t, row)}
          changed={(pair, index) => <ChannelChangeLines key={`c${index}`} {...pair} />}
        />
      );
  }
};

/** A row's field-by-field diff against the catalogue's current version. */
export const ChangeList = ({ changes }: { changes: FieldChange[] }) => {
  const t = useT();
  return (
    <Stack tag="ul" gap={3} data-testid="row-diff">
      {changes.map((change) => {
        const part = partDiff(change);
        return (
          <Stack tag="li" key={change.field} gap={1} data-testid="row-diff-field" data-field={change.field}>
            <Typography variant="sigma" textColor="neutral600">
              {labelOf(t, FIELD_LABELS, change.field)}
            </Typography>
            {part ? (
              <PartLines diff={part} />
            ) : (
              <>
                <Line tone="removed" tag={t('diff.tag.before', 'Trước')}>
                  {valueText(t, change, change.before)}
                </Line>
                <Line tone="added" tag={t('diff.tag.after', 'Sau')}>
                  {valueText(t, change, change.after)}
                </Line>
              </>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
};
