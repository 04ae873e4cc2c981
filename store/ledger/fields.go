package ledger

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Field is what a ledger column holds, in the names --map takes.
type Field string

// The fields a ledger column can map to. Ignore drops a column.
const (
	FieldLegacyNo    Field = "legacy_no"
	FieldReceived    Field = "received"
	FieldChannel     Field = "channel"
	FieldSponsor     Field = "sponsor"
	FieldCertNo      Field = "cert_no"
	FieldFiling      Field = "filing"
	FieldDomain      Field = "domain"
	FieldProvider    Field = "provider"
	FieldContact     Field = "contact"
	FieldPhone       Field = "phone"
	FieldStatus      Field = "status"
	FieldClosed      Field = "closed"
	FieldClerk       Field = "clerk"
	FieldNote        Field = "note"
	FieldKind        Field = "kind"
	FieldSponsorType Field = "sponsor_type"
	Ignore           Field = "ignore"
)

// Fields lists every field a column may be mapped to, in ledger order.
func Fields() []Field {
	return []Field{FieldLegacyNo, FieldReceived, FieldChannel, FieldSponsor, FieldCertNo, FieldFiling,
		FieldDomain, FieldProvider, FieldContact, FieldPhone, FieldStatus, FieldClosed, FieldClerk,
		FieldNote, FieldKind, FieldSponsorType, Ignore}
}

// Label is the field's Chinese name.
func (f Field) Label() string {
	if s, ok := fieldLabels[f]; ok {
		return s
	}
	return string(f)
}

// synonyms maps normalised header texts to fields. The first of each list is
// the usual spelling; the others are what real ledgers kept in Excel or WPS
// call the same column.
var synonyms = map[Field][]string{
	FieldLegacyNo:    {"序号", "编号", "原编号", "台账编号", "登记号", "登记编号", "流水号"},
	FieldReceived:    {"收件日期", "来件日期", "日期", "收件时间", "来件时间", "登记日期", "接收日期"},
	FieldChannel:     {"来件方式", "渠道", "来件渠道", "收件方式", "来源"},
	FieldSponsor:     {"主办单位", "主办者", "申请人", "主办单位名称", "主办者名称", "主办单位/个人", "单位名称"},
	FieldCertNo:      {"证件号码", "统一社会信用代码", "身份证号", "身份证号码", "证件号", "主办者证件号码", "信用代码"},
	FieldFiling:      {"备案号", "网站备案号", "ICP备案号", "备案号码", "主体备案号", "APP备案号"},
	FieldDomain:      {"域名", "网站域名", "网址"},
	FieldProvider:    {"接入商", "接入服务商", "接入单位"},
	FieldContact:     {"联系人", "经办联系人"},
	FieldPhone:       {"联系电话", "电话", "手机", "联系方式", "手机号码"},
	FieldStatus:      {"办理结果", "状态", "办理状态", "结果", "办理情况"},
	FieldClosed:      {"办结日期", "办结时间", "完成日期", "办理日期"},
	FieldClerk:       {"经办人", "承办人", "办理人"},
	FieldNote:        {"备注", "说明"},
	FieldKind:        {"业务类型", "类型", "申请事项", "事项"},
	FieldSponsorType: {"主办者类型", "主办单位性质", "主体性质"},
}

var synonymIndex = func() map[string]Field {
	m := map[string]Field{}
	for f, names := range synonyms {
		for _, n := range names {
			m[normHeader(n)] = f
		}
	}
	return m
}()

// normHeader folds the ways one header is typed: full-width letters,
// spaces and line breaks inside the cell, a required-field star, a
// trailing colon or unit in brackets.
func normHeader(s string) string {
	s = width.Fold.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' || r == ':' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
	if i := strings.IndexAny(s, "(["); i > 0 {
		s = s[:i]
	}
	return strings.ToUpper(s)
}

// fieldOfHeader returns the field a header names, or "".
func fieldOfHeader(h string) Field { return synonymIndex[normHeader(h)] }

