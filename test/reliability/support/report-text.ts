// The prose of docs/reliability.md that does not come from measurements: how the suite works and
// what to do after an interrupted run. Kept beside the generator so that the page is rewritten
// whole by every run.

import { FLEET_SIZE } from "./fleet";

export const METHOD = `
**The fleets.** Two stacks of the program \`test/reliability/programs/fleet\`, each of ${FLEET_SIZE} tenants
against its own emulator on a file backend with a passphrase (the engine tests' \`TestStack\`). The
tenants cover every authentication kind whose secrets must be kept: tenant0 has VB365 register a
new Entra application with a device code, tenant1 uses basic authentication (China), tenant2 legacy
protocols with an application secret over a second, named connection (\`vb365:connections.legacy\`,
API v7), tenants 3–${FLEET_SIZE - 1} one multi-tenant existing application (one application id), the odd-numbered
of them over the v7 connection and the rest over v8. In the **mixed** fleet the odd-numbered
existing-application tenants share one certificate and the others have their own; in the
**shared** fleet every app-only tenant, tenant0 included, uses the one shared certificate, as
providers who run one application for all their customers do. The emulator trusts like Entra: each
existing application trusts its tenants' certificates because the program's test-only Entra
automation registers them first, the shared one once on the multi-tenant application and an own
one in its tenant's registration. Certificates are 2048-bit and made once per fleet. Both connections have \`timeoutSeconds\` 3. The fault matrix, the interruptions and
the wrong-tenant sign-in run on both fleets; the persistent faults on the shared one.

**A fault case** arms one fault of the emulator (\`injectFault\`, or for expired tokens an
\`expireTokens\` run from the request log the moment the n-th request of a kind was answered),
runs the operation that exercises the call, and judges:

- the first run either converges, or fails with a clear message (\`VB365 <METHOD> <path> failed…\`,
  never an "Unknown Error"); then the fault is lifted and the same command runs once more;
- afterwards the server holds exactly the declared organizations: none missing, no duplicate (by
  name), no orphan (on the server but in no resource's state), none stale (in state but gone from
  the server), no mismatch (every resource's organization id its own, and the organization of that
  id on the server named as the resource declares), \`isTeamsOnline\` as declared, every
  certificate kept;
- the fault fired at least once (otherwise nothing was proven and the case fails).

Faults fire mid-run: \`skip\` lets the first requests through, \`times\` limits the firings. The
persistent cases never lift the fault during the first run, to prove the clear failure and the
convergence of the next run. The calls and what exercises them:

| Call | Operation |
|---|---|
| token | \`pulumi up\` with an input change (${FLEET_SIZE} updates): the provider's shared token |
| device code | \`deviceCodeLogin\` (what \`vb365 device-code\` runs), then the \`pulumi up\` that creates tenant0 with the code |
| create | \`pulumi up\` creating the ${FLEET_SIZE} organizations |
| read | \`pulumi refresh\`: ${FLEET_SIZE} reads, answered from one listing per connection |
| update | \`pulumi up\` with an input change (isTeamsOnline of all ${FLEET_SIZE}) |
| delete | \`pulumi destroy --target\` the ${FLEET_SIZE} organizations (certificates stay) |
| list | \`pulumi up\` creating the ${FLEET_SIZE} while three creates are answered by a reset after VB365 acted, so the provider lists to recover |

**Bad input** cases run through the providers' own \`check\` (and the root program's validation of
tenants.yaml), the way the engine calls them at preview, with the provider configured for the
fleet's emulator; a few run through a real \`pulumi preview\` of the fleet and of the root program,
each on a stack that holds resources. Each must fail with an error that names the field and what
would be valid, with no request reaching the emulator (its counters) and the checkpoint unchanged
byte for byte.

**Secrets.** Every value the suite uses is looked for: the VB365 passwords (both connections), the
account password, the application secret, every device code, and for every certificate three
windows of its PFX (base64), its password, and windows of its private key as PKCS#1 and PKCS#8 PEM
(from the private half, so that the public modulus cannot match), plus any PEM private key at all.
After every engine run the suite reads every file of the file backend the run wrote (checkpoint,
backups, history), the stack settings file, each serialized provider (\`__provider\`) in the
checkpoint, the CLI's stdout and stderr, and the provider's diagnostics as the engine relays them;
bad-input messages are scanned too.
`.trim();

