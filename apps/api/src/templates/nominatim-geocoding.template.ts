import { rows, TEMPLATE_RETRY, type TemplateDefinition } from './template-definition';

/**
 * OpenStreetMap Nominatim search (`GET https://nominatim.openstreetmap.org/search`). No key, but the usage
 * policy requires an identifying User-Agent and at most one request per second.
 */
export const nominatimGeocodingTemplate: TemplateDefinition = {
  name: 'OpenStreetMap Address Geocoding',
  description:
    "Turns a postal address into latitude, longitude and a normalized address with OpenStreetMap Nominatim. No API key needed; replace the contact e-mail in the User-Agent header with yours, as Nominatim's usage policy asks (max. 1 request per second).",
  icon: '📍',
  category: 'location',
  input_schema: {
    fields: [
      {
        name: 'address',
        type: 'string',
        required: true,
        label: 'Address',
        description: 'e.g. 10 Downing Street, London',
      },
    ],
  },
  config: {
    version: 1,
    nodes: [
      {
        id: 'geocode',
        type: 'http',
        position: { x: 0, y: 0 },
        data: {
          name: 'Search address',
          method: 'GET',
          url: 'https://nominatim.openstreetmap.org/search',
          queryParams: rows({ q: '{{input.address}}', format: 'jsonv2', limit: '1', addressdetails: '1' }),
          headers: rows({
            'User-Agent': 'Connectors-CRM/1.0 (contact: you@example.com)',
            'Accept-Language': 'en',
          }),
          auth: { type: 'none' },
          retry: TEMPLATE_RETRY,
        },
      },
      {
        id: 'output',
        type: 'output',
        position: { x: 0, y: 150 },
        data: {
          name: 'Update contact',
          fieldMappings: {
            'metadata.latitude': '{{geocode.lat}}',
            'metadata.longitude': '{{geocode.lon}}',
            'metadata.formatted_address': '{{geocode.displayName}}',
            'metadata.country_code': '{{geocode.countryCode}}',
          },
        },
      },
    ],
    edges: [
      {
        id: 'e1',
        source: 'geocode',
        target: 'output',
        data: {
          // The response is a list of matches; `limit=1` keeps the best one.
          mapping: {
            lat: '$number($[0].lat)',
            lon: '$number($[0].lon)',
            displayName: '$[0].display_name',
            countryCode: '$uppercase($[0].address.country_code)',
          },
        },
      },
    ],
  },
};
