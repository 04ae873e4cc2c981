package report

// overdue writes 逾期: the cases closed late in the period and those open
// and past their due date at its end, with how many working days late.
func (w *writer) overdue() error {
	st := w.st
	fixed := fixedCol[*Row]
	cols := []column[*Row]{
		textCol(overdueHeaders[0], 12, 16, func(c *Row) string { return c.Number }),
		textCol(overdueHeaders[1], 10, 36, func(c *Row) string { return c.Sponsor }),
		textCol(overdueHeaders[2], 6, 10, func(c *Row) string { return c.Kind.Label() }),
		textCol(overdueHeaders[3], 8, 30, func(c *Row) string { return c.Provider }),
		fixed(overdueHeaders[4], 11, func(c *Row) cellVal { return st.dateCell(c.ReceivedDay) }),
		fixed(overdueHeaders[5], 11, func(c *Row) cellVal { return st.dateCell(c.Due) }),
		fixed(overdueHeaders[6], 11, func(c *Row) cellVal { return st.dateCell(c.ClosedDay) }),
		fixed(overdueHeaders[7], 10, func(c *Row) cellVal { return st.intCell(c.Late, true) }),
		textCol(overdueHeaders[8], 6, 10, func(c *Row) string { return c.Status.Label() }),
		textCol(overdueHeaders[9], 6, 10, func(c *Row) string { return c.Current.Label() }),
	}
	return writeList(w, sheetOverdue, cols, w.r.Overdue)
}
