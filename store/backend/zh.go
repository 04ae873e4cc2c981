package backend

// Chinese messages of the back-end choice.
const (
	msgNoPostgres = "此版本尚未支持 PostgreSQL"
)
