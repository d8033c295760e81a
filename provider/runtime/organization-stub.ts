import { stubFor } from "./index";

// The one provider object of every Vb365Organization, and deliberately this module's whole
// exports: Pulumi's closure serializer stores a value that is the exports of a module inside
// node_modules as `require("<package>/<exported path>")` (entries.ts, organizationStub) instead of
// its code. Installed from npm, the provider costs each resource's state a few dozen bytes;
// inside this repository (not in node_modules) it is serialized by value, as the small stub.
export = stubFor("organization");
