package main

import (
	_ "github.com/pulumi-vb365/sdk/go/vb365"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error { return nil })
}
