package main

import (
	"context"
	"errors"
)

// export arrives with the report package.
func export(ctx context.Context, e *env, args []string) error { return errors.New(msgNotYet) }
