import article from '../../api/article/content-types/article/schema.json';
import submission from '../../plugins/unit-submissions/server/src/content-types/submission/schema.json';
import { ARTICLE_KINDS } from '../articles';
import { SUBMISSION_STATES } from '../submission-states';

describe('the shared enumerations', () => {
  it('are the content types’ enumerations, in their order', () => {
    expect(ARTICLE_KINDS).toEqual(article.attributes.kind.enum);
    expect(SUBMISSION_STATES).toEqual(submission.attributes.state.enum);
  });
});
