/** Body of every error answered by the engine API. */
export interface ApiErrorBody {
  statusCode: number;
  /** HTTP reason phrase, e.g. "Bad Request". */
  error: string;
  /** Human-readable reason (all reasons joined with "; " for validation errors). */
  message: string;
  /** One entry per reason, for validation errors. */
  details?: string[];
}
