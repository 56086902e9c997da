import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { tm, useT, type Message } from '../i18n';

/**
 * A row of counts, each a number over its label, in the labels' order (a count left undefined is not shown); two to
 * a line on a phone.
 */
export function Counts<K extends string>({
  labels,
  values,
  testId,
}: {
  labels: Record<K, Message>;
  values: Partial<Record<K, number>>;
  testId?: string;
}) {
  const t = useT();
  const { formatNumber } = useIntl();
  const keys = (Object.keys(labels) as K[]).filter((key) => values[key] !== undefined);
  return (
    <Flex gap={3} wrap="wrap" alignItems="stretch" data-testid={testId}>
      {keys.map((key) => (
        <Box
          key={key}
          padding={4}
          background="neutral100"
          hasRadius
          style={{ flex: '1 1 140px' }}
          data-testid={`count-${key}`}
          data-count={values[key]}
        >
          <Typography tag="p" variant="beta" textColor="neutral800">
            {formatNumber(values[key] ?? 0)}
          </Typography>
          <Typography tag="p" variant="pi" textColor="neutral600">
            {tm(t, labels[key])}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
}
