package report

// providers writes 接入商: the counts per access provider and a total row.
func (w *writer) providers() error {
	st := w.st
	type pc = *ProviderCount
	count := func(header string, n func(pc) int) column[pc] {
		return fixedCol(header, 9, func(p pc) cellVal { return st.intCell(n(p), true) })
	}
	cols := []column[pc]{
		{header: providerHeaders[0], min: 16, max: 40, text: func(p pc) string {
			if p.Name == "" {
				return providerNone
			}
			return p.Name
		}},
		count(providerHeaders[1], func(p pc) int { return p.Received }),
		count(providerHeaders[2], func(p pc) int { return p.Done }),
		count(providerHeaders[3], func(p pc) int { return p.OnTime }),
		count(providerHeaders[4], func(p pc) int { return p.Late }),
		count(providerHeaders[5], func(p pc) int { return p.Open }),
	}
	rows := make([]pc, len(w.r.Providers))
	var total ProviderCount
	for i := range w.r.Providers {
		p := &w.r.Providers[i]
		rows[i] = p
		total.Received += p.Received
		total.Done += p.Done
		total.OnTime += p.OnTime
		total.Late += p.Late
		total.Open += p.Open
	}
	bold := func(n int) cellVal { return cellVal{style: st.integerBold, kind: cellInt, n: n} }
	return writeList(w, sheetProvider, cols, rows, []cellVal{
		{style: st.textBold, kind: cellText, s: headTotal}, bold(total.Received),
		bold(total.Done), bold(total.OnTime), bold(total.Late), bold(total.Open),
	})
}
