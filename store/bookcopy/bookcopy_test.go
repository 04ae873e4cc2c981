package bookcopy_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/bookcopy"
	"beiandesk/store/postgres"
	"beiandesk/store/postgres/pgtest"
	"beiandesk/store/rules"
	"beiandesk/store/sqlite"
	"beiandesk/store/transfer"
	"beiandesk/store/workday"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// fill puts a little of everything into a book through its services.
func fill(t *testing.T, b store.Book) {
	t.Helper()
	ctx := context.Background()
	recv := time.Date(2026, 9, 30, 10, 0, 0, 0, workday.China())
	var first *store.Case
	for i := 0; i < 5; i++ {
		c, err := b.CreateCase(ctx, store.NewCase{Kind: "deregister", Channel: "email", ReceivedAt: recv.Add(time.Duration(i) * time.Hour),
			Sponsor: fmt.Sprintf("太原第%d科技有限公司", i), Filings: []string{fmt.Sprintf("晋ICP备1234567%d号-1", i)},
			Domains: []string{"例子.中国"}, Details: map[string]string{"fax_pages": "3"}}, "王芳")
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = c
		}
	}
	for i := 1; i <= 3; i++ {
		if _, err := b.CheckItem(ctx, first.ID, 0, i, rules.ItemPresent, "", "王芳"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.MoveCase(ctx, first.ID, 0, rules.StatusAccepted, recv.Add(24*time.Hour), "材料齐全", "李强"); err != nil {
		t.Fatal(err)
	}
	// What was done in the national filing system travels with the case.
	if _, err := b.RecordNational(ctx, first.ID, 0, store.NationalRecord{Day: "2026-10-09", Scope: "site",
		Filings: []string{"晋ICP备12345670号-1"}}, "李强"); err != nil {
		t.Fatal(err)
	}
	tx, err := b.BeginMail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	raw := []byte("Subject: =?UTF-8?B?5rOo6ZSA?=\r\n\r\n\x00\xff binary body\r\n5YiH54mH\r\n")
	big := bytes.Repeat([]byte{0, 1, 2, 0xfe}, 200_000) // 800 KB: four chunks
	rawSHA, rawSize, err := tx.PutBlob(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	attSHA, attSize, err := tx.PutBlob(bytes.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	emptySHA, _, err := tx.PutBlob(bytes.NewReader(nil))
	if err != nil {
		t.Fatal(err)
	}
	// An attachment kept as a slice of the raw message (base64 of 切片).
	slice := store.BlobSlice{SHA256: sliceSHA, Size: int64(len("切片")), Source: rawSHA,
		Start: int64(bytes.Index(raw, []byte("5YiH"))), Length: 8, Encoding: transfer.Base64}
	if err := tx.PutSlice(slice); err != nil {
		t.Fatal(err)
	}
	mid, err := tx.Insert(&store.Mail{DedupKey: "mid:1", MessageID: "<1@x>", RawSHA256: rawSHA, RawSize: rawSize,
		Date: recv, FromName: "张三", FromAddr: "a@b.cn", To: []string{"beianzhuxiao@163.com"}, Subject: "注销",
		Text: "请注销", Source: "imap:acc/INBOX", Attachments: []store.Attachment{
			{Name: "申请表.pdf", ContentType: "application/pdf", Size: attSize, SHA256: attSHA},
			{Name: "空.txt", Size: 0, SHA256: emptySHA, Inline: true},
			{Name: "切片.txt", Size: slice.Size, SHA256: slice.SHA256}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.SetCheckpoint("acc", "INBOX", store.Checkpoint{UIDValidity: 4_000_000_001, LastUID: 42}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := b.LinkMail(ctx, first.ID, mid, "王芳"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AddCaseFile(ctx, first.ID, "传真.png", bytes.NewReader(big[:300_000]), "王芳"); err != nil {
		t.Fatal(err)
	}
	if err := b.ImportYear(ctx, workday.Year{Year: 2027, Off: []string{"2027-01-01"}, Work: []string{"2027-01-04"}}, "通知"); err != nil {
		t.Fatal(err)
	}
	if err := b.SetHoliday(ctx, workday.Date(2026, 12, 31), false, "王芳"); err != nil {
		t.Fatal(err)
	}
	if err := b.SetSetting(ctx, store.SettingIMAPHost, "imap.163.com"); err != nil {
		t.Fatal(err)
	}
	fillOutbox(t, b, first.ID)
	fillLedger(t, b)
}

// fillOutbox queues two notices for caseID and records one as sent with
// its stored copy.
func fillOutbox(t *testing.T, b store.Book, caseID int64) {
	t.Helper()
	ctx := context.Background()
	raw := "Message-ID: <n1@163.com>\r\nSubject: =?UTF-8?B?5Zue5omn?=\r\n\r\n收件回执\r\n"
	id, err := b.AddOutbox(ctx, &store.OutboxItem{CaseID: caseID, Kind: "receipt", MessageID: "n1@163.com",
		To: []string{"a@b.cn"}, Subject: "Re: 注销", Clerk: "王芳"}, strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.OutboxAttempt(ctx, id); err != nil {
		t.Fatal(err)
	}
	tx, err := b.BeginMail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sha, size, err := tx.PutBlob(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	mid, err := tx.Insert(&store.Mail{DedupKey: "sent:n1@163.com", MessageID: "n1@163.com", RawSHA256: sha, RawSize: size,
		Subject: "Re: 注销", Source: "sent"})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.RecordSent(id, mid, time.Date(2026, 10, 2, 9, 0, 0, 0, workday.China()), true, "收件回执", "王芳"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	pending, err := b.AddOutbox(ctx, &store.OutboxItem{CaseID: caseID, Kind: "accept", MessageID: "n2@163.com",
		To: []string{"a@b.cn"}, Subject: "Re: 注销", Clerk: "王芳"}, strings.NewReader("Message-ID: <n2@163.com>\r\n\r\nx\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.OutboxFailed(ctx, pending, "SMTP登录失败", false); err != nil {
		t.Fatal(err)
	}
}

// fillLedger imports one historic password case from an old ledger.
func fillLedger(t *testing.T, b store.Book) {
	t.Helper()
	cst := workday.China()
	res, err := b.ImportLegacyCases(context.Background(), store.LedgerBatch{FileName: "台账.xlsx", FileSHA256: "ab12",
		Sheet: "2026年", Rows: 1, Cases: []store.LegacyCase{{Row: 4, LegacyNo: "台-2026-031", Status: rules.StatusDone,
			ClosedAt: time.Date(2026, 3, 6, 0, 0, 0, 0, cst), Clerk: "王芳",
			Case: store.NewCase{Kind: "password", Channel: "counter", ReceivedAt: time.Date(2026, 3, 2, 0, 0, 0, 0, cst),
				SponsorType: "person", Sponsor: "张伟"}}}}, "李强")
	if err != nil || res.Imported != 1 {
		t.Fatalf("ledger import %+v %v", res, err)
	}
}

// dump reads every table of a book as canonical rows.
func dump(t *testing.T, b bookcopy.Dumper) map[string][][]any {
	t.Helper()
	out := map[string][][]any{}
	err := b.DumpTables(context.Background(), func(read func(string, []string, func([]any) error) error) error {
		for _, tb := range bookcopy.Tables {
			err := read(tb.Name, tb.ColumnNames(), func(row []any) error {
				for i, c := range tb.Columns {
					v, err := bookcopy.Canon(row[i], c.Kind)
					if err != nil {
						return err
					}
					row[i] = v
				}
				out[tb.Name] = append(out[tb.Name], row)
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A book goes SQLite → PostgreSQL → SQLite and comes back equal, table by
// table and byte by byte, and the PostgreSQL copy answers like the source.
func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	c := pgtest.Get(t)
	dir := t.TempDir()
	src, err := sqlite.Open(ctx, filepath.Join(dir, "src.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	fill(t, src)

	pg, err := postgres.Open(ctx, c.SuperURL(c.NewDatabase(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	sum, err := bookcopy.Copy(ctx, src, pg)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rows["cases"] != 6 || sum.Rows["mail"] != 2 || sum.Blobs != 7 || sum.Rows["blob_slice"] != 1 || sum.Rows["outbox"] != 2 ||
		sum.Rows["ledger_import"] != 1 || sum.Rows["ledger_row"] != 1 || sum.Rows["national_action"] != 1 {
		t.Fatalf("summary %+v", sum)
	}
	if s := sum.String(); !strings.Contains(s, "案件 6") || !strings.Contains(s, "发件记录 2") || !strings.Contains(s, "SHA-256") {
		t.Errorf("summary %q", s)
	}

	back, err := sqlite.Open(ctx, filepath.Join(dir, "back.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if _, err := bookcopy.Copy(ctx, pg, back); err != nil {
		t.Fatal(err)
	}
	want, got := dump(t, src), dump(t, back)
	for _, tb := range bookcopy.Tables {
		if !reflect.DeepEqual(want[tb.Name], got[tb.Name]) {
			t.Errorf("table %s differs after the round trip:\nsrc  %v\nback %v", tb.Name, want[tb.Name], got[tb.Name])
		}
	}
	// The copies answer like the source: search, history's clerks, mails,
	// the outbox and the ledger's numbers.
	for _, b := range []store.Book{pg, back} {
		if n, err := b.CountCases(ctx, store.Filter{Query: "台-2026-031"}); err != nil || n != 1 {
			t.Errorf("%s: search by legacy number %d %v", b.Location(), n, err)
		}
		items, err := b.Outbox(ctx, store.OutboxFilter{})
		if err != nil || len(items) != 2 || items[0].State != store.OutboxSent || !items[0].Appended ||
			items[1].State != store.OutboxPending || items[1].Error != "SMTP登录失败" {
			t.Errorf("%s: outbox %+v %v", b.Location(), items, err)
		}
		// The same ledger again is recognised as already imported.
		cst := workday.China()
		res, err := b.ImportLegacyCases(ctx, store.LedgerBatch{FileName: "台账.xlsx", FileSHA256: "ab12", Sheet: "2026年",
			Cases: []store.LegacyCase{{Row: 4, Case: store.NewCase{Kind: "password", Channel: "counter",
				ReceivedAt: time.Date(2026, 3, 2, 0, 0, 0, 0, cst), SponsorType: "person", Sponsor: "张伟"}}}}, "李强")
		if err != nil || res.Duplicates != 1 || res.Imported != 0 {
			t.Errorf("%s: ledger again %+v %v", b.Location(), res, err)
		}
		n, err := b.CountCases(ctx, store.Filter{Query: "例子"})
		if err != nil || n != 5 {
			t.Errorf("%s: search %d %v", b.Location(), n, err)
		}
		if rc, _, err := b.OpenBlob(ctx, sliceSHA); err != nil {
			t.Errorf("%s: open the slice: %v", b.Location(), err)
		} else if got, err := io.ReadAll(rc); err != nil || string(got) != "切片" {
			t.Errorf("%s: the slice reads %q, %v", b.Location(), got, err)
		}
		h, err := b.History(ctx, 1)
		if err != nil || len(h) == 0 || h[0].Clerk != "王芳" {
			t.Errorf("%s: history %+v %v", b.Location(), h, err)
		}
		// New cases continue the numbering.
		if c1, err := b.Case(ctx, 1); err != nil || len(c1.National) != 1 || c1.National[0].Clerk != "李强" ||
			c1.National[0].Filing != "晋ICP备12345670号-1" {
			t.Errorf("%s: national record %+v %v", b.Location(), c1, err)
		}
		nc, err := b.CreateCase(ctx, store.NewCase{Kind: "deregister", Channel: "fax", Provider: "中国联通",
			ReceivedAt: time.Date(2026, 10, 9, 9, 0, 0, 0, workday.China())}, "x")
		if err != nil || nc.Number != "ZX-2026-0006" {
			t.Errorf("%s: next case %v %v", b.Location(), nc, err)
		}
	}
}

// A target holding anything is refused and left as it was.
func TestRefusesNonEmptyTarget(t *testing.T) {
	ctx := context.Background()
	c := pgtest.Get(t)
	dir := t.TempDir()
	src, err := sqlite.Open(ctx, filepath.Join(dir, "src.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	fill(t, src)
	pg, err := postgres.Open(ctx, c.SuperURL(c.NewDatabase(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	if err := pg.SetSetting(ctx, "x", "y"); err != nil {
		t.Fatal(err)
	}
	if _, err := bookcopy.Copy(ctx, src, pg); !errors.Is(err, bookcopy.ErrNotEmpty) {
		t.Fatalf("copy into a used book: %v", err)
	}
	if n, _ := pg.CountCases(ctx, store.Filter{}); n != 0 {
		t.Fatalf("target got %d cases", n)
	}
	other, err := sqlite.Open(ctx, filepath.Join(dir, "other.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	fill(t, other)
	if _, err := bookcopy.Copy(ctx, src, other); !errors.Is(err, bookcopy.ErrNotEmpty) {
		t.Fatalf("copy into a used file: %v", err)
	}
}

// sliceSHA is the SHA-256 of 切片, the content of fill's slice.
var sliceSHA = func() string { s := sha256.Sum256([]byte("切片")); return hex.EncodeToString(s[:]) }()
