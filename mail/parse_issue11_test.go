package mail

// Issue 11's decoding defects, each shown by a mail made here.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"testing"
)

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// uuencode encodes data as an x-uuencode body, 45 bytes a line.
func uuencode(name string, data []byte) string {
	var b strings.Builder
	b.WriteString("begin 644 " + name + "\r\n")
	enc := func(c byte) byte {
		if c == 0 {
			return '`'
		}
		return c + ' '
	}
	for i := 0; i < len(data); i += 45 {
		chunk := data[i:min(i+45, len(data))]
		b.WriteByte(enc(byte(len(chunk))))
		for j := 0; j < len(chunk); j += 3 {
			var g [3]byte
			copy(g[:], chunk[j:])
			b.WriteByte(enc(g[0] >> 2))
			b.WriteByte(enc((g[0]<<4 | g[1]>>4) & 63))
			b.WriteByte(enc((g[1]<<2 | g[2]>>6) & 63))
			b.WriteByte(enc(g[2] & 63))
		}
		b.WriteString("\r\n")
	}
	b.WriteString("`\r\nend\r\n")
	return b.String()
}

func TestIssue11Defects(t *testing.T) {
	docx := bytes.Repeat([]byte("PK\x03\x04 word/document.xml "), 200)
	tests := []struct {
		name                string
		raw                 string
		subject, from, addr string
		textHas, textLacks  string
		attach              []string // "name sha256"
	}{
		{
			name: "1 white-space-only folded line in the header",
			raw: "From: a@example.cn\r\nSubject: =?gb2312?B?" + b64(gbk("注销备案")) + "?=\r\n \r\n" +
				"X-Spam-Report: \r\n\t\r\n\t* 0.1 RULE\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n正文\r\n",
			subject: "注销备案", addr: "a@example.cn", textHas: "正文", textLacks: "X-Spam",
		},
		{
			name: "1 Coremail part header with a white-space-only line keeps the .docx",
			raw: "From: u@163.com\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" +
				"--b\r\nContent-Type: text/plain; charset=GBK\r\n\r\n" + gbk("见附件") + "\r\n" +
				"--b\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;\r\n" +
				"\tname=\"=?GBK?B?" + b64(gbk("申请表.docx")) + "?=\"\r\n \r\n" +
				"Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment;\r\n\tfilename=\"=?GBK?B?" + b64(gbk("申请表.docx")) + "?=\"\r\n\r\n" +
				b64Body(docx) + "\r\n--b--\r\n",
			subject: "s", addr: "u@163.com", textHas: "见附件", attach: []string{"申请表.docx " + sum(docx)},
		},
		{
			name:    "2 declared ISO-8859-1 word and Latin-1 body are not GB18030",
			raw:     "From: =?iso-8859-1?Q?Ren=E9e?= <r@example.fr>\r\nSubject: =?iso-8859-1?Q?caf=E9_cr=E8me?=\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\nd\xe9j\xe0 vu\r\n",
			subject: "café crème", from: "Renée", addr: "r@example.fr", textHas: "déjà vu",
		},
		{
			name:    "2 Big5 body and raw Big5 subject hinted by the body's charset",
			raw:     "From: t@example.tw\r\nSubject: " + big5("臺灣備案") + "\r\nContent-Type: text/plain; charset=big5\r\n\r\n" + big5("繁體中文") + "\r\n",
			subject: "臺灣備案", addr: "t@example.tw", textHas: "繁體中文",
		},
		{
			name:    "3 one stray byte does not garble a UTF-8 subject or body",
			raw:     "From: a@example.cn\r\nSubject: 申请注销\xff晋ICP备12345678号\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n申请注销网站\x92s 备案\r\n",
			subject: "申请注销ÿ晋ICP备12345678号", addr: "a@example.cn", textHas: "申请注销网站’s 备案",
		},
		{
			name:    "3 encoded words decided one by one",
			raw:     "From: a@example.cn\r\nSubject: =?utf-8?B?" + b64("注销") + "?= =?gbk?B?" + b64(gbk("备案")) + "?= =?utf-8?Q?ok=FF?=\r\n\r\nx\r\n",
			subject: "注销备案okÿ", addr: "a@example.cn",
		},
		{
			name:    "4 encoded word with spaces (Mailman) and trailing apostrophe",
			raw:     "From: \"=?UTF-8?Q? Jan_Pol=C3=A1=C5=A1ek ?= via Jones'\" <list@example.org>\r\nSubject: =?UTF-8?Q? Re:_z=C3=A1pis ?=\r\n\r\nx\r\n",
			subject: "Re: zápis", from: "Jan Polášek via Jones'", addr: "list@example.org",
		},
		{
			name:    "5 a space in a field name does not end the header",
			raw:     "From: a@example.cn\r\nX Mailer: Foxmail 7\r\nSubject: still header\r\n\r\nbody\r\n",
			subject: "still header", addr: "a@example.cn", textHas: "body", textLacks: "Subject",
		},
		{
			name: "6 x-uuencode attachment",
			raw: "From: a@example.cn\r\nSubject: uu\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee file\r\n" +
				"--b\r\nContent-Type: application/octet-stream; name=scan.bin\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\n" + uuencode("scan.bin", docx) + "--b--\r\n",
			subject: "uu", addr: "a@example.cn", textHas: "see file", attach: []string{"scan.bin " + sum(docx)},
		},
		{
			name:    "6 UTF-7 encoded word and a \"437\" charset body",
			raw:     "From: a@example.cn\r\nSubject: =?utf-7?Q?+ZeVnLIqe-?=\r\nContent-Type: text/plain; charset=\"437\"\r\n\r\nK\x94ln \x82t\x82\r\n",
			subject: "日本語", addr: "a@example.cn", textHas: "Köln été",
		},
		{
			name: "6 inline message/rfc822 with a file name is an attachment",
			raw: "From: a@example.cn\r\nSubject: fwd\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nforwarded\r\n" +
				"--b\r\nContent-Type: message/rfc822; name=\"orig.eml\"\r\nContent-Disposition: inline; filename=\"orig.eml\"\r\n\r\n" +
				"From: b@example.cn\r\nSubject: inner\r\n\r\ninner text\r\n--b--\r\n",
			subject: "fwd", addr: "a@example.cn", textHas: "inner text",
			attach: []string{"orig.eml " + sum([]byte("From: b@example.cn\r\nSubject: inner\r\n\r\ninner text"))},
		},
		{
			name:    "6 unbracketed \"Name addr\" From",
			raw:     "From: 郭敏 guomin@example.cn\r\nSubject: s\r\n\r\nx\r\n",
			subject: "s", from: "郭敏", addr: "guomin@example.cn",
		},
		{
			name:    "7 quoted-printable soft break written =\\r\\r\\n or = followed by blanks",
			raw:     "From: a@example.cn\r\nSubject: qp\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=E6=99=8BICP=E5=A4=871234=\r\r\n5678=E5=8F=B7 and 9=  \r\n9\r\n",
			subject: "qp", addr: "a@example.cn", textHas: "晋ICP备12345678号 and 99",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			saved := map[string][]byte{}
			m, err := Parse(strings.NewReader(tt.raw), func(name, _ string, body io.Reader) (string, int64, error) {
				var buf bytes.Buffer
				n, err := buf.ReadFrom(body)
				saved[name] = buf.Bytes()
				return sum(buf.Bytes()), n, err
			})
			if err != nil {
				t.Fatal(err)
			}
			if m.Subject != tt.subject || m.FromName != tt.from || m.FromAddr != tt.addr {
				t.Errorf("subject %q from %q <%s>, want %q %q <%s>", m.Subject, m.FromName, m.FromAddr, tt.subject, tt.from, tt.addr)
			}
			if !strings.Contains(m.Text, tt.textHas) || tt.textLacks != "" && strings.Contains(m.Text, tt.textLacks) {
				t.Errorf("text %q: want it to hold %q and not %q", m.Text, tt.textHas, tt.textLacks)
			}
			var got []string
			for _, a := range m.Attachments {
				got = append(got, a.Name+" "+a.SHA256)
			}
			if strings.Join(got, "\n") != strings.Join(tt.attach, "\n") {
				t.Errorf("attachments\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.attach, "\n"))
			}
		})
	}
}
