package mail

import (
	"errors"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"
)

func TestPassword(t *testing.T) {
	keyring.MockInit()
	t.Setenv(EnvPassword, "")

	if _, _, err := Password("u@163.com", "imap.163.com"); KindOf(err) != ErrCredential || !strings.Contains(Describe(err), EnvPassword) {
		t.Errorf("no password saved: %v", err)
	}
	if err := SavePassword("u@163.com", "imap.163.com", "from-keyring"); err != nil {
		t.Fatal(err)
	}
	pw, src, err := Password("u@163.com", "imap.163.com")
	if err != nil || pw != "from-keyring" || src != PasswordFromKeyring {
		t.Errorf("keyring: %q %q %v", pw, src, err)
	}
	// Saved per account: another host has none.
	if _, _, err := Password("u@163.com", "imap.126.com"); err == nil {
		t.Errorf("password of another host returned")
	}
	// The environment wins.
	t.Setenv(EnvPassword, "from-env")
	pw, src, err = Password("u@163.com", "imap.163.com")
	if err != nil || pw != "from-env" || src != PasswordFromEnv {
		t.Errorf("env: %q %q %v", pw, src, err)
	}
	t.Setenv(EnvPassword, "")
	if err := DeletePassword("u@163.com", "imap.163.com"); err != nil {
		t.Fatal(err)
	}
	if err := DeletePassword("u@163.com", "imap.163.com"); err != nil {
		t.Errorf("deleting twice: %v", err)
	}
	if _, _, err := Password("u@163.com", "imap.163.com"); err == nil {
		t.Errorf("password still there after delete")
	}
}

// TestPasswordNoKeyring: a headless machine without Secret Service gets a
// message that points at the environment variable.
func TestPasswordNoKeyring(t *testing.T) {
	keyring.MockInitWithError(errors.New("The name org.freedesktop.secrets was not provided by any .service files"))
	t.Cleanup(keyring.MockInit)
	t.Setenv(EnvPassword, "")
	_, _, err := Password("u@163.com", "imap.163.com")
	if KindOf(err) != ErrCredential || !strings.Contains(Describe(err), "系统钥匙串") || !strings.Contains(Describe(err), EnvPassword) {
		t.Errorf("err = %v", err)
	}
	if err := SavePassword("u@163.com", "imap.163.com", "x"); !strings.Contains(Describe(err), EnvPassword) {
		t.Errorf("save err = %v", err)
	}
}
