import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The HTTP statuses a problem can carry (a response with a body: never 1xx, 204, 205 or 304). */
export type ProblemStatus = ContentfulStatusCode;

/** Stable, documented error codes: partners branch on these, never on message text. */
export type ProblemCode =
  | 'invalid_parameter'
  | 'unknown_country'
  | 'unknown_group'
  | 'unknown_indicator'
  | 'unknown_release'
  | 'unknown_theme'
  | 'incompatible_normalisation'
  | 'unsuitable_indicator'
  | 'unsuitable_data'
  | 'not_found'
  | 'method_not_allowed'
  | 'not_implemented'
  | 'unauthorized'
  | 'forbidden'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'invalid_upload'
  | 'rate_limited'
  | 'service_unavailable'
  | 'internal_error';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  instance?: string;
  [extension: string]: unknown;
}

const TITLES: Record<ProblemCode, string> = {
  invalid_parameter: 'Invalid parameter',
  unknown_country: 'Unknown country',
  unknown_group: 'Unknown group',
  unknown_indicator: 'Unknown indicator',
  unknown_release: 'Unknown release',
  unknown_theme: 'Unknown theme',
  incompatible_normalisation: 'Normalisation does not apply to this indicator',
  unsuitable_indicator: 'Indicator cannot play this role',
  unsuitable_data: 'The data cannot support this analysis',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  not_implemented: 'Not available on this deployment',
  unauthorized: 'Authentication required',
  forbidden: 'Forbidden',
  payload_too_large: 'Upload too large',
  unsupported_media_type: 'Unsupported media type',
  invalid_upload: 'Invalid release upload',
  rate_limited: 'Too many requests',
  service_unavailable: 'Service unavailable',
  internal_error: 'Internal error',
};

/**
 * An RFC 9457 problem, thrown from any floor (services, domain, ingest) and turned into a response
 * by the app's one onError. Runtime-free: no HTTP framework, so the lower floors may throw it.
 */
export class Problem extends Error {
  readonly status: ProblemStatus;
  readonly code: ProblemCode;
  readonly detail: string;
  readonly extensions: Record<string, unknown>;

  constructor(status: ProblemStatus, code: ProblemCode, detail: string, extensions: Record<string, unknown> = {}) {
    super(detail);
    this.name = 'Problem';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.extensions = extensions;
  }

  body(instance?: string): ProblemBody {
    return {
      type: `/v1/methods#error-${this.code}`,
      title: TITLES[this.code],
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(instance ? { instance } : {}),
      ...this.extensions,
    };
  }
}
