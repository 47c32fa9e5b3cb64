import { googleGeocodingTemplate } from './google-geocoding.template';
import { hubspotEnrichmentTemplate } from './hubspot-enrichment.template';
import { hunterCompanyTemplate } from './hunter-company.template';
import { hunterFindVerifyTemplate } from './hunter-find-verify.template';
import { nominatimGeocodingTemplate } from './nominatim-geocoding.template';
import { pdlPersonTemplate } from './pdl-person.template';
import type { TemplateDefinition } from './template-definition';
import { zerobounceValidationTemplate } from './zerobounce-validation.template';

/** Every template shipped with the app, in the order they are listed. */
export const CONNECTOR_TEMPLATES: readonly TemplateDefinition[] = [
  hubspotEnrichmentTemplate,
  zerobounceValidationTemplate,
  hunterCompanyTemplate,
  pdlPersonTemplate,
  hunterFindVerifyTemplate,
  nominatimGeocodingTemplate,
  googleGeocodingTemplate,
];
