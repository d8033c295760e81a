import { CONNECTION_HELP } from "../connection/help";

export const DEVICE_CODE_HELP = `Usage: vb365 device-code [flags]

Requests a Microsoft device code from VB365 for adding a Microsoft 365 organization with a new
Entra application, prints sign-in instructions to forward to the customer's Global
Administrator, and optionally waits for the sign-in, stores the code in a stack's config as a
secret and runs pulumi up while the code is valid (about 15 minutes).

${CONNECTION_HELP}
Code:
  --region <region>        Worldwide (default), Germany, China, USDefence or USGovernment
  --wait                   Wait until the customer signed in (stops when the code expires)
  --timeout <duration>     Stop waiting earlier, e.g. 10m (with --wait)
  --interval <duration>    Pause between sign-in checks (default 5s)
  --json                   Print one JSON object on stdout; all text goes to stderr

Pulumi:
  -s, --stack <name>       Stack whose vb365: config supplies the connection
  -C, --cwd <dir>          Directory of the Pulumi project (default: current directory)
  --config-key <key>       Write the code into the stack's config as a secret under <key>
                           ([namespace:]name of letters, digits, _ . -; never vb365: or pulumi:);
                           when the stack's tenant of that key waits for a device code to rotate
                           its certificate, says that the code is for that rotation
  --up                     After the sign-in, run pulumi up --yes on the stack (implies --wait;
                           needs --config-key)
  --target <urn>           Passed on to pulumi up; repeatable

  -h, --help               Show this help

Exit codes:
  0 done   1 other failure   2 usage or connection settings   3 credentials refused
  4 server unreachable   5 TLS certificate not trusted   6 code expired before sign-in
  7 --timeout reached   8 Pulumi CLI or stack config failed   9 pulumi up failed   130 interrupted

Examples:
  VB365_PASSWORD=... vb365 device-code --url https://vb365:4443 --username admin --wait
  vb365 device-code --stack prod --config-key contosoUserCode --up --target <urn>

See docs/device-code.md for the GitOps flow.
`;
