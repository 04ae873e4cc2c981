package desk

// Chinese text about the server connection and the choice of book.
const (
	txtConnLost = "服务器连接中断,正在重连"
)
