/** The contact helpers live with the flow runtime in `@connectors/runner`; re-exported for the batch task. */
export { contactInputFields as contactFields, contactScope } from '@connectors/runner';
