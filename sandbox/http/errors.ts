/** An error answered as Dodo does: an HTTP status and a `{ code, message }` JSON body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) => new ApiError(404, "NOT_FOUND", `${what} ${id} not found`);

export const invalid = (message: string, code = "INVALID_REQUEST_PARAMETERS") => new ApiError(422, code, message);

export const conflict = (message: string, code: string) => new ApiError(409, code, message);
