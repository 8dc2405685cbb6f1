package webpage_test

import (
	"slices"
	"testing"

	"github.com/dateline/dateline/views/webpage"
)

func TestMetaOfAPage(t *testing.T) {
	m := webpage.ReadMeta(page(t, "newswire.html"))
	if m.Headline != "Oman hosts a new round of talks between Iran and the United States" {
		t.Errorf("headline %q", m.Headline)
	}
	if m.OGTitle != "Oman hosts a new round of talks | Gulf Newswire" || m.DocTitle != "GULF NEWSWIRE" {
		t.Errorf("og:title %q, title %q", m.OGTitle, m.DocTitle)
	}
	if !slices.Equal(m.Headings, []string{"GULF NEWSWIRE", "Oman hosts a new round of talks"}) {
		t.Errorf("headings %q", m.Headings)
	}
	if m.Publisher != "Gulf Newswire" || m.Lang != "en-GB" {
		t.Errorf("publisher %q, lang %q", m.Publisher, m.Lang)
	}
}

func TestThePublisherComesFromWhatThePageSays(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"og:site_name", `<html><head><meta property="og:site_name" content="The Courier"></head></html>`, "The Courier"},
		{"JSON-LD publisher", `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","publisher":{"@type":"Organization","name":"Wire Service"}}</script></head></html>`, "Wire Service"},
		{"JSON-LD list", `<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":["NewsArticle"],"headline":"H","publisher":"Daily Example"}]</script>`, "Daily Example"},
		{"application-name", `<meta name="application-name" content="Example News">`, "Example News"},
		{"nothing", `<html><body><p>Text</p></body></html>`, ""},
		{"broken JSON-LD", `<script type="application/ld+json">{"headline": </script>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := webpage.ReadMeta(tt.page).Publisher; got != tt.want {
				t.Errorf("publisher %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTheTitleIsTheHeadline(t *testing.T) {
	tests := []struct {
		name      string
		meta      webpage.Meta
		extracted string
		want      string
	}{
		{"JSON-LD headline first", webpage.Meta{Headline: "Talks resume", OGTitle: "Talks | Site"}, "SITE", "Talks resume"},
		{"og:title without the site's name", webpage.Meta{OGTitle: "Talks resume | Gulf Newswire", Publisher: "Gulf Newswire"}, "", "Talks resume"},
		{"a masthead is passed over for the h1", webpage.Meta{Headings: []string{"GULF NEWSWIRE", "Talks resume in Muscat"}}, "GULF NEWSWIRE", "Talks resume in Muscat"},
		{"a breadcrumb is passed over", webpage.Meta{Headings: []string{"Talks resume in Muscat"}}, "Home > World > Middle East", "Talks resume in Muscat"},
		{"a dateline is passed over", webpage.Meta{DocTitle: "Crimea joins Russia, Putin says - Moscow Wire"}, "Moscow, 19 March 2014", "Crimea joins Russia, Putin says"},
		{"the publisher's name is no headline", webpage.Meta{Headings: []string{"Example Courier", "Leaders meet"}, Publisher: "Example Courier"}, "", "Leaders meet"},
		{"a good extracted title stays", webpage.Meta{Headings: []string{"Other"}}, "Leaders Meet at the Border", "Leaders Meet at the Border"},
		{"nothing better: the extracted title", webpage.Meta{}, "GULF NEWSWIRE", "GULF NEWSWIRE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.meta.Title(tt.extracted); got != tt.want {
				t.Errorf("Title(%q) = %q, want %q", tt.extracted, got, tt.want)
			}
		})
	}
}

func TestNotAHeadline(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"GULF NEWSWIRE", true},
		{"Home > World > Middle East", true},
		{"News / World / Asia", true},
		{"Moscow, 19 March 2014", true},
		{"GENEVA, June 3, 2025", true},
		{"Kyiv, 21.03.2023", true},
		{"US, Iran hold talks in Oman", false},
		{"NATO AND EU LEADERS MEET IN BRUSSELS TO DISCUSS UKRAINE", false},
		{"After 9/11, a 24/7 watch", false},
		{"Putin: 'No talks until March 2025'", false},
	}
	for _, tt := range tests {
		if got := webpage.NotAHeadline(tt.s, ""); got != tt.want {
			t.Errorf("NotAHeadline(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
