package store

// Filter selects cases. Zero fields do not filter.
type Filter struct {
	Status  string // one status, or "open" for every non-final state
	Kind    string
	Channel string
	Month   string // YYYY-MM of the receipt day
	From    string // receipt day >= From (YYYY-MM-DD)
	To      string // receipt day <= To
	Query   string // number, sponsor, filing numbers, domains, provider, certificate
	DueTo   string // running cases due on or before this day (a returned case's clock is stopped)
	Order   string // "due", "received", "-received", "-id" (newest first); default id
	Limit   int
	Offset  int
}
