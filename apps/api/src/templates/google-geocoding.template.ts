import { rows, TEMPLATE_RETRY, type TemplateDefinition } from './template-definition';

/**
 * Google Maps Geocoding API (`GET https://maps.googleapis.com/maps/api/geocode/json`), the key in the `key`
 * query parameter. Google answers 200 with `status: "ZERO_RESULTS"` when nothing matches, so the mapped
 * values are then null and the contact is left as it was.
 */
export const googleGeocodingTemplate: TemplateDefinition = {
  name: 'Google Maps Geocoding',
  description:
    'Geocodes a postal address with the Google Maps Geocoding API: latitude, longitude, formatted address and place id. Needs a Google Maps Platform API key (Geocoding API enabled) stored as the workspace credential "google_maps".',
  icon: '🗺️',
  category: 'location',
  input_schema: {
    fields: [
      {
        name: 'address',
        type: 'string',
        required: true,
        label: 'Address',
        description: 'e.g. 1600 Amphitheatre Parkway, Mountain View, CA',
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
          name: 'Geocode address',
          method: 'GET',
          url: 'https://maps.googleapis.com/maps/api/geocode/json',
          queryParams: rows({ address: '{{input.address}}' }),
          auth: { type: 'api-key', in: 'query', name: 'key', apiKey: '{{workspace.google_maps_token}}' },
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
            'metadata.longitude': '{{geocode.lng}}',
            'metadata.formatted_address': '{{geocode.formattedAddress}}',
            'metadata.google_place_id': '{{geocode.placeId}}',
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
          mapping: {
            lat: 'results[0].geometry.location.lat',
            lng: 'results[0].geometry.location.lng',
            formattedAddress: 'results[0].formatted_address',
            placeId: 'results[0].place_id',
          },
        },
      },
    ],
  },
};
