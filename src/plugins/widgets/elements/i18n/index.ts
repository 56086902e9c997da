/**
 * Every message of the widgets, one file per widget and language: Vietnamese first, English second. A key missing
 * in English falls back to Vietnamese (core/i18n.ts); tests check that both have the same keys.
 */
import answeredEn from './answered-feedback.en.json';
import answeredVi from './answered-feedback.vi.json';
import coreEn from './core.en.json';
import coreVi from './core.vi.json';
import formEn from './feedback-form.en.json';
import formVi from './feedback-form.vi.json';
import statusEn from './feedback-status.en.json';
import statusVi from './feedback-status.vi.json';
import procedureEn from './procedure.en.json';
import procedureVi from './procedure.vi.json';
import searchEn from './procedure-search.en.json';
import searchVi from './procedure-search.vi.json';
import satisfactionEn from './satisfaction.en.json';
import satisfactionVi from './satisfaction.vi.json';

export const vi = {
  ...coreVi,
  ...statusVi,
  ...searchVi,
  ...procedureVi,
  ...formVi,
  ...answeredVi,
  ...satisfactionVi,
};

export const en: Record<string, string> = {
  ...coreEn,
  ...statusEn,
  ...searchEn,
  ...procedureEn,
  ...formEn,
  ...answeredEn,
  ...satisfactionEn,
};
