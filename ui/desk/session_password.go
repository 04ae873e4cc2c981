package desk

import "sync"

// sessionMail remembers a 授权码 for this run only, for a desktop without a
// usable keyring (no Secret Service): the clerk can still test and sync,
// and is told that the code will not be remembered. It is never written
// anywhere.
type sessionMail struct {
	mailBackend
	mu  sync.Mutex
	pws map[string]string
}

// Password prefers the code typed in this run.
func (s *sessionMail) Password(user, host string) (string, string, error) {
	s.mu.Lock()
	pw, ok := s.pws[user+"@"+host]
	s.mu.Unlock()
	if ok {
		return pw, txtPasswordSession, nil
	}
	return s.mailBackend.Password(user, host)
}

func (s *sessionMail) remember(user, host, pw string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pws == nil {
		s.pws = map[string]string{}
	}
	s.pws[user+"@"+host] = pw
}

// rememberForSession keeps pw for user@host until the program ends.
func (d *Desk) rememberForSession(user, host, pw string) {
	sm, ok := d.mail.(*sessionMail)
	if !ok {
		sm = &sessionMail{mailBackend: d.mail}
		d.mail = sm
	}
	sm.remember(user, host, pw)
}
