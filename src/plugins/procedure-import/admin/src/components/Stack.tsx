import * as React from 'react';
import { Flex, Typography, type FlexProps } from '@strapi/design-system';

/** A column whose children take its full width: the pages' sections, a diff's lines. */
export const Stack = (props: FlexProps<'div' | 'ul' | 'li'>) => (
  <Flex direction="column" alignItems="stretch" {...props} />
);

/** A table cell's value over a smaller grey note; the note only when there is one. */
export const ValueOverNote = ({ value, note }: { value: React.ReactNode; note?: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography textColor="neutral800">{value}</Typography>
    {note ? (
      <Typography variant="pi" textColor="neutral600">
        {note}
      </Typography>
    ) : null}
  </Flex>
);
