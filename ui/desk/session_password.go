package desk

import "sync"

// sessionPasswords remembers a 授权码 for this run only, for a desktop
// without a usable keyring (no Secret Service): the clerk can still test
// and sync, and is told that the code will not be remembered. It is never
// written anywhere. It lives beside the mail backend rather than wrapping
// it, so that remembering a code never swaps d.mail under a running sync.
type sessionPasswords struct {
	mu  sync.Mutex
	pws map[string]string
}

func (s *sessionPasswords) get(user, host string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	pw, ok := s.pws[user+"@"+host]
	return pw, ok
}

func (s *sessionPasswords) remember(user, host, pw string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pws == nil {
		s.pws = map[string]string{}
	}
	s.pws[user+"@"+host] = pw
}

// password is the 授权码 for user@host and where it came from: the code
// typed in this run, else the mail backend's (environment or keyring).
func (d *Desk) password(user, host string) (string, string, error) {
	if pw, ok := d.session.get(user, host); ok {
		return pw, txtPasswordSession, nil
	}
	return d.mail.Password(user, host)
}

// rememberForSession keeps pw for user@host until the program ends.
func (d *Desk) rememberForSession(user, host, pw string) {
	d.session.remember(user, host, pw)
}
