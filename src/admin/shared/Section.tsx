import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

interface SectionProps {
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
  testId?: string;
}

/** A white card with a heading, as in Strapi's own edit views. */
export const Section = ({ title, children, action, testId }: SectionProps) => {
  const headingId = React.useId();
  return (
    <Box
      tag="section"
      aria-labelledby={headingId}
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      paddingTop={6}
      paddingBottom={6}
      paddingLeft={7}
      paddingRight={7}
      data-testid={testId}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" gap={2}>
          <Typography id={headingId} tag="h2" variant="delta">
            {title}
          </Typography>
          {action}
        </Flex>
        {children}
      </Flex>
    </Box>
  );
};
