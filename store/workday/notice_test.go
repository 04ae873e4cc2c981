package workday

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestParseNoticeFixtures(t *testing.T) {
	tests := []struct {
		file string
		year int // argument; 0 = from the title
		want int
	}{
		{"notice_2025_fullwidth.txt", 0, 2025},
		{"notice_2025_ascii.txt", 0, 2025},
		{"notice_2026_fullwidth.txt", 0, 2026},
		{"notice_2026_ascii.txt", 2026, 2026},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile("testdata/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ParseNotice(string(b), tt.year)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := Official(tt.want)
			if got.Year != want.Year || !slices.Equal(got.Off, want.Off) || !slices.Equal(got.Work, want.Work) {
				t.Errorf("got  %v\nwant %v", got, want)
			}
		})
	}
}

func TestParseNotice(t *testing.T) {
	tests := []struct {
		name string
		text string
		year int
		off  []string
		work []string
	}{
		{
			name: "single day, full-width",
			text: "一、元旦：1月1日（周三）放假1天，不调休。",
			year: 2025,
			off:  []string{"2025-01-01"},
		},
		{
			name: "range and make-up day, ASCII with spaces",
			text: "一、元旦: 1月1日 (周四) 至 3日 (周六) 放假调休, 共3天. 1月4日 (周日) 上班.",
			year: 2026,
			off:  []string{"2026-01-01", "2026-01-02", "2026-01-03"},
			work: []string{"2026-01-04"},
		},
		{
			name: "range across months, two make-up days",
			text: "二、春节:1月28日(农历除夕、周二)至2月4日(农历正月初七、周二)放假调休,共8天。1月26日(周日)、2月8日(周六)上班。",
			year: 2025,
			off:  []string{"2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04"},
			work: []string{"2025-01-26", "2025-02-08"},
		},
		{
			name: "no line prefix, two festivals",
			text: "国庆节、中秋节:10月1日(周三)至8日(周三)放假调休,共8天。9月28日(周日)、10月11日(周六)上班。",
			year: 2025,
			off:  []string{"2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08"},
			work: []string{"2025-09-28", "2025-10-11"},
		},
		{
			name: "year from the title",
			text: "国务院办公厅关于 2027 年部分节假日安排的通知\n一、元旦:1月1日(周五)至3日(周日)放假,共3天。",
			off:  []string{"2027-01-01", "2027-01-02", "2027-01-03"},
		},
		{
			name: "old style with explicit years across new year",
			text: "一、元旦:2018年12月30日至2019年1月1日放假调休,共3天。2018年12月29日(星期六)上班。",
			year: 2019,
			off:  []string{"2018-12-30", "2018-12-31", "2019-01-01"},
			work: []string{"2018-12-29"},
		},
		{
			name: "range across the new year without years",
			text: "一、元旦:12月30日(星期日)至1月1日(星期二)放假调休,共3天。",
			year: 2019,
			off:  []string{"2018-12-30", "2018-12-31", "2019-01-01"},
		},
		{
			name: "byte order mark and CRLF",
			text: "\uFEFF关于2026年部分节假日安排的通知\r\n五、端午节:6月19日(周五)至21日(周日)放假,共3天。\r\n",
			off:  []string{"2026-06-19", "2026-06-20", "2026-06-21"},
		},
		{
			name: "count in unrelated sentence is ignored",
			text: "根据决定,全体公民放假的假日增加2天。\n一、元旦:1月1日(周三)放假1天,不调休。\n国务院办公厅\n2024年11月12日",
			year: 2025,
			off:  []string{"2025-01-01"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNotice(tt.text, tt.year)
			if err != nil {
				t.Fatal(err)
			}
			if tt.work == nil {
				tt.work = []string{}
			}
			if !slices.Equal(got.Off, tt.off) || !slices.Equal(got.Work, tt.work) {
				t.Errorf("got Off %v Work %v\nwant Off %v Work %v", got.Off, got.Work, tt.off, tt.work)
			}
		})
	}
}

func TestParseNoticeErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		year int
		want string // part of the message
	}{
		{"no year", "一、元旦:1月1日(周四)放假1天。", 0, "年份"},
		{"title and argument differ", "关于2026年部分节假日安排的通知\n1月1日(周四)放假1天。", 2025, "年份不符"},
		{"no dates", "国务院办公厅关于2026年部分节假日安排的通知\n节假日期间注意安全。", 0, "未找到"},
		{"empty", "", 2026, "未找到"},
		{"dates without keyword", "1月1日、1月2日", 2026, "未找到"},
		{"no such day", "春节:2月28日至2月30日放假。", 2026, "2月30日"},
		{"month 13", "13月1日放假。", 2026, "13月1日"},
		{"count disagrees", "一、元旦:1月1日(周四)至3日(周六)放假调休,共4天。", 2026, "共4天"},
		{"single day count disagrees", "一、元旦:1月1日(周四)放假2天。", 2026, "共2天"},
		{"wrong weekday", "一、元旦:1月1日(周三)放假1天。", 2026, "星期不符"},
		{"wrong weekday of range end", "清明节:4月4日(周六)至6日(周二)放假。", 2026, "星期不符"},
		{"range backwards", "5月5日至5月1日放假。", 2026, "起始日"},
		{"range too long", "1月1日至3月1日放假。", 2026, "过长"},
		{"off and work", "5月1日放假。5月1日上班。", 2026, "既是放假日又是上班日"},
		{"line number", "关于2026年部分节假日安排\n\n一、元旦:1月1日(周四)至3日(周六)放假调休,共4天。", 0, "第3行"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNotice(tt.text, tt.year)
			if err == nil {
				t.Fatalf("no error, got %v", got)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
		})
	}
}
