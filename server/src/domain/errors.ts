/** Error codes that reach API clients as `extensions.code`. */
export type ErrorCode = 'BAD_USER_INPUT' | 'SERVICE_UNAVAILABLE' | 'NOT_FOUND' | 'PAYLOAD_TOO_LARGE';

/**
 * An expected failure: its message is safe to show to the user and names the problem.
 * Anything that is not an AppError is treated as a bug and masked at the API boundary.
 */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

/** Shorthand for a BAD_USER_INPUT error. */
export function badInput(message: string): AppError {
  return new AppError('BAD_USER_INPUT', message);
}

/** True for SERVICE_UNAVAILABLE: Neo4j or CoreNLP is not there, whatever the input. */
export function isOutage(err: unknown): boolean {
  return err instanceof AppError && err.code === 'SERVICE_UNAVAILABLE';
}

/** True for errors that are not about one input: an outage, or a bug (anything not an AppError). */
export function isNotAboutInput(err: unknown): boolean {
  return !(err instanceof AppError) || isOutage(err);
}
