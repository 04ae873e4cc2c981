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
	// SettingAfterHours is "1" when a request received after 17:30 or on
	// a day off counts as received on the next working day.
	SettingAfterHours = "after_hours_receipt"
)
