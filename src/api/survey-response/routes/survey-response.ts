import { guarded } from '#utils/route-table';

/** Anonymous satisfaction ratings; there is deliberately no generic REST access to the responses. */
export default {
  routes: guarded(
    { auth: false },
    {
      'GET /survey-responses/form': 'api::survey-response.survey-response.form',
      'POST /survey-responses': 'api::survey-response.survey-response.submit',
      'GET /survey-responses/summary': 'api::survey-response.survey-response.summary',
    }
  ),
};
