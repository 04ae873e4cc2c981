package desk

// Strings of the "from the mail" hint in 登记.
const (
	txtFromMailHint = "%s\n来自邮件：%s"
	txtFromMailSep  = "、"
)
