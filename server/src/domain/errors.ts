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
