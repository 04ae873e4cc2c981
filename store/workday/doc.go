// Package workday is the working-day calendar of mainland China.
//
// Weekends are off, the public holidays of the State Council's yearly
// notice are off, and the make-up days (调休上班) of that notice are working
// days. The official tables of 2025–2027 are embedded; a clerk can replace a
// year with an imported notice and override single days.
//
// Dates are time.Time values at 00:00 UTC that stand for a civil date in
// China. Build them with Date, DayOf or ParseDate. Functions that take a day
// accept any time.Time: a value that is exactly midnight in its own location
// is taken as that civil date, any other value is first converted to China
// time with DayOf, so a receipt timestamp can be passed directly.
package workday
