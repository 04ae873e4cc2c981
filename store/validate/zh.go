package validate

// User-facing Chinese text of this package.
const (
	errIDEmpty  = "身份证号码为空"
	errIDLength = "身份证号码应为18位(实际%d位)"
	errIDChar   = "身份证号码第%d位“%c”无效(前17位应为数字,末位为数字或X)"
	errIDRegion = "身份证号码地区码%s无效"
	errIDBirth  = "身份证号码出生日期%s无效"
	errIDCheck  = "身份证号码校验位错误(应为%c)"

	errUSCCEmpty     = "统一社会信用代码为空"
	errUSCCLength    = "统一社会信用代码应为18位(实际%d位)"
	errUSCCChar      = "统一社会信用代码第%d位“%c”无效(只用数字和除I、O、S、V、Z以外的大写字母)"
	errUSCCAuthority = "统一社会信用代码第1位登记管理部门代码“%s”无效(应为1–9、A、N、Y)"
	errUSCCType      = "统一社会信用代码前两位“%s”无效(%s登记的机构类别代码不对)"
	errUSCCRegion    = "统一社会信用代码第3–8位行政区划码%s无效(应为数字)"
	errUSCCCheck     = "统一社会信用代码校验位错误(应为%c)"

	errCertEmpty   = "证件号码为空"
	errCertLength  = "证件号码应为18位的统一社会信用代码或身份证号码(实际%d位)"
	errCertNeither = "证件号码既不是有效的统一社会信用代码(%v),也不是有效的身份证号码(%v)"

	errFilingEmpty    = "备案号为空"
	errFilingShape    = "备案号格式错误:“%s”(应如“晋ICP备12345678号”或“晋ICP备12345678号-1”)"
	errFilingProvince = "备案号省份简称“%s”无效"
	errFilingLicence  = "“%s”是ICP经营许可证编号(ICP证),不是备案号(ICP备)"
	errFilingDigits   = "备案号数字部分应为6–10位(实际%d位)"
	errFilingSite     = "备案号网站/APP序号“%s”无效"
	warnOtherProvince = "备案号%s为外省(%s)备案,主办者在外省备案,注销等业务须向备案所在地通信管理局申请"

	errDomainEmpty  = "域名为空"
	errDomainAt     = "域名无效:“%s”像是电子邮件地址"
	errDomainIP     = "域名无效:%s是IP地址"
	errDomainChars  = "域名无效:“%s”含有不允许的字符"
	errDomainNoDot  = "域名无效:“%s”缺少顶级域(如.cn、.com)"
	errDomainLong   = "域名过长(%d个字符,最多253个)"
	errDomainLabel  = "域名无效:“%s”段长度应为1–63个字符"
	errDomainTLD    = "域名顶级域“.%s”不存在"
	errDomainSuffix = "域名无效:“%s”是公共后缀(如com.cn、gov.cn),不是可备案的域名"

	errDomainEmptyLabel = "域名无效:“%s”中有空段(两个点相连,或以点开头)"

	errPhoneEmpty  = "电话号码为空"
	errPhoneChars  = "电话号码“%s”含有不允许的字符"
	errPhoneMobile = "手机号码“%s”无效(应为1开头的11位数字)"
	errPhoneShape  = "电话号码“%s”无效(手机号码为11位;固定电话应如0351-8788032)"
)

// provinceNames maps the abbreviations used in filing numbers to the
// provinces whose administrations issue them.
var provinceNames = map[string]string{
	"晋": "山西", "京": "北京", "津": "天津", "沪": "上海", "渝": "重庆",
	"冀": "河北", "豫": "河南", "云": "云南", "辽": "辽宁", "黑": "黑龙江",
	"湘": "湖南", "皖": "安徽", "鲁": "山东", "新": "新疆", "苏": "江苏",
	"浙": "浙江", "赣": "江西", "鄂": "湖北", "桂": "广西", "甘": "甘肃",
	"蒙": "内蒙古", "陕": "陕西", "吉": "吉林", "闽": "福建", "贵": "贵州",
	"粤": "广东", "青": "青海", "藏": "西藏", "川": "四川", "宁": "宁夏",
	"琼": "海南",
}

// usccAuthorities names the registration authorities of GB 32100-2015.
var usccAuthorities = map[byte]string{
	'1': "机构编制部门", '2': "外交部门", '3': "司法行政部门", '4': "文化部门", '5': "民政部门",
	'6': "旅游部门", '7': "宗教事务部门", '8': "工会", '9': "市场监管(工商)部门", 'A': "中央军委改革和编制办公室",
	'N': "农业部门", 'Y': "其他部门",
}

// cityNames are Shanxi's prefecture-level cities by the first four digits
// of their GB/T 2260 code.
var cityNames = map[string]string{
	"1401": "太原", "1402": "大同", "1403": "阳泉", "1404": "长治", "1405": "晋城", "1406": "朔州",
	"1407": "晋中", "1408": "运城", "1409": "忻州", "1410": "临汾", "1411": "吕梁",
}

// CityUnknown is the 地市 of a certificate that names no Shanxi city.
const CityUnknown = "未知"