// Mapping says which field each column holds, by column index. Columns not
// in it are ignored.
type Mapping map[int]Field

// DetectMapping maps headers by their synonyms. When two columns name the
// same field, the first wins and the second is ignored, except filings and
// domains, where several columns add up.
func DetectMapping(headers []string) Mapping {
	m := Mapping{}
	seen := map[Field]bool{}
	for i, h := range headers {
		f := fieldOfHeader(h)
		if f == "" || (seen[f] && f != FieldFiling && f != FieldDomain) {
			continue
		}
		seen[f] = true
		m[i] = f
	}
	return m
}

// ParseField reads a field name: its code (received) or its Chinese label.
func ParseField(s string) (Field, error) {
	t := strings.TrimSpace(s)
	for _, f := range Fields() {
		if strings.EqualFold(t, string(f)) || t == f.Label() {
			return f, nil
		}
	}
	if t == "-" || t == "" {
		return Ignore, nil
	}
	names := make([]string, 0, len(Fields()))
	for _, f := range Fields() {
		names = append(names, fmt.Sprintf("%s(%s)", f, f.Label()))
	}
	return "", fmt.Errorf(errUnknownField, s, strings.Join(names, "、"))
}

// Override applies "列名=field,…" (as --map takes it) to m. A column is
// named by its header text, or by its letter (A, B, …) when the header is
// empty or repeated. Separators may be ASCII or full-width.
func Override(m Mapping, headers []string, spec string) error {
	spec = strings.NewReplacer(",", ",", "，", ",", "=", "=", ";", ",").Replace(spec)
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, val, ok := strings.Cut(part, "=")
		if !ok {
			return fmt.Errorf(errMapShape, part)
		}
		f, err := ParseField(val)
		if err != nil {
			return err
		}
		col := findColumn(headers, name)
		if col < 0 {
			return fmt.Errorf(errMapColumn, strings.TrimSpace(name), strings.Join(nonEmpty(headers), "、"))
		}
		// One column per field (filings and domains excepted): the new
		// mapping takes the field from any other column.
		if f != Ignore && f != FieldFiling && f != FieldDomain {
			for i, g := range m {
				if g == f {
					delete(m, i)
				}
			}
		}
		if f == Ignore {
			delete(m, col)
		} else {
			m[col] = f
		}
	}
	return nil
}

func findColumn(headers []string, name string) int {
	name = strings.TrimSpace(name)
	for i, h := range headers {
		if strings.TrimSpace(h) == name {
			return i
		}
	}
	n := normHeader(name)
	for i, h := range headers {
		if normHeader(h) == n && n != "" {
			return i
		}
	}
	if i, ok := columnIndex(name); ok && i < len(headers) {
		return i
	}
	return -1
}

// columnIndex reads a column letter (A, B, …, AA).
func columnIndex(s string) (int, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" || len(s) > 3 {
		return 0, false
	}
	n := 0
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return 0, false
		}
		n = n*26 + int(r-'A'+1)
	}
	return n - 1, true
}

// ColumnName is the column's letter (0 → A).
func ColumnName(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func nonEmpty(list []string) []string {
	var out []string
	for _, s := range list {
		if strings.TrimSpace(s) != "" {
			out = append(out, strings.TrimSpace(s))
		}
	}
	return out
}

// Named returns the mapping keyed by header text (the column letter for an
// empty header), as the JSON output shows it.
func (m Mapping) Named(headers []string) map[string]string {
	out := map[string]string{}
	for i, f := range m {
		out[headerName(headers, i)] = string(f)
	}
	return out
}

// columns returns the columns mapped to f, in order.
func (m Mapping) columns(f Field) []int {
	var out []int
	for i, g := range m {
		if g == f {
			out = append(out, i)
		}
	}
	sort.Ints(out)
	return out
}

func headerName(headers []string, i int) string {
	if i < len(headers) && strings.TrimSpace(headers[i]) != "" {
		return strings.TrimSpace(headers[i])
	}
	return ColumnName(i)
}
