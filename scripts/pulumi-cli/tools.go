//go:build tools

// Package tools pins the Pulumi CLI that scripts/ensure-pulumi builds; the Node.js language
// host has its own wrapper module in language-nodejs/.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
