import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

interface CountItem {
  key: string;
  label: string;
  value: number;
}

/** A row of counts, each a number over its label; two to a line on a phone. */
export const Counts = ({ items, testId }: { items: CountItem[]; testId?: string }) => {
  const { formatNumber } = useIntl();
  return (
    <Flex gap={3} wrap="wrap" alignItems="stretch" data-testid={testId}>
      {items.map((item) => (
        <Box
          key={item.key}
          padding={4}
          background="neutral100"
          hasRadius
          style={{ flex: '1 1 140px' }}
          data-testid={`count-${item.key}`}
          data-count={item.value}
        >
          <Typography tag="p" variant="beta" textColor="neutral800">
            {formatNumber(item.value)}
          </Typography>
          <Typography tag="p" variant="pi" textColor="neutral600">
            {item.label}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
};
