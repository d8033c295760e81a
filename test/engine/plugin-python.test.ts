import { describeOneTenantProgram } from "../helpers/plugin-lifecycle";

// The vb365 provider plugin from Python: its SDK generated from the package schema, pulumi and
// grpcio from the Python package index.
describeOneTenantProgram({ example: "python-tenant", language: "python", organization: "contoso.onmicrosoft.com", creates: 4, jobs: ["contoso-exchange"], roles: [] });
