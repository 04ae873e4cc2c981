package store

// Chinese text of the outbox.
const (
	msgOutboxPending   = "未发出"
	msgOutboxUncertain = "待核实"
	msgOutboxSent      = "已发出"
)
