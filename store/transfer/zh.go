package transfer

// The clerk's words for what decoding found broken.
const (
	msgBase64Truncated = "base64 内容不完整（可能被截断），已解码可读部分"
	msgBase64Invalid   = "base64 内容中有 %d 个无效字符，已忽略"
	msgUnknownEncoding = "存储的附件使用了未知的编码 %q"
)
