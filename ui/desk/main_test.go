package desk

import (
	"os"
	"testing"

	"beiandesk/store/postgres/pgtest"
)

// The tests of server books share one private PostgreSQL cluster.
// Every desk is built with the test's goroutine as its window goroutine
// (holdUI).
func TestMain(m *testing.M) {
	testHoldUI = true
	// No test reaches a session D-Bus it did not start: not the desktop's
	// real keyring, and not one that dbus-launch would start and keep for
	// the rest of the run (the D-Bus library keeps its first session
	// connection, so the keyring test's private bus would go unused).
	os.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/beiandesk-tests-have-no-session-bus")
	os.Exit(pgtest.Main(m))
}
