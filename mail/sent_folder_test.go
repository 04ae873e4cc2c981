package mail

import (
	"context"
	"testing"
)

// Two clerks' first sends on a mailbox without a sent folder may both try to
// create 已发送; the one that comes second finds it there and goes on. (A
// reply-kill test, polling the folder while the reply filed its copy, lost
// the copy once in CI; this was the suspected race.)
func TestSentFolderCreatedByAnother(t *testing.T) {
	d := startDovecot(t)
	cfg := d.config()
	f, err := openSentFolder(context.Background(), cfg) // creates 已发送
	if err != nil {
		t.Fatal(err)
	}
	defer f.close()
	if f.name != SentFolderName {
		t.Skipf("the test mailbox has its own sent folder %q", f.name)
	}
	// The second clerk listed before the first created it, and creates now.
	if err := createSentFolder(f.s); err != nil {
		t.Fatalf("creating an existing sent folder: %v", err)
	}
}
