package desk

import (
	"os"
	"testing"

	"beiandesk/store/postgres/pgtest"
)

// The tests of server books share one private PostgreSQL cluster.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
