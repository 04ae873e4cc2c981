package mail

import (
	"strconv"
	"strings"
)

// wantAttachment is an expected attachment; size and SHA-256 come from data.
type wantAttachment struct {
	name, contentType string
	data              []byte
	inline            bool
}

// corpusCase is one corpus message with what Parse must find in it. Empty
// expectation fields must be empty in the result too, except where noted.
type corpusCase struct {
	file               string
	covers             string
	build              func() []byte
	subject            string
	fromName, fromAddr string
	messageID          string
	to                 []string // nil: not checked
	date               string   // RFC 3339; "" expects the zero time
	textHas, textNot   []string
	attachments        []wantAttachment
	problems           bool      // Problems must be non-empty (false: must be empty)
	proposal           *Proposal // nil: not checked
}

func corpus() []corpusCase {
	return []corpusCase{
		{
			file:   "01-gb2312-gbk-only-chars.eml",
			covers: "gb2312 label on subject, sender and base64 body holding GBK-only (喆 堃 镕) and 4-byte GB18030 (㐀 𠀀) characters",
			build: func() []byte {
				return eml(
					"Received: from mx1.example.net by mx.desk.example.cn; Mon, 15 Jan 2024 10:30:05 +0800",
					"Message-ID: <20240115103000.0001@sender.example.cn>",
					"Date: Mon, 15 Jan 2024 10:30:00 +0800",
					"From: "+bWord("gb2312", gbk("李喆"))+" <Li.Zhe@Example-Sender.cn>",
					"To: beian@desk.example.cn",
					"Subject: "+bWord("gb2312", gbk("关于王堃、朱镕的备案咨询")),
					"MIME-Version: 1.0",
					"Content-Type: text/plain; charset=gb2312",
					"Content-Transfer-Encoding: base64",
					"",
					b64Body([]byte(gbk("您好：\r\n生僻字测试：喆 堃 镕，扩展A区：㐀，扩展B区：𠀀。\r\n"))),
				)
			},
			subject: "关于王堃、朱镕的备案咨询", fromName: "李喆", fromAddr: "li.zhe@example-sender.cn",
			messageID: "20240115103000.0001@sender.example.cn", to: []string{"beian@desk.example.cn"},
			date:    "2024-01-15T10:30:00+08:00",
			textHas: []string{"生僻字测试：喆 堃 镕", "扩展A区：㐀", "扩展B区：𠀀"},
		},
		{
			file:   "02-split-encoded-words.eml",
			covers: "encoded words split inside a character (gb2312 B, UTF-8 B, gbk Q), a base64 group split across words, folded lines, quoted encoded-word names, ';' separated To",
			build: func() []byte {
				nihao, li := gbk("你好"), gbk("李喆")
				beian := "备案"
				zx := b64("注销")
				zxQ := qWord("gbk", gbk("注销")) // =?gbk?Q?=D7=A2=CF=FA?=
				zxQ1, zxQ2 := zxQ[:len("=?gbk?Q?=D7")]+"?=", "=?gbk?Q?"+zxQ[len("=?gbk?Q?=D7"):]
				return eml(
					"Message-ID: <split-0002@example.cn>",
					"Date: Tue, 16 Jan 2024 09:00:00 +0800",
					"From: "+bWord("gb2312", li[:1])+" "+bWord("gb2312", li[1:])+" <lizhe@example.cn>",
					"To: \""+bWord("utf-8", "备案组")+"\" <A@Desk.example.cn>, b@desk.example.cn;c@desk.example.cn",
					"Subject: "+bWord("gb2312", nihao[:1]),
					" "+bWord("gb2312", nihao[1:])+" "+bWord("UTF-8", beian[:2])+"\t"+bWord("UTF-8", beian[2:]),
					"\t=?utf-8?B?"+zx[:3]+"?= =?utf-8?B?"+zx[3:]+"?= 申请 "+zxQ1+" "+zxQ2,
					"MIME-Version: 1.0",
					"Content-Type: text/plain; charset=utf-8",
					"Content-Transfer-Encoding: 8bit",
					"",
					"正文：拆分的编码词。",
				)
			},
			subject: "你好备案注销 申请 注销", fromName: "李喆", fromAddr: "lizhe@example.cn",
			messageID: "split-0002@example.cn",
			to:        []string{"a@desk.example.cn", "b@desk.example.cn", "c@desk.example.cn"},
			date:      "2024-01-16T09:00:00+08:00",
			textHas:   []string{"正文：拆分的编码词。"},
			proposal:  &Proposal{Kind: "deregister"},
		},
		{
			file:   "03-raw-gbk-headers.eml",
			covers: "raw 8-bit GBK in Subject, From display name (with a 0x40 '@' second byte) and filename (with a 0x5C '\\' second byte inside quotes)",
			build: func() []byte {
				return eml(
					"Message-ID: <raw-gbk-0003@example.cn>",
					"Date: Wed, 17 Jan 2024 11:00:00 +0800",
					"From: "+gbk("王堃丂")+" <wangkun@example.cn>",
					"To: beian@desk.example.cn",
					"Subject: "+gbk("网站备案注销申请（山西某某科技有限公司）"),
					"MIME-Version: 1.0",
					`Content-Type: multipart/mixed; boundary="----=_Part_03"`,
					"",
					"------=_Part_03",
					"Content-Type: text/plain; charset=gbk",
					"Content-Transfer-Encoding: 8bit",
					"",
					gbk("附件是填表说明，请查收。堃"),
					"------=_Part_03",
					`Content-Type: application/msword; name="`+gbk("塡表说明.doc")+`"`,
					`Content-Disposition: attachment; filename="`+gbk("塡表说明.doc")+`"`,
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att03Doc),
					"------=_Part_03--",
				)
			},
			subject: "网站备案注销申请（山西某某科技有限公司）", fromName: "王堃丂", fromAddr: "wangkun@example.cn",
			messageID: "raw-gbk-0003@example.cn", date: "2024-01-17T11:00:00+08:00",
			textHas:     []string{"附件是填表说明，请查收。堃"},
			attachments: []wantAttachment{{name: "塡表说明.doc", contentType: "application/msword", data: att03Doc}},
			proposal: &Proposal{
				Sponsor: "山西某某科技有限公司", Kind: "deregister", SponsorType: "org",
			},
		},
		{
			file:   "04-raw-utf8-headers-binary.eml",
			covers: "raw UTF-8 headers and filename; a Content-Transfer-Encoding: binary attachment with CRLFs and boundary look-alikes kept byte-exact",
			build: func() []byte {
				return eml(
					"Message-ID: <raw-utf8-0004@example.com>",
					"Date: Thu, 18 Jan 2024 08:00:00 +0000",
					"From: 张三 <zhangsan@example.com>",
					"To: beian@desk.example.cn",
					"Subject: 营业执照副本（原始 UTF-8 邮件头）",
					"MIME-Version: 1.0",
					"Content-Type: multipart/mixed; boundary=b04",
					"",
					"--b04",
					"Content-Type: text/plain; charset=utf-8",
					"",
					"正文是 UTF-8。",
					"--b04",
					"Content-Type: application/pdf",
					`Content-Disposition: attachment; filename="营业执照副本.pdf"`,
					"Content-Transfer-Encoding: binary",
					"",
					string(att04Bin),
					"--b04--",
				)
			},
			subject: "营业执照副本（原始 UTF-8 邮件头）", fromName: "张三", fromAddr: "zhangsan@example.com",
			messageID: "raw-utf8-0004@example.com", date: "2024-01-18T08:00:00Z",
			textHas:     []string{"正文是 UTF-8。"},
			attachments: []wantAttachment{{name: "营业执照副本.pdf", contentType: "application/pdf", data: att04Bin}},
		},
		{
			file:   "05-rfc2231-utf8.eml",
			covers: "RFC 2231 filename*=UTF-8''… with a form name marking the kind and sponsor type",
			build: func() []byte {
				return eml(
					"Message-ID: <rfc2231-0005@example.cn>",
					"Date: Fri, 19 Jan 2024 10:00:00 +0800",
					"From: applicant@example.cn",
					"Subject: =?UTF-8?B?"+b64("申请材料")+"?=",
					"MIME-Version: 1.0",
					"Content-Type: multipart/mixed; boundary=\"b05\"",
					"",
					"--b05",
					"Content-Type: text/plain; charset=UTF-8",
					"",
					"见附件。",
					"--b05",
					"Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document",
					"Content-Disposition: attachment;",
					" filename*=UTF-8''"+pct("注销网站APP备案申请表(企业).docx"),
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att05Docx),
					"--b05--",
				)
			},
			subject: "申请材料", fromAddr: "applicant@example.cn", messageID: "rfc2231-0005@example.cn",
			date: "2024-01-19T10:00:00+08:00", textHas: []string{"见附件。"},
			attachments: []wantAttachment{{
				name:        "注销网站APP备案申请表(企业).docx",
				contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				data:        att05Docx,
			}},
			proposal: &Proposal{Kind: "deregister", SponsorType: "org"},
		},
		{
			file:   "06-rfc2231-gbk.eml",
			covers: "RFC 2231 filenames in GBK and under a gb2312 label with a language tag and a GBK-only character",
			build: func() []byte {
				return eml(
					"Message-ID: <rfc2231-gbk-0006@example.cn>",
					"Date: Sat, 20 Jan 2024 10:00:00 +0800",
					"From: applicant@example.cn",
					"Subject: GBK RFC 2231",
					"MIME-Version: 1.0",
					"Content-Type: multipart/mixed; boundary=b06",
					"",
					"--b06",
					"Content-Type: application/msword",
					"Content-Disposition: attachment; filename*=GBK''"+pct(gbk("申请表.doc")),
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att06Doc),
					"--b06",
					"Content-Type: image/jpeg",
					"Content-Disposition: attachment; filename*=gb2312'zh-cn'"+pct(gbk("李喆身份证.jpg")),
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att06Jpg),
					"--b06--",
				)
			},
			subject: "GBK RFC 2231", fromAddr: "applicant@example.cn", messageID: "rfc2231-gbk-0006@example.cn",
			date: "2024-01-20T10:00:00+08:00",
			attachments: []wantAttachment{
				{name: "申请表.doc", contentType: "application/msword", data: att06Doc},
				{name: "李喆身份证.jpg", contentType: "image/jpeg", data: att06Jpg},
			},
		},
		{
			file:   "07-rfc2231-continuations.eml",
			covers: "RFC 2231 continuations (extended, split inside a UTF-8 character; quoted; out of order) and Content-Type name= as fallback",
			build: func() []byte {
				long := []byte("注销网站备案说明.docx")
				return eml(
					"Message-ID: <continuations-0007@example.cn>",
					"Date: Sun, 21 Jan 2024 10:00:00 +0800",
					"From: applicant@example.cn",
					"Subject: continuations",
					"MIME-Version: 1.0",
					"Content-Type: multipart/mixed; boundary=b07",
					"",
					"--b07",
					"Content-Type: application/octet-stream",
					"Content-Disposition: attachment;",
					" filename*0*=UTF-8''"+pct(string(long[:7]))+";",
					" filename*1*="+pct(string(long[7:])),
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att07a),
					"--b07",
					"Content-Type: application/vnd.ms-excel",
					"Content-Disposition: attachment;",
					"\tfilename*0=\"quarterly-report-\";",
					"\tfilename*1=\"2024.xlsx\"",
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att07b),
					"--b07",
					"Content-Type: application/msword",
					"Content-Disposition: attachment; filename*1*="+pct("表.doc")+"; filename*0*=utf-8''"+pct("申请"),
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att07c),
					"--b07",
					`Content-Type: image/jpeg; name="scan-001.jpg"`,
					"Content-Disposition: attachment",
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att07d),
					"--b07--",
				)
			},
			subject: "continuations", fromAddr: "applicant@example.cn", messageID: "continuations-0007@example.cn",
			date: "2024-01-21T10:00:00+08:00",
			attachments: []wantAttachment{
				{name: "注销网站备案说明.docx", contentType: "application/octet-stream", data: att07a},
				{name: "quarterly-report-2024.xlsx", contentType: "application/vnd.ms-excel", data: att07b},
				{name: "申请表.doc", contentType: "application/msword", data: att07c},
				{name: "scan-001.jpg", contentType: "image/jpeg", data: att07d},
			},
		},
		{
			file:   "08-encoded-word-filenames.eml",
			covers: "RFC 2047 encoded words as filenames: GBK B in filename and name, gb2312 Q in name only, UTF-8 B folded and split inside a character",
			build: func() []byte {
				long := "网站负责人授权委托书（盖章版）.pdf"
				return eml(
					"Message-ID: <ew-filenames-0008@example.cn>",
					"Date: Mon, 22 Jan 2024 10:00:00 +0800",
					"From: applicant@example.cn",
					"Subject: encoded-word filenames",
					"MIME-Version: 1.0",
					"Content-Type: multipart/mixed; boundary=b08",
					"",
					"--b08",
					`Content-Type: image/jpeg; name="`+bWord("GBK", gbk("营业执照.jpg"))+`"`,
					`Content-Disposition: attachment; filename="`+bWord("GBK", gbk("营业执照.jpg"))+`"`,
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att08Jpg),
					"--b08",
					`Content-Type: application/pdf; name="`+qWord("gb2312", gbk("承诺书.pdf"))+`"`,
					"Content-Disposition: attachment",
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att08Pdf),
					"--b08",
					"Content-Type: application/pdf",
					`Content-Disposition: attachment; filename="`+bWord("UTF-8", long[:10]),
					" "+bWord("UTF-8", long[10:])+`"`,
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att08Long),
					"--b08--",
				)
			},
			subject: "encoded-word filenames", fromAddr: "applicant@example.cn", messageID: "ew-filenames-0008@example.cn",
			date: "2024-01-22T10:00:00+08:00",
			attachments: []wantAttachment{
				{name: "营业执照.jpg", contentType: "image/jpeg", data: att08Jpg},
				{name: "承诺书.pdf", contentType: "application/pdf", data: att08Pdf},
				{name: "网站负责人授权委托书（盖章版）.pdf", contentType: "application/pdf", data: att08Long},
			},
		},
		{
			file:   "09-gb2312-qp-4byte.eml",
			covers: "quoted-printable text/plain under a gb2312 label with 4-byte GB18030 and GBK-only characters",
			build: func() []byte {
				return eml(
					"Message-ID: <qp-gb2312-0009@example.cn>",
					"Date: Tue, 23 Jan 2024 10:00:00 +0800",
					"From: =?gb2312?Q?"+strings.TrimSuffix(strings.TrimPrefix(qWord("x", gbk("朱镕")), "=?x?Q?"), "?=")+"?= <zhurong@example.cn>",
					"Subject: =?gb2312?Q?"+strings.TrimSuffix(strings.TrimPrefix(qWord("x", gbk("扩展字符 测试")), "=?x?Q?"), "?=")+"?=",
					"MIME-Version: 1.0",
					`Content-Type: text/plain; charset="gb2312"`,
					"Content-Transfer-Encoding: quoted-printable",
					"",
					qpBody(gbk("扩展字符：㐀𠀀，GBK 字：镕喆堃。\r\n这一行很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长，需要软换行。\r\n")),
				)
			},
			subject: "扩展字符 测试", fromName: "朱镕", fromAddr: "zhurong@example.cn",
			messageID: "qp-gb2312-0009@example.cn", date: "2024-01-23T10:00:00+08:00",
			textHas: []string{"扩展字符：㐀𠀀，GBK 字：镕喆堃。", "很长很长，需要软换行。"},
		},
		{
			file:   "10-mixed-charsets.eml",
			covers: "text parts labelled euc-cn, cp936, x-gbk, GB_2312-80, csGB2312, gb18030, big5, hz-gb-2312, utf-8 and an unknown charset holding GBK",
			build: func() []byte {
				part := func(charset, body string) []string {
					return []string{"--b10", "Content-Type: text/plain; charset=" + charset, "", body}
				}
				lines := []string{
					"Message-ID: <charsets-0010@example.cn>",
					"Date: Wed, 24 Jan 2024 10:00:00 +0800",
					"From: charsets@example.cn",
					"Subject: charsets",
					"MIME-Version: 1.0",
					"Content-Type: multipart/mixed; boundary=b10",
					"",
				}
				lines = append(lines, part("euc-cn", gbk("EUC-CN 部分：喆"))...)
				lines = append(lines, part("cp936", gbk("CP936 部分：堃"))...)
				lines = append(lines, part("x-gbk", gbk("X-GBK 部分：镕"))...)
				lines = append(lines, part("GB_2312-80", gbk("GB_2312-80 部分：㐀"))...)
				lines = append(lines, part(`"csGB2312"`, gbk("CSGB2312 部分：𠀀"))...)
				lines = append(lines, part("GB18030", gbk("GB18030 部分：𠀀㐀"))...)
				lines = append(lines, part("big5", big5("BIG5 部分：臺灣"))...)
				lines = append(lines, part("hz-gb-2312", hz("HZ 部分：你好"))...)
				lines = append(lines, part("utf-8", "UTF-8 部分：好")...)
				lines = append(lines, part("x-unknown-foo", gbk("未知字符集部分：堃"))...)
				lines = append(lines, "--b10--")
				return eml(lines...)
			},
			subject: "charsets", fromAddr: "charsets@example.cn", messageID: "charsets-0010@example.cn",
			date: "2024-01-24T10:00:00+08:00",
			textHas: []string{
				"EUC-CN 部分：喆", "CP936 部分：堃", "X-GBK 部分：镕", "GB_2312-80 部分：㐀", "CSGB2312 部分：𠀀",
				"GB18030 部分：𠀀㐀", "BIG5 部分：臺灣", "HZ 部分：你好", "UTF-8 部分：好", "未知字符集部分：堃",
			},
			problems: true,
		},
		{
			file:   "11-base64-sloppy.eml",
			covers: "base64 with irregular line lengths, spaces and tabs, no padding, decoded exactly",
			build: func() []byte {
				enc := strings.TrimRight(b64(string(att11Bin)), "=")
				var lines []string
				for i, n := 0, 0; i < len(enc); i += n {
					n = []int{60, 77, 13, 100, 4}[len(lines)%5]
					end := min(i+n, len(enc))
					chunk := enc[i:end]
					if len(lines)%3 == 1 && len(chunk) > 8 {
						chunk = chunk[:4] + " \t" + chunk[4:] + "  "
					}
					lines = append(lines, chunk)
				}
				text := strings.TrimRight(b64("带空格和缺少填充的 base64 正文。"), "=")
				return eml(append([]string{
					"Message-ID: <b64-sloppy-0011@example.cn>",
					"Date: Thu, 25 Jan 2024 10:00:00 +0800",
					"From: sloppy@example.cn",
					"Subject: sloppy base64",
					"MIME-Version: 1.0",
					"Content-Type: multipart/mixed; boundary=b11",
					"",
					"--b11",
					"Content-Type: text/plain; charset=utf-8",
					"Content-Transfer-Encoding: BASE64 ",
					"",
					text[:10] + " " + text[10:20] + "\r\n" + text[20:],
					"--b11",
					"Content-Type: application/octet-stream; name=sloppy.bin",
					"Content-Transfer-Encoding: base64",
					"",
				}, append(lines, "--b11--")...)...)
			},
			subject: "sloppy base64", fromAddr: "sloppy@example.cn", messageID: "b64-sloppy-0011@example.cn",
			date:        "2024-01-25T10:00:00+08:00",
			textHas:     []string{"带空格和缺少填充的 base64 正文。"},
			attachments: []wantAttachment{{name: "sloppy.bin", contentType: "application/octet-stream", data: att11Bin}},
		},
		{
			file:   "12-qp-sloppy.eml",
			covers: "quoted-printable with lower-case hex, soft breaks, trailing white space and invalid escapes",
			build: func() []byte {
				return eml(
					"Message-ID: <qp-sloppy-0012@example.cn>",
					"Date: Fri, 26 Jan 2024 10:00:00 +0800",
					"From: sloppy@example.cn",
					"Subject: sloppy qp",
					"MIME-Version: 1.0",
					"Content-Type: text/plain; charset=utf-8",
					"Content-Transfer-Encoding: Quoted-Printable",
					"",
					"=e4=bd=a0=E5=a5=bd, lower-case hex",
					"soft break here=",
					"continued   ",
					"invalid =ZZ escape and a lone = sign",
					"trailing white space\t \t",
					"end=",
				)
			},
			subject: "sloppy qp", fromAddr: "sloppy@example.cn", messageID: "qp-sloppy-0012@example.cn",
			date:     "2024-01-26T10:00:00+08:00",
			textHas:  []string{"你好, lower-case hex", "soft break herecontinued", "invalid =ZZ escape and a lone = sign", "trailing white space\nend"},
			problems: true,
		},
		{
			file:   "13-html-only.eml",
			covers: "text/html only, charset from <meta> (GBK), script/style/title dropped, entities, block elements, table cells",
			build: func() []byte {
				page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">` +
					`<title>标题不要</title><style>.x{color:red}</style><script>alert("恶意脚本")</script></head>` +
					`<body><div>尊敬的管理员：</div><p>A &amp; B &lt; C&nbsp;D &#x4E2D;&#25991;</p>` +
					"<table><tr><td>主办单位</td><td>山西某某科技有限公司</td></tr></table>\r\n" +
					"<p>第一段<br>第二行</p>  <p>   多个    空格   </p></body></html>"
				return eml(
					"Message-ID: <html-only-0013@example.cn>",
					"Date: Sat, 27 Jan 2024 10:00:00 +0800",
					"From: html@example.cn",
					"Subject: html only",
					"MIME-Version: 1.0",
					"Content-Type: text/html",
					"Content-Transfer-Encoding: base64",
					"",
					b64Body([]byte(gbk(page))),
				)
			},
			subject: "html only", fromAddr: "html@example.cn", messageID: "html-only-0013@example.cn",
			date:    "2024-01-27T10:00:00+08:00",
			textHas: []string{"尊敬的管理员：\nA & B < C D 中文\n主办单位 山西某某科技有限公司\n第一段\n第二行\n多个 空格"},
			textNot: []string{"alert", "恶意脚本", "color", "标题不要", "<p", "<td"},
			proposal: &Proposal{
				Sponsor: "山西某某科技有限公司", SponsorType: "org",
			},
		},
		{
			file:   "14-alternative-related.eml",
			covers: "multipart/alternative preferring text/plain over multipart/related HTML; inline image (Inline, no disposition) and a regular attachment",
			build: func() []byte {
				return eml(
					"Message-ID: <alternative-0014@example.cn>",
					"Date: Sun, 28 Jan 2024 10:00:00 +0800",
					"From: alt@example.cn",
					"Subject: alternative",
					"MIME-Version: 1.0",
					"Content-Type: multipart/mixed; boundary=outer14",
					"",
					"This is a multi-part message in MIME format.",
					"",
					"--outer14",
					"Content-Type: multipart/alternative; boundary=alt14",
					"",
					"--alt14",
					"Content-Type: text/plain; charset=utf-8",
					"",
					"纯文本版本。",
					"--alt14",
					`Content-Type: multipart/related; type="text/html"; boundary=rel14`,
					"",
					"--rel14",
					"Content-Type: text/html; charset=utf-8",
					"",
					`<p>HTML 版本</p><img src="cid:logo@x">`,
					"--rel14",
					"Content-Type: image/png",
					"Content-ID: <logo@x>",
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att14Png),
					"--rel14--",
					"",
					"--alt14--",
					"--outer14",
					"Content-Type: application/pdf; name=report.pdf",
					"Content-Disposition: attachment; filename=report.pdf",
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att14Pdf),
					"--outer14--",
					"epilogue is ignored",
				)
			},
			subject: "alternative", fromAddr: "alt@example.cn", messageID: "alternative-0014@example.cn",
			date:    "2024-01-28T10:00:00+08:00",
			textHas: []string{"纯文本版本。"},
			textNot: []string{"HTML 版本", "multi-part message", "epilogue"},
			attachments: []wantAttachment{
				{name: "未命名附件1.png", contentType: "image/png", data: att14Png, inline: true},
				{name: "report.pdf", contentType: "application/pdf", data: att14Pdf},
			},
		},
		{
			file:   "15-forwarded-inline.eml",
			covers: "forwarded message/rfc822 shown inline, with a GBK sender and an attachment inside",
			build: func() []byte {
				return eml(
					"Message-ID: <forward-inline-0015@example.cn>",
					"Date: Mon, 29 Jan 2024 10:00:00 +0800",
					"From: forwarder@example.cn",
					"Subject: Fwd: "+bWord("gbk", gbk("原始邮件主题")),
					"MIME-Version: 1.0",
					"Content-Type: multipart/mixed; boundary=b15",
					"",
					"--b15",
					"Content-Type: text/plain; charset=utf-8",
					"",
					"请看下面转发的邮件。",
					"--b15",
					"Content-Type: message/rfc822",
					"",
					string(inner15),
					"--b15--",
				)
			},
			subject: "Fwd: 原始邮件主题", fromAddr: "forwarder@example.cn", messageID: "forward-inline-0015@example.cn",
			date: "2024-01-29T10:00:00+08:00",
			textHas: []string{
				"请看下面转发的邮件。\n\n" + forwardSeparator + "\n发件人: 张三 <zhangsan@example.org>\n日期: 2024-01-10 08:00:00 +0800\n主题: 原始邮件主题\n\n内层正文：晋ICP备87654321号",
			},
			attachments: []wantAttachment{{name: "内层附件.xlsx", contentType: "application/vnd.ms-excel", data: att15Xlsx}},
			proposal:    &Proposal{Filings: []string{"晋ICP备87654321号"}},
		},
		{
			file:   "16-forwarded-attached.eml",
			covers: "message/rfc822 attachments: listed as .eml (named from the inner subject, or from filename with base64 encoding), then their own attachments",
			build: func() []byte {
				return eml(
					"Message-ID: <forward-attached-0016@example.cn>",
					"Date: Tue, 30 Jan 2024 10:00:00 +0800",
					"From: forwarder@example.cn",
					"Subject: two attached messages",
					"MIME-Version: 1.0",
					"Content-Type: multipart/mixed; boundary=b16",
					"",
					"--b16",
					"Content-Type: text/plain; charset=utf-8",
					"",
					"附上两封原始邮件。",
					"--b16",
					"Content-Type: message/rfc822",
					"Content-Disposition: attachment",
					"",
					string(inner16),
					"--b16",
					"Content-Type: message/rfc822; name=\"original.eml\"",
					"Content-Disposition: attachment; filename=\"原邮件.eml\"",
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(inner16b),
					"--b16--",
				)
			},
			subject: "two attached messages", fromAddr: "forwarder@example.cn", messageID: "forward-attached-0016@example.cn",
			date: "2024-01-30T10:00:00+08:00",
			textHas: []string{
				"附上两封原始邮件。", forwardSeparator + "\n发件人: 李四 <lisi@example.org>\n主题: 备案材料\n\n身份证照片见附件。",
				"主题: 第二封\n\n第二封的正文。",
			},
			attachments: []wantAttachment{
				{name: "备案材料.eml", contentType: "message/rfc822", data: inner16},
				{name: "身份证.jpg", contentType: "image/jpeg", data: att16Jpg},
				{name: "原邮件.eml", contentType: "message/rfc822", data: inner16b},
			},
		},
		{
			file:   "17-missing-closing-boundary.eml",
			covers: "multipart without the closing delimiter: the last attachment ends at end of input",
			build: func() []byte {
				return eml(
					"Message-ID: <no-close-0017@example.cn>",
					"Date: Wed, 31 Jan 2024 10:00:00 +0800",
					"From: broken@example.cn",
					"Subject: missing closing boundary",
					"MIME-Version: 1.0",
					"Content-Type: multipart/mixed; boundary=b17",
					"",
					"--b17",
					"Content-Type: text/plain; charset=utf-8",
					"",
					"结束分隔线丢了。",
					"--b17",
					"Content-Type: application/zip; name=files.zip",
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att17Zip),
				)
			},
			subject: "missing closing boundary", fromAddr: "broken@example.cn", messageID: "no-close-0017@example.cn",
			date:        "2024-01-31T10:00:00+08:00",
			textHas:     []string{"结束分隔线丢了。"},
			attachments: []wantAttachment{{name: "files.zip", contentType: "application/zip", data: att17Zip}},
			problems:    true,
		},
		{
			file:   "18-boundary-never-appears.eml",
			covers: "multipart whose boundary never appears: the body is shown as text",
			build: func() []byte {
				return eml(
					"Message-ID: <no-boundary-line-0018@example.cn>",
					"Date: Thu, 1 Feb 2024 10:00:00 +0800",
					"From: broken@example.cn",
					"Subject: boundary never appears",
					"MIME-Version: 1.0",
					"Content-Type: multipart/mixed; boundary=\"never-used\"",
					"",
					"--other-boundary",
					"这封邮件的分隔线和声明的不一样，",
					"内容仍然应当能被看到：晋ICP备11223344号",
				)
			},
			subject: "boundary never appears", fromAddr: "broken@example.cn", messageID: "no-boundary-line-0018@example.cn",
			date:     "2024-02-01T10:00:00+08:00",
			textHas:  []string{"内容仍然应当能被看到：晋ICP备11223344号"},
			problems: true,
			proposal: &Proposal{Filings: []string{"晋ICP备11223344号"}},
		},
		{
			file:   "19-truncated-multipart.eml",
			covers: "message cut inside a base64 attachment: the readable part is saved",
			build: func() []byte {
				full := string(eml(
					"Message-ID: <truncated-0019@example.cn>",
					"Date: Fri, 2 Feb 2024 10:00:00 +0800",
					"From: broken@example.cn",
					"Subject: truncated",
					"MIME-Version: 1.0",
					"Content-Type: multipart/mixed; boundary=b19",
					"",
					"--b19",
					"Content-Type: text/plain; charset=utf-8",
					"",
					"邮件在附件中间被截断。",
					"--b19",
					"Content-Type: image/jpeg; name=photo.jpg",
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att19Full),
					"--b19--",
				))
				start := strings.Index(full, "base64\r\n\r\n") + len("base64\r\n\r\n")
				return []byte(full[:start+19*78+40])
			},
			subject: "truncated", fromAddr: "broken@example.cn", messageID: "truncated-0019@example.cn",
			date:        "2024-02-02T10:00:00+08:00",
			textHas:     []string{"邮件在附件中间被截断。"},
			attachments: []wantAttachment{{name: "photo.jpg", contentType: "image/jpeg", data: att19Kept}},
			problems:    true,
		},
		{
			file:   "20-truncated-base64.eml",
			covers: "single-part base64 attachment cut mid-group (a lone final character)",
			build: func() []byte {
				enc := b64(string(att20Full))
				return eml(
					"Message-ID: <truncated-b64-0020@example.cn>",
					"Date: Sat, 3 Feb 2024 10:00:00 +0800",
					"From: broken@example.cn",
					"Subject: truncated base64",
					"MIME-Version: 1.0",
					"Content-Type: application/pdf; name=\"cut.pdf\"",
					"Content-Disposition: attachment",
					"Content-Transfer-Encoding: base64",
					"",
					enc[:53],
				)
			},
			subject: "truncated base64", fromAddr: "broken@example.cn", messageID: "truncated-b64-0020@example.cn",
			date:        "2024-02-03T10:00:00+08:00",
			attachments: []wantAttachment{{name: "cut.pdf", contentType: "application/pdf", data: att20Kept}},
			problems:    true,
		},
		{
			file:   "21-header-only.eml",
			covers: "a header without body (no blank line, no final line break)",
			build: func() []byte {
				return []byte("Message-ID: <header-only-0021@example.cn>\r\nDate: Sun, 4 Feb 2024 10:00:00 +0800\r\nFrom: broken@example.cn\r\nSubject: " + bWord("utf-8", "只有邮件头"))
			},
			subject: "只有邮件头", fromAddr: "broken@example.cn", messageID: "header-only-0021@example.cn",
			date: "2024-02-04T10:00:00+08:00", problems: true,
		},
		{
			file:   "22-garbage.eml",
			covers: "binary garbage without any header",
			build: func() []byte {
				return append([]byte("\x00\xff\xfe garbage line without colon\n"), payload("22 garbage", 3000)...)
			},
			problems: true,
		},
		{
			file:   "23-deep-nesting.eml",
			covers: "30 nested multiparts: parsing stops at depth 20 with a note",
			build: func() []byte {
				lines := []string{
					"Message-ID: <deep-0023@example.cn>",
					"Date: Mon, 5 Feb 2024 10:00:00 +0800",
					"From: deep@example.cn",
					"Subject: deep nesting",
					"MIME-Version: 1.0",
					"Content-Type: multipart/mixed; boundary=d0",
					"",
					"--d0",
					"Content-Type: text/plain; charset=utf-8",
					"",
					"第一层文字。",
				}
				for i := 0; i < deepNested; i++ {
					lines = append(lines, "--d"+strconv.Itoa(i), "Content-Type: multipart/mixed; boundary=d"+strconv.Itoa(i+1), "")
				}
				lines = append(lines, "--d"+strconv.Itoa(deepNested), "Content-Type: text/plain; charset=utf-8", "", "最深处的文字。")
				for i := deepNested; i >= 0; i-- {
					lines = append(lines, "--d"+strconv.Itoa(i)+"--")
				}
				return eml(lines...)
			},
			subject: "deep nesting", fromAddr: "deep@example.cn", messageID: "deep-0023@example.cn",
			date:     "2024-02-05T10:00:00+08:00",
			textHas:  []string{"第一层文字。"},
			textNot:  []string{"最深处的文字。"},
			problems: true,
		},
		{
			file:   "24-no-boundary-param.eml",
			covers: "multipart Content-Type without a boundary parameter: the delimiter is guessed",
			build: func() []byte {
				return eml(
					"Message-ID: <guess-0024@example.cn>",
					"Date: Tue, 6 Feb 2024 10:00:00 +0800",
					"From: broken@example.cn",
					"Subject: no boundary parameter",
					"MIME-Version: 1.0",
					"Content-Type: multipart/mixed",
					"",
					"--guess24",
					"Content-Type: text/plain; charset=utf-8",
					"",
					"分隔线是猜出来的。",
					"--guess24",
					"Content-Type: text/plain; name=notes.txt",
					"Content-Disposition: attachment",
					"Content-Transfer-Encoding: base64",
					"",
					b64Body(att24Txt),
					"--guess24--",
				)
			},
			subject: "no boundary parameter", fromAddr: "broken@example.cn", messageID: "guess-0024@example.cn",
			date:        "2024-02-06T10:00:00+08:00",
			textHas:     []string{"分隔线是猜出来的。"},
			attachments: []wantAttachment{{name: "notes.txt", contentType: "text/plain", data: att24Txt}},
			problems:    true,
		},
		dupCase("25-duplicate-a.eml", "from relay-a.example.net (relay-a [192.0.2.1])"),
		dupCase("26-duplicate-b.eml", "from relay-b.example.net (relay-b [192.0.2.2])\r\n\tby mx2.desk.example.cn with ESMTPS"),
		{
			file:   "27-no-message-id.eml",
			covers: "no Message-ID: identified by BodySHA256",
			build: func() []byte {
				return []byte("Date: Thu, 8 Feb 2024 10:00:00 +0800\r\nFrom: noid@example.cn\r\nSubject: no message id\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + noIDBody)
			},
			subject: "no message id", fromAddr: "noid@example.cn", date: "2024-02-08T10:00:00+08:00",
			textHas: []string{"没有 Message-ID 的邮件，按内容哈希识别。"},
		},
		{
			file:   "28-deregister-request.eml",
			covers: "realistic company 注销备案 request (Foxmail style): GBK alternative text/HTML, encoded-word and RFC 2231 attachment names, all proposal fields",
			build: func() []byte {
				text := "尊敬的管理员：\r\n" +
					"　　您好！我司因业务调整，申请注销网站备案，相关信息如下：\r\n" +
					"　　主办单位：山西某某科技有限公司\r\n" +
					"　　统一社会信用代码：" + sponsorUSCC + "\r\n" +
					"　　ICP备案号：晋ICP备12345678号-1\r\n" +
					"　　网站域名：www.shanxi-example.com.cn\r\n" +
					"　　联系人：李喆　电话：0351-8788032　手机：139 1234 5678\r\n" +
					"　　联系邮箱：lizhe@163.com\r\n" +
					"附件为《注销网站APP备案申请表(企业)》和营业执照，请审核。\r\n" +
					"此致\r\n敬礼\r\n"
				html := "<html><body><p>尊敬的管理员：</p><p>HTML 版本不应出现在文本中。</p></body></html>"
				return eml(
					"Received: from smtp.example.net by mx.desk.example.cn; Fri, 9 Feb 2024 15:20:31 +0800",
					"Message-ID: <202402091520293651231@shanxi-example.com.cn>",
					"Date: Fri, 9 Feb 2024 15:20:29 +0800",
					"From: \""+bWord("gb2312", gbk("李喆"))+"\" <lizhe@shanxi-example.com.cn>",
					"To: =?gb2312?B?"+b64(gbk("备案中心"))+"?= <beian@desk.example.cn>",
					"Subject: "+bWord("gb2312", gbk("关于注销山西某某科技有限公司网站备案的申请")),
					"X-Mailer: Foxmail 7.2.25.228[cn]",
					"Mime-Version: 1.0",
					"Content-Type: multipart/mixed;",
					"\tboundary=\"----=_001_NextPart572182624333_=----\"",
					"",
					"This is a multi-part message in MIME format.",
					"",
					"------=_001_NextPart572182624333_=----",
					"Content-Type: multipart/alternative;",
					"\tboundary=\"----=_002_NextPart028433248347_=----\"",
					"",
					"",
					"------=_002_NextPart028433248347_=----",
					"Content-Type: text/plain;",
					"\tcharset=\"gb2312\"",
					"Content-Transfer-Encoding: base64",
					"",
					b64Body([]byte(gbk(text))),
					"",
					"------=_002_NextPart028433248347_=----",
					"Content-Type: text/html;",
					"\tcharset=\"gb2312\"",
					"Content-Transfer-Encoding: base64",
					"",
					b64Body([]byte(gbk(html))),
					"",
					"------=_002_NextPart028433248347_=------",
					"",
					"------=_001_NextPart572182624333_=----",
					"Content-Type: application/msword;",
					"\tname=\""+bWord("gb2312", gbk("注销网站APP备案申请表(企业).doc"))+"\"",
					"Content-Transfer-Encoding: base64",
					"Content-Disposition: attachment;",
					"\tfilename=\""+bWord("gb2312", gbk("注销网站APP备案申请表(企业).doc"))+"\"",
					"",
					b64Body(att28Doc),
					"",
					"------=_001_NextPart572182624333_=----",
					"Content-Type: image/jpeg;",
					"\tname*=UTF-8''"+pct("营业执照.jpg"),
					"Content-Transfer-Encoding: base64",
					"Content-Disposition: attachment;",
					"\tfilename*=UTF-8''"+pct("营业执照.jpg"),
					"",
					b64Body(att28Jpg),
					"",
					"------=_001_NextPart572182624333_=------",
					"",
				)
			},
			subject: "关于注销山西某某科技有限公司网站备案的申请", fromName: "李喆", fromAddr: "lizhe@shanxi-example.com.cn",
			messageID: "202402091520293651231@shanxi-example.com.cn", to: []string{"beian@desk.example.cn"},
			date:    "2024-02-09T15:20:29+08:00",
			textHas: []string{"主办单位：山西某某科技有限公司", "ICP备案号：晋ICP备12345678号-1"},
			textNot: []string{"HTML 版本"},
			attachments: []wantAttachment{
				{name: "注销网站APP备案申请表(企业).doc", contentType: "application/msword", data: att28Doc},
				{name: "营业执照.jpg", contentType: "image/jpeg", data: att28Jpg},
			},
			proposal: &Proposal{
				Filings:     []string{"晋ICP备12345678号-1"},
				Domains:     []string{"shanxi-example.com.cn", "www.shanxi-example.com.cn"},
				USCCs:       []string{sponsorUSCC},
				Phones:      []string{"0351-8788032", "13912345678"},
				Sponsor:     "山西某某科技有限公司",
				Kind:        "deregister",
				SponsorType: "org",
			},
		},
		{
			file:   "29-password-personal.eml",
			covers: "personal 找回密码 request: ID number, mobile with separators, full-width digits in the filing number",
			build: func() []byte {
				text := "您好：\r\n主办者：张三\r\n身份证号码：11010519491231002X\r\n" +
					"备案号：京ＩＣＰ备８７６５４３２１号\r\n手机：138-1234-5678\r\n网站：http://zhangsan-blog.cn/about\r\n" +
					"本人为个人备案，忘记备案密码，申请找回密码。\r\n"
				return eml(
					"Message-ID: <password-0029@example.cn>",
					"Date: Sat, 10 Feb 2024 10:00:00 +0800",
					"From: =?utf-8?B?"+b64("张三")+"?= <zhangsan@qq.com>",
					"Subject: =?utf-8?B?"+b64("找回备案密码")+"?=",
					"MIME-Version: 1.0",
					"Content-Type: text/plain; charset=utf-8",
					"Content-Transfer-Encoding: base64",
					"",
					b64Body([]byte(text)),
				)
			},
			subject: "找回备案密码", fromName: "张三", fromAddr: "zhangsan@qq.com", messageID: "password-0029@example.cn",
			date:    "2024-02-10T10:00:00+08:00",
			textHas: []string{"主办者：张三"},
			proposal: &Proposal{
				Filings:     []string{"京ICP备87654321号"},
				Domains:     []string{"zhangsan-blog.cn"},
				IDNumbers:   []string{"11010519491231002X"},
				Phones:      []string{"13812345678"},
				Sponsor:     "张三",
				Kind:        "password",
				SponsorType: "person",
			},
		},
		{
			file:   "30-mbox-lf-odd-date.eml",
			covers: "mbox From_ line, LF-only line endings, lower-case q encoded word, date without weekday and zone name in parentheses, inline GIF with disposition",
			build: func() []byte {
				s := strings.Join([]string{
					"From sender@example.cn Sun Feb 11 10:00:00 2024",
					"Message-ID: <mbox-0030@example.cn>",
					"Date: 11 Feb 2024 10:00:00 +0800 (CST)",
					"From: sender@example.cn (=?utf-8?q?=E7=8E=8B=E4=BA=94?=)",
					"Subject: =?utf-8?q?LF_=E6=8D=A2=E8=A1=8C?=",
					"MIME-Version: 1.0",
					"Content-Type: multipart/related; boundary=b30",
					"",
					"--b30",
					"Content-Type: text/plain; charset=utf-8",
					"",
					"只有 LF 换行。",
					"--b30",
					"Content-Type: image/gif",
					"Content-Disposition: inline; filename=smile.gif",
					"Content-Transfer-Encoding: base64",
					"",
					strings.ReplaceAll(b64Body(att30Gif), "\r\n", "\n"),
					"--b30--",
					"",
				}, "\n")
				return []byte(s)
			},
			subject: "LF 换行", fromName: "王五", fromAddr: "sender@example.cn", messageID: "mbox-0030@example.cn",
			date:        "2024-02-11T10:00:00+08:00",
			textHas:     []string{"只有 LF 换行。"},
			attachments: []wantAttachment{{name: "smile.gif", contentType: "image/gif", data: att30Gif, inline: true}},
		},
		{
			file:   "31-utf8-mislabelled-bad-date.eml",
			covers: "GBK body labelled utf-8 (decoded as GB18030 with a note), an unparseable Date, no From",
			build: func() []byte {
				return eml(
					"Message-ID: <mislabelled-0031@example.cn>",
					"Date: 昨天下午",
					"Subject: mislabelled",
					"Content-Type: text/plain; charset=utf-8",
					"Content-Transfer-Encoding: 8bit",
					"",
					gbk("这段正文其实是 GBK 编码的，喆。"),
				)
			},
			subject: "mislabelled", messageID: "mislabelled-0031@example.cn",
			textHas:  []string{"这段正文其实是 GBK 编码的，喆。"},
			problems: true,
		},
	}
}

