package postgres

import (
	"context"
	"fmt"
)

// Ping checks that the server answers, for the window's banner when the
// connection is lost. It uses a connection from the pool, which the driver
// replaces after the server comes back.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.pool.Ping(ctx); err != nil {
		return fmt.Errorf(msgConnLost, db.host)
	}
	return nil
}
