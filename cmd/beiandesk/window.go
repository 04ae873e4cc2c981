package main

import (
	"context"

	"beiandesk/ui"
)

func openWindow(ctx context.Context, e *env) error {
	path, err := e.resolveDB()
	if err != nil {
		return err
	}
	return ui.Run(ctx, ui.Options{DBPath: path, Clerk: e.clerk, Version: Version})
}
