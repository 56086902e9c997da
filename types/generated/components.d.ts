import type { Schema, Struct } from '@strapi/strapi';

export interface CampaignAudience extends Struct.ComponentSchema {
  collectionName: 'components_campaign_audience';
  info: {
    description: '';
    displayName: '\u0110\u1ED1i t\u01B0\u1EE3ng tuy\u00EAn truy\u1EC1n';
  };
  attributes: {
    audience: Schema.Attribute.Enumeration<['officials_employees', 'citizens_businesses']> &
      Schema.Attribute.Required;
  };
}

export interface CampaignChannelTarget extends Struct.ComponentSchema {
  collectionName: 'components_campaign_channel_target';
  info: {
    description: 'A target channel and how many pieces the campaign aims to publish there';
    displayName: 'K\u00EAnh truy\u1EC1n th\u00F4ng';
  };
  attributes: {
    channel: Schema.Attribute.Enumeration<['website', 'press', 'television', 'radio', 'social_media']> &
      Schema.Attribute.Required;
    target: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100000;
          min: 0;
        },
        number
      >;
  };
}

export interface FeedbackConsent extends Struct.ComponentSchema {
  collectionName: 'components_feedback_consent';
  info: {
    description: 'What the submitter agreed to, per purpose, and under which notice (Decree 13/2023 Art. 11)';
    displayName: '\u0110\u1ED3ng \u00FD x\u1EED l\u00FD d\u1EEF li\u1EC7u';
  };
  attributes: {
    consentedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    noticeVersion: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 32;
      }>;
    processing: Schema.Attribute.Boolean & Schema.Attribute.Required & Schema.Attribute.DefaultTo<false>;
    publishAnswer: Schema.Attribute.Boolean & Schema.Attribute.Required & Schema.Attribute.DefaultTo<false>;
  };
}

export interface OrganizationFeedbackDeadlines extends Struct.ComponentSchema {
  collectionName: 'components_organization_feedback_deadlines';
  info: {
    description: "Working days from receipt: classify, transfer outside the department's competence (Decree 20/2008 Art. 9: at most 5), answer, publish";
    displayName: 'Th\u1EDDi h\u1EA1n x\u1EED l\u00FD ph\u1EA3n \u00E1nh (ng\u00E0y l\u00E0m vi\u1EC7c)';
  };
  attributes: {
    classificationDays: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 60;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<3>;
    handlingDays: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 120;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<15>;
    publicationDays: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 60;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<5>;
    transferDays: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 60;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<5>;
  };
}

export interface OrganizationPrivacyNotice extends Struct.ComponentSchema {
  collectionName: 'components_organization_privacy_notice';
  info: {
    description: 'Shown before a citizen submits personal data (Decree 13/2023 Art. 11 and 13)';
    displayName: 'Th\u00F4ng b\u00E1o x\u1EED l\u00FD d\u1EEF li\u1EC7u c\u00E1 nh\u00E2n';
  };
  attributes: {
    contact: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    dataKept: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    purpose: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    retention: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    version: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 32;
      }>;
  };
}

export interface OrganizationProfile extends Struct.ComponentSchema {
  collectionName: 'components_organization_profile';
  info: {
    description: 'Names, abbreviation, signer and feedback contacts in force from a date on';
    displayName: 'Th\u00F4ng tin theo th\u1EDDi k\u1EF3';
  };
  attributes: {
    abbreviation: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 32;
      }>;
    directorName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    directorTitle: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    feedbackAddress: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    feedbackEmail: Schema.Attribute.Email &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 254;
      }>;
    feedbackHotline: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 32;
      }>;
    issuingBody: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    issuingBodyInText: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    placeName: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    reportRecipients: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    superiorBody: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    validFrom: Schema.Attribute.Date & Schema.Attribute.Required;
    website: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
  };
}

export interface PlanBasis extends Struct.ComponentSchema {
  collectionName: 'components_plan_basis';
  info: {
    description: "A 'C\u0103n c\u1EE9 \u2026' line of the plan, linked to the cited document";
    displayName: 'C\u0103n c\u1EE9';
  };
  attributes: {
    legalDocument: Schema.Attribute.Relation<'oneToOne', 'api::legal-document.legal-document'>;
    text: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

export interface PlanSection extends Struct.ComponentSchema {
  collectionName: 'components_plan_section';
  info: {
    description: "A numbered part of the plan's text (purposes, requirements, content, organisation)";
    displayName: 'M\u1EE5c';
  };
  attributes: {
    body: Schema.Attribute.Blocks;
    heading: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
  };
}

export interface ProcedureChannel extends Struct.ComponentSchema {
  collectionName: 'components_procedure_channel';
  info: {
    description: 'One row per way of submitting: its processing time and fees';
    displayName: 'C\u00E1ch th\u1EE9c th\u1EF1c hi\u1EC7n';
  };
  attributes: {
    channel: Schema.Attribute.Enumeration<['in_person', 'online', 'postal']> & Schema.Attribute.Required;
    description: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    fee: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    feeAmount: Schema.Attribute.BigInteger &
      Schema.Attribute.SetMinMax<
        {
          min: '0';
        },
        string
      >;
    processingDays: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 3650;
          min: 0;
        },
        number
      >;
    processingTime: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
  };
}

export interface ProcedureDossierItem extends Struct.ComponentSchema {
  collectionName: 'components_procedure_dossier_item';
  info: {
    description: 'A document of the dossier, grouped by case';
    displayName: 'Th\u00E0nh ph\u1EA7n h\u1ED3 s\u01A1';
  };
  attributes: {
    caseGroup: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    copies: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    formTemplate: Schema.Attribute.Media<'files'>;
    formTemplateName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    name: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    originals: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
  };
}

export interface ProcedureLevel extends Struct.ComponentSchema {
  collectionName: 'components_procedure_level';
  info: {
    description: 'Ministry, province or commune; district is kept for records before the 2025 two-tier reform';
    displayName: 'C\u1EA5p th\u1EF1c hi\u1EC7n';
  };
  attributes: {
    level: Schema.Attribute.Enumeration<['ministry', 'province', 'commune', 'district']> &
      Schema.Attribute.Required;
  };
}

export interface ProcedureStep extends Struct.ComponentSchema {
  collectionName: 'components_procedure_step';
  info: {
    description: '';
    displayName: 'B\u01B0\u1EDBc th\u1EF1c hi\u1EC7n';
  };
  attributes: {
    description: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 4000;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'campaign.audience': CampaignAudience;
      'campaign.channel-target': CampaignChannelTarget;
      'feedback.consent': FeedbackConsent;
      'organization.feedback-deadlines': OrganizationFeedbackDeadlines;
      'organization.privacy-notice': OrganizationPrivacyNotice;
      'organization.profile': OrganizationProfile;
      'plan.basis': PlanBasis;
      'plan.section': PlanSection;
      'procedure.channel': ProcedureChannel;
      'procedure.dossier-item': ProcedureDossierItem;
      'procedure.level': ProcedureLevel;
      'procedure.step': ProcedureStep;
    }
  }
}
