// Package storebench holds the benchmarks that compare the two back ends on
// one 100k-case book: go test -bench . ./store/storebench (PostgreSQL runs
// in a private cluster; see store/postgres/pgtest).
package storebench
