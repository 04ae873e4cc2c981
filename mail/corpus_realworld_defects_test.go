package mail

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRealWorldDefects keeps the real mails that broke the parser as
// regression tests, each with what it must read (checked against Python told
// the mail's charset: testdata/realworld/golden_codec.json).
func TestRealWorldDefects(t *testing.T) {
	for _, c := range []struct {
		file            string
		fromAddr, text  string
		problem         string
		textMustNotHold string
	}{
		// Undeclared Shift_JIS was read as GB18030 (傕傕偑偼…).
		{file: "spamassassin/spam-1-00263.eml", text: "ももがはじけてぶどうがゆれる", textMustNotHold: "傕傕"},
		{file: "spamassassin/spam-1-00320.eml", text: "ロリータビデオ（ＤＶＤ）専門"},
		// Undeclared Big5 in the From local part and the text was read as GB18030
		// with U+FFFD (倍м).
		{file: "spamassassin/spam-2-00706.eml", fromAddr: "力捷科技@mx.serv.net", text: "不好意思打攪您！如果本廣告信對您產生困擾"},
		{file: "spamassassin/spam-2-00708.eml", fromAddr: "力捷科技@mx.serv.net"},
		// Windows-1252 quotes and no-break spaces in a text without charset were
		// read as GB18030 pairs (揃ut, 牋).
		{file: "spamassassin/easy-ham-1-02333.eml", text: "“But industry analysts say…” Four little words", textMustNotHold: "揃"},
		{file: "spamassassin/spam-2-00028.eml", text: "Your Membership Exchange Issue #422", textMustNotHold: "牋"},
		// A text part labelled base64 that holds words was decoded to garbage.
		{file: "enmime/mail-mime-bad-content-transfer-encoding.eml", text: "ploozdect  nispplul swunkglap", problem: "正文声明为 base64 但实为普通文字，已按原文读取"},
	} {
		fh, err := os.Open(filepath.Join(realWorldDir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(fh, hashOnly)
		fh.Close()
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		if c.fromAddr != "" && m.FromAddr != c.fromAddr {
			t.Errorf("%s: FromAddr = %q, want %q", c.file, m.FromAddr, c.fromAddr)
		}
		if !strings.Contains(m.Text, c.text) {
			t.Errorf("%s: Text does not hold %q; starts %q", c.file, c.text, m.Text[:min(len(m.Text), 200)])
		}
		if c.textMustNotHold != "" && strings.Contains(m.Text, c.textMustNotHold) {
			t.Errorf("%s: Text holds %q", c.file, c.textMustNotHold)
		}
		if c.problem != "" && !slices.Contains(m.Problems, c.problem) {
			t.Errorf("%s: Problems = %q, want %q", c.file, m.Problems, c.problem)
		}
	}
}
