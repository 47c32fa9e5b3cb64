/**
 * Every problem code `validateGraph`, `parseGraph` and the seed conversion produce, for clients that
 * switch on them. Warnings are marked; everything else is an error.
 */
export const PROBLEM_CODES = [
  // limits
  'too_many_nodes',
  'expression_too_long',
  // ids
  'duplicate_node_id',
  'duplicate_edge_id',
  'invalid_node_id',
  'reserved_node_id',
  // structure
  'node_type_not_allowed',
  'multiple_outputs',
  'missing_trigger',
  'multiple_triggers',
  // edges
  'unknown_edge_source',
  'unknown_edge_target',
  'self_loop',
  'unknown_source_handle',
  'missing_source_handle',
  'duplicate_edge',
  'edge_into_trigger',
  'target_accepts_no_input',
  'cycle',
  'isolated_node',
  'unreachable_from_trigger',
  // references
  'unknown_input',
  'secret_not_in_scope',
  'self_reference',
  'missing_edge',
  'value_not_carried',
  'unknown_reference',
  // syntax
  'expression_syntax',
  'expression_not_allowed',
  'template_syntax',
  'missing_expression',
  // http
  'invalid_method',
  'method_case', // warning
  'missing_url',
  'invalid_url',
  'invalid_url_scheme',
  'invalid_header_name',
  'invalid_header_value',
  'forbidden_header',
  'empty_query_key', // warning
  'invalid_auth',
  'missing_auth_field',
  'invalid_timeout',
  'short_timeout', // warning
  'invalid_retry',
  'invalid_body',
  'body_too_large',
  'body_ignored', // warning
  // scheduling
  'unreachable_join', // warning
  // shape (parseGraph, seed conversion)
  'unknown_node_type',
  'missing_field',
  'invalid_field',
  // seed conversion
  'seed_no_steps',
  'seed_step_id_replaced', // warning
  'seed_forward_reference', // warning
  'seed_unmapped_value', // warning
  'seed_unused_output', // warning
  // internal
  'validation_failed',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];
