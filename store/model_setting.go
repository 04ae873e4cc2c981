package store

// Setting keys.
const (
	SettingClerk       = "clerk"
	SettingIMAPHost    = "imap.host"
	SettingIMAPPort    = "imap.port"
	SettingIMAPUser    = "imap.user"
	SettingIMAPMailbox = "imap.mailbox"
	SettingIMAPSec     = "imap.security"
	SettingIMAPPoll    = "imap.poll_minutes"
	SettingLastBackup  = "backup.last_day"
)
