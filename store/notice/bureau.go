package notice

import (
	"context"
	"fmt"
	"strings"
)

// Setting keys of 单位信息 (设置 → 单位信息).
const (
	SettingName    = "bureau.name"
	SettingAddress = "bureau.address"
	SettingPhones  = "bureau.phones"
	SettingFax     = "bureau.fax"
	SettingMailbox = "bureau.mailbox"
	SettingHours   = "bureau.hours"
)

// Bureau is the issuing office as printed on every notice. Its values are
// settings, so a new phone number needs no new release.
type Bureau struct {
	Name    string // 单位名称, also the signature
	Address string // 办理地点 and postal address
	Phones  string
	Fax     string
	Mailbox string
	Hours   string // 办理时间
}

// DefaultBureau returns the values the FAQ publishes.
func DefaultBureau() Bureau {
	return Bureau{Name: defaultName, Address: defaultAddress, Phones: defaultPhones,
		Fax: defaultFax, Mailbox: defaultMailbox, Hours: defaultHours}
}

// Settings reads saved settings; a store.Book satisfies it.
type Settings interface {
	Setting(ctx context.Context, key, def string) (string, error)
}

// SettingsWriter saves settings; a store.Book satisfies it.
type SettingsWriter interface {
	SetSetting(ctx context.Context, key, value string) error
}

func (b *Bureau) fields() []struct {
	key string
	v   *string
} {
	return []struct {
		key string
		v   *string
	}{
		{SettingName, &b.Name}, {SettingAddress, &b.Address}, {SettingPhones, &b.Phones},
		{SettingFax, &b.Fax}, {SettingMailbox, &b.Mailbox}, {SettingHours, &b.Hours},
	}
}

// LoadBureau reads 单位信息; an unset or blank value takes the FAQ's.
func LoadBureau(ctx context.Context, s Settings) (Bureau, error) {
	b := DefaultBureau()
	for _, f := range b.fields() {
		v, err := s.Setting(ctx, f.key, "")
		if err != nil {
			return b, fmt.Errorf("load %s: %w", f.key, err)
		}
		if v = strings.TrimSpace(v); v != "" {
			*f.v = v
		}
	}
	return b, nil
}

// SaveBureau stores 单位信息. The name and the address may not be blank:
// a notice without them is no notice.
func SaveBureau(ctx context.Context, s SettingsWriter, b Bureau) error {
	for _, f := range b.fields() {
		*f.v = strings.TrimSpace(*f.v)
		if *f.v == "" && (f.key == SettingName || f.key == SettingAddress) {
			return fmt.Errorf(errBureauField, bureauFieldNames[f.key])
		}
	}
	for _, f := range b.fields() {
		if err := s.SetSetting(ctx, f.key, *f.v); err != nil {
			return fmt.Errorf("save %s: %w", f.key, err)
		}
	}
	return nil
}
