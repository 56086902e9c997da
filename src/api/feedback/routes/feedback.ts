import { guarded } from '#utils/route-table';

/**
 * The public side of feedback (PAKN). Staff work on feedback in the admin, never through these routes; there is
 * deliberately no generic REST access to the collection. Rate limits and size caps: global::intake-guard.
 */
export default {
  routes: guarded(
    { auth: false },
    {
      'GET /feedbacks/form': 'api::feedback.feedback.form',
      'POST /feedbacks': 'api::feedback.feedback.submit',
      'GET /feedbacks/status/:trackingCode': 'api::feedback.feedback.status',
      'GET /feedbacks/answered': 'api::feedback.feedback.answered',
    }
  ),
};
