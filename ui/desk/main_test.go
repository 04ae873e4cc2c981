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
	os.Exit(pgtest.Main(m))
}
