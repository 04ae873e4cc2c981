package storetest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"beiandesk/store"
)

// testUnlinkMail: a mail linked by mistake goes back to the unhandled
// mails, the case no longer lists it, and the history keeps both the link
// and the unlink, each naming the mail by its subject.
func testUnlinkMail(t *testing.T, open Opener) {
	db := openTemp(t, open)
	ctx := context.Background()
	c := MustCreate(t, db, SampleCase())
	other := MustCreate(t, db, SampleCase())
	mailID := dashboardMail(t, db, "注销备案申请", store.MailNew)
	blank := dashboardMail(t, db, "", store.MailNew)

	if err := db.LinkMail(ctx, c.ID, mailID, "李娜"); err != nil {
		t.Fatal(err)
	}
	// Linked to another case: refused, nothing changes.
	var fe *store.FieldError
	if err := db.UnlinkMail(ctx, other.ID, mailID, "李娜"); !errors.As(err, &fe) || fe.Field != "mail" {
		t.Fatalf("unlink from the wrong case: %v, want a field error on mail", err)
	}
	linked, err := db.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.UnlinkMail(ctx, c.ID, mailID, "王芳"); err != nil {
		t.Fatal(err)
	}
	m, err := db.Mail(ctx, mailID)
	if err != nil {
		t.Fatal(err)
	}
	if m.State != store.MailNew || m.CaseID != nil {
		t.Errorf("mail after unlink: state %q case %v, want new and none", m.State, m.CaseID)
	}
	got, err := db.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version <= linked.Version {
		t.Errorf("version %d after unlink, want above %d: a change made on the linked case must be refused", got.Version, linked.Version)
	}
	if slices.Contains(got.MailIDs, mailID) {
		t.Errorf("case still lists mail %d: %v", mailID, got.MailIDs)
	}
	hist, err := db.History(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var link, unlink *store.Event
	for i := range hist {
		switch hist[i].Action {
		case "link":
			link = &hist[i]
		case "unlink":
			unlink = &hist[i]
		}
	}
	if link == nil || !strings.Contains(link.Note, "注销备案申请") {
		t.Errorf("link event %+v should name the subject", link)
	}
	if unlink == nil || !strings.Contains(unlink.Note, "注销备案申请") || unlink.Clerk != "王芳" {
		t.Errorf("unlink event %+v should name the subject and 王芳", unlink)
	}

	// Not linked (any more): refused as a field error; a missing case is
	// not found.
	if err := db.UnlinkMail(ctx, c.ID, mailID, "李娜"); !errors.As(err, &fe) || fe.Field != "mail" {
		t.Errorf("second unlink: %v, want a field error on mail", err)
	}
	if err := db.UnlinkMail(ctx, c.ID, 99999, "李娜"); !errors.As(err, &fe) || fe.Field != "mail" {
		t.Errorf("unlink of a missing mail: %v, want a field error on mail", err)
	}
	if err := db.UnlinkMail(ctx, 99999, mailID, "李娜"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unlink from a missing case: %v, want ErrNotFound", err)
	}
	// The mail can be linked again, to the right case; a mail without a
	// subject is named by its number.
	if err := db.LinkMail(ctx, other.ID, mailID, "李娜"); err != nil {
		t.Errorf("relink: %v", err)
	}
	if err := db.LinkMail(ctx, other.ID, blank, "李娜"); err != nil {
		t.Fatal(err)
	}
	if err := db.UnlinkMail(ctx, other.ID, blank, "李娜"); err != nil {
		t.Fatal(err)
	}
	hist, err = db.History(ctx, other.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := hist[len(hist)-1].Note; hist[len(hist)-1].Action != "unlink" || !strings.Contains(n, "无主题") {
		t.Errorf("last event %+v: unlinking a mail without subject should say 无主题", hist[len(hist)-1])
	}
}
