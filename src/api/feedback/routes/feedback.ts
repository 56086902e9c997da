/**
 * The public side of feedback (PAKN). Staff work on feedback in the admin, never through these routes; there is
 * deliberately no generic REST access to the collection. Rate limits and size caps: global::intake-guard.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/feedbacks/form',
      handler: 'api::feedback.feedback.form',
      config: { auth: false },
    },
    { method: 'POST', path: '/feedbacks', handler: 'api::feedback.feedback.submit', config: { auth: false } },
    {
      method: 'GET',
      path: '/feedbacks/status/:trackingCode',
      handler: 'api::feedback.feedback.status',
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/feedbacks/answered',
      handler: 'api::feedback.feedback.answered',
      config: { auth: false },
    },
  ],
};
