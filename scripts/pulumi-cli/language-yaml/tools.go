//go:build tools

// Package tools pins the YAML language host that scripts/ensure-pulumi builds; go.mod says
// why it is pulumi-yaml v1.38.0 and not the release of the CLI's week.
package tools

import (
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
)
