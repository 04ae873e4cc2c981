package mail

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
)

// SentFolderName is the sent folder of NetEase mailboxes; go-imap writes
// it in modified UTF-7 (&XfJT0ZAB-) on the wire.
const SentFolderName = "已发送"

// sentFolder is a logged-in IMAP session on the mailbox's sent folder. It
// never opens INBOX.
type sentFolder struct {
	s    *session
	name string
}

// openSentFolder logs in and finds the sent folder: the mailbox with the
// \Sent special-use attribute, else 已发送 (created when the mailbox has
// neither, as a new mailbox may).
func openSentFolder(ctx context.Context, cfg Config) (*sentFolder, error) {
	cfg, err := cfg.normalize()
	if err != nil {
		return nil, err
	}
	s, err := dial(ctx, cfg)
	if err != nil {
		return nil, err
	}
	y := &syncer{s: s, cfg: cfg, stats: &Stats{}}
	if err := y.login(); err != nil {
		s.close()
		return nil, err
	}
	f := &sentFolder{s: s}
	var list []*imap.ListData
	err = s.step("list", func() error {
		var opts *imap.ListOptions
		if s.client.Caps().Has(imap.CapSpecialUse) {
			opts = &imap.ListOptions{ReturnSpecialUse: true}
		}
		var err error
		list, err = s.client.List("", "*", opts).Collect()
		return err
	})
	if err != nil {
		s.close()
		return nil, err
	}
	for _, l := range list {
		if slices.Contains(l.Attrs, imap.MailboxAttrSent) {
			f.name = l.Mailbox
			break
		}
	}
	if f.name == "" {
		f.name = SentFolderName
		found := false
		for _, l := range list {
			if l.Mailbox == SentFolderName {
				found = true
			}
		}
		if !found {
			if err := createSentFolder(s); err != nil {
				s.close()
				return nil, err
			}
		}
	}
	return f, nil
}

// createSentFolder creates 已发送. Another clerk (or this clerk's other
// window) may have created it since the LIST: then it is there, as wanted.
func createSentFolder(s *session) error {
	return s.step("create", func() error {
		err := s.client.Create(SentFolderName, nil).Wait()
		var ierr *imap.Error
		if errors.As(err, &ierr) && ierr.Code == imap.ResponseCodeAlreadyExists {
			return nil
		}
		return err
	})
}

func (f *sentFolder) close() { f.s.close() }

// has reports whether the folder holds a message with this Message-ID
// (without brackets). The folder is opened read-only.
func (f *sentFolder) has(messageID string) (bool, error) {
	s := f.s
	if err := s.step("examine", func() error {
		_, err := s.client.Select(f.name, &imap.SelectOptions{ReadOnly: true}).Wait()
		return err
	}); err != nil {
		return false, err
	}
	var data *imap.SearchData
	err := s.step("search", func() error {
		var err error
		data, err = s.client.UIDSearch(&imap.SearchCriteria{
			Header: []imap.SearchCriteriaHeaderField{{Key: "Message-ID", Value: "<" + strings.Trim(messageID, "<>") + ">"}},
		}, nil).Wait()
		return err
	})
	if err != nil {
		return false, err
	}
	return len(data.AllUIDs()) > 0, nil
}

// append stores raw in the folder, marked read, dated when it was sent.
func (f *sentFolder) append(raw []byte, sent time.Time) error {
	s := f.s
	return s.step("append", func() error {
		cmd := s.client.Append(f.name, int64(len(raw)), &imap.AppendOptions{Flags: []imap.Flag{imap.FlagSeen}, Time: sent})
		if _, err := cmd.Write(raw); err != nil {
			cmd.Close()
			return err
		}
		if err := cmd.Close(); err != nil {
			return err
		}
		_, err := cmd.Wait()
		return err
	})
}

// fileSent puts a copy of a sent message into the sent folder unless it is
// there already (a server may file SMTP mail itself). It reports whether
// the folder now holds it.
func fileSent(ctx context.Context, cfg Config, messageID string, raw []byte, sent time.Time) (bool, error) {
	f, err := openSentFolder(ctx, cfg)
	if err != nil {
		return false, err
	}
	defer f.close()
	ok, err := f.has(messageID)
	if err != nil || ok {
		return ok, err
	}
	if err := f.append(raw, sent); err != nil {
		return false, err
	}
	return true, nil
}

// inSentFolder reports whether the sent folder holds the Message-ID.
func inSentFolder(ctx context.Context, cfg Config, messageID string) (bool, error) {
	f, err := openSentFolder(ctx, cfg)
	if err != nil {
		return false, err
	}
	defer f.close()
	return f.has(messageID)
}
