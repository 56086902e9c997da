/** What a published answer shows the public: the Office's edited texts or the stored ones, personal data removed. */
import { redactPersonalData, type Submitter } from './redaction';

export interface FeedbackTexts extends Submitter {
  subject: string;
  content: string;
  answer: string | null;
}

export interface EditedTexts {
  publicSubject?: string | null;
  publicContent?: string | null;
  publicAnswer?: string | null;
}

/** The texts to publish; redacted whether the Office edited them or not. */
export function publicTexts(feedback: FeedbackTexts, edited: EditedTexts) {
  const redact = (text: string | null) => (text ? redactPersonalData(text, feedback) : null);
  return {
    publicSubject: redact(edited.publicSubject ?? feedback.subject),
    publicContent: redact(edited.publicContent ?? feedback.content),
    publicAnswer: redact(edited.publicAnswer ?? feedback.answer),
  };
}
