package timeline

import (
	"testing"
	"time"
)

func TestShortDurationDropsZeroParts(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{time.Minute, "1m"},
		{10 * time.Minute, "10m"},
		{30 * time.Minute, "30m"},
		{2 * time.Hour, "2h"},
		{90 * time.Minute, "1h30m"},
		{7 * 24 * time.Hour, "168h"},
		{45 * time.Second, "45s"},
		{10*time.Minute + 30*time.Second, "10m30s"},
	}
	for _, tt := range tests {
		if got := ShortDuration(tt.d); got != tt.want {
			t.Errorf("ShortDuration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestFeedValidation(t *testing.T) {
	tests := []struct {
		name  string
		feed  Feed
		field string // "" for valid
	}{
		{"a feed to review every half hour", Feed{URL: "https://x.example/rss", Every: DefaultFeedEvery, Accept: AcceptReview}, ""},
		{"auto, hourly", Feed{URL: "http://x.example/atom", Every: time.Hour, Accept: AcceptAuto}, ""},
		{"no address", Feed{Every: time.Hour, Accept: AcceptAuto}, "url"},
		{"not the web", Feed{URL: "gopher://x.example/", Every: time.Hour, Accept: AcceptAuto}, "url"},
		{"more often than a minute", Feed{URL: "https://x.example/rss", Every: 59 * time.Second, Accept: AcceptAuto}, "every"},
		{"less often than a week", Feed{URL: "https://x.example/rss", Every: MaxFeedEvery + time.Hour, Accept: AcceptAuto}, "every"},
		{"no way of accepting", Feed{URL: "https://x.example/rss", Every: time.Hour}, "accept"},
	}
	for _, tt := range tests {
		err := tt.feed.Validate()
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.field != "" && (FieldErrors(err) == nil || FieldErrors(err).Field(tt.field) == ""):
			t.Errorf("%s: %v, want a problem with %s", tt.name, err, tt.field)
		}
	}
}
