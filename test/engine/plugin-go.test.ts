import { describeOneTenantProgram } from "../helpers/plugin-lifecycle";

// The vb365 provider plugin from Go: its SDK generated from the package schema, built against
// github.com/pulumi/pulumi/sdk/v3 from the Go module proxy.
describeOneTenantProgram({ example: "go-tenant", language: "go", organization: "fabrikam.onmicrosoft.com", creates: 5, jobs: ["fabrikam-executives"], roles: ["fabrikam-helpdesk"] });