// dupCase builds one of two deliveries of the same message that differ only in
// their Received header.
func dupCase(file, received string) corpusCase {
	return corpusCase{
		file:   file,
		covers: "duplicate delivery: same Message-ID and body as its twin, different Received header",
		build: func() []byte {
			return []byte("Received: " + received + "\r\n" + strings.Join(dupBody, "\r\n"))
		},
		subject: "同一封信投递两次", fromAddr: "dup@example.cn", messageID: "duplicate-0025@example.cn",
		date:    "2024-02-07T10:00:00+08:00",
		textHas: []string{"这封信会收到两份。"},
	}
}

func dupBodyLines() []string {
	return []string{
		"Message-ID: <duplicate-0025@example.cn>",
		"Date: Wed, 7 Feb 2024 10:00:00 +0800",
		"From: dup@example.cn",
		"Subject: " + bWord("utf-8", "同一封信投递两次"),
		"Content-Type: text/plain; charset=utf-8",
		"",
		"这封信会收到两份。",
		"",
	}
}

func inner15Message() []byte {
	return eml(
		"Message-ID: <inner-15@example.org>",
		"Date: Wed, 10 Jan 2024 08:00:00 +0800",
		"From: "+bWord("gbk", gbk("张三"))+" <zhangsan@example.org>",
		"Subject: "+bWord("gbk", gbk("原始邮件主题")),
		"MIME-Version: 1.0",
		"Content-Type: multipart/mixed; boundary=inner15",
		"",
		"--inner15",
		"Content-Type: text/plain; charset=gbk",
		"Content-Transfer-Encoding: base64",
		"",
		b64Body([]byte(gbk("内层正文：晋ICP备87654321号"))),
		"--inner15",
		"Content-Type: application/vnd.ms-excel",
		"Content-Disposition: attachment; filename=\""+bWord("utf-8", "内层附件.xlsx")+"\"",
		"Content-Transfer-Encoding: base64",
		"",
		b64Body(att15Xlsx),
		"--inner15--",
	)
}

func inner16Message() []byte {
	return eml(
		"Message-ID: <inner-16@example.org>",
		"From: "+bWord("utf-8", "李四")+" <lisi@example.org>",
		"Subject: "+bWord("utf-8", "备案材料"),
		"MIME-Version: 1.0",
		"Content-Type: multipart/mixed; boundary=inner16",
		"",
		"--inner16",
		"Content-Type: text/plain; charset=utf-8",
		"",
		"身份证照片见附件。",
		"--inner16",
		"Content-Type: image/jpeg; name=\"身份证.jpg\"",
		"Content-Disposition: attachment",
		"Content-Transfer-Encoding: base64",
		"",
		b64Body(att16Jpg),
		"--inner16--",
	)
}

func inner16bMessage() []byte {
	return eml(
		"Message-ID: <inner-16b@example.org>",
		"From: wangwu@example.org",
		"Subject: "+bWord("utf-8", "第二封"),
		"Content-Type: text/plain; charset=utf-8",
		"",
		"第二封的正文。",
	)
}
