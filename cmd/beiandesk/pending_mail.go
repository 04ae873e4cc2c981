package main

import (
	"context"
	"errors"
)

// These commands arrive with the mail package.
func mailImport(ctx context.Context, e *env, args []string) error { return errors.New(msgNotYet) }
func mailSync(ctx context.Context, e *env, args []string) error   { return errors.New(msgNotYet) }
func mailsList(ctx context.Context, e *env, args []string) error  { return errors.New(msgNotYet) }
