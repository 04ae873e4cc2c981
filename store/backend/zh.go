package backend

// Chinese messages of the back-end choice.
const (
	msgNoKeyring = "系统钥匙串不可用,密码无法记住"
	msgNoUser    = "数据库地址「%s」没有用户名"
)
