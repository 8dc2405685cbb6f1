package webpage_test

import (
	"os"
	"strings"
	"testing"

	"github.com/dateline/dateline/views/webpage"
)

func page(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestIsHTML(t *testing.T) {
	tests := []struct {
		name, input string
		want        bool
	}{
		{"a document", "<!DOCTYPE html><html><body><p>Hi</p></body></html>", true},
		{"an html element first", "  <html lang=en><p>Hi</p></html>", true},
		{"xhtml", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"></html>`, true},
		{"a piece of a page", strings.Repeat("<p>One paragraph.</p>\n", 6), true},
		{"text", "Leaders met on 3 July 2025 in Brussels.\n\nThey agreed.", false},
		{"text that mentions a tag", "Write <p> to start a paragraph.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := webpage.IsHTML(tt.input); got != tt.want {
				t.Errorf("IsHTML = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTextIsWhatAReaderSees(t *testing.T) {
	text := webpage.Read(page(t, "newswire.html")).String()
	for _, want := range []string{
		"GULF NEWSWIRE\nHome > World > Middle East\nOman hosts a new round of talks\nMuscat, 12 April 2025\n",
		"on Saturday for talks on Iran’s nuclear programme, the Omani foreign ministry said, in the first such meeting since 2018–2019.\nAdvertisement\n",
		"Both sides called the talks “constructive”.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	for _, hidden := range []string{"color: red", "not text", "NewsArticle", "<"} {
		if strings.Contains(text, hidden) {
			t.Errorf("the text shows %q:\n%s", hidden, text)
		}
	}
}

// A quote is a byte range of the page; its context is the rest of its
// paragraph as a reader sees it, never the markup or the blocks around.
func TestContextOfAQuote(t *testing.T) {
	p := page(t, "newswire.html")
	start := strings.Index(p, "Iranian and American")
	end := strings.Index(p, "Omani foreign ministry</a> said") + len("Omani foreign ministry</a> said")
	tests := []struct {
		name                 string
		start, end, n        int
		before, quote, after string
	}{
		{"the whole paragraph around", start, end, 200, "",
			"Iranian and American envoys met in Muscat on Saturday for talks on Iran’s nuclear programme, the Omani foreign ministry said",
			", in the first such meeting since 2018–2019."},
		{"cut at words", strings.Index(p, "envoys met"), strings.Index(p, " in Muscat"), 12, "…American ", "envoys met",
			" in Muscat…"},
		{"a reference alone", strings.Index(p, "&ndash;"), strings.Index(p, "&ndash;") + len("&ndash;"), 4, "…2018", "–", "2019…"},
	}
	text := webpage.Read(p)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, quote, after, ok := text.Context(tt.start, tt.end, tt.n)
			if !ok || before != tt.before || quote != tt.quote || after != tt.after {
				t.Errorf("Context = %q | %q | %q (%v)\nwant %q | %q | %q", before, quote, after, ok, tt.before, tt.quote, tt.after)
			}
		})
	}
	if _, _, _, ok := text.Context(strings.Index(p, "<style>"), strings.Index(p, "</style>"), 10); ok {
		t.Error("a range of the page no reader sees has a context")
	}
}
