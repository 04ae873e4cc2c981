package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"beiandesk/assets"
	"beiandesk/store/notice"
)

// Chinese text of the notice command.
const (
	msgNoticeOutOrText = "请用 --out FILE.pdf 写出PDF,或用 --text 输出文本"
	msgNoticeBoth      = "--out 与 --text 不能同时使用"
	msgNoticeWritten   = "已生成%s:%s\n"
	msgNoticeWrite     = "无法写入 %s: %v"
)

// noticeFonts are the bundled fonts every PDF notice embeds.
func noticeFonts() notice.Fonts {
	r, b := assets.NoticeFonts()
	return notice.Fonts{Regular: r, Bold: b}
}

// noticeCmd writes the applicant's notice of a case as an A4 PDF (--out)
// or as text on stdout (--text).
func noticeCmd(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("notice", e)
	kind := fs.String("kind", "", "receipt|accept|return|reject|done")
	out := fs.String("out", "", "PDF file to write")
	text := fs.Bool("text", false, "print the text")
	id, err := parseOneID(fs, args)
	if err != nil {
		return err
	}
	if *kind == "" {
		return usageError{formatRequired("kind")}
	}
	k, err := notice.ParseKind(*kind)
	if err != nil {
		return fieldError("kind", err)
	}
	switch {
	case *out == "" && !*text:
		return usageError{msgNoticeOutOrText}
	case *out != "" && *text:
		return usageError{msgNoticeBoth}
	case *out != "":
		if err := checkOut(*out); err != nil {
			return err
		}
	}
	db, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := notice.ForCase(ctx, db, id, k, time.Now(), e.clerkName(ctx, db))
	if err != nil {
		return err
	}
	if *text {
		_, err := fmt.Fprint(e.stdout, n.Text())
		return err
	}
	data, err := n.PDF(noticeFonts())
	if err != nil {
		return err
	}
	if err := writeFileAtomic(*out, data); err != nil {
		return fieldError("out", fmt.Errorf(msgNoticeWrite, *out, err))
	}
	fmt.Fprintf(e.stderr, msgNoticeWritten, n.Title, *out)
	return nil
}

// writeFileAtomic puts data at path whole or not at all.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".beiandesk-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
