//go:build tools

// Package tools pins the Python language host that scripts/ensure-pulumi builds; go.mod says
// why it is the August 2025 pseudo-version, built against pkg/sdk v3.201.0.
package tools

import (
	_ "github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3"
)
