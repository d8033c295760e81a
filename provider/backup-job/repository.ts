import type { ConnectionSettings } from "../client";
import type { RemoteRepository } from "../client/job-schemas";
import { JobsApi } from "../client/jobs";
import type { ConnectionPool } from "../common/connection-pool";
import type { BackupJobInputs } from "./types";

/**
 * The repository's id: given, or found by name in the server's repositories, listed once per
 * server and provider process (one lookup serves every job of an `up`, however long it takes); a
 * name not in that listing is looked for once more in a fresh one, for a repository added since.
 */
export async function repositoryIdOf(pool: ConnectionPool, settings: ConnectionSettings, inputs: BackupJobInputs): Promise<string> {
  if (inputs.repositoryId) return inputs.repositoryId;
  const wanted = inputs.repositoryName!;
  const named = (listed: RemoteRepository[]) => listed.filter((repository) => repository.name?.toLowerCase() === wanted.toLowerCase());
  let repositories = await pool.serverSetting(settings, "repositories", (client) => new JobsApi(client).listRepositories());
  let matches = named(repositories);
  if (matches.length === 0) {
    repositories = await new JobsApi(pool.client(settings)).listRepositories();
    matches = named(repositories);
  }
  if (matches.length === 1) return matches[0].id;
  const known = repositories.map((repository) => repository.name).filter(Boolean).join(", ") || "none";
  if (matches.length === 0) throw new Error(`repositoryName: ${settings.url} has no backup repository named "${wanted}"; it has ${known}. Nothing was created or changed.`);
  throw new Error(`repositoryName: ${settings.url} has ${matches.length} backup repositories named "${wanted}"; give repositoryId instead. Nothing was created or changed.`);
}
