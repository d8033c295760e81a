/**
 * One hostile input: what an attacker, a hostile server or a careless caller hands the product,
 * and what the product must do with it: refuse it (or contain it) quickly, leak no secret it
 * knows, and leave nothing half-made on the server.
 */
export interface HostileCase {
  /** Unique within its area, says what is tried: "PFX with a MAC iteration count of 2^31-1". */
  id: string;
  /** The part of the product under attack: "PFX", "emulator", "redaction", "tenant identity", ... */
  area: string;
  /** Runs the attack and reports what the product did. */
  run(): Promise<HostileOutcome>;
}

export interface HostileOutcome {
  /** The input was refused or contained (an error, a 4xx, a warning that stops the run), not processed as asked. */
  refused: boolean;
  /** What the caller read: the error or the response, as the product gave it. */
  message: string;
  /** Labels (never values) of secrets found where they must not be: the message, logs, bodies. */
  leaked: string[];
  /** What was left on the server or on disk that should not be there (ids, names, paths). */
  halfCreated: string[];
}
