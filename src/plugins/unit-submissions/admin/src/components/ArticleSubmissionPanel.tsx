import * as React from 'react';
import { Flex, Link, Typography } from '@strapi/design-system';
import { ArrowRight } from '@strapi/icons';
import { NavLink } from 'react-router-dom';
import { PLUGIN_ID } from '#unit-submissions/permissions';
import { problemOf, useApi, type ArticleSubmission } from '../api';
import { useT } from '../i18n';
import { StateBadge } from './StateBadge';

const ARTICLE_UID = 'api::article.article';

/** What the Content Manager gives an edit-view side panel (a subset of its `PanelComponentProps`). */
interface PanelProps {
  model: string;
  documentId?: string;
  document?: { publishedAt?: string | null; updatedAt?: string | null; status?: string };
}

interface PanelDescription {
  title: string;
  content: React.ReactNode;
}

/**
 * Content Manager side panel of an article: the unit's submission it was made from. Rendered like a component
 * (it may use hooks); returns null for other models, new articles, and articles made without a submission.
 */
export const ArticleSubmissionPanel = ({
  model,
  documentId,
  document,
}: PanelProps): PanelDescription | null => {
  const t = useT();
  const api = useApi();
  const [submission, setSubmission] = React.useState<ArticleSubmission | null>(null);
  const isArticle = model === ARTICLE_UID && Boolean(documentId) && documentId !== 'create';

  // The Content Manager refetches the document after publish or unpublish: so does the panel, which then shows the
  // submission's new state without a reload.
  const version = [document?.status, document?.publishedAt, document?.updatedAt].join('|');

  React.useEffect(() => {
    setSubmission(null);
  }, [documentId]);

  React.useEffect(() => {
    if (!isArticle || !documentId) return;
    let active = true;
    api.getArticleSubmission(documentId).then(
      (found) => active && setSubmission(found),
      (error: unknown) => {
        // The panel is a courtesy: a user without access to the plugin simply does not see it.
        if (active && !problemOf(error).aborted) setSubmission(null);
      }
    );
    return () => {
      active = false;
    };
  }, [api, isArticle, documentId, version]);

  if (!isArticle || !submission) return null;

  return {
    title: t('panel.title', 'Tin bài đơn vị gửi'),
    content: (
      <Flex
        direction="column"
        alignItems="stretch"
        gap={2}
        width="100%"
        data-testid="article-submission-panel"
      >
        <Typography fontWeight="bold">{submission.title}</Typography>
        {submission.unit && (
          <Typography variant="pi" textColor="neutral600">
            {t('panel.unit', 'Đơn vị gửi: {name}', { name: submission.unit.name })}
          </Typography>
        )}
        <Flex>
          <StateBadge state={submission.state} />
        </Flex>
        <Link
          tag={NavLink}
          to={`/plugins/${PLUGIN_ID}/submissions/${submission.documentId}`}
          endIcon={<ArrowRight />}
        >
          {t('panel.open', 'Mở tin bài đơn vị gửi')}
        </Link>
      </Flex>
    ),
  };
};
