package store

// Chinese messages of the ledger import (LegacyCase.Check).
const (
	msgSponsorRequired     = "主办者名称不能为空"
	msgReceivedFuture      = "收件时间 %s 晚于当前时间"
	msgLedgerClosedMissing = "状态为「%s」,但办结日期为空"
	msgLedgerClosedEarly   = "办结日期 %s 早于收件日期 %s"
	msgLedgerClosedFuture  = "办结日期 %s 晚于今天"
	msgLedgerEvent         = "台账导入(%s 第%d行)"
	msgLedgerEventShort    = "台账导入"
)
