// Package storetest is the conformance suite of store.Book: every back end
// runs the same tests through Run, so that a case book behaves the same
// whatever holds it.
package storetest

import (
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/workday"
)

// Opener opens a fresh, empty book whose clock is now, and closes it when
// the test ends (t.Cleanup).
type Opener func(t *testing.T, now func() time.Time) store.Book

// Run runs every conformance test against books made by open.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, Opener)
	}{
		{"CreateCase", testCreateCase},
		{"ReceivedDayIsChinaTime", testReceivedDayIsChinaTime},
		{"CreateCaseBadInputChangesNothing", testCreateCaseBadInputChangesNothing},
		{"Lifecycle", testLifecycle},
		{"Search", testSearch},
		{"SponsorTypeFromCertificate", testSponsorTypeFromCertificate},
		{"UpdateCase", testUpdateCase},
		{"UpdateCaseCore", testUpdateCaseCore},
		{"MomentBounds", testMomentBounds},
		{"Dashboard", testDashboard},
		{"DueLevel", testDueLevel},
		{"Lease", testLease},
		{"ImportCases", testImportCases},
		{"ReportCases", testReportCases},
		{"StaleVersionRefused", testStaleVersionRefused},
		{"Outbox", testOutbox},
		{"LedgerImport", testLedgerImport},
		{"LedgerDryRunAndCancel", testLedgerDryRunAndCancel},
		{"ImportCasesLegacyNo", testImportCasesLegacyNo},
		{"FieldMessagesForTheClerk", testFieldMessagesForTheClerk},
		{"MoveErrorsShowChinaTime", testMoveErrorsShowChinaTime},
		{"HistoryInTimeOrder", testHistoryInTimeOrder},
		{"UnlinkMail", testUnlinkMail},
		{"MailsPaging", testMailsPaging},
		{"BlobSlice", testBlobSlice},
		{"NationalRecordBeforeDone", testNationalRecordBeforeDone},
		{"RejectNeedsReasonAlsoAfterAcceptance", testRejectNeedsReasonAlsoAfterAcceptance},
		{"RequestRules", testRequestRules},
		{"AddItem", testAddItem},
		{"AfterHoursSetting", testAfterHoursSetting},
		{"DueVerifiedAndBanner", testDueVerifiedAndBanner},
		{"SearchDomainWithAndWithoutWWW", testSearchDomainWithAndWithoutWWW},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open) })
	}
}

// fixedNow is the suite's default clock: Friday 2026-11-27 10:00 China time.
func fixedNow() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, workday.China()) }

// openTemp opens a fresh book with the default clock.
func openTemp(t *testing.T, open Opener) store.Book {
	t.Helper()
	return open(t, fixedNow)
}
