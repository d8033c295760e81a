import { CONNECTION_HELP } from "../connection/help";

export const TENANTS_HELP = `Usage: vb365 tenants <command> [flags]

The tenants file (tenants.yaml) the root program onboards (docs/tenants-file.md).

Commands:
  export           Write tenants.yaml entries for the organizations a VB365 server already has

  -h, --help       Show this help (vb365 tenants <command> --help for a command's own)
`;

export const TENANTS_EXPORT_HELP = `Usage: vb365 tenants export [--file tenants.yaml] [--json] [--no-jobs] [flags]

Writes a tenants.yaml entry for each Microsoft 365 organization the VB365 server already has,
so that organizations added by hand can be taken over by the root program: its name, region,
services, description and application, adoptExisting: true, certificate: keep (the credentials
the server has stay; none is ever read or written) and its backup jobs. Names are made from the
organization (contoso for contoso.onmicrosoft.com), unique in the file (contoso-2, ...).

Without --file, prints a tenants file on stdout. With --file, adds only the organizations the
file does not list yet (by organization, in any case), keeps every byte already there, and
writes the file in one step (a temporary file renamed over it); a missing file is created.

${CONNECTION_HELP}  -s, --stack <name>       Stack whose vb365: config supplies the connection
  -C, --cwd <dir>          Directory of the Pulumi project (default: current directory)

Export:
  -f, --file <file>        Tenants file to add to (created if missing)
  --import-file <file>     Also write Pulumi's bulk import file of the entries added: each
                           organization and each job exported whole, by the names of the file
                           (pulumi import -f <file>, with the vb365 provider plugin: docs/plugin.md)
  --no-jobs                Leave the jobs out: each entry gets backup: [], which leaves the server's
                           jobs as they are
  --json                   Print one JSON object on stdout ({ added, skipped, warnings, entries,
                           requests }); all text goes to stderr
  -h, --help               Show this help

Requests: a login and the organization listing (one page per 10,000 organizations on v8, one
request on v6 and v7); for the jobs, the repository and job listings, then one request per job
of an exported organization (its excluded items) and one more for each SelectedItems job (its
selected items). --no-jobs leaves out all but the first two.

Read the comments the export writes:
  - Basic authentication and modern authentication with legacy protocols have no form in the
    tenants file, and VB365 never returns passwords or secrets: such an entry is written without
    applicationId, so pulumi preview refuses it until it has one; the warning says what to add.
  - Jobs keep their VB365 names (jobName): the tenant's adoptExisting takes each over by its
    name in its organization, so pulumi up adds no job beside the server's own. --no-jobs writes
    backup: [] and leaves the server's jobs unmanaged.
  - Items the tenants file cannot name (OneDrive folders) are left out and listed.

Exit codes:
  0 done   1 other failure (including a --file that cannot be read or written)
  2 usage, connection settings, or a --file that is no tenants file (larger than 16 MiB, or
    not valid YAML or aliases that expand too far: the message names the line)
  3 credentials refused   4 server unreachable   5 TLS certificate not trusted
  8 Pulumi CLI or stack config failed   130 interrupted

Examples:
  VB365_PASSWORD=... vb365 tenants export --url https://vb365:4443 --username admin > tenants.yaml
  vb365 tenants export --stack prod --file tenants.yaml
  vb365 tenants export --stack prod --file tenants.yaml --no-jobs --json | jq .added
  vb365 tenants export --stack prod --import-file import.json > /dev/null && pulumi import -f import.json

See docs/tenants-file.md, "Starting from an existing server".
`;
