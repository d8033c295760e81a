/**
 * The dynamic-provider server hands errors from check, diff, read and delete straight to gRPC,
 * which reads a string `code` (Node's "ECONNREFUSED", our "unreachable") as a gRPC status and
 * then reports only "Unknown Error". At the provider boundary every error becomes a plain one
 * with the same message, so the user sees what happened.
 */
export async function reportingErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw plainError(error);
  }
}

function plainError(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const code = (error as { code?: unknown }).code;
  if (code === undefined || typeof code === "number") return error;
  return new Error(error.message);
}

/** An error's message to quote inside a sentence: without its closing period; anything thrown that is not an Error, as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\.$/, "") : String(error);
}
