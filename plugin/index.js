// The engine's Node.js language host requires this folder; the provider is pulumi-vb365's own
// build, in the package this folder belongs to.
require("../dist/provider/plugin/main");
