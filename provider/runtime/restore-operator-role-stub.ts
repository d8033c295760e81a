import { stubFor } from "./index";

// The one provider object of every Vb365RestoreOperatorRole; see organization-stub.ts for why it
// is a module's whole exports.
export = stubFor("restoreOperatorRole");
