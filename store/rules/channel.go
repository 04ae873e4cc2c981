package rules

// Channel is how a request reached the desk.
type Channel string

const (
	ChannelEmail   Channel = "email"
	ChannelFax     Channel = "fax"
	ChannelPost    Channel = "post"
	ChannelCounter Channel = "counter"
	ChannelOnline  Channel = "online"
)

// Channels lists every channel in display order.
func Channels() []Channel {
	return []Channel{ChannelEmail, ChannelFax, ChannelPost, ChannelCounter, ChannelOnline}
}

// ParseChannel accepts a code or a Chinese label.
func ParseChannel(s string) (Channel, error) { return parse(s, Channels(), fieldChannel) }

// Label returns the Chinese name; an unknown code is returned as is.
func (c Channel) Label() string { return label(channelLabels, c) }
