/** Anonymous satisfaction ratings; there is deliberately no generic REST access to the responses. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/survey-responses/form',
      handler: 'api::survey-response.survey-response.form',
      config: { auth: false },
    },
    {
      method: 'POST',
      path: '/survey-responses',
      handler: 'api::survey-response.survey-response.submit',
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/survey-responses/summary',
      handler: 'api::survey-response.survey-response.summary',
      config: { auth: false },
    },
  ],
};
