package safefile

// zoneInternet is the Zone.Identifier of a file from the Internet (zone 3):
// Windows then opens it in Protected View and SmartScreen asks before it
// runs.
const zoneInternet = 3

// ZoneIdentifier is the content of the Zone.Identifier stream that marks a
// file as downloaded from the Internet (Mark-of-the-Web).
func ZoneIdentifier() string {
	return "[ZoneTransfer]\r\nZoneId=" + string(rune('0'+zoneInternet)) + "\r\n"
}
