package notice

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed (poppler-utils / tesseract-ocr, see .ci/deps)", name)
	}
}

// hiddenFonts is an environment in which fontconfig finds no font at all,
// as on a bare machine: what the PDF shows must come from the file itself.
func hiddenFonts(t *testing.T) []string {
	dir := t.TempDir()
	conf := filepath.Join(dir, "fonts.conf")
	os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><cachedir>`+dir+`</cachedir></fontconfig>`), 0o644)
	return append(os.Environ(), "FONTCONFIG_FILE="+conf, "FONTCONFIG_PATH="+dir, "HOME="+dir, "XDG_DATA_HOME="+dir)
}

func run(t *testing.T, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, errb.String())
	}
	return out.String() + errb.String()
}

// TestPDFReadBack writes every notice the book allows, then reads each file
// back with poppler: every character of the text is in pdftotext's output
// (none lost at a line break), the font is an embedded, tagged subset, the
// file is small, and it renders without any system font.
func TestPDFReadBack(t *testing.T) {
	needTool(t, "pdftotext")
	needTool(t, "pdffonts")
	needTool(t, "pdftoppm")
	b := newBook(t)
	fonts := testFonts(t)
	env := hiddenFonts(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		kind Kind
	}{
		{"received", KindReceipt}, {"fax", KindReceipt}, {"received", KindReturn}, {"returned", KindReturn},
		{"accepted", KindAccept}, {"done", KindDone}, {"rejected", KindReject},
		{"password-returned", KindReturn}, {"password-accepted", KindAccept},
	} {
		t.Run(tc.name+"/"+string(tc.kind), func(t *testing.T) {
			n, err := b.build(t, tc.name, tc.kind)
			if err != nil {
				t.Fatal(err)
			}
			data, err := n.PDF(fonts)
			if err != nil {
				t.Fatal(err)
			}
			if len(data) > 300<<10 {
				t.Errorf("PDF is %d bytes, more than 300 KB", len(data))
			}
			path := filepath.Join(dir, tc.name+"-"+string(tc.kind)+".pdf")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			got := run(t, env, "pdftotext", "-enc", "UTF-8", path, "-")
			if strings.Contains(got, "Syntax Error") || strings.Contains(got, "xref") {
				t.Errorf("poppler complains about the file:\n%s", got)
			}
			// Compare as a multiset of characters: layout may reorder
			// lines, but nothing may go missing.
			have := map[rune]int{}
			for _, r := range got {
				have[r]++
			}
			for _, r := range n.Text() {
				if unicode.IsSpace(r) || r == '\u3000' {
					continue
				}
				if have[r] == 0 {
					t.Errorf("character %q of the notice is not in the PDF's text", r)
					continue
				}
				have[r]--
			}
			// Whole phrases too, where the PDF keeps them on one line.
			for _, w := range []string{n.Title, n.CaseNumber, n.DateText(), n.Signature} {
				if !strings.Contains(got, w) {
					t.Errorf("pdftotext lacks %q", w)
				}
			}
			// The signature and the date never go to a page of their own.
			if first := run(t, env, "pdftotext", "-enc", "UTF-8", "-l", "1", path, "-"); !strings.Contains(first, n.DateText()) {
				t.Errorf("the date is not on the first page")
			}
			fl := run(t, env, "pdffonts", path)
			lines := strings.Split(strings.TrimSpace(fl), "\n")
			if len(lines) < 3 {
				t.Fatalf("no fonts: %s", fl)
			}
			for _, ln := range lines[2:] {
				f := strings.Fields(ln)
				// name type... emb sub uni: the three flags come before the object ID.
				if len(f) < 6 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || f[len(f)-3] != "yes" {
					t.Errorf("font not embedded as a subset with ToUnicode: %q", ln)
				}
				if name := f[0]; len(name) < 8 || name[6] != '+' || strings.ToUpper(name[:6]) != name[:6] {
					t.Errorf("font %q has no subset tag", name)
				}
			}
			run(t, env, "pdftoppm", "-r", "30", "-png", path, filepath.Join(dir, "page"))
		})
	}
}

// TestPDFNoSystemFonts renders a notice with every system font hidden and
// reads the picture back with OCR: the Chinese comes from the embedded
// subset, not from empty boxes.
func TestPDFNoSystemFonts(t *testing.T) {
	needTool(t, "pdftoppm")
	needTool(t, "tesseract")
	b := newBook(t)
	n, err := b.build(t, "received", KindReceipt)
	if err != nil {
		t.Fatal(err)
	}
	data, err := n.PDF(testFonts(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "r.pdf")
	os.WriteFile(path, data, 0o644)
	env := hiddenFonts(t)
	run(t, env, "pdftoppm", "-r", "150", "-png", "-singlefile", path, filepath.Join(dir, "r"))
	if out := os.Getenv("NOTICE_PNG"); out != "" {
		// The README's picture is made this way.
		run(t, env, "pdftoppm", "-r", "80", "-png", "-singlefile", path, strings.TrimSuffix(out, ".png"))
	}
	ocr := run(t, env, "tesseract", filepath.Join(dir, "r.png"), "-", "-l", "chi_sim")
	ocr = strings.Join(strings.Fields(ocr), "")
	for _, w := range []string{"收件回执", "山西省通信管理局", "不表示已受理"} {
		if !strings.Contains(ocr, w) {
			t.Errorf("OCR of the rendered page lacks %q:\n%s", w, ocr)
		}
	}
}

func TestPDFRefusesMissingGlyph(t *testing.T) {
	b := newBook(t)
	n, err := b.build(t, "received", KindReceipt)
	if err != nil {
		t.Fatal(err)
	}
	n.Addressee = "𠀀某某公司" // CJK Extension B, outside the bundled GBK subset
	if _, err := n.PDF(testFonts(t)); err == nil || !strings.Contains(err.Error(), "字体中没有字符") {
		t.Errorf("err = %v", err)
	}
	if _, err := n.PDF(Fonts{}); err == nil || !strings.Contains(err.Error(), "无法载入告知书字体") {
		t.Errorf("no font: err = %v", err)
	}
}

func TestWrap(t *testing.T) {
	// One unit per rune, so the arithmetic is visible.
	w := func(s string) float64 { return float64(len([]rune(s))) }
	tests := []struct {
		in          string
		first, rest float64
		want        []string
	}{
		{"一二三四五六", 4, 4, []string{"一二三四", "五六"}},
		{"一二三四，五六", 4, 4, []string{"一二三四，", "五六"}},   // the comma hangs
		{"一二（三四五", 3, 3, []string{"一二", "（三四", "五"}}, // the bracket goes with what follows
		{"邮箱 beianzhuxiao@163.com 号", 10, 10, []string{"邮箱", "beianzhuxi", "ao@163.com", "号"}},
		{"甲 abc 乙", 5, 5, []string{"甲 abc", "乙"}},
		{"", 4, 4, []string{""}},
	}
	for _, tt := range tests {
		got := wrap(tt.in, tt.first, tt.rest, w)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if strings.ReplaceAll(strings.Join(got, ""), " ", "") != strings.ReplaceAll(tt.in, " ", "") {
			t.Errorf("wrap(%q) lost characters: %q", tt.in, got)
		}
	}
}