export const WRONG_TENANT = `
Which Microsoft 365 organization a device code adds is decided by whoever signs in with it. When
the organization VB365 reports after adding it has another name than the declared
\`organizationName\` (every tenant of tenants.yaml declares one), the provider removes it again and
fails with a message naming both tenants and asking for a new device code signed in to the right
one; nothing reaches the state. The suite signs tenant0's code in to another tenant, runs
\`pulumi up\`, checks that nothing of that tenant is left on the server or in the state, then signs
in to tenant0 and runs \`pulumi up\` again.
`.trim();

export const DEBUG_LOG_NOTE = `
The Pulumi Node.js SDK itself logs every RegisterResource response of the program at debug level
(\`@pulumi/pulumi\` runtime/resource.js, "RegisterResource RPC finished … resp: …"), and a
response holds the resource's outputs with secret ones in plain text: the TenantCertificate's PFX
and password. These messages only appear with \`pulumi up --debug\` (or in an event log, or
\`-v\` logs), never in the default output. They are counted apart (\`secretsInPulumiDebugLog\`) because
no provider can prevent them: **never publish \`--debug\` output, \`--event-log\` files or \`-v\` logs
of a stack that holds tenant certificates.**
`.trim();

export const INTERRUPTED_RUN = `
A \`pulumi up\` stopped with Ctrl-C (SIGINT) finishes the requests already sent, saves the state
and exits: run \`pulumi up\` again. A run killed outright (SIGKILL, a cancelled CI job, a lost
runner) can leave the stack locked, operations pending and organizations on VB365 that the state
does not know yet. Recover in this order (Pulumi CLI 3.248, file backend):

1. \`pulumi cancel --yes\` removes the lock the killed run left. If this (or any command) says
   \`failed to load checkpoint: EOF\`, the kill landed while the backend was writing the
   checkpoint's metadata: delete the empty (0-byte) file
   \`<backend>/.pulumi/stacks/<project>/<stack>.json.attrs\` (the checkpoint \`<stack>.json\` itself
   is whole) and run \`pulumi cancel --yes\` again.
2. \`pulumi refresh --clear-pending-creates --yes\` drops the creates the killed run had started.
   (In our runs of this CLI version, \`--import-pending-creates <urn> <id>\` exited successfully
   and brought nothing back for these dynamic resources, so the recovery does not rely on it.)
3. \`pulumi up --yes\`. An organization the killed run had already added is taken back, not added
   twice, but only when it is this tenant's beyond doubt: it carries the tenant's Microsoft 365
   name (\`organizationName\`, else \`officeOrganizationName\`, else the domain of \`account\`) and the
   tenant's certificate, even when VB365 now refuses the device code it used up. A certificate
   alone never decides, however few organizations carry it, since tenants may share one
   application and one certificate: inputs that name no tenant take nothing back, and a refused
   create of theirs asks for \`organizationName\`. Their create is not sent again after an attempt
   whose outcome is unknown (a timeout, a reset, a 5xx): the run stops, saying that attempt may
   have added the organization; set \`organizationName\` and run again, which takes back the
   organization of that name and certificate, or adopt it (\`adoptExisting: true\` with
   \`organizationName\`). An organization without a certificate (basic
   authentication, legacy protocols) proves nothing, so the run stops with "… has already been
   added. If an interrupted run of this stack added it, set adoptExisting: true on this
   organization and run again". Set \`adoptExisting: true\` on it (in tenants.yaml, under the
   tenant) and run \`pulumi up\` again: adoption takes the organization of that name and no other.
   The setting only matters when the organization is created, so it can stay or go. A failed run
   starts no further creates, so the next run may name another one; \`pulumi up
   --continue-on-error\` names them all at once.

The provider and language-host processes of a SIGKILLed CLI outlive it and finish the requests they
had sent; a CI runner ends them with the job.
`.trim();
