package main

import (
	"os"
	"path/filepath"
	"testing"
)

// Issue 11: a folder on the command line imports the .eml files below it.
func TestImportFolder(t *testing.T) {
	dir := t.TempDir()
	box := filepath.Join(dir, "box")
	os.MkdirAll(filepath.Join(box, "2026-03"), 0o755)
	os.WriteFile(filepath.Join(box, "a.eml"), []byte(cliMailN(1)), 0o644)
	os.WriteFile(filepath.Join(box, "2026-03", "b.EML"), []byte(cliMailN(2)), 0o644)
	os.WriteFile(filepath.Join(box, "readme.txt"), []byte("not mail"), 0o644)
	db := filepath.Join(dir, "b.db")
	code, out, errOut := runCLI(t, "import", box, "--db", db)
	if code != 0 || out != "新邮件 2 封,重复 0 封\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
