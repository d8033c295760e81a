//go:build tools

// Package tools pins the Node.js language host that scripts/ensure-pulumi builds.
package tools

import (
	_ "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3"
)
